#pragma once

#include "httpapi/ApiRequest.h"
#include "httpapi/ApiResponse.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace crm {

class Database;

// What a route handler gets: the request (with its actor) and this server thread's connection.
struct ApiOptions;

struct ApiContext
{
    ApiRequest &request;
    Database &db;
    const ApiOptions &options;
};

using Handler = std::function<ApiResponse(ApiContext &)>;

// Method + path pattern ("/api/crm/customers/{id}") -> handler. One table for every route, so the
// server wraps all of them the same way (authentication, limits, error mapping) and the OpenAPI
// document lists exactly what is served.
class Router
{
public:
    enum Access { Authenticated, Public };

    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Access access = Authenticated;
        QString summary;
        Handler handler;
    };

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        bool pathKnown = false; // the path exists for another method: 405
    };

    void add(const QByteArray &method, const QString &pattern, Handler handler, const QString &summary,
             Access access = Authenticated);
    Match match(const QByteArray &method, const QString &path) const;
    const QVector<Route> &routes() const { return m_routes; }

private:
    QVector<Route> m_routes;
};

} // namespace crm
