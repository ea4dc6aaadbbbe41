#pragma once

#include <QObject>
#include <QString>

namespace crm {

class EmbeddedServer;

struct DesktopOptions
{
    QString embeddedFile; // the local database offered by the sign-in
    QString location; // preselected database (--database, CRM_DATABASE); empty: the last one used
    // Signs in without asking (the screenshot run); the password came from stdin, never argv.
    QString autoUser, autoPassword;
    QString screenshotDir; // when set: writes a PNG of each main view there, then quits
};

// The workstation's life: the language, the sign-in, the embedded API server and the main window;
// signing out goes back to the sign-in. Runs the event loop; returns the exit code.
class Desktop : public QObject
{
    Q_OBJECT
public:
    // server may be null (no API server in this process).
    Desktop(const DesktopOptions &options, EmbeddedServer *server, QObject *parent = nullptr);
    int run();

private:
    DesktopOptions m_options;
    EmbeddedServer *m_server;
};

} // namespace crm
