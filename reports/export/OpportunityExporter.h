#pragma once

#include "core/domain/Opportunity.h"
#include "reports/export/PagedExport.h"

namespace crm {

class Actor;

using OpportunityExportOptions = EntityExportOptions<OpportunityFilter>;

// Exports the opportunities of a filter (pipeline, stage, owner, status, expected close range, sort)
// within the actor's data scope, through OpportunityService::list with keyset paging in one read
// transaction. Needs Permission::CustomerExport and Permission::OpportunityRead. Columns whose field
// the actor's role hides (amount, probability...) are left out.
class OpportunityExporter
{
public:
    explicit OpportunityExporter(Database &db) : m_db(db) {}

    static const QVector<ExportColumn> &columns();
    Result<ExportSummary> exportTo(const Actor &actor, const QString &path, const OpportunityExportOptions &options);

private:
    Database &m_db;
};

} // namespace crm
