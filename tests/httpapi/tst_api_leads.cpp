// Leads over HTTP (/api/crm/leads: scope, ETag/If-Match, conversion) and the public lead form
// (/api/public/leads: no sign-in, validation, a per-address limit shared through the database by
// every server process): the real server on a loopback port, on SQLite and PostgreSQL.
#include "httpapi/ApiHost.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/httpapi/ApiClient.h"

#include <QJsonArray>
#include <QSet>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

const QString kPassword = QStringLiteral("s3cret-pass"); // makeTeam's
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

QJsonArray arr(const Reply &r, const char *key)
{
    return r.json.value(QLatin1String(key)).toArray();
}

qint64 idOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("id")).toInteger();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QSet<QString> names(const Reply &r)
{
    QSet<QString> out;
    for (const QJsonValue &v : arr(r, "leads"))
        out.insert(str(v.toObject(), "name"));
    return out;
}

} // namespace

class TestApiLeads : public QObject
{
    Q_OBJECT

    struct Server
    {
        ManualClock clock{kNow};
        test::TestDatabase db{&clock};
        Team team;
        ApiHost host, second; // second: another server process on the same database
        DatabaseOptions dbOptions;
        ApiOptions options;
        bool ok = false;

        explicit Server(int publicLeadsPerAddress = 20)
        {
            if (!db.db)
                return;
            team = makeTeam(*db);
            options.port = 0;
            options.behindProxy = true; // the tests speak as nginx would, with X-Real-IP
            options.publicLeadsPerAddress = publicLeadsPerAddress;
            dbOptions = db->options();
            dbOptions.clock = &clock;
            ok = host.start(dbOptions, options).ok();
        }
        ApiClient as(const QString &username)
        {
            ApiClient c(host.port());
            if (!c.login(username, kPassword))
                qWarning("login as %s failed", qPrintable(username));
            return c;
        }
        ApiClient anonymous(quint16 port = 0) { return ApiClient(port ? port : host.port()); }
    };

    static QJsonObject leadBody(const QString &name, const QString &phone)
    {
        return {{QStringLiteral("name"), name}, {QStringLiteral("phone"), phone}, {QStringLiteral("company"), QString(name + QStringLiteral("公司"))},
                {QStringLiteral("source"), QStringLiteral("trade-show")}};
    }

    static qint64 newLead(ApiClient &c, const QString &name, const QString &phone)
    {
        const Reply r = c.post(QStringLiteral("/api/crm/leads"), leadBody(name, phone));
        if (r.status != 201)
            qWarning("lead not created: %d %s", r.status, r.body.constData());
        return idOf(obj(r, "lead"));
    }

    static QString leadPath(qint64 id, const char *sub = nullptr)
    {
        return QStringLiteral("/api/crm/leads/%1").arg(id) + (sub ? QLatin1Char('/') + QLatin1String(sub) : QString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestDatabase probe;
        if (!probe.skip.isEmpty())
            QSKIP(qPrintable(probe.skip));
    }

    void leadsAreScopedAndVersioned()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        ApiClient li = s.as(QStringLiteral("li"));
        ApiClient qian = s.as(QStringLiteral("qian"));

        // Identity and owner come from the token; read-only fields sent along are ignored.
        QJsonObject body = leadBody(QStringLiteral("王芳"), QStringLiteral("138 0013 8000"));
        body.insert(QStringLiteral("userId"), double(s.team.zhao.userId));
        body.insert(QStringLiteral("id"), 999);
        body.insert(QStringLiteral("createdAt"), double(1));
        Reply r = wang.post(QStringLiteral("/api/crm/leads"), body);
        QCOMPARE(r.status, 201);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QJsonObject lead = obj(r, "lead");
        const qint64 wangLead = idOf(lead);
        QVERIFY(wangLead > 0 && wangLead != 999);
        QCOMPARE(lead.value(QStringLiteral("ownerId")).toInteger(), s.team.wang.userId);
        QCOMPARE(str(lead, "phone"), QStringLiteral("13800138000"));
        QCOMPARE(str(lead, "status"), QStringLiteral("new"));
        QCOMPARE(str(lead, "source"), QStringLiteral("trade-show"));
        QCOMPARE(lead.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v1\""));
        QVERIFY(lead.value(QStringLiteral("convertedCustomerId")).isNull());
        const qint64 zhaoLead = newLead(zhao, QStringLiteral("赵磊"), QStringLiteral("13900139000"));
        const qint64 qianLead = newLead(qian, QStringLiteral("钱多"), QStringLiteral("13700137000"));
        QVERIFY(zhaoLead > 0 && qianLead > 0);

        // Bad bodies: nothing written.
        const qint64 before = count(*s.db, QStringLiteral("SELECT COUNT(*) FROM leads"));
        r = wang.post(QStringLiteral("/api/crm/leads"), {{QStringLiteral("phone"), QStringLiteral("13800000000")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("name"));
        r = wang.post(QStringLiteral("/api/crm/leads"), {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("email"), QStringLiteral("not-mail")}});
        QCOMPARE(r.errorField(), QStringLiteral("email"));
        r = wang.post(QStringLiteral("/api/crm/leads"), {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("budget"), 5}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("validation.unknown_field"));
        QCOMPARE(r.errorField(), QStringLiteral("budget"));
        r = wang.post(QStringLiteral("/api/crm/leads"), {{QStringLiteral("name"), 42}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("name"));
        r = wang.post(QStringLiteral("/api/crm/leads"), {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("status"), QStringLiteral("converted")}});
        QCOMPARE(r.errorField(), QStringLiteral("status"));
        QCOMPARE(wang.call("POST", QStringLiteral("/api/crm/leads"), "{\"name\": \"x\"", {{"Content-Type", "application/json"}}).status, 400);
        QCOMPARE(wang.call("POST", QStringLiteral("/api/crm/leads"), "name=x", {{"Content-Type", "application/x-www-form-urlencoded"}}).status, 415);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM leads")), before);

        // Lists: a rep sees their own, the manager the team's, another team nothing of it.
        r = wang.get(QStringLiteral("/api/crm/leads"));
        QCOMPARE(r.status, 200);
        QCOMPARE(names(r), QSet<QString>{QStringLiteral("王芳")});
        QCOMPARE(r.json.value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("hasMore")).toBool(), false);
        r = wang.get(QStringLiteral("/api/crm/leads?ownerId=%1").arg(s.team.zhao.userId)); // asking for another's: nothing
        QCOMPARE(arr(r, "leads").size(), 0);
        r = li.get(QStringLiteral("/api/crm/leads"));
        QCOMPARE(names(r), (QSet<QString>{QStringLiteral("王芳"), QStringLiteral("赵磊")}));
        r = li.get(QStringLiteral("/api/crm/leads?ownerId=%1").arg(s.team.zhao.userId));
        QCOMPARE(names(r), QSet<QString>{QStringLiteral("赵磊")});
        QCOMPARE(names(qian.get(QStringLiteral("/api/crm/leads"))), QSet<QString>{QStringLiteral("钱多")});
        QCOMPARE(arr(li.get(QStringLiteral("/api/crm/leads?status=contacted")), "leads").size(), 0);
        QCOMPARE(arr(li.get(QStringLiteral("/api/crm/leads?status=new,contacted")), "leads").size(), 2);
        r = li.get(QStringLiteral("/api/crm/leads?status=bogus"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("status"));
        QCOMPARE(li.get(QStringLiteral("/api/crm/leads?ownerId=abc")).errorField(), QStringLiteral("ownerId"));
        QCOMPARE(li.get(QStringLiteral("/api/crm/leads?page=-1")).errorField(), QStringLiteral("page"));
        QCOMPARE(li.get(QStringLiteral("/api/crm/leads?limit=100000")).status, 200);

        // Another rep's lead, or another team's, is missing, for every verb.
        QCOMPARE(wang.get(leadPath(zhaoLead)).status, 404);
        QCOMPARE(wang.call("PATCH", leadPath(zhaoLead), "{\"status\":\"contacted\"}").status, 404);
        QCOMPARE(wang.post(leadPath(zhaoLead, "convert"), {}).status, 404);
        QCOMPARE(li.get(leadPath(qianLead)).status, 404);
        QCOMPARE(wang.get(leadPath(999999)).status, 404);
        QCOMPARE(wang.get(QStringLiteral("/api/crm/leads/abc")).status, 404); // not an id: no such lead
        QCOMPARE(str(obj(li.get(leadPath(zhaoLead)), "lead"), "name"), QStringLiteral("赵磊"));

        // PATCH with If-Match: the current version applies, a stale one is refused and writes nothing.
        r = wang.get(leadPath(wangLead));
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v1\""));
        r = wang.call("PATCH", leadPath(wangLead), "{\"status\":\"contacted\",\"notes\":\"回电\",\"ownerName\":\"ignored\"}",
                      {{"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 200);
        QCOMPARE(str(obj(r, "lead"), "status"), QStringLiteral("contacted"));
        QCOMPARE(str(obj(r, "lead"), "notes"), QStringLiteral("回电"));
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v2\""));
        r = wang.call("PATCH", leadPath(wangLead), "{\"status\":\"qualified\"}", {{"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 412);
        QCOMPARE(str(obj(wang.get(leadPath(wangLead)), "lead"), "status"), QStringLiteral("contacted"));
        r = wang.call("PATCH", leadPath(wangLead), "{\"status\":\"won\"}");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("status"));
        // Handing it to another team's rep is not the rep's to do.
        r = wang.call("PATCH", leadPath(wangLead), QStringLiteral("{\"ownerId\":%1}").arg(s.team.qian.userId).toUtf8());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("ownerId"));
        r = wang.put(leadPath(wangLead), {{QStringLiteral("company"), QStringLiteral("星河科技")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(obj(r, "lead").value(QStringLiteral("version")).toInt(), 3);

        // Keyset pages over the manager's leads: every lead once.
        for (int i = 0; i < 3; ++i)
            QVERIFY(newLead(zhao, QStringLiteral("线索%1").arg(i), QStringLiteral("1350013500%1").arg(i)) > 0);
        QSet<qint64> seen;
        QString after;
        for (int guard = 0; guard < 10; ++guard) {
            r = li.get(QStringLiteral("/api/crm/leads?limit=2") + (after.isEmpty() ? QString() : QStringLiteral("&after=") + after));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json.value(QStringLiteral("total")).toInt(), 5);
            for (const QJsonValue &v : arr(r, "leads"))
                QVERIFY(!seen.contains(idOf(v.toObject())) && (seen.insert(idOf(v.toObject())), true));
            if (!r.json.value(QStringLiteral("hasMore")).toBool())
                break;
            after = r.json.value(QStringLiteral("next")).toString();
        }
        QCOMPARE(seen.size(), 5);
        r = li.get(QStringLiteral("/api/crm/leads?limit=2&page=3"));
        QCOMPARE(arr(r, "leads").size(), 1);
        QCOMPARE(r.json.value(QStringLiteral("hasMore")).toBool(), false);
        // Every write is in the audit log as the API's: 6 leads created, 3 fields changed (one row each).
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE source = 'api' AND entity = 'lead' AND action = 'create'")), 6);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE source = 'api' AND entity = 'lead' AND action = 'update'")), 3);
    }

    void conversionKeepsTheLeadAsHistory()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        const qint64 lead = newLead(wang, QStringLiteral("李娜"), QStringLiteral("13600136000"));
        QVERIFY(lead > 0);
        QCOMPARE(wang.call("PATCH", leadPath(lead), "{\"status\":\"qualified\"}").status, 200);

        // Bad conversion options: nothing is created.
        Reply r = wang.post(leadPath(lead, "convert"), {{QStringLiteral("amount"), QStringLiteral("12.345")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("amount"));
        r = wang.post(leadPath(lead, "convert"), {{QStringLiteral("pipelineId"), 999999}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("pipelineId"));
        r = wang.post(leadPath(lead, "convert"), {{QStringLiteral("discount"), 5}});
        QCOMPARE(r.errorField(), QStringLiteral("discount"));
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM customers")), 0);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 0);
        QCOMPARE(zhao.post(leadPath(lead, "convert"), {}).status, 404);

        r = wang.post(leadPath(lead, "convert"), {{QStringLiteral("opportunityName"), QStringLiteral("李娜 首单")},
                                                  {QStringLiteral("amount"), QStringLiteral("12000.50")},
                                                  {QStringLiteral("expectedCloseDate"), QStringLiteral("2027-03-01")},
                                                  {QStringLiteral("userId"), double(s.team.zhao.userId)}});
        QCOMPARE(r.status, 201);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        const qint64 customer = r.json.value(QStringLiteral("customerId")).toInteger();
        const qint64 contact = r.json.value(QStringLiteral("contactId")).toInteger();
        const qint64 opportunity = r.json.value(QStringLiteral("opportunityId")).toInteger();
        QVERIFY(customer > 0 && contact > 0 && opportunity > 0);
        QCOMPARE(str(obj(r, "lead"), "status"), QStringLiteral("converted"));

        // What it became belongs to the lead's owner and is visible to them.
        r = wang.get(QStringLiteral("/api/crm/customers/%1").arg(customer));
        QCOMPARE(r.status, 200);
        QCOMPARE(obj(r, "customer").value(QStringLiteral("ownerId")).toInteger(), s.team.wang.userId);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE id = %1 AND lead_id = %2 AND amount_minor = 1200050")
                                  .arg(opportunity).arg(lead)),
                 1);

        // The lead stays, read-only, linked to all three, with its history in the audit log.
        r = wang.get(leadPath(lead));
        QCOMPARE(r.status, 200);
        const QJsonObject kept = obj(r, "lead");
        QCOMPARE(str(kept, "status"), QStringLiteral("converted"));
        QCOMPARE(str(kept, "name"), QStringLiteral("李娜"));
        QCOMPARE(kept.value(QStringLiteral("convertedCustomerId")).toInteger(), customer);
        QCOMPARE(kept.value(QStringLiteral("convertedContactId")).toInteger(), contact);
        QCOMPARE(kept.value(QStringLiteral("convertedOpportunityId")).toInteger(), opportunity);
        QVERIFY(!kept.value(QStringLiteral("convertedAt")).isNull());
        QCOMPARE(arr(wang.get(QStringLiteral("/api/crm/leads?status=converted")), "leads").size(), 1);
        QCOMPARE(wang.call("PATCH", leadPath(lead), "{\"status\":\"new\"}").status, 409);
        QCOMPARE(wang.post(leadPath(lead, "convert"), {}).status, 409);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM customers")), 1);
        // Its history: created, qualified, converted (one row per changed field: status and the three links).
        const QString history = QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'lead' AND entity_id = %1 AND source = 'api'"
                                               " AND action = '%2'");
        QCOMPARE(count(*s.db, history.arg(lead).arg(QStringLiteral("create"))), 1);
        QCOMPARE(count(*s.db, history.arg(lead).arg(QStringLiteral("update"))), 1);
        QCOMPARE(count(*s.db, history.arg(lead).arg(QStringLiteral("convert"))), 4);

        // Without an opportunity, from an empty body's defaults... and explicitly.
        const qint64 second = newLead(wang, QStringLiteral("周杰"), QStringLiteral("13500135001"));
        r = wang.post(leadPath(second, "convert"), {{QStringLiteral("createOpportunity"), false}});
        QCOMPARE(r.status, 201);
        QVERIFY(r.json.value(QStringLiteral("opportunityId")).isNull());
        const qint64 third = newLead(wang, QStringLiteral("吴桐"), QStringLiteral("13500135002"));
        r = wang.call("POST", leadPath(third, "convert"));
        QCOMPARE(r.status, 201);
        QVERIFY(r.json.value(QStringLiteral("opportunityId")).toInteger() > 0);
    }

    void publicFormNeedsNoSignIn()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient visitor = s.anonymous();
        const QList<QPair<QByteArray, QByteArray>> from = {{"X-Real-IP", "198.51.100.10"}};
        Reply r = visitor.post(QStringLiteral("/api/public/leads"),
                               {{QStringLiteral("name"), QStringLiteral("陈晨")}, {QStringLiteral("phone"), QStringLiteral("+86 138-0000-1111")},
                                {QStringLiteral("company"), QStringLiteral("晨光文具")}, {QStringLiteral("message"), QStringLiteral("想要报价")},
                                {QStringLiteral("source"), QStringLiteral("expo-landing")}},
                               from);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json, QJsonObject({{QStringLiteral("success"), true}})); // nothing about our records, not even the id
        QSqlQuery q = s.db->prepare(QStringLiteral("SELECT name, phone, company, notes, source, status, owner_id, created_by FROM leads"));
        QVERIFY(s.db->exec(q).ok() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("陈晨"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("晨光文具"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("想要报价"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("expo-landing"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("new"));
        QVERIFY(q.value(6).isNull()); // unassigned until someone hands it out
        QVERIFY(q.value(7).isNull());
        q.finish();
        // An email instead of a phone will do; without a source it is tagged as the website form's.
        r = visitor.post(QStringLiteral("/api/public/leads"),
                         {{QStringLiteral("name"), QStringLiteral("Anna")}, {QStringLiteral("email"), QStringLiteral("Anna@Example.com")}}, from);
        QCOMPARE(r.status, 201);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM leads WHERE source = 'website-form' AND email = 'anna@example.com'")), 1);

        // The unassigned queue: those who hand out work see it, reps do not.
        ApiClient admin = s.as(QStringLiteral("admin"));
        ApiClient li = s.as(QStringLiteral("li"));
        ApiClient wang = s.as(QStringLiteral("wang"));
        QCOMPARE(arr(admin.get(QStringLiteral("/api/crm/leads?ownerId=none")), "leads").size(), 2);
        QCOMPARE(arr(li.get(QStringLiteral("/api/crm/leads?ownerId=none")), "leads").size(), 2);
        QCOMPARE(arr(wang.get(QStringLiteral("/api/crm/leads")), "leads").size(), 0);
        // ... and it is the API's in the audit log.
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'lead' AND source = 'api' AND action = 'create'")), 2);

        // Bad input: 400 naming the field, nothing written.
        auto bad = [&](const QJsonObject &body) { return visitor.post(QStringLiteral("/api/public/leads"), body, from); };
        r = bad({{QStringLiteral("phone"), QStringLiteral("13800001111")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("name"));
        r = bad({{QStringLiteral("name"), QStringLiteral("   ")}, {QStringLiteral("phone"), QStringLiteral("13800001111")}});
        QCOMPARE(r.errorField(), QStringLiteral("name"));
        r = bad({{QStringLiteral("name"), QStringLiteral("x")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("phone"));
        r = bad({{QStringLiteral("name"), QStringLiteral("x").repeated(201)}, {QStringLiteral("phone"), QStringLiteral("13800001111")}});
        QCOMPARE(r.errorCode(), QStringLiteral("validation.too_long"));
        QCOMPARE(r.errorField(), QStringLiteral("name"));
        r = bad({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("phone"), QStringLiteral("1").repeated(51)}});
        QCOMPARE(r.errorField(), QStringLiteral("phone"));
        r = bad({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("phone"), QStringLiteral("12ab")}});
        QCOMPARE(r.errorField(), QStringLiteral("phone"));
        r = bad({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("email"), QStringLiteral("nobody")}});
        QCOMPARE(r.errorField(), QStringLiteral("email"));
        r = bad({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("phone"), QStringLiteral("13800001111")},
                 {QStringLiteral("message"), QStringLiteral("m").repeated(2001)}});
        QCOMPARE(r.errorField(), QStringLiteral("message"));
        // A stranger sets no owner, status or anything else.
        r = bad({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("phone"), QStringLiteral("13800001111")},
                 {QStringLiteral("ownerId"), double(s.team.wang.userId)}});
        QCOMPARE(r.errorCode(), QStringLiteral("validation.unknown_field"));
        QCOMPARE(r.errorField(), QStringLiteral("ownerId"));
        r = bad({{QStringLiteral("name"), QStringLiteral("'); DROP TABLE leads; --")}, {QStringLiteral("phone"), 13800001111.0}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("phone"));
        // Only JSON.
        QCOMPARE(visitor.call("POST", QStringLiteral("/api/public/leads"), "name=x&phone=13800001111",
                              {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Real-IP", "198.51.100.10"}})
                     .status,
                 415);
        r = visitor.call("POST", QStringLiteral("/api/public/leads"), "{\"name\":", {{"Content-Type", "application/json"}, {"X-Real-IP", "198.51.100.10"}});
        QCOMPARE(r.status, 400);
        QVERIFY(!r.body.contains("SQL") && !r.body.contains("sqlite") && !r.body.contains("postgres"));
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM leads")), 2);
        // A token is not needed, and a broken one does not matter.
        visitor.token = QStringLiteral("not-a-token");
        QCOMPARE(visitor.post(QStringLiteral("/api/public/leads"),
                              {{QStringLiteral("name"), QStringLiteral("Tom")}, {QStringLiteral("email"), QStringLiteral("tom@example.com")}},
                              {{"X-Real-IP", "198.51.100.11"}})
                     .status,
                 201);
    }

    void publicFormIsLimitedPerAddressAcrossProcesses()
    {
        Server s(5);
        QVERIFY(s.ok);
        QVERIFY(s.second.start(s.dbOptions, s.options).ok()); // another `crm serve` on the same database
        ApiClient one = s.anonymous(), two = s.anonymous(s.second.port());
        auto submit = [&](ApiClient &c, const QByteArray &address, int i) {
            return c.post(QStringLiteral("/api/public/leads"),
                          {{QStringLiteral("name"), QStringLiteral("访客%1").arg(i)}, {QStringLiteral("phone"), QStringLiteral("1380000%1").arg(1000 + i)}},
                          {{"X-Real-IP", address}});
        };
        // Five from one address, through both processes; a bad submission counts too.
        QCOMPARE(submit(one, "203.0.113.7", 1).status, 201);
        QCOMPARE(two.post(QStringLiteral("/api/public/leads"), {{QStringLiteral("name"), QStringLiteral("x")}}, {{"X-Real-IP", "203.0.113.7"}}).status, 400);
        QCOMPARE(submit(two, "203.0.113.7", 2).status, 201);
        QCOMPARE(submit(one, "203.0.113.7", 3).status, 201);
        QCOMPARE(submit(two, "203.0.113.7", 4).status, 201);
        const qint64 written = count(*s.db, QStringLiteral("SELECT COUNT(*) FROM leads"));
        QCOMPARE(written, 4);
        for (int i = 5; i < 9; ++i) {
            const Reply r = submit(i % 2 ? one : two, "203.0.113.7", i);
            QCOMPARE(r.status, 429);
            QCOMPARE(r.errorCode(), QStringLiteral("rate_limited"));
            const int retryAfter = r.headers.value("retry-after").toInt();
            QVERIFY2(retryAfter > 0 && retryAfter <= 3600, r.headers.value("retry-after").constData());
        }
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM leads")), written); // nothing more written
        // IPv4 in IPv6 clothing is the same address.
        QCOMPARE(submit(one, "::ffff:203.0.113.7", 9).status, 429);
        // Another address is not held back, nor is the same /64's neighbour of another address's /64.
        QCOMPARE(submit(one, "203.0.113.8", 10).status, 201);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(submit(two, QByteArray("2001:db8:1:2::") + QByteArray::number(i + 1), 20 + i).status, 201);
        QCOMPARE(submit(one, "2001:db8:1:2:ffff::9", 30).status, 429); // one subscriber's /64 is one client
        QCOMPARE(submit(one, "2001:db8:1:3::1", 31).status, 201);
        // Signing in is a separate budget: the form's flood does not lock anyone out.
        ApiClient wang(s.host.port());
        QVERIFY(wang.login(QStringLiteral("wang"), kPassword));
        // The window ends: the address may submit again.
        s.clock.advance(60 * 60 * 1000);
        QCOMPARE(submit(two, "203.0.113.7", 40).status, 201);
    }

    void publicFormTrustsTheProxyHeaderOnlyWhenConfigured()
    {
        Server s(2);
        QVERIFY(s.ok);
        s.host.stop();
        s.options.behindProxy = false;
        QVERIFY(s.host.start(s.dbOptions, s.options).ok());
        ApiClient c = s.anonymous();
        auto submit = [&](const QByteArray &address, int i) {
            return c.post(QStringLiteral("/api/public/leads"),
                          {{QStringLiteral("name"), QStringLiteral("访客%1").arg(i)}, {QStringLiteral("email"), QStringLiteral("v%1@example.com").arg(i)}},
                          {{"X-Real-IP", address}});
        };
        // Without --behind-proxy a forged X-Real-IP does not buy a fresh budget: the peer address counts.
        QCOMPARE(submit("192.0.2.1", 1).status, 201);
        QCOMPARE(submit("192.0.2.2", 2).status, 201);
        QCOMPARE(submit("192.0.2.3", 3).status, 429);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM leads")), 2);
    }

    void routesAreDocumented()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient anon = s.anonymous();
        const Reply doc = anon.get(QStringLiteral("/api/openapi.json"));
        QCOMPARE(doc.status, 200);
        const QJsonObject paths = doc.json.value(QStringLiteral("paths")).toObject();
        for (const char *required : {"/api/crm/leads", "/api/crm/leads/{id}", "/api/crm/leads/{id}/convert", "/api/public/leads"})
            QVERIFY2(paths.contains(QLatin1String(required)), required);
        const QJsonObject lead = paths.value(QStringLiteral("/api/crm/leads/{id}")).toObject();
        QVERIFY(lead.contains(QStringLiteral("get")) && lead.contains(QStringLiteral("patch")));
        const QJsonObject form = paths.value(QStringLiteral("/api/public/leads")).toObject().value(QStringLiteral("post")).toObject();
        QVERIFY(form.value(QStringLiteral("security")).toArray().isEmpty()); // public
        QVERIFY(!paths.value(QStringLiteral("/api/crm/leads")).toObject().value(QStringLiteral("get")).toObject()
                     .value(QStringLiteral("security")).toArray().isEmpty());
        QCOMPARE(anon.get(QStringLiteral("/api/crm/leads")).status, 401);
        QCOMPARE(anon.call("DELETE", QStringLiteral("/api/public/leads")).status, 405);
    }
};

QTEST_GUILESS_MAIN(TestApiLeads)
#include "tst_api_leads.moc"
