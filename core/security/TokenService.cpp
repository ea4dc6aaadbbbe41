#include "core/security/TokenService.h"

#include "core/storage/Database.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace crm {

namespace {

Error invalidToken()
{
    return {QStringLiteral("auth.invalid_token"), QStringLiteral("Sign in again: the session is not valid"), {}};
}

} // namespace

QString TokenService::hashOf(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<IssuedToken> TokenService::issue(qint64 userId, const QString &client)
{
    if (sodium_init() < 0)
        return Error::internal();
    QByteArray random(32, Qt::Uninitialized);
    randombytes_buf(random.data(), size_t(random.size()));
    IssuedToken issued;
    issued.token = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const qint64 now = m_db.clock().nowMs();
    issued.expiresAt = now + kLifetimeMs;
    Status st = m_db.write([&]() -> Status {
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at, client)"
                                                  " VALUES (:h, :u, :now, :exp, :c)"));
        q.bindValue(QStringLiteral(":h"), hashOf(issued.token));
        q.bindValue(QStringLiteral(":u"), userId);
        q.bindValue(QStringLiteral(":now"), now);
        q.bindValue(QStringLiteral(":exp"), issued.expiresAt);
        q.bindValue(QStringLiteral(":c"), client.left(200));
        if (Status e = m_db.exec(q); !e)
            return e;
        // Expired sessions of this user are of no use to anyone.
        QSqlQuery prune = m_db.prepare(QStringLiteral("DELETE FROM api_tokens WHERE user_id = :u AND expires_at < :now"));
        prune.bindValue(QStringLiteral(":u"), userId);
        prune.bindValue(QStringLiteral(":now"), now);
        return m_db.exec(prune);
    });
    if (!st)
        return st.error();
    return issued;
}

Result<qint64> TokenService::verify(const QString &token)
{
    if (token.size() < 20 || token.size() > 200)
        return invalidToken();
    QSqlQuery q = m_db.cached(QStringLiteral("SELECT t.user_id, t.expires_at, t.revoked_at FROM api_tokens t"
                                              " JOIN users u ON u.id = t.user_id WHERE t.token_hash = :h AND u.active = 1"));
    q.bindValue(QStringLiteral(":h"), hashOf(token));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    const bool found = q.next();
    const qint64 userId = q.value(0).toLongLong(), expiresAt = q.value(1).toLongLong();
    const bool revoked = !q.value(2).isNull();
    m_db.recycle(std::move(q));
    if (!found || revoked)
        return invalidToken();
    if (expiresAt <= m_db.clock().nowMs())
        return Error{QStringLiteral("auth.expired"), QStringLiteral("The session has expired: sign in again"), {}};
    return userId;
}

Status TokenService::revoke(const QString &token)
{
    return m_db.write([&]() -> Status {
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE api_tokens SET revoked_at = :now WHERE token_hash = :h AND revoked_at IS NULL"));
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        q.bindValue(QStringLiteral(":h"), hashOf(token));
        return m_db.exec(q);
    });
}

Status TokenService::revokeAllFor(qint64 userId)
{
    return m_db.write([&]() -> Status {
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL"));
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        q.bindValue(QStringLiteral(":u"), userId);
        return m_db.exec(q);
    });
}

} // namespace crm
