#pragma once

#include <QDialog>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace crm {

class CredentialStore;
class Session;

// Where to work and as whom: the local database file or a PostgreSQL server, user name and
// password. "Remember me" keeps the password in the system keychain (never in the settings file).
// Opening the store and checking the password run off the GUI thread; wrong password, locked
// account and unreachable database are told apart.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    // embeddedFile: the local database used when no server is chosen.
    SignInDialog(const QString &embeddedFile, CredentialStore *credentials, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // The established session after the dialog was accepted; null before (or after a failed attempt).
    std::unique_ptr<Session> takeSession();
    // Preselects a database (the command line's --database).
    void setLocation(const QString &location);
    QString location() const;
    // Fills the fields and signs in at once (the screenshot run); nothing is remembered.
    void signInWith(const QString &username, const QString &password);
    QString message() const;

public Q_SLOTS:
    void signIn();

Q_SIGNALS:
    void failed(const QString &message);

private:
    void loadRemembered();
    void setBusy(bool busy);
    void showMessage(const QString &text);
    void finish();
    void askNewPassword();
    void discardSession();

    QString m_defaultFile; // the local database when nothing else is chosen
    QString m_embeddedFile; // the local database offered now
    CredentialStore *m_credentials;
    std::unique_ptr<Session> m_session;
    QRadioButton *m_embedded = nullptr;
    QRadioButton *m_server = nullptr;
    QLabel *m_embeddedPath = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_rememberThisTime = true;
};

} // namespace crm
