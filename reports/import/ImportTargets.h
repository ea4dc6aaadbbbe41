#pragma once

#include "core/Result.h"

#include <QStringList>

namespace crm {

class ColumnMapping;

// The fields of opportunity and activity import files and the header names (Chinese and English)
// that propose them. Every column our own exporters write (OpportunityExporter, ActivityExporter, in
// both languages) maps to its field, except those an import cannot set (id, created, closed, the
// activity's user: activities are logged by the importing user, as ActivityService decides).
//
// Opportunities: customerId, customer (name), customerPhone, name, amount, currency, probability,
// pipeline, stage, status, expectedCloseDate, owner, lossReason, notes.
// Activities: customerId, customer, customerPhone, occurredAt, kind, direction, subject, content,
// outcome, status, phone, durationSeconds.
// Contacts: customerId, customer, customerPhone, name, position, relationship, phone, email, primary,
// notes (phone and email are the contact's own).
namespace ImportTargets {

inline const QString Opportunities = QStringLiteral("opportunities");
inline const QString Activities = QStringLiteral("activities");
inline const QString Contacts = QStringLiteral("contacts");

bool isKnownType(const QString &type); // customers, opportunities, activities, contacts
const QStringList &fields(const QString &type);
QString suggest(const QString &header, const QString &type);
// Unknown fields, a field twice, and the columns a row cannot do without: a customer (id or name)
// and, for opportunities and contacts, the record's name.
Status validate(const ColumnMapping &mapping);

} // namespace ImportTargets
} // namespace crm
