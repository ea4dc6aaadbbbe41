// The Tasks view on a signed-in session over a real store: the three ranges show the right tasks of
// the user's scope, completing from the view writes through TaskService, and a task written
// elsewhere (as the API would) appears without a manual refresh. Its "Deals closing soon" lists the
// open deals due within a week or overdue, the user's own or (for a manager) the team's, follows
// opportunity changes, opens the customer, and says so to a user without opportunity.read.
#include "core/SeedNames.h"
#include "core/security/Permission.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "core/services/TaskService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/DisplayFormat.h"
#include "ui/MainWindow.h"
#include "ui/pipeline/OpportunityDialog.h"
#include "ui/tasks/ClosingDealsPanel.h"
#include "ui/tasks/TasksView.h"

#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace crm;

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;

// Noon of the viewer's local day: always inside "today", whatever the hour the test runs.
qint64 localNoon()
{
    const QTimeZone tz = QTimeZone::systemTimeZone();
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(tz).date();
    return QDateTime(today, QTime(12, 0), tz).toMSecsSinceEpoch();
}

// The closing-soon panel's columns.
enum DealColumn { DealName, DealCustomer, DealStage, DealAmount, DealClose, DealOwner };

QStringList dealNames(const ClosingDealsPanel &panel)
{
    QStringList out;
    for (const Opportunity &o : panel.deals())
        out << o.name;
    return out;
}

// What the table shows in a column, top to bottom.
QStringList column(const QTableWidget *table, int c)
{
    QStringList out;
    for (int row = 0; row < table->rowCount(); ++row)
        out << (table->item(row, c) ? table->item(row, c)->text() : QStringLiteral("<none>"));
    return out;
}

bool waitDeals(const ClosingDealsPanel &panel)
{
    QTest::qWait(20);
    return QTest::qWaitFor([&] { return !panel.isLoading(); }, 20000);
}

QStringList titles(const TasksView &view)
{
    QStringList out;
    for (const Task &t : view.tasks())
        out << t.title;
    out.sort();
    return out;
}

} // namespace

class TestTasksView : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session;
    QHash<QString, qint64> m_stages; // "New business" stage name -> id
    qint64 m_customerWang = 0, m_customerZhao = 0, m_customerQian = 0;
    qint64 m_nextMonth = 0;
    QDate m_today;

    qint64 createDeal(const Actor &owner, qint64 customerId, const QString &stage, const QString &name, int closeInDays,
                      qint64 amount = 1234500)
    {
        Opportunity o;
        o.customerId = customerId;
        o.stageId = m_stages.value(stage);
        o.name = name;
        o.amountMinor = amount;
        o.expectedCloseDate = m_today.addDays(closeInDays);
        auto created = OpportunityService(*m_store->db).create(owner, o);
        if (!created)
            qFatal("opportunity: %s", qPrintable(created.error().message));
        return created->id;
    }

    qint64 createCustomer(const Actor &owner, const QString &name)
    {
        Customer c;
        c.name = name;
        auto created = CustomerService(*m_store->db).create(owner, c);
        if (!created)
            qFatal("customer: %s", qPrintable(created.error().message));
        return created->id;
    }

    // Changes an opportunity's expected close date on the session's own connection, as the API in
    // this process would: the session's change feed carries it to the views.
    void moveClose(qint64 id, int closeInDays)
    {
        const Actor wang = m_session->actor();
        Opportunity values;
        values.expectedCloseDate = m_today.addDays(closeInDays);
        bool done = false;
        m_session->worker().run(
            m_session.get(),
            [wang, id, values](Database &db) {
                return OpportunityService(db).update(wang, id, values, {QStringLiteral("expectedCloseDate")});
            },
            [&](Result<Opportunity> r) {
                if (!r)
                    qFatal("update: %s", qPrintable(r.error().message));
                done = true;
            });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            qFatal("update did not finish");
    }

    qint64 createTask(const Actor &actor, const QString &title, qint64 dueAt)
    {
        Task t;
        t.title = title;
        t.dueAt = dueAt;
        auto created = TaskService(*m_store->db).create(actor, t);
        if (!created)
            qFatal("create task: %s", qPrintable(created.error().message));
        return created->id;
    }

    static bool waitLoaded(TasksView &view)
    {
        QTest::qWait(20);
        return QTest::qWaitFor([&] { return !view.isLoading(); }, 20000);
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
        const qint64 noon = localNoon();
        createTask(m_team.wang, QStringLiteral("回访星河科技"), noon);
        createTask(m_team.wang, QStringLiteral("Send the quote"), noon - 3 * kDay);
        createTask(m_team.wang, QStringLiteral("拜访云帆贸易"), noon + 3 * kDay);
        createTask(m_team.zhao, QStringLiteral("赵的任务"), noon); // another rep's: never in wang's view

        // Deals, by expected close date relative to the local today (as the panel counts days).
        m_today = QDate::currentDate();
        const auto pipelines = PipelineService(*m_store->db).list(m_team.admin);
        QVERIFY(pipelines.ok());
        for (const Pipeline &p : *pipelines)
            if (p.name == QLatin1String("New business"))
                for (const Stage &s : p.stages)
                    m_stages.insert(s.name, s.id);
        QVERIFY(m_stages.contains(QStringLiteral("won")));
        m_customerWang = createCustomer(m_team.wang, QStringLiteral("深圳星河科技有限公司"));
        m_customerZhao = createCustomer(m_team.zhao, QStringLiteral("云帆贸易"));
        m_customerQian = createCustomer(m_team.qian, QStringLiteral("Qian Ltd"));
        createDeal(m_team.wang, m_customerWang, QStringLiteral("proposal"), QStringLiteral("明天签约"), 1, 8800000);
        m_nextMonth = createDeal(m_team.wang, m_customerWang, QStringLiteral("lead"), QStringLiteral("Next month"), 30);
        createDeal(m_team.wang, m_customerWang, QStringLiteral("negotiation"), QStringLiteral("逾期三天"), -3, 123456789);
        createDeal(m_team.wang, m_customerWang, QStringLiteral("qualified"), QStringLiteral("Closes today"), 0);
        createDeal(m_team.wang, m_customerWang, QStringLiteral("won"), QStringLiteral("Won already"), 1);
        createDeal(m_team.zhao, m_customerZhao, QStringLiteral("lead"), QStringLiteral("赵的单子"), 2);
        createDeal(m_team.qian, m_customerQian, QStringLiteral("lead"), QStringLiteral("Other team"), 1); // not li's team
        m_session = test::signedInSession(m_store->location, QStringLiteral("wang"));
    }

    // A rep sees their own open deals due within the week or overdue, earliest first, with how far
    // off each is; the won deal, the one a month away and the other reps' are not there.
    void closingDealsAreTheUsersOwnSoonestFirst()
    {
        TasksView view(*m_session);
        ClosingDealsPanel *panel = view.closingDeals();
        QVERIFY(panel);
        QVERIFY(waitDeals(*panel));
        QCOMPARE(dealNames(*panel), (QStringList{QStringLiteral("逾期三天"), QStringLiteral("Closes today"), QStringLiteral("明天签约")}));
        QVERIFY(!panel->isCapped());
        // Wang's scope is his own: nothing to switch to.
        QVERIFY(!panel->offersTeam());
        QVERIFY(panel->findChild<QComboBox *>(QStringLiteral("closingDealsOwners"))->isHidden());

        const QTableWidget *table = panel->table();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(column(table, DealName), dealNames(*panel));
        QCOMPARE(column(table, DealCustomer), QStringList(3, QStringLiteral("深圳星河科技有限公司")));
        QCOMPARE(column(table, DealStage), (QStringList{SeedNames::stage(QStringLiteral("negotiation")),
                                                         SeedNames::stage(QStringLiteral("qualified")),
                                                         SeedNames::stage(QStringLiteral("proposal"))}));
        QCOMPARE(table->item(0, DealAmount)->text(), DisplayFormat::money(123456789) + QStringLiteral(" CNY"));
        QCOMPARE(table->item(2, DealAmount)->text(), DisplayFormat::money(8800000) + QStringLiteral(" CNY"));
        QCOMPARE(column(table, DealOwner), QStringList(3, QStringLiteral("wang")));
        const QStringList close = column(table, DealClose);
        QVERIFY2(close[0].startsWith(QLatin1String("Overdue by 3 day")), qPrintable(close[0]));
        QCOMPARE(close[1], QStringLiteral("Today"));
        QVERIFY2(close[2].startsWith(QLatin1String("In 1 day")), qPrintable(close[2]));
        // The overdue row is in the warning colour, every cell of it; the others are not coloured.
        for (int c = 0; c <= DealOwner; ++c) {
            QCOMPARE(table->item(0, c)->foreground().color(), QColor(0xb3, 0x26, 0x1e));
            QVERIFY(!table->item(1, c)->data(Qt::ForegroundRole).isValid());
            QVERIFY(!table->item(2, c)->data(Qt::ForegroundRole).isValid());
        }
        auto *status = panel->findChild<QLabel *>(QStringLiteral("closingDealsStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QLatin1String("1 overdue")), qPrintable(status->text()));
    }

    void closeTextCountsDays()
    {
        const QDate today(2026, 3, 1);
        QVERIFY(ClosingDealsPanel::closeText(QDate(2026, 2, 26), today).startsWith(QLatin1String("Overdue by 3 day")));
        QVERIFY(ClosingDealsPanel::closeText(QDate(2026, 2, 28), today).startsWith(QLatin1String("Overdue by 1 day")));
        QCOMPARE(ClosingDealsPanel::closeText(today, today), QStringLiteral("Today"));
        QVERIFY(ClosingDealsPanel::closeText(QDate(2026, 3, 8), today).startsWith(QLatin1String("In 7 day")));
        QVERIFY(ClosingDealsPanel::closeText(QDate(), today).isEmpty());
    }

    // A manager owns none himself; "My team", where he starts, lists his reps' deals (everyone in his
    // scope), not another team's.
    void aManagerSwitchesToTheTeam()
    {
        auto li = test::signedInSession(m_store->location, QStringLiteral("li"));
        TasksView view(*li);
        ClosingDealsPanel *panel = view.closingDeals();
        QVERIFY(waitDeals(*panel));
        QVERIFY(panel->offersTeam());
        QVERIFY(!panel->findChild<QComboBox *>(QStringLiteral("closingDealsOwners"))->isHidden());
        // A manager starts on the team.
        QCOMPARE(panel->findChild<QComboBox *>(QStringLiteral("closingDealsOwners"))->currentData().toInt(),
                 int(ClosingDealsPanel::Owners::Team));
        QCOMPARE(dealNames(*panel), (QStringList{QStringLiteral("逾期三天"), QStringLiteral("Closes today"), QStringLiteral("明天签约"),
                                                 QStringLiteral("赵的单子")}));
        QCOMPARE(column(panel->table(), DealOwner),
                 (QStringList{QStringLiteral("wang"), QStringLiteral("wang"), QStringLiteral("wang"), QStringLiteral("zhao")}));
        QCOMPARE(panel->table()->item(3, DealCustomer)->text(), QStringLiteral("云帆贸易"));
        panel->setOwners(ClosingDealsPanel::Owners::Mine);
        QVERIFY(waitDeals(*panel));
        QVERIFY(panel->deals().isEmpty());
        QCOMPARE(panel->table()->rowCount(), 0);
    }

    // Enter and double-click open the deal; the main window opens its page.
    void openingADealOpensItsPage()
    {
        TasksView view(*m_session);
        ClosingDealsPanel *panel = view.closingDeals();
        view.resize(900, 700);
        view.setVisible(true); // TasksView::show(tasks) hides QWidget::show()
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(waitDeals(*panel));
        QCOMPARE(panel->table()->rowCount(), 3);
        QSignalSpy opened(&view, &TasksView::openOpportunity);
        QTableWidget *table = panel->table();
        table->setFocus();
        table->setCurrentCell(2, 0);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), panel->deals()[2].id);
        const QRect cell = table->visualItemRect(table->item(0, DealCustomer));
        // A double-click is a click, then the double-click event (QTest sends only the latter).
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(opened.size(), 1);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.at(1).at(0).toLongLong(), panel->deals()[0].id);

        // In the workstation, the deal's page opens (as from the pipeline board).
        MainWindow window(*m_session, nullptr);
        auto *tasks = qobject_cast<TasksView *>(window.view(QStringLiteral("tasks")));
        QVERIFY(tasks);
        QVERIFY(waitDeals(*tasks->closingDeals()));
        QVERIFY(!window.findChild<OpportunityDialog *>());
        tasks->closingDeals()->table()->setCurrentCell(0, 0);
        tasks->closingDeals()->openCurrent();
        QTRY_VERIFY(window.findChild<OpportunityDialog *>());
        auto *deal = window.findChild<OpportunityDialog *>();
        QTRY_COMPARE(deal->opportunity().id, tasks->closingDeals()->deals()[0].id);
        QTRY_COMPARE(deal->opportunity().name, QStringLiteral("逾期三天"));
    }

    // More than kLimit deals: the first kLimit, and the status says so.
    void aLongListIsCapped()
    {
        for (int i = 0; i <= ClosingDealsPanel::kLimit; ++i)
            createDeal(m_team.sun, createCustomer(m_team.sun, QStringLiteral("Sun %1").arg(i)), QStringLiteral("lead"),
                       QStringLiteral("Sun deal %1").arg(i), i % 5 - 2);
        auto sun = test::signedInSession(m_store->location, QStringLiteral("sun"));
        TasksView view(*sun);
        ClosingDealsPanel *panel = view.closingDeals();
        QVERIFY(waitDeals(*panel));
        QVERIFY(panel->isCapped());
        QCOMPARE(panel->deals().size(), ClosingDealsPanel::kLimit);
        QCOMPARE(panel->table()->rowCount(), ClosingDealsPanel::kLimit);
        for (int row = 1; row < panel->deals().size(); ++row)
            QVERIFY(panel->deals()[row - 1].expectedCloseDate <= panel->deals()[row].expectedCloseDate);
        auto *status = panel->findChild<QLabel *>(QStringLiteral("closingDealsStatus"));
        QVERIFY2(status->text().startsWith(QLatin1String("Showing the first 200")), qPrintable(status->text()));
    }

    // A role without opportunity.read reads no deals and is told why.
    void withoutOpportunityReadThePanelSaysSo()
    {
        OrgService org(*m_store->db);
        QStringList permissions = Permission::repDefaults();
        permissions.removeAll(Permission::OpportunityRead);
        auto role = org.createRole(m_team.admin, QStringLiteral("no-deals"), DataScope::Own, permissions);
        QVERIFY(role);
        QVERIFY(org.setRole(m_team.admin, m_team.qian.userId, role->id));
        auto qian = test::signedInSession(m_store->location, QStringLiteral("qian"));
        QVERIFY(!qian->actor().can(Permission::OpportunityRead));
        TasksView view(*qian);
        ClosingDealsPanel *panel = view.closingDeals();
        QVERIFY(waitDeals(*panel));
        QVERIFY(panel->deals().isEmpty());
        QVERIFY(panel->table()->isHidden());
        QVERIFY(panel->findChild<QComboBox *>(QStringLiteral("closingDealsOwners"))->isHidden());
        auto *status = panel->findChild<QLabel *>(QStringLiteral("closingDealsStatus"));
        QVERIFY2(status->text().contains(DisplayFormat::permission(Permission::OpportunityRead)), qPrintable(status->text()));
    }

    // A deal whose date moves into the week appears in its place, and leaves when it moves out.
    void closingDealsFollowOpportunityChanges()
    {
        TasksView view(*m_session);
        ClosingDealsPanel *panel = view.closingDeals();
        QVERIFY(waitDeals(*panel));
        QCOMPARE(panel->deals().size(), 3);
        moveClose(m_nextMonth, -1);
        QVERIFY(QTest::qWaitFor([&] { return !panel->isLoading() && panel->deals().size() == 4; }, 20000));
        QCOMPARE(dealNames(*panel), (QStringList{QStringLiteral("逾期三天"), QStringLiteral("Next month"), QStringLiteral("Closes today"),
                                                 QStringLiteral("明天签约")}));
        QVERIFY(panel->table()->item(1, DealClose)->text().startsWith(QLatin1String("Overdue by 1 day")));
        moveClose(m_nextMonth, 30);
        QVERIFY(QTest::qWaitFor([&] { return !panel->isLoading() && panel->deals().size() == 3; }, 20000));
        QVERIFY(!dealNames(*panel).contains(QStringLiteral("Next month")));
    }

    void rangesShowTheUsersTasks()
    {
        TasksView view(*m_session);
        QVERIFY(waitLoaded(view));
        QCOMPARE(titles(view), QStringList{QStringLiteral("回访星河科技")});
        view.setRange(TasksView::Range::Overdue);
        QVERIFY(waitLoaded(view));
        QVERIFY(titles(view).contains(QStringLiteral("Send the quote")));
        QVERIFY(!titles(view).contains(QStringLiteral("拜访云帆贸易")));
        view.setRange(TasksView::Range::Upcoming);
        QVERIFY(waitLoaded(view));
        QVERIFY(titles(view).contains(QStringLiteral("拜访云帆贸易")));
        QVERIFY(!titles(view).join(QLatin1Char(' ')).contains(QStringLiteral("赵")));
        auto *table = view.findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), int(view.tasks().size()));
    }

    // The view loads "today" when it opens; switching the range right away must not show that reply,
    // nor read as loaded before the range asked for has come.
    void aSupersededReplyIsDropped()
    {
        TasksView view(*m_session);
        QList<QStringList> shown;
        connect(&view, &TasksView::loaded, &view, [&] { shown << titles(view); });
        view.setRange(TasksView::Range::Overdue);
        QVERIFY(QTest::qWaitFor([&] { return !shown.isEmpty(); }, 20000));
        QTest::qWait(100);
        QCOMPARE(shown.size(), 1);
        QVERIFY(shown.first().contains(QStringLiteral("Send the quote")));
        QVERIFY(!view.isLoading());
    }

    void completingWritesAndTheListFollows()
    {
        TasksView view(*m_session);
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.tasks().size(), 1);
        const qint64 id = view.tasks().first().id;
        auto *table = view.findChild<QTableWidget *>();
        table->selectRow(0);
        view.toggleSelected();
        // The change feed reloads the view: the done task leaves "today".
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading() && view.tasks().isEmpty(); }, 20000));
        auto stored = TaskService(*m_store->db).get(m_team.wang, id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->status, QStringLiteral("done"));
        QVERIFY(stored->completedAt.has_value());
    }

    void reschedulingMovesTheTaskAndSetsItsReminder()
    {
        TasksView view(*m_session);
        view.setRange(TasksView::Range::Overdue);
        QVERIFY(waitLoaded(view));
        const auto it = std::find_if(view.tasks().begin(), view.tasks().end(),
                                     [](const Task &t) { return t.title == QLatin1String("Send the quote"); });
        QVERIFY(it != view.tasks().end());
        const Task task = *it;
        const qint64 due = localNoon() + kDay;
        view.reschedule(task, due, due - 15 * 60 * 1000);
        // No longer overdue: the list follows through the change feed.
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading() && !titles(view).contains(QStringLiteral("Send the quote")); }, 20000));
        auto stored = TaskService(*m_store->db).get(m_team.wang, task.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->dueAt, std::optional<qint64>(due));
        QCOMPARE(stored->reminderAt, std::optional<qint64>(due - 15 * 60 * 1000));
        // A stale copy (the version moved on) is refused and says so.
        view.reschedule(task, due + kDay, std::nullopt);
        auto *status = view.findChild<QLabel *>();
        QVERIFY(status);
        QTRY_VERIFY2(status->text().startsWith(QLatin1String("Someone else changed this")), qPrintable(status->text()));
        QCOMPARE(TaskService(*m_store->db).get(m_team.wang, task.id)->dueAt, std::optional<qint64>(due));
    }

    void taskWrittenElsewhereAppears()
    {
        TasksView view(*m_session);
        QVERIFY(waitLoaded(view));
        const int before = int(view.tasks().size());
        // Written on the session's own store connection through the service, as an API handler
        // in this process would: the session's change feed carries it to the view.
        Task t;
        t.title = QStringLiteral("新任务");
        t.dueAt = localNoon();
        const Actor wang = m_session->actor();
        bool done = false;
        m_session->worker().run(&view, [wang, t](Database &db) { return TaskService(db).create(wang, t); },
                                [&](Result<Task> r) { done = r.ok(); });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading() && view.tasks().size() == before + 1; }, 20000));
        QVERIFY(titles(view).contains(QStringLiteral("新任务")));
    }
};

QTEST_MAIN(TestTasksView)
#include "tst_tasksview.moc"
