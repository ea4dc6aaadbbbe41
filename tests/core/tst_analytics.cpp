// Dashboard analytics on SQLite and PostgreSQL: known data, exact buckets in two time zones, scope,
// exact money. Opportunities, their stage history and activities are inserted with plain SQL (the
// services that normally write them are tested elsewhere); customers go through CustomerService.
#include "core/analytics/AnalyticsService.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/storage/ActivityBulkWriter.h"
#include "core/storage/RunningTotals.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QMutex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

#include <atomic>

using namespace crm;

namespace {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kDay = 24 * kHour;
constexpr int kChina = 480;

// "2024-03-04T17:00" as UTC epoch ms.
qint64 utc(const char *text)
{
    const QString s = QString::fromLatin1(text);
    return QDateTime(QDate::fromString(s.left(10), Qt::ISODate), QTime::fromString(s.mid(11), QStringLiteral("HH:mm")), Qt::UTC)
        .toMSecsSinceEpoch();
}
// The same wall-clock time in China (UTC+8).
qint64 china(const char *text)
{
    return utc(text) - 8 * kHour;
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *s : items)
        out << QString::fromUtf8(s);
    return out;
}

Period period(qint64 from, qint64 to, Bucket bucket, int offset)
{
    Period p;
    p.from = from;
    p.to = to;
    p.bucket = bucket;
    p.utcOffsetMinutes = offset;
    return p;
}

// The week of 4-10 March 2024 as seen in China.
Period chinaWeek(Bucket bucket = Bucket::Day)
{
    return period(china("2024-03-04T00:00"), china("2024-03-11T00:00"), bucket, kChina);
}

QStringList render(const QVector<CountBucket> &buckets)
{
    QStringList out;
    for (const CountBucket &b : buckets)
        out << b.key + QLatin1Char('=') + QString::number(b.count);
    return out;
}

QStringList render(const QVector<SalesBucket> &buckets)
{
    QStringList out;
    for (const SalesBucket &b : buckets)
        out << b.key + QLatin1Char('=') + QString::number(b.count) + QLatin1Char('/') + QString::number(b.amountMinor);
    return out;
}

template <typename T>
T must(Result<T> r)
{
    if (!r)
        qFatal("unexpected error %s: %s", qPrintable(r.error().code), qPrintable(r.error().message));
    return std::move(r).value();
}

class Fixture
{
public:
    Fixture(Database &db, ManualClock &clock) : m_db(db), m_clock(clock), team(makeTeam(db))
    {
        QSqlQuery q = db.prepare(QStringLiteral("SELECT s.name, s.id, p.id FROM stages s JOIN pipelines p ON p.id = s.pipeline_id"
                                                " WHERE p.is_default = 1"));
        if (!db.exec(q))
            qFatal("stages");
        while (q.next()) {
            stages.insert(q.value(0).toString(), q.value(1).toLongLong());
            pipelineId = q.value(2).toLongLong();
        }
    }

    qint64 customer(const Actor &owner, const char *createdAtUtc)
    {
        m_clock.set(utc(createdAtUtc));
        Customer c;
        c.name = QStringLiteral("客户") + QString::number(++m_customers);
        return must(CustomerService(m_db).create(owner, c)).id;
    }

    // An opportunity and its stage history: `path` is the stages it entered, in order, with their times
    // (the first is its creation); its status follows the last stage's kind.
    qint64 opportunity(const Actor &owner, qint64 customerId, qint64 amountMinor, int probability,
                       const QVector<std::pair<const char *, const char *>> &path, const QString &currency = QStringLiteral("CNY"))
    {
        const QString last = QString::fromLatin1(path.last().first);
        const QString status = last == QLatin1String("won") || last == QLatin1String("lost") ? last : QStringLiteral("open");
        const qint64 created = utc(path.first().second);
        const qint64 entered = utc(path.last().second);
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO opportunities (customer_id, pipeline_id, stage_id, name, amount_minor, currency, probability, status,"
            " owner_id, created_at, updated_at, closed_at, stage_entered_at)"
            " VALUES (:c, :p, :s, :n, :a, :cur, :prob, :st, :o, :created, :entered, :closed, :entered) RETURNING id"));
        q.bindValue(QStringLiteral(":c"), customerId);
        q.bindValue(QStringLiteral(":p"), pipelineId);
        q.bindValue(QStringLiteral(":s"), stages.value(last));
        q.bindValue(QStringLiteral(":n"), QStringLiteral("商机"));
        q.bindValue(QStringLiteral(":a"), amountMinor);
        q.bindValue(QStringLiteral(":cur"), currency);
        q.bindValue(QStringLiteral(":prob"), probability);
        q.bindValue(QStringLiteral(":st"), status);
        q.bindValue(QStringLiteral(":o"), owner.userId);
        q.bindValue(QStringLiteral(":created"), created);
        q.bindValue(QStringLiteral(":entered"), entered);
        q.bindValue(QStringLiteral(":closed"), status == QLatin1String("open") ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(entered));
        if (!m_db.exec(q) || !q.next())
            qFatal("insert opportunity");
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        qint64 from = 0;
        for (const auto &[stage, at] : path) {
            QSqlQuery h = m_db.prepare(QStringLiteral("INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id,"
                                                      " to_stage_id, user_id, at) VALUES (:o, :f, :t, :u, :at)"));
            h.bindValue(QStringLiteral(":o"), id);
            h.bindValue(QStringLiteral(":f"), from ? QVariant(from) : QVariant(QMetaType::fromType<qlonglong>()));
            h.bindValue(QStringLiteral(":t"), stages.value(QString::fromLatin1(stage)));
            h.bindValue(QStringLiteral(":u"), owner.userId);
            h.bindValue(QStringLiteral(":at"), utc(at));
            if (!m_db.exec(h))
                qFatal("insert history");
            from = stages.value(QString::fromLatin1(stage));
        }
        return id;
    }

    void activity(const Actor &user, qint64 customerId, const char *kind, qint64 at)
    {
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO activities (customer_id, user_id, kind, occurred_at, created_at)"
                                                  " VALUES (:c, :u, :k, :at, :at)"));
        q.bindValue(QStringLiteral(":c"), customerId);
        q.bindValue(QStringLiteral(":u"), user.userId);
        q.bindValue(QStringLiteral(":k"), QString::fromLatin1(kind));
        q.bindValue(QStringLiteral(":at"), at);
        if (!m_db.exec(q))
            qFatal("insert activity");
    }

    // The company every test below reads: see the comments for what each record is there to prove.
    void load()
    {
        // Customers. A: UTC 4 March, China 5 March. F: UTC Sunday 3 March, China Monday 4 March.
        // G: UTC 29 February, China 1 March.
        a = customer(team.wang, "2024-03-04T17:00");
        b = customer(team.wang, "2024-03-04T10:00");
        c = customer(team.zhao, "2024-03-06T02:00");
        d = customer(team.qian, "2024-03-06T03:00");
        e = customer(team.wang, "2024-03-03T15:00");
        f = customer(team.wang, "2024-03-03T17:00");
        g = customer(team.zhao, "2024-02-29T20:00");

        // Wang: two won (W2 closes on 4 March UTC, 5 March in China), one lost, three open, one in dollars.
        opportunity(team.wang, a, 100'000, 100,
                    {{"lead", "2024-02-01T00:00"}, {"qualified", "2024-02-05T00:00"}, {"proposal", "2024-02-10T00:00"},
                     {"negotiation", "2024-02-20T00:00"}, {"won", "2024-03-05T02:00"}});
        opportunity(team.wang, b, 50'001, 100, {{"lead", "2024-02-25T00:00"}, {"won", "2024-03-04T18:00"}});
        opportunity(team.wang, e, 80'000, 0,
                    {{"lead", "2024-02-20T00:00"}, {"qualified", "2024-02-22T00:00"}, {"lost", "2024-03-06T00:00"}});
        opportunity(team.wang, a, 33'333, 50,
                    {{"lead", "2024-03-04T04:00"}, {"qualified", "2024-03-05T00:00"}, {"proposal", "2024-03-06T00:00"}});
        opportunity(team.wang, b, 10'001, 10, {{"lead", "2024-03-05T00:00"}});
        opportunity(team.wang, f, 33'333, 50, {{"lead", "2024-02-01T00:00"}, {"proposal", "2024-02-02T00:00"}});
        opportunity(team.wang, f, 999'999, 10, {{"lead", "2024-01-01T00:00"}}, QStringLiteral("USD"));
        // Zhao: one won that skipped "qualified", one open from before the week, one lost.
        opportunity(team.zhao, c, 200'000, 100,
                    {{"lead", "2024-03-04T01:00"}, {"proposal", "2024-03-05T00:00"}, {"won", "2024-03-07T01:00"}});
        opportunity(team.zhao, g, 99'999, 75,
                    {{"lead", "2024-01-10T00:00"}, {"qualified", "2024-01-15T00:00"}, {"proposal", "2024-01-20T00:00"},
                     {"negotiation", "2024-01-25T00:00"}});
        opportunity(team.zhao, c, 40'000, 0, {{"lead", "2024-03-06T00:00"}, {"lost", "2024-03-08T00:00"}});
        // Qian, in the other team.
        opportunity(team.qian, d, 70'000, 100, {{"lead", "2024-03-05T00:00"}, {"won", "2024-03-06T05:00"}});
        opportunity(team.qian, d, 12'345, 10, {{"lead", "2024-03-06T00:00"}});

        // Activities: the period is half-open, so one at its start counts and one at its end does not.
        const Period week = chinaWeek();
        activity(team.wang, a, "call", week.from);
        activity(team.wang, a, "call", utc("2024-03-05T03:00"));
        activity(team.wang, b, "call", utc("2024-03-06T03:00"));
        activity(team.wang, b, "visit", utc("2024-03-07T03:00"));
        activity(team.wang, b, "call", week.from - 1);
        activity(team.wang, b, "call", week.to);
        activity(team.zhao, c, "meeting", utc("2024-03-05T03:00"));
        activity(team.zhao, c, "meeting", utc("2024-03-08T03:00"));
        activity(team.qian, d, "call", utc("2024-03-06T04:00"));
    }

    Database &m_db;
    ManualClock &m_clock;
    Team team;
    QHash<QString, qint64> stages;
    qint64 pipelineId = 0;
    qint64 a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0;

private:
    int m_customers = 0;
};

// PostgreSQL: runs `first` and then `second`, each on its own connection in its own thread, while
// this connection holds the counter row that `lockSql` selects FOR UPDATE: `first` queues for it,
// then `second` starts. Returns the statements' failures (none when both committed).
QStringList raceBehindALock(Database &db, const QString &lockSql, const QString &first, const QString &second)
{
    auto watcher = db.openAnother();
    if (!watcher)
        return {watcher.error().message};
    auto waiting = [&] {
        QSqlQuery q = (*watcher)->prepare(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                                         " AND datname = current_database()"));
        return (*watcher)->exec(q).ok() && q.next() ? q.value(0).toInt() : -1;
    };
    auto waitFor = [&](int n) {
        for (int i = 0; i < 500 && waiting() < n; ++i)
            QThread::msleep(10);
        return waiting() >= n;
    };
    QStringList failures;
    QMutex failuresLock;
    auto run = [&](const QString &sql) {
        auto conn = db.openAnother(); // each thread its own connection
        Status st = conn ? (*conn)->execSql(sql) : Status(conn.error());
        if (!st.ok()) {
            QMutexLocker l(&failuresLock);
            failures << st.error().code + QLatin1Char(' ') + st.error().message;
        }
    };
    QThread *one = nullptr, *two = nullptr;
    auto held = db.write([&]() -> Result<bool> {
        QSqlQuery lock = db.prepare(lockSql);
        if (Status st = db.exec(lock); !st || !lock.next())
            return Error::internal();
        lock.finish();
        one = QThread::create(run, first);
        one->start();
        if (!waitFor(1))
            return Error::internal();
        two = QThread::create(run, second);
        two->start();
        if (!waitFor(2))
            return Error::internal();
        return true;
    });
    for (QThread *t : {one, two}) {
        if (t && !t->wait(30000))
            failures << QStringLiteral("a statement did not finish");
        delete t;
    }
    if (!held)
        failures << QStringLiteral("the statements did not queue behind the lock");
    return failures;
}

} // namespace

class TestAnalytics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundingAndBucketKeys()
    {
        QCOMPARE(divideRoundHalfUp(5, 2), 3);
        QCOMPARE(divideRoundHalfUp(7, 3), 2);
        QCOMPARE(divideRoundHalfUp(8, 3), 3);
        QCOMPARE(divideRoundHalfUp(-5, 2), -3);
        QCOMPARE(divideRoundHalfUp(150, 100), 2);
        QCOMPARE(divideRoundHalfUp(149, 100), 1);
        QCOMPARE(divideRoundHalfUp(1, 0), 0);

        QCOMPARE(AnalyticsService::bucketKeys(chinaWeek()),
                 strings({"2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08", "2024-03-09", "2024-03-10"}));
        // Weeks start on Monday: 1 March 2024 was a Friday.
        QCOMPARE(AnalyticsService::bucketKeys(period(china("2024-03-01T00:00"), china("2024-04-01T00:00"), Bucket::Week, kChina)),
                 strings({"2024-02-26", "2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25"}));
        QCOMPARE(AnalyticsService::bucketKeys(period(china("2023-12-01T00:00"), china("2024-03-01T00:00"), Bucket::Month, kChina)),
                 strings({"2023-12", "2024-01", "2024-02"}));
        // Negative offsets: 4 March 03:00 UTC is still 3 March in New York (UTC-5).
        QCOMPARE(AnalyticsService::bucketKeys(period(utc("2024-03-04T03:00"), utc("2024-03-04T06:00"), Bucket::Day, -300)),
                 strings({"2024-03-03", "2024-03-04"}));
    }

    void periodValidation()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        AnalyticsService svc(*db);
        auto backwards = svc.newCustomers(t.li, period(1000, 1000, Bucket::Day, 0));
        QCOMPARE(backwards.error().code, QStringLiteral("validation.range"));
        QCOMPARE(backwards.error().field, QStringLiteral("to"));
        auto offset = svc.winRate(t.li, period(0, kDay, Bucket::Day, 900));
        QCOMPARE(offset.error().field, QStringLiteral("utcOffsetMinutes"));
        auto tooMany = svc.wonSales(t.li, period(utc("2000-01-01T00:00"), utc("2024-01-01T00:00"), Bucket::Day, 0));
        QCOMPARE(tooMany.error().code, QStringLiteral("validation.range"));
        QCOMPARE(tooMany.error().field, QStringLiteral("bucket"));
        QVERIFY(svc.wonSales(t.li, period(utc("2000-01-01T00:00"), utc("2024-01-01T00:00"), Bucket::Month, 0)));
        Actor noReports = t.li;
        noReports.permissions.remove(Permission::ReportRead);
        QCOMPARE(svc.dashboard(noReports, chinaWeek()).error().code, QStringLiteral("forbidden"));
        QCOMPARE(svc.pipelineByStage(noReports).error().code, QStringLiteral("forbidden"));
        QCOMPARE(svc.pipelineByStage(t.li, 4242).error().code, QStringLiteral("not_found"));
    }

    void newCustomersPerLocalDayWeekAndMonth()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Fixture x(*db, clock);
        x.load();
        AnalyticsService svc(*db);
        const Team &t = x.team;

        // China: A falls on 5 March, F on 4 March; every day of the week is present.
        QCOMPARE(render(must(svc.newCustomers(t.admin, chinaWeek()))),
                 strings({"2024-03-04=2", "2024-03-05=1", "2024-03-06=2", "2024-03-07=0", "2024-03-08=0", "2024-03-09=0",
                              "2024-03-10=0"}));
        // UTC: A on 4 March, F (3 March) outside the week.
        const Period utcWeek = period(utc("2024-03-04T00:00"), utc("2024-03-11T00:00"), Bucket::Day, 0);
        QCOMPARE(render(must(svc.newCustomers(t.admin, utcWeek))),
                 strings({"2024-03-04=2", "2024-03-05=0", "2024-03-06=2", "2024-03-07=0", "2024-03-08=0", "2024-03-09=0",
                              "2024-03-10=0"}));

        // Scope: wang's own, li's team, qian's own.
        QCOMPARE(render(must(svc.newCustomers(t.wang, chinaWeek()))).mid(0, 3),
                 strings({"2024-03-04=2", "2024-03-05=1", "2024-03-06=0"}));
        QCOMPARE(render(must(svc.newCustomers(t.li, chinaWeek()))).mid(0, 3),
                 strings({"2024-03-04=2", "2024-03-05=1", "2024-03-06=1"}));
        QCOMPARE(render(must(svc.newCustomers(t.qian, chinaWeek()))).mid(0, 3),
                 strings({"2024-03-04=0", "2024-03-05=0", "2024-03-06=1"}));

        // Weeks: F is Sunday in UTC (the week of 26 February) but Monday in China.
        QCOMPARE(render(must(svc.newCustomers(t.admin, period(china("2024-03-01T00:00"), china("2024-04-01T00:00"), Bucket::Week, kChina)))),
                 strings({"2024-02-26=2", "2024-03-04=5", "2024-03-11=0", "2024-03-18=0", "2024-03-25=0"}));
        QCOMPARE(render(must(svc.newCustomers(t.admin, period(utc("2024-03-01T00:00"), utc("2024-04-01T00:00"), Bucket::Week, 0)))),
                 strings({"2024-02-26=2", "2024-03-04=4", "2024-03-11=0", "2024-03-18=0", "2024-03-25=0"}));

        // Months: G is February in UTC, March in China.
        QCOMPARE(render(must(svc.newCustomers(t.admin, period(china("2024-01-01T00:00"), china("2024-04-01T00:00"), Bucket::Month, kChina)))),
                 strings({"2024-01=0", "2024-02=0", "2024-03=7"}));
        QCOMPARE(render(must(svc.newCustomers(t.admin, period(utc("2024-01-01T00:00"), utc("2024-04-01T00:00"), Bucket::Month, 0)))),
                 strings({"2024-01=0", "2024-02=1", "2024-03=6"}));
    }

    void wonSalesAndDealSize()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Fixture x(*db, clock);
        x.load();
        AnalyticsService svc(*db);
        const Team &t = x.team;

        const QStringList zeros = strings({"2024-03-04=0/0", "2024-03-05=0/0", "2024-03-06=0/0", "2024-03-07=0/0",
                                           "2024-03-08=0/0", "2024-03-09=0/0", "2024-03-10=0/0"});
        QStringList wang = zeros;
        wang[1] = QStringLiteral("2024-03-05=2/150001"); // both of wang's deals closed on 5 March in China
        QCOMPARE(render(must(svc.wonSales(t.wang, chinaWeek()))), wang);
        QStringList li = wang;
        li[3] = QStringLiteral("2024-03-07=1/200000"); // plus zhao's
        QCOMPARE(render(must(svc.wonSales(t.li, chinaWeek()))), li);
        QStringList qian = zeros;
        qian[2] = QStringLiteral("2024-03-06=1/70000");
        QCOMPARE(render(must(svc.wonSales(t.qian, chinaWeek()))), qian);
        // In UTC, W2 (18:00 on 4 March) moves to its own day.
        QCOMPARE(render(must(svc.wonSales(t.wang, period(utc("2024-03-04T00:00"), utc("2024-03-07T00:00"), Bucket::Day, 0)))),
                 strings({"2024-03-04=1/50001", "2024-03-05=1/100000", "2024-03-06=0/0"}));

        auto byRep = must(svc.wonByRep(t.li, chinaWeek()));
        QCOMPARE(byRep.size(), 2);
        QCOMPARE(byRep[0].name, QStringLiteral("zhao")); // largest amount first
        QCOMPARE(byRep[0].count, 1);
        QCOMPARE(byRep[0].amountMinor, 200'000);
        QCOMPARE(byRep[1].userId, t.wang.userId);
        QCOMPARE(byRep[1].count, 2);
        QCOMPARE(byRep[1].amountMinor, 150'001);
        QCOMPARE(must(svc.wonByRep(t.qian, chinaWeek())).size(), 1);

        auto wangDeal = must(svc.averageDealSize(t.wang, chinaWeek()));
        QCOMPARE(wangDeal.count, 2);
        QCOMPARE(wangDeal.totalMinor, 150'001);
        QCOMPARE(wangDeal.averageMinor, 75'001); // 75000.5 rounded half up
        auto liDeal = must(svc.averageDealSize(t.li, chinaWeek()));
        QCOMPARE(liDeal.count, 3);
        QCOMPARE(liDeal.averageMinor, 116'667); // 350001 / 3
        auto sunDeal = must(svc.averageDealSize(t.sun, chinaWeek()));
        QCOMPARE(sunDeal.averageMinor, 70'000);
    }

    void pipelineValueIsExact()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Fixture x(*db, clock);
        x.load();
        AnalyticsService svc(*db);
        const Team &t = x.team;

        auto li = must(svc.pipelineByStage(t.li));
        QCOMPARE(li.size(), 4); // the open stages, in order
        QCOMPARE(li[0].name, QStringLiteral("lead"));
        QCOMPARE(li[3].name, QStringLiteral("negotiation"));
        QCOMPARE(li[0].count, 1); // W5; the dollar deal is not added to yuan
        QCOMPARE(li[0].amountMinor, 10'001);
        QCOMPARE(li[0].weightedMinor, 1'000); // 1000.1
        QCOMPARE(li[1].count, 0);
        QCOMPARE(li[1].weightedMinor, 0);
        // Two deals of 333.33 at 50 %: one division of the exact sum gives 333.33; rounding each would give 333.34.
        QCOMPARE(li[2].count, 2);
        QCOMPARE(li[2].amountMinor, 66'666);
        QCOMPARE(li[2].weightedMinor, 33'333);
        QCOMPARE(li[3].count, 1);
        QCOMPARE(li[3].weightedMinor, 74'999); // 74999.25

        auto qian = must(svc.pipelineByStage(t.qian, x.pipelineId));
        QCOMPARE(qian[0].count, 1);
        QCOMPARE(qian[0].weightedMinor, 1'235); // 1234.5 rounded half up
        QCOMPARE(qian[2].count, 0);

        auto wang = must(svc.pipelineByStage(t.wang));
        QCOMPARE(wang[3].count, 0); // zhao's negotiation is not wang's

        auto all = must(svc.pipelineByStage(t.admin));
        QCOMPARE(all[0].count, 2);
        QCOMPARE(all[0].amountMinor, 22'346);
        QCOMPARE(all[0].weightedMinor, 2'235); // (100010 + 123450) / 100 = 2234.6
    }

    void funnelCycleAndWinRate()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Fixture x(*db, clock);
        x.load();
        AnalyticsService svc(*db);
        const Team &t = x.team;

        // Created in the week, in li's team: W4 (reached proposal), W5 (lead), Z1 (won, skipping
        // qualified), Z3 (lost from lead).
        auto li = must(svc.funnel(t.li, 0, chinaWeek()));
        QCOMPARE(li.size(), 5);
        QStringList names;
        QList<qint64> reached;
        for (const FunnelStage &s : li) {
            names << s.name;
            reached << s.reached;
        }
        QCOMPARE(names, strings({"lead", "qualified", "proposal", "negotiation", "won"}));
        QCOMPARE(reached, (QList<qint64>{4, 2, 2, 1, 1}));
        QCOMPARE(li[0].conversionBasisPoints.value(), 5000);
        QCOMPARE(li[1].conversionBasisPoints.value(), 10000);
        QCOMPARE(li[2].conversionBasisPoints.value(), 5000);
        QCOMPARE(li[3].conversionBasisPoints.value(), 10000);
        QVERIFY(!li[4].conversionBasisPoints);
        QCOMPARE(li[4].kind, QStringLiteral("won"));

        auto all = must(svc.funnel(t.admin, x.pipelineId, chinaWeek()));
        reached.clear();
        for (const FunnelStage &s : all)
            reached << s.reached;
        QCOMPARE(reached, (QList<qint64>{6, 3, 3, 2, 2})); // plus qian's won Q1 and open Q2
        QCOMPARE(all[0].conversionBasisPoints.value(), 5000);
        QCOMPARE(all[2].conversionBasisPoints.value(), 6667); // 2 / 3

        auto wang = must(svc.funnel(t.wang, 0, chinaWeek()));
        reached.clear();
        for (const FunnelStage &s : wang)
            reached << s.reached;
        QCOMPARE(reached, (QList<qint64>{2, 1, 1, 0, 0}));
        QCOMPARE(wang[2].conversionBasisPoints.value(), 0);
        QVERIFY(!wang[3].conversionBasisPoints); // nobody reached negotiation

        // A stage's cohort as a list (the dashboard's drill-down): the same opportunities the funnel
        // counted, for each viewer and stage, and none created outside the week.
        for (const auto &[actor, funnel] : {std::pair{&t.li, li}, std::pair{&t.admin, all}, std::pair{&t.wang, wang}}) {
            QVector<qint64> ids;
            for (const FunnelStage &s : funnel)
                ids << s.stageId;
            for (int i = 0; i < funnel.size(); ++i) {
                OpportunityFilter f;
                f.pipelineId = funnel[i].pipelineId;
                f.reachedStageIds = ids.mid(i);
                f.createdFrom = chinaWeek().from;
                f.createdTo = chinaWeek().to;
                f.limit = 100;
                QCOMPARE(must(OpportunityService(*db).count(*actor, f)), funnel[i].reached);
                QCOMPARE(qint64(must(OpportunityService(*db).list(*actor, f)).opportunities.size()), funnel[i].reached);
            }
        }

        // Sales cycle: first history row to the won row.
        const qint64 w1 = utc("2024-03-05T02:00") - utc("2024-02-01T00:00"); // 33 days 2 hours
        const qint64 w2 = utc("2024-03-04T18:00") - utc("2024-02-25T00:00"); // 8 days 18 hours
        const qint64 z1 = 3 * kDay;
        const qint64 q1 = kDay + 5 * kHour;
        auto wangCycle = must(svc.averageCycleDays(t.wang, chinaWeek()));
        QCOMPARE(wangCycle.deals, 2);
        QCOMPARE(wangCycle.averageMs, (w1 + w2) / 2);
        QCOMPARE(wangCycle.averageDays, 21); // 20.92
        auto liCycle = must(svc.averageCycleDays(t.li, chinaWeek()));
        QCOMPARE(liCycle.deals, 3);
        QCOMPARE(liCycle.averageDays, 15); // 14.94
        auto qianCycle = must(svc.averageCycleDays(t.qian, chinaWeek()));
        QCOMPARE(qianCycle.averageDays, 1);
        auto allCycle = must(svc.averageCycleDays(t.admin, chinaWeek()));
        QCOMPARE(allCycle.deals, 4);
        QCOMPARE(allCycle.averageMs, divideRoundHalfUp(w1 + w2 + z1 + q1, 4));
        QCOMPARE(allCycle.averageDays, 12); // 11.51

        // Win rate over deals closed in the week.
        auto wangRate = must(svc.winRate(t.wang, chinaWeek()));
        QCOMPARE(wangRate.won, 2);
        QCOMPARE(wangRate.lost, 1);
        QCOMPARE(wangRate.basisPoints, 6667);
        auto liRate = must(svc.winRate(t.li, chinaWeek()));
        QCOMPARE(liRate.won, 3);
        QCOMPARE(liRate.lost, 2);
        QCOMPARE(liRate.basisPoints, 6000);
        QCOMPARE(must(svc.winRate(t.qian, chinaWeek())).basisPoints, 10000);
        auto nothing = must(svc.winRate(t.li, period(utc("2023-01-01T00:00"), utc("2023-02-01T00:00"), Bucket::Day, 0)));
        QCOMPARE(nothing.won + nothing.lost, 0);
        QCOMPARE(nothing.basisPoints, 0);
    }

    void activitiesPerRepAndKind()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Fixture x(*db, clock);
        x.load();
        AnalyticsService svc(*db);
        const Team &t = x.team;
        auto render = [](const QVector<RepActivity> &rows) {
            QStringList out;
            for (const RepActivity &r : rows)
                out << r.name + QLatin1Char(' ') + r.kind + QLatin1Char('=') + QString::number(r.count);
            return out;
        };
        QCOMPARE(render(must(svc.activitiesByRepAndKind(t.li, chinaWeek()))),
                 strings({"wang call=3", "wang visit=1", "zhao meeting=2"}));
        QCOMPARE(render(must(svc.activitiesByRepAndKind(t.wang, chinaWeek()))), strings({"wang call=3", "wang visit=1"}));
        QCOMPARE(render(must(svc.activitiesByRepAndKind(t.qian, chinaWeek()))), strings({"qian call=1"}));
        auto rows = must(svc.activitiesByRepAndKind(t.zhao, chinaWeek()));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].userId, t.zhao.userId);
    }

    void dashboardIsScoped()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Fixture x(*db, clock);
        x.load();
        AnalyticsService svc(*db);
        const Team &t = x.team;

        auto wang = must(svc.dashboard(t.wang, chinaWeek()));
        QCOMPARE(wang.currency, QStringLiteral("CNY"));
        QCOMPARE(wang.newCustomers, 3);
        QCOMPARE(wang.newCustomersByBucket.size(), 7);
        QCOMPARE(wang.wonCount, 2); // zhao's 2000.00 is not wang's
        QCOMPARE(wang.wonAmountMinor, 150'001);
        QCOMPARE(wang.averageDeal.averageMinor, 75'001);
        QCOMPARE(wang.wonByBucket.size(), 7);
        QCOMPARE(wang.winRate.basisPoints, 6667);
        QCOMPARE(wang.salesCycle.averageDays, 21);
        QCOMPARE(wang.openCount, 3); // W4, W5, W6; not the dollar deal
        QCOMPARE(wang.openAmountMinor, 76'667);
        QCOMPARE(wang.openWeightedMinor, 34'333); // (3333300 + 100010) / 100 = 34333.1
        QCOMPARE(wang.activities, 4);

        auto li = must(svc.dashboard(t.li, chinaWeek()));
        QCOMPARE(li.newCustomers, 4);
        QCOMPARE(li.wonCount, 3); // wang's and zhao's
        QCOMPARE(li.wonAmountMinor, 350'001);
        QCOMPARE(li.winRate.won, 3);
        QCOMPARE(li.winRate.lost, 2);
        QCOMPARE(li.openCount, 4);
        QCOMPARE(li.openAmountMinor, 176'666);
        QCOMPARE(li.activities, 6);

        auto qian = must(svc.dashboard(t.qian, chinaWeek()));
        QCOMPARE(qian.newCustomers, 1);
        QCOMPARE(qian.wonCount, 1); // neither wang's nor zhao's
        QCOMPARE(qian.wonAmountMinor, 70'000);
        QCOMPARE(qian.openCount, 1);
        QCOMPARE(qian.openAmountMinor, 12'345);
        QCOMPARE(qian.activities, 1);

        auto all = must(svc.dashboard(t.admin, chinaWeek()));
        QCOMPARE(all.newCustomers, 5);
        QCOMPARE(all.wonCount, 4);
        QCOMPARE(all.wonAmountMinor, 420'001);
        QCOMPARE(all.winRate.basisPoints, 6667);
        QCOMPARE(all.salesCycle.averageDays, 12);
        QCOMPARE(all.activities, 7);
    }
    // PostgreSQL: two deals of one owner moved in opposite directions at the same time each adjust the
    // same two counter rows of opportunity_totals. Taken in the order of the move (old row, then new
    // row) the second move held the row the first needed next and waited for the row the first held:
    // a deadlock, which PostgreSQL ends by failing one of them ("The database is busy"). Migration 11's
    // trigger takes the two rows in key order whatever the direction. Forced here: a third connection
    // holds the lower row while the first move queues for it and the second takes the upper one.
    void oppositeMovesOfOneOwnersDealsDoNotDeadlock()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        if (db->isSqlite())
            QSKIP("SQLite has one writer at a time");
        Fixture x(*db, clock);
        const Team &t = x.team;
        const qint64 customer = x.customer(t.wang, "2024-02-01T00:00");
        const qint64 low = qMin(x.stages.value(QStringLiteral("lead")), x.stages.value(QStringLiteral("proposal")));
        const qint64 high = qMax(x.stages.value(QStringLiteral("lead")), x.stages.value(QStringLiteral("proposal")));
        const char *lowName = low == x.stages.value(QStringLiteral("lead")) ? "lead" : "proposal";
        const char *highName = low == x.stages.value(QStringLiteral("lead")) ? "proposal" : "lead";
        const qint64 up = x.opportunity(t.wang, customer, 1000, 10, {{lowName, "2024-02-02T00:00"}});    // low -> high
        const qint64 down = x.opportunity(t.wang, customer, 2000, 20, {{highName, "2024-02-02T00:00"}}); // high -> low

        const QString lock = QStringLiteral("SELECT n FROM opportunity_totals WHERE owner_id = %1 AND pipeline_id = %2"
                                            " AND stage_id = %3 AND currency = 'CNY' FOR UPDATE")
                                 .arg(t.wang.userId)
                                 .arg(x.pipelineId)
                                 .arg(low);
        const QStringList failures = raceBehindALock(*db, lock,
                                                     QStringLiteral("UPDATE opportunities SET stage_id = %1 WHERE id = %2").arg(high).arg(up),
                                                     QStringLiteral("UPDATE opportunities SET stage_id = %1 WHERE id = %2").arg(low).arg(down));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
        auto totals = [&](qint64 stage) {
            QSqlQuery q = db->prepare(QStringLiteral("SELECT n, amount_minor FROM opportunity_totals WHERE owner_id = :o AND stage_id = :s"));
            q.bindValue(QStringLiteral(":o"), t.wang.userId);
            q.bindValue(QStringLiteral(":s"), stage);
            return db->exec(q).ok() && q.next() ? std::pair(q.value(0).toLongLong(), q.value(1).toLongLong()) : std::pair(-1LL, -1LL);
        };
        QCOMPARE(totals(high), std::pair(1LL, 1000LL));
        QCOMPARE(totals(low), std::pair(1LL, 2000LL));
    }

    // PostgreSQL: the same for customer_counts. Two customers in one province and industry swap
    // owners at once; each move takes four counter rows (the old owner's two, the new owner's two).
    void oppositeOwnerChangesOfCustomersDoNotDeadlock()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        if (db->isSqlite())
            QSKIP("SQLite has one writer at a time");
        Team t = makeTeam(*db);
        auto customer = [&](const Actor &owner) {
            Customer c;
            c.name = QStringLiteral("客户%1").arg(owner.userId);
            c.industry = QStringLiteral("科技");
            c.addresses.append(Address{QString(), QStringLiteral("广东省"), {}, {}, {}, {}, {}, true});
            return must(CustomerService(*db).create(owner, c)).id;
        };
        const qint64 low = qMin(t.wang.userId, t.zhao.userId), high = qMax(t.wang.userId, t.zhao.userId);
        const qint64 fromLow = customer(low == t.wang.userId ? t.wang : t.zhao);
        const qint64 fromHigh = customer(high == t.wang.userId ? t.wang : t.zhao);
        const QStringList failures =
            raceBehindALock(*db, QStringLiteral("SELECT n FROM customer_counts WHERE owner_id = %1 AND field = 'industry' FOR UPDATE").arg(low),
                            QStringLiteral("UPDATE customers SET owner_id = %1 WHERE id = %2").arg(high).arg(fromLow),
                            QStringLiteral("UPDATE customers SET owner_id = %1 WHERE id = %2").arg(low).arg(fromHigh));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
        QSqlQuery q = db->prepare(QStringLiteral("SELECT owner_id, field, n FROM customer_counts ORDER BY 1, 2"));
        QVERIFY(db->exec(q).ok());
        QStringList counts;
        while (q.next())
            counts << QStringLiteral("%1 %2 %3").arg(QLatin1String(q.value(0).toLongLong() == low ? "low" : "high"), q.value(1).toString()).arg(q.value(2).toLongLong());
        QCOMPARE(counts, QStringList({QStringLiteral("low industry 1"), QStringLiteral("low province 1"),
                                      QStringLiteral("high industry 1"), QStringLiteral("high province 1")}));
    }

    // The running totals (RunningTotals: activities, deals, customers) against the rows they sum, after every kind of write the
    // triggers must follow; and the activity count, which adds whole days from them to partial days
    // counted directly, against a direct count for periods starting and ending all over the day.
    void runningTotalsFollowEveryWrite()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Fixture x(*db, clock);
        x.load();
        const Team &t = x.team;
        // Activities every 7 hours for 20 days, and on both sides of two midnights.
        const qint64 start = utc("2024-03-10T00:00");
        for (qint64 at = start; at < start + 20 * kDay; at += 7 * kHour)
            x.activity((at / kHour) % 2 ? t.wang : t.zhao, x.a, "call", at);
        for (qint64 at : {start + 3 * kDay - 1, start + 3 * kDay, start + 9 * kDay - 1, start + 9 * kDay})
            x.activity(t.qian, x.d, "visit", at);
        auto exec = [&](const QString &sql) { QVERIFY2(db->execSql(sql).ok(), qPrintable(sql)); };
        exec(QStringLiteral("UPDATE activities SET occurred_at = occurred_at + 86400000 * 3 + 5 WHERE id %% 5 = 0").replace(
            QStringLiteral("%%"), QStringLiteral("%")));
        exec(QStringLiteral("UPDATE activities SET user_id = %1 WHERE id %2 7 = 1").arg(t.li.userId).arg(QLatin1Char('%')));
        exec(QStringLiteral("DELETE FROM activities WHERE id %1 11 = 2").arg(QLatin1Char('%')));
        exec(QStringLiteral("UPDATE opportunities SET amount_minor = amount_minor + 7, probability = 30 WHERE id %1 2 = 0")
                 .arg(QLatin1Char('%')));
        exec(QStringLiteral("UPDATE opportunities SET stage_id = %1 WHERE id %2 3 = 0").arg(x.stages.value(QStringLiteral("negotiation")))
                 .arg(QLatin1Char('%')));
        exec(QStringLiteral("UPDATE opportunities SET owner_id = NULL WHERE id = (SELECT MIN(id) FROM opportunities)"));
        exec(QStringLiteral("UPDATE opportunities SET currency = 'EUR' WHERE id = (SELECT MAX(id) FROM opportunities)"));
        exec(QStringLiteral("UPDATE opportunities SET name = 'renamed'")); // no totals column: nothing moves
        // Customers: province, industry and owner (to the pool) changed, a change of neither, a delete.
        exec(QStringLiteral("UPDATE customers SET province = '广东省', industry = '科技' WHERE id %1 2 = 0").arg(QLatin1Char('%')));
        exec(QStringLiteral("UPDATE customers SET owner_id = NULL WHERE id %1 3 = 0").arg(QLatin1Char('%')));
        exec(QStringLiteral("UPDATE customers SET industry = NULL, province = ' 浙江省' WHERE id %1 5 = 1").arg(QLatin1Char('%')));
        exec(QStringLiteral("UPDATE customers SET name = name || '!', owner_id = owner_id, province = province"));
        exec(QStringLiteral("DELETE FROM customers WHERE id = %1").arg(x.c)); // cascades to its deals and activities
        // The activity import's bulk writer adds its rows' day counts once, the trigger paused while
        // it writes them: 1,100 rows in three batches, nine in ten at one time.
        QVERIFY(db->write([&]() -> Status {
                      ActivityBulkWriter writer(*db, t.wang);
                      for (int i = 0; i < 1100; ++i) {
                          Activity a;
                          a.customerId = x.a;
                          a.kind = QStringLiteral("note");
                          a.subject = QStringLiteral("导入%1").arg(i);
                          a.occurredAt = i % 10 ? start + kHour : start + (i % 30) * kDay + 5;
                          if (Status st = writer.add(a); !st)
                              return st;
                      }
                      return writer.finish();
                  }).ok());

        auto rows = [&](const QString &sql) {
            QStringList out;
            QSqlQuery q = db->prepare(sql);
            if (!db->exec(q))
                return QStringList{QStringLiteral("failed: ") + sql};
            while (q.next()) {
                QStringList cells;
                for (int i = 0; i < q.record().count(); ++i)
                    cells << q.value(i).toString();
                out << cells.join(QLatin1Char(' '));
            }
            return out;
        };
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM activity_day_counts_paused")), QStringList{QStringLiteral("0")});
        const QStringList days = rows(QStringLiteral("SELECT day, user_id, n FROM activity_day_counts WHERE n <> 0 ORDER BY 1, 2"));
        QVERIFY(days.size() > 20);
        QCOMPARE(days, rows(QStringLiteral("SELECT occurred_at / 86400000, user_id, COUNT(*) FROM activities GROUP BY 1, 2 ORDER BY 1, 2")));
        const QStringList deals = rows(QStringLiteral("SELECT owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor"
                                                      " FROM opportunity_totals WHERE n <> 0 ORDER BY 1, 2, 3, 4"));
        QVERIFY(deals.size() > 5);
        QCOMPARE(deals, rows(QStringLiteral("SELECT COALESCE(owner_id, 0), pipeline_id, stage_id, currency, COUNT(*),"
                                            " CAST(SUM(amount_minor) AS BIGINT), CAST(SUM(amount_minor * probability) AS BIGINT) FROM opportunities GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")));

        const QStringList customers = rows(QStringLiteral("SELECT owner_id, field, value, n FROM customer_counts WHERE n <> 0 ORDER BY 1, 2, 3"));
        QVERIFY(customers.size() > 4);
        QCOMPARE(customers, rows(QStringLiteral("SELECT COALESCE(owner_id, 0), 'industry', COALESCE(industry, ''), COUNT(*) FROM customers"
                                                " GROUP BY 1, 3 UNION ALL SELECT COALESCE(owner_id, 0), 'province', COALESCE(province, ''),"
                                                " COUNT(*) FROM customers GROUP BY 1, 3 ORDER BY 1, 2, 3")));
        // And a bulk load's refill gives the same rows.
        QVERIFY(db->write([&]() -> Status { return RunningTotals::refill(*db); }).ok());
        QCOMPARE(rows(QStringLiteral("SELECT owner_id, field, value, n FROM customer_counts ORDER BY 1, 2, 3")), customers);
        // (On SQLite the refill counts in a hash instead of a GROUP BY: the same rows, zeros gone.)
        QCOMPARE(rows(QStringLiteral("SELECT day, user_id, n FROM activity_day_counts ORDER BY 1, 2")), days);

        AnalyticsService svc(*db);
        for (const Actor *actor : {&t.admin, &t.li, &t.wang}) {
            QSqlQuery open = db->prepare(QStringLiteral("SELECT COUNT(*), CAST(COALESCE(SUM(o.amount_minor), 0) AS BIGINT) FROM opportunities o"
                                                        " JOIN stages s ON s.id = o.stage_id WHERE s.kind = 'open' AND o.currency = 'CNY' AND ") +
                                         actor->ownerCondition(QStringLiteral("o.owner_id")));
            QVERIFY(db->exec(open).ok() && open.next());
            for (qint64 from : {start - 1, start, start + 5 * kHour, start + 12 * kHour, start + 13 * kHour, start + 3 * kDay}) {
                for (qint64 length : {kHour, kDay, 2 * kDay + 11 * kHour, 2 * kDay + 13 * kHour, 6 * kDay, 9 * kDay + 1, 17 * kDay + 23 * kHour}) {
                    const Period p = period(from, from + length, Bucket::Day, 0);
                    QSqlQuery q = db->prepare(QStringLiteral("SELECT COUNT(*) FROM activities a WHERE a.occurred_at >= :f AND a.occurred_at < :t AND ") +
                                              actor->ownerCondition(QStringLiteral("a.user_id")));
                    q.bindValue(QStringLiteral(":f"), p.from);
                    q.bindValue(QStringLiteral(":t"), p.to);
                    QVERIFY(db->exec(q).ok() && q.next());
                    const Dashboard d = must(svc.dashboard(*actor, p));
                    QVERIFY2(d.activities == q.value(0).toLongLong(),
                             qPrintable(QStringLiteral("%1 from %2 for %3 ms: %4, counted %5").arg(actor->username).arg(from).arg(length)
                                            .arg(d.activities).arg(q.value(0).toLongLong())));
                    QCOMPARE(d.openCount, open.value(0).toLongLong());
                    QCOMPARE(d.openAmountMinor, open.value(1).toLongLong());
                }
            }
        }
    }

    void customerMixAndEngagement()
    {
        const qint64 now = utc("2024-03-10T12:00");
        ManualClock clock(now - 400 * kDay);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        AnalyticsService svc(*db);
        // A customer of `owner` (none: the public pool) in a province and industry, last contacted
        // `daysAgo` days before now (negative: never).
        int made = 0;
        auto customer = [&](const Actor *owner, const char *province, const char *industry, double daysAgo) {
            Customer c;
            c.name = QStringLiteral("客户%1").arg(++made);
            c.industry = QString::fromUtf8(industry);
            if (*province)
                c.addresses.append(Address{QString(), QString::fromUtf8(province), {}, {}, {}, {}, {}, true});
            const qint64 id = must(CustomerService(*db).create(owner ? *owner : t.admin, c)).id;
            QSqlQuery q = db->prepare(QStringLiteral("UPDATE customers SET last_contact_at = :at, owner_id = :owner WHERE id = :id"));
            q.bindValue(QStringLiteral(":at"), daysAgo < 0 ? 0 : now - qint64(daysAgo * kDay));
            q.bindValue(QStringLiteral(":owner"), owner ? QVariant(owner->userId) : QVariant(QMetaType::fromType<qlonglong>()));
            q.bindValue(QStringLiteral(":id"), id);
            if (!db->exec(q))
                qFatal("update customer");
        };
        customer(&t.wang, "广东省", "科技", 0.5);
        customer(&t.wang, "广东省", "制造", 7); // exactly a week ago: still "within 7 days"
        customer(&t.wang, " 浙江省 ", "科技", 7.01);
        customer(&t.wang, "", "", 30.5);
        customer(&t.zhao, "浙江省", "科技", 45);
        customer(&t.zhao, "广东省", " ", 91);
        customer(&t.zhao, "上海市", "金融", -1);
        customer(&t.qian, "北京市", "金融", 2); // the other team
        customer(nullptr, "北京市", "能源", -1); // the pool

        auto names = [](const QVector<NamedCount> &rows) {
            QStringList out;
            for (const NamedCount &r : rows)
                out << r.name + QLatin1Char('=') + QString::number(r.count);
            return out;
        };
        const CustomerMix lead = must(svc.customerMix(t.li));
        QCOMPARE(lead.total, 7);
        QCOMPARE(names(lead.provinces), strings({"广东省=3", "浙江省=2", "上海市=1", "=1"})); // trimmed; blank last
        QCOMPARE(names(lead.industries), strings({"科技=3", "=2", "制造=1", "金融=1"}));
        QCOMPARE(lead.otherProvinces + lead.otherIndustries, 0);
        const CustomerMix admin = must(svc.customerMix(t.admin));
        QCOMPARE(admin.total, 9); // the pool and the other team too
        QCOMPARE(names(admin.provinces), strings({"广东省=3", "北京市=2", "浙江省=2", "上海市=1", "=1"}));
        QCOMPARE(names(must(svc.customerMix(t.qian)).industries), strings({"金融=1"}));

        // A role that hides a field gets no list for it, and the other list still.
        Actor hidden = t.li;
        hidden.fieldRules.insert(QStringLiteral("customer.industry"), FieldRule::Hidden);
        const CustomerMix partial = must(svc.customerMix(hidden));
        QVERIFY(partial.industries.isEmpty());
        QCOMPARE(partial.provinces.size(), 4);

        // Past kTop values the rest are counted together.
        for (int i = 0; i < CustomerMix::kTop + 3; ++i)
            customer(&t.qian, "", qPrintable(QStringLiteral("行业%1").arg(i, 2, 10, QLatin1Char('0'))), -1);
        const CustomerMix many = must(svc.customerMix(t.qian));
        QCOMPARE(many.industries.size(), CustomerMix::kTop);
        QCOMPARE(many.industries.first().name, QStringLiteral("行业00")); // ties by name; 金融 sorts after
        qint64 listed = many.otherIndustries;
        for (const NamedCount &n : many.industries)
            listed += n.count;
        QCOMPARE(listed, many.total);
        QCOMPARE(many.otherIndustries, 4);

        auto engagement = [&](const Actor &actor) {
            QStringList out;
            for (const RepEngagement &r : must(svc.customerEngagement(actor, now)))
                out << QStringLiteral("%1:%2=%3/%4/%5/%6/%7")
                           .arg(r.userId ? r.name : QStringLiteral("pool"))
                           .arg(r.customers)
                           .arg(r.week)
                           .arg(r.month)
                           .arg(r.quarter)
                           .arg(r.older)
                           .arg(r.never);
            return out;
        };
        QCOMPARE(engagement(t.li), strings({"wang:4=2/1/1/0/0", "zhao:3=0/0/1/1/1"}));
        QCOMPARE(engagement(t.wang), strings({"wang:4=2/1/1/0/0"}));
        QCOMPARE(engagement(t.admin), strings({"qian:24=1/0/0/0/23", "wang:4=2/1/1/0/0", "zhao:3=0/0/1/1/1", "pool:1=0/0/0/0/1"}));
        Actor noReports = t.wang;
        noReports.permissions.remove(Permission::ReportRead);
        QCOMPARE(svc.customerMix(noReports).error().code, QStringLiteral("forbidden"));
        QCOMPARE(svc.customerEngagement(noReports, now).error().code, QStringLiteral("forbidden"));
    }

    void sourceMixAndOverdueTasks()
    {
        ManualClock clock(utc("2024-03-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        AnalyticsService svc(*db);
        auto customer = [&](const Actor &owner, const char *source, const char *at) {
            clock.set(utc(at));
            Customer c;
            c.name = QStringLiteral("客户") + QString::fromLatin1(at);
            c.source = QString::fromUtf8(source);
            must(CustomerService(*db).create(owner, c));
        };
        customer(t.wang, "展会", "2024-03-04T02:00");
        customer(t.wang, "展会", "2024-03-05T02:00");
        customer(t.wang, "", "2024-03-05T03:00");
        customer(t.zhao, "官网", "2024-03-06T02:00");
        customer(t.zhao, "展会", "2024-02-20T02:00"); // before the week
        customer(t.qian, "官网", "2024-03-06T04:00"); // the other team
        auto render = [](const QVector<NamedCount> &rows) {
            QStringList out;
            for (const NamedCount &r : rows)
                out << r.name + QLatin1Char('=') + QString::number(r.count);
            return out;
        };
        QCOMPARE(render(must(svc.customerSources(t.li, chinaWeek()))), strings({"展会=2", "官网=1", "=1"}));
        QCOMPARE(render(must(svc.customerSources(t.admin, chinaWeek()))), strings({"官网=2", "展会=2", "=1"})); // ties by name; no source last
        QCOMPARE(render(must(svc.customerSources(t.qian, chinaWeek()))), strings({"官网=1"}));

        auto task = [&](const Actor &assignee, const char *status, std::optional<qint64> due) {
            QSqlQuery q = db->prepare(QStringLiteral("INSERT INTO tasks (title, status, due_at, assignee_id, created_at, updated_at)"
                                                     " VALUES ('t', :s, :d, :a, 0, 0)"));
            q.bindValue(QStringLiteral(":s"), QString::fromLatin1(status));
            q.bindValue(QStringLiteral(":d"), due ? QVariant(*due) : QVariant(QMetaType::fromType<qlonglong>()));
            q.bindValue(QStringLiteral(":a"), assignee.userId);
            if (!db->exec(q))
                qFatal("insert task");
        };
        const qint64 now = utc("2024-03-10T12:00");
        task(t.wang, "open", now - 3 * kDay);
        task(t.wang, "open", now - kDay);
        task(t.wang, "open", now); // due exactly now: not overdue yet
        task(t.wang, "done", now - 5 * kDay);
        task(t.wang, "open", std::nullopt); // no due time
        task(t.zhao, "open", now - 10 * kDay);
        task(t.qian, "open", now - kDay);
        auto li = must(svc.overdueTasksByAssignee(t.li, now));
        QCOMPARE(li.size(), 2);
        QCOMPARE(li[0].name, QStringLiteral("wang"));
        QCOMPARE(li[0].count, 2);
        QCOMPARE(li[0].oldestDueAt, now - 3 * kDay);
        QCOMPARE(li[1].userId, t.zhao.userId);
        QCOMPARE(li[1].count, 1);
        QCOMPARE(must(svc.overdueTasksByAssignee(t.admin, now)).size(), 3);
        QCOMPARE(must(svc.overdueTasksByAssignee(t.qian, now)).size(), 1);
        Actor noReports = t.li;
        noReports.permissions.remove(Permission::ReportRead);
        QCOMPARE(svc.overdueTasksByAssignee(noReports, now).error().code, QStringLiteral("forbidden"));
    }
};

QTEST_GUILESS_MAIN(TestAnalytics)
#include "tst_analytics.moc"
