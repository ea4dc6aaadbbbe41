#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace crm {

class Database;

// Answers to requests that carried an Idempotency-Key, per user, so that a retried request (a phone
// that lost signal before the answer arrived) gets the first answer and writes nothing twice.
// save() runs inside the same transaction as the request's writes: both land or neither does.
class IdempotencyStore
{
public:
    static constexpr qint64 kRetentionMs = 24LL * 60 * 60 * 1000;

    struct Stored
    {
        int status = 0;
        QByteArray body;
    };

    explicit IdempotencyStore(Database &db) : m_db(db) {}

    // The stored answer for this key; conflict.idempotency_key when the key was used for a
    // different request (another method, path or body).
    Result<std::optional<Stored>> find(qint64 userId, const QString &key, const QByteArray &requestHash);
    Status save(qint64 userId, const QString &key, const QByteArray &requestHash, const Stored &answer);
    Status prune();

private:
    Database &m_db;
};

} // namespace crm
