#include "app/ServeCommand.h"

#include "app/AppDatabase.h"
#include "app/CommandParser.h"
#include "app/Console.h"
#include "app/DatabaseLocation.h"
#include "app/WebAppLocation.h"
#include "core/ChangeFeed.h"
#include "httpapi/ApiHost.h"
#include "ui/LanguageLoader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QThread>
#include <QUrl>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace crm {

namespace {

// SIGINT/SIGTERM -> a clean shutdown on the event loop (open requests finish, connections close).
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    (void)::write(g_signalPipe[1], &c, 1);
}

bool parseListen(const QString &text, ApiOptions &options)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    if (!ok || port < 0 || port > 65535 || address.isNull())
        return false;
    options.address = address;
    options.port = quint16(port);
    return true;
}

} // namespace

int ServeCommand::run(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm serve [--listen ADDRESS:PORT] [--tls-cert FILE --tls-key FILE] [--web-app DIR] [--lang en|zh_CN] "
                       "[--database <location>]"),
        QStringLiteral("Serves the HTTP API (see /api/openapi.json) until stopped with SIGINT or SIGTERM.\n"
                       "Without TLS it listens on 127.0.0.1:8080; for the internet put nginx with TLS in front\n"
                       "(deploy/nginx/crm.conf). Several processes may serve one PostgreSQL database."));
    const QString defaultListen = qEnvironmentVariableIsEmpty("CRM_LISTEN") ? QStringLiteral("127.0.0.1:8080")
                                                                           : qEnvironmentVariable("CRM_LISTEN");
    parser.addOption({QStringLiteral("listen"), QStringLiteral("Address and port (default CRM_LISTEN, else 127.0.0.1:8080)."),
                      QStringLiteral("ADDRESS:PORT"), defaultListen});
    parser.addOption({QStringLiteral("tls-cert"), QStringLiteral("PEM certificate chain: serve HTTPS."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tls-key"), QStringLiteral("PEM private key of the certificate."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("max-connections"), QStringLiteral("Concurrent connections (default 512)."), QStringLiteral("N"),
                      QStringLiteral("512")});
    parser.addOption({QStringLiteral("requests-per-minute"), QStringLiteral("Per token and process (default 600)."), QStringLiteral("N"),
                      QStringLiteral("600")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Server threads (default: one per core)."), QStringLiteral("N"),
                      QString::number(QThread::idealThreadCount())});
    parser.addOption({QStringLiteral("behind-proxy"),
                      QStringLiteral("Trust X-Real-IP from a loopback peer (nginx on this machine).")});
    // Exports wait behind download links as files: several processes behind one address need a shared folder.
    parser.addOption({QStringLiteral("export-dir"),
                      QStringLiteral("Folder for export files behind download links (default: exports in the data folder)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("public-url"),
                      QStringLiteral("The address clients reach the API at (https://crm.example.com): download links become absolute."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("web-app"),
                      QStringLiteral("The reps' built H5 app, served at /m/ (default CRM_WEB_APP, else share/crm/m beside crm's bin "
                                     "folder, else miniprogram/dist/h5 in the source tree)."),
                      QStringLiteral("DIR")});
    // Report PDFs and workbooks are written in one language per process (Qt's translators are global).
    parser.addLanguageOption(QStringLiteral("Generated reports'"));
    if (auto stop = parser.parse(call, 0, 0))
        return *stop;
    const std::optional<QString> chosen = parser.language();
    if (!chosen) {
        call.console.err(QStringLiteral("crm: --lang must be en or zh_CN"));
        return Exit::Usage;
    }
    const QString lang = *chosen;
    ApiOptions options;
    options.behindProxy = parser.isSet(QStringLiteral("behind-proxy"));
    options.exportDirectory = parser.value(QStringLiteral("export-dir"));
    options.publicUrl = parser.value(QStringLiteral("public-url"));
    options.webAppDirectory = parser.isSet(QStringLiteral("web-app")) ? parser.value(QStringLiteral("web-app"))
                                                                      : WebAppLocation::defaultDirectory();
    if (parser.isSet(QStringLiteral("web-app")) && !QFileInfo(options.webAppDirectory).isDir()) {
        call.console.err(QStringLiteral("crm: --web-app: no such folder: %1").arg(options.webAppDirectory));
        return Exit::Usage;
    }
    if (!options.webAppDirectory.isEmpty())
        options.webAppDirectory = QFileInfo(options.webAppDirectory).absoluteFilePath();
    if (!options.publicUrl.isEmpty()) {
        const QUrl url(options.publicUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.host().isEmpty()) {
            call.console.err(QStringLiteral("crm: --public-url must be an http(s) address, e.g. https://crm.example.com"));
            return Exit::Usage;
        }
    }
    if (!parseListen(parser.value(QStringLiteral("listen")), options)) {
        call.console.err(QStringLiteral("crm: --listen must be ADDRESS:PORT, e.g. 0.0.0.0:8080"));
        return Exit::Usage;
    }
    options.certificateFile = parser.value(QStringLiteral("tls-cert"));
    options.keyFile = parser.value(QStringLiteral("tls-key"));
    if (options.certificateFile.isEmpty() != options.keyFile.isEmpty()) {
        call.console.err(QStringLiteral("crm: --tls-cert and --tls-key go together"));
        return Exit::Usage;
    }
    bool ok1 = false, ok2 = false, ok3 = false;
    options.threads = parser.value(QStringLiteral("threads")).toInt(&ok3);
    if (!ok3 || options.threads < 1 || options.threads > 64) {
        call.console.err(QStringLiteral("crm: --threads must be between 1 and 64"));
        return Exit::Usage;
    }
    options.limits.maxConnections = parser.value(QStringLiteral("max-connections")).toInt(&ok1);
    options.requestsPerMinute = parser.value(QStringLiteral("requests-per-minute")).toInt(&ok2);
    if (!ok1 || !ok2 || options.limits.maxConnections < 1 || options.requestsPerMinute < 1) {
        call.console.err(QStringLiteral("crm: --max-connections and --requests-per-minute must be positive numbers"));
        return Exit::Usage;
    }

    const QString location = parser.databaseLocation(call);
    // Migrate and create the first administrator here, before serving.
    if (!AppDatabase::openForCommand(location, call.console))
        return Exit::Failure;

    LanguageLoader language;
    if (lang != QLatin1String("en") && !language.install(lang))
        call.console.err(QStringLiteral("crm: no %1 catalogue; reports are written in English").arg(lang));

    ChangeFeed feed;
    DatabaseOptions database;
    database.location = location;
    database.durable = true; // an acknowledged API write survives power loss
    database.feed = &feed;
    ApiHost host;
    if (Status st = host.start(database, options); !st) {
        call.console.err(QStringLiteral("crm: ") + st.error().message);
        return Exit::Failure;
    }
    // On every interface (0.0.0.0) the listening address is no address a phone can open: the web
    // app's line gives this machine's network address instead.
    const QString reachable = host.reachableUrl();
    if (reachable == host.url())
        call.console.out(QStringLiteral("Serving the API at %1 (database: %2)").arg(host.url(), DatabaseLocation::display(location)));
    else
        call.console.out(QStringLiteral("Serving the API at %1, reachable at %2 (database: %3)")
                             .arg(host.url(), reachable, DatabaseLocation::display(location)));
    if (WebAppLocation::isBuilt(options.webAppDirectory))
        call.console.out(QStringLiteral("Serving the reps' web app at %1/m/ (from %2)").arg(reachable, options.webAppDirectory));
    else
        call.console.err(QStringLiteral("The reps' web app is not built (scripts/build-miniprogram); /m/ answers 404."));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, qApp);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    const int code = QCoreApplication::exec();
    host.stop();
    call.console.out(QStringLiteral("Stopped."));
    return code == 0 ? Exit::Ok : Exit::Failure;
}

} // namespace crm
