// The pipeline board on a signed-in session over a real store: columns list the stage's cards with
// the whole stage's sums in the header, cards come a page at a time, a drop moves the opportunity in
// the core, a refused move (stale version, no permission, no loss reason) leaves it where it was and
// says why, and a change written elsewhere reaches the board without a manual refresh.
#include "core/ErrorText.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/DisplayFormat.h"
#include "ui/MainWindow.h"
#include "ui/customers/CustomerPickerDialog.h"
#include "ui/pipeline/OpportunityDialog.h"
#include "ui/pipeline/OpportunityCardDelegate.h"
#include "ui/pipeline/PipelineBoardView.h"
#include "ui/pipeline/StageColumnModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDropEvent>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTest>

using namespace crm;

namespace {

bool waitLoaded(const PipelineBoardView &board)
{
    QTest::qWait(30);
    return QTest::qWaitFor([&] { return !board.isLoading(); }, 30000);
}

QSet<qint64> idsOf(const StageColumnModel *model)
{
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->opportunityAt(row).id);
    return ids;
}

} // namespace

class TestPipelineBoard : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session; // li: manager of wang and zhao
    QHash<QString, qint64> m_stages; // "Pipeline/stage" -> id
    qint64 m_newBusiness = 0, m_renewals = 0;
    qint64 m_customerWang = 0, m_customerZhao = 0;
    qint64 m_a1 = 0, m_a2 = 0, m_b1 = 0, m_c1 = 0, m_lost = 0;

    qint64 stage(const char *key) const
    {
        const qint64 id = m_stages.value(QLatin1String(key));
        if (!id)
            qFatal("no stage %s", key);
        return id;
    }

    qint64 create(const Actor &actor, qint64 customerId, qint64 stageId, const QString &name, qint64 amount)
    {
        Opportunity o;
        o.customerId = customerId;
        o.stageId = stageId;
        o.name = name;
        o.amountMinor = amount;
        auto created = OpportunityService(*m_store->db).create(actor, o);
        if (!created)
            qFatal("opportunity: %s", qPrintable(created.error().message));
        return created->id;
    }

    qint64 customer(const Actor &owner, const QString &name)
    {
        Customer c;
        c.name = name;
        auto created = CustomerService(*m_store->db).create(owner, c);
        if (!created)
            qFatal("customer: %s", qPrintable(created.error().message));
        return created->id;
    }

    Opportunity stored(qint64 id) { return OpportunityService(*m_store->db).get(m_team.admin, id).value(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(*m_store->db);
        const auto pipelines = PipelineService(*m_store->db).list(m_team.admin);
        QVERIFY(pipelines.ok());
        for (const Pipeline &p : *pipelines) {
            if (p.name == QLatin1String("New business"))
                m_newBusiness = p.id;
            if (p.name == QLatin1String("Renewals"))
                m_renewals = p.id;
            for (const Stage &s : p.stages)
                m_stages.insert(p.name + QLatin1Char('/') + s.name, s.id);
        }
        QVERIFY(m_newBusiness && m_renewals);
        m_customerWang = customer(m_team.wang, QStringLiteral("深圳星河科技有限公司（华南区域总部及研发中心）"));
        m_customerZhao = customer(m_team.zhao, QStringLiteral("云帆贸易"));
        m_a1 = create(m_team.wang, m_customerWang, stage("New business/lead"), QStringLiteral("年度软件采购"), 100000);
        m_a2 = create(m_team.zhao, m_customerZhao, stage("New business/lead"), QStringLiteral("Printers"), 50050);
        m_b1 = create(m_team.wang, m_customerWang, stage("New business/proposal"), QStringLiteral("服务器扩容"), 200000);
        m_c1 = create(m_team.zhao, m_customerZhao, stage("New business/qualified"), QStringLiteral("Toner"), 3000);
        m_lost = create(m_team.wang, m_customerWang, stage("New business/qualified"), QStringLiteral("Lost deal"), 7000);
        // More than a page in one stage of the second pipeline.
        const qint64 renewalStage = PipelineService::load(*m_store->db, m_renewals)->stages.first().id;
        for (int i = 0; i < StageColumnModel::kPageSize + 5; ++i)
            create(m_team.wang, m_customerWang, renewalStage, QStringLiteral("Renewal %1").arg(i), 100);
        m_session = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void columnsListTheStagesWithWholeStageSums()
    {
        PipelineBoardView board(*m_session);
        QVERIFY(waitLoaded(board));
        QCOMPARE(board.pipelineId(), m_newBusiness);
        QCOMPARE(board.columnCount(), 6);
        StageColumnModel *lead = board.columnForStage(stage("New business/lead"));
        QVERIFY(lead);
        QAbstractItemModelTester tester(lead, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(idsOf(lead), (QSet<qint64>{m_a1, m_a2}));
        QCOMPARE(idsOf(board.columnForStage(stage("New business/proposal"))), QSet<qint64>{m_b1});
        QVERIFY(idsOf(board.columnForStage(stage("New business/won"))).isEmpty());
        // Newest first.
        QCOMPARE(lead->opportunityAt(0).id, m_a2);
        QCOMPARE(lead->data(lead->index(0), StageColumnModel::CustomerNameRole).toString(), QStringLiteral("云帆贸易"));

        // The header sums match the core's, computed here from the rows themselves.
        const Opportunity a1 = stored(m_a1), a2 = stored(m_a2);
        const qint64 total = a1.amountMinor + a2.amountMinor;
        const qint64 products = a1.amountMinor * a1.probability + a2.amountMinor * a2.probability;
        const qint64 weighted = (products + 50) / 100;
        const QString header = board.headerText(stage("New business/lead"));
        QVERIFY2(header.contains(QStringLiteral("2 opportunit")), qPrintable(header));
        QVERIFY2(header.contains(DisplayFormat::money(total)), qPrintable(header));
        QVERIFY2(header.contains(DisplayFormat::money(weighted)), qPrintable(header));
        QCOMPARE(board.columnView(0)->model(), lead);
        QVERIFY(board.columnView(0)->uniformItemSizes());

        // Enter on a card, or a double-click, asks for its page.
        QSignalSpy open(&board, &PipelineBoardView::openOpportunity);
        board.resize(1200, 700);
        board.show();
        QVERIFY(QTest::qWaitForWindowExposed(&board));
        QListView *view = board.columnView(0);
        view->setFocus();
        view->setCurrentIndex(lead->index(lead->rowOf(m_a1)));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toLongLong(), m_a1);
        const QRect card = view->visualRect(lead->index(lead->rowOf(m_a2)));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, card.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, card.center());
        QCOMPARE(open.size(), 2);
        QCOMPARE(open.last().at(0).toLongLong(), m_a2);
        board.hide();
    }

    void cardsArriveAPageAtATime()
    {
        PipelineBoardView board(*m_session);
        QVERIFY(waitLoaded(board));
        board.setPipeline(m_renewals);
        QVERIFY(waitLoaded(board));
        StageColumnModel *column = board.columnModel(0);
        QVERIFY(column);
        QAbstractItemModelTester tester(column, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Hidden, it reads nothing more; shown, only what is on screen: the first page up front,
        // while the header counts the whole stage.
        QTest::qWait(200);
        QCOMPARE(column->rowCount(), StageColumnModel::kPageSize);
        QVERIFY(!column->canFetchMore({}));
        board.resize(1200, 600);
        board.show();
        QVERIFY(QTest::qWaitForWindowExposed(&board));
        QTest::qWait(200);
        QVERIFY(!column->isLoading());
        QCOMPARE(column->rowCount(), StageColumnModel::kPageSize);
        QVERIFY(column->canFetchMore({}));
        const QString header = board.headerText(column->stage().id);
        QVERIFY2(header.contains(QString::number(StageColumnModel::kPageSize + 5)), qPrintable(header));
        // Scrolling to the last card makes the list call fetchMore(): the rest arrives.
        board.columnView(0)->scrollToBottom();
        QVERIFY(QTest::qWaitFor([&] { return column->rowCount() == StageColumnModel::kPageSize + 5; }, 20000));
        QVERIFY(!column->canFetchMore({}));
        QCOMPARE(idsOf(column).size(), StageColumnModel::kPageSize + 5); // keyset: no row twice
        // A reload (a change elsewhere) reads as many cards as were loaded: the list keeps its place.
        QSignalSpy pages(column, &StageColumnModel::pageLoaded);
        board.reloadColumns();
        QVERIFY(pages.wait(20000));
        QCOMPARE(column->rowCount(), StageColumnModel::kPageSize + 5);
    }

    void droppingMovesTheOpportunity()
    {
        PipelineBoardView board(*m_session);
        QVERIFY(waitLoaded(board));
        StageColumnModel *lead = board.columnForStage(stage("New business/lead"));
        StageColumnModel *qualified = board.columnForStage(stage("New business/qualified"));
        const int row = lead->rowOf(m_a1);
        QVERIFY(row >= 0);
        std::unique_ptr<QMimeData> mime(lead->mimeData({lead->index(row)}));
        QVERIFY(mime);
        // Not onto its own column.
        QVERIFY(!lead->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, {}));
        QSignalSpy finished(&board, &PipelineBoardView::moveFinished);
        QVERIFY(qualified->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {}));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(stored(m_a1).stageId, stage("New business/qualified"));
        // The change feed reloads both columns and their headers.
        QVERIFY(QTest::qWaitFor([&] { return qualified->rowOf(m_a1) >= 0 && lead->rowOf(m_a1) < 0; }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return board.headerText(stage("New business/lead")).contains(QStringLiteral("1 opportunit")); }, 20000));
    }

    void aStaleCardIsRefusedAndStays()
    {
        PipelineBoardView board(*m_session);
        QVERIFY(waitLoaded(board));
        StageColumnModel *proposal = board.columnForStage(stage("New business/proposal"));
        StageColumnModel *negotiation = board.columnForStage(stage("New business/negotiation"));
        std::unique_ptr<QMimeData> mime(proposal->mimeData({proposal->index(proposal->rowOf(m_b1))}));
        QVERIFY(mime);
        const int staleVersion = stored(m_b1).version;
        // Someone renames it meanwhile: the dragged card's version is now stale.
        Opportunity values;
        values.name = QStringLiteral("服务器扩容（二期）");
        QVERIFY(OpportunityService(*m_store->db).update(m_team.admin, m_b1, values, {QStringLiteral("name")}).ok());
        QSignalSpy finished(&board, &PipelineBoardView::moveFinished);
        QVERIFY(negotiation->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {}));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const auto expected = OpportunityService(*m_store->db).moveStage(m_team.admin, m_b1, stage("New business/negotiation"), staleVersion);
        QVERIFY(!expected.ok());
        QCOMPARE(expected.error().code, QStringLiteral("conflict.version"));
        QCOMPARE(board.statusText(), QStringLiteral("Not moved: ") + ErrorText::message(expected.error()));
        QCOMPARE(stored(m_b1).stageId, stage("New business/proposal"));
        QVERIFY(waitLoaded(board));
        QVERIFY(proposal->rowOf(m_b1) >= 0);
        QCOMPARE(negotiation->rowOf(m_b1), -1);
    }

    void aUserWithoutWritePermissionCannotMove()
    {
        auto role = OrgService(*m_store->db)
                        .createRole(m_team.admin, QStringLiteral("viewer"), DataScope::All,
                                    {Permission::CustomerRead, Permission::OpportunityRead});
        QVERIFY2(role.ok(), role.ok() ? "" : qPrintable(role.error().message));
        auto user = OrgService(*m_store->db)
                        .createUser(m_team.admin, NewUser{QStringLiteral("lu"), QStringLiteral("陆"), QStringLiteral("s3cret-pass"),
                                                          QStringLiteral("viewer"), {}, {}, {}, {}});
        QVERIFY2(user.ok(), user.ok() ? "" : qPrintable(user.error().message));
        auto viewer = test::signedInSession(m_store->location, QStringLiteral("lu"));
        PipelineBoardView board(*viewer);
        QVERIFY(waitLoaded(board));
        StageColumnModel *lead = board.columnForStage(stage("New business/lead"));
        QVERIFY(lead->rowOf(m_a2) >= 0); // it sees everything
        QSignalSpy finished(&board, &PipelineBoardView::moveFinished);
        board.requestMove(m_a2, stage("New business/proposal"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const auto expected = OpportunityService(*m_store->db).moveStage(viewer->actor(), m_a2, stage("New business/proposal"));
        QVERIFY(!expected.ok());
        QCOMPARE(board.statusText(), QStringLiteral("Not moved: ") + ErrorText::message(expected.error()));
        QCOMPARE(stored(m_a2).stageId, stage("New business/lead"));
        QVERIFY(waitLoaded(board));
        QVERIFY(lead->rowOf(m_a2) >= 0);
    }

    void aLostStageNeedsAReason()
    {
        PipelineBoardView board(*m_session);
        QVERIFY(waitLoaded(board));
        QSignalSpy finished(&board, &PipelineBoardView::moveFinished);
        board.setLossReasonProvider([] { return std::optional<QString>(); }); // the dialog cancelled
        board.requestMove(m_lost, stage("New business/lost"));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QTest::qWait(100);
        QCOMPARE(stored(m_lost).stageId, stage("New business/qualified"));

        board.setLossReasonProvider([] { return std::optional<QString>(QStringLiteral("预算不足")); });
        board.requestMove(m_lost, stage("New business/lost"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        const Opportunity lost = stored(m_lost);
        QCOMPARE(lost.stageId, stage("New business/lost"));
        QCOMPARE(lost.status, QStringLiteral("lost"));
        QCOMPARE(lost.lossReason, QStringLiteral("预算不足"));
        StageColumnModel *column = board.columnForStage(stage("New business/lost"));
        QVERIFY(QTest::qWaitFor([&] { return column->rowOf(m_lost) >= 0; }, 20000));
    }

    void filtersByOwnerAndClosePeriod()
    {
        PipelineBoardView board(*m_session);
        QVERIFY(waitLoaded(board));
        board.setOwnerFilter(m_team.zhao.userId);
        QVERIFY(waitLoaded(board));
        QCOMPARE(idsOf(board.columnForStage(stage("New business/qualified"))), QSet<qint64>{m_c1});
        QVERIFY(board.headerText(stage("New business/proposal")).contains(QStringLiteral("0 opportunit")));

        board.setOwnerFilter(std::nullopt);
        Opportunity values;
        values.expectedCloseDate = QDate::currentDate();
        QVERIFY(OpportunityService(*m_store->db).update(m_team.admin, m_c1, values, {QStringLiteral("expectedCloseDate")}).ok());
        board.setPeriod(PipelineBoardView::Period::ThisMonth);
        QVERIFY(waitLoaded(board));
        QCOMPARE(idsOf(board.columnForStage(stage("New business/qualified"))), QSet<qint64>{m_c1});
        QVERIFY(idsOf(board.columnForStage(stage("New business/lead"))).isEmpty());
        const QString header = board.headerText(stage("New business/qualified"));
        QVERIFY2(header.contains(QStringLiteral("1 closing in the period")), qPrintable(header));
    }

    // Team = a department and those below it; close period next month and custom dates; a dashboard
    // funnel stage resets the filters, picks the stage's pipeline and outlines its column.
    void filtersByTeamAndPeriodAndShowsAStage()
    {
        OrgService org(*m_store->db);
        const Actor system = Actor::system();
        const qint64 sales = org.createDepartment(system, QStringLiteral("销售部"), std::nullopt).value().id;
        const qint64 east = org.createDepartment(system, QStringLiteral("华东"), sales).value().id;
        const qint64 south = org.createDepartment(system, QStringLiteral("华南"), sales).value().id;
        QVERIFY(org.setDepartment(system, m_team.wang.userId, east).ok());
        QVERIFY(org.setDepartment(system, m_team.zhao.userId, south).ok());
        OpportunityService svc(*m_store->db);
        // What the board must show for a filter: every card of every column, as the core lists them.
        auto expected = [&](const OpportunityFilter &base) {
            QSet<qint64> ids;
            OpportunityFilter f = base;
            f.pipelineId = m_newBusiness;
            f.limit = 200;
            auto page = svc.list(m_team.li, f);
            if (!page)
                qFatal("list: %s", qPrintable(page.error().message));
            for (const Opportunity &o : page->opportunities)
                ids.insert(o.id);
            return ids;
        };
        PipelineBoardView board(*m_session);
        QVERIFY(waitLoaded(board));
        auto shown = [&] {
            QSet<qint64> ids;
            for (int i = 0; i < board.columnCount(); ++i)
                ids += idsOf(board.columnModel(i));
            return ids;
        };
        auto *team = board.findChild<QComboBox *>(QStringLiteral("teamFilter"));
        QVERIFY(team);
        QTRY_VERIFY(team->findData(south) >= 0); // the departments arrive off the GUI thread
        QCOMPARE(team->itemText(team->findData(east)).trimmed(), QStringLiteral("华东"));
        QVERIFY(team->itemText(team->findData(east)).startsWith(QLatin1Char(' '))); // under 销售部

        board.setTeamFilter(east);
        QVERIFY(waitLoaded(board));
        OpportunityFilter wangs;
        wangs.ownerId = m_team.wang.userId;
        QVERIFY(!expected(wangs).isEmpty());
        QCOMPARE(shown(), expected(wangs));
        for (int i = 0; i < board.columnCount(); ++i)
            for (int row = 0; row < board.columnModel(i)->rowCount(); ++row)
                QCOMPARE(board.columnModel(i)->opportunityAt(row).ownerId, std::optional<qint64>(m_team.wang.userId));
        // The headers count the team's opportunities only.
        const qint64 wangsLeads = svc.count(m_team.li, [&] {
            OpportunityFilter f = wangs;
            f.stageId = stage("New business/lead");
            return f;
        }()).value();
        QVERIFY2(board.headerText(stage("New business/lead")).contains(QStringLiteral("%1 opportunit").arg(wangsLeads)),
                 qPrintable(board.headerText(stage("New business/lead"))));
        board.setTeamFilter(sales); // the whole tree: wang's and zhao's
        QVERIFY(waitLoaded(board));
        QCOMPARE(shown(), expected({}));

        // Next month's close date, then custom dates.
        const QDate nextMonth = QDate(QDate::currentDate().year(), QDate::currentDate().month(), 1).addMonths(1).addDays(9);
        Opportunity values;
        values.expectedCloseDate = nextMonth;
        QVERIFY(svc.update(m_team.admin, m_a2, values, {QStringLiteral("expectedCloseDate")}).ok());
        board.setPeriod(PipelineBoardView::Period::NextMonth);
        QVERIFY(waitLoaded(board));
        QCOMPARE(shown(), QSet<qint64>{m_a2});
        board.setCustomPeriod(nextMonth.addDays(1), nextMonth.addDays(30));
        QVERIFY(waitLoaded(board));
        QVERIFY(shown().isEmpty());
        auto *closeFirst = board.findChild<QWidget *>(QStringLiteral("closeFirst"));
        QVERIFY(closeFirst && !closeFirst->isHidden());
        board.setCustomPeriod(nextMonth.addDays(30), nextMonth); // backwards is the same range
        QVERIFY(waitLoaded(board));
        QCOMPARE(shown(), QSet<qint64>{m_a2});
        board.setTeamFilter(east); // zhao's deal is not in wang's team
        QVERIFY(waitLoaded(board));
        QVERIFY(shown().isEmpty());

        // A funnel stage of the other pipeline: every filter off, its pipeline, its column outlined.
        const qint64 renewalStage = PipelineService::load(*m_store->db, m_renewals)->stages.first().id;
        board.showStage(renewalStage);
        QVERIFY(waitLoaded(board));
        QCOMPARE(board.pipelineId(), m_renewals);
        QCOMPARE(board.highlightedStage(), renewalStage);
        QVERIFY(!board.filter().departmentId && !board.filter().ownerId && !board.filter().expectedCloseFrom.isValid());
        QVERIFY(board.columnForStage(renewalStage)->rowCount() > 0);
        QVERIFY(closeFirst->isHidden());
        // Before the pipelines have arrived, the stage is remembered.
        PipelineBoardView fresh(*m_session);
        fresh.showStage(renewalStage);
        QVERIFY(waitLoaded(fresh));
        QCOMPARE(fresh.pipelineId(), m_renewals);
        QCOMPARE(fresh.highlightedStage(), renewalStage);

        QVERIFY(org.setDepartment(system, m_team.wang.userId, std::nullopt).ok());
        QVERIFY(org.setDepartment(system, m_team.zhao.userId, std::nullopt).ok());
    }

    void aDropOnAnotherListMovesIt()
    {
        // The widgets' own drop path: the target list accepts the card and hands it to its model.
        PipelineBoardView board(*m_session);
        board.resize(1500, 700);
        board.show();
        QVERIFY(QTest::qWaitForWindowExposed(&board));
        QVERIFY(waitLoaded(board));
        StageColumnModel *qualified = board.columnForStage(stage("New business/qualified"));
        StageColumnModel *negotiation = board.columnForStage(stage("New business/negotiation"));
        QListView *from = nullptr, *to = nullptr;
        for (int i = 0; i < board.columnCount(); ++i) {
            if (board.columnModel(i) == qualified)
                from = board.columnView(i);
            if (board.columnModel(i) == negotiation)
                to = board.columnView(i);
        }
        QVERIFY(from && to);
        std::unique_ptr<QMimeData> mime(qualified->mimeData({qualified->index(qualified->rowOf(m_c1))}));
        QSignalSpy finished(&board, &PipelineBoardView::moveFinished);
        // Drag enter, move and drop as QDrag delivers them (move and drop go to the widget that took
        // the enter). Dropped back on its own list: nothing is asked of the core.
        auto dragTo = [&](QListView *view) {
            const QPoint at = view->viewport()->rect().center();
            QDragEnterEvent enter(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(view->viewport(), &enter);
            QDragMoveEvent move(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(view->viewport(), &move);
            QDropEvent drop(QPointF(at), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(view->viewport(), &drop);
            return enter.isAccepted();
        };
        dragTo(from);
        QTest::qWait(100);
        QVERIFY2(finished.isEmpty(), finished.isEmpty() ? "" : qPrintable(finished.first().at(1).toString()));
        QCOMPARE(stored(m_c1).stageId, stage("New business/qualified"));
        QVERIFY(dragTo(to));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(stored(m_c1).stageId, stage("New business/negotiation"));
        QVERIFY(QTest::qWaitFor([&] { return negotiation->rowOf(m_c1) >= 0 && qualified->rowOf(m_c1) < 0; }, 20000));
    }

    void aChangeMadeElsewhereReachesTheBoard()
    {
        PipelineBoardView board(*m_session);
        QVERIFY(waitLoaded(board));
        StageColumnModel *lead = board.columnForStage(stage("New business/lead"));
        const int before = lead->rowCount();
        // Written through the service on the session's own connection, as the embedded API would.
        Opportunity o;
        o.customerId = m_customerZhao;
        o.stageId = stage("New business/lead");
        o.name = QStringLiteral("来自小程序");
        o.amountMinor = 1234;
        o.ownerId = m_team.zhao.userId;
        const Actor li = m_session->actor();
        qint64 id = 0;
        m_session->worker().run(&board, [li, o](Database &db) { return OpportunityService(db).create(li, o); },
                                [&](Result<Opportunity> r) { id = r.ok() ? r->id : -1; });
        QVERIFY(QTest::qWaitFor([&] { return id != 0; }, 20000));
        QVERIFY(id > 0);
        QVERIFY(QTest::qWaitFor([&] { return lead->rowCount() == before + 1 && lead->rowOf(id) >= 0; }, 20000));
        QVERIFY(QTest::qWaitFor(
            [&] { return board.headerText(stage("New business/lead")).contains(QStringLiteral("%1 opportunit").arg(before + 1)); },
            20000));
    }

    void cardsPaintAtOneSize()
    {
        PipelineBoardView board(*m_session);
        QVERIFY(waitLoaded(board));
        StageColumnModel *proposal = board.columnForStage(stage("New business/proposal"));
        QVERIFY(proposal->rowCount() > 0);
        OpportunityCardDelegate delegate;
        QStyleOptionViewItem option;
        option.initFrom(board.columnView(0));
        const QSize a = delegate.sizeHint(option, proposal->index(0));
        const QSize b = delegate.sizeHint(option, board.columnForStage(stage("New business/lead"))->index(0));
        QCOMPARE(a, b);
        QImage image(a, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        option.rect = QRect(QPoint(0, 0), a);
        delegate.paint(&painter, option, proposal->index(0));
        painter.end();
        // Something was drawn on the card.
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; ++y)
            for (int x = 0; x < image.width() && !drawn; ++x)
                drawn = image.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY(drawn);
        QCOMPARE(OpportunityCardDelegate::daysInStage(1000, 1000 + 3 * 24LL * 3600 * 1000 + 5), QStringLiteral("3 day(s) in stage"));
    }

    // "New opportunity…" in the workstation: the customer is chosen first, then the deal's page opens
    // for it in the pipeline on screen, and the saved deal lands in that pipeline's first column.
    // (Last: the deal it creates is deleted at the end, so the other tests' counts stay.)
    void aNewOpportunityStartsFromItsCustomer()
    {
        MainWindow window(*m_session, nullptr);
        auto *board = qobject_cast<PipelineBoardView *>(window.view(QStringLiteral("pipeline")));
        QVERIFY(board);
        QVERIFY(waitLoaded(*board));
        board->setPipeline(m_renewals);
        QVERIFY(waitLoaded(*board));
        auto *button = board->findChild<QPushButton *>(QStringLiteral("newOpportunity"));
        QVERIFY(button && button->isEnabled());
        button->click();
        auto *picker = window.findChild<CustomerPickerDialog *>();
        QVERIFY(picker);
        QSignalSpy searched(picker, &CustomerPickerDialog::searched);
        picker->search(QStringLiteral("星河"));
        QTRY_VERIFY_WITH_TIMEOUT(!searched.isEmpty() && !picker->isSearching(), 20000);
        QCOMPARE(picker->results()->count(), 1);
        picker->results()->setCurrentRow(0);
        QCOMPARE(picker->customerId(), m_customerWang);
        picker->accept();

        const qint64 before = board->summary().stages.first().count;
        QTRY_VERIFY(window.findChild<OpportunityDialog *>());
        auto *deal = window.findChild<OpportunityDialog *>();
        QSignalSpy loaded(deal, &OpportunityDialog::loaded);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(deal->findChild<QLabel *>(QStringLiteral("customer"))->text(), QStringLiteral("深圳星河科技有限公司（华南区域总部及研发中心）"));
        QCOMPARE(deal->findChild<QComboBox *>(QStringLiteral("pipelineId"))->currentData().toLongLong(), m_renewals);
        deal->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("2027 年度续约"));
        deal->findChild<QLineEdit *>(QStringLiteral("amountMinor"))->setText(QStringLiteral("36000"));
        QSignalSpy saved(deal, &OpportunityDialog::saved);
        deal->save();
        QVERIFY(saved.wait(20000));
        const qint64 id = saved.first().at(0).toLongLong();
        auto created = OpportunityService(*m_store->db).get(m_team.admin, id);
        QVERIFY(created.ok());
        QCOMPARE(created->customerId, m_customerWang);
        QCOMPARE(created->pipelineId, m_renewals);
        QCOMPARE(created->stageId, PipelineService::load(*m_store->db, m_renewals)->stages.first().id);
        QCOMPARE(created->amountMinor, 3'600'000);
        QCOMPARE(created->ownerId, std::optional<qint64>(m_team.li.userId));
        // The board hears of it: the first column's sum counts it.
        QTRY_COMPARE_WITH_TIMEOUT(board->summary().stages.first().count, before + 1, 20000);
        QVERIFY(OpportunityService(*m_store->db).remove(m_team.admin, id).ok());
    }
};

QTEST_MAIN(TestPipelineBoard)
#include "tst_pipelineboard.moc"
