#pragma once

namespace crm {

// Process-wide settings of the SQLite library Qt's plugin loads. SQLite takes them only before it
// initialises, i.e. before the process's first connection: Database::open applies them, and main()
// too, before anything else can open a file.
class SqliteLibrary
{
public:
    // Idempotent and thread-safe; a no-op once SQLite has initialised.
    static void configure();
};

} // namespace crm
