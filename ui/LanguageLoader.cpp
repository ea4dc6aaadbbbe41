#include "ui/LanguageLoader.h"

#include "core/ErrorText.h"
#include "ui/UiSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace crm {

LanguageLoader::LanguageLoader(QObject *parent) : QObject(parent) {}

LanguageLoader::~LanguageLoader()
{
    removeAll();
}

QString LanguageLoader::resolve(const QString &setting, const QLocale &system)
{
    if (setting == QLatin1String("zh_CN") || setting == QLatin1String("en"))
        return setting;
    return system.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool LanguageLoader::isEnglish()
{
    return ErrorText::isEnglish(); // one record of the installed language, kept where core can read it
}

void LanguageLoader::removeAll()
{
    for (QTranslator **t : {&m_app, &m_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}

bool LanguageLoader::install(const QString &language)
{
    removeAll();
    m_language = language;
    ErrorText::setEnglish(language == QLatin1String("en"));
    // The catalogues are compiled into the program (qt_add_translations, resource prefix /i18n).
    m_app = new QTranslator;
    const bool ok = m_app->load(QStringLiteral(":/i18n/crm_") + language + QStringLiteral(".qm"));
    if (ok)
        QCoreApplication::installTranslator(m_app);
    m_qt = new QTranslator;
    if (m_qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
    QLocale::setDefault(QLocale(language == QLatin1String("zh_CN") ? QLocale::Chinese : QLocale::English,
                                language == QLatin1String("zh_CN") ? QLocale::China : QLocale::UnitedStates));
    return ok;
}

bool LanguageLoader::installFromSettings()
{
    return install(resolve(UiSettings().language()));
}

} // namespace crm
