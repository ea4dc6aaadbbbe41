#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"
#include "core/security/Actor.h"

namespace crm {

class Database;

// The public pool: customers without an owner. Claiming is atomic (a conditional UPDATE), so when two
// reps claim at once exactly one wins and the other is told someone was faster.
class PoolService
{
public:
    explicit PoolService(Database &db) : m_db(db) {}

    Result<Customer> claim(const Actor &actor, qint64 customerId);
    // Gives one's own customer back to the pool (or any in scope, with customer.assign).
    Result<Customer> release(const Actor &actor, qint64 customerId);
    // Bulk owner change; std::nullopt moves the customers to the pool. All or nothing.
    Status assign(const Actor &actor, const QVector<qint64> &customerIds, std::optional<qint64> ownerId);

private:
    Status setOwner(const Actor &actor, qint64 customerId, std::optional<qint64> from, std::optional<qint64> to,
                    const QString &action);
    Database &m_db;
};

} // namespace crm
