// The `crm` executable. Each command is a Command registered here.
#include "app/BackupCommand.h"
#include "app/CommandLine.h"
#include "app/DemoCommand.h"
#include "app/DesktopCommand.h"
#include "app/ExportCommand.h"
#include "app/ImportCommand.h"
#include "app/InitCommand.h"
#include "app/ReportCommand.h"
#include "app/RestoreCommand.h"
#include "app/ServeCommand.h"
#include "app/UserCommand.h"
#include "core/storage/SqliteLibrary.h"

#include <QCoreApplication>


int main(int argc, char *argv[])
{
    // Before any QStandardPaths lookup: the data folder is named after the application.
    QCoreApplication::setApplicationName(QStringLiteral("crm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRM_VERSION));
    // Before anything can open a database (SQLite takes its process-wide settings only then).
    crm::SqliteLibrary::configure();
    // Asked before the application exists: creating it may select the offscreen platform.
    const bool display = crm::DesktopCommand::displayAvailable();
    // A QApplication only when the desktop will run: headless commands must work without a display.
    const std::unique_ptr<QCoreApplication> app = crm::DesktopCommand::createApplication(argc, argv);

    crm::CommandLine commandLine;
    commandLine.add(std::make_unique<crm::InitCommand>());
    commandLine.add(std::make_unique<crm::UserCommand>());
    commandLine.add(std::make_unique<crm::DemoCommand>());
    commandLine.add(std::make_unique<crm::ServeCommand>());
    commandLine.add(std::make_unique<crm::ImportCommand>());
    commandLine.add(std::make_unique<crm::ExportCommand>());
    commandLine.add(std::make_unique<crm::ReportCommand>());
    commandLine.add(std::make_unique<crm::BackupCommand>());
    commandLine.add(std::make_unique<crm::RestoreCommand>());
    commandLine.add(std::make_unique<crm::DesktopCommand>());
    // Without a command the product starts: the desktop when there is a display, else the API server.
    if (display)
        commandLine.setDefaultCommand(QStringLiteral("desktop"), QString());
    else
        commandLine.setDefaultCommand(QStringLiteral("serve"), QStringLiteral("No display: starting the headless API server (crm serve)."));
    return commandLine.run(QCoreApplication::arguments());
}
