#include "core/storage/ActivityBulkWriter.h"

#include "core/services/ActivityService.h"
#include "core/services/SnapshotJson.h"
#include "core/storage/BulkInsert.h"
#include "core/storage/Database.h"
#include "core/storage/RunningTotals.h"
#include "core/storage/SqliteBulkLoad.h"

namespace crm {

using bulk::nullableId;
using bulk::text;

ActivityBulkWriter::ActivityBulkWriter(Database &db, const Actor &actor) : m_db(db), m_actor(actor)
{
    m_rows = std::make_unique<BulkInsert>(
        db,
        QStringLiteral("INSERT INTO activities (id, customer_id, contact_id, opportunity_id, user_id, kind, direction, status,"
                       " subject, content, outcome, phone, occurred_at, duration_seconds, created_at) VALUES "),
        QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"), 15);
    m_audit = std::make_unique<BulkInsert>(
        db,
        QStringLiteral("INSERT INTO audit_log (at, user_id, source, entity, entity_id, action, field, old_value, new_value) VALUES "),
        QStringLiteral("(?,?,?,'activity',?,'create',NULL,NULL,?)"), 5);
}

ActivityBulkWriter::~ActivityBulkWriter() = default;

// AuditLog::snapshotText(ActivityService::snapshot(a)) for an activity without attachments (add()
// refuses those), written by SnapshotJson.
QString ActivityBulkWriter::snapshotJson(const Activity &a)
{
    SnapshotJson o;
    if (a.contactId)
        o.number("contactId", *a.contactId);
    o.text("content", a.content);
    o.number("customerId", a.customerId);
    o.text("direction", a.direction);
    if (a.durationSeconds)
        o.number("durationSeconds", *a.durationSeconds);
    o.text("kind", a.kind);
    o.number("occurredAt", a.occurredAt);
    if (a.opportunityId)
        o.number("opportunityId", *a.opportunityId);
    o.text("outcome", a.outcome);
    o.text("phone", a.phone);
    o.text("status", a.status);
    o.text("subject", a.subject);
    return o.finish();
}

Status ActivityBulkWriter::add(const Activity &draft)
{
    Q_ASSERT_X(m_db.inTransaction(), "ActivityBulkWriter", "needs the caller's write transaction");
    if (!draft.attachments.isEmpty() || m_actor.userId <= 0)
        return Error::internal(); // see the class comment: no caller passes these
    m_queue.append(draft);
    if (m_queue.size() >= kBatch)
        return flush();
    return {};
}

Status ActivityBulkWriter::flush()
{
    if (m_queue.isEmpty())
        return {};
    auto ids = BulkInsert::takeIds(m_db, QStringLiteral("activities"), m_queue.size());
    if (!ids)
        return ids.error();
    const qint64 now = m_db.clock().nowMs();
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        Activity &a = m_queue[i];
        a.id = ids->at(i);
        a.userId = m_actor.userId;
        a.createdAt = now;
        a.version = 1;
        m_rows->add(a.id, a.customerId, nullableId(a.contactId.value_or(0)), nullableId(a.opportunityId.value_or(0)), a.userId,
                    a.kind, text(a.direction), text(a.status), text(a.subject), text(a.content), text(a.outcome), text(a.phone),
                    a.occurredAt, a.durationSeconds ? std::optional<qint64>(*a.durationSeconds) : std::nullopt, now);
        m_audit->add(now, nullableId(m_actor.userId), m_actor.source, a.id, snapshotJson(a));
        qint64 &at = m_newest[a.customerId];
        at = std::max(at, a.occurredAt);
        ++m_dayCounts[{a.occurredAt / RunningTotals::kDayMs, a.userId}];
    }
    // The rows' day counts are added once, in finish(): the trigger stays out of these INSERTs. (A
    // failure below leaves the pause on; the caller rolls back.)
    if (Status st = RunningTotals::pauseActivityCounts(m_db, true); !st)
        return st;
    for (BulkInsert *b : {m_rows.get(), m_audit.get()})
        if (Status st = b->flush(); !st)
            return st;
    if (Status st = RunningTotals::pauseActivityCounts(m_db, false); !st)
        return st;
    m_queue.clear();
    return {};
}

Status ActivityBulkWriter::suspendIndexes()
{
    if (!m_db.isSqlite() || !m_suspendedIndexes.isEmpty())
        return {};
    if (Status st = flush(); !st)
        return st;
    auto dropped = SqliteBulkLoad::suspend(m_db, {QStringLiteral("activities")}, {QStringLiteral("activities_customer")});
    if (!dropped)
        return dropped.error();
    m_suspendedIndexes = *dropped;
    return {};
}

Status ActivityBulkWriter::finish()
{
    if (Status st = flush(); !st)
        return st;
    if (!m_suspendedIndexes.isEmpty())
        if (Status st = SqliteBulkLoad::createIndexes(m_db, std::exchange(m_suspendedIndexes, {})); !st)
            return st;
    if (Status st = RunningTotals::addActivityCounts(m_db, std::exchange(m_dayCounts, {})); !st)
        return st;
    return ActivityService::raiseLastContacts(m_db, std::exchange(m_newest, {}));
}

} // namespace crm
