#pragma once

#include "core/domain/Activity.h"
#include "reports/export/PagedExport.h"

namespace crm {

class Actor;

using ActivityExportOptions = EntityExportOptions<ActivityScopeFilter>;

// Exports the activities the actor may see (as ActivityService shows them: the customer's or the
// author's scope), optionally one user's, one kind, one period, in the order they were logged,
// through ActivityService::listInScope with keyset paging in one read transaction. Needs
// Permission::CustomerExport and Permission::ActivityRead.
class ActivityExporter
{
public:
    explicit ActivityExporter(Database &db) : m_db(db) {}

    static const QVector<ExportColumn> &columns();
    Result<ExportSummary> exportTo(const Actor &actor, const QString &path, const ActivityExportOptions &options);

private:
    Database &m_db;
};

} // namespace crm
