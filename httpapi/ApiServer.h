#pragma once

#include "httpapi/ApiOptions.h"
#include "httpapi/Router.h"
#include "httpapi/WebAppFiles.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>

namespace crm {

class Database;

// The HTTP API on one thread with its own database connection. Every request goes through
// handleRequest(): size limits, the reps' web app's files under /m/ (WebAppFiles), routing (404/405),
// the bearer token, the per-token rate limit, Idempotency-Key replay, then the route, whose typed
// errors become statuses in ApiResponse.
// Routes are synchronous and short (QFuture routes are unsafe in Qt 6.4).
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    ApiServer(Database &db, const ApiOptions &options, QObject *parent = nullptr);

    const Router &router() const { return m_router; }
    const ApiOptions &options() const { return m_options; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiResponse dispatch(ApiRequest &request);
    ApiResponse authenticate(ApiRequest &request);
    ApiResponse runIdempotent(ApiRequest &request, const Router::Route &route);
    bool overRateLimit(const QString &token, qint64 *retryAfterMs);
    void write(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &response, bool head);
    void writeFile(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &response, bool head);
    void writeHeadersOnly(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &response);

    Database &m_db;
    ApiOptions m_options;
    Router m_router;
    WebAppFiles m_webApp; // /m/: the reps' H5 app
    struct Window
    {
        qint64 start = 0;
        int hits = 0;
    };
    QHash<QString, Window> m_rate; // per token, this process only
    // Resolved actors for a few seconds: a permission change reaches the API within kActorTtlMs.
    struct CachedActor
    {
        Actor actor;
        bool mustChangePassword = false;
        qint64 at = 0;
    };
    QHash<qint64, CachedActor> m_actors;
    // Verified tokens for the same few seconds (a revocation by another process takes effect
    // within kActorTtlMs; a logout here at once).
    struct CachedToken
    {
        qint64 userId = 0;
        qint64 at = 0;
    };
    QHash<QString, CachedToken> m_tokens;
    QElapsedTimer m_clock;
};

} // namespace crm
