// The pipeline and opportunities: GET /api/crm/pipeline, GET /api/crm/pipelines, GET|POST
// /api/crm/opportunities, GET|PUT|PATCH|DELETE /api/crm/opportunities/{id}, PUT .../{id}/move,
// GET /api/crm/customers/{id}/opportunities.
#include "httpapi/routes/Routes.h"

#include "core/domain/Validation.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "core/storage/Database.h"
#include "httpapi/FeedCache.h"
#include "httpapi/json/ActivityJson.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"
#include "httpapi/json/OpportunityJson.h"

namespace crm::routes {

namespace {

// The pipeline board lists at most this many opportunities per open stage (newest first); each
// stage's `count` and sums always cover all of them, and its `hasMore` says whether some are left out.
// A phone's board: each open stage's newest 20 cards (a screenful and more; `limit` up to 100, and the
// stage's list pages for the rest). The stage sums and totals cover every card, listed or not. With
// 100 per stage a rep's board was 226 KB and 5 ms of server time; with 20, 46 KB.
constexpr int kBoardPerStage = 20;

// Query values the mini program may send as "[object Object]" (nested filters) are ignored.
QString param(const ApiRequest &r, const char *name)
{
    const QString v = r.queryValue(QLatin1String(name)).trimmed();
    return v.startsWith(QLatin1String("[object")) ? QString() : v;
}

Result<std::optional<qint64>> idParam(const ApiRequest &r, const char *name)
{
    const QString v = param(r, name);
    if (v.isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 id = v.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::validation(QStringLiteral("format"), QLatin1String(name), QLatin1String(name) + QStringLiteral(" must be an id"));
    return std::optional<qint64>(id);
}

// The pipeline asked for (?pipelineId) or the default one; an unknown id is 404.
Result<Pipeline> pipelineParam(ApiContext &c)
{
    auto id = idParam(c.request, "pipelineId");
    if (!id)
        return id.error();
    if (*id)
        return PipelineService(c.db).get(c.request.actor, **id);
    if (!c.request.actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    return PipelineService::loadDefault(c.db);
}

void moneyOrNull(json::JsonWriter &out, const char *name, qint64 minor, bool hidden)
{
    out.key(name);
    if (hidden)
        out.null();
    else
        out.money(minor);
}

// `customerVisible` goes only on the detail: it costs a query, which a list would pay per row.
ApiResponse opportunityAnswer(const Opportunity &o, int status, bool success, std::optional<bool> customerVisible = {})
{
    json::JsonWriter out;
    out.beginObject();
    if (success)
        out.field("success", true);
    out.key("opportunity");
    json::write(out, o, customerVisible.has_value());
    if (customerVisible)
        out.field("customerVisible", *customerVisible).endObject();
    ApiResponse r = ApiResponse::json(out.endObject().bytes(), status);
    r.addHeader("ETag", etag(o.version));
    return r;
}

ApiResponse board(ApiContext &c)
{
    const ApiRequest &r = c.request;
    auto pipeline = pipelineParam(c);
    if (!pipeline)
        return errorOr(pipeline.error());
    auto owner = idParam(r, "ownerId");
    if (!owner)
        return errorOr(owner.error());
    int perStage = kBoardPerStage;
    if (!param(r, "limit").isEmpty()) {
        auto p = paging(r);
        if (!p)
            return errorOr(p.error());
        perStage = p->limit;
    }
    OpportunityService svc(c.db);
    // The stage sums walk every opportunity the caller sees in the pipeline (a rep's ~2,000 on the
    // demo: a quarter of the board's time); reopening the board reuses them until anything changes.
    const auto sums = [&] { return svc.pipelineSummary(r.actor, *pipeline, *owner); };
    auto *cache = FeedCache<PipelineSummary>::of(c.db.feed());
    const QString key = QStringLiteral("board|") + scopeKey(r.actor) + QLatin1Char('|') + QString::number(pipeline->id)
        + QLatin1Char('|') + (*owner ? QString::number(**owner) : QString());
    auto summary = cache ? cache->get(key, sums) : sums();
    if (!summary)
        return errorOr(summary.error());
    // The open stages' newest rows: one indexed query per stage (opportunities_stage), a handful per board.
    QVector<OpportunityPage> pages(summary->stages.size());
    for (int i = 0; i < summary->stages.size(); ++i) {
        const Stage &stage = summary->stages[i].stage;
        if (stage.kind != QLatin1String("open"))
            continue;
        OpportunityFilter f;
        f.pipelineId = pipeline->id;
        f.stageId = stage.id;
        f.ownerId = *owner;
        f.limit = perStage;
        auto page = svc.list(r.actor, f);
        if (!page)
            return errorOr(page.error());
        pages[i] = *page;
    }
    const bool amountHidden = summary->hiddenFields.contains(QStringLiteral("amountMinor"));
    const bool weightHidden = amountHidden || summary->hiddenFields.contains(QStringLiteral("probability"));
    json::JsonWriter out;
    out.beginObject().field("pipelineId", pipeline->id).key("pipeline").beginObject();
    out.field("id", pipeline->id).field("name", pipeline->name).field("isDefault", pipeline->isDefault).endObject();
    out.field("currency", summary->currency);
    out.key("stages").beginArray();
    for (int i = 0; i < summary->stages.size(); ++i) {
        const StageSummary &s = summary->stages[i];
        json::write(out, s.stage, true);
        out.field("count", s.count);
        moneyOrNull(out, "value", s.amountMinor, amountHidden);
        moneyOrNull(out, "weightedValue", s.weightedMinor, weightHidden);
        out.field("listed", qint64(pages[i].opportunities.size())).field("hasMore", pages[i].hasMore);
        out.endObject();
    }
    out.endArray();
    out.key("opportunities").beginArray();
    for (const OpportunityPage &p : pages)
        for (const Opportunity &o : p.opportunities)
            json::write(out, o);
    out.endArray();
    out.key("totals").beginObject().field("openCount", summary->openCount);
    moneyOrNull(out, "openValue", summary->openAmountMinor, amountHidden);
    moneyOrNull(out, "weightedValue", summary->openWeightedMinor, weightHidden);
    out.endObject();
    out.field("otherCurrencyCount", summary->otherCurrencyCount).field("limitPerStage", perStage);
    if (!summary->hiddenFields.isEmpty()) {
        QStringList hidden(summary->hiddenFields.begin(), summary->hiddenFields.end());
        hidden.sort();
        out.key("hiddenFields").strings(hidden);
    }
    return ApiResponse::json(out.endObject().bytes());
}

ApiResponse pipelines(ApiContext &c)
{
    auto list = PipelineService(c.db).list(c.request.actor);
    if (!list)
        return errorOr(list.error());
    json::JsonWriter out;
    out.beginObject().key("pipelines").beginArray();
    for (const Pipeline &p : *list)
        json::write(out, p);
    return ApiResponse::json(out.endArray().endObject().bytes());
}

Result<QStringList> statusParam(const ApiRequest &r)
{
    QStringList out;
    const QString v = param(r, "status");
    if (v.isEmpty() || v == QLatin1String("all"))
        return out;
    for (const QString &word : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString w = word.trimmed().toLower();
        if (w != QLatin1String("open") && w != QLatin1String("won") && w != QLatin1String("lost"))
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("status"),
                                     QStringLiteral("status must be open, won, lost or a comma list of them"));
        if (!out.contains(w))
            out.append(w);
    }
    return out;
}

// ?expectedCloseFrom / ?expectedCloseTo: a day, YYYY-MM-DD exactly (the mini program's own local day).
Result<QDate> dateParam(const ApiRequest &r, const char *name)
{
    const QString v = param(r, name);
    if (v.isEmpty())
        return QDate();
    const auto d = Validation::parseDate(v);
    if (!d)
        return Error::validation(QStringLiteral("format"), QLatin1String(name),
                                 QLatin1String(name) + QStringLiteral(" must be a date (YYYY-MM-DD)"));
    return *d;
}

ApiResponse list(ApiContext &c)
{
    const ApiRequest &r = c.request;
    auto p = paging(r);
    if (!p)
        return errorOr(p.error());
    OpportunityFilter f;
    for (auto [name, target] : {std::pair{"stageId", &f.stageId}, std::pair{"ownerId", &f.ownerId},
                                std::pair{"pipelineId", &f.pipelineId}, std::pair{"customerId", &f.customerId}}) {
        auto id = idParam(r, name);
        if (!id)
            return errorOr(id.error());
        *target = *id;
    }
    auto statuses = statusParam(r);
    if (!statuses)
        return errorOr(statuses.error());
    f.statuses = *statuses;
    for (auto [name, target] :
         {std::pair{"expectedCloseFrom", &f.expectedCloseFrom}, std::pair{"expectedCloseTo", &f.expectedCloseTo}}) {
        auto d = dateParam(r, name);
        if (!d)
            return errorOr(d.error());
        *target = *d;
    }
    static const QHash<QString, OpportunitySort> sorts = {
        {QString(), OpportunitySort::Newest},
        {QStringLiteral("newest"), OpportunitySort::Newest},
        {QStringLiteral("createdAt"), OpportunitySort::Newest},
        {QStringLiteral("expectedCloseDate"), OpportunitySort::ExpectedClose},
        {QStringLiteral("value"), OpportunitySort::Amount},
        {QStringLiteral("amount"), OpportunitySort::Amount},
    };
    const QString sort = param(r, "sortBy");
    if (!sorts.contains(sort))
        return errorOr(Error::validation(QStringLiteral("unknown"), QStringLiteral("sortBy"),
                                         QStringLiteral("sortBy must be newest, expectedCloseDate or value")));
    f.sort = sorts.value(sort);
    f.limit = p->limit;
    f.offset = (p->page - 1) * p->limit;
    OpportunityService svc(c.db);
    auto page = svc.list(r.actor, f);
    if (!page)
        return errorOr(page.error());
    // Opportunities are far fewer than customers, and the count walks the same covering indexes as
    // the pipeline summary, so the total is exact.
    auto total = svc.count(r.actor, f);
    if (!total)
        return errorOr(total.error());
    json::JsonWriter out;
    out.beginObject().key("opportunities").beginArray();
    for (const Opportunity &o : page->opportunities)
        json::write(out, o);
    out.endArray().field("page", p->page).field("limit", p->limit).field("total", *total).field("totalExact", true)
        .field("hasMore", page->hasMore);
    return ApiResponse::json(out.endObject().bytes());
}

// Where a new opportunity starts: its stageId, else the first open stage of its pipelineId (or of the
// default pipeline).
Result<qint64> startStage(ApiContext &c, const json::OpportunityInput &in)
{
    if (in.stageId)
        return *in.stageId;
    Result<Pipeline> pipeline = in.pipelineId ? PipelineService::load(c.db, *in.pipelineId) : PipelineService::loadDefault(c.db);
    if (!pipeline)
        return pipeline.error().code == QLatin1String("not_found")
            ? Error::validation(QStringLiteral("unknown"), QStringLiteral("pipelineId"), QStringLiteral("Unknown pipeline"))
            : pipeline.error();
    for (const Stage &s : pipeline->stages)
        if (s.kind == QLatin1String("open"))
            return s.id;
    return Error::validation(QStringLiteral("required"), QStringLiteral("stageId"), QStringLiteral("Choose a stage"));
}

ApiResponse create(ApiContext &c)
{
    if (!c.request.actor.can(Permission::OpportunityWrite))
        return errorOr(Error::forbidden());
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::opportunityInput(*body, true);
    if (!input)
        return errorOr(input.error());
    auto stage = startStage(c, *input);
    if (!stage)
        return errorOr(stage.error());
    Opportunity draft = input->values;
    draft.stageId = *stage;
    if (input->pipelineId && input->stageId) {
        // Both given: the stage must belong to that pipeline.
        auto s = PipelineService::loadStage(c.db, *input->stageId);
        if (s && s->pipelineId != *input->pipelineId)
            return errorOr(Error::validation(QStringLiteral("invalid"), QStringLiteral("stageId"),
                                             QStringLiteral("The stage is not in that pipeline")));
    }
    auto created = OpportunityService(c.db).create(c.request.actor, draft);
    if (!created)
        return errorOr(input->renamed(created.error()));
    return opportunityAnswer(*created, 201, true);
}

ApiResponse get(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto o = OpportunityService(c.db).get(c.request.actor, *id);
    if (!o)
        return errorOr(o.error());
    // A deal can be in scope while its customer is not (a manager's view of a subordinate's deal on
    // an outsider's customer, a customer since moved to another rep). Logging an activity needs the
    // customer, so the phone says so up front instead of offering buttons that answer 404.
    const Status visible = CustomerService::requireVisible(c.db, c.request.actor, o->customerId);
    if (!visible && visible.error().code != QLatin1String("not_found"))
        return errorOr(visible.error());
    return opportunityAnswer(*o, 200, false, visible.ok());
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
    auto input = json::opportunityInput(*body, false);
    if (!input)
        return errorOr(input.error());
    OpportunityService svc(c.db);
    if (input->stageId || input->pipelineId) {
        // A client echoing the record back sends its stage too: the same stage is ignored, another
        // one is refused (stages change through /move, which records the history).
        auto current = svc.get(c.request.actor, *id);
        if (!current)
            return errorOr(current.error());
        if ((input->stageId && *input->stageId != current->stageId) || (input->pipelineId && *input->pipelineId != current->pipelineId))
            return errorOr(Error::validation(QStringLiteral("invalid"), input->stageId ? QStringLiteral("stageId") : QStringLiteral("pipelineId"),
                                             QStringLiteral("Use PUT /api/crm/opportunities/{id}/move to change the stage")));
    }
    auto updated = svc.update(c.request.actor, *id, input->values, input->fields, *version);
    if (!updated)
        return errorOr(input->renamed(updated.error()));
    return opportunityAnswer(*updated, 200, true);
}

ApiResponse remove(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    if (Status st = OpportunityService(c.db).remove(c.request.actor, *id); !st)
        return errorOr(st.error());
    return ApiResponse::json({{QStringLiteral("success"), true}});
}

// PUT /api/crm/opportunities/{id}/move {stageId, lossReason?}; the page also sends userId (ignored).
ApiResponse move(ApiContext &c)
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
    std::optional<qint64> stageId;
    QString lossReason;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("userId"))
            continue;
        if (key == QLatin1String("stageId") || key == QLatin1String("newStageId")) {
            if (key == QLatin1String("newStageId") && body->contains(QStringLiteral("stageId")))
                continue;
            auto s = json::idValue(it.value(), key);
            if (!s)
                return errorOr(s.error());
            stageId = *s;
        } else if (key == QLatin1String("lossReason")) {
            auto s = json::string(*body, key, 10'000);
            if (!s)
                return errorOr(s.error());
            lossReason = *s;
        } else {
            return errorOr(Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100)));
        }
    }
    if (!stageId)
        return errorOr(Error::validation(QStringLiteral("required"), QStringLiteral("stageId"), QStringLiteral("Choose a stage")));
    auto moved = OpportunityService(c.db).moveStage(c.request.actor, *id, *stageId, *version, lossReason);
    if (!moved)
        return errorOr(moved.error());
    return opportunityAnswer(*moved, 200, true);
}

ApiResponse customerOpportunities(ApiContext &c)
{
    const ApiRequest &r = c.request;
    auto id = r.id();
    if (!id)
        return errorOr(id.error());
    // Opportunities are scoped by their owner; the customer must be in scope too, else 404 like its detail.
    if (Status st = CustomerService::requireVisible(c.db, r.actor, *id); !st)
        return errorOr(st.error());
    auto p = paging(r);
    if (!p)
        return errorOr(p.error());
    OpportunityFilter f;
    f.customerId = *id;
    f.limit = p->limit;
    f.offset = (p->page - 1) * p->limit;
    auto statuses = statusParam(r);
    if (!statuses)
        return errorOr(statuses.error());
    f.statuses = *statuses;
    auto page = OpportunityService(c.db).list(r.actor, f);
    if (!page)
        return errorOr(page.error());
    json::JsonWriter out;
    out.beginObject().key("opportunities").beginArray();
    for (const Opportunity &o : page->opportunities)
        json::write(out, o);
    out.endArray().field("hasMore", page->hasMore);
    return ApiResponse::json(out.endObject().bytes());
}

} // namespace

void addOpportunities(Router &router)
{
    router.add("GET", QStringLiteral("/api/crm/pipeline"), board,
               QStringLiteral("The pipeline board (pipelineId, default: the default pipeline; ownerId; limit per stage: default 20, at most 100) -> "
                              "{pipelineId, pipeline, currency, stages: [{id, name, probability, kind, count, value, weightedValue, "
                              "listed, hasMore}], opportunities (newest per open stage), totals}"));
    router.add("GET", QStringLiteral("/api/crm/pipelines"), pipelines, QStringLiteral("Every pipeline with its stages -> {pipelines}"));
    router.add("GET", QStringLiteral("/api/crm/opportunities"), list,
               QStringLiteral("Opportunities in the caller's scope: page, limit, stageId, status (open,won,lost), ownerId, pipelineId, "
                              "customerId, expectedCloseFrom and expectedCloseTo (YYYY-MM-DD, inclusive; either leaves out those "
                              "without a date), sortBy (newest|expectedCloseDate|value) -> "
                              "{opportunities, page, limit, total, totalExact, hasMore}"));
    router.add("POST", QStringLiteral("/api/crm/opportunities"), create,
               QStringLiteral("Create an opportunity {name, customerId, value, currency, stageId | pipelineId, probability, "
                              "expectedCloseDate, ownerId, notes} -> {success, opportunity}"));
    router.add("GET", QStringLiteral("/api/crm/opportunities/{id}"), get,
               QStringLiteral("One opportunity, with ETag and customerVisible (whether the caller may see, and so log "
                              "activities on, its customer) -> {opportunity}"));
    router.add("PUT", QStringLiteral("/api/crm/opportunities/{id}"), update,
               QStringLiteral("Update the given fields of an opportunity (If-Match: ETag); the stage changes through /move"));
    router.add("PATCH", QStringLiteral("/api/crm/opportunities/{id}"), update,
               QStringLiteral("Update the given fields of an opportunity (If-Match: ETag); the stage changes through /move"));
    router.add("DELETE", QStringLiteral("/api/crm/opportunities/{id}"), remove, QStringLiteral("Delete an opportunity"));
    router.add("PUT", QStringLiteral("/api/crm/opportunities/{id}/move"), move,
               QStringLiteral("Move to another stage (of another pipeline: the opportunity moves there) {stageId, lossReason "
                              "(required for a lost stage)} "
                              "(If-Match optional) -> {success, opportunity}"));
    router.add("GET", QStringLiteral("/api/crm/customers/{id}/opportunities"), customerOpportunities,
               QStringLiteral("The customer's opportunities in the caller's scope, newest first: status, page, limit -> "
                              "{opportunities, hasMore}"));
}

} // namespace crm::routes
