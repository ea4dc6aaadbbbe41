#include "httpapi/ApiHost.h"

#include "core/storage/PgChangeListener.h"
#include "httpapi/ApiServer.h"
#include "httpapi/ConnectionGuard.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <memory>

namespace crm {

namespace {

// Everything that belongs to the server thread, torn down there.
class Worker : public QObject
{
public:
    Status start(const DatabaseOptions &databaseOptions, const ApiOptions &options, quint16 *port)
    {
        auto db = Database::open(databaseOptions);
        if (!db)
            return db.error();
        m_db = std::move(db).value();
        if (!m_db->isSqlite()) {
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
        if (!socket->listen(options.address, options.port))
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
    m_thread.setObjectName(QStringLiteral("crm-api"));
}

ApiHost::~ApiHost()
{
    stop();
}

Status ApiHost::start(const DatabaseOptions &database, const ApiOptions &options)
{
    stop();
    m_options = options;
    m_thread.start();
    auto *worker = new Worker;
    worker->moveToThread(&m_thread);
    Status result;
    quint16 port = 0;
    QMetaObject::invokeMethod(worker, [&] { result = worker->start(database, options, &port); }, Qt::BlockingQueuedConnection);
    if (!result) {
        QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        return result;
    }
    m_worker = worker;
    m_port = port;
    Q_EMIT stateChanged();
    return {};
}

void ApiHost::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_worker) {
        QObject *worker = m_worker;
        QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_worker = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
    m_port = 0;
    Q_EMIT stateChanged();
}

QString ApiHost::url() const
{
    const bool tls = !m_options.certificateFile.isEmpty();
    QString host = m_options.address.toString();
    if (m_options.address == QHostAddress::Any || m_options.address == QHostAddress::AnyIPv4)
        host = QStringLiteral("0.0.0.0");
    return (tls ? QStringLiteral("https://") : QStringLiteral("http://")) + host + QLatin1Char(':') + QString::number(m_port);
}

} // namespace crm
