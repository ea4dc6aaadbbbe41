#include "ui/Desktop.h"

#include "core/ErrorText.h"
#include "ui/CredentialStore.h"
#include "ui/EmbeddedServer.h"
#include "ui/LanguageLoader.h"
#include "ui/MainWindow.h"
#include "ui/ScreenshotTour.h"
#include "ui/Session.h"
#include "ui/UiResources.h"
#include "ui/UiSettings.h"
#include "ui/signin/SignInDialog.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

namespace crm {

Q_LOGGING_CATEGORY(lcDesktop, "crm.ui.desktop")

Desktop::Desktop(const DesktopOptions &options, EmbeddedServer *server, QObject *parent)
    : QObject(parent), m_options(options), m_server(server)
{
}

int Desktop::run()
{
    initUiResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/crm.svg")));
    QApplication::setApplicationDisplayName(QStringLiteral("CRM"));
    LanguageLoader language;
    language.installFromSettings();
    CredentialStore credentials;
    const bool tour = !m_options.screenshotDir.isEmpty();
    ScreenshotTour screenshots(m_options.screenshotDir);
    bool autoSignIn = !m_options.autoUser.isEmpty();

    for (;;) {
        SignInDialog signIn(m_options.embeddedFile, &credentials);
        if (!m_options.location.isEmpty())
            signIn.setLocation(m_options.location);
        if (autoSignIn) {
            autoSignIn = false; // once: signing out asks
            QTimer::singleShot(0, &signIn, [&] {
                if (tour)
                    screenshots.capture(&signIn, QStringLiteral("01-sign-in"));
                signIn.signInWith(m_options.autoUser, m_options.autoPassword);
            });
            // A failed automatic sign-in during the screenshot run must not wait for a person.
            if (tour)
                connect(&signIn, &SignInDialog::failed, &signIn, [&](const QString &message) {
                    qCWarning(lcDesktop) << "automatic sign-in failed:" << message;
                    signIn.reject();
                });
        }
        if (signIn.exec() != QDialog::Accepted)
            return tour ? 1 : 0;
        std::unique_ptr<Session> session = signIn.takeSession();

        UiSettings settings;
        if (m_server && settings.apiEnabled()) {
            EmbeddedServer::Config config;
            config.address = settings.apiAddress();
            config.port = settings.apiPort();
            config.certificateFile = settings.apiCertificate();
            config.keyFile = settings.apiKey();
            // A busy port is not fatal: the desktop works, and Settings shows why the API does not.
            if (Status st = m_server->start(session->location(), session->feed(), config); !st)
                qCWarning(lcDesktop) << "API server not started:" << st.error().message;
        }

        bool signOut = false;
        {
            MainWindow window(*session, m_server);
            connect(&window, &MainWindow::signOutRequested, &window, [&] {
                signOut = true;
                window.close();
            });
            // At once: the window (and every widget) follows the LanguageChange this sends.
            connect(&window, &MainWindow::languageChosen, &window,
                    [&](const QString &setting) { language.install(LanguageLoader::resolve(setting)); });
            window.show();
            if (tour)
                QTimer::singleShot(0, &window, [&] { screenshots.tour(&window); });
            QApplication::exec();
        }
        if (m_server)
            m_server->stop();
        session.reset();
        if (!signOut || tour)
            return screenshots.failed() ? 1 : 0;
    }
}

} // namespace crm
