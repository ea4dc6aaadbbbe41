#pragma once

// A small synchronous HTTP client over QNetworkAccessManager for API tests: a real server on a
// loopback port, real requests.
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace crm::test {

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-cased names

    QString errorCode() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
    QString errorField() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(); }
};

class ApiClient
{
public:
    explicit ApiClient(quint16 port) : ApiClient(QStringLiteral("http://127.0.0.1:%1").arg(port)) {}
    explicit ApiClient(const QString &base) : m_base(base), m_nam(std::make_unique<QNetworkAccessManager>())
    {
    }

    QString token;

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        QNetworkRequest request(QUrl(m_base + path));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        // A HEAD as a custom verb would wait for the Content-Length bytes that never come.
        QNetworkReply *reply = method == "HEAD" ? m_nam->head(request) : m_nam->sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            r.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return r;
    }
    Reply get(const QString &path) { return call("GET", path); }
    Reply post(const QString &path, const QJsonObject &body, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    Reply put(const QString &path, const QJsonObject &body, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return call("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }

    // Signs in and keeps the token; false when that fails.
    bool login(const QString &username, const QString &password)
    {
        token.clear();
        const Reply r = post(QStringLiteral("/api/auth/login"),
                             {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
        token = r.json.value(QStringLiteral("token")).toString();
        return r.status == 200 && !token.isEmpty();
    }

private:
    QString m_base;
    std::unique_ptr<QNetworkAccessManager> m_nam; // movable client
};

} // namespace crm::test
