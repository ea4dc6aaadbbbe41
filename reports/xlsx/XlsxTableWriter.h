#pragma once

#include "core/Result.h"
#include "reports/export/LocalTime.h"

#include <QDate>
#include <QString>
#include <QVector>

#include <memory>
#include <string>
#include <vector>

namespace crm {

class ZipEntryStream;
class ZipWriter;

// What a column holds, which decides the cell type and number format Excel shows.
enum class XlsxCellType { Text, Integer, Money, Date, DateTime };

struct XlsxColumn
{
    QString header;
    XlsxCellType type = XlsxCellType::Text;
    double width = 14; // in characters, as Excel counts them
};

// One table in one worksheet of a new XLSX file: typed cells (numbers as numbers, money with two
// decimals, dates as dates), a bold frozen header row, an auto filter over the table and the given
// column widths. Rows stream into the zip as they come: a million rows need a few megabytes, and the
// sheet's XML is deflated on a second thread while the next rows are written (ZipEntryStream). The
// file is written to `path` + ".part" and renamed into place by finish(), so a failed or cancelled
// export leaves no file.
//
// Why not libxlsxwriter, which reports/ uses for its charts: its constant-memory mode keeps the sheet
// in a temporary file and deflates it at zlib's default level only when the workbook closes, after
// every row, on one core. A million 23-column rows took 17-19 s that way, about half of it deflating.
class XlsxTableWriter
{
public:
    static constexpr qint64 kMaxDataRows = 1'048'575; // Excel's limit, less the header

    static Result<std::unique_ptr<XlsxTableWriter>> create(const QString &path, const QString &sheetName,
                                                           const QVector<XlsxColumn> &columns);
    ~XlsxTableWriter();
    XlsxTableWriter(const XlsxTableWriter &) = delete;
    XlsxTableWriter &operator=(const XlsxTableWriter &) = delete;

    // Cells of the current data row, in column order; a column not written stays empty.
    void addText(QStringView text);
    void addInteger(qint64 value);
    void addMoney(qint64 minorUnits); // 123450 -> 1,234.50
    void addDate(const QDate &date);
    void addDateTime(qint64 utcMs); // shown in the machine's local time: spreadsheets have no time zones
    void addBlank();
    // Ends the row; an error once Excel's row limit is reached.
    Status endRow();

    // Closes the workbook and moves it to `path`.
    Status finish();
    // Drops everything written; no file is left.
    void abandon();

    qint64 rowsWritten() const { return m_row; }

private:
    XlsxTableWriter();
    void openRow();
    void cellStart(const char *attributes); // <c r="B7" + attributes, the tag left open
    void number(double value, const char *style);
    void textCell(QStringView text, const char *attributes);
    Status writePackageParts(); // the parts that do not depend on the rows

    QString m_path, m_partPath, m_sheetName;
    std::unique_ptr<ZipWriter> m_zip;
    std::unique_ptr<ZipEntryStream> m_sheet;
    std::vector<std::string> m_columnNames; // A, B, ... AA
    qint64 m_row = 0; // data rows written; the header is row 0
    int m_column = 0;
    bool m_rowOpen = false;
    std::string m_rowNumber; // the current row's number as the sheet counts (from 1)
    LocalTime m_localTime;
};

} // namespace crm
