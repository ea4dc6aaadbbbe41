#pragma once

#include <QDate>
#include <QString>
#include <QVector>
#include <QtGlobal>

#include <optional>

namespace crm {

// num / den rounded to the nearest integer, halves away from zero (so "half up" for the non-negative
// figures analytics deals in): 5/2 -> 3, 7/3 -> 2. 0 when den is 0. Used for every average so that
// money stays exact integer minor units and ratios exact integer basis points.
inline qint64 divideRoundHalfUp(qint64 num, qint64 den)
{
    if (den == 0)
        return 0;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const qint64 q = num / den;
    const qint64 r = num % den;
    if (r >= 0 ? 2 * r >= den : -2 * r >= den)
        return num >= 0 ? q + 1 : q - 1;
    return q;
}

enum class Bucket { Day, Week, Month };

// The time window of an analytics query: [from, to) in UTC epoch ms, split into buckets that follow the
// viewer's calendar: utcOffsetMinutes is the viewer's offset from UTC (+480 in China), so "per day"
// means the viewer's local days. Bucket keys are the local start date: 'YYYY-MM-DD' for days and weeks
// (weeks start on Monday), 'YYYY-MM' for months. Every bucket of the window is present, empty ones
// with zeros, so charts have every period.
struct Period
{
    qint64 from = 0;
    qint64 to = 0;
    Bucket bucket = Bucket::Day;
    int utcOffsetMinutes = 0; // -840..840
};

struct CountBucket
{
    QString key;
    qint64 count = 0;
};

struct SalesBucket
{
    QString key;
    qint64 count = 0;
    qint64 amountMinor = 0;
};

// Money figures (amounts, averages, weighted values) cover opportunities in the company currency
// (app setting "currency"); deals in another currency are left out of them rather than added as if they
// were the same unit. Counts that carry no amount (funnel, win rate, cycle) include every deal.

struct RepSales
{
    qint64 userId = 0; // 0: opportunities without an owner
    QString name;
    qint64 count = 0;
    qint64 amountMinor = 0;
};

// Open opportunities in one open stage of a pipeline, now. weightedMinor = round_half_up(sum(amount *
// probability) / 100), with each opportunity's own probability: one division at the end keeps it exact.
struct StageValue
{
    qint64 stageId = 0;
    QString name;
    int position = 0;
    int probability = 0; // the stage's default, for display
    qint64 count = 0;
    qint64 amountMinor = 0;
    qint64 weightedMinor = 0;
};

// How many opportunities created in the period reached a stage (from their stage history): reaching a
// later open stage or winning counts as having passed the earlier open stages too, so the funnel never
// widens. Lists the pipeline's open stages and its won stage, in order.
struct FunnelStage
{
    qint64 stageId = 0;
    qint64 pipelineId = 0;
    QString name;
    int position = 0;
    QString kind; // "open" or "won"
    qint64 reached = 0;
    // reached(next stage) / reached(this one) in basis points (6667 = 66.67 %), rounded half up;
    // none for the last stage and when no opportunity reached this one.
    std::optional<int> conversionBasisPoints;
};

// Won opportunities closed in the period.
struct DealSize
{
    qint64 count = 0;
    qint64 totalMinor = 0;
    qint64 averageMinor = 0; // round_half_up(total / count); 0 without deals
};

// Won opportunities closed in the period, from their first stage-history row (creation) to the row
// that moved them into their won stage.
struct SalesCycle
{
    qint64 deals = 0;
    qint64 averageMs = 0;
    qint64 averageDays = 0; // round_half_up(average in days)
};

// Opportunities closed in the period.
struct WinRate
{
    qint64 won = 0;
    qint64 lost = 0;
    int basisPoints = 0; // round_half_up(10000 * won / (won + lost)); 0 when nothing closed
};

struct RepActivity
{
    qint64 userId = 0;
    QString name;
    QString kind; // "call", "visit", ...
    qint64 count = 0;
};

// Customers sharing one value of a field ("" for none recorded), e.g. created in a period with one
// source, or in one province.
struct NamedCount
{
    QString name;
    qint64 count = 0;
};

// Who the customers in the viewer's scope are now (seed 002's statistics: where they are and which
// industries they are in). Each list is largest first (ties by name), blank and missing values as one
// "" entry, at most kTop entries; the customers of the values beyond them are counted in `other...`.
// A list the viewer's role hides (field rules customer.addresses, customer.industry) stays empty.
struct CustomerMix
{
    static constexpr int kTop = 20;
    qint64 total = 0;
    QVector<NamedCount> provinces; // the customer's primary address (customers.province)
    qint64 otherProvinces = 0;
    QVector<NamedCount> industries;
    qint64 otherIndustries = 0;
};

// How recently one owner's customers were last contacted, at one moment (seed 002's customer activity
// report): every customer is in exactly one bucket, counted in whole 24-hour days back from that moment.
struct RepEngagement
{
    qint64 userId = 0; // 0: the public pool (customers without an owner)
    QString name;
    qint64 customers = 0;
    qint64 week = 0; // last contact within the last 7 days
    qint64 month = 0; // 8-30 days ago
    qint64 quarter = 0; // 31-90 days ago
    qint64 older = 0; // more than 90 days ago
    qint64 never = 0; // no contact recorded

    // Adds another owner's counts, for a total over owners.
    RepEngagement &operator+=(const RepEngagement &o)
    {
        customers += o.customers;
        week += o.week;
        month += o.month;
        quarter += o.quarter;
        older += o.older;
        never += o.never;
        return *this;
    }
};

// One campaign running in a period and what came of it. Participant counts are over the customers in the
// viewer's scope (customers.owner_id); won deals are the participants' deals in the viewer's scope
// (opportunities.owner_id) won in the period after the customer joined the campaign, in the company's
// currency. The budget is the campaign's own, in its own currency.
struct CampaignEffect
{
    qint64 campaignId = 0;
    QString name, status, currency;
    QDate startDate, endDate; // invalid: not set
    qint64 budgetMinor = 0;
    qint64 participants = 0;
    qint64 answered = 0; // responded, converted or declined
    qint64 converted = 0;
    qint64 wonDeals = 0;
    qint64 wonAmountMinor = 0;
};

// Open tasks of one assignee that were due before a moment.
struct OverdueTasks
{
    qint64 userId = 0;
    QString name;
    qint64 count = 0;
    qint64 oldestDueAt = 0; // UTC ms
};

// The headline figures of one dashboard, read in one snapshot.
struct Dashboard
{
    QString currency; // of every money figure
    qint64 newCustomers = 0;
    QVector<CountBucket> newCustomersByBucket;
    qint64 wonCount = 0;
    qint64 wonAmountMinor = 0;
    QVector<SalesBucket> wonByBucket;
    DealSize averageDeal;
    WinRate winRate;
    SalesCycle salesCycle;
    // Open opportunities of every pipeline, now (not limited to the period).
    qint64 openCount = 0;
    qint64 openAmountMinor = 0;
    qint64 openWeightedMinor = 0;
    qint64 activities = 0; // logged in the period
};

} // namespace crm
