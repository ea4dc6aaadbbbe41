#pragma once

#include "core/Result.h"
#include "httpapi/Router.h"

#include <QString>

namespace crm {
struct ApiOptions;
}

namespace crm::routes {

// Files behind short-lived, single-use, single-user download links (exports and reports): where they
// are written and how the link is issued. GET /api/files/{token} (ExportRoutes) serves them.
namespace DownloadFiles {

// A fresh path in the export folder for a file with this extension. Creates the folder (readable by
// the server's account only: the files hold customers' phones) and removes files a crash left behind.
Result<QString> newPath(const ApiOptions &options, const QString &extension);

// "<prefix>-yyyyMMdd-HHmmss.<extension>" at the database clock's now.
QString fileName(ApiContext &c, const QString &prefix, const QString &extension);

// Issues the link for a written file and answers {success, downloadUrl, expiresAt, fileName} plus
// `extra`; the file is removed if the link cannot be made.
ApiResponse issue(ApiContext &c, const QString &path, const QByteArray &contentType, const QString &fileName,
                  const QJsonObject &extra);

} // namespace DownloadFiles

} // namespace crm::routes
