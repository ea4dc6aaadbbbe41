#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace crm {

// Metadata of a file attached to an activity (the file itself lives elsewhere, at `url`).
// Stored as a JSON list of {name, size, mimeType, url} in activities.attachments.
struct Attachment
{
    QString name;
    qint64 size = 0; // bytes
    QString mimeType;
    QString url;

    bool operator==(const Attachment &o) const
    {
        return name == o.name && size == o.size && mimeType == o.mimeType && url == o.url;
    }
};

// One interaction with a customer: a call, message, email, meeting, visit or note.
// Field names used by updates, errors and the audit log are the camelCase member names.
struct Activity
{
    qint64 id = 0;
    qint64 customerId = 0;
    std::optional<qint64> contactId; // a contact of that customer
    std::optional<qint64> opportunityId; // an opportunity of that customer
    qint64 userId = 0; // who: always the acting user when logged
    QString userName; // display name, read only
    QString customerName; // read only; filled by the lists (timeline, listForUser, listInScope), not by get()
    QString kind; // call | message | email | meeting | visit | note (ActivityService::kinds())
    QString direction; // inbound | outbound | "" ("in"/"out" accepted on input)
    QString status; // free word from the client, e.g. "connected", "failed", "sent"
    QString subject, content, outcome;
    QString phone; // the number called or messaged, normalised
    std::optional<int> durationSeconds;
    qint64 occurredAt = 0; // UTC ms; 0 in a draft means now
    QVector<Attachment> attachments;
    qint64 createdAt = 0;
    int version = 0; // optimistic concurrency for update()
};

// Where a keyset page ends: the next page starts strictly after this row in (occurredAt, id)
// descending order. Opaque to clients except as something to hand back.
struct ActivityCursor
{
    qint64 occurredAt = 0;
    qint64 id = 0;
};

// The API's list of activities by user (default: the actor's own) and kind, newest first.
struct ActivityFilter
{
    std::optional<qint64> userId; // unset: the actor; a user outside the actor's scope lists nothing
    QString kind; // empty: every kind
    int limit = 20; // 1..200
    std::optional<ActivityCursor> after;
};

// Every activity the actor may see (ActivityService::listInScope), for exports: in the order they
// were logged (id ascending, keyset paged on the primary key). Every condition is optional.
struct ActivityScopeFilter
{
    std::optional<qint64> userId; // one author's
    QString kind; // empty: every kind
    qint64 occurredFrom = 0, occurredTo = 0; // UTC ms, half-open [from, to); 0: unbounded
    int limit = 200; // 1..1000
    qint64 afterId = 0; // rows with a larger id
};

struct ActivityScopePage
{
    QVector<Activity> activities;
    bool hasMore = false;
};

// One page of activities, newest first. `next` is set exactly when hasMore is.
struct TimelinePage
{
    QVector<Activity> activities;
    bool hasMore = false;
    std::optional<ActivityCursor> next;
};

} // namespace crm
