#pragma once

#include "core/Result.h"

#include <QString>

namespace crm {

// The process's standard streams as commands use them: results on stdout, messages on stderr,
// and passwords from stdin, never from the command line (where `ps` and shell history would see them).
class Console
{
public:
    // One line each; flushed at once so stdout and stderr interleave in the order written.
    void out(const QString &line);
    void err(const QString &line);

    // Reads a password. On a terminal it prompts on stderr with echo off and, when `confirm`,
    // asks a second time; otherwise it reads one line (without its line break) from stdin.
    Result<QString> readPassword(const QString &prompt, bool confirm);

private:
    static bool stdinIsTerminal();
    static QString readLine(bool hidden);
};

} // namespace crm
