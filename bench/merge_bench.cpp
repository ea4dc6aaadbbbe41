// Benchmark of CustomerMerge: merging demo customer pairs (a few activities each), then pairs whose
// duplicate carries many activities, as the sales director. It deletes the customers it merges: run it
// on a copy of a bench database (or an empty file it fills). Not a test: run by hand,
//   build/release/bench/crm_merge_bench --database /tmp/merge.sqlite --customers 100000 --activities 10000
#include "bench/Scenario.h"
#include "core/demo/DemoGenerator.h"
#include "core/services/CustomerMerge.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace crm;

namespace {

Timing summarize(const QString &name, QVector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double p) { return ms.isEmpty() ? 0.0 : ms[std::min<qsizetype>(ms.size() - 1, qsizetype(p * ms.size()))]; };
    Timing t;
    t.name = name;
    t.runs = int(ms.size());
    t.p50 = at(0.50);
    t.p95 = at(0.95);
    t.p99 = at(0.99);
    t.max = ms.isEmpty() ? 0 : ms.last();
    return t;
}

Result<double> timedMerge(Database &db, const Actor &actor, qint64 survivor, qint64 duplicate)
{
    CustomerMergeRequest r;
    r.survivorId = survivor;
    r.duplicateId = duplicate;
    QElapsedTimer timer;
    timer.start();
    auto merged = CustomerMerge(db).merge(actor, r);
    if (!merged)
        return merged.error();
    return timer.nsecsElapsed() / 1e6;
}

// A new pair of the director's; the duplicate gets `activities` activities in one INSERT ... SELECT.
Result<std::pair<qint64, qint64>> heavyPair(Database &db, const Actor &actor, int activities, int n)
{
    CustomerService svc(db);
    Customer c;
    c.name = QStringLiteral("合并基准客户 %1").arg(n);
    auto a = svc.create(actor, c);
    if (!a)
        return a.error();
    c.name += QStringLiteral("（重复）");
    auto b = svc.create(actor, c);
    if (!b)
        return b.error();
    QSqlQuery q = db.prepare(QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)"
        " INSERT INTO activities (customer_id, user_id, kind, subject, occurred_at, created_at)"
        " SELECT CAST(:c AS BIGINT), CAST(:u AS BIGINT), 'call', 'bench', CAST(:t AS BIGINT) - i * 60000, CAST(:t AS BIGINT) FROM n"));
    q.bindValue(QStringLiteral(":count"), activities);
    q.bindValue(QStringLiteral(":c"), b->id);
    q.bindValue(QStringLiteral(":u"), actor.userId);
    q.bindValue(QStringLiteral(":t"), db.clock().nowMs());
    if (Status st = db.exec(q); !st)
        return st.error();
    return std::pair{a->id, b->id};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CRM customer merge benchmark (deletes the customers it merges)"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"), QStringLiteral("SQLite path or postgresql:// URL"), QStringLiteral("location")});
    parser.addOption({QStringLiteral("customers"), QStringLiteral("Customers to generate into an empty database"),
                      QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("pairs"), QStringLiteral("Demo pairs to merge"), QStringLiteral("n"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("activities"), QStringLiteral("Activities on each heavy duplicate"), QStringLiteral("n"),
                      QStringLiteral("10000")});
    parser.addOption({QStringLiteral("heavy"), QStringLiteral("Heavy pairs to merge"), QStringLiteral("n"), QStringLiteral("5")});
    parser.process(app);
    QTextStream out(stdout);

    DatabaseOptions options;
    options.location = parser.value(QStringLiteral("database"));
    if (options.location.isEmpty()) {
        out << "--database is required\n";
        return 2;
    }
    auto db = Database::open(options);
    if (!db) {
        out << "cannot open: " << db.error().message << '\n';
        return 1;
    }
    {
        QSqlQuery q = (*db)->prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT id FROM customers LIMIT 1) x"));
        (void)(*db)->exec(q);
        q.next();
        const bool empty = q.value(0).toLongLong() == 0;
        q.finish();
        if (empty) {
            auto report = DemoGenerator(**db).generate(
                {parser.value(QStringLiteral("customers")).toLongLong(), 5, QStringLiteral("Bench-pass-2026")});
            if (!report) {
                out << "demo data failed: " << report.error().message << '\n';
                return 1;
            }
            out << "generated " << report->customers << " customers, " << report->activities << " activities\n";
        }
    }
    if (Status st = (*db)->execSql(QStringLiteral("ANALYZE")); !st) {
        out << "ANALYZE failed: " << st.error().message << '\n';
        return 1;
    }
    auto context = BenchContext::load(**db);
    if (!context) {
        out << context.error().message << '\n';
        return 1;
    }
    const Actor &director = context->director;

    // Demo pairs: neighbouring ids from the newest owned customers (the director does not see the pool).
    const int pairs = parser.value(QStringLiteral("pairs")).toInt();
    QSqlQuery q = (*db)->prepare(QStringLiteral("SELECT id FROM customers WHERE owner_id IS NOT NULL ORDER BY id DESC LIMIT :n"));
    q.bindValue(QStringLiteral(":n"), pairs * 2);
    if (Status st = (*db)->exec(q); !st) {
        out << st.error().message << '\n';
        return 1;
    }
    QVector<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    q.finish();
    QVector<double> light;
    for (int i = 0; i + 1 < ids.size(); i += 2) {
        auto ms = timedMerge(**db, director, ids[i + 1], ids[i]);
        if (!ms) {
            out << "merge failed: " << ms.error().message << '\n';
            return 1;
        }
        light << *ms;
    }

    const int activities = parser.value(QStringLiteral("activities")).toInt();
    QVector<double> heavy;
    for (int i = 0; i < parser.value(QStringLiteral("heavy")).toInt(); ++i) {
        auto pair = heavyPair(**db, director, activities, i);
        if (!pair) {
            out << "setup failed: " << pair.error().message << '\n';
            return 1;
        }
        auto ms = timedMerge(**db, director, pair->first, pair->second);
        if (!ms) {
            out << "merge failed: " << ms.error().message << '\n';
            return 1;
        }
        heavy << *ms;
    }

    out << Timing::header() << '\n';
    out << summarize(QStringLiteral("merge a demo pair (director)"), light).row() << '\n';
    out << summarize(QStringLiteral("merge, duplicate with %1 activities (director)").arg(activities), heavy).row() << '\n';
    return 0;
}
