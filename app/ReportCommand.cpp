#include "app/ReportCommand.h"

#include "app/AppDatabase.h"
#include "app/CommandParser.h"
#include "app/Console.h"
#include "app/ImportCommand.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"
#include "reports/report/PdfReportWriter.h"
#include "reports/report/ReportBuilder.h"
#include "reports/report/ReportPeriod.h"
#include "reports/report/XlsxReportWriter.h"
#include "ui/LanguageLoader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

namespace crm {

namespace {

const QString kPeriod = QStringLiteral("period");
const QString kFormat = QStringLiteral("format");
const QString kOutput = QStringLiteral("output");
const QString kAs = QStringLiteral("as");
const QString kUser = QStringLiteral("user");
const QString kPasswordStdin = QStringLiteral("password-stdin");
const QString kOwner = QStringLiteral("owner");

int fail(Console &console, const QString &message)
{
    console.err(QStringLiteral("crm: ") + message);
    return Exit::Failure;
}

} // namespace

int ReportCommand::run(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm report sales|funnel|activities|customers|tasks|campaigns|engagement [--period P]\n"
                       "           [--format pdf|xlsx] -o FILE [--as USER | --user USER --password-stdin] [--owner USER]\n"
                       "           [--lang en|zh_CN]"),
        QStringLiteral("Writes a report of the data the user may see (without --as or --user: all of it):\n"
                       "  sales       won deals per day/week/month and per sales rep, totals, average deal, win rate\n"
                       "  funnel      how far the deals created in the period got, conversion per stage; open pipeline\n"
                       "  activities  activities per sales rep and kind\n"
                       "  customers   new customers per day/week/month and their sources; customers by province\n"
                       "              and industry today\n"
                       "  tasks       open tasks overdue now, per owner and listed\n"
                       "  campaigns   campaigns running in the period: participants, conversions, deals won, cost\n"
                       "  engagement  customers per owner by how long ago they were last contacted (as of now:\n"
                       "              the period does not change it)\n"
                       "PDF has charts and tables; XLSX a summary sheet and a sheet per table with a native chart.\n"
                       "--owner narrows the report to one user within the scope. Needs report.export.\n"
                       "Periods: ") +
            ReportPeriod::help());
    parser.addOption({kPeriod, QStringLiteral("The period (default 30d)"), QStringLiteral("period"), QStringLiteral("30d")});
    parser.addOption({kFormat, QStringLiteral("pdf or xlsx (default: from the file name)"), QStringLiteral("format")});
    parser.addOption({{QStringLiteral("o"), kOutput}, QStringLiteral("The file to write (required)"), QStringLiteral("file")});
    parser.addOption({kAs, QStringLiteral("Report as this user (their scope and permissions), trusted"), QStringLiteral("user")});
    parser.addOption({kUser, QStringLiteral("Sign in as USER (needs --password-stdin)"), QStringLiteral("user")});
    parser.addOption({kPasswordStdin, QStringLiteral("Read the password for --user from standard input")});
    parser.addOption({kOwner, QStringLiteral("Only this user's data (within the scope)"), QStringLiteral("user")});
    parser.addLanguageOption(QStringLiteral("The report's"));
    if (auto stop = parser.parse(call, 1, 1))
        return *stop;
    auto usage = [&](const QString &message) {
        call.console.err(QStringLiteral("crm: ") + message);
        call.console.err(QStringLiteral("Usage: crm report NAME [--period P] [--format pdf|xlsx] -o FILE  (see --help)"));
        return Exit::Usage;
    };
    const QString name = parser.positional().at(0);
    if (!ReportBuilder::names().contains(name))
        return usage(QStringLiteral("no report \"%1\": expected %2").arg(name, ReportBuilder::names().join(QStringLiteral(", "))));
    const QString output = parser.value(kOutput);
    if (output.isEmpty())
        return usage(QStringLiteral("-o FILE is required"));
    const QString format = (parser.isSet(kFormat) ? parser.value(kFormat) : QFileInfo(output).suffix()).toLower();
    if (format != QLatin1String("pdf") && format != QLatin1String("xlsx"))
        return usage(QStringLiteral("--format must be pdf or xlsx"));
    if (parser.isSet(kUser) != parser.isSet(kPasswordStdin))
        return usage(QStringLiteral("--user and --password-stdin go together"));
    if (parser.isSet(kUser) && parser.isSet(kAs))
        return usage(QStringLiteral("use either --as or --user, not both"));
    const std::optional<QString> chosen = parser.language();
    if (!chosen)
        return usage(QStringLiteral("--lang must be en or zh_CN"));
    const QString lang = *chosen;
    const QDateTime now = QDateTime::currentDateTime();
    auto period = ReportPeriod::parse(parser.value(kPeriod), now.toMSecsSinceEpoch(), now.offsetFromUtc() / 60);
    if (!period)
        return usage(QStringLiteral("--period: ") + period.error().message);

    QElapsedTimer timer;
    timer.start();
    auto db = AppDatabase::openForCommand(parser.databaseLocation(call), call.console);
    if (!db)
        return Exit::Failure;
    Result<Actor> actor = Error::notFound(QStringLiteral("User"));
    if (parser.isSet(kUser)) {
        auto password = call.console.readPassword(QStringLiteral("Password: "), false);
        if (!password)
            return fail(call.console, password.error().message);
        OrgService org(*db);
        auto user = org.authenticate(parser.value(kUser), *password);
        if (!user)
            return fail(call.console, user.error().message);
        actor = org.actorFor(user->id, QStringLiteral("cli"));
    } else {
        actor = ImportCommand::actorFor(*db, parser.value(kAs));
    }
    if (!actor)
        return fail(call.console, actor.error().message);
    ReportRequest request{name, *period, 0};
    if (parser.isSet(kOwner)) {
        auto owner = OrgService(*db).userByName(parser.value(kOwner));
        if (!owner)
            return fail(call.console, QStringLiteral("--owner %1: no such user").arg(parser.value(kOwner)));
        request.ownerId = owner->id;
    }

    LanguageLoader language;
    if (lang != QLatin1String("en") && !language.install(lang))
        call.console.err(QStringLiteral("crm: report: no %1 catalogue; writing in English").arg(lang));
    call.console.err(QStringLiteral("crm: report: reading the %1 figures for %2..%3")
                         .arg(name, ReportPeriod::firstDay(*period).toString(Qt::ISODate),
                              ReportPeriod::lastDay(*period).toString(Qt::ISODate)));
    auto data = ReportBuilder(*db).build(*actor, request);
    if (!data)
        return fail(call.console, data.error().message);
    call.console.err(QStringLiteral("crm: report: writing %1").arg(format.toUpper()));
    const Status written = format == QLatin1String("pdf") ? PdfReportWriter::write(*data, output)
                                                          : XlsxReportWriter::write(*data, output);
    if (!written)
        return fail(call.console, written.error().message);
    qint64 rows = 0;
    for (const ReportTable &t : data->tables)
        rows += t.rows.size();
    call.console.out(QStringLiteral("Wrote the %1 report (%2 to %3, %4 tables, %5 rows) to %6 in %7 s.")
                         .arg(name, ReportPeriod::firstDay(*period).toString(Qt::ISODate),
                              ReportPeriod::lastDay(*period).toString(Qt::ISODate))
                         .arg(data->tables.size())
                         .arg(rows)
                         .arg(output, QString::number(double(timer.elapsed()) / 1000.0, 'f', 1)));
    return Exit::Ok;
}

} // namespace crm
