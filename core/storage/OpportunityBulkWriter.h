#pragma once

#include "core/Result.h"
#include "core/domain/Opportunity.h"
#include "core/security/Actor.h"
#include "core/storage/RunningTotals.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <memory>

namespace crm {

class BulkInsert;
class Database;

// Writes many new opportunities (imports) inside the caller's write transaction, with what
// OpportunityService::create writes for each: the row (created now, version 1, in its stage since
// now, closed now when the stage is won or lost), its first stage-history entry, its audit "create"
// entry (OpportunityService::snapshot) and a won deal's amount added to its customer's won value;
// but through statements prepared once, fifty rows each (BulkInsert), and the won values added once
// per customer at finish(). Through the service each opportunity cost some ten statements, each a
// round trip on PostgreSQL (2.6 ms a row there).
//
// The drafts must be complete and checked as create() would check them: customer in the actor's
// scope, stage (its pipeline and kind in pipelineId and status), probability filled in, owner an
// active user in the actor's scope, loss reason only and always for a lost stage (the importer does
// this per chunk). Without a currency, a draft gets the company's; without an owner, the actor, or
// for the system actor the customer's owner. Ids are reserved as drafts are added, so the caller can refer to one (flush()
// before changing it). Change notifications are the caller's (one for the whole import). The rows'
// running totals (opportunity_totals) are added once at finish(), the trigger paused while they are
// written (RunningTotals::pauseOpportunityTotals).
class OpportunityBulkWriter
{
public:
    OpportunityBulkWriter(Database &db, const Actor &actor);
    ~OpportunityBulkWriter();

    // Queues an opportunity and returns its id; writes a batch when enough are queued.
    Result<qint64> add(const Opportunity &draft);
    // Writes what is queued.
    Status flush();
    // Writes the rest and the won values: call once, after the last add().
    Status finish();
    // Whether finish() changes customers (their won values), for the caller's change notification.
    bool changesCustomers() const { return !m_wonValue.isEmpty(); }

    static constexpr int kBatch = 500;

private:
    Result<qint64> nextId();
    Status fillOwners(); // the system actor's drafts without an owner get their customer's

    Database &m_db;
    Actor m_actor;
    QString m_currency; // the company's, for won values
    QVector<Opportunity> m_queue;
    QVector<qint64> m_freeIds; // reserved, ascending (PostgreSQL)
    qint64 m_lastId = 0; // SQLite: the last id given (the write lock keeps MAX(id) ours)
    QHash<qint64, qint64> m_wonValue; // customer -> amount to add, in minor units
    OpportunityTotalDeltas m_totals; // added to opportunity_totals once, at finish()
    std::unique_ptr<BulkInsert> m_rows, m_history, m_audit;
};

} // namespace crm
