// Benchmark at production size: fills an empty database with the demo company (timed), then runs the
// queries the desktop and the API run most and prints p50/p95/p99 per query. Not a test: run by hand,
//   build/release/bench/crm_bench --database /tmp/bench.sqlite --customers 1000000
//   build/release/bench/crm_bench --database 'postgresql://postgres@/crm_bench?host=/tmp/pg'
#include "bench/Scenario.h"
#include "core/demo/DemoGenerator.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <sys/resource.h>

using namespace crm;

namespace {

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CRM query benchmark"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"), QStringLiteral("SQLite path or postgresql:// URL"), QStringLiteral("location")});
    parser.addOption({QStringLiteral("customers"), QStringLiteral("Customers to generate into an empty database"),
                      QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("iterations"), QStringLiteral("Runs per query"), QStringLiteral("n"), QStringLiteral("200")});
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
    const QString password = QStringLiteral("Bench-pass-2026");
    {
        QSqlQuery q = (*db)->prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT id FROM customers LIMIT 1) x"));
        (void)(*db)->exec(q);
        q.next();
        const bool empty = q.value(0).toLongLong() == 0;
        q.finish(); // an open statement would keep SQLite from dropping the generator's scratch tables
        if (empty) {
            QElapsedTimer timer;
            timer.start();
            auto report = DemoGenerator(**db).generate({parser.value(QStringLiteral("customers")).toLongLong(), 5, password});
            if (!report) {
                out << "demo data failed: " << report.error().message << '\n';
                return 1;
            }
            out << "generated " << report->customers << " customers, " << report->activities << " activities, "
                << report->opportunities << " opportunities, " << report->tasks << " tasks in " << timer.elapsed() << " ms (steps";
            for (const auto &[name, ms] : std::as_const(report->steps))
                out << ' ' << name << ' ' << ms;
            out << ")\n";
        }
    }
    // Planner statistics, as a production database would have them.
    if (Status st = (*db)->execSql(QStringLiteral("ANALYZE")); !st) {
        out << "ANALYZE failed: " << st.error().message << '\n';
        return 1;
    }
    auto context = BenchContext::load(**db);
    if (!context) {
        out << context.error().message << '\n';
        return 1;
    }

    const int iterations = parser.value(QStringLiteral("iterations")).toInt();
    out << Timing::header() << '\n';
    for (const Scenario &s : Scenario::all()) {
        auto result = s.run(**db, *context, iterations);
        if (!result) {
            out << s.name << ": " << result.error().message << '\n';
            return 1;
        }
        out << result->row() << '\n';
        out.flush();
    }
    out << "peak RSS " << peakRssMiB() << " MiB\n";
    return 0;
}
