// Download links for API exports: one user, a few minutes, one use; shared through the database by
// every process on it; expired links take their files with them. On SQLite and PostgreSQL.
#include "core/storage/DownloadLinkStore.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QCryptographicHash>
#include <QFile>

using namespace crm;

namespace {

QString makeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content = "id,name\n1,x\n")
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

qint64 rows(Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM download_links"));
    if (!db.exec(q) || !q.next())
        qFatal("count failed");
    return q.value(0).toLongLong();
}

} // namespace

class TestDownloadLinks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneUserOneUse()
    {
        ManualClock clock(1'800'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        QTemporaryDir files;
        const QString path = makeFile(files, QStringLiteral("a.csv"));
        DownloadLinkStore store(*db);
        auto issued = store.create({t.wang.userId, path, QStringLiteral("text/csv; charset=utf-8"), QStringLiteral("客户.csv"), 0});
        QVERIFY(issued.ok());
        QCOMPARE(issued->token.size(), 43); // 256 random bits, base64url
        QCOMPARE(issued->expiresAt, clock.nowMs() + DownloadLinkStore::kDefaultLifetimeMs);
        QVERIFY(store.create({t.wang.userId, path, QStringLiteral("text/csv"), QStringLiteral("b.csv"), 0})->token != issued->token);

        // Only the hash is stored.
        QSqlQuery q = db->prepare(QStringLiteral("SELECT token_hash FROM download_links WHERE user_id = :u ORDER BY created_at"));
        q.bindValue(QStringLiteral(":u"), t.wang.userId);
        QVERIFY(db->exec(q).ok());
        QStringList hashes;
        while (q.next())
            hashes << q.value(0).toString();
        q.finish();
        QVERIFY(!hashes.contains(issued->token));
        QVERIFY(hashes.contains(QString::fromLatin1(QCryptographicHash::hash(issued->token.toUtf8(), QCryptographicHash::Sha256).toHex())));

        // Another user's token is unknown to them, and trying does not use it up.
        QCOMPARE(store.find(issued->token, t.zhao.userId).error().code, QStringLiteral("not_found"));
        QCOMPARE(store.take(issued->token, t.zhao.userId).error().code, QStringLiteral("not_found"));
        QCOMPARE(store.take(issued->token, t.li.userId).error().code, QStringLiteral("not_found")); // not even the manager's
        auto found = store.find(issued->token, t.wang.userId);
        QVERIFY(found.ok());
        QCOMPARE(found->fileName, QStringLiteral("客户.csv"));
        QCOMPARE(found->contentType, QStringLiteral("text/csv; charset=utf-8"));

        // Another process (connection) takes it; then it is gone everywhere.
        auto other = db->openAnother();
        QVERIFY(other.ok());
        auto taken = DownloadLinkStore(**other).take(issued->token, t.wang.userId);
        QVERIFY(taken.ok());
        QCOMPARE(taken->path, path);
        QCOMPARE(taken->userId, t.wang.userId);
        QCOMPARE(store.take(issued->token, t.wang.userId).error().code, QStringLiteral("not_found"));
        QCOMPARE(store.find(issued->token, t.wang.userId).error().code, QStringLiteral("not_found"));

        // Tokens that cannot be ours.
        QCOMPARE(store.find(QString(), t.wang.userId).error().code, QStringLiteral("not_found"));
        QCOMPARE(store.take(QStringLiteral("x").repeated(500), t.wang.userId).error().code, QStringLiteral("not_found"));
        QCOMPARE(store.take(issued->token.left(42) + QLatin1Char('_'), t.wang.userId).error().code, QStringLiteral("not_found"));
    }

    void expiredLinksTakeTheirFiles()
    {
        ManualClock clock(1'800'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        QTemporaryDir files;
        DownloadLinkStore store(*db);
        const QString old = makeFile(files, QStringLiteral("old.csv"));
        const QString used = makeFile(files, QStringLiteral("short.csv"));
        auto first = store.create({t.wang.userId, old, QStringLiteral("text/csv"), QStringLiteral("old.csv"), 0});
        auto shortLived = store.create({t.zhao.userId, used, QStringLiteral("text/csv"), QStringLiteral("s.csv"), 0}, 60'000);
        QVERIFY(first.ok() && shortLived.ok());

        clock.advance(60'000); // the short one has just expired: exactly at expiresAt it no longer works
        QCOMPARE(store.find(shortLived->token, t.zhao.userId).error().code, QStringLiteral("not_found"));
        QCOMPARE(store.take(shortLived->token, t.zhao.userId).error().code, QStringLiteral("not_found"));
        QVERIFY(store.find(first->token, t.wang.userId).ok());
        QCOMPARE(store.removeExpired().value(), 1);
        QVERIFY(!QFile::exists(used));
        QVERIFY(QFile::exists(old));
        QCOMPARE(rows(*db), 1);

        clock.advance(DownloadLinkStore::kDefaultLifetimeMs);
        QCOMPARE(store.take(first->token, t.wang.userId).error().code, QStringLiteral("not_found"));
        QVERIFY(QFile::exists(old)); // an expired link's file stays until links are made or pruned
        // Making a new link removes the expired ones and their files, not the new one's.
        const QString fresh = makeFile(files, QStringLiteral("fresh.csv"));
        auto next = store.create({t.wang.userId, fresh, QStringLiteral("text/csv"), QStringLiteral("f.csv"), 0});
        QVERIFY(next.ok());
        QVERIFY(!QFile::exists(old));
        QVERIFY(QFile::exists(fresh));
        QCOMPARE(rows(*db), 1);
        QCOMPARE(store.removeExpired().value(), 0);
        QVERIFY(store.take(next->token, t.wang.userId).ok());
        QCOMPARE(rows(*db), 0);

        // A link needs a user and a file.
        QVERIFY(!store.create({0, fresh, QStringLiteral("text/csv"), QStringLiteral("f.csv"), 0}).ok());
        QVERIFY(!store.create({t.wang.userId, QString(), QStringLiteral("text/csv"), QStringLiteral("f.csv"), 0}).ok());
    }
};

QTEST_GUILESS_MAIN(TestDownloadLinks)
#include "tst_download_links.moc"
