// The merge dialog and the customers view's "Merge…" action, driven like a user on a signed-in session
// over a real store (SQLite and PostgreSQL).
#include "core/services/ActivityService.h"
#include "core/services/CustomerService.h"
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/customers/CustomerTableModel.h"
#include "ui/customers/CustomersView.h"
#include "ui/customers/MergeCustomersDialog.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace crm;

class TestMergeDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session; // manager li: may edit and delete his reps' customers

    struct Pair
    {
        Customer older, newer;
    };

    // Two records of one company owned by rep wang; the newer one has more calls logged.
    Pair makePair(const QString &name, int olderCalls, int newerCalls)
    {
        CustomerService svc(*m_store->db);
        Customer a;
        a.name = name;
        a.status = QStringLiteral("active");
        a.phones = {Phone{QStringLiteral("13800000001"), {}, true}};
        Customer b;
        b.name = name + QStringLiteral("（重复）");
        b.status = QStringLiteral("prospect");
        b.industry = QStringLiteral("制造");
        b.phones = {Phone{QStringLiteral("13900000002"), {}, true}};
        Pair p;
        p.older = svc.create(m_team.wang, a).value();
        QTest::qWait(5); // distinct creation times
        p.newer = svc.create(m_team.wang, b).value();
        ActivityService activities(*m_store->db);
        auto log = [&](qint64 customerId, int n) {
            for (int i = 0; i < n; ++i) {
                Activity x;
                x.customerId = customerId;
                x.kind = QStringLiteral("call");
                x.subject = QStringLiteral("call %1").arg(i);
                if (!activities.log(m_team.wang, x).ok())
                    qFatal("activity");
            }
        };
        log(p.older.id, olderCalls);
        log(p.newer.id, newerCalls);
        p.older = svc.get(m_team.admin, p.older.id).value();
        p.newer = svc.get(m_team.admin, p.newer.id).value();
        return p;
    }

    static bool waitLoaded(MergeCustomersDialog &d)
    {
        return QTest::qWaitFor([&] { return d.isLoaded(); }, 20000);
    }

    static bool waitIdle(CustomerTableModel *model)
    {
        QTest::qWait(30);
        return QTest::qWaitFor([&] { return !model->isLoading() && model->isCountKnown(); }, 20000);
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
        m_session = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void defaultsChoicesAndMerge()
    {
        const Pair p = makePair(QStringLiteral("杭州青禾科技"), 1, 3);
        // Passed in either order: the record with more history is offered as the survivor.
        MergeCustomersDialog dialog(*m_session, p.older.id, p.newer.id);
        dialog.show();
        QVERIFY(waitLoaded(dialog));
        QCOMPARE(dialog.survivorId(), p.newer.id);
        QVERIFY(dialog.mergeButton()->isEnabled());
        const QStringList fields = dialog.choiceFields();
        QVERIFY(fields.contains(QStringLiteral("name")));
        QVERIFY(fields.contains(QStringLiteral("status")));
        QVERIFY(fields.contains(QStringLiteral("industry")));
        QVERIFY(!fields.contains(QStringLiteral("kind"))); // the same in both: no choice
        QVERIFY(!fields.contains(QStringLiteral("phones"))); // lists are united, not chosen
        QCOMPARE(dialog.valueSource(QStringLiteral("status")), p.newer.id);
        QVERIFY(dialog.summary().contains(p.newer.name));
        QVERIFY(dialog.summary().contains(QStringLiteral("1 ")));

        // With more activity on the older record, it is the default instead; ties go to the older one.
        const Pair q = makePair(QStringLiteral("成都蓝海贸易"), 2, 1);
        MergeCustomersDialog other(*m_session, q.newer.id, q.older.id);
        QVERIFY(waitLoaded(other));
        QCOMPARE(other.survivorId(), q.older.id);
        // The survivor's empty industry takes the other's value by default.
        QCOMPARE(other.valueSource(QStringLiteral("industry")), q.newer.id);
        QCOMPARE(other.valueSource(QStringLiteral("name")), q.older.id);
        const Pair tie = makePair(QStringLiteral("广州云帆"), 0, 0);
        MergeCustomersDialog tied(*m_session, tie.newer.id, tie.older.id);
        QVERIFY(waitLoaded(tied));
        QCOMPARE(tied.survivorId(), tie.older.id);

        // The user keeps the older record, takes its status from the newer one, and merges.
        dialog.setSurvivor(p.older.id);
        QCOMPARE(dialog.valueSource(QStringLiteral("name")), p.older.id);
        QCOMPARE(dialog.valueSource(QStringLiteral("industry")), p.newer.id); // the survivor's was empty
        QVERIFY(dialog.summary().contains(p.older.name));
        QVERIFY(dialog.summary().contains(QStringLiteral("3 ")));
        dialog.findChild<QRadioButton *>(QStringLiteral("second:status"))->click();
        QCOMPARE(dialog.valueSource(QStringLiteral("status")), p.newer.id);
        const CustomerMergeRequest r = dialog.request();
        QCOMPARE(r.survivorId, p.older.id);
        QCOMPARE(r.duplicateId, p.newer.id);
        QCOMPARE(r.fromDuplicate, (QSet<QString>{QStringLiteral("status"), QStringLiteral("industry")}));

        QSignalSpy merged(&dialog, &MergeCustomersDialog::merged);
        QTest::mouseClick(dialog.mergeButton(), Qt::LeftButton);
        QVERIFY(merged.wait(20000));
        QCOMPARE(merged.first().first().toLongLong(), p.older.id);
        const Customer s = CustomerService(*m_store->db).get(m_team.admin, p.older.id).value();
        QCOMPARE(s.name, p.older.name);
        QCOMPARE(s.status, QStringLiteral("prospect"));
        QCOMPARE(s.industry, QStringLiteral("制造"));
        QCOMPARE(s.phones.size(), 2);
        QCOMPARE(CustomerService(*m_store->db).get(m_team.admin, p.newer.id).error().code, QStringLiteral("not_found"));
        QVERIFY(!dialog.isVisible());
    }

    void staleRecordIsRefusedAndReloaded()
    {
        const Pair p = makePair(QStringLiteral("南京远景科技"), 0, 0);
        MergeCustomersDialog dialog(*m_session, p.older.id, p.newer.id);
        dialog.show();
        QVERIFY(waitLoaded(dialog));
        // Someone edits the other record meanwhile.
        Customer edit;
        edit.notes = QStringLiteral("来电确认地址");
        QVERIFY(CustomerService(*m_store->db).update(m_team.wang, p.newer.id, edit, {QStringLiteral("notes")}).ok());

        QSignalSpy failed(&dialog, &MergeCustomersDialog::mergeFailed);
        QSignalSpy loaded(&dialog, &MergeCustomersDialog::loaded);
        dialog.merge();
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("conflict.version"));
        QVERIFY(!dialog.errorMessage().isEmpty());
        QVERIFY(dialog.isVisible());
        QVERIFY(CustomerService(*m_store->db).get(m_team.admin, p.newer.id).ok()); // nothing merged
        // The dialog reads both again: the new note is offered and the merge now goes through.
        QVERIFY(loaded.count() > 0 || loaded.wait(20000));
        QVERIFY(dialog.choiceFields().contains(QStringLiteral("notes")));
        QSignalSpy merged(&dialog, &MergeCustomersDialog::merged);
        dialog.merge();
        QVERIFY(merged.wait(20000));
    }

    void viewOffersMergeForExactlyTwo()
    {
        const Pair p = makePair(QStringLiteral("厦门鹭岛电子"), 1, 0);
        CustomersView view(*m_session);
        view.setSearchDelay(0);
        view.show();
        CustomerTableModel *model = view.model();
        QVERIFY(waitIdle(model));
        auto *search = view.findChild<QLineEdit *>(QStringLiteral("search"));
        search->setText(QStringLiteral("鹭岛电子"));
        view.applyFilter();
        QVERIFY(waitIdle(model));
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 2, 10000);
        auto *merge = view.findChild<QAction *>(QStringLiteral("mergeCustomers"));
        QVERIFY(merge);
        QTableView *table = view.table();
        table->selectRow(0);
        QVERIFY(!merge->isEnabled());
        QVERIFY(!view.mergeSelected());
        table->selectionModel()->select(model->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(merge->isEnabled());

        MergeCustomersDialog *dialog = view.mergeSelected();
        QVERIFY(dialog);
        QVERIFY(waitLoaded(*dialog));
        QCOMPARE(dialog->survivorId(), p.older.id);
        QSignalSpy finished(&view, &CustomersView::actionFinished);
        dialog->merge();
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.first().first().toBool());
        // The list follows the change feed: one row left.
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->idAt(0), p.older.id, 10000);

        // A rep may not delete customers, so the action is off for them even with two rows selected.
        auto rep = test::signedInSession(m_store->location, QStringLiteral("wang"));
        makePair(QStringLiteral("青岛海风食品"), 0, 0);
        CustomersView repView(*rep);
        repView.show();
        QVERIFY(waitIdle(repView.model()));
        QVERIFY(repView.model()->totalCount() >= 2);
        repView.table()->selectRow(0);
        repView.table()->selectionModel()->select(repView.model()->index(1, 0),
                                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(!repView.findChild<QAction *>(QStringLiteral("mergeCustomers"))->isEnabled());
        QVERIFY(!repView.mergeSelected());
    }

    // Last: it changes the manager role's field rules.
    void readOnlyFieldKeepsTheSurvivorsValue()
    {
        OrgService org(*m_store->db);
        const qint64 role = org.roleByName(QStringLiteral("manager")).value().id;
        QVERIFY(org.setFieldRule(m_team.admin, role, QStringLiteral("customer"), QStringLiteral("status"), FieldRule::ReadOnly).ok());
        auto li = test::signedInSession(m_store->location, QStringLiteral("li"));
        const Pair p = makePair(QStringLiteral("苏州织锦丝绸"), 1, 0);
        MergeCustomersDialog dialog(*li, p.older.id, p.newer.id);
        QVERIFY(waitLoaded(dialog));
        QVERIFY(dialog.choiceFields().contains(QStringLiteral("status")));
        QVERIFY(!dialog.isChoiceEnabled(QStringLiteral("status")));
        QVERIFY(dialog.isChoiceEnabled(QStringLiteral("industry")));
        dialog.setValueSource(QStringLiteral("status"), p.newer.id); // refused: stays the survivor's
        QCOMPARE(dialog.valueSource(QStringLiteral("status")), p.older.id);
        QVERIFY(!dialog.request().fromDuplicate.contains(QStringLiteral("status")));
        QSignalSpy merged(&dialog, &MergeCustomersDialog::merged);
        dialog.merge();
        QVERIFY(merged.wait(20000));
        QCOMPARE(CustomerService(*m_store->db).get(m_team.admin, p.older.id)->status, QStringLiteral("active"));
    }
};

QTEST_MAIN(TestMergeDialog)
#include "tst_mergedialog.moc"
