#pragma once

#include "core/Result.h"
#include "core/domain/Activity.h"
#include "reports/export/LocalTime.h"
#include "reports/import/ColumnMapping.h"
#include "reports/import/ImportLookups.h"

namespace crm {

struct ActivityRow
{
    CustomerRef customer;
    Activity draft; // kind, direction, status, subject, content, outcome, phone, durationSeconds, occurredAt
};

// Reads the cells of an activity row. Times as our exports write them: "2024-05-01 14:30" (local,
// CSV), "2024-05-01 14:30:00" (local, XLSX read back) and ISO 8601 with an offset or Z (JSON), also
// 2024/5/1 14:30 and a date alone (local midnight); an empty time is "now", as ActivityService takes
// it. Kinds and directions in Chinese or English (电话/call, 呼入/inbound); other words are left for
// ActivityService::validateDraft to refuse with its own message.
class ActivityRowParser
{
public:
    explicit ActivityRowParser(const ColumnMapping &mapping);

    // Not thread-safe: the parser keeps the local zone's offsets it looked up.
    Status parse(const QStringList &cells, ActivityRow &out);

    // UTC milliseconds for a time as written above; nullopt when it is none.
    std::optional<qint64> parseTime(const QString &text);

private:
    enum class Field { OccurredAt, Kind, Direction, Subject, Content, Outcome, Status, Phone, DurationSeconds };
    static constexpr int kFields = 9;
    QString cell(const QStringList &cells, Field field) const;

    ColumnMapping m_mapping;
    int m_columns[kFields]; // each field's column, -1 when unmapped: looked up once, not per row
    LocalTime m_localTime;
};

} // namespace crm
