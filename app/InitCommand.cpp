#include "app/InitCommand.h"

#include "app/AppDatabase.h"
#include "app/CommandParser.h"
#include "app/Console.h"
#include "app/DatabaseLocation.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"
#include "core/storage/Migrations.h"

namespace crm {

int InitCommand::run(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm init [--database <location>]"),
        QStringLiteral("Creates the database if it does not exist and brings its schema up to date.\n"
                       "On a database without users, creates the administrator \"admin\" and prints its\n"
                       "one-time password. Running it again changes nothing."));
    if (auto stop = parser.parse(call, 0, 0))
        return *stop;

    const QString location = parser.databaseLocation(call);
    auto opened = AppDatabase::open(location);
    if (!opened) {
        call.console.err(AppDatabase::failureMessage(opened.error(), location));
        return Exit::Failure;
    }
    Database &db = *opened.value().db;
    auto version = Migrations::currentVersion(db);
    auto users = OrgService(db).userCount();
    if (!version || !users) {
        call.console.err(QStringLiteral("crm: ") + (!version ? version.error() : users.error()).message);
        return Exit::Failure;
    }
    call.console.out(QStringLiteral("Database: ") + DatabaseLocation::display(location));
    call.console.out(QStringLiteral("Schema version: %1").arg(*version));
    if (opened->oneTimePassword) {
        for (const QString &line : AppDatabase::firstAdministratorNotice(*opened->oneTimePassword))
            call.console.out(line);
    } else {
        call.console.out(QStringLiteral("Users: %1 (no administrator created)").arg(*users));
    }
    return Exit::Ok;
}

} // namespace crm
