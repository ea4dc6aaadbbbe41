// The deal's page over a real store: an existing deal shown as stored (stage history, tasks, the
// owners the viewer may choose), an edit that sends only what was edited and is undone, a move to a
// lost stage that needs its reason on the form, a new deal for a customer with the stage's
// probability and the company currency, bad input refused with nothing written, a change made
// meanwhile not overwritten, its activities listed and logged on it, what a role may not see or
// write, delete, and the customer page and
// the main window opening it.
#include "core/services/ActivityService.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/PipelineService.h"
#include "core/services/TaskService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/customers/CustomerDeals.h"
#include "ui/customers/CustomerDialog.h"
#include "ui/customers/CustomerTimeline.h"
#include "ui/pipeline/OpportunityDialog.h"
#include "ui/undo/UndoHistory.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace crm;

class TestOpportunityDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session; // li, the manager of wang and zhao
    Pipeline m_pipeline; // the default one
    qint64 m_customer = 0;

    static bool waitLoaded(OpportunityDialog &d)
    {
        QSignalSpy loaded(&d, &OpportunityDialog::loaded);
        return loaded.wait(20000);
    }

    const Stage &stage(const QString &name) const
    {
        for (const Stage &s : m_pipeline.stages)
            if (s.name == name)
                return s;
        qFatal("no stage %s", qPrintable(name));
    }

    Opportunity get(qint64 id) { return OpportunityService(*m_store->db).get(m_team.admin, id).value(); }

    qint64 createDeal(const QString &name, const QString &stageName, qint64 amountMinor)
    {
        Opportunity o;
        o.customerId = m_customer;
        o.stageId = stage(stageName).id;
        o.name = name;
        o.amountMinor = amountMinor;
        o.expectedCloseDate = QDate(2031, 3, 31);
        o.notes = QStringLiteral("预算已批");
        auto created = OpportunityService(*m_store->db).create(m_team.wang, o);
        if (!created)
            qFatal("opportunity: %s", qPrintable(created.error().message));
        return created->id;
    }

    template <typename W>
    static W *child(QObject &parent, const char *name)
    {
        W *w = parent.findChild<W *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }

    static bool saveAndWait(OpportunityDialog &d)
    {
        QSignalSpy saved(&d, &OpportunityDialog::saved);
        QSignalSpy failed(&d, &OpportunityDialog::saveFailed);
        d.save();
        return QTest::qWaitFor([&] { return saved.size() + failed.size() > 0; }, 20000) && saved.size() == 1;
    }

    static bool waitFailed(OpportunityDialog &d, QSignalSpy &failed)
    {
        Q_UNUSED(d);
        return QTest::qWaitFor([&] { return failed.size() > 0; }, 20000);
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
        auto pipeline = PipelineService::loadDefault(*m_store->db);
        QVERIFY(pipeline.ok());
        m_pipeline = *pipeline;
        Customer c;
        c.name = QStringLiteral("深圳星河科技有限公司");
        m_customer = CustomerService(*m_store->db).create(m_team.wang, c).value().id;
        m_session = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void anExistingDealIsShownAsStored()
    {
        const qint64 id = createDeal(QStringLiteral("年度软件采购"), QStringLiteral("qualified"), 1'234'567);
        QVERIFY(OpportunityService(*m_store->db).moveStage(m_team.wang, id, stage(QStringLiteral("proposal")).id).ok());
        Task t;
        t.title = QStringLiteral("发送报价单");
        t.dueAt = QDateTime(QDate(2031, 1, 5), QTime(10, 0)).toMSecsSinceEpoch();
        t.customerId = m_customer;
        t.opportunityId = id;
        QVERIFY(TaskService(*m_store->db).create(m_team.wang, t).ok());

        OpportunityDialog d(*m_session, id);
        QVERIFY(waitLoaded(d));
        QCOMPARE(d.windowTitle(), QStringLiteral("Opportunity: 年度软件采购"));
        QCOMPARE(child<QLineEdit>(d, "name")->text(), QStringLiteral("年度软件采购"));
        QCOMPARE(child<QLabel>(d, "customer")->text(), QStringLiteral("深圳星河科技有限公司"));
        QCOMPARE(child<QLineEdit>(d, "amountMinor")->text(), QStringLiteral("12345.67"));
        QCOMPARE(child<QComboBox>(d, "currency")->currentText(), QStringLiteral("CNY"));
        QCOMPARE(child<QComboBox>(d, "stageId")->currentData().toLongLong(), stage(QStringLiteral("proposal")).id);
        QCOMPARE(child<QSpinBox>(d, "probability")->value(), stage(QStringLiteral("proposal")).probability);
        QCOMPARE(child<QDateEdit>(d, "expectedCloseDate")->date(), QDate(2031, 3, 31));
        QCOMPARE(child<QPlainTextEdit>(d, "notes")->toPlainText(), QStringLiteral("预算已批"));
        // The deal's pipeline, whose stages are offered.
        auto *pipeline = child<QComboBox>(d, "pipelineId");
        QCOMPARE(pipeline->currentData().toLongLong(), m_pipeline.id);
        QCOMPARE(child<QComboBox>(d, "stageId")->count(), m_pipeline.stages.size());
        QVERIFY(child<QLineEdit>(d, "lossReason")->isHidden());
        // The owner: wang, among the users li may give deals to (li and the team, not sun's qian).
        auto *owner = child<QComboBox>(d, "ownerId");
        QCOMPARE(owner->currentData().toLongLong(), m_team.wang.userId);
        QVERIFY(owner->findData(m_team.zhao.userId) >= 0);
        QVERIFY(owner->findData(m_team.li.userId) >= 0);
        QCOMPARE(owner->findData(m_team.qian.userId), -1);
        // Where it has been: created in qualified, then moved to proposal by wang; and its task.
        auto *history = child<QTreeWidget>(d, "stageHistory");
        QCOMPARE(history->topLevelItemCount(), 2);
        QCOMPARE(d.history().at(0).toStageId, stage(QStringLiteral("qualified")).id);
        QCOMPARE(d.history().at(1).toStageId, stage(QStringLiteral("proposal")).id);
        QCOMPARE(history->topLevelItem(1)->text(2), QStringLiteral("wang"));
        auto *tasks = child<QTreeWidget>(d, "tasks");
        QCOMPARE(tasks->topLevelItemCount(), 1);
        QCOMPARE(tasks->topLevelItem(0)->text(0), QStringLiteral("发送报价单"));
        // (No translator is loaded here: the plural reads "day(s)".)
        QVERIFY2(child<QLabel>(d, "info")->text().startsWith(QStringLiteral("Open, 0 day")), qPrintable(child<QLabel>(d, "info")->text()));
    }

    void anEditSendsWhatWasEditedAndIsUndone()
    {
        const qint64 id = createDeal(QStringLiteral("服务器扩容"), QStringLiteral("qualified"), 500'000);
        const Opportunity before = get(id);
        OpportunityDialog d(*m_session, id);
        QVERIFY(waitLoaded(d));
        child<QLineEdit>(d, "name")->setText(QStringLiteral("服务器扩容（二期）"));
        child<QLineEdit>(d, "amountMinor")->setText(QStringLiteral("1,234,567.89"));
        child<QDateEdit>(d, "expectedCloseDate")->setDate(child<QDateEdit>(d, "expectedCloseDate")->minimumDate()); // not set
        auto *owner = child<QComboBox>(d, "ownerId");
        owner->setCurrentIndex(owner->findData(m_team.zhao.userId));
        QVERIFY(saveAndWait(d));
        Opportunity after = get(id);
        QCOMPARE(after.name, QStringLiteral("服务器扩容（二期）"));
        QCOMPARE(after.amountMinor, 123'456'789);
        QVERIFY(!after.expectedCloseDate.isValid());
        QCOMPARE(after.ownerId, std::optional<qint64>(m_team.zhao.userId));
        QCOMPARE(after.notes, before.notes);
        QCOMPARE(after.stageId, before.stageId);
        QCOMPARE(after.version, before.version + 1); // one update

        // Edit > Undo puts the edited fields back.
        QUndoStack *stack = m_session->undoHistory().stack();
        QVERIFY(stack->canUndo());
        QCOMPARE(stack->undoText(), QStringLiteral("Edit opportunity “服务器扩容（二期）”"));
        QSignalSpy finished(&m_session->undoHistory(), &UndoHistory::finished);
        stack->undo();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        after = get(id);
        QCOMPARE(after.name, before.name);
        QCOMPARE(after.amountMinor, before.amountMinor);
        QCOMPARE(after.expectedCloseDate, before.expectedCloseDate);
        QCOMPARE(after.ownerId, before.ownerId);
    }

    void aLostStageNeedsItsReasonOnTheForm()
    {
        const qint64 id = createDeal(QStringLiteral("打印机租赁"), QStringLiteral("negotiation"), 50'000);
        const Opportunity before = get(id);
        OpportunityDialog d(*m_session, id);
        QVERIFY(waitLoaded(d));
        auto *stages = child<QComboBox>(d, "stageId");
        auto *probability = child<QSpinBox>(d, "probability");
        QCOMPARE(probability->value(), stage(QStringLiteral("negotiation")).probability);
        stages->setCurrentIndex(stages->findData(stage(QStringLiteral("lost")).id));
        QVERIFY(!child<QLineEdit>(d, "lossReason")->isHidden());
        QCOMPARE(probability->value(), 0); // what the move will give it
        QSignalSpy failed(&d, &OpportunityDialog::saveFailed);
        d.save();
        QVERIFY(waitFailed(d, failed));
        QVERIFY2(!d.fieldMessage(QStringLiteral("lossReason")).isEmpty(), qPrintable(d.generalMessage()));
        QCOMPARE(get(id).version, before.version); // nothing written
        QCOMPARE(get(id).stageId, before.stageId);

        child<QLineEdit>(d, "lossReason")->setText(QStringLiteral("预算削减"));
        child<QPlainTextEdit>(d, "notes")->setPlainText(QStringLiteral("明年再谈"));
        QVERIFY(saveAndWait(d));
        const Opportunity lost = get(id);
        QCOMPARE(lost.status, QStringLiteral("lost"));
        QCOMPARE(lost.lossReason, QStringLiteral("预算削减"));
        QCOMPARE(lost.notes, QStringLiteral("明年再谈")); // the same save, one transaction
        QCOMPARE(lost.probability, 0);
        auto history = OpportunityService(*m_store->db).stageHistory(m_team.admin, id);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->last().toStageId, stage(QStringLiteral("lost")).id);
        QCOMPARE(history->last().userId, m_team.li.userId);

        // Undo takes it back to negotiation with its probability, and the notes.
        QSignalSpy finished(&m_session->undoHistory(), &UndoHistory::finished);
        m_session->undoHistory().stack()->undo();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        const Opportunity back = get(id);
        QCOMPARE(back.stageId, before.stageId);
        QCOMPARE(back.status, QStringLiteral("open"));
        QCOMPARE(back.probability, before.probability);
        QCOMPARE(back.notes, before.notes);
        QVERIFY(back.lossReason.isEmpty());
    }

    // Another pipeline's stage moves the deal there (the core writes the history); undo brings it back.
    void anotherPipelineMovesTheDeal()
    {
        const qint64 id = createDeal(QStringLiteral("维保续约"), QStringLiteral("qualified"), 30'000);
        auto pipelines = PipelineService(*m_store->db).list(m_team.admin);
        QVERIFY(pipelines.ok());
        const auto renewals = std::find_if(pipelines->cbegin(), pipelines->cend(), [&](const Pipeline &p) { return p.id != m_pipeline.id; });
        QVERIFY(renewals != pipelines->cend());
        OpportunityDialog d(*m_session, id);
        QVERIFY(waitLoaded(d));
        auto *pipeline = child<QComboBox>(d, "pipelineId");
        QVERIFY(pipeline->isEnabled());
        pipeline->setCurrentIndex(pipeline->findData(renewals->id));
        auto *stages = child<QComboBox>(d, "stageId");
        QCOMPARE(stages->count(), renewals->stages.size());
        QCOMPARE(stages->currentData().toLongLong(), renewals->stages.first().id);
        QVERIFY(saveAndWait(d));
        QCOMPARE(get(id).pipelineId, renewals->id);
        QCOMPARE(get(id).stageId, renewals->stages.first().id);
        QCOMPARE(get(id).probability, renewals->stages.first().probability);

        QSignalSpy finished(&m_session->undoHistory(), &UndoHistory::finished);
        m_session->undoHistory().stack()->undo();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(get(id).pipelineId, m_pipeline.id);
        QCOMPARE(get(id).stageId, stage(QStringLiteral("qualified")).id);
    }

    void aProbabilitySetByHandSurvivesAMove()
    {
        const qint64 id = createDeal(QStringLiteral("门禁系统"), QStringLiteral("qualified"), 80'000);
        OpportunityDialog d(*m_session, id);
        QVERIFY(waitLoaded(d));
        child<QSpinBox>(d, "probability")->setValue(65);
        auto *stages = child<QComboBox>(d, "stageId");
        stages->setCurrentIndex(stages->findData(stage(QStringLiteral("proposal")).id));
        QCOMPARE(child<QSpinBox>(d, "probability")->value(), 65);
        QVERIFY(saveAndWait(d));
        QCOMPARE(get(id).stageId, stage(QStringLiteral("proposal")).id);
        QCOMPARE(get(id).probability, 65);
    }

    void aNewDealForTheCustomer()
    {
        Opportunity draft;
        draft.customerId = m_customer;
        draft.customerName = QStringLiteral("深圳星河科技有限公司");
        OpportunityDialog d(*m_session, draft);
        QVERIFY(waitLoaded(d));
        QCOMPARE(d.windowTitle(), QStringLiteral("New opportunity"));
        QVERIFY(child<QPushButton>(d, "delete")->isHidden());
        QVERIFY(child<QComboBox>(d, "pipelineId")->isEnabled());
        QCOMPARE(child<QComboBox>(d, "pipelineId")->currentData().toLongLong(), m_pipeline.id);
        const Stage &first = m_pipeline.stages.first();
        QCOMPARE(child<QComboBox>(d, "stageId")->currentData().toLongLong(), first.id);
        QCOMPARE(child<QSpinBox>(d, "probability")->value(), first.probability);
        QCOMPARE(child<QComboBox>(d, "currency")->currentText(), QStringLiteral("CNY"));
        QCOMPARE(child<QComboBox>(d, "ownerId")->currentData().toLongLong(), m_team.li.userId);

        // No name: said under the field, nothing created.
        const qint64 before = OpportunityService(*m_store->db).count(m_team.admin, {}).value();
        QSignalSpy failed(&d, &OpportunityDialog::saveFailed);
        d.save();
        QVERIFY(waitFailed(d, failed));
        QVERIFY(!d.fieldMessage(QStringLiteral("name")).isEmpty());
        // An amount with three decimals is not money: refused before anything is sent.
        child<QLineEdit>(d, "name")->setText(QStringLiteral("二期扩容"));
        child<QLineEdit>(d, "amountMinor")->setText(QStringLiteral("12.345"));
        d.save();
        QCOMPARE(failed.size(), 2);
        QVERIFY(!d.fieldMessage(QStringLiteral("amountMinor")).isEmpty());
        QCOMPARE(OpportunityService(*m_store->db).count(m_team.admin, {}).value(), before);

        child<QLineEdit>(d, "amountMinor")->setText(QStringLiteral("88000.5"));
        auto *stages = child<QComboBox>(d, "stageId");
        stages->setCurrentIndex(stages->findData(stage(QStringLiteral("proposal")).id));
        QCOMPARE(child<QSpinBox>(d, "probability")->value(), stage(QStringLiteral("proposal")).probability);
        auto *owner = child<QComboBox>(d, "ownerId");
        owner->setCurrentIndex(owner->findData(m_team.wang.userId));
        QVERIFY(saveAndWait(d));
        const Opportunity created = get(d.opportunity().id);
        QCOMPARE(created.name, QStringLiteral("二期扩容"));
        QCOMPARE(created.customerId, m_customer);
        QCOMPARE(created.amountMinor, 8'800'050);
        QCOMPARE(created.currency, QStringLiteral("CNY"));
        QCOMPARE(created.stageId, stage(QStringLiteral("proposal")).id);
        QCOMPARE(created.probability, stage(QStringLiteral("proposal")).probability);
        QCOMPARE(created.ownerId, std::optional<qint64>(m_team.wang.userId));
        QCOMPARE(OpportunityService(*m_store->db).count(m_team.admin, {}).value(), before + 1);
    }

    void aChangeMadeMeanwhileIsNotOverwritten()
    {
        const qint64 id = createDeal(QStringLiteral("监控升级"), QStringLiteral("qualified"), 10'000);
        OpportunityDialog d(*m_session, id);
        QVERIFY(waitLoaded(d));
        Opportunity elsewhere;
        elsewhere.amountMinor = 20'000;
        QVERIFY(OpportunityService(*m_store->db).update(m_team.wang, id, elsewhere, {QStringLiteral("amountMinor")}).ok());
        child<QLineEdit>(d, "name")->setText(QStringLiteral("监控升级（改）"));
        QSignalSpy failed(&d, &OpportunityDialog::saveFailed);
        d.save();
        QVERIFY(waitFailed(d, failed));
        QCOMPARE(failed.first().at(0).value<Error>().code, QStringLiteral("conflict.version"));
        QVERIFY(!d.generalMessage().isEmpty());
        QCOMPARE(get(id).name, QStringLiteral("监控升级"));
        QCOMPARE(get(id).amountMinor, 20'000);
    }

    void itsActivitiesAreListedAndLoggedOnIt()
    {
        const qint64 id = createDeal(QStringLiteral("门店系统升级"), QStringLiteral("proposal"), 880'000);
        ActivityService activities(*m_store->db);
        Activity onDeal;
        onDeal.customerId = m_customer;
        onDeal.opportunityId = id;
        onDeal.kind = QStringLiteral("meeting");
        onDeal.subject = QStringLiteral("演示产品");
        QVERIFY(activities.log(m_team.wang, onDeal).ok());
        Activity onCustomer = onDeal;
        onCustomer.opportunityId.reset();
        onCustomer.subject = QStringLiteral("节日问候");
        QVERIFY(activities.log(m_team.wang, onCustomer).ok());

        OpportunityDialog d(*m_session, id);
        QVERIFY(waitLoaded(d));
        CustomerTimeline *timeline = d.activities();
        QVERIFY(timeline);
        auto *tabs = d.findChild<QTabWidget *>();
        QCOMPARE(tabs->tabText(tabs->indexOf(timeline)), QStringLiteral("Activities"));
        // Only the deal's: the customer's other activity is on the customer's page.
        QTRY_COMPARE_WITH_TIMEOUT(timeline->activities().size(), 1, 20000);
        QCOMPARE(timeline->activities().first().subject, QStringLiteral("演示产品"));
        // Follow-ups belong to the customer's page; the deal has its tasks tab.
        QVERIFY(child<QPushButton>(*timeline, "scheduleFollowUp")->isHidden());

        // A visit logged here is linked to the deal, and the list shows it without a reload.
        Activity visit;
        visit.kind = QStringLiteral("visit");
        visit.subject = QStringLiteral("现场评估");
        QSignalSpy finished(timeline, &CustomerTimeline::actionFinished);
        timeline->logActivity(visit);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(timeline->activities().size() == 2 && !timeline->isLoading(), 20000);
        QCOMPARE(timeline->activities().first().subject, QStringLiteral("现场评估"));
        auto stored = activities.forOpportunity(m_team.admin, id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->activities.size(), 2);
        QCOMPARE(stored->activities.first().subject, QStringLiteral("现场评估"));
        QCOMPARE(stored->activities.first().userId, m_team.li.userId);
        QCOMPARE(stored->activities.first().customerId, m_customer);
    }

    void whatARoleMayNotSeeOrWrite()
    {
        const qint64 id = createDeal(QStringLiteral("年度维保"), QStringLiteral("qualified"), 66'600);
        OrgService org(*m_store->db);
        auto role = org.createRole(m_team.admin, QStringLiteral("deal-reader"), DataScope::All,
                                   {Permission::CustomerRead, Permission::OpportunityRead});
        QVERIFY(role.ok());
        QVERIFY(org.setFieldRule(m_team.admin, role->id, QStringLiteral("opportunity"), QStringLiteral("amountMinor"), FieldRule::Hidden).ok());
        QVERIFY(org.createUser(m_team.admin, NewUser{QStringLiteral("lu"), QStringLiteral("陆"), QStringLiteral("s3cret-pass"),
                                                     QStringLiteral("deal-reader"), {}, {}, {}, {}})
                    .ok());
        auto reader = test::signedInSession(m_store->location, QStringLiteral("lu"));
        OpportunityDialog d(*reader, id);
        QVERIFY(waitLoaded(d));
        QCOMPARE(child<QLineEdit>(d, "name")->text(), QStringLiteral("年度维保"));
        QVERIFY(child<QLineEdit>(d, "amountMinor")->text().isEmpty());
        QVERIFY(!child<QLineEdit>(d, "amountMinor")->isEnabled());
        QVERIFY(!child<QLineEdit>(d, "name")->isEnabled());
        QVERIFY(!child<QPushButton>(d, "save")->isEnabled());
        QVERIFY(child<QPushButton>(d, "delete")->isHidden());
        QVERIFY(!d.activities()); // the role has no activity.read

        // Another team's rep: the deal is not found, and nothing can be sent.
        auto qian = test::signedInSession(m_store->location, QStringLiteral("qian"));
        OpportunityDialog out(*qian, id);
        QTRY_VERIFY_WITH_TIMEOUT(!out.generalMessage().isEmpty(), 20000);
        QVERIFY(!child<QPushButton>(out, "save")->isEnabled());
    }

    void deleteAsksAndRemoves()
    {
        const qint64 id = createDeal(QStringLiteral("作废的单子"), QStringLiteral("qualified"), 100);
        auto admin = test::signedInSession(m_store->location, QStringLiteral("admin"));
        OpportunityDialog d(*admin, id);
        QVERIFY(waitLoaded(d));
        QVERIFY(!child<QPushButton>(d, "delete")->isHidden());
        d.setConfirmProvider([] { return false; });
        d.remove();
        QVERIFY(OpportunityService(*m_store->db).get(m_team.admin, id).ok()); // "No" keeps it
        d.setConfirmProvider([] { return true; });
        QSignalSpy removed(&d, &OpportunityDialog::removed);
        d.remove();
        QVERIFY(removed.wait(20000));
        QCOMPARE(OpportunityService(*m_store->db).get(m_team.admin, id).error().code, QStringLiteral("not_found"));
    }

    void theCustomerPageOpensItsDeals()
    {
        const qint64 id = createDeal(QStringLiteral("展厅灯光"), QStringLiteral("qualified"), 7'700);
        CustomerDialog page(*m_session, m_customer);
        QSignalSpy loaded(&page, &CustomerDialog::loaded);
        QVERIFY(loaded.wait(20000));
        CustomerDeals *deals = page.deals();
        QVERIFY(deals);
        QTRY_VERIFY_WITH_TIMEOUT(!deals->deals().isEmpty(), 20000);
        Q_EMIT deals->openDealRequested(id);
        auto *dialog = page.findChild<OpportunityDialog *>();
        QVERIFY(dialog);
        QVERIFY(waitLoaded(*dialog));
        QCOMPARE(dialog->opportunity().id, id);
        QVERIFY(child<QPushButton>(*dialog, "openCustomer")->isHidden()); // this is the customer's page
        dialog->close();
        QTRY_VERIFY(!page.findChild<OpportunityDialog *>());

        // "New deal…": a deal of this customer.
        Q_EMIT deals->newDealRequested();
        dialog = page.findChild<OpportunityDialog *>();
        QVERIFY(dialog);
        QVERIFY(waitLoaded(*dialog));
        QCOMPARE(child<QLabel>(*dialog, "customer")->text(), QStringLiteral("深圳星河科技有限公司"));
        child<QLineEdit>(*dialog, "name")->setText(QStringLiteral("展厅音响"));
        QVERIFY(saveAndWait(*dialog));
        QCOMPARE(get(dialog->opportunity().id).customerId, m_customer);
        // The tab hears of it through the change feed.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(deals->deals().cbegin(), deals->deals().cend(),
                                             [](const Opportunity &o) { return o.name == QStringLiteral("展厅音响"); }),
                                 20000);
    }

    void cleanupTestCase() { m_session.reset(); }
};

QTEST_MAIN(TestOpportunityDialog)
#include "tst_opportunitydialog.moc"
