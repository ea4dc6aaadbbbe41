#include "ui/exchange/ImportPreview.h"

#include "reports/csv/CsvReader.h"
#include "reports/import/CustomerImporter.h"
#include "reports/xlsx/XlsxReader.h"

#include <QFile>

#include <algorithm>

namespace crm {

Result<ImportPreview> ImportPreview::read(const QString &path, const TableFileOptions &options, int maxRows)
{
    ImportPreview p;
    p.path = path;
    // TableFile decides CSV or XLSX as the import will, and refuses an old .xls with its advice.
    auto source = TableFile::open(path, options);
    if (!source)
        return source.error();
    RowSource *rows = source->get();
    std::unique_ptr<QFile> file;
    std::unique_ptr<CsvReader> csv;
    if (auto *workbook = dynamic_cast<XlsxReader *>(rows)) {
        p.xlsx = true;
        p.sheetNames = workbook->sheetNames();
        p.sheetIndex = std::max(0, int(p.sheetNames.indexOf(workbook->sheetName())));
    } else {
        // TableFile's CSV source does not say which encoding it detected: read the preview through a
        // CsvReader of our own with the same options, which does.
        file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::ReadOnly))
            return Error::cannotOpen(path, file->errorString());
        CsvReadOptions co;
        co.encoding = options.encoding;
        csv = std::make_unique<CsvReader>(file.get(), co);
        rows = csv.get();
    }
    auto header = CustomerImporter::readHeader(*rows);
    if (!header)
        return header.error();
    p.headers = *header;
    QStringList cells;
    for (;;) {
        auto more = rows->next(cells);
        if (!more)
            return more.error(); // an encoding error in the first rows is best shown before importing
        if (!*more)
            break;
        if (std::all_of(cells.cbegin(), cells.cend(), [](const QString &c) { return c.trimmed().isEmpty(); }))
            continue;
        if (p.rows.size() == maxRows) {
            p.moreRows = true;
            break;
        }
        p.rows << cells;
    }
    if (csv)
        p.encoding = csv->encoding();
    return p;
}

} // namespace crm
