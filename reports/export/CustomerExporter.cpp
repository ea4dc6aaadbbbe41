#include "reports/export/CustomerExporter.h"

#include "core/search/SearchIndex.h"
#include "core/security/Actor.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "reports/customers/CustomerColumns.h"
#include "reports/customers/CustomerVocabulary.h"
#include "reports/export/ContactMask.h"

#include <QElapsedTimer>

namespace crm {

namespace {

constexpr int kPageSize = 1000; // CustomerRepository's largest page

// Auto resolved the way the list resolves it, so the keyset below follows the same order.
CustomerSort resolvedSort(const CustomerFilter &f)
{
    if (f.sort != CustomerSort::Auto)
        return f.sort;
    return SearchIndex::queryRuns(f.keyword).isEmpty() ? CustomerSort::LastContact : CustomerSort::Newest;
}

QVariant sortKey(CustomerSort sort, const Customer &c)
{
    switch (sort) {
    case CustomerSort::LastContact: return c.lastContactAt;
    case CustomerSort::Created: return c.createdAt;
    case CustomerSort::Name: return c.name;
    case CustomerSort::Value: return c.wonValueMinor;
    case CustomerSort::Auto:
    case CustomerSort::Newest: return c.id;
    }
    return c.id;
}

void writeCell(RecordSink &sink, const CustomerColumn &column, const Customer &c, bool mask, bool chinese)
{
    const QString &k = column.key;
    // Ordered by how often they occur; a million rows pass through here.
    if (k == QLatin1String("id")) sink.integer(c.id);
    else if (k == QLatin1String("name")) sink.text(c.name);
    else if (k == QLatin1String("kind")) sink.text(CustomerVocabulary::label(k, c.kind, chinese));
    else if (k == QLatin1String("status")) sink.text(CustomerVocabulary::label(k, c.status, chinese));
    else if (k == QLatin1String("level")) sink.text(c.level);
    else if (k == QLatin1String("company")) sink.text(c.company);
    else if (k == QLatin1String("industry")) sink.text(c.industry);
    else if (k == QLatin1String("occupation")) sink.text(c.occupation);
    else if (k == QLatin1String("position")) sink.text(c.position);
    else if (k == QLatin1String("gender")) sink.text(CustomerVocabulary::label(k, c.gender, chinese));
    else if (k == QLatin1String("birthday")) sink.date(c.birthday);
    else if (k == QLatin1String("source")) sink.text(c.source);
    else if (k == QLatin1String("phone")) sink.text(mask ? ContactMask::phone(c.phone) : c.phone);
    else if (k == QLatin1String("email")) sink.text(mask ? ContactMask::email(c.email) : c.email);
    else if (k == QLatin1String("province")) sink.text(c.province);
    else if (k == QLatin1String("city")) sink.text(c.city);
    else if (k == QLatin1String("district")) sink.text(c.district);
    else if (k == QLatin1String("tags")) sink.list(c.tags);
    else if (k == QLatin1String("ownerName")) sink.text(c.ownerName);
    else if (k == QLatin1String("createdAt")) sink.dateTime(c.createdAt);
    else if (k == QLatin1String("lastContactAt")) sink.dateTime(c.lastContactAt);
    else if (k == QLatin1String("value")) sink.money(c.wonValueMinor);
    else if (k == QLatin1String("notes")) sink.text(c.notes);
    else sink.text({});
}

} // namespace

std::optional<ExportFormat> CustomerExporter::formatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (n == QLatin1String("xlsx"))
        return ExportFormat::Xlsx;
    if (n == QLatin1String("json"))
        return ExportFormat::Json;
    return std::nullopt;
}

Result<CustomerExportSummary> CustomerExporter::exportTo(const Actor &actor, const QString &path,
                                                         const CustomerExportOptions &options)
{
    if (!actor.can(Permission::CustomerExport) || !actor.can(Permission::CustomerRead))
        return Error::forbidden(QStringLiteral("You do not have permission to export customers"));
    QElapsedTimer timer;
    timer.start();
    CustomerExportSummary summary;
    summary.masked = !actor.can(Permission::CustomerExportUnmasked);
    const QVector<CustomerColumn> columns =
        ExportColumn::visibleTo(actor, QStringLiteral("customer"), CustomerColumns::all(), &summary.hiddenColumns);

    CustomerFilter filter = options.filter;
    filter.sort = resolvedSort(filter);
    filter.offset = 0;
    filter.limit = kPageSize;
    filter.afterKey.reset();
    filter.afterId = 0;

    CustomerService customers(m_db);
    PagedExportSource<Customer> source;
    source.columns = columns;
    source.count = [&] { return customers.count(actor, filter); };
    source.nextPage = [&]() -> Result<ExportPage<Customer>> {
        auto page = customers.list(actor, filter);
        if (!page)
            return page.error();
        const bool more = page->hasMore;
        if (more && !page->customers.isEmpty()) {
            const Customer &last = page->customers.constLast();
            filter.afterKey = sortKey(filter.sort, last);
            filter.afterId = last.id;
        }
        return ExportPage<Customer>{std::move(page.value().customers), more};
    };
    const bool masked = summary.masked, chinese = options.chineseHeaders;
    source.writeRow = [&columns, masked, chinese](RecordSink &sink, const Customer &c) {
        for (const CustomerColumn &column : columns)
            writeCell(sink, column, c, masked, chinese);
    };
    ExportSettings settings;
    settings.format = options.format;
    settings.chineseHeaders = options.chineseHeaders;
    settings.progress = options.progress;
    settings.cancel = options.cancel;
    auto rows = PagedExport::run(m_db, path, settings, source);
    if (!rows)
        return rows.error();
    summary.rows = *rows;
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace crm
