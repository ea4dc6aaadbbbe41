#include "ui/signin/SignInDialog.h"

#include "core/ErrorText.h"
#include "core/storage/Database.h"
#include "ui/CredentialStore.h"
#include "ui/FieldMessages.h"
#include "ui/Session.h"
#include "ui/UiResources.h"
#include "ui/UiSettings.h"
#include "ui/signin/ChangePasswordDialog.h"

#include <QCheckBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace crm {

Q_LOGGING_CATEGORY(lcSignIn, "crm.ui.signin")

SignInDialog::SignInDialog(const QString &embeddedFile, CredentialStore *credentials, QWidget *parent)
    : QDialog(parent), m_defaultFile(embeddedFile), m_embeddedFile(embeddedFile), m_credentials(credentials)
{
    initUiResources();
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to the CRM"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/crm.svg")));

    auto *title = new QLabel(tr("Sign in"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);

    m_embedded = new QRadioButton(tr("This computer"), this);
    m_embedded->setObjectName(QStringLiteral("embeddedDatabase"));
    m_embedded->setToolTip(QDir::toNativeSeparators(embeddedFile));
    m_server = new QRadioButton(tr("Company server (PostgreSQL)"), this);
    m_server->setObjectName(QStringLiteral("serverDatabase"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("databaseUrl"));
    m_url->setPlaceholderText(QStringLiteral("postgresql://user@host/crm"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("username"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("Remember me (the password is kept in the system keychain)"), this);
    m_remember->setObjectName(QStringLiteral("remember"));
    m_message = FieldMessages::makeLabel(this, QStringLiteral("message"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *databaseBox = new QVBoxLayout;
    m_embeddedPath = new QLabel(QDir::toNativeSeparators(embeddedFile), this);
    m_embeddedPath->setObjectName(QStringLiteral("embeddedPath"));
    m_embeddedPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_embeddedPath->setStyleSheet(QStringLiteral("color: palette(dark)"));
    m_embeddedPath->setIndent(24);
    databaseBox->addWidget(m_embedded);
    databaseBox->addWidget(m_embeddedPath);
    databaseBox->addWidget(m_server);
    databaseBox->addWidget(m_url);

    auto *form = new QFormLayout;
    form->addRow(tr("Database"), databaseBox);
    form->addRow(tr("User name"), m_user);
    form->addRow(tr("Password"), m_password);
    form->addRow(QString(), m_remember);

    m_buttons = new QDialogButtonBox(this);
    QPushButton *ok = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("signIn"));
    ok->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_server, &QRadioButton::toggled, m_url, &QWidget::setEnabled);
    m_embedded->setChecked(true);
    m_url->setEnabled(false);

    UiSettings settings;
    setLocation(settings.lastDatabase());
    m_user->setText(settings.lastUser());
    m_remember->setChecked(settings.rememberPassword());
    if (m_user->text().isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
    loadRemembered();
}

SignInDialog::~SignInDialog() = default;

std::unique_ptr<Session> SignInDialog::takeSession()
{
    if (!m_session || !m_session->isSignedIn())
        return nullptr;
    return std::move(m_session);
}

void SignInDialog::setLocation(const QString &location)
{
    const bool server = isPostgresLocation(location);
    m_server->setChecked(server);
    m_embedded->setChecked(!server);
    if (server) {
        m_url->setText(location);
    } else if (!location.isEmpty()) {
        // Another local file (--database, CRM_DATABASE) takes the place of the default one.
        m_embeddedFile = location;
        m_embeddedPath->setText(QDir::toNativeSeparators(location));
        m_embedded->setToolTip(m_embeddedPath->text());
    }
    // The remembered password belongs to a user and a database: look again for this one.
    if (m_password->text().isEmpty())
        loadRemembered();
}

QString SignInDialog::location() const
{
    return m_server->isChecked() ? m_url->text().trimmed() : m_embeddedFile;
}

QString SignInDialog::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void SignInDialog::loadRemembered()
{
    if (!m_remember->isChecked() || m_user->text().isEmpty())
        return;
    const QString key = CredentialStore::key(m_user->text(), location());
    m_credentials->read(key, [this, key](bool found, const QString &password, const QString &error) {
        if (!error.isEmpty())
            qCWarning(lcSignIn) << "keychain:" << error;
        // Only if the user and database are still the ones it was remembered for.
        if (found && m_password->text().isEmpty() && key == CredentialStore::key(m_user->text(), location()))
            m_password->setText(password);
    });
}

void SignInDialog::signInWith(const QString &username, const QString &password)
{
    m_user->setText(username);
    m_password->setText(password);
    m_rememberThisTime = false;
    signIn();
}

void SignInDialog::setBusy(bool busy)
{
    for (QWidget *w : {static_cast<QWidget *>(m_embedded), static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_user),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_remember)})
        w->setEnabled(!busy);
    m_url->setEnabled(!busy && m_server->isChecked());
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    for (QAbstractButton *b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(!busy);
    if (busy)
        showMessage(tr("Signing in…"));
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void SignInDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void SignInDialog::signIn()
{
    const QString where = location();
    if (m_server->isChecked() && !isPostgresLocation(where)) {
        showMessage(tr("Enter the server as postgresql://user@host/database."));
        m_url->setFocus();
        return;
    }
    if (m_user->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showMessage(tr("Enter your user name and password."));
        (m_user->text().trimmed().isEmpty() ? m_user : m_password)->setFocus();
        return;
    }
    // A session is bound to the store it opened; another choice of database needs a new one.
    if (!m_session || m_session->openedLocation() != where)
        m_session = std::make_unique<Session>();
    setBusy(true);
    m_session->signIn(where, m_user->text().trimmed(), m_password->text(), [this, where](const Session::SignInResult &r) {
        setBusy(false);
        if (r.oneTimePassword) {
            // A new, empty store: its administrator exists from now on, and this is the only
            // moment its generated password can be shown.
            QMessageBox box(QMessageBox::Information, tr("New database"),
                            tr("This database was empty. Its first administrator has been created:\n\n"
                               "user name: %1\none-time password: %2\n\n"
                               "Write the password down now; you will choose a new one after signing in.")
                                .arg(QStringLiteral("admin"), *r.oneTimePassword),
                            QMessageBox::Ok, this);
            box.setTextInteractionFlags(Qt::TextSelectableByMouse);
            box.exec();
            if (!r.status) {
                m_user->setText(QStringLiteral("admin"));
                m_password->clear();
                m_password->setFocus();
            }
        }
        if (!r.status) {
            const QString text = ErrorText::message(r.status.error());
            showMessage(text);
            if (r.status.error().code.startsWith(QLatin1String("storage.")))
                discardSession(); // the store did not open: the next attempt starts afresh
            else
                m_password->selectAll();
            Q_EMIT failed(text);
            return;
        }
        showMessage(QString());
        UiSettings settings;
        settings.setLastDatabase(where == m_defaultFile ? QString() : where);
        settings.setLastUser(m_user->text().trimmed());
        if (m_session->user().mustChangePassword) {
            askNewPassword();
            return;
        }
        finish();
    });
}

void SignInDialog::discardSession()
{
    // Later, not now: this runs inside a callback delivered by the session's own worker.
    if (m_session)
        m_session.release()->deleteLater();
}

void SignInDialog::askNewPassword()
{
    ChangePasswordDialog change(this);
    change.setWindowTitle(tr("Choose your password"));
    change.setExplanation(tr("Your password was generated for you. Choose your own password to continue."));
    Session *session = m_session.get();
    change.setSubmit([session](const QString &password, std::function<void(const Status &)> done) {
        session->changeOwnPassword(password, std::move(done));
    });
    if (change.exec() != QDialog::Accepted) {
        discardSession();
        showMessage(tr("You need to choose a new password before you can sign in."));
        return;
    }
    m_password->setText(change.password());
    finish();
}

void SignInDialog::finish()
{
    const bool remember = m_rememberThisTime && m_remember->isChecked();
    const QString key = CredentialStore::key(m_user->text(), location());
    if (m_rememberThisTime)
        UiSettings().setRememberPassword(m_remember->isChecked());
    auto done = [this](const QString &error) {
        if (!error.isEmpty())
            qCWarning(lcSignIn) << "keychain:" << error; // signing in still worked
        accept();
    };
    if (remember)
        m_credentials->write(key, m_password->text(), done);
    else if (m_rememberThisTime)
        m_credentials->remove(key, done);
    else
        accept();
}

} // namespace crm
