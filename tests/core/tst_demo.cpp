// The demo company generator on SQLite and PostgreSQL: shape, invariants, scope, determinism.
#include "core/demo/DemoGenerator.h"
#include "core/services/CustomerService.h"
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"

#include <QCryptographicHash>
#include <QSqlRecord>

using namespace crm;

namespace {

const QString kPassword = QStringLiteral("Demo-pass-2026");

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q = db.prepare(sql);
    if (!db.exec(q) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

QByteArray fingerprint(Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *sql : {"SELECT name, phone, status, COALESCE(owner_id, 0), created_at FROM customers ORDER BY id",
                            "SELECT customer_id, kind, occurred_at FROM activities ORDER BY customer_id, occurred_at, kind",
                            "SELECT customer_id, amount_minor, status, stage_id FROM opportunities ORDER BY customer_id"}) {
        QSqlQuery q = db.prepare(QString::fromUtf8(sql));
        if (!db.exec(q))
            qFatal("fingerprint query failed");
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(QByteArray(q.value(i).toString().toUtf8() + "\x1f"));
        }
    }
    return hash.result();
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void generatesACoherentCompany()
    {
        ManualClock clock(1'790'000'000'000);
        CRM_OPEN_DB(db, &clock);
        auto report = DemoGenerator(*db).generate({3000, 5, kPassword});
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->users.size(), 200);
        QCOMPARE(report->customers, 3000);
        QCOMPARE(report->activities, 15000);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM users")), 200);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM departments")), 13);

        const qint64 pool = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE owner_id IS NULL"));
        QVERIFY2(pool > 200 && pool < 400, qPrintable(QString::number(pool)));
        const qint64 english = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE name LIKE '%Ltd%' OR name LIKE '% %'"));
        QVERIFY(english > 100);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customer_phones")), 3000);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM contacts")),
                 scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE kind = 'company'")));

        // The newest activity of every customer is its last contact.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers c WHERE c.last_contact_at <>"
                                            " (SELECT MAX(a.occurred_at) FROM activities a WHERE a.customer_id = c.id)")),
                 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM activities WHERE occurred_at > 1790000000000")), 0);
        // Won value is the sum of won deals.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers c WHERE c.won_value_minor <>"
                                            " COALESCE((SELECT SUM(o.amount_minor) FROM opportunities o"
                                            " WHERE o.customer_id = c.id AND o.status = 'won'), 0)")),
                 0);

        // Opportunities in every state, each with a history that ends at its current stage.
        for (const char *status : {"open", "won", "lost"})
            QVERIFY(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE status = '") + QLatin1String(status)
                                    + QLatin1Char('\'')) > 10);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities o WHERE o.stage_id <>"
                                            " (SELECT h.to_stage_id FROM opportunity_stage_history h WHERE h.opportunity_id = o.id"
                                            "  ORDER BY h.at DESC, h.id DESC LIMIT 1)")),
                 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM opportunity_stage_history WHERE from_stage_id IS NULL")),
                 report->opportunities);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE status = 'lost' AND loss_reason IS NULL")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE status <> 'open' AND closed_at > 1790000000000")), 0);
        QVERIFY(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM tasks WHERE status = 'open' AND due_at < 1790000000000")) > 0);
        QVERIFY(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM tasks WHERE status = 'open' AND due_at > 1790000000000")) > 0);
        QCOMPARE(scalar(*db, db->isSqlite() ? QStringLiteral("SELECT COUNT(*) FROM customer_search")
                                            : QStringLiteral("SELECT COUNT(*) FROM customers WHERE search_grams IS NOT NULL")),
                 3000);
        // The load leaves the SQLite index in one segment (SearchIndex::compact): %_idx has a row per
        // leaf page of each segment.
        if (db->isSqlite()) {
            QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT segid) FROM customer_search_idx")), 1);
            // The load's settings (no merging, a large term buffer) are FTS5's defaults again.
            QCOMPARE(scalar(*db, QStringLiteral("SELECT v FROM customer_search_config WHERE k = 'automerge'")), 4);
            QCOMPARE(scalar(*db, QStringLiteral("SELECT v FROM customer_search_config WHERE k = 'hashsize'")), 1 << 20);
            // The load ran with a rollback journal; the database is back in WAL mode after it.
            QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'")), 1);
        }
    }

    void usersLogInAndSeeTheirScope()
    {
        ManualClock clock(1'790'000'000'000);
        CRM_OPEN_DB(db, &clock);
        QVERIFY(DemoGenerator(*db).generate({2000, 2, kPassword}).ok());
        OrgService org(*db);
        auto rep = org.authenticate(QStringLiteral("rep001"), kPassword);
        QVERIFY(rep.ok());
        QVERIFY(!org.authenticate(QStringLiteral("director"), QStringLiteral("wrong-password")).ok());
        auto director = org.authenticate(QStringLiteral("director"), kPassword);
        QVERIFY(director.ok());

        CustomerService customers(*db);
        const Actor repActor = org.actorFor(rep->id).value();
        const Actor directorActor = org.actorFor(director->id).value();
        const qint64 own = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE owner_id = ") + QString::number(rep->id));
        QVERIFY(own > 0);
        QCOMPARE(customers.count(repActor, {}).value(), own);
        // The director manages everyone, so sees every owned customer (the pool is separate).
        QCOMPARE(customers.count(directorActor, {}).value(),
                 scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE owner_id IS NOT NULL")));

        // Generated names are searchable by a Chinese substring.
        CustomerFilter filter;
        filter.keyword = QStringLiteral("有限公司");
        QVERIFY(customers.count(directorActor, filter).value() > 100);
        const QString someName = customers.list(repActor, {}).value().customers.first().name;
        filter.keyword = someName.mid(1, 3);
        QVERIFY(customers.count(repActor, filter).value() >= 1);
    }

    void isDeterministicAndRefusesAFullDatabase()
    {
        ManualClock clock(1'790'000'000'000);
        CRM_OPEN_DB(first, &clock);
        CRM_OPEN_DB(second, &clock);
        QVERIFY(DemoGenerator(*first).generate({500, 3, kPassword}).ok());
        QVERIFY(DemoGenerator(*second).generate({500, 3, kPassword}).ok());
        QCOMPARE(fingerprint(*first), fingerprint(*second));

        auto again = DemoGenerator(*first).generate({500, 3, kPassword});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("validation.not_empty"));
        QCOMPARE(scalar(*first, QStringLiteral("SELECT COUNT(*) FROM customers")), 500);
    }

    void rejectsBadOptions()
    {
        CRM_OPEN_DB(db);
        QCOMPARE(DemoGenerator(*db).generate({100, 5, QStringLiteral("short")}).error().field, QStringLiteral("password"));
        QCOMPARE(DemoGenerator(*db).generate({0, 5, kPassword}).error().field, QStringLiteral("customers"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM users")), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
