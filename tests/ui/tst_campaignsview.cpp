// The Campaigns view on signed-in sessions over a real store: the list and its status filter; a
// campaign created through the dialog with its target; the reach the dialog counts for a target; an
// edit on a stale copy refused without overwriting; adding the target's customers (only those in the
// manager's scope) and the counts that follow; recording a response; the feedback score; a rep sees
// the campaigns but not the write buttons; delete; campaigns written elsewhere appear; the keyboard;
// the view only for campaign.read.
#include "core/services/CampaignService.h"
#include "core/services/CustomerService.h"
#include "core/services/FeedbackService.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/DisplayFormat.h"
#include "ui/MainWindow.h"
#include "ui/campaigns/CampaignDialog.h"
#include "ui/campaigns/CampaignTableModel.h"
#include "ui/campaigns/CampaignsView.h"
#include "ui/campaigns/ParticipantTableModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace crm;

namespace {

const QString kVip = QStringLiteral("VIP");

bool waitLoaded(CampaignsView &view)
{
    QTest::qWait(20);
    return QTest::qWaitFor([&] { return !view.model()->isLoading() && !view.isLoadingDetails(); }, 20000);
}

QStringList names(const CampaignsView &view)
{
    QStringList out;
    for (int row = 0; row < view.model()->rowCount(); ++row)
        out << view.model()->campaignAt(row).name;
    return out;
}

QString cell(const CampaignsView &view, qint64 campaignId, int column)
{
    const int row = view.model()->rowOf(campaignId);
    return row < 0 ? QString() : view.model()->index(row, column).data().toString();
}

QString label(const QWidget &view, const char *name)
{
    auto *l = view.findChild<QLabel *>(QLatin1String(name));
    return l ? l->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
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

QAction *action(QWidget &view, const char *name)
{
    return view.findChild<QAction *>(QLatin1String(name));
}

void clickSave(QDialog *dialog)
{
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
}

} // namespace

class TestCampaignsView : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_li; // manager: campaign.write, scope of his team (wang, zhao)
    // The customers targets pick from: VIPs and others in li's team, and a VIP of qian's (sun's team).
    qint64 m_wangVip = 0, m_zhaoVip = 0, m_wangPlain = 0, m_qianVip = 0, m_liProspect = 0;

    qint64 addCustomer(const Actor &owner, const QString &name, const QStringList &tags, const QString &status,
                       const QString &city = {})
    {
        Customer c;
        c.name = name;
        c.tags = tags;
        c.status = status;
        if (!city.isEmpty())
            c.addresses = {Address{{}, QStringLiteral("广东省"), city, {}, {}, {}, {}, true}};
        auto created = CustomerService(*m_store->db).create(owner, c);
        if (!created)
            qFatal("create customer %s: %s", qPrintable(name), qPrintable(created.error().message));
        return created->id;
    }

    qint64 createCampaign(const QString &name, const QString &status = QStringLiteral("planned"), const CampaignTarget &target = {})
    {
        Campaign c;
        c.name = name;
        c.status = status;
        c.goal = QStringLiteral("五十个报名");
        c.startDate = QDate(2025, 3, 1);
        c.endDate = QDate(2025, 3, 31);
        c.budgetMinor = 123450;
        c.target = target;
        auto created = CampaignService(*m_store->db).create(m_team.li, c);
        if (!created)
            qFatal("create campaign: %s", qPrintable(created.error().message));
        return created->id;
    }

    // The target most tests use: active or loyal VIPs.
    static CampaignTarget vipTarget()
    {
        CampaignTarget t;
        t.statuses = {QStringLiteral("active"), QStringLiteral("loyal")};
        t.tag = kVip;
        return t;
    }

    // Runs a write on the session's worker, as the embedded API server does in this process: the
    // session's change feed hears of it.
    template <typename Job>
    bool onSessionWorker(Session &session, QObject *context, Job job)
    {
        bool done = false, ok = false;
        session.worker().run(context, job, [&](auto result) {
            ok = result.ok();
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 20000) && ok;
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
        QVERIFY(m_team.li.can(Permission::CampaignWrite));
        QVERIFY(!m_team.wang.can(Permission::CampaignWrite));
        QVERIFY(m_team.wang.can(Permission::CampaignRead));
        m_wangVip = addCustomer(m_team.wang, QStringLiteral("深圳星河科技"), {kVip}, QStringLiteral("active"), QStringLiteral("深圳市"));
        m_zhaoVip = addCustomer(m_team.zhao, QStringLiteral("广州蓝海贸易"), {kVip}, QStringLiteral("loyal"), QStringLiteral("广州市"));
        m_wangPlain = addCustomer(m_team.wang, QStringLiteral("普通客户"), {}, QStringLiteral("active"));
        m_qianVip = addCustomer(m_team.qian, QStringLiteral("钱的大客户"), {kVip}, QStringLiteral("active"));
        m_liProspect = addCustomer(m_team.li, QStringLiteral("潜在的VIP"), {kVip}, QStringLiteral("prospect"));
        m_li = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void listShowsCampaignsAndFiltersByStatus()
    {
        const qint64 spring = createCampaign(QStringLiteral("春季展会"), QStringLiteral("planned"));
        const qint64 summer = createCampaign(QStringLiteral("夏季促销"), QStringLiteral("active"));
        const qint64 autumn = createCampaign(QStringLiteral("秋季回访"), QStringLiteral("finished"));
        CampaignsView view(*m_li);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(view));
        // Newest first.
        const QStringList all = names(view);
        QVERIFY2(all.indexOf(QStringLiteral("秋季回访")) < all.indexOf(QStringLiteral("夏季促销")), qPrintable(all.join(u'|')));
        QVERIFY(all.indexOf(QStringLiteral("夏季促销")) < all.indexOf(QStringLiteral("春季展会")));
        QCOMPARE(cell(view, summer, CampaignTableModel::Status), QStringLiteral("Active"));
        QCOMPARE(cell(view, autumn, CampaignTableModel::Status), QStringLiteral("Finished"));
        QCOMPARE(cell(view, spring, CampaignTableModel::Status), QStringLiteral("Planned"));
        QCOMPARE(cell(view, spring, CampaignTableModel::Budget), DisplayFormat::money(123450) + QStringLiteral(" CNY"));
        QVERIFY(DisplayFormat::money(123450).endsWith(QLatin1String(".50")));
        QCOMPARE(cell(view, spring, CampaignTableModel::Goal), QStringLiteral("五十个报名"));
        QCOMPARE(cell(view, spring, CampaignTableModel::Start), QLocale().toString(QDate(2025, 3, 1), QLocale::ShortFormat));
        QCOMPARE(cell(view, spring, CampaignTableModel::End), QLocale().toString(QDate(2025, 3, 31), QLocale::ShortFormat));
        QCOMPARE(cell(view, spring, CampaignTableModel::CreatedBy), QStringLiteral("li"));
        QCOMPARE(label(view, "campaignCount"), QStringLiteral("%1 campaign(s)").arg(view.model()->rowCount()));

        view.setStatusFilter(QStringLiteral("active"));
        QVERIFY(waitLoaded(view));
        QVERIFY(view.model()->rowOf(summer) >= 0);
        QCOMPARE(view.model()->rowOf(spring), -1);
        QCOMPARE(view.model()->rowOf(autumn), -1);
        CampaignFilter active;
        active.status = QStringLiteral("active");
        active.limit = 500;
        QCOMPARE(view.model()->rowCount(), int(CampaignService(*m_store->db).list(m_team.li, active)->campaigns.size()));
        for (int row = 0; row < view.model()->rowCount(); ++row)
            QCOMPARE(view.model()->campaignAt(row).status, QStringLiteral("active"));
        view.setStatusFilter(QStringLiteral("finished"));
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.model()->rowOf(summer), -1);
        QVERIFY(view.model()->rowOf(autumn) >= 0);
        view.setStatusFilter(QString());
        QVERIFY(waitLoaded(view));
        QVERIFY(view.model()->rowOf(spring) >= 0 && view.model()->rowOf(summer) >= 0 && view.model()->rowOf(autumn) >= 0);
    }

    void creatingThroughTheDialogWritesTheTarget()
    {
        CampaignsView view(*m_li);
        QVERIFY(waitLoaded(view));
        view.newCampaign();
        auto *dialog = openDialog<CampaignDialog>(view, QStringLiteral("campaignDialog"));
        QVERIFY(dialog);
        // A name is required: the service's reason, and the dialog stays open.
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
        QVERIFY2(dialog->errorText().contains(QLatin1String("name"), Qt::CaseInsensitive), qPrintable(dialog->errorText()));
        QVERIFY(dialog->isVisible());

        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("国庆大促"));
        dialog->findChild<QLineEdit *>(QStringLiteral("goal"))->setText(QStringLiteral("三十单"));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("description"))->setPlainText(QStringLiteral("老客户回馈"));
        dialog->findChild<QCheckBox *>(QStringLiteral("hasStart"))->setChecked(true);
        dialog->findChild<QDateEdit *>(QStringLiteral("startDate"))->setDate(QDate(2025, 10, 1));
        dialog->findChild<QCheckBox *>(QStringLiteral("hasEnd"))->setChecked(true);
        dialog->findChild<QDateEdit *>(QStringLiteral("endDate"))->setDate(QDate(2025, 10, 7));
        auto *status = dialog->findChild<QComboBox *>(QStringLiteral("status"));
        status->setCurrentIndex(status->findData(QStringLiteral("active")));
        dialog->findChild<QLineEdit *>(QStringLiteral("budget"))->setText(QStringLiteral("2500.5"));
        dialog->findChild<QComboBox *>(QStringLiteral("currency"))->setCurrentText(QStringLiteral("usd"));
        dialog->findChild<QCheckBox *>(QStringLiteral("targetStatus_active"))->setChecked(true);
        dialog->findChild<QCheckBox *>(QStringLiteral("targetStatus_loyal"))->setChecked(true);
        dialog->findChild<QLineEdit *>(QStringLiteral("targetTag"))->setText(kVip);
        dialog->findChild<QLineEdit *>(QStringLiteral("targetCity"))->setText(QStringLiteral("深圳市"));
        auto *owner = dialog->findChild<QComboBox *>(QStringLiteral("targetOwner"));
        QTRY_VERIFY(owner->findData(m_team.wang.userId) >= 0); // once the users are in
        QCOMPARE(owner->findData(m_team.qian.userId), -1); // another team: out of li's scope
        owner->setCurrentIndex(owner->findData(m_team.wang.userId));
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 10000);
        QVERIFY2(view.notice().contains(QStringLiteral("国庆大促")), qPrintable(view.notice()));

        CampaignFilter f;
        f.limit = 500;
        const auto page = CampaignService(*m_store->db).list(m_team.li, f);
        auto it = std::find_if(page->campaigns.cbegin(), page->campaigns.cend(),
                               [](const Campaign &c) { return c.name == QStringLiteral("国庆大促"); });
        QVERIFY(it != page->campaigns.cend());
        const Campaign stored = *it;
        QCOMPARE(stored.goal, QStringLiteral("三十单"));
        QCOMPARE(stored.description, QStringLiteral("老客户回馈"));
        QCOMPARE(stored.startDate, QDate(2025, 10, 1));
        QCOMPARE(stored.endDate, QDate(2025, 10, 7));
        QCOMPARE(stored.status, QStringLiteral("active"));
        QCOMPARE(stored.budgetMinor, qint64(250050));
        QCOMPARE(stored.currency, QStringLiteral("USD"));
        QCOMPARE(stored.target.statuses, (QStringList{QStringLiteral("active"), QStringLiteral("loyal")}));
        QCOMPARE(stored.target.tag, kVip);
        QCOMPARE(stored.target.city, QStringLiteral("深圳市"));
        QVERIFY(stored.target.group.isEmpty() && stored.target.source.isEmpty() && stored.target.province.isEmpty());
        QCOMPARE(stored.target.ownerId, std::optional<qint64>(m_team.wang.userId));
        QCOMPARE(stored.ownerId, std::optional<qint64>(m_team.li.userId));
        // In the list through the change feed, selected, with its target in the details pane.
        QTRY_COMPARE_WITH_TIMEOUT(view.selectedCampaign().value_or(Campaign{}).id, stored.id, 10000);
        QCOMPARE(cell(view, stored.id, CampaignTableModel::Budget), DisplayFormat::money(250050) + QStringLiteral(" USD"));
        QTRY_VERIFY(label(view, "detailsTarget").contains(QStringLiteral("owner wang")));
        QVERIFY2(label(view, "detailsTarget").contains(QStringLiteral("深圳市")), qPrintable(label(view, "detailsTarget")));

        // A date-less campaign: no start and no end.
        view.newCampaign();
        dialog = openDialog<CampaignDialog>(view, QStringLiteral("campaignDialog"));
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("长期活动"));
        dialog->findChild<QLineEdit *>(QStringLiteral("budget"))->setText(QString());
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(view.selectedCampaign().value_or(Campaign{}).name, QStringLiteral("长期活动"), 10000);
        const auto undated = CampaignService(*m_store->db).get(m_team.li, view.selectedCampaign()->id);
        QVERIFY(!undated->startDate.isValid() && !undated->endDate.isValid());
        QCOMPARE(undated->budgetMinor, qint64(0));
        QVERIFY(undated->target.isEmpty());
    }

    void reachPreviewCountsTheTarget()
    {
        CampaignsView view(*m_li);
        QVERIFY(waitLoaded(view));
        view.newCampaign();
        auto *dialog = openDialog<CampaignDialog>(view, QStringLiteral("campaignDialog"));
        QVERIFY(dialog);
        QSignalSpy counted(dialog, &CampaignDialog::reachCounted);
        // An empty target: every customer li sees (his team's four, not qian's).
        QTRY_VERIFY_WITH_TIMEOUT(dialog->reach().has_value(), 10000);
        QCOMPARE(*dialog->reach(), CustomerService(*m_store->db).count(m_team.li, {}).value());
        QCOMPARE(*dialog->reach(), qint64(4));

        // Active or loyal VIPs: wang's and zhao's; qian's is out of scope, li's own is a prospect.
        dialog->findChild<QCheckBox *>(QStringLiteral("targetStatus_active"))->setChecked(true);
        dialog->findChild<QCheckBox *>(QStringLiteral("targetStatus_loyal"))->setChecked(true);
        dialog->findChild<QLineEdit *>(QStringLiteral("targetTag"))->setText(kVip);
        QVERIFY(!dialog->reach()); // counting anew, after a pause in the typing
        QTRY_COMPARE_WITH_TIMEOUT(dialog->reach(), std::optional<qint64>(2), 10000);
        QCOMPARE(dialog->reachText(), QStringLiteral("Reaches 2 customer(s)"));
        QCOMPARE(*dialog->reach(), CustomerService(*m_store->db).count(m_team.li, vipTarget().toCustomerFilter()).value());

        // Only wang's.
        auto *owner = dialog->findChild<QComboBox *>(QStringLiteral("targetOwner"));
        QTRY_VERIFY(owner->findData(m_team.wang.userId) >= 0);
        owner->setCurrentIndex(owner->findData(m_team.wang.userId));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->reach(), std::optional<qint64>(1), 10000);
        // A city nobody is in.
        dialog->findChild<QLineEdit *>(QStringLiteral("targetCity"))->setText(QStringLiteral("拉萨市"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->reach(), std::optional<qint64>(0), 10000);
        QCOMPARE(dialog->reachText(), QStringLiteral("Reaches 0 customer(s)"));
        QVERIFY(counted.size() >= 3);
        dialog->reject();
    }

    void aStaleEditReportsTheConflict()
    {
        const qint64 id = createCampaign(QStringLiteral("编辑测试活动"), QStringLiteral("planned"), vipTarget());
        CampaignsView view(*m_li);
        QVERIFY(waitLoaded(view));
        view.selectCampaign(id);
        view.editSelected();
        auto *dialog = openDialog<CampaignDialog>(view, QStringLiteral("campaignDialog"));
        QVERIFY(dialog);
        const int loadedVersion = dialog->original().version;
        // An untouched dialog changes nothing, whatever order the statuses were saved in.
        QVERIFY2(dialog->changedFields().isEmpty(), qPrintable(QStringList(dialog->changedFields().values()).join(u',')));
        // Someone else (the API) changes the goal meanwhile.
        Campaign other;
        other.goal = QStringLiteral("别人改的目标");
        QVERIFY(CampaignService(*m_store->db).update(m_team.li, id, other, {QStringLiteral("goal")}).ok());

        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("改过的活动名"));
        dialog->findChild<QLineEdit *>(QStringLiteral("budget"))->setText(QStringLiteral("99.99"));
        QCOMPARE(dialog->changedFields(), (QSet<QString>{QStringLiteral("name"), QStringLiteral("budgetMinor")}));
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
        QVERIFY2(dialog->errorText().startsWith(QLatin1String("Someone else changed this campaign")), qPrintable(dialog->errorText()));
        QVERIFY(dialog->isVisible());
        auto stored = CampaignService(*m_store->db).get(m_team.li, id);
        QCOMPARE(stored->name, QStringLiteral("编辑测试活动"));
        QCOMPARE(stored->budgetMinor, qint64(123450));
        QCOMPARE(stored->goal, QStringLiteral("别人改的目标"));
        QVERIFY(view.notice().startsWith(QLatin1String("Someone else changed this campaign")));
        // The dialog now shows the campaign as it is, with its new version.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->original().version, stored->version, 10000);
        QVERIFY(dialog->original().version > loadedVersion);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("goal"))->text(), QStringLiteral("别人改的目标"));

        // Applied again: only the name goes, the other change stays.
        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("改过的活动名"));
        QCOMPARE(dialog->changedFields(), QSet<QString>{QStringLiteral("name")});
        clickSave(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(CampaignService(*m_store->db).get(m_team.li, id)->name, QStringLiteral("改过的活动名"), 10000);
        QCOMPARE(CampaignService(*m_store->db).get(m_team.li, id)->goal, QStringLiteral("别人改的目标"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(view, id, CampaignTableModel::Name), QStringLiteral("改过的活动名"), 10000);
    }

    void addFromTargetAddsInScopeCustomers()
    {
        const qint64 id = createCampaign(QStringLiteral("VIP回馈"), QStringLiteral("active"), vipTarget());
        CampaignsView view(*m_li);
        QVERIFY(waitLoaded(view));
        view.selectCampaign(id);
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.stats().participants, qint64(0));
        QCOMPARE(label(view, "statParticipants"), QStringLiteral("Participants: 0"));
        QCOMPARE(label(view, "feedbackSummary"), QStringLiteral("Feedback: no scores yet"));
        QAction *add = action(view, "addFromTarget");
        QVERIFY(add && add->isEnabled());
        QSignalSpy finished(&view, &CampaignsView::actionFinished);
        add->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(view.notice(), QStringLiteral("2 customer(s) added to “VIP回馈”."));

        // Exactly the in-scope matches.
        ParticipantFilter all;
        all.limit = 500;
        const auto page = CampaignService(*m_store->db).participants(m_team.admin, id, all);
        QList<qint64> ids;
        for (const CampaignParticipant &p : page->participants)
            ids << p.customerId;
        std::sort(ids.begin(), ids.end());
        QList<qint64> expected{m_wangVip, m_zhaoVip};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(ids, expected);

        // The pane follows through the change feed: counts and the participants table.
        QTRY_COMPARE_WITH_TIMEOUT(view.stats().participants, qint64(2), 10000);
        QCOMPARE(view.stats().invited, qint64(2));
        QCOMPARE(view.stats().responded + view.stats().converted + view.stats().declined, qint64(0));
        QCOMPARE(label(view, "statParticipants"), QStringLiteral("Participants: 2"));
        QCOMPARE(label(view, "statInvited"), QStringLiteral("Invited: 2"));
        QTRY_COMPARE_WITH_TIMEOUT(view.participantModel()->rowCount(), 2, 10000);
        const int row = view.participantModel()->rowOf(m_wangVip);
        QVERIFY(row >= 0);
        QCOMPARE(view.participantModel()->index(row, ParticipantTableModel::Customer).data().toString(), QStringLiteral("深圳星河科技"));
        QCOMPARE(view.participantModel()->index(row, ParticipantTableModel::Status).data().toString(), QStringLiteral("Invited"));
        QVERIFY(!view.participantModel()->index(row, ParticipantTableModel::AddedAt).data().toString().isEmpty());
        QVERIFY(view.participantModel()->index(row, ParticipantTableModel::RespondedAt).data().toString().isEmpty());

        // Again: nobody new.
        finished.clear();
        add->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY2(view.notice().startsWith(QStringLiteral("No customers added")), qPrintable(view.notice()));
        QCOMPARE(CampaignService(*m_store->db).stats(m_team.admin, id)->participants, qint64(2));
    }

    void recordingAResponseUpdatesTheParticipantAndTheCounts()
    {
        const qint64 id = createCampaign(QStringLiteral("回访活动"), QStringLiteral("active"), vipTarget());
        QCOMPARE(CampaignService(*m_store->db).addParticipantsFromFilter(m_team.li, id).value(), qint64(2));
        CampaignsView view(*m_li);
        QSignalSpy opened(&view, &CampaignsView::openCustomer);
        QVERIFY(waitLoaded(view));
        view.selectCampaign(id);
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.participantModel()->rowCount(), 2);
        QAction *record = action(view, "recordResponse");
        QVERIFY(!record->isEnabled()); // no participant selected
        view.selectParticipant(m_wangVip);
        QVERIFY(record->isEnabled());
        view.recordResponseForSelected();
        auto *dialog = openDialog<QDialog>(view, QStringLiteral("responseDialog"));
        QVERIFY(dialog);
        auto *status = dialog->findChild<QComboBox *>(QStringLiteral("responseStatus"));
        status->setCurrentIndex(status->findData(QStringLiteral("converted")));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("responseText"))->setPlainText(QStringLiteral("下单了两台"));
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 10000);

        ParticipantFilter converted;
        converted.status = QStringLiteral("converted");
        const auto page = CampaignService(*m_store->db).participants(m_team.li, id, converted);
        QCOMPARE(page->participants.size(), 1);
        QCOMPARE(page->participants.first().customerId, m_wangVip);
        QCOMPARE(page->participants.first().response, QStringLiteral("下单了两台"));
        QVERIFY(page->participants.first().respondedAt > 0);

        QTRY_COMPARE_WITH_TIMEOUT(view.stats().converted, qint64(1), 10000);
        QCOMPARE(view.stats().invited, qint64(1));
        QCOMPARE(view.stats().participants, qint64(2));
        QCOMPARE(label(view, "statConverted"), QStringLiteral("Converted: 1"));
        const auto statusOf = [&](qint64 customerId, int column) {
            const int row = view.participantModel()->rowOf(customerId);
            return row < 0 ? QString() : view.participantModel()->index(row, column).data().toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_wangVip, ParticipantTableModel::Status), QStringLiteral("Converted"), 10000);
        QCOMPARE(statusOf(m_wangVip, ParticipantTableModel::Response), QStringLiteral("下单了两台"));
        QVERIFY(!statusOf(m_wangVip, ParticipantTableModel::RespondedAt).isEmpty());
        // Still selected after the reload; "Open customer" and double-click/Enter name it.
        QCOMPARE(view.selectedParticipant().value_or(CampaignParticipant{}).customerId, m_wangVip);
        action(view, "openParticipant")->trigger();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toLongLong(), m_wangVip);

        // The participant filter narrows the table.
        view.setParticipantStatusFilter(QStringLiteral("invited"));
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.participantModel()->rowCount(), 1);
        QCOMPARE(view.participantModel()->participantAt(0).customerId, m_zhaoVip);
        view.setParticipantStatusFilter(QString());
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.participantModel()->rowCount(), 2);

        // Scores given for the campaign (through the session, as the phone app's API would): the
        // summary follows, average to two decimals.
        for (const auto &given : {std::pair(m_wangVip, 5), std::pair(m_zhaoVip, 5), std::pair(m_wangVip, 4)}) {
            QVERIFY(onSessionWorker(*m_li, &view, [actor = m_team.li, customer = given.first, score = given.second, id](Database &db) {
                return FeedbackService(db).add(actor, customer, score, {}, id);
            }));
        }
        QTRY_COMPARE_WITH_TIMEOUT(view.feedback().value_or(ScoreSummary{}).count, qint64(3), 10000);
        QCOMPARE(view.feedback()->averageX100, 467);
        QCOMPARE(label(view, "feedbackSummary"), QStringLiteral("Feedback: 4.67 from 3 score(s)"));
    }

    void aRepSeesTheListWithoutWriteButtons()
    {
        const qint64 id = createCampaign(QStringLiteral("只读活动"), QStringLiteral("active"), vipTarget());
        QCOMPARE(CampaignService(*m_store->db).addParticipantsFromFilter(m_team.li, id).value(), qint64(2));
        auto wang = test::signedInSession(m_store->location, QStringLiteral("wang"));
        CampaignsView view(*wang);
        QVERIFY(waitLoaded(view));
        // Campaigns are company-wide.
        QVERIFY(names(view).contains(QStringLiteral("只读活动")));
        QVERIFY(!action(view, "newCampaign")->isEnabled());
        view.selectCampaign(id);
        QVERIFY(waitLoaded(view));
        for (const char *name : {"newCampaign", "editCampaign", "deleteCampaign", "addFromTarget"}) {
            QVERIFY2(!action(view, name)->isEnabled(), name);
            auto *button = view.findChild<QWidget *>(QLatin1String(name) + QStringLiteral("Button"));
            QVERIFY2(button && !button->isEnabled(), name);
        }
        view.newCampaign();
        view.editSelected();
        QTest::qWait(50);
        QVERIFY(view.findChildren<CampaignDialog *>().isEmpty());
        // Participants in his scope only: his own customer, not zhao's.
        QCOMPARE(view.participantModel()->rowCount(), 1);
        QCOMPARE(view.participantModel()->participantAt(0).customerId, m_wangVip);
        QCOMPARE(view.stats().participants, qint64(1));
        // A rep records the answer of his own customer (customer.write), as the service allows.
        view.selectParticipant(m_wangVip);
        QVERIFY(action(view, "recordResponse")->isEnabled());
        QVERIFY(action(view, "openParticipant")->isEnabled());
    }

    // What came of a campaign in sales: the deals its participants won after joining, since it began
    // (the campaign report's figure), for those who read reports.
    void theDetailsShowWhatTheCampaignBrought()
    {
        const qint64 id = createCampaign(QStringLiteral("成交效果"), QStringLiteral("active"));
        QCOMPARE(CampaignService(*m_store->db).addParticipants(m_team.li, id, {m_wangVip}).value(), 1);
        // A deal won after joining counts; one of a customer who is not taking part does not.
        auto pipelines = PipelineService(*m_store->db).list(m_team.wang);
        QVERIFY(pipelines.ok() && !pipelines->isEmpty());
        qint64 won = 0;
        for (const Stage &st : pipelines->first().stages)
            if (st.kind == QLatin1String("won"))
                won = st.id;
        QVERIFY(won);
        OpportunityService deals(*m_store->db);
        for (const auto &[customer, amount] : {std::pair(m_wangVip, qint64(8'880'000)), std::pair(m_wangPlain, qint64(100'000))}) {
            Opportunity o;
            o.name = QStringLiteral("年度合同");
            o.customerId = customer;
            o.amountMinor = amount;
            o.pipelineId = pipelines->first().id;
            o.stageId = pipelines->first().stages.first().id;
            auto created = deals.create(m_team.wang, o);
            QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
            QVERIFY(deals.moveStage(m_team.wang, created->id, won).ok());
        }
        CampaignsView view(*m_li);
        QVERIFY(waitLoaded(view));
        view.selectCampaign(id);
        QVERIFY(waitLoaded(view));
        QVERIFY(view.effect().has_value());
        QCOMPARE(view.effect()->wonDeals, 1);
        QCOMPARE(view.effect()->wonAmountMinor, qint64(8'880'000));
        QVERIFY2(label(view, "effect").contains(DisplayFormat::money(8'880'000)), qPrintable(label(view, "effect")));

        // In another team's scope the deal is not seen: nothing won.
        auto sun = test::signedInSession(m_store->location, QStringLiteral("sun"));
        CampaignsView otherView(*sun);
        QVERIFY(waitLoaded(otherView));
        otherView.selectCampaign(id);
        QVERIFY(waitLoaded(otherView));
        QVERIFY(otherView.effect().has_value());
        QCOMPARE(otherView.effect()->wonDeals, 0);
        QCOMPARE(otherView.effect()->wonAmountMinor, 0);
    }

    void choicesNameEachCampaignOnce()
    {
        auto campaign = [](qint64 id, const char *name, QDate start) {
            Campaign c;
            c.id = id;
            c.name = QString::fromUtf8(name);
            c.startDate = start;
            return c;
        };
        const QStringList labels = CampaignTableModel::choiceLabels(
            {campaign(1, "春季展会", QDate(2026, 3, 1)), campaign(2, "月度回访", QDate(2026, 11, 1)),
             campaign(3, "月度回访", QDate(2026, 12, 1)), campaign(4, "双周会", {}), campaign(5, "双周会", {})});
        QCOMPARE(labels.size(), 5);
        QCOMPARE(labels.at(0), QStringLiteral("春季展会"));
        QVERIFY2(labels.at(1).startsWith(QStringLiteral("月度回访")) && labels.at(1).contains(CampaignTableModel::dateText(QDate(2026, 11, 1))),
                 qPrintable(labels.at(1)));
        QCOMPARE(labels.at(3), QStringLiteral("双周会 #4"));
        QCOMPARE(labels.at(4), QStringLiteral("双周会 #5"));
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), 5);
    }

    void deleteRemovesTheCampaign()
    {
        const qint64 id = createCampaign(QStringLiteral("要删除的活动"), QStringLiteral("cancelled"), vipTarget());
        QCOMPARE(CampaignService(*m_store->db).addParticipantsFromFilter(m_team.li, id).value(), qint64(2));
        CampaignsView view(*m_li);
        QVERIFY(waitLoaded(view));
        view.selectCampaign(id);
        // "No" keeps it.
        view.deleteSelected();
        auto *ask = openDialog<QMessageBox>(view, QStringLiteral("confirmDelete"));
        QVERIFY(ask);
        QVERIFY(ask->text().contains(QStringLiteral("要删除的活动")));
        ask->button(QMessageBox::No)->click();
        QTest::qWait(100);
        QVERIFY(CampaignService(*m_store->db).get(m_team.li, id).ok());
        // "Yes" deletes it, and the list and the pane follow.
        view.deleteSelected();
        ask = openDialog<QMessageBox>(view, QStringLiteral("confirmDelete"));
        QVERIFY(ask);
        ask->button(QMessageBox::Yes)->click();
        auto errorCode = [&] {
            auto r = CampaignService(*m_store->db).get(m_team.li, id);
            return r.ok() ? QString() : r.error().code;
        };
        QTRY_COMPARE_WITH_TIMEOUT(errorCode(), QStringLiteral("not_found"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading() && view.model()->rowOf(id) < 0, 10000);
        QCOMPARE(view.notice(), QStringLiteral("Campaign “要删除的活动” deleted."));
        QVERIFY(!view.selectedCampaign());
        QCOMPARE(view.participantModel()->rowCount(), 0);
        QVERIFY(!action(view, "deleteCampaign")->isEnabled());
    }

    void campaignWrittenElsewhereAppears()
    {
        CampaignsView view(*m_li);
        QVERIFY(waitLoaded(view));
        const int before = view.model()->rowCount();
        // Written in this process on the session's store (the embedded API server's way): the
        // session's change feed carries it to the view.
        QVERIFY(onSessionWorker(*m_li, &view, [actor = m_team.li](Database &db) {
            Campaign c;
            c.name = QStringLiteral("接口新建的活动");
            return CampaignService(db).create(actor, c);
        }));
        QTRY_VERIFY_WITH_TIMEOUT(names(view).contains(QStringLiteral("接口新建的活动")), 10000);
        QCOMPARE(view.model()->rowCount(), before + 1);

        if (!test::usePostgres())
            return; // other processes' writes arrive through PostgreSQL LISTEN/NOTIFY
        DatabaseOptions options;
        options.location = m_store->location;
        options.origin = QStringLiteral("another-process");
        auto other = Database::open(options);
        QVERIFY(other.ok());
        Campaign c;
        c.name = QStringLiteral("另一进程的活动");
        auto created = CampaignService(*other.value()).create(m_team.li, c);
        QVERIFY(created.ok());
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOf(created->id) >= 0, 10000);
        // And a response recorded there reaches the selected campaign's pane.
        Campaign stats;
        stats.name = QStringLiteral("跨进程统计");
        stats.target = vipTarget();
        const qint64 id = CampaignService(*other.value()).create(m_team.li, stats)->id;
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOf(id) >= 0, 10000);
        view.selectCampaign(id);
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.stats().participants, qint64(0));
        QCOMPARE(CampaignService(*other.value()).addParticipantsFromFilter(m_team.li, id).value(), qint64(2));
        QTRY_COMPARE_WITH_TIMEOUT(view.stats().participants, qint64(2), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(view.participantModel()->rowCount(), 2, 10000);
    }

    void keyboard()
    {
        const qint64 id = createCampaign(QStringLiteral("键盘活动"));
        CampaignsView view(*m_li);
        view.resize(1100, 700);
        view.show();
        view.activateWindow(); // shortcuts go to the active window
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QVERIFY(waitLoaded(view));
        QTableView *table = view.table();

        // Enter opens the selected campaign's edit dialog.
        table->setFocus();
        view.selectCampaign(id);
        QTest::keyClick(table, Qt::Key_Return);
        auto *dialog = openDialog<CampaignDialog>(view, QStringLiteral("campaignDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->original().id, id);
        dialog->reject();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));

        // Ctrl+N opens an empty one.
        QTest::keyClick(&view, Qt::Key_N, Qt::ControlModifier);
        auto newDialogOpen = [&] {
            const QList<CampaignDialog *> dialogs = view.findChildren<CampaignDialog *>();
            return std::any_of(dialogs.cbegin(), dialogs.cend(), [](CampaignDialog *d) { return d->isVisible() && d->original().id == 0; });
        };
        QTRY_VERIFY(newDialogOpen());
        for (CampaignDialog *d : view.findChildren<CampaignDialog *>())
            d->reject();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));

        // Delete asks first.
        table->setFocus();
        view.selectCampaign(id);
        QTest::keyClick(table, Qt::Key_Delete);
        auto *ask = openDialog<QMessageBox>(view, QStringLiteral("confirmDelete"));
        QVERIFY(ask);
        ask->button(QMessageBox::No)->click();
        QVERIFY(CampaignService(*m_store->db).get(m_team.li, id).ok());
    }

    // The page is there for users with campaign.read only, after Leads.
    void onlyThoseWhoReadCampaignsGetTheView()
    {
        MainWindow li(*m_li, nullptr);
        QVERIFY(qobject_cast<CampaignsView *>(li.view(QStringLiteral("campaigns"))));
        const QStringList ids = li.viewIds();
        QCOMPARE(ids.indexOf(QStringLiteral("campaigns")), ids.indexOf(QStringLiteral("leads")) + 1);
        OrgService org(*m_store->db);
        QStringList permissions = Permission::repDefaults();
        permissions.removeAll(Permission::CampaignRead);
        auto role = org.createRole(m_team.admin, QStringLiteral("no-campaigns"), DataScope::Own, permissions);
        QVERIFY(role);
        QVERIFY(org.setRole(m_team.admin, m_team.qian.userId, role->id));
        auto qian = test::signedInSession(m_store->location, QStringLiteral("qian"));
        MainWindow window(*qian, nullptr);
        QVERIFY(!window.viewIds().contains(QStringLiteral("campaigns")));
        QVERIFY(window.viewIds().contains(QStringLiteral("leads")));
    }
};

QTEST_MAIN(TestCampaignsView)
#include "tst_campaignsview.moc"
