#include "reports/report/PdfReportWriter.h"

#include "reports/report/PdfTextMap.h"
#include "reports/report/ReportPainter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace crm {

Status PdfReportWriter::write(const ReportData &report, const QString &path)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error{QStringLiteral("internal"), QStringLiteral("Writing a PDF needs a QGuiApplication"), {}};
    const Error cannotWrite = Error::writeFailed(QStringLiteral("Cannot write the PDF file %1").arg(path));
    // Say why before painting a whole report for nothing.
    if (!QFileInfo(path).absoluteDir().exists())
        return Error::writeFailed(QStringLiteral("Cannot write the PDF file %1: no such folder").arg(path));
    // Painted into memory first: PdfTextMap repairs the text maps before anything reaches the disk.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(ReportPainter::kDpi);
        writer.setPageMargins(QMarginsF(ReportPainter::kMarginMm, ReportPainter::kMarginMm, ReportPainter::kMarginMm, ReportPainter::kMarginMm),
                              QPageLayout::Millimeter);
        writer.setTitle(report.title);
        writer.setCreator(QStringLiteral("crm"));
        QPainter painter;
        if (!painter.begin(&writer))
            return cannotWrite;
        ReportPainter::paint(report, painter, &writer, QSizeF(writer.width(), writer.height()), [&writer] { writer.newPage(); });
        if (!painter.end())
            return cannotWrite;
    }
    QByteArray pdf = buffer.buffer();
    PdfTextMap::repair(pdf);
    // Under a temporary name until complete: a failure leaves nothing at `path`.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit())
        return cannotWrite;
    return {};
}

} // namespace crm
