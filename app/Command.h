#pragma once

#include <QString>
#include <QStringList>

namespace crm {

class Console;

// Exit codes of every command.
namespace Exit {
inline constexpr int Ok = 0;
inline constexpr int Failure = 1; // the command ran and failed: bad data, database unavailable
inline constexpr int Usage = 2;   // the command line itself is wrong
} // namespace Exit

// What a command is called with: its own arguments and what the global options said.
struct Invocation
{
    QStringList args; // after the command name
    QString database; // the global --database, empty when not given (a command's own --database wins)
    Console &console;
};

// One verb of the `crm` executable (`crm init`, `crm user ...`). A new verb is one class
// implementing this plus one line registering it in main.cpp.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    // One line for `crm --help`.
    virtual QString summary() const = 0;
    // Returns the process exit code (see Exit).
    virtual int run(const Invocation &call) = 0;
};

} // namespace crm
