// The `crm` executable. Each command is a Command registered here.
#include "app/CommandLine.h"
#include "app/DemoCommand.h"
#include "app/InitCommand.h"
#include "app/ServeCommand.h"
#include "app/UserCommand.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // Before any QStandardPaths lookup: the data folder is named after the application.
    QCoreApplication::setApplicationName(QStringLiteral("crm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRM_VERSION));
    QCoreApplication app(argc, argv);

    crm::CommandLine commandLine;
    commandLine.add(std::make_unique<crm::InitCommand>());
    commandLine.add(std::make_unique<crm::UserCommand>());
    commandLine.add(std::make_unique<crm::DemoCommand>());
    commandLine.add(std::make_unique<crm::ServeCommand>());
    // Without a command the product starts. The desktop workstation (ui/) is not part of the build
    // yet, so both cases serve the API for now, and say so.
    const bool display = !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    commandLine.setDefaultCommand(QStringLiteral("serve"),
                                  display ? QStringLiteral("The desktop workstation is not in this build yet: starting the API server (crm serve).")
                                          : QStringLiteral("No display: starting the headless API server (crm serve)."));
    return commandLine.run(QCoreApplication::arguments());
}
