#include "app/DesktopCommand.h"

#include "app/CommandParser.h"
#include "app/Console.h"
#include "app/DatabaseLocation.h"
#include "app/WebAppLocation.h"
#include "httpapi/ApiHost.h"
#include "ui/Desktop.h"
#include "ui/EmbeddedServer.h"

#include <QApplication>

namespace crm {

namespace {

// The desktop's view of the API server, over ApiHost (its own threads and connections).
class ApiServerControl : public EmbeddedServer
{
public:
    Status start(const QString &databaseLocation, ChangeFeed *feed, const Config &config) override
    {
        stop();
        ApiOptions options;
        options.address = QHostAddress(config.address);
        if (options.address.isNull())
            return Error::validation(QStringLiteral("format"), QStringLiteral("address"),
                                     QStringLiteral("The API server address is not an IP address"));
        options.port = quint16(config.port);
        options.certificateFile = config.certificateFile;
        options.keyFile = config.keyFile;
        options.threads = 1; // a workstation serves a team, not the internet
        options.webAppDirectory = m_webAppDirectory = WebAppLocation::defaultDirectory(); // the reps' H5 app at /m/
        DatabaseOptions database;
        database.location = databaseLocation;
        database.durable = true; // an acknowledged API write survives power loss
        database.feed = feed; // the reps' writes reach the desktop's open views
        auto host = std::make_unique<ApiHost>();
        Status st = host->start(database, options);
        if (st)
            m_host = std::move(host);
        Q_EMIT stateChanged();
        return st;
    }
    void stop() override
    {
        if (!m_host)
            return;
        m_host->stop();
        m_host.reset();
        Q_EMIT stateChanged();
    }
    bool isRunning() const override { return m_host && m_host->isRunning(); }
    QString url() const override { return m_host ? m_host->url() : QString(); }
    // Looked at when asked: the server serves an app built after it started as well.
    QString webAppUrl() const override
    {
        // A phone opens it: on every interface, this machine's network address rather than 0.0.0.0.
        return isRunning() && WebAppLocation::isBuilt(m_webAppDirectory) ? m_host->reachableUrl() + QStringLiteral("/m/") : QString();
    }
    ~ApiServerControl() override { stop(); }

private:
    std::unique_ptr<ApiHost> m_host;
    QString m_webAppDirectory;
};

bool wantsHelp(const QStringList &args)
{
    return args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h")) ||
           args.contains(QStringLiteral("--version")) || args.contains(QStringLiteral("-v")) ||
           args.contains(QStringLiteral("help"));
}

} // namespace

bool DesktopCommand::displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

std::unique_ptr<QCoreApplication> DesktopCommand::createApplication(int &argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    // The command is the first argument that is not a global option (--database takes a value).
    QString command;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--database")) {
            ++i;
            continue;
        }
        if (!args[i].startsWith(QLatin1Char('-'))) {
            command = args[i];
            break;
        }
    }
    const bool desktop = command == QLatin1String("desktop") || (command.isEmpty() && displayAvailable());
    if (desktop && displayAvailable() && !wantsHelp(args))
        return std::make_unique<QApplication>(argc, argv);
    // Reports paint PDFs (QtGui) but must run on a server: without a display, the offscreen platform.
    if (command == QLatin1String("report") && !wantsHelp(args)) {
        if (!displayAvailable())
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }
    // The API server writes report PDFs too (POST /api/crm/reports/generate). A server must not depend
    // on an X session that may end, so it always paints offscreen unless told otherwise.
    const bool serve = command == QLatin1String("serve") || (command.isEmpty() && !displayAvailable());
    if (serve && !wantsHelp(args)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

int DesktopCommand::run(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm desktop [--database <location>] [--no-api] [--user NAME --password-stdin] [--screenshots DIR]"),
        QStringLiteral("Starts the desktop workstation. The sign-in offers the local database file or a PostgreSQL\n"
                       "server (--database preselects one). Unless disabled in Settings or with --no-api, the API\n"
                       "for the mobile app is served while it runs (default 127.0.0.1:8080).\n"
                       "--user with --password-stdin signs in without asking (the password is read from standard\n"
                       "input, never taken from the command line); --screenshots writes a PNG of each view and quits."));
    parser.addOption({QStringLiteral("no-api"), QStringLiteral("Do not run the API server.")});
    parser.addOption({QStringLiteral("user"), QStringLiteral("Sign in as NAME (needs --password-stdin)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("password-stdin"), QStringLiteral("Read the password for --user from standard input.")});
    parser.addOption({QStringLiteral("screenshots"), QStringLiteral("Write PNGs of the views into DIR, then quit."), QStringLiteral("DIR")});
    if (auto stop = parser.parse(call, 0, 0))
        return *stop;
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        call.console.err(QStringLiteral("crm: the desktop needs a display (DISPLAY or WAYLAND_DISPLAY); "
                                        "use \"crm serve\" on a server"));
        return Exit::Failure;
    }
    DesktopOptions options;
    options.embeddedFile = DatabaseLocation::embeddedFile();
    // Only an explicit choice preselects a database; otherwise the sign-in offers the last one used.
    options.location = parser.isSet(QStringLiteral("database")) ? parser.value(QStringLiteral("database")) : call.database;
    if (options.location.isEmpty())
        options.location = qEnvironmentVariable("CRM_DATABASE");
    if (parser.isSet(QStringLiteral("user")) != parser.isSet(QStringLiteral("password-stdin"))) {
        call.console.err(QStringLiteral("crm: --user and --password-stdin go together"));
        return Exit::Usage;
    }
    if (parser.isSet(QStringLiteral("user"))) {
        auto password = call.console.readPassword(QStringLiteral("Password: "), false);
        if (!password) {
            call.console.err(QStringLiteral("crm: ") + password.error().message);
            return Exit::Failure;
        }
        options.autoUser = parser.value(QStringLiteral("user"));
        options.autoPassword = password.value();
    }
    options.screenshotDir = parser.value(QStringLiteral("screenshots"));

    std::unique_ptr<ApiServerControl> server;
    if (!parser.isSet(QStringLiteral("no-api")))
        server = std::make_unique<ApiServerControl>();
    Desktop desktop(options, server.get());
    const int code = desktop.run();
    return code == 0 ? Exit::Ok : Exit::Failure;
}

} // namespace crm
