#include "app/DatabaseLocation.h"

#include "core/storage/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace crm {

QString DatabaseLocation::embeddedFile()
{
    // Relies on QCoreApplication::applicationName() being "crm" (set in main).
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/crm.sqlite");
}

QString DatabaseLocation::resolve(const QString &option)
{
    if (!option.isEmpty())
        return option;
    const QString env = qEnvironmentVariable("CRM_DATABASE");
    if (!env.isEmpty())
        return env;
    return embeddedFile(); // Database::open creates its folder
}

QString DatabaseLocation::display(const QString &location)
{
    if (isPostgresLocation(location)) {
        QUrl url(location);
        url.setPassword(QString());
        return url.toString();
    }
    return QDir::toNativeSeparators(QFileInfo(location).absoluteFilePath());
}

} // namespace crm
