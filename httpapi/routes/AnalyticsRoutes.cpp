// Analytics for the mini program's analytics page and the sales funnel:
// GET /api/crm/analytics/sales|customers|pipeline|activities, GET /api/sales/funnel.
#include "httpapi/routes/Routes.h"

#include "core/analytics/AnalyticsService.h"
#include "core/services/PipelineService.h"
#include "core/storage/Database.h"
#include "httpapi/json/AnalyticsJson.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"

#include <QTimeZone>

namespace crm::routes {

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;

QString param(const ApiRequest &r, const char *name)
{
    const QString v = r.queryValue(QLatin1String(name)).trimmed();
    return v.startsWith(QLatin1String("[object")) ? QString() : v;
}

// ?period=7d|30d|90d|365d (default 30d) and ?tz (an IANA zone; default the server's): the last N
// local days including today, [start of the day N-1 days ago, start of tomorrow). 7d and 30d are
// split by day, 90d by week, 365d by month, so a phone chart has at most 31 points.
struct ApiPeriod
{
    QString name;
    Period period;
};

Result<ApiPeriod> periodParam(ApiContext &c)
{
    const ApiRequest &r = c.request;
    ApiPeriod out;
    out.name = param(r, "period");
    if (out.name.isEmpty())
        out.name = QStringLiteral("30d");
    static const QHash<QString, QPair<int, Bucket>> periods = {
        {QStringLiteral("7d"), {7, Bucket::Day}},
        {QStringLiteral("30d"), {30, Bucket::Day}},
        {QStringLiteral("90d"), {90, Bucket::Week}},
        {QStringLiteral("365d"), {365, Bucket::Month}},
    };
    if (!periods.contains(out.name))
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("period"), QStringLiteral("period must be 7d, 30d, 90d or 365d"));
    QTimeZone zone = QTimeZone::systemTimeZone();
    if (const QString tz = param(r, "tz").left(100); !tz.isEmpty()) {
        zone = QTimeZone(tz.toUtf8());
        if (!zone.isValid())
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("tz"),
                                     QStringLiteral("tz must be an IANA time zone such as Asia/Shanghai"));
    }
    const qint64 now = c.db.clock().nowMs();
    const int offsetMinutes = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC)) / 60;
    const qint64 offsetMs = qint64(offsetMinutes) * 60'000;
    const qint64 localDay = (now + offsetMs) / kDayMs; // now is after 1970: no negative division
    const auto [days, bucket] = periods.value(out.name);
    out.period.to = (localDay + 1) * kDayMs - offsetMs;
    out.period.from = out.period.to - qint64(days) * kDayMs;
    out.period.bucket = bucket;
    out.period.utcOffsetMinutes = offsetMinutes;
    return out;
}

void writePeriod(json::JsonWriter &out, const ApiPeriod &p)
{
    out.field("period", p.name).field("from", json::time(p.period.from).toString()).field("to", json::time(p.period.to).toString());
    out.field("utcOffsetMinutes", p.period.utcOffsetMinutes);
}

Result<qint64> pipelineIdParam(ApiContext &c)
{
    const QString v = param(c.request, "pipelineId");
    if (!v.isEmpty()) {
        bool ok = false;
        const qint64 id = v.toLongLong(&ok);
        if (!ok || id <= 0)
            return Error::validation(QStringLiteral("format"), QStringLiteral("pipelineId"), QStringLiteral("pipelineId must be an id"));
        return id;
    }
    auto p = PipelineService::loadDefault(c.db);
    if (!p)
        return p.error();
    return p->id;
}

ApiResponse sales(ApiContext &c)
{
    auto p = periodParam(c);
    if (!p)
        return errorOr(p.error());
    AnalyticsService svc(c.db);
    auto d = svc.dashboard(c.request.actor, p->period);
    if (!d)
        return errorOr(d.error());
    auto reps = svc.wonByRep(c.request.actor, p->period);
    if (!reps)
        return errorOr(reps.error());
    json::JsonWriter out;
    out.beginObject().key("metrics").beginObject();
    writePeriod(out, *p);
    out.field("currency", d->currency);
    out.key("revenue").money(d->wonAmountMinor).field("dealsWon", d->wonCount).field("dealsLost", d->winRate.lost);
    out.key("averageDealSize").money(d->averageDeal.averageMinor);
    json::writePercent(out, "winRate", d->winRate.basisPoints);
    out.field("salesCycleDays", d->salesCycle.averageDays);
    out.field("openDeals", d->openCount).key("pipelineValue").money(d->openAmountMinor);
    out.key("weightedPipelineValue").money(d->openWeightedMinor);
    out.field("newCustomers", d->newCustomers).field("activities", d->activities);
    json::writeSalesSeries(out, "series", d->wonByBucket);
    json::writeRepSales(out, "byRep", *reps);
    return ApiResponse::json(out.endObject().endObject().bytes());
}

// New customers of the period, and who the customers in scope are now: where they are and in which
// industries (distribution), and how long ago they were last contacted, per owner (engagement). The
// last two ignore `period`; they read every customer in scope (a director's million: about 2 s on
// SQLite), on this server thread like every request.
ApiResponse customers(ApiContext &c)
{
    auto p = periodParam(c);
    if (!p)
        return errorOr(p.error());
    AnalyticsService svc(c.db);
    const Actor &actor = c.request.actor;
    auto buckets = svc.newCustomers(actor, p->period);
    if (!buckets)
        return errorOr(buckets.error());
    auto mix = svc.customerMix(actor);
    if (!mix)
        return errorOr(mix.error());
    auto engagement = svc.customerEngagement(actor, c.db.clock().nowMs());
    if (!engagement)
        return errorOr(engagement.error());
    qint64 total = 0;
    for (const CountBucket &b : *buckets)
        total += b.count;
    json::JsonWriter out;
    out.beginObject().key("metrics").beginObject();
    writePeriod(out, *p);
    out.field("newCustomers", total);
    json::writeCountSeries(out, "series", *buckets);
    json::writeCustomerMix(out, "distribution", *mix);
    json::writeEngagement(out, "engagement", *engagement);
    return ApiResponse::json(out.endObject().endObject().bytes());
}

ApiResponse activities(ApiContext &c)
{
    auto p = periodParam(c);
    if (!p)
        return errorOr(p.error());
    auto rows = AnalyticsService(c.db).activitiesByRepAndKind(c.request.actor, p->period);
    if (!rows)
        return errorOr(rows.error());
    json::JsonWriter out;
    out.beginObject().key("metrics").beginObject();
    writePeriod(out, *p);
    json::writeActivityFields(out, *rows);
    return ApiResponse::json(out.endObject().endObject().bytes());
}

// The funnel, deal size, cycle and win rate of a period: shared by /api/sales/funnel and the
// pipeline analytics.
Status writeFunnelFields(ApiContext &c, json::JsonWriter &out, const char *funnelKey, qint64 pipelineId, const ApiPeriod &p)
{
    AnalyticsService svc(c.db);
    const Actor &actor = c.request.actor;
    auto funnel = svc.funnel(actor, pipelineId, p.period);
    if (!funnel)
        return funnel.error();
    auto deal = svc.averageDealSize(actor, p.period);
    if (!deal)
        return deal.error();
    auto cycle = svc.averageCycleDays(actor, p.period);
    if (!cycle)
        return cycle.error();
    auto rate = svc.winRate(actor, p.period);
    if (!rate)
        return rate.error();
    json::writeFunnel(out, funnelKey, *funnel);
    out.key("averageDealSize").money(deal->averageMinor).field("deals", deal->count).key("wonValue").money(deal->totalMinor);
    out.field("averageCycleDays", cycle->averageDays).field("cycleDeals", cycle->deals);
    json::writePercent(out, "winRate", rate->basisPoints);
    out.field("won", rate->won).field("lost", rate->lost);
    return {};
}

ApiResponse pipeline(ApiContext &c)
{
    auto p = periodParam(c);
    if (!p)
        return errorOr(p.error());
    auto pipelineId = pipelineIdParam(c);
    if (!pipelineId)
        return errorOr(pipelineId.error());
    AnalyticsService svc(c.db);
    auto stages = svc.pipelineByStage(c.request.actor, *pipelineId);
    if (!stages)
        return errorOr(stages.error());
    auto currency = svc.currency();
    if (!currency)
        return errorOr(currency.error());
    qint64 count = 0, amount = 0, weighted = 0;
    for (const StageValue &s : *stages) {
        count += s.count;
        amount += s.amountMinor;
        weighted += s.weightedMinor;
    }
    json::JsonWriter out;
    out.beginObject().key("analytics").beginObject();
    writePeriod(out, *p);
    out.field("pipelineId", *pipelineId).field("currency", *currency);
    json::writeStageValues(out, "stages", *stages);
    out.field("openCount", count).key("openValue").money(amount).key("weightedValue").money(weighted);
    if (Status st = writeFunnelFields(c, out, "funnel", *pipelineId, *p); !st)
        return errorOr(st.error());
    return ApiResponse::json(out.endObject().endObject().bytes());
}

ApiResponse funnel(ApiContext &c)
{
    auto p = periodParam(c);
    if (!p)
        return errorOr(p.error());
    auto pipelineId = pipelineIdParam(c);
    if (!pipelineId)
        return errorOr(pipelineId.error());
    auto currency = AnalyticsService(c.db).currency();
    if (!currency)
        return errorOr(currency.error());
    json::JsonWriter out;
    out.beginObject();
    writePeriod(out, *p);
    out.field("pipelineId", *pipelineId).field("currency", *currency);
    if (Status st = writeFunnelFields(c, out, "stages", *pipelineId, *p); !st)
        return errorOr(st.error());
    return ApiResponse::json(out.endObject().bytes());
}

} // namespace

void addAnalytics(Router &router)
{
    const QString periodHelp = QStringLiteral("period=7d|30d|90d|365d (default 30d), tz (IANA zone)");
    router.add("GET", QStringLiteral("/api/crm/analytics/sales"), sales,
               QStringLiteral("Sales metrics in the caller's scope: ") + periodHelp
                   + QStringLiteral(" -> {metrics: {revenue, dealsWon, dealsLost, averageDealSize, winRate, salesCycleDays, "
                                    "openDeals, pipelineValue, weightedPipelineValue, newCustomers, activities, series, byRep}}"));
    router.add("GET", QStringLiteral("/api/crm/analytics/customers"), customers,
               QStringLiteral("Customers in the caller's scope: new ones in the period (") + periodHelp
                   + QStringLiteral("), and now: by province and industry, and by how long ago they were last contacted -> "
                                    "{metrics: {newCustomers, series, distribution: {total, provinces: [{name, count}], otherProvinces, "
                                    "industries, otherIndustries}, engagement: {week, month, quarter, older, never, total, "
                                    "byOwner: [{userId, name, customers, week, month, quarter, older, never}]}}}"));
    router.add("GET", QStringLiteral("/api/crm/analytics/pipeline"), pipeline,
               QStringLiteral("Pipeline analytics in the caller's scope: pipelineId, ") + periodHelp
                   + QStringLiteral(" -> {analytics: {stages, openCount, openValue, weightedValue, funnel, averageDealSize, "
                                    "averageCycleDays, winRate}}"));
    router.add("GET", QStringLiteral("/api/crm/analytics/activities"), activities,
               QStringLiteral("Activities in the caller's scope: ") + periodHelp + QStringLiteral(" -> {metrics: {total, byKind, byRep}}"));
    router.add("GET", QStringLiteral("/api/sales/funnel"), funnel,
               QStringLiteral("The sales funnel of opportunities created in the period: pipelineId, ") + periodHelp
                   + QStringLiteral(" -> {stages: [{id, name, count, conversionRate}], averageDealSize, averageCycleDays, winRate}"));
}

} // namespace crm::routes
