#pragma once

#include "reports/import/EntityImport.h"

namespace crm {

// Imports contact persons from a table (CSV, XLSX sheet, JSON array), such as our own contacts export
// read back, with ContactService's rules. Each row names its customer by id, or by name (with the
// customer's phone to tell namesakes apart), within the importing user's data scope: a customer out of
// scope is unknown. Values are checked by ContactService::validateDraft before anything is written;
// contacts are written by ContactService::add inside the import's transaction (audit entry and change
// notification as when added by hand). Needs customer.write, as adding a contact by hand does.
//
// Primary: a primary cell saying yes (是/yes/true/1) or no (否/no/false/0) decides, and a primary row
// takes the mark from the customer's other contacts, as ContactService does; an empty cell (or no
// such column) makes a new contact primary when its customer has none yet, and leaves an existing one
// as it is.
//
// Duplicates: the same customer and the same contact name (trimmed, case-insensitive) in the database
// or earlier in the file. skip (default; listed in the report), update (the row's non-empty fields
// through ContactService::update), or create anyway.
class ContactImporter
{
public:
    explicit ContactImporter(Database &db) : m_db(db) {}

    Result<EntityImportResult> run(const Actor &actor, RowSource &source, const EntityImportOptions &options);

private:
    Database &m_db;
};

} // namespace crm
