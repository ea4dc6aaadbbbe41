#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QMap>
#include <QStringList>

#include <tuple>

namespace crm {

class Database;

// (owner_id (0: the pool), field ("province" or "industry"), value in UTF-8 ("" when not set)) -> customers.
// UTF-8, so that the map's order is the byte order the PostgreSQL trigger takes its rows in.
using CustomerCountDeltas = QMap<std::tuple<qint64, QString, QByteArray>, qint64>;
// (UTC day (occurred_at / kDayMs), user_id) -> activities; in the key order the PostgreSQL trigger locks in.
using ActivityCountDeltas = QMap<std::pair<qint64, qint64>, qint64>;
// (owner_id (0: none), pipeline_id, stage_id, currency) -> deals, their amount and amount x probability.
// Currencies are ISO codes (ASCII), which sort alike in every collation the trigger may compare in.
struct OpportunityTotal
{
    qint64 n = 0, amountMinor = 0, weightedMinor = 0;
};
using OpportunityTotalDeltas = QMap<std::tuple<qint64, qint64, qint64, QString>, OpportunityTotal>;

// Totals that triggers keep up to date as rows are written, so that the dashboard reads a few thousand
// rows instead of scanning hundreds of thousands (migration 8):
//   activity_day_counts (day, user_id, n)    activities per UTC day (occurred_at / kDayMs) and user
//   opportunity_totals (owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor)
//       deals per owner (0 for none), pipeline, stage and currency: count, amount and amount x probability
//   customer_counts (owner_id, field, value, n)    (migration 12)
//       customers per owner (0: the public pool) by province and by industry (field 'province' or
//       'industry', value "" when not set): the customer mix reads a few thousand of these instead of
//       every customer in scope (2.0 s for a director of the 1M demo)
// Every insert, delete and relevant update of activities, opportunities and customers adjusts them in
// the same transaction, on both stores (PostgreSQL through plpgsql trigger functions), whoever writes
// the row. Rows that drop to zero stay; the readers sum them.
class RunningTotals
{
public:
    static constexpr qint64 kDayMs = 86'400'000;

    // The tables and triggers (migration 8), filled from the rows already there.
    static Status create(Database &db);
    // customer_counts and its triggers (migration 12), filled from the customers already there.
    static Status createCustomerCounts(Database &db);
    // Bulk writers of customers (the import's inserts, a bulk owner change): pause the triggers of
    // customer_counts around their own writes (inside their transaction, invisible to others), count
    // the rows themselves with countCustomer() and add them once at the end. A counter row updated
    // once per customer inside one transaction cost PostgreSQL a longer chain of row versions at every
    // update: a 100,000-row import took 240-260 s against 36-39 s without the trigger, and one UPDATE
    // of 20,000 customers' owner 17.2 s against 1.8 s.
    static Status pauseCustomerCounts(Database &db, bool paused);
    // The values as the customers table stores them (COALESCE(column, '') and owner 0 for none); sign
    // -1 takes a customer out (its old values in an update).
    static void countCustomer(CustomerCountDeltas &deltas, qint64 ownerId, const QString &province, const QString &industry,
                              int sign = 1);
    static Status addCustomerCounts(Database &db, const CustomerCountDeltas &deltas);
    // The same for activity_day_counts (migration 14), for the import's bulk writer: its rows are
    // all the importing user's, so a file without times (all "now") put every row on one counter row.
    static Status pauseActivityCounts(Database &db, bool paused);
    static Status addActivityCounts(Database &db, const ActivityCountDeltas &deltas);
    // activity_day_counts_paused and the activities triggers that honour it (migration 14).
    static Status createActivityCountsPause(Database &db);
    // The same for opportunity_totals (migration 15), for the opportunity import's bulk writer: a
    // file of deals for one owner in one stage updated one counter row per deal, and each 50-row
    // INSERT took PostgreSQL longer than the one before (65 ms each near the end of 30,000 rows).
    static Status pauseOpportunityTotals(Database &db, bool paused);
    static void countOpportunity(OpportunityTotalDeltas &deltas, qint64 ownerId, qint64 pipelineId, qint64 stageId,
                                 const QString &currency, qint64 amountMinor, int probability);
    static Status addOpportunityTotals(Database &db, const OpportunityTotalDeltas &deltas);
    static Status createOpportunityTotalsPause(Database &db);
    // Empties the three tables and fills them again from activities, opportunities and customers
    // (inside the caller's transaction): bulk loads that dropped the triggers while writing. On
    // SQLite the activities' and customers' counts are taken in a hash during one scan (its GROUP BY
    // sorts every row first: 4.2-6.9 -> 1.1 s for the whole refill at the 1M demo).
    static Status refill(Database &db);
    // PostgreSQL (migration 11): the trigger functions take an update's two counter rows in key order,
    // so that two writers moving rows in opposite directions queue instead of deadlocking.
    static Status orderCounterLocks(Database &db);
    // The CREATE TRIGGER statements of the activities, opportunities and customers tables, dropped here
    // (a bulk load runs them again and refills). Inside the caller's transaction: a rollback restores them.
    static Result<QStringList> dropTriggers(Database &db);
};

} // namespace crm
