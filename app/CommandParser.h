#pragma once

#include "app/Command.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

#include <optional>

namespace crm {

// Parses one command's arguments: its own options plus those every command accepts
// (--database, --help), and prints its help in one format for all commands.
class CommandParser
{
public:
    // usage: e.g. "crm user add NAME --role ROLE [options]"; description: what the command does.
    CommandParser(QString usage, QString description);

    void addOption(const QCommandLineOption &option);

    // Parses call.args expecting between minArgs and maxArgs positional arguments. Returns an exit
    // code when the command must stop here (help shown: Ok; bad command line: Usage, with the reason
    // on stderr) and nothing when it should go on.
    std::optional<int> parse(const Invocation &call, int minArgs, int maxArgs);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    // The store to open: this command's --database, else the global one, else the default.
    QString databaseLocation(const Invocation &call) const;
    // --lang for commands that write text for people; `what` names that text ("The report's").
    void addLanguageOption(const QString &what);
    // Its value: en or zh_CN ("zh" taken as zh_CN), by default the desktop's language setting;
    // nothing when the value is another.
    std::optional<QString> language() const;

    QString helpText() const;

    // --database and --help, which every command accepts.
    static QList<QCommandLineOption> commonOptions();
    // "Options:" and one aligned line per option, for help texts.
    static QString formatOptions(const QList<QCommandLineOption> &options);

private:
    QString m_usage;
    QString m_description;
    QList<QCommandLineOption> m_options;
    QCommandLineParser m_parser;
};

} // namespace crm
