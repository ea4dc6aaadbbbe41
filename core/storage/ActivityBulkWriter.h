#pragma once

#include "core/Result.h"
#include "core/domain/Activity.h"
#include "core/security/Actor.h"

#include <QHash>
#include <QVector>

#include <memory>

namespace crm {

class BulkInsert;
class Database;

// Writes many new activities (imports) inside the caller's write transaction, with what
// ActivityService::log writes for each: the row (logged by the actor, created now, version 1), its
// audit "create" entry (ActivityService::snapshot) and the customer's last contact raised to its
// newest activity, but through statements prepared once (BulkInsert) and one last-contact update per
// customer and batch instead of some six statements per activity. The drafts must have passed
// ActivityService::validateDraft and name customers in the actor's scope (the importer checks both
// per chunk); attachments are not written (an import carries none: such a draft is refused). Ids are
// taken when a batch is written. Change notifications are the caller's (one for the whole import).
class ActivityBulkWriter
{
public:
    ActivityBulkWriter(Database &db, const Actor &actor);
    ~ActivityBulkWriter();

    // Queues an activity; writes a batch when enough are queued.
    Status add(const Activity &draft);
    // Writes what is queued.
    Status flush();

    static constexpr int kBatch = 500;

private:
    Database &m_db;
    Actor m_actor;
    QVector<Activity> m_queue;
    std::unique_ptr<BulkInsert> m_rows, m_audit;
};

} // namespace crm
