#pragma once

#include "core/Result.h"
#include "reports/report/ReportData.h"

namespace crm {

// Writes a ReportData as an XLSX workbook through libxlsxwriter: a summary sheet (title, period, scope,
// headline figures) and a data sheet per table with typed cells (counts as numbers, money with two
// decimals, percentages as fractions shown 0.00%, dates as dates), a bold header and totals row, and a
// native Excel column chart of the table's main series next to it. Written to FILE.part and renamed.
class XlsxReportWriter
{
public:
    static Status write(const ReportData &report, const QString &path);
};

} // namespace crm
