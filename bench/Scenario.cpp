#include "bench/Scenario.h"

#include "core/analytics/AnalyticsService.h"
#include "core/services/ActivityService.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"

#include <QElapsedTimer>

#include <algorithm>

namespace crm {

namespace {

Result<Actor> actorNamed(Database &db, const QString &username)
{
    OrgService org(db);
    auto user = org.userByName(username);
    if (!user)
        return user.error();
    return org.actorFor(user->id, QStringLiteral("bench"));
}

// Keywords a user types: two-character Chinese words (the hard case for n-gram indexes), one
// character, a phone fragment, an English word, a rare full name, a whole phone number nobody has.
const QStringList &keywords()
{
    static const QStringList k = {QStringLiteral("科技"), QStringLiteral("星河"), QStringLiteral("王"), QStringLiteral("1380"),
                                  QStringLiteral("Northwind"), QStringLiteral("深圳博达"), QStringLiteral("有限公司"),
                                  QStringLiteral("杭州"), QStringLiteral("VIP客户"), QStringLiteral("张伟"),
                                  QStringLiteral("13800138000")};
    return k;
}

Status listCustomers(Database &db, const Actor &actor, CustomerFilter filter)
{
    auto page = CustomerService(db).list(actor, filter);
    if (!page)
        return page.error();
    return {};
}

// A query's result as the bench sees it: done or failed.
template <typename T>
Status outcome(const Result<T> &r)
{
    if (!r)
        return r.error();
    return {};
}

// The dashboard a manager opens: the last `days` days by day, as seen from China (UTC+8).
Status dashboard(Database &db, const Actor &actor, int days)
{
    const qint64 day = 24LL * 3600 * 1000;
    const qint64 now = db.clock().nowMs();
    Period period{now - days * day, now, Bucket::Day, 480};
    auto result = AnalyticsService(db).dashboard(actor, period);
    if (!result)
        return result.error();
    return {};
}

} // namespace

Result<BenchContext> BenchContext::load(Database &db)
{
    BenchContext c;
    auto rep = actorNamed(db, QStringLiteral("rep001"));
    auto director = actorNamed(db, QStringLiteral("director"));
    if (!rep)
        return rep.error();
    if (!director)
        return director.error();
    c.rep = *rep;
    c.director = *director;
    QSqlQuery q = db.prepare(QStringLiteral("SELECT u.username FROM users u JOIN users r ON r.manager_id = u.id WHERE r.id = :id"));
    q.bindValue(QStringLiteral(":id"), c.rep.userId);
    if (Status st = db.exec(q); !st || !q.next())
        return Error::internal(QStringLiteral("rep001 has no manager: not the demo company"));
    auto lead = actorNamed(db, q.value(0).toString());
    if (!lead)
        return lead.error();
    c.lead = *lead;
    q.finish();
    QSqlQuery ids = db.prepare(QStringLiteral("SELECT id FROM customers WHERE owner_id = :id ORDER BY id LIMIT 500"));
    ids.bindValue(QStringLiteral(":id"), c.rep.userId);
    if (Status st = db.exec(ids); !st)
        return st.error();
    while (ids.next())
        c.repCustomers.append(ids.value(0).toLongLong());
    if (c.repCustomers.isEmpty())
        return Error::internal(QStringLiteral("rep001 has no customers"));
    QSqlQuery pipeline = db.prepare(QStringLiteral("SELECT id FROM pipelines WHERE is_default = 1"));
    if (Status st = db.exec(pipeline); !st || !pipeline.next())
        return Error::internal(QStringLiteral("no default pipeline"));
    c.defaultPipelineId = pipeline.value(0).toLongLong();
    return c;
}

QString Timing::header()
{
    return QStringLiteral("| query | runs | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|");
}

QString Timing::row() const
{
    auto f = [](double v) { return QString::number(v, 'f', 2); };
    return QStringLiteral("| ") + name + QStringLiteral(" | ") + QString::number(runs) + QStringLiteral(" | ") + f(p50)
        + QStringLiteral(" | ") + f(p95) + QStringLiteral(" | ") + f(p99) + QStringLiteral(" | ") + f(max) + QStringLiteral(" |");
}

Result<Timing> Scenario::run(Database &db, const BenchContext &context, int iterations) const
{
    if (maxIterations > 0)
        iterations = std::min(iterations, maxIterations);
    // A few warm-up runs: the figures are for a working application, not a cold start.
    for (int i = 0, warmUps = maxIterations > 0 ? 1 : 5; i < warmUps; ++i) {
        if (Status st = step(db, context, i); !st)
            return st.error();
    }
    QVector<double> ms;
    ms.reserve(iterations);
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        timer.start();
        if (Status st = step(db, context, i); !st)
            return st.error();
        ms.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&](double p) { return ms[qMin<qsizetype>(ms.size() - 1, qsizetype(p * ms.size()))]; };
    return Timing{name, iterations, at(0.50), at(0.95), at(0.99), ms.last()};
}

QVector<Scenario> Scenario::all()
{
    return {
        {QStringLiteral("search page (rep, keyword)"),
         [](Database &db, const BenchContext &c, int i) {
             CustomerFilter f;
             f.keyword = keywords()[i % keywords().size()];
             return listCustomers(db, c.rep, f);
         }},
        {QStringLiteral("search page (director, keyword)"),
         [](Database &db, const BenchContext &c, int i) {
             CustomerFilter f;
             f.keyword = keywords()[i % keywords().size()];
             return listCustomers(db, c.director, f);
         }},
        {QStringLiteral("list by owner, last contact (rep)"),
         [](Database &db, const BenchContext &c, int) { return listCustomers(db, c.rep, {}); }},
        {QStringLiteral("list by last contact (team lead)"),
         [](Database &db, const BenchContext &c, int) { return listCustomers(db, c.lead, {}); }},
        {QStringLiteral("list by last contact (director)"),
         [](Database &db, const BenchContext &c, int) { return listCustomers(db, c.director, {}); }},
        {QStringLiteral("customer timeline, first page (rep)"),
         [](Database &db, const BenchContext &c, int i) -> Status {
             auto page = ActivityService(db).timeline(c.rep, c.repCustomers[i % c.repCustomers.size()], 20);
             if (!page)
                 return page.error();
             return {};
         }},
        {QStringLiteral("pipeline board summary (lead)"),
         [](Database &db, const BenchContext &c, int) -> Status {
             auto summary = OpportunityService(db).pipelineSummary(c.lead, c.defaultPipelineId);
             if (!summary)
                 return summary.error();
             return {};
         }},
        {QStringLiteral("dashboard, last 30 days (lead)"),
         [](Database &db, const BenchContext &c, int) -> Status { return dashboard(db, c.lead, 30); }},
        {QStringLiteral("dashboard, last 30 days (director)"),
         [](Database &db, const BenchContext &c, int) -> Status { return dashboard(db, c.director, 30); }},
        {QStringLiteral("customers by province and industry (lead)"),
         [](Database &db, const BenchContext &c, int) -> Status { return outcome(AnalyticsService(db).customerMix(c.lead)); }, 20},
        {QStringLiteral("customers by province and industry (director)"),
         [](Database &db, const BenchContext &c, int) -> Status { return outcome(AnalyticsService(db).customerMix(c.director)); }, 20},
        {QStringLiteral("customer engagement (lead)"),
         [](Database &db, const BenchContext &c, int) -> Status {
             return outcome(AnalyticsService(db).customerEngagement(c.lead, db.clock().nowMs()));
         }, 20},
        {QStringLiteral("customer engagement (director)"),
         [](Database &db, const BenchContext &c, int) -> Status {
             return outcome(AnalyticsService(db).customerEngagement(c.director, db.clock().nowMs()));
         }, 20},
        {QStringLiteral("customer detail (rep)"),
         [](Database &db, const BenchContext &c, int i) -> Status {
             auto customer = CustomerService(db).get(c.rep, c.repCustomers[i % c.repCustomers.size()]);
             if (!customer)
                 return customer.error();
             return {};
         }},
    };
}

} // namespace crm
