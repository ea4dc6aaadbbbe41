// The demo company generator on SQLite and PostgreSQL: shape, invariants, scope, determinism.
#include "core/demo/DemoGenerator.h"
#include "core/search/SearchIndex.h"
#include "core/search/SearchIndexBuild.h"
#include "core/services/CampaignService.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "core/services/FeedbackService.h"
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlRecord>

#include <sys/wait.h>
#include <unistd.h>

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
        const QStringList indexesBefore = test::indexAndTriggerNames(*db);
        auto report = DemoGenerator(*db).generate({3000, 5, kPassword});
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        // Every index is back (dropped for the load and rebuilt, or kept), and on SQLite each one
        // agrees with its table.
        QCOMPARE(test::indexAndTriggerNames(*db), indexesBefore);
        if (db->isSqlite()) {
            QSqlQuery check = db->prepare(QStringLiteral("PRAGMA integrity_check"));
            QVERIFY(db->exec(check) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        }
        QCOMPARE(report->users.size(), 200);
        QCOMPARE(report->customers, 3000);
        QCOMPARE(report->activities, 15000);
        // The steps reported are those this store ran.
        QStringList steps;
        for (const auto &step : report->steps)
            steps << step.first;
        QCOMPARE(steps.contains(QStringLiteral("search texts")), db->isSqlite());
        QCOMPARE(steps.contains(QStringLiteral("statistics")), !db->isSqlite());
        QVERIFY(steps.contains(QStringLiteral("activities")) && steps.contains(QStringLiteral("indexes")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM users")), 200);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM departments")), 13);

        const qint64 pool = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE owner_id IS NULL"));
        QVERIFY2(pool > 200 && pool < 400, qPrintable(QString::number(pool)));
        const qint64 english = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE name LIKE '%Ltd%' OR name LIKE '% %'"));
        QVERIFY(english > 100);
        // No two companies share a name, and people's names vary (a few thousand names had made most
        // demo customers another's duplicate by name and company). Names are whole: Chinese companies
        // "city brand trade 有限公司", English ones "Brand Trade (City) Suffix", people 2-3 characters.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) - COUNT(DISTINCT name) FROM customers WHERE kind = 'company'")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE kind = 'company' AND NOT"
                                            " ((name LIKE '%有限公司' AND length(name) IN (10, 12)) OR name LIKE '% (%) %')")),
                 0);
        const qint64 people = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE kind = 'person' AND name NOT LIKE '% %'"));
        const qint64 peopleNames = scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT name) FROM customers WHERE kind = 'person'"
                                                              " AND name NOT LIKE '% %' AND length(name) IN (2, 3)"));
        QVERIFY2(people > 500 && peopleNames * 10 > people * 9, qPrintable(QStringLiteral("%1 of %2").arg(peopleNames).arg(people)));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE length(name) NOT IN (2, 3)")), 0);
        // Deals and contacts have a history: a customer's two newest activities are about its first
        // deal (logged after the deal was created) and, but for notes, with its contact.
        QVERIFY(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM activities WHERE opportunity_id IS NOT NULL")) > 500);
        QVERIFY(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM activities WHERE contact_id IS NOT NULL")) > 1500);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM activities a JOIN opportunities o ON o.id = a.opportunity_id"
                                            " WHERE o.customer_id <> a.customer_id OR a.occurred_at < o.created_at")),
                 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM activities a JOIN contacts t ON t.id = a.contact_id"
                                            " WHERE t.customer_id <> a.customer_id OR a.kind = 'note'")),
                 0);
        // A Chinese company's office is in the city its name starts with, its address too.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers c JOIN customer_addresses a ON a.customer_id = c.id"
                                            " WHERE c.kind = 'company' AND c.name NOT LIKE '% %'"
                                            " AND (substr(c.name, 1, 2) || '市' <> c.city OR a.city <> c.city)")),
                 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customer_phones")), 3000);
        // The company's own customer fields, one of each type, as the service reads them.
        auto fields = CustomFieldService(*db).list(Actor::system());
        QVERIFY(fields.ok());
        QStringList types;
        for (const CustomFieldDef &f : *fields)
            types << f.type;
        QCOMPARE(types, QStringList({QStringLiteral("number"), QStringLiteral("text"), QStringLiteral("choice"), QStringLiteral("bool"), QStringLiteral("date")}));
        QCOMPARE(fields->at(2).options.size(), 4);
        // About one lead per 100 customers; about a third in the unassigned queue, every other one a rep's.
        QCOMPARE(report->leads, scalar(*db, QStringLiteral("SELECT COUNT(*) FROM leads")));
        QVERIFY2(report->leads > 10 && report->leads < 60, qPrintable(QString::number(report->leads)));
        const qint64 queued = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM leads WHERE owner_id IS NULL"));
        QVERIFY2(queued > 0 && queued < report->leads, qPrintable(QString::number(queued)));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM leads WHERE owner_id IS NULL AND (status <> 'new' OR source <> 'website-form')")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM contacts")),
                 scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE kind = 'company'")));
        // Six campaigns in every state; those under way or done have participants drawn from their saved
        // target (owned customers only), with answers; satisfaction scores from the finished ones' answers
        // and from customers outside any campaign.
        QCOMPARE(report->campaigns, 6);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT status) FROM campaigns")), 4);
        QCOMPARE(report->participants, scalar(*db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants")));
        QCOMPARE(report->feedback, scalar(*db, QStringLiteral("SELECT COUNT(*) FROM feedback")));
        CampaignService campaigns(*db);
        auto page = campaigns.list(Actor::system(), {});
        QVERIFY(page.ok());
        QCOMPARE(page->campaigns.size(), 6);
        for (const Campaign &c : std::as_const(page->campaigns)) {
            auto stats = campaigns.stats(Actor::system(), c.id);
            QVERIFY(stats.ok());
            const bool running = c.status == QLatin1String("finished") || c.status == QLatin1String("active");
            QVERIFY2(running ? stats->participants > 5 : stats->participants == 0, qPrintable(c.name));
            QCOMPARE(stats->invited + stats->responded + stats->converted + stats->declined, stats->participants);
            if (running)
                QVERIFY2(stats->invited > 0 && stats->converted > 0 && stats->invited < stats->participants, qPrintable(c.name));
            // Everyone taking part is someone the campaign's own target finds.
            QVERIFY(!c.target.isEmpty());
            CustomerFilter f = c.target.toCustomerFilter();
            auto matching = CustomerService(*db).count(Actor::system(), f);
            QVERIFY(matching.ok());
            QVERIFY2(*matching >= stats->participants, qPrintable(c.name));
            auto feedback = FeedbackService(*db).averageForCampaign(Actor::system(), c.id);
            QVERIFY(feedback.ok());
            if (c.status == QLatin1String("finished"))
                QVERIFY2(feedback->count > 0 && feedback->averageX100 >= 300 && feedback->averageX100 <= 500, qPrintable(c.name));
            else
                QCOMPARE(feedback->count, 0);
        }
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants p JOIN customers c ON c.id = p.customer_id"
                                            " JOIN campaigns k ON k.id = p.campaign_id WHERE k.name = '抖音直播引流'"
                                            " AND (c.source <> 'douyin-feed' OR c.owner_id IS NULL)")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants WHERE (status = 'invited') <> (responded_at IS NULL)")), 0);
        // Everyone who answered that they bought has a deal won after joining (what a campaign's effect
        // counts), so the campaigns' converted and won figures agree.
        const qint64 converted = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants WHERE status = 'converted'"));
        QVERIFY(converted > 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants p WHERE p.status = 'converted' AND NOT EXISTS"
                                            " (SELECT 1 FROM opportunities o WHERE o.customer_id = p.customer_id AND o.status = 'won'"
                                            "  AND o.closed_at >= p.added_at AND o.closed_at = p.responded_at)")),
                 0);
        QVERIFY2(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM feedback WHERE campaign_id IS NULL")) > 5,
                 "feedback outside campaigns");
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM feedback WHERE score < 1 OR score > 5 OR created_at > ")
                                 + QString::number(clock.nowMs())), 0);

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
        // Open deals are mostly expected to close in the coming months; a few have slipped past the date.
        const QString today = QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC).date().toString(Qt::ISODate);
        const qint64 open = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE status = 'open'"));
        const qint64 ahead = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE status = 'open' AND expected_close_date >= '%1'").arg(today));
        const qint64 slipped = open - ahead;
        QVERIFY2(slipped > 0 && slipped * 5 < open, qPrintable(QStringLiteral("%1 of %2 open deals past their date").arg(slipped).arg(open)));
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
            // The load's settings (no merging, a large term buffer) are not the store's: FTS5's defaults
            // (no row, or the default value) apply there.
            QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customer_search_config WHERE (k = 'automerge' AND v <> 4)"
                                                " OR (k = 'hashsize' AND v <> 1048576)")),
                     0);
            // The load ran with a rollback journal; the database is back in WAL mode after it.
            QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'")), 1);
            // It did not check foreign keys row by row: every reference holds, and the checks are on again.
            QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_check")), 0);
            QCOMPARE(scalar(*db, QStringLiteral("SELECT foreign_keys FROM pragma_foreign_keys")), 1);
        }
    }

    // A demo load killed halfway leaves its scratch folder (about 300 MB for a million customers). The
    // next load removes such folders, whose lock's process is gone, and leaves those of loads still
    // running and those just being made.
    void abandonedScratchFoldersAreRemovedByTheNextLoad()
    {
        CRM_OPEN_DB(db);
        if (!db->isSqlite())
            QSKIP("SQLite's scratch index only");
        const QDir folder(QFileInfo(db.location).absolutePath());
        const QString dead = folder.filePath(QStringLiteral(".crm-search-build-dead01"));
        const QString live = folder.filePath(QStringLiteral(".crm-search-build-live01"));
        const QString fresh = folder.filePath(QStringLiteral(".crm-search-build-new001"));
        for (const QString &path : {dead, live, fresh}) {
            QVERIFY(QDir().mkpath(path));
            QFile junk(path + QStringLiteral("/search.sqlite"));
            QVERIFY(junk.open(QIODevice::WriteOnly));
            junk.write(QByteArray(4096, 'x'));
        }
        // The dead folder's lock: taken by a child process that then exits without releasing it.
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            QLockFile lock(dead + QStringLiteral("/lock"));
            _exit(lock.tryLock(0) ? 0 : 1);
        }
        int status = -1;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        QVERIFY(QFileInfo::exists(dead + QStringLiteral("/lock")));
        QLockFile liveLock(live + QStringLiteral("/lock")); // a load of this process, still running
        QVERIFY(liveLock.tryLock(0));

        auto report = DemoGenerator(*db).generate({300, 1, kPassword});
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QVERIFY(!QFileInfo::exists(dead));
        QVERIFY(QFileInfo::exists(live + QStringLiteral("/search.sqlite")));
        QVERIFY(QFileInfo::exists(fresh + QStringLiteral("/search.sqlite")));
        liveLock.unlock();
        QVERIFY(QDir(live).removeRecursively() && QDir(fresh).removeRecursively());
    }

    // SQLite builds the keyword index on a thread of its own in a scratch file and copies it in
    // (SearchIndexBuild). The entries must be those CustomerRepository writes, FTS5 must find the copy
    // consistent, and connections that had searched the empty index before (FTS5 caches an index's
    // segment list per connection) must find the new entries. (The load's schema changes happen to
    // reconnect the index before the copy today; install() does not rely on that.)
    void sqliteKeywordIndexIsBuiltBesideTheLoad()
    {
        ManualClock clock(1'790'000'000'000);
        CRM_OPEN_DB(db, &clock);
        if (!db->isSqlite())
            QSKIP("SQLite's FTS5 index only");
        CustomerService customers(*db);
        OrgService org(*db);
        CustomerFilter filter;
        filter.keyword = QStringLiteral("有限公司");
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customer_search WHERE customer_search MATCH '\"有限 限公\"'")), 0);
        // Another connection keeps the load in WAL mode (SqliteBulkLoad's switch to a rollback journal
        // would reset the pager, which drops FTS5's cache too).
        auto other = db->openAnother();
        QVERIFY(other.ok());

        auto report = DemoGenerator(*db).generate({2000, 1, kPassword});
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QVERIFY(QDir(QFileInfo(db.location).absolutePath()).entryList({QStringLiteral(".crm-search-build-*")},
                                                                     QDir::AllEntries | QDir::Hidden).isEmpty());
        QVERIFY(db->execSql(QStringLiteral("INSERT INTO customer_search (customer_search) VALUES ('integrity-check')")).ok());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customer_search")), 2000);

        // Every entry is what the repository would write for the customer.
        QSqlQuery q = db->prepare(QStringLiteral(
            "SELECT c.id, c.name, c.company, c.phone, c.email, t.name, c.owner_id, s.grams FROM customers c"
            " JOIN customer_search s ON s.rowid = c.id LEFT JOIN customer_tags ct ON ct.customer_id = c.id"
            " LEFT JOIN tags t ON t.id = ct.tag_id ORDER BY c.id"));
        QVERIFY(db->exec(q));
        int rows = 0, tagged = 0;
        while (q.next()) {
            const QStringList texts = {q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                       q.value(4).toString(), q.value(5).toString()};
            const std::optional<qint64> owner = q.value(6).isNull() ? std::nullopt : std::optional<qint64>(q.value(6).toLongLong());
            QCOMPARE(q.value(7).toString(), SearchIndex::storedValueFor(*db, texts, owner));
            ++rows;
            tagged += q.value(5).isNull() ? 0 : 1;
        }
        QCOMPARE(rows, 2000);
        QVERIFY(tagged > 100);

        // The connection that searched the empty index before finds the new entries, as LIKE does.
        const qint64 like = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE name LIKE '%有限公司%'"
                                                       " OR company LIKE '%有限公司%'"));
        QVERIFY(like > 100);
        QCOMPARE(customers.count(Actor::system(), filter).value(), like);
        QCOMPARE(CustomerService(**other).count(Actor::system(), filter).value(), like);
        // And it keeps the index up to date afterwards.
        const Actor director = org.actorFor(org.authenticate(QStringLiteral("director"), kPassword).value().id).value();
        Customer draft;
        draft.name = QStringLiteral("索引之后有限公司");
        draft.phones.append({QStringLiteral("13911112222"), QStringLiteral("mobile"), true});
        auto created = customers.create(director, draft);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        QCOMPARE(customers.count(Actor::system(), filter).value(), like + 1);
        filter.keyword = QStringLiteral("索引之后");
        QCOMPARE(customers.count(director, filter).value(), 1);
        QVERIFY(db->execSql(QStringLiteral("INSERT INTO customer_search (customer_search) VALUES ('integrity-check')")).ok());
    }

    // A build whose scratch file cannot be made (here its folder became a file before the thread starts)
    // ends its thread: the load handing rows over must not wait for it (far more than it may hold
    // pending is added below), and install() reports the failure.
    void aFailedKeywordBuildDoesNotHoldUpTheLoad()
    {
        CRM_OPEN_DB(db);
        if (!db->isSqlite())
            QSKIP("SQLite's FTS5 index only");
        const QDir folder(QFileInfo(db.location).absolutePath());
        SearchIndexBuild build(*db, 1000);
        const QStringList scratch = folder.entryList({QStringLiteral(".crm-search-build-*")}, QDir::Dirs | QDir::Hidden);
        QCOMPARE(scratch.size(), 1);
        QVERIFY(QDir(folder.filePath(scratch.first())).removeRecursively());
        QFile blocker(folder.filePath(scratch.first())); // a file where the folder was: nothing can be made in it
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        build.start();
        for (int i = 1; i <= 50000; ++i)
            build.add(i, std::nullopt, {QStringLiteral("客户 %1").arg(i)});
        QVERIFY(!build.install().ok());
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
