// GET /api/crm/analytics/customers: the period's new customers (seed 000's getCustomerMetrics), and the
// customers in scope now by province and industry (distribution) and by how long ago they were last
// contacted (engagement), checked against known customers on the real server, on SQLite and PostgreSQL.
#include "tests/TestDatabase.h"
#include "tests/httpapi/ApiTestServer.h"

#include <QJsonArray>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

constexpr qint64 kNow = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr qint64 kDay = 24 * 3600 * 1000;

QJsonObject metrics(const Reply &r)
{
    return r.json.value(QStringLiteral("metrics")).toObject();
}

// [{name, count}] as "name=count", in the answer's order.
QStringList counts(const QJsonArray &rows)
{
    QStringList out;
    for (const QJsonValue &v : rows)
        out << v[QStringLiteral("name")].toString() + QLatin1Char('=') + QString::number(v[QStringLiteral("count")].toInteger());
    return out;
}

// Engagement buckets as "customers=week/month/quarter/older/never" (`customers` is `total` at the top).
QString buckets(const QJsonObject &o)
{
    const qint64 n = o.contains(QStringLiteral("customers")) ? o[QStringLiteral("customers")].toInteger() : o[QStringLiteral("total")].toInteger();
    return QStringLiteral("%1=%2/%3/%4/%5/%6")
        .arg(n)
        .arg(o[QStringLiteral("week")].toInteger())
        .arg(o[QStringLiteral("month")].toInteger())
        .arg(o[QStringLiteral("quarter")].toInteger())
        .arg(o[QStringLiteral("older")].toInteger())
        .arg(o[QStringLiteral("never")].toInteger());
}

// byOwner as "name:customers=week/month/quarter/older/never" ("pool" for userId null), in the answer's order.
QStringList owners(const QJsonObject &engagement)
{
    QStringList out;
    for (const QJsonValue &v : engagement[QStringLiteral("byOwner")].toArray()) {
        const QJsonObject o = v.toObject();
        out << (o[QStringLiteral("userId")].isNull() ? QStringLiteral("pool") : o[QStringLiteral("name")].toString()) + QLatin1Char(':')
                + buckets(o);
    }
    return out;
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *s : items)
        out << QString::fromUtf8(s);
    return out;
}

} // namespace

class TestApiCustomerAnalytics : public QObject
{
    Q_OBJECT

    using Server = test::ApiTestServer;

    // A customer of the caller in a province and industry ("" leaves it out), last contacted `daysAgo`
    // days before now through a logged call (negative: never); its id.
    static qint64 customer(ApiClient &c, const QString &name, const char *province, const char *industry, double daysAgo)
    {
        QJsonObject body{{QStringLiteral("name"), name}};
        if (*province)
            body.insert(QStringLiteral("addresses"),
                        QJsonArray{QJsonObject{{QStringLiteral("province"), QString::fromUtf8(province)}, {QStringLiteral("primary"), true}}});
        if (*industry)
            body.insert(QStringLiteral("industry"), QString::fromUtf8(industry));
        const Reply r = c.post(QStringLiteral("/api/crm/customers"), body);
        const qint64 id = r.json[QStringLiteral("customer")][QStringLiteral("id")].toInteger();
        if (r.status != 201 || !id)
            qWarning("customer not created: %d %s", r.status, r.body.constData());
        if (daysAgo >= 0) {
            const Reply call = c.post(QStringLiteral("/api/crm/activities"),
                                      {{QStringLiteral("customerId"), double(id)}, {QStringLiteral("type"), QStringLiteral("call")},
                                       {QStringLiteral("subject"), QStringLiteral("回访")},
                                       {QStringLiteral("occurredAt"), double(kNow - qint64(daysAgo * kDay))}});
            if (call.status != 201)
                qWarning("call not logged: %d %s", call.status, call.body.constData());
        }
        return id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestDatabase probe;
        if (!probe.skip.isEmpty())
            QSKIP(qPrintable(probe.skip));
    }

    void distributionAndEngagementInScope()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        ApiClient qian = s.as(QStringLiteral("qian"));
        ApiClient li = s.as(QStringLiteral("li"));
        ApiClient sun = s.as(QStringLiteral("sun"));
        ApiClient admin = s.as(QStringLiteral("admin"));
        // Li's team: Wang and Zhao. Sun's: Qian.
        QVERIFY(customer(wang, QStringLiteral("深圳星河科技"), "广东省", "科技", 0.5));
        QVERIFY(customer(wang, QStringLiteral("东莞精工制造"), "广东省", "制造", 7)); // exactly a week ago: still the week's
        QVERIFY(customer(wang, QStringLiteral("杭州云栖科技"), "浙江省", "科技", 20));
        QVERIFY(customer(wang, QStringLiteral("无名客户"), "", "", -1));
        QVERIFY(customer(zhao, QStringLiteral("宁波港口科技"), "浙江省", "科技", 45));
        QVERIFY(customer(zhao, QStringLiteral("上海陆家嘴金融"), "上海市", "金融", 100));
        QVERIFY(customer(qian, QStringLiteral("北京国贸金融"), "北京市", "金融", 2));
        // One of Wang's goes back to the public pool: no longer Wang's, still the director's to see.
        const qint64 pooled = customer(wang, QStringLiteral("北京能源集团"), "北京市", "能源", 3);
        QCOMPARE(wang.post(QStringLiteral("/api/crm/customers/%1/release").arg(pooled), {}).status, 200);

        // A rep: their own customers only; the answer's period fields as before.
        Reply r = wang.get(QStringLiteral("/api/crm/analytics/customers?period=30d&userId=%1").arg(s.team.admin.userId));
        QCOMPARE(r.status, 200);
        QJsonObject m = metrics(r);
        QCOMPARE(m[QStringLiteral("newCustomers")].toInteger(), 4);
        QCOMPARE(m[QStringLiteral("series")].toArray().size(), 30);
        QCOMPARE(m[QStringLiteral("period")].toString(), QStringLiteral("30d"));
        QJsonObject d = m[QStringLiteral("distribution")].toObject();
        QCOMPARE(d[QStringLiteral("total")].toInteger(), 4);
        QCOMPARE(counts(d[QStringLiteral("provinces")].toArray()), strings({"广东省=2", "浙江省=1", "=1"})); // not recorded last
        QCOMPARE(counts(d[QStringLiteral("industries")].toArray()), strings({"科技=2", "制造=1", "=1"}));
        QCOMPARE(d[QStringLiteral("otherProvinces")].toInteger(), 0);
        QCOMPARE(d[QStringLiteral("otherIndustries")].toInteger(), 0);
        QJsonObject e = m[QStringLiteral("engagement")].toObject();
        QCOMPARE(buckets(e), QStringLiteral("4=2/1/0/0/1"));
        QCOMPARE(owners(e), strings({"wang:4=2/1/0/0/1"}));
        QCOMPARE(e[QStringLiteral("byOwner")][0][QStringLiteral("userId")].toInteger(), s.team.wang.userId);

        // The period does not change what is now.
        const QJsonObject week = metrics(wang.get(QStringLiteral("/api/crm/analytics/customers?period=7d&tz=Asia/Shanghai")));
        QCOMPARE(week.value(QStringLiteral("distribution")), m.value(QStringLiteral("distribution")));
        QCOMPARE(week.value(QStringLiteral("engagement")), m.value(QStringLiteral("engagement")));

        // The other rep of the team, the other team's rep.
        m = metrics(zhao.get(QStringLiteral("/api/crm/analytics/customers")));
        QCOMPARE(counts(m[QStringLiteral("distribution")][QStringLiteral("provinces")].toArray()), strings({"上海市=1", "浙江省=1"}));
        QCOMPARE(owners(m[QStringLiteral("engagement")].toObject()), strings({"zhao:2=0/0/1/1/0"}));
        m = metrics(qian.get(QStringLiteral("/api/crm/analytics/customers")));
        QCOMPARE(counts(m[QStringLiteral("distribution")][QStringLiteral("industries")].toArray()), strings({"金融=1"}));
        QCOMPARE(buckets(m[QStringLiteral("engagement")].toObject()), QStringLiteral("1=1/0/0/0/0"));

        // A manager: the team's customers, per rep, the most customers first; not the other team's.
        m = metrics(li.get(QStringLiteral("/api/crm/analytics/customers")));
        d = m[QStringLiteral("distribution")].toObject();
        QCOMPARE(d[QStringLiteral("total")].toInteger(), 6);
        QCOMPARE(counts(d[QStringLiteral("provinces")].toArray()), strings({"广东省=2", "浙江省=2", "上海市=1", "=1"}));
        QCOMPARE(counts(d[QStringLiteral("industries")].toArray()), strings({"科技=3", "制造=1", "金融=1", "=1"}));
        e = m[QStringLiteral("engagement")].toObject();
        QCOMPARE(buckets(e), QStringLiteral("6=2/1/1/1/1"));
        QCOMPARE(owners(e), strings({"wang:4=2/1/0/0/1", "zhao:2=0/0/1/1/0"}));
        m = metrics(sun.get(QStringLiteral("/api/crm/analytics/customers")));
        QCOMPARE(m[QStringLiteral("distribution")][QStringLiteral("total")].toInteger(), 1);
        QCOMPARE(owners(m[QStringLiteral("engagement")].toObject()), strings({"qian:1=1/0/0/0/0"}));

        // Everything: the pool too, with userId null (its place among owners of as many customers is the
        // database's: NULL names sort first on SQLite, last on PostgreSQL).
        m = metrics(admin.get(QStringLiteral("/api/crm/analytics/customers")));
        d = m[QStringLiteral("distribution")].toObject();
        QCOMPARE(d[QStringLiteral("total")].toInteger(), 8);
        QCOMPARE(counts(d[QStringLiteral("provinces")].toArray()), strings({"北京市=2", "广东省=2", "浙江省=2", "上海市=1", "=1"}));
        e = m[QStringLiteral("engagement")].toObject();
        QCOMPARE(buckets(e), QStringLiteral("8=4/1/1/1/1"));
        QStringList all = owners(e);
        QCOMPARE(all.mid(0, 2), strings({"wang:4=2/1/0/0/1", "zhao:2=0/0/1/1/0"}));
        all.sort();
        QCOMPARE(all, strings({"pool:1=1/0/0/0/0", "qian:1=1/0/0/0/0", "wang:4=2/1/0/0/1", "zhao:2=0/0/1/1/0"}));

        // Time moves on: the same customers, older buckets.
        s.clock.advance(60 * kDay);
        li = s.as(QStringLiteral("li"));
        e = metrics(li.get(QStringLiteral("/api/crm/analytics/customers")))[QStringLiteral("engagement")].toObject();
        QCOMPARE(buckets(e), QStringLiteral("6=0/0/3/2/1")); // 60.5, 67, 80 days; 105, 160 days
    }

    // A role that hides the industry gets no industries, and still the provinces.
    void aHiddenFieldHasNoList()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        OrgService org(*s.db);
        auto role = org.createRole(s.team.admin, QStringLiteral("rep without industry"), DataScope::Own, Permission::repDefaults());
        QVERIFY(role);
        QVERIFY(org.setRole(s.team.admin, s.team.zhao.userId, role->id));
        QVERIFY(org.setFieldRule(s.team.admin, role->id, QStringLiteral("customer"), QStringLiteral("industry"), FieldRule::Hidden));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        ApiClient wang = s.as(QStringLiteral("wang"));
        QVERIFY(customer(zhao, QStringLiteral("宁波港口"), "浙江省", "", 45));
        QVERIFY(customer(zhao, QStringLiteral("上海陆家嘴"), "上海市", "", 100));
        QVERIFY(customer(wang, QStringLiteral("深圳星河科技"), "广东省", "科技", 0.5));
        QJsonObject d = metrics(zhao.get(QStringLiteral("/api/crm/analytics/customers")))[QStringLiteral("distribution")].toObject();
        QCOMPARE(d[QStringLiteral("total")].toInteger(), 2);
        QVERIFY(d[QStringLiteral("industries")].toArray().isEmpty());
        QCOMPARE(d[QStringLiteral("otherIndustries")].toInteger(), 0);
        QCOMPARE(counts(d[QStringLiteral("provinces")].toArray()), strings({"上海市=1", "浙江省=1"}));
        d = metrics(wang.get(QStringLiteral("/api/crm/analytics/customers")))[QStringLiteral("distribution")].toObject();
        QCOMPARE(counts(d[QStringLiteral("industries")].toArray()), strings({"科技=1"})); // a plain rep's role hides nothing
    }

    // Past the 20 largest values the rest are counted together.
    void manyProvincesAreCountedAsOther()
    {
        Server s(kNow);
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        for (int i = 0; i < 23; ++i)
            QVERIFY(customer(wang, QStringLiteral("客户%1").arg(i), qPrintable(QStringLiteral("省%1").arg(i, 2, 10, QLatin1Char('0'))), "科技", -1));
        QVERIFY(customer(wang, QStringLiteral("客户甲"), "省00", "", -1));
        const QJsonObject d = metrics(wang.get(QStringLiteral("/api/crm/analytics/customers")))[QStringLiteral("distribution")].toObject();
        QCOMPARE(d[QStringLiteral("total")].toInteger(), 24);
        const QJsonArray provinces = d[QStringLiteral("provinces")].toArray();
        QCOMPARE(provinces.size(), 20);
        QCOMPARE(counts(provinces).mid(0, 3), strings({"省00=2", "省01=1", "省02=1"}));
        QCOMPARE(d[QStringLiteral("otherProvinces")].toInteger(), 3); // 省20, 省21, 省22
        QCOMPARE(counts(d[QStringLiteral("industries")].toArray()), strings({"科技=23", "=1"}));
        QCOMPARE(buckets(metrics(wang.get(QStringLiteral("/api/crm/analytics/customers")))[QStringLiteral("engagement")].toObject()),
                 QStringLiteral("24=0/0/0/0/24"));
    }
};

QTEST_GUILESS_MAIN(TestApiCustomerAnalytics)
#include "tst_api_customer_analytics.moc"
