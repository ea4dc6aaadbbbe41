#pragma once

#include "core/domain/Analytics.h"

#include <QDate>
#include <QString>

#include <utility>

namespace crm {

// The dashboard's time windows as AnalyticsService Periods, in whole local days of the viewer.
// The buckets follow the window's length so a chart has a readable number of bars: days up to a
// month, weeks up to about four months, months beyond. QtCore only, so the test can check them.
class DashboardPeriod
{
public:
    // The last `days` local days up to and including `today`: [today - days + 1, today + 1).
    // 7 and 30 days are split into days, 90 into weeks, 365 (and anything longer) into months.
    static Period lastDays(int days, const QDate &today, int utcOffsetMinutes);
    // The local days first..last, both included (swapped when given backwards).
    static Period custom(QDate first, QDate last, int utcOffsetMinutes);
    // The bucket a window of `days` local days is split into.
    static Bucket bucketFor(qint64 days);
    // The system time zone's offset from UTC now, in minutes (+480 in China).
    static int systemOffsetMinutes();
    // UTC ms of local midnight starting `date` at a fixed offset.
    static qint64 localMidnight(const QDate &date, int utcOffsetMinutes);

    // [from, to) in UTC ms of the bucket with `key` ('YYYY-MM-DD' or 'YYYY-MM', see Period), clipped
    // to the period: the first and last buckets can be partial. {0, 0} for a key that is not valid.
    static std::pair<qint64, qint64> bucketRange(const Period &period, const QString &key);
    // A short axis label for a bucket key: "03-04" for a day or the week starting then, "2024-03" for a month.
    static QString bucketLabel(const QString &key, Bucket bucket);
    // The bucket with its year, for a filter chip: "2024-03" for a month, "2024-03-04" for a day, the
    // first and last local day of a week ("2024-03-04 – 2024-03-10", clipped to the period).
    static QString bucketTitle(const Period &period, const QString &key);
};

} // namespace crm
