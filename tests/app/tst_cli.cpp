// The `crm` command line as administrators use it: the real executable run through QProcess on a
// real store (a SQLite file, or a fresh PostgreSQL database), checked in-process through OrgService.
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QProcess>
#include <QRegularExpression>

using namespace crm;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const QString kPassword = QStringLiteral("Tr0ub4dor&3");

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    // The embedded default store lives under XDG_DATA_HOME: point it here so that no test can
    // touch the real one of whoever runs the tests.
    QTemporaryDir m_dataHome;

    Run crm(const QStringList &args, const QByteArray &input = {}, const QProcessEnvironment &extra = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dataHome.path());
        env.remove(QStringLiteral("CRM_DATABASE"));
        for (const QString &key : extra.keys())
            env.insert(key, extra.value(key));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CRM_EXE), args);
        Run r;
        if (!p.waitForStarted(10000))
            return r;
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    Run crmOn(const test::TestDatabase &db, QStringList args, const QByteArray &input = {})
    {
        args << QStringLiteral("--database") << db.location;
        return crm(args, input);
    }

    static QByteArray line(const QString &password) { return password.toUtf8() + '\n'; }

    static QString oneTimePassword(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("one-time password: *(\\S+)"));
        return re.match(text).captured(1);
    }

    // Adds a user through the executable and fails the test when that does not work.
    bool addUser(const test::TestDatabase &db, const QStringList &args, const QString &password = kPassword)
    {
        const Run r = crmOn(db, QStringList{QStringLiteral("user"), QStringLiteral("add")} + args, line(password));
        if (r.exitCode != 0)
            qWarning() << "crm user add" << args << "failed:" << r.exitCode << r.err;
        return r.exitCode == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataHome.isValid());
        QVERIFY2(QFileInfo(QStringLiteral(CRM_EXE)).isExecutable(), CRM_EXE);
    }

    void addReadsPasswordFromStdinAndAuthenticates()
    {
        CRM_OPEN_DB(db);
        QVERIFY(addUser(db, {QStringLiteral("mgr"), QStringLiteral("--role"), QStringLiteral("manager")}));
        const Run r = crmOn(db,
                            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob"),
                             QStringLiteral("--role"), QStringLiteral("rep"), QStringLiteral("--manager"),
                             QStringLiteral("mgr"), QStringLiteral("--department"), QStringLiteral("销售部"),
                             QStringLiteral("--display-name"), QStringLiteral("王芳")},
                            line(kPassword));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Created user bob (rep)")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(kPassword) && !r.err.contains(kPassword), "the password is never echoed");

        OrgService org(*db);
        auto signedIn = org.authenticate(QStringLiteral("bob"), kPassword);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.ok() ? QString() : signedIn.error().message));
        QCOMPARE(signedIn->roleName, QStringLiteral("rep"));
        QCOMPARE(signedIn->displayName, QStringLiteral("王芳"));
        auto mgr = org.userByName(QStringLiteral("mgr"));
        QVERIFY(mgr.ok());
        QCOMPARE(signedIn->managerId, std::optional<qint64>(mgr->id));
        auto dept = org.departmentByName(QStringLiteral("销售部"));
        QVERIFY(dept.ok());
        QCOMPARE(signedIn->departmentId, std::optional<qint64>(dept->id));
        QCOMPARE(org.authenticate(QStringLiteral("bob"), QStringLiteral("not the password")).error().code,
                 QStringLiteral("auth.invalid"));
    }

    void duplicateNameFails()
    {
        CRM_OPEN_DB(db);
        QVERIFY(addUser(db, {QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("rep")}));
        const Run r = crmOn(db,
                            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("BOB"),
                             QStringLiteral("--role"), QStringLiteral("manager")},
                            line(QStringLiteral("Another-pass-42")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("is taken")), qPrintable(r.err));
        // The first bob is untouched: still a rep with the first password.
        OrgService org(*db);
        auto bob = org.authenticate(QStringLiteral("bob"), kPassword);
        QVERIFY(bob.ok());
        QCOMPARE(bob->roleName, QStringLiteral("rep"));
    }

    void unknownRoleFails()
    {
        CRM_OPEN_DB(db);
        const Run r = crmOn(db,
                            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("carl"),
                             QStringLiteral("--role"), QStringLiteral("boss")},
                            line(kPassword));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("Unknown role \"boss\"")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("administrator, manager, rep")), qPrintable(r.err));
        QVERIFY(!OrgService(*db).userByName(QStringLiteral("carl")).ok());
    }

    void unknownManagerFails()
    {
        CRM_OPEN_DB(db);
        const Run r =
            crmOn(db,
                  {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("carl"), QStringLiteral("--role"),
                   QStringLiteral("rep"), QStringLiteral("--manager"), QStringLiteral("nobody")},
                  line(kPassword));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("Unknown manager \"nobody\"")), qPrintable(r.err));
        QVERIFY(!OrgService(*db).userByName(QStringLiteral("carl")).ok());
    }

    void weakOrEmptyPasswordFails_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty line") << QByteArray("\n") << QStringLiteral("The password is empty");
        QTest::newRow("no input") << QByteArray() << QStringLiteral("The password is empty");
        QTest::newRow("short") << QByteArray("abc12\n") << QStringLiteral("at least 8 characters");
        QTest::newRow("common") << QByteArray("password\n") << QStringLiteral("too common");
        QTest::newRow("user name") << QByteArray("carl.smith\n") << QStringLiteral("may not be the user name");
    }
    void weakOrEmptyPasswordFails()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        CRM_OPEN_DB(db);
        const Run r = crmOn(db,
                            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("carl.smith"),
                             QStringLiteral("--role"), QStringLiteral("rep")},
                            input);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!OrgService(*db).userByName(QStringLiteral("carl.smith")).ok());
    }

    void badCommandLinesAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no role") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("carl")};
        QTest::newRow("no name") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--role"),
                                                QStringLiteral("rep")};
        QTest::newRow("password as argument") << QStringList{QStringLiteral("user"),
                                                             QStringLiteral("add"),
                                                             QStringLiteral("carl"),
                                                             QStringLiteral("--role"),
                                                             QStringLiteral("rep"),
                                                             QStringLiteral("--password"),
                                                             kPassword};
        QTest::newRow("extra argument") << QStringList{QStringLiteral("user"), QStringLiteral("passwd"),
                                                       QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("user"), QStringLiteral("rename")};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown global option") << QStringList{QStringLiteral("--frob"), QStringLiteral("init")};
        QTest::newRow("serve, public URL not http") << QStringList{QStringLiteral("serve"), QStringLiteral("--public-url"),
                                                                   QStringLiteral("ftp://crm.example.com")};
        QTest::newRow("serve, web app folder missing") << QStringList{QStringLiteral("serve"), QStringLiteral("--web-app"),
                                                                      QStringLiteral("/nonexistent/crm-web-app")};
        QTest::newRow("backup without a file") << QStringList{QStringLiteral("backup")};
        QTest::newRow("restore, two files") << QStringList{QStringLiteral("restore"), QStringLiteral("a"), QStringLiteral("b")};
    }
    void badCommandLinesAreUsageErrors()
    {
        QFETCH(QStringList, args);
        CRM_OPEN_DB(db);
        const Run r = crmOn(db, args, line(kPassword));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.isEmpty(), "a usage error says what is wrong");
        QVERIFY(r.out.isEmpty());
        QVERIFY(!OrgService(*db).userByName(QStringLiteral("carl")).ok());
    }

    void passwdChangesThePassword()
    {
        CRM_OPEN_DB(db);
        QVERIFY(addUser(db, {QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("rep")}));
        const QString next = QStringLiteral("Correct-Horse-7");
        const Run r = crmOn(db, {QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("bob")}, line(next));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Changed the password of bob")), qPrintable(r.out));
        OrgService org(*db);
        QCOMPARE(org.authenticate(QStringLiteral("bob"), kPassword).error().code, QStringLiteral("auth.invalid"));
        QVERIFY(org.authenticate(QStringLiteral("bob"), next).ok());

        const Run weak = crmOn(db, {QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("bob")},
                               line(QStringLiteral("short")));
        QCOMPARE(weak.exitCode, 1);
        QVERIFY(org.authenticate(QStringLiteral("bob"), next).ok());

        const Run unknown =
            crmOn(db, {QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("nobody")}, line(next));
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("Unknown user \"nobody\"")), qPrintable(unknown.err));
    }

    void deactivateStopsSignIn()
    {
        CRM_OPEN_DB(db);
        QVERIFY(addUser(db, {QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("rep")}));
        OrgService org(*db);
        QVERIFY(org.authenticate(QStringLiteral("bob"), kPassword).ok());

        const Run r = crmOn(db, {QStringLiteral("user"), QStringLiteral("deactivate"), QStringLiteral("bob")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(org.authenticate(QStringLiteral("bob"), kPassword).error().code, QStringLiteral("auth.inactive"));

        QCOMPARE(crmOn(db, {QStringLiteral("user"), QStringLiteral("activate"), QStringLiteral("bob")}).exitCode, 0);
        QVERIFY(org.authenticate(QStringLiteral("bob"), kPassword).ok());

        QCOMPARE(crmOn(db, {QStringLiteral("user"), QStringLiteral("deactivate"), QStringLiteral("nobody")}).exitCode,
                 1);
    }

    void listShowsUsers()
    {
        CRM_OPEN_DB(db);
        QVERIFY(addUser(db, {QStringLiteral("mgr"), QStringLiteral("--role"), QStringLiteral("manager"),
                             QStringLiteral("--department"), QStringLiteral("销售部")}));
        QVERIFY(addUser(db, {QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("rep"),
                             QStringLiteral("--manager"), QStringLiteral("mgr"), QStringLiteral("--department"),
                             QStringLiteral("销售部"), QStringLiteral("--display-name"), QStringLiteral("王芳")}));
        QCOMPARE(crmOn(db, {QStringLiteral("user"), QStringLiteral("deactivate"), QStringLiteral("mgr")}).exitCode, 0);

        const Run r = crmOn(db, {QStringLiteral("user"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        auto row = [&](const QString &user) -> QStringList {
            for (const QString &l : lines)
                if (l.startsWith(user + QLatin1Char(' ')))
                    return l.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            return {};
        };
        QVERIFY2(lines.value(0).startsWith(QLatin1String("USER")), qPrintable(r.out));
        // user, display name, role, manager, department, active
        QCOMPARE(row(QStringLiteral("bob")),
                 (QStringList{QStringLiteral("bob"), QStringLiteral("王芳"), QStringLiteral("rep"),
                              QStringLiteral("mgr"), QStringLiteral("销售部"), QStringLiteral("yes")}));
        QCOMPARE(row(QStringLiteral("mgr")),
                 (QStringList{QStringLiteral("mgr"), QStringLiteral("mgr"), QStringLiteral("manager"),
                              QStringLiteral("销售部"), QStringLiteral("no")}));
        // The first command on the empty store created the administrator: listed too.
        QCOMPARE(row(QStringLiteral("admin")).value(2), QStringLiteral("administrator"));
        QCOMPARE(lines.size(), 5); // header, rule, three users
        // Columns line up by display width: "王芳" takes as much room as "mgr" plus one.
        const qsizetype bobRole =
            lines.at(lines.indexOf(QRegularExpression(QStringLiteral("^bob .*")))).indexOf(QLatin1String("rep"));
        const qsizetype mgrRole =
            lines.at(lines.indexOf(QRegularExpression(QStringLiteral("^mgr .*")))).indexOf(QLatin1String("manager"));
        QCOMPARE(bobRole, mgrRole - 2); // two CJK characters are four columns in two QChars
    }

    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("usage");
        QTest::newRow("crm") << QStringList{QStringLiteral("--help")} << QStringLiteral("Usage: crm [");
        QTest::newRow("help") << QStringList{QStringLiteral("help")} << QStringLiteral("Usage: crm [");
        QTest::newRow("init") << QStringList{QStringLiteral("init"), QStringLiteral("--help")}
                              << QStringLiteral("Usage: crm init");
        QTest::newRow("demo") << QStringList{QStringLiteral("demo"), QStringLiteral("--help")}
                              << QStringLiteral("Usage: crm demo");
        QTest::newRow("user") << QStringList{QStringLiteral("user"), QStringLiteral("--help")}
                              << QStringLiteral("Usage: crm user <");
        QTest::newRow("user add") << QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                                 QStringLiteral("--help")}
                                  << QStringLiteral("Usage: crm user add NAME");
        QTest::newRow("user passwd") << QStringList{QStringLiteral("user"), QStringLiteral("passwd"),
                                                    QStringLiteral("-h")}
                                     << QStringLiteral("Usage: crm user passwd NAME");
        QTest::newRow("user list") << QStringList{QStringLiteral("user"), QStringLiteral("list"),
                                                  QStringLiteral("--help")}
                                   << QStringLiteral("Usage: crm user list");
        QTest::newRow("user deactivate") << QStringList{QStringLiteral("user"), QStringLiteral("deactivate"),
                                                        QStringLiteral("--help")}
                                         << QStringLiteral("Usage: crm user deactivate NAME");
        QTest::newRow("user activate") << QStringList{QStringLiteral("user"), QStringLiteral("activate"),
                                                      QStringLiteral("--help")}
                                       << QStringLiteral("Usage: crm user activate NAME");
        QTest::newRow("help user add") << QStringList{QStringLiteral("help"), QStringLiteral("user"),
                                                      QStringLiteral("add")}
                                       << QStringLiteral("Usage: crm user add NAME");
        for (const char *command : {"serve", "import", "export", "backup", "restore", "desktop"})
            QTest::newRow(command) << QStringList{QLatin1String(command), QStringLiteral("--help")}
                                   << QStringLiteral("Usage: crm ") + QLatin1String(command);
    }
    void everyCommandHasHelp()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, usage);
        // Help never opens (let alone creates) the store.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("never/crm.sqlite"));
        const Run r = crm(args + QStringList{QStringLiteral("--database"), file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(usage), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("--database")), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
        QVERIFY(!QFileInfo::exists(file));
    }

    void initCreatesTheFirstAdministratorOnce()
    {
        CRM_OPEN_DB(db);
        const Run first = crmOn(db, {QStringLiteral("init")});
        QCOMPARE(first.exitCode, 0);
        const QString password = oneTimePassword(first.out);
        QVERIFY2(password.size() >= 16, qPrintable(first.out));
        QVERIFY2(first.out.contains(QLatin1String("user name:         admin")), qPrintable(first.out));
        OrgService org(*db);
        auto admin = org.authenticate(QStringLiteral("admin"), password);
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().message));
        QCOMPARE(admin->roleName, QStringLiteral("administrator"));
        auto actor = org.actorFor(admin->id);
        QVERIFY(actor.ok());
        QVERIFY(actor->can(Permission::UserAdmin));

        const Run second = crmOn(db, {QStringLiteral("init")});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(oneTimePassword(second.out + second.err).isEmpty(), qPrintable(second.out));
        QCOMPARE(*org.userCount(), 1);
        QVERIFY(org.authenticate(QStringLiteral("admin"), password).ok());
    }

    void demoLoadsOnceAndItsUsersSignIn()
    {
        CRM_OPEN_DB(db);
        const Run r = crmOn(db, {QStringLiteral("demo"), QStringLiteral("--customers"), QStringLiteral("300"),
                                 QStringLiteral("--password"), QStringLiteral("Demo-pass-2026")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("rep187")) && r.out.contains(QLatin1String("director")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("300 customers")), qPrintable(r.out));
        OrgService org(*db);
        QVERIFY(org.authenticate(QStringLiteral("manager07"), QStringLiteral("Demo-pass-2026")).ok());
        QCOMPARE(*org.userCount(), 201); // the first administrator and the demo company

        const Run again = crmOn(db, {QStringLiteral("demo"), QStringLiteral("--customers"), QStringLiteral("10")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("without customers")), qPrintable(again.err));
        const Run bad = crmOn(db, {QStringLiteral("demo"), QStringLiteral("--customers"), QStringLiteral("many")});
        QCOMPARE(bad.exitCode, 2);
    }

    // `crm serve` on every interface says where it listens, and gives the reps' web app at an address a
    // phone can open: this machine's network address, not 0.0.0.0 (unless it has none but loopback).
    void serveOnEveryInterfaceNamesAnAddressPhonesOpen()
    {
        CRM_OPEN_DB(db);
        QTemporaryDir webApp;
        QFile index(webApp.filePath(QStringLiteral("index.html")));
        QVERIFY(index.open(QIODevice::WriteOnly) && index.write("<!DOCTYPE html>") > 0);
        index.close();
        QProcess p;
        p.start(QStringLiteral(CRM_EXE), {QStringLiteral("--database"), db.location, QStringLiteral("serve"), QStringLiteral("--listen"),
                                          QStringLiteral("0.0.0.0:0"), QStringLiteral("--web-app"), webApp.path()});
        QVERIFY(p.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).contains("Serving the reps' web app at http://"), 15000);
        QString lan;
        for (const QNetworkInterface &nic : QNetworkInterface::allInterfaces()) {
            const auto flags = nic.flags();
            if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
                || flags.testFlag(QNetworkInterface::IsLoopBack))
                continue;
            for (const QNetworkAddressEntry &entry : nic.addressEntries())
                if (lan.isEmpty() && entry.ip().protocol() == QAbstractSocket::IPv4Protocol)
                    lan = entry.ip().toString();
        }
        if (lan.isEmpty()) {
            QVERIFY2(out.contains("Serving the API at http://0.0.0.0:"), out.constData());
        } else {
            QVERIFY2(out.contains("Serving the API at http://0.0.0.0:"), out.constData());
            QVERIFY2(out.contains(QByteArray("reachable at http://" + lan.toLatin1() + ':')), out.constData());
            QVERIFY2(out.contains(QByteArray("Serving the reps' web app at http://" + lan.toLatin1() + ':')), out.constData());
        }
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
    }

    // `crm` without a command starts the product: with no display, the headless API server, with the
    // reps' web app from CRM_WEB_APP.
    void noCommandStartsTheServer()
    {
        CRM_OPEN_DB(db);
        QTemporaryDir webApp;
        QFile index(webApp.filePath(QStringLiteral("index.html")));
        QVERIFY(index.open(QIODevice::WriteOnly) && index.write("<!DOCTYPE html>") > 0);
        index.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dataHome.path());
        env.insert(QStringLiteral("CRM_LISTEN"), QStringLiteral("127.0.0.1:0"));
        env.insert(QStringLiteral("CRM_WEB_APP"), webApp.path());
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CRM_EXE), {QStringLiteral("--database"), db.location});
        QVERIFY(p.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).contains("Serving the reps' web app at http://127.0.0.1:"), 15000);
        QVERIFY2(out.contains("Serving the API at http://127.0.0.1:"), out.constData());
        QVERIFY2(out.contains(QByteArray("/m/ (from " + webApp.path().toUtf8() + ')')), out.constData());
        QVERIFY(p.readAllStandardError().contains("No display: starting the headless API server"));
        p.terminate(); // SIGTERM: a clean stop
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QByteArray(out + p.readAllStandardOutput()).contains("Stopped."));
    }

    void firstRunHappensOnAnyCommand()
    {
        CRM_OPEN_DB(db);
        const Run r = crmOn(db, {QStringLiteral("user"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        // On stderr, so that stdout keeps only the table.
        const QString password = oneTimePassword(r.err);
        QVERIFY2(!password.isEmpty(), qPrintable(r.err));
        QVERIFY(!r.out.contains(password));
        QVERIFY(OrgService(*db).authenticate(QStringLiteral("admin"), password).ok());
        // Two passwords generated on two empty stores differ.
        CRM_OPEN_DB(other);
        const QString otherPassword = oneTimePassword(crmOn(other, {QStringLiteral("init")}).out);
        QVERIFY(!otherPassword.isEmpty());
        QVERIFY(otherPassword != password);
    }

    void databaseOptionBeforeTheCommand()
    {
        CRM_OPEN_DB(db);
        QVERIFY(addUser(db, {QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("rep")}));
        const Run r = crm({QStringLiteral("--database"), db.location, QStringLiteral("user"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("\nbob ")), qPrintable(r.out));
    }

    void defaultLocationAndEnvironment()
    {
        if (test::usePostgres())
            QSKIP("the embedded default is a SQLite file");
        QTemporaryDir home;
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        const QString embedded = home.filePath(QStringLiteral("crm/crm.sqlite"));
        Run r = crm({QStringLiteral("init")}, {}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Database: ") + embedded), qPrintable(r.out));
        QVERIFY(QFileInfo::exists(embedded));

        // CRM_DATABASE replaces the default; its folder is created.
        const QString fromEnv = home.filePath(QStringLiteral("env/sub/team.sqlite"));
        env.insert(QStringLiteral("CRM_DATABASE"), fromEnv);
        r = crm({QStringLiteral("init")}, {}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo::exists(fromEnv));
        QVERIFY(!oneTimePassword(r.out).isEmpty());

        // --database wins over both.
        const QString fromOption = home.filePath(QStringLiteral("option.sqlite"));
        r = crm({QStringLiteral("init"), QStringLiteral("--database"), fromOption}, {}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Database: ") + fromOption), qPrintable(r.out));
        QVERIFY(QFileInfo::exists(fromOption));
    }

    void unusableDatabaseFails()
    {
        const Run bad = crm({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--database"),
                             QStringLiteral("postgresql://nobody@/")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QLatin1String("Not a valid PostgreSQL address")), qPrintable(bad.err));
        const Run missing =
            crm({QStringLiteral("init"), QStringLiteral("--database"), QStringLiteral("/proc/none/crm.sqlite")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.startsWith(QLatin1String("crm: ")), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
