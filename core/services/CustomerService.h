#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"
#include "core/security/Actor.h"

#include <QSet>

namespace crm {

class CustomerTagTable;
class Database;

// Customers: the only writer of customers and their phones, emails, addresses, tags and groups.
// Lists, counts and details are scoped to the actor in SQL; out of scope reads as not found.
class CustomerService
{
public:
    explicit CustomerService(Database &db) : m_db(db) {}

    Result<Customer> create(const Actor &actor, Customer draft);
    Result<Customer> get(const Actor &actor, qint64 id);
    // Applies the named fields of `values` (see CustomerValidator::fieldNames()). With an expected
    // version, a record changed in the meantime is refused with conflict.version and nothing is written.
    Result<Customer> update(const Actor &actor, qint64 id, const Customer &values, const QSet<QString> &fields,
                            std::optional<int> expectedVersion = std::nullopt);
    Status remove(const Actor &actor, qint64 id);

    Result<CustomerPage> list(const Actor &actor, const CustomerFilter &filter);
    // The same rows as flat cells, for exports of many rows (see CustomerCells); the same permission,
    // scope and field rules (hidden fields are empty). `tags`: see CustomerRepository::listCells.
    Result<CustomerCellPage> listCells(const Actor &actor, const CustomerFilter &filter, const CustomerTagTable *tags = nullptr);
    Result<qint64> count(const Actor &actor, const CustomerFilter &filter);
    // The count, but reading at most `cap` matching rows: the answer is min(count, cap). Lists that only
    // need "how many, or more than we would page through" (the API's total) stay cheap for a scope
    // of a million customers or a keyword that matches most of them.
    Result<qint64> countUpTo(const Actor &actor, const CustomerFilter &filter, qint64 cap);

    // Bulk actions from the desktop's multi-select; all or nothing.
    Status addTags(const Actor &actor, const QVector<qint64> &ids, const QStringList &tags);

    // Whether a phone, email or name is already known, revealing only who holds it relative to the
    // actor ("yours", "owned_by_other", "in_pool"), never the other rep's data.
    Result<QVector<DuplicateHint>> duplicates(const Actor &actor, const QString &phone, const QString &email, const QString &name);

    // For other services: the customer exists and is in the actor's scope.
    static Status requireVisible(Database &db, const Actor &actor, qint64 customerId);

    // A field the actor's role makes read-only or hidden is refused (forbidden, naming the field).
    static Status checkWritable(const Actor &actor, const QSet<QString> &fields);
    // An owner other than oneself must be an active user in one's scope, and needs customer.assign.
    static Status checkOwner(Database &db, const Actor &actor, std::optional<qint64> owner);
    // Blanks the fields the actor's role hides and lists them in hiddenFields.
    static void applyFieldRules(const Actor &actor, Customer &c);
    // The audit snapshot of the fields a user can set.
    static QVariantMap snapshot(const Customer &c);

private:
    Database &m_db;
};

} // namespace crm
