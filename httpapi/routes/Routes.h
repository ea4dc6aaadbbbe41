#pragma once

#include "httpapi/Router.h"

namespace crm::routes {

// Each adds its part of the API to the router; addAll adds every part (literal paths before
// {placeholder} paths of the same shape, since the first match wins).
void addAll(Router &router);
void addSystem(Router &router);
void addAuth(Router &router);
void addCustomers(Router &router);
void addContacts(Router &router);
void addPool(Router &router);
void addActivities(Router &router);
void addTasks(Router &router);
void addLeads(Router &router);
void addExports(Router &router);
void addOpportunities(Router &router);
void addAnalytics(Router &router);
void addCampaigns(Router &router);

// Helpers shared by the route files.
ApiResponse errorOr(const Error &error);
// "limit" capped at 100 (default 20), "page" from 1 (at most 10000); validation.range otherwise.
struct Paging
{
    int page = 1, limit = 20;
};
Result<Paging> paging(const ApiRequest &request);
// The If-Match version ("v12" or "12", quotes optional); nullopt without the header, and
// conflict.version when it cannot be a version of ours.
Result<std::optional<int>> ifMatch(const ApiRequest &request);
QByteArray etag(int version);
// A query parameter, trimmed. The mini program serialises nested filter objects into the query string,
// either as "dueDate=[object Object]" or as "dueDate[$gte]=...": bracketed names never match a name
// read here and "[object ...]" values read as empty, so both are ignored rather than refused.
QString queryParam(const ApiRequest &r, const char *name);
// A time parameter: epoch milliseconds or ISO 8601 with an offset; nullopt when absent, validation
// naming the parameter when malformed.
Result<std::optional<qint64>> timeQueryParam(const ApiRequest &r, const char *name);
// The start of a FeedCache key: the user and the owners they see ("7|all", "7|3,7,12,"). A role or
// scope change yields another key (and publishes a change that empties the caches anyway).
QString scopeKey(const Actor &actor);

} // namespace crm::routes
