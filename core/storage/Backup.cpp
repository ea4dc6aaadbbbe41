#include "core/storage/Backup.h"

#include "core/storage/Database.h"
#include "core/storage/Migrations.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace crm {

namespace {

Error backupError(const QString &code, const QString &message)
{
    return {QStringLiteral("backup.") + code, message, {}};
}

QString stamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

// A plain driver connection, not a Database: a backup copies the store as it is (no migrations),
// and the PostgreSQL maintenance connection goes to another database.
class RawConnection
{
public:
    RawConnection(const QString &driver)
        : m_name(QStringLiteral("crm-backup-") + QUuid::createUuid().toString(QUuid::Id128))
    {
        m_db = QSqlDatabase::addDatabase(driver, m_name);
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// ---- SQLite ----

Status openSqlite(RawConnection &c, const QString &file, bool readOnly)
{
    c.db().setDatabaseName(file);
    // Waits for a writer's commit instead of failing at once when the store is busy.
    c.db().setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!c.db().open())
        return backupError(QStringLiteral("unreadable"), QStringLiteral("Cannot open %1: %2").arg(file, c.db().lastError().text()));
    return {};
}

Status verifySqlite(const QString &file)
{
    if (!QFileInfo(file).isFile())
        return backupError(QStringLiteral("missing"), QStringLiteral("%1 does not exist").arg(file));
    RawConnection c(QStringLiteral("QSQLITE"));
    if (Status st = openSqlite(c, file, true); !st)
        return st;
    QSqlQuery check(c.db());
    if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next())
        return backupError(QStringLiteral("not_a_database"), QStringLiteral("%1 is not a SQLite database").arg(file));
    if (check.value(0).toString() != QLatin1String("ok"))
        return backupError(QStringLiteral("corrupt"),
                           QStringLiteral("%1 is damaged (integrity check: %2)").arg(file, check.value(0).toString()));
    QSqlQuery version(c.db());
    if (!version.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !version.next())
        return backupError(QStringLiteral("not_crm"), QStringLiteral("%1 is not a CRM database").arg(file));
    if (version.value(0).toInt() > Migrations::latestVersion())
        return backupError(QStringLiteral("too_new"),
                           QStringLiteral("%1 was written by a newer version of the CRM (schema %2); upgrade the program first")
                               .arg(file)
                               .arg(version.value(0).toInt()));
    return {};
}

Status writeSqlite(const QString &location, const QString &file)
{
    if (!QFileInfo(location).isFile())
        return backupError(QStringLiteral("missing"), QStringLiteral("There is no database at %1").arg(location));
    const QString partial = file + QStringLiteral(".partial");
    QFile::remove(partial);
    {
        RawConnection c(QStringLiteral("QSQLITE"));
        if (Status st = openSqlite(c, location, true); !st)
            return st;
        QSqlQuery q(c.db());
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(partial);
        if (!q.exec()) {
            QFile::remove(partial);
            return backupError(QStringLiteral("failed"), QStringLiteral("Could not copy the database: %1").arg(q.lastError().text()));
        }
    }
    if (Status st = verifySqlite(partial); !st) {
        QFile::remove(partial);
        return st;
    }
    if (!QFile::rename(partial, file)) {
        QFile::remove(partial);
        return backupError(QStringLiteral("failed"), QStringLiteral("Could not create %1").arg(file));
    }
    return {};
}

// Moves the store aside after emptying its write-ahead log into it, so the file alone is the whole
// previous database. A checkpoint that cannot finish means another process is using the store.
Status moveSqliteAside(const QString &location, const QString &previous)
{
    {
        RawConnection c(QStringLiteral("QSQLITE"));
        if (Status st = openSqlite(c, location, false); !st)
            return st;
        QSqlQuery q(c.db());
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !q.next())
            return backupError(QStringLiteral("failed"), QStringLiteral("Cannot read %1: %2").arg(location, q.lastError().text()));
        if (q.value(0).toInt() != 0)
            return backupError(QStringLiteral("in_use"), QStringLiteral("The database is in use: close the desktop and stop crm serve, then try again"));
    }
    if (!QFile::rename(location, previous))
        return backupError(QStringLiteral("failed"), QStringLiteral("Could not rename %1").arg(location));
    for (const char *suffix : {"-wal", "-shm"}) // empty after the checkpoint; they belong to the old file
        QFile::remove(location + QLatin1String(suffix));
    return {};
}

Result<QString> restoreSqlite(const QString &location, const QString &file)
{
    if (Status st = verifySqlite(file); !st)
        return st.error();
    const QString incoming = location + QStringLiteral(".restoring");
    QFile::remove(incoming);
    if (!QFile::copy(file, incoming))
        return backupError(QStringLiteral("failed"), QStringLiteral("Could not copy %1 next to %2").arg(file, location));
    QString previous;
    if (QFileInfo::exists(location)) {
        previous = location + QStringLiteral(".before-restore-") + stamp();
        if (Status st = moveSqliteAside(location, previous); !st) {
            QFile::remove(incoming);
            return st.error();
        }
    }
    if (!QFile::rename(incoming, location)) {
        if (!previous.isEmpty())
            QFile::rename(previous, location);
        QFile::remove(incoming);
        return backupError(QStringLiteral("failed"), QStringLiteral("Could not put the backup in place of %1").arg(location));
    }
    return previous;
}

// ---- PostgreSQL ----

QStringList connectionArgs(const PostgresUrl &url, const QString &database)
{
    QStringList args;
    if (!url.host.isEmpty())
        args << QStringLiteral("--host") << url.host;
    args << QStringLiteral("--port") << QString::number(url.port);
    if (!url.user.isEmpty())
        args << QStringLiteral("--username") << url.user;
    args << QStringLiteral("--dbname") << database;
    return args;
}

// Runs a PostgreSQL client program; the password goes through the environment, never the command line.
Status runTool(const QString &program, const QStringList &args, const PostgresUrl &url)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!url.password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), url.password);
    env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("5"));
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.start(program, args);
    if (!p.waitForStarted())
        return backupError(QStringLiteral("tool_missing"),
                           QStringLiteral("%1 is not installed (Debian package postgresql-client-15)").arg(program));
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString why = QString::fromLocal8Bit(p.readAllStandardError()).trimmed().section(QLatin1Char('\n'), 0, 0);
        return backupError(QStringLiteral("failed"), QStringLiteral("%1 failed: %2").arg(program, why));
    }
    return {};
}

Result<PostgresUrl> parseUrl(const QString &location)
{
    auto url = PostgresUrl::parse(location);
    if (!url)
        return Error::validation(QStringLiteral("format"), QStringLiteral("database"),
                                 QStringLiteral("Not a valid PostgreSQL address: expected postgresql://user@host:port/database"));
    return *url;
}

Status verifyPostgres(const PostgresUrl &url, const QString &file)
{
    if (!QFileInfo(file).isFile())
        return backupError(QStringLiteral("missing"), QStringLiteral("%1 does not exist").arg(file));
    return runTool(QStringLiteral("pg_restore"), {QStringLiteral("--list"), file}, url);
}

Status writePostgres(const QString &location, const QString &file)
{
    auto url = parseUrl(location);
    if (!url)
        return url.error();
    const QString partial = file + QStringLiteral(".partial");
    QFile::remove(partial);
    const QStringList args = QStringList{QStringLiteral("--format=custom"), QStringLiteral("--no-owner"), QStringLiteral("--file"), partial} +
                             connectionArgs(*url, url->database);
    Status st = runTool(QStringLiteral("pg_dump"), args, *url);
    if (st)
        st = verifyPostgres(*url, partial);
    if (st && !QFile::rename(partial, file))
        st = backupError(QStringLiteral("failed"), QStringLiteral("Could not create %1").arg(file));
    if (!st)
        QFile::remove(partial);
    return st;
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

Result<QString> restorePostgres(const QString &location, const QString &file)
{
    auto url = parseUrl(location);
    if (!url)
        return url.error();
    if (Status st = verifyPostgres(*url, file); !st)
        return st.error();
    // Renaming and creating databases happens from the server's maintenance database.
    RawConnection admin(QStringLiteral("QPSQL"));
    admin.db().setHostName(url->host);
    admin.db().setPort(url->port);
    admin.db().setUserName(url->user);
    admin.db().setPassword(url->password);
    admin.db().setDatabaseName(QStringLiteral("postgres"));
    admin.db().setConnectOptions(QStringLiteral("connect_timeout=5"));
    if (!admin.db().open())
        return backupError(QStringLiteral("unreachable"), QStringLiteral("Cannot connect to the PostgreSQL server: %1")
                                                              .arg(admin.db().lastError().databaseText().trimmed()));
    QString previous = url->database + QStringLiteral("_before_restore_") + stamp();
    previous.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (previous.toUtf8().size() > 63)
        return backupError(QStringLiteral("failed"), QStringLiteral("The database name is too long to keep a copy beside it"));
    auto exec = [&](const QString &sql) { return QSqlQuery(admin.db()).exec(sql); };
    QSqlQuery rename(admin.db());
    if (!rename.exec(QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(quoted(url->database), quoted(previous))))
        return backupError(QStringLiteral("in_use"),
                           QStringLiteral("Could not set the database aside (close the desktop and stop crm serve, then try again): %1")
                               .arg(rename.lastError().databaseText().trimmed()));
    const auto putBack = [&] {
        exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quoted(url->database)));
        exec(QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(quoted(previous), quoted(url->database)));
    };
    if (!exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(quoted(url->database)))) {
        putBack();
        return backupError(QStringLiteral("failed"), QStringLiteral("Could not create the database to restore into"));
    }
    const QStringList args = QStringList{QStringLiteral("--exit-on-error"), QStringLiteral("--single-transaction"),
                                         QStringLiteral("--no-owner")} +
                             connectionArgs(*url, url->database) + QStringList{file};
    if (Status st = runTool(QStringLiteral("pg_restore"), args, *url); !st) {
        putBack();
        return st.error();
    }
    return previous;
}

} // namespace

Status Backup::write(const QString &location, const QString &file)
{
    if (QFileInfo::exists(file))
        return backupError(QStringLiteral("exists"), QStringLiteral("%1 already exists; choose a new file name").arg(file));
    return isPostgresLocation(location) ? writePostgres(location, file) : writeSqlite(location, file);
}

Status Backup::verify(const QString &location, const QString &file)
{
    if (!isPostgresLocation(location))
        return verifySqlite(file);
    auto url = parseUrl(location);
    if (!url)
        return url.error();
    return verifyPostgres(*url, file);
}

Result<QString> Backup::restore(const QString &location, const QString &file)
{
    return isPostgresLocation(location) ? restorePostgres(location, file) : restoreSqlite(location, file);
}

} // namespace crm
