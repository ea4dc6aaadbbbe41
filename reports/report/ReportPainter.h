#pragma once

#include "reports/report/ReportData.h"

#include <QImage>
#include <QSizeF>
#include <QVector>

#include <functional>

class QPainter;
class QPaintDevice;

namespace crm {

// Lays a report out on A4 pages with QPainter: title, period and scope, the headline figures, then per
// table a bar chart of its main series and the table itself, continued on new pages with its header
// repeated. One layout for the PDF (PdfReportWriter) and the desktop's preview (pages()), so what is
// previewed is what is saved. QtGui only: it needs a QGuiApplication, not Widgets.
class ReportPainter
{
public:
    static constexpr int kDpi = 300;          // layout units: device pixels of a 300 dpi page
    static constexpr double kMarginMm = 15;   // on every side
    // Text is set in "Noto Sans CJK SC" (Debian's fonts-noto-cjk) so Chinese glyphs are embedded, not boxes.
    static QString fontFamily() { return QStringLiteral("Noto Sans CJK SC"); }

    // Paints on `painter`, measuring text on `metrics` (a 300 dpi device), within `page` (the printable
    // area in those pixels); `nextPage` moves the painter to a fresh page.
    static void paint(const ReportData &report, QPainter &painter, QPaintDevice *metrics, const QSizeF &page,
                      const std::function<void()> &nextPage);
    // The pages as white A4 images at `dpi`, margins included (a preview: 96 to 150 dpi reads well).
    static QVector<QImage> pages(const ReportData &report, double dpi);
};

} // namespace crm
