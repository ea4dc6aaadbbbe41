#pragma once

#include "reports/import/CustomerImporter.h"

namespace crm {

class Actor;
class Database;
class RowSource;

// The options and result of every import are the customers' (mapping, duplicate policy, partial,
// dry run, error report, progress, cancel), so surfaces handle every type alike.
using EntityImportOptions = CustomerImportOptions;
using EntityImportResult = CustomerImportResult;

// A data row with its spreadsheet row number.
struct ImportRow
{
    qint64 number = 0;
    QStringList cells;
};

// What the opportunity and activity imports share with CustomerImporter's rules: header and mapping
// (proposed for the type or from a template), all or nothing in one write transaction (any invalid
// row, cancel or failure and nothing stays; the remaining rows are still checked so the report lists
// every problem), partial mode, a dry run in a read transaction, the error report, progress and
// cancel. Rows come to the subclass in chunks of up to 500, so lookups take a query per chunk.
class EntityImport
{
public:
    EntityImport(Database &db, const Actor &actor, const EntityImportOptions &options, QString type);
    virtual ~EntityImport() = default;

    Result<EntityImportResult> run(RowSource &source);

protected:
    static constexpr int ChunkRows = 500;

    // After the mapping is known, before any row: permissions and field rules for the mapped fields.
    virtual Status checkMapping(const ColumnMapping &mapping) = 0;
    // Inside the transaction, before the first chunk: what is looked up once (users, stages).
    virtual Status prepare() = 0;
    virtual Status handleChunk(const QVector<ImportRow> &rows) = 0;
    // Inside the transaction, after the last chunk (nothing rejected yet).
    virtual Status finish() { return {}; }

    // A note in the error report that does not make the row invalid (a skipped duplicate).
    Status note(const ImportRow &row, const QString &field, const QString &reason);
    // An invalid row: counted, reported against the column of `error.field`; in all-or-nothing mode
    // nothing more is written.
    Status invalid(const ImportRow &row, const Error &error);
    // The same with the report's text already made (ImportReason).
    Status invalid(const ImportRow &row, const QString &field, const QString &reason);
    // Whether rows are written now: not in a dry run, nor after an invalid row in all-or-nothing mode.
    bool writing() const { return m_writing; }
    // How much of the file the rows handed over so far took (RowSource::fraction), 0..1.
    double fractionRead() const { return m_fraction; }

    Database &m_db;
    const Actor &m_actor;
    const EntityImportOptions &m_options;
    EntityImportResult m_result;
    ColumnMapping &m_mapping = m_result.mapping;

private:
    Status readRows(RowSource &source);

    QString m_type;
    std::unique_ptr<ImportErrorReport> m_report;
    bool m_writing = false;
    double m_fraction = 0;
};

} // namespace crm
