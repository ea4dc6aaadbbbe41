#include "ui/DisplayFormat.h"

#include "core/domain/Opportunity.h"
#include "core/services/CustomerValidator.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

namespace crm {

QString DisplayFormat::dealAmount(const Opportunity &o)
{
    if (o.hiddenFields.contains(QStringLiteral("amountMinor")))
        return QStringLiteral("—");
    return money(o.amountMinor) + QLatin1Char(' ') + o.currency;
}

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
    return date(QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().date());
}

QString DisplayFormat::date(const QDate &day)
{
    return day.isValid() ? QLocale().toString(day, QLocale::ShortFormat) : QString();
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

QString DisplayFormat::dealStatus(const QString &code)
{
    if (code == QLatin1String("open"))
        return tr("Open", "deal status");
    if (code == QLatin1String("won"))
        return tr("Won", "deal status");
    if (code == QLatin1String("lost"))
        return tr("Lost", "deal status"); // a customer's "Lost" reads differently in Chinese
    return code;
}

QString DisplayFormat::taskStatus(const QString &code)
{
    if (code == QLatin1String("open"))
        return tr("Open", "task status");
    if (code == QLatin1String("done"))
        return tr("Done", "task status");
    if (code == QLatin1String("cancelled"))
        return tr("Cancelled", "task status");
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

QString DisplayFormat::permission(const QString &code)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("customer.read"), QT_TR_NOOP("Read customers")},
        {QStringLiteral("customer.write"), QT_TR_NOOP("Add and edit customers")},
        {QStringLiteral("customer.delete"), QT_TR_NOOP("Delete customers")},
        {QStringLiteral("customer.export"), QT_TR_NOOP("Export customers")},
        {QStringLiteral("customer.export_unmasked"), QT_TR_NOOP("Export phones and emails unmasked")},
        {QStringLiteral("customer.assign"), QT_TR_NOOP("Assign customers and move them to the pool")},
        {QStringLiteral("pool.claim"), QT_TR_NOOP("Claim from the public pool")},
        {QStringLiteral("lead.read"), QT_TR_NOOP("Read leads")},
        {QStringLiteral("lead.write"), QT_TR_NOOP("Add, edit and convert leads")},
        {QStringLiteral("opportunity.read"), QT_TR_NOOP("Read opportunities")},
        {QStringLiteral("opportunity.write"), QT_TR_NOOP("Add, edit and move opportunities")},
        {QStringLiteral("opportunity.delete"), QT_TR_NOOP("Delete opportunities")},
        {QStringLiteral("activity.read"), QT_TR_NOOP("Read activities")},
        {QStringLiteral("activity.write"), QT_TR_NOOP("Log activities")},
        {QStringLiteral("task.read"), QT_TR_NOOP("Read tasks and follow-ups")},
        {QStringLiteral("task.write"), QT_TR_NOOP("Add and edit tasks and follow-ups")},
        {QStringLiteral("campaign.read"), QT_TR_NOOP("Read campaigns")},
        {QStringLiteral("campaign.write"), QT_TR_NOOP("Run campaigns")},
        {QStringLiteral("feedback.read"), QT_TR_NOOP("Read feedback")},
        {QStringLiteral("feedback.write"), QT_TR_NOOP("Record and handle feedback")},
        {QStringLiteral("report.read"), QT_TR_NOOP("See dashboards and reports")},
        {QStringLiteral("report.export"), QT_TR_NOOP("Export reports")},
        {QStringLiteral("audit.read"), QT_TR_NOOP("Read the audit log")},
        {QStringLiteral("user.admin"), QT_TR_NOOP("Administer users, departments and roles")},
        {QStringLiteral("settings.admin"), QT_TR_NOOP("Change company settings and pipelines")},
    };
    const char *label = labels.value(code);
    return label ? tr(label) : code;
}

QString DisplayFormat::dataScope(const QString &code)
{
    if (code == QLatin1String("own"))
        return tr("Own records");
    if (code == QLatin1String("own_and_subordinates"))
        return tr("Own and subordinates' records");
    if (code == QLatin1String("department"))
        return tr("Own department");
    if (code == QLatin1String("department_tree"))
        return tr("Department and its sub-departments");
    if (code == QLatin1String("all"))
        return tr("Everything");
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
