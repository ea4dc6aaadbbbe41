#include "reports/export/LocalTime.h"

#include <QDateTime>

namespace crm {

namespace {
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kUnixEpochJulianDay = 2440588;
constexpr double kExcelDaysBeforeUnixEpoch = 25569.0; // 1899-12-30 .. 1970-01-01

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b) < 0 ? 1 : 0);
}
} // namespace

qint64 LocalTime::localMs(qint64 utcMs)
{
    const qint64 hour = floorDiv(utcMs, kHourMs);
    auto it = m_offsetByHour.constFind(hour);
    if (it == m_offsetByHour.cend()) {
        const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(hour * kHourMs).toLocalTime().offsetFromUtc()) * 1000;
        if (m_offsetByHour.size() > 100'000)
            m_offsetByHour.clear();
        it = m_offsetByHour.insert(hour, offset);
    }
    return utcMs + *it;
}

QString LocalTime::text(qint64 utcMs)
{
    const qint64 local = localMs(utcMs);
    const qint64 day = floorDiv(local, kDayMs);
    int y = 0, m = 0, d = 0;
    QDate::fromJulianDay(kUnixEpochJulianDay + day).getDate(&y, &m, &d);
    const int minutes = int((local - day * kDayMs) / 60'000);
    // Formatted by hand: QDate/QTime::toString parse their format for every call.
    char16_t buf[16];
    auto put = [&](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            buf[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, y, 4);
    buf[4] = u'-';
    put(5, m, 2);
    buf[7] = u'-';
    put(8, d, 2);
    buf[10] = u' ';
    put(11, minutes / 60, 2);
    buf[13] = u':';
    put(14, minutes % 60, 2);
    return QString(reinterpret_cast<const QChar *>(buf), 16);
}

qint64 LocalTime::utcMs(const QDate &date, const QTime &time)
{
    const qint64 day = date.toJulianDay() - kUnixEpochJulianDay;
    auto it = m_offsetByLocalDay.constFind(day);
    if (it == m_offsetByLocalDay.cend()) {
        const int first = QDateTime(date, QTime(0, 0)).offsetFromUtc();
        const int last = QDateTime(date, QTime(23, 59, 59, 999)).offsetFromUtc();
        if (m_offsetByLocalDay.size() > 100'000)
            m_offsetByLocalDay.clear();
        it = m_offsetByLocalDay.insert(day, first == last ? std::optional<qint64>(qint64(first) * 1000) : std::nullopt);
    }
    if (!*it)
        return QDateTime(date, time).toMSecsSinceEpoch();
    return day * kDayMs + time.msecsSinceStartOfDay() - **it;
}

double LocalTime::excelSerial(qint64 utcMs)
{
    return kExcelDaysBeforeUnixEpoch + double(localMs(utcMs)) / double(kDayMs);
}

} // namespace crm
