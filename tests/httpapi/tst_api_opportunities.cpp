// The pipeline, opportunities, the sales funnel and analytics over HTTP, called the way the mini
// program's pipeline page and CRMAnalytics call them: the real server on a loopback port, on SQLite
// and PostgreSQL.
#include "httpapi/ApiHost.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/httpapi/ApiTestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

constexpr qint64 kNow = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr qint64 kDay = 24 * 3600 * 1000;

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

QJsonArray arr(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}

qint64 idOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("id")).toInteger();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// Money read back as exact minor units from the JSON text's number (the answers write e.g. 12345.67).
qint64 cents(const QJsonValue &v)
{
    return qRound64(v.toDouble() * 100);
}

QSet<qint64> ids(const QJsonArray &rows)
{
    QSet<qint64> out;
    for (const QJsonValue &v : rows)
        out.insert(idOf(v.toObject()));
    return out;
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestApiOpportunities : public QObject
{
    Q_OBJECT

    struct Server : test::ApiTestServer
    {
        // Stage ids of the default pipeline ("New business") by name, and of "Renewals".
        QHash<QString, qint64> stage, renewal;
        qint64 defaultPipeline = 0, renewals = 0;

        Server() : ApiTestServer(kNow)
        {
            if (!ok)
                return;
            QSqlQuery q = db->prepare(QStringLiteral("SELECT p.id, p.is_default, s.id, s.name FROM stages s JOIN pipelines p ON p.id = s.pipeline_id"));
            if (!db->exec(q))
                ok = false;
            while (q.next()) {
                const bool isDefault = q.value(1).toInt() == 1;
                (isDefault ? defaultPipeline : renewals) = q.value(0).toLongLong();
                (isDefault ? stage : renewal).insert(q.value(3).toString(), q.value(2).toLongLong());
            }
        }
        qint64 scalar(const QString &sql) { return count(*db, sql); }
    };

    static qint64 newCustomer(ApiClient &c, const QString &name)
    {
        const Reply r = c.post(QStringLiteral("/api/crm/customers"), {{QStringLiteral("name"), name}});
        if (r.status != 201)
            qWarning("customer not created: %d %s", r.status, r.body.constData());
        return idOf(obj(r, "customer"));
    }

    static QJsonObject newOpportunity(ApiClient &c, qint64 customer, const QString &name, const QJsonValue &value, qint64 stageId = 0)
    {
        QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("customerId"), double(customer)}, {QStringLiteral("value"), value}};
        if (stageId)
            body.insert(QStringLiteral("stageId"), double(stageId));
        const Reply r = c.post(QStringLiteral("/api/crm/opportunities"), body);
        if (r.status != 201)
            qWarning("opportunity not created: %d %s", r.status, r.body.constData());
        return obj(r, "opportunity");
    }

    static QString oppPath(qint64 id, const char *sub = nullptr)
    {
        return QStringLiteral("/api/crm/opportunities/%1").arg(id) + (sub ? QLatin1Char('/') + QLatin1String(sub) : QString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestDatabase probe;
        if (!probe.skip.isEmpty())
            QSKIP(qPrintable(probe.skip));
    }

    // loadPipeline / calculateTotalValue / onStageSelect / onMoveOpportunity with the page's requests.
    void pipelinePageAsWritten()
    {
        Server s;
        QVERIFY(s.ok);
        QVERIFY(s.defaultPipeline > 0 && s.stage.size() == 6);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("深圳星河科技"));
        QVERIFY(customer > 0);
        const QJsonObject a = newOpportunity(wang, customer, QStringLiteral("ERP 一期"), 12345.67, s.stage[QStringLiteral("proposal")]);
        const QJsonObject b = newOpportunity(wang, customer, QStringLiteral("ERP 二期"), QStringLiteral("0.10"), s.stage[QStringLiteral("proposal")]);
        const QJsonObject c = newOpportunity(wang, customer, QStringLiteral("培训"), 0.2, s.stage[QStringLiteral("proposal")]);
        const QJsonObject d = newOpportunity(wang, customer, QStringLiteral("维保"), 999.99, s.stage[QStringLiteral("lead")]);
        QVERIFY(idOf(a) && idOf(b) && idOf(c) && idOf(d));
        QCOMPARE(a.value(QStringLiteral("probability")).toInt(), 50); // the stage's
        QCOMPARE(cents(a.value(QStringLiteral("value"))), 1234567);

        // The page sends userId (here someone else's): ignored, identity is the token's.
        Reply r = wang.get(QStringLiteral("/api/crm/pipeline?userId=%1").arg(s.team.qian.userId));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("\"value\":12345.67"), r.body.constData()); // exact decimal, no float drift
        const QJsonArray stages = arr(r.json, "stages");
        const QJsonArray opportunities = arr(r.json, "opportunities");
        QCOMPARE(stages.size(), 6);
        QCOMPARE(opportunities.size(), 4);
        QCOMPARE(r.json.value(QStringLiteral("pipelineId")).toInteger(), s.defaultPipeline);
        QCOMPARE(r.json.value(QStringLiteral("limitPerStage")).toInt(), 20); // a phone's screenful per stage
        // Every stage's count and sums are those of its rows, exactly.
        for (const QJsonValue &sv : stages) {
            const QJsonObject st = sv.toObject();
            QVERIFY(idOf(st) > 0); // onStageSelect finds stages by id
            qint64 n = 0, sum = 0, weightedProducts = 0;
            for (const QJsonValue &ov : opportunities) {
                const QJsonObject o = ov.toObject();
                if (o.value(QStringLiteral("stageId")).toInteger() != idOf(st))
                    continue;
                ++n;
                sum += cents(o.value(QStringLiteral("value")));
                weightedProducts += cents(o.value(QStringLiteral("value"))) * o.value(QStringLiteral("probability")).toInt();
            }
            QCOMPARE(st.value(QStringLiteral("count")).toInteger(), n);
            QCOMPARE(cents(st.value(QStringLiteral("value"))), sum);
            QCOMPARE(cents(st.value(QStringLiteral("weightedValue"))), (weightedProducts + 50) / 100);
            QCOMPARE(st.value(QStringLiteral("listed")).toInteger(), n);
        }
        const QJsonObject proposal = stages.at(2).toObject();
        QCOMPARE(str(proposal, "name"), QStringLiteral("proposal"));
        QCOMPARE(proposal.value(QStringLiteral("probability")).toInt(), 50);
        QVERIFY2(r.body.contains("\"value\":12345.97"), r.body.constData()); // 12345.67 + 0.10 + 0.20
        // calculateTotalValue: sum(value * probability / 100) over the list = the board's weighted total.
        double total = 0;
        for (const QJsonValue &ov : opportunities)
            total += ov.toObject().value(QStringLiteral("value")).toDouble() * ov.toObject().value(QStringLiteral("probability")).toDouble() / 100;
        QVERIFY(qAbs(total - obj(r, "totals").value(QStringLiteral("weightedValue")).toDouble()) < 0.006);
        QCOMPARE(obj(r, "totals").value(QStringLiteral("openCount")).toInteger(), 4);

        // onMoveOpportunity: PUT {stageId, userId} -> {success}
        r = wang.put(oppPath(idOf(d), "move"),
                     {{QStringLiteral("stageId"), double(s.stage[QStringLiteral("qualified")])}, {QStringLiteral("userId"), double(s.team.qian.userId)}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QCOMPARE(obj(r, "opportunity").value(QStringLiteral("stageId")).toInteger(), s.stage[QStringLiteral("qualified")]);
        QCOMPARE(obj(r, "opportunity").value(QStringLiteral("probability")).toInt(), 25);
        r = wang.get(QStringLiteral("/api/crm/pipeline")); // the sums kept from the first board are renewed by the move
        QCOMPARE(arr(r.json, "stages").at(0).toObject().value(QStringLiteral("count")).toInteger(), 0);
        QCOMPARE(arr(r.json, "stages").at(1).toObject().value(QStringLiteral("count")).toInteger(), 1);

        // Per-stage cap: limit=2 lists the two newest of the proposal stage and says more are left out.
        r = wang.get(QStringLiteral("/api/crm/pipeline?limit=2"));
        QCOMPARE(r.status, 200);
        const QJsonObject capped = arr(r.json, "stages").at(2).toObject();
        QCOMPARE(capped.value(QStringLiteral("count")).toInteger(), 3);
        QCOMPARE(capped.value(QStringLiteral("listed")).toInteger(), 2);
        QVERIFY(capped.value(QStringLiteral("hasMore")).toBool());
        QCOMPARE(ids(arr(r.json, "opportunities")), (QSet<qint64>{idOf(c), idOf(b), idOf(d)}));

        // Another pipeline by id; an unknown one is 404.
        r = wang.get(QStringLiteral("/api/crm/pipeline?pipelineId=%1").arg(s.renewals));
        QCOMPARE(r.status, 200);
        QCOMPARE(arr(r.json, "stages").size(), 4);
        QCOMPARE(arr(r.json, "opportunities").size(), 0);
        QCOMPARE(wang.get(QStringLiteral("/api/crm/pipeline?pipelineId=999999")).status, 404);
        QCOMPARE(wang.get(QStringLiteral("/api/crm/pipeline?pipelineId=abc")).errorField(), QStringLiteral("pipelineId"));

        // The pipelines with their stages.
        r = wang.get(QStringLiteral("/api/crm/pipelines"));
        QCOMPARE(r.status, 200);
        const QJsonArray pipelines = arr(r.json, "pipelines");
        QCOMPARE(pipelines.size(), 2);
        QVERIFY(pipelines.at(0).toObject().value(QStringLiteral("isDefault")).toBool());
        QCOMPARE(arr(pipelines.at(0).toObject(), "stages").size(), 6);
        QCOMPARE(str(arr(pipelines.at(0).toObject(), "stages").at(4).toObject(), "kind"), QStringLiteral("won"));

        // The customer's opportunities.
        r = wang.get(QStringLiteral("/api/crm/customers/%1/opportunities").arg(customer));
        QCOMPARE(r.status, 200);
        QCOMPARE(arr(r.json, "opportunities").size(), 4);
        QCOMPARE(idOf(arr(r.json, "opportunities").at(0).toObject()), idOf(d)); // newest first
        QCOMPARE(wang.get(QStringLiteral("/api/crm/customers/999999/opportunities")).status, 404);
    }

    void createReadUpdateWithEtags()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("杭州云帆"));

        // No stage: the first open stage of the default pipeline; title and amount are accepted too.
        Reply r = wang.post(QStringLiteral("/api/crm/opportunities"),
                            {{QStringLiteral("title"), QStringLiteral("年度框架")}, {QStringLiteral("customerId"), QString::number(customer)},
                             {QStringLiteral("amount"), QStringLiteral("1234567890123.45")}, {QStringLiteral("expectedCloseDate"), QStringLiteral("2027-03-31")},
                             {QStringLiteral("userId"), double(s.team.qian.userId)}, {QStringLiteral("id"), 77}, {QStringLiteral("version"), 9}});
        QVERIFY2(r.status == 201, r.body.constData());
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v1\""));
        QJsonObject o = obj(r, "opportunity");
        const qint64 id = idOf(o);
        QVERIFY(id != 77);
        QCOMPARE(str(o, "name"), QStringLiteral("年度框架"));
        QCOMPARE(o.value(QStringLiteral("stageId")).toInteger(), s.stage[QStringLiteral("lead")]);
        QCOMPARE(o.value(QStringLiteral("probability")).toInt(), 10);
        QCOMPARE(o.value(QStringLiteral("ownerId")).toInteger(), s.team.wang.userId);
        QCOMPARE(str(o, "status"), QStringLiteral("open"));
        QCOMPARE(str(o, "currency"), QStringLiteral("CNY"));
        QCOMPARE(str(o, "expectedCloseDate"), QStringLiteral("2027-03-31"));
        QVERIFY(str(o, "createdAt").endsWith(QLatin1Char('Z')));
        QVERIFY2(r.body.contains("\"value\":1234567890123.45"), r.body.constData());
        QCOMPARE(s.scalar(QStringLiteral("SELECT amount_minor FROM opportunities WHERE id = %1").arg(id)), 123456789012345);
        QCOMPARE(o.value(QStringLiteral("version")).toInt(), 1);

        // With a pipelineId: its first open stage.
        r = wang.post(QStringLiteral("/api/crm/opportunities"),
                      {{QStringLiteral("name"), QStringLiteral("续约")}, {QStringLiteral("customerId"), double(customer)},
                       {QStringLiteral("pipelineId"), double(s.renewals)}, {QStringLiteral("value"), 100}, {QStringLiteral("probability"), 60}});
        QCOMPARE(r.status, 201);
        QCOMPARE(obj(r, "opportunity").value(QStringLiteral("stageId")).toInteger(), s.renewal[QStringLiteral("due")]);
        QCOMPARE(obj(r, "opportunity").value(QStringLiteral("probability")).toInt(), 60);
        // A retried POST with the same Idempotency-Key answers the first result and writes once.
        const QJsonObject retryBody{{QStringLiteral("name"), QStringLiteral("重试")}, {QStringLiteral("customerId"), double(customer)},
                                    {QStringLiteral("value"), 1}};
        const Reply first = wang.post(QStringLiteral("/api/crm/opportunities"), retryBody, {{"Idempotency-Key", "opp-retry-1"}});
        const Reply again = wang.post(QStringLiteral("/api/crm/opportunities"), retryBody, {{"Idempotency-Key", "opp-retry-1"}});
        QCOMPARE(first.status, 201);
        QCOMPARE(again.status, 201);
        QCOMPARE(idOf(obj(again, "opportunity")), idOf(obj(first, "opportunity")));
        QCOMPARE(s.scalar(QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE name = '重试'")), 1);
        // A stage of another pipeline than the one named.
        r = wang.post(QStringLiteral("/api/crm/opportunities"),
                      {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("customerId"), double(customer)},
                       {QStringLiteral("pipelineId"), double(s.renewals)}, {QStringLiteral("stageId"), double(s.stage[QStringLiteral("lead")])}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("stageId"));

        // GET with ETag; PATCH with it; a stale one is 412 and writes nothing.
        r = wang.get(oppPath(id));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v1\""));
        r = wang.call("PATCH", oppPath(id), bytes({{QStringLiteral("value"), 12345.67}, {QStringLiteral("notes"), QStringLiteral("二次报价")}}),
                      {{"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v2\""));
        QCOMPARE(cents(obj(r, "opportunity").value(QStringLiteral("value"))), 1234567);
        QCOMPARE(s.scalar(QStringLiteral("SELECT amount_minor FROM opportunities WHERE id = %1").arg(id)), 1234567);
        r = wang.call("PATCH", oppPath(id), bytes({{QStringLiteral("value"), 1}}), {{"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 412);
        QCOMPARE(s.scalar(QStringLiteral("SELECT amount_minor FROM opportunities WHERE id = %1").arg(id)), 1234567);
        QCOMPARE(s.scalar(QStringLiteral("SELECT version FROM opportunities WHERE id = %1").arg(id)), 2);

        // PUT of the record as read (echoing read-only fields and the same stage) works; a new stage is refused.
        QJsonObject echoed = obj(wang.get(oppPath(id)), "opportunity");
        QVERIFY(echoed.contains(QStringLiteral("customerVisible"))); // the detail's own field comes back too
        echoed.insert(QStringLiteral("name"), QStringLiteral("年度框架（修订）"));
        r = wang.call("PUT", oppPath(id), bytes(echoed), {{"If-Match", "\"v2\""}});
        QCOMPARE(r.status, 200);
        QCOMPARE(str(obj(r, "opportunity"), "name"), QStringLiteral("年度框架（修订）"));
        QCOMPARE(obj(r, "opportunity").value(QStringLiteral("version")).toInt(), 3);
        r = wang.call("PUT", oppPath(id), bytes({{QStringLiteral("name"), QStringLiteral("过期")}}), {{"If-Match", "\"v2\""}});
        QCOMPARE(r.status, 412);
        QCOMPARE(r.errorCode(), QStringLiteral("conflict.version"));
        QCOMPARE(s.scalar(QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE name = '过期'")), 0);
        echoed.insert(QStringLiteral("stageId"), double(s.stage[QStringLiteral("won")]));
        r = wang.put(oppPath(id), echoed);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("stageId"));
        QCOMPARE(s.scalar(QStringLiteral("SELECT stage_id FROM opportunities WHERE id = %1").arg(id)), s.stage[QStringLiteral("lead")]);

        // Delete: a rep may not; the administrator may.
        QCOMPARE(wang.call("DELETE", oppPath(id)).status, 403);
        ApiClient admin = s.as(QStringLiteral("admin"));
        QCOMPARE(admin.call("DELETE", oppPath(id)).status, 200);
        QCOMPARE(wang.get(oppPath(id)).status, 404);
    }

    void moveToWonAndLost()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("南京蓝海"));
        const qint64 won = idOf(newOpportunity(wang, customer, QStringLiteral("赢单"), 12345.67));
        const qint64 lost = idOf(newOpportunity(wang, customer, QStringLiteral("丢单"), 500));
        s.clock.advance(3 * kDay);

        Reply r = wang.put(oppPath(won, "move"), {{QStringLiteral("stageId"), double(s.stage[QStringLiteral("won")])}});
        QCOMPARE(r.status, 200);
        QJsonObject o = obj(r, "opportunity");
        QCOMPARE(str(o, "status"), QStringLiteral("won"));
        QCOMPARE(o.value(QStringLiteral("probability")).toInt(), 100);
        QVERIFY(!str(o, "closedAt").isEmpty());
        QCOMPARE(s.scalar(QStringLiteral("SELECT won_value_minor FROM customers WHERE id = %1").arg(customer)), 1234567);

        // Lost without a reason: 400 naming lossReason, nothing written.
        r = wang.put(oppPath(lost, "move"), {{QStringLiteral("stageId"), double(s.stage[QStringLiteral("lost")])}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("lossReason"));
        QCOMPARE(s.scalar(QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE id = %1 AND status = 'open'").arg(lost)), 1);
        QCOMPARE(s.scalar(QStringLiteral("SELECT COUNT(*) FROM opportunity_stage_history WHERE opportunity_id = %1").arg(lost)), 1);
        // Stale If-Match: 412, nothing written.
        r = wang.call("PUT", oppPath(lost, "move"),
                      bytes({{QStringLiteral("stageId"), double(s.stage[QStringLiteral("lost")])}, {QStringLiteral("lossReason"), QStringLiteral("价格")}}),
                      {{"If-Match", "\"v7\""}});
        QCOMPARE(r.status, 412);
        QCOMPARE(s.scalar(QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE id = %1 AND status = 'open'").arg(lost)), 1);
        // With a reason (and the current ETag).
        r = wang.call("PUT", oppPath(lost, "move"),
                      bytes({{QStringLiteral("stageId"), double(s.stage[QStringLiteral("lost")])}, {QStringLiteral("lossReason"), QStringLiteral("价格太高")}}),
                      {{"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 200);
        QCOMPARE(str(obj(r, "opportunity"), "status"), QStringLiteral("lost"));
        QCOMPARE(str(obj(r, "opportunity"), "lossReason"), QStringLiteral("价格太高"));
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v2\""));

        // Bad moves: unknown stage, no stage, a wrong type, an unknown field.
        r = wang.put(oppPath(lost, "move"), {{QStringLiteral("stageId"), 999999}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("stageId"));
        QCOMPARE(wang.put(oppPath(lost, "move"), {{QStringLiteral("userId"), 1}}).errorField(), QStringLiteral("stageId"));
        QCOMPARE(wang.put(oppPath(lost, "move"), {{QStringLiteral("stageId"), true}}).status, 400);
        QCOMPARE(wang.put(oppPath(lost, "move"), {{QStringLiteral("stageId"), double(s.stage[QStringLiteral("lead")])}, {QStringLiteral("status"), QStringLiteral("won")}})
                     .errorField(),
                 QStringLiteral("status"));
        QCOMPARE(wang.put(oppPath(999999, "move"), {{QStringLiteral("stageId"), double(s.stage[QStringLiteral("lead")])}}).status, 404);
        QCOMPARE(s.scalar(QStringLiteral("SELECT stage_id FROM opportunities WHERE id = %1").arg(lost)), s.stage[QStringLiteral("lost")]);

        // The list filters by status and stage.
        r = wang.get(QStringLiteral("/api/crm/opportunities?status=won"));
        QCOMPARE(r.status, 200);
        QCOMPARE(ids(arr(r.json, "opportunities")), QSet<qint64>{won});
        QCOMPARE(r.json.value(QStringLiteral("total")).toInteger(), 1);
        r = wang.get(QStringLiteral("/api/crm/opportunities?stageId=%1").arg(s.stage[QStringLiteral("lost")]));
        QCOMPARE(ids(arr(r.json, "opportunities")), QSet<qint64>{lost});
        r = wang.get(QStringLiteral("/api/crm/opportunities?status=open,won,lost&limit=1"));
        QCOMPARE(arr(r.json, "opportunities").size(), 1);
        QCOMPARE(r.json.value(QStringLiteral("total")).toInteger(), 2);
        QVERIFY(r.json.value(QStringLiteral("hasMore")).toBool());
        r = wang.get(QStringLiteral("/api/crm/opportunities?status=open,won,lost&limit=1&page=2"));
        QCOMPARE(arr(r.json, "opportunities").size(), 1);
        QVERIFY(!r.json.value(QStringLiteral("hasMore")).toBool());

        // A stage of another pipeline moves the deal there: reopened in the renewals' board.
        r = wang.put(oppPath(lost, "move"), {{QStringLiteral("stageId"), double(s.renewal[QStringLiteral("due")])}});
        QCOMPARE(r.status, 200);
        QCOMPARE(obj(r, "opportunity").value(QStringLiteral("pipelineId")).toInteger(), s.renewals);
        QCOMPARE(obj(r, "opportunity").value(QStringLiteral("stageId")).toInteger(), s.renewal[QStringLiteral("due")]);
        QCOMPARE(str(obj(r, "opportunity"), "status"), QStringLiteral("open"));
        QCOMPARE(str(obj(r, "opportunity"), "lossReason"), QString());
        r = wang.get(QStringLiteral("/api/crm/pipeline?pipelineId=%1").arg(s.renewals));
        QCOMPARE(r.status, 200);
        QVERIFY(ids(arr(r.json, "opportunities")).contains(lost));
        r = wang.get(QStringLiteral("/api/crm/pipeline"));
        QVERIFY(!ids(arr(r.json, "opportunities")).contains(lost));
    }

    // Administrator / manager / rep x own / subordinate's / other team's opportunity.
    void permissionMatrix()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        ApiClient qian = s.as(QStringLiteral("qian"));
        ApiClient li = s.as(QStringLiteral("li"));
        ApiClient admin = s.as(QStringLiteral("admin"));
        const qint64 wangCustomer = newCustomer(wang, QStringLiteral("王的客户"));
        const qint64 qianCustomer = newCustomer(qian, QStringLiteral("钱的客户"));
        const qint64 w = idOf(newOpportunity(wang, wangCustomer, QStringLiteral("王"), 100));
        const qint64 z = idOf(newOpportunity(zhao, newCustomer(zhao, QStringLiteral("赵的客户")), QStringLiteral("赵"), 200));
        const qint64 q = idOf(newOpportunity(qian, qianCustomer, QStringLiteral("钱"), 400));
        const qint64 l = idOf(newOpportunity(li, newCustomer(li, QStringLiteral("李的客户")), QStringLiteral("李"), 800));
        QVERIFY(w && z && q && l);

        struct Case
        {
            ApiClient *client;
            const char *who;
            QSet<qint64> visible;
        };
        const QVector<Case> cases = {
            {&wang, "wang", {w}},
            {&li, "li", {w, z, l}},
            {&qian, "qian", {q}},
            {&admin, "admin", {w, z, q, l}},
        };
        const qint64 qualified = s.stage[QStringLiteral("qualified")];
        for (const Case &c : cases) {
            // The list, the board and the board's sums hold exactly the visible ones.
            Reply r = c.client->get(QStringLiteral("/api/crm/opportunities"));
            QCOMPARE(r.status, 200);
            QVERIFY2(ids(arr(r.json, "opportunities")) == c.visible, c.who);
            r = c.client->get(QStringLiteral("/api/crm/pipeline"));
            QVERIFY2(ids(arr(r.json, "opportunities")) == c.visible, c.who);
            qint64 expectedSum = 0;
            for (qint64 id : c.visible)
                expectedSum += s.scalar(QStringLiteral("SELECT amount_minor FROM opportunities WHERE id = %1").arg(id));
            QCOMPARE(cents(obj(r, "totals").value(QStringLiteral("openValue"))), expectedSum);
            for (qint64 id : {w, z, q, l}) {
                const bool sees = c.visible.contains(id);
                const int expected = sees ? 200 : 404;
                const QString what = QStringLiteral("%1 on %2").arg(QLatin1String(c.who)).arg(id);
                QVERIFY2(c.client->get(oppPath(id)).status == expected, qPrintable(what + QStringLiteral(" read")));
                const int version = int(s.scalar(QStringLiteral("SELECT version FROM opportunities WHERE id = %1").arg(id)));
                Reply u = c.client->call("PATCH", oppPath(id), bytes({{QStringLiteral("notes"), QLatin1String(c.who)}}));
                QVERIFY2(u.status == expected, qPrintable(what + QStringLiteral(" update ") + QString::number(u.status)));
                Reply m = c.client->put(oppPath(id, "move"), {{QStringLiteral("stageId"), double(qualified)}});
                QVERIFY2(m.status == expected, qPrintable(what + QStringLiteral(" move")));
                if (!sees) { // the 404 is the missing record's, and nothing was written
                    QCOMPARE(u.body, c.client->get(oppPath(999999)).body);
                    QCOMPARE(s.scalar(QStringLiteral("SELECT version FROM opportunities WHERE id = %1").arg(id)), version);
                }
            }
        }
        // Customers' opportunity lists follow the customer's scope.
        QCOMPARE(wang.get(QStringLiteral("/api/crm/customers/%1/opportunities").arg(qianCustomer)).status, 404);
        QCOMPARE(li.get(QStringLiteral("/api/crm/customers/%1/opportunities").arg(qianCustomer)).status, 404);
        QCOMPARE(ids(arr(admin.get(QStringLiteral("/api/crm/customers/%1/opportunities").arg(qianCustomer)).json, "opportunities")),
                 QSet<qint64>{q});
        // A rep cannot file an opportunity under another rep's customer or owner; ownerId filters only within scope.
        Reply r = wang.post(QStringLiteral("/api/crm/opportunities"),
                            {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("customerId"), double(qianCustomer)}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("customerId"));
        r = wang.post(QStringLiteral("/api/crm/opportunities"), {{QStringLiteral("name"), QStringLiteral("x")},
                                                                 {QStringLiteral("customerId"), double(wangCustomer)},
                                                                 {QStringLiteral("ownerId"), double(s.team.qian.userId)}});
        QVERIFY(r.status == 400 || r.status == 403);
        QCOMPARE(s.scalar(QStringLiteral("SELECT COUNT(*) FROM opportunities")), 4);
        QCOMPARE(ids(arr(li.get(QStringLiteral("/api/crm/opportunities?ownerId=%1").arg(s.team.qian.userId)).json, "opportunities")), QSet<qint64>{});
        QCOMPARE(ids(arr(li.get(QStringLiteral("/api/crm/opportunities?ownerId=%1").arg(s.team.zhao.userId)).json, "opportunities")), QSet<qint64>{z});
        // The manager may hand a subordinate's opportunity to the other subordinate.
        r = li.call("PATCH", oppPath(w), bytes({{QStringLiteral("ownerId"), double(s.team.zhao.userId)}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(wang.get(oppPath(w)).status, 404);
        QCOMPARE(zhao.get(oppPath(w)).status, 200);
    }

    // A deal in the caller's scope on a customer outside it: the administrator files zhao's deal on
    // wang's customer (zhao sees the deal, not the customer) and another on qian's (li sees his
    // subordinate's deal, not the other team's customer). The detail says so, since logging an
    // activity there is 404; lists and the board leave the field out (no query per row).
    void detailSaysWhetherTheCustomerIsVisible()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        ApiClient qian = s.as(QStringLiteral("qian"));
        ApiClient li = s.as(QStringLiteral("li"));
        ApiClient admin = s.as(QStringLiteral("admin"));
        const qint64 wangCustomer = newCustomer(wang, QStringLiteral("王的客户"));
        const qint64 qianCustomer = newCustomer(qian, QStringLiteral("钱的客户"));
        const qint64 zhaoCustomer = newCustomer(zhao, QStringLiteral("赵的客户"));
        auto filedForZhao = [&](qint64 customer, const QString &name) {
            const Reply r = admin.post(QStringLiteral("/api/crm/opportunities"),
                                       {{QStringLiteral("name"), name}, {QStringLiteral("customerId"), double(customer)},
                                        {QStringLiteral("ownerId"), double(s.team.zhao.userId)}});
            if (r.status != 201)
                qWarning("opportunity not filed: %d %s", r.status, r.body.constData());
            return idOf(obj(r, "opportunity"));
        };
        const qint64 onWangs = filedForZhao(wangCustomer, QStringLiteral("华东代理"));
        const qint64 onQians = filedForZhao(qianCustomer, QStringLiteral("华南代理"));
        const qint64 own = idOf(newOpportunity(zhao, zhaoCustomer, QStringLiteral("自己的"), 100));
        QVERIFY(onWangs && onQians && own);

        struct Case
        {
            ApiClient *client;
            const char *who;
            qint64 opportunity;
            bool customerVisible;
        };
        const QVector<Case> cases = {
            {&zhao, "zhao", onWangs, false}, {&zhao, "zhao", onQians, false}, {&zhao, "zhao", own, true},
            {&li, "li", onWangs, true},      {&li, "li", onQians, false},     {&li, "li", own, true},
            {&admin, "admin", onWangs, true}, {&admin, "admin", onQians, true},
        };
        for (const Case &c : cases) {
            const QString what = QStringLiteral("%1 on %2").arg(QLatin1String(c.who)).arg(c.opportunity);
            const Reply r = c.client->get(oppPath(c.opportunity));
            QVERIFY2(r.status == 200, qPrintable(what));
            const QJsonValue visible = obj(r, "opportunity").value(QStringLiteral("customerVisible"));
            QVERIFY2(visible.isBool() && visible.toBool() == c.customerVisible,
                     qPrintable(what + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        }
        // Why it matters: logging on the deal names its customer, which zhao may not see.
        const QJsonObject note{{QStringLiteral("customerId"), double(wangCustomer)},
                               {QStringLiteral("type"), QStringLiteral("note")},
                               {QStringLiteral("content"), QStringLiteral("代理洽谈")},
                               {QStringLiteral("opportunityId"), double(onWangs)}};
        QCOMPARE(zhao.post(QStringLiteral("/api/crm/activities"), note).status, 404);
        QCOMPARE(li.post(QStringLiteral("/api/crm/activities"), note).status, 201);

        // Only the detail carries it.
        const Reply list = li.get(QStringLiteral("/api/crm/opportunities"));
        QCOMPARE(ids(arr(list.json, "opportunities")), (QSet<qint64>{onWangs, onQians, own}));
        QVERIFY2(!list.body.contains("customerVisible"), list.body.constData());
        const Reply board = li.get(QStringLiteral("/api/crm/pipeline"));
        QCOMPARE(board.status, 200);
        QVERIFY(!board.body.contains("customerVisible"));

        // Sent back, it is ignored: it cannot be set, and it is not an unknown field.
        Reply r = zhao.call("PATCH", oppPath(onWangs),
                            bytes({{QStringLiteral("notes"), QStringLiteral("回填")}, {QStringLiteral("customerVisible"), true}}));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(str(obj(r, "opportunity"), "notes"), QStringLiteral("回填"));
        QCOMPARE(obj(zhao.get(oppPath(onWangs)), "opportunity").value(QStringLiteral("customerVisible")),
                 QJsonValue(false));
    }

    void badInput()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("成都天府"));
        const QJsonObject base{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("customerId"), double(customer)}};
        auto withField = [&](const QString &key, const QJsonValue &v) {
            QJsonObject b = base;
            b.insert(key, v);
            return wang.post(QStringLiteral("/api/crm/opportunities"), b);
        };
        struct Bad
        {
            QString key;
            QJsonValue value;
            QString field;
        };
        const QVector<Bad> bads = {
            {QStringLiteral("value"), true, QStringLiteral("value")},
            {QStringLiteral("value"), -1, QStringLiteral("value")},
            {QStringLiteral("value"), QStringLiteral("-0.01"), QStringLiteral("value")},
            {QStringLiteral("value"), QStringLiteral("1.234"), QStringLiteral("value")},
            {QStringLiteral("value"), QStringLiteral("12abc"), QStringLiteral("value")},
            {QStringLiteral("amount"), -5, QStringLiteral("amount")},
            {QStringLiteral("value"), 1e300, QStringLiteral("value")},
            {QStringLiteral("value"), QStringLiteral("10000000000000.01"), QStringLiteral("value")}, // over core's cap
            {QStringLiteral("probability"), QStringLiteral("abc"), QStringLiteral("probability")},
            {QStringLiteral("probability"), 150, QStringLiteral("probability")},
            {QStringLiteral("probability"), 2.5, QStringLiteral("probability")},
            {QStringLiteral("customerId"), QStringLiteral("x' OR 1=1 --"), QStringLiteral("customerId")},
            {QStringLiteral("customerId"), 999999, QStringLiteral("customerId")},
            {QStringLiteral("stageId"), 999999, QStringLiteral("stageId")},
            {QStringLiteral("stageId"), QJsonArray{1}, QStringLiteral("stageId")},
            {QStringLiteral("pipelineId"), 999999, QStringLiteral("pipelineId")},
            {QStringLiteral("expectedCloseDate"), QStringLiteral("soon"), QStringLiteral("expectedCloseDate")},
            // A day, or a valid ISO 8601 time with its offset (below); nothing else that starts like one.
            {QStringLiteral("expectedCloseDate"), QStringLiteral("2027-03-31junk"), QStringLiteral("expectedCloseDate")},
            {QStringLiteral("expectedCloseDate"), QStringLiteral("2027-03-31T25:00:00+08:00"), QStringLiteral("expectedCloseDate")},
            {QStringLiteral("expectedCloseDate"), QStringLiteral("2027-03-31T08:00:00"), QStringLiteral("expectedCloseDate")}, // no offset
            {QStringLiteral("expectedCloseDate"), QStringLiteral("2027/03/31"), QStringLiteral("expectedCloseDate")},
            {QStringLiteral("currency"), QStringLiteral("RMB1"), QStringLiteral("currency")},
            {QStringLiteral("name"), 5, QStringLiteral("name")},
            {QStringLiteral("name"), QStringLiteral("   "), QStringLiteral("name")},
            {QStringLiteral("color"), QStringLiteral("red"), QStringLiteral("color")},
        };
        for (const Bad &b : bads) {
            const Reply r = withField(b.key, b.value);
            QVERIFY2(r.status == 400 && r.errorField() == b.field,
                     qPrintable(b.key + QLatin1Char(' ') + QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        }
        QCOMPARE(wang.post(QStringLiteral("/api/crm/opportunities"), {{QStringLiteral("customerId"), double(customer)}}).errorField(),
                 QStringLiteral("name"));
        QCOMPARE(wang.post(QStringLiteral("/api/crm/opportunities"), {{QStringLiteral("name"), QStringLiteral("x")}}).errorField(),
                 QStringLiteral("customerId"));
        QCOMPARE(wang.call("POST", QStringLiteral("/api/crm/opportunities"), "{\"name\": \"x\", ").status, 400);
        QCOMPARE(wang.call("POST", QStringLiteral("/api/crm/opportunities"), "name=x", {{"Content-Type", "text/plain"}}).status, 415);
        QCOMPARE(s.scalar(QStringLiteral("SELECT COUNT(*) FROM opportunities")), 0);

        // Updates: the same checks, nothing written.
        const qint64 id = idOf(newOpportunity(wang, customer, QStringLiteral("ok"), 1));
        for (const Bad &b : {Bad{QStringLiteral("value"), -1, QStringLiteral("value")}, Bad{QStringLiteral("probability"), 101, QStringLiteral("probability")},
                             Bad{QStringLiteral("lossReason"), QStringLiteral("x"), QStringLiteral("lossReason")},
                             Bad{QStringLiteral("ownerId"), QStringLiteral("abc"), QStringLiteral("ownerId")}}) {
            const Reply r = wang.call("PATCH", oppPath(id), bytes({{b.key, b.value}}));
            QVERIFY2(r.status == 400 && r.errorField() == b.field, qPrintable(b.key + QString::fromUtf8(r.body)));
        }
        QCOMPARE(wang.call("PATCH", oppPath(id), "{}", {{"If-Match", "\"vx\""}}).status, 412);
        QCOMPARE(wang.get(QStringLiteral("/api/crm/opportunities/abc")).status, 404); // the router's: {id} is numeric
        QCOMPARE(s.scalar(QStringLiteral("SELECT version FROM opportunities WHERE id = %1").arg(id)), 1);

        // Query parameters of the list.
        for (const char *query : {"page=0", "page=-1", "page=20000", "limit=0", "limit=x", "status=closed", "stageId=abc", "ownerId=-3",
                                  "sortBy=color"}) {
            const Reply r = wang.get(QStringLiteral("/api/crm/opportunities?") + QLatin1String(query));
            QVERIFY2(r.status == 400 && !r.errorField().isEmpty(), query);
        }
        Reply r = wang.get(QStringLiteral("/api/crm/opportunities?limit=100000&page=3&sortBy=value"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("limit")).toInt(), 100); // capped
        QCOMPARE(wang.get(QStringLiteral("/api/crm/pipeline?limit=100000")).json.value(QStringLiteral("limitPerStage")).toInt(), 100);
        // The page's nested filters serialised into the query are ignored, not a crash.
        QCOMPARE(wang.get(QStringLiteral("/api/crm/opportunities?stageId=%5Bobject%20Object%5D&value%5B%24gte%5D=5")).status, 200);

        // A day sent as an ISO 8601 time with its offset: the day written in it.
        r = wang.call("PATCH", oppPath(id), bytes({{QStringLiteral("expectedCloseDate"), QStringLiteral("2027-04-01T00:00:00+08:00")}}));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(str(obj(r, "opportunity"), "expectedCloseDate"), QStringLiteral("2027-04-01"));
    }

    void analyticsAndFunnel()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient qian = s.as(QStringLiteral("qian"));
        ApiClient li = s.as(QStringLiteral("li"));
        const qint64 customer = newCustomer(wang, QStringLiteral("苏州工业园"));
        const qint64 won = idOf(newOpportunity(wang, customer, QStringLiteral("赢"), 12345.67));
        const qint64 open = idOf(newOpportunity(wang, customer, QStringLiteral("开"), 1000, s.stage[QStringLiteral("proposal")]));
        const qint64 lost = idOf(newOpportunity(wang, customer, QStringLiteral("输"), 10));
        QVERIFY(open > 0);
        QCOMPARE(wang.post(QStringLiteral("/api/crm/activities"), {{QStringLiteral("customerId"), double(customer)},
                                                                   {QStringLiteral("type"), QStringLiteral("call")},
                                                                   {QStringLiteral("subject"), QStringLiteral("电话")}})
                     .status,
                 201);
        s.clock.advance(2 * kDay);
        QCOMPARE(wang.put(oppPath(won, "move"), {{QStringLiteral("stageId"), double(s.stage[QStringLiteral("qualified")])}}).status, 200);
        QCOMPARE(wang.put(oppPath(won, "move"), {{QStringLiteral("stageId"), double(s.stage[QStringLiteral("won")])}}).status, 200);
        QCOMPARE(wang.put(oppPath(lost, "move"), {{QStringLiteral("stageId"), double(s.stage[QStringLiteral("lost")])},
                                                  {QStringLiteral("lossReason"), QStringLiteral("预算")}})
                     .status,
                 200);

        // getSalesMetrics: res.data.metrics.
        Reply r = wang.get(QStringLiteral("/api/crm/analytics/sales?period=30d&userId=%1").arg(s.team.qian.userId));
        QCOMPARE(r.status, 200);
        QJsonObject m = obj(r, "metrics");
        QVERIFY2(r.body.contains("\"revenue\":12345.67"), r.body.constData());
        QCOMPARE(m.value(QStringLiteral("dealsWon")).toInteger(), 1);
        QCOMPARE(m.value(QStringLiteral("dealsLost")).toInteger(), 1);
        QCOMPARE(m.value(QStringLiteral("winRate")).toDouble(), 50.0);
        QCOMPARE(m.value(QStringLiteral("salesCycleDays")).toInteger(), 2);
        QCOMPARE(m.value(QStringLiteral("openDeals")).toInteger(), 1);
        QCOMPARE(cents(m.value(QStringLiteral("pipelineValue"))), 100000);
        QCOMPARE(cents(m.value(QStringLiteral("weightedPipelineValue"))), 50000);
        QCOMPARE(m.value(QStringLiteral("newCustomers")).toInteger(), 1);
        QCOMPARE(m.value(QStringLiteral("activities")).toInteger(), 1);
        QCOMPARE(arr(m, "series").size(), 30);
        QCOMPARE(str(m, "period"), QStringLiteral("30d"));
        QCOMPARE(arr(m, "byRep").size(), 1);
        QCOMPARE(arr(m, "byRep").at(0).toObject().value(QStringLiteral("userId")).toInteger(), s.team.wang.userId);
        qint64 seriesTotal = 0;
        for (const QJsonValue &b : arr(m, "series"))
            seriesTotal += cents(b.toObject().value(QStringLiteral("value")));
        QCOMPARE(seriesTotal, 1234567);
        // Scoped: the manager sees the team's, the other team's rep nothing.
        QVERIFY(li.get(QStringLiteral("/api/crm/analytics/sales")).body.contains("\"revenue\":12345.67"));
        m = obj(qian.get(QStringLiteral("/api/crm/analytics/sales")), "metrics");
        QCOMPARE(m.value(QStringLiteral("dealsWon")).toInteger(), 0);
        QCOMPARE(cents(m.value(QStringLiteral("revenue"))), 0);

        // Periods: every allowed one answers; buckets by day, week, month; anything else is 400 on period.
        QCOMPARE(arr(obj(wang.get(QStringLiteral("/api/crm/analytics/sales?period=7d")), "metrics"), "series").size(), 7);
        QVERIFY(arr(obj(wang.get(QStringLiteral("/api/crm/analytics/sales?period=90d")), "metrics"), "series").size() <= 15);
        QVERIFY(arr(obj(wang.get(QStringLiteral("/api/crm/analytics/sales?period=365d")), "metrics"), "series").size() <= 13);
        for (const char *path : {"sales", "customers", "pipeline", "activities"}) {
            for (const char *bad : {"1y", "30", "0d", "-7d", "99999d", "30d%27%20OR%201=1"}) {
                r = wang.get(QStringLiteral("/api/crm/analytics/%1?period=%2").arg(QLatin1String(path), QLatin1String(bad)));
                QVERIFY2(r.status == 400 && r.errorField() == QLatin1String("period"), qPrintable(QLatin1String(path) + QLatin1Char(' ') + QLatin1String(bad)));
            }
            r = wang.get(QStringLiteral("/api/crm/analytics/%1?tz=Mars/Olympus").arg(QLatin1String(path)));
            QCOMPARE(r.errorField(), QStringLiteral("tz"));
            for (const char *good : {"7d", "30d", "90d", "365d"})
                QVERIFY2(wang.get(QStringLiteral("/api/crm/analytics/%1?period=%2&tz=Asia/Shanghai").arg(QLatin1String(path), QLatin1String(good))).status == 200,
                         path);
        }
        QCOMPARE(wang.get(QStringLiteral("/api/sales/funnel?period=2w")).errorField(), QStringLiteral("period"));

        // getCustomerMetrics, getActivityMetrics: res.data.metrics.
        m = obj(wang.get(QStringLiteral("/api/crm/analytics/customers?period=7d")), "metrics");
        QCOMPARE(m.value(QStringLiteral("newCustomers")).toInteger(), 1);
        QCOMPARE(arr(m, "series").size(), 7);
        m = obj(qian.get(QStringLiteral("/api/crm/analytics/customers?period=7d")), "metrics");
        QCOMPARE(m.value(QStringLiteral("newCustomers")).toInteger(), 0);
        m = obj(wang.get(QStringLiteral("/api/crm/analytics/activities")), "metrics");
        QCOMPARE(m.value(QStringLiteral("total")).toInteger(), 1);
        QCOMPARE(str(arr(m, "byKind").at(0).toObject(), "kind"), QStringLiteral("call"));
        QCOMPARE(arr(m, "byRep").at(0).toObject().value(QStringLiteral("userId")).toInteger(), s.team.wang.userId);
        QCOMPARE(obj(qian.get(QStringLiteral("/api/crm/analytics/activities")), "metrics").value(QStringLiteral("total")).toInteger(), 0);

        // getPipelineAnalytics: res.data.analytics.
        r = wang.get(QStringLiteral("/api/crm/analytics/pipeline"));
        QCOMPARE(r.status, 200);
        const QJsonObject a = obj(r, "analytics");
        QCOMPARE(a.value(QStringLiteral("openCount")).toInteger(), 1);
        QCOMPARE(cents(a.value(QStringLiteral("openValue"))), 100000);
        QCOMPARE(cents(a.value(QStringLiteral("weightedValue"))), 50000);
        QCOMPARE(arr(a, "stages").size(), 4); // the open stages
        QCOMPARE(arr(a, "funnel").size(), 5); // open stages and won
        QCOMPARE(obj(qian.get(QStringLiteral("/api/crm/analytics/pipeline")), "analytics").value(QStringLiteral("openCount")).toInteger(), 0);

        // The funnel: three created, one reached qualified and won; conversion rates as percentages.
        r = wang.get(QStringLiteral("/api/sales/funnel?period=30d"));
        QCOMPARE(r.status, 200);
        const QJsonArray funnel = arr(r.json, "stages");
        QCOMPARE(funnel.size(), 5);
        QCOMPARE(funnel.at(0).toObject().value(QStringLiteral("count")).toInteger(), 3); // lead
        QCOMPARE(funnel.at(1).toObject().value(QStringLiteral("count")).toInteger(), 2); // qualified (the proposal one passed it)
        QCOMPARE(funnel.at(4).toObject().value(QStringLiteral("count")).toInteger(), 1); // won
        QVERIFY2(r.body.contains("\"conversionRate\":66.67"), r.body.constData());
        QVERIFY(funnel.at(4).toObject().value(QStringLiteral("conversionRate")).isNull());
        QVERIFY(r.body.contains("\"averageDealSize\":12345.67"));
        QCOMPARE(r.json.value(QStringLiteral("averageCycleDays")).toInteger(), 2);
        QCOMPARE(r.json.value(QStringLiteral("winRate")).toDouble(), 50.0);
        QCOMPARE(r.json.value(QStringLiteral("pipelineId")).toInteger(), s.defaultPipeline);
        QCOMPARE(arr(qian.get(QStringLiteral("/api/sales/funnel")).json, "stages").at(0).toObject().value(QStringLiteral("count")).toInteger(), 0);
        QCOMPARE(wang.get(QStringLiteral("/api/sales/funnel?pipelineId=%1").arg(s.renewals)).status, 200);
        QCOMPARE(wang.get(QStringLiteral("/api/sales/funnel?pipelineId=999999")).status, 404);
    }

    // Deals closing soon (the mini program's tasks page): open ones with an expected close date up to a
    // day, both bounds inclusive, earliest first; only those in the caller's scope.
    void expectedCloseFilters()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        ApiClient qian = s.as(QStringLiteral("qian"));
        ApiClient li = s.as(QStringLiteral("li"));
        auto deal = [&](ApiClient &c, const QString &name, const QString &close) {
            QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("customerId"), double(newCustomer(c, name + QStringLiteral("公司")))},
                             {QStringLiteral("value"), 1000}};
            if (!close.isEmpty())
                body.insert(QStringLiteral("expectedCloseDate"), close);
            const Reply r = c.post(QStringLiteral("/api/crm/opportunities"), body);
            if (r.status != 201)
                qWarning("opportunity not created: %d %s", r.status, r.body.constData());
            return idOf(obj(r, "opportunity"));
        };
        // kNow is 2027-01-15 (UTC): "today + 7" is 2027-01-22.
        const qint64 past = deal(wang, QStringLiteral("逾期"), QStringLiteral("2027-01-10"));
        const qint64 today = deal(wang, QStringLiteral("今天"), QStringLiteral("2027-01-15"));
        const qint64 lastDay = deal(wang, QStringLiteral("第七天"), QStringLiteral("2027-01-22"));
        const qint64 dayAfter = deal(wang, QStringLiteral("第八天"), QStringLiteral("2027-01-23"));
        const qint64 undated = deal(wang, QStringLiteral("没日期"), QString());
        const qint64 won = deal(wang, QStringLiteral("已赢"), QStringLiteral("2027-01-12"));
        const qint64 teammate = deal(zhao, QStringLiteral("同组"), QStringLiteral("2027-01-16"));
        const qint64 otherTeam = deal(qian, QStringLiteral("别组"), QStringLiteral("2027-01-14"));
        QVERIFY(past && today && lastDay && dayAfter && undated && won && teammate && otherTeam);
        QCOMPARE(wang.put(oppPath(won, "move"), {{QStringLiteral("stageId"), double(s.stage[QStringLiteral("won")])}}).status, 200);

        auto listed = [](ApiClient &c, const QString &query) {
            const Reply r = c.get(QStringLiteral("/api/crm/opportunities?") + query);
            if (r.status != 200)
                qWarning("%d %s", r.status, r.body.constData());
            QVector<qint64> out;
            for (const QJsonValue &v : arr(r.json, "opportunities"))
                out << idOf(v.toObject());
            if (r.json.value(QStringLiteral("total")).toInteger() != out.size()) { // the count takes the same filter
                qWarning("total %lld for %lld listed", r.json.value(QStringLiteral("total")).toInteger(), qint64(out.size()));
                out << -1;
            }
            return out;
        };
        const QString me = QString::number(s.team.wang.userId);
        // The page's request: open, mine, up to today + 7, earliest first (the overdue one first).
        QCOMPARE(listed(wang, QStringLiteral("status=open&ownerId=") + me + QStringLiteral("&expectedCloseTo=2027-01-22&sortBy=expectedCloseDate")),
                 (QVector<qint64>{past, today, lastDay}));
        // Without status the won one is there, in date order; the undated never.
        QCOMPARE(listed(wang, QStringLiteral("expectedCloseTo=2027-01-22&sortBy=expectedCloseDate")), (QVector<qint64>{past, won, today, lastDay}));
        // Both bounds inclusive: a one-day window holds that day's deal.
        QCOMPARE(listed(wang, QStringLiteral("expectedCloseFrom=2027-01-15&expectedCloseTo=2027-01-15")), (QVector<qint64>{today}));
        QCOMPARE(listed(wang, QStringLiteral("expectedCloseFrom=2027-01-22&sortBy=expectedCloseDate")), (QVector<qint64>{lastDay, dayAfter}));
        QCOMPARE(listed(wang, QStringLiteral("expectedCloseFrom=2027-01-23&expectedCloseTo=2027-01-22")), QVector<qint64>{});
        // An empty bound is no bound; the newest first by default.
        QCOMPARE(listed(wang, QStringLiteral("status=open&expectedCloseFrom=&expectedCloseTo=")).size(), 5);
        // Another rep's deals: not listed, not even when asked for by owner.
        QCOMPARE(listed(wang, QStringLiteral("expectedCloseTo=2027-01-16&ownerId=%1").arg(s.team.qian.userId)), QVector<qint64>{});
        QCOMPARE(listed(wang, QStringLiteral("expectedCloseTo=2027-01-16&ownerId=%1").arg(s.team.zhao.userId)), QVector<qint64>{});
        // The manager sees the team's (the other team's still not), in date order.
        QCOMPARE(listed(li, QStringLiteral("status=open&expectedCloseTo=2027-01-22&sortBy=expectedCloseDate")),
                 (QVector<qint64>{past, today, teammate, lastDay}));
        QCOMPARE(listed(qian, QStringLiteral("status=open&expectedCloseTo=2027-01-22")), (QVector<qint64>{otherTeam}));
        // A date that is not YYYY-MM-DD is a 400 naming the parameter.
        for (const char *name : {"expectedCloseFrom", "expectedCloseTo"}) {
            for (const char *bad : {"2027-13-01", "2027-02-30", "2027-1-5", "tomorrow", "20270115", "2027-01-15T00:00:00Z", "2027/01/15",
                                    "2027-01-15x", "1800000000000"}) {
                const Reply r = wang.get(QStringLiteral("/api/crm/opportunities?%1=%2").arg(QLatin1String(name), QLatin1String(bad)));
                QVERIFY2(r.status == 400 && r.errorField() == QLatin1String(name), qPrintable(QLatin1String(bad) + QString::fromUtf8(r.body)));
            }
        }
    }

    // The routes are in the OpenAPI document with their descriptions.
    void openApiListsTheRoutes()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient anon(s.host.port());
        const QJsonObject paths = anon.get(QStringLiteral("/api/openapi.json")).json.value(QStringLiteral("paths")).toObject();
        const QList<QPair<const char *, const char *>> expected = {
            {"/api/crm/pipeline", "get"},          {"/api/crm/pipelines", "get"},
            {"/api/crm/opportunities", "get"},     {"/api/crm/opportunities", "post"},
            {"/api/crm/opportunities/{id}", "get"}, {"/api/crm/opportunities/{id}", "put"},
            {"/api/crm/opportunities/{id}", "patch"}, {"/api/crm/opportunities/{id}/move", "put"},
            {"/api/crm/customers/{id}/opportunities", "get"}, {"/api/sales/funnel", "get"},
            {"/api/crm/analytics/sales", "get"},   {"/api/crm/analytics/customers", "get"},
            {"/api/crm/analytics/pipeline", "get"}, {"/api/crm/analytics/activities", "get"},
        };
        for (const auto &[path, method] : expected) {
            const QJsonObject op = paths.value(QLatin1String(path)).toObject().value(QLatin1String(method)).toObject();
            QVERIFY2(!op.value(QStringLiteral("summary")).toString().isEmpty(), path);
        }
        auto summary = [&](const char *path) {
            return paths.value(QLatin1String(path)).toObject().value(QStringLiteral("get")).toObject().value(QStringLiteral("summary")).toString();
        };
        for (const char *word : {"expectedCloseFrom", "expectedCloseTo"})
            QVERIFY2(summary("/api/crm/opportunities").contains(QLatin1String(word)), word);
        for (const char *word : {"distribution", "provinces", "industries", "engagement", "byOwner"})
            QVERIFY2(summary("/api/crm/analytics/customers").contains(QLatin1String(word)), word);
    }
};

QTEST_GUILESS_MAIN(TestApiOpportunities)
#include "tst_api_opportunities.moc"
