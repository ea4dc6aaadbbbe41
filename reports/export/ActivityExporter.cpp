#include "reports/export/ActivityExporter.h"

#include "core/security/Actor.h"
#include "core/services/ActivityService.h"
#include "reports/export/ExportVocabulary.h"

namespace crm {

namespace {

constexpr int kPageSize = 1000; // ActivityService::listInScope's largest page

void writeCell(RecordSink &sink, const ExportColumn &column, const Activity &a, bool chinese)
{
    const QString &k = column.key;
    if (k == QLatin1String("id")) sink.integer(a.id);
    else if (k == QLatin1String("occurredAt")) sink.dateTime(a.occurredAt);
    else if (k == QLatin1String("kind")) sink.text(ExportVocabulary::label(QStringLiteral("activityKind"), a.kind, chinese));
    else if (k == QLatin1String("direction")) sink.text(ExportVocabulary::label(QStringLiteral("direction"), a.direction, chinese));
    else if (k == QLatin1String("customerName")) sink.text(a.customerName);
    else if (k == QLatin1String("customerId")) sink.integer(a.customerId);
    else if (k == QLatin1String("subject")) sink.text(a.subject);
    else if (k == QLatin1String("content")) sink.text(a.content);
    else if (k == QLatin1String("outcome")) sink.text(a.outcome);
    else if (k == QLatin1String("userName")) sink.text(a.userName);
    else sink.text({});
}

} // namespace

const QVector<ExportColumn> &ActivityExporter::columns()
{
    using T = XlsxCellType;
    auto col = [](const char *key, const char *en, const char *zh, T type, double width) {
        return ExportColumn{QLatin1String(key), QString::fromUtf8(en), QString::fromUtf8(zh), type, width, {}};
    };
    static const QVector<ExportColumn> all = {
        col("id", "ID", "编号", T::Integer, 9),
        col("occurredAt", "Time", "时间", T::DateTime, 17),
        col("kind", "Kind", "类型", T::Text, 9),
        col("direction", "Direction", "方向", T::Text, 10),
        col("customerName", "Customer", "客户", T::Text, 28),
        col("subject", "Subject", "主题", T::Text, 24),
        col("content", "Content", "内容", T::Text, 40),
        col("outcome", "Outcome", "结果", T::Text, 20),
        col("userName", "User", "记录人", T::Text, 12),
        // Last, so the columns before keep their places: lets an import tell namesake customers apart.
        col("customerId", "Customer ID", "客户编号", T::Integer, 10),
    };
    return all;
}

Result<ExportSummary> ActivityExporter::exportTo(const Actor &actor, const QString &path, const ActivityExportOptions &options)
{
    if (!actor.can(Permission::CustomerExport) || !actor.can(Permission::ActivityRead))
        return Error::forbidden(QStringLiteral("You do not have permission to export activities"));
    QElapsedTimer timer;
    timer.start();
    ExportSummary summary;
    ActivityScopeFilter filter = options.filter;
    filter.limit = kPageSize;
    filter.afterId = 0;
    ActivityService activities(m_db);
    PagedExportSource<Activity> source;
    source.columns = columns();
    source.sheetName = options.chineseHeaders ? QStringLiteral("活动") : QStringLiteral("Activities");
    source.nextPage = [&]() -> Result<ExportPage<Activity>> {
        auto page = activities.listInScope(actor, filter);
        if (!page)
            return page.error();
        const bool more = page->hasMore && !page->activities.isEmpty();
        if (more)
            filter.afterId = page->activities.constLast().id;
        return ExportPage<Activity>{std::move(page.value().activities), more};
    };
    const bool chinese = options.chineseHeaders;
    source.writeRow = [chinese](RecordSink &sink, const Activity &a) {
        for (const ExportColumn &column : columns())
            writeCell(sink, column, a, chinese);
    };
    auto rows = PagedExport::run(m_db, path, options, source);
    if (!rows)
        return rows.error();
    summary.rows = *rows;
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace crm
