#pragma once

#include "core/domain/Customer.h"
#include "reports/export/PagedExport.h"

namespace crm {

class Actor;

using ContactExportOptions = EntityExportOptions<ContactScopeFilter>;

// Exports the contacts of the customers the actor may see (optionally one customer's), through
// ContactService::listInScope with keyset paging in one read transaction. Needs
// Permission::CustomerExport and Permission::CustomerRead. Phones and emails follow the customer's
// field rules (a role that hides customers' phones hides contacts' too) and are masked without
// Permission::CustomerExportUnmasked, as in the customer export.
class ContactExporter
{
public:
    explicit ContactExporter(Database &db) : m_db(db) {}

    static const QVector<ExportColumn> &columns();
    Result<ExportSummary> exportTo(const Actor &actor, const QString &path, const ContactExportOptions &options);

private:
    Database &m_db;
};

} // namespace crm
