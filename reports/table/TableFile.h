#pragma once

#include "reports/csv/TextEncoding.h"
#include "reports/table/RowSource.h"

#include <memory>

namespace crm {

struct TableFileOptions
{
    TextEncoding encoding = TextEncoding::Auto; // CSV only
    int sheetIndex = 0; // XLSX only: 0-based, used when sheetName is empty
    QString sheetName;
};

// Opens an import file as rows: an XLSX workbook (recognised by its zip signature, whatever the
// extension), a JSON array of objects (.json, or text starting with "[{"; see JsonRowSource) or else
// CSV/TSV text. An old binary .xls is refused with advice.
class TableFile
{
public:
    static Result<std::unique_ptr<RowSource>> open(const QString &path, const TableFileOptions &options = {});
};

} // namespace crm
