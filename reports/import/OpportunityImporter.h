#pragma once

#include "reports/import/EntityImport.h"

namespace crm {

// Imports opportunities from a table (CSV, XLSX sheet, JSON array) with OpportunityService's rules.
// Each row names its customer by id, or by name (with the customer's phone to tell namesakes apart),
// within the importing user's data scope: a customer out of scope is unknown. The stage is found by
// name in the named pipeline (default: the default pipeline); no stage: the pipeline's first stage of
// the row's status (open when none). The owner is a user named by user name or display name, in
// scope; none: the importing user (for the system actor, the customer's owner), as
// OpportunityService::create decides.
//
// Needs opportunity.write; mapped fields the actor's role makes read-only or hides are refused before
// any row is read. Values are checked with OpportunityService::validateFields, and every reference
// (customer, stage, owner, a lost stage's reason) before writing; new opportunities are written by
// OpportunityService::create inside the import's transaction, so each gets its first stage-history
// row, its audit entry, the customer's won value and the change notification exactly as when
// entered by hand.
//
// Duplicates: the same customer and the same opportunity name (trimmed, case-insensitive) in the
// database or earlier in the file. skip (default; listed in the report), update (the row's non-empty
// fields through OpportunityService::update, a different stage through moveStage), or create anyway.
class OpportunityImporter
{
public:
    explicit OpportunityImporter(Database &db) : m_db(db) {}

    Result<EntityImportResult> run(const Actor &actor, RowSource &source, const EntityImportOptions &options);

private:
    Database &m_db;
};

} // namespace crm
