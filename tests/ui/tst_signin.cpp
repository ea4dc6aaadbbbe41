// The sign-in dialog against a real store and the real Secret Service (gnome-keyring, started by
// scripts/test under dbus-run-session): wrong password, locked account, unreachable database, and
// "remember me" keeping the password in the keychain, never in the settings file.
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "ui/CredentialStore.h"
#include "ui/Session.h"
#include "ui/UiSettings.h"
#include "ui/signin/SignInDialog.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace crm;

namespace {

struct Keychain
{
    bool found = false;
    QString password, error;
};

Keychain readKeychain(CredentialStore &store, const QString &key)
{
    Keychain k;
    bool done = false;
    store.read(key, [&](bool found, const QString &password, const QString &error) {
        k = {found, password, error};
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        k.error = QStringLiteral("timeout");
    return k;
}

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    std::unique_ptr<CredentialStore> m_keychain;

    // A dialog on the test store with the fields filled in; not yet signed in.
    std::unique_ptr<SignInDialog> dialog(const QString &user, const QString &password, bool remember = false,
                                         const QString &location = {})
    {
        auto d = std::make_unique<SignInDialog>(m_store->location, m_keychain.get());
        d->setLocation(location.isEmpty() ? m_store->location : location);
        d->findChild<QLineEdit *>(QStringLiteral("username"))->setText(user);
        d->findChild<QLineEdit *>(QStringLiteral("password"))->setText(password);
        d->findChild<QCheckBox *>(QStringLiteral("remember"))->setChecked(remember);
        d->show();
        return d;
    }

    // Signs in and waits for the outcome: the failure message, or empty when accepted.
    static QString submit(SignInDialog &d)
    {
        QSignalSpy failed(&d, &SignInDialog::failed);
        QSignalSpy accepted(&d, &QDialog::accepted);
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("signIn")), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return failed.size() + accepted.size() > 0; }, 30000))
            return QStringLiteral("timeout");
        return failed.isEmpty() ? QString() : failed.first().first().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings under ~/.qttest, not the user's
        QSettings(QStringLiteral("crm"), QStringLiteral("desktop")).clear();
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No session bus: run through scripts/test (dbus-run-session with gnome-keyring)");
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        makeTeam(*m_store->db);
        // A keychain service of its own: the test never sees or touches a real user's entries.
        m_keychain = std::make_unique<CredentialStore>(QStringLiteral("crm-test-") + QUuid::createUuid().toString(QUuid::Id128));
    }

    void wrongPasswordIsTold()
    {
        auto d = dialog(QStringLiteral("wang"), QStringLiteral("not-the-password"));
        QCOMPARE(submit(*d), QStringLiteral("Wrong user name or password"));
        QCOMPARE(d->result(), int(QDialog::Rejected));
        QVERIFY(d->isVisible());
        QCOMPARE(d->message(), QStringLiteral("Wrong user name or password"));
        // An unknown user reads exactly the same (no hint which names exist).
        auto unknown = dialog(QStringLiteral("nobody"), QStringLiteral("whatever-pass"));
        QCOMPARE(submit(*unknown), QStringLiteral("Wrong user name or password"));
    }

    void lockedAccountIsTold()
    {
        auto d = dialog(QStringLiteral("zhao"), QStringLiteral("wrong-1"));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(submit(*d), QStringLiteral("Wrong user name or password"));
        // Now even the right password is refused, and the message says why.
        d->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("s3cret-pass"));
        const QString message = submit(*d);
        QVERIFY2(message.contains(QLatin1String("locked")), qPrintable(message));
        QVERIFY(!d->takeSession());
    }

    void unreachableDatabaseIsTold()
    {
        // Nothing listens on port 1.
        auto d = dialog(QStringLiteral("wang"), QStringLiteral("s3cret-pass"), false,
                        QStringLiteral("postgresql://crm@127.0.0.1:1/crm"));
        QVERIFY(d->findChild<QRadioButton *>(QStringLiteral("serverDatabase"))->isChecked());
        const QString message = submit(*d);
        QVERIFY(!message.isEmpty() && message != QLatin1String("timeout"));
        QVERIFY2(!message.contains(QLatin1String("password")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("database"), Qt::CaseInsensitive) || message.contains(QLatin1String("server")),
                 qPrintable(message));
        QVERIFY(!d->takeSession());
    }

    void rememberMeUsesTheKeychainOnly()
    {
        const QString key = CredentialStore::key(QStringLiteral("wang"), m_store->location);
        auto d = dialog(QStringLiteral("wang"), QStringLiteral("s3cret-pass"), true);
        QCOMPARE(submit(*d), QString());
        QCOMPARE(d->result(), int(QDialog::Accepted));
        std::unique_ptr<Session> session = d->takeSession();
        QVERIFY(session);
        QCOMPARE(session->actor().username, QStringLiteral("wang"));
        QCOMPARE(session->location(), m_store->location);

        const Keychain stored = readKeychain(*m_keychain, key);
        QVERIFY2(stored.error.isEmpty(), qPrintable(stored.error));
        QVERIFY(stored.found);
        QCOMPARE(stored.password, QStringLiteral("s3cret-pass"));

        // The settings file knows the user and the choice, never the password.
        QSettings settings(QStringLiteral("crm"), QStringLiteral("desktop"));
        settings.sync();
        QCOMPARE(UiSettings().lastUser(), QStringLiteral("wang"));
        QVERIFY(UiSettings().rememberPassword());
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("s3cret-pass"));

        // The next sign-in finds the password in the keychain.
        SignInDialog again(m_store->location, m_keychain.get());
        auto *password = again.findChild<QLineEdit *>(QStringLiteral("password"));
        QTRY_COMPARE_WITH_TIMEOUT(password->text(), QStringLiteral("s3cret-pass"), 20000);
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("username"))->text(), QStringLiteral("wang"));

        // Signing in without "remember me" forgets it.
        auto forget = dialog(QStringLiteral("wang"), QStringLiteral("s3cret-pass"), false);
        QCOMPARE(submit(*forget), QString());
        const Keychain after = readKeychain(*m_keychain, key);
        QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
        QVERIFY(!after.found);
        QVERIFY(!UiSettings().rememberPassword());
    }

    void cleanupTestCase()
    {
        if (m_keychain)
            m_keychain->remove(CredentialStore::key(QStringLiteral("wang"), m_store ? m_store->location : QString()));
        QTest::qWait(200);
    }
};

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
