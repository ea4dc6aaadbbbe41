#include "app/UserCommand.h"

#include "app/AppDatabase.h"
#include "app/CommandParser.h"
#include "app/Console.h"
#include "app/TextTable.h"
#include "core/security/Actor.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"

#include <QHash>

namespace crm {

namespace {

const QString kRole = QStringLiteral("role");
const QString kManager = QStringLiteral("manager");
const QString kDepartment = QStringLiteral("department");
const QString kDisplayName = QStringLiteral("display-name");
const QString kEmail = QStringLiteral("email");
const QString kPhone = QStringLiteral("phone");

const QString kSubcommands =
    QStringLiteral("Usage: crm user <subcommand> [arguments]\n\n"
                   "Subcommands:\n"
                   "  add NAME --role ROLE   Create a user; the password is read from standard input\n"
                   "  passwd NAME            Set a user's password, read from standard input\n"
                   "  list                   List all users, active or not\n"
                   "  deactivate NAME        Stop a user from signing in (their records stay)\n"
                   "  activate NAME          Let a deactivated user sign in again\n"
                   "\nRun \"crm user <subcommand> --help\" for its options.");

Actor cliActor()
{
    Actor a = Actor::system();
    a.source = QStringLiteral("cli");
    return a;
}

int fail(Console &console, const QString &message)
{
    console.err(QStringLiteral("crm: ") + message);
    return Exit::Failure;
}

QString roleNames(OrgService &org)
{
    auto roles = org.roles();
    if (!roles)
        return {};
    QStringList names;
    for (const Role &r : *roles)
        names << r.name;
    return names.join(QStringLiteral(", "));
}

} // namespace

int UserCommand::run(const Invocation &given)
{
    // "crm user --database X list" means "crm user list --database X".
    Invocation call = given;
    while (call.args.value(0) == QLatin1String("--database") && call.args.size() >= 2) {
        call.database = call.args.at(1);
        call.args.remove(0, 2);
    }
    const QString sub = call.args.value(0);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        call.console.out(kSubcommands + QStringLiteral("\n\n") +
                         CommandParser::formatOptions(CommandParser::commonOptions()));
        return Exit::Ok;
    }
    const Invocation rest{call.args.mid(1), call.database, call.console};
    if (sub == QLatin1String("add"))
        return add(rest);
    if (sub == QLatin1String("passwd"))
        return passwd(rest);
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("deactivate"))
        return setActive(rest, false);
    if (sub == QLatin1String("activate"))
        return setActive(rest, true);
    if (!sub.isEmpty())
        call.console.err(QStringLiteral("crm: unknown subcommand \"user %1\"").arg(sub));
    call.console.err(kSubcommands);
    return Exit::Usage;
}

int UserCommand::add(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm user add NAME --role ROLE [options]"),
        QStringLiteral("Creates a user. The password is read from standard input (one line); on a terminal\n"
                       "it is asked for twice without being shown. It is never taken from the command line."));
    parser.addOption(
        {kRole, QStringLiteral("administrator, manager, rep or a custom role (required)"), QStringLiteral("role")});
    parser.addOption({kManager, QStringLiteral("User name of the user's manager"), QStringLiteral("name")});
    parser.addOption(
        {kDepartment, QStringLiteral("Department name; created when it does not exist"), QStringLiteral("name")});
    parser.addOption(
        {kDisplayName, QStringLiteral("Name shown to colleagues (default: the user name)"), QStringLiteral("text")});
    parser.addOption({kEmail, QStringLiteral("Email address"), QStringLiteral("address")});
    parser.addOption({kPhone, QStringLiteral("Phone number"), QStringLiteral("number")});
    if (auto stop = parser.parse(call, 1, 1))
        return *stop;
    if (parser.value(kRole).trimmed().isEmpty()) {
        call.console.err(QStringLiteral("crm: --role is required (administrator, manager or rep)"));
        return Exit::Usage;
    }
    auto db = AppDatabase::openForCommand(parser.databaseLocation(call), call.console);
    if (!db)
        return Exit::Failure;
    OrgService org(*db);

    NewUser input;
    input.username = parser.positional().at(0).trimmed();
    input.roleName = parser.value(kRole).trimmed();
    input.managerUsername = parser.value(kManager);
    input.departmentName = parser.value(kDepartment);
    input.displayName = parser.value(kDisplayName);
    input.email = parser.value(kEmail);
    input.phone = parser.value(kPhone);

    // Check what can be checked before asking for the password, so that a typo does not cost a
    // password entry. createUser checks all of it again inside its transaction.
    if (!org.roleByName(input.roleName))
        return fail(call.console,
                    QStringLiteral("Unknown role \"%1\" (roles: %2)").arg(input.roleName, roleNames(org)));
    if (!input.managerUsername.trimmed().isEmpty() && !org.userByName(input.managerUsername))
        return fail(call.console, QStringLiteral("Unknown manager \"%1\"").arg(input.managerUsername));
    if (org.userByName(input.username))
        return fail(call.console, QStringLiteral("The user name \"%1\" is taken").arg(input.username));

    auto password = call.console.readPassword(QStringLiteral("Password for %1: ").arg(input.username), true);
    if (!password)
        return fail(call.console, password.error().message);
    input.password = *password;

    auto created = org.createUser(cliActor(), input);
    if (!created)
        return fail(call.console, created.error().message);
    call.console.out(QStringLiteral("Created user %1 (%2)").arg(created->username, created->roleName));
    return Exit::Ok;
}

int UserCommand::passwd(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm user passwd NAME"),
        QStringLiteral("Sets a user's password and lifts a sign-in lock. The password is read from standard\n"
                       "input (one line); on a terminal it is asked for twice without being shown."));
    if (auto stop = parser.parse(call, 1, 1))
        return *stop;
    auto db = AppDatabase::openForCommand(parser.databaseLocation(call), call.console);
    if (!db)
        return Exit::Failure;
    OrgService org(*db);
    const QString username = parser.positional().at(0).trimmed();
    if (!org.userByName(username))
        return fail(call.console, QStringLiteral("Unknown user \"%1\"").arg(username));
    auto password = call.console.readPassword(QStringLiteral("New password for %1: ").arg(username), true);
    if (!password)
        return fail(call.console, password.error().message);
    if (Status st = org.setPassword(cliActor(), username, *password); !st)
        return fail(call.console, st.error().message);
    call.console.out(QStringLiteral("Changed the password of %1").arg(username));
    return Exit::Ok;
}

int UserCommand::list(const Invocation &call)
{
    CommandParser parser(QStringLiteral("crm user list"), QStringLiteral("Lists every user, active or not."));
    if (auto stop = parser.parse(call, 0, 0))
        return *stop;
    auto db = AppDatabase::openForCommand(parser.databaseLocation(call), call.console);
    if (!db)
        return Exit::Failure;
    OrgService org(*db);
    auto users = org.users(cliActor(), true);
    if (!users)
        return fail(call.console, users.error().message);
    auto departments = org.departments();
    if (!departments)
        return fail(call.console, departments.error().message);

    QHash<qint64, QString> userNames, departmentNames;
    for (const User &u : *users)
        userNames.insert(u.id, u.username);
    for (const Department &d : *departments)
        departmentNames.insert(d.id, d.name);

    TextTable table({QStringLiteral("USER"), QStringLiteral("NAME"), QStringLiteral("ROLE"), QStringLiteral("MANAGER"),
                     QStringLiteral("DEPARTMENT"), QStringLiteral("ACTIVE")});
    for (const User &u : *users)
        table.addRow({u.username, u.displayName, u.roleName, u.managerId ? userNames.value(*u.managerId) : QString(),
                      u.departmentId ? departmentNames.value(*u.departmentId) : QString(),
                      u.active ? QStringLiteral("yes") : QStringLiteral("no")});
    for (const QString &line : table.lines())
        call.console.out(line);
    return Exit::Ok;
}

int UserCommand::setActive(const Invocation &call, bool active)
{
    CommandParser parser(
        active ? QStringLiteral("crm user activate NAME") : QStringLiteral("crm user deactivate NAME"),
        active ? QStringLiteral("Lets a deactivated user sign in again.")
               : QStringLiteral("Stops a user from signing in. Their customers, tasks and history stay as they are."));
    if (auto stop = parser.parse(call, 1, 1))
        return *stop;
    auto db = AppDatabase::openForCommand(parser.databaseLocation(call), call.console);
    if (!db)
        return Exit::Failure;
    const QString username = parser.positional().at(0).trimmed();
    OrgService org(*db);
    if (!org.userByName(username))
        return fail(call.console, QStringLiteral("Unknown user \"%1\"").arg(username));
    if (Status st = org.setActive(cliActor(), username, active); !st)
        return fail(call.console, st.error().message);
    call.console.out((active ? QStringLiteral("Activated %1") : QStringLiteral("Deactivated %1")).arg(username));
    return Exit::Ok;
}

} // namespace crm
