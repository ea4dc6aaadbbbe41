#include "reports/report/ReportBuilder.h"

#include "core/ErrorText.h"
#include "core/SeedNames.h"
#include "core/analytics/AnalyticsService.h"
#include "core/services/OrgService.h"
#include "core/services/TaskService.h"
#include "core/storage/Database.h"
#include "reports/report/ReportPeriod.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QTimeZone>

namespace crm {

namespace {

constexpr int kMaxOverdueListed = 500;
constexpr qint64 kDayMs = 86'400'000;

// Activity kinds and task priorities as the report shows them; the stored words are the source texts.
const char *const kActivityKinds[] = {QT_TRANSLATE_NOOP("Report", "call"), QT_TRANSLATE_NOOP("Report", "message"),
                                      QT_TRANSLATE_NOOP("Report", "email"), QT_TRANSLATE_NOOP("Report", "meeting"),
                                      QT_TRANSLATE_NOOP("Report", "visit"), QT_TRANSLATE_NOOP("Report", "note")};
const char *const kPriorities[] = {QT_TRANSLATE_NOOP("Report", "low"), QT_TRANSLATE_NOOP("Report", "normal"),
                                   QT_TRANSLATE_NOOP("Report", "high")};

template <size_t N>
QString word(const char *const (&words)[N], const QString &stored)
{
    for (const char *w : words)
        if (stored == QLatin1String(w))
            return Report::tr(w); // the QT_TRANSLATE_NOOP texts above
    return stored;
}

QString bucketHeader(Bucket b)
{
    switch (b) {
    case Bucket::Day: return Report::tr("Day");
    case Bucket::Week: return Report::tr("Week starting");
    case Bucket::Month: return Report::tr("Month");
    }
    return {};
}

QString userName(const QString &name, qint64 id)
{
    if (!name.isEmpty())
        return name;
    return id == 0 ? Report::tr("(no owner)") : QStringLiteral("#%1").arg(id);
}

// part / whole in basis points (6667 = 66.67 %); none when there is no whole.
QVariant share(qint64 part, qint64 whole)
{
    return whole > 0 ? QVariant(int(divideRoundHalfUp(part * 10'000, whole))) : QVariant();
}

// Customers by one attribute (source, province, industry) with each one's share of `total`: blank values
// as "(not recorded)", the customers of the values beyond the list (CustomerMix::kTop) as a final "Other".
ReportTable namedCountTable(const QString &title, const QString &sheetName, const QString &nameHeader,
                            const QString &countHeader, const QVector<NamedCount> &counts, qint64 other, qint64 total)
{
    ReportTable t;
    t.title = title;
    t.sheetName = sheetName;
    t.columns = {{nameHeader, ReportCellType::Text},
                 {countHeader, ReportCellType::Integer},
                 {Report::tr("Share"), ReportCellType::Percent}};
    for (const NamedCount &c : counts)
        t.rows.append({c.name.isEmpty() ? Report::tr("(not recorded)") : c.name, c.count, share(c.count, total)});
    if (other > 0)
        t.rows.append({Report::tr("Other"), other, share(other, total)});
    t.totals = {Report::tr("Total"), total, share(total, total)};
    t.chartLabelColumn = 0;
    t.chartValueColumn = 1;
    return t;
}

QString moneyHeader(const QString &text, const QString &currency)
{
    return text + QStringLiteral(" (") + currency + QLatin1Char(')');
}

QString scopeText(const Actor &actor, const QString &narrowedTo)
{
    if (!narrowedTo.isEmpty())
        return Report::tr("Scope: %1 only").arg(narrowedTo);
    const QString who = actor.displayName.isEmpty() ? actor.username : actor.displayName;
    switch (actor.scope) {
    case DataScope::Own: return Report::tr("Scope: the data of %1").arg(who);
    case DataScope::OwnAndSubordinates: return Report::tr("Scope: %1 and their team").arg(who);
    case DataScope::Department: return Report::tr("Scope: the department of %1").arg(who);
    case DataScope::DepartmentTree: return Report::tr("Scope: the department of %1 and its sub-departments").arg(who);
    case DataScope::All: return Report::tr("Scope: all data (%1)").arg(who);
    }
    return {};
}

} // namespace

QStringList ReportBuilder::names()
{
    return {QStringLiteral("sales"), QStringLiteral("funnel"), QStringLiteral("activities"), QStringLiteral("customers"),
            QStringLiteral("tasks"), QStringLiteral("campaigns"), QStringLiteral("engagement")};
}

QString ReportBuilder::title(const QString &name)
{
    if (name == QLatin1String("sales")) return Report::tr("Sales performance report");
    if (name == QLatin1String("funnel")) return Report::tr("Sales funnel and conversion report");
    if (name == QLatin1String("activities")) return Report::tr("Activity report");
    if (name == QLatin1String("customers")) return Report::tr("Customer growth and source report");
    if (name == QLatin1String("tasks")) return Report::tr("Overdue tasks report");
    if (name == QLatin1String("campaigns")) return Report::tr("Campaign effect report");
    if (name == QLatin1String("engagement")) return Report::tr("Customer activity report");
    return name;
}

Result<ReportData> ReportBuilder::build(const Actor &caller, const ReportRequest &request)
{
    if (!names().contains(request.name))
        return Error::validation(QStringLiteral("unknown"), QStringLiteral("name"),
                                 QStringLiteral("Unknown report \"%1\": expected %2").arg(request.name, names().join(QStringLiteral(", "))));
    if (!caller.can(Permission::ReportRead) || !caller.can(Permission::ReportExport))
        return Error::forbidden(QStringLiteral("You do not have permission to generate reports"));
    // Narrowing is a smaller owner set on a copy of the actor: every query applies it through ownerCondition.
    Actor actor = caller;
    QString narrowedTo;
    if (request.ownerId != 0) {
        if (!caller.canSeeOwner(request.ownerId))
            return Error::notFound(QStringLiteral("User"));
        auto user = OrgService(m_db).user(request.ownerId);
        if (!user)
            return user.error();
        narrowedTo = user->displayName.isEmpty() ? user->username : user->displayName;
        actor.scope = DataScope::Own;
        actor.visibleOwnerIds = {request.ownerId};
    }
    return m_db.read([&]() -> Result<ReportData> {
        ReportData d;
        d.name = request.name;
        d.title = title(request.name);
        d.periodStart = ReportPeriod::firstDay(request.period);
        d.periodEnd = ReportPeriod::lastDay(request.period);
        d.periodText = Report::tr("Period: %1 to %2").arg(d.periodStart.toString(Qt::ISODate), d.periodEnd.toString(Qt::ISODate));
        d.scopeText = scopeText(caller, narrowedTo);
        d.generatedAt = m_db.clock().nowMs();
        auto currency = AnalyticsService(m_db).currency();
        if (!currency)
            return currency.error();
        d.currency = *currency;
        Status st;
        if (request.name == QLatin1String("sales")) st = sales(actor, request.period, d);
        else if (request.name == QLatin1String("funnel")) st = funnel(actor, request.period, d);
        else if (request.name == QLatin1String("activities")) st = activities(actor, request.period, d);
        else if (request.name == QLatin1String("customers")) st = customers(actor, request.period, d);
        else if (request.name == QLatin1String("campaigns")) st = campaigns(actor, request.period, d);
        else if (request.name == QLatin1String("engagement")) st = engagement(actor, d);
        else st = tasks(actor, d);
        if (!st)
            return st.error();
        for (ReportTable &t : d.tables)
            if (t.hasChart())
                t.chartAxis = t.makeChartAxis(!ErrorText::isEnglish());
        return d;
    });
}

Status ReportBuilder::sales(const Actor &actor, const Period &period, ReportData &out)
{
    AnalyticsService analytics(m_db);
    auto buckets = analytics.wonSales(actor, period);
    if (!buckets)
        return buckets.error();
    auto reps = analytics.wonByRep(actor, period);
    if (!reps)
        return reps.error();
    auto rate = analytics.winRate(actor, period);
    if (!rate)
        return rate.error();
    auto cycle = analytics.averageCycleDays(actor, period);
    if (!cycle)
        return cycle.error();

    ReportTable perBucket;
    perBucket.title = Report::tr("Won deals per period");
    perBucket.sheetName = Report::tr("By period");
    perBucket.columns = {{bucketHeader(period.bucket), ReportCellType::Text},
                         {Report::tr("Deals won"), ReportCellType::Integer},
                         {moneyHeader(Report::tr("Amount won"), out.currency), ReportCellType::Money}};
    qint64 count = 0, amount = 0;
    for (const SalesBucket &b : *buckets) {
        perBucket.rows.append({b.key, b.count, b.amountMinor});
        count += b.count;
        amount += b.amountMinor;
    }
    perBucket.totals = {Report::tr("Total"), count, amount};
    perBucket.chartLabelColumn = 0;
    perBucket.chartValueColumn = 2;

    ReportTable byRep;
    byRep.title = Report::tr("Won deals by sales rep");
    byRep.sheetName = Report::tr("By sales rep");
    byRep.columns = {{Report::tr("Sales rep"), ReportCellType::Text},
                     {Report::tr("Deals won"), ReportCellType::Integer},
                     {moneyHeader(Report::tr("Amount won"), out.currency), ReportCellType::Money},
                     {Report::tr("Share of amount"), ReportCellType::Percent}};
    for (const RepSales &r : *reps)
        byRep.rows.append({userName(r.name, r.userId), r.count, r.amountMinor,
                           amount > 0 ? QVariant(int(divideRoundHalfUp(r.amountMinor * 10'000, amount))) : QVariant()});
    byRep.totals = {Report::tr("Total"), count, amount, QVariant()};
    byRep.chartLabelColumn = 0;
    byRep.chartValueColumn = 2;

    out.figures = {{Report::tr("Deals won"), count, ReportCellType::Integer},
                   {moneyHeader(Report::tr("Amount won"), out.currency), amount, ReportCellType::Money},
                   {moneyHeader(Report::tr("Average deal"), out.currency), divideRoundHalfUp(amount, count), ReportCellType::Money},
                   {Report::tr("Win rate"), rate->won + rate->lost > 0 ? QVariant(rate->basisPoints) : QVariant(), ReportCellType::Percent},
                   {Report::tr("Average sales cycle (days)"), cycle->averageDays, ReportCellType::Integer}};
    out.tables = {perBucket, byRep};
    return {};
}

Status ReportBuilder::funnel(const Actor &actor, const Period &period, ReportData &out)
{
    AnalyticsService analytics(m_db);
    auto stages = analytics.funnel(actor, 0, period);
    if (!stages)
        return stages.error();
    auto rate = analytics.winRate(actor, period);
    if (!rate)
        return rate.error();
    auto open = analytics.pipelineByStage(actor, 0);
    if (!open)
        return open.error();

    ReportTable funnel;
    funnel.title = Report::tr("Deals created in the period by the furthest stage reached");
    funnel.sheetName = Report::tr("Funnel");
    funnel.columns = {{Report::tr("Stage"), ReportCellType::Text},
                      {Report::tr("Deals reaching it"), ReportCellType::Integer},
                      {Report::tr("Conversion to the next stage"), ReportCellType::Percent}};
    for (const FunnelStage &s : *stages)
        funnel.rows.append({SeedNames::stage(s.name), s.reached, s.conversionBasisPoints ? QVariant(*s.conversionBasisPoints) : QVariant()});
    funnel.chartLabelColumn = 0;
    funnel.chartValueColumn = 1;

    ReportTable pipeline;
    pipeline.title = Report::tr("Open pipeline now");
    pipeline.sheetName = Report::tr("Open pipeline");
    pipeline.columns = {{Report::tr("Stage"), ReportCellType::Text},
                        {Report::tr("Open deals"), ReportCellType::Integer},
                        {moneyHeader(Report::tr("Amount"), out.currency), ReportCellType::Money},
                        {moneyHeader(Report::tr("Weighted amount"), out.currency), ReportCellType::Money}};
    qint64 n = 0, amount = 0, weighted = 0;
    for (const StageValue &s : *open) {
        pipeline.rows.append({SeedNames::stage(s.name), s.count, s.amountMinor, s.weightedMinor});
        n += s.count;
        amount += s.amountMinor;
        weighted += s.weightedMinor;
    }
    pipeline.totals = {Report::tr("Total"), n, amount, weighted};
    pipeline.chartLabelColumn = 0;
    pipeline.chartValueColumn = 2;

    const qint64 created = stages->isEmpty() ? 0 : stages->first().reached;
    const qint64 won = stages->isEmpty() ? 0 : stages->last().reached;
    out.figures = {{Report::tr("Deals created"), created, ReportCellType::Integer},
                   {Report::tr("Of these won"), won, ReportCellType::Integer},
                   {Report::tr("Overall conversion"), created > 0 ? QVariant(int(divideRoundHalfUp(won * 10'000, created))) : QVariant(),
                    ReportCellType::Percent},
                   {Report::tr("Deals closed in the period: won"), rate->won, ReportCellType::Integer},
                   {Report::tr("Deals closed in the period: lost"), rate->lost, ReportCellType::Integer},
                   {Report::tr("Win rate"), rate->won + rate->lost > 0 ? QVariant(rate->basisPoints) : QVariant(), ReportCellType::Percent}};
    out.tables = {funnel, pipeline};
    return {};
}

Status ReportBuilder::activities(const Actor &actor, const Period &period, ReportData &out)
{
    auto rows = AnalyticsService(m_db).activitiesByRepAndKind(actor, period);
    if (!rows)
        return rows.error();
    // Kinds as columns, in the order ActivityService knows them (any other stored word after them).
    QStringList kinds;
    for (const char *k : kActivityKinds)
        for (const RepActivity &r : *rows)
            if (r.kind == QLatin1String(k) && !kinds.contains(r.kind))
                kinds << r.kind;
    for (const RepActivity &r : *rows)
        if (!kinds.contains(r.kind))
            kinds << r.kind;
    // Reps in the order analytics returns them (by name).
    QVector<qint64> reps;
    QHash<qint64, QString> names;
    QHash<qint64, QHash<QString, qint64>> counts;
    for (const RepActivity &r : *rows) {
        if (!names.contains(r.userId)) {
            reps << r.userId;
            names.insert(r.userId, userName(r.name, r.userId));
        }
        counts[r.userId][r.kind] += r.count;
    }

    ReportTable byRep;
    byRep.title = Report::tr("Activities by sales rep and kind");
    byRep.sheetName = Report::tr("By sales rep");
    byRep.columns = {{Report::tr("Sales rep"), ReportCellType::Text}};
    for (const QString &k : kinds)
        byRep.columns.append({word(kActivityKinds, k), ReportCellType::Integer});
    byRep.columns.append({Report::tr("Total"), ReportCellType::Integer});
    QHash<QString, qint64> kindTotals;
    qint64 total = 0;
    for (qint64 id : reps) {
        QVector<QVariant> row{names.value(id)};
        qint64 sum = 0;
        for (const QString &k : kinds) {
            const qint64 n = counts.value(id).value(k);
            row.append(n);
            sum += n;
            kindTotals[k] += n;
        }
        row.append(sum);
        total += sum;
        byRep.rows.append(row);
    }
    byRep.totals = {Report::tr("Total")};
    for (const QString &k : kinds)
        byRep.totals.append(kindTotals.value(k));
    byRep.totals.append(total);
    byRep.chartLabelColumn = 0;
    byRep.chartValueColumn = int(byRep.columns.size()) - 1;

    ReportTable byKind;
    byKind.title = Report::tr("Activities by kind");
    byKind.sheetName = Report::tr("By kind");
    byKind.columns = {{Report::tr("Kind"), ReportCellType::Text}, {Report::tr("Activities"), ReportCellType::Integer}};
    for (const QString &k : kinds)
        byKind.rows.append({word(kActivityKinds, k), kindTotals.value(k)});
    byKind.totals = {Report::tr("Total"), total};
    byKind.chartLabelColumn = 0;
    byKind.chartValueColumn = 1;

    out.figures = {{Report::tr("Activities logged"), total, ReportCellType::Integer},
                   {Report::tr("Sales reps with activities"), qint64(reps.size()), ReportCellType::Integer}};
    out.tables = {byRep, byKind};
    return {};
}

Status ReportBuilder::customers(const Actor &actor, const Period &period, ReportData &out)
{
    AnalyticsService analytics(m_db);
    auto buckets = analytics.newCustomers(actor, period);
    if (!buckets)
        return buckets.error();
    auto sources = analytics.customerSources(actor, period);
    if (!sources)
        return sources.error();
    auto now = analytics.customerMix(actor);
    if (!now)
        return now.error();

    ReportTable growth;
    growth.title = Report::tr("New customers per period");
    growth.sheetName = Report::tr("Growth");
    growth.columns = {{bucketHeader(period.bucket), ReportCellType::Text}, {Report::tr("New customers"), ReportCellType::Integer}};
    qint64 total = 0;
    for (const CountBucket &b : *buckets) {
        growth.rows.append({b.key, b.count});
        total += b.count;
    }
    growth.totals = {Report::tr("Total"), total};
    growth.chartLabelColumn = 0;
    growth.chartValueColumn = 1;

    const ReportTable bySource = namedCountTable(Report::tr("New customers by source"), Report::tr("Sources"),
                                                 Report::tr("Source"), Report::tr("New customers"), *sources, 0, total);

    out.figures = {{Report::tr("New customers"), total, ReportCellType::Integer},
                   {Report::tr("Sources"), qint64(sources->size()), ReportCellType::Integer},
                   {Report::tr("Customers in scope today"), now->total, ReportCellType::Integer}};
    out.tables = {growth, bySource};
    // Where the customers in scope are and what they do, today rather than in the period. A list the
    // role's field rules hide comes back empty: its table is left out, not shown as if no customer had
    // a value (with no customers at all the empty table is the truth).
    if (!now->provinces.isEmpty() || now->total == 0)
        out.tables.append(namedCountTable(Report::tr("Customers by province (all customers in scope today)"),
                                          Report::tr("Provinces"), Report::tr("Province"), Report::tr("Customers"),
                                          now->provinces, now->otherProvinces, now->total));
    if (!now->industries.isEmpty() || now->total == 0)
        out.tables.append(namedCountTable(Report::tr("Customers by industry (all customers in scope today)"),
                                          Report::tr("Industries"), Report::tr("Industry"), Report::tr("Customers"),
                                          now->industries, now->otherIndustries, now->total));
    return {};
}

Status ReportBuilder::campaigns(const Actor &actor, const Period &period, ReportData &out)
{
    auto effects = AnalyticsService(m_db).campaignEffect(actor, period);
    if (!effects)
        return effects.error();

    ReportTable table;
    table.title = Report::tr("Campaigns running in the period");
    table.sheetName = Report::tr("Campaigns");
    // Seven columns fit a portrait page; answers and deal counts are in the figures above the table.
    table.columns = {{Report::tr("Campaign"), ReportCellType::Text},
                     {Report::tr("Participants"), ReportCellType::Integer},
                     {Report::tr("Converted"), ReportCellType::Integer},
                     {Report::tr("Conversion rate"), ReportCellType::Percent},
                     {moneyHeader(Report::tr("Amount won"), out.currency), ReportCellType::Money},
                     {moneyHeader(Report::tr("Budget"), out.currency), ReportCellType::Money},
                     {moneyHeader(Report::tr("Cost per conversion"), out.currency), ReportCellType::Money}};
    auto rate = [](qint64 part, qint64 whole) { return whole > 0 ? QVariant(int(divideRoundHalfUp(part * 10'000, whole))) : QVariant(); };
    // A budget in another currency cannot be added to or divided by this report's money: left blank.
    qint64 participants = 0, answered = 0, converted = 0, deals = 0, amount = 0, budget = 0, budgetConverted = 0;
    for (const CampaignEffect &e : *effects) {
        const bool sameCurrency = e.currency == out.currency;
        const QVariant costPer = sameCurrency && e.converted > 0 ? QVariant(divideRoundHalfUp(e.budgetMinor, e.converted)) : QVariant();
        table.rows.append({e.name, e.participants, e.converted, rate(e.converted, e.participants), e.wonAmountMinor,
                           sameCurrency ? QVariant(e.budgetMinor) : QVariant(), costPer});
        participants += e.participants;
        answered += e.answered;
        converted += e.converted;
        deals += e.wonDeals;
        amount += e.wonAmountMinor;
        if (sameCurrency) {
            budget += e.budgetMinor;
            budgetConverted += e.converted;
        }
    }
    table.totals = {Report::tr("Total"), participants, converted, rate(converted, participants), amount, budget,
                    budgetConverted > 0 ? QVariant(divideRoundHalfUp(budget, budgetConverted)) : QVariant()};
    table.chartLabelColumn = 0;
    table.chartValueColumn = 4;

    out.figures = {{Report::tr("Campaigns"), qint64(effects->size()), ReportCellType::Integer},
                   {Report::tr("Participants"), participants, ReportCellType::Integer},
                   {Report::tr("Answered"), answered, ReportCellType::Integer},
                   {Report::tr("Converted"), converted, ReportCellType::Integer},
                   {Report::tr("Deals won"), deals, ReportCellType::Integer},
                   {moneyHeader(Report::tr("Amount won"), out.currency), amount, ReportCellType::Money}};
    out.tables = {table};
    return {};
}

Status ReportBuilder::engagement(const Actor &actor, ReportData &out)
{
    // How long ago each customer was last contacted, counted back from the moment the report is
    // generated (the time it states), whatever the period asked for.
    auto owners = AnalyticsService(m_db).customerEngagement(actor, out.generatedAt);
    if (!owners)
        return owners.error();
    const QString asOf = QDateTime::fromMSecsSinceEpoch(out.generatedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    out.periodText =
        Report::tr("As of %1, when the report was generated: the period does not change these figures").arg(asOf);
    const QVector<RepEngagement> &rows = *owners; // the public pool last (customerEngagement's order)

    const QString within7 = Report::tr("Within 7 days"), within30 = Report::tr("8-30 days ago"),
                  within90 = Report::tr("31-90 days ago"), over90 = Report::tr("Over 90 days ago"),
                  never = Report::tr("Never contacted");
    ReportTable byOwner;
    byOwner.title = Report::tr("Customers per owner by their last contact");
    byOwner.sheetName = Report::tr("By owner");
    // Eight columns: short headers leave the owner's name room on a portrait page (the title says what they count).
    byOwner.columns = {{Report::tr("Owner"), ReportCellType::Text},
                       {Report::tr("Customers"), ReportCellType::Integer},
                       {Report::tr("0-7 days"), ReportCellType::Integer},
                       {Report::tr("8-30 days"), ReportCellType::Integer},
                       {Report::tr("31-90 days"), ReportCellType::Integer},
                       {Report::tr("Over 90 days"), ReportCellType::Integer},
                       {Report::tr("Never"), ReportCellType::Integer},
                       {Report::tr("No contact in 90 days"), ReportCellType::Percent}};
    RepEngagement all;
    for (const RepEngagement &r : rows) {
        const QString owner = r.userId == 0 ? Report::tr("(public pool)") : userName(r.name, r.userId);
        byOwner.rows.append({owner, r.customers, r.week, r.month, r.quarter, r.older, r.never,
                             share(r.older + r.never, r.customers)});
        all += r;
    }
    byOwner.totals = {Report::tr("Total"), all.customers, all.week, all.month, all.quarter, all.older, all.never,
                      share(all.older + all.never, all.customers)};
    byOwner.chartLabelColumn = 0;
    byOwner.chartValueColumn = 7;

    ReportTable buckets;
    buckets.title = Report::tr("Customers by their last contact");
    buckets.sheetName = Report::tr("Last contact");
    buckets.columns = {{Report::tr("Last contact"), ReportCellType::Text},
                       {Report::tr("Customers"), ReportCellType::Integer},
                       {Report::tr("Share"), ReportCellType::Percent}};
    for (const auto &[label, n] : {std::pair{within7, all.week}, std::pair{within30, all.month},
                                   std::pair{within90, all.quarter}, std::pair{over90, all.older},
                                   std::pair{never, all.never}})
        buckets.rows.append({label, n, share(n, all.customers)});
    buckets.totals = {Report::tr("Total"), all.customers, share(all.customers, all.customers)};
    buckets.chartLabelColumn = 0;
    buckets.chartValueColumn = 1;

    const qint64 recent = all.week + all.month, lapsed = all.older + all.never;
    out.figures = {{Report::tr("Customers"), all.customers, ReportCellType::Integer},
                   {never, all.never, ReportCellType::Integer},
                   {Report::tr("Contacted in the last 30 days"), recent, ReportCellType::Integer},
                   {Report::tr("Of all customers"), share(recent, all.customers), ReportCellType::Percent},
                   {Report::tr("No contact in the last 90 days"), lapsed, ReportCellType::Integer},
                   {Report::tr("Of all customers"), share(lapsed, all.customers), ReportCellType::Percent}};
    out.tables = {buckets, byOwner};
    return {};
}

Status ReportBuilder::tasks(const Actor &actor, ReportData &out)
{
    const qint64 now = m_db.clock().nowMs();
    auto owners = AnalyticsService(m_db).overdueTasksByAssignee(actor, now);
    if (!owners)
        return owners.error();
    const int offset = QDateTime::fromMSecsSinceEpoch(now).offsetFromUtc() / 60;
    auto localDay = [&](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms + qint64(offset) * 60'000, QTimeZone::utc()).date(); };
    // Overdue is a state now, not something that happened in the period: say so instead of the period.
    out.periodText = Report::tr("Open tasks overdue on %1").arg(localDay(now).toString(Qt::ISODate));

    ReportTable byOwner;
    byOwner.title = Report::tr("Overdue tasks by owner");
    byOwner.sheetName = Report::tr("By owner");
    byOwner.columns = {{Report::tr("Owner"), ReportCellType::Text},
                       {Report::tr("Overdue tasks"), ReportCellType::Integer},
                       {Report::tr("Oldest due date"), ReportCellType::Date}};
    qint64 total = 0;
    for (const OverdueTasks &o : *owners) {
        byOwner.rows.append({userName(o.name, o.userId), o.count, localDay(o.oldestDueAt)});
        total += o.count;
    }
    byOwner.totals = {Report::tr("Total"), total, QVariant()};
    byOwner.chartLabelColumn = 0;
    byOwner.chartValueColumn = 1;

    ReportTable list;
    list.title = total > kMaxOverdueListed ? Report::tr("The %1 longest overdue tasks").arg(kMaxOverdueListed) : Report::tr("Overdue tasks");
    list.sheetName = Report::tr("Tasks");
    list.columns = {{Report::tr("Due date"), ReportCellType::Date},   {Report::tr("Days overdue"), ReportCellType::Integer},
                    {Report::tr("Task"), ReportCellType::Text},       {Report::tr("Customer"), ReportCellType::Text},
                    {Report::tr("Owner"), ReportCellType::Text},      {Report::tr("Priority"), ReportCellType::Text}};
    std::optional<TaskCursor> after;
    TaskService tasks(m_db);
    while (list.rows.size() < kMaxOverdueListed) {
        auto page = tasks.overdue(actor, 200, after);
        if (!page)
            return page.error();
        for (const Task &t : page->tasks) {
            if (list.rows.size() >= kMaxOverdueListed)
                break;
            const qint64 due = t.dueAt.value_or(now);
            list.rows.append({localDay(due), (now - due) / kDayMs, t.title, t.customerName,
                              userName(t.assigneeName, t.assigneeId), word(kPriorities, t.priority)});
        }
        if (!page->hasMore)
            break;
        after = page->next;
    }

    out.figures = {{Report::tr("Overdue tasks"), total, ReportCellType::Integer},
                   {Report::tr("Owners with overdue tasks"), qint64(owners->size()), ReportCellType::Integer}};
    out.tables = {byOwner, list};
    return {};
}

} // namespace crm
