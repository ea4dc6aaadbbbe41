// A customer's contacts over HTTP (POST /api/crm/customers/{id}/contacts, GET/PUT/PATCH/DELETE
// /api/crm/contacts/{id}): what ContactService decides (scope, permissions, one primary, validation)
// as the API answers it. The real server on a loopback port, on SQLite and PostgreSQL.
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"
#include "tests/httpapi/ApiTestServer.h"

#include <QJsonArray>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

constexpr qint64 kNow = 1'800'000'000'000;

qint64 count(Database &db, const QString &sql)
{
    QSqlQuery q = db.prepare(sql);
    if (!db.exec(q) || !q.next())
        qFatal("count failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

QJsonObject obj(const Reply &r, const char *key)
{
    return r.json.value(QLatin1String(key)).toObject();
}

qint64 idOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("id")).toInteger();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

bool primaryOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("primary")).toBool();
}

QString contactPath(qint64 id)
{
    return QStringLiteral("/api/crm/contacts/%1").arg(id);
}

QString customerContacts(qint64 customerId)
{
    return QStringLiteral("/api/crm/customers/%1/contacts").arg(customerId);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestApiContacts : public QObject
{
    Q_OBJECT

    // The shared test server, with this test's own counts and fixtures.
    struct Server : test::ApiTestServer
    {
        Server() : ApiTestServer(kNow) {}
        qint64 contacts() { return count(*db, QStringLiteral("SELECT COUNT(*) FROM contacts")); }
    };

    static qint64 newCustomer(ApiClient &c, const QString &name)
    {
        const Reply r = c.post(QStringLiteral("/api/crm/customers"), {{QStringLiteral("name"), name}});
        if (r.status != 201)
            qWarning("customer not created: %d %s", r.status, r.body.constData());
        return idOf(obj(r, "customer"));
    }

    static qint64 newContact(ApiClient &c, qint64 customerId, const QJsonObject &body)
    {
        const Reply r = c.post(customerContacts(customerId), body);
        if (r.status != 201)
            qWarning("contact not created: %d %s", r.status, r.body.constData());
        return idOf(obj(r, "contact"));
    }

    // The customer's contacts by name -> primary, as GET /api/crm/customers/{id}/contacts lists them.
    static QMap<QString, bool> listed(ApiClient &c, qint64 customerId)
    {
        QMap<QString, bool> out;
        for (const QJsonValue &v : c.get(customerContacts(customerId)).json.value(QStringLiteral("contacts")).toArray())
            out.insert(str(v.toObject(), "name"), primaryOf(v.toObject()));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestDatabase probe;
        if (!probe.skip.isEmpty())
            QSKIP(qPrintable(probe.skip));
    }

    void aRepAddsEditsAndRemovesContacts()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        const qint64 customer = newCustomer(wang, QStringLiteral("星河科技"));
        const qint64 zhaoCustomer = newCustomer(zhao, QStringLiteral("赵氏贸易"));
        QVERIFY(customer > 0 && zhaoCustomer > 0);

        // Added to the path's customer: a customerId (or id) in the body is ignored, the phone is
        // normalised and the email lower-cased as ContactService does.
        Reply r = wang.post(customerContacts(customer),
                            {{QStringLiteral("name"), QStringLiteral("  王芳 ")},
                             {QStringLiteral("position"), QStringLiteral("采购经理")},
                             {QStringLiteral("relationship"), QStringLiteral("decision maker")},
                             {QStringLiteral("phone"), QStringLiteral("+86 138-0013-8000")},
                             {QStringLiteral("email"), QStringLiteral("Wang.Fang@Example.COM")},
                             {QStringLiteral("notes"), QStringLiteral("prefers WeChat")},
                             {QStringLiteral("primary"), true},
                             {QStringLiteral("customerId"), double(zhaoCustomer)},
                             {QStringLiteral("id"), 999},
                             {QStringLiteral("userId"), double(s.team.zhao.userId)}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
        QJsonObject fang = obj(r, "contact");
        const qint64 fangId = idOf(fang);
        QVERIFY(fangId > 0 && fangId != 999);
        QCOMPARE(fang.value(QStringLiteral("customerId")).toInteger(), customer);
        QCOMPARE(str(fang, "name"), QStringLiteral("王芳"));
        QCOMPARE(str(fang, "position"), QStringLiteral("采购经理"));
        QCOMPARE(str(fang, "relationship"), QStringLiteral("decision maker"));
        QCOMPARE(str(fang, "phone"), QStringLiteral("13800138000"));
        QCOMPARE(str(fang, "email"), QStringLiteral("wang.fang@example.com"));
        QCOMPARE(str(fang, "notes"), QStringLiteral("prefers WeChat"));
        QVERIFY(primaryOf(fang));
        QVERIFY(!str(fang, "createdAt").isEmpty());
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE customer_id = %1").arg(zhaoCustomer)), 0);

        // It is in the customer's list and readable on its own.
        QCOMPARE(listed(wang, customer), (QMap<QString, bool>{{QStringLiteral("王芳"), true}}));
        r = wang.get(contactPath(fangId));
        QCOMPARE(r.status, 200);
        QCOMPARE(obj(r, "contact"), fang);
        QVERIFY(!r.json.contains(QStringLiteral("success")));
        QVERIFY(!r.headers.contains("etag")); // contacts have no version

        // PATCH changes the given field only (echoed read-only fields are ignored).
        r = wang.call("PATCH", contactPath(fangId),
                      compact({{QStringLiteral("position"), QStringLiteral("总经理")}, {QStringLiteral("createdAt"), 1},
                               {QStringLiteral("updatedAt"), 1}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
        QJsonObject patched = obj(r, "contact");
        QCOMPARE(str(patched, "position"), QStringLiteral("总经理"));
        for (const char *unchanged : {"name", "relationship", "phone", "email", "notes", "createdAt"})
            QCOMPARE(patched.value(QLatin1String(unchanged)), fang.value(QLatin1String(unchanged)));
        QVERIFY(primaryOf(patched));
        // PUT takes the given fields too: clearing the email leaves the phone.
        r = wang.put(contactPath(fangId), {{QStringLiteral("email"), QString()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(str(obj(r, "contact"), "email"), QString());
        QCOMPARE(str(obj(r, "contact"), "phone"), QStringLiteral("13800138000"));
        QCOMPARE(str(wang.get(contactPath(fangId)).json.value(QStringLiteral("contact")).toObject(), "position"), QStringLiteral("总经理"));

        // One primary per customer: making a second contact primary clears the first.
        const qint64 leiId = newContact(wang, customer, {{QStringLiteral("name"), QStringLiteral("李雷")}});
        QVERIFY(leiId > 0);
        QCOMPARE(listed(wang, customer), (QMap<QString, bool>{{QStringLiteral("王芳"), true}, {QStringLiteral("李雷"), false}}));
        r = wang.call("PATCH", contactPath(leiId), compact({{QStringLiteral("primary"), true}}));
        QCOMPARE(r.status, 200);
        QVERIFY(primaryOf(obj(r, "contact")));
        QVERIFY(!primaryOf(obj(wang.get(contactPath(fangId)), "contact")));
        QCOMPARE(listed(wang, customer), (QMap<QString, bool>{{QStringLiteral("王芳"), false}, {QStringLiteral("李雷"), true}}));
        // ...and so does adding a new primary one.
        const qint64 meiId = newContact(wang, customer, {{QStringLiteral("name"), QStringLiteral("韩梅梅")}, {QStringLiteral("primary"), true}});
        QVERIFY(meiId > 0);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE customer_id = %1 AND is_primary = 1").arg(customer)), 1);
        QVERIFY(!primaryOf(obj(wang.get(contactPath(leiId)), "contact")));

        // The rep's manager sees and edits them (the customer is in their scope).
        ApiClient li = s.as(QStringLiteral("li"));
        QCOMPARE(li.get(contactPath(fangId)).status, 200);
        QCOMPARE(li.call("PATCH", contactPath(fangId), compact({{QStringLiteral("notes"), QStringLiteral("call after 3pm")}})).status, 200);

        // DELETE removes it: gone from the list and the record.
        r = wang.call("DELETE", contactPath(leiId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json, (QJsonObject{{QStringLiteral("success"), true}}));
        QCOMPARE(wang.get(contactPath(leiId)).status, 404);
        QCOMPARE(wang.call("DELETE", contactPath(leiId)).status, 404);
        QCOMPARE(listed(wang, customer), (QMap<QString, bool>{{QStringLiteral("王芳"), false}, {QStringLiteral("韩梅梅"), true}}));

        // Each write is in the audit log, from the API.
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE source = 'api' AND entity = 'contact' AND action = 'create'")), 3);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE source = 'api' AND entity = 'contact' AND action = 'delete'")), 1);
    }

    void badBodiesAreRefusedAndWriteNothing()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("星河科技"));
        const qint64 fangId = newContact(wang, customer, {{QStringLiteral("name"), QStringLiteral("王芳")},
                                                          {QStringLiteral("email"), QStringLiteral("fang@example.com")}});
        QVERIFY(fangId > 0);
        const qint64 before = s.contacts();

        struct Case
        {
            const char *what;
            QJsonObject body;
            const char *code;
            const char *field;
        };
        const QVector<Case> cases = {
            {"no name", {{QStringLiteral("phone"), QStringLiteral("13800138000")}}, "validation.required", "name"},
            {"blank name", {{QStringLiteral("name"), QStringLiteral("   ")}}, "validation.required", "name"},
            {"name not text", {{QStringLiteral("name"), 42}}, "validation.type", "name"},
            {"long name", {{QStringLiteral("name"), QString(201, QLatin1Char('x'))}}, "validation.too_long", "name"},
            {"bad email", {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("email"), QStringLiteral("not-mail")}},
             "validation.format", "email"},
            {"bad phone", {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("phone"), QStringLiteral("call me")}},
             "validation.format", "phone"},
            {"primary as text", {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("primary"), QStringLiteral("yes")}},
             "validation.type", "primary"},
            {"primary null", {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("primary"), QJsonValue::Null}},
             "validation.type", "primary"},
            {"unknown field", {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("wechat"), QStringLiteral("wf")}},
             "validation.unknown_field", "wechat"},
        };
        for (const Case &c : cases) {
            const Reply r = wang.post(customerContacts(customer), c.body);
            QVERIFY2(r.status == 400, c.what);
            QVERIFY2(r.errorCode() == QLatin1String(c.code), qPrintable(QLatin1String(c.what) + QLatin1Char(' ') + r.errorCode()));
            QVERIFY2(r.errorField() == QLatin1String(c.field), qPrintable(QLatin1String(c.what) + QLatin1Char(' ') + r.errorField()));
        }
        // The same on an update (a body without a name is fine there: it keeps the name).
        for (const Case &c : cases) {
            if (!c.body.contains(QStringLiteral("name")))
                continue;
            const Reply r = wang.call("PATCH", contactPath(fangId), compact(c.body));
            QVERIFY2(r.status == 400, c.what);
            QVERIFY2(r.errorField() == QLatin1String(c.field), qPrintable(QLatin1String(c.what) + QLatin1Char(' ') + r.errorField()));
        }
        Reply r = wang.call("PATCH", contactPath(fangId), compact({{QStringLiteral("email"), QStringLiteral("nope@")}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("email"));
        QCOMPARE(wang.call("POST", customerContacts(customer), "{\"name\": \"x\"", {{"Content-Type", "application/json"}}).status, 400);
        QCOMPARE(wang.call("POST", customerContacts(customer), "name=x", {{"Content-Type", "application/x-www-form-urlencoded"}}).status, 415);
        QCOMPARE(wang.call("PATCH", contactPath(fangId), "[1]").status, 400);

        QCOMPARE(s.contacts(), before);
        r = wang.get(contactPath(fangId));
        QCOMPARE(str(obj(r, "contact"), "name"), QStringLiteral("王芳"));
        QCOMPARE(str(obj(r, "contact"), "email"), QStringLiteral("fang@example.com"));
        QVERIFY(!primaryOf(obj(r, "contact")));
    }

    void othersContactsAreMissing()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        const qint64 zhaoCustomer = newCustomer(zhao, QStringLiteral("赵氏贸易"));
        const qint64 zhaoContact = newContact(zhao, zhaoCustomer, {{QStringLiteral("name"), QStringLiteral("赵磊")}});
        QVERIFY(zhaoContact > 0);
        const qint64 before = s.contacts();

        // Another rep's customer and its contacts do not exist for Wang, whatever the verb. The
        // service names an out-of-scope customer on add as a bad customerId; the path's customer
        // answers 404 like a missing one.
        Reply r = wang.get(contactPath(zhaoContact));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(wang.call("PATCH", contactPath(zhaoContact), compact({{QStringLiteral("name"), QStringLiteral("改")}})).status, 404);
        QCOMPARE(wang.put(contactPath(zhaoContact), {{QStringLiteral("primary"), true}}).status, 404);
        QCOMPARE(wang.call("DELETE", contactPath(zhaoContact)).status, 404);
        r = wang.post(customerContacts(zhaoCustomer), {{QStringLiteral("name"), QStringLiteral("混进来")}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(r.errorField(), QString());
        QCOMPARE(wang.get(customerContacts(zhaoCustomer)).status, 404);
        // The same as customers and contacts that do not exist, or ids that cannot be ones.
        QCOMPARE(wang.post(customerContacts(999999), {{QStringLiteral("name"), QStringLiteral("x")}}).status, 404);
        QCOMPARE(wang.get(contactPath(999999)).status, 404);
        QCOMPARE(wang.get(QStringLiteral("/api/crm/contacts/abc")).status, 404);
        // Another team's manager does not see them either.
        QCOMPARE(s.as(QStringLiteral("sun")).get(contactPath(zhaoContact)).status, 404);
        QCOMPARE(s.contacts(), before);
        QCOMPARE(str(obj(zhao.get(contactPath(zhaoContact)), "contact"), "name"), QStringLiteral("赵磊"));

        // A role that may read every customer but write none sees the contact and may not change it.
        OrgService org(*s.db);
        auto role = org.createRole(s.team.admin, QStringLiteral("viewer"), DataScope::All, {Permission::CustomerRead});
        QVERIFY(role.ok());
        QVERIFY(org.setRole(s.team.admin, s.team.qian.userId, role->id).ok());
        ApiClient viewer = s.as(QStringLiteral("qian"));
        QCOMPARE(viewer.get(contactPath(zhaoContact)).status, 200);
        QCOMPARE(viewer.call("PATCH", contactPath(zhaoContact), compact({{QStringLiteral("name"), QStringLiteral("改")}})).status, 403);
        QCOMPARE(viewer.call("DELETE", contactPath(zhaoContact)).status, 403);
        QCOMPARE(viewer.post(customerContacts(zhaoCustomer), {{QStringLiteral("name"), QStringLiteral("x")}}).status, 403);
        QCOMPARE(s.contacts(), before);
    }

    void signInIsRequired()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("星河科技"));
        const qint64 fangId = newContact(wang, customer, {{QStringLiteral("name"), QStringLiteral("王芳")}});
        QVERIFY(fangId > 0);
        ApiClient anon(s.host.port());
        const QByteArray body = compact({{QStringLiteral("name"), QStringLiteral("x")}});
        const std::pair<QByteArray, QString> calls[] = {{"POST", customerContacts(customer)},
                                                        {"GET", contactPath(fangId)},
                                                        {"PUT", contactPath(fangId)},
                                                        {"PATCH", contactPath(fangId)},
                                                        {"DELETE", contactPath(fangId)}};
        for (const auto &[method, path] : calls) {
            const Reply r = anon.call(method, path, method == "GET" || method == "DELETE" ? QByteArray() : body);
            QVERIFY2(r.status == 401, method.constData());
            QVERIFY(r.headers.value("www-authenticate").startsWith("Bearer"));
        }
        QCOMPARE(s.contacts(), 1);
        QCOMPARE(str(obj(wang.get(contactPath(fangId)), "contact"), "name"), QStringLiteral("王芳"));
    }

    void routesAreDocumented()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient anon(s.host.port());
        const QJsonObject paths = anon.get(QStringLiteral("/api/openapi.json")).json.value(QStringLiteral("paths")).toObject();
        const QJsonObject one = paths.value(QStringLiteral("/api/crm/contacts/{id}")).toObject();
        for (const char *method : {"get", "put", "patch", "delete"}) {
            const QJsonObject op = one.value(QLatin1String(method)).toObject();
            QVERIFY2(!op.value(QStringLiteral("summary")).toString().isEmpty(), method);
            QVERIFY2(!op.value(QStringLiteral("security")).toArray().isEmpty(), method);
        }
        const QJsonObject list = paths.value(QStringLiteral("/api/crm/customers/{id}/contacts")).toObject();
        QVERIFY(list.contains(QStringLiteral("get")));
        QVERIFY(!list.value(QStringLiteral("post")).toObject().value(QStringLiteral("summary")).toString().isEmpty());
        QCOMPARE(anon.call("POST", QStringLiteral("/api/crm/contacts/1"), "{}").status, 405);
    }
};

QTEST_GUILESS_MAIN(TestApiContacts)
#include "tst_api_contacts.moc"
