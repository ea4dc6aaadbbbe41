#pragma once

#include "core/Result.h"
#include "reports/report/ReportData.h"

namespace crm {

// Writes a ReportData as a PDF: A4 at 300 dpi through QPdfWriter, laid out by ReportPainter (QtGui only;
// no Widgets or Charts, so the headless `crm report` and the API can write it with a QGuiApplication on
// the offscreen platform). Written under a temporary name and renamed: a failure leaves no file.
class PdfReportWriter
{
public:
    static Status write(const ReportData &report, const QString &path);
};

} // namespace crm
