#pragma once

#include "core/Result.h"
#include "core/domain/Task.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace crm::json {

class JsonWriter;

// A task as the API shows it. Status words out: open, completed, cancelled (core's "done" is
// "completed", the word the mini program compares with). `type` repeats `kind`, `dueDate` repeats
// `dueAt`, `reminderTime` repeats `reminderAt`: the mini program's names for them.
void write(JsonWriter &out, const Task &t);
// A follow-up; `scheduledDate` repeats `scheduledAt`. With `withTask`, its task (or null) nested.
void write(JsonWriter &out, const FollowUp &f, bool withTask);

// API status words -> TaskService's: open|pending -> open, done|completed -> done,
// cancelled|canceled -> cancelled; validation.invalid otherwise.
Result<QString> taskStatus(const QString &word, const QString &field);
QString taskStatusOut(const QString &status);

// The fields a task body sets, converted for TaskService::create/update (TaskService names in
// `fields`). Read-only fields a client echoes or adds (id, userId, createdAt, updatedAt, completedAt,
// version, assigneeName, customerName, createdBy, and on update type/kind) are ignored; anything else
// unknown is validation.unknown_field. dueAt wins over dueDate, reminderAt over reminderTime, kind over type.
struct TaskInput
{
    Task values;
    QSet<QString> fields;
    QHash<QString, QString> names; // TaskService field -> the body's name for it, where they differ
    // The error with its field named as the body named it.
    Error renamed(Error e) const
    {
        e.field = names.value(e.field, e.field);
        return e;
    }
};
Result<TaskInput> taskInput(const QJsonObject &body, bool creating);

// POST /api/crm/follow-ups. method defaults to call; customerName, userId, createdAt are ignored.
struct FollowUpInput
{
    qint64 customerId = 0;
    qint64 scheduledAt = 0;
    QString method = QStringLiteral("call");
    QString notes;
    std::optional<int> reminderMinutes;
    QString scheduledField = QStringLiteral("scheduledDate"); // the name the body used, for errors
};
Result<FollowUpInput> followUpInput(const QJsonObject &body);

// "<dueAt>.<id>", or "-.<id>" for a task without a due time: the opaque `next`/`after` cursor.
QString cursorText(const TaskCursor &c);
Result<TaskCursor> parseTaskCursor(const QString &text, const QString &field);

} // namespace crm::json
