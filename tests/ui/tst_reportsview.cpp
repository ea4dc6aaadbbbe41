// The Reports view on a signed-in session over a real store: the preview shows the figures of the
// user's scope (a deal of another team never counts), narrowing to one rep, an out-of-scope owner
// refused, the previewed report saved as PDF (read back with pdftotext) and XLSX, and the view only
// for those who may export reports.
#include "core/services/CustomerService.h"
#include "core/services/OrgService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/MainWindow.h"
#include "ui/reports/ReportsView.h"

#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace crm;

class TestReportsView : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_li, m_wang;
    QTemporaryDir m_dir;

    void wonDeal(const Actor &owner, const QString &customerName, qint64 amountMinor)
    {
        Database &db = *m_store->db;
        Customer c;
        c.name = customerName;
        auto customer = CustomerService(db).create(owner, c);
        QVERIFY(customer);
        qint64 first = 0, won = 0;
        const QVector<Pipeline> pipelines = PipelineService(db).list(owner).value();
        for (const Pipeline &p : pipelines)
            if (p.isDefault)
                for (const Stage &s : p.stages) {
                    if (!first)
                        first = s.id;
                    if (s.kind == QLatin1String("won"))
                        won = s.id;
                }
        QVERIFY(first && won);
        Opportunity o;
        o.customerId = customer->id;
        o.name = customerName + QStringLiteral(" deal");
        o.amountMinor = amountMinor;
        o.stageId = first;
        auto created = OpportunityService(db).create(owner, o);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        QVERIFY(OpportunityService(db).moveStage(owner, created->id, won));
    }

    static bool previewed(ReportsView &view)
    {
        view.preview();
        return QTest::qWaitFor([&] { return !view.isBusy(); }, 60000);
    }

    static qint64 wonAmount(const ReportsView &view)
    {
        return view.report() ? view.report()->figures.at(1).value.toLongLong() : -1; // deals, amount, ...
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(*m_store->db);
        wonDeal(m_team.wang, QStringLiteral("星河科技"), 123'456);
        wonDeal(m_team.qian, QStringLiteral("岭南贸易"), 77'700); // sun's team: not li's to see
        m_li = test::signedInSession(m_store->location, QStringLiteral("li"));
        m_wang = test::signedInSession(m_store->location, QStringLiteral("wang"));
    }

    void previewShowsTheScope()
    {
        ReportsView view(*m_li);
        view.setReport(QStringLiteral("sales"));
        view.setPeriod(QStringLiteral("30d"));
        QVERIFY(previewed(view));
        QVERIFY2(view.report(), qPrintable(view.statusText()));
        QCOMPARE(view.report()->name, QStringLiteral("sales"));
        QCOMPARE(wonAmount(view), 123'456);
        QVERIFY(!view.pages().isEmpty());
        QVERIFY(view.pages().first().width() > 700);
        QVERIFY(view.statusText().contains(view.report()->title));

        // One rep of the team: zhao won nothing.
        view.setOwner(m_team.zhao.userId);
        QVERIFY(previewed(view));
        QCOMPARE(wonAmount(view), 0);
        // Someone outside the scope is refused, and nothing stays to be saved.
        view.setOwner(m_team.qian.userId);
        QVERIFY(previewed(view));
        QVERIFY(!view.report());
        QVERIFY(view.pages().isEmpty());
        QVERIFY(!view.statusText().isEmpty());
    }

    void savesThePreviewedReport()
    {
        ReportsView view(*m_li);
        view.setReport(QStringLiteral("sales"));
        view.setCustomPeriod(QDate::currentDate().addDays(-6), QDate::currentDate());
        QVERIFY(previewed(view));
        QCOMPARE(view.report()->periodStart, QDate::currentDate().addDays(-6));

        QString savedPath;
        bool ok = false;
        connect(&view, &ReportsView::saved, this, [&](const QString &path, bool success) {
            savedPath = path;
            ok = success;
        });
        const QString pdf = m_dir.filePath(QStringLiteral("sales.pdf"));
        view.saveAs(pdf, true);
        QVERIFY(QTest::qWaitFor([&] { return savedPath == pdf; }, 30000));
        QVERIFY(ok);
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("1,234.56")), qPrintable(out.left(2000)));
        QVERIFY(!out.contains(QStringLiteral("777.00")));

        const QString xlsx = m_dir.filePath(QStringLiteral("sales.xlsx"));
        view.saveAs(xlsx, false);
        QVERIFY(QTest::qWaitFor([&] { return savedPath == xlsx; }, 30000));
        QVERIFY(ok);
        QFile f(xlsx);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(2), QByteArray("PK")); // a zip: the workbook

        // An unwritable place says so.
        const QString bad = QStringLiteral("/nonexistent/folder/r.pdf");
        view.saveAs(bad, true);
        QVERIFY(QTest::qWaitFor([&] { return savedPath == bad; }, 30000));
        QVERIFY(!ok);
        QVERIFY(!view.isBusy());
    }

    // Reps may read reports but not export them: no Reports view for them.
    void onlyThoseWhoMayExportGetTheView()
    {
        MainWindow li(*m_li, nullptr);
        QVERIFY(li.viewIds().contains(QStringLiteral("reports")));
        QVERIFY(qobject_cast<ReportsView *>(li.view(QStringLiteral("reports"))));
        MainWindow wang(*m_wang, nullptr);
        QVERIFY(!wang.viewIds().contains(QStringLiteral("reports")));
    }

    // An administrator takes report.export away from a role: the signed-in user's window drops the
    // Reports view at once (the change feed refreshes the actor; here the refresh is asked for, since
    // the test's own connection does not publish to the session's feed), and gets it back.
    void permissionChangesRebuildTheViews()
    {
        OrgService org(*m_store->db);
        QStringList permissions = Permission::managerDefaults();
        auto role = org.createRole(m_team.admin, QStringLiteral("analyst"), DataScope::OwnAndSubordinates, permissions);
        QVERIFY(role);
        QVERIFY(org.setRole(m_team.admin, m_team.sun.userId, role->id));
        auto sun = test::signedInSession(m_store->location, QStringLiteral("sun"));
        MainWindow window(*sun, nullptr);
        QVERIFY(window.viewIds().contains(QStringLiteral("reports")));
        window.showView(QStringLiteral("customers"));

        permissions.removeAll(Permission::ReportExport);
        QVERIFY(org.updateRole(m_team.admin, role->id, DataScope::OwnAndSubordinates, permissions));
        sun->refreshActor();
        QVERIFY(QTest::qWaitFor([&] { return !window.viewIds().contains(QStringLiteral("reports")); }, 20000));
        QCOMPARE(window.currentViewId(), QStringLiteral("customers")); // where the user was
        QVERIFY(window.viewIds().contains(QStringLiteral("dashboard")));

        permissions << Permission::ReportExport;
        QVERIFY(org.updateRole(m_team.admin, role->id, DataScope::OwnAndSubordinates, permissions));
        sun->refreshActor();
        QVERIFY(QTest::qWaitFor([&] { return window.viewIds().contains(QStringLiteral("reports")); }, 20000));
    }
};

QTEST_MAIN(TestReportsView)
#include "tst_reportsview.moc"
