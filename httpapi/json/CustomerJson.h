#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"

#include <QJsonObject>
#include <QSet>

namespace crm::json {

class JsonWriter;

// A customer as the API shows it; the lists (phones, emails, addresses, groups, custom fields) only
// when the detail was loaded.
void write(JsonWriter &out, const Customer &c);
QJsonObject contact(const Contact &c);

// The fields a request body sets, converted for CustomerService::update/create. Read-only fields a
// client may echo back (id, createdAt, version, ownerName, ...) are ignored; anything else unknown
// is validation.unknown_field, so a typo never silently drops data.
struct CustomerInput
{
    Customer values;
    QSet<QString> fields;
};
Result<CustomerInput> customerInput(const QJsonObject &body);

// The fields a contact body sets, for ContactService::add/update: name, position, relationship,
// phone, email, notes (strings) and primary (a bool). Echoed read-only fields (id, customerId,
// createdAt, updatedAt, userId) are ignored: the customer comes from the path and never moves;
// anything else is validation.unknown_field.
struct ContactInput
{
    Contact values;
    QSet<QString> fields;
};
Result<ContactInput> contactInput(const QJsonObject &body);

} // namespace crm::json
