#pragma once

#include <QDate>
#include <QHash>
#include <QString>
#include <QTime>

#include <optional>

namespace crm {

// UTC epoch milliseconds to the machine's local wall-clock time, fast: a million-row export converts
// two timestamps per row, and QDateTime's zone lookup per value would cost seconds. The zone offset
// is looked up once per hour of UTC time and cached (offsets change on hour boundaries).
class LocalTime
{
public:
    // Local milliseconds since 1970-01-01T00:00 local.
    qint64 localMs(qint64 utcMs);
    // "2024-05-01 14:30"
    QString text(qint64 utcMs);
    // Excel's serial date-time (days since 1899-12-30, fraction = time of day).
    double excelSerial(qint64 utcMs);
    // The other way: a local date and time of day to UTC epoch milliseconds, as QDateTime(date, time)
    // gives it, with the zone's offset looked up once per local day (QDateTime asks mktime, which
    // stats /etc/localtime on every call: a tenth of an activity import). A day whose offset
    // changes (a daylight saving switch) is left to QDateTime for each value.
    qint64 utcMs(const QDate &date, const QTime &time);

private:
    QHash<qint64, qint64> m_offsetByHour; // UTC hour -> offset in ms
    QHash<qint64, std::optional<qint64>> m_offsetByLocalDay; // local day -> offset in ms; none: it changes that day
};

} // namespace crm
