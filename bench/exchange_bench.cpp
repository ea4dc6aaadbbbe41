// Import/export benchmark at production size (not a test; figures go in issue notes):
//   crm_exchange_bench --database /tmp/rep-1m.sqlite [--customers 1000000] [--dir /tmp/rep-bench]
//                      [--import-database postgresql://...]
// Uses a database with the demo company (generated when it has no customers, as `crm demo` does),
// exports every customer to CSV, XLSX and JSON and every activity to CSV, then imports the customer
// CSV with duplicate checks on into an empty database (every row new) and again into that database
// (every row a duplicate), and without checks into an empty database (see bench/README.md), and the
// activity CSV into that last database (the same customers under the same ids) as a user of it, once
// creating and once again skipping every row as a duplicate. Each phase reports its time, rows per
// second and peak memory (VmHWM from /proc/self/status; each phase runs in a process of its own).
#include "core/demo/DemoGenerator.h"
#include "core/security/Actor.h"
#include "core/storage/Database.h"
#include "reports/Progress.h"
#include "core/services/OrgService.h"
#include "reports/export/ActivityExporter.h"
#include "reports/export/CustomerExporter.h"
#include "reports/import/ActivityImporter.h"
#include "reports/import/CustomerImporter.h"
#include "reports/table/TableFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

using namespace crm;

namespace {

long statusKiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').value(0).toLong();
    return -1;
}


struct Phase
{
    QString name;
    qint64 rows = 0;
    qint64 ms = 0;
    long peakMiB = 0; // VmHWM: every resident page, the database's memory-mapped file included
    long anonMiB = 0; // the largest RssAnon sampled at each progress report: the process's own memory
};

long g_anonPeakKiB = 0;
void sampleAnon(const TaskProgress &)
{
    g_anonPeakKiB = std::max(g_anonPeakKiB, statusKiB("RssAnon:"));
}

QTextStream out(stdout);

void print(const Phase &p)
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(p.name, -36)
               .arg(p.rows, 9)
               .arg(QString::number(p.ms / 1000.0, 'f', 2), 8)
               .arg(p.ms > 0 ? qint64(double(p.rows) * 1000.0 / double(p.ms)) : 0, 10)
               .arg(p.peakMiB, 8)
               .arg(std::max(g_anonPeakKiB, statusKiB("RssAnon:")) / 1024, 8);
    out.flush();
}

Result<std::unique_ptr<Database>> openDb(const QString &location)
{
    DatabaseOptions options;
    options.location = location;
    options.durable = false; // as the desktop runs SQLite (synchronous=NORMAL)
    return Database::open(options);
}

int runPhase(const QString &phase, const QString &location, const QString &dir, QString target, const QString &sort)
{
    const Actor system = Actor::system();
    const QString csv = QDir(dir).filePath(QStringLiteral("customers.csv"));
    if (phase.startsWith(QLatin1String("export-")) && phase != QLatin1String("export-activities")) {
        auto opened = openDb(location);
        if (!opened)
            return 1;
        const QString suffix = phase.mid(7);
        const QString path = QDir(dir).filePath(QStringLiteral("customers.") + suffix);
        CustomerExportOptions options;
        options.format = CustomerExporter::formatFromName(suffix).value();
        options.progress = sampleAnon;
        // newest + ascending: the order customers were added (the table's own order); last-contact: the
        // list's default order, through its index.
        options.filter.sort = sort == QLatin1String("last-contact") ? CustomerSort::LastContact : CustomerSort::Newest;
        options.filter.ascending = sort != QLatin1String("last-contact");
        QElapsedTimer t;
        t.start();
        auto r = CustomerExporter(**opened).exportTo(system, path, options);
        if (!r) {
            out << "export failed: " << r.error().message << '\n';
            return 1;
        }
        print({QStringLiteral("export ") + suffix + QStringLiteral(" by ") + sort + QStringLiteral(" (") + QString::number(QFileInfo(path).size() / 1'000'000) +
                   QStringLiteral(" MB)"),
               r->rows, t.elapsed(), statusKiB("VmHWM:") / 1024});
        return 0;
    }
    const QString activitiesCsv = QDir(dir).filePath(QStringLiteral("activities.csv"));
    if (phase == QLatin1String("export-activities")) {
        auto opened = openDb(location);
        if (!opened)
            return 1;
        ActivityExportOptions options;
        options.progress = sampleAnon;
        QElapsedTimer t;
        t.start();
        auto r = ActivityExporter(**opened).exportTo(system, activitiesCsv, options);
        if (!r) {
            out << "export failed: " << r.error().message << '\n';
            return 1;
        }
        print({QStringLiteral("export activities csv (") + QString::number(QFileInfo(activitiesCsv).size() / 1'000'000) +
                   QStringLiteral(" MB)"),
               r->rows, t.elapsed(), statusKiB("VmHWM:") / 1024});
        return 0;
    }
    if (phase.startsWith(QLatin1String("import-activities-"))) {
        // Into the database import-create filled: its customers have the demo's ids and names.
        auto importDb = openDb(target.isEmpty() ? QDir(dir).filePath(QStringLiteral("import.sqlite")) : target);
        if (!importDb) {
            out << "cannot open the import database: " << importDb.error().message << '\n';
            return 1;
        }
        OrgService org(**importDb);
        auto user = org.userByName(QStringLiteral("bench"));
        if (!user) {
            NewUser input;
            input.username = QStringLiteral("bench");
            input.displayName = QStringLiteral("Bench");
            input.password = QStringLiteral("Bench-pass-2026");
            input.roleName = QStringLiteral("administrator");
            user = org.createUser(system, input);
        }
        auto actor = user ? org.actorFor(user->id, QStringLiteral("cli")) : Result<Actor>(user.error());
        if (!actor) {
            out << "no importing user: " << actor.error().message << '\n';
            return 1;
        }
        auto source = TableFile::open(activitiesCsv);
        if (!source) {
            out << source.error().message << '\n';
            return 1;
        }
        EntityImportOptions options;
        options.errorReportPath = ImportErrorReport::pathFor(activitiesCsv);
        options.onDuplicate = phase.endsWith(QLatin1String("-create")) ? DuplicatePolicy::Create : DuplicatePolicy::Skip;
        options.progress = sampleAnon;
        QElapsedTimer t;
        t.start();
        auto r = ActivityImporter(**importDb).run(*actor, **source, options);
        if (!r) {
            out << "import failed: " << r.error().message << '\n';
            return 1;
        }
        print({QStringLiteral("import activities csv (") + phase.mid(18) + QStringLiteral(")"), r->rows, t.elapsed(),
               statusKiB("VmHWM:") / 1024});
        out << "  created " << r->created << ", skipped " << r->skipped << ", invalid " << r->invalid << ", committed "
            << (r->committed ? "yes" : "no") << '\n';
        return 0;
    }
    // import-checked and import-create import into a new database; import-skip imports the file
    // again into the one import-checked filled, where every row is a stored customer's duplicate.
    if (target.isEmpty()) {
        target = QDir(dir).filePath(QStringLiteral("import.sqlite"));
        if (phase != QLatin1String("import-skip"))
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(target + QLatin1String(suffix));
    }
    auto importDb = openDb(target);
    if (!importDb) {
        out << "cannot open the import database: " << importDb.error().message << '\n';
        return 1;
    }
    auto source = TableFile::open(csv);
    if (!source) {
        out << source.error().message << '\n';
        return 1;
    }
    CustomerImportOptions options;
    options.errorReportPath = ImportErrorReport::pathFor(csv);
    options.onDuplicate = phase == QLatin1String("import-create") ? DuplicatePolicy::Create : DuplicatePolicy::Skip;
    options.progress = sampleAnon;
    QElapsedTimer t;
    t.start();
    auto r = CustomerImporter(**importDb).run(system, **source, options);
    if (!r) {
        out << "import failed: " << r.error().message << '\n';
        return 1;
    }
    const QString label = phase == QLatin1String("import-checked") ? QStringLiteral("import csv (checked, all new)")
        : phase == QLatin1String("import-skip")                      ? QStringLiteral("import csv (checked, all stored)")
                                                                     : QStringLiteral("import csv (unchecked, created)");
    print({label, r->rows, t.elapsed(), statusKiB("VmHWM:") / 1024});
    out << "  created " << r->created << ", skipped " << r->skipped << ", invalid " << r->invalid << ", committed "
        << (r->committed ? "yes" : "no") << '\n';
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"), QStringLiteral("Database with (or for) the demo company"), QStringLiteral("location")});
    parser.addOption({QStringLiteral("customers"), QStringLiteral("Customers to generate into an empty database"), QStringLiteral("n"),
                      QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the exported files and the import database"),
                      QStringLiteral("dir"), QDir::temp().filePath(QStringLiteral("crm-exchange-bench"))});
    parser.addOption({QStringLiteral("import-database"), QStringLiteral("Empty database to import into (default: a new SQLite file in --dir)"),
                      QStringLiteral("location")});
    parser.addOption({QStringLiteral("phase"), QStringLiteral("Run one phase only: export-csv, export-xlsx, export-json,"
                                                              " export-activities, import-checked, import-skip (after"
                                                              " import-checked), import-create, import-activities-create,"
                                                              " import-activities-skip (after import-create)"),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("sort"), QStringLiteral("Export order: added (default) or last-contact"), QStringLiteral("order"),
                      QStringLiteral("added")});
    parser.process(app);
    const QString dir = parser.value(QStringLiteral("dir"));
    QDir().mkpath(dir);

    auto opened = openDb(parser.value(QStringLiteral("database")));
    if (!opened) {
        out << "cannot open: " << opened.error().message << '\n';
        return 1;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    {
        QSqlQuery q = db->prepare(QStringLiteral("SELECT COUNT(*) FROM customers"));
        (void)db->exec(q);
        q.next();
        const qint64 existing = q.value(0).toLongLong();
        q.finish();
        if (existing == 0) {
            QElapsedTimer t;
            t.start();
            auto demo = DemoGenerator(*db).generate({parser.value(QStringLiteral("customers")).toLongLong(), 5, QStringLiteral("Bench-pass-2026")});
            if (!demo) {
                out << "demo failed: " << demo.error().message << '\n';
                return 1;
            }
            out << "generated " << demo->customers << " customers in " << t.elapsed() << " ms\n";
        }
    }
    db.reset();
    const QString phase = parser.value(QStringLiteral("phase"));
    if (phase.isEmpty()) {
        // Each phase in a process of its own, so its peak memory is its own (not the demo loader's).
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg(QStringLiteral("phase"), -36).arg(QStringLiteral("rows"), 9)
                   .arg(QStringLiteral("s"), 8).arg(QStringLiteral("rows/s"), 10).arg(QStringLiteral("VmHWM MiB"), 8)
                   .arg(QStringLiteral("anon MiB"), 8);
        out.flush();
        for (const char *name : {"export-csv", "export-xlsx", "export-json", "export-activities", "import-checked", "import-skip", "import-create",
                                 "import-activities-create", "import-activities-skip"}) {
            QStringList args = app.arguments().mid(1);
            args << QStringLiteral("--phase") << QLatin1String(name);
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            child.start(app.applicationFilePath(), args);
            child.waitForFinished(-1);
            if (child.exitCode() != 0)
                return 1;
        }
        return 0;
    }
    return runPhase(phase, parser.value(QStringLiteral("database")), dir, parser.value(QStringLiteral("import-database")),
                    parser.value(QStringLiteral("sort")));
}
