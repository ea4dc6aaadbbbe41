#include "reports/xlsx/XlsxTableWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <xlsxwriter.h>

namespace crm {

namespace {
constexpr int kMaxTextChars = 32767; // Excel's cell limit

// Days since 1899-12-30: Excel's serial date (1900 system; dates after February 1900).
double excelSerial(const QDate &date)
{
    return double(QDate(1899, 12, 30).daysTo(date));
}

Error writeError(const QString &what)
{
    return Error{QStringLiteral("io"), QStringLiteral("Cannot write the XLSX file: ") + what, QStringLiteral("file")};
}
} // namespace

Result<std::unique_ptr<XlsxTableWriter>> XlsxTableWriter::create(const QString &path, const QString &sheetName,
                                                                 const QVector<XlsxColumn> &columns)
{
    std::unique_ptr<XlsxTableWriter> w(new XlsxTableWriter);
    w->m_path = path;
    w->m_partPath = path + QStringLiteral(".part");
    w->m_columns = int(columns.size());
    QFile::remove(w->m_partPath);
    // libxlsxwriter keeps each sheet's rows in a temporary file next to the output rather than in
    // /tmp, which may be a RAM disk.
    const QByteArray tmpdir = QFile::encodeName(QFileInfo(path).absolutePath());
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = const_cast<char *>(tmpdir.constData());
    options.use_zip64 = LXW_TRUE;
    const QByteArray file = QFile::encodeName(w->m_partPath);
    w->m_workbook = workbook_new_opt(file.constData(), &options);
    if (!w->m_workbook)
        return writeError(QStringLiteral("cannot create %1").arg(path));
    w->m_sheet = workbook_add_worksheet(w->m_workbook, sheetName.left(31).toUtf8().constData());
    if (!w->m_sheet)
        return writeError(QStringLiteral("bad sheet name"));
    w->m_header = workbook_add_format(w->m_workbook);
    format_set_bold(w->m_header);
    w->m_money = workbook_add_format(w->m_workbook);
    format_set_num_format(w->m_money, "#,##0.00");
    w->m_date = workbook_add_format(w->m_workbook);
    format_set_num_format(w->m_date, "yyyy-mm-dd");
    w->m_dateTime = workbook_add_format(w->m_workbook);
    format_set_num_format(w->m_dateTime, "yyyy-mm-dd hh:mm");
    // Widths and the frozen header must be set before the first row in constant-memory mode.
    for (int c = 0; c < columns.size(); ++c)
        worksheet_set_column(w->m_sheet, lxw_col_t(c), lxw_col_t(c), columns[c].width, nullptr);
    worksheet_freeze_panes(w->m_sheet, 1, 0);
    for (int c = 0; c < columns.size(); ++c)
        worksheet_write_string(w->m_sheet, 0, lxw_col_t(c), columns[c].header.toUtf8().constData(), w->m_header);
    return w;
}

XlsxTableWriter::~XlsxTableWriter()
{
    abandon();
}

void XlsxTableWriter::addText(QStringView text)
{
    if (!text.isEmpty()) {
        const QByteArray utf8 = text.left(kMaxTextChars).toUtf8();
        const int e = worksheet_write_string(m_sheet, lxw_row_t(m_row + 1), lxw_col_t(m_column), utf8.constData(), nullptr);
        if (e != LXW_NO_ERROR && !m_error)
            m_error = e;
    }
    ++m_column;
}

void XlsxTableWriter::addInteger(qint64 value)
{
    worksheet_write_number(m_sheet, lxw_row_t(m_row + 1), lxw_col_t(m_column++), double(value), nullptr);
}

void XlsxTableWriter::addMoney(qint64 minorUnits)
{
    // A double holds every amount below 2^53 fen exactly to the cent when shown with two decimals.
    worksheet_write_number(m_sheet, lxw_row_t(m_row + 1), lxw_col_t(m_column++), double(minorUnits) / 100.0, m_money);
}

void XlsxTableWriter::addDate(const QDate &date)
{
    if (date.isValid() && date > QDate(1900, 3, 1))
        worksheet_write_number(m_sheet, lxw_row_t(m_row + 1), lxw_col_t(m_column), excelSerial(date), m_date);
    ++m_column;
}

void XlsxTableWriter::addDateTime(qint64 utcMs)
{
    if (utcMs > 0) {
        worksheet_write_number(m_sheet, lxw_row_t(m_row + 1), lxw_col_t(m_column), m_localTime.excelSerial(utcMs), m_dateTime);
    }
    ++m_column;
}

void XlsxTableWriter::addBlank()
{
    ++m_column;
}

Status XlsxTableWriter::endRow()
{
    m_column = 0;
    ++m_row;
    if (m_error)
        return writeError(QString::fromUtf8(lxw_strerror(lxw_error(m_error))));
    if (m_row > kMaxDataRows)
        return Error::validation(QStringLiteral("range"), QStringLiteral("format"),
                                 QStringLiteral("An XLSX sheet holds at most %1 rows; export to CSV instead").arg(kMaxDataRows));
    return {};
}

Status XlsxTableWriter::check(int lxwError)
{
    if (lxwError == LXW_NO_ERROR)
        return {};
    return writeError(QString::fromUtf8(lxw_strerror(lxw_error(lxwError))));
}

Status XlsxTableWriter::finish()
{
    if (!m_workbook)
        return writeError(QStringLiteral("already closed"));
    worksheet_autofilter(m_sheet, 0, 0, lxw_row_t(m_row), lxw_col_t(qMax(0, m_columns - 1)));
    const int e = workbook_close(m_workbook); // frees the workbook whatever the outcome
    m_workbook = nullptr;
    if (Status st = check(e); !st) {
        QFile::remove(m_partPath);
        return st;
    }
    QFile::remove(m_path);
    if (!QFile::rename(m_partPath, m_path)) {
        QFile::remove(m_partPath);
        return writeError(QStringLiteral("cannot move it to %1").arg(m_path));
    }
    return {};
}

void XlsxTableWriter::abandon()
{
    if (!m_workbook)
        return;
    lxw_workbook_free(m_workbook); // frees without writing; its temporary files go with it
    m_workbook = nullptr;
    QFile::remove(m_partPath);
}

} // namespace crm
