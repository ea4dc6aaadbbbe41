#include "ui/dashboard/DashboardLoader.h"

#include "core/analytics/AnalyticsService.h"
#include "core/storage/Database.h"

namespace crm {

Result<DashboardData> DashboardLoader::load(Database &db, const Actor &actor, const Period &period)
{
    return db.read([&]() -> Result<DashboardData> {
        AnalyticsService svc(db);
        DashboardData data;
        data.period = period;
        data.bucketKeys = AnalyticsService::bucketKeys(period);
        auto headline = svc.dashboard(actor, period);
        if (!headline)
            return headline.error();
        data.headline = std::move(headline).value();
        auto funnel = svc.funnel(actor, 0, period);
        if (!funnel)
            return funnel.error();
        data.funnel = std::move(funnel).value();
        auto activities = svc.activitiesByRepAndKind(actor, period);
        if (!activities)
            return activities.error();
        data.activities = std::move(activities).value();
        return data;
    });
}

} // namespace crm
