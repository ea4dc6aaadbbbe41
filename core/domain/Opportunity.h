#pragma once

#include <QDate>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

#include <optional>

namespace crm {

// One step of a pipeline. `kind` gives an opportunity in it its status: "open", "won" or "lost".
struct Stage
{
    qint64 id = 0;
    qint64 pipelineId = 0;
    QString name;
    int position = 0; // 0-based and contiguous within the pipeline
    int probability = 0; // 0-100: what an opportunity entering this stage is given
    QString kind = QStringLiteral("open"); // open | won | lost; fixed once the stage exists
};

// A sales process: an ordered list of stages. Exactly one pipeline is the default (lead conversion
// puts new opportunities there).
struct Pipeline
{
    qint64 id = 0;
    QString name;
    bool isDefault = false;
    int position = 0;
    int version = 0; // bumped by every change to the pipeline or its stages
    QVector<Stage> stages; // by position
};

// A potential sale to a customer. Field names used by updates, field rules, errors and the audit
// log are the camelCase member names: name, customerId, amountMinor, currency, probability,
// expectedCloseDate, ownerId, notes, lossReason (stageId changes only through moveStage).
struct Opportunity
{
    // On a draft: take the probability of the stage the opportunity starts in.
    static constexpr int StageProbability = -1;

    qint64 id = 0;
    qint64 customerId = 0;
    QString customerName;
    qint64 pipelineId = 0; // follows the stage
    qint64 stageId = 0;
    QString stageName;
    QString name;
    qint64 amountMinor = 0; // exact, in minor units of `currency`
    QString currency; // ISO 4217; empty on a draft: the company currency (app_settings 'currency')
    int probability = StageProbability; // 0-100
    QDate expectedCloseDate; // null: not set
    QString status = QStringLiteral("open"); // open | won | lost: the kind of the stage
    QString lossReason; // required while lost, empty otherwise
    std::optional<qint64> ownerId;
    QString ownerName;
    qint64 leadId = 0; // the lead it was converted from; 0: none
    QString notes;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 closedAt = 0; // when it was won or lost; 0 while open
    qint64 stageEnteredAt = 0;
    int version = 0;

    // Fields the actor's role hides: blanked here; surfaces show them as hidden.
    QSet<QString> hiddenFields;
};

// One move of an opportunity from a stage to another; the first row of each opportunity has no
// `from` (it records where it started). Cycle times are differences of `at`.
struct StageChange
{
    qint64 id = 0;
    qint64 opportunityId = 0;
    qint64 fromStageId = 0; // 0: the opportunity was created in toStage
    QString fromStageName; // empty when the stage has been removed since
    qint64 toStageId = 0;
    QString toStageName;
    qint64 userId = 0; // 0: the system
    QString userName;
    qint64 at = 0;
    qint64 leftAt = 0; // when the opportunity moved on from toStage; 0: it is still there
};

// Newest: the most recently created first. ExpectedClose: earliest expected close date first, those
// without a date last. Amount: the largest first.
enum class OpportunitySort { Newest, ExpectedClose, Amount };

struct OpportunityFilter
{
    std::optional<qint64> pipelineId, stageId, ownerId, customerId;
    // A team: opportunities owned by users of this department or of any department below it.
    std::optional<qint64> departmentId;
    QStringList statuses; // open, won, lost; empty: all
    QDate expectedCloseFrom, expectedCloseTo; // inclusive; null: unbounded
    // When it was won or lost, ms, half-open; only closed opportunities match a bound.
    std::optional<qint64> closedFrom, closedTo;
    // When it was created, ms, half-open.
    std::optional<qint64> createdFrom, createdTo;
    // Has been in any of these stages (its stage history): a funnel stage's cohort is the
    // opportunities that reached that stage or one after it (AnalyticsService::funnel's order).
    QVector<qint64> reachedStageIds;
    OpportunitySort sort = OpportunitySort::Newest;
    int offset = 0;
    int limit = 20; // capped to OpportunityService::MaxLimit
    // Keyset paging: rows strictly after the row with this id (and, for sorts other than Newest,
    // afterKey = OpportunityService::sortKey() of that row). Used instead of offset when afterId > 0.
    qint64 afterId = 0;
    QVariant afterKey;
};

struct OpportunityPage
{
    QVector<Opportunity> opportunities;
    bool hasMore = false;
};

// The opportunities currently in one stage. weightedMinor = round_half_up(sum(amount * probability) / 100):
// the products are summed exactly in SQL and divided once, so no per-row rounding accumulates.
struct StageSummary
{
    Stage stage;
    qint64 count = 0;
    qint64 amountMinor = 0;
    qint64 weightedMinor = 0;
};

// A pipeline at a glance, within the actor's scope. Amounts are in `currency` (the company currency):
// opportunities in other currencies are counted in `otherCurrencyCount` but not summed, since minor
// units of different currencies cannot be added.
struct PipelineSummary
{
    qint64 pipelineId = 0;
    QString currency;
    QVector<StageSummary> stages; // every stage, by position, also the empty ones
    qint64 openCount = 0, openAmountMinor = 0, openWeightedMinor = 0; // over the open stages
    qint64 otherCurrencyCount = 0;
    QSet<QString> hiddenFields; // "amountMinor" / "probability" when the role hides them: sums are 0
};

} // namespace crm
