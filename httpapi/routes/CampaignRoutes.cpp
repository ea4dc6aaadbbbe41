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

// ?status=: empty or "all" for any, else one of `allowed`.
Result<QString> statusParam(const ApiRequest &r, const QStringList &allowed)
{
    const QString status = queryParam(r, "status");
    if (status.isEmpty() || status == QLatin1String("all"))
        return QString();
    if (!allowed.contains(status))
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("status"),
                                 QStringLiteral("status must be all, ") + allowed.join(QStringLiteral(", ")));
    return status;
}

// ?after=: the previous page's `next` (an id), 0 without one.
Result<qint64> afterParam(const ApiRequest &r)
{
    const QString after = queryParam(r, "after");
    if (after.isEmpty())
        return qint64(0);
    bool ok = false;
    const qint64 id = after.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::validation(QStringLiteral("format"), QStringLiteral("after"),
                                 QStringLiteral("after must be the next value of the previous page"));
    return id;
}

// "limit", "hasMore" and "next" (the last row's key as text while there is more, else null) of a
// keyset page, after its items.
void pageEnd(json::JsonWriter &out, int limit, bool hasMore, std::optional<qint64> lastKey)
{
    out.field("limit", limit).field("hasMore", hasMore);
    out.key("next");
    if (hasMore && lastKey)
        out.value(QString::number(*lastKey));
    else
        out.null();
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
    auto p = paging(c.request);
    if (!p)
        return errorOr(p.error());
    auto status = statusParam(c.request, CampaignService::statuses());
    if (!status)
        return errorOr(status.error());
    auto after = afterParam(c.request);
    if (!after)
        return errorOr(after.error());
    CampaignFilter f;
    f.status = *status;
    f.limit = p->limit;
    f.afterId = *after;
    auto page = CampaignService(c.db).list(c.request.actor, f);
    if (!page)
        return errorOr(page.error());
    json::JsonWriter out;
    out.beginObject().key("campaigns").beginArray();
    for (const Campaign &campaign : page->campaigns)
        json::write(out, campaign);
    out.endArray();
    pageEnd(out, p->limit, page->hasMore,
            page->campaigns.isEmpty() ? std::nullopt : std::optional<qint64>(page->campaigns.last().id));
    return ApiResponse::json(out.endObject().bytes());
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
    auto p = paging(c.request);
    if (!p)
        return errorOr(p.error());
    auto status = statusParam(c.request, CampaignService::participantStatuses());
    if (!status)
        return errorOr(status.error());
    auto after = afterParam(c.request);
    if (!after)
        return errorOr(after.error());
    ParticipantFilter f;
    f.status = *status;
    f.limit = p->limit;
    f.afterCustomerId = *after;
    auto page = CampaignService(c.db).participants(c.request.actor, *id, f);
    if (!page)
        return errorOr(page.error());
    json::JsonWriter out;
    out.beginObject().key("participants").beginArray();
    for (const CampaignParticipant &participant : page->participants)
        json::write(out, participant);
    out.endArray();
    pageEnd(out, p->limit, page->hasMore,
            page->participants.isEmpty() ? std::nullopt : std::optional<qint64>(page->participants.last().customerId));
    return ApiResponse::json(out.endObject().bytes());
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
