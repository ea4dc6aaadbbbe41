#include "core/security/RateLimiter.h"

#include "core/storage/Database.h"

namespace crm {

Result<RateLimiter::Decision> RateLimiter::hit(const QString &bucket, int limit, qint64 windowMs)
{
    const qint64 now = m_db.clock().nowMs();
    return m_db.write([&]() -> Result<Decision> {
        // One statement does both the new window and the increment, so concurrent processes never
        // lose a hit (the row lock / SQLite's write lock serialises them).
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO rate_limits (bucket, window_start, hits) VALUES (:b, :now, 1)"
            " ON CONFLICT (bucket) DO UPDATE SET"
            "  hits = CASE WHEN rate_limits.window_start <= :expired THEN 1 ELSE rate_limits.hits + 1 END,"
            "  window_start = CASE WHEN rate_limits.window_start <= :expired THEN :now ELSE rate_limits.window_start END"
            " RETURNING window_start, hits"));
        q.bindValue(QStringLiteral(":b"), bucket);
        q.bindValue(QStringLiteral(":now"), now);
        q.bindValue(QStringLiteral(":expired"), now - windowMs);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        Decision d;
        d.hits = q.value(1).toInt();
        d.allowed = d.hits <= limit;
        if (!d.allowed)
            d.retryAfterMs = qMax<qint64>(1, q.value(0).toLongLong() + windowMs - now);
        q.finish();
        return d;
    });
}

Result<RateLimiter::Decision> RateLimiter::peek(const QString &bucket, int limit, qint64 windowMs)
{
    const qint64 now = m_db.clock().nowMs();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT window_start, hits FROM rate_limits WHERE bucket = :b"));
    q.bindValue(QStringLiteral(":b"), bucket);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    Decision d;
    if (!q.next() || q.value(0).toLongLong() <= now - windowMs)
        return d;
    d.hits = q.value(1).toInt();
    d.allowed = d.hits < limit;
    if (!d.allowed)
        d.retryAfterMs = qMax<qint64>(1, q.value(0).toLongLong() + windowMs - now);
    return d;
}

Status RateLimiter::reset(const QString &bucket)
{
    return m_db.write([&]() -> Status {
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM rate_limits WHERE bucket = :b"));
        q.bindValue(QStringLiteral(":b"), bucket);
        return m_db.exec(q);
    });
}

} // namespace crm
