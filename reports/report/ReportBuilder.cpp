#include "reports/report/ReportBuilder.h"

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

QString tr(const char *text)
{
    return QCoreApplication::translate("Report", text);
}

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
            return tr(w);
    return stored;
}

QString bucketHeader(Bucket b)
{
    switch (b) {
    case Bucket::Day: return tr("Day");
    case Bucket::Week: return tr("Week starting");
    case Bucket::Month: return tr("Month");
    }
    return {};
}

QString userName(const QString &name, qint64 id)
{
    if (!name.isEmpty())
        return name;
    return id == 0 ? tr("(no owner)") : QStringLiteral("#%1").arg(id);
}

QString moneyHeader(const char *text, const QString &currency)
{
    return tr(text) + QStringLiteral(" (") + currency + QLatin1Char(')');
}

QString scopeText(const Actor &actor, const QString &narrowedTo)
{
    if (!narrowedTo.isEmpty())
        return tr("Scope: %1 only").arg(narrowedTo);
    const QString who = actor.displayName.isEmpty() ? actor.username : actor.displayName;
    switch (actor.scope) {
    case DataScope::Own: return tr("Scope: the data of %1").arg(who);
    case DataScope::OwnAndSubordinates: return tr("Scope: %1 and their team").arg(who);
    case DataScope::Department: return tr("Scope: the department of %1").arg(who);
    case DataScope::DepartmentTree: return tr("Scope: the department of %1 and its sub-departments").arg(who);
    case DataScope::All: return tr("Scope: all data (%1)").arg(who);
    }
    return {};
}

} // namespace

QStringList ReportBuilder::names()
{
    return {QStringLiteral("sales"), QStringLiteral("funnel"), QStringLiteral("activities"), QStringLiteral("customers"),
            QStringLiteral("tasks")};
}

QString ReportBuilder::title(const QString &name)
{
    if (name == QLatin1String("sales")) return tr("Sales performance report");
    if (name == QLatin1String("funnel")) return tr("Sales funnel and conversion report");
    if (name == QLatin1String("activities")) return tr("Activity report");
    if (name == QLatin1String("customers")) return tr("Customer growth and source report");
    if (name == QLatin1String("tasks")) return tr("Overdue tasks report");
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
        d.periodText = tr("Period: %1 to %2").arg(d.periodStart.toString(Qt::ISODate), d.periodEnd.toString(Qt::ISODate));
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
        else st = tasks(actor, d);
        if (!st)
            return st.error();
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
    perBucket.title = tr("Won deals per period");
    perBucket.sheetName = tr("By period");
    perBucket.columns = {{bucketHeader(period.bucket), ReportCellType::Text},
                         {tr("Deals won"), ReportCellType::Integer},
                         {moneyHeader("Amount won", out.currency), ReportCellType::Money}};
    qint64 count = 0, amount = 0;
    for (const SalesBucket &b : *buckets) {
        perBucket.rows.append({b.key, b.count, b.amountMinor});
        count += b.count;
        amount += b.amountMinor;
    }
    perBucket.totals = {tr("Total"), count, amount};
    perBucket.chartLabelColumn = 0;
    perBucket.chartValueColumn = 2;

    ReportTable byRep;
    byRep.title = tr("Won deals by sales rep");
    byRep.sheetName = tr("By sales rep");
    byRep.columns = {{tr("Sales rep"), ReportCellType::Text},
                     {tr("Deals won"), ReportCellType::Integer},
                     {moneyHeader("Amount won", out.currency), ReportCellType::Money},
                     {tr("Share of amount"), ReportCellType::Percent}};
    for (const RepSales &r : *reps)
        byRep.rows.append({userName(r.name, r.userId), r.count, r.amountMinor,
                           amount > 0 ? QVariant(int(divideRoundHalfUp(r.amountMinor * 10'000, amount))) : QVariant()});
    byRep.totals = {tr("Total"), count, amount, QVariant()};
    byRep.chartLabelColumn = 0;
    byRep.chartValueColumn = 2;

    out.figures = {{tr("Deals won"), count, ReportCellType::Integer},
                   {moneyHeader("Amount won", out.currency), amount, ReportCellType::Money},
                   {moneyHeader("Average deal", out.currency), divideRoundHalfUp(amount, count), ReportCellType::Money},
                   {tr("Win rate"), rate->won + rate->lost > 0 ? QVariant(rate->basisPoints) : QVariant(), ReportCellType::Percent},
                   {tr("Average sales cycle (days)"), cycle->averageDays, ReportCellType::Integer}};
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
    funnel.title = tr("Deals created in the period by the furthest stage reached");
    funnel.sheetName = tr("Funnel");
    funnel.columns = {{tr("Stage"), ReportCellType::Text},
                      {tr("Deals reaching it"), ReportCellType::Integer},
                      {tr("Conversion to the next stage"), ReportCellType::Percent}};
    for (const FunnelStage &s : *stages)
        funnel.rows.append({s.name, s.reached, s.conversionBasisPoints ? QVariant(*s.conversionBasisPoints) : QVariant()});
    funnel.chartLabelColumn = 0;
    funnel.chartValueColumn = 1;

    ReportTable pipeline;
    pipeline.title = tr("Open pipeline now");
    pipeline.sheetName = tr("Open pipeline");
    pipeline.columns = {{tr("Stage"), ReportCellType::Text},
                        {tr("Open deals"), ReportCellType::Integer},
                        {moneyHeader("Amount", out.currency), ReportCellType::Money},
                        {moneyHeader("Weighted amount", out.currency), ReportCellType::Money}};
    qint64 n = 0, amount = 0, weighted = 0;
    for (const StageValue &s : *open) {
        pipeline.rows.append({s.name, s.count, s.amountMinor, s.weightedMinor});
        n += s.count;
        amount += s.amountMinor;
        weighted += s.weightedMinor;
    }
    pipeline.totals = {tr("Total"), n, amount, weighted};
    pipeline.chartLabelColumn = 0;
    pipeline.chartValueColumn = 2;

    const qint64 created = stages->isEmpty() ? 0 : stages->first().reached;
    const qint64 won = stages->isEmpty() ? 0 : stages->last().reached;
    out.figures = {{tr("Deals created"), created, ReportCellType::Integer},
                   {tr("Of these won"), won, ReportCellType::Integer},
                   {tr("Overall conversion"), created > 0 ? QVariant(int(divideRoundHalfUp(won * 10'000, created))) : QVariant(),
                    ReportCellType::Percent},
                   {tr("Deals closed in the period: won"), rate->won, ReportCellType::Integer},
                   {tr("Deals closed in the period: lost"), rate->lost, ReportCellType::Integer},
                   {tr("Win rate"), rate->won + rate->lost > 0 ? QVariant(rate->basisPoints) : QVariant(), ReportCellType::Percent}};
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
    byRep.title = tr("Activities by sales rep and kind");
    byRep.sheetName = tr("By sales rep");
    byRep.columns = {{tr("Sales rep"), ReportCellType::Text}};
    for (const QString &k : kinds)
        byRep.columns.append({word(kActivityKinds, k), ReportCellType::Integer});
    byRep.columns.append({tr("Total"), ReportCellType::Integer});
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
    byRep.totals = {tr("Total")};
    for (const QString &k : kinds)
        byRep.totals.append(kindTotals.value(k));
    byRep.totals.append(total);
    byRep.chartLabelColumn = 0;
    byRep.chartValueColumn = int(byRep.columns.size()) - 1;

    ReportTable byKind;
    byKind.title = tr("Activities by kind");
    byKind.sheetName = tr("By kind");
    byKind.columns = {{tr("Kind"), ReportCellType::Text}, {tr("Activities"), ReportCellType::Integer}};
    for (const QString &k : kinds)
        byKind.rows.append({word(kActivityKinds, k), kindTotals.value(k)});
    byKind.totals = {tr("Total"), total};
    byKind.chartLabelColumn = 0;
    byKind.chartValueColumn = 1;

    out.figures = {{tr("Activities logged"), total, ReportCellType::Integer},
                   {tr("Sales reps with activities"), qint64(reps.size()), ReportCellType::Integer}};
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

    ReportTable growth;
    growth.title = tr("New customers per period");
    growth.sheetName = tr("Growth");
    growth.columns = {{bucketHeader(period.bucket), ReportCellType::Text}, {tr("New customers"), ReportCellType::Integer}};
    qint64 total = 0;
    for (const CountBucket &b : *buckets) {
        growth.rows.append({b.key, b.count});
        total += b.count;
    }
    growth.totals = {tr("Total"), total};
    growth.chartLabelColumn = 0;
    growth.chartValueColumn = 1;

    ReportTable mix;
    mix.title = tr("New customers by source");
    mix.sheetName = tr("Sources");
    mix.columns = {{tr("Source"), ReportCellType::Text},
                   {tr("New customers"), ReportCellType::Integer},
                   {tr("Share"), ReportCellType::Percent}};
    for (const SourceCount &s : *sources)
        mix.rows.append({s.source.isEmpty() ? tr("(not recorded)") : s.source, s.count,
                         int(divideRoundHalfUp(s.count * 10'000, total))});
    mix.totals = {tr("Total"), total, total > 0 ? QVariant(10'000) : QVariant()};
    mix.chartLabelColumn = 0;
    mix.chartValueColumn = 1;

    out.figures = {{tr("New customers"), total, ReportCellType::Integer},
                   {tr("Sources"), qint64(sources->size()), ReportCellType::Integer}};
    out.tables = {growth, mix};
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
    out.periodText = tr("Open tasks overdue on %1").arg(localDay(now).toString(Qt::ISODate));

    ReportTable byOwner;
    byOwner.title = tr("Overdue tasks by owner");
    byOwner.sheetName = tr("By owner");
    byOwner.columns = {{tr("Owner"), ReportCellType::Text},
                       {tr("Overdue tasks"), ReportCellType::Integer},
                       {tr("Oldest due date"), ReportCellType::Date}};
    qint64 total = 0;
    for (const OverdueTasks &o : *owners) {
        byOwner.rows.append({userName(o.name, o.userId), o.count, localDay(o.oldestDueAt)});
        total += o.count;
    }
    byOwner.totals = {tr("Total"), total, QVariant()};
    byOwner.chartLabelColumn = 0;
    byOwner.chartValueColumn = 1;

    ReportTable list;
    list.title = total > kMaxOverdueListed ? tr("The %1 longest overdue tasks").arg(kMaxOverdueListed) : tr("Overdue tasks");
    list.sheetName = tr("Tasks");
    list.columns = {{tr("Due date"), ReportCellType::Date},   {tr("Days overdue"), ReportCellType::Integer},
                    {tr("Task"), ReportCellType::Text},       {tr("Customer"), ReportCellType::Text},
                    {tr("Owner"), ReportCellType::Text},      {tr("Priority"), ReportCellType::Text}};
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

    out.figures = {{tr("Overdue tasks"), total, ReportCellType::Integer},
                   {tr("Owners with overdue tasks"), qint64(owners->size()), ReportCellType::Integer}};
    out.tables = {byOwner, list};
    return {};
}

} // namespace crm
