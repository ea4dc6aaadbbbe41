#pragma once

#include "app/Command.h"
#include "app/Console.h"

#include <memory>
#include <vector>

namespace crm {

// `crm [--database <location>] [--help] [--version] <command> [arguments]`: reads the global options
// and hands the rest to the named command.
class CommandLine
{
public:
    void add(std::unique_ptr<Command> command);
    // What `crm` without a command runs, after printing `notice` on stderr.
    void setDefaultCommand(const QString &name, const QString &notice);
    // arguments: as QCoreApplication::arguments(), the program first. Returns the exit code.
    int run(const QStringList &arguments);

private:
    Command *find(const QString &name) const;
    QString helpText() const;

    Console m_console;
    QString m_defaultCommand, m_defaultNotice;
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace crm
