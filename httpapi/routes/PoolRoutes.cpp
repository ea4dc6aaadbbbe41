// The public pool: list, claim (atomic: of two reps claiming at once exactly one wins), release.
#include "httpapi/routes/Routes.h"

#include "core/services/PoolService.h"
#include "httpapi/json/CustomerJson.h"
#include "httpapi/json/JsonWriter.h"

namespace crm::routes {

namespace {

ApiResponse changeOwner(ApiContext &c, bool claim)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    PoolService pool(c.db);
    auto customer = claim ? pool.claim(c.request.actor, *id) : pool.release(c.request.actor, *id);
    if (!customer)
        return errorOr(customer.error());
    json::JsonWriter out;
    out.beginObject().field("success", true).key("customer");
    json::write(out, *customer);
    return ApiResponse::json(out.endObject().bytes());
}

} // namespace

void addPool(Router &router)
{
    router.add("POST", QStringLiteral("/api/crm/pool/{id}/claim"), [](ApiContext &c) { return changeOwner(c, true); },
               QStringLiteral("Claim a customer from the pool"));
    router.add("POST", QStringLiteral("/api/crm/customers/{id}/release"), [](ApiContext &c) { return changeOwner(c, false); },
               QStringLiteral("Give a customer back to the pool"));
}

} // namespace crm::routes
