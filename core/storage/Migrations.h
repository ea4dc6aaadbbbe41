#pragma once

#include "core/Result.h"

namespace crm {

class Database;

// Numbered schema migrations, applied in one transaction at start. A database written by a newer
// version of the program (a schema number we do not know) is refused rather than touched.
class Migrations
{
public:
    // Applies the migrations after the database's version, up to `upTo` (tests stop early to check upgrades).
    static Status apply(Database &db, int upTo);
    static int latestVersion();
    static Result<int> currentVersion(Database &db);
};

} // namespace crm
