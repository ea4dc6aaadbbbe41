#pragma once

#include "core/Result.h"

namespace crm {

class Database;

// Numbered schema migrations, applied in one transaction at start. A database written by a newer
// version of the program (a schema number we do not know) is refused rather than touched.
class Migrations
{
public:
    static Status apply(Database &db);
    static int latestVersion();
    static Result<int> currentVersion(Database &db);
};

} // namespace crm
