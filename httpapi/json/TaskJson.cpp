#include "httpapi/json/TaskJson.h"

#include "httpapi/json/ActivityJson.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"

namespace crm::json {

namespace {

const QSet<QString> &ignoredTaskFields()
{
    static const QSet<QString> f = {QStringLiteral("id"),           QStringLiteral("userId"),       QStringLiteral("createdAt"),
                                    QStringLiteral("updatedAt"),    QStringLiteral("completedAt"),  QStringLiteral("version"),
                                    QStringLiteral("assigneeName"), QStringLiteral("customerName"), QStringLiteral("createdBy"),
                                    QStringLiteral("remindedAt")};
    return f;
}

Result<QString> taskKind(const QString &word, const QString &field)
{
    const QString w = word.trimmed().toLower();
    if (w == QLatin1String("todo") || w == QLatin1String("task"))
        return QStringLiteral("todo");
    // The mini program's own word for the task it adds after scheduling a follow-up.
    if (w == QLatin1String("follow_up") || w == QLatin1String("follow-up") || w == QLatin1String("followup"))
        return QStringLiteral("follow_up");
    return Error::validation(QStringLiteral("invalid"), field, field + QStringLiteral(" must be todo or follow-up"));
}

Result<QString> taskPriority(const QString &word, const QString &field)
{
    const QString w = word.trimmed().toLower();
    if (w == QLatin1String("medium"))
        return QStringLiteral("normal");
    if (w == QLatin1String("low") || w == QLatin1String("normal") || w == QLatin1String("high"))
        return w;
    return Error::validation(QStringLiteral("invalid"), field, field + QStringLiteral(" must be low, normal or high"));
}

// A time or null (which clears it).
Result<std::optional<qint64>> optionalTime(const QJsonValue &v, const QString &field)
{
    if (v.isNull() || (v.isString() && v.toString().isEmpty()))
        return std::optional<qint64>();
    auto t = parseTime(v, field);
    if (!t)
        return t.error();
    return std::optional<qint64>(*t);
}

} // namespace

QString taskStatusOut(const QString &status)
{
    return status == QLatin1String("done") ? QStringLiteral("completed") : status;
}

Result<QString> taskStatus(const QString &word, const QString &field)
{
    const QString w = word.trimmed().toLower();
    if (w == QLatin1String("open") || w == QLatin1String("pending"))
        return QStringLiteral("open");
    if (w == QLatin1String("done") || w == QLatin1String("completed"))
        return QStringLiteral("done");
    if (w == QLatin1String("cancelled") || w == QLatin1String("canceled"))
        return QStringLiteral("cancelled");
    return Error::validation(QStringLiteral("invalid"), field, field + QStringLiteral(" must be open, completed or cancelled"));
}

void write(JsonWriter &out, const Task &t)
{
    out.beginObject();
    out.field("id", t.id).field("title", t.title).field("description", t.description);
    out.field("type", t.kind).field("kind", t.kind).field("status", taskStatusOut(t.status)).field("priority", t.priority);
    writeTime(out, "dueDate", t.dueAt);
    writeTime(out, "dueAt", t.dueAt);
    writeTime(out, "reminderTime", t.reminderAt);
    writeTime(out, "reminderAt", t.reminderAt);
    writeTime(out, "completedAt", t.completedAt);
    out.field("assigneeId", t.assigneeId).field("assigneeName", t.assigneeName);
    writeId(out, "customerId", t.customerId);
    out.field("customerName", t.customerName);
    writeId(out, "opportunityId", t.opportunityId);
    writeTime(out, "createdAt", t.createdAt);
    writeTime(out, "updatedAt", t.updatedAt);
    out.field("version", t.version);
    out.endObject();
}

void write(JsonWriter &out, const FollowUp &f, bool withTask)
{
    out.beginObject();
    out.field("id", f.id).field("customerId", f.customerId).field("customerName", f.customerName);
    out.field("userId", f.userId).field("userName", f.userName);
    writeTime(out, "scheduledAt", f.scheduledAt);
    writeTime(out, "scheduledDate", f.scheduledAt);
    out.field("method", f.method).field("notes", f.notes).field("status", f.status);
    writeId(out, "taskId", f.taskId);
    writeId(out, "activityId", f.activityId);
    writeTime(out, "completedAt", f.completedAt);
    writeTime(out, "createdAt", f.createdAt);
    if (withTask) {
        out.key("task");
        if (f.task)
            write(out, *f.task);
        else
            out.null();
    }
    out.endObject();
}

Result<TaskInput> taskInput(const QJsonObject &body, bool creating)
{
    TaskInput in;
    Task &t = in.values;
    bool dueAtGiven = false, reminderAtGiven = false, kindGiven = false;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (ignoredTaskFields().contains(key))
            continue;
        if (key == QLatin1String("title") || key == QLatin1String("description")) {
            auto s = string(body, key, 10'000);
            if (!s)
                return s.error();
            (key == QLatin1String("title") ? t.title : t.description) = *s;
            in.fields.insert(key);
        } else if (key == QLatin1String("type") || key == QLatin1String("kind")) {
            if (!creating)
                continue; // a task keeps its kind; an echoed one is ignored
            if (key == QLatin1String("type") && kindGiven)
                continue;
            auto s = string(body, key, 50);
            if (!s)
                return s.error();
            auto kind = taskKind(*s, key);
            if (!kind)
                return kind.error();
            t.kind = *kind;
            kindGiven = key == QLatin1String("kind");
            if (!kindGiven)
                in.names.insert(QStringLiteral("kind"), key);
            in.fields.insert(QStringLiteral("kind"));
        } else if (key == QLatin1String("status") || key == QLatin1String("priority")) {
            auto s = string(body, key, 50);
            if (!s)
                return s.error();
            auto word = key == QLatin1String("status") ? taskStatus(*s, key) : taskPriority(*s, key);
            if (!word)
                return word.error();
            (key == QLatin1String("status") ? t.status : t.priority) = *word;
            in.fields.insert(key);
        } else if (key == QLatin1String("dueAt") || key == QLatin1String("dueDate") || key == QLatin1String("reminderAt")
                   || key == QLatin1String("reminderTime")) {
            const bool due = key.startsWith(QLatin1String("due"));
            const bool canonical = key.endsWith(QLatin1String("At"));
            bool &given = due ? dueAtGiven : reminderAtGiven;
            if (!canonical && given)
                continue;
            auto time = optionalTime(v, key);
            if (!time)
                return time.error();
            const QString field = due ? QStringLiteral("dueAt") : QStringLiteral("reminderAt");
            (due ? t.dueAt : t.reminderAt) = *time;
            given = given || canonical;
            if (canonical)
                in.names.remove(field);
            else
                in.names.insert(field, key);
            in.fields.insert(field);
        } else if (key == QLatin1String("assigneeId") || key == QLatin1String("customerId") || key == QLatin1String("opportunityId")) {
            auto id = idValue(v, key);
            if (!id)
                return id.error();
            if (key == QLatin1String("assigneeId"))
                t.assigneeId = id->value_or(0); // null or 0: the caller
            else
                (key == QLatin1String("customerId") ? t.customerId : t.opportunityId) = *id;
            in.fields.insert(key);
        } else {
            return Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100));
        }
    }
    if (creating && !in.fields.contains(QStringLiteral("title")))
        return Error::validation(QStringLiteral("required"), QStringLiteral("title"), QStringLiteral("The title is required"));
    return in;
}

Result<FollowUpInput> followUpInput(const QJsonObject &body)
{
    static const QSet<QString> ignored = {QStringLiteral("id"), QStringLiteral("userId"), QStringLiteral("createdAt"),
                                          QStringLiteral("customerName"), QStringLiteral("userName")};
    FollowUpInput in;
    bool scheduledAtGiven = false;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (ignored.contains(key))
            continue;
        if (key == QLatin1String("customerId")) {
            auto id = idValue(v, key);
            if (!id)
                return id.error();
            in.customerId = id->value_or(0);
        } else if (key == QLatin1String("scheduledAt") || key == QLatin1String("scheduledDate")) {
            if (key == QLatin1String("scheduledDate") && scheduledAtGiven)
                continue;
            auto t = parseTime(v, key);
            if (!t)
                return t.error();
            in.scheduledAt = *t;
            in.scheduledField = key;
            scheduledAtGiven = key == QLatin1String("scheduledAt");
        } else if (key == QLatin1String("method") || key == QLatin1String("notes")) {
            auto s = string(body, key, 10'000);
            if (!s)
                return s.error();
            if (key == QLatin1String("method")) {
                if (!s->trimmed().isEmpty())
                    in.method = s->trimmed().toLower();
            } else {
                in.notes = *s;
            }
        } else if (key == QLatin1String("reminderMinutes")) {
            if (v.isNull()) {
                in.reminderMinutes.reset();
                continue;
            }
            auto n = integer(body, key);
            if (!n)
                return n.error();
            in.reminderMinutes = *n;
        } else {
            return Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100));
        }
    }
    if (in.customerId <= 0)
        return Error::validation(QStringLiteral("required"), QStringLiteral("customerId"), QStringLiteral("The customer is required"));
    if (in.scheduledAt <= 0)
        return Error::validation(QStringLiteral("required"), in.scheduledField, QStringLiteral("The time is required"));
    return in;
}

QString cursorText(const TaskCursor &c)
{
    return (c.dueAt ? QString::number(*c.dueAt) : QStringLiteral("-")) + QLatin1Char('.') + QString::number(c.id);
}

Result<TaskCursor> parseTaskCursor(const QString &text, const QString &field)
{
    const int dot = text.indexOf(QLatin1Char('.'));
    TaskCursor c;
    bool ok = dot > 0;
    if (ok) {
        const QString due = text.left(dot);
        if (due != QLatin1String("-")) {
            c.dueAt = due.toLongLong(&ok);
            ok = ok && *c.dueAt >= 0;
        }
    }
    bool okId = false;
    if (ok)
        c.id = text.mid(dot + 1).toLongLong(&okId);
    if (!ok || !okId || c.id < 0)
        return Error::validation(QStringLiteral("format"), field, field + QStringLiteral(" must be a cursor from a previous page's next"));
    return c;
}

} // namespace crm::json
