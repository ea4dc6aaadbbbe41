#pragma once

#include "core/Result.h"
#include "reports/export/LocalTime.h"

#include <QDate>
#include <QString>
#include <QVector>

#include <memory>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace crm {

// What a column holds, which decides the cell type and number format Excel shows.
enum class XlsxCellType { Text, Integer, Money, Date, DateTime };

struct XlsxColumn
{
    QString header;
    XlsxCellType type = XlsxCellType::Text;
    double width = 14; // in characters, as Excel counts them
};

// One table in one worksheet, written through libxlsxwriter in constant-memory mode: each row goes
// to a temporary file as soon as the next one starts, so a million rows need no more memory than
// one. Typed cells (numbers as numbers, money with two decimals, dates as dates), a bold frozen
// header row, an auto filter over the table and the given column widths. The workbook is written to
// `path` + ".part" and renamed into place by finish(), so a failed or cancelled export leaves no file.
class XlsxTableWriter
{
public:
    static constexpr qint64 kMaxDataRows = 1'048'575; // Excel's limit, less the header

    static Result<std::unique_ptr<XlsxTableWriter>> create(const QString &path, const QString &sheetName,
                                                           const QVector<XlsxColumn> &columns);
    ~XlsxTableWriter();

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
    XlsxTableWriter() = default;
    Status check(int lxwError);

    QString m_path, m_partPath;
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_money = nullptr, *m_date = nullptr, *m_dateTime = nullptr, *m_header = nullptr;
    int m_columns = 0;
    qint64 m_row = 0; // data rows written; the header is row 0
    int m_column = 0;
    int m_error = 0;
    LocalTime m_localTime;
};

} // namespace crm
