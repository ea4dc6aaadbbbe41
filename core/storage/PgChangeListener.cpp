#include "core/storage/PgChangeListener.h"

#include "core/storage/Database.h"

#include <QSqlDriver>

namespace crm {

PgChangeListener::PgChangeListener(Database &db, ChangeFeed *feed, QObject *parent)
    : QObject(parent), m_db(db), m_feed(feed)
{
}

PgChangeListener::~PgChangeListener()
{
    if (m_started)
        m_db.connection().driver()->unsubscribeFromNotification(Database::notifyChannel());
}

Status PgChangeListener::start()
{
    if (m_db.isSqlite() || m_started)
        return {};
    QSqlDriver *driver = m_db.connection().driver();
    if (!driver->subscribeToNotification(Database::notifyChannel()))
        return Error{QStringLiteral("storage.unavailable"), QStringLiteral("Cannot listen for changes made by other processes"), {}};
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) { onNotification(name, payload); });
    m_started = true;
    return {};
}

std::optional<std::pair<Change, QString>> PgChangeListener::parse(const QString &payload)
{
    const QStringList parts = payload.split(QLatin1Char(':'));
    if (parts.size() != 4 || parts[0].isEmpty() || parts[2].isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 id = parts[1].toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return std::make_pair(Change{parts[0], id, parts[2]}, parts[3]);
}

void PgChangeListener::onNotification(const QString &name, const QVariant &payload)
{
    if (name != Database::notifyChannel() || !m_feed)
        return;
    // A transaction's changes, a line each (Database::notifyAfterCommit). Our own process published
    // its changes to the feed at commit already.
    const QString origin = m_db.origin();
    for (QStringView line : QStringView(payload.toString()).split(QLatin1Char('\n'))) {
        const auto parsed = parse(line.toString());
        if (parsed && parsed->second != origin)
            m_feed->publish(parsed->first);
    }
}

} // namespace crm
