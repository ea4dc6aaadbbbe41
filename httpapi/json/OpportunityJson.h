#pragma once

#include "core/Result.h"
#include "core/domain/Opportunity.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <optional>

namespace crm::json {

class JsonWriter;

// An opportunity as the API shows it. `value` (and its synonym `amount`) is the amount as an exact
// decimal number in `currency`; `probability` is 0-100; `weightedValue` is value * probability / 100
// rounded half up to the cent; `title` repeats `name` and `stage` repeats `stageName`. A field the
// caller's role hides is null and listed in `hiddenFields`. With `leaveOpen` the object is not closed
// (the detail route appends `customerVisible`).
void write(JsonWriter &out, const Opportunity &o, bool leaveOpen = false);
// A stage: {id, pipelineId, name, position, probability, kind}, without closing the object when
// `leaveOpen` is true (the pipeline route appends its sums).
void write(JsonWriter &out, const Stage &s, bool leaveOpen = false);
// A pipeline with its stages in order.
void write(JsonWriter &out, const Pipeline &p);

// The fields a request body sets, converted for OpportunityService::create/update (service names in
// `fields`). In: `name` or `title`; `value` or `amount` (number or decimal string, at most two
// decimals); `currency`; `probability` (integer 0-100); `expectedCloseDate` (YYYY-MM-DD or an ISO
// time, whose date is taken); `customerId`, `ownerId`, `stageId`, `pipelineId` (numbers or decimal
// text); `notes`; `lossReason`. Echoed read-only fields (id, userId, createdAt, updatedAt, closedAt,
// stageEnteredAt, version, customerName, ownerName, stageName, stage, weightedValue, hiddenFields,
// leadId, status, customerVisible) are ignored; other unknown fields are validation.unknown_field.
// stageId, pipelineId and status are not update fields (stages change through /move): they are kept
// apart so that a route can refuse a change while ignoring an echo of the current value.
struct OpportunityInput
{
    Opportunity values;
    QSet<QString> fields;
    std::optional<qint64> stageId, pipelineId;
    QHash<QString, QString> names; // service field -> the body's name for it, where they differ
    Error renamed(Error e) const
    {
        e.field = names.value(e.field, e.field);
        return e;
    }
};
Result<OpportunityInput> opportunityInput(const QJsonObject &body, bool creating);

} // namespace crm::json
