#pragma once

#include "core/Result.h"
#include "core/security/Actor.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QUrlQuery>

namespace crm {

class Database;

// A request as routes see it, with the acting user resolved from the bearer token (never from
// the body or the query) and the path's {placeholders}.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QHostAddress remote;
    QHash<QString, QString> params;
    Actor actor; // set for authenticated routes
    QString token; // the bearer token, for logout
    bool sessionEnded = false; // set by logout: the server forgets the token at once

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    QString queryValue(const QString &name) const { return query.queryItemValue(name, QUrl::FullyDecoded); }
    // A path id ("{id}"); anything that is not a positive integer names no record: not_found, as a missing one.
    Result<qint64> id(const QString &name = QStringLiteral("id")) const;
    // The body as a JSON object: 415 unless the content type is JSON, 400 on malformed JSON or
    // a body that is not an object.
    Result<QJsonObject> jsonBody() const;
};

} // namespace crm
