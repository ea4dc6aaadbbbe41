#include "reports/report/ChartAxis.h"

#include "reports/report/ReportData.h"

#include <cmath>

namespace crm {

namespace {

// The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at least `raw` (2.5 only where
// the steps may be fractions: counts step by whole numbers).
double roundStep(double raw, bool whole)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0}) {
        if (m == 2.5 && whole && magnitude < 10)
            continue;
        if (m * magnitude >= raw * (1 - 1e-9))
            return m * magnitude;
    }
    return 10 * magnitude;
}

// A number with grouped digits and at most two decimals, trailing zeros dropped ("1,500", "2.5").
// Locale-independent, as the report's tables (ReportData::formatCell).
QString compact(double value)
{
    QString text = QString::number(value, 'f', 2);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    const qsizetype point = text.indexOf(QLatin1Char('.'));
    const qsizetype digitsEnd = point < 0 ? text.size() : point;
    const qsizetype digitsStart = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    for (qsizetype i = digitsEnd - 3; i > digitsStart; i -= 3)
        text.insert(i, QLatin1Char(','));
    return text;
}

QString withUnit(double value, double unit)
{
    if (value == 0)
        return QStringLiteral("0");
    const QString number = compact(value / unit);
    if (unit == 1e3)
        return Report::tr("%1K", "thousands, on an English chart axis").arg(number);
    if (unit == 1e6)
        return Report::tr("%1M", "millions, on an English chart axis").arg(number);
    if (unit == 1e4)
        return Report::tr("%1 ten thousand", "on a Chinese chart axis: %1万").arg(number);
    if (unit == 1e8)
        return Report::tr("%1 hundred million", "on a Chinese chart axis: %1亿").arg(number);
    return number;
}

} // namespace

double ChartAxis::unit(double top, bool chinese)
{
    if (chinese)
        return top >= 1e9 ? 1e8 : top >= 1e5 ? 1e4 : 1;
    return top >= 1e7 ? 1e6 : top >= 1e4 ? 1e3 : 1;
}

ChartAxis ChartAxis::forMaximum(double max, ReportCellType type, bool chinese)
{
    ChartAxis axis;
    const bool whole = type == ReportCellType::Integer;
    if (!(max > 0)) {
        axis.ticks = {0};
        axis.labels = {QStringLiteral("0")};
        return axis;
    }
    // Three or four steps: enough lines to read a bar against, few enough labels to stay apart.
    const double step = std::max(roundStep(max / 4, whole), whole ? 1.0 : 0.0);
    const qint64 steps = qint64(std::ceil(max / step - 1e-9));
    axis.top = double(steps) * step;
    axis.countUnit = type == ReportCellType::Percent ? 1 : ChartAxis::unit(max, chinese);
    for (qint64 i = 0; i <= steps; ++i) {
        const double value = double(i) * step;
        axis.ticks << value;
        axis.labels << (type == ReportCellType::Percent ? compact(value) + QStringLiteral(" %") : withUnit(value, axis.countUnit));
    }
    return axis;
}

} // namespace crm
