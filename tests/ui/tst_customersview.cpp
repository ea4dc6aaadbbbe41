// The customers view driven like a user: debounced search, filters as queries, keyboard, bulk
// actions and the customer page's per-field validation, on a signed-in session over a real store.
#include "core/services/ActivityService.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CampaignService.h"
#include "core/services/CustomerService.h"
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/customers/CustomerDialog.h"
#include "ui/customers/CustomerTableModel.h"
#include "ui/customers/CustomersView.h"
#include "ui/customers/LastContactFilter.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace crm;

class TestCustomersView : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session;

    static bool waitIdle(CustomerTableModel *model)
    {
        QTest::qWait(30);
        return QTest::qWaitFor([&] { return !model->isLoading() && model->isCountKnown(); }, 20000);
    }

    // Clicks `button` of the next message box that opens.
    static void answerNextMessageBox(QMessageBox::StandardButton button)
    {
        QTimer::singleShot(50, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box)
                box->button(button)->click();
        });
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
        CustomerService svc(*m_store->db);
        const QStringList names = {QStringLiteral("深圳星河科技有限公司"), QStringLiteral("广州云帆贸易有限公司"),
                                   QStringLiteral("杭州青禾科技有限公司"), QStringLiteral("Acme Trading Ltd"),
                                   QStringLiteral("王芳"), QStringLiteral("北京远景科技有限公司")};
        for (int i = 0; i < 30; ++i) {
            Customer c;
            c.name = names.at(i % names.size()) + QString::number(i);
            c.status = i % 3 == 0 ? QStringLiteral("active") : QStringLiteral("prospect");
            c.source = i % 2 ? QStringLiteral("website") : QStringLiteral("referral");
            c.tags = i % 5 == 0 ? QStringList{QStringLiteral("VIP客户")} : QStringList{};
            auto created = svc.create(i % 2 ? m_team.wang : m_team.zhao, c);
            QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        }
        // Manager li sees his reps' customers and may assign, tag and delete.
        m_session = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void searchWaitsForTheTypingToStop()
    {
        CustomersView view(*m_session);
        view.show();
        CustomerTableModel *model = view.model();
        QVERIFY(waitIdle(model));
        QCOMPARE(model->totalCount(), qint64(30));
        const int generation = model->generation();
        auto *search = view.findChild<QLineEdit *>(QStringLiteral("search"));
        // Typed one character at a time (an input method commits Chinese text to the line edit).
        for (const QChar c : QStringLiteral("科技")) {
            search->insert(QString(c));
            QTest::qWait(100); // less than the debounce
        }
        // Still the old query while typing...
        QCOMPARE(model->generation(), generation);
        QVERIFY(model->filter().keyword.isEmpty());
        // ...and one new query once the typing paused.
        QTRY_COMPARE_WITH_TIMEOUT(model->filter().keyword, QStringLiteral("科技"), 2000);
        QCOMPARE(model->generation(), generation + 1);
        QVERIFY(waitIdle(model));
        QCOMPARE(model->totalCount(), qint64(15)); // 星河科技, 青禾科技, 远景科技: 3 of every 6
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->customerAt(row)->name.contains(QStringLiteral("科技")));
        // A one-character query is a prefix search too.
        search->setText(QStringLiteral("王"));
        QTRY_COMPARE_WITH_TIMEOUT(model->filter().keyword, QStringLiteral("王"), 2000);
        QVERIFY(waitIdle(model));
        QCOMPARE(model->totalCount(), qint64(5));
    }

    void filtersChangeTheQuery()
    {
        CustomersView view(*m_session);
        view.setSearchDelay(50);
        view.show();
        CustomerTableModel *model = view.model();
        QVERIFY(waitIdle(model));

        auto *status = view.findChild<QComboBox *>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(QStringLiteral("active")));
        QCOMPARE(model->filter().statuses, QStringList{QStringLiteral("active")});
        QVERIFY(waitIdle(model));
        QCOMPARE(model->totalCount(), qint64(10));

        auto *source = view.findChild<QLineEdit *>(QStringLiteral("sourceFilter"));
        source->setText(QStringLiteral("website"));
        QTRY_COMPARE_WITH_TIMEOUT(model->filter().source, QStringLiteral("website"), 2000);
        QVERIFY(waitIdle(model));
        QCOMPARE(model->totalCount(), qint64(5)); // active (i % 3 == 0) and website (odd i): 3, 9, 15, 21, 27

        status->setCurrentIndex(0);
        source->clear();
        auto *tag = view.findChild<QLineEdit *>(QStringLiteral("tagFilter"));
        tag->setText(QStringLiteral("VIP客户"));
        QTRY_COMPARE_WITH_TIMEOUT(model->filter().tag, QStringLiteral("VIP客户"), 2000);
        QVERIFY(waitIdle(model));
        QCOMPARE(model->totalCount(), qint64(6));
        tag->clear();

        auto *owner = view.findChild<QComboBox *>(QStringLiteral("ownerFilter"));
        QTRY_VERIFY(owner->findData(m_team.wang.userId) >= 0); // the team is loaded off the GUI thread
        owner->setCurrentIndex(owner->findData(m_team.wang.userId));
        QCOMPARE(model->filter().ownerId, std::optional<qint64>(m_team.wang.userId));
        QVERIFY(waitIdle(model));
        QCOMPARE(model->totalCount(), qint64(15));
        owner->setCurrentIndex(owner->findData(QStringLiteral("pool")));
        QVERIFY(model->filter().poolOnly);
    }

    void keyboardFindOpenAndDelete()
    {
        CustomersView view(*m_session);
        view.resize(1000, 600);
        view.show();
        view.activateWindow(); // shortcuts go to the active window
        QVERIFY(QTest::qWaitForWindowActive(&view));
        CustomerTableModel *model = view.model();
        QVERIFY(waitIdle(model));
        QTableView *table = view.table();
        table->setFocus();

        QTest::keyClick(&view, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), view.findChild<QLineEdit *>(QStringLiteral("search")));

        // Enter opens the current customer's page.
        table->setFocus();
        table->selectRow(0);
        QTest::keyClick(table, Qt::Key_Return);
        auto *dialog = view.findChild<CustomerDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->customerId(), model->idAt(0));
        QSignalSpy loaded(dialog, &CustomerDialog::loaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(dialog->customer().name, model->customerAt(0)->name);
        dialog->close();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));

        // Delete asks first; "No" keeps the customer.
        const qint64 before = model->totalCount();
        const qint64 id = model->idAt(0);
        table->setFocus();
        table->selectRow(0);
        bool asked = false;
        QTimer::singleShot(50, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            asked = box != nullptr;
            if (box)
                box->button(QMessageBox::No)->click();
        });
        QTest::keyClick(table, Qt::Key_Delete);
        QTRY_VERIFY(asked);
        view.activateWindow(); // the message box had taken the activation
        QVERIFY(QTest::qWaitForWindowActive(&view));
        table->setFocus();
        QVERIFY(CustomerService(*m_store->db).get(m_team.admin, id).ok());
        // "Yes" deletes it, and the table follows without a refresh.
        QSignalSpy finished(&view, &CustomersView::actionFinished);
        answerNextMessageBox(QMessageBox::Yes);
        QTest::keyClick(table, Qt::Key_Delete);
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(CustomerService(*m_store->db).get(m_team.admin, id).error().code, QStringLiteral("not_found"));
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), before - 1, 10000);

        // Ctrl+N opens an empty customer page.
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTest::keyClick(&view, Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(view.findChildren<CustomerDialog *>().size() >= 1);
        bool foundNew = false;
        for (CustomerDialog *d : view.findChildren<CustomerDialog *>())
            if (d->customerId() == 0) {
                foundNew = true;
                d->close();
            }
        QVERIFY(foundNew);
    }

    void bulkMoveToPool()
    {
        CustomersView view(*m_session);
        view.show();
        CustomerTableModel *model = view.model();
        QVERIFY(waitIdle(model));
        QTableView *table = view.table();
        table->selectRow(0);
        table->selectionModel()->select(model->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(model->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QVector<qint64> ids{model->idAt(0), model->idAt(1), model->idAt(2)};
        QSignalSpy finished(&view, &CustomersView::actionFinished);
        view.moveSelectedToPool();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        for (qint64 id : ids) {
            auto c = CustomerService(*m_store->db).get(m_team.admin, id);
            QVERIFY(c.ok());
            QVERIFY(!c->ownerId);
        }
        // Li no longer sees them (the pool is out of a manager's own scope): the table shrinks.
        const qint64 visible = CustomerService(*m_store->db).count(m_session->actor(), {}).value();
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), visible, 10000);
    }

    void bulkAddToCampaign()
    {
        Campaign draft;
        draft.name = QStringLiteral("双十一老客户回馈");
        auto campaign = CampaignService(*m_store->db).create(m_session->actor(), draft);
        QVERIFY2(campaign.ok(), campaign.ok() ? "" : qPrintable(campaign.error().message));
        CustomersView view(*m_session);
        view.show();
        CustomerTableModel *model = view.model();
        QVERIFY(waitIdle(model));
        QTableView *table = view.table();
        table->selectRow(0);
        table->selectionModel()->select(model->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QVector<qint64> ids{model->idAt(0), model->idAt(1)};
        QSignalSpy finished(&view, &CustomersView::actionFinished);
        view.addSelectedToCampaign(campaign->id);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.last().first().toBool(), qPrintable(finished.last().at(1).toString()));
        auto page = CampaignService(*m_store->db).participants(m_session->actor(), campaign->id);
        QVERIFY(page.ok());
        QVector<qint64> added;
        for (const CampaignParticipant &p : std::as_const(page->participants))
            added << p.customerId;
        std::sort(added.begin(), added.end());
        QVector<qint64> expected = ids;
        std::sort(expected.begin(), expected.end());
        QCOMPARE(added, expected);

        // Again with one more: only the new one is added, and the message says the others took part already.
        table->selectionModel()->select(model->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.addSelectedToCampaign(campaign->id);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.last().at(1).toString().contains(QLatin1Char('2')), qPrintable(finished.last().at(1).toString()));
        QCOMPARE(CampaignService(*m_store->db).stats(m_session->actor(), campaign->id)->participants, 3);
    }

    void customerPageShowsFieldErrors()
    {
        CustomerDialog dialog(*m_session, 0);
        dialog.show();
        QSignalSpy failed(&dialog, &CustomerDialog::saveFailed);
        dialog.save();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<Error>().field, QStringLiteral("name"));
        QVERIFY(!dialog.fieldMessage(QStringLiteral("name")).isEmpty());

        dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("成都蓝海科技有限公司"));
        auto *phones = dialog.findChild<QTableWidget *>(QStringLiteral("phones"));
        phones->insertRow(0);
        phones->setItem(0, 0, new QTableWidgetItem(QStringLiteral("not a phone")));
        dialog.save();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.last().first().value<Error>().field, QStringLiteral("phones"));
        QVERIFY(!dialog.fieldMessage(QStringLiteral("phones")).isEmpty());
        QVERIFY(dialog.fieldMessage(QStringLiteral("name")).isEmpty()); // the old message is gone

        phones->item(0, 0)->setText(QStringLiteral("+86 139 1234 5678"));
        QSignalSpy saved(&dialog, &CustomerDialog::saved);
        dialog.save();
        QVERIFY(saved.wait(10000));
        auto c = CustomerService(*m_store->db).get(m_team.admin, saved.first().first().toLongLong());
        QVERIFY(c.ok());
        QCOMPARE(c->name, QStringLiteral("成都蓝海科技有限公司"));
        QCOMPARE(c->phone, QStringLiteral("13912345678"));
    }

    void anotherProcessesWriteShowsUp()
    {
        if (!test::usePostgres())
            QSKIP("Other processes' changes arrive through PostgreSQL LISTEN/NOTIFY");
        CustomersView view(*m_session);
        view.show();
        CustomerTableModel *model = view.model();
        QVERIFY(waitIdle(model));
        // Another process: its own connection, its own origin, no shared feed.
        DatabaseOptions options;
        options.location = m_store->location;
        options.origin = QStringLiteral("another-process");
        auto other = Database::open(options);
        QVERIFY(other.ok());
        const qint64 id = model->idAt(0);
        Customer values;
        values.name = QStringLiteral("另一进程改过的名称");
        auto updated = CustomerService(*other.value()).update(m_team.admin, id, values, {QStringLiteral("name")});
        QVERIFY(updated.ok());
        QTRY_COMPARE_WITH_TIMEOUT(model->customerAt(0) ? model->customerAt(0)->name : QString(), values.name, 10000);
    }

    // Group and last contact filters through their widgets, and a drill-down's created range as a
    // removable chip: the rows shown are exactly the matching customers in li's scope.
    void groupLastContactAndCreatedChip()
    {
        CustomerService svc(*m_store->db);
        constexpr qint64 kDay = 86'400'000;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        auto add = [&](const Actor &owner, const QString &name, const QString &group, qint64 contactedAgo) {
            Customer c;
            c.name = name;
            c.groups = {group};
            auto created = svc.create(owner, c);
            QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
            if (contactedAgo) {
                Activity a;
                a.customerId = created->id;
                a.kind = QStringLiteral("call");
                a.occurredAt = now - contactedAgo;
                QVERIFY(ActivityService(*m_store->db).log(owner, a).ok());
            }
        };
        add(m_team.wang, QStringLiteral("筛选甲"), QStringLiteral("华南大客户"), 10 * kDay);
        add(m_team.zhao, QStringLiteral("筛选乙"), QStringLiteral("华南大客户"), 0);
        add(m_team.wang, QStringLiteral("筛选丙"), QStringLiteral("华东"), 2 * kDay);
        add(m_team.qian, QStringLiteral("筛选丁"), QStringLiteral("华南大客户"), 0); // another team: never li's

        CustomersView view(*m_session);
        view.setSearchDelay(50);
        view.resize(1400, 700);
        view.show();
        CustomerTableModel *model = view.model();
        QVERIFY(waitIdle(model));
        const qint64 all = model->totalCount();
        auto shown = [&] {
            QStringList out;
            for (int row = 0; row < model->rowCount(); ++row)
                out << (model->customerAt(row) ? model->customerAt(row)->name : QStringLiteral("?"));
            out.sort();
            return out;
        };

        auto *group = view.findChild<QLineEdit *>(QStringLiteral("groupFilter"));
        QVERIFY(group);
        group->setText(QStringLiteral("华南大客户"));
        QTRY_COMPARE_WITH_TIMEOUT(model->filter().group, QStringLiteral("华南大客户"), 2000);
        QVERIFY(waitIdle(model));
        QCOMPARE(shown(), (QStringList{QStringLiteral("筛选乙"), QStringLiteral("筛选甲")}));
        QCOMPARE(model->totalCount(), qint64(2));

        auto *choice = view.findChild<QComboBox *>(QStringLiteral("lastContactChoice"));
        QVERIFY(choice);
        choice->setCurrentIndex(choice->findData(int(LastContactFilter::Never)));
        QVERIFY(waitIdle(model));
        QCOMPARE(shown(), QStringList{QStringLiteral("筛选乙")});

        // Not contacted for 7 days, with a keyword instead of the group: never contacted ones count,
        // the one called two days ago does not.
        group->clear();
        auto *search = view.findChild<QLineEdit *>(QStringLiteral("search"));
        search->setText(QStringLiteral("筛选"));
        choice->setCurrentIndex(choice->findData(int(LastContactFilter::Days7)));
        QTRY_COMPARE_WITH_TIMEOUT(model->filter().keyword, QStringLiteral("筛选"), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(model->filter().group.isEmpty(), 2000);
        QVERIFY(waitIdle(model));
        QVERIFY(qAbs(model->filter().lastContactTo.value_or(0) - (now - 7 * kDay)) < 5 * 60'000);
        QCOMPARE(shown(), (QStringList{QStringLiteral("筛选乙"), QStringLiteral("筛选甲")}));

        // Contacted between two local days: the date fields appear and narrow to the call 10 days ago.
        choice->setCurrentIndex(choice->findData(int(LastContactFilter::Between)));
        auto *first = view.findChild<QDateEdit *>(QStringLiteral("lastContactFirst"));
        auto *last = view.findChild<QDateEdit *>(QStringLiteral("lastContactLast"));
        QVERIFY(first && last && first->isVisible() && last->isVisible());
        const QDate today = QDate::currentDate();
        first->setDate(today.addDays(-12));
        last->setDate(today.addDays(-8));
        QVERIFY(waitIdle(model));
        QTRY_COMPARE_WITH_TIMEOUT(shown(), QStringList{QStringLiteral("筛选甲")}, 5000);
        last->setDate(today);
        QVERIFY(waitIdle(model));
        QTRY_COMPARE_WITH_TIMEOUT(shown(), (QStringList{QStringLiteral("筛选丙"), QStringLiteral("筛选甲")}), 5000);

        // A drill-down clears the other filters and shows its range as a chip; removing the chip
        // brings every customer in scope back.
        auto *chip = view.findChild<QToolButton *>(QStringLiteral("createdChip"));
        QVERIFY(chip && !chip->isVisible());
        view.showCreatedIn(now - 400 * kDay, now - 399 * kDay, QStringLiteral("2025-10"));
        QVERIFY(waitIdle(model));
        QVERIFY(chip->isVisible());
        QVERIFY(chip->text().contains(QStringLiteral("2025-10")));
        QVERIFY(search->text().isEmpty());
        QCOMPARE(choice->currentData().toInt(), int(LastContactFilter::Any));
        QCOMPARE(model->totalCount(), qint64(0));
        view.showCreatedIn(now - kDay, now + kDay, QStringLiteral("today"));
        QVERIFY(waitIdle(model));
        QCOMPARE(model->totalCount(), all); // every customer here was created just now
        QTest::mouseClick(chip, Qt::LeftButton);
        QVERIFY(!chip->isVisible());
        QVERIFY(!model->filter().createdFrom && !model->filter().createdTo);
        QVERIFY(waitIdle(model));
        QCOMPARE(model->totalCount(), all);

        // One rep's customers (the dashboard's activities bar): the owner box shows who.
        view.showOwnedBy(m_team.zhao.userId);
        QVERIFY(waitIdle(model));
        QCOMPARE(model->filter().ownerId, std::optional<qint64>(m_team.zhao.userId));
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->customerAt(row)->ownerId, std::optional<qint64>(m_team.zhao.userId));
        QVERIFY(shown().contains(QStringLiteral("筛选乙")));
    }

    // The company's custom fields as columns after the fixed ones: their labels, the values shown by
    // type, a relabel and a removal followed live, and none for a role whose field rules hide them.
    void customFieldColumns()
    {
        CustomFieldService fields(*m_store->db);
        auto field = [&](const QString &key, const QString &label, const QString &type) {
            CustomFieldDef d;
            d.key = key;
            d.label = label;
            d.type = type;
            auto added = fields.add(m_team.admin, d);
            QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        };
        field(QStringLiteral("contract_no"), QStringLiteral("合同编号"), QStringLiteral("text"));
        field(QStringLiteral("spare"), QStringLiteral("备用"), QStringLiteral("text")); // no customer has a value: removable
        field(QStringLiteral("budget"), QStringLiteral("预算"), QStringLiteral("number"));
        field(QStringLiteral("key_account"), QStringLiteral("重点客户"), QStringLiteral("bool"));
        CustomerService svc(*m_store->db);
        Customer c;
        c.name = QStringLiteral("自定义字段客户");
        c.customFields = {{QStringLiteral("contract_no"), QStringLiteral("HT-2026-001")},
                          {QStringLiteral("budget"), 12345.5},
                          {QStringLiteral("key_account"), true}};
        auto created = svc.create(m_team.wang, c);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));

        CustomersView view(*m_session);
        view.show();
        CustomerTableModel *model = view.model();
        const int first = CustomerTableModel::ColumnCount;
        QTRY_COMPARE_WITH_TIMEOUT(model->columnCount(), first + 4, 5000);
        QVERIFY(waitIdle(model));
        QCOMPARE(model->headerData(first, Qt::Horizontal).toString(), QStringLiteral("合同编号"));
        QCOMPARE(model->headerData(first + 3, Qt::Horizontal).toString(), QStringLiteral("重点客户"));
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->idAt(r) == created->id)
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, first).data().toString(), QStringLiteral("HT-2026-001"));
        QCOMPARE(model->index(row, first + 1).data().toString(), QString());
        QCOMPARE(model->index(row, first + 2).data().toString(), QLocale().toString(12345.5, 'g', 15));
        QCOMPARE(model->index(row, first + 3).data().toString(), QStringLiteral("Yes"));
        QVERIFY(model->index(row == 0 ? 1 : 0, first).data().toString().isEmpty()); // no value

        // Relabelled and removed as Settings does it (the session's connection, which announces the
        // change on the session's feed): the columns follow.
        auto throughSession = [&](std::function<Status(Database &)> job) {
            std::optional<Status> outcome;
            m_session->worker().run(&view, [job](Database &db) -> Status { return job(db); }, [&](Status st) { outcome = st; });
            return QTest::qWaitFor([&] { return outcome.has_value(); }, 5000) && outcome->ok();
        };
        const Actor admin = m_team.admin;
        QVERIFY(throughSession([admin](Database &db) -> Status {
            CustomFieldDef relabel;
            relabel.label = QStringLiteral("合同号");
            auto updated = CustomFieldService(db).update(admin, QStringLiteral("contract_no"), relabel);
            return updated ? Status() : Status(updated.error());
        }));
        QTRY_COMPARE_WITH_TIMEOUT(model->headerData(first, Qt::Horizontal).toString(), QStringLiteral("合同号"), 5000);
        QCOMPARE(model->columnCount(), first + 4);
        QVERIFY(throughSession([admin](Database &db) { return CustomFieldService(db).remove(admin, QStringLiteral("spare")); }));
        QTRY_COMPARE_WITH_TIMEOUT(model->columnCount(), first + 3, 5000);
        QCOMPARE(model->headerData(first + 1, Qt::Horizontal).toString(), QStringLiteral("预算"));
        QCOMPARE(model->index(row, first + 1).data().toString(), QLocale().toString(12345.5, 'g', 15));

        // A role whose field rules hide custom fields sees no such columns.
        OrgService org(*m_store->db);
        auto role = org.createRole(m_team.admin, QStringLiteral("no-custom-fields"), DataScope::Own, {Permission::CustomerRead});
        QVERIFY(role.ok());
        QVERIFY(org.setFieldRule(m_team.admin, role->id, QStringLiteral("customer"), QStringLiteral("customFields"), FieldRule::Hidden).ok());
        QVERIFY(org.setRole(m_team.admin, m_team.zhao.userId, role->id).ok());
        auto zhao = test::signedInSession(m_store->location, QStringLiteral("zhao"));
        CustomersView hidden(*zhao);
        QVERIFY(waitIdle(hidden.model()));
        QTest::qWait(100); // the definitions' answer has come and gone
        QCOMPARE(hidden.model()->columnCount(), first);
    }

    void cleanupTestCase() { m_session.reset(); }
};

QTEST_MAIN(TestCustomersView)
#include "tst_customersview.moc"
