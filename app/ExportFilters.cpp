#include "app/ExportFilters.h"

#include "core/domain/Validation.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"

#include <QDateTime>
#include <QHash>

namespace crm::ExportFilters {

namespace {

QString unknown(const QString &key, const QString &type)
{
    return QStringLiteral("--filter %1: unknown filter for %2 (see --help)").arg(key, type);
}

// A user name to its id; an error message when there is no such user.
QString userId(std::optional<qint64> &out, const QString &key, const QString &name, Database &db)
{
    auto user = OrgService(db).userByName(name);
    if (!user)
        return QStringLiteral("--filter %1=%2: no such user").arg(key, name);
    out = user->id;
    return {};
}

QString id(std::optional<qint64> &out, const QString &key, const QString &value)
{
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok || n <= 0)
        return QStringLiteral("--filter %1=%2: expected a numeric id").arg(key, value);
    out = n;
    return {};
}

QString date(QDate &out, const QString &key, const QString &value)
{
    out = Validation::parseDate(value).value_or(QDate());
    if (!out.isValid())
        return QStringLiteral("--filter %1=%2: expected a date YYYY-MM-DD").arg(key, value);
    return {};
}

// The start of a local day as UTC ms; `nextDay` gives the end of an inclusive range.
QString dayStart(qint64 &out, const QString &key, const QString &value, bool nextDay)
{
    QDate d;
    if (QString error = date(d, key, value); !error.isEmpty())
        return error;
    out = (nextDay ? d.addDays(1) : d).startOfDay().toMSecsSinceEpoch();
    return {};
}

} // namespace

QString help(const QString &type)
{
    if (type == QLatin1String("opportunities"))
        return QStringLiteral("Filters for opportunities:\n"
                              "  pipeline=ID  stage=ID  customer=ID  owner=USER\n"
                              "  status=S[,S...]        open, won, lost\n"
                              "  close-from=DATE  close-to=DATE   expected close date, inclusive\n"
                              "  sort=newest|expected-close|amount");
    if (type == QLatin1String("activities"))
        return QStringLiteral("Filters for activities (those of your customers and your team's):\n"
                              "  user=USER  kind=call|message|email|meeting|visit|note\n"
                              "  from=DATE  to=DATE     when it happened, inclusive");
    if (type == QLatin1String("tasks"))
        return QStringLiteral("Filters for tasks:\n"
                              "  status=S[,S...]        open, done, cancelled\n"
                              "  assignee=USER  customer=ID\n"
                              "  due-from=DATE  due-to=DATE     inclusive");
    if (type == QLatin1String("contacts"))
        return QStringLiteral("Filters for contacts:\n  customer=ID            one customer's contacts");
    return {};
}

QString apply(OpportunityFilter &f, const QString &key, const QString &value, Database &db)
{
    if (key == QLatin1String("pipeline")) return id(f.pipelineId, key, value);
    if (key == QLatin1String("stage")) return id(f.stageId, key, value);
    if (key == QLatin1String("customer")) return id(f.customerId, key, value);
    if (key == QLatin1String("owner")) return userId(f.ownerId, key, value, db);
    if (key == QLatin1String("status")) {
        f.statuses = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        return {};
    }
    if (key == QLatin1String("close-from")) return date(f.expectedCloseFrom, key, value);
    if (key == QLatin1String("close-to")) return date(f.expectedCloseTo, key, value);
    if (key == QLatin1String("sort")) {
        const QHash<QString, OpportunitySort> sorts = {{QStringLiteral("newest"), OpportunitySort::Newest},
                                                       {QStringLiteral("expected-close"), OpportunitySort::ExpectedClose},
                                                       {QStringLiteral("amount"), OpportunitySort::Amount}};
        if (!sorts.contains(value))
            return QStringLiteral("--filter sort=%1: expected newest, expected-close or amount").arg(value);
        f.sort = sorts.value(value);
        return {};
    }
    return unknown(key, QStringLiteral("opportunities"));
}

QString apply(ActivityScopeFilter &f, const QString &key, const QString &value, Database &db)
{
    if (key == QLatin1String("user")) return userId(f.userId, key, value, db);
    if (key == QLatin1String("kind")) {
        f.kind = value;
        return {};
    }
    if (key == QLatin1String("from")) return dayStart(f.occurredFrom, key, value, false);
    if (key == QLatin1String("to")) return dayStart(f.occurredTo, key, value, true);
    return unknown(key, QStringLiteral("activities"));
}

QString apply(TaskFilter &f, const QString &key, const QString &value, Database &db)
{
    if (key == QLatin1String("status")) {
        f.statuses = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        return {};
    }
    if (key == QLatin1String("assignee")) return userId(f.assigneeId, key, value, db);
    if (key == QLatin1String("customer")) return id(f.customerId, key, value);
    if (key == QLatin1String("due-from") || key == QLatin1String("due-to")) {
        qint64 ms = 0;
        const bool to = key == QLatin1String("due-to");
        if (QString error = dayStart(ms, key, value, to); !error.isEmpty())
            return error;
        (to ? f.dueTo : f.dueFrom) = ms;
        return {};
    }
    return unknown(key, QStringLiteral("tasks"));
}

QString apply(ContactScopeFilter &f, const QString &key, const QString &value, Database &)
{
    if (key == QLatin1String("customer")) return id(f.customerId, key, value);
    return unknown(key, QStringLiteral("contacts"));
}

} // namespace crm::ExportFilters
