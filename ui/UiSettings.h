#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace crm {

// The desktop's preferences in the user's settings file (~/.config/crm/desktop.conf). Never a
// password: those go to the system keychain (CredentialStore).
class UiSettings
{
public:
    // Named explicitly rather than through the application's organisation name, which would also
    // move the embedded database (QStandardPaths::AppDataLocation includes it).
    UiSettings() : m_settings(QStringLiteral("crm"), QStringLiteral("desktop")) {}

    QString language() const; // "system" (default), "zh_CN", "en"
    void setLanguage(const QString &value);

    QString lastDatabase() const; // empty: the embedded file
    void setLastDatabase(const QString &location);
    QString lastUser() const;
    void setLastUser(const QString &username);
    bool rememberPassword() const;
    void setRememberPassword(bool on);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &g);
    QString lastView() const;
    void setLastView(const QString &id);
    QByteArray tableState(const QString &table) const; // header sizes, order, hidden columns
    void setTableState(const QString &table, const QByteArray &state);

    // The API server the desktop runs for the reps' phones.
    bool apiEnabled() const; // default on
    void setApiEnabled(bool on);
    QString apiAddress() const; // default 127.0.0.1
    void setApiAddress(const QString &address);
    int apiPort() const; // default 8080
    void setApiPort(int port);
    QString apiCertificate() const;
    QString apiKey() const;
    void setApiTls(const QString &certificateFile, const QString &keyFile);

private:
    mutable QSettings m_settings;
};

} // namespace crm
