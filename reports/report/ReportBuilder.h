#pragma once

#include "core/Result.h"
#include "core/domain/Analytics.h"
#include "core/security/Actor.h"
#include "reports/report/ReportData.h"

#include <QStringList>

namespace crm {

class Database;

struct ReportRequest
{
    QString name; // one of ReportBuilder::names()
    Period period;
    // Narrows the report to one user's data (who must be in the actor's scope); 0: the actor's whole scope.
    qint64 ownerId = 0;
};

// Turns analytics figures into a ReportData: the report's tables, totals, charts and translated titles.
// Every figure comes from AnalyticsService (and TaskService for the overdue list), so the actor's data
// scope is applied inside the SQL exactly as on the dashboards; all of them are read in one snapshot.
// Needs report.export (reps, who cannot export, get forbidden) besides what the figures need.
// Texts are translated in the context "Report" with the catalogue installed when build() runs.
//
//   sales       won deals per bucket and per rep, totals, average deal, win rate, sales cycle
//   funnel      stages reached by the deals created in the period with conversion; open pipeline now
//   activities  activities per rep and kind
//   customers   new customers per bucket and their sources; the customers in scope today by province and industry
//   tasks       open tasks overdue now, per owner and listed (the first 500)
//   campaigns   campaigns running in the period: participants, answers, conversions, deals the participants
//               won in the period after joining, budget and cost per conversion
//   engagement  the customers in scope today per owner by how long ago they were last contacted
class ReportBuilder
{
public:
    explicit ReportBuilder(Database &db) : m_db(db) {}

    static QStringList names();
    // The report's translated title.
    static QString title(const QString &name);

    Result<ReportData> build(const Actor &actor, const ReportRequest &request);

private:
    Status sales(const Actor &actor, const Period &period, ReportData &out);
    Status funnel(const Actor &actor, const Period &period, ReportData &out);
    Status activities(const Actor &actor, const Period &period, ReportData &out);
    Status customers(const Actor &actor, const Period &period, ReportData &out);
    Status tasks(const Actor &actor, ReportData &out);
    Status campaigns(const Actor &actor, const Period &period, ReportData &out);
    Status engagement(const Actor &actor, ReportData &out);

    Database &m_db;
};

} // namespace crm
