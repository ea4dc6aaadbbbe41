#pragma once

#include "core/Result.h"
#include "reports/table/TableFile.h"

#include <QList>
#include <QStringList>

namespace crm {

// The first rows of an import file and what the dialog needs to know about it before importing:
// the header, whether it is a workbook (and its sheets) or text (and the encoding it was read in).
// Read on a worker thread: a workbook's shared strings are loaded whole before the first row.
struct ImportPreview
{
    QString path;
    bool xlsx = false;
    QStringList sheetNames; // XLSX: every sheet of the workbook, in order
    int sheetIndex = 0; // XLSX: the sheet read
    // CSV: the encoding the text was read in, as chosen or detected; Auto when the rows read were
    // plain ASCII (which reads the same in every encoding).
    TextEncoding encoding = TextEncoding::Auto;
    QStringList headers;
    QList<QStringList> rows; // up to maxRows data rows after the header, blank rows left out
    bool moreRows = false; // the file goes on after the rows shown

    // An error for a file that cannot be opened, is damaged, empty, or not readable in the encoding.
    static Result<ImportPreview> read(const QString &path, const TableFileOptions &options, int maxRows);
};

} // namespace crm
