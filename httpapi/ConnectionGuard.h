#pragma once

#include <QSslServer>
#include <QTcpServer>
#include <QTimer>

namespace crm {

// What QHttpServer 6.4 does not limit itself: concurrent connections, idle connections, and how
// much a client may send before it gets an answer (the server buffers a whole body in memory).
struct ConnectionLimits
{
    int maxConnections = 512;
    int idleTimeoutMs = 30'000;
    qint64 maxUnansweredBytes = 1024 * 1024 + 64 * 1024; // body limit plus headers
};

// Watches one socket: closes it when idle, and answers 413 and closes it when a client streams more
// than the limit without waiting for an answer (the Content-Length check in the server answers the
// ordinary case; this stops a client from filling memory first).
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    static void attach(QTcpSocket *socket, const ConnectionLimits &limits);

private:
    ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits);
    void onReadyRead();

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    qint64 m_unanswered = 0;
    QTimer *m_idle;
};

// A plain listening socket with the limits applied.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(const ConnectionLimits &limits, QObject *parent = nullptr);
    int activeConnections() const { return m_active; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    ConnectionLimits m_limits;
    int m_active = 0;
};

// The same over TLS.
class GuardedSslServer : public QSslServer
{
    Q_OBJECT
public:
    explicit GuardedSslServer(const ConnectionLimits &limits, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    ConnectionLimits m_limits;
    int m_active = 0;
};

} // namespace crm
