#pragma once

#include "core/Result.h"
#include "core/security/Actor.h"

#include <QString>
#include <QVector>

#include <functional>

namespace crm {

class Database;

// Who the benchmark acts as, picked from the demo company: a rep, a team lead (the rep's manager)
// and the sales director (everyone's manager), plus customers of the rep to open.
struct BenchContext
{
    Actor rep, lead, director;
    QVector<qint64> repCustomers;
    qint64 defaultPipelineId = 0;

    static Result<BenchContext> load(Database &db);
};

struct Timing
{
    QString name;
    int runs = 0;
    double p50 = 0, p95 = 0, p99 = 0, max = 0; // milliseconds
    QString row() const;
    static QString header();
};

// One query measured many times; `step` gets the iteration number to vary its input.
struct Scenario
{
    QString name;
    std::function<Status(Database &, const BenchContext &, int)> step;
    // Report-sized queries that read every customer in scope (a second each at 1M) run at most this
    // many times, with one warm-up run; 0: as many as asked.
    int maxIterations = 0;

    Result<Timing> run(Database &db, const BenchContext &context, int iterations) const;
    static QVector<Scenario> all();
};

} // namespace crm
