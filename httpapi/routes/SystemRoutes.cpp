// GET /api/health and GET /api/openapi.json (generated from the route table, so it lists exactly
// what is served).
#include "httpapi/routes/Routes.h"

#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace crm::routes {

namespace {

QJsonObject openApi(const Router &router)
{
    QJsonObject paths;
    static const QRegularExpression param(QStringLiteral("\\{(\\w+)\\}"));
    for (const Router::Route &r : router.routes()) {
        QJsonObject operation{{QStringLiteral("summary"), r.summary},
                              {QStringLiteral("responses"),
                               QJsonObject{{QStringLiteral("default"),
                                            QJsonObject{{QStringLiteral("description"),
                                                         QStringLiteral("JSON; errors are {error: {code, message, field?}}")}}}}}};
        QJsonArray parameters;
        auto it = param.globalMatch(r.pattern);
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            parameters.append(QJsonObject{{QStringLiteral("name"), name},
                                          {QStringLiteral("in"), QStringLiteral("path")},
                                          {QStringLiteral("required"), true},
                                          {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}});
        }
        if (!parameters.isEmpty())
            operation.insert(QStringLiteral("parameters"), parameters);
        operation.insert(QStringLiteral("security"), r.access == Router::Public
                                                         ? QJsonArray()
                                                         : QJsonArray{QJsonObject{{QStringLiteral("bearer"), QJsonArray()}}});
        QJsonObject path = paths.value(r.pattern).toObject();
        path.insert(QString::fromLatin1(r.method.toLower()), operation);
        paths.insert(r.pattern, path);
    }
    return {{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("CRM API")},
                                                 {QStringLiteral("version"), QCoreApplication::applicationVersion()}}},
            {QStringLiteral("components"),
             QJsonObject{{QStringLiteral("securitySchemes"),
                          QJsonObject{{QStringLiteral("bearer"), QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                                                             {QStringLiteral("scheme"), QStringLiteral("bearer")}}}}}}},
            {QStringLiteral("paths"), paths}};
}

} // namespace

void addSystem(Router &router)
{
    router.add("GET", QStringLiteral("/api/health"), [](ApiContext &c) {
        const bool up = c.db.execSql(QStringLiteral("SELECT 1")).ok();
        return ApiResponse::json({{QStringLiteral("status"), up ? QStringLiteral("ok") : QStringLiteral("degraded")},
                                  {QStringLiteral("database"), c.db.isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgresql")}},
                                 up ? 200 : 503);
    }, QStringLiteral("Liveness and database reachability"), Router::Public);
    router.add("GET", QStringLiteral("/api/openapi.json"), [&router](ApiContext &) {
        return ApiResponse::json(openApi(router));
    }, QStringLiteral("This document"), Router::Public);
}

} // namespace crm::routes
