#pragma once

#include "core/domain/Analytics.h"

#include <QString>
#include <QVector>

namespace crm::json {

class JsonWriter;

// Analytics figures as the API shows them: money as exact decimal numbers (in the answer's
// `currency`), rates as percentages with two decimals (6667 basis points -> 66.67), series as
// [{date, ...}] with every bucket of the period (`date` is the bucket's local start, YYYY-MM-DD or
// YYYY-MM for months).

// A percentage from basis points, exact (no floating point on the way).
void writePercent(JsonWriter &out, const char *name, std::optional<int> basisPoints);
void writeCountSeries(JsonWriter &out, const char *name, const QVector<CountBucket> &buckets);
void writeSalesSeries(JsonWriter &out, const char *name, const QVector<SalesBucket> &buckets);
void writeRepSales(JsonWriter &out, const char *name, const QVector<RepSales> &reps);
// Open stages now: [{id, name, position, probability, count, value, weightedValue}].
void writeStageValues(JsonWriter &out, const char *name, const QVector<StageValue> &stages);
// Funnel stages: [{id, name, position, kind, count, reached, conversionRate}] (conversionRate: to the
// next stage, null for the last one and for a stage nobody reached).
void writeFunnel(JsonWriter &out, const char *name, const QVector<FunnelStage> &stages);
// Activities per user and kind -> {total, byKind: [{kind, count}], byRep: [{userId, name, total, byKind}]}
// fields written into the current object.
void writeActivityFields(JsonWriter &out, const QVector<RepActivity> &rows);
// The customers in scope now by province and industry: {total, provinces: [{name, count}],
// otherProvinces, industries: [{name, count}], otherIndustries} ("" names the customers with none recorded).
void writeCustomerMix(JsonWriter &out, const char *name, const CustomerMix &mix);
// How long ago the customers in scope were last contacted: {week, month, quarter, older, never, total,
// byOwner: [{userId (null: the public pool), name, customers, week, month, quarter, older, never}]}, the
// first fields summed over the owners.
void writeEngagement(JsonWriter &out, const char *name, const QVector<RepEngagement> &owners);

} // namespace crm::json
