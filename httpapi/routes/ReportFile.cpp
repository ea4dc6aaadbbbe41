#include "httpapi/routes/ReportFile.h"

#include "core/storage/Database.h"
#include "httpapi/json/Json.h"
#include "httpapi/routes/DownloadFiles.h"
#include "httpapi/routes/Routes.h"
#include "reports/report/PdfReportWriter.h"
#include "reports/report/ReportBuilder.h"
#include "reports/report/ReportPeriod.h"
#include "reports/report/XlsxReportWriter.h"

#include <QDateTime>
#include <QFile>
#include <QGuiApplication>

namespace crm::routes::ReportFile {

namespace {

const QString kPeriod = QStringLiteral("period");
const QString kTz = QStringLiteral("tz");
const QString kFormat = QStringLiteral("format");
const QString kOwnerId = QStringLiteral("ownerId");

Error invalid(const QString &key, const QString &message)
{
    return Error::validation(QStringLiteral("invalid"), QStringLiteral("parameters.") + key, message);
}

struct Parameters
{
    ReportRequest request;
    bool pdf = true;
};

Result<Parameters> parse(ApiContext &c, const QString &type, const QJsonObject &p)
{
    for (auto it = p.begin(); it != p.end(); ++it)
        if (it.key() != kPeriod && it.key() != kTz && it.key() != kFormat && it.key() != kOwnerId)
            return Error::validation(QStringLiteral("unknown_field"), QStringLiteral("parameters.") + it.key().left(100),
                                     QStringLiteral("Unknown report parameter: ") + it.key().left(100));
    Parameters out;
    out.request.name = type;

    const QJsonValue format = p.value(kFormat);
    if (!format.isUndefined() && !format.isNull()) {
        if (format.toString() == QLatin1String("xlsx"))
            out.pdf = false;
        else if (format.toString() != QLatin1String("pdf"))
            return invalid(kFormat, QStringLiteral("format must be pdf or xlsx"));
    }
    // QPdfWriter paints text, which needs the GUI side of Qt: `crm serve` and the desktop have it.
    if (out.pdf && !qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return invalid(kFormat, QStringLiteral("This server cannot write PDF reports; ask for xlsx"));

    // Days are the caller's days: "30d" ends with the phone's today, not the server's.
    const qint64 nowMs = c.db.clock().nowMs();
    int tz = QDateTime::fromMSecsSinceEpoch(nowMs).offsetFromUtc() / 60;
    const QJsonValue tzValue = p.value(kTz);
    if (!tzValue.isUndefined() && !tzValue.isNull()) {
        const double v = tzValue.toDouble(1e9);
        if (!tzValue.isDouble() || v != double(int(v)) || v < -720 || v > 840)
            return invalid(kTz, QStringLiteral("tz must be the UTC offset in minutes, -720 to 840 (China: 480)"));
        tz = int(v);
    }

    const QJsonValue period = p.value(kPeriod);
    if (!period.isUndefined() && !period.isNull() && !period.isString())
        return invalid(kPeriod, QStringLiteral("period must be a text such as 30d, this-month or 2026-01-01..2026-03-31"));
    auto parsed = ReportPeriod::parse(period.isString() ? period.toString().left(100) : QStringLiteral("30d"), nowMs, tz);
    if (!parsed) {
        Error e = parsed.error();
        e.field = QStringLiteral("parameters.") + kPeriod;
        return e;
    }
    out.request.period = *parsed;

    const QJsonValue owner = p.value(kOwnerId);
    if (!owner.isUndefined() && !owner.isNull()) {
        const double v = owner.toDouble(-1);
        if (!owner.isDouble() || v < 1 || v > 9e15 || v != double(qint64(v)))
            return invalid(kOwnerId, QStringLiteral("ownerId must be a user's id"));
        out.request.ownerId = qint64(v);
    }
    return out;
}

} // namespace

bool isReportRequest(const QString &type, const QJsonObject &parameters)
{
    if (type == QLatin1String("sales") || type == QLatin1String("funnel") || type == QLatin1String("campaigns") || type == QLatin1String("engagement"))
        return true;
    if (type != QLatin1String("activities") && type != QLatin1String("customers") && type != QLatin1String("tasks"))
        return false;
    return parameters.contains(kPeriod) || parameters.value(kFormat).toString() == QLatin1String("pdf");
}

ApiResponse reportFile(ApiContext &c, const QString &type, const QJsonObject &parameters)
{
    const Actor &actor = c.request.actor;
    // Before anything is parsed or written: no report permission, no file.
    if (!actor.can(Permission::ReportRead) || !actor.can(Permission::ReportExport))
        return errorOr(Error::forbidden(QStringLiteral("You do not have permission to generate reports")));
    auto p = parse(c, type, parameters);
    if (!p)
        return errorOr(p.error());
    auto data = ReportBuilder(c.db).build(actor, p->request);
    if (!data)
        return errorOr(data.error());

    const QString extension = p->pdf ? QStringLiteral("pdf") : QStringLiteral("xlsx");
    auto path = DownloadFiles::newPath(c.options, extension);
    if (!path)
        return errorOr(path.error());
    const Status written = p->pdf ? PdfReportWriter::write(*data, *path) : XlsxReportWriter::write(*data, *path);
    if (!written) {
        QFile::remove(*path);
        return errorOr(written.error());
    }
    const QByteArray contentType = p->pdf ? QByteArrayLiteral("application/pdf")
                                          : QByteArrayLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return DownloadFiles::issue(c, *path, contentType, DownloadFiles::fileName(c, QStringLiteral("report-") + type, extension),
                                {{QStringLiteral("format"), extension},
                                 {QStringLiteral("report"), type},
                                 {QStringLiteral("from"), json::date(data->periodStart)},
                                 {QStringLiteral("to"), json::date(data->periodEnd)}});
}

} // namespace crm::routes::ReportFile
