#include "httpapi/ConnectionGuard.h"

#include <QSslSocket>
#include <QTimer>

#include <unistd.h>

namespace crm {

void ConnectionGuard::attach(QTcpSocket *socket, const ConnectionLimits &limits)
{
    new ConnectionGuard(socket, limits); // owned by the socket
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits), m_idle(new QTimer(this))
{
    m_idle->setSingleShot(true);
    m_idle->setInterval(limits.idleTimeoutMs);
    connect(m_idle, &QTimer::timeout, socket, &QTcpSocket::abort);
    // Connected before the HTTP server's own handler, so this runs first for every read.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        m_unanswered = 0;
        m_idle->start();
    });
    m_idle->start();
}

void ConnectionGuard::onReadyRead()
{
    m_idle->start();
    m_unanswered += m_socket->bytesAvailable();
    if (m_unanswered <= m_limits.maxUnansweredBytes)
        return;
    static const QByteArray body = QByteArrayLiteral(
        "{\"error\":{\"code\":\"payload_too_large\",\"message\":\"The request is larger than this server accepts\"}}");
    m_socket->readAll(); // drop it: the HTTP parser must not buffer it
    m_socket->write(QByteArrayLiteral("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json; charset=utf-8\r\n"
                                      "Connection: close\r\nContent-Length: ")
                    + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body);
    m_socket->disconnectFromHost();
}

// QHttpServer 6.4 hands an answer to the socket in several writes (status line and headers, then the
// body), and each becomes a write() of its own. With Nagle's algorithm the answer's last partial
// segment then waits for the client's delayed ACK of the earlier ones: measured on the pipeline
// board (46 KB) with 32 connections, both server threads idled two thirds of the time and p99 was
// 80 ms. Every answer is complete when written, so there is nothing to coalesce: send at once.
namespace {
void noDelay(QAbstractSocket *socket)
{
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}
} // namespace

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits &limits, QObject *parent) : QTcpServer(parent), m_limits(limits)
{
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    if (m_active >= m_limits.maxConnections) {
        ::close(int(handle)); // over the cap: refuse rather than queue without bound
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    noDelay(socket);
    ++m_active;
    connect(socket, &QObject::destroyed, this, [this] { --m_active; });
    ConnectionGuard::attach(socket, m_limits);
    addPendingConnection(socket);
}

GuardedSslServer::GuardedSslServer(const ConnectionLimits &limits, QObject *parent) : QSslServer(parent), m_limits(limits)
{
    connect(this, &QSslServer::startedEncryptionHandshake, this, [this](QSslSocket *socket) {
        noDelay(socket);
        ++m_active;
        connect(socket, &QObject::destroyed, this, [this] { --m_active; });
        ConnectionGuard::attach(socket, m_limits);
    });
}

void GuardedSslServer::incomingConnection(qintptr handle)
{
    if (m_active >= m_limits.maxConnections) {
        ::close(int(handle));
        return;
    }
    QSslServer::incomingConnection(handle);
}

} // namespace crm
