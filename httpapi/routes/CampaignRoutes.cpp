// Campaigns (/api/crm/campaigns: list, create, read, update, delete; participants: list, add,
// record an answer) and customer feedback (/api/crm/customers/{id}/feedback). CampaignService and
// FeedbackService hold the rules (permissions, the customer scope of participants and feedback,
// validation); these handlers only map HTTP to them.
#include "httpapi/routes/Routes.h"

#include "core/analytics/AnalyticsService.h"
#include "core/security/Permission.h"
#include "core/services/CampaignService.h"
#include "core/services/FeedbackService.h"
#include "core/storage/Database.h"
#include "httpapi/json/CampaignJson.h"
#include "httpapi/json/JsonWriter.h"

#include <QDateTime>
#include <QTimeZone>

namespace crm::routes {

namespace {

// A keyset list's query: ?limit (routes::paging), ?status (empty or "all" for any, else one of
// `statuses`) and ?after (the previous page's `next`: a key, 0 without one).
struct KeysetQuery
{
    int limit = 20;
    QString status;
    qint64 after = 0;
};

Result<KeysetQuery> keysetQuery(const ApiRequest &r, const QStringList &statuses)
{
    KeysetQuery q;
    auto p = paging(r);
    if (!p)
        return p.error();
    q.limit = p->limit;
    q.status = queryParam(r, "status");
    if (q.status == QLatin1String("all"))
        q.status.clear();
    if (!q.status.isEmpty() && !statuses.contains(q.status))
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("status"),
                                 QStringLiteral("status must be all, ") + statuses.join(QStringLiteral(", ")));
    if (const QString after = queryParam(r, "after"); !after.isEmpty()) {
        bool ok = false;
        q.after = after.toLongLong(&ok);
        if (!ok || q.after <= 0)
            return Error::validation(QStringLiteral("format"), QStringLiteral("after"),
                                     QStringLiteral("after must be the next value of the previous page"));
    }
    return q;
}

// A keyset page's answer: {<items>, limit, hasMore, next}; next is the last row's key as text while
// there is more, else null.
template <typename Row, typename KeyOf>
ApiResponse keysetPage(const char *items, const QVector<Row> &rows, int limit, bool hasMore, KeyOf keyOf)
{
    json::JsonWriter out;
    out.beginObject().key(items).beginArray();
    for (const Row &row : rows)
        json::write(out, row);
    out.endArray().field("limit", limit).field("hasMore", hasMore);
    out.key("next");
    if (hasMore && !rows.isEmpty())
        out.value(QString::number(keyOf(rows.last())));
    else
        out.null();
    return ApiResponse::json(out.endObject().bytes());
}

ApiResponse campaignAnswer(const Campaign &campaign, int status = 200)
{
    json::JsonWriter out;
    out.beginObject().field("success", true).key("campaign");
    json::write(out, campaign);
    ApiResponse r = ApiResponse::json(out.endObject().bytes(), status);
    r.addHeader("ETag", etag(campaign.version));
    return r;
}

ApiResponse list(ApiContext &c)
{
    auto q = keysetQuery(c.request, CampaignService::statuses());
    if (!q)
        return errorOr(q.error());
    CampaignFilter f;
    f.status = q->status;
    f.limit = q->limit;
    f.afterId = q->after;
    // ?mine=true: only campaigns with a customer the caller's scope sees (a rep's own customers).
    const QString mine = queryParam(c.request, "mine");
    if (!mine.isEmpty() && mine != QLatin1String("true") && mine != QLatin1String("false"))
        return errorOr(Error::validation(QStringLiteral("invalid"), QStringLiteral("mine"), QStringLiteral("mine must be true or false")));
    f.withParticipantsInScope = mine == QLatin1String("true");
    auto page = CampaignService(c.db).list(c.request.actor, f);
    if (!page)
        return errorOr(page.error());
    return keysetPage("campaigns", page->campaigns, q->limit, page->hasMore, [](const Campaign &k) { return k.id; });
}

ApiResponse create(ApiContext &c)
{
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::campaignInput(*body);
    if (!input)
        return errorOr(input.error());
    auto created = CampaignService(c.db).create(c.request.actor, input->values);
    if (!created)
        return errorOr(json::campaignError(created.error()));
    return campaignAnswer(*created, 201);
}

ApiResponse get(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    const Actor &actor = c.request.actor;
    CampaignService campaigns(c.db);
    auto campaign = campaigns.get(actor, *id);
    if (!campaign)
        return errorOr(campaign.error());
    auto stats = campaigns.stats(actor, *id);
    if (!stats)
        return errorOr(stats.error());
    // A role may read campaigns without reading feedback: the campaign still answers, without scores.
    auto feedback = FeedbackService(c.db).averageForCampaign(actor, *id);
    if (!feedback && feedback.error().code != QLatin1String("forbidden"))
        return errorOr(feedback.error());
    // What came of it in sales, for those who read reports: the deals participants won after joining,
    // since it began. Campaign dates are the company's calendar days: the server's zone.
    std::optional<CampaignEffect> effect;
    QString currency;
    if (actor.can(Permission::ReportRead)) {
        AnalyticsService analytics(c.db);
        const int offset = QTimeZone::systemTimeZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(c.db.clock().nowMs(), Qt::UTC)) / 60;
        auto soFar = analytics.campaignEffectSoFar(actor, *id, offset);
        if (!soFar)
            return errorOr(soFar.error());
        effect = *soFar;
        auto cur = analytics.currency();
        if (!cur)
            return errorOr(cur.error());
        currency = *cur;
    }
    json::JsonWriter out;
    out.beginObject().key("campaign");
    json::write(out, *campaign);
    out.key("stats");
    json::write(out, *stats);
    out.key("feedback");
    if (feedback)
        json::write(out, *feedback);
    else
        out.null();
    out.key("effect");
    if (effect) {
        out.beginObject().field("wonDeals", effect->wonDeals);
        out.key("wonAmount").money(effect->wonAmountMinor);
        out.field("currency", currency).endObject();
    } else {
        out.null();
    }
    ApiResponse r = ApiResponse::json(out.endObject().bytes());
    r.addHeader("ETag", etag(campaign->version));
    return r;
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
    auto input = json::campaignInput(*body);
    if (!input)
        return errorOr(input.error());
    auto updated = CampaignService(c.db).update(c.request.actor, *id, input->values, input->fields, *version);
    if (!updated)
        return errorOr(json::campaignError(updated.error()));
    return campaignAnswer(*updated);
}

ApiResponse remove(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    if (Status st = CampaignService(c.db).remove(c.request.actor, *id); !st)
        return errorOr(st.error());
    return ApiResponse::json({{QStringLiteral("success"), true}});
}

ApiResponse participants(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto q = keysetQuery(c.request, CampaignService::participantStatuses());
    if (!q)
        return errorOr(q.error());
    ParticipantFilter f;
    f.status = q->status;
    f.limit = q->limit;
    f.afterCustomerId = q->after;
    auto page = CampaignService(c.db).participants(c.request.actor, *id, f);
    if (!page)
        return errorOr(page.error());
    return keysetPage("participants", page->participants, q->limit, page->hasMore,
                      [](const CampaignParticipant &p) { return p.customerId; });
}

ApiResponse addParticipants(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::participantsToAdd(*body);
    if (!input)
        return errorOr(input.error());
    CampaignService campaigns(c.db);
    auto added = input->fromTarget ? campaigns.addParticipantsFromFilter(c.request.actor, *id)
                                   : campaigns.addParticipants(c.request.actor, *id, input->customerIds);
    if (!added)
        return errorOr(added.error());
    json::JsonWriter out;
    out.beginObject().field("success", true).field("added", *added).endObject();
    return ApiResponse::json(out.bytes());
}

ApiResponse recordResponse(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto customerId = c.request.id(QStringLiteral("customerId"));
    if (!customerId)
        return errorOr(customerId.error());
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto answer = json::participantAnswer(*body);
    if (!answer)
        return errorOr(answer.error());
    auto participant = CampaignService(c.db).recordResponse(c.request.actor, *id, *customerId, answer->status, answer->response);
    if (!participant)
        return errorOr(participant.error());
    json::JsonWriter out;
    out.beginObject().field("success", true).key("participant");
    json::write(out, *participant);
    return ApiResponse::json(out.endObject().bytes());
}

ApiResponse customerFeedback(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto p = paging(c.request);
    if (!p)
        return errorOr(p.error());
    FeedbackService feedback(c.db);
    auto rows = feedback.list(c.request.actor, *id, p->limit);
    if (!rows)
        return errorOr(rows.error());
    auto summary = feedback.averageForCustomer(c.request.actor, *id);
    if (!summary)
        return errorOr(summary.error());
    json::JsonWriter out;
    out.beginObject().key("feedback").beginArray();
    for (const Feedback &f : *rows)
        json::write(out, f);
    out.endArray().key("summary");
    json::write(out, *summary);
    return ApiResponse::json(out.endObject().bytes());
}

ApiResponse addFeedback(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::feedbackInput(*body);
    if (!input)
        return errorOr(input.error());
    // The customer is the path's: FeedbackService answers not_found for one out of scope (404).
    auto added = FeedbackService(c.db).add(c.request.actor, *id, input->score, input->comment, input->campaignId);
    if (!added)
        return errorOr(added.error());
    json::JsonWriter out;
    out.beginObject().field("success", true).key("feedback");
    json::write(out, *added);
    return ApiResponse::json(out.endObject().bytes(), 201);
}

} // namespace

void addCampaigns(Router &router)
{
    router.add("GET", QStringLiteral("/api/crm/campaigns"), list,
               QStringLiteral("Campaigns, newest first: status, limit, after -> {campaigns, limit, hasMore, next}"));
    router.add("POST", QStringLiteral("/api/crm/campaigns"), create,
               QStringLiteral("Create a campaign: {name, goal, description, startDate, endDate, status, budget, currency, target}"
                              " -> {success, campaign} with ETag"));
    router.add("GET", QStringLiteral("/api/crm/campaigns/{id}"), get,
               QStringLiteral("One campaign with its participant counts, feedback scores and the deals its participants won since"
                              " it began -> {campaign, stats, feedback, effect}, with ETag"));
    router.add("PUT", QStringLiteral("/api/crm/campaigns/{id}"), update,
               QStringLiteral("Update the given fields of a campaign (If-Match: ETag) -> {success, campaign}"));
    router.add("PATCH", QStringLiteral("/api/crm/campaigns/{id}"), update,
               QStringLiteral("Update the given fields of a campaign (If-Match: ETag) -> {success, campaign}"));
    router.add("DELETE", QStringLiteral("/api/crm/campaigns/{id}"), remove,
               QStringLiteral("Delete a campaign and its participants; its feedback stays, unlinked -> {success}"));
    router.add("GET", QStringLiteral("/api/crm/campaigns/{id}/participants"), participants,
               QStringLiteral("The campaign's participants in the caller's scope, by customer id: status, limit, after"
                              " -> {participants, limit, hasMore, next}"));
    router.add("POST", QStringLiteral("/api/crm/campaigns/{id}/participants"), addParticipants,
               QStringLiteral("Add participants: {customerIds} or {fromTarget: true} (the saved target, in the caller's scope)"
                              " -> {success, added}"));
    router.add("PUT", QStringLiteral("/api/crm/campaigns/{id}/participants/{customerId}"), recordResponse,
               QStringLiteral("Record a participant's answer: {status, response} -> {success, participant}"));
    router.add("GET", QStringLiteral("/api/crm/customers/{id}/feedback"), customerFeedback,
               QStringLiteral("The customer's feedback, newest first: limit -> {feedback, summary}"));
    router.add("POST", QStringLiteral("/api/crm/customers/{id}/feedback"), addFeedback,
               QStringLiteral("Record the customer's feedback: {score 1-5, comment, campaignId} -> {success, feedback}"));
}

} // namespace crm::routes
