#include "ui/dashboard/DashboardPeriod.h"

#include <QDateTime>
#include <QTimeZone>

namespace crm {

namespace {

constexpr qint64 kMinute = 60'000;

} // namespace

Bucket DashboardPeriod::bucketFor(qint64 days)
{
    if (days <= 31)
        return Bucket::Day;
    if (days <= 120)
        return Bucket::Week;
    return Bucket::Month;
}

qint64 DashboardPeriod::localMidnight(const QDate &date, int utcOffsetMinutes)
{
    // A fixed offset, as AnalyticsService buckets with one: midnight local is midnight UTC minus the offset.
    return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - utcOffsetMinutes * kMinute;
}

Period DashboardPeriod::lastDays(int days, const QDate &today, int utcOffsetMinutes)
{
    days = qMax(1, days);
    return custom(today.addDays(-(days - 1)), today, utcOffsetMinutes);
}

Period DashboardPeriod::custom(QDate first, QDate last, int utcOffsetMinutes)
{
    if (last < first)
        std::swap(first, last);
    Period p;
    p.from = localMidnight(first, utcOffsetMinutes);
    p.to = localMidnight(last.addDays(1), utcOffsetMinutes);
    p.bucket = bucketFor(first.daysTo(last) + 1);
    p.utcOffsetMinutes = utcOffsetMinutes;
    return p;
}

int DashboardPeriod::systemOffsetMinutes()
{
    return QTimeZone::systemTimeZone().offsetFromUtc(QDateTime::currentDateTimeUtc()) / 60;
}

std::pair<qint64, qint64> DashboardPeriod::bucketRange(const Period &period, const QString &key)
{
    QDate start;
    QDate end;
    if (period.bucket == Bucket::Month) {
        start = QDate::fromString(key + QStringLiteral("-01"), Qt::ISODate);
        end = start.addMonths(1);
    } else {
        start = QDate::fromString(key, Qt::ISODate);
        end = start.addDays(period.bucket == Bucket::Week ? 7 : 1);
    }
    if (!start.isValid())
        return {0, 0};
    const qint64 from = qMax(period.from, localMidnight(start, period.utcOffsetMinutes));
    const qint64 to = qMin(period.to, localMidnight(end, period.utcOffsetMinutes));
    if (from >= to)
        return {0, 0};
    return {from, to};
}

QString DashboardPeriod::bucketLabel(const QString &key, Bucket bucket)
{
    // Numeric labels: short enough for 30 bars and the same in every language.
    return bucket == Bucket::Month ? key : key.mid(5);
}

QString DashboardPeriod::bucketTitle(const Period &period, const QString &key)
{
    if (period.bucket != Bucket::Week)
        return key;
    const auto [from, to] = bucketRange(period, key);
    if (from >= to)
        return key;
    const auto localDay = [&](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms + period.utcOffsetMinutes * kMinute, Qt::UTC).date().toString(Qt::ISODate);
    };
    return localDay(from) + QStringLiteral(" – ") + localDay(to - 1);
}

} // namespace crm
