#include "reports/export/ContactExporter.h"

#include "core/security/Actor.h"
#include "core/services/ContactService.h"
#include "reports/export/ContactMask.h"
#include "reports/export/ExportVocabulary.h"

namespace crm {

namespace {

constexpr int kPageSize = 1000; // ContactService::listInScope's largest page

void writeCell(RecordSink &sink, const ExportColumn &column, const Contact &c, bool mask, bool chinese)
{
    const QString &k = column.key;
    if (k == QLatin1String("id")) sink.integer(c.id);
    else if (k == QLatin1String("customerName")) sink.text(c.customerName);
    else if (k == QLatin1String("name")) sink.text(c.name);
    else if (k == QLatin1String("position")) sink.text(c.position);
    else if (k == QLatin1String("phone")) sink.text(mask ? ContactMask::phone(c.phone) : c.phone);
    else if (k == QLatin1String("email")) sink.text(mask ? ContactMask::email(c.email) : c.email);
    else if (k == QLatin1String("primary")) sink.text(ExportVocabulary::flag(c.primary, chinese));
    else if (k == QLatin1String("relationship")) sink.text(c.relationship);
    else if (k == QLatin1String("customerId")) sink.integer(c.customerId);
    else if (k == QLatin1String("notes")) sink.text(c.notes);
    else sink.text({});
}

} // namespace

const QVector<ExportColumn> &ContactExporter::columns()
{
    using T = XlsxCellType;
    auto col = [](const char *key, const char *en, const char *zh, T type, double width, const char *field) {
        return ExportColumn{QLatin1String(key), QString::fromUtf8(en), QString::fromUtf8(zh), type, width, QLatin1String(field)};
    };
    // `field`: the customer field rule that governs the column.
    static const QVector<ExportColumn> all = {
        col("id", "ID", "编号", T::Integer, 9, ""),
        col("customerName", "Customer", "客户", T::Text, 28, "name"),
        col("name", "Name", "姓名", T::Text, 14, ""),
        col("position", "Position", "职位", T::Text, 14, ""),
        col("phone", "Phone", "手机", T::Text, 16, "phones"),
        col("email", "Email", "邮箱", T::Text, 26, "emails"),
        col("primary", "Primary", "主联系人", T::Text, 9, ""),
        // After the first columns, so that these keep their places. The customer's id lets an import
        // tell namesake customers apart (a million customers share a few thousand company names).
        col("relationship", "Relationship", "关系", T::Text, 14, ""),
        col("customerId", "Customer ID", "客户编号", T::Integer, 10, ""),
        col("notes", "Notes", "备注", T::Text, 30, ""),
    };
    return all;
}

Result<ExportSummary> ContactExporter::exportTo(const Actor &actor, const QString &path, const ContactExportOptions &options)
{
    if (!actor.can(Permission::CustomerExport) || !actor.can(Permission::CustomerRead))
        return Error::forbidden(QStringLiteral("You do not have permission to export contacts"));
    QElapsedTimer timer;
    timer.start();
    ExportSummary summary;
    summary.masked = !actor.can(Permission::CustomerExportUnmasked);
    const QVector<ExportColumn> shown = ExportColumn::visibleTo(actor, QStringLiteral("customer"), columns(), &summary.hiddenColumns);
    ContactScopeFilter filter = options.filter;
    filter.limit = kPageSize;
    filter.afterId = 0;
    ContactService contacts(m_db);
    PagedExportSource<Contact> source;
    source.columns = shown;
    source.sheetName = options.chineseHeaders ? QStringLiteral("联系人") : QStringLiteral("Contacts");
    source.nextPage = [&]() -> Result<ExportPage<Contact>> {
        auto page = contacts.listInScope(actor, filter);
        if (!page)
            return page.error();
        const bool more = page->hasMore && !page->contacts.isEmpty();
        if (more)
            filter.afterId = page->contacts.constLast().id;
        return ExportPage<Contact>{std::move(page.value().contacts), more};
    };
    const bool masked = summary.masked, chinese = options.chineseHeaders;
    source.writeRow = [&shown, masked, chinese](RecordSink &sink, const Contact &c) {
        for (const ExportColumn &column : shown)
            writeCell(sink, column, c, masked, chinese);
    };
    auto rows = PagedExport::run(m_db, path, options, source);
    if (!rows)
        return rows.error();
    summary.rows = *rows;
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace crm
