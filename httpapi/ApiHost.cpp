#include "httpapi/ApiHost.h"

#include "core/storage/PgChangeListener.h"
#include "httpapi/ApiServer.h"
#include "httpapi/ConnectionGuard.h"

#include <QFile>
#include <QNetworkInterface>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrl>

#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace crm {

namespace {

// A listening socket that other threads may also bind to the same port (SO_REUSEPORT), handed to
// the QTcpServer: the kernel then spreads new connections over the threads.
bool listenShared(QTcpServer *server, const QHostAddress &address, quint16 port)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        memcpy(&a->sin6_addr, &ip, sizeof ip);
        length = sizeof *a;
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *a;
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 || ::listen(fd, 512) != 0
        || !server->setSocketDescriptor(fd)) {
        ::close(fd);
        return false;
    }
    return true;
}

// Everything that belongs to the server thread, torn down there.
class Worker : public QObject
{
public:
    // `listenForChanges`: one thread per process brings other processes' changes into the feed.
    Status start(const DatabaseOptions &databaseOptions, const ApiOptions &options, bool listenForChanges, quint16 *port)
    {
        auto db = Database::open(databaseOptions);
        if (!db)
            return db.error();
        m_db = std::move(db).value();
        if (!m_db->isSqlite() && listenForChanges) {
            // Other processes' writes reach this process's feed (the desktop's views refresh).
            m_listener = std::make_unique<PgChangeListener>(*m_db, databaseOptions.feed);
            if (Status st = m_listener->start(); !st)
                return st;
        }
        m_server = std::make_unique<ApiServer>(*m_db, options);
        QTcpServer *socket = nullptr;
        if (!options.certificateFile.isEmpty() || !options.keyFile.isEmpty()) {
            auto tls = configureTls(options);
            if (!tls)
                return tls.error();
            auto *ssl = new GuardedSslServer(options.limits, m_server.get());
            ssl->setSslConfiguration(*tls);
            socket = ssl;
        } else {
            socket = new GuardedTcpServer(options.limits, m_server.get());
        }
        const bool listening = options.threads > 1 ? listenShared(socket, options.address, options.port)
                                                   : socket->listen(options.address, options.port);
        if (!listening)
            return Error{QStringLiteral("api.listen"),
                         QStringLiteral("Cannot listen on %1:%2: %3").arg(options.address.toString()).arg(options.port).arg(socket->errorString()),
                         {}};
        m_server->bind(socket);
        *port = socket->serverPort();
        return {};
    }

private:
    static Result<QSslConfiguration> configureTls(const ApiOptions &options)
    {
        QFile certFile(options.certificateFile), keyFile(options.keyFile);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("api.tls"), QStringLiteral("Cannot read the TLS certificate or key file"), {}};
        const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&certFile, QSsl::Pem);
        QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) {
            keyFile.seek(0);
            key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
        }
        if (chain.isEmpty() || key.isNull())
            return Error{QStringLiteral("api.tls"), QStringLiteral("The TLS certificate or key is not valid PEM"), {}};
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(chain);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        return config;
    }

    std::unique_ptr<Database> m_db;
    std::unique_ptr<PgChangeListener> m_listener;
    std::unique_ptr<ApiServer> m_server; // destroyed before m_db
};

} // namespace

ApiHost::ApiHost(QObject *parent) : QObject(parent)
{
}

ApiHost::~ApiHost()
{
    stop();
}

Status ApiHost::start(const DatabaseOptions &database, const ApiOptions &options)
{
    stop();
    m_options = options;
    ApiOptions threadOptions = options;
    threadOptions.threads = qMax(1, options.threads);
    for (int i = 0; i < threadOptions.threads; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("crm-api-%1").arg(i));
        thread->start();
        auto *worker = new Worker;
        worker->moveToThread(thread.get());
        m_threads.push_back(std::move(thread));
        m_workers.append(worker);
        Status result;
        quint16 port = 0;
        QMetaObject::invokeMethod(worker, [&] { result = worker->start(database, threadOptions, i == 0, &port); }, Qt::BlockingQueuedConnection);
        if (!result) {
            stop();
            return result;
        }
        // With port 0 the first thread picks the port; the others join it.
        threadOptions.port = port;
        m_port = port;
    }
    Q_EMIT stateChanged();
    return {};
}

void ApiHost::stop()
{
    for (int i = 0; i < m_workers.size(); ++i) {
        QObject *worker = m_workers[i];
        QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
    }
    const bool wasRunning = !m_workers.isEmpty();
    m_workers.clear();
    m_threads.clear();
    m_port = 0;
    if (wasRunning)
        Q_EMIT stateChanged();
}

QString ApiHost::url() const
{
    // QUrl brackets an IPv6 host ("http://[::1]:8080"); pasted together, "::1:8080" would not parse.
    QUrl url;
    url.setScheme(m_options.certificateFile.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"));
    const bool any = m_options.address == QHostAddress::Any || m_options.address == QHostAddress::AnyIPv4;
    url.setHost(any ? QStringLiteral("0.0.0.0") : m_options.address.toString());
    url.setPort(m_port);
    return url.toString();
}

QString ApiHost::reachableUrl() const
{
    if (m_options.address != QHostAddress::Any && m_options.address != QHostAddress::AnyIPv4)
        return url();
    for (const QNetworkInterface &nic : QNetworkInterface::allInterfaces()) {
        const auto flags = nic.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : nic.addressEntries()) {
            if (entry.ip().protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QUrl u(url());
            u.setHost(entry.ip().toString());
            return u.toString();
        }
    }
    return url();
}

} // namespace crm
