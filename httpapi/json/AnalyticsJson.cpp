#include "httpapi/json/AnalyticsJson.h"

#include "httpapi/json/JsonWriter.h"

#include <QMap>

namespace crm::json {

void writePercent(JsonWriter &out, const char *name, std::optional<int> basisPoints)
{
    out.key(name);
    if (basisPoints)
        out.money(*basisPoints); // hundredths of a percent: the same two-decimal exact form as money
    else
        out.null();
}

void writeCountSeries(JsonWriter &out, const char *name, const QVector<CountBucket> &buckets)
{
    out.key(name).beginArray();
    for (const CountBucket &b : buckets)
        out.beginObject().field("date", b.key).field("count", b.count).endObject();
    out.endArray();
}

void writeSalesSeries(JsonWriter &out, const char *name, const QVector<SalesBucket> &buckets)
{
    out.key(name).beginArray();
    for (const SalesBucket &b : buckets) {
        out.beginObject().field("date", b.key).field("count", b.count).key("value").money(b.amountMinor);
        out.endObject();
    }
    out.endArray();
}

void writeRepSales(JsonWriter &out, const char *name, const QVector<RepSales> &reps)
{
    out.key(name).beginArray();
    for (const RepSales &r : reps) {
        out.beginObject().key("userId");
        if (r.userId > 0)
            out.value(r.userId);
        else
            out.null();
        out.field("name", r.name).field("count", r.count).key("value").money(r.amountMinor);
        out.endObject();
    }
    out.endArray();
}

void writeStageValues(JsonWriter &out, const char *name, const QVector<StageValue> &stages)
{
    out.key(name).beginArray();
    for (const StageValue &s : stages) {
        out.beginObject().field("id", s.stageId).field("name", s.name).field("position", s.position);
        out.field("probability", s.probability).field("count", s.count);
        out.key("value").money(s.amountMinor).key("weightedValue").money(s.weightedMinor);
        out.endObject();
    }
    out.endArray();
}

void writeFunnel(JsonWriter &out, const char *name, const QVector<FunnelStage> &stages)
{
    out.key(name).beginArray();
    for (const FunnelStage &s : stages) {
        out.beginObject().field("id", s.stageId).field("name", s.name).field("position", s.position).field("kind", s.kind);
        out.field("count", s.reached).field("reached", s.reached);
        writePercent(out, "conversionRate", s.conversionBasisPoints);
        out.endObject();
    }
    out.endArray();
}

void writeActivityFields(JsonWriter &out, const QVector<RepActivity> &rows)
{
    qint64 total = 0;
    QMap<QString, qint64> byKind;
    // Rows come ordered by user name then kind: one user's rows are adjacent.
    struct Rep
    {
        qint64 userId = 0;
        QString name;
        qint64 total = 0;
        QVector<QPair<QString, qint64>> kinds;
    };
    QVector<Rep> reps;
    for (const RepActivity &a : rows) {
        total += a.count;
        byKind[a.kind] += a.count;
        if (reps.isEmpty() || reps.last().userId != a.userId)
            reps.append(Rep{a.userId, a.name, 0, {}});
        reps.last().total += a.count;
        reps.last().kinds.append({a.kind, a.count});
    }
    auto writeKinds = [&out](const auto &pairs) {
        out.key("byKind").beginArray();
        for (const auto &[kind, count] : pairs)
            out.beginObject().field("kind", kind).field("count", count).endObject();
        out.endArray();
    };
    out.field("total", total);
    QVector<QPair<QString, qint64>> kinds;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kinds.append({it.key(), it.value()});
    writeKinds(kinds);
    out.key("byRep").beginArray();
    for (const Rep &r : reps) {
        out.beginObject().field("userId", r.userId).field("name", r.name).field("total", r.total);
        writeKinds(r.kinds);
        out.endObject();
    }
    out.endArray();
}

void writeCustomerMix(JsonWriter &out, const char *name, const CustomerMix &mix)
{
    auto writeCounts = [&out](const char *key, const QVector<NamedCount> &rows) {
        out.key(key).beginArray();
        for (const NamedCount &r : rows)
            out.beginObject().field("name", r.name).field("count", r.count).endObject();
        out.endArray();
    };
    out.key(name).beginObject().field("total", mix.total);
    writeCounts("provinces", mix.provinces);
    out.field("otherProvinces", mix.otherProvinces);
    writeCounts("industries", mix.industries);
    out.field("otherIndustries", mix.otherIndustries);
    out.endObject();
}

void writeEngagement(JsonWriter &out, const char *name, const QVector<RepEngagement> &owners)
{
    RepEngagement sum;
    for (const RepEngagement &r : owners)
        sum += r;
    auto writeBuckets = [&out](const RepEngagement &r) {
        out.field("week", r.week).field("month", r.month).field("quarter", r.quarter);
        out.field("older", r.older).field("never", r.never);
    };
    out.key(name).beginObject();
    writeBuckets(sum);
    out.field("total", sum.customers);
    out.key("byOwner").beginArray();
    for (const RepEngagement &r : owners) {
        out.beginObject().key("userId");
        if (r.userId > 0)
            out.value(r.userId);
        else
            out.null();
        out.field("name", r.name).field("customers", r.customers);
        writeBuckets(r);
        out.endObject();
    }
    out.endArray().endObject();
}

} // namespace crm::json
