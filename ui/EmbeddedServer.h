#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

namespace crm {

class ChangeFeed;

// The API server the desktop runs for the reps' phones, as the desktop sees it. The application
// implements it over httpapi (ui/ does not depend on httpapi); the Settings view drives it.
class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    struct Config
    {
        QString address = QStringLiteral("127.0.0.1");
        int port = 8080;
        QString certificateFile, keyFile; // both set: HTTPS
    };

    // Starts (or restarts) serving `databaseLocation`, publishing its writes to `feed` so that the
    // desktop's views see the reps' changes at once.
    virtual Status start(const QString &databaseLocation, ChangeFeed *feed, const Config &config) = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    virtual QString url() const = 0;
    // Where the reps open their H5 app (url() + "/m/"); empty while stopped or when the app is not built.
    virtual QString webAppUrl() const = 0;

Q_SIGNALS:
    void stateChanged();
};

} // namespace crm
