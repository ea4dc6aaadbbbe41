#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace crm {

class Database;

// SQLite settings for one bulk load (the demo company, a customer import), put back when the object
// goes (the connection's own values are read first and written back). Outside a transaction: the
// journal mode cannot change inside one. No-op on PostgreSQL.
//
// - A larger page cache (the load touches far more pages than the everyday 64 MiB) and helper threads
//   for the sorts of index builds.
// - Optionally, temporary data in files rather than memory for the whole load (temp_store=FILE): for
//   loads with statements that change many pages that were there before (the demo's updates over
//   whole tables), whose statement journals then spill to a file past 64 KiB instead of growing in
//   memory. Without it the connection's in-memory setting stays, for loads of many small statements
//   (an import's fifty-row INSERTs): SQLite decides where statement journals go when the transaction
//   begins, and once one statement's journal has spilled, it writes the journal of every later
//   statement of the transaction to the file (a 1M-row import that way wrote 97,000 pages there in
//   its first 25 s under strace, and was no faster than with single-row statements).
// - Optionally, foreign keys not checked row by row: only for rows consistent by construction (the
//   demo company, generated from row numbers, each reference to a row the load wrote before it; its
//   test runs PRAGMA foreign_key_check). On the million-customer demo the checks took 3-5 s.
// - A rollback journal instead of the WAL while this is the file's only connection. In WAL mode every
//   new page is written twice, to the log and again by the checkpoint after the commit; a rollback
//   journal keeps only the original content of pages the load changes, and pages added at the end of
//   the file are written once (1M demo customers on tmpfs: 94 -> 80 s; a 1M-row CSV import into an
//   empty database 54 -> 40 s). The transaction stays atomic either way. SQLite refuses the switch
//   while any other connection has the file open (another process, or the desktop's other threads),
//   without waiting here, and the load then runs in WAL mode as usual; meanwhile a process that opens
//   the file cannot put it in WAL mode and is told the database is busy.
class SqliteBulkLoad
{
public:
    enum class ForeignKeys { Checked, Unchecked };
    SqliteBulkLoad(Database &db, int cacheMiB, bool tempFiles, ForeignKeys foreignKeys = ForeignKeys::Checked);
    ~SqliteBulkLoad();
    SqliteBulkLoad(const SqliteBulkLoad &) = delete;
    SqliteBulkLoad &operator=(const SqliteBulkLoad &) = delete;

    // Runs CREATE INDEX statements (and the CREATE TRIGGER statements suspend gives) inside the
    // caller's transaction, on SQLite with a 4 MiB page cache, the connection's size put back after.
    // SQLite's sorter keeps up to a page cache's worth of keys in memory and sorts them in one piece;
    // a million keys spread over a 256 MiB buffer sort mostly in cache misses, while 4 MiB runs sort
    // in the CPU's cache and are then merged in temporary files. Temporary data goes to files
    // meanwhile (temp_store=FILE): SQLite gives its sorter no helper threads while it is kept in
    // memory. Measured on 1M imported customers: customers_name 2.2-3.0 -> 0.75-0.86 s; on 5M demo
    // activities, activities_user 9.2-10.1 -> 4.0 s.
    static Status createIndexes(Database &db, const QStringList &statements);
    // Drops the non-unique indexes of these tables except `kept`, and their AFTER INSERT triggers,
    // inside the caller's transaction, and gives the CREATE statements that put them back, for
    // createIndexes. For a load that would otherwise update the indexes row by row, and whose rows the
    // triggers would count one by one although the load adds its counts at the end (RunningTotals): a
    // table with a trigger makes SQLite copy the rows of each multi-row INSERT into a temporary table
    // first, even while the trigger's WHEN clause skips it (RunningTotals' pause), measured at
    // 2.5 us a customer row. The caller must create every row of these tables through its bulk writer
    // until the statements run. SQLite only: empty on PostgreSQL, where DROP would lock out readers.
    static Result<QStringList> suspend(Database &db, const QStringList &tables, const QStringList &kept = {});

    // Whether the load runs with a rollback journal (false: WAL, or PostgreSQL).
    bool rollbackJournal() const { return m_rollbackJournal; }

private:
    Database &m_db;
    bool m_active = false;
    bool m_rollbackJournal = false;
    QString m_cacheSize, m_threads, m_tempStore, m_foreignKeys; // the values to put back (the last only when changed)
};

} // namespace crm
