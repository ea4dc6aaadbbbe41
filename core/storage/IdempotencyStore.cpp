#include "core/storage/IdempotencyStore.h"

#include "core/storage/Database.h"

namespace crm {

Result<std::optional<IdempotencyStore::Stored>> IdempotencyStore::find(qint64 userId, const QString &key,
                                                                       const QByteArray &requestHash)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT request_hash, status, body FROM idempotency_keys"
                                              " WHERE user_id = :u AND idem_key = :k AND created_at > :since"));
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":k"), key);
    q.bindValue(QStringLiteral(":since"), m_db.clock().nowMs() - kRetentionMs);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return std::optional<Stored>();
    if (q.value(0).toString().toLatin1() != requestHash)
        return Error::conflict(QStringLiteral("idempotency_key"),
                               QStringLiteral("This Idempotency-Key was already used for a different request"));
    return std::optional<Stored>(Stored{q.value(1).toInt(), q.value(2).toString().toUtf8()});
}

Status IdempotencyStore::save(qint64 userId, const QString &key, const QByteArray &requestHash, const Stored &answer)
{
    // An expired entry with the same key gives way to the new one.
    QSqlQuery old = m_db.prepare(QStringLiteral("DELETE FROM idempotency_keys WHERE user_id = :u AND idem_key = :k AND created_at <= :since"));
    old.bindValue(QStringLiteral(":u"), userId);
    old.bindValue(QStringLiteral(":k"), key);
    old.bindValue(QStringLiteral(":since"), m_db.clock().nowMs() - kRetentionMs);
    if (Status st = m_db.exec(old); !st)
        return st;
    QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status, body, created_at)"
                                              " VALUES (:u, :k, :h, :s, :b, :now)"));
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":k"), key);
    q.bindValue(QStringLiteral(":h"), QString::fromLatin1(requestHash));
    q.bindValue(QStringLiteral(":s"), answer.status);
    q.bindValue(QStringLiteral(":b"), QString::fromUtf8(answer.body));
    q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
    return m_db.exec(q);
}

Status IdempotencyStore::prune()
{
    return m_db.write([&]() -> Status {
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at <= :since"));
        q.bindValue(QStringLiteral(":since"), m_db.clock().nowMs() - kRetentionMs);
        return m_db.exec(q);
    });
}

} // namespace crm
