#include "ui/dashboard/DashboardView.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/dashboard/DashboardLoader.h"
#include "ui/dashboard/DashboardPeriod.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateEdit>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QScrollArea>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace crm {

namespace {

constexpr int kCustom = 0; // the selector's data for "custom"

QChartView *makeChart(const QString &title, QWidget *parent, QLayout *into)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    into->addWidget(view);
    return view;
}

// Drops the previous load's series and axes (the chart owns and deletes them).
void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A value axis from 0 with ticks on round whole numbers (1, 2, 5 x 10^n), at most about 8 of them:
// counts never show as 0.2 steps printed "0, 0, 1, 1", and money in major units stays readable.
QValueAxis *valueAxis(const QList<qreal> &values)
{
    const qreal top = values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
    qreal step = 1;
    for (qreal magnitude = 1;; magnitude *= 10) {
        const qreal candidates[] = {magnitude, 2 * magnitude, 5 * magnitude};
        const auto fit = std::find_if(std::begin(candidates), std::end(candidates), [&](qreal c) { return top / c <= 8; });
        if (fit != std::end(candidates)) {
            step = *fit;
            break;
        }
    }
    auto *axis = new QValueAxis;
    axis->setRange(0, qMax<qreal>(step, std::ceil(top / step) * step));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    return axis;
}

// The time axis under bars 0..n-1. A QBarCategoryAxis elides every label once there are more than
// about a dozen (30 days), slanted or not; this axis labels only every k-th bucket, under its bar,
// so the labels shown are whole. The hover tooltip names every bucket.
QCategoryAxis *bucketAxis(const QStringList &labels)
{
    constexpr int kMaxLabels = 10;
    const int n = int(labels.size());
    const int every = qMax(1, (n + kMaxLabels - 1) / kMaxLabels);
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(-0.5);
    for (int i = 0; i < n; i += every)
        axis->append(labels[i], i);
    axis->setRange(-0.5, qMax(0, n - 1) + 0.5);
    axis->setGridLineVisible(false);
    // Qt Charts elides a category label to its category's width even when the neighbours' room is
    // free (every label read "11-..."); the labels here are already thinned out to fit whole.
    axis->setTruncateLabels(false);
    return axis;
}

} // namespace

DashboardView::DashboardView(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_periodBox(new QComboBox(this)), m_first(new QDateEdit(this)),
      m_last(new QDateEdit(this)), m_status(new QLabel(this))
{
    m_periodBox->addItem(tr("Last 7 days"), 7);
    m_periodBox->addItem(tr("Last 30 days"), 30);
    m_periodBox->addItem(tr("Last 90 days"), 90);
    m_periodBox->addItem(tr("Last 365 days"), 365);
    m_periodBox->addItem(tr("Custom dates"), kCustom);
    m_periodBox->setCurrentIndex(1);
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_first, m_last}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setVisible(false);
    }
    m_first->setDate(today.addDays(-29));
    m_last->setDate(today);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Period:"), this));
    top->addWidget(m_periodBox);
    top->addWidget(m_first);
    top->addWidget(m_last);
    top->addStretch();
    top->addWidget(m_status);

    auto *content = new QWidget;
    auto *tiles = new QGridLayout;
    const std::pair<Kpi, QString> tileTitles[] = {
        {Kpi::WonAmount, tr("Won amount")},       {Kpi::WonCount, tr("Deals won")},
        {Kpi::WinRate, tr("Win rate")},           {Kpi::AverageDeal, tr("Average deal size")},
        {Kpi::AverageCycle, tr("Average cycle")}, {Kpi::NewCustomers, tr("New customers")},
        {Kpi::OpenPipeline, tr("Open pipeline")}, {Kpi::OpenWeighted, tr("Weighted pipeline")},
        {Kpi::Activities, tr("Activities")}};
    int i = 0;
    for (const auto &[kpi, title] : tileTitles) {
        tiles->addWidget(addTile(kpi, title), i / 5, i % 5);
        ++i;
    }
    auto *charts = new QGridLayout;
    auto cell = [&](int row, int column) {
        auto *box = new QVBoxLayout;
        charts->addLayout(box, row, column);
        return box;
    };
    m_wonChart = makeChart(tr("Sales won"), content, cell(0, 0))->chart();
    m_customersChart = makeChart(tr("New customers"), content, cell(0, 1))->chart();
    QVBoxLayout *funnelCell = cell(1, 0);
    QChartView *funnelView = makeChart(tr("Funnel (opportunities created in the period)"), content, funnelCell);
    // The activities chart beside it grows with the number of reps (200 in the demo: 5,000 px); the
    // funnel keeps a readable height at the top of its cell instead of stretching along.
    funnelView->setMaximumHeight(420);
    funnelCell->addStretch();
    m_funnelChart = funnelView->chart();
    m_activitiesView = makeChart(tr("Activities per rep"), content, cell(1, 1));
    m_activitiesChart = m_activitiesView->chart();
    m_activitiesChart->legend()->show();
    m_activitiesChart->legend()->setAlignment(Qt::AlignBottom);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(tiles);
    contentLayout->addLayout(charts, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    connect(m_periodBox, &QComboBox::currentIndexChanged, this, &DashboardView::periodChosen);
    // Typing a date changes it digit by digit: read once the typing pauses.
    m_datesSoon.setSingleShot(true);
    m_datesSoon.setInterval(400);
    connect(&m_datesSoon, &QTimer::timeout, this, &DashboardView::reload);
    connect(m_first, &QDateEdit::dateChanged, &m_datesSoon, qOverload<>(&QTimer::start));
    connect(m_last, &QDateEdit::dateChanged, &m_datesSoon, qOverload<>(&QTimer::start));
    m_reloadSoon = new ReloadSoon(
        session.feed(), kReloadDelayMs,
        [](const Change &c) {
            return c.entity == QLatin1String("opportunity") || c.entity == QLatin1String("customer")
                   || c.entity == QLatin1String("activity");
        },
        [this] {
            if (!isVisible()) {
                m_stale = true; // nobody looks: read when shown
                return;
            }
            reload();
        },
        this);
    connect(&session, &Session::actorChanged, this, &DashboardView::reload);
    reload();
}

DashboardView::~DashboardView() = default;

QWidget *DashboardView::addTile(Kpi kpi, const QString &title)
{
    auto *tile = new QFrame;
    tile->setFrameShape(QFrame::StyledPanel);
    auto *caption = new QLabel(title, tile);
    auto *value = new QLabel(QStringLiteral("–"), tile);
    value->setObjectName(QStringLiteral("kpiValue"));
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    value->setFont(big);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(tile);
    layout->addWidget(caption);
    layout->addWidget(value);
    m_tiles.insert(int(kpi), value);
    return tile;
}

void DashboardView::setPeriodDays(int days)
{
    const int index = m_periodBox->findData(days);
    if (index >= 0 && days != kCustom) {
        const QSignalBlocker block(m_periodBox);
        m_periodBox->setCurrentIndex(index);
        m_first->setVisible(false);
        m_last->setVisible(false);
        reload();
        return;
    }
    const QDate today = QDate::currentDate();
    setCustomRange(today.addDays(-(qMax(1, days) - 1)), today);
}

void DashboardView::setCustomRange(const QDate &first, const QDate &last)
{
    {
        const QSignalBlocker blockBox(m_periodBox);
        const QSignalBlocker blockFirst(m_first);
        const QSignalBlocker blockLast(m_last);
        m_periodBox->setCurrentIndex(m_periodBox->findData(kCustom));
        m_first->setDate(first);
        m_last->setDate(last);
    }
    m_first->setVisible(true);
    m_last->setVisible(true);
    reload();
}

void DashboardView::periodChosen()
{
    const bool custom = m_periodBox->currentData().toInt() == kCustom;
    m_first->setVisible(custom);
    m_last->setVisible(custom);
    reload();
}

Period DashboardView::currentPeriod() const
{
    const int offset = DashboardPeriod::systemOffsetMinutes();
    const int days = m_periodBox->currentData().toInt();
    if (days == kCustom)
        return DashboardPeriod::custom(m_first->date(), m_last->date(), offset);
    return DashboardPeriod::lastDays(days, QDate::currentDate(), offset);
}

void DashboardView::reload()
{
    m_stale = false;
    m_reloadSoon->cancel();
    m_datesSoon.stop();
    const Actor actor = m_session.actor();
    const Period period = currentPeriod();
    const quint64 generation = ++m_generation;
    ++m_pending;
    m_status->setText(tr("Loading…"));
    m_session.worker().run(
        this, [actor, period](Database &db) { return DashboardLoader::load(db, actor, period); },
        [this, generation](Result<DashboardData> result) {
            --m_pending;
            if (generation != m_generation)
                return; // a newer request is on its way
            if (!result) {
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(result.error())));
                Q_EMIT loaded();
                return;
            }
            present(std::move(result).value());
            m_status->clear();
            Q_EMIT loaded();
        });
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

QString DashboardView::kpiText(Kpi kpi) const
{
    const QLabel *label = m_tiles.value(int(kpi));
    return label ? label->text() : QString();
}

QString DashboardView::statusText() const
{
    return m_status->text();
}

void DashboardView::present(DashboardData data)
{
    m_data = std::move(data);
    m_series = DashboardSeries::build(m_data);
    showKpis();
    buildWonChart();
    buildCustomersChart();
    buildFunnelChart();
    buildActivitiesChart();
}

void DashboardView::showKpis()
{
    const Dashboard &d = m_data.headline;
    const QString currency = d.currency;
    auto money = [&](qint64 minor) { return tr("%1 %2").arg(DisplayFormat::money(minor), currency); };
    const QLocale locale;
    m_tiles[int(Kpi::WonAmount)]->setText(money(d.wonAmountMinor));
    m_tiles[int(Kpi::WonCount)]->setText(locale.toString(d.wonCount));
    m_tiles[int(Kpi::WinRate)]->setText(DashboardSeries::percent(d.winRate.basisPoints));
    m_tiles[int(Kpi::WinRate)]->setToolTip(tr("%1 won, %2 lost").arg(locale.toString(d.winRate.won), locale.toString(d.winRate.lost)));
    m_tiles[int(Kpi::AverageDeal)]->setText(money(d.averageDeal.averageMinor));
    m_tiles[int(Kpi::AverageCycle)]->setText(tr("%n day(s)", nullptr, int(d.salesCycle.averageDays)));
    m_tiles[int(Kpi::NewCustomers)]->setText(locale.toString(d.newCustomers));
    m_tiles[int(Kpi::OpenPipeline)]->setText(money(d.openAmountMinor));
    m_tiles[int(Kpi::OpenPipeline)]->setToolTip(tr("%n open opportunity(ies)", nullptr, int(d.openCount)));
    m_tiles[int(Kpi::OpenWeighted)]->setText(money(d.openWeightedMinor));
    m_tiles[int(Kpi::Activities)]->setText(locale.toString(d.activities));
}

void DashboardView::emitLink(const std::optional<DashboardLink> &link)
{
    if (link)
        Q_EMIT openList(*link);
}

void DashboardView::buildWonChart()
{
    clearChart(m_wonChart);
    auto *set = new QBarSet(tr("Won"));
    set->append(m_series.wonBars);
    connect(set, &QBarSet::clicked, this, [this](int index) { emitLink(m_series.linkWon(m_data, index)); });
    connect(set, &QBarSet::hovered, this, [this](bool on, int index) {
        if (on && index >= 0 && index < m_series.wonTexts.size())
            QToolTip::showText(QCursor::pos(), m_series.bucketLabels[index] + QLatin1Char('\n') + m_series.wonTexts[index]);
        else
            QToolTip::hideText();
    });
    auto *series = new QBarSeries;
    series->append(set);
    m_wonChart->addSeries(series);
    auto *x = bucketAxis(m_series.bucketLabels);
    auto *y = valueAxis(m_series.wonBars);
    y->setTitleText(m_series.wonAxisTitle);
    m_wonChart->addAxis(x, Qt::AlignBottom);
    m_wonChart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void DashboardView::buildCustomersChart()
{
    clearChart(m_customersChart);
    auto *set = new QBarSet(tr("New customers"));
    set->append(m_series.newCustomers);
    connect(set, &QBarSet::clicked, this, [this](int index) { emitLink(m_series.linkNewCustomers(m_data, index)); });
    connect(set, &QBarSet::hovered, this, [this](bool on, int index) {
        if (on && index >= 0 && index < m_series.newCustomers.size())
            QToolTip::showText(QCursor::pos(), tr("%1: %n new customer(s)", nullptr, int(m_series.newCustomers[index]))
                                                   .arg(m_series.bucketLabels[index]));
        else
            QToolTip::hideText();
    });
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(m_series.bucketLabels.size() <= 12);
    m_customersChart->addSeries(series);
    auto *x = bucketAxis(m_series.bucketLabels);
    auto *y = valueAxis(m_series.newCustomers);
    m_customersChart->addAxis(x, Qt::AlignBottom);
    m_customersChart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void DashboardView::buildFunnelChart()
{
    clearChart(m_funnelChart);
    // A horizontal bar chart draws its first category at the bottom (and QAbstractAxis::reverse does
    // not turn a category axis over in 6.4): the stages go in last first, so the first stage is on
    // top as a funnel reads; a click's bar index is mapped back to the stage.
    const int n = int(m_series.funnelReached.size());
    QList<qreal> reached;
    QStringList labels;
    for (int i = n - 1; i >= 0; --i) {
        reached << m_series.funnelReached[i];
        labels << m_series.funnelLabels[i];
    }
    auto *set = new QBarSet(tr("Reached"));
    set->append(reached);
    connect(set, &QBarSet::clicked, this, [this, n](int index) { emitLink(m_series.linkFunnel(m_data, n - 1 - index)); });
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    m_funnelChart->addSeries(series);
    auto *stages = new QBarCategoryAxis;
    stages->append(labels);
    stages->setTruncateLabels(false); // stage names whole: the axis takes the width they need
    auto *x = valueAxis(reached);
    m_funnelChart->addAxis(stages, Qt::AlignLeft);
    m_funnelChart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(stages);
    series->attachAxis(x);
}

void DashboardView::buildActivitiesChart()
{
    clearChart(m_activitiesChart);
    // Reps down the side, each on its own row, so every name (Chinese ones too) is written out
    // whole however many reps there are: the chart grows with them (the page scrolls). Like the
    // funnel, rows go in last first so the list reads top down; clicks map back.
    const int reps = int(m_series.reps.size());
    auto *series = new QHorizontalStackedBarSeries;
    QList<qreal> totals(reps, 0.0);
    for (int k = 0; k < m_series.activityKinds.size(); ++k) {
        auto *set = new QBarSet(m_series.activityKindLabels[k]);
        for (int r = reps - 1; r >= 0; --r) {
            set->append(m_series.activityCounts[k][r]);
            totals[r] += m_series.activityCounts[k][r];
        }
        connect(set, &QBarSet::clicked, this,
                [this, k, reps](int index) { emitLink(m_series.linkActivities(m_data, k, reps - 1 - index)); });
        series->append(set);
    }
    m_activitiesChart->addSeries(series);
    QStringList names;
    for (int r = reps - 1; r >= 0; --r)
        names << m_series.reps[r];
    auto *y = new QBarCategoryAxis;
    y->append(names);
    y->setTruncateLabels(false); // reps' names whole (Chinese ones were elided to "...")
    auto *x = valueAxis(totals);
    m_activitiesChart->addAxis(y, Qt::AlignLeft);
    m_activitiesChart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    m_activitiesView->setMinimumHeight(qMax(260, 120 + 28 * reps));
}

} // namespace crm
