#pragma once

#include "reports/report/ChartAxis.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QVariant>
#include <QVector>

namespace crm {

// The translation context of every report text: Report::tr("...") is QCoreApplication::translate("Report",
// "..."), which lupdate finds; a report is in the language of the catalogue installed when it is built.
class Report
{
    Q_DECLARE_TR_FUNCTIONS(Report)
};

// What one cell of a report table holds; writers choose the rendering (PDF text, XLSX cell type).
enum class ReportCellType {
    Text,      // QString
    Integer,   // qint64
    Money,     // qint64 minor units, shown with two decimals
    Percent,   // int basis points (6667 = 66.67 %); an invalid QVariant for "none"
    Date       // QDate
};

struct ReportColumn
{
    QString header;
    ReportCellType type = ReportCellType::Text;
};

// One table of figures, shown as a section of the PDF and a sheet of the workbook. When it names a
// chart, the chart shows `chartValueColumn` per row, labelled by `chartLabelColumn`.
struct ReportTable
{
    QString title;
    QString sheetName; // short, without []:*?/\ (Excel's rules); at most 31 characters
    QVector<ReportColumn> columns;
    QVector<QVector<QVariant>> rows;
    QVector<QVariant> totals; // empty: no totals row; else one value per column (invalid: blank)
    int chartLabelColumn = -1;
    int chartValueColumn = -1; // -1: no chart
    ChartAxis chartAxis;       // the chart's value axis, made by ReportBuilder with the report's texts

    bool hasChart() const { return chartLabelColumn >= 0 && chartValueColumn >= 0 && !rows.isEmpty(); }
    // The axis for the chart's values (see ChartAxis::forMaximum).
    ChartAxis makeChartAxis(bool chinese) const;
};

// A headline figure above the tables ("Won amount: 3,500.01").
struct ReportFigure
{
    QString label;
    QVariant value;
    ReportCellType type = ReportCellType::Integer;
};

// A finished report, independent of its output format: titles already translated, figures exact.
struct ReportData
{
    QString name;       // "sales", "funnel", ...
    QString title;      // translated
    QString periodText; // "2024-03-01 - 2024-03-31"
    QString scopeText;  // whose data it covers
    QString currency;   // of every Money cell
    QDate periodStart, periodEnd; // local dates, inclusive
    qint64 generatedAt = 0; // UTC ms
    QVector<ReportFigure> figures;
    QVector<ReportTable> tables;

    // A cell as text for the PDF: 1,234.50 for money, 66.67 % for percents, yyyy-MM-dd for dates.
    static QString formatCell(const QVariant &value, ReportCellType type);
    // A value as a number for charts (money in major units).
    static double chartValue(const QVariant &value, ReportCellType type);
};

} // namespace crm
