#pragma once

#include "core/Result.h"
#include "core/security/Actor.h"
#include "ui/dashboard/DashboardData.h"

namespace crm {

class Database;

// The dashboard's one read: headline figures, the default pipeline's funnel and activities per rep
// for a period, in one read transaction so the figures agree with each other. Runs on a DbWorker
// thread (never the GUI thread); scoped to `actor` inside the SQL by AnalyticsService.
class DashboardLoader
{
public:
    static Result<DashboardData> load(Database &db, const Actor &actor, const Period &period);
};

} // namespace crm
