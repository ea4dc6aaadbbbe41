#pragma once

#include "core/Result.h"
#include "core/services/CustomerMerge.h"

#include <QJsonObject>

namespace crm::json {

class JsonWriter;

// The body of POST /api/crm/customers/{id}/merge: {duplicateId, duplicateVersion?, fromDuplicate?: [field],
// customFieldsFromDuplicate?: [key]}. The survivor is the path's id; its version comes from If-Match.
// Unknown keys are validation.unknown_field.
Result<CustomerMergeRequest> customerMergeInput(const QJsonObject &body, qint64 survivorId);
// {contacts, activities, ...}: what moved from the duplicate.
void write(JsonWriter &out, const CustomerLinkCounts &moved);

} // namespace crm::json
