// Interactions: POST /api/crm/activities, /communications (calls), /messages, a customer's
// timelines GET /api/crm/customers/{id}/activities|communications|messages, and an opportunity's
// GET /api/crm/opportunities/{id}/activities.
#include "httpapi/routes/Routes.h"

#include "core/services/ActivityService.h"
#include "core/storage/Database.h"
#include "httpapi/json/ActivityJson.h"
#include "httpapi/json/JsonWriter.h"

namespace crm::routes {

namespace {

// The communication hub posts a message to /messages and then reports it again to
// /communications ({type: 'message', content, status: 'sent'}). A report that matches a message the
// same user logged for the same customer within this window is that message, not a second one.
constexpr qint64 kMessageEchoWindowMs = 5 * 60 * 1000;
// A kind-filtered timeline reads the customer's timeline in pages of this size, at most this many
// pages per request, and then hands out a cursor to continue from (see filteredTimeline).
constexpr int kScanPage = 200;
constexpr int kMaxScanPages = 10;

ApiResponse answer(const char *envelope, const Activity &a, int status)
{
    json::JsonWriter out;
    out.beginObject().field("success", true).key(envelope);
    json::write(out, a);
    return ApiResponse::json(out.endObject().bytes(), status);
}

QString normalizedDirection(const QString &d)
{
    const QString v = d.trimmed().toLower();
    return v == QLatin1String("out") ? QStringLiteral("outbound") : v == QLatin1String("in") ? QStringLiteral("inbound") : v;
}

// The caller's own message to this customer with this text, logged within the echo window: one
// indexed page of the caller's latest messages (activities_user, the kind tested in the index).
Result<std::optional<Activity>> echoedMessage(ApiContext &c, const Activity &report)
{
    ActivityFilter f;
    f.kind = QStringLiteral("message");
    f.limit = 20;
    auto recent = ActivityService(c.db).listForUser(c.request.actor, f);
    if (!recent)
        return recent.error();
    const qint64 since = c.db.clock().nowMs() - kMessageEchoWindowMs;
    for (const Activity &a : recent->activities)
        if (a.createdAt >= since && a.customerId == report.customerId && a.content == report.content.trimmed()
            && a.direction == normalizedDirection(report.direction))
            return std::optional<Activity>(a);
    return std::optional<Activity>();
}

ApiResponse logActivity(ApiContext &c, json::ActivityShape shape, const char *envelope)
{
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::activityInput(*body, shape);
    if (!input)
        return errorOr(input.error());
    if (shape == json::ActivityShape::Communication && input->values.kind == QLatin1String("message")) {
        auto echo = echoedMessage(c, input->values);
        if (!echo)
            return errorOr(echo.error());
        if (*echo)
            return answer(envelope, **echo, 200);
    }
    auto logged = ActivityService(c.db).log(c.request.actor, input->values);
    if (!logged)
        return errorOr(input->renamed(logged.error())); // under the names the client used
    return answer(envelope, *logged, 201);
}

struct TimelineQuery
{
    qint64 id = 0; // the customer's or the opportunity's
    int limit = 20;
    std::optional<ActivityCursor> before;
};

Result<TimelineQuery> timelineQuery(const ApiRequest &r)
{
    TimelineQuery q;
    auto id = r.id();
    if (!id)
        return id.error();
    q.id = *id;
    auto p = paging(r);
    if (!p)
        return p.error();
    q.limit = p->limit;
    const QString before = r.queryValue(QStringLiteral("before"));
    if (!before.isEmpty()) {
        auto cursor = json::parseActivityCursor(before, QStringLiteral("before"));
        if (!cursor)
            return cursor.error();
        q.before = *cursor;
    }
    return q;
}

ApiResponse page(const char *envelope, const QVector<Activity> &rows, bool hasMore, const std::optional<ActivityCursor> &next)
{
    json::JsonWriter out;
    out.beginObject().key(envelope).beginArray();
    for (const Activity &a : rows)
        json::write(out, a);
    out.endArray().field("hasMore", hasMore).key("next");
    if (next)
        out.value(json::cursorText(*next));
    else
        out.null();
    return ApiResponse::json(out.endObject().bytes());
}

ApiResponse timeline(ApiContext &c)
{
    auto q = timelineQuery(c.request);
    if (!q)
        return errorOr(q.error());
    auto p = ActivityService(c.db).timeline(c.request.actor, q->id, q->limit, q->before);
    if (!p)
        return errorOr(p.error());
    return page("activities", p->activities, p->hasMore, p->next);
}

ApiResponse opportunityActivities(ApiContext &c)
{
    auto q = timelineQuery(c.request);
    if (!q)
        return errorOr(q.error());
    auto p = ActivityService(c.db).forOpportunity(c.request.actor, q->id, q->limit, q->before);
    if (!p)
        return errorOr(p.error());
    return page("activities", p->activities, p->hasMore, p->next);
}

// One kind of a customer's activities. ActivityService::timeline has no kind filter (and there is no
// (customer_id, kind, ...) index), so this walks the timeline's keyset pages and keeps that kind,
// until the page is full or kMaxScanPages were read. Stopping at the bound answers hasMore with a
// cursor after the last row read, so a client that keeps following `next` still sees every row.
ApiResponse filteredTimeline(ApiContext &c, const QString &kind, const char *envelope)
{
    auto q = timelineQuery(c.request);
    if (!q)
        return errorOr(q.error());
    ActivityService svc(c.db);
    QVector<Activity> rows;
    std::optional<ActivityCursor> cursor = q->before;
    for (int pages = 0;; ++pages) {
        if (pages == kMaxScanPages)
            return page(envelope, rows, true, cursor);
        auto p = svc.timeline(c.request.actor, q->id, kScanPage, cursor);
        if (!p)
            return errorOr(p.error());
        for (const Activity &a : p->activities) {
            if (a.kind != kind) {
                cursor = ActivityCursor{a.occurredAt, a.id};
                continue;
            }
            if (rows.size() == q->limit) // one more of the kind exists: the page ends at the last row kept
                return page(envelope, rows, true, ActivityCursor{rows.constLast().occurredAt, rows.constLast().id});
            rows.append(a);
            cursor = ActivityCursor{a.occurredAt, a.id};
        }
        if (!p->hasMore)
            return page(envelope, rows, false, std::nullopt);
    }
}

} // namespace

void addActivities(Router &router)
{
    router.add("POST", QStringLiteral("/api/crm/activities"),
               [](ApiContext &c) { return logActivity(c, json::ActivityShape::Activity, "activity"); },
               QStringLiteral("Log an interaction (type call|message|email|meeting|visit|note) by the caller -> {success, activity}"));
    router.add("POST", QStringLiteral("/api/crm/communications"),
               [](ApiContext &c) { return logActivity(c, json::ActivityShape::Communication, "communication"); },
               QStringLiteral("Log a call (direction, phoneNumber, status initiated|connected|failed, error) -> {success, communication}"));
    router.add("POST", QStringLiteral("/api/crm/messages"),
               [](ApiContext &c) { return logActivity(c, json::ActivityShape::Message, "message"); },
               QStringLiteral("Log a message to a customer (message, type text, direction) -> {success, message}"));
    router.add("GET", QStringLiteral("/api/crm/customers/{id}/activities"), timeline,
               QStringLiteral("The customer's activities, newest first: limit, before (cursor) -> {activities, hasMore, next}"));
    router.add("GET", QStringLiteral("/api/crm/opportunities/{id}/activities"), opportunityActivities,
               QStringLiteral("The opportunity's activities that the caller may see, newest first: limit, before (cursor)"
                              " -> {activities, hasMore, next}"));
    router.add("GET", QStringLiteral("/api/crm/customers/{id}/communications"),
               [](ApiContext &c) { return filteredTimeline(c, QStringLiteral("call"), "communications"); },
               QStringLiteral("The customer's calls, newest first: limit, before -> {communications, hasMore, next}"));
    router.add("GET", QStringLiteral("/api/crm/customers/{id}/messages"),
               [](ApiContext &c) { return filteredTimeline(c, QStringLiteral("message"), "messages"); },
               QStringLiteral("The customer's messages, newest first: limit, before -> {messages, hasMore, next}"));
}

} // namespace crm::routes
