#include "httpapi/ApiServer.h"

#include "core/security/TokenService.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"
#include "core/storage/IdempotencyStore.h"
#include "httpapi/FileBodyWriter.h"
#include "httpapi/WebAppFiles.h"
#include "httpapi/routes/Routes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QTcpSocket>
#include <QUrl>

namespace crm {

namespace {

constexpr qint64 kActorTtlMs = 5000;

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "UNKNOWN";
    }
}

// API answers are never stored by a browser or proxy (they hold customers); a response that says
// how it may be cached (the web app's files) keeps its own Cache-Control.
bool hasCacheControl(const ApiResponse &r)
{
    for (const auto &[name, value] : r.headers)
        if (name.compare("Cache-Control", Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

ApiServer::ApiServer(Database &db, const ApiOptions &options, QObject *parent)
    : QAbstractHttpServer(parent), m_db(db), m_options(options), m_webApp(options.webAppDirectory)
{
    m_clock.start();
    routes::addAll(m_router);
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path();
    r.query = request.query();
    r.body = request.body();
    r.remote = request.remoteAddress();
    int headerBytes = 0;
    for (const auto &[name, value] : request.headers()) {
        headerBytes += name.size() + value.size() + 4;
        r.headers.insert(name.toLower(), value);
    }
    if (m_options.behindProxy && r.remote.isLoopback()) {
        const QHostAddress forwarded(QString::fromLatin1(r.header("x-real-ip")));
        if (!forwarded.isNull())
            r.remote = forwarded;
    }
    ApiResponse response;
    if (headerBytes > m_options.maxHeaderBytes)
        response = ApiResponse::error(400, QStringLiteral("validation.headers"), QStringLiteral("The request headers are too large"));
    else if (r.body.size() > m_options.maxBodyBytes || r.header("content-length").toLongLong() > m_options.maxBodyBytes)
        response = ApiResponse::error(413, QStringLiteral("payload_too_large"), QStringLiteral("The request body is too large"));
    else if (WebAppFiles::handles(r.path)) // static files: no sign-in, no rate limit, no database
        response = m_webApp.answer(r.method, request.url().path(QUrl::FullyEncoded).toUtf8(), r.header("if-none-match"));
    else if (r.method == "GET" || r.method == "HEAD")
        response = m_db.read([&] { return dispatch(r); }); // one snapshot, one read lock per request
    else
        response = dispatch(r);
    write(request, socket, response, r.method == "HEAD");
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    write(request, socket, ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such resource")), false);
}

ApiResponse ApiServer::dispatch(ApiRequest &request)
{
    const Router::Match match = m_router.match(request.method, request.path);
    if (!match.route) {
        if (match.pathKnown)
            return ApiResponse::error(405, QStringLiteral("method_not_allowed"), QStringLiteral("This method is not allowed here"));
        return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such resource"));
    }
    request.params = match.params;
    if (match.route->access == Router::Authenticated) {
        ApiResponse denied = authenticate(request);
        if (denied.status != 200)
            return denied;
        qint64 retryAfterMs = 0;
        if (overRateLimit(request.token, &retryAfterMs)) {
            ApiResponse r = ApiResponse::error(429, QStringLiteral("rate_limited"), QStringLiteral("Too many requests: slow down"));
            r.addHeader("Retry-After", QByteArray::number((retryAfterMs + 999) / 1000));
            return r;
        }
        if (request.method == "POST" && !request.header("idempotency-key").isEmpty())
            return runIdempotent(request, *match.route);
    }
    ApiContext context{request, m_db, m_options};
    ApiResponse response = match.route->handler(context);
    if (request.sessionEnded)
        m_tokens.remove(request.token);
    return response;
}

ApiResponse ApiServer::authenticate(ApiRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    auto unauthorized = [](const QString &code, const QString &message) {
        ApiResponse r = ApiResponse::error(401, code, message);
        r.addHeader("WWW-Authenticate", "Bearer");
        return r;
    };
    if (!authorization.startsWith("Bearer "))
        return unauthorized(QStringLiteral("auth.required"), QStringLiteral("Sign in first"));
    request.token = QString::fromLatin1(authorization.mid(7).trimmed());
    const qint64 now = m_clock.elapsed();
    auto known = m_tokens.constFind(request.token);
    qint64 userId = 0;
    if (known != m_tokens.cend() && now - known->at <= kActorTtlMs) {
        userId = known->userId;
    } else {
        auto verified = TokenService(m_db).verify(request.token);
        if (!verified)
            return verified.error().code.startsWith(QLatin1String("auth.")) ? unauthorized(verified.error().code, verified.error().message)
                                                                             : ApiResponse::error(verified.error());
        userId = *verified;
        if (m_tokens.size() > 10'000)
            m_tokens.clear(); // bounded: a flood of distinct tokens cannot grow it without limit
        m_tokens.insert(request.token, {userId, now});
    }
    auto cached = m_actors.find(userId);
    // An account that must change its password is looked up every time, so the change takes effect at once.
    if (cached == m_actors.end() || now - cached->at > kActorTtlMs || cached->mustChangePassword) {
        OrgService org(m_db);
        auto actor = org.actorFor(userId, QStringLiteral("api"));
        auto user = org.user(userId);
        if (!actor || !user)
            return ApiResponse::error(!actor ? actor.error() : user.error());
        cached = m_actors.insert(userId, {*actor, user->mustChangePassword, now});
    }
    request.actor = cached->actor;
    // A generated password must be replaced before anything else is done with the account.
    static const QStringList allowed = {QStringLiteral("/api/me"), QStringLiteral("/api/auth/logout"),
                                        QStringLiteral("/api/auth/password")};
    if (cached->mustChangePassword && !allowed.contains(request.path))
        return ApiResponse::error(403, QStringLiteral("auth.password_change_required"),
                                  QStringLiteral("Choose a new password first (POST /api/auth/password)"));
    return ApiResponse{};
}

bool ApiServer::overRateLimit(const QString &token, qint64 *retryAfterMs)
{
    const qint64 now = m_clock.elapsed();
    if (m_rate.size() > 10'000)
        m_rate.clear(); // bounded memory; at worst a client gets a fresh window
    Window &w = m_rate[token];
    if (now - w.start >= 60'000) {
        w.start = now;
        w.hits = 0;
    }
    if (++w.hits <= m_options.requestsPerMinute)
        return false;
    *retryAfterMs = 60'000 - (now - w.start);
    return true;
}

// A retried POST with the same Idempotency-Key gets the first answer. The route's writes and the
// stored answer commit together; a failed request stores nothing, so its retry runs again.
ApiResponse ApiServer::runIdempotent(ApiRequest &request, const Router::Route &route)
{
    const QString key = QString::fromUtf8(request.header("idempotency-key")).left(200);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(request.method);
    hash.addData(request.path.toUtf8());
    hash.addData(request.body);
    const QByteArray requestHash = hash.result().toHex();
    IdempotencyStore store(m_db);
    auto previous = store.find(request.actor.userId, key, requestHash);
    if (!previous)
        return ApiResponse::error(previous.error());
    if (*previous) {
        ApiResponse replay;
        replay.status = (*previous)->status;
        replay.body = (*previous)->body;
        replay.addHeader("Idempotent-Replay", "true");
        return replay;
    }
    ApiResponse response;
    Status st = m_db.write([&]() -> Status {
        ApiContext context{request, m_db, m_options};
        response = route.handler(context);
        if (response.status >= 400)
            return Error{QStringLiteral("request_failed"), {}, {}}; // roll back whatever it wrote
        return store.save(request.actor.userId, key, requestHash, {response.status, response.body});
    });
    if (!st && st.error().code != QLatin1String("request_failed")) {
        // Saving lost a race with the same retry on another connection: answer what it stored.
        auto stored = store.find(request.actor.userId, key, requestHash);
        if (stored && *stored) {
            ApiResponse replay;
            replay.status = (*stored)->status;
            replay.body = (*stored)->body;
            replay.addHeader("Idempotent-Replay", "true");
            return replay;
        }
        return ApiResponse::error(st.error());
    }
    return response;
}

void ApiServer::write(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &r, bool head)
{
    if (!r.bodyFile.isEmpty()) {
        writeFile(request, socket, r, head);
        return;
    }
    if (head || r.status == 304) {
        writeHeadersOnly(request, socket, r);
        return;
    }
    QHttpServerResponse response(r.contentType, head ? QByteArray() : r.body,
                                 static_cast<QHttpServerResponse::StatusCode>(r.status));
    for (const auto &[name, value] : r.headers)
        response.addHeader(name, value);
    if (!hasCacheControl(r))
        response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.write(makeResponder(request, socket));
}

} // namespace crm

namespace crm {

// No body: QHttpServerResponse would say Content-Length: 0. A HEAD says the length a GET would send;
// a 304 says none (RFC 9110 15.4.5: any length it sent would have to be the 200's).
void ApiServer::writeHeadersOnly(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &r)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(r.status));
    if (r.status != 304) {
        responder.writeHeader(QByteArrayLiteral("Content-Type"), r.contentType);
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(r.body.size()));
    }
    for (const auto &[name, value] : r.headers)
        responder.writeHeader(name, value);
    if (!hasCacheControl(r))
        responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    responder.writeBody(QByteArray()); // ends the headers
}

// Status line and headers through the responder, then the body from disk as the socket drains.
void ApiServer::writeFile(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &r, bool head)
{
    auto file = std::make_unique<QFile>(r.bodyFile);
    if (!file->open(QIODevice::ReadOnly)) {
        write(request, socket, ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such resource")), head);
        return;
    }
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(r.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), r.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(file->size()));
    for (const auto &[name, value] : r.headers)
        responder.writeHeader(name, value);
    if (!hasCacheControl(r))
        responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    if (head) {
        responder.writeBody(QByteArray());
        return;
    }
    responder.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    responder.writeBody(QByteArray()); // ends the headers
    FileBodyWriter::start(socket, std::move(file), r.removeBodyFile);
}

} // namespace crm
