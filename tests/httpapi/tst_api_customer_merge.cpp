// POST /api/crm/customers/{id}/merge over the real server on a loopback port, on SQLite and PostgreSQL:
// the merge, If-Match, permissions, scope, body validation and the OpenAPI entry.
#include "core/services/ActivityService.h"
#include "core/services/CustomerService.h"
#include "tests/TestDatabase.h"
#include "tests/httpapi/ApiTestServer.h"

#include <QJsonArray>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

constexpr qint64 kNow = 1'800'000'000'000;

QString path(qint64 id)
{
    return QStringLiteral("/api/crm/customers/%1/merge").arg(id);
}

QList<QPair<QByteArray, QByteArray>> ifMatch(int version)
{
    return {{"If-Match", QByteArrayLiteral("\"v") + QByteArray::number(version) + '"'}};
}

} // namespace

class TestApiCustomerMerge : public QObject
{
    Q_OBJECT

    // The shared test server, with this test's own counts and fixtures.
    struct Server : test::ApiTestServer
    {
        Server() : ApiTestServer(kNow) {}
        Customer customer(const Actor &owner, const QString &name, const QString &phone, const QString &status)
        {
            Customer c;
            c.name = name;
            c.status = status;
            c.phones = {Phone{phone, {}, true}};
            auto created = CustomerService(*db).create(owner, c);
            if (!created)
                qFatal("customer: %s", qPrintable(created.error().message));
            return *created;
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        test::TestDatabase probe;
        if (!probe.skip.isEmpty())
            QSKIP(qPrintable(probe.skip));
    }

    void mergesWithIfMatch()
    {
        Server s;
        QVERIFY(s.ok);
        const Customer a = s.customer(s.team.wang, QStringLiteral("厦门鹭岛电子"), QStringLiteral("13800000001"), QStringLiteral("active"));
        const Customer b = s.customer(s.team.wang, QStringLiteral("鹭岛电子（重复）"), QStringLiteral("13900000002"), QStringLiteral("loyal"));
        Activity call;
        call.customerId = b.id;
        call.kind = QStringLiteral("call");
        call.occurredAt = kNow - 1000;
        QVERIFY(ActivityService(*s.db).log(s.team.wang, call).ok());
        ApiClient li = s.as(QStringLiteral("li"));

        // A stale If-Match: 412 and nothing merged.
        QJsonObject body{{QStringLiteral("duplicateId"), QString::number(b.id)},
                         {QStringLiteral("duplicateVersion"), b.version},
                         {QStringLiteral("fromDuplicate"), QJsonArray{QStringLiteral("status")}}};
        Reply stale = li.post(path(a.id), body, ifMatch(a.version + 1));
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.errorCode(), QStringLiteral("conflict.version"));
        QVERIFY(CustomerService(*s.db).get(s.team.admin, b.id).ok());

        Reply r = li.post(path(a.id), body, ifMatch(a.version));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QCOMPARE(r.json.value(QStringLiteral("mergedId")).toInteger(), b.id);
        const QJsonObject customer = r.json.value(QStringLiteral("customer")).toObject();
        QCOMPARE(customer.value(QStringLiteral("id")).toInteger(), a.id);
        QCOMPARE(customer.value(QStringLiteral("name")).toString(), a.name);
        QCOMPARE(customer.value(QStringLiteral("status")).toString(), QStringLiteral("loyal"));
        QCOMPARE(r.json.value(QStringLiteral("moved")).toObject().value(QStringLiteral("activities")).toInt(), 1);
        QCOMPARE(r.headers.value("etag"), QByteArrayLiteral("\"v") + QByteArray::number(a.version + 1) + '"');
        QCOMPARE(li.get(QStringLiteral("/api/crm/customers/%1").arg(b.id)).status, 404);
        const Reply found = li.get(QStringLiteral("/api/crm/customers?keyword=13900000002"));
        QCOMPARE(found.status, 200);
        const QJsonArray rows = found.json.value(QStringLiteral("customers")).toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("id")).toInteger(), a.id);
    }

    void refusals()
    {
        Server s;
        QVERIFY(s.ok);
        const Customer a = s.customer(s.team.wang, QStringLiteral("甲"), QStringLiteral("13800000001"), QStringLiteral("active"));
        const Customer b = s.customer(s.team.wang, QStringLiteral("甲（重复）"), QStringLiteral("13900000002"), QStringLiteral("active"));
        const Customer q = s.customer(s.team.qian, QStringLiteral("钱的客户"), QStringLiteral("13700000003"), QStringLiteral("active"));
        const QJsonObject body{{QStringLiteral("duplicateId"), double(b.id)}};

        ApiClient wang = s.as(QStringLiteral("wang"));
        QCOMPARE(wang.post(path(a.id), body).status, 403); // reps may not delete customers

        ApiClient li = s.as(QStringLiteral("li"));
        QCOMPARE(li.post(path(a.id), {{QStringLiteral("duplicateId"), double(q.id)}}).status, 404); // another team's
        QCOMPARE(li.post(path(q.id), body).status, 404);
        Reply missing = li.post(path(a.id), QJsonObject{});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.errorField(), QStringLiteral("duplicateId"));
        Reply unknown = li.post(path(a.id), {{QStringLiteral("duplicateId"), double(b.id)}, {QStringLiteral("survivor"), 1}});
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.errorCode(), QStringLiteral("validation.unknown_field"));
        Reply badField = li.post(path(a.id), {{QStringLiteral("duplicateId"), double(b.id)},
                                              {QStringLiteral("fromDuplicate"), QJsonArray{QStringLiteral("password")}}});
        QCOMPARE(badField.status, 400);
        QCOMPARE(badField.errorField(), QStringLiteral("password"));
        Reply self = li.post(path(a.id), {{QStringLiteral("duplicateId"), double(a.id)}});
        QCOMPARE(self.status, 400);
        QVERIFY(CustomerService(*s.db).get(s.team.admin, b.id).ok()); // nothing merged by any of these
        QCOMPARE(CustomerService(*s.db).get(s.team.admin, a.id)->version, a.version);
    }

    void routeIsDocumented()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient anon(s.host.port());
        const Reply doc = anon.get(QStringLiteral("/api/openapi.json"));
        QCOMPARE(doc.status, 200);
        const QJsonObject route = doc.json.value(QStringLiteral("paths")).toObject()
                                      .value(QStringLiteral("/api/crm/customers/{id}/merge")).toObject();
        QVERIFY(route.contains(QStringLiteral("post")));
        QCOMPARE(anon.post(path(1), {{QStringLiteral("duplicateId"), 2}}).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiCustomerMerge)
#include "tst_api_customer_merge.moc"
