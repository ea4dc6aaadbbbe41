#pragma once

#include "core/domain/Task.h"
#include "reports/export/PagedExport.h"

namespace crm {

class Actor;

using TaskExportOptions = EntityExportOptions<TaskFilter>;

// Exports the tasks of a filter (status, assignee, customer, due range) within the actor's data
// scope (the assignee's), soonest due first, through TaskService::list with keyset paging in one
// read transaction. Needs Permission::CustomerExport and Permission::TaskRead.
class TaskExporter
{
public:
    explicit TaskExporter(Database &db) : m_db(db) {}

    static const QVector<ExportColumn> &columns();
    Result<ExportSummary> exportTo(const Actor &actor, const QString &path, const TaskExportOptions &options);

private:
    Database &m_db;
};

} // namespace crm
