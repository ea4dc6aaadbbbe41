// The dashboard on a signed-in session over a real store: a known week of customers, opportunities
// (created and moved through OpportunityService on a fixed clock) and activities; the KPI tiles,
// the bar sets the charts draw and the funnel show exactly those figures, each user sees only their
// scope, a click on a bar asks to open the list of that bar, and a change elsewhere reloads.
#include "core/Clock.h"
#include "core/services/ActivityService.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/DisplayFormat.h"
#include "ui/MainWindow.h"
#include "ui/dashboard/ActivitiesDialog.h"
#include "ui/customers/CustomerTableModel.h"
#include "ui/customers/CustomersView.h"
#include "ui/pipeline/DealsDialog.h"
#include "ui/pipeline/PipelineBoardView.h"
#include "ui/dashboard/DashboardPeriod.h"
#include "ui/dashboard/DashboardView.h"

#include <QBarSeries>
#include <QComboBox>
#include <QDateEdit>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHorizontalStackedBarSeries>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QGraphicsView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace crm;

namespace {

constexpr qint64 kHour = 3'600'000;
const QDate kMonday(2024, 3, 4); // the week every figure below is in: 4-10 March 2024, local days

template <typename T>
T must(Result<T> r)
{
    if (!r)
        qFatal("unexpected error %s: %s", qPrintable(r.error().code), qPrintable(r.error().message));
    return std::move(r).value();
}

// The values of the chart's bar sets, one list per set.
QList<QList<qreal>> barValues(QChart *chart)
{
    QList<QList<qreal>> out;
    const auto series = chart->series();
    for (QAbstractSeries *s : series) {
        auto *bars = qobject_cast<QAbstractBarSeries *>(s);
        if (!bars)
            continue;
        for (QBarSet *set : bars->barSets()) {
            QList<qreal> values;
            for (int i = 0; i < set->count(); ++i)
                values << set->at(i);
            out << values;
        }
    }
    return out;
}

QBarSet *barSet(QChart *chart, int index = 0)
{
    auto *bars = qobject_cast<QAbstractBarSeries *>(chart->series().value(0));
    return bars ? bars->barSets().value(index) : nullptr;
}

// Every text the chart's scene paints (axis labels, titles, legend, bar labels), as painted: an
// elided label would read "王…".
QStringList paintedTexts(QChart *chart)
{
    QStringList out;
    const auto items = chart->scene()->items();
    for (QGraphicsItem *item : items) {
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            out << text->toPlainText();
        else if (auto *simple = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            out << simple->text();
    }
    return out;
}

// The names of every row the customer table shows once it has settled, sorted.
QStringList shownCustomers(CustomerTableModel *model)
{
    QTest::qWait(20);
    if (!QTest::qWaitFor([&] { return !model->isLoading() && model->isCountKnown(); }, 20000))
        return {QStringLiteral("(still loading)")};
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << (model->customerAt(row) ? model->customerAt(row)->name : QStringLiteral("(not loaded)"));
    out.sort();
    return out;
}

QString money(qint64 minor)
{
    return DisplayFormat::money(minor) + QStringLiteral(" CNY");
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    int m_offset = 0;
    QHash<QString, qint64> m_stages;
    std::unique_ptr<Session> m_wang, m_li, m_qian;
    qint64 m_wangsCustomer = 0;
    Actor m_fang;

    // UTC ms of `hour` o'clock on the local day `day` days after Monday 4 March 2024.
    qint64 at(int day, int hour = 0) const
    {
        return DashboardPeriod::localMidnight(kMonday.addDays(day), m_offset) + hour * kHour;
    }

    qint64 customer(const Actor &owner, const QString &name, qint64 when)
    {
        m_clock->set(when);
        Customer c;
        c.name = name;
        return must(CustomerService(*m_store->db).create(owner, c)).id;
    }

    // An opportunity created at `path[0]`'s time in its stage, then moved through the others.
    qint64 opportunity(const Actor &owner, qint64 customerId, qint64 amountMinor,
                       const QVector<std::pair<QString, qint64>> &path, int probability = Opportunity::StageProbability)
    {
        m_clock->set(path.first().second);
        Opportunity o;
        o.customerId = customerId;
        o.name = QStringLiteral("商机");
        o.amountMinor = amountMinor;
        o.probability = probability;
        o.stageId = m_stages.value(path.first().first);
        const qint64 id = must(OpportunityService(*m_store->db).create(owner, o)).id;
        for (int i = 1; i < path.size(); ++i) {
            m_clock->set(path[i].second);
            const QString reason = path[i].first == QLatin1String("lost") ? QStringLiteral("价格太高") : QString();
            must(OpportunityService(*m_store->db).moveStage(owner, id, m_stages.value(path[i].first), std::nullopt, reason));
        }
        return id;
    }

    void activity(const Actor &user, qint64 customerId, const QString &kind, qint64 when)
    {
        m_clock->set(when);
        Activity a;
        a.customerId = customerId;
        a.kind = kind;
        a.subject = QStringLiteral("跟进");
        a.occurredAt = when;
        must(ActivityService(*m_store->db).log(user, a));
    }

    static bool waitLoaded(DashboardView &view)
    {
        QTest::qWait(20);
        return QTest::qWaitFor([&] { return !view.isLoading(); }, 30000);
    }

    // A dashboard of the known week for one session.
    std::unique_ptr<DashboardView> weekView(Session &session)
    {
        auto view = std::make_unique<DashboardView>(session);
        if (!waitLoaded(*view))
            qFatal("first load did not finish");
        view->setCustomRange(kMonday, kMonday.addDays(6));
        if (!waitLoaded(*view))
            qFatal("week load did not finish");
        return view;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_offset = DashboardPeriod::systemOffsetMinutes();
        m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2024, 2, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
        m_store = std::make_unique<test::TestDatabase>(m_clock.get());
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(*m_store->db);
        // A rep with a Chinese name in li's team: the activities chart must show it whole.
        auto fang = OrgService(*m_store->db).createUser(Actor::system(), NewUser{QStringLiteral("fang"), QStringLiteral("王芳"),
                                                                                QStringLiteral("s3cret-pass"), QStringLiteral("rep"),
                                                                                QStringLiteral("li"), {}, {}, {}});
        QVERIFY(fang.ok());
        m_fang = must(OrgService(*m_store->db).actorFor(fang->id));
        m_team.li = must(OrgService(*m_store->db).actorFor(m_team.li.userId));
        for (const Stage &s : must(PipelineService::loadDefault(*m_store->db)).stages)
            m_stages.insert(s.name, s.id);
        QVERIFY(m_stages.contains(QStringLiteral("won")));

        // Customers: wang's A and B in the week, E the week before; zhao's C; qian's D (other team).
        const qint64 a = customer(m_team.wang, QStringLiteral("深圳星河科技有限公司"), at(0, 10));
        m_wangsCustomer = a;
        const qint64 b = customer(m_team.wang, QStringLiteral("云帆贸易"), at(1, 9));
        const qint64 e = customer(m_team.wang, QStringLiteral("旧客户"), at(-3, 9));
        const qint64 c = customer(m_team.zhao, QStringLiteral("赵的客户"), at(2, 10));
        const qint64 d = customer(m_team.qian, QStringLiteral("钱的客户"), at(1, 11));
        const qint64 f = customer(m_fang, QStringLiteral("王芳的客户"), at(-10, 11)); // before the week

        // Wang: W1 won on Tuesday (cycle 23 h), W2 won on Thursday through qualified (cycle 53 h),
        // W3 lost, W4 open at 50 %; an open deal of the customer from before the week.
        opportunity(m_team.wang, a, 100'000, {{QStringLiteral("lead"), at(0, 11)}, {QStringLiteral("won"), at(1, 10)}});
        opportunity(m_team.wang, b, 50'001,
                    {{QStringLiteral("lead"), at(1, 10)}, {QStringLiteral("qualified"), at(2, 9)}, {QStringLiteral("won"), at(3, 15)}});
        opportunity(m_team.wang, a, 30'000, {{QStringLiteral("lead"), at(2, 12)}, {QStringLiteral("lost"), at(4, 12)}});
        opportunity(m_team.wang, b, 20'000, {{QStringLiteral("lead"), at(4, 13)}}, 50);
        opportunity(m_team.wang, e, 5'000, {{QStringLiteral("lead"), at(-3, 10)}}, 10);
        // Zhao: won on Wednesday. Qian: won on Saturday.
        opportunity(m_team.zhao, c, 200'000, {{QStringLiteral("lead"), at(2, 11)}, {QStringLiteral("won"), at(2, 20)}});
        opportunity(m_team.qian, d, 70'000, {{QStringLiteral("lead"), at(1, 12)}, {QStringLiteral("won"), at(5, 10)}});

        activity(m_team.wang, a, QStringLiteral("call"), at(0, 15));
        activity(m_team.wang, b, QStringLiteral("call"), at(1, 15));
        activity(m_team.wang, b, QStringLiteral("visit"), at(2, 15));
        activity(m_team.wang, e, QStringLiteral("call"), at(-2, 15)); // before the week
        activity(m_team.zhao, c, QStringLiteral("meeting"), at(3, 15));
        activity(m_team.qian, d, QStringLiteral("call"), at(4, 15));
        activity(m_fang, f, QStringLiteral("call"), at(6, 15));

        m_wang = test::signedInSession(m_store->location, QStringLiteral("wang"));
        m_li = test::signedInSession(m_store->location, QStringLiteral("li"));
        m_qian = test::signedInSession(m_store->location, QStringLiteral("qian"));
    }

    void periods()
    {
        const Period week = DashboardPeriod::lastDays(7, QDate(2024, 3, 10), 480);
        QCOMPARE(week.bucket, Bucket::Day);
        QCOMPARE(week.from, QDateTime(QDate(2024, 3, 3), QTime(16, 0), Qt::UTC).toMSecsSinceEpoch()); // 4 March 00:00 in China
        QCOMPARE(week.to - week.from, 7 * 24 * kHour);
        QCOMPARE(DashboardPeriod::lastDays(30, QDate(2024, 3, 10), 0).bucket, Bucket::Day);
        QCOMPARE(DashboardPeriod::lastDays(90, QDate(2024, 3, 10), 0).bucket, Bucket::Week);
        QCOMPARE(DashboardPeriod::lastDays(365, QDate(2024, 3, 10), 0).bucket, Bucket::Month);
        const Period backwards = DashboardPeriod::custom(QDate(2024, 3, 10), QDate(2024, 3, 4), 480);
        QCOMPARE(backwards.from, week.from);
        QCOMPARE(backwards.to, week.to);
        // A month bucket is clipped to the period: the first one starts on the period's first day.
        const Period quarter = DashboardPeriod::custom(QDate(2024, 1, 15), QDate(2024, 6, 30), 0);
        QCOMPARE(quarter.bucket, Bucket::Month);
        const auto jan = DashboardPeriod::bucketRange(quarter, QStringLiteral("2024-01"));
        QCOMPARE(jan.first, quarter.from);
        QCOMPARE(jan.second, QDateTime(QDate(2024, 2, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(DashboardPeriod::bucketRange(quarter, QStringLiteral("2023-12")), (std::pair<qint64, qint64>{0, 0}));
        QCOMPARE(DashboardPeriod::bucketLabel(QStringLiteral("2024-03-04"), Bucket::Day), QStringLiteral("03-04"));
        QCOMPARE(DashboardSeries::percent(6667), QLocale().toString(66) + QLocale().decimalPoint() + QStringLiteral("67 %"));
    }

    void repSeesOwnFigures()
    {
        auto view = weekView(*m_wang);
        QVERIFY2(view->statusText().isEmpty(), qPrintable(view->statusText()));
        QCOMPARE(view->data().bucketKeys.size(), 7);
        QCOMPARE(view->data().headline.currency, QStringLiteral("CNY"));

        // KPI tiles: only wang's deals, customers and activities.
        QCOMPARE(view->kpiText(DashboardView::Kpi::WonAmount), money(150'001));
        QCOMPARE(view->kpiText(DashboardView::Kpi::WonCount), QStringLiteral("2"));
        QCOMPARE(view->kpiText(DashboardView::Kpi::WinRate), DashboardSeries::percent(6667)); // 2 won, 1 lost
        QCOMPARE(view->kpiText(DashboardView::Kpi::AverageDeal), money(75'001)); // 75000.5 rounded half up
        QCOMPARE(view->kpiText(DashboardView::Kpi::AverageCycle), DashboardView::tr("%n day(s)", nullptr, 2)); // 38 h
        QCOMPARE(view->kpiText(DashboardView::Kpi::NewCustomers), QStringLiteral("2"));
        QCOMPARE(view->kpiText(DashboardView::Kpi::OpenPipeline), money(25'000)); // W4 and the older deal
        QCOMPARE(view->kpiText(DashboardView::Kpi::OpenWeighted), money(10'500)); // 50 % of 200.00 + 10 % of 50.00
        QCOMPARE(view->kpiText(DashboardView::Kpi::Activities), QStringLiteral("3"));

        // The bars the charts draw.
        QCOMPARE(barValues(view->wonChart()), (QList<QList<qreal>>{{0, 1000.0, 0, 500.01, 0, 0, 0}}));
        QCOMPARE(view->series().wonTexts[3], DashboardSeries::tr("%1 (%n deal(s))", nullptr, 1).arg(DisplayFormat::money(50'001)));
        QCOMPARE(barValues(view->newCustomersChart()), (QList<QList<qreal>>{{1, 1, 0, 0, 0, 0, 0}}));
        // Funnel of deals created in the week: W1 and W2 won (so passed every open stage), W3 lost
        // from lead, W4 in lead.
        QCOMPARE(view->series().funnelReached, (QList<qreal>{4, 2, 2, 2, 2}));
        // Drawn bottom to top, so the bars hold the stages last first (lead on top).
        QCOMPARE(barValues(view->funnelChart()), (QList<QList<qreal>>{{2, 2, 2, 2, 4}}));
        QCOMPARE(view->series().funnelLabels.first(),
                 DashboardSeries::tr("%1 · %2").arg(QStringLiteral("lead"), DashboardSeries::percent(5000)));
        QCOMPARE(view->series().funnelLabels.last(), QStringLiteral("won"));
        QVERIFY(qobject_cast<QHorizontalBarSeries *>(view->funnelChart()->series().value(0)));
        // Activities: wang's calls and visit only.
        QCOMPARE(view->series().reps, QStringList{QStringLiteral("wang")});
        QCOMPARE(view->series().activityKinds, (QStringList{QStringLiteral("call"), QStringLiteral("visit")}));
        QVERIFY(qobject_cast<QHorizontalStackedBarSeries *>(view->activitiesChart()->series().value(0)));
        QCOMPARE(barValues(view->activitiesChart()), (QList<QList<qreal>>{{2}, {1}}));
    }

    void managerSeesTheTeamAndOtherTeamsRepOnlyOwn()
    {
        auto li = weekView(*m_li);
        QCOMPARE(li->kpiText(DashboardView::Kpi::WonAmount), money(350'001));
        QCOMPARE(li->kpiText(DashboardView::Kpi::WonCount), QStringLiteral("3"));
        QCOMPARE(li->kpiText(DashboardView::Kpi::WinRate), DashboardSeries::percent(7500));
        QCOMPARE(li->kpiText(DashboardView::Kpi::NewCustomers), QStringLiteral("3"));
        QCOMPARE(barValues(li->wonChart()), (QList<QList<qreal>>{{0, 1000.0, 2000.0, 500.01, 0, 0, 0}}));
        QCOMPARE(li->series().reps, (QStringList{QStringLiteral("wang"), QStringLiteral("zhao"), QStringLiteral("王芳")}));
        QCOMPARE(li->series().activityKinds, (QStringList{QStringLiteral("call"), QStringLiteral("visit"), QStringLiteral("meeting")}));
        QCOMPARE(li->series().activityCounts, (QVector<QList<qreal>>{{2, 0, 1}, {1, 0, 0}, {0, 1, 0}}));
        // Rows drawn bottom to top: the bars hold the reps last first (wang on top).
        QCOMPARE(barValues(li->activitiesChart()), (QList<QList<qreal>>{{1, 0, 2}, {0, 0, 1}, {0, 1, 0}}));
        QCOMPARE(li->series().funnelReached, (QList<qreal>{5, 3, 3, 3, 3}));
        QList<DashboardLink> links;
        connect(li.get(), &DashboardView::openList, this, [&](const DashboardLink &l) { links << l; });
        Q_EMIT barSet(li->activitiesChart(), 2)->clicked(1); // the meetings of the middle row
        QCOMPARE(links.size(), 1);
        QCOMPARE(links[0].userId, std::optional<qint64>(m_team.zhao.userId));
        QCOMPARE(links[0].activityKind, QStringLiteral("meeting"));
        // Drawn at a usual window size, the Chinese name is painted whole, not elided.
        li->resize(1280, 900);
        li->show();
        QVERIFY(QTest::qWaitForWindowExposed(li.get()));
        QTRY_VERIFY2(paintedTexts(li->activitiesChart()).contains(QStringLiteral("王芳")),
                     qPrintable(paintedTexts(li->activitiesChart()).join(QLatin1Char('|'))));

        auto qian = weekView(*m_qian);
        QCOMPARE(qian->kpiText(DashboardView::Kpi::WonAmount), money(70'000));
        QCOMPARE(barValues(qian->wonChart()), (QList<QList<qreal>>{{0, 0, 0, 0, 0, 700.0, 0}}));
        QCOMPARE(qian->kpiText(DashboardView::Kpi::NewCustomers), QStringLiteral("1"));
        QCOMPARE(qian->series().reps, QStringList{QStringLiteral("qian")});
        QCOMPARE(barValues(qian->activitiesChart()), (QList<QList<qreal>>{{1}}));
    }

    // Large sums on the won chart's axis in the unit the reader counts in; small ones as they are.
    void moneyAxisInTheReadersUnit()
    {
        const QString cny = QStringLiteral("CNY");
        QCOMPARE(DashboardSeries::moneyUnit(9'999, cny, false).first, 1.0);
        QCOMPARE(DashboardSeries::moneyUnit(9'999, cny, false).second, cny);
        QCOMPARE(DashboardSeries::moneyUnit(50'000, QStringLiteral("USD"), false).second, QStringLiteral("USD (thousands)"));
        QCOMPARE(DashboardSeries::moneyUnit(50'000, cny, false).first, 1e3);
        QCOMPARE(DashboardSeries::moneyUnit(70'000'000, cny, false).first, 1e6);
        QCOMPARE(DashboardSeries::moneyUnit(99'999, cny, true).first, 1.0);
        QCOMPARE(DashboardSeries::moneyUnit(70'000'000, cny, true).first, 1e4);
        QCOMPARE(DashboardSeries::moneyUnit(2e9, cny, true).first, 1e8);
        auto view = weekView(*m_wang); // at most 1,000.00 a day: drawn as it is
        QCOMPARE(view->series().wonBars, view->series().wonAmounts);
        QCOMPARE(view->series().wonAxisTitle, cny);
    }

    void clickingABarAsksForItsList()
    {
        auto view = weekView(*m_wang);
        QList<DashboardLink> links;
        connect(view.get(), &DashboardView::openList, this, [&](const DashboardLink &l) { links << l; });

        QBarSet *won = barSet(view->wonChart());
        QVERIFY(won);
        Q_EMIT won->clicked(3); // Thursday
        QCOMPARE(links.size(), 1);
        QCOMPARE(links[0].kind, DashboardLink::Kind::Opportunities);
        QCOMPARE(links[0].status, QStringLiteral("won"));
        QCOMPARE(links[0].closedFrom, at(3));
        QCOMPARE(links[0].closedTo, at(4));

        Q_EMIT barSet(view->newCustomersChart())->clicked(0);
        QCOMPARE(links.size(), 2);
        QCOMPARE(links[1].kind, DashboardLink::Kind::Customers);
        QCOMPARE(links[1].createdFrom, at(0));
        QCOMPARE(links[1].createdTo, at(1));

        Q_EMIT barSet(view->funnelChart())->clicked(3); // the second bar from the top
        QCOMPARE(links.size(), 3);
        QCOMPARE(links[2].kind, DashboardLink::Kind::Opportunities);
        QCOMPARE(links[2].stageId, std::optional<qint64>(m_stages.value(QStringLiteral("qualified"))));
        QCOMPARE(links[2].createdFrom, at(0));
        QCOMPARE(links[2].createdTo, at(7));
        QVERIFY(links[2].status.isEmpty());

        Q_EMIT barSet(view->activitiesChart(), 1)->clicked(0); // wang's visits
        QCOMPARE(links.size(), 4);
        QCOMPARE(links[3].kind, DashboardLink::Kind::Activities);
        QCOMPARE(links[3].userId, std::optional<qint64>(m_team.wang.userId));
        QCOMPARE(links[3].activityKind, QStringLiteral("visit"));
        QCOMPARE(links[3].occurredFrom, at(0));
        QCOMPARE(links[3].occurredTo, at(7));

        Q_EMIT won->clicked(42); // no such bar: nothing to open
        QCOMPARE(links.size(), 4);
    }

    // What a click opens in the main window is exactly the records behind the bar, in the viewer's scope.
    void drillDownOpensTheRecordsBehindTheBar()
    {
        MainWindow window(*m_li, nullptr);
        auto *dashboard = qobject_cast<DashboardView *>(window.view(QStringLiteral("dashboard")));
        auto *customers = qobject_cast<CustomersView *>(window.view(QStringLiteral("customers")));
        auto *board = qobject_cast<PipelineBoardView *>(window.view(QStringLiteral("pipeline")));
        QVERIFY(dashboard && customers && board);
        QVERIFY(waitLoaded(*dashboard));
        dashboard->setCustomRange(kMonday, kMonday.addDays(6));
        QVERIFY(waitLoaded(*dashboard));
        CustomerTableModel *model = customers->model();
        auto *chip = customers->findChild<QToolButton *>(QStringLiteral("createdChip"));
        QVERIFY(chip);

        // New customers on Tuesday: wang's 云帆贸易; qian's customer of that day is not li's to see.
        Q_EMIT barSet(dashboard->newCustomersChart())->clicked(1);
        QCOMPARE(window.currentViewId(), QStringLiteral("customers"));
        QCOMPARE(shownCustomers(model), QStringList{QStringLiteral("云帆贸易")});
        QVERIFY(!chip->isHidden());
        QVERIFY2(chip->text().contains(QStringLiteral("2024-03-05")), qPrintable(chip->text()));
        // Wednesday replaces Tuesday.
        window.showView(QStringLiteral("dashboard"));
        Q_EMIT barSet(dashboard->newCustomersChart())->clicked(2);
        QCOMPARE(shownCustomers(model), QStringList{QStringLiteral("赵的客户")});
        QVERIFY(chip->text().contains(QStringLiteral("2024-03-06")));

        // Won on Wednesday: zhao's deal in a list of its own; Saturday's was qian's, not li's.
        window.showView(QStringLiteral("dashboard"));
        Q_EMIT barSet(dashboard->wonChart())->clicked(2);
        auto dialogs = window.findChildren<DealsDialog *>();
        QCOMPARE(dialogs.size(), 1);
        DealsDialog *won = dialogs.first();
        QVERIFY(QTest::qWaitFor([&] { return !won->isLoading(); }, 20000));
        QCOMPARE(won->totalCount(), qint64(1));
        QCOMPARE(won->table()->rowCount(), 1);
        QCOMPARE(won->table()->item(0, 2)->text(), QStringLiteral("赵的客户"));
        QCOMPARE(won->table()->item(0, 3)->text(), money(200'000));
        QVERIFY(won->windowTitle().contains(QStringLiteral("2024-03-06")));
        won->close();
        QTRY_VERIFY(window.findChildren<DealsDialog *>().isEmpty()); // closed is deleted
        Q_EMIT barSet(dashboard->wonChart())->clicked(5);
        dialogs = window.findChildren<DealsDialog *>();
        QCOMPARE(dialogs.size(), 1);
        DealsDialog *saturday = dialogs.first();
        QVERIFY(QTest::qWaitFor([&] { return !saturday->isLoading(); }, 20000));
        QCOMPARE(saturday->totalCount(), qint64(0));
        QCOMPARE(saturday->table()->rowCount(), 0);
        saturday->close();

        // A funnel stage: the deals the funnel counted there, as many as the bar, each created in the
        // week; lead (the top bar) also lists the one lost from lead and the one still in it.
        auto cohort = [&](int bar) {
            Q_EMIT barSet(dashboard->funnelChart())->clicked(bar);
            const auto found = window.findChildren<DealsDialog *>();
            return found.size() == 1 ? found.first() : nullptr;
        };
        QTRY_VERIFY(window.findChildren<DealsDialog *>().isEmpty()); // the won lists above are gone
        const QVector<qreal> reached = dashboard->series().funnelReached;
        for (int stage = 0; stage < reached.size(); ++stage) {
            DealsDialog *deals = cohort(int(reached.size()) - 1 - stage); // bars run last stage first
            QVERIFY(deals);
            QVERIFY(QTest::qWaitFor([&] { return !deals->isLoading(); }, 20000));
            QCOMPARE(qreal(deals->totalCount()), reached[stage]);
            QCOMPARE(qreal(deals->table()->rowCount()), reached[stage]);
            for (qint64 id : deals->shownIds()) {
                QSqlQuery q = m_store->db->prepare(QStringLiteral("SELECT created_at FROM opportunities WHERE id = :id"));
                q.bindValue(QStringLiteral(":id"), id);
                QVERIFY(m_store->db->exec(q).ok() && q.next());
                const qint64 created = q.value(0).toLongLong();
                QVERIFY(created >= dashboard->data().period.from && created < dashboard->data().period.to);
            }
            delete deals;
        }
        // "Show the stage on the board": the default pipeline's board with that stage outlined, filters back to all.
        board->setOwnerFilter(m_team.wang.userId);
        DealsDialog *qualified = cohort(3);
        QVERIFY(qualified);
        qualified->findChild<QPushButton *>(QStringLiteral("showOnBoard"))->click();
        QCOMPARE(window.currentViewId(), QStringLiteral("pipeline"));
        QCOMPARE(board->highlightedStage(), m_stages.value(QStringLiteral("qualified")));
        QVERIFY(QTest::qWaitFor([&] { return !board->isLoading() && board->columnCount() > 0; }, 20000));
        QCOMPARE(board->pipelineId(), must(PipelineService::loadDefault(*m_store->db)).id);
        QVERIFY(!board->filter().ownerId);
        QVERIFY(board->columnForStage(m_stages.value(QStringLiteral("qualified"))));

        // A segment of a rep's activities: exactly those activities, that rep's, of that kind, in the week.
        window.showView(QStringLiteral("dashboard"));
        auto listed = [&](int kind, int row) {
            Q_EMIT barSet(dashboard->activitiesChart(), kind)->clicked(row);
            const auto found = window.findChildren<ActivitiesDialog *>();
            QStringList out;
            if (found.size() != 1)
                return QStringList{QStringLiteral("%1 dialogs").arg(found.size())};
            ActivitiesDialog *list = found.first();
            if (!QTest::qWaitFor([&] { return !list->isLoading(); }, 20000))
                return QStringList{QStringLiteral("(still loading)")};
            for (int r = 0; r < list->table()->rowCount(); ++r)
                out << list->table()->item(r, 2)->text();
            delete list;
            return out;
        };
        QCOMPARE(listed(2, 1), QStringList{QStringLiteral("赵的客户")}); // zhao's meetings
        // Wang's calls, newest first; his call on 旧客户 the week before is not in the period.
        QCOMPARE(listed(0, 2), (QStringList{QStringLiteral("云帆贸易"), QStringLiteral("深圳星河科技有限公司")}));
        QCOMPARE(window.currentViewId(), QStringLiteral("dashboard"));

        // A rep clicking the same Tuesday bar sees only her own new customer.
        MainWindow qianWindow(*m_qian, nullptr);
        auto *qianDashboard = qobject_cast<DashboardView *>(qianWindow.view(QStringLiteral("dashboard")));
        auto *qianCustomers = qobject_cast<CustomersView *>(qianWindow.view(QStringLiteral("customers")));
        QVERIFY(qianDashboard && qianCustomers);
        QVERIFY(waitLoaded(*qianDashboard));
        qianDashboard->setCustomRange(kMonday, kMonday.addDays(6));
        QVERIFY(waitLoaded(*qianDashboard));
        Q_EMIT barSet(qianDashboard->newCustomersChart())->clicked(1);
        QCOMPARE(shownCustomers(qianCustomers->model()), QStringList{QStringLiteral("钱的客户")});
    }

    void periodSelectorChangesBuckets()
    {
        DashboardView view(*m_wang);
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.data().period.bucket, Bucket::Day); // 30 days by default
        QCOMPARE(view.data().bucketKeys.size(), 30);
        // In a 1280 x 800 window (the navigation beside it) the day labels under the bars are whole
        // ("11-05", never "11-..."), and the funnel keeps a readable height whatever grows beside it.
        view.resize(1100, 760);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRegularExpression day(QStringLiteral("^\\d\\d-\\d\\d$"));
        QTRY_VERIFY2(paintedTexts(view.wonChart()).filter(day).size() >= 5, qPrintable(paintedTexts(view.wonChart()).join(QLatin1Char('|'))));
        for (QChart *chart : {view.wonChart(), view.newCustomersChart(), view.funnelChart(), view.activitiesChart()})
            for (const QString &text : paintedTexts(chart))
                QVERIFY2(!text.endsWith(QStringLiteral("...")) && !text.endsWith(QChar(0x2026)), qPrintable(text));
        // 200 reps make the activities chart 5,600 px tall; the funnel beside it stays as it was.
        view.activitiesChart()->scene()->views().value(0)->setMinimumHeight(5600);
        const auto funnelViews = view.funnelChart()->scene()->views();
        QTRY_VERIFY(view.activitiesChart()->scene()->views().value(0)->height() >= 5600);
        QVERIFY2(!funnelViews.isEmpty() && funnelViews.first()->height() <= 420, qPrintable(QString::number(funnelViews.first()->height())));
        view.setPeriodDays(90);
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.data().period.bucket, Bucket::Week);
        QVERIFY(view.data().bucketKeys.size() >= 13 && view.data().bucketKeys.size() <= 14);
        QCOMPARE(barValues(view.wonChart()).value(0).size(), view.data().bucketKeys.size());
        view.setPeriodDays(365);
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.data().period.bucket, Bucket::Month);
        // A partial month at each end (12 when the period starts on the 1st).
        QVERIFY(view.data().bucketKeys.size() >= 12 && view.data().bucketKeys.size() <= 13);
        view.setPeriodDays(7);
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.data().bucketKeys.size(), 7);
        QCOMPARE(view.data().period.to - view.data().period.from, 7 * 24 * kHour);

        // Custom dates through the widgets themselves: the selector shows the date fields, and
        // editing them reads the new range once.
        auto *selector = view.findChild<QComboBox *>();
        QVERIFY(selector);
        selector->setCurrentIndex(selector->findData(0));
        QVERIFY(waitLoaded(view));
        const auto edits = view.findChildren<QDateEdit *>();
        QCOMPARE(edits.size(), 2);
        QVERIFY(!edits[0]->isHidden());
        edits[0]->setDate(kMonday);
        edits[1]->setDate(kMonday.addDays(6));
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading() && view.data().period.from == at(0); }, 20000));
        QCOMPARE(view.data().period.to, at(7));
        QCOMPARE(barValues(view.wonChart()), (QList<QList<qreal>>{{0, 1000.0, 0, 500.01, 0, 0, 0}}));
    }

    void changeElsewhereReloads()
    {
        auto view = weekView(*m_wang);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QCOMPARE(view->kpiText(DashboardView::Kpi::Activities), QStringLiteral("3"));
        // Logged on the session's own connection through the service, as an API handler in this
        // process would: the change feed carries it to the dashboard.
        const Actor wang = m_wang->actor();
        Activity a;
        a.customerId = m_wangsCustomer;
        a.kind = QStringLiteral("email");
        a.occurredAt = at(5, 9);
        bool done = false;
        m_wang->worker().run(view.get(), [wang, a](Database &db) { return ActivityService(db).log(wang, a); },
                             [&](Result<Activity> r) { done = r.ok(); });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return view->kpiText(DashboardView::Kpi::Activities) == QLatin1String("4"); }, 20000));
        QVERIFY(view->series().activityKinds.contains(QStringLiteral("email")));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
