#pragma once

#include <QDate>
#include <QHash>
#include <QString>

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

private:
    QHash<qint64, qint64> m_offsetByHour; // UTC hour -> offset in ms
};

} // namespace crm
