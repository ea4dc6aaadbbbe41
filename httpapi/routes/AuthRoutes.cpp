// Sign-in, sign-out and who am I. Throttled per address (shared counter in the database) on top of
// the per-account lockout in OrgService.
#include "httpapi/routes/Routes.h"

#include "core/security/RateLimiter.h"
#include "core/security/TokenService.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"
#include "httpapi/ApiOptions.h"
#include "httpapi/json/Json.h"

#include <QJsonArray>

namespace crm::routes {

namespace {

constexpr qint64 kLoginWindowMs = 15 * 60 * 1000;

QJsonObject userJson(const Actor &a, bool mustChangePassword)
{
    QStringList permissions(a.permissions.begin(), a.permissions.end());
    permissions.sort();
    return {{QStringLiteral("id"), double(a.userId)},
            {QStringLiteral("username"), a.username},
            {QStringLiteral("displayName"), a.displayName},
            {QStringLiteral("role"), a.roleName},
            {QStringLiteral("dataScope"), toString(a.scope)},
            {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
            {QStringLiteral("mustChangePassword"), mustChangePassword}};
}

ApiResponse tooMany(qint64 retryAfterMs, const QString &message)
{
    ApiResponse r = ApiResponse::error(429, QStringLiteral("rate_limited"), message);
    r.addHeader("Retry-After", QByteArray::number((retryAfterMs + 999) / 1000));
    return r;
}

ApiResponse login(ApiContext &c)
{
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto username = json::string(*body, QStringLiteral("username"), 100);
    auto password = json::string(*body, QStringLiteral("password"), 256);
    if (!username)
        return errorOr(username.error());
    if (!password)
        return errorOr(password.error());
    if (username->isEmpty())
        return ApiResponse::error(400, QStringLiteral("validation.required"), QStringLiteral("Enter the user name"), QStringLiteral("username"));
    RateLimiter limiter(c.db);
    const QString bucket = QStringLiteral("login:") + c.request.remote.toString();
    auto seen = limiter.peek(bucket, c.options.loginFailuresPerAddress, kLoginWindowMs);
    if (!seen)
        return errorOr(seen.error());
    if (!seen->allowed)
        return tooMany(seen->retryAfterMs, QStringLiteral("Too many failed sign-ins from this address: try again later"));

    OrgService org(c.db);
    auto user = org.authenticate(*username, *password);
    if (!user) {
        if (user.error().code != QLatin1String("auth.locked"))
            (void)limiter.hit(bucket, c.options.loginFailuresPerAddress, kLoginWindowMs);
        if (user.error().code == QLatin1String("auth.locked"))
            return tooMany(15 * 60 * 1000, user.error().message);
        return errorOr(user.error());
    }
    auto actor = org.actorFor(user->id, QStringLiteral("api"));
    if (!actor)
        return errorOr(actor.error());
    auto issued = TokenService(c.db).issue(user->id, QString::fromUtf8(c.request.header("user-agent")));
    if (!issued)
        return errorOr(issued.error());
    return ApiResponse::json({{QStringLiteral("token"), issued->token},
                              {QStringLiteral("expiresAt"), json::time(issued->expiresAt)},
                              {QStringLiteral("user"), userJson(*actor, user->mustChangePassword)}});
}

} // namespace

void addAuth(Router &router)
{
    router.add("POST", QStringLiteral("/api/auth/login"), login, QStringLiteral("Sign in: {username, password} -> {token, expiresAt, user}"),
               Router::Public);
    router.add("POST", QStringLiteral("/api/auth/logout"), [](ApiContext &c) {
        if (Status st = TokenService(c.db).revoke(c.request.token); !st)
            return errorOr(st.error());
        c.request.sessionEnded = true;
        return ApiResponse::json({{QStringLiteral("success"), true}});
    }, QStringLiteral("Revoke this token"));
    router.add("POST", QStringLiteral("/api/auth/password"), [](ApiContext &c) {
        auto body = c.request.jsonBody();
        if (!body)
            return errorOr(body.error());
        auto current = json::string(*body, QStringLiteral("currentPassword"), 256);
        auto next = json::string(*body, QStringLiteral("newPassword"), 256);
        if (!current || !next)
            return errorOr(!current ? current.error() : next.error());
        OrgService org(c.db);
        // The current password proves it is the account's owner, not just someone holding the token.
        if (auto checked = org.authenticate(c.request.actor.username, *current); !checked)
            return ApiResponse::error(400, QStringLiteral("validation.invalid"), QStringLiteral("The current password is wrong"),
                                      QStringLiteral("currentPassword"));
        if (Status st = org.setPassword(c.request.actor, c.request.actor.username, *next); !st) {
            Error e = st.error();
            if (e.field == QLatin1String("password"))
                e.field = QStringLiteral("newPassword");
            return errorOr(e);
        }
        return ApiResponse::json({{QStringLiteral("success"), true}});
    }, QStringLiteral("Change one's own password: {currentPassword, newPassword}"));
    router.add("GET", QStringLiteral("/api/me"), [](ApiContext &c) {
        auto user = OrgService(c.db).user(c.request.actor.userId);
        if (!user)
            return errorOr(user.error());
        return ApiResponse::json({{QStringLiteral("user"), userJson(c.request.actor, user->mustChangePassword)}});
    }, QStringLiteral("The signed-in user, role, scope and permissions"));
}

} // namespace crm::routes
