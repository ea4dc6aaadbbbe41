#pragma once

#include "core/Result.h"
#include "reports/csv/CsvWriter.h"

#include <QFile>
#include <QVector>

#include <memory>

namespace crm {

// One row the import did not take as it was: invalid, or skipped as a duplicate.
struct ImportIssue
{
    qint64 row = 0; // as the spreadsheet numbers it (the header is row 1)
    QString column; // the header of the column concerned, if any
    QString value;
    QString reason;
};

// The error report: a CSV (UTF-8 with BOM, so Excel opens it) with one line per issue, written as
// issues come (never all in memory) and created only when there is a first issue. The first
// hundred issues are kept for the caller to show.
class ImportErrorReport
{
public:
    // "customers.csv" -> "customers.errors.csv" in the same folder.
    static QString pathFor(const QString &inputPath);

    explicit ImportErrorReport(QString path) : m_path(std::move(path)) {}
    ~ImportErrorReport();

    Status add(const ImportIssue &issue);
    Status close();

    qint64 count() const { return m_count; }
    const QVector<ImportIssue> &first() const { return m_first; }
    QString path() const { return m_file ? m_path : QString(); }

private:
    QString m_path;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<CsvWriter> m_writer;
    QVector<ImportIssue> m_first;
    qint64 m_count = 0;
};

} // namespace crm
