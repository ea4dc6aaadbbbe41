#pragma once

#include "core/Result.h"
#include "core/domain/Analytics.h"

#include <QDate>
#include <QString>

namespace crm {

// The period words reports accept (`crm report --period`, the API's "period"), turned into an analytics
// Period in the viewer's calendar:
//   30d, 90d, 365d (any Nd up to 3660): the last N local days, today included;
//   2026-01-01..2026-03-31: those local days, both included;
//   this-month, last-month: calendar months (this month up to the end of today).
// Buckets follow the length: days up to 31 days, weeks up to 26 weeks, months beyond.
class ReportPeriod
{
public:
    static Result<Period> parse(const QString &text, qint64 nowMs, int utcOffsetMinutes);
    static Bucket bucketFor(qint64 days);
    // The first and last local day of a period.
    static QDate firstDay(const Period &period);
    static QDate lastDay(const Period &period);
    static QString help();
};

} // namespace crm
