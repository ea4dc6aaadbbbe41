#pragma once

#include "core/domain/Analytics.h"

#include <QStringList>
#include <QVector>

namespace crm {

// Everything the dashboard shows for one period, read in one snapshot (DashboardLoader). Plain
// values, QtCore only: the charts are built from it (DashboardSeries) and the test checks it.
struct DashboardData
{
    Period period;
    QStringList bucketKeys; // every bucket of the period, in order (AnalyticsService::bucketKeys)
    Dashboard headline; // KPIs, won and new customers per bucket, open pipeline
    QVector<FunnelStage> funnel; // default pipeline: opportunities created in the period by furthest stage reached
    QVector<RepActivity> activities; // per user and kind, by user name
};

} // namespace crm
