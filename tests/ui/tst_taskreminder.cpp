// Task reminders of the desktop over a real store: a reminder that has come due is announced once
// (marked in the store, so a second desktop of the same user does not repeat it), only the
// signed-in user's, and one set through the change feed arrives without waiting for the interval.
// The first check of the day also counts the user's own open deals past their expected close date.
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/PipelineService.h"
#include "core/services/TaskService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/tasks/TaskReminder.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace crm;

namespace {

constexpr qint64 kMinute = 60 * 1000;

QStringList titles(const QVector<Task> &tasks)
{
    QStringList out;
    for (const Task &t : tasks)
        out << t.title;
    out.sort();
    return out;
}

} // namespace

class TestTaskReminder : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;

    void createTask(const Actor &actor, const QString &title, qint64 dueAt, qint64 reminderAt)
    {
        Task t;
        t.title = title;
        t.dueAt = dueAt;
        t.reminderAt = reminderAt;
        auto created = TaskService(*m_store->db).create(actor, t);
        if (!created)
            qFatal("create task: %s", qPrintable(created.error().message));
    }

    // The tasks announced by one check.
    static QVector<Task> checkOnce(TaskReminder &reminder)
    {
        QSignalSpy due(&reminder, &TaskReminder::due);
        QSignalSpy checked(&reminder, &TaskReminder::checked);
        reminder.check();
        if (!checked.wait(20000))
            qFatal("no check");
        return due.isEmpty() ? QVector<Task>() : due.first().first().value<QVector<Task>>();
    }

    void createDeal(const Actor &owner, const QString &stageName, const QString &name, int closeInDays)
    {
        Customer c;
        c.name = name + QStringLiteral(" Ltd");
        auto customer = CustomerService(*m_store->db).create(owner, c);
        if (!customer)
            qFatal("customer: %s", qPrintable(customer.error().message));
        Opportunity o;
        o.customerId = customer->id;
        const auto pipelines = PipelineService(*m_store->db).list(m_team.admin);
        if (!pipelines)
            qFatal("pipelines: %s", qPrintable(pipelines.error().message));
        for (const Pipeline &p : *pipelines)
            for (const Stage &s : p.stages)
                if (p.isDefault && s.name == stageName)
                    o.stageId = s.id;
        o.name = name;
        o.expectedCloseDate = QDate::currentDate().addDays(closeInDays);
        auto created = OpportunityService(*m_store->db).create(owner, o);
        if (!created)
            qFatal("opportunity: %s", qPrintable(created.error().message));
    }

    // What overdueDeals() said during one check (-1: nothing).
    static int overdueDealsOfOneCheck(TaskReminder &reminder)
    {
        QSignalSpy overdue(&reminder, &TaskReminder::overdueDeals);
        checkOnce(reminder);
        return overdue.isEmpty() ? -1 : overdue.first().first().toInt();
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
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        createTask(m_team.wang, QStringLiteral("回访星河科技"), now + 10 * kMinute, now - kMinute);
        createTask(m_team.wang, QStringLiteral("Later"), now + 3 * 60 * kMinute, now + 2 * 60 * kMinute);
        createTask(m_team.zhao, QStringLiteral("赵的提醒"), now + 10 * kMinute, now - kMinute);
    }

    void dueRemindersAreAnnouncedOnce()
    {
        auto session = test::signedInSession(m_store->location, QStringLiteral("wang"));
        TaskReminder reminder(*session, 3600 * 1000);
        QCOMPARE(titles(checkOnce(reminder)), QStringList{QStringLiteral("回访星河科技")});
        QVERIFY(checkOnce(reminder).isEmpty()); // marked: not again

        // Another desktop of the same user does not repeat it either.
        auto other = test::signedInSession(m_store->location, QStringLiteral("wang"));
        TaskReminder second(*other, 3600 * 1000);
        QVERIFY(checkOnce(second).isEmpty());
        // Zhao's own reminder is his.
        auto zhao = test::signedInSession(m_store->location, QStringLiteral("zhao"));
        TaskReminder his(*zhao, 3600 * 1000);
        QCOMPARE(titles(checkOnce(his)), QStringList{QStringLiteral("赵的提醒")});
    }

    void aReminderSetNowArrivesWithoutWaitingForTheInterval()
    {
        auto session = test::signedInSession(m_store->location, QStringLiteral("wang"));
        TaskReminder reminder(*session, 3600 * 1000);
        checkOnce(reminder); // whatever is pending from before
        QSignalSpy due(&reminder, &TaskReminder::due);
        // Written on the session's own connection, as the API in this process would.
        const Actor wang = session->actor();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Task t;
        t.title = QStringLiteral("马上提醒");
        t.dueAt = now + 5 * kMinute;
        t.reminderAt = now - 1000;
        session->worker().run(&reminder, [wang, t](Database &db) { return TaskService(db).create(wang, t); },
                              [](Result<Task> r) {
                                  if (!r)
                                      qFatal("create: %s", qPrintable(r.error().message));
                              });
        QVERIFY(due.wait(20000));
        QCOMPARE(titles(due.first().first().value<QVector<Task>>()), QStringList{QStringLiteral("马上提醒")});
    }

    // Counted once a day: wang's two open overdue deals, not his won one, nor the one due tomorrow,
    // nor zhao's; a user without overdue deals hears nothing.
    void overdueDealsAreAnnouncedOnceADay()
    {
        createDeal(m_team.wang, QStringLiteral("lead"), QStringLiteral("Overdue A"), -1);
        createDeal(m_team.wang, QStringLiteral("proposal"), QStringLiteral("Overdue B"), -20);
        createDeal(m_team.wang, QStringLiteral("won"), QStringLiteral("Won late"), -5);
        createDeal(m_team.wang, QStringLiteral("lead"), QStringLiteral("Tomorrow"), 1);
        createDeal(m_team.wang, QStringLiteral("lead"), QStringLiteral("Today"), 0);
        createDeal(m_team.zhao, QStringLiteral("lead"), QStringLiteral("Zhao overdue"), -3);
        auto session = test::signedInSession(m_store->location, QStringLiteral("wang"));
        TaskReminder reminder(*session, 3600 * 1000);
        QCOMPARE(overdueDealsOfOneCheck(reminder), 2);
        QCOMPARE(overdueDealsOfOneCheck(reminder), -1); // not again today
        auto li = test::signedInSession(m_store->location, QStringLiteral("li"));
        TaskReminder his(*li, 3600 * 1000);
        QCOMPARE(overdueDealsOfOneCheck(his), -1); // his team's are late, not his own
    }

    // A role that reads deals but not tasks hears of its overdue deals, and of no task: a reminder
    // would show the title of a task it may not read.
    void aRoleWithoutTasksHearsOfItsOverdueDealsOnly()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        createTask(m_team.qian, QStringLiteral("钱的提醒"), now + 10 * kMinute, now - kMinute);
        createDeal(m_team.qian, QStringLiteral("lead"), QStringLiteral("Qian overdue"), -2);
        OrgService org(*m_store->db);
        auto role = org.createRole(m_team.admin, QStringLiteral("deal desk"), DataScope::Own,
                                   {Permission::CustomerRead, Permission::OpportunityRead});
        QVERIFY(role.ok());
        QVERIFY(org.setRole(m_team.admin, m_team.qian.userId, role->id).ok());
        auto session = test::signedInSession(m_store->location, QStringLiteral("qian"));
        QVERIFY(!session->actor().can(Permission::TaskRead));
        TaskReminder reminder(*session, 3600 * 1000);
        QSignalSpy due(&reminder, &TaskReminder::due);
        QCOMPARE(overdueDealsOfOneCheck(reminder), 1);
        QVERIFY(due.isEmpty());
    }
};

QTEST_MAIN(TestTaskReminder)
#include "tst_taskreminder.moc"
