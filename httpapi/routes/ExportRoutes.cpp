// POST /api/crm/export and POST /api/crm/reports/generate: an export written by reports'
// CustomerExporter (the caller's scope, field rules and contact masking; customer.export) to a file
// behind a short-lived, single-use, single-user link; GET /api/files/{token} serves it.
#include "httpapi/routes/Routes.h"

#include "core/services/CustomerValidator.h"
#include "core/storage/Database.h"
#include "core/storage/DownloadLinkStore.h"
#include "httpapi/ApiOptions.h"
#include "httpapi/json/Json.h"
#include "reports/export/CustomerExporter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>

namespace crm::routes {

namespace {

const QString kFilePrefix = QStringLiteral("crm-export-");

Error invalid(const QString &field, const QString &message)
{
    return Error::validation(QStringLiteral("invalid"), field, message);
}

QString exportDirectory(const ApiOptions &options)
{
    if (!options.exportDirectory.isEmpty())
        return options.exportDirectory;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/exports");
}

// Files whose link was never made or never used are normally removed with their expired link
// (DownloadLinkStore::create); this catches those a crash left behind. Modification times are the
// file system's, hence the real clock.
void sweepOrphans(const QDir &dir, qint64 lifetimeMs)
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addMSecs(-qMax<qint64>(2 * lifetimeMs, 60 * 60 * 1000));
    const QFileInfoList files = dir.entryInfoList({kFilePrefix + QLatin1Char('*')}, QDir::Files);
    for (const QFileInfo &f : files)
        if (f.lastModified().toUTC() < cutoff)
            QFile::remove(f.absoluteFilePath());
}

// A filter value a query string could carry: text, a number or a boolean. Objects and arrays (the
// page's client-side filters such as {$gte: ...}) are nullopt and ignored.
std::optional<QString> scalar(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 0);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QString();
    return std::nullopt;
}

// The customer list's filters (as GET /api/crm/customers takes them) from a JSON object; errors name
// the field as prefix + key ("filters.status").
Result<CustomerFilter> customerFilter(const QJsonObject &filters, const QString &prefix)
{
    CustomerFilter f;
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        const QString key = it.key();
        const QString field = prefix + key;
        const QJsonValue v = it.value();
        if (key == QLatin1String("userId"))
            continue; // identity comes from the token
        if (key == QLatin1String("status") && v.isArray()) {
            for (const QJsonValue &s : v.toArray())
                if (s.isString())
                    f.statuses << s.toString().trimmed();
        } else {
            const std::optional<QString> text = scalar(v);
            if (!text)
                continue;
            const QString &t = *text;
            if (key == QLatin1String("keyword")) f.keyword = t.left(100);
            else if (key == QLatin1String("status")) {
                if (t != QLatin1String("all") && !t.startsWith(QLatin1String("[object")))
                    f.statuses = t.split(QLatin1Char(','), Qt::SkipEmptyParts);
            } else if (key == QLatin1String("tag")) f.tag = t.left(100);
            else if (key == QLatin1String("group")) f.group = t.left(100);
            else if (key == QLatin1String("source")) f.source = t.left(100);
            else if (key == QLatin1String("province")) f.province = t.left(100);
            else if (key == QLatin1String("city")) f.city = t.left(100);
            else if (key == QLatin1String("district")) f.district = t.left(100);
            else if (key == QLatin1String("pool")) f.poolOnly = t == QLatin1String("true") || t == QLatin1String("1");
            else if (key == QLatin1String("ownerId")) {
                if (t.isEmpty())
                    continue;
                bool ok = false;
                f.ownerId = t.toLongLong(&ok);
                if (!ok || *f.ownerId <= 0)
                    return Error::validation(QStringLiteral("format"), field, QStringLiteral("ownerId must be a user id"));
            } else if (key == QLatin1String("sortBy")) {
                static const QHash<QString, CustomerSort> sorts = {
                    {QString(), CustomerSort::Auto},
                    {QStringLiteral("relevance"), CustomerSort::Auto},
                    {QStringLiteral("lastContact"), CustomerSort::LastContact},
                    {QStringLiteral("lastContactAt"), CustomerSort::LastContact},
                    {QStringLiteral("createdAt"), CustomerSort::Created},
                    {QStringLiteral("created"), CustomerSort::Created},
                    {QStringLiteral("name"), CustomerSort::Name},
                    {QStringLiteral("value"), CustomerSort::Value},
                    {QStringLiteral("newest"), CustomerSort::Newest},
                };
                if (!sorts.contains(t))
                    return Error::validation(QStringLiteral("unknown"), field,
                                             QStringLiteral("sortBy must be lastContact, createdAt, name, value or newest"));
                f.sort = sorts.value(t);
            } else if (key == QLatin1String("order")) {
                if (t == QLatin1String("asc") || t == QLatin1String("desc"))
                    f.ascending = t == QLatin1String("asc");
                else if (!t.isEmpty())
                    return Error::validation(QStringLiteral("unknown"), field, QStringLiteral("order must be asc or desc"));
            } else {
                return Error::validation(QStringLiteral("unknown_field"), field, QStringLiteral("Unknown filter: ") + key.left(100));
            }
        }
    }
    for (const QString &s : std::as_const(f.statuses))
        if (!CustomerValidator::statuses().contains(s))
            return invalid(prefix + QStringLiteral("status"), QStringLiteral("Unknown customer status: ") + s.left(50));
    return f;
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

// Writes the export (streamed page by page by CustomerExporter, never the whole file in memory) and
// answers {success, downloadUrl, expiresAt, fileName, format, rows, masked}.
ApiResponse exportCustomers(ApiContext &c, const QJsonObject &filters, const QString &filterPrefix, const QJsonValue &formatValue,
                            const QString &formatField, const QJsonValue &headersValue, const QString &headersField)
{
    const Actor &actor = c.request.actor;
    // Before anything is parsed or written: no export permission, no file.
    if (!actor.can(Permission::CustomerExport) || !actor.can(Permission::CustomerRead))
        return errorOr(Error::forbidden(QStringLiteral("You do not have permission to export customers")));
    auto type = fileType(formatValue, formatField);
    if (!type)
        return errorOr(type.error());
    auto chinese = chineseHeaders(headersValue, headersField);
    if (!chinese)
        return errorOr(chinese.error());
    auto filter = customerFilter(filters, filterPrefix);
    if (!filter)
        return errorOr(filter.error());

    QDir dir(exportDirectory(c.options));
    if (!dir.mkpath(QStringLiteral(".")))
        return errorOr(Error::internal(QStringLiteral("Cannot create the export folder")));
    // Exports hold customers' phones: readable by the server's account only.
    QFile::setPermissions(dir.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    sweepOrphans(dir, c.options.downloadLinkLifetimeMs);
    const QString path = dir.absoluteFilePath(kFilePrefix + QUuid::createUuid().toString(QUuid::Id128) + QLatin1Char('.') + type->extension);

    CustomerExportOptions options;
    options.format = type->format;
    options.filter = *filter;
    options.chineseHeaders = *chinese;
    auto summary = CustomerExporter(c.db).exportTo(actor, path, options);
    if (!summary) {
        QFile::remove(path);
        Error e = summary.error();
        if (e.field == QLatin1String("statuses"))
            e.field = filterPrefix + QStringLiteral("status");
        return errorOr(e);
    }
    const QString stamp = c.db.clock().now().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString fileName = (*chinese ? QStringLiteral("客户-") : QStringLiteral("customers-")) + stamp + QLatin1Char('.') + type->extension;
    DownloadLink link{actor.userId, path, QString::fromLatin1(type->contentType), fileName, 0};
    auto issued = DownloadLinkStore(c.db).create(link, c.options.downloadLinkLifetimeMs);
    if (!issued) {
        QFile::remove(path);
        return errorOr(issued.error());
    }
    QString url = QStringLiteral("/api/files/") + issued->token;
    if (!c.options.publicUrl.isEmpty())
        url.prepend(c.options.publicUrl.endsWith(QLatin1Char('/')) ? c.options.publicUrl.chopped(1) : c.options.publicUrl);
    return ApiResponse::json({{QStringLiteral("success"), true},
                              {QStringLiteral("downloadUrl"), url},
                              {QStringLiteral("expiresAt"), json::time(issued->expiresAt)},
                              {QStringLiteral("fileName"), fileName},
                              {QStringLiteral("format"), type->extension},
                              {QStringLiteral("rows"), double(summary->rows)},
                              {QStringLiteral("masked"), summary->masked}});
}

Result<QString> exportType(const QJsonObject &body)
{
    auto type = json::string(body, QStringLiteral("type"), 100);
    if (!type)
        return type.error();
    if (type->trimmed().isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("type"), QStringLiteral("Say what to export (type: customers)"));
    if (type->trimmed() != QLatin1String("customers"))
        return invalid(QStringLiteral("type"), QStringLiteral("Only customers can be exported for now"));
    return type->trimmed();
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
    if (auto type = exportType(*body); !type)
        return errorOr(type.error());
    auto filters = objectField(*body, QStringLiteral("filters"));
    if (!filters)
        return errorOr(filters.error());
    return exportCustomers(c, *filters, QStringLiteral("filters."), body->value(QStringLiteral("format")), QStringLiteral("format"),
                           body->value(QStringLiteral("headers")), QStringLiteral("headers"));
}

// Reports to come (PDF, charts) will take their own types; "customers" is the customer export, with
// its format, headers and filters in parameters (filters nested, or the filter keys themselves).
ApiResponse generateReport(ApiContext &c)
{
    auto body = checkedBody(c.request, {QStringLiteral("type"), QStringLiteral("parameters")});
    if (!body)
        return errorOr(body.error());
    if (auto type = exportType(*body); !type)
        return errorOr(type.error());
    auto parameters = objectField(*body, QStringLiteral("parameters"));
    if (!parameters)
        return errorOr(parameters.error());
    QJsonObject filters = parameters->value(QStringLiteral("filters")).toObject();
    QString prefix = QStringLiteral("parameters.filters.");
    if (!parameters->contains(QStringLiteral("filters"))) {
        filters = *parameters;
        filters.remove(QStringLiteral("format"));
        filters.remove(QStringLiteral("headers"));
        prefix = QStringLiteral("parameters.");
    }
    return exportCustomers(c, filters, prefix, parameters->value(QStringLiteral("format")), QStringLiteral("parameters.format"),
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
               QStringLiteral("Export customers in the caller's scope: {type: customers, filters, format: csv|xlsx|json, headers: en|zh}"
                              " -> {success, downloadUrl} (customer.export)"));
    router.add("POST", QStringLiteral("/api/crm/reports/generate"), generateReport,
               QStringLiteral("Generate a report: {type: customers, parameters: {format, headers, filters}} -> {success, downloadUrl}"));
    router.add("GET", QStringLiteral("/api/files/{token}"), download,
               QStringLiteral("Download an export once, within minutes, with the Bearer token of the user who made it"));
}

} // namespace crm::routes
