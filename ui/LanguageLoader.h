#pragma once

#include <QLocale>
#include <QObject>
#include <QString>

class QTranslator;

namespace crm {

// Installs the desktop's translations: the language chosen in the settings ("zh_CN", "en"), or the
// system's when the setting is "system" or unset. Chinese for any Chinese locale, English otherwise.
// Qt's own strings (standard buttons, dialogs) are translated too when Qt's catalogue is installed.
class LanguageLoader : public QObject
{
    Q_OBJECT
public:
    explicit LanguageLoader(QObject *parent = nullptr);
    ~LanguageLoader() override;

    // The language actually used for a setting value and a system locale: "zh_CN" or "en".
    static QString resolve(const QString &setting, const QLocale &system = QLocale::system());
    // Replaces the installed translators; returns false when the catalogue cannot be loaded.
    bool install(const QString &language);
    // install(resolve(<setting ui/language>))
    bool installFromSettings();
    QString language() const { return m_language; }
    // English is the source language: services' own (English) messages can be shown as they are.
    static bool isEnglish();

private:
    void removeAll();
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
    QString m_language;
};

} // namespace crm
