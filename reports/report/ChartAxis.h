#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace crm {

enum class ReportCellType; // ReportData.h

// The value axis of a report's bar chart: zero and a few round steps up to just above the largest
// value (0, 1,000万, 2,000万, 3,000万, 4,000万 rather than 0 and 36,250,000.00), so a reader can
// take a bar's size in at a glance and see the gridlines to compare bars by.
struct ChartAxis
{
    double top = 1;         // the axis ends here (the last tick), in the values' unit (money in major units)
    QVector<double> ticks;  // from 0 up to top
    QStringList labels;     // one per tick: "1,500万" / "1.5M", "25 %", "1,200"
    double countUnit = 1;   // large figures are counted in this (1e4 for 万, 1e6 for M; see unit())

    // `max` is the largest bar; `chinese` reads large amounts in 万 and 亿 instead of K and M. The labels
    // are translated here: ReportBuilder makes the axis with the rest of the report's texts.
    static ChartAxis forMaximum(double max, ReportCellType type, bool chinese);

    // Which power of ten large figures are counted in: 1e4 (万) or 1e8 (亿) for a Chinese reader,
    // 1e3 (K) or 1e6 (M) for an English one, 1 below that. One rule for the reports' charts and the
    // dashboard's won chart.
    static double unit(double top, bool chinese);
};

} // namespace crm
