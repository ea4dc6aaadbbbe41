#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace crm {

class EmbeddedServer;
class Session;

// Preferences: the language, the embedded API server (on/off, address, port, TLS; shows its URL),
// which database this window works on, and the company's settings in that database (reminder
// default, pipeline stages: CompanySettingsPanel).
class SettingsView : public QWidget
{
    Q_OBJECT
public:
    // server may be null: this process runs no API server.
    SettingsView(Session &session, EmbeddedServer *server, QWidget *parent = nullptr);

public Q_SLOTS:
    void applyServer();

Q_SIGNALS:
    // The language setting changed ("system", "zh_CN", "en"); stored already.
    void languageChosen(const QString &setting);

private:
    void updateServerStatus();

    Session &m_session;
    EmbeddedServer *m_server;
    QComboBox *m_language;
    QCheckBox *m_apiEnabled;
    QLineEdit *m_apiAddress;
    QSpinBox *m_apiPort;
    QLineEdit *m_apiCert;
    QLineEdit *m_apiKey;
    QLabel *m_apiStatus;
};

} // namespace crm
