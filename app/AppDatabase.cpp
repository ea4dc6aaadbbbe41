#include "app/AppDatabase.h"

#include "app/Console.h"
#include "app/DatabaseLocation.h"
#include "core/services/FirstRun.h"
#include "core/storage/Database.h"

namespace crm {

Result<OpenedDatabase> AppDatabase::open(const QString &location)
{
    DatabaseOptions options;
    options.location = location;
    auto opened = Database::open(options);
    if (!opened)
        return opened.error();
    OpenedDatabase out;
    out.db = std::move(opened).value();
    auto admin = FirstRun::ensureAdministrator(*out.db);
    if (!admin)
        return admin.error();
    out.oneTimePassword = *admin;
    return out;
}

QStringList AppDatabase::firstAdministratorNotice(const QString &password)
{
    return {QStringLiteral("Created the first administrator of this database."),
            QStringLiteral("  user name:         ") + FirstRun::administratorName(),
            QStringLiteral("  one-time password: ") + password,
            QStringLiteral("It is shown only now: sign in and change it (crm user passwd %1).")
                .arg(FirstRun::administratorName())};
}

QString AppDatabase::failureMessage(const Error &error, const QString &location)
{
    const QString where = DatabaseLocation::display(location);
    return QStringLiteral("crm: ") + error.message +
           (error.message.contains(where) ? QString() : QStringLiteral(" (") + where + QLatin1Char(')'));
}

std::unique_ptr<Database> AppDatabase::openForCommand(const QString &location, Console &console)
{
    auto opened = open(location);
    if (!opened) {
        console.err(failureMessage(opened.error(), location));
        return nullptr;
    }
    OpenedDatabase result = std::move(opened).value();
    // On stderr, so that a command's results on stdout stay machine-readable.
    if (result.oneTimePassword)
        for (const QString &line : firstAdministratorNotice(*result.oneTimePassword))
            console.err(line);
    return std::move(result.db);
}

} // namespace crm
