#pragma once

#include "core/Result.h"
#include "reports/Progress.h"
#include "reports/import/ColumnMapping.h"
#include "reports/import/ImportErrorReport.h"

#include <optional>

namespace crm {

class Actor;
class Database;
class RowSource;

enum class DuplicatePolicy { Skip, Update, Create };

struct CustomerImportOptions
{
    std::optional<ColumnMapping> mapping; // none: proposed from the header row
    DuplicatePolicy onDuplicate = DuplicatePolicy::Skip;
    // false (default): all or nothing, any invalid row and nothing is written. true: the valid rows
    // are imported and the invalid ones listed in the error report.
    bool partial = false;
    // Everything but the writing: validation, duplicates, counts. No transaction, no lock.
    bool dryRun = false;
    QString errorReportPath; // empty: no report file (issues are still counted and the first kept)
    ProgressCallback progress;
    const CancelFlag *cancel = nullptr;
};

struct CustomerImportResult
{
    ColumnMapping mapping;
    qint64 rows = 0; // data rows read (blank rows not counted)
    qint64 created = 0, updated = 0, skipped = 0, invalid = 0;
    // Customer imports: contact persons added or changed (contact* columns); in a dry run, those
    // that would come with new customers.
    qint64 contacts = 0;
    bool committed = false; // the database holds the import (never in a dry run)
    bool dryRun = false;
    qint64 issueCount = 0;
    QVector<ImportIssue> firstIssues;
    QString errorReportPath; // set when a report was written
    qint64 elapsedMs = 0;
};

// Imports customers from a table (CSV or an XLSX sheet) with the rules of CustomerService: the same
// permission (customer.write), field rules, CustomerValidator normalisation, owner (the importing
// user; the public pool for the system actor) and bookkeeping, audit entries, search entries.
// Duplicates against the database and earlier rows (DuplicateIndex) are skipped, update the existing
// customer through CustomerService::update (lists merged, only the file's non-empty fields), or are
// created anyway. New customers go through CustomerBulkWriter in one transaction: a failure, an
// invalid row (unless partial) or a cancel leaves the database as it was.
//
// Row errors are not an Error: the result says what happened (committed false with invalid rows in
// all-or-nothing mode). Errors are for what stops the import as a whole: no permission, a damaged
// file, a bad mapping, an empty file, cancel, the database.
class CustomerImporter
{
public:
    explicit CustomerImporter(Database &db) : m_db(db) {}

    Result<CustomerImportResult> run(const Actor &actor, RowSource &source, const CustomerImportOptions &options);

    // Reads the header row (skipping blank rows before it); an error for an empty file.
    static Result<QStringList> readHeader(RowSource &source);

private:
    Database &m_db;
};

} // namespace crm
