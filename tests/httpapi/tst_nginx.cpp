// The shipped nginx configuration (deploy/nginx) in front of the real API server: a real nginx from
// Debian on loopback, driven through its limits.
#include "httpapi/ApiHost.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/httpapi/ApiClient.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>

using namespace crm;
using test::ApiClient;

namespace {

const QByteArray kIndex = QStringLiteral("<!doctype html><title>客户</title>").toUtf8();

const QByteArray kScript = QByteArray("console.log('crm');\n").repeated(200);

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestNginx : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_nginx;
    quint16 m_port = 0;
    std::unique_ptr<test::TestDatabase> m_db;
    ApiHost m_api;

private Q_SLOTS:
    void initTestCase()
    {
        const QString nginx = QStringLiteral("/usr/sbin/nginx");
        if (!QFile::exists(nginx))
            QSKIP("SKIP: nginx is not installed (scripts/install-deps test installs it)");
        m_db = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_db->db, qPrintable(m_db->error + m_db->skip));
        makeTeam(**m_db);
        ApiOptions options;
        options.port = 0;
        options.behindProxy = true;
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("webapp")));
        QFile index(m_dir.filePath(QStringLiteral("webapp/index.html")));
        QVERIFY(index.open(QIODevice::WriteOnly) && index.write(kIndex) == kIndex.size());
        index.close();
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("webapp/js")));
        QFile script(m_dir.filePath(QStringLiteral("webapp/js/app.0123abcd.js")));
        QVERIFY(script.open(QIODevice::WriteOnly) && script.write(kScript) == kScript.size());
        script.close();
        options.webAppDirectory = m_dir.filePath(QStringLiteral("webapp"));
        QVERIFY(m_api.start((*m_db)->options(), options).ok());

        // The shipped files, included by a test http block that points the upstream at the test server.
        const QDir deploy(QStringLiteral(CRM_SOURCE_DIR "/deploy/nginx"));
        for (const QString &name : deploy.entryList({QStringLiteral("crm-*.conf")}))
            QVERIFY(QFile::copy(deploy.filePath(name), m_dir.filePath(name)));
        for (const char *sub : {"body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            QVERIFY(QDir(m_dir.path()).mkpath(QLatin1String(sub)));
            QFile::setPermissions(m_dir.filePath(QLatin1String(sub)), QFileDevice::Permissions(0x7777));
        }
        QFile::setPermissions(m_dir.path(), QFileDevice::Permissions(0x7755));
        m_port = freePort();
        const QString p = m_dir.path();
        QFile conf(m_dir.filePath(QStringLiteral("nginx.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(QStringLiteral(
            "daemon off;\nworker_processes 1;\npid %1/nginx.pid;\nerror_log %1/error.log;\n"
            "events { worker_connections 256; }\n"
            "http {\n access_log off;\n client_body_temp_path %1/body;\n proxy_temp_path %1/proxy;\n"
            " fastcgi_temp_path %1/fastcgi;\n uwsgi_temp_path %1/uwsgi;\n scgi_temp_path %1/scgi;\n"
            " include crm-zones.conf;\n upstream crm_api { server 127.0.0.1:%2; keepalive 8; }\n"
            " server { listen 127.0.0.1:%3; include crm-limits.conf; include crm-locations.conf; }\n}\n")
                       .arg(p).arg(m_api.port()).arg(m_port)
                       .toUtf8());
        conf.close();
        m_nginx.start(nginx, {QStringLiteral("-p"), p, QStringLiteral("-c"), conf.fileName()});
        QVERIFY(m_nginx.waitForStarted(5000));
        QTcpSocket probe;
        QTRY_VERIFY_WITH_TIMEOUT((probe.connectToHost(QHostAddress::LocalHost, m_port), probe.waitForConnected(200)), 10000);
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            m_nginx.waitForFinished(5000);
        }
        m_api.stop();
    }

    void requestsPassThrough()
    {
        ApiClient c(m_port);
        QCOMPARE(c.get(QStringLiteral("/api/health")).status, 200);
        QVERIFY(c.login(QStringLiteral("wang"), QStringLiteral("s3cret-pass")));
        const test::Reply me = c.get(QStringLiteral("/api/me"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString(), QStringLiteral("wang"));
    }

    // The reps' H5 app through the shipped locations: /m/ is the app's page with its own headers, and
    // /m redirects there. The redirect is read off the wire: QNetworkAccessManager, following it, at
    // times kept the 301's Content-Type beside the page's ("text/html, text/html; charset=utf-8").
    void webAppPassesThrough()
    {
        ApiClient c(m_port);
        const test::Reply page = c.get(QStringLiteral("/m/"));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body, kIndex);
        QCOMPARE(page.headers.value("content-type"), QByteArrayLiteral("text/html; charset=utf-8"));
        QVERIFY(page.headers.value("content-security-policy").contains("frame-ancestors 'none'"));

        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET /m HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (raw.state() == QAbstractSocket::ConnectedState && raw.waitForReadyRead(5000))
            answer += raw.readAll();
        answer += raw.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 301"), answer.left(200).constData());
        QByteArray location;
        for (const QByteArray &line : answer.left(answer.indexOf("\r\n\r\n")).split('\n'))
            if (line.toLower().startsWith("location:"))
                location = line.mid(9).trimmed();
        QVERIFY2(location == "/m/" || location.endsWith(QByteArray("127.0.0.1:" + QByteArray::number(m_port) + "/m/")), location.constData());
        // The app's scripts are compressed on the way (QNetworkAccessManager asks for gzip and unpacks it).
        const test::Reply script = c.get(QStringLiteral("/m/js/app.0123abcd.js"));
        QCOMPARE(script.status, 200);
        QCOMPARE(script.body, kScript);
        QCOMPARE(script.headers.value("content-encoding"), QByteArrayLiteral("gzip"));
        QCOMPARE(script.headers.value("cache-control"), QByteArrayLiteral("public, max-age=31536000, immutable"));
    }

    void oversizedBodyIsRefusedByNginx()
    {
        ApiClient c(m_port);
        QVERIFY(c.login(QStringLiteral("zhao"), QStringLiteral("s3cret-pass")));
        const test::Reply r = c.call("POST", QStringLiteral("/api/crm/customers"), "{\"name\":\"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}");
        QCOMPARE(r.status, 413);
    }

    void signInIsRateLimitedPerAddress()
    {
        ApiClient c(m_port);
        int limited = 0;
        for (int i = 0; i < 12; ++i) {
            const test::Reply r = c.post(QStringLiteral("/api/auth/login"), {{QStringLiteral("username"), QStringLiteral("nobody")},
                                                                            {QStringLiteral("password"), QStringLiteral("wrong-pass")}});
            QVERIFY(r.status == 401 || r.status == 429);
            limited += r.status == 429;
        }
        QVERIFY2(limited > 0, "nginx never answered 429");
    }

    void idleConnectionIsClosed()
    {
        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(idle.waitForConnected(5000));
        // client_header_timeout is 15 s in crm-limits.conf.
        QTRY_COMPARE_WITH_TIMEOUT(idle.state(), QAbstractSocket::UnconnectedState, 25000);
    }
};

QTEST_GUILESS_MAIN(TestNginx)
#include "tst_nginx.moc"
