// /api/crm/customers: list, create, read, update, delete, contacts, merge; /api/crm/duplicates.
#include "httpapi/routes/Routes.h"

#include "core/services/ContactService.h"
#include "core/services/CustomerMerge.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "httpapi/FeedCache.h"
#include "httpapi/json/CustomerJson.h"
#include "httpapi/json/CustomerMergeJson.h"
#include "httpapi/json/JsonWriter.h"

#include <QJsonArray>

#include <algorithm>

namespace crm::routes {

namespace {

Result<CustomerFilter> filterFrom(const ApiRequest &r, const Paging &p)
{
    CustomerFilter f;
    f.keyword = r.queryValue(QStringLiteral("keyword")).left(100);
    const QString status = r.queryValue(QStringLiteral("status"));
    if (!status.isEmpty() && status != QLatin1String("all"))
        f.statuses = status.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString owner = r.queryValue(QStringLiteral("ownerId"));
    if (!owner.isEmpty()) {
        bool ok = false;
        f.ownerId = owner.toLongLong(&ok);
        if (!ok)
            return Error::validation(QStringLiteral("format"), QStringLiteral("ownerId"), QStringLiteral("ownerId must be a user id"));
    }
    f.tag = r.queryValue(QStringLiteral("tag"));
    f.group = r.queryValue(QStringLiteral("group"));
    f.source = r.queryValue(QStringLiteral("source"));
    f.province = r.queryValue(QStringLiteral("province"));
    f.city = r.queryValue(QStringLiteral("city"));
    f.district = r.queryValue(QStringLiteral("district"));
    // Half-open ranges [from, to), as epoch ms or ISO 8601 with an offset (the desktop's drill-downs).
    for (const auto &[name, target] : {std::pair<const char *, std::optional<qint64> *>{"createdFrom", &f.createdFrom},
                                       {"createdTo", &f.createdTo},
                                       {"lastContactFrom", &f.lastContactFrom},
                                       {"lastContactTo", &f.lastContactTo}}) {
        auto t = timeQueryParam(r, name);
        if (!t)
            return t.error();
        *target = *t;
    }
    const QString sort = r.queryValue(QStringLiteral("sortBy"));
    static const QHash<QString, CustomerSort> sorts = {
        {QString(), CustomerSort::Auto},
        {QStringLiteral("relevance"), CustomerSort::Auto},
        {QStringLiteral("lastContact"), CustomerSort::LastContact},
        {QStringLiteral("lastContactAt"), CustomerSort::LastContact},
        {QStringLiteral("createdAt"), CustomerSort::Created},
        {QStringLiteral("created"), CustomerSort::Created},
        {QStringLiteral("name"), CustomerSort::Name},
        {QStringLiteral("value"), CustomerSort::Value},
        {QStringLiteral("newest"), CustomerSort::Newest},
    };
    if (!sorts.contains(sort))
        return Error::validation(QStringLiteral("unknown"), QStringLiteral("sortBy"),
                                 QStringLiteral("sortBy must be lastContact, createdAt, name, value or newest"));
    f.sort = sorts.value(sort);
    const QString order = r.queryValue(QStringLiteral("order"));
    if (order == QLatin1String("asc"))
        f.ascending = true;
    else if (order == QLatin1String("desc"))
        f.ascending = false;
    else if (!order.isEmpty())
        return Error::validation(QStringLiteral("unknown"), QStringLiteral("order"), QStringLiteral("order must be asc or desc"));
    f.limit = p.limit;
    f.offset = (p.page - 1) * p.limit;
    return f;
}

QString totalsKey(const ApiRequest &r, bool poolOnly)
{
    QString key = (poolOnly ? QStringLiteral("pool|") : QStringLiteral("list|")) + scopeKey(r.actor);
    auto items = r.query.queryItems(QUrl::FullyDecoded);
    std::sort(items.begin(), items.end());
    for (const auto &[name, value] : std::as_const(items))
        if (name != QLatin1String("page") && name != QLatin1String("limit"))
            key += QLatin1Char('|') + name + QLatin1Char('=') + value;
    return key;
}

ApiResponse list(ApiContext &c, bool poolOnly)
{
    auto p = paging(c.request);
    if (!p)
        return errorOr(p.error());
    auto parsed = filterFrom(c.request, *p);
    if (!parsed)
        return errorOr(parsed.error());
    CustomerFilter f = *parsed;
    f.poolOnly = poolOnly;
    CustomerService svc(c.db);
    auto page = svc.list(c.request.actor, f);
    if (!page)
        return errorOr(page.error());
    // An exact total up to kTotalCap; past it "total" is the cap and "totalExact" false. Counting every
    // match of a common word, or a director's million customers, on each page would cost more than the
    // page itself, and a phone list never pages that far.
    constexpr qint64 kTotalCap = 10000;
    auto count = [&] { return svc.countUpTo(c.request.actor, f, kTotalCap + 1); };
    // Paging (and reloading) one list counts once (FeedCache): the key is the user, their scope and
    // every query parameter but the page's.
    auto *totals = FeedCache<qint64>::of(c.db.feed());
    Result<qint64> total = totals ? totals->get(totalsKey(c.request, poolOnly), count) : count();
    if (!total)
        return errorOr(total.error());
    json::JsonWriter out;
    out.beginObject().key("customers").beginArray();
    for (const Customer &customer : page->customers)
        json::write(out, customer);
    out.endArray().field("page", p->page).field("limit", p->limit).field("total", std::min(*total, kTotalCap))
        .field("totalExact", *total <= kTotalCap).field("hasMore", page->hasMore);
    return ApiResponse::json(out.endObject().bytes());
}

ApiResponse withEtag(const Customer &customer, int status = 200)
{
    json::JsonWriter out;
    out.beginObject().key("customer");
    json::write(out, customer);
    ApiResponse r = ApiResponse::json(out.endObject().bytes(), status);
    r.addHeader("ETag", etag(customer.version));
    return r;
}

ApiResponse create(ApiContext &c)
{
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::customerInput(*body);
    if (!input)
        return errorOr(input.error());
    auto created = CustomerService(c.db).create(c.request.actor, input->values);
    if (!created)
        return errorOr(created.error());
    return withEtag(*created, 201);
}

ApiResponse get(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto customer = CustomerService(c.db).get(c.request.actor, *id);
    if (!customer)
        return errorOr(customer.error());
    return withEtag(*customer);
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
    auto input = json::customerInput(*body);
    if (!input)
        return errorOr(input.error());
    auto updated = CustomerService(c.db).update(c.request.actor, *id, input->values, input->fields, *version);
    if (!updated)
        return errorOr(updated.error());
    return withEtag(*updated);
}

ApiResponse remove(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    if (Status st = CustomerService(c.db).remove(c.request.actor, *id); !st)
        return errorOr(st.error());
    return ApiResponse::json({{QStringLiteral("success"), true}});
}

// The path's customer survives (If-Match: its ETag); the body names the duplicate, which is deleted.
ApiResponse merge(ApiContext &c)
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
    auto request = json::customerMergeInput(*body, *id);
    if (!request)
        return errorOr(request.error());
    CustomerMergeRequest r = *request;
    r.survivorVersion = *version;
    auto merged = CustomerMerge(c.db).merge(c.request.actor, r);
    if (!merged)
        return errorOr(merged.error());
    json::JsonWriter out;
    out.beginObject().field("success", true).field("mergedId", r.duplicateId).key("customer");
    json::write(out, merged->survivor);
    out.key("moved");
    json::write(out, merged->moved);
    ApiResponse response = ApiResponse::json(out.endObject().bytes());
    response.addHeader("ETag", etag(merged->survivor.version));
    return response;
}

// The company's custom customer fields, so the phone can label and edit customers' customFields.
ApiResponse customFields(ApiContext &c)
{
    auto defs = CustomFieldService(c.db).list(c.request.actor);
    if (!defs)
        return errorOr(defs.error());
    json::JsonWriter out;
    out.beginObject().key("fields").beginArray();
    for (const CustomFieldDef &d : *defs) {
        out.beginObject().field("key", d.key).field("label", d.label).field("type", d.type);
        out.key("options").strings(d.options);
        out.field("required", d.required).endObject();
    }
    return ApiResponse::json(out.endArray().endObject().bytes());
}

ApiResponse contacts(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto list = ContactService(c.db).list(c.request.actor, *id);
    if (!list)
        return errorOr(list.error());
    QJsonArray rows;
    for (const Contact &contact : *list)
        rows.append(json::contact(contact));
    return ApiResponse::json({{QStringLiteral("contacts"), rows}});
}

ApiResponse duplicates(ApiContext &c)
{
    const ApiRequest &r = c.request;
    auto hints = CustomerService(c.db).duplicates(r.actor, r.queryValue(QStringLiteral("phone")).left(50),
                                                  r.queryValue(QStringLiteral("email")).left(200),
                                                  r.queryValue(QStringLiteral("name")).left(200));
    if (!hints)
        return errorOr(hints.error());
    QJsonArray rows;
    for (const DuplicateHint &h : *hints)
        rows.append(QJsonObject{{QStringLiteral("match"), h.match}, {QStringLiteral("state"), h.state}});
    return ApiResponse::json({{QStringLiteral("exists"), !rows.isEmpty()}, {QStringLiteral("duplicates"), rows}});
}

} // namespace

void addCustomers(Router &router)
{
    router.add("GET", QStringLiteral("/api/crm/customers"), [](ApiContext &c) { return list(c, false); },
               QStringLiteral("Customers in the caller's scope: page, limit, keyword, status, ownerId, tag, group, source, sortBy, order"));
    router.add("GET", QStringLiteral("/api/crm/pool"), [](ApiContext &c) { return list(c, true); },
               QStringLiteral("Customers in the public pool (same filters as the customer list)"));
    router.add("POST", QStringLiteral("/api/crm/customers"), create, QStringLiteral("Create a customer (owner: the caller)"));
    router.add("GET", QStringLiteral("/api/crm/duplicates"), duplicates,
               QStringLiteral("Whether a phone, email or name is known: only 'yours', 'owned_by_other' or 'in_pool'"));
    router.add("GET", QStringLiteral("/api/crm/customers/{id}"), get, QStringLiteral("One customer, with ETag"));
    router.add("PUT", QStringLiteral("/api/crm/customers/{id}"), update, QStringLiteral("Update the given fields (If-Match: ETag)"));
    router.add("PATCH", QStringLiteral("/api/crm/customers/{id}"), update, QStringLiteral("Update the given fields (If-Match: ETag)"));
    router.add("DELETE", QStringLiteral("/api/crm/customers/{id}"), remove, QStringLiteral("Delete a customer"));
    router.add("GET", QStringLiteral("/api/crm/customers/{id}/contacts"), contacts, QStringLiteral("The customer's contacts"));
    router.add("GET", QStringLiteral("/api/crm/custom-fields"), customFields,
               QStringLiteral("The company's custom customer fields -> {fields: [{key, label, type, options, required}]}"));
    router.add("POST", QStringLiteral("/api/crm/customers/{id}/merge"), merge,
               QStringLiteral("Merge the body's duplicateId into this customer (If-Match: its ETag); the duplicate is deleted"));
}

} // namespace crm::routes
