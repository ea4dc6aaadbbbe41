#include "ui/UiSettings.h"

namespace crm {

namespace {
QString k(const char *key)
{
    return QString::fromLatin1(key);
}
} // namespace

QString UiSettings::language() const { return m_settings.value(k("ui/language"), k("system")).toString(); }
void UiSettings::setLanguage(const QString &value) { m_settings.setValue(k("ui/language"), value); }

QString UiSettings::lastDatabase() const { return m_settings.value(k("signin/database")).toString(); }
void UiSettings::setLastDatabase(const QString &location) { m_settings.setValue(k("signin/database"), location); }
QString UiSettings::lastUser() const { return m_settings.value(k("signin/user")).toString(); }
void UiSettings::setLastUser(const QString &username) { m_settings.setValue(k("signin/user"), username); }
bool UiSettings::rememberPassword() const { return m_settings.value(k("signin/remember"), false).toBool(); }
void UiSettings::setRememberPassword(bool on) { m_settings.setValue(k("signin/remember"), on); }

QByteArray UiSettings::windowGeometry() const { return m_settings.value(k("window/geometry")).toByteArray(); }
void UiSettings::setWindowGeometry(const QByteArray &g) { m_settings.setValue(k("window/geometry"), g); }
QString UiSettings::lastView() const { return m_settings.value(k("window/view")).toString(); }
void UiSettings::setLastView(const QString &id) { m_settings.setValue(k("window/view"), id); }
QByteArray UiSettings::tableState(const QString &table) const
{
    return m_settings.value(k("tables/") + table).toByteArray();
}
void UiSettings::setTableState(const QString &table, const QByteArray &state)
{
    m_settings.setValue(k("tables/") + table, state);
}

bool UiSettings::apiEnabled() const { return m_settings.value(k("api/enabled"), true).toBool(); }
void UiSettings::setApiEnabled(bool on) { m_settings.setValue(k("api/enabled"), on); }
QString UiSettings::apiAddress() const { return m_settings.value(k("api/address"), k("127.0.0.1")).toString(); }
void UiSettings::setApiAddress(const QString &address) { m_settings.setValue(k("api/address"), address); }
int UiSettings::apiPort() const { return m_settings.value(k("api/port"), 8080).toInt(); }
void UiSettings::setApiPort(int port) { m_settings.setValue(k("api/port"), port); }
QString UiSettings::apiCertificate() const { return m_settings.value(k("api/tlsCertificate")).toString(); }
QString UiSettings::apiKey() const { return m_settings.value(k("api/tlsKey")).toString(); }
void UiSettings::setApiTls(const QString &certificateFile, const QString &keyFile)
{
    m_settings.setValue(k("api/tlsCertificate"), certificateFile);
    m_settings.setValue(k("api/tlsKey"), keyFile);
}

} // namespace crm
