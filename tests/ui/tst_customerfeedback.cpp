// The customer page's satisfaction tab over a real store: the average and the scores newest first,
// recording a score (with the campaign it answers) from the page, a refused score, and a customer out
// of the user's scope showing nothing of it.
#include "core/services/CampaignService.h"
#include "core/services/CustomerService.h"
#include "core/services/FeedbackService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/customers/CustomerDialog.h"
#include "ui/customers/CustomerFeedback.h"
#include "ui/customers/FeedbackDialog.h"

#include <QComboBox>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace crm;

class TestCustomerFeedback : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session;
    qint64 m_customer = 0;
    qint64 m_campaign = 0;

    static bool waitLoaded(CustomerFeedback &f)
    {
        QSignalSpy loaded(&f, &CustomerFeedback::loaded);
        return loaded.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English));
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(*m_store->db);
        Customer c;
        c.name = QStringLiteral("深圳星河科技有限公司");
        auto created = CustomerService(*m_store->db).create(m_team.wang, c);
        QVERIFY(created.ok());
        m_customer = created->id;
        Campaign spring;
        spring.name = QStringLiteral("春季新品发布会");
        auto campaign = CampaignService(*m_store->db).create(m_team.li, spring);
        QVERIFY2(campaign.ok(), campaign.ok() ? "" : qPrintable(campaign.error().message));
        m_campaign = campaign->id;
        FeedbackService feedback(*m_store->db);
        QVERIFY(feedback.add(m_team.wang, m_customer, 4, QStringLiteral("服务及时")).ok());
        QVERIFY(feedback.add(m_team.wang, m_customer, 5, QStringLiteral("非常满意")).ok());
        m_session = test::signedInSession(m_store->location, QStringLiteral("wang"));
    }

    void showsTheAverageAndTheScores()
    {
        CustomerFeedback page(*m_session, m_customer);
        QVERIFY(waitLoaded(page));
        QCOMPARE(page.summary().count, 2);
        QCOMPARE(page.summary().averageX100, 450);
        // (No translator is loaded here: the plural is crm_en.ts's.)
        QVERIFY2(page.summaryText().startsWith(QStringLiteral("Average 4.50 from 2 score")), qPrintable(page.summaryText()));
        QCOMPARE(page.feedback().size(), 2);
        auto *list = page.findChild<QTreeWidget *>();
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("★★★★★"));
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("非常满意"));
    }

    void recordsFromThePage()
    {
        CustomerFeedback page(*m_session, m_customer);
        QVERIFY(waitLoaded(page));
        QSignalSpy finished(&page, &CustomerFeedback::actionFinished);
        page.record(2, QStringLiteral("发货太慢"), m_campaign);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.last().first().toBool(), qPrintable(finished.last().at(1).toString()));
        // The change feed reloads: the new score is first, with the campaign it answers.
        QVERIFY(QTest::qWaitFor([&] { return page.feedback().size() == 3; }, 20000));
        QCOMPARE(page.feedback().first().score, 2);
        QCOMPARE(page.feedback().first().campaignId, std::optional<qint64>(m_campaign));
        QCOMPARE(page.summary().averageX100, 367); // (4 + 5 + 2) / 3
        auto *list = page.findChild<QTreeWidget *>();
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("春季新品发布会"));
        auto stored = FeedbackService(*m_store->db).averageForCampaign(m_team.li, m_campaign);
        QVERIFY(stored.ok());
        QCOMPARE(stored->count, 1);

        // A score outside 1..5 is refused with the service's reason, and nothing is written.
        page.record(6, {}, std::nullopt);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY(!finished.last().at(1).toString().isEmpty());
        auto all = FeedbackService(*m_store->db).list(m_team.wang, m_customer);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
    }

    void theDialogOffersScoresAndCampaigns()
    {
        Campaign c;
        c.id = 42;
        c.name = QStringLiteral("618 老客户回馈");
        FeedbackDialog dialog({c});
        auto *score = dialog.findChild<QComboBox *>(QStringLiteral("score"));
        auto *campaign = dialog.findChild<QComboBox *>(QStringLiteral("campaign"));
        QVERIFY(score && campaign);
        QCOMPARE(score->count(), 5);
        QCOMPARE(dialog.score(), 5); // the first choice
        QCOMPARE(dialog.campaignId(), std::nullopt);
        score->setCurrentIndex(4);
        campaign->setCurrentIndex(1);
        QCOMPARE(dialog.score(), 1);
        QCOMPARE(dialog.campaignId(), std::optional<qint64>(42));
    }

    void theCustomerPageHasTheTab()
    {
        CustomerDialog dialog(*m_session, m_customer);
        auto *page = dialog.findChild<CustomerFeedback *>(QStringLiteral("feedback"));
        QVERIFY(page);
        auto *tabs = dialog.findChild<QTabWidget *>();
        QVERIFY(tabs->indexOf(page) >= 0);
    }

    void outOfScopeShowsNothing()
    {
        // Qian works in another team: Wang's customer is not found for her.
        auto qian = test::signedInSession(m_store->location, QStringLiteral("qian"));
        CustomerFeedback page(*qian, m_customer);
        QVERIFY(waitLoaded(page));
        QVERIFY(page.feedback().isEmpty());
        QCOMPARE(page.summary().count, 0);
    }
};

QTEST_MAIN(TestCustomerFeedback)
#include "tst_customerfeedback.moc"
