#pragma once

#include "ui/dashboard/DashboardData.h"
#include "ui/dashboard/DashboardLink.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QVector>

#include <optional>
#include <utility>

namespace crm {

// The values the dashboard's charts draw, built from DashboardData without any widget, so the test
// can check what each bar will show. Money becomes a double of major units here ONLY to give a bar
// its height; every money text is DisplayFormat::money of the exact minor units. Also answers
// which list a click on a bar opens (link*()).
class DashboardSeries
{
    Q_DECLARE_TR_FUNCTIONS(DashboardSeries)
public:
    static DashboardSeries build(const DashboardData &data);

    // Won per bucket and new customers per bucket: one value per bucket key.
    QStringList bucketLabels; // "03-04", "2024-03"
    QList<qreal> wonAmounts; // major units, drawing only
    QList<qreal> wonBars; // wonAmounts in the unit of the won chart's axis (moneyUnit)
    QString wonAxisTitle; // names that unit and the currency
    QList<qreal> wonCounts;
    QStringList wonTexts; // "1,500.01 (2)" from minor units
    QList<qreal> newCustomers;

    // Funnel: one bar per stage of the default pipeline (open stages, then won), in stage order.
    QStringList funnelLabels; // "qualified · 50.00 %": the stage and its conversion to the next
    QList<qreal> funnelReached;
    QVector<qint64> funnelStageIds;

    // Activities per rep, stacked by kind: activityCounts[k][r] is kind activityKinds[k] of rep reps[r].
    QStringList reps; // display names
    QVector<qint64> repIds;
    QStringList activityKinds; // codes, in the order of kinds() (unknown kinds after, by name)
    QStringList activityKindLabels; // DisplayFormat::activityKind
    QVector<QList<qreal>> activityCounts;

    // The list a click opens; nullopt for an index out of range.
    std::optional<DashboardLink> linkWon(const DashboardData &data, int bucketIndex) const;
    std::optional<DashboardLink> linkNewCustomers(const DashboardData &data, int bucketIndex) const;
    std::optional<DashboardLink> linkFunnel(const DashboardData &data, int stageIndex) const;
    std::optional<DashboardLink> linkActivities(const DashboardData &data, int kindIndex, int repIndex) const;

    // A unit for a money axis reaching `top` major units: 10,000 (万) and 100,000,000 (亿) in Chinese,
    // thousands and millions in English, so the axis reads "800" rather than "8000000". The divisor,
    // and the axis title naming the unit and the currency. The tooltips keep the exact sums.
    static std::pair<qreal, QString> moneyUnit(qreal top, const QString &currency, bool chinese);

    // 6667 -> "66.67 %" (exact, from integer basis points; the locale's decimal point).
    static QString percent(int basisPoints);
};

} // namespace crm
