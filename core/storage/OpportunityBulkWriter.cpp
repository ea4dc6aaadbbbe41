#include "core/storage/OpportunityBulkWriter.h"

#include "core/services/AuditLog.h"
#include "core/services/OpportunityService.h"
#include "core/storage/BulkInsert.h"
#include "core/storage/Database.h"
#include "core/storage/RunningTotals.h"

#include <QSqlQuery>

#include <optional>

namespace crm {

using bulk::nullableId;
using bulk::text;

OpportunityBulkWriter::OpportunityBulkWriter(Database &db, const Actor &actor) : m_db(db), m_actor(actor)
{
    m_rows = std::make_unique<BulkInsert>(
        db,
        QStringLiteral("INSERT INTO opportunities (id, customer_id, pipeline_id, stage_id, name, amount_minor, currency, probability,"
                       " expected_close_date, status, loss_reason, owner_id, notes, created_at, updated_at, closed_at,"
                       " stage_entered_at, version) VALUES "),
        QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)"), 17);
    m_history = std::make_unique<BulkInsert>(
        db, QStringLiteral("INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, user_id, at) VALUES "),
        QStringLiteral("(?,NULL,?,?,?)"), 4);
    m_audit = std::make_unique<BulkInsert>(
        db,
        QStringLiteral("INSERT INTO audit_log (at, user_id, source, entity, entity_id, action, field, old_value, new_value) VALUES "),
        QStringLiteral("(?,?,?,'opportunity',?,'create',NULL,NULL,?)"), 5);
}

OpportunityBulkWriter::~OpportunityBulkWriter() = default;

Result<qint64> OpportunityBulkWriter::nextId()
{
    if (m_db.isSqlite() && m_lastId > 0)
        return ++m_lastId;
    if (m_freeIds.isEmpty()) {
        // SQLite: MAX(id) + 1 once, counted on from there; PostgreSQL: a batch from the sequence.
        auto ids = BulkInsert::takeIds(m_db, QStringLiteral("opportunities"), m_db.isSqlite() ? 1 : kBatch);
        if (!ids)
            return ids.error();
        if (m_db.isSqlite())
            return m_lastId = ids->constFirst();
        m_freeIds = *ids;
    }
    return m_freeIds.takeFirst();
}

Result<qint64> OpportunityBulkWriter::add(const Opportunity &draft)
{
    Q_ASSERT_X(m_db.inTransaction(), "OpportunityBulkWriter", "needs the caller's write transaction");
    auto id = nextId();
    if (!id)
        return id;
    if (m_currency.isEmpty()) {
        auto currency = OpportunityService::companyCurrency(m_db);
        if (!currency)
            return currency.error();
        m_currency = *currency;
    }
    m_queue.append(draft);
    Opportunity &o = m_queue.last();
    o.id = *id;
    if (o.currency.trimmed().isEmpty())
        o.currency = m_currency;
    if (!o.ownerId && m_actor.userId > 0)
        o.ownerId = m_actor.userId;
    // As OpportunityService::adjustWonValue: won deals in the company currency count.
    if (o.status == QLatin1String("won") && o.currency == m_currency && o.amountMinor != 0)
        m_wonValue[o.customerId] += o.amountMinor;
    if (m_queue.size() >= kBatch)
        if (Status st = flush(); !st)
            return st.error();
    return *id;
}

Status OpportunityBulkWriter::fillOwners()
{
    QStringList params;
    QVector<qint64> customers;
    for (const Opportunity &o : std::as_const(m_queue))
        if (!o.ownerId) {
            params << QStringLiteral(":c%1").arg(customers.size());
            customers << o.customerId;
        }
    if (customers.isEmpty())
        return {};
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, owner_id FROM customers WHERE owner_id IS NOT NULL AND id IN (") +
                               params.join(QStringLiteral(", ")) + QLatin1Char(')'));
    for (qsizetype i = 0; i < customers.size(); ++i)
        q.bindValue(params.at(i), customers.at(i));
    if (Status st = m_db.exec(q); !st)
        return st;
    QHash<qint64, qint64> owners;
    while (q.next())
        owners.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    for (Opportunity &o : m_queue)
        if (!o.ownerId && owners.contains(o.customerId))
            o.ownerId = owners.value(o.customerId);
    return {};
}

Status OpportunityBulkWriter::flush()
{
    if (m_queue.isEmpty())
        return {};
    if (m_actor.userId <= 0)
        if (Status st = fillOwners(); !st)
            return st;
    const qint64 now = m_db.clock().nowMs();
    const bulk::OptId user = nullableId(m_actor.userId);
    for (const Opportunity &o : std::as_const(m_queue)) {
        const bool open = o.status == QLatin1String("open");
        const QString closeDate = o.expectedCloseDate.isValid() ? o.expectedCloseDate.toString(Qt::ISODate) : QString();
        m_rows->add(o.id, o.customerId, o.pipelineId, o.stageId, o.name, o.amountMinor, o.currency, o.probability, text(closeDate),
                    o.status, text(o.lossReason), nullableId(o.ownerId.value_or(0)), text(o.notes), now, now,
                    nullableId(open ? 0 : now), now);
        m_history->add(o.id, o.stageId, user, now);
        m_audit->add(now, user, m_actor.source, o.id, AuditLog::snapshotText(OpportunityService::snapshot(o)));
        RunningTotals::countOpportunity(m_totals, o.ownerId.value_or(0), o.pipelineId, o.stageId, o.currency, o.amountMinor,
                                        o.probability);
    }
    // The rows' totals are added once, in finish(): the trigger stays out of these INSERTs. (A failure
    // below leaves the pause on; the caller rolls back.)
    if (Status st = RunningTotals::pauseOpportunityTotals(m_db, true); !st)
        return st;
    // Parents first: the history and audit rows refer to the opportunities.
    for (BulkInsert *b : {m_rows.get(), m_history.get(), m_audit.get()})
        if (Status st = b->flush(); !st)
            return st;
    if (Status st = RunningTotals::pauseOpportunityTotals(m_db, false); !st)
        return st;
    m_queue.clear();
    return {};
}

Status OpportunityBulkWriter::finish()
{
    if (Status st = flush(); !st)
        return st;
    if (Status st = RunningTotals::addOpportunityTotals(m_db, std::exchange(m_totals, {})); !st)
        return st;
    // An increment per customer, as the service makes it (see OpportunityService::adjustWonValue), a
    // hundred customers a statement: on PostgreSQL one UPDATE per customer was a round trip each.
    // (VALUES names its columns column1, column2 on both databases; the casts type PostgreSQL's
    // parameters, which VALUES would otherwise take as text.)
    constexpr qsizetype kPerStatement = 100;
    const QVector<qint64> customers = m_wonValue.keys();
    auto statement = [&](qsizetype n) {
        QStringList rows;
        for (qsizetype i = 0; i < n; ++i)
            rows << QStringLiteral("(CAST(? AS BIGINT), CAST(? AS BIGINT))");
        return m_db.prepare(QStringLiteral("UPDATE customers SET won_value_minor = won_value_minor + v.column2 FROM (VALUES ") +
                            rows.join(QLatin1Char(',')) + QStringLiteral(") AS v WHERE customers.id = v.column1"));
    };
    std::optional<QSqlQuery> hundred; // prepared once, for every full statement
    QSqlQuery last;
    for (qsizetype first = 0; first < customers.size(); first += kPerStatement) {
        const qsizetype n = std::min(kPerStatement, customers.size() - first);
        if (n == kPerStatement && !hundred)
            hundred = statement(n);
        QSqlQuery &q = n == kPerStatement ? *hundred : (last = statement(n));
        for (qsizetype i = 0; i < n; ++i) {
            const qint64 customer = customers[first + i];
            q.addBindValue(customer);
            q.addBindValue(m_wonValue.value(customer));
        }
        if (Status st = m_db.exec(q); !st)
            return st;
    }
    m_wonValue.clear();
    return {};
}

} // namespace crm
