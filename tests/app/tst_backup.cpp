// `crm backup` and `crm restore` as an administrator runs them: the real executable through QProcess on
// a real store (a SQLite file, or a database on the PostgreSQL server with pg_dump/pg_restore).
#include "tests/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

using namespace crm;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCrm(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CRM_DATABASE"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CRM_EXE), args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList tagsIn(const QString &location)
{
    DatabaseOptions options;
    options.location = location;
    auto db = Database::open(options);
    if (!db)
        return {QStringLiteral("open failed: ") + db.error().message};
    QSqlQuery q = (*db)->prepare(QStringLiteral("SELECT name FROM tags ORDER BY name"));
    if (!(*db)->exec(q).ok())
        return {QStringLiteral("query failed")};
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

// Where the kept previous store is: a file next to the SQLite file, or a database on the same server.
QString previousLocation(const QString &location, const QString &kept)
{
    if (!isPostgresLocation(location))
        return kept;
    return test::TestDatabase::replaceDatabase(location, kept);
}

void dropPostgresDatabase(const QString &location, const QString &name)
{
    const auto url = PostgresUrl::parse(location);
    if (!url)
        return;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("drop-kept"));
        admin.setHostName(url->host);
        admin.setPort(url->port);
        admin.setUserName(url->user);
        admin.setDatabaseName(QStringLiteral("postgres"));
        if (admin.open())
            QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name));
        admin.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("drop-kept"));
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString file(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void backupThenRestoreBringsBackTheCopy()
    {
        CRM_OPEN_DB(db);
        QVERIFY(db->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('before')")).ok());
        const QString backup = file(QStringLiteral("roundtrip.backup"));

        Run r = runCrm({QStringLiteral("backup"), backup, QStringLiteral("--database"), db.location});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("Backup written")));
        QVERIFY(QFileInfo(backup).size() > 0);
        QVERIFY(!QFileInfo::exists(backup + QStringLiteral(".partial")));

        // An existing file is never overwritten.
        r = runCrm({QStringLiteral("backup"), backup, QStringLiteral("--database"), db.location});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QLatin1String("already exists")));

        QVERIFY(db->execSql(QStringLiteral("DELETE FROM tags")).ok());
        QVERIFY(db->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('after')")).ok());

        if (test::usePostgres()) {
            // Our connection is still open: the server refuses to set the database aside, nothing changes.
            r = runCrm({QStringLiteral("restore"), backup, QStringLiteral("--database"), db.location});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QLatin1String("in use")) || r.err.contains(QLatin1String("stop crm serve")), qPrintable(r.err));
            QCOMPARE(tagsIn(db.location), QStringList{QStringLiteral("after")});
        }
        db.db.reset(); // as an administrator closes the desktop before restoring

        r = runCrm({QStringLiteral("restore"), backup, QStringLiteral("--database"), db.location});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString kept = QRegularExpression(QStringLiteral("kept as (\\S+)\\.\\n")).match(r.out).captured(1);
        QVERIFY2(!kept.isEmpty(), qPrintable(r.out));
        QCOMPARE(tagsIn(db.location), QStringList{QStringLiteral("before")});
        QCOMPARE(tagsIn(previousLocation(db.location, kept)), QStringList{QStringLiteral("after")});
        if (test::usePostgres())
            dropPostgresDatabase(db.location, kept);
    }

    void badBackupChangesNothing()
    {
        CRM_OPEN_DB(db);
        QVERIFY(db->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('kept')")).ok());
        const QString garbage = file(QStringLiteral("garbage.backup"));
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(64 * 1024, 'x'));
        f.close();
        db.db.reset();

        Run r = runCrm({QStringLiteral("restore"), QStringLiteral("--verify-only"), garbage, QStringLiteral("--database"), db.location});
        QCOMPARE(r.exitCode, 1);
        r = runCrm({QStringLiteral("restore"), garbage, QStringLiteral("--database"), db.location});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.isEmpty());
        QCOMPARE(tagsIn(db.location), QStringList{QStringLiteral("kept")});
        if (!test::usePostgres()) {
            const QStringList aside = QFileInfo(db.location).dir().entryList({QStringLiteral("*.before-restore-*")});
            QVERIFY2(aside.isEmpty(), qPrintable(aside.join(QLatin1Char(' '))));
        }
    }

    // A copy cut short (a full disk, a copy interrupted) is recognised before anything is replaced.
    void truncatedSqliteBackupIsRefused()
    {
        if (test::usePostgres())
            QSKIP("SQLite file check; the PostgreSQL archive is checked by pg_restore in the test above");
        CRM_OPEN_DB(db);
        for (int i = 0; i < 2000; ++i)
            QVERIFY(db->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('tag %1')").arg(i)).ok());
        const QString backup = file(QStringLiteral("whole.backup"));
        Run r = runCrm({QStringLiteral("backup"), backup, QStringLiteral("--database"), db.location});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCrm({QStringLiteral("restore"), QStringLiteral("--verify-only"), backup, QStringLiteral("--database"), db.location});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(backup);
        QVERIFY(f.resize(f.size() / 2));
        r = runCrm({QStringLiteral("restore"), QStringLiteral("--verify-only"), backup, QStringLiteral("--database"), db.location});
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
