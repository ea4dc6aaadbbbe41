#pragma once

#include "core/Result.h"
#include "core/domain/Task.h"
#include "core/security/Actor.h"

#include <QSet>
#include <QTimeZone>

namespace crm {

class Database;

// Tasks: the only writer of tasks. A task is visible when its assignee is in the actor's scope
// (ownerCondition on tasks.assignee_id); out of scope reads as not found. Reads need task.read,
// writes task.write. Closing or reopening a follow-up's task closes or reopens the follow-up too.
class TaskService
{
public:
    explicit TaskService(Database &db) : m_db(db) {}

    static QStringList statuses(); // open, done, cancelled
    static QStringList priorities(); // low, normal, high
    static QStringList kinds(); // todo, follow_up
    // What update() may change: title, description, status, priority, dueAt, reminderAt, assigneeId,
    // customerId, opportunityId.
    static QStringList updatableFields();

    // assigneeId 0 means the actor; another assignee must be an active user in the actor's scope
    // (validation.reference). customerId must be visible; an opportunity must be that customer's
    // (alone, it links its customer). reminderAt may not be after dueAt (validation.range).
    Result<Task> create(const Actor &actor, Task draft);
    Result<Task> get(const Actor &actor, qint64 id);
    // Applies the named updatableFields() of `values` under the same rules; unset optionals clear.
    // With an expected version, a task changed meanwhile is refused with conflict.version.
    // A new reminderAt re-arms the reminder.
    Result<Task> update(const Actor &actor, qint64 id, const Task &values, const QSet<QString> &fields,
                        std::optional<int> expectedVersion = std::nullopt);
    // Status shortcuts: done (with completedAt) and back to open.
    Result<Task> complete(const Actor &actor, qint64 id, std::optional<int> expectedVersion = std::nullopt);
    Result<Task> reopen(const Actor &actor, qint64 id, std::optional<int> expectedVersion = std::nullopt);
    Status remove(const Actor &actor, qint64 id);

    // Tasks in scope, soonest due first (no due time last), keyset paged.
    Result<TaskPage> list(const Actor &actor, const TaskFilter &filter);
    // Open tasks due today in `tz`: [start of today, start of tomorrow).
    Result<TaskPage> today(const Actor &actor, const QTimeZone &tz, int limit = 100,
                           std::optional<TaskCursor> after = std::nullopt);
    // Open tasks due before now.
    Result<TaskPage> overdue(const Actor &actor, int limit = 100, std::optional<TaskCursor> after = std::nullopt);
    // Open tasks due from now until the end of the day `days` (0..366) days after today in `tz`.
    Result<TaskPage> upcoming(const Actor &actor, int days, const QTimeZone &tz, int limit = 100,
                              std::optional<TaskCursor> after = std::nullopt);

    // For the reminder loop of the desktop tray (its own user) and the server (everyone): open tasks
    // whose reminder time has come and that were not reminded yet, earliest first. Not actor-scoped:
    // the caller decides whom it notifies.
    Result<QVector<Task>> dueReminders(qint64 nowMs, std::optional<qint64> assigneeId = std::nullopt, int limit = 500);
    // Marks reminders as sent and returns the ids this call marked: with several processes polling,
    // only the one that marked a task sends its reminder. Bookkeeping: no audit entry, no version bump.
    Result<QVector<qint64>> markReminded(const QVector<qint64> &ids);

    // For other services, inside their transaction, after they authorized the change: moves a task to
    // `status` (version, audit, notification) without the scope check. Nothing when it is already there.
    static Status setStatusFor(Database &db, const Actor &actor, qint64 taskId, const QString &status);
    // For other services: tasks by id within `scope` (an SQL condition on t.assignee_id), in one query.
    static Result<QVector<Task>> loadMany(Database &db, const QVector<qint64> &ids, const QString &scope);

private:
    Result<Task> load(qint64 id, const QString &scope);
    Result<Task> save(const Actor &actor, const Task &current, Task next, std::optional<int> expectedVersion);
    Status checkReferences(const Actor &actor, Task &t, bool assignee, bool links);
    Status syncFollowUp(const Actor &actor, qint64 taskId, const QString &taskStatus);
    Result<TaskPage> openDueBetween(const Actor &actor, std::optional<qint64> from, std::optional<qint64> to, int limit,
                                    std::optional<TaskCursor> after);

    Database &m_db;
};

} // namespace crm
