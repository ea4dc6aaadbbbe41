#include "ui/dashboard/DashboardSeries.h"

#include "core/SeedNames.h"
#include "reports/report/ChartAxis.h"
#include "ui/DisplayFormat.h"
#include "ui/LanguageLoader.h"
#include "ui/dashboard/DashboardPeriod.h"

#include <QLocale>

#include <algorithm>

namespace crm {

namespace {

// The activity kinds in the order the stacked bars use, whatever the query returned first.
const QStringList &knownKinds()
{
    static const QStringList kinds{QStringLiteral("call"),    QStringLiteral("visit"), QStringLiteral("meeting"),
                                   QStringLiteral("message"), QStringLiteral("email"), QStringLiteral("note")};
    return kinds;
}

} // namespace

std::pair<qreal, QString> DashboardSeries::moneyUnit(qreal top, const QString &currency, bool chinese)
{
    const double unit = ChartAxis::unit(top, chinese); // the reports' charts count in the same units
    if (unit == 1e8)
        return {unit, tr("%1 (hundred millions)").arg(currency)};
    if (unit == 1e4)
        return {unit, tr("%1 (ten thousands)").arg(currency)};
    if (unit == 1e6)
        return {unit, tr("%1 (millions)").arg(currency)};
    if (unit == 1e3)
        return {unit, tr("%1 (thousands)").arg(currency)};
    return {1, currency};
}

QString DashboardSeries::percent(int basisPoints)
{
    const QLocale locale;
    return tr("%1 %").arg(locale.toString(basisPoints / 100) + locale.decimalPoint() +
                          QStringLiteral("%1").arg(basisPoints % 100, 2, 10, QLatin1Char('0')));
}

DashboardSeries DashboardSeries::build(const DashboardData &data)
{
    DashboardSeries s;
    const Dashboard &d = data.headline;
    for (const QString &key : data.bucketKeys)
        s.bucketLabels << DashboardPeriod::bucketLabel(key, data.period.bucket);
    // AnalyticsService fills every bucket of the period in key order; look up by key anyway so a
    // missing bucket draws as zero instead of shifting the bars.
    for (const QString &key : data.bucketKeys) {
        const auto won = std::find_if(d.wonByBucket.begin(), d.wonByBucket.end(), [&](const SalesBucket &b) { return b.key == key; });
        const qint64 amount = won == d.wonByBucket.end() ? 0 : won->amountMinor;
        const qint64 count = won == d.wonByBucket.end() ? 0 : won->count;
        s.wonAmounts << qreal(amount) / 100.0;
        s.wonCounts << qreal(count);
        s.wonTexts << tr("%1 (%n deal(s))", nullptr, int(count)).arg(DisplayFormat::money(amount));
        const auto created = std::find_if(d.newCustomersByBucket.begin(), d.newCustomersByBucket.end(),
                                          [&](const CountBucket &b) { return b.key == key; });
        s.newCustomers << qreal(created == d.newCustomersByBucket.end() ? 0 : created->count);
    }
    const qreal top = s.wonAmounts.isEmpty() ? 0 : *std::max_element(s.wonAmounts.cbegin(), s.wonAmounts.cend());
    const auto [divisor, title] = moneyUnit(top, d.currency, !LanguageLoader::isEnglish());
    for (const qreal amount : std::as_const(s.wonAmounts))
        s.wonBars << amount / divisor;
    s.wonAxisTitle = title;

    for (const FunnelStage &stage : data.funnel) {
        const QString name = SeedNames::stage(stage.name);
        s.funnelLabels << (stage.conversionBasisPoints ? tr("%1 · %2").arg(name, percent(*stage.conversionBasisPoints)) : name);
        s.funnelReached << qreal(stage.reached);
        s.funnelStageIds << stage.stageId;
    }

    for (const RepActivity &a : data.activities) {
        if (!s.repIds.contains(a.userId)) {
            s.repIds << a.userId;
            s.reps << a.name;
        }
        if (!s.activityKinds.contains(a.kind))
            s.activityKinds << a.kind;
    }
    std::sort(s.activityKinds.begin(), s.activityKinds.end(), [](const QString &a, const QString &b) {
        const qsizetype ia = knownKinds().indexOf(a), ib = knownKinds().indexOf(b);
        if (ia != ib)
            return (ia < 0 ? knownKinds().size() : ia) < (ib < 0 ? knownKinds().size() : ib);
        return a < b;
    });
    for (const QString &kind : s.activityKinds) {
        s.activityKindLabels << DisplayFormat::activityKind(kind);
        s.activityCounts << QList<qreal>(s.reps.size(), 0.0);
    }
    for (const RepActivity &a : data.activities)
        s.activityCounts[s.activityKinds.indexOf(a.kind)][s.repIds.indexOf(a.userId)] += qreal(a.count);
    return s;
}

std::optional<DashboardLink> DashboardSeries::linkWon(const DashboardData &data, int bucketIndex) const
{
    if (bucketIndex < 0 || bucketIndex >= data.bucketKeys.size())
        return std::nullopt;
    const auto [from, to] = DashboardPeriod::bucketRange(data.period, data.bucketKeys[bucketIndex]);
    DashboardLink link;
    link.kind = DashboardLink::Kind::Opportunities;
    link.status = QStringLiteral("won");
    link.closedFrom = from;
    link.closedTo = to;
    link.label = DashboardPeriod::bucketTitle(data.period, data.bucketKeys[bucketIndex]);
    return link;
}

std::optional<DashboardLink> DashboardSeries::linkNewCustomers(const DashboardData &data, int bucketIndex) const
{
    if (bucketIndex < 0 || bucketIndex >= data.bucketKeys.size())
        return std::nullopt;
    const auto [from, to] = DashboardPeriod::bucketRange(data.period, data.bucketKeys[bucketIndex]);
    DashboardLink link;
    link.kind = DashboardLink::Kind::Customers;
    link.createdFrom = from;
    link.createdTo = to;
    link.label = DashboardPeriod::bucketTitle(data.period, data.bucketKeys[bucketIndex]);
    return link;
}

std::optional<DashboardLink> DashboardSeries::linkFunnel(const DashboardData &data, int stageIndex) const
{
    if (stageIndex < 0 || stageIndex >= funnelStageIds.size())
        return std::nullopt;
    DashboardLink link;
    link.kind = DashboardLink::Kind::Opportunities;
    link.stageId = funnelStageIds[stageIndex];
    link.reachedStageIds = funnelStageIds.mid(stageIndex); // this stage or further, as the funnel counts
    link.createdFrom = data.period.from;
    link.createdTo = data.period.to;
    if (stageIndex < data.funnel.size()) {
        link.label = SeedNames::stage(data.funnel[stageIndex].name);
        link.pipelineId = data.funnel[stageIndex].pipelineId;
    }
    return link;
}

std::optional<DashboardLink> DashboardSeries::linkActivities(const DashboardData &data, int kindIndex, int repIndex) const
{
    if (kindIndex < 0 || kindIndex >= activityKinds.size() || repIndex < 0 || repIndex >= repIds.size())
        return std::nullopt;
    DashboardLink link;
    link.kind = DashboardLink::Kind::Activities;
    link.userId = repIds[repIndex];
    link.activityKind = activityKinds[kindIndex];
    link.occurredFrom = data.period.from;
    link.occurredTo = data.period.to;
    link.label = reps[repIndex];
    return link;
}

} // namespace crm
