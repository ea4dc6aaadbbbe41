#include "core/storage/RunningTotals.h"

#include "core/storage/Database.h"
#include "core/storage/SqliteStatement.h"

#include <QHash>
#include <QSqlQuery>

#include <tuple>

namespace crm {

namespace {

Status runAll(Database &db, const QStringList &statements)
{
    for (const QString &sql : statements)
        if (Status st = db.execSql(sql); !st)
            return st;
    return {};
}

static_assert(RunningTotals::kDayMs == 86'400'000, "the triggers' and refill's SQL divide by this literal");

// SQLite: one trigger per event. An activity's UPDATE moves its count only when its user or day
// changed. `pausedBy` (migration 14): as for postgresOrderedFunctions; empty for migration 8's text.
QStringList sqliteActivityTriggers(const QString &pausedBy = {})
{
    const QString day = QStringLiteral(" / 86400000");
    auto addActivity = [&](const char *row) {
        return QStringLiteral("INSERT INTO activity_day_counts (day, user_id, n) VALUES (%1.occurred_at%2, %1.user_id, 1)"
                              " ON CONFLICT (day, user_id) DO UPDATE SET n = n + 1;")
            .arg(QLatin1String(row), day);
    };
    auto removeActivity = [&](const char *row) {
        return QStringLiteral("UPDATE activity_day_counts SET n = n - 1 WHERE day = %1.occurred_at%2 AND user_id = %1.user_id;")
            .arg(QLatin1String(row), day);
    };
    const QString notPaused = pausedBy.isEmpty() ? QString() : QStringLiteral("NOT EXISTS (SELECT 1 FROM %1)").arg(pausedBy);
    const QString when = notPaused.isEmpty() ? QString() : QStringLiteral(" WHEN ") + notPaused;
    const QString moved = QStringLiteral("OLD.user_id <> NEW.user_id OR OLD.occurred_at%1 <> NEW.occurred_at%1").arg(day);
    return {
        QStringLiteral("CREATE TRIGGER activities_totals_insert AFTER INSERT ON activities") + when + QStringLiteral(" BEGIN ") +
            addActivity("NEW") + QStringLiteral(" END"),
        QStringLiteral("CREATE TRIGGER activities_totals_delete AFTER DELETE ON activities") + when + QStringLiteral(" BEGIN ") +
            removeActivity("OLD") + QStringLiteral(" END"),
        QStringLiteral("CREATE TRIGGER activities_totals_update AFTER UPDATE OF user_id, occurred_at ON activities WHEN ") +
            (notPaused.isEmpty() ? moved : QLatin1Char('(') + moved + QStringLiteral(") AND ") + notPaused) + QStringLiteral(" BEGIN ") +
            removeActivity("OLD") + addActivity("NEW") + QStringLiteral(" END"),
    };
}

// SQLite: a deal's UPDATE that names a keyed or summed column takes the old row out and puts the new
// one in (nothing moves when the values stayed the same). `pausedBy` (migration 15): as for
// postgresOrderedFunctions; empty for migration 8's text.
QStringList sqliteDealTriggers(const QString &pausedBy = {})
{
    auto addDeal = [](const char *row, const char *sign) {
        return QStringLiteral("INSERT INTO opportunity_totals (owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor)"
                              " VALUES (COALESCE(%1.owner_id, 0), %1.pipeline_id, %1.stage_id, %1.currency, %2 1, %2 %1.amount_minor,"
                              " %2 %1.amount_minor * %1.probability)"
                              " ON CONFLICT (owner_id, pipeline_id, stage_id, currency) DO UPDATE SET n = n + excluded.n,"
                              " amount_minor = amount_minor + excluded.amount_minor, weighted_minor = weighted_minor + excluded.weighted_minor;")
            .arg(QLatin1String(row), QLatin1String(sign));
    };
    const QString when = pausedBy.isEmpty() ? QString() : QStringLiteral("WHEN NOT EXISTS (SELECT 1 FROM %1) ").arg(pausedBy);
    return {
        QStringLiteral("CREATE TRIGGER opportunities_totals_insert AFTER INSERT ON opportunities ") + when + QStringLiteral("BEGIN ") +
            addDeal("NEW", "") + QStringLiteral(" END"),
        QStringLiteral("CREATE TRIGGER opportunities_totals_delete AFTER DELETE ON opportunities ") + when + QStringLiteral("BEGIN ") +
            addDeal("OLD", "-") + QStringLiteral(" END"),
        QStringLiteral("CREATE TRIGGER opportunities_totals_update AFTER UPDATE OF owner_id, pipeline_id, stage_id, currency,"
                       " amount_minor, probability ON opportunities ") +
            when + QStringLiteral("BEGIN ") + addDeal("OLD", "-") + addDeal("NEW", "") + QStringLiteral(" END"),
    };
}

// SQLite, migration 8: the activities' triggers and the deals'.
QStringList sqliteTriggers()
{
    return sqliteActivityTriggers() + sqliteDealTriggers();
}

// PostgreSQL: a plpgsql function per table, fired for each row. Concurrent writers of the same
// user's activities on one day queue on that counter row until the first commits.
QStringList postgresTriggers()
{
    return {
        QStringLiteral("CREATE FUNCTION activities_totals() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                       " IF TG_OP <> 'INSERT' THEN"
                       "  UPDATE activity_day_counts SET n = n - 1 WHERE day = OLD.occurred_at / 86400000 AND user_id = OLD.user_id;"
                       " END IF;"
                       " IF TG_OP <> 'DELETE' THEN"
                       "  INSERT INTO activity_day_counts AS t (day, user_id, n) VALUES (NEW.occurred_at / 86400000, NEW.user_id, 1)"
                       "  ON CONFLICT (day, user_id) DO UPDATE SET n = t.n + 1;"
                       " END IF;"
                       " RETURN NULL; END $$"),
        QStringLiteral("CREATE TRIGGER activities_totals AFTER INSERT OR DELETE OR UPDATE OF user_id, occurred_at ON activities"
                       " FOR EACH ROW EXECUTE FUNCTION activities_totals()"),
        QStringLiteral("CREATE FUNCTION opportunities_totals() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                       " IF TG_OP <> 'INSERT' THEN"
                       "  INSERT INTO opportunity_totals AS t (owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor)"
                       "  VALUES (COALESCE(OLD.owner_id, 0), OLD.pipeline_id, OLD.stage_id, OLD.currency, -1, -OLD.amount_minor,"
                       "  -OLD.amount_minor * OLD.probability)"
                       "  ON CONFLICT (owner_id, pipeline_id, stage_id, currency) DO UPDATE SET n = t.n + excluded.n,"
                       "  amount_minor = t.amount_minor + excluded.amount_minor, weighted_minor = t.weighted_minor + excluded.weighted_minor;"
                       " END IF;"
                       " IF TG_OP <> 'DELETE' THEN"
                       "  INSERT INTO opportunity_totals AS t (owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor)"
                       "  VALUES (COALESCE(NEW.owner_id, 0), NEW.pipeline_id, NEW.stage_id, NEW.currency, 1, NEW.amount_minor,"
                       "  NEW.amount_minor * NEW.probability)"
                       "  ON CONFLICT (owner_id, pipeline_id, stage_id, currency) DO UPDATE SET n = t.n + excluded.n,"
                       "  amount_minor = t.amount_minor + excluded.amount_minor, weighted_minor = t.weighted_minor + excluded.weighted_minor;"
                       " END IF;"
                       " RETURN NULL; END $$"),
        QStringLiteral("CREATE TRIGGER opportunities_totals AFTER INSERT OR DELETE OR UPDATE OF owner_id, pipeline_id, stage_id,"
                       " currency, amount_minor, probability ON opportunities FOR EACH ROW EXECUTE FUNCTION opportunities_totals()"),
    };
}

// PostgreSQL, migration 11: the same functions taking an UPDATE's two counter rows in key order.
// `...PausedBy` (migrations 14 and 15): a table whose row, while the writer's transaction holds one,
// makes the function do nothing (the writer adds its rows' counts itself); empty for migration 11's text. In
// the order of the change (old row, then new) a deal moved from stage A to B and another of the same
// owner moved from B to A at the same time each held the row the other needed next: PostgreSQL ended
// the deadlock by failing one of them. An activity moved between days or users likewise.
QStringList postgresOrderedFunctions(const QString &activitiesPausedBy = {}, const QString &dealsPausedBy = {})
{
    const QString removeActivity =
        QStringLiteral("  UPDATE activity_day_counts SET n = n - 1 WHERE day = OLD.occurred_at / 86400000 AND user_id = OLD.user_id;");
    const QString addActivity =
        QStringLiteral("  INSERT INTO activity_day_counts AS t (day, user_id, n) VALUES (NEW.occurred_at / 86400000, NEW.user_id, 1)"
                       "  ON CONFLICT (day, user_id) DO UPDATE SET n = t.n + 1;");
    auto deal = [](const char *row, const char *sign) {
        return QStringLiteral("  INSERT INTO opportunity_totals AS t (owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor)"
                              "  VALUES (COALESCE(%1.owner_id, 0), %1.pipeline_id, %1.stage_id, %1.currency, %2 1, %2 %1.amount_minor,"
                              "  %2 %1.amount_minor * %1.probability)"
                              "  ON CONFLICT (owner_id, pipeline_id, stage_id, currency) DO UPDATE SET n = t.n + excluded.n,"
                              "  amount_minor = t.amount_minor + excluded.amount_minor, weighted_minor = t.weighted_minor + excluded.weighted_minor;")
            .arg(QLatin1String(row), QLatin1String(sign));
    };
    // old_first: true unless an UPDATE's new key sorts before its old one.
    auto function = [](const QString &name, const QString &oldKey, const QString &newKey, const QString &removeOld,
                       const QString &addNew, const QString &pausedBy = {}) -> QString {
        const QString pause = pausedBy.isEmpty()
            ? QString()
            : QStringLiteral(" IF EXISTS (SELECT 1 FROM %1) THEN RETURN NULL; END IF;").arg(pausedBy);
        const QString body = QStringLiteral(" IF TG_OP = 'UPDATE' THEN old_first := ROW(%1) <= ROW(%2); END IF;"
                                            " IF TG_OP <> 'INSERT' AND old_first THEN %3 END IF;"
                                            " IF TG_OP <> 'DELETE' THEN %4 END IF;"
                                            " IF TG_OP = 'UPDATE' AND NOT old_first THEN %3 END IF;")
                                 .arg(oldKey, newKey, removeOld, addNew);
        return QStringLiteral("CREATE OR REPLACE FUNCTION ") + name +
               QStringLiteral("() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE old_first boolean := true; BEGIN") + pause + body +
               QStringLiteral(" RETURN NULL; END $$");
    };
    return {
        function(QStringLiteral("activities_totals"), QStringLiteral("OLD.occurred_at / 86400000, OLD.user_id"),
                 QStringLiteral("NEW.occurred_at / 86400000, NEW.user_id"), removeActivity, addActivity, activitiesPausedBy),
        function(QStringLiteral("opportunities_totals"),
                 QStringLiteral("COALESCE(OLD.owner_id, 0), OLD.pipeline_id, OLD.stage_id, OLD.currency"),
                 QStringLiteral("COALESCE(NEW.owner_id, 0), NEW.pipeline_id, NEW.stage_id, NEW.currency"), deal("OLD", "-"),
                 deal("NEW", ""), dealsPausedBy),
    };
}

// customer_counts, both stores. A customer counts once under its province and once under its industry.
// customer_counts_paused holds a row only inside a bulk writer's transaction, while it writes
// customers whose counts it adds itself (see RunningTotals::pauseCustomerCounts); no other transaction
// sees that row. No key: two PostgreSQL imports at once each insert their own.
QStringList customerCountsTables(bool lite)
{
    return {lite ? QStringLiteral("CREATE TABLE customer_counts (owner_id INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,"
                                  " n INTEGER NOT NULL, PRIMARY KEY (owner_id, field, value)) WITHOUT ROWID")
                 : QStringLiteral("CREATE TABLE customer_counts (owner_id BIGINT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,"
                                  " n BIGINT NOT NULL, PRIMARY KEY (owner_id, field, value))"),
            QStringLiteral("CREATE TABLE customer_counts_paused (paused INTEGER NOT NULL)")};
}

// SQLite: an UPDATE moves the counts only when the owner, province or industry really changed (the
// customer repository's UPDATE names every column).
QStringList sqliteCustomerTriggers()
{
    auto count = [](const char *row, const char *sign) {
        QString sql;
        for (const char *field : {"province", "industry"})
            sql += QStringLiteral("INSERT INTO customer_counts (owner_id, field, value, n) VALUES (COALESCE(%1.owner_id, 0), '%2',"
                                  " COALESCE(%1.%2, ''), %3 1) ON CONFLICT (owner_id, field, value) DO UPDATE SET n = n + excluded.n; ")
                       .arg(QLatin1String(row), QLatin1String(field), QLatin1String(sign));
        return sql;
    };
    const QString notPaused = QStringLiteral("NOT EXISTS (SELECT 1 FROM customer_counts_paused)");
    return {
        QStringLiteral("CREATE TRIGGER customers_counts_insert AFTER INSERT ON customers WHEN ") + notPaused + QStringLiteral(" BEGIN ") +
            count("NEW", "") + QStringLiteral("END"),
        QStringLiteral("CREATE TRIGGER customers_counts_delete AFTER DELETE ON customers WHEN ") + notPaused + QStringLiteral(" BEGIN ") +
            count("OLD", "-") + QStringLiteral("END"),
        QStringLiteral("CREATE TRIGGER customers_counts_update AFTER UPDATE OF owner_id, province, industry ON customers"
                       " WHEN (COALESCE(OLD.owner_id, 0) <> COALESCE(NEW.owner_id, 0) OR COALESCE(OLD.province, '') <> COALESCE(NEW.province, '')"
                       " OR COALESCE(OLD.industry, '') <> COALESCE(NEW.industry, '')) AND ") + notPaused + QStringLiteral(" BEGIN ") +
            count("OLD", "-") + count("NEW", "") + QStringLiteral("END"),
    };
}

// PostgreSQL: one statement adds the row's old counts (-1) and new ones (+1), drops what cancels
// out, and takes the counter rows in key order, so that two writers moving customers in opposite
// directions queue instead of deadlocking (as migration 11 does for the other totals).
QStringList postgresCustomerTriggers()
{
    QString keys;
    for (const auto &[row, sign, skip] : {std::tuple{"OLD", "-1", "INSERT"}, std::tuple{"NEW", "1", "DELETE"}})
        for (const char *field : {"province", "industry"})
            keys += QStringLiteral("%1 SELECT COALESCE(%2.owner_id, 0) AS owner_id, '%3'::text AS field, COALESCE(%2.%3, '') AS value,"
                                   " %4 AS d WHERE TG_OP <> '%5'")
                        .arg(keys.isEmpty() ? QString() : QStringLiteral(" UNION ALL"), QLatin1String(row), QLatin1String(field),
                             QLatin1String(sign), QLatin1String(skip));
    return {
        QStringLiteral("CREATE FUNCTION customers_counts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                       " IF EXISTS (SELECT 1 FROM customer_counts_paused) THEN RETURN NULL; END IF;"
                       " INSERT INTO customer_counts AS t (owner_id, field, value, n)"
                       " SELECT k.owner_id, k.field, k.value, SUM(k.d) FROM (") + keys +
            QStringLiteral(") k GROUP BY 1, 2, 3 HAVING SUM(k.d) <> 0 ORDER BY 1, 2, k.value COLLATE \"C\"" // byte order, as addCustomerCounts
                           " ON CONFLICT (owner_id, field, value) DO UPDATE SET n = t.n + excluded.n;"
                           " RETURN NULL; END $$"),
        QStringLiteral("CREATE TRIGGER customers_counts AFTER INSERT OR DELETE OR UPDATE OF owner_id, province, industry ON customers"
                       " FOR EACH ROW EXECUTE FUNCTION customers_counts()"),
    };
}

// A row in a "..._paused" table, held inside the writer's transaction, makes those triggers stand aside.
Status pause(Database &db, const QString &table, bool paused)
{
    return db.execSql(paused ? QStringLiteral("INSERT INTO %1 (paused) VALUES (1)").arg(table)
                             : QStringLiteral("DELETE FROM %1").arg(table));
}

// SQLite groups by sorting every row first (it has no hashed GROUP BY): the 1M demo's 5 million
// activities, and its million customers once per field. These totals are a few thousand rows, so on
// SQLite they are counted in a hash during one scan instead (see RunningTotals::refill).
Status refillActivityDayCountsSqlite(Database &db)
{
    QHash<std::pair<qint64, qint64>, qint64> counts; // (day, user_id) -> activities
    {
        SqliteStatement scan(db, QStringLiteral("SELECT occurred_at, user_id FROM activities"));
        while (scan.step())
            ++counts[{scan.integer(0) / RunningTotals::kDayMs, scan.integer(1)}]; // truncates like SQL's /
        if (!scan.status())
            return scan.status();
    }
    SqliteStatement insert(db, QStringLiteral("INSERT INTO activity_day_counts (day, user_id, n) VALUES (?, ?, ?)"));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        insert.bindInteger(1, it.key().first);
        insert.bindInteger(2, it.key().second);
        insert.bindInteger(3, it.value());
        if (Status st = insert.execute(); !st)
            return st;
    }
    return insert.status();
}

Status refillCustomerCountsSqlite(Database &db)
{
    QHash<std::pair<qint64, QString>, qint64> provinces, industries; // (owner_id or 0, value or "") -> customers
    {
        SqliteStatement scan(db, QStringLiteral("SELECT COALESCE(owner_id, 0), province, industry FROM customers"));
        QString province, industry;
        while (scan.step()) {
            province.clear();
            industry.clear();
            scan.appendText(1, province);
            scan.appendText(2, industry);
            const qint64 owner = scan.integer(0);
            ++provinces[{owner, province}];
            ++industries[{owner, industry}];
        }
        if (!scan.status())
            return scan.status();
    }
    SqliteStatement insert(db, QStringLiteral("INSERT INTO customer_counts (owner_id, field, value, n) VALUES (?, ?, ?, ?)"));
    for (const auto &[field, counts] : {std::pair{"province", &provinces}, std::pair{"industry", &industries}}) {
        for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
            insert.bindInteger(1, it.key().first);
            insert.bindText(2, QLatin1String(field));
            insert.bindText(3, it.key().second);
            insert.bindInteger(4, it.value());
            if (Status st = insert.execute(); !st)
                return st;
        }
    }
    return insert.status();
}

Status refillDashboardTotals(Database &db)
{
    const bool lite = db.isSqlite();
    if (Status st = db.execSql(QStringLiteral("DELETE FROM activity_day_counts")); !st)
        return st;
    if (Status st = lite ? refillActivityDayCountsSqlite(db)
                         : db.execSql(QStringLiteral("INSERT INTO activity_day_counts (day, user_id, n)"
                                                     " SELECT occurred_at / 86400000, user_id, COUNT(*) FROM activities GROUP BY 1, 2"));
        !st)
        return st;
    return runAll(db, {
        QStringLiteral("DELETE FROM opportunity_totals"),
        QStringLiteral("INSERT INTO opportunity_totals (owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor)"
                       " SELECT COALESCE(owner_id, 0), pipeline_id, stage_id, currency, COUNT(*), SUM(amount_minor),"
                       " SUM(amount_minor * probability) FROM opportunities GROUP BY 1, 2, 3, 4"),
    });
}

Status refillCustomerCounts(Database &db)
{
    if (Status st = db.execSql(QStringLiteral("DELETE FROM customer_counts")); !st)
        return st;
    if (db.isSqlite())
        return refillCustomerCountsSqlite(db);
    QStringList statements;
    for (const char *field : {"province", "industry"})
        statements << QStringLiteral("INSERT INTO customer_counts (owner_id, field, value, n)"
                                     " SELECT COALESCE(owner_id, 0), '%1', COALESCE(%1, ''), COUNT(*) FROM customers GROUP BY 1, 3")
                          .arg(QLatin1String(field));
    return runAll(db, statements);
}

} // namespace

Status RunningTotals::orderCounterLocks(Database &db)
{
    if (db.isSqlite()) // one writer at a time
        return {};
    return runAll(db, postgresOrderedFunctions());
}

// Migration 8 runs this: a change to these tables or triggers is a new migration, not an edit here.
Status RunningTotals::create(Database &db)
{
    const bool lite = db.isSqlite();
    // Day first: the dashboard reads a range of days for a set of users. Owner 0 stands for deals
    // without an owner (a key column cannot be NULL).
    QStringList statements = {
        lite ? QStringLiteral("CREATE TABLE activity_day_counts (day INTEGER NOT NULL, user_id INTEGER NOT NULL, n INTEGER NOT NULL,"
                              " PRIMARY KEY (day, user_id)) WITHOUT ROWID")
             : QStringLiteral("CREATE TABLE activity_day_counts (day BIGINT NOT NULL, user_id BIGINT NOT NULL, n BIGINT NOT NULL,"
                              " PRIMARY KEY (day, user_id))"),
        lite ? QStringLiteral("CREATE TABLE opportunity_totals (owner_id INTEGER NOT NULL, pipeline_id INTEGER NOT NULL,"
                              " stage_id INTEGER NOT NULL, currency TEXT NOT NULL, n INTEGER NOT NULL, amount_minor INTEGER NOT NULL,"
                              " weighted_minor INTEGER NOT NULL, PRIMARY KEY (owner_id, pipeline_id, stage_id, currency)) WITHOUT ROWID")
             : QStringLiteral("CREATE TABLE opportunity_totals (owner_id BIGINT NOT NULL, pipeline_id BIGINT NOT NULL,"
                              " stage_id BIGINT NOT NULL, currency TEXT NOT NULL, n BIGINT NOT NULL, amount_minor BIGINT NOT NULL,"
                              " weighted_minor BIGINT NOT NULL, PRIMARY KEY (owner_id, pipeline_id, stage_id, currency))"),
    };
    statements += lite ? sqliteTriggers() : postgresTriggers();
    if (Status st = runAll(db, statements); !st)
        return st;
    return refillDashboardTotals(db);
}

// Migration 12 runs this; the same rule as create().
Status RunningTotals::createCustomerCounts(Database &db)
{
    const bool lite = db.isSqlite();
    QStringList statements = customerCountsTables(lite);
    statements += lite ? sqliteCustomerTriggers() : postgresCustomerTriggers();
    if (Status st = runAll(db, statements); !st)
        return st;
    return refillCustomerCounts(db);
}

Status RunningTotals::pauseCustomerCounts(Database &db, bool paused)
{
    return pause(db, QStringLiteral("customer_counts_paused"), paused);
}

Status RunningTotals::createActivityCountsPause(Database &db)
{
    const QString paused = QStringLiteral("activity_day_counts_paused");
    QStringList statements = {QStringLiteral("CREATE TABLE activity_day_counts_paused (paused INTEGER NOT NULL)")};
    if (db.isSqlite()) {
        for (const char *name : {"activities_totals_insert", "activities_totals_delete", "activities_totals_update"})
            statements << QStringLiteral("DROP TRIGGER ") + QLatin1String(name);
        statements += sqliteActivityTriggers(paused);
    } else {
        statements += postgresOrderedFunctions(paused); // the deals' function as it was
    }
    return runAll(db, statements);
}

Status RunningTotals::pauseActivityCounts(Database &db, bool paused)
{
    return pause(db, QStringLiteral("activity_day_counts_paused"), paused);
}

Status RunningTotals::addActivityCounts(Database &db, const ActivityCountDeltas &deltas)
{
    if (deltas.isEmpty())
        return {};
    QSqlQuery q = db.prepare(QStringLiteral("INSERT INTO activity_day_counts AS t (day, user_id, n) VALUES (:d, :u, :n)"
                                            " ON CONFLICT (day, user_id) DO UPDATE SET n = t.n + excluded.n"));
    for (auto it = deltas.cbegin(); it != deltas.cend(); ++it) { // key order, as the PostgreSQL trigger locks
        if (it.value() == 0)
            continue;
        q.bindValue(QStringLiteral(":d"), it.key().first);
        q.bindValue(QStringLiteral(":u"), it.key().second);
        q.bindValue(QStringLiteral(":n"), it.value());
        if (Status st = db.exec(q); !st)
            return st;
    }
    return {};
}

Status RunningTotals::createOpportunityTotalsPause(Database &db)
{
    const QString paused = QStringLiteral("opportunity_totals_paused");
    QStringList statements = {QStringLiteral("CREATE TABLE opportunity_totals_paused (paused INTEGER NOT NULL)")};
    if (db.isSqlite()) {
        for (const char *name : {"opportunities_totals_insert", "opportunities_totals_delete", "opportunities_totals_update"})
            statements << QStringLiteral("DROP TRIGGER ") + QLatin1String(name);
        statements += sqliteDealTriggers(paused);
    } else {
        statements += postgresOrderedFunctions(QStringLiteral("activity_day_counts_paused"), paused); // activities' as in migration 14
    }
    return runAll(db, statements);
}

Status RunningTotals::pauseOpportunityTotals(Database &db, bool paused)
{
    return pause(db, QStringLiteral("opportunity_totals_paused"), paused);
}

void RunningTotals::countOpportunity(OpportunityTotalDeltas &deltas, qint64 ownerId, qint64 pipelineId, qint64 stageId,
                                     const QString &currency, qint64 amountMinor, int probability)
{
    OpportunityTotal &t = deltas[{ownerId, pipelineId, stageId, currency}];
    ++t.n;
    t.amountMinor += amountMinor;
    t.weightedMinor += amountMinor * probability;
}

Status RunningTotals::addOpportunityTotals(Database &db, const OpportunityTotalDeltas &deltas)
{
    if (deltas.isEmpty())
        return {};
    QSqlQuery q = db.prepare(QStringLiteral(
        "INSERT INTO opportunity_totals AS t (owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor)"
        " VALUES (:o, :p, :s, :c, :n, :a, :w) ON CONFLICT (owner_id, pipeline_id, stage_id, currency) DO UPDATE SET"
        " n = t.n + excluded.n, amount_minor = t.amount_minor + excluded.amount_minor,"
        " weighted_minor = t.weighted_minor + excluded.weighted_minor"));
    for (auto it = deltas.cbegin(); it != deltas.cend(); ++it) { // key order, as the PostgreSQL trigger locks
        q.bindValue(QStringLiteral(":o"), std::get<0>(it.key()));
        q.bindValue(QStringLiteral(":p"), std::get<1>(it.key()));
        q.bindValue(QStringLiteral(":s"), std::get<2>(it.key()));
        q.bindValue(QStringLiteral(":c"), std::get<3>(it.key()));
        q.bindValue(QStringLiteral(":n"), it.value().n);
        q.bindValue(QStringLiteral(":a"), it.value().amountMinor);
        q.bindValue(QStringLiteral(":w"), it.value().weightedMinor);
        if (Status st = db.exec(q); !st)
            return st;
    }
    return {};
}

Status RunningTotals::addCustomerCounts(Database &db, const CustomerCountDeltas &deltas)
{
    if (deltas.isEmpty())
        return {};
    // In key order, as the PostgreSQL trigger takes its rows (the value in UTF-8 byte order, its COLLATE "C").
    QSqlQuery q = db.prepare(QStringLiteral("INSERT INTO customer_counts AS t (owner_id, field, value, n) VALUES (:o, :f, :v, :n)"
                                            " ON CONFLICT (owner_id, field, value) DO UPDATE SET n = t.n + excluded.n"));
    for (auto it = deltas.cbegin(); it != deltas.cend(); ++it) {
        if (it.value() == 0)
            continue;
        q.bindValue(QStringLiteral(":o"), std::get<0>(it.key()));
        q.bindValue(QStringLiteral(":f"), std::get<1>(it.key()));
        const QByteArray &value = std::get<2>(it.key());
        q.bindValue(QStringLiteral(":v"), value.isEmpty() ? QStringLiteral("") : QString::fromUtf8(value)); // never NULL
        q.bindValue(QStringLiteral(":n"), it.value());
        if (Status st = db.exec(q); !st)
            return st;
    }
    return {};
}

void RunningTotals::countCustomer(CustomerCountDeltas &deltas, qint64 ownerId, const QString &province, const QString &industry,
                                  int sign)
{
    deltas[{ownerId, QStringLiteral("industry"), industry.toUtf8()}] += sign;
    deltas[{ownerId, QStringLiteral("province"), province.toUtf8()}] += sign;
}

Status RunningTotals::refill(Database &db)
{
    if (Status st = refillDashboardTotals(db); !st)
        return st;
    return refillCustomerCounts(db);
}

Result<QStringList> RunningTotals::dropTriggers(Database &db)
{
    const bool lite = db.isSqlite();
    QSqlQuery q = db.prepare(lite ? QStringLiteral("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
                                                   " AND tbl_name IN ('activities', 'opportunities', 'customers') ORDER BY name")
                                  : QStringLiteral("SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid) FROM pg_trigger t"
                                                   " JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
                                                   " AND c.relname IN ('activities', 'opportunities', 'customers')"
                                                   " AND c.relnamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = current_schema())"
                                                   " ORDER BY t.tgname"));
    if (Status st = db.exec(q); !st)
        return st.error();
    QStringList drops, definitions;
    while (q.next()) {
        drops << QStringLiteral("DROP TRIGGER ") + q.value(0).toString() +
                     (lite ? QString() : QStringLiteral(" ON ") + q.value(1).toString());
        definitions << q.value(2).toString();
    }
    q.finish();
    if (Status st = runAll(db, drops); !st)
        return st.error();
    return definitions;
}

} // namespace crm
