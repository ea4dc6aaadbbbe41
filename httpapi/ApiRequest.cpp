#include "httpapi/ApiRequest.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace crm {

Result<qint64> ApiRequest::id(const QString &name) const
{
    bool ok = false;
    const qint64 value = params.value(name).toLongLong(&ok);
    if (!ok || value <= 0)
        return Error::notFound();
    return value;
}

Result<QJsonObject> ApiRequest::jsonBody() const
{
    const QByteArray type = header("content-type").toLower();
    if (!type.startsWith("application/json"))
        return Error{QStringLiteral("unsupported_media_type"), QStringLiteral("Send the body as application/json"), {}};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::validation(QStringLiteral("json"), {}, QStringLiteral("The body is not valid JSON"));
    if (!doc.isObject())
        return Error::validation(QStringLiteral("json"), {}, QStringLiteral("The body must be a JSON object"));
    return doc.object();
}

} // namespace crm
