#include "app/CommandParser.h"

#include "app/Console.h"
#include "app/DatabaseLocation.h"
#include "ui/LanguageLoader.h"
#include "ui/UiSettings.h"

namespace crm {

namespace {
const QString kDatabase = QStringLiteral("database");
const QString kLang = QStringLiteral("lang");
const QString kHelp = QStringLiteral("help");

QString optionSyntax(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &n : option.names())
        names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
    QString s = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        s += QStringLiteral(" <") + option.valueName() + QLatin1Char('>');
    return s;
}
} // namespace

QList<QCommandLineOption> CommandParser::commonOptions()
{
    return {QCommandLineOption(kDatabase,
                               QStringLiteral("SQLite file or postgresql://user@host:port/name URL\n"
                                              "(default: $CRM_DATABASE, else %1)")
                                   .arg(DatabaseLocation::embeddedFile()),
                               QStringLiteral("location")),
            QCommandLineOption({QStringLiteral("h"), kHelp}, QStringLiteral("Show this help"))};
}

QString CommandParser::formatOptions(const QList<QCommandLineOption> &options)
{
    qsizetype width = 0;
    for (const QCommandLineOption &o : options)
        width = std::max(width, optionSyntax(o).size());
    const QString indent(width + 4, QLatin1Char(' '));
    QString text = QStringLiteral("Options:");
    for (const QCommandLineOption &o : options)
        text += QStringLiteral("\n  ") + optionSyntax(o).leftJustified(width + 2) +
                o.description().replace(QLatin1Char('\n'), QLatin1Char('\n') + indent);
    return text;
}

CommandParser::CommandParser(QString usage, QString description)
    : m_usage(std::move(usage)), m_description(std::move(description))
{
    m_parser.addOptions(commonOptions());
}

void CommandParser::addOption(const QCommandLineOption &option)
{
    m_options.append(option);
    m_parser.addOption(option);
}

std::optional<int> CommandParser::parse(const Invocation &call, int minArgs, int maxArgs)
{
    // QCommandLineParser takes the program name first.
    if (!m_parser.parse(QStringList{QStringLiteral("crm")} + call.args)) {
        call.console.err(QStringLiteral("crm: ") + m_parser.errorText());
        call.console.err(QStringLiteral("Usage: ") + m_usage + QStringLiteral("  (see --help)"));
        return Exit::Usage;
    }
    if (m_parser.isSet(kHelp)) {
        call.console.out(helpText());
        return Exit::Ok;
    }
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < minArgs || count > maxArgs) {
        call.console.err(
            count < minArgs
                ? QStringLiteral("crm: missing arguments")
                : QStringLiteral("crm: unexpected argument \"%1\"").arg(m_parser.positionalArguments().at(maxArgs)));
        call.console.err(QStringLiteral("Usage: ") + m_usage + QStringLiteral("  (see --help)"));
        return Exit::Usage;
    }
    return std::nullopt;
}

QString CommandParser::databaseLocation(const Invocation &call) const
{
    return DatabaseLocation::resolve(m_parser.isSet(kDatabase) ? m_parser.value(kDatabase) : call.database);
}

void CommandParser::addLanguageOption(const QString &what)
{
    addOption({kLang, what + QStringLiteral(" language: en or zh_CN (default: the desktop's setting)"), QStringLiteral("lang")});
}

std::optional<QString> CommandParser::language() const
{
    QString lang = m_parser.isSet(kLang) ? m_parser.value(kLang) : LanguageLoader::resolve(UiSettings().language());
    if (lang == QLatin1String("zh"))
        lang = QStringLiteral("zh_CN");
    if (lang != QLatin1String("en") && lang != QLatin1String("zh_CN"))
        return std::nullopt;
    return lang;
}

QString CommandParser::helpText() const
{
    return QStringLiteral("Usage: ") + m_usage + QStringLiteral("\n\n") + m_description + QStringLiteral("\n\n") +
           formatOptions(m_options + commonOptions());
}

} // namespace crm
