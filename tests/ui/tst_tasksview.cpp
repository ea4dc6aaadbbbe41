// The Tasks view on a signed-in session over a real store: the three ranges show the right tasks of
// the user's scope, completing from the view writes through TaskService, and a task written
// elsewhere (as the API would) appears without a manual refresh.
#include "core/services/TaskService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/tasks/TasksView.h"

#include <QDateTime>
#include <QLabel>
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
        m_session = test::signedInSession(m_store->location, QStringLiteral("wang"));
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
