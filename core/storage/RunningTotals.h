#pragma once

#include "core/Result.h"

#include <QStringList>

namespace crm {

class Database;

// Totals that triggers keep up to date as rows are written, so that the dashboard reads a few thousand
// rows instead of scanning hundreds of thousands (migration 8):
//   activity_day_counts (day, user_id, n)    activities per UTC day (occurred_at / kDayMs) and user
//   opportunity_totals (owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor)
//       deals per owner (0 for none), pipeline, stage and currency: count, amount and amount x probability
// Every insert, delete and relevant update of activities and opportunities adjusts them in the same
// transaction, on both stores (PostgreSQL through plpgsql trigger functions), whoever writes the row.
// Rows that drop to zero stay; the readers sum them.
class RunningTotals
{
public:
    static constexpr qint64 kDayMs = 86'400'000;

    // The tables and triggers (migration 8), filled from the rows already there.
    static Status create(Database &db);
    // Empties the tables and fills them again from activities and opportunities (inside the caller's
    // transaction): the migration, and bulk loads that dropped the triggers while writing.
    static Status refill(Database &db);
    // PostgreSQL (migration 11): the trigger functions take an update's two counter rows in key order,
    // so that two writers moving rows in opposite directions queue instead of deadlocking.
    static Status orderCounterLocks(Database &db);
    // The CREATE TRIGGER statements of the activities and opportunities tables, dropped here (a bulk
    // load runs them again and refills). Inside the caller's transaction: a rollback restores them.
    static Result<QStringList> dropTriggers(Database &db);
};

} // namespace crm
