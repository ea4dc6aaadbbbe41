#pragma once

#include "core/Result.h"

#include <QString>

#include <optional>

namespace crm {

class Database;

// The company's first administrator. A store without users cannot be used (every surface needs
// someone to sign in as), so whichever surface opens an empty store first creates "admin" with a
// random one-time password and shows it once.
class FirstRun
{
public:
    static const QString &administratorName();

    // When the store has no users, creates the administrator and returns its generated password;
    // otherwise (or when another process created it at the same moment) returns no password.
    static Result<std::optional<QString>> ensureAdministrator(Database &db);

    // A random password from libsodium, drawn from letters and digits that cannot be mistaken for
    // one another when read aloud or copied from a screen (no 0/O, 1/l/I).
    static QString generatePassword(int length = 16);
};

} // namespace crm
