#pragma once

#include "core/Result.h"
#include "core/domain/Lead.h"

#include <QJsonObject>
#include <QSet>

namespace crm::json {

class JsonWriter;

// A lead as the API shows it: ownerId null while nobody owns it; the converted* ids null until
// it is converted (or when what it became was deleted since).
void write(JsonWriter &out, const Lead &l);

// The fields a lead body sets, for LeadService::create/update (its field names in `fields`).
// Read-only fields a client may echo (id, createdAt, updatedAt, createdBy, version, ownerName,
// convertedAt, converted*Id, userId) are ignored; anything else unknown is validation.unknown_field.
// ownerId null returns the lead to the unassigned queue (LeadService decides who may).
struct LeadInput
{
    Lead values;
    QSet<QString> fields;
};
Result<LeadInput> leadInput(const QJsonObject &body);

// POST /api/crm/leads/{id}/convert: createOpportunity (default true), opportunityName, amount (or
// value: a decimal number or string), currency, pipelineId, expectedCloseDate. An empty body
// converts with the defaults.
Result<LeadConversion> leadConversion(const QJsonObject &body);
// LeadService's conversion error fields as this body names them (amountMinor -> amount).
Error conversionError(Error e);

// POST /api/public/leads: name, and a phone or an email; company, message (or notes), source.
// Nothing else is accepted (validation.unknown_field): a stranger sets no owner, status or ids.
// Lengths are bounded here, before anything reaches the database.
Result<Lead> publicLeadInput(const QJsonObject &body, const QString &defaultSource);

} // namespace crm::json
