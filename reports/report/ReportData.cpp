#include "reports/report/ReportData.h"

namespace crm {

namespace {

// Thousands separators on an integer's digits; locale-independent so totals read the same in every
// language the report is in (and pdftotext finds them).
QString groupDigits(qint64 value)
{
    QString digits = QString::number(value < 0 ? -value : value);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

} // namespace

QString ReportData::formatCell(const QVariant &value, ReportCellType type)
{
    if (!value.isValid())
        return type == ReportCellType::Percent ? QStringLiteral("-") : QString();
    switch (type) {
    case ReportCellType::Text: return value.toString();
    case ReportCellType::Integer: return groupDigits(value.toLongLong());
    case ReportCellType::Money: {
        const qint64 minor = value.toLongLong();
        const qint64 abs = minor < 0 ? -minor : minor;
        return (minor < 0 ? QStringLiteral("-") : QString()) + groupDigits(abs / 100) + QLatin1Char('.') +
               QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
    }
    case ReportCellType::Percent: {
        const int bp = value.toInt();
        return QStringLiteral("%1.%2 %").arg(bp / 100).arg(bp % 100, 2, 10, QLatin1Char('0'));
    }
    case ReportCellType::Date: return value.toDate().toString(Qt::ISODate);
    }
    return value.toString();
}

ChartAxis ReportTable::makeChartAxis(bool chinese) const
{
    const ReportCellType type = columns.value(chartValueColumn).type;
    double max = 0;
    for (const auto &row : rows)
        max = std::max(max, ReportData::chartValue(row.value(chartValueColumn), type));
    return ChartAxis::forMaximum(max, type, chinese);
}

double ReportData::chartValue(const QVariant &value, ReportCellType type)
{
    switch (type) {
    case ReportCellType::Money: return double(value.toLongLong()) / 100.0;
    case ReportCellType::Percent: return double(value.toInt()) / 100.0;
    default: return value.toDouble();
    }
}

} // namespace crm
