// Undo in the desktop (Edit > Undo, Ctrl+Z) on a signed-in session over a real store: a task done
// from the Tasks view, a card moved on the board and a customer edited in its page are undone and
// redone through the core services (read back from the store); a step the store refuses because the
// record changed meanwhile changes nothing and clears the history; the menu actions follow the stack.
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "core/services/TaskService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/MainWindow.h"
#include "ui/customers/CustomerDialog.h"
#include "ui/pipeline/PipelineBoardView.h"
#include "ui/tasks/TasksView.h"
#include "ui/undo/UndoHistory.h"

#include <QAction>
#include <QDateTime>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace crm;

class TestUndo : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_li;
    qint64 m_lead = 0, m_qualified = 0;

    Database &db() { return *m_store->db; }
    UndoHistory &history() { return m_li->undoHistory(); }

    // Runs the stack's undo or redo and waits for its job.
    bool step(bool undo)
    {
        QSignalSpy finished(&history(), &UndoHistory::finished);
        undo ? history().stack()->undo() : history().stack()->redo();
        return finished.wait(20000) && finished.last().first().toBool();
    }

    qint64 customer(const Actor &owner, const QString &name)
    {
        Customer c;
        c.name = name;
        return CustomerService(db()).create(owner, c).value().id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(db());
        const QVector<Pipeline> pipelines = PipelineService(db()).list(m_team.admin).value();
        for (const Pipeline &p : pipelines)
            if (p.isDefault) {
                m_lead = p.stages.at(0).id;
                m_qualified = p.stages.at(1).id;
            }
        QVERIFY(m_lead && m_qualified);
        m_li = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void taskDoneIsUndoneAndRedone()
    {
        const QTimeZone tz = QTimeZone::systemTimeZone();
        Task t;
        t.title = QStringLiteral("回访星河科技");
        t.dueAt = QDateTime(QDateTime::currentDateTimeUtc().toTimeZone(tz).date(), QTime(12, 0), tz).toMSecsSinceEpoch();
        t.assigneeId = m_team.li.userId;
        const qint64 id = TaskService(db()).create(m_team.li, t).value().id;
        TasksView view(*m_li);
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading() && !view.tasks().isEmpty(); }, 20000));
        view.findChild<QTableWidget *>()->selectRow(0);
        QSignalSpy pushed(history().stack(), &QUndoStack::indexChanged);
        view.toggleSelected();
        QVERIFY(pushed.wait(20000));
        QCOMPARE(TaskService(db()).get(m_team.admin, id).value().status, QStringLiteral("done"));
        QCOMPARE(history().stack()->undoText(), QStringLiteral("Complete “回访星河科技”"));

        QVERIFY(step(true));
        QCOMPARE(TaskService(db()).get(m_team.admin, id).value().status, QStringLiteral("open"));
        QVERIFY(step(false));
        QCOMPARE(TaskService(db()).get(m_team.admin, id).value().status, QStringLiteral("done"));
    }

    void cardMoveIsUndoneUnlessChangedMeanwhile()
    {
        Opportunity o;
        o.customerId = customer(m_team.wang, QStringLiteral("云帆贸易"));
        o.name = QStringLiteral("ERP 一期");
        o.amountMinor = 1'000'000;
        o.stageId = m_lead;
        const qint64 id = OpportunityService(db()).create(m_team.wang, o).value().id;
        PipelineBoardView board(*m_li);
        QTest::qWait(30);
        QVERIFY(QTest::qWaitFor([&] { return !board.isLoading(); }, 30000));
        QSignalSpy finished(&board, &PipelineBoardView::moveFinished);
        board.requestMove(id, m_qualified);
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(OpportunityService(db()).get(m_team.admin, id).value().stageId, m_qualified);
        QVERIFY(history().stack()->undoText().startsWith(QStringLiteral("Move “ERP 一期” to ")));

        QVERIFY(step(true));
        QCOMPARE(OpportunityService(db()).get(m_team.admin, id).value().stageId, m_lead);
        QVERIFY(step(false));
        QCOMPARE(OpportunityService(db()).get(m_team.admin, id).value().stageId, m_qualified);
        const qsizetype history1 = OpportunityService(db()).stageHistory(m_team.admin, id).value().size();
        QVERIFY(history1 >= 4); // created, moved, moved back, moved again: each a normal move

        // Someone renames the deal: undoing the move would overwrite a newer state, so nothing happens.
        Opportunity renamed;
        renamed.name = QStringLiteral("ERP 一期（改）");
        QVERIFY(OpportunityService(db()).update(m_team.admin, id, renamed, {QStringLiteral("name")}).ok());
        QSignalSpy failed(&history(), &UndoHistory::failed);
        QVERIFY(!step(true));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!failed.first().first().toString().isEmpty());
        QCOMPARE(OpportunityService(db()).get(m_team.admin, id).value().stageId, m_qualified);
        QCOMPARE(history().stack()->count(), 0); // the history is cleared
    }

    void customerEditIsUndone()
    {
        const qint64 id = customer(m_team.wang, QStringLiteral("原来的名称"));
        CustomerDialog dialog(*m_li, id);
        QSignalSpy loaded(&dialog, &CustomerDialog::loaded);
        QVERIFY(loaded.wait(20000));
        dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("改过的名称"));
        QSignalSpy saved(&dialog, &CustomerDialog::saved);
        dialog.save();
        QVERIFY(saved.wait(20000));
        QCOMPARE(CustomerService(db()).get(m_team.admin, id).value().name, QStringLiteral("改过的名称"));
        QCOMPARE(history().stack()->undoText(), QStringLiteral("Edit “改过的名称”"));

        QVERIFY(step(true));
        QCOMPARE(CustomerService(db()).get(m_team.admin, id).value().name, QStringLiteral("原来的名称"));
        QVERIFY(step(false));
        QCOMPARE(CustomerService(db()).get(m_team.admin, id).value().name, QStringLiteral("改过的名称"));
    }

    // Edit > Undo follows the stack: its text names the step, Ctrl+Z triggers it.
    void menuActionsFollowTheStack()
    {
        MainWindow window(*m_li, nullptr);
        auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
        auto *redo = window.findChild<QAction *>(QStringLiteral("redoAction"));
        QVERIFY(undo && redo);
        QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(undo->isEnabled(), history().stack()->canUndo());
        QVERIFY(undo->isEnabled()); // the customer edit above
        QVERIFY(undo->text().contains(QStringLiteral("改过的名称")));
        QSignalSpy finished(&history(), &UndoHistory::finished);
        undo->trigger();
        QVERIFY(finished.wait(20000));
        QVERIFY(redo->isEnabled());
    }
};

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
