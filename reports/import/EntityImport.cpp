#include "reports/import/EntityImport.h"

#include "core/storage/Database.h"
#include "core/storage/SqliteBulkLoad.h"
#include "reports/import/ImportReason.h"
#include "reports/table/RowSource.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>

namespace crm {

namespace {

Error cancelled()
{
    return Error{QStringLiteral("cancelled"), QStringLiteral("The import was cancelled; nothing was imported"), {}};
}

} // namespace

EntityImport::EntityImport(Database &db, const Actor &actor, const EntityImportOptions &options, QString type)
    : m_db(db), m_actor(actor), m_options(options), m_type(std::move(type))
{
}

Status EntityImport::note(const ImportRow &row, const QString &field, const QString &reason)
{
    const int column = field.isEmpty() ? -1 : m_mapping.columnOf(field);
    return m_report->add({row.number, m_mapping.headers.value(column), column >= 0 ? row.cells.value(column) : QString(), reason});
}

Status EntityImport::invalid(const ImportRow &row, const QString &field, const QString &reason)
{
    ++m_result.invalid;
    if (!m_options.partial)
        m_writing = false;
    return note(row, field, reason);
}

Status EntityImport::invalid(const ImportRow &row, const Error &error)
{
    // Service errors name service fields (amountMinor); the report names the file's column.
    static const QHash<QString, QString> columns = {{QStringLiteral("amountMinor"), QStringLiteral("amount")},
                                                    {QStringLiteral("ownerId"), QStringLiteral("owner")},
                                                    {QStringLiteral("customerId"), QStringLiteral("customerId")},
                                                    {QStringLiteral("stageId"), QStringLiteral("stage")}};
    QString field = columns.value(error.field, error.field);
    if (field == QLatin1String("customerId") && m_mapping.columnOf(field) < 0)
        field = QStringLiteral("customer");
    return invalid(row, field, ImportReason::invalid(error));
}

Status EntityImport::readRows(RowSource &source)
{
    QVector<ImportRow> chunk;
    chunk.reserve(ChunkRows);
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    bool reported = false;
    auto flush = [&]() -> Status {
        if (chunk.isEmpty())
            return {};
        Status st = handleChunk(chunk);
        chunk.clear();
        // After the first chunk, then at most ten times a second.
        if (m_options.progress && (!reported || sinceProgress.elapsed() >= 100)) {
            reported = true;
            sinceProgress.restart();
            m_options.progress({QStringLiteral("reading"), m_result.rows, 0, source.fraction()});
        }
        return st;
    };
    qsizetype width = 0; // cells of the row before: the next list is reserved at that size, not grown cell by cell
    for (;;) {
        if (m_options.cancel && m_options.cancel->load())
            return cancelled();
        ImportRow row;
        row.cells.reserve(width);
        auto more = source.next(row.cells);
        if (!more)
            return more.error();
        if (!*more)
            break;
        width = row.cells.size();
        bool blank = true;
        for (int i = 0; i < m_mapping.fields.size() && blank; ++i)
            blank = m_mapping.fields[i].isEmpty() || row.cells.value(i).trimmed().isEmpty();
        if (blank)
            continue;
        ++m_result.rows;
        row.number = source.rowNumber();
        m_fraction = source.fraction();
        chunk.append(std::move(row));
        if (chunk.size() >= ChunkRows)
            if (Status st = flush(); !st)
                return st;
    }
    if (Status st = flush(); !st)
        return st;
    if (m_options.cancel && m_options.cancel->load())
        return cancelled();
    if (m_result.rows == 0)
        return Error::validation(QStringLiteral("empty"), QStringLiteral("file"),
                                 QStringLiteral("The file has a header row but no %1 below it").arg(m_type));
    if (m_writing)
        if (Status st = finish(); !st)
            return st;
    if (m_options.progress)
        m_options.progress({QStringLiteral("writing"), m_result.rows, m_result.rows, 1.0});
    return {};
}

Result<EntityImportResult> EntityImport::run(RowSource &source)
{
    QElapsedTimer timer;
    timer.start();
    m_result = {};
    m_result.dryRun = m_options.dryRun;
    auto header = CustomerImporter::readHeader(source);
    if (!header)
        return header.error();
    if (m_options.mapping) {
        m_result.mapping = *m_options.mapping;
        if (m_result.mapping.headers != *header)
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("mapping"),
                                     QStringLiteral("The mapping was made for other columns than this file's"));
        if (m_result.mapping.type != m_type)
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("mapping"),
                                     QStringLiteral("The mapping is for %1, not %2").arg(m_result.mapping.type, m_type));
    } else {
        m_result.mapping = ColumnMapping::propose(*header, m_type);
    }
    if (Status st = m_result.mapping.validate(); !st)
        return st.error();
    if (Status st = checkMapping(m_result.mapping); !st)
        return st.error();
    if (!m_options.errorReportPath.isEmpty())
        QFile::remove(m_options.errorReportPath); // a report from an earlier run would mislead
    m_report = std::make_unique<ImportErrorReport>(m_options.errorReportPath);
    m_writing = !m_options.dryRun;

    Status outcome;
    if (m_options.dryRun) {
        outcome = m_db.read([&]() -> Status {
            if (Status st = prepare(); !st)
                return st;
            return readRows(source);
        });
    } else {
        // A larger page cache and a rollback journal while the import has the file to itself, as for
        // customers (see SqliteBulkLoad); every statement still runs as it would without.
        SqliteBulkLoad bulk(m_db, 256, false);
        outcome = m_db.write([&]() -> Status {
            if (Status st = prepare(); !st)
                return st;
            if (Status st = readRows(source); !st)
                return st;
            if (m_result.invalid > 0 && !m_options.partial)
                return Error::validation(QStringLiteral("rejected"), QStringLiteral("file"), QStringLiteral("invalid rows"));
            return {};
        });
        m_result.committed = outcome.ok();
    }
    const bool rejected = !outcome && outcome.error().code == QLatin1String("validation.rejected");
    Status reportClosed = m_report->close();
    m_result.issueCount = m_report->count();
    m_result.firstIssues = m_report->first();
    m_result.errorReportPath = m_report->path();
    if (!reportClosed && (outcome || rejected))
        return reportClosed.error();
    if (!outcome && !rejected) {
        // The import as a whole failed (file, cancel, database): a report of the rows read so far would mislead.
        if (!m_result.errorReportPath.isEmpty())
            QFile::remove(m_result.errorReportPath);
        return outcome.error();
    }
    if (rejected) // nothing was written: the counts would read as done
        m_result.created = m_result.updated = 0;
    m_result.elapsedMs = timer.elapsed();
    return m_result;
}

} // namespace crm
