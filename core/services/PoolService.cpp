#include "core/services/PoolService.h"

#include "core/search/SearchIndex.h"
#include "core/services/AuditLog.h"
#include "core/services/CustomerService.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"
#include "core/storage/RunningTotals.h"

#include <QSqlQuery>

namespace crm {

namespace {
const QString kEntity = QStringLiteral("customer");

QVariant idOrNull(std::optional<qint64> id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qlonglong>());
}
} // namespace

Status PoolService::setOwner(const Actor &actor, qint64 customerId, std::optional<qint64> from, std::optional<qint64> to,
                             const QString &action)
{
    const qint64 now = m_db.clock().nowMs();
    QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE customers SET owner_id = :to, pool_since = :pool, updated_at = :now,"
                                              " version = version + 1 WHERE id = :id AND ") +
                               (from ? QStringLiteral("owner_id = :from") : QStringLiteral("owner_id IS NULL")));
    q.bindValue(QStringLiteral(":to"), idOrNull(to));
    q.bindValue(QStringLiteral(":pool"), to ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(now));
    q.bindValue(QStringLiteral(":now"), now);
    q.bindValue(QStringLiteral(":id"), customerId);
    if (from)
        q.bindValue(QStringLiteral(":from"), *from);
    if (Status st = m_db.exec(q); !st)
        return st;
    if (q.numRowsAffected() != 1)
        return Error::conflict(QStringLiteral("claimed"), QStringLiteral("Someone else took this customer first"));
    if (Status st = SearchIndex::setOwner(m_db, customerId, from, to); !st)
        return st;
    if (Status st = AuditLog::record(m_db, actor, kEntity, customerId, action, QStringLiteral("ownerId"), idOrNull(from), idOrNull(to));
        !st)
        return st;
    m_db.notifyAfterCommit({kEntity, customerId, QStringLiteral("updated")});
    return {};
}

Result<Customer> PoolService::claim(const Actor &actor, qint64 customerId)
{
    if (!actor.can(Permission::PoolClaim) || actor.userId <= 0)
        return Error::forbidden();
    Status st = m_db.write([&]() -> Status {
        // Existence first, so a missing id says not found rather than "someone was faster".
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT owner_id FROM customers WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), customerId);
        if (Status s = m_db.exec(q); !s)
            return s;
        if (!q.next())
            return Error::notFound(QStringLiteral("Customer"));
        const bool inPool = q.value(0).isNull();
        q.finish();
        if (!inPool) // owned: in scope or not, it is not in the pool any more
            return Error::conflict(QStringLiteral("claimed"), QStringLiteral("This customer is no longer in the pool"));
        return setOwner(actor, customerId, std::nullopt, actor.userId, QStringLiteral("claim"));
    });
    if (!st)
        return st.error();
    return CustomerService(m_db).get(actor, customerId);
}

Result<Customer> PoolService::release(const Actor &actor, qint64 customerId)
{
    if (!actor.can(Permission::PoolClaim) && !actor.can(Permission::CustomerAssign))
        return Error::forbidden();
    Status st = m_db.write([&]() -> Status {
        auto current = CustomerRepository(m_db).load(customerId, actor.ownerCondition(QStringLiteral("c.owner_id")));
        if (!current)
            return current.error();
        if (!current->ownerId)
            return Error::conflict(QStringLiteral("state"), QStringLiteral("This customer is already in the pool"));
        if (*current->ownerId != actor.userId && !actor.can(Permission::CustomerAssign))
            return Error::forbidden(QStringLiteral("Only the owner can release this customer"));
        return setOwner(actor, customerId, current->ownerId, std::nullopt, QStringLiteral("release"));
    });
    if (!st)
        return st.error();
    // After release the customer may be out of the actor's scope; report it as the system sees it.
    auto released = CustomerRepository(m_db).load(customerId, QStringLiteral("1=1"));
    if (released)
        CustomerService::applyFieldRules(actor, released.value());
    return released;
}

Status PoolService::assign(const Actor &actor, const QVector<qint64> &customerIds, std::optional<qint64> ownerId)
{
    if (!actor.can(Permission::CustomerAssign))
        return Error::forbidden(QStringLiteral("You may not assign customers"));
    if (ownerId) {
        if (!actor.canSeeOwner(*ownerId))
            return Error::validation(QStringLiteral("reference"), QStringLiteral("ownerId"), QStringLiteral("Unknown owner"));
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT active FROM users WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), *ownerId);
        if (Status st = m_db.exec(q); !st)
            return st;
        if (!q.next() || q.value(0).toInt() == 0)
            return Error::validation(QStringLiteral("reference"), QStringLiteral("ownerId"), QStringLiteral("Unknown or inactive owner"));
    }
    return m_db.write([&]() -> Status {
        // The customers' counts by province and industry move once at the end (RunningTotals), not a
        // counter row update per customer. (A failure leaves the pause on; the write rolls back.)
        if (Status st = RunningTotals::pauseCustomerCounts(m_db, true); !st)
            return st;
        CustomerCountDeltas counts;
        for (qint64 id : customerIds) {
            // Pool customers may be assigned by anyone with customer.assign; owned ones must be in scope.
            QSqlQuery q = m_db.prepare(QStringLiteral("SELECT c.owner_id, c.province, c.industry FROM customers c WHERE c.id = :id"
                                                      " AND (c.owner_id IS NULL OR ") +
                                       actor.ownerCondition(QStringLiteral("c.owner_id")) + QLatin1Char(')'));
            q.bindValue(QStringLiteral(":id"), id);
            if (Status st = m_db.exec(q); !st)
                return st;
            if (!q.next())
                return Error::notFound(QStringLiteral("Customer"));
            const std::optional<qint64> from = q.value(0).isNull() ? std::nullopt : std::optional<qint64>(q.value(0).toLongLong());
            const QString province = q.value(1).toString(), industry = q.value(2).toString();
            q.finish();
            if (from == ownerId)
                continue;
            if (Status st = setOwner(actor, id, from, ownerId, QStringLiteral("assign")); !st)
                return st;
            RunningTotals::countCustomer(counts, from.value_or(0), province, industry, -1);
            RunningTotals::countCustomer(counts, ownerId.value_or(0), province, industry);
        }
        if (Status st = RunningTotals::pauseCustomerCounts(m_db, false); !st)
            return st;
        return RunningTotals::addCustomerCounts(m_db, counts);
    });
}

} // namespace crm
