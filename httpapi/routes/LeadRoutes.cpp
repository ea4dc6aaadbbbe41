// /api/crm/leads: list, create, read, update, convert; and POST /api/public/leads, the public lead
// form (no sign-in, rate limited per client address with the database counters sign-in uses).
#include "httpapi/routes/Routes.h"

#include "core/security/RateLimiter.h"
#include "core/services/LeadService.h"
#include "httpapi/ApiOptions.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"
#include "httpapi/json/LeadJson.h"

namespace crm::routes {

namespace {

constexpr qint64 kPublicWindowMs = 60 * 60 * 1000;
constexpr qint64 kTotalCap = 10'000;
const QString kPublicSource = QStringLiteral("website-form");

Result<LeadFilter> filterFrom(const ApiRequest &r, const Paging &p)
{
    LeadFilter f;
    const QString status = r.queryValue(QStringLiteral("status"));
    if (!status.isEmpty() && status != QLatin1String("all") && !status.startsWith(QLatin1String("[object")))
        f.statuses = status.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &s : std::as_const(f.statuses))
        if (!LeadService::statuses().contains(s))
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("status"),
                                     QStringLiteral("status must be new, contacted, qualified, disqualified or converted"));
    const QString owner = r.queryValue(QStringLiteral("ownerId"));
    if (owner == QLatin1String("none") || owner == QLatin1String("unassigned")) {
        f.unownedOnly = true;
    } else if (!owner.isEmpty()) {
        bool ok = false;
        f.ownerId = owner.toLongLong(&ok);
        if (!ok || *f.ownerId <= 0)
            return Error::validation(QStringLiteral("format"), QStringLiteral("ownerId"), QStringLiteral("ownerId must be a user id or none"));
    }
    f.source = r.queryValue(QStringLiteral("source")).left(100);
    const QString after = r.queryValue(QStringLiteral("after"));
    if (!after.isEmpty()) {
        bool ok = false;
        f.afterId = after.toLongLong(&ok);
        if (!ok || f.afterId <= 0)
            return Error::validation(QStringLiteral("format"), QStringLiteral("after"), QStringLiteral("after must be the next value of the previous page"));
    }
    f.limit = p.limit;
    f.offset = (p.page - 1) * p.limit;
    return f;
}

ApiResponse list(ApiContext &c)
{
    auto p = paging(c.request);
    if (!p)
        return errorOr(p.error());
    auto f = filterFrom(c.request, *p);
    if (!f)
        return errorOr(f.error());
    LeadService svc(c.db);
    auto page = svc.list(c.request.actor, *f);
    if (!page)
        return errorOr(page.error());
    // Leads are far fewer than customers, but the answer has the customer list's shape: an exact total
    // up to the cap. The count ignores the keyset position: it is the filter's total.
    LeadFilter all = *f;
    all.afterId = 0;
    auto total = svc.count(c.request.actor, all);
    if (!total)
        return errorOr(total.error());
    json::JsonWriter out;
    out.beginObject().key("leads").beginArray();
    for (const Lead &lead : page->leads)
        json::write(out, lead);
    out.endArray().field("page", p->page).field("limit", p->limit).field("total", std::min(*total, kTotalCap))
        .field("totalExact", *total <= kTotalCap).field("hasMore", page->hasMore);
    out.key("next");
    if (page->hasMore && !page->leads.isEmpty())
        out.value(QString::number(page->leads.last().id));
    else
        out.null();
    return ApiResponse::json(out.endObject().bytes());
}

ApiResponse withEtag(const Lead &lead, int status = 200, bool success = false)
{
    json::JsonWriter out;
    out.beginObject();
    if (success)
        out.field("success", true);
    out.key("lead");
    json::write(out, lead);
    ApiResponse r = ApiResponse::json(out.endObject().bytes(), status);
    r.addHeader("ETag", etag(lead.version));
    return r;
}

ApiResponse create(ApiContext &c)
{
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::leadInput(*body);
    if (!input)
        return errorOr(input.error());
    if (input->fields.contains(QStringLiteral("status")) && input->values.status == QLatin1String("converted"))
        return errorOr(Error::validation(QStringLiteral("invalid"), QStringLiteral("status"),
                                         QStringLiteral("A lead becomes converted only through POST /api/crm/leads/{id}/convert")));
    auto created = LeadService(c.db).create(c.request.actor, input->values);
    if (!created)
        return errorOr(created.error());
    return withEtag(*created, 201, true);
}

ApiResponse get(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto lead = LeadService(c.db).get(c.request.actor, *id);
    if (!lead)
        return errorOr(lead.error());
    return withEtag(*lead);
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
    auto input = json::leadInput(*body);
    if (!input)
        return errorOr(input.error());
    auto updated = LeadService(c.db).update(c.request.actor, *id, input->values, input->fields, *version);
    if (!updated)
        return errorOr(updated.error());
    return withEtag(*updated, 200, true);
}

ApiResponse convert(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    QJsonObject body;
    if (!c.request.body.trimmed().isEmpty()) { // an empty POST converts with the defaults
        auto parsed = c.request.jsonBody();
        if (!parsed)
            return errorOr(parsed.error());
        body = *parsed;
    }
    auto options = json::leadConversion(body);
    if (!options)
        return errorOr(options.error());
    LeadService svc(c.db);
    auto result = svc.convert(c.request.actor, *id, *options);
    if (!result)
        return errorOr(json::conversionError(result.error()));
    auto lead = svc.get(c.request.actor, *id);
    if (!lead)
        return errorOr(lead.error());
    json::JsonWriter out;
    out.beginObject().field("success", true).field("customerId", result->customerId).field("contactId", result->contactId);
    out.key("opportunityId");
    if (result->opportunityId > 0)
        out.value(result->opportunityId);
    else
        out.null();
    out.key("lead");
    json::write(out, *lead);
    return ApiResponse::json(out.endObject().bytes(), 201);
}

// The counter's key: the client's address (from X-Real-IP only when ApiOptions::behindProxy and the
// peer is the proxy on loopback; ApiServer decides that). IPv4-mapped addresses count as IPv4, and
// IPv6 clients by their /64, since one subscriber usually holds a whole /64.
QString clientBucket(const QHostAddress &address)
{
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4);
    if (v4)
        return QStringLiteral("public-lead:") + QHostAddress(ip4).toString();
    Q_IPV6ADDR ip6 = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        ip6[i] = 0;
    return QStringLiteral("public-lead:") + QHostAddress(ip6).toString() + QStringLiteral("/64");
}

ApiResponse publicLead(ApiContext &c)
{
    auto body = c.request.jsonBody(); // 415 for anything but JSON, before it costs a counter write
    if (!body)
        return errorOr(body.error());
    // Every submission counts, valid or not: probing the form is as much a flood as filling it.
    auto decision = RateLimiter(c.db).hit(clientBucket(c.request.remote), c.options.publicLeadsPerAddress, kPublicWindowMs);
    if (!decision)
        return errorOr(decision.error());
    if (!decision->allowed) {
        ApiResponse r = ApiResponse::error(429, QStringLiteral("rate_limited"), QStringLiteral("Too many submissions from this address: try again later"));
        r.addHeader("Retry-After", QByteArray::number((decision->retryAfterMs + 999) / 1000));
        return r;
    }
    auto draft = json::publicLeadInput(*body, kPublicSource);
    if (!draft)
        return errorOr(draft.error());
    // Nobody is signed in: the system files it, and LeadService leaves it unassigned for those who
    // hand out work (the audit log records it as coming from the API).
    Actor system = Actor::system();
    system.source = QStringLiteral("api");
    auto created = LeadService(c.db).create(system, *draft);
    if (!created) {
        // Validation messages are safe to show (they name the field), and a busy database says so (503);
        // anything else stays on the server.
        if (created.error().isValidation() || ApiResponse::statusFor(created.error()) == 503)
            return errorOr(created.error());
        return ApiResponse::error(500, QStringLiteral("internal"), QStringLiteral("Something went wrong on the server"));
    }
    // A stranger learns that it arrived, nothing about our records (not even the id).
    return ApiResponse::json(QJsonObject{{QStringLiteral("success"), true}}, 201);
}

} // namespace

void addLeads(Router &router)
{
    router.add("GET", QStringLiteral("/api/crm/leads"), list,
               QStringLiteral("Leads in the caller's scope, newest first: page, limit, status, ownerId (or none), source, after"));
    router.add("POST", QStringLiteral("/api/crm/leads"), create, QStringLiteral("Capture a lead (owner: the caller unless ownerId is given)"));
    router.add("GET", QStringLiteral("/api/crm/leads/{id}"), get, QStringLiteral("One lead, with ETag"));
    router.add("PUT", QStringLiteral("/api/crm/leads/{id}"), update, QStringLiteral("Update the given fields of a lead (If-Match: ETag)"));
    router.add("PATCH", QStringLiteral("/api/crm/leads/{id}"), update, QStringLiteral("Update the given fields of a lead (If-Match: ETag)"));
    router.add("POST", QStringLiteral("/api/crm/leads/{id}/convert"), convert,
               QStringLiteral("Convert a lead: {createOpportunity, opportunityName, amount, currency, pipelineId, expectedCloseDate}"
                              " -> {success, customerId, contactId, opportunityId, lead}"));
    router.add("POST", QStringLiteral("/api/public/leads"), publicLead,
               QStringLiteral("Public lead form, no sign-in: {name, phone or email, company, message, source}; rate limited per address"),
               Router::Public);
}

} // namespace crm::routes
