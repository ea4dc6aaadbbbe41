#pragma once

#include "core/Result.h"

#include <QStringList>

namespace crm {

// A table read row by row from a file (CSV, an XLSX sheet), never the whole file in memory.
// Cells arrive as text: an XLSX number as its shortest exact decimal, a date as YYYY-MM-DD, a
// boolean as TRUE/FALSE, so the importer parses one representation whatever the file type.
class RowSource
{
public:
    virtual ~RowSource() = default;
    // The next row (the first call gives the header). true: `cells` holds a row; false: the end.
    // An error (damaged file, wrong encoding, too many columns) ends the table; its message names the row.
    virtual Result<bool> next(QStringList &cells) = 0;
    // The row number of the row last returned, as a spreadsheet shows it (the header is row 1).
    virtual qint64 rowNumber() const = 0;
    // How much of the input has been read, 0..1, for progress bars.
    virtual double fraction() const = 0;
};

} // namespace crm
