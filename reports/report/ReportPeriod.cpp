#include "reports/report/ReportPeriod.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace crm {

namespace {

constexpr qint64 kMaxDays = 3660;

QDate localDate(qint64 utcMs, int offsetMinutes)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs + qint64(offsetMinutes) * 60'000, QTimeZone::utc()).date();
}

// UTC ms of the local midnight starting `date`.
qint64 localStart(const QDate &date, int offsetMinutes)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch() - qint64(offsetMinutes) * 60'000;
}

Period days(const QDate &first, const QDate &last, int offset)
{
    Period p;
    p.from = localStart(first, offset);
    p.to = localStart(last.addDays(1), offset);
    p.utcOffsetMinutes = offset;
    p.bucket = ReportPeriod::bucketFor(first.daysTo(last) + 1);
    return p;
}

Error invalid(const QString &text)
{
    return Error::validation(QStringLiteral("format"), QStringLiteral("period"),
                             QStringLiteral("Unknown period \"%1\": expected 30d, 90d, 365d, this-month, last-month "
                                            "or a range 2026-01-01..2026-03-31")
                                 .arg(text));
}

} // namespace

Bucket ReportPeriod::bucketFor(qint64 days)
{
    if (days <= 31)
        return Bucket::Day;
    if (days <= 26 * 7)
        return Bucket::Week;
    return Bucket::Month;
}

Result<Period> ReportPeriod::parse(const QString &input, qint64 nowMs, int utcOffsetMinutes)
{
    const QString text = input.trimmed().toLower();
    const QDate today = localDate(nowMs, utcOffsetMinutes);
    static const QRegularExpression lastDays(QStringLiteral("^(\\d{1,4})d$"));
    static const QRegularExpression range(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$"));
    if (const auto m = lastDays.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        if (n < 1 || n > kMaxDays)
            return Error::validation(QStringLiteral("range"), QStringLiteral("period"),
                                     QStringLiteral("A period of days must be 1 to %1 days").arg(kMaxDays));
        return days(today.addDays(1 - n), today, utcOffsetMinutes);
    }
    if (const auto m = range.match(text); m.hasMatch()) {
        const QDate first = QDate::fromString(m.captured(1), Qt::ISODate);
        const QDate last = QDate::fromString(m.captured(2), Qt::ISODate);
        if (!first.isValid() || !last.isValid())
            return invalid(input);
        if (last < first)
            return Error::validation(QStringLiteral("range"), QStringLiteral("period"),
                                     QStringLiteral("The period ends before it starts: %1").arg(input));
        if (first.daysTo(last) + 1 > kMaxDays)
            return Error::validation(QStringLiteral("range"), QStringLiteral("period"),
                                     QStringLiteral("A period may cover at most %1 days").arg(kMaxDays));
        return days(first, last, utcOffsetMinutes);
    }
    if (text == QLatin1String("this-month"))
        return days(QDate(today.year(), today.month(), 1), today, utcOffsetMinutes);
    if (text == QLatin1String("last-month")) {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return days(first, first.addMonths(1).addDays(-1), utcOffsetMinutes);
    }
    return invalid(input);
}

QDate ReportPeriod::firstDay(const Period &p)
{
    return localDate(p.from, p.utcOffsetMinutes);
}

QDate ReportPeriod::lastDay(const Period &p)
{
    return localDate(p.to - 1, p.utcOffsetMinutes);
}

QString ReportPeriod::help()
{
    return QStringLiteral("30d, 90d, 365d (the last N days), this-month, last-month, or 2026-01-01..2026-03-31");
}

} // namespace crm
