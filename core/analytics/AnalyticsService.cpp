#include "core/analytics/AnalyticsService.h"

#include "core/services/CampaignService.h"
#include "core/storage/Database.h"
#include "core/storage/RunningTotals.h"

#include <QDate>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace crm {

namespace {

constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kJulianDayOfEpoch = 2'440'588; // 1970-01-01
constexpr int kMaxOffsetMinutes = 14 * 60;
// Sorts after every open stage position in the funnel: a won deal passed every open stage.
constexpr int kWonRank = 1'000'000;

// The money figures' currency, as a scalar subquery so each query stays one statement.
const QString kCurrencyCondition =
    QStringLiteral("o.currency = COALESCE((SELECT value FROM app_settings WHERE key = 'currency'), 'CNY')");

QDate localDate(qint64 utcMs, int offsetMinutes)
{
    const qint64 local = utcMs + qint64(offsetMinutes) * 60'000;
    const qint64 day = local >= 0 ? local / kDayMs : -((-local + kDayMs - 1) / kDayMs); // floor
    return QDate::fromJulianDay(kJulianDayOfEpoch + day);
}

QString periodCondition(const QString &column)
{
    return column + QStringLiteral(" >= :from AND ") + column + QStringLiteral(" < :to");
}

// The activities an actor's analytics count, by author. For an actor who sees everyone, "every user"
// rather than no condition: it is the same rows (user_id is a required reference to users), but it
// lets the database seek each user's period in activities_user instead of reading every activity
// ever logged.
QString activityScope(const Actor &actor)
{
    return actor.seesAll() ? QStringLiteral("a.user_id IN (SELECT id FROM users)") : actor.ownerCondition(QStringLiteral("a.user_id"));
}

void bindPeriod(QSqlQuery &q, const Period &p)
{
    q.bindValue(QStringLiteral(":from"), p.from);
    q.bindValue(QStringLiteral(":to"), p.to);
}

// Counts per name, largest first, ties by name with the blank name ("not recorded") after the others.
QVector<NamedCount> ranked(const QHash<QString, qint64> &counts)
{
    QVector<NamedCount> out;
    out.reserve(counts.size());
    for (auto it = counts.begin(); it != counts.end(); ++it)
        out.append({it.key(), it.value()});
    std::sort(out.begin(), out.end(), [](const NamedCount &a, const NamedCount &b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.name.isEmpty() != b.name.isEmpty())
            return b.name.isEmpty();
        return a.name < b.name;
    });
    return out;
}

} // namespace

QStringList AnalyticsService::bucketKeys(const Period &p)
{
    QStringList keys;
    if (p.to <= p.from)
        return keys;
    QDate d = localDate(p.from, p.utcOffsetMinutes);
    const QDate last = localDate(p.to - 1, p.utcOffsetMinutes);
    switch (p.bucket) {
    case Bucket::Day:
        for (; d <= last && keys.size() <= maxBuckets(); d = d.addDays(1))
            keys << d.toString(Qt::ISODate);
        break;
    case Bucket::Week:
        for (d = d.addDays(1 - d.dayOfWeek()); d <= last && keys.size() <= maxBuckets(); d = d.addDays(7))
            keys << d.toString(Qt::ISODate);
        break;
    case Bucket::Month:
        for (d = QDate(d.year(), d.month(), 1); d <= last && keys.size() <= maxBuckets(); d = d.addMonths(1))
            keys << d.toString(QStringLiteral("yyyy-MM"));
        break;
    }
    return keys;
}

Status AnalyticsService::check(const Actor &actor, const Period &p, bool buckets) const
{
    if (!actor.can(Permission::ReportRead))
        return Error::forbidden();
    if (p.to <= p.from)
        return Error::validation(QStringLiteral("range"), QStringLiteral("to"),
                                 QStringLiteral("The end of the period must be after its start"));
    if (p.utcOffsetMinutes < -kMaxOffsetMinutes || p.utcOffsetMinutes > kMaxOffsetMinutes)
        return Error::validation(QStringLiteral("range"), QStringLiteral("utcOffsetMinutes"),
                                 QStringLiteral("The UTC offset must be between -14 and +14 hours"));
    if (buckets && bucketKeys(p).size() > maxBuckets())
        return Error::validation(QStringLiteral("range"), QStringLiteral("bucket"),
                                 QStringLiteral("Too many buckets for this period; choose weeks or months"));
    return {};
}

// Wraps a per-day aggregate into per-bucket rows keyed by the bucket's local start date.
//
// The inner query groups by the viewer's local day number, (column + offset) / 86400000: integer arithmetic
// per row. The outer one computes each day's bucket key once with the database's date functions and sums
// the days of a bucket; measured at 1M customers, half the time of formatting a date for every row.
// The offset is an integer we range-checked, so it is written into the statement: PostgreSQL then groups by
// one expression instead of comparing two parameters. `sums` are the inner aggregates' aliases.
QString AnalyticsService::bucketQuery(const QString &column, const Period &p, const QString &innerAggregates,
                                      const QStringList &sums, const QString &fromWhere) const
{
    const QString day = QLatin1Char('(') + column + QStringLiteral(" + ") +
                        QString::number(qint64(p.utcOffsetMinutes) * 60'000) + QStringLiteral(") / 86400000");
    QString key;
    if (m_db.isSqlite()) {
        const QString seconds = QStringLiteral("x.d * 86400, 'unixepoch'");
        switch (p.bucket) {
        case Bucket::Day: key = QStringLiteral("strftime('%Y-%m-%d', ") + seconds + QLatin1Char(')'); break;
        // Forward to Sunday (or stay), then back to its Monday.
        case Bucket::Week: key = QStringLiteral("strftime('%Y-%m-%d', ") + seconds + QStringLiteral(", 'weekday 0', '-6 days')"); break;
        case Bucket::Month: key = QStringLiteral("strftime('%Y-%m', ") + seconds + QLatin1Char(')'); break;
        }
    } else {
        const QString ts = QStringLiteral("(to_timestamp(x.d * 86400) AT TIME ZONE 'UTC')");
        switch (p.bucket) {
        case Bucket::Day: key = QStringLiteral("to_char(") + ts + QStringLiteral(", 'YYYY-MM-DD')"); break;
        case Bucket::Week: key = QStringLiteral("to_char(date_trunc('week', ") + ts + QStringLiteral("), 'YYYY-MM-DD')"); break; // ISO: Monday
        case Bucket::Month: key = QStringLiteral("to_char(") + ts + QStringLiteral(", 'YYYY-MM')"); break;
        }
    }
    QString outer = QStringLiteral("SELECT ") + key;
    for (const QString &sum : sums)
        outer += QStringLiteral(", CAST(SUM(x.") + sum + QStringLiteral(") AS BIGINT)");
    return outer + QStringLiteral(" FROM (SELECT ") + day + QStringLiteral(" AS d, ") + innerAggregates + fromWhere +
           QStringLiteral(" GROUP BY 1) x GROUP BY 1");
}

Result<QString> AnalyticsService::currency()
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT value FROM app_settings WHERE key = 'currency'"));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    return q.next() ? q.value(0).toString() : QStringLiteral("CNY");
}

Result<QVector<CountBucket>> AnalyticsService::newCustomers(const Actor &actor, const Period &period)
{
    if (Status st = check(actor, period, true); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(bucketQuery(QStringLiteral("c.created_at"), period, QStringLiteral("COUNT(*) AS n"),
                                           {QStringLiteral("n")},
                                           QStringLiteral(" FROM customers c WHERE ") +
                                               actor.ownerCondition(QStringLiteral("c.owner_id")) + QStringLiteral(" AND ") +
                                               periodCondition(QStringLiteral("c.created_at"))));
    bindPeriod(q, period);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QHash<QString, qint64> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    QVector<CountBucket> out;
    for (const QString &key : bucketKeys(period))
        out.append({key, counts.value(key)});
    return out;
}

Result<QVector<SalesBucket>> AnalyticsService::wonSales(const Actor &actor, const Period &period)
{
    if (Status st = check(actor, period, true); !st)
        return st.error();
    // Reads opportunities_closed_owner alone: status, the period, then owner, currency and amount.
    QSqlQuery q = m_db.prepare(bucketQuery(QStringLiteral("o.closed_at"), period,
                                           QStringLiteral("COUNT(*) AS n, SUM(o.amount_minor) AS amount"),
                                           {QStringLiteral("n"), QStringLiteral("amount")},
                                           QStringLiteral(" FROM opportunities o WHERE o.status = 'won' AND ") +
                                               actor.ownerCondition(QStringLiteral("o.owner_id")) + QStringLiteral(" AND ") +
                                               periodCondition(QStringLiteral("o.closed_at")) + QStringLiteral(" AND ") +
                                               kCurrencyCondition));
    bindPeriod(q, period);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QHash<QString, SalesBucket> rows;
    while (q.next()) {
        const QString key = q.value(0).toString();
        rows.insert(key, {key, q.value(1).toLongLong(), q.value(2).toLongLong()});
    }
    QVector<SalesBucket> out;
    for (const QString &key : bucketKeys(period))
        out.append(rows.value(key, SalesBucket{key, 0, 0}));
    return out;
}

Result<QVector<RepSales>> AnalyticsService::wonByRep(const Actor &actor, const Period &period)
{
    if (Status st = check(actor, period, false); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT x.owner_id, u.display_name, x.n, x.amount FROM"
                                              " (SELECT o.owner_id, COUNT(*) AS n, CAST(SUM(o.amount_minor) AS BIGINT) AS amount"
                                              " FROM opportunities o WHERE o.status = 'won' AND ") +
                               actor.ownerCondition(QStringLiteral("o.owner_id")) + QStringLiteral(" AND ") +
                               periodCondition(QStringLiteral("o.closed_at")) + QStringLiteral(" AND ") + kCurrencyCondition +
                               QStringLiteral(" GROUP BY o.owner_id) x LEFT JOIN users u ON u.id = x.owner_id"
                                              " ORDER BY x.amount DESC, x.n DESC, x.owner_id"));
    bindPeriod(q, period);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<RepSales> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return out;
}

Result<qint64> AnalyticsService::resolvePipeline(qint64 pipelineId)
{
    QSqlQuery q = m_db.prepare(pipelineId > 0 ? QStringLiteral("SELECT id FROM pipelines WHERE id = :id")
                                              : QStringLiteral("SELECT id FROM pipelines ORDER BY is_default DESC, position, id LIMIT 1"));
    if (pipelineId > 0)
        q.bindValue(QStringLiteral(":id"), pipelineId);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("Pipeline"));
    return q.value(0).toLongLong();
}

Result<QVector<StageValue>> AnalyticsService::pipelineByStage(const Actor &actor, qint64 pipelineId)
{
    if (!actor.can(Permission::ReportRead))
        return Error::forbidden();
    auto pipeline = resolvePipeline(pipelineId);
    if (!pipeline)
        return pipeline.error();
    // Every open stage, with the opportunities in it (status follows the stage's kind, so open stages
    // hold exactly the open ones). Stage, currency, amount and probability are all in the owner/pipeline
    // indexes, so this reads no table rows. The weighted sum stays amount * percent until the one
    // division below.
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT s.id, s.name, s.position, s.probability, a.n, a.amount, a.weighted FROM stages s LEFT JOIN"
                       " (SELECT o.stage_id, COUNT(*) AS n, CAST(SUM(o.amount_minor) AS BIGINT) AS amount,"
                       " CAST(SUM(o.amount_minor * o.probability) AS BIGINT) AS weighted"
                       " FROM opportunities o WHERE o.pipeline_id = :pipeline AND o.stage_id IN (SELECT t.id FROM stages t"
                       " WHERE t.pipeline_id = :pipeline AND t.kind = 'open') AND ") +
        actor.ownerCondition(QStringLiteral("o.owner_id")) + QStringLiteral(" AND ") + kCurrencyCondition +
        QStringLiteral(" GROUP BY o.stage_id) a ON a.stage_id = s.id"
                       " WHERE s.pipeline_id = :pipeline AND s.kind = 'open' ORDER BY s.position, s.id"));
    q.bindValue(QStringLiteral(":pipeline"), *pipeline);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<StageValue> out;
    while (q.next()) {
        StageValue s;
        s.stageId = q.value(0).toLongLong();
        s.name = q.value(1).toString();
        s.position = q.value(2).toInt();
        s.probability = q.value(3).toInt();
        s.count = q.value(4).toLongLong();
        s.amountMinor = q.value(5).toLongLong();
        s.weightedMinor = divideRoundHalfUp(q.value(6).toLongLong(), 100);
        out.append(s);
    }
    return out;
}

Result<QVector<FunnelStage>> AnalyticsService::funnel(const Actor &actor, qint64 pipelineId, const Period &period)
{
    if (Status st = check(actor, period, false); !st)
        return st.error();
    auto pipeline = resolvePipeline(pipelineId);
    if (!pipeline)
        return pipeline.error();
    QVector<FunnelStage> stages;
    {
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, name, position, kind FROM stages WHERE pipeline_id = :pipeline"
                                                  " AND kind IN ('open', 'won')"
                                                  " ORDER BY CASE WHEN kind = 'won' THEN 1 ELSE 0 END, position, id"));
        q.bindValue(QStringLiteral(":pipeline"), *pipeline);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        while (q.next()) {
            FunnelStage s;
            s.stageId = q.value(0).toLongLong();
            s.pipelineId = *pipeline;
            s.name = q.value(1).toString();
            s.position = q.value(2).toInt();
            s.kind = q.value(3).toString();
            stages.append(s);
        }
    }
    if (stages.isEmpty())
        return stages;
    // Per opportunity the furthest stage its history reached (a won stage above every open one), then
    // how many opportunities stopped at each. The stage ids are the pipeline's own integers, written into
    // a CASE so the history is read from its (opportunity_id, to_stage_id) index alone; a lost stage or
    // another pipeline's stage ranks -1.
    QString rank = QStringLiteral("CASE h.to_stage_id");
    for (const FunnelStage &s : stages)
        rank += QStringLiteral(" WHEN ") + QString::number(s.stageId) + QStringLiteral(" THEN ") +
                QString::number(s.kind == QLatin1String("won") ? kWonRank : s.position);
    rank += QStringLiteral(" ELSE -1 END");
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT f.furthest, COUNT(*) FROM (SELECT MAX(") + rank +
        QStringLiteral(") AS furthest FROM opportunities o JOIN opportunity_stage_history h ON h.opportunity_id = o.id"
                       " WHERE o.pipeline_id = :pipeline AND ") +
        actor.ownerCondition(QStringLiteral("o.owner_id")) + QStringLiteral(" AND ") +
        periodCondition(QStringLiteral("o.created_at")) + QStringLiteral(" GROUP BY o.id) f GROUP BY f.furthest"));
    q.bindValue(QStringLiteral(":pipeline"), *pipeline);
    bindPeriod(q, period);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<std::pair<int, qint64>> stoppedAt;
    while (q.next())
        stoppedAt.append({q.value(0).toInt(), q.value(1).toLongLong()});
    for (FunnelStage &s : stages) {
        const int rank = s.kind == QLatin1String("won") ? kWonRank : s.position;
        for (const auto &[furthest, n] : stoppedAt)
            if (furthest >= rank)
                s.reached += n;
    }
    for (int i = 0; i + 1 < stages.size(); ++i)
        if (stages[i].reached > 0)
            stages[i].conversionBasisPoints = int(divideRoundHalfUp(stages[i + 1].reached * 10'000, stages[i].reached));
    return stages;
}

Result<DealSize> AnalyticsService::averageDealSize(const Actor &actor, const Period &period)
{
    if (Status st = check(actor, period, false); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*), CAST(SUM(o.amount_minor) AS BIGINT) FROM opportunities o"
                                              " WHERE o.status = 'won' AND ") +
                               actor.ownerCondition(QStringLiteral("o.owner_id")) + QStringLiteral(" AND ") +
                               periodCondition(QStringLiteral("o.closed_at")) + QStringLiteral(" AND ") + kCurrencyCondition);
    bindPeriod(q, period);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    DealSize d;
    if (q.next()) {
        d.count = q.value(0).toLongLong();
        d.totalMinor = q.value(1).toLongLong();
        d.averageMinor = divideRoundHalfUp(d.totalMinor, d.count);
    }
    return d;
}

Result<SalesCycle> AnalyticsService::averageCycleDays(const Actor &actor, const Period &period)
{
    if (Status st = check(actor, period, false); !st)
        return st.error();
    // Per won deal: from its first history row to its last, which is the move into its current (won)
    // stage, since any later move would have changed the stage. Both come from the (opportunity_id, at)
    // index; the deals from opportunities_closed_owner. The best shape differs (measured at 1M
    // customers, a director's 30 days, 10,688 deals): SQLite is fastest with a correlated subquery per
    // deal, no temporary B-tree for a grouping (22 ms; the grouped join 33); PostgreSQL with the grouped
    // join, which it runs in parallel (55 ms; the subquery, planned as two index probes per use, 126).
    const QString deals = actor.ownerCondition(QStringLiteral("o.owner_id")) + QStringLiteral(" AND ") +
                          periodCondition(QStringLiteral("o.closed_at"));
    QSqlQuery q = m_db.prepare(
        m_db.isSqlite()
            ? QStringLiteral("SELECT COUNT(x.span), CAST(SUM(x.span) AS BIGINT) FROM (SELECT"
                             " (SELECT MAX(h.at) - MIN(h.at) FROM opportunity_stage_history h WHERE h.opportunity_id = o.id) AS span"
                             " FROM opportunities o WHERE o.status = 'won' AND ") + deals + QStringLiteral(") x")
            : QStringLiteral("SELECT COUNT(*), CAST(SUM(x.span) AS BIGINT) FROM (SELECT MAX(h.at) - MIN(h.at) AS span"
                             " FROM opportunities o JOIN opportunity_stage_history h ON h.opportunity_id = o.id"
                             " WHERE o.status = 'won' AND ") + deals + QStringLiteral(" GROUP BY h.opportunity_id) x"));
    bindPeriod(q, period);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    SalesCycle c;
    if (q.next()) {
        c.deals = q.value(0).toLongLong();
        const qint64 total = q.value(1).toLongLong();
        c.averageMs = divideRoundHalfUp(total, c.deals);
        c.averageDays = divideRoundHalfUp(total, c.deals * kDayMs);
    }
    return c;
}

Result<WinRate> AnalyticsService::winRate(const Actor &actor, const Period &period)
{
    if (Status st = check(actor, period, false); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT o.status, COUNT(*) FROM opportunities o WHERE o.status IN ('won', 'lost') AND ") +
                               actor.ownerCondition(QStringLiteral("o.owner_id")) + QStringLiteral(" AND ") +
                               periodCondition(QStringLiteral("o.closed_at")) + QStringLiteral(" GROUP BY o.status"));
    bindPeriod(q, period);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    WinRate w;
    while (q.next())
        (q.value(0).toString() == QLatin1String("won") ? w.won : w.lost) = q.value(1).toLongLong();
    w.basisPoints = int(divideRoundHalfUp(w.won * 10'000, w.won + w.lost));
    return w;
}

Result<QVector<RepActivity>> AnalyticsService::activitiesByRepAndKind(const Actor &actor, const Period &period)
{
    if (Status st = check(actor, period, false); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT x.user_id, u.display_name, x.kind, x.n FROM"
                                              " (SELECT a.user_id, a.kind, COUNT(*) AS n FROM activities a WHERE ") +
                               activityScope(actor) + QStringLiteral(" AND ") + periodCondition(QStringLiteral("a.occurred_at")) +
                               QStringLiteral(" GROUP BY a.user_id, a.kind) x LEFT JOIN users u ON u.id = x.user_id"
                                              " ORDER BY u.display_name, x.user_id, x.kind"));
    bindPeriod(q, period);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<RepActivity> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return out;
}

Result<QVector<NamedCount>> AnalyticsService::customerSources(const Actor &actor, const Period &period)
{
    if (Status st = check(actor, period, false); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COALESCE(c.source, ''), COUNT(*) FROM customers c WHERE ") +
                               actor.ownerCondition(QStringLiteral("c.owner_id")) + QStringLiteral(" AND ") +
                               periodCondition(QStringLiteral("c.created_at")) +
                               QStringLiteral(" GROUP BY COALESCE(c.source, '')"));
    bindPeriod(q, period);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QHash<QString, qint64> counts;
    while (q.next())
        counts[q.value(0).toString().trimmed()] += q.value(1).toLongLong();
    return ranked(counts);
}

Result<CustomerMix> AnalyticsService::customerMix(const Actor &actor)
{
    if (!actor.can(Permission::ReportRead))
        return Error::forbidden();
    // From customer_counts (RunningTotals): the counter rows of the owners in scope, a few thousand
    // for a director of the 1M demo, instead of every customer row (2.0 s before). Each customer is
    // counted once under "province" and once under "industry".
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT field, value, SUM(n) FROM customer_counts WHERE ") +
                               actor.ownerCondition(QStringLiteral("owner_id")) +
                               QStringLiteral(" GROUP BY field, value HAVING SUM(n) <> 0"));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QHash<QString, qint64> provinces, industries;
    CustomerMix mix;
    while (q.next()) {
        const qint64 n = q.value(2).toLongLong();
        if (q.value(0).toString() == QLatin1String("province")) {
            provinces[q.value(1).toString().trimmed()] += n;
            mix.total += n;
        } else {
            industries[q.value(1).toString().trimmed()] += n;
        }
    }
    auto top = [](QVector<NamedCount> all, qint64 &other) {
        for (qsizetype i = CustomerMix::kTop; i < all.size(); ++i)
            other += all[i].count;
        all.resize(std::min<qsizetype>(all.size(), CustomerMix::kTop));
        return all;
    };
    if (actor.canSeeField(QStringLiteral("customer"), QStringLiteral("addresses")))
        mix.provinces = top(ranked(provinces), mix.otherProvinces);
    if (actor.canSeeField(QStringLiteral("customer"), QStringLiteral("industry")))
        mix.industries = top(ranked(industries), mix.otherIndustries);
    return mix;
}

Result<QVector<RepEngagement>> AnalyticsService::customerEngagement(const Actor &actor, qint64 nowMs)
{
    if (!actor.can(Permission::ReportRead))
        return Error::forbidden();
    // last_contact_at is 0 for never; the buckets are disjoint and the rest of the customers are
    // "never", so they always add up to the owner's customers.
    const auto since = [](const char *name) -> QString {
        return QStringLiteral("c.last_contact_at >= :") + QLatin1String(name);
    };
    const auto before = [](const char *name) -> QString {
        return QStringLiteral("c.last_contact_at < :") + QLatin1String(name);
    };
    const auto count = [](const QString &condition) -> QString {
        return QStringLiteral("SUM(CASE WHEN ") + condition + QStringLiteral(" THEN 1 ELSE 0 END)");
    };
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT COALESCE(x.owner, 0), u.display_name, x.n, x.w, x.m, x.q, x.o FROM (SELECT c.owner_id AS owner,"
                       " COUNT(*) AS n, ") +
        count(since("week")) + QStringLiteral(" AS w, ") + count(since("month") + QStringLiteral(" AND ") + before("week")) +
        QStringLiteral(" AS m, ") + count(since("quarter") + QStringLiteral(" AND ") + before("month")) + QStringLiteral(" AS q, ") +
        count(QStringLiteral("c.last_contact_at > 0 AND ") + before("quarter")) + QStringLiteral(" AS o FROM customers c WHERE ") +
        actor.ownerCondition(QStringLiteral("c.owner_id")) +
        // Grouped by the bare column, the groups come in customers_owner_contact's order: no sort of a
        // million rows (0.28 s against 0.59 s for the director of the 1M demo in the sqlite3 shell).
        // The public pool last, and no NULL in the order (the stores sort NULL at opposite ends).
        QStringLiteral(" GROUP BY c.owner_id) x LEFT JOIN users u ON u.id = x.owner"
                       " ORDER BY CASE WHEN x.owner IS NULL THEN 1 ELSE 0 END, x.n DESC, COALESCE(u.display_name, ''), x.owner"));
    q.bindValue(QStringLiteral(":week"), nowMs - 7 * kDayMs);
    q.bindValue(QStringLiteral(":month"), nowMs - 30 * kDayMs);
    q.bindValue(QStringLiteral(":quarter"), nowMs - 90 * kDayMs);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<RepEngagement> out;
    while (q.next()) {
        RepEngagement r;
        r.userId = q.value(0).toLongLong();
        r.name = q.value(1).toString();
        r.customers = q.value(2).toLongLong();
        r.week = q.value(3).toLongLong();
        r.month = q.value(4).toLongLong();
        r.quarter = q.value(5).toLongLong();
        r.older = q.value(6).toLongLong();
        r.never = r.customers - r.week - r.month - r.quarter - r.older;
        out.append(r);
    }
    return out;
}

Result<QVector<OverdueTasks>> AnalyticsService::overdueTasksByAssignee(const Actor &actor, qint64 beforeMs)
{
    if (!actor.can(Permission::ReportRead) || !actor.can(Permission::TaskRead))
        return Error::forbidden();
    // tasks_assignee (assignee_id, status, due_at) answers this without reading task rows.
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT x.assignee_id, u.display_name, x.n, x.oldest FROM"
                                              " (SELECT t.assignee_id, COUNT(*) AS n, MIN(t.due_at) AS oldest FROM tasks t"
                                              " WHERE t.status = 'open' AND t.due_at < :before AND ") +
                               actor.ownerCondition(QStringLiteral("t.assignee_id")) +
                               QStringLiteral(" GROUP BY t.assignee_id) x LEFT JOIN users u ON u.id = x.assignee_id"
                                              " ORDER BY x.n DESC, x.oldest, x.assignee_id"));
    q.bindValue(QStringLiteral(":before"), beforeMs);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<OverdueTasks> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return out;
}

Result<QVector<CampaignEffect>> AnalyticsService::campaignEffect(const Actor &actor, const Period &period)
{
    if (!actor.can(Permission::CampaignRead))
        return Error::forbidden();
    if (Status st = check(actor, period, false); !st)
        return st.error();
    // Campaign dates are local calendar days stored as ISO text, so they compare as text.
    const QString overlap = QStringLiteral("(k.start_date IS NULL OR k.start_date = '' OR k.start_date <= :last) AND"
                                           " (k.end_date IS NULL OR k.end_date = '' OR k.end_date >= :first)");
    const QString first = localDate(period.from, period.utcOffsetMinutes).toString(Qt::ISODate);
    const QString last = localDate(period.to - 1, period.utcOffsetMinutes).toString(Qt::ISODate);

    // Participants per answer, counting only customers in scope (the LEFT JOIN leaves c.id NULL otherwise).
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT k.id, k.name, k.status, k.start_date, k.end_date, k.budget_minor, k.currency,"
                       " COUNT(c.id),"
                       " SUM(CASE WHEN c.id IS NOT NULL AND p.status IN ('responded', 'converted', 'declined') THEN 1 ELSE 0 END),"
                       " SUM(CASE WHEN c.id IS NOT NULL AND p.status = 'converted' THEN 1 ELSE 0 END)"
                       " FROM campaigns k LEFT JOIN campaign_participants p ON p.campaign_id = k.id"
                       " LEFT JOIN customers c ON c.id = p.customer_id AND ") +
        actor.ownerCondition(QStringLiteral("c.owner_id")) + QStringLiteral(" WHERE ") + overlap +
        QStringLiteral(" GROUP BY k.id, k.name, k.status, k.start_date, k.end_date, k.budget_minor, k.currency"
                       " ORDER BY COALESCE(k.start_date, '') DESC, k.id DESC"));
    q.bindValue(QStringLiteral(":first"), first);
    q.bindValue(QStringLiteral(":last"), last);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<CampaignEffect> out;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        CampaignEffect e;
        e.campaignId = q.value(0).toLongLong();
        e.name = q.value(1).toString();
        e.status = q.value(2).toString();
        e.startDate = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        e.endDate = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        e.budgetMinor = q.value(5).toLongLong();
        e.currency = q.value(6).toString();
        e.participants = q.value(7).toLongLong();
        e.answered = q.value(8).toLongLong();
        e.converted = q.value(9).toLongLong();
        index.insert(e.campaignId, out.size());
        out.append(e);
    }
    if (out.isEmpty())
        return out;

    // Deals won in the period by customers after they joined: one row per (campaign, deal), since a
    // customer is in a campaign at most once. opportunities_customer finds each participant's deals.
    QSqlQuery w = m_db.prepare(
        QStringLiteral("SELECT p.campaign_id, COUNT(*), CAST(SUM(o.amount_minor) AS BIGINT)"
                       " FROM campaigns k JOIN campaign_participants p ON p.campaign_id = k.id"
                       " JOIN opportunities o ON o.customer_id = p.customer_id"
                       " WHERE ") + overlap +
        QStringLiteral(" AND o.status = 'won' AND o.closed_at >= p.added_at AND ") + periodCondition(QStringLiteral("o.closed_at")) +
        QStringLiteral(" AND ") + actor.ownerCondition(QStringLiteral("o.owner_id")) + QStringLiteral(" AND ") + kCurrencyCondition +
        QStringLiteral(" GROUP BY p.campaign_id"));
    w.bindValue(QStringLiteral(":first"), first);
    w.bindValue(QStringLiteral(":last"), last);
    bindPeriod(w, period);
    if (Status st = m_db.exec(w); !st)
        return st.error();
    while (w.next()) {
        const auto it = index.constFind(w.value(0).toLongLong());
        if (it == index.constEnd())
            continue;
        out[*it].wonDeals = w.value(1).toLongLong();
        out[*it].wonAmountMinor = w.value(2).toLongLong();
    }
    return out;
}

Result<std::optional<CampaignEffect>> AnalyticsService::campaignEffectSoFar(const Actor &actor, qint64 campaignId,
                                                                            int utcOffsetMinutes)
{
    auto campaign = CampaignService(m_db).get(actor, campaignId);
    if (!campaign)
        return campaign.error();
    Period since;
    since.utcOffsetMinutes = utcOffsetMinutes;
    since.to = m_db.clock().nowMs();
    since.from = campaign->startDate.isValid()
        ? QDate(1970, 1, 1).daysTo(campaign->startDate) * kDayMs - qint64(utcOffsetMinutes) * 60'000
        : campaign->createdAt;
    if (since.to <= since.from)
        return std::optional<CampaignEffect>();
    auto effects = campaignEffect(actor, since);
    if (!effects)
        return effects.error();
    for (const CampaignEffect &e : *effects)
        if (e.campaignId == campaignId)
            return std::optional<CampaignEffect>(e);
    return std::optional<CampaignEffect>();
}

Result<qint64> AnalyticsService::activityCount(const Actor &actor, const Period &period)
{
    // Whole days from the running totals (RunningTotals: activities per UTC day and user), the rest
    // from the activities. The partial day at either end is counted directly when it is the smaller
    // part of its day; otherwise the whole day is taken and its other part subtracted, so neither end
    // reads more than half a day of activities.
    constexpr qint64 kDay = RunningTotals::kDayMs;
    const qint64 firstDay = period.from / kDay;
    const qint64 lastDay = period.to / kDay;
    if (period.from < kDay || lastDay - firstDay < 2) { // a short or pre-1970 period: day 0 spans two days
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM activities a WHERE ") + activityScope(actor) +
                                   QStringLiteral(" AND ") + periodCondition(QStringLiteral("a.occurred_at")));
        bindPeriod(q, period);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        return q.next() ? q.value(0).toLongLong() : 0;
    }
    struct Part
    {
        qint64 from, to;
        int sign;
    };
    qint64 fromDay = firstDay + 1, toDay = lastDay; // whole days in [fromDay, toDay)
    Part head{period.from, fromDay * kDay, 1};
    if (period.from - firstDay * kDay <= kDay / 2) {
        fromDay = firstDay;
        head = {firstDay * kDay, period.from, -1};
    }
    Part tail{lastDay * kDay, period.to, 1};
    if (period.to - lastDay * kDay >= kDay / 2) {
        toDay = lastDay + 1;
        tail = {period.to, toDay * kDay, -1};
    }
    const QString scope = activityScope(actor);
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT (SELECT COALESCE(SUM(d.n), 0) FROM activity_day_counts d WHERE d.day >= :d0 AND d.day < :d1 AND ") +
        actor.ownerCondition(QStringLiteral("d.user_id")) +
        QStringLiteral("), (SELECT COUNT(*) FROM activities a WHERE ") + scope +
        QStringLiteral(" AND a.occurred_at >= :h0 AND a.occurred_at < :h1), (SELECT COUNT(*) FROM activities a WHERE ") + scope +
        QStringLiteral(" AND a.occurred_at >= :t0 AND a.occurred_at < :t1)"));
    q.bindValue(QStringLiteral(":d0"), fromDay);
    q.bindValue(QStringLiteral(":d1"), toDay);
    q.bindValue(QStringLiteral(":h0"), head.from);
    q.bindValue(QStringLiteral(":h1"), head.to);
    q.bindValue(QStringLiteral(":t0"), tail.from);
    q.bindValue(QStringLiteral(":t1"), tail.to);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::internal();
    return q.value(0).toLongLong() + head.sign * q.value(1).toLongLong() + tail.sign * q.value(2).toLongLong();
}

Status AnalyticsService::openTotals(const Actor &actor, Dashboard &out)
{
    // Open stages hold exactly the open deals; their totals per owner, stage and currency are kept by
    // triggers (RunningTotals), so this reads a few rows per owner instead of every open deal.
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COALESCE(SUM(t.n), 0), COALESCE(SUM(t.amount_minor), 0),"
                                              " COALESCE(SUM(t.weighted_minor), 0) FROM opportunity_totals t"
                                              " WHERE t.stage_id IN (SELECT s.id FROM stages s WHERE s.kind = 'open') AND ") +
                               actor.ownerCondition(QStringLiteral("t.owner_id")) +
                               QStringLiteral(" AND t.currency = COALESCE((SELECT value FROM app_settings WHERE key = 'currency'), 'CNY')"));
    if (Status st = m_db.exec(q); !st)
        return st;
    if (q.next()) {
        out.openCount = q.value(0).toLongLong();
        out.openAmountMinor = q.value(1).toLongLong();
        out.openWeightedMinor = divideRoundHalfUp(q.value(2).toLongLong(), 100);
    }
    return {};
}

Result<Dashboard> AnalyticsService::dashboard(const Actor &actor, const Period &period)
{
    if (Status st = check(actor, period, true); !st)
        return st.error();
    return m_db.read([&]() -> Result<Dashboard> {
        Dashboard d;
        auto cur = currency();
        if (!cur)
            return cur.error();
        d.currency = *cur;
        auto customers = newCustomers(actor, period);
        if (!customers)
            return customers.error();
        d.newCustomersByBucket = std::move(customers).value();
        for (const CountBucket &b : d.newCustomersByBucket)
            d.newCustomers += b.count;
        auto won = wonSales(actor, period);
        if (!won)
            return won.error();
        d.wonByBucket = std::move(won).value();
        for (const SalesBucket &b : d.wonByBucket) {
            d.wonCount += b.count;
            d.wonAmountMinor += b.amountMinor;
        }
        // The same deals as wonSales, so derived here rather than read again.
        d.averageDeal = {d.wonCount, d.wonAmountMinor, divideRoundHalfUp(d.wonAmountMinor, d.wonCount)};
        auto rate = winRate(actor, period);
        if (!rate)
            return rate.error();
        d.winRate = *rate;
        auto cycle = averageCycleDays(actor, period);
        if (!cycle)
            return cycle.error();
        d.salesCycle = *cycle;
        if (Status st = openTotals(actor, d); !st)
            return st.error();
        auto activities = activityCount(actor, period);
        if (!activities)
            return activities.error();
        d.activities = *activities;
        return d;
    });
}

} // namespace crm
