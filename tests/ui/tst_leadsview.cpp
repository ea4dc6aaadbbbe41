// The Leads view on signed-in sessions over a real store: a manager who hands work out sees the
// unassigned queue a public form fills and gives a lead to a rep, whose own view then lists it (and
// another rep's does not); an edit made on a stale copy is refused without overwriting; converting
// creates the customer; the status filter narrows the list; leads written elsewhere appear without a
// manual refresh; pages are read on demand.
#include "core/services/CustomerService.h"
#include "core/services/LeadService.h"
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/leads/LeadDialog.h"
#include "ui/leads/LeadTableModel.h"
#include "ui/MainWindow.h"
#include "ui/leads/LeadsView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace crm;

namespace {

bool waitLoaded(LeadsView &view)
{
    QTest::qWait(20);
    return QTest::qWaitFor([&] { return !view.model()->isLoading(); }, 20000);
}

QStringList names(const LeadsView &view)
{
    QStringList out;
    for (int row = 0; row < view.model()->rowCount(); ++row)
        out << view.model()->leadAt(row).name;
    return out;
}

QString cell(const LeadsView &view, qint64 leadId, int column)
{
    const int row = view.model()->rowOf(leadId);
    return row < 0 ? QString() : view.model()->index(row, column).data().toString();
}

// The dialog of that name the view has open (a closed one may linger until its deleteLater).
template <typename T>
T *openDialog(QWidget &view, const QString &name)
{
    T *found = nullptr;
    (void)QTest::qWaitFor([&] {
        for (T *d : view.findChildren<T *>(name))
            if (d->isVisible())
                found = d;
        return found != nullptr;
    }, 5000);
    return found;
}

} // namespace

class TestLeadsView : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_li; // manager: customer.assign, scope of his team
    qint64 m_public = 0; // from the web form: nobody's
    qint64 m_wangs = 0;

    qint64 createLead(const Actor &actor, const QString &name, const QString &company = {},
                      std::optional<qint64> owner = std::nullopt, const QString &status = QStringLiteral("new"))
    {
        Lead l;
        l.name = name;
        l.company = company;
        l.ownerId = owner;
        l.status = status;
        l.source = QStringLiteral("website-form");
        auto created = LeadService(*m_store->db).create(actor, l);
        if (!created)
            qFatal("create lead: %s", qPrintable(created.error().message));
        return created->id;
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
        QVERIFY(m_team.li.can(Permission::CustomerAssign));
        QVERIFY(!m_team.li.seesAll());
        QVERIFY(!m_team.wang.can(Permission::CustomerAssign));
        // As POST /api/public/leads does: the system actor, no owner.
        m_public = createLead(Actor::system(), QStringLiteral("王小明"), QStringLiteral("深圳星河科技有限公司"));
        QVERIFY(!LeadService(*m_store->db).get(Actor::system(), m_public)->ownerId);
        m_wangs = createLead(m_team.wang, QStringLiteral("王的线索"));
        m_li = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void managerSeesTheUnassignedQueue()
    {
        LeadsView view(*m_li);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(view));
        QVERIFY(names(view).contains(QStringLiteral("王小明")));
        QCOMPARE(cell(view, m_public, LeadTableModel::Owner), QStringLiteral("Unassigned"));
        QCOMPARE(cell(view, m_public, LeadTableModel::Company), QStringLiteral("深圳星河科技有限公司"));
        QCOMPARE(cell(view, m_public, LeadTableModel::Status), QStringLiteral("New"));
        QCOMPARE(cell(view, m_wangs, LeadTableModel::Owner), QStringLiteral("wang"));

        view.setOwnerFilter(LeadsView::OwnerFilter::Unassigned);
        QVERIFY(waitLoaded(view));
        QCOMPARE(names(view), QStringList{QStringLiteral("王小明")});
        auto *count = view.findChild<QLabel *>(QStringLiteral("leadCount"));
        QVERIFY(count);
        QCOMPARE(count->text(), QStringLiteral("1 lead(s)"));
    }

    void repWithoutAssignDoesNotSeeTheQueue()
    {
        auto wang = test::signedInSession(m_store->location, QStringLiteral("wang"));
        LeadsView view(*wang);
        QVERIFY(waitLoaded(view));
        auto *owner = view.findChild<QComboBox *>(QStringLiteral("ownerFilter"));
        QVERIFY(owner);
        QCOMPARE(owner->findText(QStringLiteral("Unassigned")), -1);
        view.setStatusFilter(QStringLiteral("all"));
        QVERIFY(waitLoaded(view));
        QCOMPARE(names(view), QStringList{QStringLiteral("王的线索")});
        QCOMPARE(view.model()->total(), qint64(1));
    }

    void assigningHandsTheLeadToARep()
    {
        LeadsView view(*m_li);
        view.setOwnerFilter(LeadsView::OwnerFilter::Unassigned);
        QVERIFY(waitLoaded(view));
        view.selectLead(m_public);
        auto *assign = view.findChild<QAction *>(QStringLiteral("assignLead"));
        QVERIFY(assign);
        QTRY_VERIFY(assign->isEnabled()); // once the users are in
        view.assignSelected();
        auto *dialog = openDialog<QInputDialog>(view, QStringLiteral("assignDialog"));
        QVERIFY(dialog);
        const QStringList items = dialog->comboBoxItems();
        QVERIFY2(items.first().startsWith(QLatin1String("Unassigned")), qPrintable(items.join(QLatin1Char('|'))));
        QVERIFY(!items.filter(QStringLiteral("(zhao)")).isEmpty());
        QVERIFY(items.filter(QStringLiteral("(qian)")).isEmpty()); // another team: out of li's scope
        dialog->setTextValue(items.filter(QStringLiteral("(wang)")).value(0));
        dialog->accept();

        QTRY_COMPARE_WITH_TIMEOUT(LeadService(*m_store->db).get(m_team.li, m_public)->ownerId, std::optional<qint64>(m_team.wang.userId), 10000);
        // Out of the queue through the change feed, without a refresh.
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading() && view.model()->rowOf(m_public) < 0, 10000);
        QVERIFY(view.notice().contains(QStringLiteral("assigned to wang")));

        auto wang = test::signedInSession(m_store->location, QStringLiteral("wang"));
        LeadsView wangsView(*wang);
        QVERIFY(waitLoaded(wangsView));
        QVERIFY(names(wangsView).contains(QStringLiteral("王小明")));
        QCOMPARE(cell(wangsView, m_public, LeadTableModel::Owner), QStringLiteral("wang"));
        auto zhao = test::signedInSession(m_store->location, QStringLiteral("zhao"));
        LeadsView zhaosView(*zhao);
        QVERIFY(waitLoaded(zhaosView));
        zhaosView.setStatusFilter(QStringLiteral("all"));
        QVERIFY(waitLoaded(zhaosView));
        QVERIFY(!names(zhaosView).contains(QStringLiteral("王小明")));

        // And back to the queue.
        view.setOwnerFilter(LeadsView::OwnerFilter::All);
        QVERIFY(waitLoaded(view));
        view.assign(view.model()->leadAt(view.model()->rowOf(m_public)), std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(!LeadService(*m_store->db).get(m_team.li, m_public)->ownerId, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(view, m_public, LeadTableModel::Owner), QStringLiteral("Unassigned"), 10000);
    }

    void handingOutSeveralLeadsAtOnce()
    {
        const qint64 a = createLead(Actor::system(), QStringLiteral("批量一"));
        const qint64 b = createLead(Actor::system(), QStringLiteral("批量二"));
        const qint64 c = createLead(Actor::system(), QStringLiteral("批量三"));
        const qint64 d = createLead(Actor::system(), QStringLiteral("批量四"));
        LeadsView view(*m_li);
        view.setOwnerFilter(LeadsView::OwnerFilter::Unassigned);
        QVERIFY(waitLoaded(view));
        QTableView *table = view.table();
        table->clearSelection();
        for (qint64 id : {a, b})
            table->selectionModel()->select(view.model()->index(view.model()->rowOf(id), 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(view.selectedLeads().size(), 2);
        QVERIFY(!view.selectedLead()); // editing and converting take one lead
        auto *assign = view.findChild<QAction *>(QStringLiteral("assignLead"));
        QTRY_VERIFY(assign->isEnabled());
        QVERIFY(!view.findChild<QAction *>(QStringLiteral("editLead"))->isEnabled());
        view.assignSelected();
        auto *dialog = openDialog<QInputDialog>(view, QStringLiteral("assignDialog"));
        QVERIFY(dialog);
        QVERIFY2(dialog->labelText().contains(QLatin1Char('2')), qPrintable(dialog->labelText()));
        dialog->setTextValue(dialog->comboBoxItems().filter(QStringLiteral("(zhao)")).value(0));
        dialog->accept();
        LeadService leads(*m_store->db);
        QTRY_COMPARE_WITH_TIMEOUT(leads.get(m_team.li, b)->ownerId, std::optional<qint64>(m_team.zhao.userId), 10000);
        QCOMPARE(leads.get(m_team.li, a)->ownerId, std::optional<qint64>(m_team.zhao.userId));
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading() && view.model()->rowOf(a) < 0 && view.model()->rowOf(b) < 0, 10000);

        // One of two changed meanwhile: neither is handed out, and the list is read again.
        const Lead shownC = view.model()->leadAt(view.model()->rowOf(c));
        const Lead shownD = view.model()->leadAt(view.model()->rowOf(d));
        Lead renamed;
        renamed.name = QStringLiteral("批量四（改）");
        QVERIFY(leads.update(m_team.li, d, renamed, {QStringLiteral("name")}).ok());
        QSignalSpy finished(&view, &LeadsView::actionFinished);
        view.assign(QVector<Lead>{shownC, shownD}, m_team.wang.userId);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY(!leads.get(m_team.li, c)->ownerId);
        QVERIFY(!leads.get(m_team.li, d)->ownerId);
    }

    void aStaleEditIsRefusedAndReadAgain()
    {
        const qint64 id = createLead(m_team.li, QStringLiteral("编辑测试"), QStringLiteral("旧公司"), m_team.wang.userId);
        LeadsView view(*m_li);
        QVERIFY(waitLoaded(view));
        view.selectLead(id);
        view.editSelected();
        auto *dialog = openDialog<LeadDialog>(view, QStringLiteral("leadDialog"));
        QVERIFY(dialog);
        const int loadedVersion = dialog->original().version;
        // Someone else (the phone app) changes the company meanwhile.
        Lead other;
        other.company = QStringLiteral("外部修改的公司");
        QVERIFY(LeadService(*m_store->db).update(m_team.wang, id, other, {QStringLiteral("company")}).ok());

        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("改过的名字"));
        QCOMPARE(dialog->changedFields(), QSet<QString>{QStringLiteral("name")});
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
        QVERIFY2(dialog->errorText().startsWith(QLatin1String("Someone else changed this lead")), qPrintable(dialog->errorText()));
        QVERIFY(dialog->isVisible());
        auto stored = LeadService(*m_store->db).get(m_team.li, id);
        QCOMPARE(stored->name, QStringLiteral("编辑测试"));
        QCOMPARE(stored->company, QStringLiteral("外部修改的公司"));
        // The dialog now shows the lead as it is, with its new version.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->original().version, stored->version, 10000);
        QVERIFY(dialog->original().version > loadedVersion);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("company"))->text(), QStringLiteral("外部修改的公司"));

        // Applied again: only the name is sent, the other change stays.
        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("改过的名字"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_COMPARE_WITH_TIMEOUT(LeadService(*m_store->db).get(m_team.li, id)->name, QStringLiteral("改过的名字"), 10000);
        QCOMPARE(LeadService(*m_store->db).get(m_team.li, id)->company, QStringLiteral("外部修改的公司"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(view, id, LeadTableModel::Name), QStringLiteral("改过的名字"), 10000);
    }

    void convertingCreatesTheCustomer()
    {
        const qint64 id = createLead(m_team.li, QStringLiteral("赵先生"), QStringLiteral("成都蓝海贸易有限公司"), m_team.zhao.userId,
                                     QStringLiteral("qualified"));
        LeadsView view(*m_li);
        QSignalSpy opened(&view, &LeadsView::openCustomer);
        view.setStatusFilter(QStringLiteral("all"));
        QVERIFY(waitLoaded(view));
        view.selectLead(id);
        auto *convert = view.findChild<QAction *>(QStringLiteral("convertLead"));
        QVERIFY(convert->isEnabled());
        view.convertSelected();
        auto *confirm = openDialog<QMessageBox>(view, QStringLiteral("confirmConvert"));
        QVERIFY(confirm);
        confirm->button(QMessageBox::Yes)->click();
        auto *done = openDialog<QMessageBox>(view, QStringLiteral("converted"));
        QVERIFY(done);
        QVERIFY2(view.notice().startsWith(QStringLiteral("Converted into customer “成都蓝海贸易有限公司”")), qPrintable(view.notice()));

        auto lead = LeadService(*m_store->db).get(m_team.li, id);
        QCOMPARE(lead->status, QStringLiteral("converted"));
        QVERIFY(lead->convertedCustomerId > 0);
        QVERIFY(lead->convertedOpportunityId > 0);
        auto customer = CustomerService(*m_store->db).get(m_team.li, lead->convertedCustomerId);
        QVERIFY(customer.ok());
        QCOMPARE(customer->name, QStringLiteral("成都蓝海贸易有限公司"));
        QCOMPARE(customer->ownerId, std::optional<qint64>(m_team.zhao.userId));

        done->findChild<QPushButton *>(QStringLiteral("openCustomer"))->click();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toLongLong(), lead->convertedCustomerId);

        // The row follows: converted, and no longer editable or convertible.
        QTRY_COMPARE_WITH_TIMEOUT(cell(view, id, LeadTableModel::Status), QStringLiteral("Converted"), 10000);
        view.selectLead(id);
        QVERIFY(!convert->isEnabled());
        QVERIFY(!view.findChild<QAction *>(QStringLiteral("editLead"))->isEnabled());
        // Deleting it is refused with the service's reason.
        view.deleteSelected();
        auto *ask = openDialog<QMessageBox>(view, QStringLiteral("confirmDelete"));
        QVERIFY(ask);
        QSignalSpy finished(&view, &LeadsView::actionFinished);
        ask->button(QMessageBox::Yes)->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(view.notice().startsWith(QLatin1String("This lead has been converted")), qPrintable(view.notice()));
        QVERIFY(LeadService(*m_store->db).get(m_team.li, id).ok());
        // The default filter (open leads) leaves it out.
        view.setStatusFilter(QStringLiteral("open"));
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.model()->rowOf(id), -1);
    }

    void deletingAnOpenLead()
    {
        const qint64 id = createLead(m_team.li, QStringLiteral("要删除的线索"), {}, m_team.wang.userId);
        LeadsView view(*m_li);
        QVERIFY(waitLoaded(view));
        view.selectLead(id);
        view.deleteSelected();
        auto *ask = openDialog<QMessageBox>(view, QStringLiteral("confirmDelete"));
        QVERIFY(ask);
        ask->button(QMessageBox::Yes)->click();
        auto errorCode = [&] {
            auto r = LeadService(*m_store->db).get(m_team.li, id);
            return r.ok() ? QString() : r.error().code;
        };
        QTRY_COMPARE_WITH_TIMEOUT(errorCode(), QStringLiteral("not_found"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading() && view.model()->rowOf(id) < 0, 10000);
    }

    void statusFilterNarrows()
    {
        const qint64 qualified = createLead(m_team.li, QStringLiteral("已确认的"), {}, m_team.wang.userId, QStringLiteral("qualified"));
        const qint64 dropped = createLead(m_team.li, QStringLiteral("无效的"), {}, m_team.wang.userId, QStringLiteral("disqualified"));
        LeadsView view(*m_li);
        QVERIFY(waitLoaded(view));
        // Open by default: new, contacted, qualified.
        QVERIFY(view.model()->rowOf(qualified) >= 0);
        QCOMPARE(view.model()->rowOf(dropped), -1);
        for (const QString &status : {QStringLiteral("disqualified"), QStringLiteral("qualified")}) {
            view.setStatusFilter(status);
            QVERIFY(waitLoaded(view));
            LeadFilter f;
            f.statuses = {status};
            QCOMPARE(view.model()->total(), LeadService(*m_store->db).count(m_team.li, f).value());
            QCOMPARE(qint64(view.model()->rowCount()), view.model()->total());
            for (int row = 0; row < view.model()->rowCount(); ++row)
                QCOMPARE(view.model()->leadAt(row).status, status);
        }
        QVERIFY(view.model()->rowOf(qualified) >= 0);
        QCOMPARE(view.model()->rowOf(dropped), -1);
        view.setStatusFilter(QStringLiteral("all"));
        QVERIFY(waitLoaded(view));
        QVERIFY(view.model()->rowOf(dropped) >= 0);
        QCOMPARE(view.model()->total(), LeadService(*m_store->db).count(m_team.li, {}).value());
    }

    void leadWrittenElsewhereAppears()
    {
        LeadsView view(*m_li);
        QVERIFY(waitLoaded(view));
        const qint64 before = view.model()->total();
        // A public form submission handled in this process (the embedded API server's services on the
        // session's store): the session's change feed carries it to the view.
        bool done = false;
        qint64 id = 0;
        m_li->worker().run(
            &view,
            [](Database &db) {
                Lead l;
                l.name = QStringLiteral("表单新线索");
                return LeadService(db).create(Actor::system(), l);
            },
            [&](Result<Lead> r) {
                done = r.ok();
                id = r ? r->id : 0;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading() && view.model()->rowOf(id) >= 0, 10000);
        QCOMPARE(view.model()->total(), before + 1);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("leadCount"))->text(), QStringLiteral("%1 lead(s)").arg(before + 1));

        if (!test::usePostgres())
            return; // other processes' writes arrive through PostgreSQL LISTEN/NOTIFY
        DatabaseOptions options;
        options.location = m_store->location;
        options.origin = QStringLiteral("another-process");
        auto other = Database::open(options);
        QVERIFY(other.ok());
        Lead l;
        l.name = QStringLiteral("另一进程的线索");
        auto created = LeadService(*other.value()).create(Actor::system(), l);
        QVERIFY(created.ok());
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOf(created->id) >= 0, 10000);
    }

    // The page is there for users with lead.read only.
    void onlyThoseWhoReadLeadsGetTheView()
    {
        MainWindow li(*m_li, nullptr);
        QVERIFY(qobject_cast<LeadsView *>(li.view(QStringLiteral("leads"))));
        OrgService org(*m_store->db);
        QStringList permissions = Permission::repDefaults();
        permissions.removeAll(Permission::LeadRead);
        permissions.removeAll(Permission::LeadWrite);
        auto role = org.createRole(m_team.admin, QStringLiteral("no-leads"), DataScope::Own, permissions);
        QVERIFY(role);
        QVERIFY(org.setRole(m_team.admin, m_team.qian.userId, role->id));
        auto qian = test::signedInSession(m_store->location, QStringLiteral("qian"));
        MainWindow window(*qian, nullptr);
        QVERIFY(!window.viewIds().contains(QStringLiteral("leads")));
        QVERIFY(window.viewIds().contains(QStringLiteral("customers")));
    }

    // Last: it adds many unowned leads.
    void pagesAreReadOnDemand()
    {
        const int extra = LeadTableModel::kPageSize + 30;
        QVERIFY(m_store->db->write([&]() -> Status {
                              LeadService svc(*m_store->db);
                              for (int i = 0; i < extra; ++i) {
                                  Lead l;
                                  l.name = QStringLiteral("批量线索 %1").arg(i);
                                  if (auto r = svc.create(Actor::system(), l); !r)
                                      return r.error();
                              }
                              return {};
                          })
                    .ok());
        LeadsView view(*m_li);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(view));
        LeadFilter open;
        open.statuses = {QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified")};
        const qint64 total = LeadService(*m_store->db).count(m_team.li, open).value();
        QVERIFY(total > LeadTableModel::kPageSize);
        QCOMPARE(view.model()->total(), total);
        QCOMPARE(view.model()->rowCount(), LeadTableModel::kPageSize);
        QVERIFY(view.model()->canFetchMore({}));
        view.model()->fetchMore({});
        QVERIFY(waitLoaded(view));
        QCOMPARE(qint64(view.model()->rowCount()), total);
        QVERIFY(!view.model()->canFetchMore({}));
        // Newest first, no row twice.
        QSet<qint64> ids;
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            ids.insert(view.model()->leadAt(row).id);
            if (row > 0)
                QVERIFY(view.model()->leadAt(row).id < view.model()->leadAt(row - 1).id);
        }
        QCOMPARE(qint64(ids.size()), total);
    }
};

QTEST_MAIN(TestLeadsView)
#include "tst_leadsview.moc"
