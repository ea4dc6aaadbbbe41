#pragma once

#include "reports/import/EntityImport.h"

namespace crm {

// Imports activities (calls, visits, notes...) from a table (CSV, XLSX sheet, JSON array) with
// ActivityService's rules: each row's customer by id, or by name (+ the customer's phone), within the
// importing user's data scope (out of scope = unknown customer); values checked by
// ActivityService::validateDraft; written by ActivityBulkWriter inside the import's transaction with
// what ActivityService::log writes (the row, its audit entry, the customer's last contact), 500 at a
// time, and one change notification for the whole import.
// As ActivityService decides, the importing user is the author of every activity (the exports'
// user column is not read), and the system actor, being no person, cannot import activities.
//
// Duplicates: a row equal to an activity of the same customer in the database or earlier in the
// file (same time, kind, subject and content) is skipped (policies skip and update: an exact copy has
// nothing to update) or created anyway (create). Compared as 64-bit fingerprints, with one query per
// chunk of rows for the database's.
class ActivityImporter
{
public:
    explicit ActivityImporter(Database &db) : m_db(db) {}

    Result<EntityImportResult> run(const Actor &actor, RowSource &source, const EntityImportOptions &options);

private:
    Database &m_db;
};

} // namespace crm
