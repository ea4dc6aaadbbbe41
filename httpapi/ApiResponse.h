#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace crm {

// What a route answers: a status, a body (JSON unless said otherwise) and extra headers.
struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
    QList<QPair<QByteArray, QByteArray>> headers;
    // A file on disk to send as the body instead of `body`, streamed as the client reads it
    // (FileBodyWriter); deleted after sending when removeBodyFile. Downloads only.
    QString bodyFile;
    bool removeBodyFile = false;

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append(qMakePair(name, value)); }

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse json(QByteArray serialized, int status = 200);
    // {error: {code, message, field?}} with the status for the code (see statusFor).
    static ApiResponse error(const Error &error);
    static ApiResponse error(int status, const QString &code, const QString &message, const QString &field = {});

    // The one place error codes become HTTP statuses.
    static int statusFor(const Error &error);
};

} // namespace crm
