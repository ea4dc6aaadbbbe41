#pragma once

#include "core/Result.h"
#include "core/domain/Activity.h"
#include "core/security/Actor.h"
#include "core/storage/RunningTotals.h"

#include <QMap>
#include <QStringList>
#include <QVector>

#include <memory>

namespace crm {

class BulkInsert;
class Database;

// Writes many new activities (imports) inside the caller's write transaction, with what
// ActivityService::log writes for each: the row (logged by the actor, created now, version 1), its
// audit "create" entry (ActivityService::snapshot) and the customer's last contact raised to its
// newest activity, but through statements prepared once (BulkInsert), and the last contacts raised
// once per customer at finish() instead of some six statements per activity (a customer's activities
// spread over a file would otherwise move its entries in the customer indexes once per batch) and
// the day counts of the running totals added once (RunningTotals::pauseActivityCounts). The
// drafts must have passed ActivityService::validateDraft and name customers in the actor's scope (the
// importer checks both per chunk); attachments are not written (an import carries none: such a draft
// is refused). Ids are taken when a batch is written. Change notifications are the caller's (one for
// the whole import).
class ActivityBulkWriter
{
public:
    ActivityBulkWriter(Database &db, const Actor &actor);
    ~ActivityBulkWriter();

    // Queues an activity; writes a batch when enough are queued.
    Status add(const Activity &draft);
    // For a load large next to the table, on SQLite: drops the activity indexes whose entries would
    // land all over them (by author, contact, opportunity), and the insert trigger (see
    // SqliteBulkLoad::suspend); finish() builds them again, the indexes sorted once.
    // activities_customer stays: duplicate checks read it, and files listed by customer append to it.
    Status suspendIndexes();
    // Writes what is queued, rebuilds suspended indexes and raises the last contacts: call once,
    // after the last add().
    Status finish();

    static constexpr int kBatch = 500;

    // The audit entry's text, as AuditLog::snapshotText(ActivityService::snapshot(a)) writes it.
    static QString snapshotJson(const Activity &a);

private:
    Status flush();

    Database &m_db;
    Actor m_actor;
    QVector<Activity> m_queue;
    QMap<qint64, qint64> m_newest; // customer -> its newest activity written
    // Added to activity_day_counts once at finish(), the trigger paused while the rows go in: the
    // rows are all the actor's, so a file without times (all "now") put every row on one counter
    // row, which PostgreSQL rewrote once per row (a longer chain of its versions each time).
    ActivityCountDeltas m_dayCounts;
    QStringList m_suspendedIndexes; // their CREATE statements
    std::unique_ptr<BulkInsert> m_rows, m_audit;
};

} // namespace crm
