#pragma once

#include "core/Result.h"
#include "core/domain/Analytics.h"
#include "core/security/Actor.h"

#include <QStringList>

namespace crm {

class Database;

// Read-only aggregate queries for dashboards and the API (permission report.read).
//
// Every figure is scoped to the actor inside its SQL (customers.owner_id, opportunities.owner_id,
// activities.user_id): a rep's dashboard counts the rep's own data, a manager's their team's.
// Each query is one GROUP BY over an index; bucket keys are computed by the database from epoch ms
// plus the viewer's offset, and the buckets no row fell into are filled in here.
// Money is summed in integers and never passes through floating point (see domain/Analytics.h).
// Measured on SQLite with the 1M-customer demo (270k opportunities, 5M activities): a 30-day dashboard
// takes about 10 ms for a team of 25 reps, 25 ms for 51 and 65 ms for all 200; a whole year about 85 ms
// for 25 reps. Company-wide yearly figures read hundreds of thousands of index entries (0.5-1 s).
//
// A Period needs from < to, an offset within +-14 hours and at most maxBuckets() buckets, else
// validation.range on "to", "utcOffsetMinutes" or "bucket".
class AnalyticsService
{
public:
    explicit AnalyticsService(Database &db) : m_db(db) {}

    static int maxBuckets() { return 3700; } // ten years of days
    // Every bucket key of the period, in order (what the series below are filled to).
    static QStringList bucketKeys(const Period &period);

    // Customers created in the period, per bucket.
    Result<QVector<CountBucket>> newCustomers(const Actor &actor, const Period &period);
    // Opportunities won in the period (by closed_at), per bucket: count and amount.
    Result<QVector<SalesBucket>> wonSales(const Actor &actor, const Period &period);
    // The same per owner, largest amount first.
    Result<QVector<RepSales>> wonByRep(const Actor &actor, const Period &period);
    // Open opportunities per open stage of a pipeline (0: the default pipeline), in stage order.
    Result<QVector<StageValue>> pipelineByStage(const Actor &actor, qint64 pipelineId = 0);
    // Opportunities of a pipeline (0: the default one) created in the period, by the furthest stage reached.
    Result<QVector<FunnelStage>> funnel(const Actor &actor, qint64 pipelineId, const Period &period);
    Result<DealSize> averageDealSize(const Actor &actor, const Period &period);
    Result<SalesCycle> averageCycleDays(const Actor &actor, const Period &period);
    Result<WinRate> winRate(const Actor &actor, const Period &period);
    // Activities in the period per user and kind, ordered by user name then kind.
    Result<QVector<RepActivity>> activitiesByRepAndKind(const Actor &actor, const Period &period);
    // Customers created in the period per source (customers.source; "" when none), largest first.
    Result<QVector<NamedCount>> customerSources(const Actor &actor, const Period &period);
    // The customers in scope by province and industry, now (see CustomerMix). Sums the owners' rows of
    // customer_counts (RunningTotals), not the customers themselves.
    Result<CustomerMix> customerMix(const Actor &actor);
    // The customers in scope per owner by how long ago they were last contacted, at `nowMs`; owners
    // with the most customers first, the public pool last. Reads customers_owner_contact only.
    Result<QVector<RepEngagement>> customerEngagement(const Actor &actor, qint64 nowMs);
    // Open tasks due before `beforeMs` per assignee (scope on tasks.assignee_id), most first.
    Result<QVector<OverdueTasks>> overdueTasksByAssignee(const Actor &actor, qint64 beforeMs);
    // Campaigns whose dates overlap the period's local days (an unset date is open-ended), newest start
    // first; needs campaign.read besides report.read. Two statements, whatever the number of campaigns.
    Result<QVector<CampaignEffect>> campaignEffect(const Actor &actor, const Period &period);
    // One campaign's effect since it began (its start date's local midnight at utcOffsetMinutes, else
    // its creation) until now: nullopt while it has not begun. What a campaign's page shows.
    Result<std::optional<CampaignEffect>> campaignEffectSoFar(const Actor &actor, qint64 campaignId,
                                                              int utcOffsetMinutes);
    // The headline figures together, in one read snapshot.
    Result<Dashboard> dashboard(const Actor &actor, const Period &period);

    // The company currency every money figure is in.
    Result<QString> currency();

private:
    Status check(const Actor &actor, const Period &period, bool buckets) const;
    QString bucketQuery(const QString &column, const Period &period, const QString &innerAggregates,
                        const QStringList &sums, const QString &fromWhere) const;
    Result<qint64> resolvePipeline(qint64 pipelineId);
    Result<qint64> activityCount(const Actor &actor, const Period &period);
    Status openTotals(const Actor &actor, Dashboard &out);

    Database &m_db;
};

} // namespace crm
