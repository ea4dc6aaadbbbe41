#include "httpapi/routes/Routes.h"

#include "httpapi/json/Json.h"

namespace crm::routes {

void addAll(Router &router)
{
    addSystem(router);
    addAuth(router);
    addPool(router);
    addCustomers(router);
    addContacts(router);
    addActivities(router);
    addTasks(router);
    addLeads(router);
    addExports(router);
    addOpportunities(router);
    addAnalytics(router);
    addCampaigns(router);
}

ApiResponse errorOr(const Error &error)
{
    return ApiResponse::error(error);
}

Result<Paging> paging(const ApiRequest &request)
{
    Paging p;
    const QString page = request.queryValue(QStringLiteral("page"));
    const QString limit = request.queryValue(QStringLiteral("limit"));
    bool ok = true;
    if (!page.isEmpty()) {
        p.page = page.toInt(&ok);
        if (!ok || p.page < 1 || p.page > 10'000)
            return Error::validation(QStringLiteral("range"), QStringLiteral("page"), QStringLiteral("page must be between 1 and 10000"));
    }
    if (!limit.isEmpty()) {
        p.limit = limit.toInt(&ok);
        if (!ok || p.limit < 1)
            return Error::validation(QStringLiteral("range"), QStringLiteral("limit"), QStringLiteral("limit must be a positive number"));
        p.limit = qMin(p.limit, 100);
    }
    return p;
}

Result<std::optional<int>> ifMatch(const ApiRequest &request)
{
    QByteArray value = request.header("if-match").trimmed();
    if (value.isEmpty())
        return std::optional<int>();
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.startsWith('"') && value.endsWith('"') && value.size() >= 2)
        value = value.mid(1, value.size() - 2);
    if (value.startsWith('v'))
        value = value.mid(1);
    bool ok = false;
    const int version = value.toInt(&ok);
    if (!ok || version < 1)
        return Error::conflict(QStringLiteral("version"), QStringLiteral("The record has changed since you loaded it"));
    return std::optional<int>(version);
}

QString queryParam(const ApiRequest &r, const char *name)
{
    const QString v = r.queryValue(QLatin1String(name)).trimmed();
    return v.startsWith(QLatin1String("[object")) ? QString() : v;
}

Result<std::optional<qint64>> timeQueryParam(const ApiRequest &r, const char *name)
{
    const QString v = queryParam(r, name);
    if (v.isEmpty())
        return std::optional<qint64>();
    bool digits = false;
    const qint64 ms = v.toLongLong(&digits);
    auto t = json::parseTime(digits ? QJsonValue(double(ms)) : QJsonValue(v), QLatin1String(name));
    if (!t)
        return t.error();
    return std::optional<qint64>(*t);
}

QByteArray etag(int version)
{
    return "\"v" + QByteArray::number(version) + '"';
}

QString scopeKey(const Actor &actor)
{
    QString key = QString::number(actor.userId) + QLatin1Char('|');
    if (actor.seesAll())
        return key + QStringLiteral("all");
    QList<qint64> owners(actor.visibleOwnerIds.begin(), actor.visibleOwnerIds.end());
    std::sort(owners.begin(), owners.end());
    for (qint64 id : owners)
        key += QString::number(id) + QLatin1Char(',');
    return key;
}

} // namespace crm::routes
