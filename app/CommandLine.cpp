#include "app/CommandLine.h"

#include "app/CommandParser.h"

#include <QCoreApplication>

namespace crm {

void CommandLine::add(std::unique_ptr<Command> command)
{
    m_commands.push_back(std::move(command));
}

Command *CommandLine::find(const QString &name) const
{
    for (const auto &c : m_commands)
        if (c->name() == name)
            return c.get();
    return nullptr;
}

QString CommandLine::helpText() const
{
    QString text = QStringLiteral("Usage: crm [--database <location>] <command> [arguments]\n\nCommands:\n");
    qsizetype width = 4; // "help"
    for (const auto &c : m_commands)
        width = std::max(width, c->name().size());
    for (const auto &c : m_commands)
        text += QStringLiteral("  ") + c->name().leftJustified(width + 2) + c->summary() + QLatin1Char('\n');
    text += QStringLiteral("  ") + QStringLiteral("help").leftJustified(width + 2) +
            QStringLiteral("Show the help of a command\n");
    text += QLatin1Char('\n') +
            CommandParser::formatOptions(CommandParser::commonOptions()
                                         << QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")},
                                                               QStringLiteral("Show the version"))) +
            QStringLiteral("\n\nRun \"crm <command> --help\" for a command's arguments.");
    return text;
}

void CommandLine::setDefaultCommand(const QString &name, const QString &notice)
{
    m_defaultCommand = name;
    m_defaultNotice = notice;
}

int CommandLine::run(const QStringList &arguments)
{
    QString database;
    qsizetype i = 1;
    for (; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (!arg.startsWith(QLatin1Char('-')))
            break;
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            m_console.out(helpText());
            return Exit::Ok;
        }
        if (arg == QLatin1String("-v") || arg == QLatin1String("--version")) {
            m_console.out(QStringLiteral("crm ") + QCoreApplication::applicationVersion());
            return Exit::Ok;
        }
        if (arg == QLatin1String("--database")) {
            if (++i == arguments.size()) {
                m_console.err(QStringLiteral("crm: --database needs a value"));
                return Exit::Usage;
            }
            database = arguments.at(i);
        } else if (arg.startsWith(QLatin1String("--database="))) {
            database = arg.mid(qsizetype(sizeof("--database=") - 1));
        } else {
            m_console.err(QStringLiteral("crm: unknown option \"%1\"\n").arg(arg) + helpText());
            return Exit::Usage;
        }
    }
    if (i == arguments.size()) {
        Command *fallback = m_defaultCommand.isEmpty() ? nullptr : find(m_defaultCommand);
        if (!fallback) {
            m_console.err(helpText());
            return Exit::Usage;
        }
        if (!m_defaultNotice.isEmpty())
            m_console.err(m_defaultNotice);
        return fallback->run(Invocation{{}, database, m_console});
    }
    QString name = arguments.at(i);
    QStringList rest = arguments.mid(i + 1);
    if (name == QLatin1String("help")) {
        // "crm help user add" is "crm user add --help".
        QStringList words;
        for (qsizetype k = 0; k < rest.size(); ++k) {
            if (rest.at(k) == QLatin1String("--database"))
                ++k; // and its value
            else if (!rest.at(k).startsWith(QLatin1Char('-')))
                words << rest.at(k);
        }
        rest = words;
        if (rest.isEmpty()) {
            m_console.out(helpText());
            return Exit::Ok;
        }
        name = rest.takeFirst();
        rest << QStringLiteral("--help");
    }
    Command *command = find(name);
    if (!command) {
        m_console.err(QStringLiteral("crm: unknown command \"%1\"\n").arg(name) + helpText());
        return Exit::Usage;
    }
    return command->run(Invocation{rest, database, m_console});
}

} // namespace crm
