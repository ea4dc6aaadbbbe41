// Company settings on the Settings view over a real store: the follow-up reminder default and the
// pipeline's stages (add, rename, probability, reorder, remove) written through the services by an
// administrator, refused for a manager, and a stage still holding opportunities kept with a reason.
#include "core/services/CustomerService.h"
#include "core/services/FollowUpService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/settings/CompanySettingsPanel.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace crm;

class TestCompanySettings : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;

    static bool answer(CompanySettingsPanel &panel, std::function<void()> action)
    {
        QSignalSpy changed(&panel, &CompanySettingsPanel::changed);
        QSignalSpy loaded(&panel, &CompanySettingsPanel::loaded);
        action();
        if (!changed.wait(20000))
            qFatal("no answer");
        const bool ok = changed.last().first().toBool();
        if (ok && !loaded.wait(20000)) // the change feed reloads the panel
            qFatal("no reload");
        return ok;
    }

    QStringList stageNames()
    {
        QStringList out;
        const auto pipeline = PipelineService::loadDefault(*m_store->db); // outlives the loop
        for (const Stage &s : pipeline->stages)
            out << s.name;
        return out;
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
    }

    void administratorsEditStagesAndReminders()
    {
        auto admin = test::signedInSession(m_store->location, QStringLiteral("admin"));
        CompanySettingsPanel panel(*admin);
        QSignalSpy loaded(&panel, &CompanySettingsPanel::loaded);
        QVERIFY(loaded.wait(20000));
        QVERIFY(panel.currentPipeline());
        const int before = int(panel.currentPipeline()->stages.size());

        QVERIFY(answer(panel, [&] { panel.saveReminder(90); }));
        QCOMPARE(FollowUpService(*m_store->db).defaultReminderMinutes().value(), 90);
        QCOMPARE(panel.reminderMinutes(), 90);

        QVERIFY(answer(panel, [&] { panel.addStage(QStringLiteral("方案演示"), 40); }));
        QCOMPARE(panel.currentPipeline()->stages.size(), before + 1);
        QVERIFY(stageNames().contains(QStringLiteral("方案演示")));
        const int row = int(stageNames().indexOf(QStringLiteral("方案演示")));
        QVERIFY(answer(panel, [&] { panel.renameStage(row, QStringLiteral("产品演示")); }));
        QVERIFY(answer(panel, [&] { panel.setStageProbability(row, 45); }));
        auto stage = PipelineService::loadDefault(*m_store->db)->stages.at(row);
        QCOMPARE(stage.name, QStringLiteral("产品演示"));
        QCOMPARE(stage.probability, 45);
        QVERIFY(answer(panel, [&] { panel.moveStage(row, -1); }));
        QCOMPARE(stageNames().indexOf(QStringLiteral("产品演示")), row - 1);
        // A bad probability is refused and nothing changes.
        QVERIFY(!answer(panel, [&] { panel.setStageProbability(row - 1, 150); }));
        QCOMPARE(PipelineService::loadDefault(*m_store->db)->stages.at(row - 1).probability, 45);

        // A stage holding an opportunity is kept, with the reason.
        Customer c;
        c.name = QStringLiteral("深圳星河科技");
        const qint64 customer = CustomerService(*m_store->db).create(m_team.wang, c)->id;
        Opportunity o;
        o.customerId = customer;
        o.name = QStringLiteral("年度合同");
        o.stageId = PipelineService::loadDefault(*m_store->db)->stages.at(row - 1).id;
        QVERIFY(OpportunityService(*m_store->db).create(m_team.wang, o).ok());
        QVERIFY(!answer(panel, [&] { panel.removeStage(row - 1); }));
        QVERIFY(stageNames().contains(QStringLiteral("产品演示")));
        // An empty one goes.
        QVERIFY(answer(panel, [&] { panel.addStage(QStringLiteral("临时"), 10); }));
        QVERIFY(answer(panel, [&] { panel.removeStage(int(stageNames().indexOf(QStringLiteral("临时")))); }));
        QVERIFY(!stageNames().contains(QStringLiteral("临时")));
    }

    void managersOnlyRead()
    {
        auto li = test::signedInSession(m_store->location, QStringLiteral("li"));
        CompanySettingsPanel panel(*li);
        QSignalSpy loaded(&panel, &CompanySettingsPanel::loaded);
        QVERIFY(loaded.wait(20000));
        QVERIFY(panel.currentPipeline());
        const QStringList before = stageNames();
        QVERIFY(!answer(panel, [&] { panel.addStage(QStringLiteral("不该有"), 10); }));
        QVERIFY(!answer(panel, [&] { panel.saveReminder(5); }));
        QCOMPARE(stageNames(), before);
    }
};

QTEST_MAIN(TestCompanySettings)
#include "tst_companysettings.moc"
