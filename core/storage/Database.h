#pragma once

#include "core/ChangeFeed.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVector>

#include <memory>
#include <unordered_map>

struct sqlite3;

namespace crm {

class SqliteWriteGate;

enum class Dialect { Sqlite, Postgres };

// Where and how to open the store. `location` is a SQLite file path or a postgresql:// URL.
struct DatabaseOptions
{
    QString location;
    // SQLite synchronous=FULL: an acknowledged write survives power loss. On for the API server;
    // the single-user desktop may use NORMAL (WAL keeps the file consistent, the last commits may be lost).
    bool durable = true;
    ChangeFeed *feed = nullptr; // shared by every connection of the process; may be null
    const Clock *clock = nullptr; // defaults to the system clock
    // Names the sender in PostgreSQL change notifications, so a process ignores its own (its feed has
    // them already). Empty: one random id per process. Tests set it to act as another process.
    QString origin;
    // Migrate only up to this schema version (0: the latest). Tests use it to check upgrades.
    int schemaVersion = 0;
    // How long a write waits for another's transaction before failing as storage.busy (SQLite: the
    // process's SqliteWriteGate, then SQLite's busy handler for other processes).
    int busyTimeoutMs = 10000;
};

// One connection to the store, owned by one thread (QSqlDatabase must never cross threads).
// It also carries what a unit of work needs: the dialect, the clock, and the change feed that
// is told about changes only after their transaction commits.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating an empty SQLite file if needed) and applies pending migrations.
    static Result<std::unique_ptr<Database>> open(const DatabaseOptions &options);
    // Another connection to the same store, for another thread. Migrations are not run again.
    Result<std::unique_ptr<Database>> openAnother() const;

    Dialect dialect() const { return m_dialect; }
    bool isSqlite() const { return m_dialect == Dialect::Sqlite; }
    const DatabaseOptions &options() const { return m_options; }
    const Clock &clock() const { return *m_clock; }
    ChangeFeed *feed() const { return m_options.feed; }
    QSqlDatabase &connection() { return m_db; }
    // SQLite: the connection Qt's driver holds, for the few readers and writers of many rows that use
    // sqlite3's C API directly (RowCursor, CustomerBulkWriter); QtSql's QVariant per value was most of
    // their time. Null on PostgreSQL.
    sqlite3 *sqliteHandle();

    // A query prepared on this connection. Placeholders are named (":name"); on PostgreSQL write
    // casts as CAST(x AS t), since "::t" would read as a placeholder.
    QSqlQuery prepare(const QString &sql);
    // The same, reusing a statement of this connection prepared earlier with the same text (parsing
    // is most of the cost of a short query) when one was handed back with recycle().
    QSqlQuery cached(const QString &sql);
    void recycle(QSqlQuery &&query);
    // Executes a prepared query; a failure is logged with its SQL and returned as a typed error
    // (unique violations become conflict.duplicate, foreign-key violations validation.reference).
    Status exec(QSqlQuery &query);
    // The typed error exec() gives for a driver's native code (SQLite's extended result code, or
    // PostgreSQL's SQLSTATE), for code that talks to a driver directly (SqliteStatement).
    static Error errorForCode(const QString &nativeCode);
    // Unique and foreign-key violations: expected outcomes the caller reports, not logged as failures.
    static bool isConstraintCode(const QString &nativeCode);
    // Executes one statement without parameters.
    Status execSql(const QString &sql);

    // Runs fn in one write transaction (BEGIN IMMEDIATE on SQLite, so a read never has to be
    // upgraded to a write mid-transaction). fn returns a Result; an error rolls everything back.
    // Nested calls join the outer transaction. Changes queued with notifyAfterCommit() are
    // published only once the outermost transaction has committed.
    template <typename F>
    auto write(F &&fn) -> decltype(fn())
    {
        if (m_txDepth > 0) {
            Q_ASSERT_X(!m_readOnly, "Database::write", "a write inside Database::read()");
            ++m_txDepth;
            auto result = fn();
            --m_txDepth;
            if (!result.ok())
                m_rollbackOnly = true;
            return result;
        }
        if (Status begun = begin(); !begun.ok())
            return begun.error();
        m_txDepth = 1;
        m_rollbackOnly = false;
        auto result = fn();
        m_txDepth = 0;
        if (!result.ok() || m_rollbackOnly) {
            rollback();
            if (result.ok())
                return Error::internal();
            return result;
        }
        if (Status committed = commit(); !committed.ok()) {
            rollback();
            return committed.error();
        }
        publishPending();
        return result;
    }
    bool inTransaction() const { return m_txDepth > 0; }

    // Runs fn (which must not write) in one read transaction: its queries share one snapshot and,
    // on SQLite, one WAL read lock instead of taking one per statement. Used for whole GET requests.
    template <typename F>
    auto read(F &&fn) -> decltype(fn())
    {
        if (m_txDepth > 0)
            return fn();
        if (Status begun = execSql(QStringLiteral("BEGIN")); !begun.ok())
            return fn(); // reading without the shared snapshot is still correct
        m_txDepth = 1;
        m_readOnly = true;
        auto result = fn();
        m_txDepth = 0;
        m_readOnly = false;
        if (!execSql(QStringLiteral("COMMIT")).ok())
            rollback();
        return result;
    }

    // Queue a change to announce after commit (once, however often it is queued). On PostgreSQL
    // the transaction's changes are also sent with NOTIFY just before its COMMIT, which PostgreSQL
    // delivers to other processes only if the transaction commits.
    void notifyAfterCommit(const Change &change);

    static const QString &notifyChannel();
    // This connection's origin in notification payloads (lines of "entity:id:kind:origin").
    QString origin() const;

private:
    Database() = default;
    Status configure();
    Status begin();
    Status commit();
    void rollback();
    void leaveWriteGate();
    void publishPending();
    Status sendPendingNotifications();

    DatabaseOptions m_options;
    Dialect m_dialect = Dialect::Sqlite;
    QString m_connectionName;
    QSqlDatabase m_db;
    const Clock *m_clock = nullptr;
    int m_txDepth = 0;
    bool m_rollbackOnly = false;
    bool m_readOnly = false; // inside read()
    QVector<Change> m_pending;
    QSet<QString> m_pendingKeys; // "entity:id:kind" of m_pending
    struct CachedStatement
    {
        QSqlQuery query; // move-only
        quint64 lastUse = 0; // m_statementUses when handed back
    };
    static constexpr size_t kStatementCacheSize = 256;
    std::unordered_map<QString, CachedStatement> m_statements; // see cached()
    quint64 m_statementUses = 0;
    std::shared_ptr<SqliteWriteGate> m_writeGate; // SQLite: held from BEGIN IMMEDIATE to COMMIT/ROLLBACK
    bool m_inWriteGate = false;
};

// Parses "postgresql://user:password@host:port/dbname?host=/socket/dir" into its parts.
struct PostgresUrl
{
    QString user, password, host, database;
    int port = 5432;
    static std::optional<PostgresUrl> parse(const QString &url);
};

bool isPostgresLocation(const QString &location);

} // namespace crm
