#include "app/WebAppLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace crm {

QString WebAppLocation::defaultDirectory()
{
    const QString env = qEnvironmentVariable("CRM_WEB_APP");
    if (!env.isEmpty())
        return env;
    const QStringList candidates = {
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/crm/m"),
        QStringLiteral(CRM_SOURCE_WEB_APP),
    };
    for (const QString &candidate : candidates)
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    return {};
}

bool WebAppLocation::isBuilt(const QString &directory)
{
    return !directory.isEmpty() && QFileInfo(QDir(directory).filePath(QStringLiteral("index.html"))).isFile();
}

} // namespace crm
