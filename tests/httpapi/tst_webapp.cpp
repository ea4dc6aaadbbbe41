// The reps' H5 web app at /m/ (WebAppFiles) over the real server on a loopback port: files, types,
// caching, conditional requests, and the paths that must not leave the app's folder. Traversal paths
// go over a raw socket, since QUrl (and so QNetworkAccessManager) would normalise the `..` away.
#include "httpapi/ApiHost.h"
#include "httpapi/WebAppFiles.h"
#include "tests/TestDatabase.h"
#include "tests/httpapi/ApiClient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

const QByteArray kIndex = QStringLiteral("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>客户</title>"
                                         "<script>document.documentElement.style.fontSize='20px'</script></head>"
                                         "<body><div id=\"app\"></div></body></html>\n").toUtf8();
const QByteArray kScript = QByteArrayLiteral("console.log('客户');\n");
const QByteArray kCss = QByteArrayLiteral("body{margin:0}\n");
const QByteArray kSvg = QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
const QByteArray kCsp = QByteArrayLiteral("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                                          "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
                                          "form-action 'self'");
const QByteArray kImmutable = QByteArrayLiteral("public, max-age=31536000, immutable");

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// One request written by hand, so that the path reaches the server exactly as given.
struct RawReply
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-cased names
    QByteArray body;
};

RawReply raw(quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &extraHeaders = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    RawReply r;
    if (!socket.waitForConnected(5000))
        return r;
    socket.write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
    QByteArray got;
    QDeadlineTimer deadline(10000);
    qsizetype end = -1;
    qint64 length = -1;
    while (!deadline.hasExpired()) {
        if (end < 0 && (end = got.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = got.left(end).split('\n');
            r.status = lines.value(0).split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            length = method == "HEAD" || r.status == 304 ? 0 : r.headers.value("content-length", "0").toLongLong();
        }
        if (end >= 0 && got.size() >= end + 4 + length) {
            r.body = got.mid(end + 4, length);
            return r;
        }
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        got += socket.readAll();
    }
    r.status = -1; // incomplete answer
    return r;
}

} // namespace

class TestWebApp : public QObject
{
    Q_OBJECT

    // One server per case, on any free port, over an empty SQLite file (the app's files never touch it).
    struct Server
    {
        test::TestDatabase db;
        ApiHost host;
        bool ok = false;

        explicit Server(const QString &webAppDirectory)
        {
            if (!db.db)
                return;
            ApiOptions options;
            options.port = 0;
            options.webAppDirectory = webAppDirectory;
            ok = host.start(db->options(), options).ok();
        }
        ApiClient client() { return ApiClient(host.port()); }
    };

    // <tmp>/site/m is the app; <tmp>/site/etc/passwd and <tmp>/etc/passwd are what a `..` would reach.
    QTemporaryDir m_tmp;
    QString m_app;

    static void verifyNotFound(const Reply &r)
    {
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(r.headers.value("content-type"), QByteArrayLiteral("application/json; charset=utf-8"));
        QCOMPARE(r.headers.value("cache-control"), QByteArrayLiteral("no-store"));
        QVERIFY2(!r.body.contains("root:"), r.body.constData());
    }
    static void verifyNotFound(const RawReply &r)
    {
        QCOMPARE(r.status, 404);
        const QJsonObject error = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
        QVERIFY2(!r.body.contains("root:"), r.body.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestDatabase probe;
        if (!probe.skip.isEmpty())
            QSKIP(qPrintable(probe.skip));
        QVERIFY(m_tmp.isValid());
        const QDir tmp(m_tmp.path());
        m_app = tmp.filePath(QStringLiteral("site/m"));
        for (const char *dir : {"site/m/js", "site/m/css", "site/m/static/images", "site/etc", "etc", "outside"})
            QVERIFY(tmp.mkpath(QLatin1String(dir)));
        QVERIFY(writeFile(m_app + QStringLiteral("/index.html"), kIndex));
        QVERIFY(writeFile(m_app + QStringLiteral("/js/app.12345678.js"), kScript));
        QVERIFY(writeFile(m_app + QStringLiteral("/css/app.css"), kCss));
        QVERIFY(writeFile(m_app + QStringLiteral("/static/images/图标.svg"), kSvg));
        QVERIFY(writeFile(m_app + QStringLiteral("/manifest.webmanifest"), "{}"));
        QVERIFY(writeFile(m_app + QStringLiteral("/.secret"), "dotfile secret\n"));
        // What a way out of the folder would find: each exists, so only the server's checks keep them out.
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("site/etc/passwd")), "root:x:0:0:one level up\n"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("etc/passwd")), "root:x:0:0:two levels up\n"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("outside/secret.txt")), "root:x:0:0:outside\n"));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("outside/secret.txt")), m_app + QStringLiteral("/outside.txt")));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("outside")), m_app + QStringLiteral("/static/elsewhere")));
        QVERIFY(QFile::link(m_app + QStringLiteral("/.secret"), m_app + QStringLiteral("/not-hidden.txt")));
        if (QFileInfo(QStringLiteral("/etc/passwd")).isFile())
            QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), m_app + QStringLiteral("/passwd.txt")));
        // A legal name on Linux, but a path separator elsewhere: refused by name, not because it is missing.
        QVERIFY(writeFile(m_app + QStringLiteral("/js\\app.js"), kScript));
    }

    void slashlessPathRedirects()
    {
        Server s(m_app);
        QVERIFY(s.ok);
        for (const char *method : {"GET", "HEAD"}) {
            const RawReply r = raw(s.host.port(), method, "/m");
            QCOMPARE(r.status, 301);
            QCOMPARE(r.headers.value("location"), QByteArrayLiteral("/m/"));
        }
    }

    void indexIsServedAsIs()
    {
        Server s(m_app);
        QVERIFY(s.ok);
        ApiClient c = s.client();
        for (const QString &path : {QStringLiteral("/m/"), QStringLiteral("/m/index.html")}) {
            const Reply r = c.get(path);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, kIndex); // byte for byte, the Chinese title included
            QCOMPARE(r.headers.value("content-type"), QByteArrayLiteral("text/html; charset=utf-8"));
            QCOMPARE(r.headers.value("cache-control"), QByteArrayLiteral("no-cache"));
            QCOMPARE(r.headers.value("content-security-policy"), kCsp);
            QCOMPARE(r.headers.value("x-frame-options"), QByteArrayLiteral("DENY"));
            QCOMPARE(r.headers.value("referrer-policy"), QByteArrayLiteral("no-referrer"));
            QCOMPARE(r.headers.value("x-content-type-options"), QByteArrayLiteral("nosniff"));
            QVERIFY(!r.headers.value("etag").isEmpty());
        }
    }

    // No sign-in: a request with a token that means nothing still gets the page.
    void needsNoSignIn()
    {
        Server s(m_app);
        QVERIFY(s.ok);
        const Reply r = s.client().call("GET", QStringLiteral("/m/"), {}, {{"Authorization", "Bearer not-a-token"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, kIndex);
    }

    void typesAndCaching_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("cache");
        QTest::newRow("js") << QStringLiteral("/m/js/app.12345678.js") << kScript << QByteArrayLiteral("text/javascript; charset=utf-8")
                            << kImmutable;
        QTest::newRow("css") << QStringLiteral("/m/css/app.css") << kCss << QByteArrayLiteral("text/css; charset=utf-8") << kImmutable;
        QTest::newRow("svg, Chinese name") << QStringLiteral("/m/static/images/%E5%9B%BE%E6%A0%87.svg") << kSvg
                                           << QByteArrayLiteral("image/svg+xml") << kImmutable;
        QTest::newRow("unknown type, not hashed") << QStringLiteral("/m/manifest.webmanifest") << QByteArrayLiteral("{}")
                                                  << QByteArrayLiteral("application/octet-stream") << QByteArrayLiteral("no-cache");
    }
    void typesAndCaching()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, cache);
        Server s(m_app);
        QVERIFY(s.ok);
        const Reply r = s.client().get(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, content);
        QCOMPARE(r.headers.value("content-type"), type);
        QCOMPARE(r.headers.value("cache-control"), cache);
        QCOMPARE(r.headers.value("x-frame-options"), QByteArrayLiteral("DENY"));
        QVERIFY(!r.headers.contains("content-security-policy")); // pages only
    }

    void conditionalRequests()
    {
        Server s(m_app);
        QVERIFY(s.ok);
        ApiClient c = s.client();
        const Reply first = c.get(QStringLiteral("/m/js/app.12345678.js"));
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.headers.value("etag");
        QVERIFY(!etag.isEmpty());
        const Reply same = c.call("GET", QStringLiteral("/m/js/app.12345678.js"), {}, {{"If-None-Match", etag}});
        QCOMPARE(same.status, 304);
        QVERIFY(same.body.isEmpty());
        QCOMPARE(same.headers.value("etag"), etag);
        QCOMPARE(same.headers.value("cache-control"), kImmutable);
        const Reply listed = c.call("GET", QStringLiteral("/m/js/app.12345678.js"), {}, {{"If-None-Match", "\"other\", " + etag}});
        QCOMPARE(listed.status, 304);
        const Reply other = c.call("GET", QStringLiteral("/m/js/app.12345678.js"), {}, {{"If-None-Match", "W/\"other\""}});
        QCOMPARE(other.status, 200);
        QCOMPARE(other.body, kScript);
        // On the wire: a 304 names no length (a Content-Length would have to be the 200's, not 0).
        const RawReply wire = raw(s.host.port(), "GET", "/m/js/app.12345678.js", "If-None-Match: " + etag + "\r\n");
        QCOMPARE(wire.status, 304);
        QVERIFY(!wire.headers.contains("content-length"));
        QCOMPARE(wire.headers.value("etag"), etag);
    }

    // A rebuilt app is served at once: nothing is kept from before.
    void rebuiltFileIsServedAtOnce()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.html")), kIndex));
        Server s(dir.path());
        QVERIFY(s.ok);
        ApiClient c = s.client();
        const Reply before = c.get(QStringLiteral("/m/"));
        QCOMPARE(before.body, kIndex);
        const QByteArray rebuilt = kIndex + "<!-- rebuilt -->\n";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.html")), rebuilt));
        const Reply after = c.call("GET", QStringLiteral("/m/"), {}, {{"If-None-Match", before.headers.value("etag")}});
        QCOMPARE(after.status, 200);
        QCOMPARE(after.body, rebuilt);
        QVERIFY(after.headers.value("etag") != before.headers.value("etag"));
    }

    void headHasHeadersAndNoBody()
    {
        Server s(m_app);
        QVERIFY(s.ok);
        const Reply r = s.client().call("HEAD", QStringLiteral("/m/js/app.12345678.js"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.headers.value("content-length"), QByteArray::number(kScript.size()));
        QCOMPARE(r.headers.value("content-type"), QByteArrayLiteral("text/javascript; charset=utf-8"));
        QCOMPARE(r.headers.value("cache-control"), kImmutable);
        QVERIFY(!r.headers.value("etag").isEmpty());
        // Over a raw socket too: nothing follows the headers.
        const RawReply index = raw(s.host.port(), "HEAD", "/m/");
        QCOMPARE(index.status, 200);
        QCOMPARE(index.headers.value("content-length"), QByteArray::number(kIndex.size()));
        QCOMPARE(index.headers.value("content-security-policy"), kCsp);
        // An API answer's HEAD names the length its GET sends.
        const RawReply get = raw(s.host.port(), "GET", "/api/health");
        const RawReply head = raw(s.host.port(), "HEAD", "/api/health");
        QCOMPARE(head.status, 200);
        QVERIFY(get.body.size() > 0);
        QCOMPARE(head.headers.value("content-length"), QByteArray::number(get.body.size()));
        QCOMPARE(head.headers.value("content-type"), get.headers.value("content-type"));
    }

    void largeFileIsStreamed()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("static")));
        QByteArray big(int(WebAppFiles::kMaxInMemory + 1000), 'x');
        big[0] = 'a';
        big[big.size() - 1] = 'z';
        QVERIFY(writeFile(dir.filePath(QStringLiteral("static/big.bin")), big));
        Server s(dir.path());
        QVERIFY(s.ok);
        const Reply r = s.client().get(QStringLiteral("/m/static/big.bin"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), big.size());
        QVERIFY(r.body == big);
        QCOMPARE(r.headers.value("cache-control"), kImmutable);
    }

    void refusalsLookMissing()
    {
        Server s(m_app);
        QVERIFY(s.ok);
        ApiClient c = s.client();
        verifyNotFound(c.get(QStringLiteral("/m/nothing.js")));
        verifyNotFound(c.get(QStringLiteral("/m/.secret")));
        verifyNotFound(c.get(QStringLiteral("/m/%2esecret")));
        verifyNotFound(c.get(QStringLiteral("/m/outside.txt"))); // symlink to a file outside
        verifyNotFound(c.get(QStringLiteral("/m/passwd.txt"))); // symlink to /etc/passwd
        verifyNotFound(c.get(QStringLiteral("/m/static/elsewhere/secret.txt"))); // through a symlinked folder
        verifyNotFound(c.get(QStringLiteral("/m/not-hidden.txt"))); // symlink to the dotfile
        verifyNotFound(c.get(QStringLiteral("/m/js"))); // a directory
        verifyNotFound(c.get(QStringLiteral("/m/js/")));
        verifyNotFound(c.get(QStringLiteral("/m//index.html")));
        verifyNotFound(c.get(QStringLiteral("/m/js%5Capp.js"))); // backslash
        verifyNotFound(c.get(QStringLiteral("/m/index.html%00.js"))); // NUL

        const quint16 port = s.host.port();
        verifyNotFound(raw(port, "GET", "/m/../etc/passwd"));
        verifyNotFound(raw(port, "GET", "/m/../../etc/passwd"));
        verifyNotFound(raw(port, "GET", "/m/%2e%2e/%2e%2e/etc/passwd"));
        verifyNotFound(raw(port, "GET", "/m/%2E%2E/etc/passwd"));
        verifyNotFound(raw(port, "GET", "/m/..%2f..%2fetc/passwd"));
        verifyNotFound(raw(port, "GET", "/m/js/../index.html")); // even a `..` that stays inside
        verifyNotFound(raw(port, "GET", "/m/./index.html"));
    }

    void otherMethodsAreNotAllowed()
    {
        Server s(m_app);
        QVERIFY(s.ok);
        ApiClient c = s.client();
        for (const char *method : {"POST", "PUT", "DELETE"}) {
            const Reply r = c.call(method, QStringLiteral("/m/"), "{}");
            QCOMPARE(r.status, 405);
            QCOMPARE(r.errorCode(), QStringLiteral("method_not_allowed"));
            QCOMPARE(r.headers.value("allow"), QByteArrayLiteral("GET, HEAD"));
        }
        QCOMPARE(c.call("POST", QStringLiteral("/m/js/app.12345678.js"), "{}").status, 405);
    }

    void withoutAnAppEverythingIsMissing()
    {
        Server s(QString{});
        QVERIFY(s.ok);
        ApiClient c = s.client();
        verifyNotFound(c.get(QStringLiteral("/m/")));
        verifyNotFound(c.get(QStringLiteral("/m/index.html")));
        QCOMPARE(c.get(QStringLiteral("/api/health")).status, 200);

        Server missing(m_tmp.filePath(QStringLiteral("not-built")));
        QVERIFY(missing.ok);
        verifyNotFound(missing.client().get(QStringLiteral("/m/")));
    }

    // The API's answers are never stored; only the app's files say how to cache.
    void apiKeepsNoStore()
    {
        Server s(m_app);
        QVERIFY(s.ok);
        ApiClient c = s.client();
        const Reply health = c.get(QStringLiteral("/api/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.headers.value("cache-control"), QByteArrayLiteral("no-store"));
        const Reply me = c.get(QStringLiteral("/api/me"));
        QCOMPARE(me.status, 401);
        QCOMPARE(me.headers.value("cache-control"), QByteArrayLiteral("no-store"));
        QVERIFY(!health.headers.contains("x-frame-options")); // the app's headers stay the app's
    }
};

QTEST_GUILESS_MAIN(TestWebApp)
#include "tst_webapp.moc"
