#pragma once

#include <QMetaType>
#include <QString>
#include <QVector>

#include <optional>

namespace crm {

// What a click on a dashboard chart asks to open: a list of customers, opportunities or activities
// narrowed to the clicked bar. Time bounds are UTC epoch ms, half-open [from, to); 0 is unbounded.
// Every list is meant within the viewer's scope (the list views apply it themselves).
struct DashboardLink
{
    enum class Kind { Customers, Opportunities, Activities };

    Kind kind = Kind::Customers;
    // Customers: created in the range (a "new customers" bar).
    qint64 createdFrom = 0, createdTo = 0;
    // Opportunities: closed in the range with `status` (a "won" bar), or, for a funnel stage,
    // created in the range (createdFrom/To above) in `pipelineId` that reached `stageId`, i.e. have
    // been in one of `reachedStageIds` (that stage and those after it in the funnel's order).
    qint64 closedFrom = 0, closedTo = 0;
    QString status; // "won" for a won bar; empty: any
    std::optional<qint64> stageId, pipelineId;
    QVector<qint64> reachedStageIds;
    // Activities: logged in the range by one user, of one kind (a segment of the stacked bar).
    qint64 occurredFrom = 0, occurredTo = 0;
    std::optional<qint64> userId;
    QString activityKind;
    // What was clicked, for the narrowed list's filter chip: the bucket ("2026-10", "2026-10-03",
    // "2026-10-05 – 2026-10-11"), the stage name or the rep's name. Not translated: dates and names.
    QString label;
};

} // namespace crm

Q_DECLARE_METATYPE(crm::DashboardLink)
