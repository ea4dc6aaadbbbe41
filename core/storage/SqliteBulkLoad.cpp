#include "core/storage/SqliteBulkLoad.h"

#include "core/storage/Database.h"

#include <sqlite3.h>

#include <QSqlQuery>
#include <QString>

namespace crm {

namespace {

// The one-value answer of a PRAGMA, through sqlite3 directly: a refused journal switch (another
// connection has the file open) is an expected outcome here, which Database::execSql would log as a
// failure. Empty when SQLite refuses.
QString pragma(sqlite3 *handle, const QString &sql)
{
    sqlite3_stmt *st = nullptr;
    QString value;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return value;
}

} // namespace

SqliteBulkLoad::SqliteBulkLoad(Database &db, int cacheMiB, bool tempFiles, ForeignKeys foreignKeys) : m_db(db)
{
    sqlite3 *handle = db.sqliteHandle();
    if (!handle || db.inTransaction())
        return;
    m_active = true;
    // What the connection had (Database::open's settings), to put back after.
    m_cacheSize = pragma(handle, QStringLiteral("PRAGMA cache_size"));
    m_threads = pragma(handle, QStringLiteral("PRAGMA threads"));
    m_tempStore = pragma(handle, QStringLiteral("PRAGMA temp_store"));
    // A switch of temp_store closes the connection's temporary database. Done here, outside any
    // transaction, it lets createIndexes switch inside the load's transaction: SQLite refuses that
    // once the connection has opened its temporary database (a migration's ALTER TABLE ... RENAME
    // does), and the index builds then sorted on one thread. A 1M-row import into a new file (its
    // connection had just run the migrations) spent 17.6 s building its 16 indexes that way, 10.4 s
    // with this.
    (void)db.execSql(QStringLiteral("PRAGMA temp_store=FILE"));
    if (!tempFiles)
        (void)db.execSql(QStringLiteral("PRAGMA temp_store=") + m_tempStore);
    (void)db.execSql(QStringLiteral("PRAGMA cache_size=-%1").arg(qint64(cacheMiB) * 1024));
    (void)db.execSql(QStringLiteral("PRAGMA threads=2"));
    if (foreignKeys == ForeignKeys::Unchecked) {
        m_foreignKeys = pragma(handle, QStringLiteral("PRAGMA foreign_keys"));
        (void)db.execSql(QStringLiteral("PRAGMA foreign_keys=OFF"));
    }
    // Without waiting: another connection that has the file open keeps it in use for its lifetime.
    const int timeoutMs = pragma(handle, QStringLiteral("PRAGMA busy_timeout")).toInt();
    sqlite3_busy_timeout(handle, 0);
    m_rollbackJournal = pragma(handle, QStringLiteral("PRAGMA journal_mode=DELETE")).toLower() == QLatin1String("delete");
    sqlite3_busy_timeout(handle, timeoutMs);
}

SqliteBulkLoad::~SqliteBulkLoad()
{
    if (!m_active)
        return;
    (void)m_db.execSql(QStringLiteral("PRAGMA cache_size=") + m_cacheSize);
    (void)m_db.execSql(QStringLiteral("PRAGMA threads=") + m_threads);
    if (!m_tempStore.isEmpty())
        (void)m_db.execSql(QStringLiteral("PRAGMA temp_store=") + m_tempStore);
    if (!m_foreignKeys.isEmpty())
        (void)m_db.execSql(QStringLiteral("PRAGMA foreign_keys=") + m_foreignKeys);
    if (m_rollbackJournal)
        (void)m_db.execSql(QStringLiteral("PRAGMA journal_mode=WAL"));
}

Status SqliteBulkLoad::createIndexes(Database &db, const QStringList &statements)
{
    sqlite3 *handle = db.sqliteHandle();
    const QString cacheSize = handle ? pragma(handle, QStringLiteral("PRAGMA cache_size")) : QString();
    const QString tempStore = handle ? pragma(handle, QStringLiteral("PRAGMA temp_store")) : QString();
    if (!cacheSize.isEmpty())
        (void)db.execSql(QStringLiteral("PRAGMA cache_size=-4096"));
    // Allowed inside a transaction while the connection has no temporary tables (it has none).
    if (!tempStore.isEmpty())
        (void)db.execSql(QStringLiteral("PRAGMA temp_store=FILE"));
    Status status;
    for (const QString &sql : statements) {
        status = db.execSql(sql);
        if (!status)
            break;
    }
    if (!cacheSize.isEmpty())
        (void)db.execSql(QStringLiteral("PRAGMA cache_size=") + cacheSize);
    if (!tempStore.isEmpty())
        (void)db.execSql(QStringLiteral("PRAGMA temp_store=") + tempStore);
    return status;
}

Result<QStringList> SqliteBulkLoad::suspend(Database &db, const QStringList &tables, const QStringList &kept)
{
    if (!db.isSqlite() || tables.isEmpty())
        return QStringList();
    // Indexes first, so createIndexes puts the triggers back after them (neither depends on the other).
    QSqlQuery q = db.prepare(QStringLiteral("SELECT type, name, sql, tbl_name FROM sqlite_master WHERE sql IS NOT NULL AND"
                                            " ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%') OR"
                                            " (type = 'trigger' AND sql LIKE '% AFTER INSERT ON %')) ORDER BY type"));
    if (Status st = db.exec(q); !st)
        return st.error();
    QStringList drops, statements;
    while (q.next()) {
        if (!tables.contains(q.value(3).toString()) || kept.contains(q.value(1).toString()))
            continue;
        drops << QStringLiteral("DROP ") + q.value(0).toString().toUpper() + QLatin1Char(' ') + q.value(1).toString();
        statements << q.value(2).toString();
    }
    q.finish();
    for (const QString &drop : std::as_const(drops))
        if (Status st = db.execSql(drop); !st)
            return st.error();
    return statements;
}

} // namespace crm
