// Tasks and follow-ups: GET|POST /api/crm/tasks (views today|overdue|upcoming), GET|PUT|PATCH|DELETE
// /api/crm/tasks/{id}, POST /api/crm/follow-ups, GET /api/crm/customers/{id}/tasks|follow-ups.
#include "httpapi/routes/Routes.h"

#include "core/services/CustomerService.h"
#include "core/services/FollowUpService.h"
#include "core/services/TaskService.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"
#include "httpapi/json/TaskJson.h"

#include <QTimeZone>

namespace crm::routes {

namespace {

// Without `limit` a task list holds this many (the mini program asks for 30 at a time and follows
// `next` when the rep scrolls to the bottom).
constexpr int kDefaultTaskLimit = 50;

Result<std::optional<qint64>> idParam(const ApiRequest &r, const char *name)
{
    const QString v = queryParam(r, name);
    if (v.isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 id = v.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::validation(QStringLiteral("format"), QLatin1String(name), QLatin1String(name) + QStringLiteral(" must be an id"));
    return std::optional<qint64>(id);
}

Result<int> limitParam(const ApiRequest &r)
{
    if (queryParam(r, "limit").isEmpty())
        return kDefaultTaskLimit;
    auto p = paging(r);
    if (!p)
        return p.error();
    return p->limit;
}

Result<std::optional<TaskCursor>> afterParam(const ApiRequest &r)
{
    const QString v = queryParam(r, "after");
    if (v.isEmpty())
        return std::optional<TaskCursor>();
    auto c = json::parseTaskCursor(v, QStringLiteral("after"));
    if (!c)
        return c.error();
    return std::optional<TaskCursor>(*c);
}

// "tz": an IANA zone for the day boundaries of today/upcoming; the server's own zone without it.
Result<QTimeZone> zoneParam(const ApiRequest &r)
{
    const QString tz = queryParam(r, "tz").left(100);
    if (tz.isEmpty())
        return QTimeZone::systemTimeZone();
    const QTimeZone zone(tz.toUtf8());
    if (!zone.isValid())
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("tz"),
                                 QStringLiteral("tz must be an IANA time zone such as Asia/Shanghai"));
    return zone;
}

// "status": one word or a comma list in the API's words; "all" or nothing: every status.
Result<QStringList> statusParam(const ApiRequest &r)
{
    QStringList out;
    const QString v = queryParam(r, "status");
    if (v.isEmpty() || v == QLatin1String("all"))
        return out;
    for (const QString &word : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto s = json::taskStatus(word, QStringLiteral("status"));
        if (!s)
            return s.error();
        if (!out.contains(*s))
            out.append(*s);
    }
    return out;
}

ApiResponse taskPage(const TaskPage &p)
{
    json::JsonWriter out;
    out.beginObject().key("tasks").beginArray();
    for (const Task &t : p.tasks)
        json::write(out, t);
    out.endArray().field("hasMore", p.hasMore).key("next");
    if (p.next)
        out.value(json::cursorText(*p.next));
    else
        out.null();
    return ApiResponse::json(out.endObject().bytes());
}

ApiResponse taskAnswer(const Task &t, int status, bool success)
{
    json::JsonWriter out;
    out.beginObject();
    if (success)
        out.field("success", true);
    out.key("task");
    json::write(out, t);
    ApiResponse r = ApiResponse::json(out.endObject().bytes(), status);
    r.addHeader("ETag", etag(t.version));
    return r;
}

// GET /api/crm/tasks with a view: the core's definitions of today, overdue and upcoming (open
// tasks only). They take no further conditions, so one given with a view is refused, not dropped.
Result<TaskPage> viewPage(ApiContext &c, const QString &view, int limit, const std::optional<TaskCursor> &after)
{
    for (const char *other : {"status", "dueFrom", "dueTo", "customerId", "assigneeId", "opportunityId"})
        if (!queryParam(c.request, other).isEmpty())
            return Error::validation(QStringLiteral("invalid"), QLatin1String(other),
                                     QLatin1String(other) + QStringLiteral(" cannot be combined with view"));
    TaskService svc(c.db);
    const Actor &actor = c.request.actor;
    if (view == QLatin1String("overdue"))
        return svc.overdue(actor, limit, after);
    if (view != QLatin1String("today") && view != QLatin1String("upcoming"))
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("view"), QStringLiteral("view must be today, overdue or upcoming"));
    auto zone = zoneParam(c.request);
    if (!zone)
        return zone.error();
    if (view == QLatin1String("today"))
        return svc.today(actor, *zone, limit, after);
    int days = 7;
    if (const QString d = queryParam(c.request, "days"); !d.isEmpty()) {
        bool ok = false;
        days = d.toInt(&ok);
        if (!ok)
            return Error::validation(QStringLiteral("format"), QStringLiteral("days"), QStringLiteral("days must be a number"));
    }
    return svc.upcoming(actor, days, *zone, limit, after);
}

ApiResponse list(ApiContext &c)
{
    const ApiRequest &r = c.request;
    auto limit = limitParam(r);
    if (!limit)
        return errorOr(limit.error());
    auto after = afterParam(r);
    if (!after)
        return errorOr(after.error());
    const QString view = queryParam(r, "view");
    if (!view.isEmpty() && view != QLatin1String("all")) {
        auto p = viewPage(c, view, *limit, *after);
        return p ? taskPage(*p) : errorOr(p.error());
    }
    // Without a view: every task in the caller's scope (a manager's include the team's), filtered.
    // The mini program's userId parameter is ignored: identity comes from the token.
    TaskFilter f;
    f.limit = *limit;
    f.after = *after;
    auto statuses = statusParam(r);
    if (!statuses)
        return errorOr(statuses.error());
    f.statuses = *statuses;
    for (auto [name, target] : {std::pair{"dueFrom", &f.dueFrom}, std::pair{"dueTo", &f.dueTo}}) {
        auto t = timeQueryParam(r, name);
        if (!t)
            return errorOr(t.error());
        *target = *t;
    }
    for (auto [name, target] : {std::pair{"customerId", &f.customerId}, std::pair{"assigneeId", &f.assigneeId},
                                std::pair{"opportunityId", &f.opportunityId}}) {
        auto id = idParam(r, name);
        if (!id)
            return errorOr(id.error());
        *target = *id;
    }
    auto p = TaskService(c.db).list(r.actor, f);
    return p ? taskPage(*p) : errorOr(p.error());
}

// The open follow-up task this caller already has for the customer at this due time: the one
// POST /api/crm/follow-ups created, which the mini program then "creates" again.
Result<std::optional<Task>> existingFollowUpTask(ApiContext &c, const Task &t)
{
    TaskFilter f;
    f.statuses = {QStringLiteral("open")};
    f.customerId = t.customerId;
    f.assigneeId = t.assigneeId != 0 ? t.assigneeId : c.request.actor.userId;
    f.dueFrom = *t.dueAt;
    f.dueTo = *t.dueAt + 1;
    f.limit = 10;
    auto p = TaskService(c.db).list(c.request.actor, f);
    if (!p)
        return p.error();
    for (const Task &existing : p->tasks)
        if (existing.kind == QLatin1String("follow_up"))
            return std::optional<Task>(existing);
    return std::optional<Task>();
}

ApiResponse create(ApiContext &c)
{
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::taskInput(*body, true);
    if (!input)
        return errorOr(input.error());
    const Task &draft = input->values;
    if (draft.kind == QLatin1String("follow_up") && draft.customerId && draft.dueAt) {
        auto existing = existingFollowUpTask(c, draft);
        if (!existing)
            return errorOr(existing.error());
        if (*existing)
            return taskAnswer(**existing, 200, true);
    }
    auto created = TaskService(c.db).create(c.request.actor, draft);
    if (!created)
        return errorOr(input->renamed(created.error()));
    return taskAnswer(*created, 201, true);
}

ApiResponse get(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto task = TaskService(c.db).get(c.request.actor, *id);
    if (!task)
        return errorOr(task.error());
    return taskAnswer(*task, 200, false);
}

ApiResponse update(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto version = ifMatch(c.request);
    if (!version)
        return errorOr(version.error());
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::taskInput(*body, false);
    if (!input)
        return errorOr(input.error());
    TaskService svc(c.db);
    const Actor &actor = c.request.actor;
    const bool statusOnly = input->fields == QSet<QString>{QStringLiteral("status")};
    const QString &status = input->values.status;
    // completedAt in the body is ignored: completing sets it to the server's time.
    auto updated = statusOnly && status == QLatin1String("done")   ? svc.complete(actor, *id, *version)
                   : statusOnly && status == QLatin1String("open") ? svc.reopen(actor, *id, *version)
                                                                   : svc.update(actor, *id, input->values, input->fields, *version);
    if (!updated)
        return errorOr(input->renamed(updated.error()));
    return taskAnswer(*updated, 200, true);
}

ApiResponse remove(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    if (Status st = TaskService(c.db).remove(c.request.actor, *id); !st)
        return errorOr(st.error());
    return ApiResponse::json({{QStringLiteral("success"), true}});
}

ApiResponse customerTasks(ApiContext &c)
{
    const ApiRequest &r = c.request;
    auto id = r.id();
    if (!id)
        return errorOr(id.error());
    // Tasks are scoped by assignee; the customer itself must be in scope too, else 404 like its detail.
    if (Status st = CustomerService::requireVisible(c.db, r.actor, *id); !st)
        return errorOr(st.error());
    TaskFilter f;
    f.customerId = *id;
    auto limit = limitParam(r);
    if (!limit)
        return errorOr(limit.error());
    f.limit = *limit;
    auto after = afterParam(r);
    if (!after)
        return errorOr(after.error());
    f.after = *after;
    auto statuses = statusParam(r);
    if (!statuses)
        return errorOr(statuses.error());
    f.statuses = *statuses;
    auto p = TaskService(c.db).list(r.actor, f);
    return p ? taskPage(*p) : errorOr(p.error());
}

ApiResponse customerFollowUps(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto p = paging(c.request);
    if (!p)
        return errorOr(p.error());
    auto rows = FollowUpService(c.db).list(c.request.actor, *id, p->limit);
    if (!rows)
        return errorOr(rows.error());
    json::JsonWriter out;
    out.beginObject().key("followUps").beginArray();
    for (const FollowUp &f : *rows)
        json::write(out, f, true);
    return ApiResponse::json(out.endArray().endObject().bytes());
}

ApiResponse scheduleFollowUp(ApiContext &c)
{
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::followUpInput(*body);
    if (!input)
        return errorOr(input.error());
    auto scheduled = FollowUpService(c.db).schedule(c.request.actor, input->customerId, input->scheduledAt, input->method,
                                                    input->notes, input->reminderMinutes);
    if (!scheduled) {
        Error e = scheduled.error();
        if (e.field == QLatin1String("scheduledAt"))
            e.field = input->scheduledField;
        return errorOr(e);
    }
    json::JsonWriter out;
    out.beginObject().field("success", true).key("followUp");
    json::write(out, *scheduled, false);
    out.key("task");
    if (scheduled->task)
        json::write(out, *scheduled->task);
    else
        out.null();
    return ApiResponse::json(out.endObject().bytes(), 201);
}

} // namespace

void addTasks(Router &router)
{
    router.add("GET", QStringLiteral("/api/crm/tasks"), list,
               QStringLiteral("Tasks in the caller's scope: view=today|overdue|upcoming (days, tz) or status, dueFrom, dueTo, "
                              "customerId, assigneeId, opportunityId; limit, after -> {tasks, hasMore, next}"));
    router.add("POST", QStringLiteral("/api/crm/tasks"), create, QStringLiteral("Create a task -> {success, task}"));
    router.add("POST", QStringLiteral("/api/crm/follow-ups"), scheduleFollowUp,
               QStringLiteral("Schedule a follow-up and its task with a reminder -> {success, followUp, task}"));
    router.add("GET", QStringLiteral("/api/crm/tasks/{id}"), get, QStringLiteral("One task, with ETag"));
    router.add("PUT", QStringLiteral("/api/crm/tasks/{id}"), update,
               QStringLiteral("Update a task; status completed|done completes it, open reopens it (If-Match: ETag)"));
    router.add("PATCH", QStringLiteral("/api/crm/tasks/{id}"), update,
               QStringLiteral("Update a task; status completed|done completes it, open reopens it (If-Match: ETag)"));
    router.add("DELETE", QStringLiteral("/api/crm/tasks/{id}"), remove, QStringLiteral("Delete a task"));
    router.add("GET", QStringLiteral("/api/crm/customers/{id}/tasks"), customerTasks,
               QStringLiteral("The customer's tasks in the caller's scope: status, limit, after -> {tasks, hasMore, next}"));
    router.add("GET", QStringLiteral("/api/crm/customers/{id}/follow-ups"), customerFollowUps,
               QStringLiteral("The customer's follow-ups, latest first, each with its task -> {followUps}"));
}

} // namespace crm::routes
