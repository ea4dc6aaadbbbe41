#include "app/Console.h"

#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace crm {

namespace {

void writeLine(FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Turns terminal echo off for its lifetime, so a typed password is never shown.
class EchoOff
{
public:
    EchoOff()
    {
        m_saved = tcgetattr(STDIN_FILENO, &m_old) == 0;
        if (m_saved) {
            termios quiet = m_old;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
    }
    ~EchoOff()
    {
        if (m_saved)
            tcsetattr(STDIN_FILENO, TCSANOW, &m_old);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_old{};
    bool m_saved = false;
};

} // namespace

void Console::out(const QString &line)
{
    writeLine(stdout, line);
}

void Console::err(const QString &line)
{
    writeLine(stderr, line);
}

bool Console::stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

QString Console::readLine(bool hidden)
{
    std::string line;
    if (hidden) {
        EchoOff echoOff;
        std::getline(std::cin, line);
    } else {
        std::getline(std::cin, line);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromLocal8Bit(line.data(), qsizetype(line.size()));
}

Result<QString> Console::readPassword(const QString &prompt, bool confirm)
{
    if (!stdinIsTerminal())
        return readLine(false);
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    const QString first = readLine(true);
    std::fputs("\n", stderr); // the Enter key was not echoed either
    if (!confirm)
        return first;
    std::fputs("Repeat the password: ", stderr);
    std::fflush(stderr);
    const QString second = readLine(true);
    std::fputs("\n", stderr);
    if (first != second)
        return Error::validation(QStringLiteral("mismatch"), QStringLiteral("password"),
                                 QStringLiteral("The two passwords do not match"));
    return first;
}

} // namespace crm
