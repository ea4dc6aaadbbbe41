#pragma once

#include "core/Result.h"
#include "core/domain/Activity.h"
#include "core/domain/Customer.h"
#include "core/domain/Opportunity.h"
#include "core/domain/Task.h"

#include <QJsonObject>

namespace crm::routes {

// The `filters` object of POST /api/crm/export (and reports/generate) turned into each exported
// type's list filter. JSON-specific on purpose: the CLI's filters (app/ExportFilters) name users by
// user name and take local calendar days, the API takes ids and times as its list routes do. Errors
// name the field as prefix + key ("filters.stageId"); an unknown key is validation.unknown_field.
namespace ExportFilterJson {

// The customer list's keys; `userId` and object values (the page's client-side filters) are ignored.
Result<CustomerFilter> customers(const QJsonObject &filters, const QString &prefix);
// pipelineId, stageId, ownerId, customerId, status (open|won|lost, comma list or array),
// expectedCloseFrom/expectedCloseTo (YYYY-MM-DD, inclusive), sortBy (newest|expectedCloseDate|value).
Result<OpportunityFilter> opportunities(const QJsonObject &filters, const QString &prefix);
// userId (the author), kind, from/to (ISO 8601 with offset or epoch ms, half-open).
Result<ActivityScopeFilter> activities(const QJsonObject &filters, const QString &prefix);
// status (open|completed|cancelled and their aliases), assigneeId, customerId, opportunityId,
// dueFrom/dueTo (ISO 8601 with offset or epoch ms, half-open).
Result<TaskFilter> tasks(const QJsonObject &filters, const QString &prefix);
// customerId.
Result<ContactScopeFilter> contacts(const QJsonObject &filters, const QString &prefix);

} // namespace ExportFilterJson
} // namespace crm::routes
