#include "reports/report/XlsxReportWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <xlsxwriter.h>

#include <cmath>

namespace crm {

namespace {

Error writeError(const QString &what)
{
    return Error::writeFailed(QStringLiteral("Cannot write the XLSX file: ") + what);
}

// Excel's sheet names: at most 31 characters, none of []:*?/\, unique regardless of case.
QString sheetName(const QString &wanted, QSet<QString> &used)
{
    QString name = wanted;
    for (QChar c : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        name.replace(c, QLatin1Char(' '));
    name = name.trimmed().left(28);
    if (name.isEmpty())
        name = QStringLiteral("Sheet");
    QString unique = name;
    for (int i = 2; used.contains(unique.toLower()); ++i)
        unique = name + QLatin1Char(' ') + QString::number(i);
    used.insert(unique.toLower());
    return unique;
}

class Book
{
public:
    explicit Book(lxw_workbook *wb) : m_wb(wb)
    {
        m_bold = workbook_add_format(wb);
        format_set_bold(m_bold);
        m_title = workbook_add_format(wb);
        format_set_bold(m_title);
        format_set_font_size(m_title, 16);
        m_money = workbook_add_format(wb);
        format_set_num_format(m_money, "#,##0.00");
        m_moneyBold = workbook_add_format(wb);
        format_set_num_format(m_moneyBold, "#,##0.00");
        format_set_bold(m_moneyBold);
        m_percent = workbook_add_format(wb);
        format_set_num_format(m_percent, "0.00%");
        m_percentBold = workbook_add_format(wb);
        format_set_num_format(m_percentBold, "0.00%");
        format_set_bold(m_percentBold);
        m_date = workbook_add_format(wb);
        format_set_num_format(m_date, "yyyy-mm-dd");
        m_dateBold = workbook_add_format(wb);
        format_set_num_format(m_dateBold, "yyyy-mm-dd");
        format_set_bold(m_dateBold);
    }

    void cell(lxw_worksheet *s, int row, int col, const QVariant &v, ReportCellType type, bool bold)
    {
        if (!v.isValid())
            return;
        const lxw_row_t r = lxw_row_t(row);
        const lxw_col_t c = lxw_col_t(col);
        switch (type) {
        case ReportCellType::Text:
            worksheet_write_string(s, r, c, v.toString().left(32767).toUtf8().constData(), bold ? m_bold : nullptr);
            break;
        case ReportCellType::Integer:
            worksheet_write_number(s, r, c, double(v.toLongLong()), bold ? m_bold : nullptr);
            break;
        case ReportCellType::Money:
            // Exact to the cent below 2^53 minor units.
            worksheet_write_number(s, r, c, double(v.toLongLong()) / 100.0, bold ? m_moneyBold : m_money);
            break;
        case ReportCellType::Percent:
            worksheet_write_number(s, r, c, double(v.toInt()) / 10'000.0, bold ? m_percentBold : m_percent);
            break;
        case ReportCellType::Date:
            worksheet_write_number(s, r, c, double(QDate(1899, 12, 30).daysTo(v.toDate())), bold ? m_dateBold : m_date);
            break;
        }
    }

    void summary(const ReportData &report, const QString &name)
    {
        lxw_worksheet *s = workbook_add_worksheet(m_wb, name.toUtf8().constData());
        worksheet_set_column(s, 0, 0, 34, nullptr);
        worksheet_set_column(s, 1, 1, 18, nullptr);
        worksheet_write_string(s, 0, 0, report.title.toUtf8().constData(), m_title);
        worksheet_write_string(s, 1, 0, report.periodText.toUtf8().constData(), nullptr);
        worksheet_write_string(s, 2, 0, report.scopeText.toUtf8().constData(), nullptr);
        worksheet_write_string(s, 3, 0,
                               Report::tr("Generated %1; money in %2")
                                   .arg(QDateTime::fromMSecsSinceEpoch(report.generatedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                        report.currency)
                                   .toUtf8()
                                   .constData(),
                               nullptr);
        int row = 5;
        for (const ReportFigure &f : report.figures) {
            worksheet_write_string(s, lxw_row_t(row), 0, f.label.toUtf8().constData(), nullptr);
            cell(s, row, 1, f.value, f.type, true);
            ++row;
        }
    }

    void table(const ReportTable &t, const QString &name)
    {
        const QByteArray sheet = name.toUtf8();
        lxw_worksheet *s = workbook_add_worksheet(m_wb, sheet.constData());
        for (qsizetype c = 0; c < t.columns.size(); ++c) {
            const ReportColumn &col = t.columns[c];
            const double width = col.type == ReportCellType::Text ? 24 : 16;
            worksheet_set_column(s, lxw_col_t(c), lxw_col_t(c), std::max<double>(width, col.header.size() * 1.2), nullptr);
            worksheet_write_string(s, 0, lxw_col_t(c), col.header.toUtf8().constData(), m_bold);
        }
        worksheet_freeze_panes(s, 1, 0);
        int row = 1;
        for (const auto &cells : t.rows) {
            for (qsizetype c = 0; c < t.columns.size(); ++c)
                cell(s, row, int(c), cells.value(c), t.columns[c].type, false);
            ++row;
        }
        const int lastData = row - 1;
        if (!t.totals.isEmpty()) {
            for (qsizetype c = 0; c < t.columns.size(); ++c)
                cell(s, row, int(c), t.totals.value(c), t.columns[c].type, true);
            ++row;
        }
        if (!t.hasChart())
            return;
        lxw_chart *chart = workbook_add_chart(m_wb, LXW_CHART_COLUMN);
        lxw_chart_series *series = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(series, sheet.constData(), 1, lxw_col_t(t.chartLabelColumn), lxw_row_t(lastData),
                                    lxw_col_t(t.chartLabelColumn));
        chart_series_set_values(series, sheet.constData(), 1, lxw_col_t(t.chartValueColumn), lxw_row_t(lastData),
                                lxw_col_t(t.chartValueColumn));
        chart_series_set_name(series, t.columns[t.chartValueColumn].header.toUtf8().constData());
        chart_title_set_name(chart, t.title.toUtf8().constData());
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        valueAxis(chart->y_axis, t.chartAxis.ticks.isEmpty() ? t.makeChartAxis(false) : t.chartAxis,
                  t.columns[t.chartValueColumn].type);
        lxw_chart_options options{};
        options.x_scale = 1.6;
        options.y_scale = 1.3;
        worksheet_insert_chart_opt(s, 1, lxw_col_t(t.columns.size() + 1), chart, &options);
    }

private:
    // The value axis in the PDF chart's round steps (ChartAxis), large figures counted in the reader's
    // unit: Excel's display units (ten thousands and hundred millions for 万 and 亿, or thousands and
    // millions), which Excel names beside the axis, where its own choice would write the cells' full
    // amounts ("40,000,000.00") at every gridline.
    static void valueAxis(lxw_chart_axis *axis, const ChartAxis &a, ReportCellType type)
    {
        if (a.ticks.size() < 2)
            return;
        // Shares are fractions in the cells (0.25 shown as 25%), percentages on the axis.
        const double scale = type == ReportCellType::Percent ? 0.01 : 1;
        const double step = (a.ticks[1] - a.ticks[0]) * scale;
        chart_axis_set_min(axis, 0);
        chart_axis_set_max(axis, a.top * scale);
        chart_axis_set_major_unit(axis, step);
        const auto whole = [](double v) { return std::abs(v - std::round(v)) < 1e-9; };
        if (type == ReportCellType::Percent) {
            chart_axis_set_num_format(axis, whole(step * 100) ? "0%" : "0.0%");
            return;
        }
        if (a.countUnit == 1e3)
            chart_axis_set_display_units(axis, LXW_CHART_AXIS_UNITS_THOUSANDS);
        else if (a.countUnit == 1e4)
            chart_axis_set_display_units(axis, LXW_CHART_AXIS_UNITS_TEN_THOUSANDS);
        else if (a.countUnit == 1e6)
            chart_axis_set_display_units(axis, LXW_CHART_AXIS_UNITS_MILLIONS);
        else if (a.countUnit == 1e8)
            chart_axis_set_display_units(axis, LXW_CHART_AXIS_UNITS_HUNDRED_MILLIONS);
        const double shown = step / a.countUnit;
        chart_axis_set_num_format(axis, whole(shown) ? "#,##0" : whole(shown * 10) ? "#,##0.0" : "#,##0.00");
    }

    lxw_workbook *m_wb;
    lxw_format *m_bold, *m_title, *m_money, *m_moneyBold, *m_percent, *m_percentBold, *m_date, *m_dateBold;
};

} // namespace

Status XlsxReportWriter::write(const ReportData &report, const QString &path)
{
    const QString part = path + QStringLiteral(".part");
    QFile::remove(part);
    const QByteArray tmpdir = QFile::encodeName(QFileInfo(path).absolutePath());
    lxw_workbook_options options{};
    options.tmpdir = const_cast<char *>(tmpdir.constData());
    lxw_workbook *wb = workbook_new_opt(QFile::encodeName(part).constData(), &options);
    if (!wb)
        return writeError(QStringLiteral("cannot create %1").arg(path));
    Book book(wb);
    QSet<QString> used;
    book.summary(report, sheetName(Report::tr("Summary"), used));
    for (const ReportTable &t : report.tables)
        book.table(t, sheetName(t.sheetName.isEmpty() ? t.title : t.sheetName, used));
    if (const lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) {
        QFile::remove(part);
        return writeError(QString::fromUtf8(lxw_strerror(e)));
    }
    QFile::remove(path);
    if (!QFile::rename(part, path)) {
        QFile::remove(part);
        return writeError(QStringLiteral("cannot move it to %1").arg(path));
    }
    return {};
}

} // namespace crm
