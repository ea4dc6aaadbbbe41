#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"
#include "reports/Progress.h"
#include "reports/export/PagedExport.h"

namespace crm {

class Actor;
class Database;

struct CustomerExportOptions
{
    ExportFormat format = ExportFormat::Csv;
    // The list's filter as the user set it (keyword, status, tag, region, sort...). offset, limit and
    // the keyset fields are the exporter's own.
    CustomerFilter filter;
    bool chineseHeaders = false; // 名称/手机/... instead of Name/Phone/...; Chinese labels for kind, status, gender
    ProgressCallback progress;
    const CancelFlag *cancel = nullptr;
};

using CustomerExportSummary = ExportSummary;

// Exports the customers of a filter, within the actor's data scope, page by page through
// CustomerService::listCells with keyset paging inside one read transaction (one consistent snapshot,
// one page in memory). Needs Permission::CustomerExport. Columns hidden by the actor's field rules
// are left out; without Permission::CustomerExportUnmasked phones and emails are masked.
class CustomerExporter
{
public:
    explicit CustomerExporter(Database &db) : m_db(db) {}

    Result<CustomerExportSummary> exportTo(const Actor &actor, const QString &path, const CustomerExportOptions &options);

    static std::optional<ExportFormat> formatFromName(const QString &name);

private:
    Database &m_db;
};

} // namespace crm
