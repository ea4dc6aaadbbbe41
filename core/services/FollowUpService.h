#pragma once

#include "core/Result.h"
#include "core/domain/Activity.h"
#include "core/domain/Task.h"
#include "core/security/Actor.h"

namespace crm {

class Database;

// Planned contacts with customers. Scheduling one creates its task (kind follow_up, assigned to the
// actor) with a reminder; completing or cancelling one closes its task, and closing the task through
// TaskService closes the follow-up. A follow-up is visible when its customer or its author is in the
// actor's scope. Reads need task.read, writes task.write.
class FollowUpService
{
public:
    explicit FollowUpService(Database &db) : m_db(db) {}

    static QStringList methods(); // call, visit, message, meeting, email
    static QStringList statuses(); // scheduled, done, cancelled
    static constexpr int kDefaultReminderMinutes = 30;

    // One transaction: the follow-up and its task "Follow up: <customer name>" due at scheduledAt with a
    // reminder reminderMinutes (0..10080) before; unset, the app setting 'followup.reminder_minutes'.
    // The customer must be visible (else not_found); scheduledAt may not be in the past (validation.range).
    Result<FollowUp> schedule(const Actor &actor, qint64 customerId, qint64 scheduledAt, const QString &method,
                              const QString &notes = {}, std::optional<int> reminderMinutes = std::nullopt);
    Result<FollowUp> get(const Actor &actor, qint64 id);
    // A visible customer's follow-ups, latest scheduled first, each with its task when that is in scope.
    Result<QVector<FollowUp>> list(const Actor &actor, qint64 customerId, int limit = 100);
    // One transaction: the follow-up and its task done, and `activity` (when given) logged through
    // ActivityService for the follow-up's customer (kind defaults to the follow-up's method) and linked.
    // A follow-up no longer scheduled answers conflict.state.
    Result<FollowUp> complete(const Actor &actor, qint64 followUpId, std::optional<Activity> activity = std::nullopt);
    // The follow-up and its task cancelled.
    Result<FollowUp> cancel(const Actor &actor, qint64 followUpId);

    // The reminder lead time in minutes: app setting 'followup.reminder_minutes', 30 when unset or unreadable.
    Result<int> defaultReminderMinutes();
    // Changes that default (settings.admin; 0..10080, else validation.range on "reminderMinutes"),
    // audited and announced as ("settings", 0, "updated").
    Status setDefaultReminderMinutes(const Actor &actor, int minutes);

private:
    Result<FollowUp> load(const Actor &actor, qint64 id);
    Result<FollowUp> close(const Actor &actor, qint64 id, const QString &status, std::optional<Activity> activity);
    Status attachTasks(const Actor &actor, QVector<FollowUp> &rows);

    Database &m_db;
};

} // namespace crm
