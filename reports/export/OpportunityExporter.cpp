#include "reports/export/OpportunityExporter.h"

#include "core/security/Actor.h"
#include "core/services/OpportunityService.h"
#include "reports/export/ExportVocabulary.h"

namespace crm {

namespace {

void writeCell(RecordSink &sink, const ExportColumn &column, const Opportunity &o, bool chinese)
{
    const QString &k = column.key;
    if (k == QLatin1String("id")) sink.integer(o.id);
    else if (k == QLatin1String("customerName")) sink.text(o.customerName);
    else if (k == QLatin1String("customerId")) sink.integer(o.customerId);
    else if (k == QLatin1String("name")) sink.text(o.name);
    else if (k == QLatin1String("amount")) sink.money(o.amountMinor);
    else if (k == QLatin1String("currency")) sink.text(o.currency);
    else if (k == QLatin1String("probability")) sink.integer(o.probability);
    else if (k == QLatin1String("stageName")) sink.text(o.stageName);
    else if (k == QLatin1String("status")) sink.text(ExportVocabulary::label(QStringLiteral("opportunityStatus"), o.status, chinese));
    else if (k == QLatin1String("expectedCloseDate")) sink.date(o.expectedCloseDate);
    else if (k == QLatin1String("ownerName")) sink.text(o.ownerName);
    else if (k == QLatin1String("createdAt")) sink.dateTime(o.createdAt);
    else if (k == QLatin1String("closedAt")) sink.dateTime(o.closedAt);
    else if (k == QLatin1String("lossReason")) sink.text(o.lossReason);
    else sink.text({});
}

} // namespace

const QVector<ExportColumn> &OpportunityExporter::columns()
{
    using T = XlsxCellType;
    auto col = [](const char *key, const char *en, const char *zh, T type, double width, const char *field) {
        return ExportColumn{QLatin1String(key), QString::fromUtf8(en), QString::fromUtf8(zh), type, width, QLatin1String(field)};
    };
    static const QVector<ExportColumn> all = {
        col("id", "ID", "编号", T::Integer, 9, ""),
        col("customerName", "Customer", "客户", T::Text, 28, "customerId"),
        col("name", "Opportunity", "商机名称", T::Text, 28, "name"),
        col("amount", "Amount", "金额", T::Money, 14, "amountMinor"),
        col("currency", "Currency", "币种", T::Text, 8, "currency"),
        col("probability", "Probability %", "赢率%", T::Integer, 10, "probability"),
        col("stageName", "Stage", "阶段", T::Text, 14, ""),
        col("status", "Status", "状态", T::Text, 9, ""),
        col("expectedCloseDate", "Expected close", "预计成交日期", T::Date, 12, "expectedCloseDate"),
        col("ownerName", "Owner", "负责人", T::Text, 12, "ownerId"),
        col("createdAt", "Created", "创建时间", T::DateTime, 17, ""),
        col("closedAt", "Closed", "关闭时间", T::DateTime, 17, ""),
        col("lossReason", "Loss reason", "输单原因", T::Text, 24, "lossReason"),
        // Last, so the columns before keep their places: lets an import tell namesake customers apart.
        col("customerId", "Customer ID", "客户编号", T::Integer, 10, "customerId"),
    };
    return all;
}

Result<ExportSummary> OpportunityExporter::exportTo(const Actor &actor, const QString &path,
                                                    const OpportunityExportOptions &options)
{
    if (!actor.can(Permission::CustomerExport) || !actor.can(Permission::OpportunityRead))
        return Error::forbidden(QStringLiteral("You do not have permission to export opportunities"));
    QElapsedTimer timer;
    timer.start();
    ExportSummary summary;
    const QVector<ExportColumn> shown = ExportColumn::visibleTo(actor, QStringLiteral("opportunity"), columns(), &summary.hiddenColumns);

    OpportunityFilter filter = options.filter;
    filter.offset = 0;
    filter.limit = OpportunityService::MaxLimit;
    filter.afterId = 0;
    filter.afterKey.clear();
    OpportunityService opportunities(m_db);
    PagedExportSource<Opportunity> source;
    source.columns = shown;
    source.sheetName = options.chineseHeaders ? QStringLiteral("商机") : QStringLiteral("Opportunities");
    source.count = [&] { return opportunities.count(actor, filter); };
    source.nextPage = [&]() -> Result<ExportPage<Opportunity>> {
        auto page = opportunities.list(actor, filter);
        if (!page)
            return page.error();
        const bool more = page->hasMore && !page->opportunities.isEmpty();
        if (more) {
            const Opportunity &last = page->opportunities.constLast();
            filter.afterKey = OpportunityService::sortKey(last, filter.sort);
            filter.afterId = last.id;
        }
        return ExportPage<Opportunity>{std::move(page.value().opportunities), more};
    };
    const bool chinese = options.chineseHeaders;
    source.writeRow = [&shown, chinese](RecordSink &sink, const Opportunity &o) {
        for (const ExportColumn &column : shown)
            writeCell(sink, column, o, chinese);
    };
    auto rows = PagedExport::run(m_db, path, options, source);
    if (!rows)
        return rows.error();
    summary.rows = *rows;
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace crm
