#pragma once

#include "core/Result.h"
#include "core/domain/Activity.h"
#include "core/security/Actor.h"

#include <QMap>
#include <QSet>

namespace crm {

class Database;

// Interactions with customers (calls, messages, emails, meetings, visits, notes): the only writer of
// activities and of customers.last_contact_at.
// Visibility: an activity is visible when its customer is in the actor's scope or its author is.
// Reads need activity.read, writes activity.write; out of scope reads as not found.
class ActivityService
{
public:
    explicit ActivityService(Database &db) : m_db(db) {}

    // call, message, email, meeting, visit, note.
    static QStringList kinds();
    // inbound, outbound ("in" and "out" are accepted and stored as these).
    static QStringList directions();
    // What update() may change: subject, content, outcome, direction, occurredAt.
    static QStringList updatableFields();

    // Logs an interaction by the actor (draft.userId is ignored; the system actor, being no person, is
    // refused) with a visible customer (else not_found).
    // contactId and opportunityId must belong to that customer (validation.reference); occurredAt 0 means
    // now and may be at most a day ahead (validation.range). In the same transaction the customer's
    // last contact moves forward to occurredAt (never back).
    Result<Activity> log(const Actor &actor, Activity draft);
    Result<Activity> get(const Actor &actor, qint64 id);
    // Applies the named updatableFields() of `values`. Only the author or someone whose scope covers
    // the author may change it (else forbidden). With an expected version, a record changed meanwhile
    // is refused with conflict.version.
    Result<Activity> update(const Actor &actor, qint64 id, const Activity &values, const QSet<QString> &fields,
                            std::optional<int> expectedVersion = std::nullopt);
    // Same rule as update. When the activity was the customer's last contact, the newest remaining one becomes it.
    Status remove(const Actor &actor, qint64 id);

    // A visible customer's activities, newest first, `limit` (1..200) per page; pass the previous
    // page's `next` as `after` for the following one. Keyset paging over activities_customer.
    Result<TimelinePage> timeline(const Actor &actor, qint64 customerId, int limit = 20,
                                  std::optional<ActivityCursor> after = std::nullopt);
    // A visible opportunity's activities (else not_found; needs opportunity.read too), newest first,
    // paged like timeline(). Only those the actor may see anywhere else: on a customer in the
    // scope or by an author in it, so a deal shared across teams does not open the other team's notes.
    // A deal has tens of activities, not thousands: activities_opportunity finds them and they are sorted.
    Result<TimelinePage> forOpportunity(const Actor &actor, qint64 opportunityId, int limit = 20,
                                        std::optional<ActivityCursor> after = std::nullopt);
    // One user's activities (default the actor's own; a user outside the scope lists nothing),
    // optionally of one kind, newest first. Keyset paging over activities_user.
    Result<TimelinePage> listForUser(const Actor &actor, const ActivityFilter &filter);
    // Every activity the actor may see (same rule as get(): customer or author in scope), with the
    // customer's name, oldest logged first, keyset paged on the primary key: a whole-scope list (the
    // export's) has no better index, and id order needs no sort however many rows match.
    Result<ActivityScopePage> listInScope(const Actor &actor, const ActivityScopeFilter &filter);

    // The checks log() applies to a draft (kind, direction, lengths, phone, duration, time at most a
    // day ahead of `now`; occurredAt 0 becomes `now`), without the database: importers check rows
    // with them before writing.
    static Status validateDraft(Activity &draft, qint64 now);

    // For other services, inside their transaction: moves the customer's last contact forward to
    // `at`. True when the row changed.
    static Result<bool> raiseLastContact(Database &db, qint64 customerId, qint64 at);
    // The same for many customers (customer id -> time), through one prepared statement, in id order.
    static Status raiseLastContacts(Database &db, const QMap<qint64, qint64> &newest);
    // What the audit log records of an activity (log, remove).
    static QVariantMap snapshot(const Activity &a);

private:
    Status validate(Activity &a, const QSet<QString> &fields, qint64 now) const;
    static Status checkFields(Activity &a, const QSet<QString> &fields, qint64 now);
    Status checkLinks(const Activity &a);
    Result<Activity> load(const Actor &actor, qint64 id);
    Result<TimelinePage> page(const QString &where, const QVariantMap &binds, int limit,
                              const std::optional<ActivityCursor> &after);
    Result<bool> recomputeLastContact(qint64 customerId, qint64 was);

    Database &m_db;
};

} // namespace crm
