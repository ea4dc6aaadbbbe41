#include "app/DemoCommand.h"

#include "app/AppDatabase.h"
#include "app/CommandParser.h"
#include "app/Console.h"
#include "app/TextTable.h"
#include "core/demo/DemoGenerator.h"
#include "core/services/FirstRun.h"
#include "core/storage/Database.h"

#include <QElapsedTimer>

#include <iterator>

namespace crm {

int DemoCommand::run(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm demo [--customers N] [--password P] [--database <location>]"),
        QStringLiteral("Fills a database that has no customers yet with a deterministic demo company: 13 departments,\n"
                       "200 users (director, manager01-12, rep001-187), customers with Chinese and English names\n"
                       "(10% in the public pool), contacts, opportunities with stage history, two years of won deals,\n"
                       "five activities per customer and open tasks. The database is labelled as a demo.\n"
                       "Every demo user gets the password P (default: a random one, printed)."));
    parser.addOption({QStringLiteral("customers"), QStringLiteral("Number of customers (default 10000)."), QStringLiteral("N"),
                      QStringLiteral("10000")});
    parser.addOption({QStringLiteral("password"), QStringLiteral("Password of every demo user."), QStringLiteral("P")});
    if (auto stop = parser.parse(call, 0, 0))
        return *stop;
    bool ok = false;
    DemoOptions options;
    options.customers = parser.value(QStringLiteral("customers")).toLongLong(&ok);
    if (!ok || options.customers < 1) {
        call.console.err(QStringLiteral("crm: --customers must be a positive number"));
        return Exit::Usage;
    }
    // A demo password is not a secret worth protecting, so unlike real accounts it may be an argument.
    options.password = parser.isSet(QStringLiteral("password")) ? parser.value(QStringLiteral("password"))
                                                                 : FirstRun::generatePassword(12);

    const QString location = parser.databaseLocation(call);
    auto db = AppDatabase::openForCommand(location, call.console);
    if (!db)
        return Exit::Failure;
    QElapsedTimer timer;
    timer.start();
    auto report = DemoGenerator(*db).generate(options);
    if (!report) {
        call.console.err(QStringLiteral("crm: ") + report.error().message);
        return Exit::Failure;
    }
    // Where the time went (stderr, so the user table on stdout stays clean).
    QStringList steps;
    for (const auto &[name, ms] : std::as_const(report->steps))
        steps << QStringLiteral("%1 %2 s").arg(name, QString::number(ms / 1000.0, 'f', 1));
    call.console.err(QStringLiteral("crm: demo: ") + steps.join(QStringLiteral(", ")));
    TextTable users({QStringLiteral("USER"), QStringLiteral("NAME"), QStringLiteral("ROLE"), QStringLiteral("DEPARTMENT")});
    for (const DemoUser &u : report->users)
        users.addRow({u.username, u.displayName, u.role, u.department});
    for (const QString &line : users.lines())
        call.console.out(line);
    call.console.out(QString());
    call.console.out(QStringLiteral("Demo company loaded in %1 s: %2 customers, %3 contacts, %4 opportunities, %5 activities, %6 tasks, %7 leads, %8 campaigns.")
                         .arg(QString::number(timer.elapsed() / 1000.0, 'f', 1))
                         .arg(report->customers)
                         .arg(report->contacts)
                         .arg(report->opportunities)
                         .arg(report->activities)
                         .arg(report->tasks)
                         .arg(report->leads)
                         .arg(report->campaigns));
    call.console.out(QStringLiteral("Every demo user's password: ") + options.password);
    return Exit::Ok;
}

} // namespace crm
