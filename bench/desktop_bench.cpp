// Desktop benchmark (issue 4): on a demo database of a million customers, the time from process start
// to a usable main window (the customers table's first page painted), scrolling that table to its
// last row, and loading the pipeline board, in fresh processes, several runs, p50 and max.
//
//   build-rel/bench/crm_desktop_bench --database /tmp/desk1m.sqlite [--runs 5] [--user director]
//
// The parent prepares the database (the demo company when it has no customers; a pipeline
// "Bench board" holding --board-open open opportunities owned by one team) and starts itself once per
// run with --child on the offscreen platform (or the display at hand with --platform xcb under
// xvfb-run). A child is the `crm desktop --no-api --user U --password-stdin` path: the same Desktop,
// sign-in dialog and MainWindow, with a fresh settings folder (first start: the customers view).
// An application-wide event filter timestamps what is shown and painted; every time is measured from
// the moment the parent started the child (CLOCK_MONOTONIC is one clock for both processes), so
// loading the libraries counts.
#include "core/demo/DemoGenerator.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/PipelineService.h"
#include "core/storage/Database.h"
#include "ui/Desktop.h"
#include "ui/MainWindow.h"
#include "ui/customers/CustomerTableModel.h"
#include "ui/pipeline/PipelineBoardView.h"
#include "ui/pipeline/StageColumnModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QListView>
#include <QMap>
#include <QProcess>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>

using namespace crm;

namespace {

const QString kBoardName = QStringLiteral("Bench board");
const char *kT0Env = "CRM_DESKTOP_BENCH_T0_NS";

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

long vmHwmKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

// ---------------------------------------------------------------------------------------------
// Child: one start of the desktop, measured.

class Probe : public QObject
{
public:
    Probe(qint64 t0, qint64 boardPipelineId) : m_t0(t0), m_boardPipelineId(boardPipelineId)
    {
        m_timeout.setSingleShot(true);
        m_timeout.setInterval(180'000);
        connect(&m_timeout, &QTimer::timeout, this, [this] { fail(QStringLiteral("timed out in step ") + QString::number(m_step)); });
        m_timeout.start();
    }
    bool failed() const { return m_failed; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && watched->isWidgetType()) {
            const QString name = watched->objectName();
            if (name == QLatin1String("signInDialog") && !m_signInShown) {
                m_signInShown = now();
                report(QStringLiteral("signin_dialog_shown_ms"), m_signInShown);
            } else if (name == QLatin1String("mainWindow") && !m_window) {
                m_window = static_cast<MainWindow *>(watched);
                report(QStringLiteral("main_window_shown_ms"), now());
                attachCustomers();
            }
        } else if (event->type() == QEvent::Hide && watched->objectName() == QLatin1String("signInDialog") && !m_signedIn) {
            m_signedIn = now();
            // From the dialog's first show (the automatic sign-in starts there) to its close.
            report(QStringLiteral("signin_ms"), m_signedIn - m_signInShown);
        } else if (event->type() == QEvent::Paint && m_table && watched == m_table->viewport()) {
            // The filter runs before the paint: look once the paint is done.
            QTimer::singleShot(0, this, [this] { afterTablePaint(); });
        } else if (event->type() == QEvent::Paint && m_columnViewports.contains(watched)) {
            m_columnViewports[watched] = false;
            QTimer::singleShot(0, this, [this] { checkBoard(); });
        }
        return false;
    }

private:
    double now() const { return double(monotonicNs() - m_t0) / 1e6; }
    void report(const QString &name, double value)
    {
        std::printf("metric %s %.1f\n", qPrintable(name), value);
        std::fflush(stdout);
    }
    void fail(const QString &why)
    {
        m_failed = true;
        std::printf("error %s\n", qPrintable(why));
        std::fflush(stdout);
        QCoreApplication::exit(1);
        QApplication::closeAllWindows();
    }

    void attachCustomers()
    {
        m_table = m_window->findChild<QTableView *>(QStringLiteral("customerTable"));
        m_customers = m_table ? qobject_cast<CustomerTableModel *>(m_table->model()) : nullptr;
        if (!m_customers)
            return fail(QStringLiteral("no customer table"));
        m_step = 1; // waiting for the first page painted
    }

    void afterTablePaint()
    {
        if (m_step == 1 && m_customers->customerAt(0)) {
            const double t = now();
            report(QStringLiteral("start_to_first_page_ms"), t);
            report(QStringLiteral("start_without_signin_ms"), t - (m_signedIn - m_signInShown));
            m_step = 2;
            waitForCount();
        } else if (m_step == 3 && m_customers->rowCount() > 0 && m_customers->customerAt(m_customers->rowCount() - 1)) {
            report(QStringLiteral("scroll_to_end_ms"), now() - m_scrollStart);
            report(QStringLiteral("scroll_to_end_pages_read"), m_customers->fetchedPages() - m_pagesBefore);
            report(QStringLiteral("scroll_to_end_keyset_reads"), m_customers->keysetFetches() - m_keysetBefore);
            report(QStringLiteral("scroll_to_end_reversed_reads"), m_customers->reversedFetches() - m_reversedBefore);
            m_step = 4;
            QTimer::singleShot(0, this, [this] { jumpToMiddle(); });
        } else if (m_step == 8 && m_customers->customerAt(m_middle)) {
            report(QStringLiteral("jump_to_middle_ms"), now() - m_scrollStart);
            m_step = 4;
            QTimer::singleShot(0, this, [this] { showBoard(); });
        }
    }

    void waitForCount()
    {
        auto go = [this] {
            report(QStringLiteral("customer_count_known_ms"), now());
            report(QStringLiteral("customers_in_table"), m_customers->rowCount());
            scrollToEnd();
        };
        if (m_customers->isCountKnown())
            return go();
        connect(m_customers, &CustomerTableModel::countChanged, this, [this, go] {
            if (m_step == 2)
                go();
        });
    }

    // Ctrl+End in the table: the last row becomes current and is scrolled into view. A table without
    // a current row answers any cursor key with its first row, so the first row is chosen first (as
    // a click on it would).
    void scrollToEnd()
    {
        m_step = 3;
        m_table->setFocus();
        m_table->setCurrentIndex(m_customers->index(0, 0));
        m_pagesBefore = m_customers->fetchedPages();
        m_keysetBefore = m_customers->keysetFetches();
        m_reversedBefore = m_customers->reversedFetches();
        m_scrollStart = now();
        QKeyEvent press(QEvent::KeyPress, Qt::Key_End, Qt::ControlModifier);
        QCoreApplication::sendEvent(m_table, &press);
    }

    // The scroll bar dragged to the middle: a page with no loaded neighbour, as far from either end
    // as a page can be (an offset of half the table).
    void jumpToMiddle()
    {
        m_step = 8;
        m_middle = m_customers->rowCount() / 2;
        m_scrollStart = now();
        m_table->scrollTo(m_customers->index(m_middle, 0), QAbstractItemView::PositionAtCenter);
    }

    // The board was built with the main window (hidden, its first pages read then); showing it is
    // what a click on "Pipeline" costs. Then the bench pipeline, then the default one again: a full
    // load each (sums and first page of every column) until every visible column painted its cards.
    void showBoard()
    {
        m_board = m_window->findChild<PipelineBoardView *>();
        if (!m_board)
            return fail(QStringLiteral("no pipeline board (the user may not read opportunities)"));
        m_defaultPipelineId = m_board->pipelineId();
        startBoardStep(5, QStringLiteral("board_show_ms"), [this] { m_window->showView(QStringLiteral("pipeline")); });
    }

    void startBoardStep(int step, const QString &metric, const std::function<void()> &action)
    {
        m_step = step;
        m_boardMetric = metric;
        m_boardStart = now();
        m_columnViewports.clear();
        action();
        // Columns exist now (setPipeline rebuilds them synchronously); each must paint after loading.
        for (const QMetaObject::Connection &c : std::as_const(m_stepConnections))
            disconnect(c);
        m_stepConnections.clear();
        for (int i = 0; i < m_board->columnCount(); ++i) {
            QWidget *viewport = m_board->columnView(i)->viewport();
            m_columnViewports.insert(viewport, true);
            m_stepConnections << connect(m_board->columnModel(i), &StageColumnModel::pageLoaded, this, [this, viewport] {
                if (m_columnViewports.contains(viewport))
                    m_columnViewports[viewport] = true;
            });
        }
        m_stepConnections << connect(m_board, &PipelineBoardView::loaded, this, [this] { checkBoard(); });
        QTimer::singleShot(0, this, [this] { checkBoard(); });
    }

    void checkBoard()
    {
        if (m_step < 5 || m_step > 7 || !m_board || m_board->isLoading())
            return;
        // Done when every column a person can see has painted since its cards arrived.
        for (auto it = m_columnViewports.cbegin(); it != m_columnViewports.cend(); ++it) {
            auto *vp = static_cast<QWidget *>(it.key());
            if (it.value() && vp->isVisible() && !vp->visibleRegion().isEmpty())
                return;
        }
        report(m_boardMetric, now() - m_boardStart);
        qint64 cards = 0, stageTotal = 0, openTotal = 0;
        for (int i = 0; i < m_board->columnCount(); ++i)
            cards += m_board->columnModel(i)->rowCount();
        for (const StageSummary &s : m_board->summary().stages) {
            stageTotal += s.count;
            if (s.stage.kind == QLatin1String("open"))
                openTotal += s.count;
        }
        report(m_boardMetric.chopped(3) + QStringLiteral("_cards_loaded"), cards);
        report(m_boardMetric.chopped(3) + QStringLiteral("_open_in_scope"), openTotal);
        report(m_boardMetric.chopped(3) + QStringLiteral("_columns"), m_board->columnCount());
        const int step = m_step;
        m_step = 0; // until the next step starts
        QTimer::singleShot(0, this, [this, step] {
            if (step == 5)
                startBoardStep(6, QStringLiteral("board_bench_pipeline_ms"), [this] { m_board->setPipeline(m_boardPipelineId); });
            else if (step == 6)
                startBoardStep(7, QStringLiteral("board_default_pipeline_ms"), [this] { m_board->setPipeline(m_defaultPipelineId); });
            else
                finish();
        });
    }

    void finish()
    {
        m_timeout.stop();
        report(QStringLiteral("vmhwm_mib"), double(vmHwmKiB()) / 1024.0);
        QApplication::closeAllWindows(); // the main window's exec() returns; Desktop::run ends
        QCoreApplication::quit();
    }

    qint64 m_t0;
    qint64 m_boardPipelineId;
    QTimer m_timeout;
    bool m_failed = false;
    int m_step = 0;
    double m_signInShown = 0, m_signedIn = 0, m_scrollStart = 0, m_boardStart = 0;
    MainWindow *m_window = nullptr;
    QTableView *m_table = nullptr;
    CustomerTableModel *m_customers = nullptr;
    int m_pagesBefore = 0, m_keysetBefore = 0, m_reversedBefore = 0;
    int m_middle = 0;
    PipelineBoardView *m_board = nullptr;
    qint64 m_defaultPipelineId = 0;
    QString m_boardMetric;
    QHash<QObject *, bool> m_columnViewports; // viewport -> cards arrived and not painted yet
    QList<QMetaObject::Connection> m_stepConnections;
};

int childMain(int argc, char **argv)
{
    const qint64 t0 = qEnvironmentVariable(kT0Env).toLongLong();
    QCoreApplication::setApplicationName(QStringLiteral("crm"));
    QApplication app(argc, argv);
    std::printf("metric qapplication_ms %.1f\n", double(monotonicNs() - t0) / 1e6);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("child"), QString()});
    parser.addOption({QStringLiteral("database"), QString(), QStringLiteral("location")});
    parser.addOption({QStringLiteral("user"), QString(), QStringLiteral("name")});
    parser.addOption({QStringLiteral("board-pipeline"), QString(), QStringLiteral("id")});
    parser.process(app);
    std::string password; // from stdin, as crm desktop --password-stdin reads it
    std::getline(std::cin, password);

    Probe probe(t0, parser.value(QStringLiteral("board-pipeline")).toLongLong());
    app.installEventFilter(&probe);
    DesktopOptions options;
    options.embeddedFile = parser.value(QStringLiteral("database"));
    options.location = options.embeddedFile;
    options.autoUser = parser.value(QStringLiteral("user"));
    options.autoPassword = QString::fromStdString(password);
    Desktop desktop(options, nullptr); // no embedded API server: crm desktop --no-api
    desktop.run();
    return probe.failed() ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Parent: the database, the runs, the table.

// The bench pipeline: four open stages, won and lost, `open` open opportunities spread over the
// open stages, on customers of one team (so the team lead's scope holds them all, as the director's
// does). Created once through the core services in one transaction; reused when present.
Result<qint64> ensureBoard(Database &db, int open, QTextStream &out)
{
    const Actor system = Actor::system();
    auto pipelines = PipelineService(db).list(system);
    if (!pipelines)
        return pipelines.error();
    for (const Pipeline &p : *pipelines)
        if (p.name == kBoardName)
            return p.id;
    QElapsedTimer timer;
    timer.start();
    QVector<Stage> stages;
    const std::pair<const char *, int> open4[] = {{"Qualify", 10}, {"Propose", 30}, {"Negotiate", 60}, {"Commit", 80}};
    for (const auto &[name, probability] : open4)
        stages.append(Stage{0, 0, QString::fromLatin1(name), 0, probability, QStringLiteral("open")});
    stages.append(Stage{0, 0, QStringLiteral("Won"), 0, 100, QStringLiteral("won")});
    stages.append(Stage{0, 0, QStringLiteral("Lost"), 0, 0, QStringLiteral("lost")});
    // One team's customers: rep001's lead sees every card, so does the director.
    QSqlQuery q = db.prepare(QStringLiteral(
        "SELECT c.id FROM customers c JOIN users r ON r.id = c.owner_id"
        " WHERE r.manager_id = (SELECT manager_id FROM users WHERE username = 'rep001') ORDER BY c.id LIMIT :n"));
    q.bindValue(QStringLiteral(":n"), open);
    if (Status st = db.exec(q); !st)
        return st.error();
    QVector<qint64> customers;
    while (q.next())
        customers << q.value(0).toLongLong();
    q.finish();
    if (customers.isEmpty())
        return Error::internal(QStringLiteral("no customers owned by rep001's team: not the demo company"));
    auto created = db.write([&]() -> Result<qint64> {
        auto pipeline = PipelineService(db).create(system, kBoardName, stages);
        if (!pipeline)
            return pipeline.error();
        OpportunityService svc(db);
        for (int i = 0; i < open; ++i) {
            Opportunity o;
            o.customerId = customers[i % customers.size()];
            o.stageId = pipeline->stages[i % 4].id;
            o.name = QStringLiteral("Bench deal %1").arg(i + 1);
            o.amountMinor = 100'000 + qint64(i % 97) * 12'345;
            o.expectedCloseDate = QDate::currentDate().addDays(i % 120);
            if (auto r = svc.create(system, o); !r)
                return r.error();
        }
        return pipeline->id;
    });
    if (created)
        out << "created pipeline \"" << kBoardName << "\" with " << open << " open opportunities in " << timer.elapsed() << " ms\n";
    return created;
}

struct Stats
{
    QVector<double> values;
    double p50() const
    {
        QVector<double> v = values;
        std::sort(v.begin(), v.end());
        return v.isEmpty() ? 0 : v[(v.size() - 1) / 2];
    }
    double max() const { return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end()); }
};

int parentMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CRM desktop benchmark: start, scroll to the end, pipeline board"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"), QStringLiteral("SQLite path or postgresql:// URL"), QStringLiteral("location")});
    parser.addOption({QStringLiteral("customers"), QStringLiteral("Customers to generate into an empty database"),
                      QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("password"), QStringLiteral("Password of the demo users"), QStringLiteral("p"),
                      QStringLiteral("Bench-pass-2026")});
    parser.addOption({QStringLiteral("user"), QStringLiteral("Who signs in"), QStringLiteral("name"), QStringLiteral("director")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Processes started"), QStringLiteral("n"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("board-open"), QStringLiteral("Open opportunities in the bench pipeline"), QStringLiteral("n"),
                      QStringLiteral("5000")});
    parser.addOption({QStringLiteral("platform"), QStringLiteral("QPA platform of the runs"), QStringLiteral("name"),
                      QStringLiteral("offscreen")});
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Echo every run's figures")});
    parser.process(app);
    QTextStream out(stdout);
    const QString location = parser.value(QStringLiteral("database"));
    if (location.isEmpty()) {
        out << "--database is required\n";
        return 2;
    }
    out << "load average at start: " << loadAverage() << '\n';
    qint64 boardId = 0;
    {
        DatabaseOptions options;
        options.location = location;
        auto db = Database::open(options);
        if (!db) {
            out << "cannot open: " << db.error().message << '\n';
            return 1;
        }
        QSqlQuery q = (*db)->prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT id FROM customers LIMIT 1) x"));
        (void)(*db)->exec(q);
        q.next();
        const bool empty = q.value(0).toLongLong() == 0;
        q.finish();
        if (empty) {
            QElapsedTimer timer;
            timer.start();
            auto report = DemoGenerator(**db).generate(
                {parser.value(QStringLiteral("customers")).toLongLong(), 5, parser.value(QStringLiteral("password"))});
            if (!report) {
                out << "demo data failed: " << report.error().message << '\n';
                return 1;
            }
            out << "generated " << report->customers << " customers, " << report->opportunities << " opportunities in "
                << timer.elapsed() << " ms\n";
        }
        auto board = ensureBoard(**db, parser.value(QStringLiteral("board-open")).toInt(), out);
        if (!board) {
            out << "bench pipeline: " << board.error().message << '\n';
            return 1;
        }
        boardId = *board;
    }
    out.flush();

    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QMap<QString, Stats> stats;
    QStringList order;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir config; // a first start: no saved view, geometry or columns
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), parser.value(QStringLiteral("platform")));
        env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        env.insert(QString::fromLatin1(kT0Env), QString::number(monotonicNs()));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--child"), QStringLiteral("--database"), location, QStringLiteral("--user"),
                     parser.value(QStringLiteral("user")), QStringLiteral("--board-pipeline"), QString::number(boardId)});
        child.write(parser.value(QStringLiteral("password")).toUtf8() + '\n');
        child.closeWriteChannel();
        if (!child.waitForFinished(240'000)) {
            child.kill();
            child.waitForFinished();
            out << "run " << run + 1 << ": did not finish\n";
            return 1;
        }
        bool ok = child.exitCode() == 0;
        for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> parts = line.trimmed().split(' ');
            if (parts.value(0) == "error") {
                out << "run " << run + 1 << ": " << line << '\n';
                ok = false;
            }
            if (parts.size() != 3 || parts[0] != "metric")
                continue;
            const QString name = QString::fromLatin1(parts[1]);
            if (!order.contains(name))
                order << name;
            stats[name].values << parts[2].toDouble();
            if (parser.isSet(QStringLiteral("verbose")))
                out << "run " << run + 1 << ' ' << name << ' ' << parts[2] << '\n';
        }
        if (!ok) {
            out << "run " << run + 1 << " failed (exit " << child.exitCode() << ")\n"
                << child.readAllStandardError().right(2000) << '\n';
            return 1;
        }
        out.flush();
    }
    out << "\n" << qSetFieldWidth(40) << Qt::left << "figure" << qSetFieldWidth(10) << Qt::right << "p50" << "max"
        << qSetFieldWidth(0) << "   (" << runs << " runs; ms unless named otherwise)\n";
    for (const QString &name : order)
        out << qSetFieldWidth(40) << Qt::left << name << qSetFieldWidth(10) << Qt::right << QString::number(stats[name].p50(), 'f', 1)
            << QString::number(stats[name].max(), 'f', 1) << qSetFieldWidth(0) << '\n';
    out << "load average at end: " << loadAverage() << '\n';
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--child") == 0)
            return childMain(argc, argv);
    return parentMain(argc, argv);
}
