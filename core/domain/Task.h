#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace crm {

// A to-do for one user (the assignee), optionally about a customer or opportunity.
// Field names used by updates, errors and the audit log are the camelCase member names.
struct Task
{
    qint64 id = 0;
    QString title;
    QString description;
    QString kind = QStringLiteral("todo"); // todo | follow_up (created by FollowUpService)
    QString status = QStringLiteral("open"); // open | done | cancelled
    QString priority = QStringLiteral("normal"); // low | normal | high
    std::optional<qint64> dueAt; // UTC ms
    std::optional<qint64> reminderAt; // UTC ms, not after dueAt
    std::optional<qint64> remindedAt; // set once the reminder went out (TaskService::markReminded)
    std::optional<qint64> completedAt;
    qint64 assigneeId = 0; // 0 in a draft: the acting user
    QString assigneeName; // display name, read only
    qint64 createdBy = 0;
    std::optional<qint64> customerId;
    QString customerName; // read only
    std::optional<qint64> opportunityId;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int version = 0;
};

// Where a task page ends, in (dueAt, id) ascending order; tasks without a due time come last.
struct TaskCursor
{
    std::optional<qint64> dueAt;
    qint64 id = 0;
};

// A list of tasks in the actor's scope, soonest due first. Every condition is optional.
struct TaskFilter
{
    QStringList statuses; // empty: every status
    std::optional<qint64> assigneeId;
    std::optional<qint64> customerId;
    std::optional<qint64> opportunityId;
    std::optional<qint64> dueFrom, dueTo; // UTC ms, half-open [from, to); either excludes tasks without a due time
    int limit = 50; // 1..500
    std::optional<TaskCursor> after;
};

struct TaskPage
{
    QVector<Task> tasks;
    bool hasMore = false;
    std::optional<TaskCursor> next; // set exactly when hasMore is
};

// A planned contact with a customer. Scheduling one creates its task (kind follow_up) with a reminder.
struct FollowUp
{
    qint64 id = 0;
    qint64 customerId = 0;
    QString customerName; // read only
    qint64 userId = 0; // who scheduled it (and is assigned its task)
    QString userName; // read only
    qint64 scheduledAt = 0; // UTC ms
    QString method; // call | visit | message | meeting | email
    QString notes;
    QString status = QStringLiteral("scheduled"); // scheduled | done | cancelled
    std::optional<qint64> taskId;
    std::optional<qint64> activityId; // the interaction that completed it, if one was logged
    std::optional<qint64> completedAt;
    qint64 createdAt = 0;
    std::optional<Task> task; // its task when the actor may see it
};

} // namespace crm
