#pragma once

#include "core/Result.h"
#include "core/domain/Activity.h"

#include <QHash>
#include <QJsonObject>

namespace crm::json {

class JsonWriter;

// An activity as the API shows it. `type` repeats `kind` and `timestamp` repeats `occurredAt`: the
// mini program's names for them.
void write(JsonWriter &out, const Activity &a);

// Which POST a body came to; they share one parser and differ in a few names.
enum class ActivityShape {
    Activity, // POST /api/crm/activities: type|kind required
    Communication, // POST /api/crm/communications: type defaults to call; phoneNumber, error
    Message, // POST /api/crm/messages: kind is message; `message` is the content, `type` its format (text)
};

// A new activity from a request body. Identity and bookkeeping a client sends or echoes (userId,
// userName, id, createdAt, version) are ignored: the author is always the token's user. Anything
// else unknown is validation.unknown_field. `occurredAt` wins over `timestamp` (the page's send time)
// when both are present; `kind` wins over `type`.
struct ActivityInput
{
    Activity values;
    QHash<QString, QString> names; // Activity field -> the body's name for it, where they differ
    // The error with its field named as the body named it (type, timestamp, phoneNumber, message, error).
    Error renamed(Error e) const
    {
        e.field = names.value(e.field, e.field);
        return e;
    }
};
Result<ActivityInput> activityInput(const QJsonObject &body, ActivityShape shape);

// A reference to another record in a body: a positive integer, or its decimal text (mini program
// pages pass ids they got from a page URL as strings); null and absent are nullopt.
Result<std::optional<qint64>> idValue(const QJsonValue &value, const QString &field);

// "<occurredAt>.<id>": the opaque cursor the timeline lists hand out as `next` and take as `before`.
QString cursorText(const ActivityCursor &c);
Result<ActivityCursor> parseActivityCursor(const QString &text, const QString &field);

} // namespace crm::json
