#include "reports/report/PdfReportWriter.h"

#include "reports/report/PdfTextMap.h"
#include "reports/report/ReportPainter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>

namespace crm {

namespace {

// See PdfTextMap: same length, so the file is rewritten in place.
Status repairTextMaps(const QString &part, const QString &path)
{
    QFile file(part);
    if (!file.open(QIODevice::ReadWrite))
        return Error{QStringLiteral("io"), QStringLiteral("Cannot write the PDF file %1").arg(path), QStringLiteral("file")};
    QByteArray pdf = file.readAll();
    if (PdfTextMap::repair(pdf) == 0)
        return {};
    if (!file.seek(0) || file.write(pdf) != pdf.size() || !file.flush())
        return Error{QStringLiteral("io"), QStringLiteral("Cannot write the PDF file %1").arg(path), QStringLiteral("file")};
    return {};
}

} // namespace

Status PdfReportWriter::write(const ReportData &report, const QString &path)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error{QStringLiteral("internal"), QStringLiteral("Writing a PDF needs a QGuiApplication"), {}};
    // QPdfWriter opens the file only when painting starts and then just fails: say why first.
    if (!QFileInfo(path).absoluteDir().exists())
        return Error{QStringLiteral("io"), QStringLiteral("Cannot write the PDF file %1: no such folder").arg(path), QStringLiteral("file")};
    const QString part = path + QStringLiteral(".part");
    QFile::remove(part);
    {
        QPdfWriter writer(part);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(ReportPainter::kDpi);
        writer.setPageMargins(QMarginsF(ReportPainter::kMarginMm, ReportPainter::kMarginMm, ReportPainter::kMarginMm, ReportPainter::kMarginMm),
                              QPageLayout::Millimeter);
        writer.setTitle(report.title);
        writer.setCreator(QStringLiteral("crm"));
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{QStringLiteral("io"), QStringLiteral("Cannot write the PDF file %1").arg(path), QStringLiteral("file")};
        ReportPainter::paint(report, painter, &writer, QSizeF(writer.width(), writer.height()), [&writer] { writer.newPage(); });
        if (!painter.end()) {
            QFile::remove(part);
            return Error{QStringLiteral("io"), QStringLiteral("Cannot write the PDF file %1").arg(path), QStringLiteral("file")};
        }
    }
    if (Status st = repairTextMaps(part, path); !st) {
        QFile::remove(part);
        return st;
    }
    QFile::remove(path);
    if (!QFile::rename(part, path)) {
        QFile::remove(part);
        return Error{QStringLiteral("io"), QStringLiteral("Cannot move the PDF into place: %1").arg(path), QStringLiteral("file")};
    }
    return {};
}

} // namespace crm
