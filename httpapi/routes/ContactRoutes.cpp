// A customer's contacts: add (POST /api/crm/customers/{id}/contacts), read, update, delete
// (/api/crm/contacts/{id}). ContactService holds the rules (scope, permissions, one primary,
// validation); the customer's list is in CustomerRoutes. Contacts have no version: no ETag.
#include "httpapi/routes/Routes.h"

#include "core/services/ContactService.h"
#include "httpapi/json/CustomerJson.h"

namespace crm::routes {

namespace {

ApiResponse contactAnswer(const Contact &contact, int status = 200, bool success = false)
{
    QJsonObject out{{QStringLiteral("contact"), json::contact(contact)}};
    if (success)
        out.insert(QStringLiteral("success"), true);
    return ApiResponse::json(out, status);
}

ApiResponse create(ApiContext &c)
{
    auto customerId = c.request.id();
    if (!customerId)
        return errorOr(customerId.error());
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::contactInput(*body);
    if (!input)
        return errorOr(input.error());
    Contact draft = input->values;
    draft.customerId = *customerId; // the path's, never the body's
    auto created = ContactService(c.db).add(c.request.actor, draft);
    if (!created) {
        // The service reports an unknown or out-of-scope customer as a bad customerId reference;
        // here the customer is the path's record, and a path record out of scope is missing.
        if (created.error().field == QLatin1String("customerId"))
            return errorOr(Error::notFound(QStringLiteral("Customer")));
        return errorOr(created.error());
    }
    return contactAnswer(*created, 201, true);
}

ApiResponse get(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto contact = ContactService(c.db).get(c.request.actor, *id);
    if (!contact)
        return errorOr(contact.error());
    return contactAnswer(*contact);
}

ApiResponse update(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    auto body = c.request.jsonBody();
    if (!body)
        return errorOr(body.error());
    auto input = json::contactInput(*body);
    if (!input)
        return errorOr(input.error());
    auto updated = ContactService(c.db).update(c.request.actor, *id, input->values, input->fields);
    if (!updated)
        return errorOr(updated.error());
    return contactAnswer(*updated, 200, true);
}

ApiResponse remove(ApiContext &c)
{
    auto id = c.request.id();
    if (!id)
        return errorOr(id.error());
    if (Status st = ContactService(c.db).remove(c.request.actor, *id); !st)
        return errorOr(st.error());
    return ApiResponse::json({{QStringLiteral("success"), true}});
}

} // namespace

void addContacts(Router &router)
{
    router.add("POST", QStringLiteral("/api/crm/customers/{id}/contacts"), create,
               QStringLiteral("Add a contact to the customer: {name, position, relationship, phone, email, notes, primary}"
                              " -> {success, contact}; a primary contact makes the others non-primary"));
    router.add("GET", QStringLiteral("/api/crm/contacts/{id}"), get, QStringLiteral("One contact -> {contact}"));
    router.add("PUT", QStringLiteral("/api/crm/contacts/{id}"), update,
               QStringLiteral("Update the given fields of a contact -> {success, contact}"));
    router.add("PATCH", QStringLiteral("/api/crm/contacts/{id}"), update,
               QStringLiteral("Update the given fields of a contact -> {success, contact}"));
    router.add("DELETE", QStringLiteral("/api/crm/contacts/{id}"), remove, QStringLiteral("Delete a contact -> {success}"));
}

} // namespace crm::routes
