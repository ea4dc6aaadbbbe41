#include "ui/DisplayFormat.h"

#include "core/services/CustomerValidator.h"

#include <QDateTime>
#include <QLocale>

namespace crm {

QString DisplayFormat::money(qint64 minor)
{
    const QLocale locale;
    const bool negative = minor < 0;
    const quint64 abs = negative ? quint64(-(minor + 1)) + 1 : quint64(minor);
    const QString fraction = QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
    return (negative ? locale.negativeSign() : QString()) + locale.toString(qulonglong(abs / 100)) +
           locale.decimalPoint() + fraction;
}

QString DisplayFormat::dateTime(qint64 utcMs)
{
    if (utcMs <= 0)
        return QString();
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime(), QLocale::ShortFormat);
}

QString DisplayFormat::date(qint64 utcMs)
{
    if (utcMs <= 0)
        return QString();
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().date(), QLocale::ShortFormat);
}

const QStringList &DisplayFormat::customerStatuses()
{
    return CustomerValidator::statuses();
}

QString DisplayFormat::customerStatus(const QString &code)
{
    if (code == QLatin1String("prospect"))
        return tr("Prospect");
    if (code == QLatin1String("new"))
        return tr("New");
    if (code == QLatin1String("active"))
        return tr("Active");
    if (code == QLatin1String("loyal"))
        return tr("Loyal");
    if (code == QLatin1String("at_risk"))
        return tr("At risk");
    if (code == QLatin1String("lost"))
        return tr("Lost");
    return code;
}

QString DisplayFormat::customerKind(const QString &code)
{
    if (code == QLatin1String("company"))
        return tr("Company");
    if (code == QLatin1String("person"))
        return tr("Person");
    return code;
}

QString DisplayFormat::activityKind(const QString &code)
{
    if (code == QLatin1String("call"))
        return tr("Call");
    if (code == QLatin1String("message"))
        return tr("Message");
    if (code == QLatin1String("email"))
        return tr("Email");
    if (code == QLatin1String("meeting"))
        return tr("Meeting");
    if (code == QLatin1String("visit"))
        return tr("Visit");
    if (code == QLatin1String("note"))
        return tr("Note");
    return code;
}

QString DisplayFormat::direction(const QString &code)
{
    if (code == QLatin1String("inbound"))
        return tr("Inbound");
    if (code == QLatin1String("outbound"))
        return tr("Outbound");
    return code;
}

QString DisplayFormat::roleName(const QString &name)
{
    if (name == QLatin1String("administrator"))
        return tr("Administrator");
    if (name == QLatin1String("manager"))
        return tr("Manager");
    if (name == QLatin1String("rep"))
        return tr("Sales rep");
    return name;
}

QString DisplayFormat::gender(const QString &code)
{
    if (code == QLatin1String("male"))
        return tr("Male");
    if (code == QLatin1String("female"))
        return tr("Female");
    return code;
}

} // namespace crm
