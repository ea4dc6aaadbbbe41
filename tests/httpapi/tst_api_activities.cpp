// Activities, calls, messages, tasks and follow-ups over HTTP, called the way the mini program's
// TaskManager and CommunicationHub call them: the real server on a loopback port, on SQLite and PostgreSQL.
#include "core/services/ActivityService.h"
#include "tests/TestDatabase.h"
#include "tests/httpapi/ApiTestServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

constexpr qint64 kNow = 1'800'000'000'000; // 2027-01-15T08:00:00Z, 16:00 in Asia/Shanghai
constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

qint64 count(Database &db, const QString &sql)
{
    QSqlQuery q = db.prepare(sql);
    if (!db.exec(q) || !q.next())
        qFatal("count failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
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

} // namespace

class TestApiActivities : public QObject
{
    Q_OBJECT

    using Server = test::ApiTestServer;

    static qint64 newCustomer(ApiClient &c, const QString &name)
    {
        const Reply r = c.post(QStringLiteral("/api/crm/customers"), {{QStringLiteral("name"), name}});
        if (r.status != 201)
            qWarning("customer not created: %d %s", r.status, r.body.constData());
        return idOf(obj(r, "customer"));
    }

    static QString customerPath(qint64 id, const char *sub)
    {
        return QStringLiteral("/api/crm/customers/%1/%2").arg(id).arg(QLatin1String(sub));
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestDatabase probe;
        if (!probe.skip.isEmpty())
            QSKIP(qPrintable(probe.skip));
    }

    // TaskManager.logActivity / getCustomerActivities and CommunicationHub.makeCall / sendMessage /
    // getMessageHistory / getCommunicationHistory, with the bodies the page sends.
    void communicationHubAsWritten()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("深圳星河科技"));
        QVERIFY(customer > 0);

        // logActivity: the page adds userId (here someone else's) and timestamp; the id arrives as text.
        Reply r = wang.post(QStringLiteral("/api/crm/activities"),
                            {{QStringLiteral("customerId"), QString::number(customer)},
                             {QStringLiteral("type"), QStringLiteral("visit")},
                             {QStringLiteral("subject"), QStringLiteral("上门拜访")},
                             {QStringLiteral("content"), QStringLiteral("演示了新版本")},
                             {QStringLiteral("outcome"), QStringLiteral("interested")},
                             {QStringLiteral("direction"), QStringLiteral("outbound")},
                             {QStringLiteral("durationSeconds"), 1800},
                             {QStringLiteral("attachments"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("报价.pdf")},
                                                                                    {QStringLiteral("size"), 2048},
                                                                                    {QStringLiteral("mimeType"), QStringLiteral("application/pdf")},
                                                                                    {QStringLiteral("url"), QStringLiteral("https://files/x")}}}},
                             {QStringLiteral("userId"), double(s.team.zhao.userId)},
                             {QStringLiteral("timestamp"), double(kNow - kHour)}});
        QCOMPARE(r.status, 201);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QJsonObject activity = obj(r, "activity");
        QCOMPARE(activity.value(QStringLiteral("userId")).toInteger(), s.team.wang.userId); // the token's user, not the body's
        QCOMPARE(str(activity, "userName"), s.team.wang.displayName);
        QCOMPARE(activity.value(QStringLiteral("customerId")).toInteger(), customer);
        QCOMPARE(str(activity, "type"), QStringLiteral("visit"));
        QCOMPARE(str(activity, "kind"), QStringLiteral("visit"));
        QCOMPARE(str(activity, "occurredAt"), iso(kNow - kHour));
        QCOMPARE(str(activity, "timestamp"), iso(kNow - kHour));
        QCOMPARE(activity.value(QStringLiteral("durationSeconds")).toInt(), 1800);
        QCOMPARE(activity.value(QStringLiteral("attachments")).toArray().first().toObject().value(QStringLiteral("size")).toInt(), 2048);
        QCOMPARE(activity.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM activities WHERE user_id = %1").arg(s.team.zhao.userId)), 0);

        // makeCall: initiated, then connected; another call that failed with the phone's error text.
        auto call = [&](const QString &status, const QString &error = {}) {
            QJsonObject body{{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("type"), QStringLiteral("call")},
                             {QStringLiteral("direction"), QStringLiteral("outbound")},
                             {QStringLiteral("phoneNumber"), QStringLiteral("138 1234 5678")}, {QStringLiteral("status"), status}};
            if (!error.isEmpty())
                body.insert(QStringLiteral("error"), error);
            s.clock.advance(1000);
            return wang.post(QStringLiteral("/api/crm/communications"), body);
        };
        r = call(QStringLiteral("initiated"));
        QCOMPARE(r.status, 201);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QJsonObject communication = obj(r, "communication");
        QCOMPARE(str(communication, "type"), QStringLiteral("call"));
        QCOMPARE(str(communication, "status"), QStringLiteral("initiated"));
        QCOMPARE(str(communication, "phone"), QStringLiteral("13812345678"));
        QCOMPARE(str(communication, "direction"), QStringLiteral("outbound"));
        QCOMPARE(call(QStringLiteral("connected")).status, 201);
        r = call(QStringLiteral("failed"), QStringLiteral("makePhoneCall:fail cancel"));
        QCOMPARE(str(obj(r, "communication"), "outcome"), QStringLiteral("makePhoneCall:fail cancel"));
        QCOMPARE(str(obj(r, "communication"), "status"), QStringLiteral("failed"));

        // sendMessage: the message, then the page's own report of it to /communications.
        s.clock.advance(1000);
        r = wang.post(QStringLiteral("/api/crm/messages"),
                      {{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("message"), QStringLiteral("您好，报价已发送")},
                       {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("direction"), QStringLiteral("outbound")},
                       {QStringLiteral("userId"), double(s.team.zhao.userId)}, {QStringLiteral("timestamp"), double(s.clock.nowMs())}});
        QCOMPARE(r.status, 201);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        const QJsonObject message = obj(r, "message");
        QCOMPARE(str(message, "kind"), QStringLiteral("message"));
        QCOMPARE(str(message, "content"), QStringLiteral("您好，报价已发送"));
        QCOMPARE(message.value(QStringLiteral("userId")).toInteger(), s.team.wang.userId);
        s.clock.advance(500);
        r = wang.post(QStringLiteral("/api/crm/communications"),
                      {{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("type"), QStringLiteral("message")},
                       {QStringLiteral("direction"), QStringLiteral("outbound")}, {QStringLiteral("content"), QStringLiteral("您好，报价已发送")},
                       {QStringLiteral("status"), QStringLiteral("sent")}});
        QCOMPARE(r.status, 200); // the same message reported again: nothing new is written
        QCOMPARE(idOf(obj(r, "communication")), idOf(message));
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM activities WHERE kind = 'message'")), 1);
        // A different text to /communications is a message of its own.
        QCOMPARE(wang.post(QStringLiteral("/api/crm/communications"),
                           {{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("type"), QStringLiteral("message")},
                            {QStringLiteral("direction"), QStringLiteral("inbound")}, {QStringLiteral("content"), QStringLiteral("收到")}})
                     .status,
                 201);

        // The histories, with the envelopes the page reads.
        r = wang.get(customerPath(customer, "messages") + QStringLiteral("?limit=50"));
        QCOMPARE(r.status, 200);
        QJsonArray messages = arr(r, "messages");
        QCOMPARE(messages.size(), 2);
        QCOMPARE(str(messages.at(0).toObject(), "content"), QStringLiteral("收到")); // newest first
        r = wang.get(customerPath(customer, "communications") + QStringLiteral("?limit=20"));
        QCOMPARE(r.status, 200);
        const QJsonArray calls = arr(r, "communications");
        QCOMPARE(calls.size(), 3);
        for (const QJsonValue &v : calls)
            QCOMPARE(str(v.toObject(), "kind"), QStringLiteral("call"));
        QCOMPARE(str(calls.at(0).toObject(), "status"), QStringLiteral("failed"));
        QCOMPARE(r.json.value(QStringLiteral("hasMore")).toBool(), false);
        r = wang.get(customerPath(customer, "activities") + QStringLiteral("?limit=20"));
        QCOMPARE(r.status, 200);
        QCOMPARE(arr(r, "activities").size(), 6);
        QCOMPARE(str(arr(r, "activities").last().toObject(), "kind"), QStringLiteral("visit")); // the oldest

        // Keyset pages: following `next` through `before` gives every activity once.
        QSet<qint64> seen;
        QString before;
        for (int guard = 0; guard < 10; ++guard) {
            r = wang.get(customerPath(customer, "activities") + QStringLiteral("?limit=4") +
                         (before.isEmpty() ? QString() : QStringLiteral("&before=") + before));
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : arr(r, "activities"))
                QVERIFY(!seen.contains(idOf(v.toObject())) && (seen.insert(idOf(v.toObject())), true));
            if (!r.json.value(QStringLiteral("hasMore")).toBool()) {
                QVERIFY(r.json.value(QStringLiteral("next")).isNull());
                break;
            }
            before = r.json.value(QStringLiteral("next")).toString();
        }
        QCOMPARE(seen.size(), 6);
        r = wang.get(customerPath(customer, "communications") + QStringLiteral("?limit=2"));
        QCOMPARE(arr(r, "communications").size(), 2);
        QVERIFY(r.json.value(QStringLiteral("hasMore")).toBool());
        r = wang.get(customerPath(customer, "communications") + QStringLiteral("?limit=2&before=") +
                     r.json.value(QStringLiteral("next")).toString());
        QCOMPARE(arr(r, "communications").size(), 1);
        QCOMPARE(str(arr(r, "communications").first().toObject(), "status"), QStringLiteral("initiated"));
        QCOMPARE(r.json.value(QStringLiteral("hasMore")).toBool(), false);
        // limit is capped at 100.
        QCOMPARE(wang.get(customerPath(customer, "activities") + QStringLiteral("?limit=100000")).status, 200);
        // Every API write went to the audit log as the API user.
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE source = 'api' AND entity = 'activity'")), 6);
    }

    // A kind-filtered history reads the timeline in bounded pages: a call behind 2,100 notes is
    // reached by following `next`, never skipped.
    void filteredHistoryIsBoundedAndComplete()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("很多记录的客户"));
        QCOMPARE(wang.post(QStringLiteral("/api/crm/communications"),
                           {{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("status"), QStringLiteral("connected")},
                            {QStringLiteral("occurredAt"), iso(kNow - 30 * kDay)}})
                     .status,
                 201); // type defaults to call
        QVERIFY(s.db->execSql(QStringLiteral(
                                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2100)"
                                  " INSERT INTO activities (customer_id, user_id, kind, occurred_at, created_at)"
                                  " SELECT %1, %2, 'note', %3 - i * 1000, %3 FROM n")
                                  .arg(customer)
                                  .arg(s.team.wang.userId)
                                  .arg(kNow))
                    .ok());
        Reply r = wang.get(customerPath(customer, "communications"));
        QCOMPARE(r.status, 200);
        QCOMPARE(arr(r, "communications").size(), 0);
        QVERIFY(r.json.value(QStringLiteral("hasMore")).toBool());
        r = wang.get(customerPath(customer, "communications") + QStringLiteral("?before=") + r.json.value(QStringLiteral("next")).toString());
        QCOMPARE(r.status, 200);
        QCOMPARE(arr(r, "communications").size(), 1);
        QCOMPARE(r.json.value(QStringLiteral("hasMore")).toBool(), false);
        QCOMPARE(arr(wang.get(customerPath(customer, "activities") + QStringLiteral("?limit=100")), "activities").size(), 100);
    }

    void scopeMatrix()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang")), zhao = s.as(QStringLiteral("zhao")), li = s.as(QStringLiteral("li")),
                  qian = s.as(QStringLiteral("qian")), sun = s.as(QStringLiteral("sun"));
        const qint64 customer = newCustomer(wang, QStringLiteral("王的客户"));
        QCOMPARE(wang.post(QStringLiteral("/api/crm/activities"),
                           {{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("type"), QStringLiteral("note")},
                            {QStringLiteral("content"), QStringLiteral("机密备注")}})
                     .status,
                 201);
        Reply created = wang.post(QStringLiteral("/api/crm/tasks"), {{QStringLiteral("title"), QStringLiteral("王的任务")},
                                                                    {QStringLiteral("customerId"), double(customer)}});
        QCOMPARE(created.status, 201);
        const QString taskPath = QStringLiteral("/api/crm/tasks/%1").arg(idOf(obj(created, "task")));
        QCOMPARE(wang.post(QStringLiteral("/api/crm/follow-ups"), {{QStringLiteral("customerId"), double(customer)},
                                                                  {QStringLiteral("scheduledDate"), double(kNow + kDay)}})
                     .status,
                 201);

        for (ApiClient *other : {&zhao, &qian, &sun}) {
            for (const char *sub : {"activities", "communications", "messages", "tasks", "follow-ups"}) {
                const Reply r = other->get(customerPath(customer, sub));
                QVERIFY2(r.status == 404, sub);
                QVERIFY2(!r.body.contains("机密"), sub);
            }
            QCOMPARE(other->get(taskPath).status, 404);
            QCOMPARE(other->put(taskPath, {{QStringLiteral("status"), QStringLiteral("completed")}}).status, 404);
            QCOMPARE(other->call("DELETE", taskPath).status, 404);
            QCOMPARE(arr(other->get(QStringLiteral("/api/crm/tasks")), "tasks").size(), 0);
            // Nor can they write to it.
            QCOMPARE(other->post(QStringLiteral("/api/crm/activities"), {{QStringLiteral("customerId"), double(customer)},
                                                                       {QStringLiteral("type"), QStringLiteral("note")}})
                         .status,
                     404);
            QCOMPARE(other->post(QStringLiteral("/api/crm/follow-ups"), {{QStringLiteral("customerId"), double(customer)},
                                                                       {QStringLiteral("scheduledDate"), double(kNow + kDay)}})
                         .status,
                     404);
            QCOMPARE(other->post(QStringLiteral("/api/crm/tasks"), {{QStringLiteral("title"), QStringLiteral("x")},
                                                                  {QStringLiteral("customerId"), double(customer)}})
                         .errorField(),
                     QStringLiteral("customerId"));
        }
        // The manager sees the subordinate's customer's history and tasks.
        QCOMPARE(arr(li.get(customerPath(customer, "activities")), "activities").size(), 1);
        QCOMPARE(arr(li.get(customerPath(customer, "tasks")), "tasks").size(), 2); // the task and the follow-up's
        QCOMPARE(arr(li.get(customerPath(customer, "follow-ups")), "followUps").size(), 1);
        QCOMPARE(li.get(taskPath).status, 200);
        QCOMPARE(arr(li.get(QStringLiteral("/api/crm/tasks")), "tasks").size(), 2);
        QCOMPARE(arr(li.get(QStringLiteral("/api/crm/tasks?assigneeId=%1").arg(s.team.zhao.userId)), "tasks").size(), 0);
        QCOMPARE(li.put(taskPath, {{QStringLiteral("priority"), QStringLiteral("high")}}).status, 200);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM tasks")), 2);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM activities")), 1);
    }

    // A deal's page lists its activities: newest first, paged by `before`, 404 out of the deal's scope.
    void opportunityActivities()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang")), li = s.as(QStringLiteral("li")), qian = s.as(QStringLiteral("qian"));
        const qint64 customer = newCustomer(wang, QStringLiteral("王的客户"));
        const Reply deal = wang.post(QStringLiteral("/api/crm/opportunities"), {{QStringLiteral("name"), QStringLiteral("年度合同")},
                                                                              {QStringLiteral("customerId"), double(customer)},
                                                                              {QStringLiteral("value"), 1000}});
        QCOMPARE(deal.status, 201);
        const qint64 dealId = idOf(obj(deal, "opportunity"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(wang.post(QStringLiteral("/api/crm/activities"),
                               {{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("opportunityId"), double(dealId)},
                                {QStringLiteral("type"), QStringLiteral("visit")}, {QStringLiteral("content"), QStringLiteral("拜访 %1").arg(i)},
                                {QStringLiteral("occurredAt"), double(kNow - (3 - i) * 60 * 60 * 1000)}})
                         .status,
                     201);
        QCOMPARE(wang.post(QStringLiteral("/api/crm/activities"), {{QStringLiteral("customerId"), double(customer)},
                                                                 {QStringLiteral("type"), QStringLiteral("note")}})
                     .status,
                 201); // the customer's, not the deal's
        const QString path = QStringLiteral("/api/crm/opportunities/%1/activities").arg(dealId);
        const Reply first = wang.get(path + QStringLiteral("?limit=2"));
        QCOMPARE(first.status, 200);
        QCOMPARE(arr(first, "activities").size(), 2);
        QCOMPARE(str(arr(first, "activities").at(0).toObject(), "content"), QStringLiteral("拜访 2"));
        QCOMPARE(first.json.value(QStringLiteral("hasMore")).toBool(), true);
        const Reply rest = wang.get(path + QStringLiteral("?limit=2&before=") + first.json.value(QStringLiteral("next")).toString());
        QCOMPARE(rest.status, 200);
        QCOMPARE(arr(rest, "activities").size(), 1);
        QCOMPARE(str(arr(rest, "activities").at(0).toObject(), "content"), QStringLiteral("拜访 0"));
        QCOMPARE(arr(rest, "activities").at(0).toObject().value(QStringLiteral("opportunityId")).toInteger(), dealId);
        QCOMPARE(rest.json.value(QStringLiteral("hasMore")).toBool(), false);
        QCOMPARE(arr(li.get(path), "activities").size(), 3);
        const Reply hidden = qian.get(path);
        QCOMPARE(hidden.status, 404);
        QVERIFY(!hidden.body.contains("拜访"));
        QCOMPARE(wang.get(QStringLiteral("/api/crm/opportunities/987654/activities")).status, 404);
        QCOMPARE(wang.get(path + QStringLiteral("?limit=0")).errorField(), QStringLiteral("limit"));
        QCOMPARE(wang.get(path + QStringLiteral("?before=nonsense")).errorField(), QStringLiteral("before"));
    }

    void tasksAsTheTaskManagerUsesThem()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("任务客户"));
        // createTask: the page spreads taskData and adds userId and createdAt.
        Reply r = wang.post(QStringLiteral("/api/crm/tasks"),
                            {{QStringLiteral("title"), QStringLiteral("发送合同")}, {QStringLiteral("description"), QStringLiteral("盖章版")},
                             {QStringLiteral("customerId"), double(customer)}, {QStringLiteral("type"), QStringLiteral("todo")},
                             {QStringLiteral("priority"), QStringLiteral("high")}, {QStringLiteral("dueDate"), double(kNow + kHour)},
                             {QStringLiteral("reminderTime"), double(kNow + kHour - 30 * 60 * 1000)},
                             {QStringLiteral("userId"), double(s.team.zhao.userId)}, {QStringLiteral("createdAt"), double(kNow - kDay)}});
        QCOMPARE(r.status, 201);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QJsonObject task = obj(r, "task");
        const QString path = QStringLiteral("/api/crm/tasks/%1").arg(idOf(task));
        QCOMPARE(task.value(QStringLiteral("assigneeId")).toInteger(), s.team.wang.userId);
        QCOMPARE(str(task, "status"), QStringLiteral("open"));
        QCOMPARE(str(task, "type"), QStringLiteral("todo"));
        QCOMPARE(str(task, "priority"), QStringLiteral("high"));
        QCOMPARE(str(task, "dueDate"), iso(kNow + kHour));
        QCOMPARE(str(task, "dueAt"), iso(kNow + kHour));
        QCOMPARE(str(task, "reminderTime"), iso(kNow + kHour - 30 * 60 * 1000));
        QCOMPARE(str(task, "createdAt"), iso(kNow)); // the server's time, not the body's
        QCOMPARE(str(task, "customerName"), QStringLiteral("任务客户"));
        QVERIFY(task.value(QStringLiteral("completedAt")).isNull());
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v1\""));

        r = wang.get(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v1\""));
        QCOMPARE(str(obj(r, "task"), "title"), QStringLiteral("发送合同"));

        // updateTaskStatus(id, 'completed'): completedAt comes from the server's clock.
        s.clock.advance(kHour);
        r = wang.put(path, {{QStringLiteral("status"), QStringLiteral("completed")}, {QStringLiteral("completedAt"), double(kNow - kDay)}},
                     {{"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        task = obj(r, "task");
        QCOMPARE(str(task, "status"), QStringLiteral("completed"));
        QCOMPARE(str(task, "completedAt"), iso(kNow + kHour));
        QCOMPARE(r.headers.value("etag"), QByteArray("\"v2\""));
        // A stale If-Match is refused and writes nothing.
        r = wang.put(path, {{QStringLiteral("status"), QStringLiteral("open")}}, {{"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 412);
        QCOMPARE(str(obj(wang.get(path), "task"), "status"), QStringLiteral("completed"));
        // updateTaskStatus(id, 'open') with completedAt: null reopens; 'done' completes too.
        r = wang.put(path, {{QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("completedAt"), QJsonValue::Null}});
        QCOMPARE(str(obj(r, "task"), "status"), QStringLiteral("open"));
        QVERIFY(obj(r, "task").value(QStringLiteral("completedAt")).isNull());
        r = wang.call("PATCH", path, R"({"status":"done"})");
        QCOMPARE(str(obj(r, "task"), "status"), QStringLiteral("completed"));
        QVERIFY(!obj(r, "task").value(QStringLiteral("completedAt")).isNull());
        r = wang.call("PATCH", path, R"({"status":"cancelled","priority":"medium","title":"改期","id":1,"version":99,"type":"x","assigneeName":"y"})");
        QCOMPARE(r.status, 200); // read-only echoes ignored
        QCOMPARE(str(obj(r, "task"), "status"), QStringLiteral("cancelled"));
        QCOMPARE(str(obj(r, "task"), "priority"), QStringLiteral("normal"));
        QCOMPARE(str(obj(r, "task"), "type"), QStringLiteral("todo"));
        QVERIFY(obj(r, "task").value(QStringLiteral("completedAt")).isNull());
        QCOMPARE(wang.call("PATCH", path, R"({"status":"finished"})").errorField(), QStringLiteral("status"));
        QCOMPARE(wang.call("PATCH", path, R"({"dueDate":null})").status, 200); // null clears
        QVERIFY(obj(wang.get(path), "task").value(QStringLiteral("dueDate")).isNull());
        QCOMPARE(wang.call("PATCH", path, R"({"reminderTime":"2027-01-20T10:00:00+08:00","dueDate":"2027-01-20T09:00:00+08:00"})").errorField(),
                 QStringLiteral("reminderTime"));

        QCOMPARE(wang.call("DELETE", path).status, 200);
        QCOMPARE(wang.get(path).status, 404);
        QCOMPARE(wang.call("DELETE", path).status, 404);
        QVERIFY(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE source = 'api' AND entity = 'task'")) >= 6);
    }

    void taskViewsAndFilters()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("视图客户"));
        auto task = [&](const QString &title, std::optional<qint64> due, qint64 customerId = 0) {
            QJsonObject body{{QStringLiteral("title"), title}};
            if (due)
                body.insert(QStringLiteral("dueDate"), double(*due));
            if (customerId)
                body.insert(QStringLiteral("customerId"), double(customerId));
            const Reply r = wang.post(QStringLiteral("/api/crm/tasks"), body);
            if (r.status != 201)
                qWarning("task: %s", r.body.constData());
            return idOf(obj(r, "task"));
        };
        auto titles = [](const Reply &r) {
            QStringList out;
            for (const QJsonValue &v : r.json.value(QStringLiteral("tasks")).toArray())
                out << str(v.toObject(), "title");
            return out;
        };
        task(QStringLiteral("earlier today"), kNow - 2 * kHour); // 14:00 in Shanghai
        task(QStringLiteral("later today"), kNow + kHour, customer);
        task(QStringLiteral("in three days"), kNow + 3 * kDay);
        task(QStringLiteral("in ten days"), kNow + 10 * kDay);
        task(QStringLiteral("last week"), kNow - 7 * kDay);
        const qint64 done = task(QStringLiteral("done last week"), kNow - 6 * kDay);
        task(QStringLiteral("someday"), std::nullopt);
        QCOMPARE(wang.put(QStringLiteral("/api/crm/tasks/%1").arg(done), {{QStringLiteral("status"), QStringLiteral("completed")}}).status, 200);

        const QString tasks = QStringLiteral("/api/crm/tasks");
        const QString shanghai = QStringLiteral("&tz=Asia/Shanghai");
        Reply r = wang.get(tasks + QStringLiteral("?view=today") + shanghai);
        QCOMPARE(r.status, 200);
        QCOMPARE(titles(r), (QStringList{QStringLiteral("earlier today"), QStringLiteral("later today")}));
        // In Los Angeles the day has just begun: the task due at 22:00 there yesterday is not today's.
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?view=today&tz=America/Los_Angeles"))), QStringList{QStringLiteral("later today")});
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?view=overdue"))),
                 (QStringList{QStringLiteral("last week"), QStringLiteral("earlier today")}));
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?view=upcoming&days=7") + shanghai)),
                 (QStringList{QStringLiteral("later today"), QStringLiteral("in three days")}));
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?view=upcoming&days=30") + shanghai)).size(), 3);
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?view=upcoming"))).size(), 2); // 7 days by default
        // Without a view: everything in scope, soonest first, no due time last; the filters combine.
        r = wang.get(tasks);
        QCOMPARE(titles(r).size(), 7);
        QCOMPARE(titles(r).constFirst(), QStringLiteral("last week"));
        QCOMPARE(titles(r).constLast(), QStringLiteral("someday"));
        QCOMPARE(str(arr(r, "tasks").at(1).toObject(), "status"), QStringLiteral("completed"));
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?status=completed"))), QStringList{QStringLiteral("done last week")});
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?status=open,cancelled"))).size(), 6);
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?dueFrom=%1&dueTo=%2").arg(kNow).arg(kNow + 4 * kDay))),
                 (QStringList{QStringLiteral("later today"), QStringLiteral("in three days")}));
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?dueFrom=2027-01-15T00:00:00%2B08:00&dueTo=2027-01-16T00:00:00%2B08:00"))).size(), 2);
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?customerId=%1").arg(customer))), QStringList{QStringLiteral("later today")});
        QCOMPARE(titles(wang.get(customerPath(customer, "tasks"))), QStringList{QStringLiteral("later today")});
        // Keyset pages over the plain list.
        r = wang.get(tasks + QStringLiteral("?limit=4"));
        QCOMPARE(titles(r).size(), 4);
        QVERIFY(r.json.value(QStringLiteral("hasMore")).toBool());
        r = wang.get(tasks + QStringLiteral("?limit=4&after=") + r.json.value(QStringLiteral("next")).toString());
        QCOMPARE(titles(r), (QStringList{QStringLiteral("in three days"), QStringLiteral("in ten days"), QStringLiteral("someday")}));
        QCOMPARE(r.json.value(QStringLiteral("hasMore")).toBool(), false);

        // The page's nested filters arrive as bracketed names or "[object Object]": ignored, never an error.
        for (const QString &query : {QStringLiteral("?userId=7&dueDate%5B%24gte%5D=1&dueDate%5B%24lte%5D=2"),
                                     QStringLiteral("?userId=7&dueDate%5B%24lt%5D=1&status%5B%24ne%5D=completed"),
                                     QStringLiteral("?userId=7&dueDate=%5Bobject%20Object%5D&status=%5Bobject%20Object%5D"),
                                     QStringLiteral("?dueDate[$gte]=1&status[$ne]=completed"),
                                     QStringLiteral("?view=today&status=%5Bobject%20Object%5D&dueDate=%5Bobject%20Object%5D")}) {
            r = wang.get(tasks + query);
            QVERIFY2(r.status == 200, qPrintable(query + QLatin1Char(' ') + QString::fromUtf8(r.body)));
            QVERIFY2(r.json.value(QStringLiteral("tasks")).isArray(), qPrintable(query));
        }
        QCOMPARE(titles(wang.get(tasks + QStringLiteral("?userId=%1").arg(s.team.zhao.userId))).size(), 7); // not an identity

        // Bad parameters: 400 naming the parameter.
        const std::pair<QString, QString> bad[] = {
            {QStringLiteral("?view=yesterday"), QStringLiteral("view")},
            {QStringLiteral("?view=today&tz=Mars/Olympus_Mons"), QStringLiteral("tz")},
            {QStringLiteral("?view=upcoming&days=1000"), QStringLiteral("days")},
            {QStringLiteral("?view=upcoming&days=soon"), QStringLiteral("days")},
            {QStringLiteral("?view=today&status=open"), QStringLiteral("status")},
            {QStringLiteral("?view=overdue&customerId=1"), QStringLiteral("customerId")},
            {QStringLiteral("?status=finished"), QStringLiteral("status")},
            {QStringLiteral("?dueFrom=tomorrow"), QStringLiteral("dueFrom")},
            {QStringLiteral("?customerId=abc"), QStringLiteral("customerId")},
            {QStringLiteral("?limit=0"), QStringLiteral("limit")},
            {QStringLiteral("?after=x"), QStringLiteral("after")},
        };
        for (const auto &[query, field] : bad) {
            r = wang.get(tasks + query);
            QVERIFY2(r.status == 400 && r.errorField() == field, qPrintable(query + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        }
        QCOMPARE(wang.get(customerPath(customer, "activities") + QStringLiteral("?before=yesterday")).errorField(), QStringLiteral("before"));
        QCOMPARE(wang.get(customerPath(customer, "activities") + QStringLiteral("?limit=-5")).errorField(), QStringLiteral("limit"));
        QCOMPARE(wang.get(QStringLiteral("/api/crm/customers/abc/activities")).status, 404);
        QCOMPARE(wang.get(QStringLiteral("/api/crm/customers/999999/messages")).status, 404);
    }

    // scheduleFollowUp posts the follow-up and then creates "its" task: the API's follow-up already
    // made one, and the page's second request answers with it instead of a duplicate.
    void followUpsAsWritten()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("回访客户"));
        const qint64 scheduled = kNow + kDay;
        Reply r = wang.post(QStringLiteral("/api/crm/follow-ups"),
                            {{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("customerName"), QStringLiteral("回访客户")},
                             {QStringLiteral("notes"), QStringLiteral("带上报价单")}, {QStringLiteral("scheduledDate"), double(scheduled)},
                             {QStringLiteral("userId"), double(s.team.zhao.userId)}, {QStringLiteral("createdAt"), double(kNow)}});
        QCOMPARE(r.status, 201);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        const QJsonObject followUp = obj(r, "followUp");
        QCOMPARE(str(followUp, "scheduledAt"), iso(scheduled));
        QCOMPARE(str(followUp, "scheduledDate"), iso(scheduled));
        QCOMPARE(str(followUp, "method"), QStringLiteral("call"));
        QCOMPARE(str(followUp, "status"), QStringLiteral("scheduled"));
        QCOMPARE(followUp.value(QStringLiteral("userId")).toInteger(), s.team.wang.userId);
        const QJsonObject task = obj(r, "task");
        QCOMPARE(str(task, "kind"), QStringLiteral("follow_up"));
        QCOMPARE(str(task, "dueDate"), iso(scheduled));
        QCOMPARE(str(task, "reminderTime"), iso(scheduled - 30 * 60 * 1000));
        QCOMPARE(followUp.value(QStringLiteral("taskId")).toInteger(), idOf(task));

        r = wang.post(QStringLiteral("/api/crm/tasks"),
                      {{QStringLiteral("title"), QStringLiteral("Follow up with 回访客户")}, {QStringLiteral("description"), QStringLiteral("带上报价单")},
                       {QStringLiteral("customerId"), double(customer)}, {QStringLiteral("type"), QStringLiteral("follow-up")},
                       {QStringLiteral("dueDate"), double(scheduled)}, {QStringLiteral("reminderTime"), double(scheduled - 30 * 60 * 1000)},
                       {QStringLiteral("userId"), double(s.team.wang.userId)}, {QStringLiteral("createdAt"), double(kNow)}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QCOMPARE(idOf(obj(r, "task")), idOf(task));
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM tasks")), 1);
        // A follow-up task without such a follow-up is created as one.
        r = wang.post(QStringLiteral("/api/crm/tasks"), {{QStringLiteral("title"), QStringLiteral("回访")}, {QStringLiteral("type"), QStringLiteral("follow-up")},
                                                        {QStringLiteral("customerId"), double(customer)},
                                                        {QStringLiteral("dueDate"), double(scheduled + kHour)}});
        QCOMPARE(r.status, 201);
        QCOMPARE(str(obj(r, "task"), "kind"), QStringLiteral("follow_up"));
        QCOMPARE(wang.post(QStringLiteral("/api/crm/tasks"), {{QStringLiteral("title"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("errand")}})
                     .errorField(),
                 QStringLiteral("type"));

        // Completing the follow-up's task with the page's word closes the follow-up.
        QCOMPARE(wang.put(QStringLiteral("/api/crm/tasks/%1").arg(idOf(task)), {{QStringLiteral("status"), QStringLiteral("completed")}}).status, 200);
        r = wang.get(customerPath(customer, "follow-ups"));
        QCOMPARE(r.status, 200);
        const QJsonArray list = arr(r, "followUps");
        QCOMPARE(list.size(), 1);
        QCOMPARE(str(list.first().toObject(), "status"), QStringLiteral("done"));
        QCOMPARE(str(list.first().toObject().value(QStringLiteral("task")).toObject(), "status"), QStringLiteral("completed"));

        // Method, reminder and ISO times; a time in the past is refused under the body's name.
        r = wang.post(QStringLiteral("/api/crm/follow-ups"), {{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("method"), QStringLiteral("visit")},
                                                             {QStringLiteral("scheduledAt"), QStringLiteral("2027-01-20T10:00:00+08:00")},
                                                             {QStringLiteral("reminderMinutes"), 60}});
        QCOMPARE(r.status, 201);
        QCOMPARE(str(obj(r, "task"), "reminderAt"), QStringLiteral("2027-01-20T01:00:00.000Z"));
        QCOMPARE(wang.post(QStringLiteral("/api/crm/follow-ups"), {{QStringLiteral("customerId"), double(customer)},
                                                                  {QStringLiteral("scheduledDate"), double(kNow - kDay)}})
                     .errorField(),
                 QStringLiteral("scheduledDate"));
    }

    void badBodiesAreRefusedAndWriteNothing()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("校验客户"));
        const QByteArray c = QByteArray::number(customer);
        struct Case
        {
            const char *path;
            QByteArray body;
            QString field;
        };
        const Case cases[] = {
            {"/api/crm/activities", R"({"type":"call"})", QStringLiteral("customerId")},
            {"/api/crm/activities", R"({"customerId":"abc","type":"call"})", QStringLiteral("customerId")},
            {"/api/crm/activities", "{\"customerId\":" + c + "}", QStringLiteral("type")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"fax\"}", QStringLiteral("type")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"kind\":\"fax\"}", QStringLiteral("kind")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"colour\":\"red\"}", QStringLiteral("colour")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"occurredAt\":\"yesterday\"}", QStringLiteral("occurredAt")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"timestamp\":\"2027-01-15T10:00:00\"}", QStringLiteral("timestamp")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"occurredAt\":" + QByteArray::number(kNow + 3 * kDay) + "}",
             QStringLiteral("occurredAt")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"direction\":\"sideways\"}", QStringLiteral("direction")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"durationSeconds\":\"long\"}", QStringLiteral("durationSeconds")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"subject\":42}", QStringLiteral("subject")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"attachments\":\"a.pdf\"}", QStringLiteral("attachments")},
            {"/api/crm/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"phone\":\"call me\"}", QStringLiteral("phone")},
            {"/api/crm/communications", "{\"customerId\":" + c + ",\"phoneNumber\":\"12\"}", QStringLiteral("phoneNumber")},
            {"/api/crm/communications", "{\"customerId\":" + c + ",\"duration\":12}", QStringLiteral("duration")},
            {"/api/crm/messages", "{\"customerId\":" + c + ",\"type\":\"text\"}", QStringLiteral("message")},
            {"/api/crm/messages", "{\"customerId\":" + c + ",\"message\":\"hi\",\"error\":\"x\"}", QStringLiteral("error")},
            {"/api/crm/tasks", R"({"description":"no title"})", QStringLiteral("title")},
            {"/api/crm/tasks", R"({"title":"x","dueDate":"soon"})", QStringLiteral("dueDate")},
            {"/api/crm/tasks", R"({"title":"x","priority":"urgent"})", QStringLiteral("priority")},
            {"/api/crm/tasks", R"({"title":"x","owner":"me"})", QStringLiteral("owner")},
            {"/api/crm/tasks", R"({"title":"x","assigneeId":999999})", QStringLiteral("assigneeId")},
            {"/api/crm/tasks", R"({"title":"x","dueDate":1800000000000,"reminderTime":1800000600000})", QStringLiteral("reminderTime")},
            {"/api/crm/follow-ups", R"({"scheduledDate":1800086400000})", QStringLiteral("customerId")},
            {"/api/crm/follow-ups", "{\"customerId\":" + c + "}", QStringLiteral("scheduledDate")},
            {"/api/crm/follow-ups", "{\"customerId\":" + c + ",\"scheduledDate\":1800086400000,\"method\":\"fax\"}", QStringLiteral("method")},
            {"/api/crm/follow-ups", "{\"customerId\":" + c + ",\"scheduledDate\":1800086400000,\"reminderMinutes\":-1}",
             QStringLiteral("reminderMinutes")},
            {"/api/crm/follow-ups", "{\"customerId\":" + c + ",\"scheduledDate\":1800086400000,\"when\":1}", QStringLiteral("when")},
        };
        for (const Case &k : cases) {
            const Reply r = wang.call("POST", QLatin1String(k.path), k.body);
            QVERIFY2(r.status == 400 && r.errorField() == k.field,
                     qPrintable(QLatin1String(k.path) + QLatin1Char(' ') + QString::fromUtf8(k.body) + QStringLiteral(" -> ") +
                                QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        }
        QCOMPARE(wang.call("POST", QStringLiteral("/api/crm/activities"), "{\"customerId\": ").status, 400);
        QCOMPARE(wang.call("POST", QStringLiteral("/api/crm/tasks"), "title=x", {{"Content-Type", "text/plain"}}).status, 415);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM activities")), 0);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM tasks")), 0);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM follow_ups")), 0);
    }

    void retriedPostsWriteOnce()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const qint64 customer = newCustomer(wang, QStringLiteral("重试客户"));
        const QJsonObject body{{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("type"), QStringLiteral("call")},
                               {QStringLiteral("content"), QStringLiteral("信号不好")}, {QStringLiteral("timestamp"), double(kNow)}};
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "act-1"}};
        const Reply first = wang.post(QStringLiteral("/api/crm/activities"), body, key);
        const Reply retry = wang.post(QStringLiteral("/api/crm/activities"), body, key);
        QCOMPARE(first.status, 201);
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.body, first.body);
        QCOMPARE(retry.headers.value("idempotent-replay"), QByteArray("true"));
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM activities")), 1);
        // The follow-up and its task, once.
        const QJsonObject followUp{{QStringLiteral("customerId"), double(customer)}, {QStringLiteral("scheduledDate"), double(kNow + kDay)}};
        const QList<QPair<QByteArray, QByteArray>> key2{{"Idempotency-Key", "fu-1"}};
        QCOMPARE(wang.post(QStringLiteral("/api/crm/follow-ups"), followUp, key2).status, 201);
        QCOMPARE(wang.post(QStringLiteral("/api/crm/follow-ups"), followUp, key2).headers.value("idempotent-replay"), QByteArray("true"));
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM follow_ups")), 1);
        QCOMPARE(count(*s.db, QStringLiteral("SELECT COUNT(*) FROM tasks")), 1);
    }

    void routesAreInTheOpenApiDocument()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient anon(s.host.port());
        const QJsonObject paths = anon.get(QStringLiteral("/api/openapi.json")).json.value(QStringLiteral("paths")).toObject();
        for (const char *p : {"/api/crm/activities", "/api/crm/communications", "/api/crm/messages", "/api/crm/follow-ups",
                              "/api/crm/tasks", "/api/crm/tasks/{id}", "/api/crm/customers/{id}/activities",
                              "/api/crm/customers/{id}/communications", "/api/crm/customers/{id}/messages",
                              "/api/crm/customers/{id}/tasks", "/api/crm/customers/{id}/follow-ups",
                              "/api/crm/opportunities/{id}/activities"})
            QVERIFY2(paths.contains(QLatin1String(p)), p);
        QVERIFY(paths.value(QStringLiteral("/api/crm/tasks/{id}")).toObject().contains(QStringLiteral("patch")));
    }
};

QTEST_GUILESS_MAIN(TestApiActivities)
#include "tst_api_activities.moc"
