// Campaigns and customer feedback over HTTP (/api/crm/campaigns, its participants, and
// /api/crm/customers/{id}/feedback): what CampaignService and FeedbackService decide (permissions,
// the customer scope of participants and scores, validation) as the API answers it, with ETag and
// If-Match. The real server on a loopback port, on SQLite and PostgreSQL.
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/httpapi/ApiTestServer.h"

#include <QJsonArray>
#include <QSet>

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

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString campaignPath(qint64 id, const QString &sub = {})
{
    return QStringLiteral("/api/crm/campaigns/%1").arg(id) + (sub.isEmpty() ? QString() : QLatin1Char('/') + sub);
}

QString participantsPath(qint64 campaignId)
{
    return campaignPath(campaignId, QStringLiteral("participants"));
}

QString feedbackPath(qint64 customerId)
{
    return QStringLiteral("/api/crm/customers/%1/feedback").arg(customerId);
}

QSet<QString> keys(const QJsonObject &o)
{
    const QStringList k = o.keys();
    return {k.begin(), k.end()};
}

} // namespace

class TestApiCampaigns : public QObject
{
    Q_OBJECT

    // The shared test server, with this test's own counts and fixtures.
    struct Server : test::ApiTestServer
    {
        Server() : ApiTestServer(kNow) {}
        qint64 campaigns() { return count(*db, QStringLiteral("SELECT COUNT(*) FROM campaigns")); }
        qint64 participants(qint64 campaignId)
        {
            return count(*db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants WHERE campaign_id = %1").arg(campaignId));
        }
        qint64 feedback() { return count(*db, QStringLiteral("SELECT COUNT(*) FROM feedback")); }
    };

    static qint64 newCustomer(ApiClient &c, const QString &name, const QString &source, const QString &status)
    {
        const Reply r = c.post(QStringLiteral("/api/crm/customers"),
                               {{QStringLiteral("name"), name}, {QStringLiteral("source"), source}, {QStringLiteral("status"), status}});
        if (r.status != 201)
            qWarning("customer not created: %d %s", r.status, r.body.constData());
        return idOf(obj(r, "customer"));
    }

    static qint64 newCampaign(ApiClient &c, const QJsonObject &body)
    {
        const Reply r = c.post(QStringLiteral("/api/crm/campaigns"), body);
        if (r.status != 201)
            qWarning("campaign not created: %d %s", r.status, r.body.constData());
        return idOf(obj(r, "campaign"));
    }

    // Every page of a keyset list, following `next` as `after`: the ids (or customer ids) in order.
    static QList<qint64> allPages(ApiClient &c, const QString &path, const char *items, const char *idKey, int &pages)
    {
        QList<qint64> seen;
        QString after;
        pages = 0;
        for (int guard = 0; guard < 20; ++guard) {
            const QString sep = path.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?");
            const Reply r = c.get(path + (after.isEmpty() ? QString() : sep + QStringLiteral("after=") + after));
            if (r.status != 200) {
                qWarning("page failed: %d %s", r.status, r.body.constData());
                return {};
            }
            ++pages;
            for (const QJsonValue &v : arr(r, items))
                seen << v.toObject().value(QLatin1String(idKey)).toInteger();
            if (!r.json.value(QStringLiteral("hasMore")).toBool()) {
                if (!r.json.value(QStringLiteral("next")).isNull())
                    qWarning("next on the last page");
                return seen;
            }
            after = r.json.value(QStringLiteral("next")).toString();
        }
        return seen;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestDatabase probe;
        if (!probe.skip.isEmpty())
            QSKIP(qPrintable(probe.skip));
    }

    void aManagerRunsACampaign()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient li = s.as(QStringLiteral("li"));
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        ApiClient qian = s.as(QStringLiteral("qian"));

        // Customers: the target (expo, active) matches two in Li's team and one in another team.
        const qint64 wangExpo = newCustomer(wang, QStringLiteral("星河科技"), QStringLiteral("expo"), QStringLiteral("active"));
        const qint64 wangNew = newCustomer(wang, QStringLiteral("晨光文具"), QStringLiteral("expo"), QStringLiteral("new"));
        const qint64 wangWeb = newCustomer(wang, QStringLiteral("蓝海贸易"), QStringLiteral("web"), QStringLiteral("active"));
        const qint64 zhaoExpo = newCustomer(zhao, QStringLiteral("赵氏贸易"), QStringLiteral("expo"), QStringLiteral("active"));
        const qint64 qianExpo = newCustomer(qian, QStringLiteral("钱庄"), QStringLiteral("expo"), QStringLiteral("active"));
        QVERIFY(wangExpo > 0 && wangNew > 0 && wangWeb > 0 && zhaoExpo > 0 && qianExpo > 0);

        // Create: echoed read-only fields are ignored, the budget arrives as decimal text.
        const QJsonObject target{{QStringLiteral("statuses"), QJsonArray{QStringLiteral("active")}},
                                 {QStringLiteral("source"), QStringLiteral("expo")}};
        QJsonObject body{{QStringLiteral("name"), QStringLiteral("春季展会回访")},
                         {QStringLiteral("goal"), QStringLiteral("50 sign-ups")},
                         {QStringLiteral("description"), QStringLiteral("Call everyone we met at the fair")},
                         {QStringLiteral("startDate"), QStringLiteral("2027-03-01")},
                         {QStringLiteral("endDate"), QStringLiteral("2027-03-31")},
                         {QStringLiteral("budget"), QStringLiteral("1234.50")},
                         {QStringLiteral("currency"), QStringLiteral("CNY")},
                         {QStringLiteral("target"), target},
                         {QStringLiteral("id"), 999},
                         {QStringLiteral("ownerId"), double(s.team.wang.userId)},
                         {QStringLiteral("version"), 7}};
        Reply r = li.post(QStringLiteral("/api/crm/campaigns"), body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v1\""));
        const QJsonObject spring = obj(r, "campaign");
        const qint64 springId = idOf(spring);
        QVERIFY(springId > 0 && springId != 999);
        QCOMPARE(keys(spring), (QSet<QString>{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("goal"),
                                              QStringLiteral("description"), QStringLiteral("startDate"), QStringLiteral("endDate"),
                                              QStringLiteral("status"), QStringLiteral("budget"), QStringLiteral("currency"),
                                              QStringLiteral("target"), QStringLiteral("ownerId"), QStringLiteral("ownerName"),
                                              QStringLiteral("createdAt"), QStringLiteral("updatedAt"), QStringLiteral("version")}));
        QCOMPARE(str(spring, "name"), QStringLiteral("春季展会回访"));
        QCOMPARE(str(spring, "goal"), QStringLiteral("50 sign-ups"));
        QCOMPARE(str(spring, "startDate"), QStringLiteral("2027-03-01"));
        QCOMPARE(str(spring, "endDate"), QStringLiteral("2027-03-31"));
        QCOMPARE(str(spring, "status"), QStringLiteral("planned"));
        QVERIFY(spring.value(QStringLiteral("budget")).isDouble());
        QCOMPARE(spring.value(QStringLiteral("budget")).toDouble(), 1234.5);
        QCOMPARE(str(spring, "currency"), QStringLiteral("CNY"));
        QCOMPARE(spring.value(QStringLiteral("target")).toObject(), target);
        QCOMPARE(spring.value(QStringLiteral("ownerId")).toInteger(), s.team.li.userId); // the caller, not the body's
        QCOMPARE(str(spring, "ownerName"), QStringLiteral("li"));
        QCOMPARE(str(spring, "createdAt"), QStringLiteral("2027-01-15T08:00:00.000Z"));
        QCOMPARE(spring.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT budget_minor FROM campaigns WHERE id = %1").arg(springId)), 123450);

        // Refused bodies write nothing; a rep may not create campaigns at all.
        const qint64 before = s.campaigns();
        auto refused = [&](const QJsonObject &b) { return li.post(QStringLiteral("/api/crm/campaigns"), b); };
        r = refused({{QStringLiteral("goal"), QStringLiteral("no name")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("name"));
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("audience"), 5}});
        QCOMPARE(r.errorCode(), QStringLiteral("validation.unknown_field"));
        QCOMPARE(r.errorField(), QStringLiteral("audience"));
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("budget"), QStringLiteral("-5")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("budget")); // the service's budgetMinor, as the body names it
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("budget"), QStringLiteral("12.345")}});
        QCOMPARE(r.errorField(), QStringLiteral("budget"));
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("target"), QStringLiteral("active")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("target"));
        // A misspelt or mistyped condition would otherwise silently target everyone.
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("target"), QJsonObject{{QStringLiteral("status"), QJsonArray{QStringLiteral("active")}}}}});
        QCOMPARE(r.errorCode(), QStringLiteral("validation.unknown_field"));
        QCOMPARE(r.errorField(), QStringLiteral("target.status"));
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("target"), QJsonObject{{QStringLiteral("statuses"), QStringLiteral("active")}}}});
        QCOMPARE(r.errorField(), QStringLiteral("target.statuses"));
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("target"), QJsonObject{{QStringLiteral("statuses"), QJsonArray{QStringLiteral("vip")}}}}});
        QCOMPARE(r.errorField(), QStringLiteral("target.statuses"));
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("target"), QJsonObject{{QStringLiteral("ownerId"), double(s.team.qian.userId)}}}});
        QCOMPARE(r.errorField(), QStringLiteral("target.ownerId")); // another team's rep: out of Li's scope
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("startDate"), QStringLiteral("2027-04-01")},
                     {QStringLiteral("endDate"), QStringLiteral("2027-03-01")}});
        QCOMPARE(r.errorField(), QStringLiteral("endDate"));
        r = refused({{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("status"), QStringLiteral("running")}});
        QCOMPARE(r.errorField(), QStringLiteral("status"));
        r = wang.post(QStringLiteral("/api/crm/campaigns"), {{QStringLiteral("name"), QStringLiteral("rep's own")}});
        QCOMPARE(r.status, 403);
        QCOMPARE(s.campaigns(), before);

        // Two more campaigns; the list is newest first, paged by keyset, and filters by status.
        const qint64 summer = newCampaign(li, {{QStringLiteral("name"), QStringLiteral("夏季促销")}, {QStringLiteral("status"), QStringLiteral("active")}});
        const qint64 autumn = newCampaign(li, {{QStringLiteral("name"), QStringLiteral("秋季回访")}});
        QVERIFY(summer > 0 && autumn > 0);
        r = li.get(QStringLiteral("/api/crm/campaigns?limit=2"));
        QCOMPARE(r.status, 200);
        QCOMPARE(arr(r, "campaigns").size(), 2);
        QCOMPARE(r.json.value(QStringLiteral("limit")).toInt(), 2);
        QCOMPARE(r.json.value(QStringLiteral("hasMore")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("next")).toString(), QString::number(summer));
        int pages = 0;
        QCOMPARE(allPages(li, QStringLiteral("/api/crm/campaigns?limit=2"), "campaigns", "id", pages),
                 (QList<qint64>{autumn, summer, springId}));
        QCOMPARE(pages, 2);
        r = li.get(QStringLiteral("/api/crm/campaigns"));
        QCOMPARE(r.json.value(QStringLiteral("limit")).toInt(), 20);
        QCOMPARE(arr(r, "campaigns").size(), 3);
        QVERIFY(r.json.value(QStringLiteral("next")).isNull());
        QCOMPARE(arr(r, "campaigns").first().toObject(), obj(li.get(campaignPath(autumn)), "campaign")); // same shape in both
        r = li.get(QStringLiteral("/api/crm/campaigns?status=active"));
        QCOMPARE(arr(r, "campaigns").size(), 1);
        QCOMPARE(idOf(arr(r, "campaigns").first().toObject()), summer);
        QCOMPARE(arr(li.get(QStringLiteral("/api/crm/campaigns?status=all")), "campaigns").size(), 3);
        r = li.get(QStringLiteral("/api/crm/campaigns?status=running"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("status"));
        QCOMPARE(li.get(QStringLiteral("/api/crm/campaigns?after=abc")).errorField(), QStringLiteral("after"));
        QCOMPARE(li.get(QStringLiteral("/api/crm/campaigns?limit=0")).errorField(), QStringLiteral("limit"));
        // Campaigns are company-wide: reps and other teams read them.
        QCOMPARE(arr(wang.get(QStringLiteral("/api/crm/campaigns")), "campaigns").size(), 3);
        QCOMPARE(arr(qian.get(QStringLiteral("/api/crm/campaigns")), "campaigns").size(), 3);

        // PATCH with If-Match: the current version applies, a stale one is refused and writes nothing.
        r = li.call("PATCH", campaignPath(springId),
                    compact({{QStringLiteral("goal"), QStringLiteral("80 sign-ups")}, {QStringLiteral("budget"), 2000},
                             {QStringLiteral("createdAt"), 1}, {QStringLiteral("ownerName"), QStringLiteral("ignored")}}),
                    {{"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v2\""));
        QJsonObject patched = obj(r, "campaign");
        QCOMPARE(str(patched, "goal"), QStringLiteral("80 sign-ups"));
        QCOMPARE(patched.value(QStringLiteral("budget")).toDouble(), 2000.0);
        for (const char *unchanged : {"name", "description", "startDate", "endDate", "status", "target", "createdAt", "ownerName"})
            QCOMPARE(patched.value(QLatin1String(unchanged)), spring.value(QLatin1String(unchanged)));
        r = li.call("PATCH", campaignPath(springId), compact({{QStringLiteral("goal"), QStringLiteral("stale")}}), {{"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 412);
        r = li.call("PATCH", campaignPath(springId), compact({{QStringLiteral("audience"), 1}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("validation.unknown_field"));
        r = li.call("PATCH", campaignPath(springId), compact({{QStringLiteral("startDate"), QStringLiteral("2027-13-45")}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("startDate"));
        // One date against the stored other: the service names the end date.
        r = li.call("PATCH", campaignPath(springId), compact({{QStringLiteral("endDate"), QStringLiteral("2027-02-01")}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("endDate"));
        r = li.call("PATCH", campaignPath(springId), compact({{QStringLiteral("budget"), -1}}));
        QCOMPARE(r.errorField(), QStringLiteral("budget"));
        QCOMPARE(wang.call("PATCH", campaignPath(springId), compact({{QStringLiteral("goal"), QStringLiteral("rep")}})).status, 403);
        QCOMPARE(li.call("PATCH", campaignPath(999999), compact({{QStringLiteral("goal"), QStringLiteral("x")}})).status, 404);
        QSqlQuery q = s.db->prepare(QStringLiteral("SELECT goal, budget_minor, end_date, version FROM campaigns WHERE id = %1").arg(springId));
        QVERIFY(s.db->exec(q).ok() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("80 sign-ups"));
        QCOMPARE(q.value(1).toLongLong(), 200000);
        QCOMPARE(q.value(2).toString(), QStringLiteral("2027-03-31"));
        QCOMPARE(q.value(3).toInt(), 2);
        q.finish();
        // PUT takes the given fields too; "" clears a date.
        r = li.put(campaignPath(summer), {{QStringLiteral("endDate"), QString()}, {QStringLiteral("description"), QStringLiteral("July")}});
        QCOMPARE(r.status, 200);
        QVERIFY(obj(r, "campaign").value(QStringLiteral("endDate")).isNull());
        QCOMPARE(str(obj(r, "campaign"), "description"), QStringLiteral("July"));

        // Participants from the saved target: every matching customer in Li's scope, not Qian's.
        const qint64 matching = count(*s.db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE source = 'expo' AND status = 'active'"
                                                            " AND owner_id IN (%1, %2, %3)")
                                                 .arg(s.team.li.userId).arg(s.team.wang.userId).arg(s.team.zhao.userId));
        QCOMPARE(matching, 2);
        r = li.post(participantsPath(springId), {{QStringLiteral("fromTarget"), true}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("added")).toInteger(), matching);
        QCOMPARE(s.participants(springId), matching);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants WHERE customer_id = %1").arg(qianExpo)), 0);
        // Again: those already in are left as they are.
        QCOMPARE(li.post(participantsPath(springId), {{QStringLiteral("fromTarget"), true}}).json.value(QStringLiteral("added")).toInteger(), 0);

        // By ids: all or nothing, an out-of-scope customer reads as missing.
        r = li.post(participantsPath(springId), {{QStringLiteral("customerIds"), QJsonArray{double(wangNew), double(qianExpo)}}});
        QCOMPARE(r.status, 404);
        QCOMPARE(s.participants(springId), matching);
        QCOMPARE(li.post(participantsPath(springId), {{QStringLiteral("customerIds"), QJsonArray{999999}}}).status, 404);
        QCOMPARE(s.participants(springId), matching);
        r = li.post(participantsPath(springId), {{QStringLiteral("customerIds"), QJsonArray{double(wangNew), QString::number(wangWeb), double(wangExpo)}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("added")).toInteger(), 2); // wangExpo was in already
        QCOMPARE(s.participants(springId), matching + 2);
        // Bad bodies: 400 naming the field, nothing added.
        auto badAdd = [&](const QJsonObject &b) { return li.post(participantsPath(springId), b); };
        QCOMPARE(badAdd({}).errorField(), QStringLiteral("customerIds"));
        QCOMPARE(badAdd({{QStringLiteral("customerIds"), QJsonArray{}}}).errorField(), QStringLiteral("customerIds"));
        QCOMPARE(badAdd({{QStringLiteral("customerIds"), QJsonArray{0}}}).errorField(), QStringLiteral("customerIds"));
        QCOMPARE(badAdd({{QStringLiteral("customerIds"), QJsonArray{1.5}}}).errorField(), QStringLiteral("customerIds"));
        QCOMPARE(badAdd({{QStringLiteral("customerIds"), QJsonArray{QJsonValue()}}}).errorField(), QStringLiteral("customerIds"));
        QCOMPARE(badAdd({{QStringLiteral("customerIds"), double(wangNew)}}).errorField(), QStringLiteral("customerIds"));
        QJsonArray tooMany;
        for (int i = 1; i <= 1001; ++i)
            tooMany.append(i);
        r = badAdd({{QStringLiteral("customerIds"), tooMany}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("customerIds"));
        QCOMPARE(badAdd({{QStringLiteral("customerIds"), QJsonArray{double(wangNew)}}, {QStringLiteral("fromTarget"), true}}).status, 400);
        QCOMPARE(badAdd({{QStringLiteral("fromTarget"), false}}).errorField(), QStringLiteral("fromTarget"));
        QCOMPARE(badAdd({{QStringLiteral("everyone"), true}}).errorCode(), QStringLiteral("validation.unknown_field"));
        QCOMPARE(s.participants(springId), matching + 2);
        QCOMPARE(wang.post(participantsPath(springId), {{QStringLiteral("fromTarget"), true}}).status, 403);
        QCOMPARE(li.post(participantsPath(999999), {{QStringLiteral("fromTarget"), true}}).status, 404);

        // The participant list: by customer id, paged by keyset, in the caller's scope.
        QList<qint64> expected{wangExpo, wangNew, wangWeb, zhaoExpo};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(allPages(li, participantsPath(springId) + QStringLiteral("?limit=2"), "participants", "customerId", pages), expected);
        QCOMPARE(pages, 2);
        r = li.get(participantsPath(springId) + QStringLiteral("?limit=2"));
        QCOMPARE(r.json.value(QStringLiteral("next")).toString(), QString::number(expected[1]));
        QCOMPARE(r.json.value(QStringLiteral("limit")).toInt(), 2);
        const QJsonObject first = arr(r, "participants").first().toObject();
        QCOMPARE(keys(first), (QSet<QString>{QStringLiteral("campaignId"), QStringLiteral("customerId"), QStringLiteral("customerName"),
                                             QStringLiteral("status"), QStringLiteral("response"), QStringLiteral("respondedAt"),
                                             QStringLiteral("addedAt")}));
        QCOMPARE(first.value(QStringLiteral("campaignId")).toInteger(), springId);
        QCOMPARE(str(first, "status"), QStringLiteral("invited"));
        QVERIFY(first.value(QStringLiteral("respondedAt")).isNull());
        QVERIFY(!str(first, "addedAt").isEmpty());
        QCOMPARE(allPages(wang, participantsPath(springId), "participants", "customerId", pages).size(), 3); // Wang's own
        QCOMPARE(arr(qian.get(participantsPath(springId)), "participants").size(), 0);
        QCOMPARE(arr(li.get(participantsPath(springId) + QStringLiteral("?status=invited")), "participants").size(), 4);
        QCOMPARE(li.get(participantsPath(springId) + QStringLiteral("?status=maybe")).errorField(), QStringLiteral("status"));
        QCOMPARE(li.get(participantsPath(999999)).status, 404);
        // ?mine=true: the campaigns with a customer of the caller's scope; Qian has none in spring's.
        auto campaignIds = [&](ApiClient &client, const QString &query) {
            QList<qint64> ids;
            for (const QJsonValue &k : arr(client.get(QStringLiteral("/api/crm/campaigns") + query), "campaigns"))
                ids << idOf(k.toObject());
            return ids;
        };
        QCOMPARE(campaignIds(wang, QStringLiteral("?mine=true")), (QList<qint64>{springId}));
        QCOMPARE(campaignIds(li, QStringLiteral("?mine=true&status=all")), (QList<qint64>{springId}));
        QVERIFY(campaignIds(qian, QStringLiteral("?mine=true")).isEmpty());
        QCOMPARE(campaignIds(qian, QStringLiteral("?mine=false")).size(), 3);
        QCOMPARE(qian.get(QStringLiteral("/api/crm/campaigns?mine=yes")).errorField(), QStringLiteral("mine"));

        // A rep records their own customer's answer, not another rep's.
        const QString wangExpoPath = participantsPath(springId) + QStringLiteral("/%1").arg(wangExpo);
        r = wang.put(wangExpoPath, {{QStringLiteral("status"), QStringLiteral("responded")}, {QStringLiteral("response"), QStringLiteral("会来展位")},
                                    {QStringLiteral("customerName"), QStringLiteral("echoed")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
        QJsonObject answered = obj(r, "participant");
        QCOMPARE(answered.value(QStringLiteral("customerId")).toInteger(), wangExpo);
        QCOMPARE(str(answered, "customerName"), QStringLiteral("星河科技"));
        QCOMPARE(str(answered, "status"), QStringLiteral("responded"));
        QCOMPARE(str(answered, "response"), QStringLiteral("会来展位"));
        QCOMPARE(str(answered, "respondedAt"), QStringLiteral("2027-01-15T08:00:00.000Z"));
        const QString zhaoExpoPath = participantsPath(springId) + QStringLiteral("/%1").arg(zhaoExpo);
        QCOMPARE(wang.put(zhaoExpoPath, {{QStringLiteral("status"), QStringLiteral("declined")}}).status, 404);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants WHERE customer_id = %1 AND status = 'invited'").arg(zhaoExpo)), 1);
        r = wang.put(wangExpoPath, {{QStringLiteral("status"), QStringLiteral("maybe")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("status"));
        QCOMPARE(wang.put(wangExpoPath, {{QStringLiteral("response"), QStringLiteral("no status")}}).errorField(), QStringLiteral("status"));
        QCOMPARE(wang.put(wangExpoPath, {{QStringLiteral("status"), QStringLiteral("declined")}, {QStringLiteral("response"), QStringLiteral("r").repeated(2001)}})
                     .errorField(),
                 QStringLiteral("response"));
        QCOMPARE(wang.put(wangExpoPath, {{QStringLiteral("status"), QStringLiteral("declined")}, {QStringLiteral("mood"), 1}}).errorCode(),
                 QStringLiteral("validation.unknown_field"));
        QCOMPARE(qian.put(participantsPath(springId) + QStringLiteral("/%1").arg(qianExpo), {{QStringLiteral("status"), QStringLiteral("responded")}}).status, 404);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants WHERE status = 'responded'")), 1);
        // The manager marks Zhao's customer converted.
        QCOMPARE(li.put(zhaoExpoPath, {{QStringLiteral("status"), QStringLiteral("converted")}}).status, 200);

        // The campaign with its counts (in the caller's scope) and an empty feedback summary.
        r = li.get(campaignPath(springId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v2\""));
        QCOMPARE(obj(r, "campaign"), patched);
        QCOMPARE(obj(r, "stats"), (QJsonObject{{QStringLiteral("participants"), 4}, {QStringLiteral("invited"), 2},
                                               {QStringLiteral("responded"), 1}, {QStringLiteral("converted"), 1},
                                               {QStringLiteral("declined"), 0}}));
        QCOMPARE(obj(r, "feedback"), (QJsonObject{{QStringLiteral("count"), 0}, {QStringLiteral("average"), 0},
                                                  {QStringLiteral("perScore"), QJsonArray{0, 0, 0, 0, 0}}}));
        // Spring starts in March: nothing can have come of it yet.
        QVERIFY(r.json.value(QStringLiteral("effect")).isNull());
        QCOMPARE(obj(wang.get(campaignPath(springId)), "stats").value(QStringLiteral("participants")).toInt(), 3);
        QCOMPARE(obj(qian.get(campaignPath(springId)), "stats").value(QStringLiteral("participants")).toInt(), 0);
        QCOMPARE(li.get(campaignPath(999999)).status, 404);
        QCOMPARE(li.get(QStringLiteral("/api/crm/campaigns/abc")).status, 404);
    }

    void feedbackFollowsTheCustomerScope()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient li = s.as(QStringLiteral("li"));
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        const qint64 customer = newCustomer(wang, QStringLiteral("星河科技"), QStringLiteral("expo"), QStringLiteral("active"));
        const qint64 zhaoCustomer = newCustomer(zhao, QStringLiteral("赵氏贸易"), QStringLiteral("expo"), QStringLiteral("active"));
        const qint64 campaign = newCampaign(li, {{QStringLiteral("name"), QStringLiteral("满意度回访")}});
        QVERIFY(customer > 0 && zhaoCustomer > 0 && campaign > 0);

        Reply r = wang.post(feedbackPath(customer), {{QStringLiteral("score"), 4}, {QStringLiteral("comment"), QStringLiteral("  不错 ")},
                                                      {QStringLiteral("customerId"), double(zhaoCustomer)}, {QStringLiteral("userId"), 1}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
        const QJsonObject four = obj(r, "feedback");
        QCOMPARE(keys(four), (QSet<QString>{QStringLiteral("id"), QStringLiteral("customerId"), QStringLiteral("campaignId"),
                                            QStringLiteral("userId"), QStringLiteral("userName"), QStringLiteral("score"),
                                            QStringLiteral("comment"), QStringLiteral("createdAt")}));
        QVERIFY(idOf(four) > 0);
        QCOMPARE(four.value(QStringLiteral("customerId")).toInteger(), customer); // the path's
        QVERIFY(four.value(QStringLiteral("campaignId")).isNull());
        QCOMPARE(four.value(QStringLiteral("userId")).toInteger(), s.team.wang.userId); // the token's
        QCOMPARE(str(four, "userName"), QStringLiteral("wang"));
        QCOMPARE(four.value(QStringLiteral("score")).toInt(), 4);
        QCOMPARE(str(four, "comment"), QStringLiteral("不错"));
        QCOMPARE(str(four, "createdAt"), QStringLiteral("2027-01-15T08:00:00.000Z"));
        s.clock.advance(60'000);
        r = wang.post(feedbackPath(customer), {{QStringLiteral("score"), 5}, {QStringLiteral("campaignId"), QString::number(campaign)}});
        QCOMPARE(r.status, 201);
        const QJsonObject five = obj(r, "feedback");
        QCOMPARE(five.value(QStringLiteral("campaignId")).toInteger(), campaign);
        QCOMPARE(str(five, "comment"), QString());

        // Newest first, with the customer's summary: (4 + 5) / 2.
        r = wang.get(feedbackPath(customer));
        QCOMPARE(r.status, 200);
        QCOMPARE(arr(r, "feedback").size(), 2);
        QCOMPARE(arr(r, "feedback").at(0).toObject(), five);
        QCOMPARE(arr(r, "feedback").at(1).toObject(), four);
        QCOMPARE(obj(r, "summary"), (QJsonObject{{QStringLiteral("count"), 2}, {QStringLiteral("average"), 4.5},
                                                 {QStringLiteral("perScore"), QJsonArray{0, 0, 0, 1, 1}}}));
        r = wang.get(feedbackPath(customer) + QStringLiteral("?limit=1"));
        QCOMPARE(arr(r, "feedback").size(), 1);
        QCOMPARE(obj(r, "summary").value(QStringLiteral("count")).toInt(), 2); // the summary is the customer's, not the page's
        QCOMPARE(li.get(feedbackPath(customer) + QStringLiteral("?limit=0")).errorField(), QStringLiteral("limit"));
        QCOMPARE(arr(li.get(feedbackPath(customer)), "feedback").size(), 2); // the manager sees the team's

        // Refused scores and bodies: 400 naming the field, nothing written.
        auto bad = [&](const QJsonObject &b) { return wang.post(feedbackPath(customer), b); };
        for (const QJsonValue &score : {QJsonValue(0), QJsonValue(6), QJsonValue(4.5), QJsonValue(QStringLiteral("5")), QJsonValue()}) {
            r = bad({{QStringLiteral("score"), score}});
            QCOMPARE(r.status, 400);
            QCOMPARE(r.errorField(), QStringLiteral("score"));
        }
        QCOMPARE(bad({{QStringLiteral("comment"), QStringLiteral("no score")}}).errorField(), QStringLiteral("score"));
        r = bad({{QStringLiteral("score"), 3}, {QStringLiteral("campaignId"), 999999}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("campaignId"));
        QCOMPARE(bad({{QStringLiteral("score"), 3}, {QStringLiteral("campaignId"), -2}}).errorField(), QStringLiteral("campaignId"));
        QCOMPARE(bad({{QStringLiteral("score"), 3}, {QStringLiteral("rating"), 3}}).errorCode(), QStringLiteral("validation.unknown_field"));
        QCOMPARE(s.feedback(), 2);

        // Another rep's customer is missing, for reading and writing alike.
        r = wang.post(feedbackPath(zhaoCustomer), {{QStringLiteral("score"), 3}});
        QCOMPARE(r.status, 404);
        QCOMPARE(wang.get(feedbackPath(zhaoCustomer)).status, 404);
        QCOMPARE(wang.post(feedbackPath(999999), {{QStringLiteral("score"), 3}}).status, 404);
        QCOMPARE(s.feedback(), 2);

        // The campaign's feedback shows in its summary.
        r = li.get(campaignPath(campaign));
        QCOMPARE(obj(r, "feedback"), (QJsonObject{{QStringLiteral("count"), 1}, {QStringLiteral("average"), 5},
                                                  {QStringLiteral("perScore"), QJsonArray{0, 0, 0, 0, 1}}}));
        QCOMPARE(zhao.post(feedbackPath(zhaoCustomer), {{QStringLiteral("score"), 2}, {QStringLiteral("campaignId"), double(campaign)}}).status, 201);
        r = li.get(campaignPath(campaign));
        QCOMPARE(obj(r, "feedback").value(QStringLiteral("average")).toDouble(), 3.5);
        // Wang's scope holds only his customer's score.
        QCOMPARE(obj(wang.get(campaignPath(campaign)), "feedback").value(QStringLiteral("count")).toInt(), 1);

        // A role that reads campaigns but not feedback still gets the campaign, without scores.
        OrgService org(*s.db);
        auto role = org.createRole(s.team.admin, QStringLiteral("campaign viewer"), DataScope::All, {Permission::CampaignRead});
        QVERIFY(role.ok());
        QVERIFY(org.setRole(s.team.admin, s.team.qian.userId, role->id).ok());
        ApiClient viewer = s.as(QStringLiteral("qian"));
        r = viewer.get(campaignPath(campaign));
        QCOMPARE(r.status, 200);
        QCOMPARE(obj(r, "stats").value(QStringLiteral("participants")).toInt(), 0);
        QVERIFY(r.json.value(QStringLiteral("feedback")).isNull());
        QCOMPARE(viewer.get(feedbackPath(customer)).status, 403);

        // Deleting the campaign (not a rep's to do) keeps the feedback, unlinked.
        QCOMPARE(wang.call("DELETE", campaignPath(campaign)).status, 403);
        QCOMPARE(li.post(participantsPath(campaign), {{QStringLiteral("customerIds"), QJsonArray{double(customer)}}}).status, 200);
        r = li.call("DELETE", campaignPath(campaign));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json, (QJsonObject{{QStringLiteral("success"), true}}));
        QCOMPARE(li.get(campaignPath(campaign)).status, 404);
        QCOMPARE(li.call("DELETE", campaignPath(campaign)).status, 404);
        QCOMPARE(s.campaigns(), 0);
        QCOMPARE(s.participants(campaign), 0);
        r = wang.get(feedbackPath(customer));
        QCOMPARE(arr(r, "feedback").size(), 2);
        for (const QJsonValue &v : arr(r, "feedback"))
            QVERIFY(v.toObject().value(QStringLiteral("campaignId")).isNull());
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM feedback WHERE campaign_id IS NULL")), 3);
    }

    // What a campaign brought: the deals its participants won after joining, since it began (no start
    // date: since it was created), in the caller's scope; none for a role that reads no reports.
    void theCampaignSaysWhatItBrought()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient li = s.as(QStringLiteral("li"));
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 joined = newCustomer(wang, QStringLiteral("深圳星河科技有限公司"), QStringLiteral("exhibition"), QStringLiteral("active"));
        const qint64 wonBefore = newCustomer(wang, QStringLiteral("广州恒通贸易有限公司"), QStringLiteral("exhibition"), QStringLiteral("active"));
        const qint64 campaign = newCampaign(li, {{QStringLiteral("name"), QStringLiteral("秋季展会")}});
        // A deal won before its customer joined does not count.
        OpportunityService deals(*s.db);
        auto pipelines = PipelineService(*s.db).list(s.team.wang);
        QVERIFY(pipelines.ok() && !pipelines->isEmpty());
        const Pipeline &p = pipelines->first();
        qint64 wonStage = 0;
        for (const Stage &st : p.stages)
            if (st.kind == QLatin1String("won"))
                wonStage = st.id;
        auto win = [&](qint64 customer, qint64 amountMinor) {
            Opportunity o;
            o.name = QStringLiteral("年度合同");
            o.customerId = customer;
            o.amountMinor = amountMinor;
            o.pipelineId = p.id;
            o.stageId = p.stages.first().id;
            auto created = deals.create(s.team.wang, o);
            QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
            QVERIFY(deals.moveStage(s.team.wang, created->id, wonStage).ok());
        };
        s.clock.advance(60'000);
        win(wonBefore, 50'000);
        s.clock.advance(60'000);
        QCOMPARE(li.post(participantsPath(campaign), {{QStringLiteral("customerIds"), QJsonArray{joined, wonBefore}}}).status, 200);
        s.clock.advance(60'000);
        win(joined, 1'234'550);
        s.clock.advance(60'000);

        Reply r = li.get(campaignPath(campaign));
        QCOMPARE(r.status, 200);
        QCOMPARE(obj(r, "effect"), (QJsonObject{{QStringLiteral("wonDeals"), 1}, {QStringLiteral("wonAmount"), 12345.5},
                                                {QStringLiteral("currency"), QStringLiteral("CNY")}}));
        // Another team sees none of it.
        ApiClient qian = s.as(QStringLiteral("qian"));
        QCOMPARE(obj(qian.get(campaignPath(campaign)), "effect").value(QStringLiteral("wonDeals")).toInt(), 0);
        // A role without report.read gets the campaign, without the figure (sun has not signed in yet:
        // the server resolves his role afresh).
        OrgService org(*s.db);
        auto role = org.createRole(s.team.admin, QStringLiteral("campaign reader"), DataScope::All, {Permission::CampaignRead});
        QVERIFY(role.ok());
        QVERIFY(org.setRole(s.team.admin, s.team.sun.userId, role->id).ok());
        r = s.as(QStringLiteral("sun")).get(campaignPath(campaign));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("effect")).isNull());
    }

    void routesAreDocumented()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient anon(s.host.port());
        const Reply doc = anon.get(QStringLiteral("/api/openapi.json"));
        QCOMPARE(doc.status, 200);
        const QJsonObject paths = doc.json.value(QStringLiteral("paths")).toObject();
        const QList<QPair<const char *, QStringList>> expected = {
            {"/api/crm/campaigns", {QStringLiteral("get"), QStringLiteral("post")}},
            {"/api/crm/campaigns/{id}", {QStringLiteral("delete"), QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("put")}},
            {"/api/crm/campaigns/{id}/participants", {QStringLiteral("get"), QStringLiteral("post")}},
            {"/api/crm/campaigns/{id}/participants/{customerId}", {QStringLiteral("put")}},
            {"/api/crm/customers/{id}/feedback", {QStringLiteral("get"), QStringLiteral("post")}}};
        for (const auto &[path, methods] : expected) {
            const QJsonObject operations = paths.value(QLatin1String(path)).toObject();
            QCOMPARE(operations.keys(), methods);
            for (const QString &m : methods)
                QVERIFY2(!operations.value(m).toObject().value(QStringLiteral("summary")).toString().isEmpty(), path);
        }
        QCOMPARE(anon.get(QStringLiteral("/api/crm/campaigns")).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiCampaigns)
#include "tst_api_campaigns.moc"
