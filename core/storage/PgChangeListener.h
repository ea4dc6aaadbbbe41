#pragma once

#include "core/ChangeFeed.h"
#include "core/Result.h"

#include <QObject>

#include <optional>

namespace crm {

class Database;

// Brings other processes' writes into this process's ChangeFeed on PostgreSQL: LISTENs on the
// channel that Database::notifyAfterCommit() NOTIFYs inside each write transaction (so a rolled-back
// write announces nothing) and re-publishes every change whose origin is not this process.
//
// Needs its own connection and a running event loop on that connection's thread: the driver
// delivers notifications from a socket notifier. SQLite has one writer process, nothing to listen to.
class PgChangeListener : public QObject
{
    Q_OBJECT
public:
    PgChangeListener(Database &db, ChangeFeed *feed, QObject *parent = nullptr);
    ~PgChangeListener() override;

    Status start();

    // One line of a payload, "entity:id:kind:origin" -> the change and its origin; nullopt for
    // anything malformed.
    static std::optional<std::pair<Change, QString>> parse(const QString &payload);

private:
    void onNotification(const QString &name, const QVariant &payload);

    Database &m_db;
    ChangeFeed *m_feed;
    bool m_started = false;
};

} // namespace crm
