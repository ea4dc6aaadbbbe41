#pragma once

#include <QString>
#include <QStringList>

namespace crm {

// Permission names are stable words stored in roles.permissions (space separated).
namespace Permission {
inline const QString CustomerRead = QStringLiteral("customer.read");
inline const QString CustomerWrite = QStringLiteral("customer.write");
inline const QString CustomerDelete = QStringLiteral("customer.delete");
inline const QString CustomerExport = QStringLiteral("customer.export");
// Exports show phone numbers and emails in full; without it they are masked (138****5678, w***@xh.com).
inline const QString CustomerExportUnmasked = QStringLiteral("customer.export_unmasked");
inline const QString CustomerAssign = QStringLiteral("customer.assign"); // change owner, move to pool
inline const QString PoolClaim = QStringLiteral("pool.claim");
inline const QString LeadRead = QStringLiteral("lead.read");
inline const QString LeadWrite = QStringLiteral("lead.write");
inline const QString OpportunityRead = QStringLiteral("opportunity.read");
inline const QString OpportunityWrite = QStringLiteral("opportunity.write");
inline const QString OpportunityDelete = QStringLiteral("opportunity.delete");
inline const QString ActivityRead = QStringLiteral("activity.read");
inline const QString ActivityWrite = QStringLiteral("activity.write");
inline const QString TaskRead = QStringLiteral("task.read");
inline const QString TaskWrite = QStringLiteral("task.write");
inline const QString CampaignRead = QStringLiteral("campaign.read");
inline const QString CampaignWrite = QStringLiteral("campaign.write");
inline const QString FeedbackRead = QStringLiteral("feedback.read");
inline const QString FeedbackWrite = QStringLiteral("feedback.write");
inline const QString ReportRead = QStringLiteral("report.read");
inline const QString ReportExport = QStringLiteral("report.export");
inline const QString AuditRead = QStringLiteral("audit.read");
inline const QString UserAdmin = QStringLiteral("user.admin");
inline const QString SettingsAdmin = QStringLiteral("settings.admin");

inline QStringList all()
{
    return {CustomerRead, CustomerWrite, CustomerDelete, CustomerExport, CustomerExportUnmasked, CustomerAssign, PoolClaim,
            LeadRead, LeadWrite, OpportunityRead, OpportunityWrite, OpportunityDelete, ActivityRead,
            ActivityWrite, TaskRead, TaskWrite, CampaignRead, CampaignWrite, FeedbackRead, FeedbackWrite,
            ReportRead, ReportExport, AuditRead, UserAdmin, SettingsAdmin};
}

// The built-in roles' grants. Managers run a team but do not administer users or settings;
// reps work their own customers and cannot delete, reassign or export.
inline QStringList managerDefaults()
{
    QStringList p = all();
    p.removeAll(UserAdmin);
    p.removeAll(SettingsAdmin);
    return p;
}
inline QStringList repDefaults()
{
    return {CustomerRead, CustomerWrite, PoolClaim, LeadRead, LeadWrite, OpportunityRead, OpportunityWrite,
            ActivityRead, ActivityWrite, TaskRead, TaskWrite, CampaignRead, FeedbackRead, FeedbackWrite, ReportRead};
}
} // namespace Permission

// Which owners' records an actor may see: applied inside every query's WHERE clause.
enum class DataScope { Own, OwnAndSubordinates, Department, DepartmentTree, All };

inline QString toString(DataScope s)
{
    switch (s) {
    case DataScope::Own: return QStringLiteral("own");
    case DataScope::OwnAndSubordinates: return QStringLiteral("own_and_subordinates");
    case DataScope::Department: return QStringLiteral("department");
    case DataScope::DepartmentTree: return QStringLiteral("department_tree");
    case DataScope::All: return QStringLiteral("all");
    }
    return QStringLiteral("own");
}

inline std::optional<DataScope> dataScopeFromString(const QString &s)
{
    for (DataScope d : {DataScope::Own, DataScope::OwnAndSubordinates, DataScope::Department,
                        DataScope::DepartmentTree, DataScope::All})
        if (toString(d) == s)
            return d;
    return std::nullopt;
}

// Field-level rule for one entity field and one role. Fields without a rule are editable.
enum class FieldRule { Editable, ReadOnly, Hidden };

} // namespace crm
