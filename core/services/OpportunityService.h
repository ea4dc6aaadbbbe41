#pragma once

#include "core/Result.h"
#include "core/domain/Opportunity.h"
#include "core/security/Actor.h"

#include <QSet>

namespace crm {

class Database;

// Opportunities: the only writer of opportunities, their stage history and customers.won_value_minor.
//
// Scope: an opportunity is visible when its owner is in the actor's scope (opportunities.owner_id);
// out of scope reads as not found. Permissions: opportunity.read / .write / .delete.
// Status follows the stage's kind (open/won/lost) and changes only through moveStage, which writes a
// history row; creating writes the first one (from no stage).
// customers.won_value_minor is the exact sum of the customer's won opportunities in the company
// currency (others cannot be added to it); every write that changes it adjusts it in the same
// transaction and announces ("customer", id, "updated") without bumping the customer's version.
class OpportunityService
{
public:
    static constexpr int MaxLimit = 200; // rows per page
    static constexpr qint64 MaxAmountMinor = 1'000'000'000'000'000; // keeps sums of amount * probability in 64 bits

    explicit OpportunityService(Database &db) : m_db(db) {}

    // Every field name update() accepts.
    static const QSet<QString> &fieldNames();
    // The fields the audit log records for an opportunity (its create entry's snapshot).
    static QVariantMap snapshot(const Opportunity &o);

    // The customer must be visible to the actor; the owner defaults to the actor (for the system
    // actor: the customer's owner) and may be another user only in the actor's scope. The stage
    // decides pipeline and status; a lost stage needs lossReason. probability
    // Opportunity::StageProbability takes the stage's; currency empty takes the company currency.
    Result<Opportunity> create(const Actor &actor, Opportunity draft);
    Result<Opportunity> get(const Actor &actor, qint64 id);
    // For other services: the opportunity exists and is in the actor's scope (its owner), else not_found.
    static Status requireVisible(Database &db, const Actor &actor, qint64 opportunityId);
    // Applies the named fields of `values` (see fieldNames()). With an expected version, a record
    // changed in the meantime is refused with conflict.version and nothing is written.
    Result<Opportunity> update(const Actor &actor, qint64 id, const Opportunity &values, const QSet<QString> &fields,
                               std::optional<int> expectedVersion = std::nullopt);
    Status remove(const Actor &actor, qint64 id);

    Result<OpportunityPage> list(const Actor &actor, const OpportunityFilter &filter);
    Result<qint64> count(const Actor &actor, const OpportunityFilter &filter);
    // What to put in OpportunityFilter::afterKey to continue after `o` in `sort` order.
    static QVariant sortKey(const Opportunity &o, OpportunitySort sort);

    // Moves to another stage, of the same pipeline or of another one (the deal then belongs to that
    // pipeline; the role must be allowed to change pipelineId as well as stageId). Writes a history row, restarts stageEnteredAt, takes the stage's probability, sets the
    // status from the stage's kind and closedAt when it closes. A lost stage needs lossReason
    // (validation.required on lossReason); leaving the lost stage clears it. Moving to the current
    // stage changes nothing.
    Result<Opportunity> moveStage(const Actor &actor, qint64 id, qint64 stageId, std::optional<int> expectedVersion = std::nullopt,
                                  const QString &lossReason = {});
    // Oldest first.
    Result<QVector<StageChange>> stageHistory(const Actor &actor, qint64 opportunityId);

    // Count, amount and weighted amount per stage of one pipeline, within the actor's scope
    // (optionally one owner's, and/or one team's: owners in a department or below it, as
    // OpportunityFilter::departmentId). One GROUP BY over a covering index.
    Result<PipelineSummary> pipelineSummary(const Actor &actor, qint64 pipelineId, std::optional<qint64> ownerId = std::nullopt,
                                            std::optional<qint64> departmentId = std::nullopt);
    // The same for a pipeline the caller has loaded already (with its stages).
    Result<PipelineSummary> pipelineSummary(const Actor &actor, const Pipeline &pipeline, std::optional<qint64> ownerId = std::nullopt,
                                            std::optional<qint64> departmentId = std::nullopt);

    // The company currency (app_settings 'currency', CNY when unset).
    static Result<QString> companyCurrency(Database &db);

    // The field checks create() and update() apply to the named fields (trims, lengths, ranges,
    // currency format), without the database: importers check rows with them before writing.
    static Status validateFields(Opportunity &o, const QSet<QString> &fields);

private:
    Result<Opportunity> load(qint64 id, const QString &scope);
    Status validate(Opportunity &o, const QSet<QString> &fields) const;
    Status checkOwner(const Actor &actor, qint64 ownerId);
    Status adjustWonValue(const Opportunity &before, const Opportunity &after);
    Status addHistory(const Actor &actor, qint64 opportunityId, qint64 fromStageId, qint64 toStageId, qint64 at);
    Status writeRow(const Opportunity &next, int loadedVersion);

    Database &m_db;
};

} // namespace crm
