#include "core/storage/Database.h"

#include "core/storage/Migrations.h"
#include "core/storage/SqliteLibrary.h"
#include "core/storage/SqliteWriteGate.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcDb, "crm.db")

namespace crm {

namespace {
const SystemClock &systemClock()
{
    static const SystemClock clock;
    return clock;
}

// SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY / _FOREIGNKEY extended codes, and the PostgreSQL SQLSTATEs.
bool isUniqueViolation(const QString &code)
{
    return code == QLatin1String("2067") || code == QLatin1String("1555") || code == QLatin1String("23505");
}
bool isForeignKeyViolation(const QString &code)
{
    return code == QLatin1String("787") || code == QLatin1String("23503");
}
bool isBusy(const QString &code)
{
    return code == QLatin1String("5") || code == QLatin1String("517") || code == QLatin1String("40001") ||
           code == QLatin1String("40P01");
}
Error busyError()
{
    return Error{QStringLiteral("storage.busy"), QStringLiteral("The database is busy; try again"), {}};
}
} // namespace

bool isPostgresLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

std::optional<PostgresUrl> PostgresUrl::parse(const QString &text)
{
    const QUrl url(text);
    if (!url.isValid() || !isPostgresLocation(text))
        return std::nullopt;
    PostgresUrl out;
    out.user = url.userName();
    out.password = url.password();
    out.host = url.host();
    out.port = url.port(5432);
    out.database = url.path().mid(1);
    const QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("host"))) // a Unix socket directory
        out.host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (out.database.isEmpty())
        return std::nullopt;
    return out;
}

const QString &Database::notifyChannel()
{
    static const QString channel = QStringLiteral("crm_changes");
    return channel;
}

QString Database::origin() const
{
    static const QString processOrigin = QUuid::createUuid().toString(QUuid::Id128);
    return m_options.origin.isEmpty() ? processOrigin : m_options.origin;
}

Database::~Database()
{
    leaveWriteGate();
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseOptions &options)
{
    SqliteLibrary::configure();
    std::unique_ptr<Database> db(new Database);
    db->m_options = options;
    db->m_clock = options.clock ? options.clock : &systemClock();
    db->m_connectionName = QStringLiteral("crm-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    if (isPostgresLocation(options.location)) {
        const auto url = PostgresUrl::parse(options.location);
        if (!url)
            return Error::validation(QStringLiteral("format"), QStringLiteral("database"),
                                     QStringLiteral("Not a valid PostgreSQL address: expected postgresql://user@host:port/database"));
        db->m_dialect = Dialect::Postgres;
        db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_connectionName);
        db->m_db.setHostName(url->host);
        db->m_db.setPort(url->port);
        db->m_db.setDatabaseName(url->database);
        db->m_db.setUserName(url->user);
        db->m_db.setPassword(url->password);
        db->m_db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    } else {
        if (options.location.isEmpty())
            return Error::validation(QStringLiteral("required"), QStringLiteral("database"),
                                     QStringLiteral("No database file given"));
        const QFileInfo file(options.location);
        if (!QDir().mkpath(file.absolutePath()))
            return Error{QStringLiteral("storage.unavailable"),
                         QStringLiteral("Cannot create the folder %1").arg(file.absolutePath()), QStringLiteral("database")};
        db->m_dialect = Dialect::Sqlite;
        db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
        db->m_db.setDatabaseName(file.absoluteFilePath());
        db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    }
    if (!db->m_db.open()) {
        qCWarning(lcDb) << "cannot open database:" << db->m_db.lastError().text();
        return Error{QStringLiteral("storage.unavailable"),
                     db->isSqlite() ? QStringLiteral("Cannot open the database file %1").arg(options.location)
                                    : QStringLiteral("Cannot connect to the PostgreSQL server"),
                     QStringLiteral("database")};
    }
    if (db->isSqlite()) { // the file exists now: its canonical path names it whatever the spelling
        const QFileInfo file(options.location);
        db->m_writeGate = SqliteWriteGate::forFile(file.canonicalFilePath().isEmpty() ? file.absoluteFilePath()
                                                                                       : file.canonicalFilePath());
    }
    if (Status st = db->configure(); !st)
        return st.error();
    if (Status st = Migrations::apply(*db, options.schemaVersion > 0 ? options.schemaVersion : Migrations::latestVersion()); !st)
        return st.error();
    return db;
}

Result<std::unique_ptr<Database>> Database::openAnother() const
{
    std::unique_ptr<Database> db(new Database);
    db->m_options = m_options;
    db->m_clock = m_clock;
    db->m_dialect = m_dialect;
    db->m_writeGate = m_writeGate;
    db->m_connectionName = QStringLiteral("crm-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    db->m_db = QSqlDatabase::cloneDatabase(m_connectionName, db->m_connectionName);
    if (!db->m_db.open())
        return Error{QStringLiteral("storage.unavailable"), QStringLiteral("Cannot open another database connection"), {}};
    if (Status st = db->configure(); !st)
        return st.error();
    return db;
}

Status Database::configure()
{
    if (isSqlite()) {
        const QStringList pragmas = {
            QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("PRAGMA foreign_keys=ON"),
            m_options.durable ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=NORMAL"),
            QStringLiteral("PRAGMA cache_size=-65536"), // 64 MiB page cache per connection
            QStringLiteral("PRAGMA temp_store=MEMORY"),
            // No memory-mapped I/O (SQLite's default): when connections of the process take turns
            // writing, each remapped the file as it grew (page-table updates and TLB flushes on every
            // core), and API writes through the SqliteWriteGate ran at 2,100/s instead of 3,600/s;
            // reads measured the same either way (bench/README.md).
            QStringLiteral("PRAGMA mmap_size=0"),
        };
        for (const QString &p : pragmas)
            if (Status st = execSql(p); !st)
                return st;
    } else {
        if (Status st = execSql(QStringLiteral("SET TIME ZONE 'UTC'")); !st)
            return st;
        if (Status st = execSql(QStringLiteral("SET client_min_messages = warning")); !st)
            return st;
        // JIT compiles a query's expressions when its estimated cost is high, which for this
        // application's short queries costs more than it saves (measured on the 1M demo: 45 ms of
        // compiling in a 0.9 s list query; a team lead's dashboard p50 27 -> 23 ms without it).
        if (Status st = execSql(QStringLiteral("SET jit = off")); !st)
            return st;
    }
    return {};
}

sqlite3 *Database::sqliteHandle()
{
    if (!isSqlite())
        return nullptr;
    // QSqlDriver::handle() gives it as a QVariant of type "sqlite3*".
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QSqlQuery Database::prepare(const QString &sql)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        qCWarning(lcDb).noquote() << "prepare failed:" << query.lastError().text() << "in" << sql;
    return query;
}

QSqlQuery Database::cached(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        return prepare(sql);
    QSqlQuery query = std::move(it->second.query);
    m_statements.erase(it);
    return query;
}

void Database::recycle(QSqlQuery &&query)
{
    query.finish();
    const QString sql = query.lastQuery();
    // Bounded: texts with inlined scope ids vary per user. The statement used longest ago goes, not
    // the lot: with a few hundred users' detail queries, clearing all dropped the writes' statements
    // (the audit entry, the INSERTs) as often as they were used.
    if (m_statements.size() >= kStatementCacheSize && m_statements.find(sql) == m_statements.end()) {
        auto oldest = m_statements.begin();
        for (auto it = m_statements.begin(); it != m_statements.end(); ++it)
            if (it->second.lastUse < oldest->second.lastUse)
                oldest = it;
        m_statements.erase(oldest);
    }
    m_statements.insert_or_assign(sql, CachedStatement{std::move(query), ++m_statementUses});
}

Error Database::errorForCode(const QString &nativeCode)
{
    if (isUniqueViolation(nativeCode))
        return Error::conflict(QStringLiteral("duplicate"), QStringLiteral("A record with the same value already exists"));
    if (isForeignKeyViolation(nativeCode))
        return Error::validation(QStringLiteral("reference"), {}, QStringLiteral("A referenced record does not exist"));
    if (isBusy(nativeCode))
        return busyError();
    return Error::internal();
}

bool Database::isConstraintCode(const QString &nativeCode)
{
    return isUniqueViolation(nativeCode) || isForeignKeyViolation(nativeCode);
}

Status Database::exec(QSqlQuery &query)
{
    if (query.exec())
        return {};
    const QSqlError e = query.lastError();
    if (!isConstraintCode(e.nativeErrorCode()))
        qCWarning(lcDb).noquote() << "query failed:" << e.nativeErrorCode() << e.text() << "in" << query.lastQuery();
    return errorForCode(e.nativeErrorCode());
}

Status Database::execSql(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return {};
    qCWarning(lcDb).noquote() << "statement failed:" << query.lastError().text() << "in" << sql;
    return isBusy(query.lastError().nativeErrorCode()) ? errorForCode(query.lastError().nativeErrorCode()) : Error::internal();
}

Status Database::begin()
{
    m_pending.clear();
    m_pendingKeys.clear();
    if (!isSqlite())
        return execSql(QStringLiteral("BEGIN"));
    if (m_writeGate) {
        if (!m_writeGate->enter(m_options.busyTimeoutMs))
            return busyError();
        m_inWriteGate = true;
    }
    Status begun = execSql(QStringLiteral("BEGIN IMMEDIATE"));
    if (!begun)
        leaveWriteGate();
    return begun;
}

Status Database::commit()
{
    if (Status st = sendPendingNotifications(); !st)
        return st;
    Status committed = execSql(QStringLiteral("COMMIT"));
    if (committed)
        leaveWriteGate(); // else the caller rolls back, which leaves it
    return committed;
}

void Database::rollback()
{
    m_pending.clear();
    m_pendingKeys.clear();
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcDb) << "rollback failed:" << query.lastError().text();
    leaveWriteGate();
}

void Database::leaveWriteGate()
{
    if (m_inWriteGate) {
        m_inWriteGate = false;
        m_writeGate->leave();
    }
}

namespace {

// "entity:id:kind": a change's identity in the queue, and the start of its notification line.
QString changeKey(const Change &c)
{
    return c.entity + QLatin1Char(':') + QString::number(c.id) + QLatin1Char(':') + c.kind;
}

} // namespace

void Database::notifyAfterCommit(const Change &change)
{
    // The same change twice in one transaction (a customer whose deals an import writes one by one)
    // tells a listener nothing more.
    const QString key = changeKey(change);
    if (m_pendingKeys.contains(key))
        return;
    m_pendingKeys.insert(key);
    m_pending.append(change);
}

// PostgreSQL: the transaction's changes as NOTIFYs right before COMMIT, which delivers them only if
// it commits: many lines ("entity:id:kind:origin") to a payload, under PostgreSQL's 8000-byte limit.
// Sent as each change was queued, one statement each, an import of 3,000 deals spent a third of its
// 45,000 statements on them (PREPARE, EXECUTE and DEALLOCATE of pg_notify twice a row).
Status Database::sendPendingNotifications()
{
    if (m_dialect != Dialect::Postgres || m_pending.isEmpty())
        return {};
    constexpr qsizetype kMaxPayloadBytes = 7900;
    const QString suffix = QLatin1Char(':') + origin();
    QByteArray payload;
    auto send = [&]() -> Status {
        if (payload.isEmpty())
            return {};
        QSqlQuery notify = cached(QStringLiteral("SELECT pg_notify(:channel, :payload)"));
        notify.bindValue(QStringLiteral(":channel"), notifyChannel());
        notify.bindValue(QStringLiteral(":payload"), QString::fromUtf8(payload));
        Status st = exec(notify);
        recycle(std::move(notify));
        payload.clear();
        return st;
    };
    for (const Change &c : std::as_const(m_pending)) {
        const QByteArray line = (changeKey(c) + suffix).toUtf8();
        if (!payload.isEmpty() && payload.size() + 1 + line.size() > kMaxPayloadBytes)
            if (Status st = send(); !st)
                return st;
        if (!payload.isEmpty())
            payload += '\n';
        payload += line;
    }
    return send();
}

void Database::publishPending()
{
    const QVector<Change> pending = std::exchange(m_pending, {});
    m_pendingKeys.clear();
    if (!m_options.feed)
        return;
    for (const Change &c : pending)
        m_options.feed->publish(c);
}

} // namespace crm
