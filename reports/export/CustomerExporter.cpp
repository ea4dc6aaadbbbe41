#include "reports/export/CustomerExporter.h"

#include "core/search/SearchIndex.h"
#include "core/security/Actor.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "core/storage/CustomerTagTable.h"
#include "core/storage/Database.h"
#include "reports/customers/CustomerColumns.h"
#include "reports/customers/CustomerVocabulary.h"
#include "reports/export/ContactMask.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace crm {

namespace {

constexpr int kPageSize = 1000; // CustomerRepository's largest page

// Whether an export of `rows` reads every customer's tags at once (CustomerTagTable) instead of row
// by row: when it is large and not much smaller than the tag links it would read (a link costs about
// what a row's subquery costs; about twenty bytes a tagged customer in memory).
Result<bool> readAllTags(Database &db, qint64 rows)
{
    if (rows < 50'000)
        return false;
    auto links = CustomerTagTable::linkCount(db);
    if (!links)
        return links.error();
    return *links <= 2 * rows;
}

// Auto resolved the way the list resolves it, so the keyset below follows the same order.
CustomerSort resolvedSort(const CustomerFilter &f)
{
    if (f.sort != CustomerSort::Auto)
        return f.sort;
    return SearchIndex::queryRuns(f.keyword).isEmpty() ? CustomerSort::LastContact : CustomerSort::Newest;
}

QVariant sortKey(CustomerSort sort, const CustomerCells &c)
{
    switch (sort) {
    case CustomerSort::LastContact: return c.lastContactAt;
    case CustomerSort::Created: return c.createdAt;
    case CustomerSort::Name: return c[CustomerCells::Name].toString();
    case CustomerSort::Value: return c.wonValueMinor;
    case CustomerSort::Auto:
    case CustomerSort::Newest: return c.id;
    }
    return c.id;
}

// A field with a fixed set of words (kind, status, gender): the stored word, or its Chinese label.
void writeWord(RecordSink &sink, const QString &field, QStringView value, bool chinese)
{
    if (chinese && !value.isEmpty())
        sink.text(CustomerVocabulary::label(field, value.toString(), true));
    else
        sink.text(value);
}

// One column's cell. Resolved once per export from the column's key: a million rows times two dozen
// columns made a chain of key comparisons per cell a measurable share of a CSV export.
using CellWriter = void (*)(RecordSink &sink, const CustomerCells &c, bool mask, bool chinese);

CellWriter cellWriter(const QString &key)
{
    using C = CustomerCells;
    static const QHash<QString, CellWriter> writers = {
        {QStringLiteral("id"), [](RecordSink &s, const C &c, bool, bool) { s.integer(c.id); }},
        {QStringLiteral("name"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::Name]); }},
        {QStringLiteral("kind"), [](RecordSink &s, const C &c, bool, bool zh) { writeWord(s, QStringLiteral("kind"), c[C::Kind], zh); }},
        {QStringLiteral("status"), [](RecordSink &s, const C &c, bool, bool zh) { writeWord(s, QStringLiteral("status"), c[C::Status], zh); }},
        {QStringLiteral("level"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::Level]); }},
        {QStringLiteral("company"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::Company]); }},
        {QStringLiteral("industry"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::Industry]); }},
        {QStringLiteral("occupation"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::Occupation]); }},
        {QStringLiteral("position"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::Position]); }},
        {QStringLiteral("gender"), [](RecordSink &s, const C &c, bool, bool zh) { writeWord(s, QStringLiteral("gender"), c[C::Gender], zh); }},
        {QStringLiteral("birthday"), [](RecordSink &s, const C &c, bool, bool) { s.date(QDate::fromString(c[C::Birthday], Qt::ISODate)); }},
        {QStringLiteral("source"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::Source]); }},
        {QStringLiteral("phone"), [](RecordSink &s, const C &c, bool mask, bool) {
             if (mask)
                 s.text(ContactMask::phone(c[C::Phone].toString()));
             else
                 s.text(c[C::Phone]);
         }},
        {QStringLiteral("email"), [](RecordSink &s, const C &c, bool mask, bool) {
             if (mask)
                 s.text(ContactMask::email(c[C::Email].toString()));
             else
                 s.text(c[C::Email]);
         }},
        {QStringLiteral("province"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::Province]); }},
        {QStringLiteral("city"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::City]); }},
        {QStringLiteral("district"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::District]); }},
        {QStringLiteral("tags"), [](RecordSink &s, const C &c, bool, bool) { s.list(c.tags()); }},
        {QStringLiteral("ownerName"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::OwnerName]); }},
        {QStringLiteral("createdAt"), [](RecordSink &s, const C &c, bool, bool) { s.dateTime(c.createdAt); }},
        {QStringLiteral("lastContactAt"), [](RecordSink &s, const C &c, bool, bool) { s.dateTime(c.lastContactAt); }},
        {QStringLiteral("value"), [](RecordSink &s, const C &c, bool, bool) { s.money(c.wonValueMinor); }},
        {QStringLiteral("notes"), [](RecordSink &s, const C &c, bool, bool) { s.text(c[C::Notes]); }},
    };
    return writers.value(key, [](RecordSink &s, const C &, bool, bool) { s.text({}); });
}

// A custom field's cell: its value as the customer page shows it (a date as a date, yes/no, a number
// as typed); none: empty.
struct CustomCell
{
    QString key, type;
};

void writeCustom(RecordSink &sink, const QJsonObject &fields, const CustomCell &cell, bool chinese)
{
    const QJsonValue v = fields.value(cell.key);
    if (v.isUndefined() || v.isNull())
        sink.text({});
    else if (cell.type == QLatin1String("date"))
        sink.date(QDate::fromString(v.toString(), Qt::ISODate));
    else if (v.isBool())
        sink.text(v.toBool() ? (chinese ? QStringLiteral("是") : QStringLiteral("yes")) : (chinese ? QStringLiteral("否") : QStringLiteral("no")));
    else if (v.isDouble())
        sink.text(QString::number(v.toDouble(), 'g', 15));
    else
        sink.text(v.toString());
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
    QVector<CustomerColumn> columns =
        ExportColumn::visibleTo(actor, QStringLiteral("customer"), CustomerColumns::all(), &summary.hiddenColumns);
    // The company's custom fields follow, headed by their labels (the field rule of customFields
    // governs them all).
    auto defs = CustomFieldService(m_db).list(actor);
    if (!defs)
        return defs.error();
    QVector<ExportColumn> customColumns;
    for (const CustomFieldDef &d : std::as_const(*defs))
        customColumns.append({CustomFieldDef::fieldName(d.key), d.label, d.label,
                              d.type == QLatin1String("date") ? XlsxCellType::Date : XlsxCellType::Text, 16,
                              QStringLiteral("customFields")});
    QVector<CustomCell> customCells;
    const QVector<ExportColumn> shown = ExportColumn::visibleTo(actor, QStringLiteral("customer"), customColumns, &summary.hiddenColumns);
    if (!shown.isEmpty()) { // one rule: all of them or none
        columns += shown;
        for (const CustomFieldDef &d : std::as_const(*defs))
            customCells.append({d.key, d.type});
    }

    CustomerFilter filter = options.filter;
    filter.sort = resolvedSort(filter);
    filter.offset = 0;
    filter.limit = kPageSize;
    filter.afterKey.reset();
    filter.afterId = 0;

    CustomerService customers(m_db);
    PagedExportSource<CustomerCells> source;
    source.columns = columns;
    // Without a tags column there is nothing to decide.
    bool tagsDecided = std::none_of(columns.cbegin(), columns.cend(), [](const ExportColumn &c) { return c.key == u"tags"; });
    qint64 expected = 0;
    std::optional<CustomerTagTable> tagTable;
    source.count = [&]() -> Result<qint64> {
        auto rows = customers.count(actor, filter);
        if (rows)
            expected = *rows;
        return rows;
    };
    source.nextPage = [&]() -> Result<ExportPage<CustomerCells>> {
        // Decided before the first page, in the same read transaction as the count and the pages.
        if (!std::exchange(tagsDecided, true)) {
            auto all = readAllTags(m_db, expected);
            if (!all)
                return all.error();
            if (*all) {
                auto table = CustomerTagTable::load(m_db);
                if (!table)
                    return table.error();
                tagTable = std::move(table).value();
            }
        }
        auto page = customers.listCells(actor, filter, tagTable ? &*tagTable : nullptr);
        if (!page)
            return page.error();
        const bool more = page->hasMore;
        if (more && !page->rows.isEmpty()) {
            const CustomerCells &last = page->rows.constLast();
            filter.afterKey = sortKey(filter.sort, last);
            filter.afterId = last.id;
        }
        return ExportPage<CustomerCells>{std::move(page.value().rows), more};
    };
    const bool masked = summary.masked, chinese = options.chineseHeaders;
    QVector<CellWriter> cells;
    for (qsizetype i = 0; i < columns.size() - customCells.size(); ++i)
        cells << cellWriter(columns[i].key);
    source.writeRow = [cells, customCells, masked, chinese](RecordSink &sink, const CustomerCells &c) {
        for (CellWriter write : cells)
            write(sink, c, masked, chinese);
        if (customCells.isEmpty())
            return;
        const QJsonObject fields = QJsonDocument::fromJson(c[CustomerCells::CustomFields].toUtf8()).object();
        for (const CustomCell &cell : customCells)
            writeCustom(sink, fields, cell, chinese);
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
