#include "app/ExportCommand.h"

#include "app/AppDatabase.h"
#include "app/CommandParser.h"
#include "app/Console.h"
#include "app/ImportCommand.h"
#include "core/security/Actor.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"
#include "app/ExportFilters.h"
#include "reports/export/ActivityExporter.h"
#include "reports/export/ContactExporter.h"
#include "reports/export/CustomerExporter.h"
#include "reports/export/OpportunityExporter.h"
#include "reports/export/TaskExporter.h"

#include <QFileInfo>

namespace crm {

namespace {

const QString kFormat = QStringLiteral("format");
const QString kOutput = QStringLiteral("output");
const QString kFilter = QStringLiteral("filter");
const QString kHeaders = QStringLiteral("headers");
const QString kAs = QStringLiteral("as");

const QStringList kTypes = {QStringLiteral("customers"), QStringLiteral("opportunities"), QStringLiteral("activities"),
                            QStringLiteral("tasks"), QStringLiteral("contacts")};

const QString kFilterHelp = QStringLiteral(
    "Filters (--filter KEY=VALUE, repeatable). For customers, as the customer list has them:\n"
    "  keyword=TEXT           name, company, phone, email or tag contains TEXT\n"
    "  status=S[,S...]        prospect, new, active, loyal, at_risk, lost\n"
    "  tag=T  group=G  source=S  province=P  city=C  district=D\n"
    "  owner=USER             customers of this user;  pool=1  customers in the public pool\n"
    "  sort=last-contact|created|name|value|newest   order=asc|desc");

// Applies one KEY=VALUE; an error message when it is not understood.
QString applyFilter(CustomerFilter &f, const QString &item, Database &db)
{
    const qsizetype eq = item.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return QStringLiteral("--filter %1: expected KEY=VALUE").arg(item);
    const QString key = item.left(eq).trimmed().toLower();
    const QString value = item.mid(eq + 1).trimmed();
    if (key == QLatin1String("keyword")) f.keyword = value;
    else if (key == QLatin1String("status")) f.statuses = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    else if (key == QLatin1String("tag")) f.tag = value;
    else if (key == QLatin1String("group")) f.group = value;
    else if (key == QLatin1String("source")) f.source = value;
    else if (key == QLatin1String("province")) f.province = value;
    else if (key == QLatin1String("city")) f.city = value;
    else if (key == QLatin1String("district")) f.district = value;
    else if (key == QLatin1String("pool")) f.poolOnly = value != QLatin1String("0") && value != QLatin1String("false");
    else if (key == QLatin1String("owner")) {
        auto user = OrgService(db).userByName(value);
        if (!user)
            return QStringLiteral("--filter owner=%1: no such user").arg(value);
        f.ownerId = user->id;
    } else if (key == QLatin1String("sort")) {
        const QHash<QString, CustomerSort> sorts = {{QStringLiteral("last-contact"), CustomerSort::LastContact},
                                                    {QStringLiteral("created"), CustomerSort::Created},
                                                    {QStringLiteral("name"), CustomerSort::Name},
                                                    {QStringLiteral("value"), CustomerSort::Value},
                                                    {QStringLiteral("newest"), CustomerSort::Newest}};
        if (!sorts.contains(value))
            return QStringLiteral("--filter sort=%1: expected last-contact, created, name, value or newest").arg(value);
        f.sort = sorts.value(value);
    } else if (key == QLatin1String("order")) {
        if (value != QLatin1String("asc") && value != QLatin1String("desc"))
            return QStringLiteral("--filter order=%1: expected asc or desc").arg(value);
        f.ascending = value == QLatin1String("asc");
    } else {
        return QStringLiteral("--filter %1: unknown filter \"%2\"").arg(item, key);
    }
    return {};
}

// Every --filter value (CommandParser keeps only the last of a repeated option).
QStringList filterValues(const QStringList &args)
{
    QStringList out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--filter") && i + 1 < args.size())
            out << args[++i];
        else if (args[i].startsWith(QLatin1String("--filter=")))
            out << args[i].mid(9);
    }
    return out;
}

// Applies every KEY=VALUE to an entity's filter through ExportFilters; an error message or empty.
template <typename Filter>
QString applyEntityFilters(Filter &filter, const QStringList &items, Database &db)
{
    for (const QString &item : items) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return QStringLiteral("--filter %1: expected KEY=VALUE").arg(item);
        if (QString error = ExportFilters::apply(filter, item.left(eq).trimmed().toLower(), item.mid(eq + 1).trimmed(), db);
            !error.isEmpty())
            return error;
    }
    return {};
}

} // namespace

int ExportCommand::run(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm export customers|opportunities|activities|tasks|contacts --format csv|xlsx|json -o FILE\n"
                       "           [--filter KEY=VALUE ...] [--headers en|zh] [--as USER]"),
        QStringLiteral("Exports the records the --as user may see (without --as: all of them) that match the filters.\n"
                       "CSV is UTF-8 with a BOM for Excel; XLSX has typed cells, a frozen header and a filter; JSON is an\n"
                       "array of the API's customer rows. Columns hidden by the user's role are left out; without the\n"
                       "customer.export_unmasked permission phones and emails (of customers and contacts) are masked\n"
                       "(138****5678). Every type needs customer.export and the type's read permission.\n\n") +
            kFilterHelp + QLatin1Char('\n') + ExportFilters::help(QStringLiteral("opportunities")) + QLatin1Char('\n') +
            ExportFilters::help(QStringLiteral("activities")) + QLatin1Char('\n') + ExportFilters::help(QStringLiteral("tasks")) +
            QLatin1Char('\n') + ExportFilters::help(QStringLiteral("contacts")));
    parser.addOption({kFormat, QStringLiteral("csv, xlsx or json (default: from the file name)"), QStringLiteral("format")});
    parser.addOption({{QStringLiteral("o"), kOutput}, QStringLiteral("The file to write (required)"), QStringLiteral("file")});
    parser.addOption({kFilter, QStringLiteral("A filter KEY=VALUE (see above); repeatable"), QStringLiteral("filter")});
    parser.addOption({kHeaders, QStringLiteral("Column headers: en (default) or zh"), QStringLiteral("lang"), QStringLiteral("en")});
    parser.addOption({kAs, QStringLiteral("Export as this user (their scope and permissions)"), QStringLiteral("user")});
    if (auto stop = parser.parse(call, 1, 1))
        return *stop;
    auto usage = [&](const QString &message) {
        call.console.err(QStringLiteral("crm: ") + message);
        call.console.err(QStringLiteral("Usage: crm export TYPE --format csv|xlsx|json -o FILE  (see --help)"));
        return Exit::Usage;
    };
    const QString type = parser.positional().at(0);
    if (!kTypes.contains(type))
        return usage(QStringLiteral("cannot export \"%1\": expected customers, opportunities, activities, tasks or contacts").arg(type));
    const QString output = parser.value(kOutput);
    if (output.isEmpty())
        return usage(QStringLiteral("-o FILE is required"));
    const QString formatName = parser.isSet(kFormat) ? parser.value(kFormat) : QFileInfo(output).suffix();
    const auto format = CustomerExporter::formatFromName(formatName);
    if (!format)
        return usage(QStringLiteral("--format must be csv, xlsx or json"));
    const QString headers = parser.value(kHeaders);
    if (headers != QLatin1String("en") && headers != QLatin1String("zh"))
        return usage(QStringLiteral("--headers must be en or zh"));

    auto db = AppDatabase::openForCommand(parser.databaseLocation(call), call.console);
    if (!db)
        return Exit::Failure;
    ExportSettings settings;
    settings.format = *format;
    settings.chineseHeaders = headers == QLatin1String("zh");
    settings.progress = ImportCommand::progressPrinter(call.console, QStringLiteral("exporting"));
    CancelFlag cancel{false};
    settings.cancel = &cancel;
    const QStringList filters = filterValues(call.args);
    // Each type: its options with the parsed filter, then its exporter once the user is known.
    std::function<Result<ExportSummary>(const Actor &)> exportAs;
    QString filterError;
    if (type == QLatin1String("customers")) {
        CustomerExportOptions options;
        options.format = settings.format;
        options.chineseHeaders = settings.chineseHeaders;
        options.progress = settings.progress;
        options.cancel = settings.cancel;
        for (const QString &item : filters)
            if (filterError.isEmpty())
                filterError = applyFilter(options.filter, item, *db);
        exportAs = [&, options](const Actor &a) { return CustomerExporter(*db).exportTo(a, output, options); };
    } else if (type == QLatin1String("opportunities")) {
        OpportunityExportOptions options{settings, {}};
        filterError = applyEntityFilters(options.filter, filters, *db);
        exportAs = [&, options](const Actor &a) { return OpportunityExporter(*db).exportTo(a, output, options); };
    } else if (type == QLatin1String("activities")) {
        ActivityExportOptions options{settings, {}};
        filterError = applyEntityFilters(options.filter, filters, *db);
        exportAs = [&, options](const Actor &a) { return ActivityExporter(*db).exportTo(a, output, options); };
    } else if (type == QLatin1String("tasks")) {
        TaskExportOptions options{settings, {}};
        filterError = applyEntityFilters(options.filter, filters, *db);
        exportAs = [&, options](const Actor &a) { return TaskExporter(*db).exportTo(a, output, options); };
    } else {
        ContactExportOptions options{settings, {}};
        filterError = applyEntityFilters(options.filter, filters, *db);
        exportAs = [&, options](const Actor &a) { return ContactExporter(*db).exportTo(a, output, options); };
    }
    if (!filterError.isEmpty())
        return usage(filterError);
    auto actor = ImportCommand::actorFor(*db, parser.value(kAs));
    if (!actor) {
        call.console.err(QStringLiteral("crm: ") + actor.error().message);
        return Exit::Failure;
    }
    const auto interruptGuard = ImportCommand::cancelOnInterrupt(cancel);
    auto result = exportAs(*actor);
    if (!result) {
        call.console.err(QStringLiteral("crm: ") + result.error().message);
        return Exit::Failure;
    }
    QString notes;
    if (result->masked)
        notes += QStringLiteral("; phones and emails masked");
    if (!result->hiddenColumns.isEmpty())
        notes += QStringLiteral("; hidden by your role: ") + result->hiddenColumns.join(QStringLiteral(", "));
    call.console.out(QStringLiteral("Exported %1 %2 to %3 in %4 s%5.")
                         .arg(result->rows)
                         .arg(type, output, QString::number(result->elapsedMs / 1000.0, 'f', 1), notes));
    return Exit::Ok;
}

} // namespace crm
