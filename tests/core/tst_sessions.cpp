// API sessions, shared rate limits and idempotent retries, on SQLite and PostgreSQL.
#include "core/security/RateLimiter.h"
#include "core/security/TokenService.h"
#include "core/services/FirstRun.h"
#include "core/storage/IdempotencyStore.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

using namespace crm;

class TestSessions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokensVerifyExpireAndRevoke()
    {
        ManualClock clock(1'800'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        TokenService tokens(*db);
        auto issued = tokens.issue(t.wang.userId, QStringLiteral("test"));
        QVERIFY(issued.ok());
        QCOMPARE(issued->token.size(), 43); // 256 bits, base64url
        QCOMPARE(issued->expiresAt, clock.nowMs() + TokenService::kLifetimeMs);
        QCOMPARE(tokens.verify(issued->token).value(), t.wang.userId);
        // Only the hash is stored.
        QSqlQuery q = db->prepare(QStringLiteral("SELECT COUNT(*) FROM api_tokens WHERE token_hash = :t"));
        q.bindValue(QStringLiteral(":t"), issued->token);
        QVERIFY(db->exec(q).ok() && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();

        QCOMPARE(tokens.verify(issued->token.left(42) + QLatin1Char('x')).error().code, QStringLiteral("auth.invalid_token"));
        QCOMPARE(tokens.verify(QString()).error().code, QStringLiteral("auth.invalid_token"));
        auto other = tokens.issue(t.wang.userId);
        clock.advance(TokenService::kLifetimeMs);
        QCOMPARE(tokens.verify(issued->token).error().code, QStringLiteral("auth.expired"));

        auto fresh = tokens.issue(t.zhao.userId);
        QVERIFY(tokens.revoke(fresh->token).ok());
        QCOMPARE(tokens.verify(fresh->token).error().code, QStringLiteral("auth.invalid_token"));

        auto qian = tokens.issue(t.qian.userId);
        QVERIFY(tokens.verify(qian->token).ok());
        QVERIFY(OrgService(*db).setActive(t.admin, QStringLiteral("qian"), false).ok());
        QCOMPARE(tokens.verify(qian->token).error().code, QStringLiteral("auth.invalid_token"));
    }

    void rateLimitWindowsAreShared()
    {
        ManualClock clock(1'800'000'000'000);
        CRM_OPEN_DB(db, &clock);
        auto second = db->openAnother();
        QVERIFY(second.ok());
        RateLimiter a(*db), b(**second);
        const QString bucket = QStringLiteral("login:addr:10.0.0.1");
        for (int i = 1; i <= 3; ++i) {
            auto d = (i % 2 ? a : b).hit(bucket, 3, 60'000);
            QVERIFY(d.ok());
            QCOMPARE(d->hits, i);
            QVERIFY(d->allowed);
        }
        clock.advance(20'000);
        auto denied = b.hit(bucket, 3, 60'000);
        QVERIFY(!denied->allowed);
        QCOMPARE(denied->retryAfterMs, 40'000);
        QVERIFY(!a.peek(bucket, 3, 60'000)->allowed);
        QVERIFY(a.peek(QStringLiteral("other"), 3, 60'000)->allowed);
        clock.advance(40'000);
        auto again = a.hit(bucket, 3, 60'000);
        QVERIFY(again->allowed);
        QCOMPARE(again->hits, 1);
        QVERIFY(a.reset(bucket).ok());
        QCOMPARE(a.peek(bucket, 3, 60'000)->hits, 0);
    }

    void idempotentAnswersAreKeptPerUserAndRequest()
    {
        ManualClock clock(1'800'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        IdempotencyStore store(*db);
        const QString key = QStringLiteral("retry-1");
        QVERIFY(!store.find(t.wang.userId, key, "h1").value().has_value());
        // Saved inside a transaction that fails: nothing is kept.
        Status failed = db->write([&]() -> Status {
            if (Status st = store.save(t.wang.userId, key, "h1", {201, "{\"id\":1}"}); !st)
                return st;
            return Error::validation(QStringLiteral("required"), QStringLiteral("name"), QStringLiteral("x"));
        });
        QVERIFY(!failed.ok());
        QVERIFY(!store.find(t.wang.userId, key, "h1").value().has_value());

        QVERIFY(db->write([&]() -> Status { return store.save(t.wang.userId, key, "h1", {201, "{\"id\":1}"}); }).ok());
        auto found = store.find(t.wang.userId, key, "h1");
        QCOMPARE(found->value().status, 201);
        QCOMPARE(found->value().body, QByteArray("{\"id\":1}"));
        QCOMPARE(store.find(t.wang.userId, key, "h2").error().code, QStringLiteral("conflict.idempotency_key"));
        QVERIFY(!store.find(t.zhao.userId, key, "h1").value().has_value()); // keys are per user
        auto duplicate = db->write([&]() -> Status { return store.save(t.wang.userId, key, "h1", {201, "{}"}); });
        QCOMPARE(duplicate.error().code, QStringLiteral("conflict.duplicate"));

        clock.advance(IdempotencyStore::kRetentionMs);
        QVERIFY(!store.find(t.wang.userId, key, "h2").value().has_value());
        QVERIFY(store.prune().ok());
        QVERIFY(db->write([&]() -> Status { return store.save(t.wang.userId, key, "h2", {200, "{}"}); }).ok());
    }

    void firstAdministratorMustChangeThePassword()
    {
        CRM_OPEN_DB(db);
        auto password = FirstRun::ensureAdministrator(*db);
        QVERIFY(password.ok() && password->has_value());
        OrgService org(*db);
        auto admin = org.authenticate(QStringLiteral("admin"), **password);
        QVERIFY(admin.ok());
        QVERIFY(admin->mustChangePassword);
        const Actor actor = org.actorFor(admin->id).value();
        QVERIFY(org.setPassword(actor, QStringLiteral("admin"), QStringLiteral("A-new-and-long-pass")).ok());
        QVERIFY(!org.userByName(QStringLiteral("admin"))->mustChangePassword);
        QVERIFY(!FirstRun::ensureAdministrator(*db)->has_value());
    }
};

QTEST_GUILESS_MAIN(TestSessions)
#include "tst_sessions.moc"
