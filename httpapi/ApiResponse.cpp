#include "httpapi/ApiResponse.h"

#include <QJsonDocument>

namespace crm {

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::json(QByteArray serialized, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = std::move(serialized);
    return r;
}

ApiResponse ApiResponse::error(int status, const QString &code, const QString &message, const QString &field)
{
    QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        e.insert(QStringLiteral("field"), field);
    return json({{QStringLiteral("error"), e}}, status);
}

ApiResponse ApiResponse::error(const Error &e)
{
    // Internal errors never show their message: it may describe the server.
    if (statusFor(e) == 500)
        return error(500, QStringLiteral("internal"), QStringLiteral("Something went wrong on the server"));
    return error(statusFor(e), e.code, e.message, e.field);
}

int ApiResponse::statusFor(const Error &e)
{
    const QString &c = e.code;
    if (c.startsWith(QLatin1String("validation.")))
        return 400;
    if (c == QLatin1String("auth.locked") || c == QLatin1String("rate_limited"))
        return 429;
    if (c.startsWith(QLatin1String("auth.")))
        return 401;
    if (c == QLatin1String("unsupported_media_type"))
        return 415;
    if (c == QLatin1String("payload_too_large"))
        return 413;
    if (c == QLatin1String("forbidden"))
        return 403;
    if (c == QLatin1String("not_found"))
        return 404;
    if (c == QLatin1String("conflict.version"))
        return 412;
    if (c.startsWith(QLatin1String("conflict.")))
        return 409;
    if (c == QLatin1String("storage.busy") || c == QLatin1String("storage.unavailable"))
        return 503;
    return 500;
}

} // namespace crm
