// The HTTP API end to end: the real server on a loopback port (its own thread and connection),
// real requests, on SQLite and PostgreSQL.
#include "core/ChangeFeed.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "core/services/PoolService.h"
#include "httpapi/ApiHost.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/httpapi/ApiClient.h"

#include <QJsonArray>
#include <QNetworkInterface>
#include <QTcpServer>
#include <QTcpSocket>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

const QString kPassword = QStringLiteral("s3cret-pass"); // makeTeam's

qint64 count(Database &db, const QString &sql)
{
    QSqlQuery q = db.prepare(sql);
    if (!db.exec(q) || !q.next())
        qFatal("count failed");
    return q.value(0).toLongLong();
}

} // namespace

class TestApi : public QObject
{
    Q_OBJECT

    // One server per test, on any free port, over the test's database.
    struct Server
    {
        ManualClock clock{1'800'000'000'000};
        test::TestDatabase db{&clock};
        Team team;
        ApiHost host;
        bool ok = false;

        explicit Server(ApiOptions options = {})
        {
            if (!db.db)
                return;
            team = makeTeam(*db);
            options.port = 0;
            DatabaseOptions dbOptions = db->options();
            dbOptions.clock = &clock;
            ok = host.start(dbOptions, options).ok();
        }
        ApiClient client() { return ApiClient(host.port()); }
        ApiClient as(const QString &username)
        {
            ApiClient c(host.port());
            if (!c.login(username, kPassword))
                qWarning("login as %s failed", qPrintable(username));
            return c;
        }
    };

    static QJsonObject customerBody(const QString &name, const QString &phone = {})
    {
        QJsonObject o{{QStringLiteral("name"), name}};
        if (!phone.isEmpty())
            o.insert(QStringLiteral("phone"), phone);
        return o;
    }

private Q_SLOTS:
    void healthAndOpenApiMatchTheRoutes()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient anon = s.client();
        QCOMPARE(anon.get(QStringLiteral("/api/health")).json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const Reply doc = anon.get(QStringLiteral("/api/openapi.json"));
        QCOMPARE(doc.status, 200);
        const QJsonObject paths = doc.json.value(QStringLiteral("paths")).toObject();
        for (const char *required : {"/api/auth/login", "/api/me", "/api/crm/customers", "/api/crm/customers/{id}",
                                     "/api/crm/pool", "/api/crm/pool/{id}/claim", "/api/crm/customers/{id}/release",
                                     "/api/crm/duplicates", "/api/health"})
            QVERIFY2(paths.contains(QLatin1String(required)), required);
        // Every documented operation is served: none answers the router's own 404 or a 405.
        ApiClient admin = s.as(QStringLiteral("admin"));
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            QString path = it.key();
            path.replace(QStringLiteral("{id}"), QStringLiteral("999999"));
            for (const QString &method : it.value().toObject().keys()) {
                if (path == QLatin1String("/api/auth/logout"))
                    continue;
                const Reply r = admin.call(method.toUpper().toLatin1(), path, "{}");
                QVERIFY2(r.status != 405 && r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message"))
                                                 != QLatin1String("No such resource"),
                         qPrintable(method + QLatin1Char(' ') + path + QLatin1Char(' ') + QString::number(r.status)));
            }
        }
        QCOMPARE(anon.get(QStringLiteral("/api/nothing/here")).status, 404);
        QCOMPARE(anon.call("DELETE", QStringLiteral("/api/health")).status, 405);
    }

    // The address the desktop's settings show is one a browser can open, IPv6 too ("http://[::1]:port").
    void urlIsOneAClientCanOpen()
    {
        {
            Server v4;
            QVERIFY(v4.ok);
            QCOMPARE(v4.host.url(), QStringLiteral("http://127.0.0.1:%1").arg(v4.host.port()));
            QCOMPARE(ApiClient(v4.host.url()).get(QStringLiteral("/api/health")).status, 200);
        }
        {
            // On every interface: the address shown for phones is one of this machine's, and it answers.
            ApiOptions options;
            options.address = QHostAddress::AnyIPv4;
            Server any(options);
            QVERIFY(any.ok);
            QCOMPARE(any.host.url(), QStringLiteral("http://0.0.0.0:%1").arg(any.host.port()));
            const QUrl reachable(any.host.reachableUrl());
            QCOMPARE(reachable.port(), int(any.host.port()));
            const QHostAddress host(reachable.host());
            if (host.isEqual(QHostAddress::AnyIPv4)) {
                qInfo("no network interface besides loopback: the address stays 0.0.0.0");
            } else {
                QVERIFY2(QNetworkInterface::allAddresses().contains(host), qPrintable(reachable.host()));
                QVERIFY(!host.isLoopback());
                QCOMPARE(ApiClient(any.host.reachableUrl()).get(QStringLiteral("/api/health")).status, 200);
            }
        }
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHostIPv6))
            QSKIP("this machine has no IPv6 loopback");
        probe.close();
        ApiOptions options;
        options.address = QHostAddress::LocalHostIPv6;
        Server v6(options);
        QVERIFY(v6.ok);
        QCOMPARE(v6.host.url(), QStringLiteral("http://[::1]:%1").arg(v6.host.port()));
        QCOMPARE(ApiClient(v6.host.url()).get(QStringLiteral("/api/health")).status, 200);
    }

    void tokensAreRequiredAndExpire()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient c = s.client();
        Reply r = c.get(QStringLiteral("/api/crm/customers"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.headers.value("www-authenticate"), QByteArray("Bearer"));
        QVERIFY(!c.login(QStringLiteral("wang"), QStringLiteral("wrong-password")));
        c.token = QStringLiteral("forged-token-forged-token-forged-token-xxxx");
        QCOMPARE(c.get(QStringLiteral("/api/me")).status, 401);

        QVERIFY(c.login(QStringLiteral("wang"), kPassword));
        r = c.get(QStringLiteral("/api/me"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString(), QStringLiteral("wang"));
        QCOMPARE(r.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("dataScope")).toString(), QStringLiteral("own"));
        QCOMPARE(c.post(QStringLiteral("/api/auth/logout"), {}).status, 200);
        QCOMPARE(c.get(QStringLiteral("/api/me")).errorCode(), QStringLiteral("auth.invalid_token"));

        QVERIFY(c.login(QStringLiteral("wang"), kPassword));
        s.clock.advance(8LL * 24 * 3600 * 1000);
        QCOMPARE(c.get(QStringLiteral("/api/me")).errorCode(), QStringLiteral("auth.expired"));
    }

    void generatedPasswordMustBeChangedFirst()
    {
        Server s;
        QVERIFY(s.ok);
        NewUser boss{QStringLiteral("boss"), QStringLiteral("Boss"), QStringLiteral("Generated-Pass-1"), QStringLiteral("administrator"),
                     {}, {}, {}, {}, true};
        QVERIFY(OrgService(*s.db).createUser(s.team.admin, boss).ok());
        ApiClient c = s.client();
        QVERIFY(c.login(QStringLiteral("boss"), QStringLiteral("Generated-Pass-1")));
        QCOMPARE(c.get(QStringLiteral("/api/crm/customers")).errorCode(), QStringLiteral("auth.password_change_required"));
        QVERIFY(c.get(QStringLiteral("/api/me")).json.value(QStringLiteral("user")).toObject().value(QStringLiteral("mustChangePassword")).toBool());
        const QString password = QStringLiteral("/api/auth/password");
        QCOMPARE(c.post(password, {{QStringLiteral("currentPassword"), QStringLiteral("wrong-one")},
                                   {QStringLiteral("newPassword"), QStringLiteral("My-own-pass-2026")}}).errorField(),
                 QStringLiteral("currentPassword"));
        QCOMPARE(c.post(password, {{QStringLiteral("currentPassword"), QStringLiteral("Generated-Pass-1")},
                                   {QStringLiteral("newPassword"), QStringLiteral("short")}}).errorField(),
                 QStringLiteral("newPassword"));
        QCOMPARE(c.post(password, {{QStringLiteral("currentPassword"), QStringLiteral("Generated-Pass-1")},
                                   {QStringLiteral("newPassword"), QStringLiteral("My-own-pass-2026")}}).status, 200);
        QCOMPARE(c.get(QStringLiteral("/api/crm/customers")).status, 200);
        QVERIFY(c.login(QStringLiteral("boss"), QStringLiteral("My-own-pass-2026")));
    }

    void loginIsThrottledPerAddress()
    {
        ApiOptions options;
        options.loginFailuresPerAddress = 3;
        Server s(options);
        QVERIFY(s.ok);
        ApiClient c = s.client();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(c.post(QStringLiteral("/api/auth/login"), {{QStringLiteral("username"), QStringLiteral("user%1").arg(i)},
                                                              {QStringLiteral("password"), QStringLiteral("nope-nope")}}).status, 401);
        const Reply r = c.post(QStringLiteral("/api/auth/login"), {{QStringLiteral("username"), QStringLiteral("wang")},
                                                                 {QStringLiteral("password"), kPassword}});
        QCOMPARE(r.status, 429);
        QVERIFY(r.headers.value("retry-after").toInt() > 0);
        s.clock.advance(16 * 60 * 1000);
        QVERIFY(c.login(QStringLiteral("wang"), kPassword));
    }

    void customerCrudWithEtags()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        Reply created = wang.post(QStringLiteral("/api/crm/customers"),
                                  {{QStringLiteral("name"), QStringLiteral("深圳星河科技有限公司")},
                                   {QStringLiteral("phone"), QStringLiteral("+86 138 1234 5678")},
                                   {QStringLiteral("tags"), QJsonArray{QStringLiteral("VIP")}},
                                   {QStringLiteral("ownerId"), double(s.team.zhao.userId)}});
        QCOMPARE(created.status, 403); // a rep cannot give a new customer to someone else
        created = wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("深圳星河科技有限公司"), QStringLiteral("+86 138 1234 5678")));
        QCOMPARE(created.status, 201);
        const QJsonObject customer = created.json.value(QStringLiteral("customer")).toObject();
        const QString path = QStringLiteral("/api/crm/customers/%1").arg(customer.value(QStringLiteral("id")).toInteger());
        QCOMPARE(customer.value(QStringLiteral("phone")).toString(), QStringLiteral("13812345678"));
        QCOMPARE(customer.value(QStringLiteral("ownerId")).toInteger(), s.team.wang.userId);
        QCOMPARE(created.headers.value("etag"), QByteArray("\"v1\""));

        Reply got = wang.get(path);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.headers.value("etag"), QByteArray("\"v1\""));
        Reply updated = wang.put(path, {{QStringLiteral("status"), QStringLiteral("active")}}, {{"If-Match", "\"v1\""}});
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.headers.value("etag"), QByteArray("\"v2\""));
        Reply stale = wang.put(path, {{QStringLiteral("status"), QStringLiteral("lost")}}, {{"If-Match", "\"v1\""}});
        QCOMPARE(stale.status, 412);
        QCOMPARE(wang.get(path).json.value(QStringLiteral("customer")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("active"));
        Reply patched = wang.call("PATCH", path, R"({"level":"A","version":99,"createdAt":"x"})");
        QCOMPARE(patched.status, 200); // read-only fields are ignored, never trusted
        QCOMPARE(patched.json.value(QStringLiteral("customer")).toObject().value(QStringLiteral("version")).toInt(), 3);

        Reply listed = wang.get(QStringLiteral("/api/crm/customers?keyword=%E7%A7%91%E6%8A%80&status=all&sortBy=lastContact&page=1&limit=20"));
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json.value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(listed.json.value(QStringLiteral("totalExact")).toBool(), true);
        QCOMPARE(listed.json.value(QStringLiteral("hasMore")).toBool(), false);
        QCOMPARE(listed.json.value(QStringLiteral("customers")).toArray().size(), 1);

        // Text that needs escaping survives the JSON writer exactly.
        const QString tricky = QStringLiteral("引号\"反斜杠\\换行\n制表\t\u0001 😀 end");
        Reply odd = wang.post(QStringLiteral("/api/crm/customers"), {{QStringLiteral("name"), tricky}, {QStringLiteral("notes"), tricky}});
        QCOMPARE(odd.status, 201);
        QCOMPARE(odd.json.value(QStringLiteral("customer")).toObject().value(QStringLiteral("name")).toString(), tricky);
        QCOMPARE(odd.json.value(QStringLiteral("customer")).toObject().value(QStringLiteral("value")).toDouble(), 0.0);

        QCOMPARE(wang.call("DELETE", path).status, 403); // reps may not delete (customer.delete)
        ApiClient admin = s.as(QStringLiteral("admin"));
        QCOMPARE(admin.call("DELETE", path).status, 200);
        QCOMPARE(wang.get(path).status, 404);
        // Every write went to the audit log as the API user.
        QVERIFY(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE source = 'api' AND entity = 'customer'")) >= 4);
    }

    // The phone reads the field definitions to label and edit customers' customFields; values the
    // definitions refuse are 400 naming customFields.<key>, nothing written.
    void customFieldsAreListedAndChecked()
    {
        Server s;
        QVERIFY(s.ok);
        CustomFieldDef region;
        region.key = QStringLiteral("region");
        region.label = QStringLiteral("大区");
        region.type = QStringLiteral("choice");
        region.options = {QStringLiteral("华东"), QStringLiteral("华南")};
        QVERIFY(CustomFieldService(*s.db).add(s.team.admin, region).ok());
        ApiClient wang = s.as(QStringLiteral("wang"));
        const Reply fields = wang.get(QStringLiteral("/api/crm/custom-fields"));
        QCOMPARE(fields.status, 200);
        const QJsonObject f = fields.json.value(QStringLiteral("fields")).toArray().at(0).toObject();
        QCOMPARE(f.value(QStringLiteral("key")).toString(), QStringLiteral("region"));
        QCOMPARE(f.value(QStringLiteral("label")).toString(), QStringLiteral("大区"));
        QCOMPARE(f.value(QStringLiteral("options")).toArray().size(), 2);
        QCOMPARE(f.value(QStringLiteral("required")).toBool(), false);
        QCOMPARE(s.client().get(QStringLiteral("/api/crm/custom-fields")).status, 401);

        QJsonObject body = customerBody(QStringLiteral("华南客户"), QStringLiteral("13900001111"));
        body.insert(QStringLiteral("customFields"), QJsonObject{{QStringLiteral("region"), QStringLiteral("东北")}});
        const Reply refused = wang.post(QStringLiteral("/api/crm/customers"), body);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorField(), QStringLiteral("customFields.region"));
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE name = '华南客户'")), 0);
        body.insert(QStringLiteral("customFields"), QJsonObject{{QStringLiteral("region"), QStringLiteral("华南")}});
        const Reply created = wang.post(QStringLiteral("/api/crm/customers"), body);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(QStringLiteral("customer")).toObject().value(QStringLiteral("customFields")).toObject()
                     .value(QStringLiteral("region")).toString(),
                 QStringLiteral("华南"));
    }

    void scopeMatrix()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang")), zhao = s.as(QStringLiteral("zhao")), li = s.as(QStringLiteral("li")),
                  qian = s.as(QStringLiteral("qian")), admin = s.as(QStringLiteral("admin"));
        const qint64 id = wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("王家的客户")))
                              .json.value(QStringLiteral("customer")).toObject().value(QStringLiteral("id")).toInteger();
        const QString path = QStringLiteral("/api/crm/customers/%1").arg(id);
        for (ApiClient *other : {&zhao, &qian}) {
            QCOMPARE(other->get(path).status, 404);
            QCOMPARE(other->put(path, {{QStringLiteral("name"), QStringLiteral("taken")}}).status, 404);
            QCOMPARE(other->call("DELETE", path).status, 403); // reps may not delete at all
            QCOMPARE(other->get(QStringLiteral("/api/crm/customers")).json.value(QStringLiteral("total")).toInt(), 0);
        }
        QCOMPARE(li.get(path).status, 200); // wang's manager
        QCOMPARE(li.get(QStringLiteral("/api/crm/customers")).json.value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(admin.get(path).status, 200);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE name = 'taken'")), 0);
    }

    // With a change feed (crm serve, the desktop), a list's total is counted once while the user pages
    // and reloads it, and counted again after any change on the feed: a write the feed does not see
    // (the test's own connection) leaves the kept total, a write through the API renews it.
    void listTotalsAreKeptUntilAChange()
    {
        ChangeFeed feed;
        ManualClock clock{1'800'000'000'000};
        test::TestDatabase db{&clock};
        QVERIFY(db.db);
        Team team = makeTeam(*db);
        ApiOptions options;
        options.port = 0;
        DatabaseOptions dbOptions = db->options();
        dbOptions.clock = &clock;
        dbOptions.feed = &feed;
        ApiHost host;
        QVERIFY(host.start(dbOptions, options).ok());
        ApiClient wang(host.port());
        QVERIFY(wang.login(QStringLiteral("wang"), kPassword));
        auto total = [&](const QString &query) {
            return wang.get(QStringLiteral("/api/crm/customers?") + query).json.value(QStringLiteral("total")).toInt();
        };
        QCOMPARE(wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("第一家"))).status, 201);
        QCOMPARE(total(QStringLiteral("page=1&limit=20")), 1);
        Customer unseen;
        unseen.name = QStringLiteral("第二家");
        QVERIFY(CustomerService(*db).create(team.wang, unseen).ok()); // not on the server's feed
        QCOMPARE(total(QStringLiteral("page=2&limit=20")), 1);         // the kept total, whatever the page
        QCOMPARE(total(QStringLiteral("page=1&limit=20&keyword=%E7%AC%AC")), 2); // another filter counts
        QCOMPARE(wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("第三家"))).status, 201);
        QCOMPARE(total(QStringLiteral("page=1&limit=20")), 3); // renewed by the API's write
        ApiClient li(host.port());
        QVERIFY(li.login(QStringLiteral("li"), kPassword));
        QCOMPARE(li.get(QStringLiteral("/api/crm/customers?page=1&limit=20")).json.value(QStringLiteral("total")).toInt(), 3);
        ApiClient zhao(host.port());
        QVERIFY(zhao.login(QStringLiteral("zhao"), kPassword));
        QCOMPARE(zhao.get(QStringLiteral("/api/crm/customers?page=1&limit=20")).json.value(QStringLiteral("total")).toInt(), 0);
        host.stop();
    }

    // Created and last-contact ranges, half-open, as epoch ms or ISO 8601 with an offset.
    void listFiltersByCreatedAndLastContact()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 t0 = s.clock.nowMs();
        QCOMPARE(wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("早的客户"))).status, 201);
        s.clock.advance(24 * 3600 * 1000);
        QCOMPARE(wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("晚的客户"))).status, 201);
        auto names = [&](const QString &query) {
            const Reply r = wang.get(QStringLiteral("/api/crm/customers?") + query);
            QStringList out;
            for (const QJsonValue &c : r.json.value(QStringLiteral("customers")).toArray())
                out << c.toObject().value(QStringLiteral("name")).toString();
            out.sort();
            return out;
        };
        const QString split = QString::number(t0 + 1);
        QCOMPARE(names(QStringLiteral("createdFrom=") + split), QStringList{QStringLiteral("晚的客户")});
        QCOMPARE(names(QStringLiteral("createdTo=") + split), QStringList{QStringLiteral("早的客户")});
        QCOMPARE(names(QStringLiteral("createdFrom=%1&createdTo=%2").arg(t0).arg(t0 + 2 * 24 * 3600 * 1000)).size(), 2);
        // 2027-01-15T08:00:00Z is t0; an hour later in China's offset, URL-encoded "+".
        QCOMPARE(names(QStringLiteral("createdFrom=2027-01-15T17:00:00%2B08:00")), QStringList{QStringLiteral("晚的客户")});
        // Neither was ever contacted (0): "not contacted since t0" is both, "contacted since t0" none.
        QCOMPARE(names(QStringLiteral("lastContactTo=%1").arg(t0)).size(), 2);
        QVERIFY(names(QStringLiteral("lastContactFrom=%1").arg(t0)).isEmpty());
        // The mini program's serialised objects are ignored; a bad time names the parameter.
        QCOMPARE(names(QStringLiteral("createdFrom=%5Bobject%20Object%5D")).size(), 2);
        const Reply bad = wang.get(QStringLiteral("/api/crm/customers?createdTo=yesterday"));
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorField(), QStringLiteral("createdTo"));
        QCOMPARE(wang.get(QStringLiteral("/api/crm/customers?createdFrom=2027-01-15T17:00:00")).errorField(),
                 QStringLiteral("createdFrom")); // no offset: refused rather than read in the server's zone
    }

    void badInputsGetDocumentedErrorsAndWriteNothing()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const QString customers = QStringLiteral("/api/crm/customers");
        struct Case { const char *name; QByteArray body; QList<QPair<QByteArray, QByteArray>> headers; int status; };
        const Case cases[] = {
            {"malformed", "{\"name\": ", {}, 400},
            {"truncated", "{\"name\": \"abc\"", {}, 400},
            {"array", "[1,2]", {}, 400},
            {"wrong type", "{\"name\": 42}", {}, 400},
            {"unknown field", "{\"name\": \"x\", \"nmae\": \"y\"}", {}, 400},
            {"invalid utf-8", "{\"name\": \"\xff\xfe\"}", {}, 400},
            {"missing name", "{\"phone\": \"13812345678\"}", {}, 400},
            {"bad phone", "{\"name\": \"x\", \"phone\": \"call me\"}", {}, 400},
            {"not json", "name=x", {{"Content-Type", "application/x-www-form-urlencoded"}}, 415},
            // Over the 1 MiB body limit, under the connection guard's cut-off (tested on a raw socket below).
            {"too large", "{\"name\": \"" + QByteArray(1024 * 1024 + 10 * 1024, 'a') + "\"}", {}, 413},
        };
        for (const Case &c : cases) {
            const Reply r = wang.call("POST", customers, c.body, c.headers);
            QVERIFY2(r.status == c.status, qPrintable(QString::fromLatin1(c.name) + QStringLiteral(": ") + QString::number(r.status)));
            QVERIFY2(!r.errorCode().isEmpty(), c.name);
        }
        QCOMPARE(wang.call("POST", customers, "{\"name\": 42}").errorField(), QStringLiteral("name"));
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM customers")), 0);

        QCOMPARE(wang.get(customers + QStringLiteral("?page=-1")).status, 400);
        QCOMPARE(wang.get(customers + QStringLiteral("?page=99999999999")).status, 400);
        QCOMPARE(wang.get(customers + QStringLiteral("?limit=100000")).json.value(QStringLiteral("limit")).toInt(), 100);
        QCOMPARE(wang.get(customers + QStringLiteral("?sortBy=password")).status, 400);
        QCOMPARE(wang.get(customers + QStringLiteral("?keyword=%27%20OR%201%3D1%3B%20DROP%20TABLE%20customers%3B--")).status, 200);
        QCOMPARE(wang.get(customers + QStringLiteral("/abc")).status, 404);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM users")), 6);
    }

    void retriedPostsWriteOnce()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "c0ffee-1"}};
        const Reply first = wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("只建一次")), key);
        const Reply retry = wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("只建一次")), key);
        QCOMPARE(first.status, 201);
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.body, first.body);
        QCOMPARE(retry.headers.value("idempotent-replay"), QByteArray("true"));
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM customers")), 1);
        QCOMPARE(wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("别的")), key).status, 409);
        // A failed request stores nothing: its retry runs again.
        const QList<QPair<QByteArray, QByteArray>> key2{{"Idempotency-Key", "c0ffee-2"}};
        QCOMPARE(wang.post(QStringLiteral("/api/crm/customers"), {{QStringLiteral("name"), QString()}}, key2).status, 400);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM idempotency_keys")), 1);
    }

    void poolClaimRaceHasOneWinner()
    {
        Server s;
        QVERIFY(s.ok);
        CustomerService customers(*s.db);
        Customer pooled;
        pooled.name = QStringLiteral("公海客户");
        auto created = customers.create(s.team.admin, pooled);
        QVERIFY(created.ok());
        QVERIFY(PoolService(*s.db).release(s.team.admin, created->id).ok());
        ApiClient wang = s.as(QStringLiteral("wang")), zhao = s.as(QStringLiteral("zhao"));
        QCOMPARE(wang.get(QStringLiteral("/api/crm/pool")).json.value(QStringLiteral("total")).toInt(), 1);
        const QString claim = QStringLiteral("/api/crm/pool/%1/claim").arg(created->id);
        const Reply a = wang.post(claim, {});
        const Reply b = zhao.post(claim, {});
        QCOMPARE(a.status, 200);
        QCOMPARE(b.status, 409);
        QCOMPARE(customers.get(s.team.admin, created->id)->ownerId.value(), s.team.wang.userId);
        QCOMPARE(zhao.get(QStringLiteral("/api/crm/customers/%1").arg(created->id)).status, 404);
        QCOMPARE(wang.post(QStringLiteral("/api/crm/customers/%1/release").arg(created->id), {}).status, 200);
        QCOMPARE(zhao.post(claim, {}).status, 200);
    }

    void duplicateCheckRevealsOnlyTheState()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang")), zhao = s.as(QStringLiteral("zhao"));
        QCOMPARE(wang.post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("机密客户"), QStringLiteral("13900001111"))).status, 201);
        const Reply r = zhao.get(QStringLiteral("/api/crm/duplicates?phone=139-0000-1111"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("exists")).toBool());
        QCOMPARE(r.json.value(QStringLiteral("duplicates")).toArray().first().toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("owned_by_other"));
        QVERIFY(!r.body.contains("机密客户"));
        QVERIFY(!r.body.contains(s.team.wang.username.toUtf8()));
    }

    // Several server threads share the port; each has its own connection, all see the same data.
    void severalServerThreadsServeTogether()
    {
        ApiOptions options;
        options.threads = 3;
        Server s(options);
        QVERIFY(s.ok);
        std::vector<ApiClient> clients;
        for (int i = 0; i < 6; ++i)
            clients.push_back(s.as(QStringLiteral("wang")));
        for (int i = 0; i < int(clients.size()); ++i)
            QCOMPARE(clients[i].post(QStringLiteral("/api/crm/customers"), customerBody(QStringLiteral("客户%1").arg(i))).status, 201);
        for (ApiClient &c : clients)
            QCOMPARE(c.get(QStringLiteral("/api/crm/customers")).json.value(QStringLiteral("total")).toInt(), 6);
    }

    void idleAndOversizedConnectionsAreClosed()
    {
        ApiOptions options;
        options.limits.idleTimeoutMs = 300;
        Server s(options);
        QVERIFY(s.ok);
        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, s.host.port());
        QVERIFY(idle.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(idle.state(), QAbstractSocket::UnconnectedState, 5000);

        QTcpSocket flood;
        flood.connectToHost(QHostAddress::LocalHost, s.host.port());
        QVERIFY(flood.waitForConnected(5000));
        flood.write("POST /api/crm/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n");
        const QByteArray chunk(64 * 1024, 'a');
        QByteArray answer;
        for (int i = 0; i < 64 && flood.state() == QAbstractSocket::ConnectedState; ++i) {
            flood.write(chunk);
            flood.waitForBytesWritten(1000);
            if (flood.waitForReadyRead(10))
                answer += flood.readAll();
        }
        QTRY_VERIFY_WITH_TIMEOUT((answer += flood.readAll()).contains("413") || flood.state() == QAbstractSocket::UnconnectedState, 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(100).constData());
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
