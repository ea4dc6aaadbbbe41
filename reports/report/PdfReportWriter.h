#pragma once

#include "core/Result.h"
#include "reports/report/ReportData.h"

namespace crm {

// Writes a ReportData as a PDF: A4 at 300 dpi through QPdfWriter and QPainter (QtGui only; no Widgets
// or Charts, so the headless `crm report` and the API can write it with a QGuiApplication on the
// offscreen platform). Title, period and scope, the headline figures, then per table a bar chart of its
// main series drawn with QPainter and the table itself, continued on new pages with its header repeated.
// Text is set in "Noto Sans CJK SC" (Debian's fonts-noto-cjk) so Chinese glyphs are embedded, not boxes.
// Written to FILE.part and renamed: a failure leaves no file.
class PdfReportWriter
{
public:
    static QString fontFamily() { return QStringLiteral("Noto Sans CJK SC"); }
    static Status write(const ReportData &report, const QString &path);
};

} // namespace crm
