#include "httpapi/routes/DownloadFiles.h"

#include "core/storage/Database.h"
#include "core/storage/DownloadLinkStore.h"
#include "httpapi/ApiOptions.h"
#include "httpapi/json/Json.h"
#include "httpapi/routes/Routes.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUuid>

namespace crm::routes::DownloadFiles {

namespace {

const QString kFilePrefix = QStringLiteral("crm-export-");

QString directory(const ApiOptions &options)
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

} // namespace

Result<QString> newPath(const ApiOptions &options, const QString &extension)
{
    QDir dir(directory(options));
    if (!dir.mkpath(QStringLiteral(".")))
        return Error::internal(QStringLiteral("Cannot create the export folder"));
    QFile::setPermissions(dir.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    sweepOrphans(dir, options.downloadLinkLifetimeMs);
    return dir.absoluteFilePath(kFilePrefix + QUuid::createUuid().toString(QUuid::Id128) + QLatin1Char('.') + extension);
}

QString fileName(ApiContext &c, const QString &prefix, const QString &extension)
{
    const QString stamp = c.db.clock().now().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return prefix + QLatin1Char('-') + stamp + QLatin1Char('.') + extension;
}

ApiResponse issue(ApiContext &c, const QString &path, const QByteArray &contentType, const QString &fileName,
                  const QJsonObject &extra)
{
    DownloadLink link{c.request.actor.userId, path, QString::fromLatin1(contentType), fileName, 0};
    auto issued = DownloadLinkStore(c.db).create(link, c.options.downloadLinkLifetimeMs);
    if (!issued) {
        QFile::remove(path);
        return errorOr(issued.error());
    }
    QString url = QStringLiteral("/api/files/") + issued->token;
    if (!c.options.publicUrl.isEmpty())
        url.prepend(c.options.publicUrl.endsWith(QLatin1Char('/')) ? c.options.publicUrl.chopped(1) : c.options.publicUrl);
    QJsonObject answer = extra;
    answer.insert(QStringLiteral("success"), true);
    answer.insert(QStringLiteral("downloadUrl"), url);
    answer.insert(QStringLiteral("expiresAt"), json::time(issued->expiresAt));
    answer.insert(QStringLiteral("fileName"), fileName);
    return ApiResponse::json(answer);
}

} // namespace crm::routes::DownloadFiles
