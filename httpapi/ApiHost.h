#pragma once

#include "core/storage/Database.h"
#include "httpapi/ApiOptions.h"

#include <QObject>
#include <QThread>
#include <QVector>

#include <memory>
#include <vector>

namespace crm {

class ApiServer;

// Runs the API server on its own thread(s), each with its own database connection, for the desktop
// (which must never serve on its GUI thread) and for `crm serve`. The server's objects are created,
// used and destroyed on their thread.
class ApiHost : public QObject
{
    Q_OBJECT
public:
    explicit ApiHost(QObject *parent = nullptr);
    ~ApiHost() override;

    // Opens `database` on the server thread and listens. Blocks until it listens or fails.
    Status start(const DatabaseOptions &database, const ApiOptions &options);
    void stop();

    bool isRunning() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QString url() const; // the address it listens on ("http://0.0.0.0:8080" on every interface)
    // An address another device can open: on every interface, this machine's first IPv4 address
    // that is up and not loopback (a phone on the same network); otherwise url().
    QString reachableUrl() const;

Q_SIGNALS:
    void stateChanged();

private:
    std::vector<std::unique_ptr<QThread>> m_threads;
    QVector<QObject *> m_workers; // each lives on its thread
    quint16 m_port = 0;
    ApiOptions m_options;
};

} // namespace crm
