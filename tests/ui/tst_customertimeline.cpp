// The customer page's timeline over a real store: activities newest first a page at a time, logging
// a call and scheduling a follow-up (with its task and reminder) from the page, a call logged on one
// of the customer's open deals, and a customer out of the user's scope showing nothing of it.
#include "core/services/ActivityService.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "core/services/TaskService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/customers/CustomerTimeline.h"
#include "ui/customers/LogActivityDialog.h"

#include <QComboBox>
#include <QPushButton>

#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace crm;

namespace {

constexpr qint64 kHour = 3600 * 1000;

} // namespace

class TestCustomerTimeline : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session;
    qint64 m_customer = 0;
    qint64 m_now = 0;

    static bool waitLoaded(CustomerTimeline &t)
    {
        QTest::qWait(20);
        return QTest::qWaitFor([&] { return !t.isLoading(); }, 20000);
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
        Customer c;
        c.name = QStringLiteral("深圳星河科技有限公司");
        auto created = CustomerService(*m_store->db).create(m_team.wang, c);
        QVERIFY(created.ok());
        m_customer = created->id;
        m_now = QDateTime::currentMSecsSinceEpoch();
        ActivityService activities(*m_store->db);
        for (int i = 0; i < 60; ++i) { // more than a page
            Activity a;
            a.customerId = m_customer;
            a.kind = i % 2 ? QStringLiteral("call") : QStringLiteral("visit");
            a.subject = QStringLiteral("第%1次联系").arg(i);
            a.occurredAt = m_now - (60 - i) * kHour; // i = 59 is the newest
            QVERIFY(activities.log(m_team.wang, a).ok());
        }
        m_session = test::signedInSession(m_store->location, QStringLiteral("wang"));
    }

    void pagesNewestFirst()
    {
        CustomerTimeline timeline(*m_session, m_customer);
        QVERIFY(waitLoaded(timeline));
        QCOMPARE(timeline.activities().size(), CustomerTimeline::kPage);
        QCOMPARE(timeline.activities().first().subject, QStringLiteral("第59次联系"));
        timeline.loadMore();
        QVERIFY(waitLoaded(timeline));
        QCOMPARE(timeline.activities().size(), 60);
        QCOMPARE(timeline.activities().last().subject, QStringLiteral("第0次联系"));
        for (int i = 1; i < timeline.activities().size(); ++i)
            QVERIFY(timeline.activities()[i - 1].occurredAt >= timeline.activities()[i].occurredAt);
    }

    void logAndScheduleFromThePage()
    {
        CustomerTimeline timeline(*m_session, m_customer);
        QVERIFY(waitLoaded(timeline));
        QSignalSpy finished(&timeline, &CustomerTimeline::actionFinished);
        Activity call;
        call.kind = QStringLiteral("call");
        call.direction = QStringLiteral("outbound");
        call.subject = QStringLiteral("报价跟进");
        call.occurredAt = QDateTime::currentMSecsSinceEpoch();
        timeline.logActivity(call);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.last().first().toBool(), qPrintable(finished.last().at(1).toString()));
        // The change feed reloads: the new call is first.
        QVERIFY(QTest::qWaitFor([&] { return !timeline.isLoading() && !timeline.activities().isEmpty()
                                             && timeline.activities().first().subject == QStringLiteral("报价跟进"); },
                                20000));

        const qint64 when = QDateTime::currentMSecsSinceEpoch() + 24 * kHour;
        timeline.scheduleFollowUp(when, QStringLiteral("visit"), QStringLiteral("带样品"), 60);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.last().first().toBool(), qPrintable(finished.last().at(1).toString()));
        QVERIFY(QTest::qWaitFor([&] { return !timeline.isLoading() && timeline.scheduledFollowUps().size() == 1; }, 20000));
        const FollowUp f = timeline.scheduledFollowUps().first();
        QCOMPARE(f.notes, QStringLiteral("带样品"));
        QVERIFY(f.taskId.has_value());
        auto task = TaskService(*m_store->db).get(m_team.wang, *f.taskId);
        QVERIFY(task.ok());
        QCOMPARE(task->reminderAt, std::optional<qint64>(f.scheduledAt - 60 * 60 * 1000));

        // A follow-up in the past is refused with the service's reason.
        timeline.scheduleFollowUp(QDateTime::currentMSecsSinceEpoch() - 24 * kHour, QStringLiteral("call"), {}, 30);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().first().toBool(), false);
    }

    // The customer's open tasks other than follow-ups' (those show as the follow-up), soonest first;
    // a task written through the session arrives by the change feed and leaves when done.
    void openTasksAreListedAndFollowChanges()
    {
        TaskService tasks(*m_store->db);
        Task later;
        later.title = QStringLiteral("寄送合同");
        later.customerId = m_customer;
        later.dueAt = m_now + 72 * kHour;
        QVERIFY(tasks.create(m_team.wang, later).ok());
        Task elsewhere; // another customer's
        Customer other;
        other.name = QStringLiteral("云帆贸易");
        elsewhere.customerId = CustomerService(*m_store->db).create(m_team.wang, other)->id;
        elsewhere.title = QStringLiteral("别的客户的任务");
        QVERIFY(tasks.create(m_team.wang, elsewhere).ok());

        CustomerTimeline timeline(*m_session, m_customer);
        QVERIFY(waitLoaded(timeline));
        QCOMPARE(timeline.openTasks().size(), 1);
        QCOMPARE(timeline.openTasks().first().title, QStringLiteral("寄送合同"));
        for (const Task &t : timeline.openTasks())
            QVERIFY(t.kind != QLatin1String("follow_up")); // the scheduled follow-up's task is not repeated
        QVERIFY2(timeline.upcomingText().contains(QStringLiteral("寄送合同")), qPrintable(timeline.upcomingText()));
        QVERIFY(!timeline.upcomingText().contains(QStringLiteral("别的客户的任务")));

        const Actor actor = m_session->actor();
        Task sooner;
        sooner.title = QStringLiteral("确认报价");
        sooner.customerId = m_customer;
        sooner.dueAt = m_now + 2 * kHour;
        std::optional<qint64> id;
        m_session->worker().run(
            &timeline, [actor, sooner](Database &db) { return TaskService(db).create(actor, sooner); },
            [&](Result<Task> r) { id = r.ok() ? r->id : -1; });
        QTRY_VERIFY_WITH_TIMEOUT(id.has_value(), 20000);
        QVERIFY(*id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(timeline.openTasks().size(), 2, 20000);
        QCOMPARE(timeline.openTasks().first().title, QStringLiteral("确认报价"));

        bool done = false;
        m_session->worker().run(
            &timeline, [actor, taskId = *id](Database &db) { return TaskService(db).complete(actor, taskId); },
            [&](Result<Task>) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(timeline.openTasks().size(), 1, 20000);
    }

    void aCallIsLoggedOnAnOpenDeal()
    {
        auto pipeline = PipelineService::loadDefault(*m_store->db);
        QVERIFY(pipeline.ok());
        Opportunity deal;
        deal.customerId = m_customer;
        deal.stageId = pipeline->stages.first().id;
        deal.name = QStringLiteral("二期扩容");
        auto created = OpportunityService(*m_store->db).create(m_team.wang, deal);
        QVERIFY(created.ok());

        CustomerTimeline timeline(*m_session, m_customer);
        QVERIFY(waitLoaded(timeline));
        QCOMPARE(timeline.openDeals().size(), 1);
        QCOMPARE(timeline.openDeals().first().name, QStringLiteral("二期扩容"));

        LogActivityDialog dialog(QStringLiteral("call"));
        auto *choice = dialog.findChild<QComboBox *>(QStringLiteral("opportunityId"));
        QVERIFY(choice);
        dialog.setOpportunities({});
        QVERIFY(choice->isHidden());
        QVERIFY(!dialog.activity().opportunityId);
        dialog.setOpportunities(timeline.openDeals());
        QVERIFY(!choice->isHidden());
        QVERIFY(!dialog.activity().opportunityId); // none unless chosen
        choice->setCurrentIndex(choice->findText(QStringLiteral("二期扩容")));
        Activity call = dialog.activity();
        QCOMPARE(call.opportunityId.value_or(0), created->id);

        call.subject = QStringLiteral("扩容报价");
        QSignalSpy finished(&timeline, &CustomerTimeline::actionFinished);
        timeline.logActivity(call);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        auto onDeal = ActivityService(*m_store->db).forOpportunity(m_team.wang, created->id);
        QVERIFY(onDeal.ok());
        QCOMPARE(onDeal->activities.size(), 1);
        QCOMPARE(onDeal->activities.first().subject, QStringLiteral("扩容报价"));
    }

    // A deal of zhao's on wang's customer (the administrator filed it so), which zhao's own scope
    // leaves out: zhao reads the deal's activities but may not log on that customer, so the log
    // buttons are off and say why; their manager li sees both and may.
    void aDealOnACustomerOutOfScopeCannotBeLoggedOn()
    {
        auto pipeline = PipelineService::loadDefault(*m_store->db);
        QVERIFY(pipeline.ok());
        Opportunity deal;
        deal.customerId = m_customer;
        deal.stageId = pipeline->stages.first().id;
        deal.name = QStringLiteral("华东代理");
        deal.ownerId = m_team.zhao.userId;
        auto created = OpportunityService(*m_store->db).create(m_team.admin, deal);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        Activity visit;
        visit.customerId = m_customer;
        visit.opportunityId = created->id;
        visit.kind = QStringLiteral("visit");
        visit.subject = QStringLiteral("代理洽谈");
        visit.occurredAt = m_now;
        QVERIFY(ActivityService(*m_store->db).log(m_team.admin, visit).ok());
        auto zhao = test::signedInSession(m_store->location, QStringLiteral("zhao"));
        auto li = test::signedInSession(m_store->location, QStringLiteral("li"));
        // zhao sees neither the customer nor the visit's author: not the visit either.
        for (auto [session, canLog, listed] : {std::tuple{zhao.get(), false, 0}, std::tuple{li.get(), true, 1}}) {
            CustomerTimeline timeline(*session, m_customer, nullptr, created->id);
            QVERIFY(waitLoaded(timeline));
            QCOMPARE(timeline.activities().size(), listed);
            for (const char *name : {"logCall", "logVisit", "addNote"}) {
                auto *button = timeline.findChild<QPushButton *>(QLatin1String(name));
                QVERIFY(button);
                QCOMPARE(button->isEnabled(), canLog);
                QCOMPARE(button->toolTip().isEmpty(), canLog);
            }
        }
    }

    void outOfScopeShowsNothing()
    {
        auto zhao = test::signedInSession(m_store->location, QStringLiteral("zhao"));
        CustomerTimeline timeline(*zhao, m_customer);
        QVERIFY(waitLoaded(timeline));
        QVERIFY(timeline.activities().isEmpty());
    }
};

QTEST_MAIN(TestCustomerTimeline)
#include "tst_customertimeline.moc"
