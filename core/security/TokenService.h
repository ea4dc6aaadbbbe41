#pragma once

#include "core/Result.h"

#include <QString>

namespace crm {

class Database;

struct IssuedToken
{
    QString token; // shown to the client once; only its hash is stored
    qint64 expiresAt = 0; // UTC ms
};

// API sessions: random 256-bit opaque bearer tokens, stored as SHA-256 hashes (a token is already
// high-entropy, so a fast hash suffices and a stolen table yields no usable token), expiring and
// revocable. Kept in the database so every `crm serve` process accepts the same tokens.
class TokenService
{
public:
    static constexpr qint64 kLifetimeMs = 7LL * 24 * 60 * 60 * 1000;

    explicit TokenService(Database &db) : m_db(db) {}

    Result<IssuedToken> issue(qint64 userId, const QString &client = {});
    // The user the token belongs to, or auth.invalid_token / auth.expired (401 on the API).
    // A token of a deactivated user is invalid.
    Result<qint64> verify(const QString &token);
    Status revoke(const QString &token);
    Status revokeAllFor(qint64 userId);

    static QString hashOf(const QString &token);

private:
    Database &m_db;
};

} // namespace crm
