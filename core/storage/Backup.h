#pragma once

#include "core/Result.h"

#include <QString>

namespace crm {

// Consistent copies of a store and putting one back (`crm backup`, `crm restore`).
//
// SQLite: VACUUM INTO writes a compact copy from one read transaction, so it is consistent while the
// desktop or `crm serve` keep writing (WAL lets readers and the writer run side by side).
// PostgreSQL: pg_dump's custom format (one snapshot), restored with pg_restore. Both need the
// client programs of the server's major version (Debian's postgresql-client-15).
//
// A copy is written under a temporary name and verified before it takes the final name, so a
// failed or interrupted backup never leaves a file that looks like a good one.
class Backup
{
public:
    // Writes a copy of the store at `location` (a SQLite file or a postgresql:// URL) to `file`,
    // which must not exist yet.
    static Status write(const QString &location, const QString &file);

    // Checks that `file` is a readable backup of a CRM database this program knows (SQLite: integrity
    // check and schema version; PostgreSQL: pg_restore can read its table of contents).
    static Status verify(const QString &location, const QString &file);

    // Verifies `file`, then replaces the store at `location` with it, keeping the previous store:
    // the SQLite file is renamed to "<file>.before-restore-<time>", the PostgreSQL database to
    // "<name>_before_restore_<time>". Returns that name. Nothing may be connected to the store
    // (stop `crm serve`, close the desktop); on PostgreSQL a connected client makes it refuse.
    static Result<QString> restore(const QString &location, const QString &file);
};

} // namespace crm
