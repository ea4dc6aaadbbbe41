#include "reports/export/CustomerExporter.h"

#include "core/search/SearchIndex.h"
#include "core/security/Actor.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "reports/customers/CustomerVocabulary.h"
#include "reports/export/ContactMask.h"
#include "reports/export/PageQueue.h"

#include <QElapsedTimer>

#include <atomic>
#include <thread>

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
    const QVector<CustomerColumn> columns = CustomerColumns::visibleTo(actor);
    QSet<QString> shown;
    for (const CustomerColumn &c : columns)
        shown.insert(c.key);
    for (const CustomerColumn &c : CustomerColumns::all())
        if (!shown.contains(c.key))
            summary.hiddenColumns << c.key;

    CustomerFilter filter = options.filter;
    filter.sort = resolvedSort(filter);
    filter.offset = 0;
    filter.limit = kPageSize;
    filter.afterKey.reset();
    filter.afterId = 0;

    std::unique_ptr<RecordSink> sink = RecordSink::create(options.format, path, options.chineseHeaders);
    CustomerService customers(m_db);
    // One read transaction: every page comes from the same snapshot, whatever is written meanwhile.
    // This thread reads (its own connection, as every Database must stay on its thread); a second
    // thread formats and writes, so the two overlap.
    std::atomic<qint64> written{0};
    Status result = m_db.read([&]() -> Status {
        auto total = customers.count(actor, filter);
        if (!total)
            return total.error();
        if (Status st = sink->begin(columns); !st)
            return st;
        PageQueue queue(3);
        Status writeStatus;
        std::thread writer([&] {
            while (auto page = queue.pop()) {
                for (const Customer &c : std::as_const(*page)) {
                    for (const CustomerColumn &column : columns)
                        writeCell(*sink, column, c, summary.masked, options.chineseHeaders);
                    if (Status st = sink->endRow(); !st) {
                        writeStatus = st;
                        queue.abort();
                        return;
                    }
                }
                written += page->size();
                queue.recycle(std::move(*page));
            }
        });
        TaskProgress progress{QStringLiteral("writing"), 0, *total, 0};
        Status readStatus;
        for (;;) {
            if (options.cancel && options.cancel->load()) {
                readStatus = Error{QStringLiteral("cancelled"), QStringLiteral("The export was cancelled"), {}};
                break;
            }
            queue.freeRecycled();
            auto page = customers.list(actor, filter);
            if (!page) {
                readStatus = page.error();
                break;
            }
            const bool more = page->hasMore && !page->customers.isEmpty();
            if (more) {
                const Customer &last = page->customers.constLast();
                filter.afterKey = sortKey(filter.sort, last);
                filter.afterId = last.id;
            }
            if (!queue.push(std::move(page).value().customers))
                break; // the writer failed; its error is reported below
            if (options.progress) {
                progress.done = written.load();
                progress.fraction = *total > 0 ? qMin(1.0, double(progress.done) / double(*total)) : 1.0;
                options.progress(progress);
            }
            if (!more)
                break;
        }
        if (readStatus.ok())
            queue.close();
        else
            queue.abort();
        writer.join();
        queue.freeRecycled();
        if (!readStatus)
            return readStatus;
        if (!writeStatus)
            return writeStatus;
        summary.rows = written.load();
        if (options.progress) {
            progress.done = summary.rows;
            progress.fraction = 1.0;
            options.progress(progress);
        }
        return {};
    });
    if (!result) {
        sink->abandon();
        return result.error();
    }
    if (Status st = sink->finish(); !st)
        return st.error();
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace crm
