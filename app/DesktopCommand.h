#pragma once

#include "app/Command.h"

#include <QCoreApplication>

#include <memory>

namespace crm {

// `crm desktop`: the manager's workstation (ui/), with the embedded API server (httpapi/) that the
// reps' phones use, started here because only app/ knows both. The default command when there is
// a display.
class DesktopCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("desktop"); }
    QString summary() const override { return QStringLiteral("Start the desktop workstation (the default with a display)"); }
    int run(const Invocation &call) override;

    // Whether this process can show windows: DISPLAY or WAYLAND_DISPLAY set, or QT_QPA_PLATFORM given.
    static bool displayAvailable();
    // The application object for this command line: a QApplication when it runs the desktop (named,
    // or by default with a display), else a QCoreApplication, so headless commands never need a display.
    static std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv);
};

} // namespace crm
