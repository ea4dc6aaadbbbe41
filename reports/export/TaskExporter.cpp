#include "reports/export/TaskExporter.h"

#include "core/security/Actor.h"
#include "core/services/TaskService.h"
#include "reports/export/ExportVocabulary.h"

namespace crm {

namespace {

constexpr int kPageSize = 500; // TaskService's largest page

void writeCell(RecordSink &sink, const ExportColumn &column, const Task &t, bool chinese)
{
    const QString &k = column.key;
    if (k == QLatin1String("id")) sink.integer(t.id);
    else if (k == QLatin1String("title")) sink.text(t.title);
    else if (k == QLatin1String("customerName")) sink.text(t.customerName);
    else if (k == QLatin1String("dueAt")) sink.dateTime(t.dueAt.value_or(0));
    else if (k == QLatin1String("priority")) sink.text(ExportVocabulary::label(QStringLiteral("priority"), t.priority, chinese));
    else if (k == QLatin1String("status")) sink.text(ExportVocabulary::label(QStringLiteral("taskStatus"), t.status, chinese));
    else if (k == QLatin1String("assigneeName")) sink.text(t.assigneeName);
    else if (k == QLatin1String("completedAt")) sink.dateTime(t.completedAt.value_or(0));
    else sink.text({});
}

} // namespace

const QVector<ExportColumn> &TaskExporter::columns()
{
    using T = XlsxCellType;
    auto col = [](const char *key, const char *en, const char *zh, T type, double width) {
        return ExportColumn{QLatin1String(key), QString::fromUtf8(en), QString::fromUtf8(zh), type, width, {}};
    };
    static const QVector<ExportColumn> all = {
        col("id", "ID", "编号", T::Integer, 9),
        col("title", "Title", "标题", T::Text, 32),
        col("customerName", "Customer", "客户", T::Text, 28),
        col("dueAt", "Due", "截止时间", T::DateTime, 17),
        col("priority", "Priority", "优先级", T::Text, 9),
        col("status", "Status", "状态", T::Text, 9),
        col("assigneeName", "Assignee", "执行人", T::Text, 12),
        col("completedAt", "Completed", "完成时间", T::DateTime, 17),
    };
    return all;
}

Result<ExportSummary> TaskExporter::exportTo(const Actor &actor, const QString &path, const TaskExportOptions &options)
{
    if (!actor.can(Permission::CustomerExport) || !actor.can(Permission::TaskRead))
        return Error::forbidden(QStringLiteral("You do not have permission to export tasks"));
    QElapsedTimer timer;
    timer.start();
    ExportSummary summary;
    TaskFilter filter = options.filter;
    filter.limit = kPageSize;
    filter.after.reset();
    TaskService tasks(m_db);
    PagedExportSource<Task> source;
    source.columns = columns();
    source.sheetName = options.chineseHeaders ? QStringLiteral("任务") : QStringLiteral("Tasks");
    source.nextPage = [&]() -> Result<ExportPage<Task>> {
        auto page = tasks.list(actor, filter);
        if (!page)
            return page.error();
        filter.after = page->next;
        return ExportPage<Task>{std::move(page.value().tasks), page->hasMore && page->next.has_value()};
    };
    const bool chinese = options.chineseHeaders;
    source.writeRow = [chinese](RecordSink &sink, const Task &t) {
        for (const ExportColumn &column : columns())
            writeCell(sink, column, t, chinese);
    };
    auto rows = PagedExport::run(m_db, path, options, source);
    if (!rows)
        return rows.error();
    summary.rows = *rows;
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace crm
