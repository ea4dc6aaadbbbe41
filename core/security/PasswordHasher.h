#pragma once

#include "core/Result.h"

#include <QString>

namespace crm {

// Argon2id through libsodium (about 19 MiB and 2 passes per hash): slow enough to make offline
// guessing expensive, fast enough that a login is not a denial-of-service lever.
class PasswordHasher
{
public:
    static Result<QString> hash(const QString &password);
    // Constant-time verification of a password against a stored hash.
    static bool verify(const QString &password, const QString &storedHash);
    // Rejects empty, short and obviously guessable passwords; `username` may not be the password.
    static Status checkStrength(const QString &password, const QString &username = {});
};

} // namespace crm
