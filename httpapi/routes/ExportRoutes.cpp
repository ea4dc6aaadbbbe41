// POST /api/crm/export and POST /api/crm/reports/generate: an export of customers, opportunities,
// activities, tasks or contacts written by reports' exporters (the caller's scope, field rules and
// contact masking; customer.export and the entity's read permission), or a report (ReportFile), to a
// file behind a short-lived, single-use, single-user link (DownloadFiles); GET /api/files/{token} serves it.
#include "httpapi/routes/Routes.h"

#include "core/storage/Database.h"
#include "core/storage/DownloadLinkStore.h"
#include "httpapi/json/Json.h"
#include "httpapi/routes/DownloadFiles.h"
#include "httpapi/routes/ExportFilterJson.h"
#include "httpapi/routes/ReportFile.h"
#include "reports/export/ActivityExporter.h"
#include "reports/export/ContactExporter.h"
#include "reports/export/CustomerExporter.h"
#include "reports/export/OpportunityExporter.h"
#include "reports/export/TaskExporter.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QUrl>

namespace crm::routes {

namespace {

Error invalid(const QString &field, const QString &message)
{
    return Error::validation(QStringLiteral("invalid"), field, message);
}

struct FileType
{
    ExportFormat format;
    QString extension;
    QByteArray contentType;
};

Result<FileType> fileType(const QJsonValue &value, const QString &field)
{
    if (value.isNull() || value.isUndefined())
        return FileType{ExportFormat::Csv, QStringLiteral("csv"), "text/csv; charset=utf-8"}; // the mini program sends none
    const std::optional<ExportFormat> format = value.isString() ? CustomerExporter::formatFromName(value.toString()) : std::nullopt;
    if (!format)
        return invalid(field, QStringLiteral("format must be csv, xlsx or json"));
    switch (*format) {
    case ExportFormat::Csv: return FileType{*format, QStringLiteral("csv"), "text/csv; charset=utf-8"};
    case ExportFormat::Xlsx:
        return FileType{*format, QStringLiteral("xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
    case ExportFormat::Json: return FileType{*format, QStringLiteral("json"), "application/json; charset=utf-8"};
    }
    return invalid(field, QStringLiteral("format must be csv, xlsx or json"));
}

Result<bool> chineseHeaders(const QJsonValue &value, const QString &field)
{
    if (value.isNull() || value.isUndefined() || value.toString() == QLatin1String("en"))
        return false;
    if (value.toString() == QLatin1String("zh"))
        return true;
    return invalid(field, QStringLiteral("headers must be en or zh"));
}

// What can be exported: the type's name in the API, its file name prefixes, the read permission the
// exporter asks for besides customer.export, and the noun of the 403 message.
struct ExportType
{
    QString name, chinesePrefix, readPermission, noun;
};

const QVector<ExportType> &exportTypes()
{
    static const QVector<ExportType> types = {
        {QStringLiteral("customers"), QStringLiteral("客户"), Permission::CustomerRead, QStringLiteral("customers")},
        {QStringLiteral("opportunities"), QStringLiteral("商机"), Permission::OpportunityRead, QStringLiteral("opportunities")},
        {QStringLiteral("activities"), QStringLiteral("活动"), Permission::ActivityRead, QStringLiteral("activities")},
        {QStringLiteral("tasks"), QStringLiteral("任务"), Permission::TaskRead, QStringLiteral("tasks")},
        {QStringLiteral("contacts"), QStringLiteral("联系人"), Permission::CustomerRead, QStringLiteral("contacts")},
    };
    return types;
}

// An export whose filters are parsed and checked, waiting for its file's path: nothing is written
// before every part of the request is known to be good.
using ExportJob = std::function<Result<ExportSummary>(const QString &path)>;

template <typename Exporter, typename Filter>
Result<ExportJob> job(Database &db, const Actor &actor, Result<Filter> filter, const ExportSettings &settings)
{
    if (!filter)
        return filter.error();
    EntityExportOptions<Filter> options;
    static_cast<ExportSettings &>(options) = settings;
    options.filter = *filter;
    return ExportJob([&db, &actor, options](const QString &path) { return Exporter(db).exportTo(actor, path, options); });
}

Result<ExportJob> prepare(const QString &type, Database &db, const Actor &actor, const QJsonObject &filters, const QString &prefix,
                          const ExportSettings &settings)
{
    namespace F = ExportFilterJson;
    if (type == QLatin1String("opportunities"))
        return job<OpportunityExporter>(db, actor, F::opportunities(filters, prefix), settings);
    if (type == QLatin1String("activities"))
        return job<ActivityExporter>(db, actor, F::activities(filters, prefix), settings);
    if (type == QLatin1String("tasks"))
        return job<TaskExporter>(db, actor, F::tasks(filters, prefix), settings);
    if (type == QLatin1String("contacts"))
        return job<ContactExporter>(db, actor, F::contacts(filters, prefix), settings);
    // Customers have their own options type (CustomerExportOptions predates EntityExportOptions).
    auto filter = F::customers(filters, prefix);
    if (!filter)
        return filter.error();
    CustomerExportOptions options;
    options.format = settings.format;
    options.chineseHeaders = settings.chineseHeaders;
    options.filter = *filter;
    return ExportJob([&db, &actor, options, prefix](const QString &path) -> Result<ExportSummary> {
        auto summary = CustomerExporter(db).exportTo(actor, path, options);
        if (!summary && summary.error().field == QLatin1String("statuses")) {
            Error e = summary.error();
            e.field = prefix + QStringLiteral("status");
            return e;
        }
        return summary;
    });
}

// Writes the export (streamed page by page by the type's exporter, never the whole file in memory)
// and answers {success, downloadUrl, expiresAt, fileName, format, rows, masked}.
ApiResponse exportFile(ApiContext &c, const ExportType &exportType, const QJsonObject &filters, const QString &filterPrefix,
                       const QJsonValue &formatValue, const QString &formatField, const QJsonValue &headersValue,
                       const QString &headersField)
{
    const Actor &actor = c.request.actor;
    // Before anything is parsed or written: no export permission, no file.
    if (!actor.can(Permission::CustomerExport) || !actor.can(exportType.readPermission))
        return errorOr(Error::forbidden(QStringLiteral("You do not have permission to export ") + exportType.noun));
    auto type = fileType(formatValue, formatField);
    if (!type)
        return errorOr(type.error());
    auto chinese = chineseHeaders(headersValue, headersField);
    if (!chinese)
        return errorOr(chinese.error());
    ExportSettings settings;
    settings.format = type->format;
    settings.chineseHeaders = *chinese;
    auto run = prepare(exportType.name, c.db, actor, filters, filterPrefix, settings);
    if (!run)
        return errorOr(run.error());

    auto path = DownloadFiles::newPath(c.options, type->extension);
    if (!path)
        return errorOr(path.error());
    auto summary = (*run)(*path);
    if (!summary) {
        QFile::remove(*path);
        return errorOr(summary.error());
    }
    const QString fileName = DownloadFiles::fileName(c, *chinese ? exportType.chinesePrefix : exportType.name, type->extension);
    return DownloadFiles::issue(c, *path, type->contentType, fileName,
                                {{QStringLiteral("format"), type->extension},
                                 {QStringLiteral("rows"), double(summary->rows)},
                                 {QStringLiteral("masked"), summary->masked}});
}

Result<ExportType> exportType(const QJsonObject &body)
{
    auto type = json::string(body, QStringLiteral("type"), 100);
    if (!type)
        return type.error();
    const QString name = type->trimmed();
    if (name.isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("type"),
                                 QStringLiteral("Say what to export (type: customers, opportunities, activities, tasks or contacts)"));
    for (const ExportType &t : exportTypes())
        if (t.name == name)
            return t;
    return invalid(QStringLiteral("type"), QStringLiteral("type must be customers, opportunities, activities, tasks or contacts"));
}

Result<QJsonObject> objectField(const QJsonObject &body, const QString &field)
{
    const QJsonValue v = body.value(field);
    if (v.isNull() || v.isUndefined())
        return QJsonObject();
    if (!v.isObject())
        return Error::validation(QStringLiteral("type"), field, field + QStringLiteral(" must be an object"));
    return v.toObject();
}

Result<QJsonObject> checkedBody(const ApiRequest &request, const QStringList &known)
{
    auto body = request.jsonBody();
    if (!body)
        return body.error();
    for (auto it = body->begin(); it != body->end(); ++it)
        if (!known.contains(it.key()) && it.key() != QLatin1String("userId"))
            return Error::validation(QStringLiteral("unknown_field"), it.key(), QStringLiteral("Unknown field: ") + it.key().left(100));
    return body;
}

ApiResponse exportRoute(ApiContext &c)
{
    auto body = checkedBody(c.request, {QStringLiteral("type"), QStringLiteral("filters"), QStringLiteral("format"), QStringLiteral("headers")});
    if (!body)
        return errorOr(body.error());
    auto type = exportType(*body);
    if (!type)
        return errorOr(type.error());
    auto filters = objectField(*body, QStringLiteral("filters"));
    if (!filters)
        return errorOr(filters.error());
    return exportFile(c, *type, *filters, QStringLiteral("filters."), body->value(QStringLiteral("format")), QStringLiteral("format"),
                           body->value(QStringLiteral("headers")), QStringLiteral("headers"));
}

// A report (sales, funnel; activities, customers and tasks when the parameters ask for one: ReportFile)
// or an export, with its format, headers and filters in parameters (filters nested, or the filter
// keys themselves).
ApiResponse generateReport(ApiContext &c)
{
    auto body = checkedBody(c.request, {QStringLiteral("type"), QStringLiteral("parameters")});
    if (!body)
        return errorOr(body.error());
    auto parameters = objectField(*body, QStringLiteral("parameters"));
    if (!parameters)
        return errorOr(parameters.error());
    auto name = json::string(*body, QStringLiteral("type"), 100);
    if (!name)
        return errorOr(name.error());
    if (ReportFile::isReportRequest(name->trimmed(), *parameters))
        return ReportFile::reportFile(c, name->trimmed(), *parameters);
    auto type = exportType(*body);
    if (!type) {
        Error e = type.error();
        e.message = QStringLiteral("type must be a report (sales, funnel, activities, customers, tasks, campaigns, engagement) or an export"
                                   " (customers, opportunities, activities, tasks, contacts)");
        return errorOr(e);
    }
    QJsonObject filters = parameters->value(QStringLiteral("filters")).toObject();
    QString prefix = QStringLiteral("parameters.filters.");
    if (!parameters->contains(QStringLiteral("filters"))) {
        filters = *parameters;
        filters.remove(QStringLiteral("format"));
        filters.remove(QStringLiteral("headers"));
        prefix = QStringLiteral("parameters.");
    }
    return exportFile(c, *type, filters, prefix, parameters->value(QStringLiteral("format")), QStringLiteral("parameters.format"),
                           parameters->value(QStringLiteral("headers")), QStringLiteral("parameters.headers"));
}

// attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded (RFC 6266 / 5987).
QByteArray contentDisposition(const QString &fileName)
{
    QByteArray ascii;
    for (const QChar ch : fileName)
        ascii += (ch.unicode() >= 0x20 && ch.unicode() < 0x7f && ch != QLatin1Char('"') && ch != QLatin1Char('\\')) ? char(ch.unicode()) : '_';
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(fileName);
}

ApiResponse download(ApiContext &c)
{
    const QString token = c.request.params.value(QStringLiteral("token"));
    const qint64 userId = c.request.actor.userId;
    Result<DownloadLink> link = Error::notFound(QStringLiteral("Download"));
    if (c.request.method == "HEAD") {
        link = DownloadLinkStore(c.db).find(token, userId); // a HEAD does not use the link up
    } else {
        // The link works once, so serving it writes; but a GET runs inside this connection's read
        // transaction (ApiServer), so the link is taken on a connection of its own. Downloads are rare.
        auto own = c.db.openAnother();
        if (!own)
            return errorOr(own.error());
        link = DownloadLinkStore(**own).take(token, userId);
    }
    if (!link)
        return errorOr(link.error());
    if (!QFileInfo::exists(link->path))
        return errorOr(Error::notFound(QStringLiteral("Download")));
    ApiResponse r;
    r.contentType = link->contentType.toLatin1();
    // Streamed from disk as the client reads it (ApiServer::writeFile), then deleted: used up,
    // nobody can ask for it again. A HEAD leaves both link and file.
    r.bodyFile = link->path;
    r.removeBodyFile = c.request.method != "HEAD";
    r.addHeader("Content-Disposition", contentDisposition(link->fileName));
    return r;
}

} // namespace

void addExports(Router &router)
{
    router.add("POST", QStringLiteral("/api/crm/export"), exportRoute,
               QStringLiteral("Export records in the caller's scope: {type: customers|opportunities|activities|tasks|contacts, filters,"
                              " format: csv|xlsx|json, headers: en|zh} -> {success, downloadUrl} (customer.export and the type's read"
                              " permission)"));
    router.add("POST", QStringLiteral("/api/crm/reports/generate"), generateReport,
               QStringLiteral("Generate a report or an export. Reports: {type: sales|funnel|activities|customers|tasks|campaigns|engagement, parameters:"
                              " {period: 30d|this-month|last-month|YYYY-MM-DD..YYYY-MM-DD, tz: minutes, format: pdf|xlsx, ownerId}}"
                              " -> {success, downloadUrl, report, from, to} (report.read and report.export); activities, customers"
                              " and tasks are a report when a period or format pdf is given. Exports: {type: customers|opportunities|"
                              "activities|tasks|contacts, parameters: {format: csv|xlsx|json, headers, filters}} -> {success,"
                              " downloadUrl, rows}"));
    router.add("GET", QStringLiteral("/api/files/{token}"), download,
               QStringLiteral("Download an export once, within minutes, with the Bearer token of the user who made it"));
}

} // namespace crm::routes
