#include "core/storage/SqliteBulkLoad.h"

#include "core/storage/Database.h"

#include <sqlite3.h>

#include <QString>

namespace crm {

namespace {

// The connection's busy timeout (set by Database::open through Qt's connect options).
int busyTimeoutMs(sqlite3 *handle)
{
    sqlite3_stmt *st = nullptr;
    int ms = 0;
    if (sqlite3_prepare_v2(handle, "PRAGMA busy_timeout", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        ms = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return ms;
}

// Sets the journal mode and reports the mode SQLite ends up in. A refusal (another connection has the
// file open) is an expected outcome here, so it goes through sqlite3 directly rather than
// Database::execSql, which would log it as a failure.
QString setJournalMode(sqlite3 *handle, const char *sql)
{
    sqlite3_stmt *st = nullptr;
    QString mode;
    if (sqlite3_prepare_v2(handle, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        mode = QString::fromLatin1(reinterpret_cast<const char *>(sqlite3_column_text(st, 0))).toLower();
    sqlite3_finalize(st);
    return mode;
}

} // namespace

SqliteBulkLoad::SqliteBulkLoad(Database &db, int cacheMiB, bool sortInFiles) : m_db(db), m_sortInFiles(sortInFiles)
{
    sqlite3 *handle = db.sqliteHandle();
    if (!handle || db.inTransaction())
        return;
    m_active = true;
    (void)db.execSql(QStringLiteral("PRAGMA cache_size=-%1").arg(qint64(cacheMiB) * 1024));
    (void)db.execSql(QStringLiteral("PRAGMA threads=2"));
    if (sortInFiles)
        (void)db.execSql(QStringLiteral("PRAGMA temp_store=FILE"));
    // Without waiting: another connection that has the file open keeps it in use for its lifetime.
    const int timeout = busyTimeoutMs(handle);
    sqlite3_busy_timeout(handle, 0);
    m_rollbackJournal = setJournalMode(handle, "PRAGMA journal_mode=DELETE") == QLatin1String("delete");
    sqlite3_busy_timeout(handle, timeout);
}

SqliteBulkLoad::~SqliteBulkLoad()
{
    if (!m_active)
        return;
    // Database::open's values.
    (void)m_db.execSql(QStringLiteral("PRAGMA cache_size=-65536"));
    (void)m_db.execSql(QStringLiteral("PRAGMA threads=0"));
    if (m_sortInFiles)
        (void)m_db.execSql(QStringLiteral("PRAGMA temp_store=MEMORY"));
    if (m_rollbackJournal)
        (void)m_db.execSql(QStringLiteral("PRAGMA journal_mode=WAL"));
}

} // namespace crm
