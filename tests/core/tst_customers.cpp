// Customers, contacts and the public pool on SQLite and PostgreSQL.
#include "core/services/ActivityService.h"
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/OrgService.h"
#include "core/services/PoolService.h"
#include "core/storage/CustomerBulkWriter.h"
#include "core/storage/CustomerTagTable.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QThread>

#include <atomic>

using namespace crm;

namespace {

Customer draft(const QString &name, const QString &phone = {})
{
    Customer c;
    c.name = name;
    if (!phone.isEmpty())
        c.phones = {Phone{phone, QStringLiteral("mobile"), true}};
    return c;
}

QStringList names(const CustomerPage &page)
{
    QStringList out;
    for (const Customer &c : page.customers)
        out << c.name;
    return out;
}

} // namespace

class TestCustomers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createAndReadBack()
    {
        ManualClock clock(1'700'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        Customer c = draft(QStringLiteral("深圳星河科技有限公司"), QStringLiteral("+86 138-1234-5678"));
        c.company = QStringLiteral("星河科技");
        c.emails = {Email{QStringLiteral(" Info@XingHe.CN "), {}, false}};
        c.addresses = {Address{QStringLiteral("office"), QStringLiteral("广东省"), QStringLiteral("深圳市"), QStringLiteral("南山区"),
                               QStringLiteral("科技园路"), QStringLiteral("1号"), QStringLiteral("518000"), false}};
        c.tags = {QStringLiteral("VIP客户"), QStringLiteral("重要客户"), QStringLiteral("VIP客户")};
        c.source = QStringLiteral("douyin-feed");
        c.ownerId = 99999; // a rep may not choose another owner...
        c.id = 12345; // ...and ids, versions and times are the server's
        c.version = 77;
        auto refused = svc.create(t.wang, c);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("forbidden"));
        c.ownerId.reset();
        auto created = svc.create(t.wang, c);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QVERIFY(created->id != 12345);
        QCOMPARE(created->version, 1);
        QCOMPARE(created->ownerId.value(), t.wang.userId);
        QCOMPARE(created->createdAt, clock.nowMs());
        QCOMPARE(created->phone, QStringLiteral("13812345678"));
        QCOMPARE(created->email, QStringLiteral("info@xinghe.cn"));
        QCOMPARE(created->province, QStringLiteral("广东省"));
        QCOMPARE(created->tags, (QStringList{QStringLiteral("VIP客户"), QStringLiteral("重要客户")}));
        QVERIFY(created->emails.at(0).primary);

        auto loaded = svc.get(t.wang, created->id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->name, QStringLiteral("深圳星河科技有限公司"));
        QCOMPARE(loaded->addresses.at(0).street, QStringLiteral("科技园路"));
        QCOMPARE(loaded->ownerName, QStringLiteral("wang"));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("name") << "name" << "validation.required";
        QTest::newRow("phone") << "phones" << "validation.format";
        QTest::newRow("email") << "emails" << "validation.format";
        QTest::newRow("status") << "status" << "validation.invalid";
        QTest::newRow("kind") << "kind" << "validation.invalid";
        QTest::newRow("birthday") << "birthday" << "validation.range";
        QTest::newRow("customField") << "customFields.budget" << "validation.unknown";
        QTest::newRow("tagLength") << "tags" << "validation.too_long";
    }
    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, code);
        ManualClock clock(1'700'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        Customer c = draft(QStringLiteral("王芳"), QStringLiteral("13812345678"));
        if (field == QLatin1String("name")) c.name = QStringLiteral("   ");
        if (field == QLatin1String("phones")) c.phones = {Phone{QStringLiteral("12-abc"), {}, true}};
        if (field == QLatin1String("emails")) c.emails = {Email{QStringLiteral("not-an-email"), {}, true}};
        if (field == QLatin1String("status")) c.status = QStringLiteral("sleeping");
        if (field == QLatin1String("kind")) c.kind = QStringLiteral("robot");
        if (field == QLatin1String("birthday")) c.birthday = QDate(2099, 1, 1);
        if (field == QLatin1String("customFields.budget")) c.customFields.insert(QStringLiteral("budget"), 5);
        if (field == QLatin1String("tags")) c.tags = {QString(51, QLatin1Char('x'))};
        auto r = CustomerService(*db).create(t.wang, c);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
        auto count = CustomerService(*db).count(t.admin, {});
        QCOMPARE(*count, 0); // nothing half-written
    }

    void scopeMatrix()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        const qint64 wangs = svc.create(t.wang, draft(QStringLiteral("王的客户"))).value().id;
        const qint64 zhaos = svc.create(t.zhao, draft(QStringLiteral("赵的客户"))).value().id;
        const qint64 qians = svc.create(t.qian, draft(QStringLiteral("钱的客户"))).value().id;

        // A rep reads, lists, counts and updates only their own.
        QVERIFY(svc.get(t.wang, wangs).ok());
        QCOMPARE(svc.get(t.wang, zhaos).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.wang, 424242).error().code, QStringLiteral("not_found")); // same as missing
        QCOMPARE(names(svc.list(t.wang, {}).value()), QStringList{QStringLiteral("王的客户")});
        QCOMPARE(svc.count(t.wang, {}).value(), 1);
        Customer change;
        change.name = QStringLiteral("改名");
        QCOMPARE(svc.update(t.wang, zhaos, change, {QStringLiteral("name")}).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.zhao, zhaos)->name, QStringLiteral("赵的客户"));
        QCOMPARE(svc.remove(t.wang, wangs).error().code, QStringLiteral("forbidden")); // reps cannot delete

        // A manager sees the subordinates' but not another team's.
        QCOMPARE(svc.count(t.li, {}).value(), 2);
        QVERIFY(svc.get(t.li, zhaos).ok());
        QCOMPARE(svc.get(t.li, qians).error().code, QStringLiteral("not_found"));
        QVERIFY(svc.update(t.li, zhaos, change, {QStringLiteral("name")}).ok());
        QCOMPARE(svc.remove(t.li, qians).error().code, QStringLiteral("not_found"));

        // The administrator sees all.
        QCOMPARE(svc.count(t.admin, {}).value(), 3);
        QVERIFY(svc.remove(t.admin, qians).ok());
        QCOMPARE(svc.count(t.admin, {}).value(), 2);
    }

    void staleVersionIsRejected()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        const Customer c = svc.create(t.wang, draft(QStringLiteral("王芳"))).value();
        Customer a;
        a.status = QStringLiteral("active");
        auto first = svc.update(t.wang, c.id, a, {QStringLiteral("status")}, c.version);
        QVERIFY(first.ok());
        QCOMPARE(first->version, c.version + 1);
        Customer b;
        b.name = QStringLiteral("覆盖");
        auto second = svc.update(t.li, c.id, b, {QStringLiteral("name")}, c.version); // based on the old version
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, QStringLiteral("conflict.version"));
        auto now = svc.get(t.wang, c.id).value();
        QCOMPARE(now.name, QStringLiteral("王芳"));
        QCOMPARE(now.status, QStringLiteral("active"));
        QCOMPARE(now.version, c.version + 1);
    }

    void updateWritesAuditPerFieldAndNotifies()
    {
        ChangeFeed feed;
        CRM_OPEN_DB(db, nullptr, &feed);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        const Customer c = svc.create(t.wang, draft(QStringLiteral("王芳"), QStringLiteral("13812345678"))).value();
        QSignalSpy spy(&feed, &ChangeFeed::changed);
        Customer v;
        v.status = QStringLiteral("loyal");
        v.phones = {Phone{QStringLiteral("13900001111"), {}, true}};
        v.name = QStringLiteral("王芳"); // unchanged: no audit row
        QVERIFY(svc.update(t.wang, c.id, v, {QStringLiteral("status"), QStringLiteral("phones"), QStringLiteral("name")}).ok());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Change>().kind, QStringLiteral("updated"));
        auto trail = AuditLog::history(*db, QStringLiteral("customer"), c.id);
        QVERIFY(trail.ok());
        QStringList fields;
        for (const AuditEntry &e : *trail)
            if (e.action == QLatin1String("update")) {
                fields << e.field;
                QCOMPARE(e.userId, t.wang.userId);
            }
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("phones"), QStringLiteral("status")}));
        QCOMPARE(trail->last().action, QStringLiteral("create"));
        // The create snapshot holds the values the customer was created with, empty ones left out.
        const QJsonObject created = QJsonDocument::fromJson(trail->last().newValue.toUtf8()).object();
        QCOMPARE(created.value(QStringLiteral("name")).toString(), QStringLiteral("王芳"));
        QCOMPARE(created.value(QStringLiteral("phones")).toArray().first().toObject().value(QStringLiteral("number")).toString(),
                 QStringLiteral("13812345678"));
        QVERIFY(!created.contains(QStringLiteral("notes")));
        QVERIFY(!created.contains(QStringLiteral("emails")));
        // The search index follows the new phone.
        CustomerFilter f;
        f.keyword = QStringLiteral("0001111");
        QCOMPARE(svc.count(t.wang, f).value(), 1);
        f.keyword = QStringLiteral("12345678");
        QCOMPARE(svc.count(t.wang, f).value(), 0);
    }

    void chineseSubstringSearchIsScoped()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        Customer a = draft(QStringLiteral("深圳星河科技有限公司"));
        a.tags = {QStringLiteral("重点")};
        QVERIFY(svc.create(t.wang, a).ok());
        QVERIFY(svc.create(t.wang, draft(QStringLiteral("王芳"), QStringLiteral("13812345678"))).ok());
        QVERIFY(svc.create(t.qian, draft(QStringLiteral("北京星河科技"))).ok());
        CustomerFilter f;
        f.keyword = QStringLiteral("科技");
        QCOMPARE(names(svc.list(t.wang, f).value()), QStringList{QStringLiteral("深圳星河科技有限公司")});
        QCOMPARE(svc.count(t.admin, f).value(), 2);
        QCOMPARE(svc.countUpTo(t.admin, f, 1).value(), 1); // capped counts stop reading at the cap
        QCOMPARE(svc.countUpTo(t.admin, f, 5).value(), 2);
        QCOMPARE(svc.countUpTo(t.wang, f, 5).value(), 1);
        QCOMPARE(svc.countUpTo(t.admin, {}, 2).value(), 2);
        QCOMPARE(svc.countUpTo(t.admin, {}, 10).value(), 3);
        f.keyword = QStringLiteral("王芳");
        QCOMPARE(svc.count(t.wang, f).value(), 1);
        f.keyword = QStringLiteral("芳");
        QCOMPARE(svc.count(t.wang, f).value(), 1);
        f.keyword = QStringLiteral("5678");
        QCOMPARE(svc.count(t.wang, f).value(), 1);
        // A phone fragment (digit lexemes) in a rep's list, newest first, and outside another rep's scope.
        f.keyword = QStringLiteral("2345678");
        QCOMPARE(names(svc.list(t.wang, f).value()), QStringList{QStringLiteral("王芳")});
        QCOMPARE(svc.list(t.qian, f).value().customers.size(), 0);
        QCOMPARE(svc.count(t.admin, f).value(), 1);
        f.keyword = QStringLiteral("重点");
        QCOMPARE(svc.count(t.wang, f).value(), 1);
        f.keyword = QStringLiteral("' OR 1=1; DROP TABLE customers; --");
        QCOMPARE(svc.count(t.admin, f).value(), 0);
        QCOMPARE(svc.count(t.admin, {}).value(), 3);
    }

    // A keyword search without a chosen order lists the newest matches first (streamed from the
    // index on SQLite), pages by id, and still honours scope and other filters.
    void keywordSearchStreamsNewestFirst()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        QStringList created;
        for (int i = 0; i < 7; ++i) {
            const QString name = QStringLiteral("杭州客户%1号").arg(i);
            QVERIFY(svc.create(i % 3 == 2 ? t.qian : t.wang, draft(name)).ok());
            if (i % 3 != 2)
                created.prepend(name);
        }
        CustomerFilter f;
        f.keyword = QStringLiteral("杭州");
        f.limit = 2;
        QStringList seen;
        for (;;) {
            CustomerPage page = svc.list(t.wang, f).value();
            seen += names(page);
            if (!page.hasMore)
                break;
            f.afterKey = page.customers.last().id;
            f.afterId = page.customers.last().id;
        }
        QCOMPARE(seen, created);
        // The administrator's scope is everything: on PostgreSQL the newest customers are tried first
        // (CustomerRepository's search window), then the index; the pages are the same either way.
        QStringList all;
        for (int i = 6; i >= 0; --i)
            all << QStringLiteral("杭州客户%1号").arg(i);
        f = {};
        f.keyword = QStringLiteral("杭州");
        f.limit = 2;
        seen.clear();
        for (;;) {
            CustomerPage page = svc.list(t.admin, f).value();
            seen += names(page);
            if (!page.hasMore)
                break;
            f.afterKey = page.customers.last().id;
            f.afterId = page.customers.last().id;
        }
        QCOMPARE(seen, all);
        f = {};
        f.keyword = QStringLiteral("杭州");
        f.limit = 3;
        f.offset = 3;
        QCOMPARE(names(svc.list(t.admin, f).value()), all.mid(3, 3));
        f = {};
        f.keyword = QStringLiteral("杭州");
        f.statuses = {QStringLiteral("lost")};
        QCOMPARE(svc.list(t.wang, f).value().customers.size(), 0);
        f.statuses = {};
        f.sort = CustomerSort::Name;
        f.limit = 100;
        QCOMPARE(svc.list(t.wang, f).value().customers.first().name, QStringLiteral("杭州客户0号"));
    }

    // On PostgreSQL a search in one owner's customers (a rep, an owner filter, the pool) tries that
    // owner's 300 newest customers first (CustomerRepository's owner window). Matches older than the
    // window must still be found, in the same order, and a common word's page must be the newest.
    void keywordSearchReachesPastOneOwnersNewest()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        PoolService pool(*db);
        QStringList rare;
        QVector<qint64> wangs;
        for (int i = 0; i < 3; ++i) {
            wangs.append(svc.create(t.wang, draft(QStringLiteral("稀有客户%1").arg(i))).value().id);
            rare.prepend(QStringLiteral("稀有客户%1").arg(i));
            QVERIFY(svc.create(t.zhao, draft(QStringLiteral("稀有伙伴%1").arg(i))).ok());
        }
        QStringList common;
        for (int i = 0; i < 305; ++i) {
            wangs.append(svc.create(t.wang, draft(QStringLiteral("杭州客户%1").arg(i))).value().id);
            common.prepend(QStringLiteral("杭州客户%1").arg(i));
        }
        auto pages = [&](const Actor &actor, CustomerFilter f) {
            QStringList seen;
            for (;;) {
                CustomerPage page = svc.list(actor, f).value();
                seen += names(page);
                if (!page.hasMore)
                    return seen;
                f.afterKey = page.customers.last().id;
                f.afterId = page.customers.last().id;
            }
        };
        CustomerFilter f;
        f.keyword = QStringLiteral("稀有");
        f.limit = 2;
        QCOMPARE(pages(t.wang, f), rare);
        CustomerFilter byOwner = f;
        byOwner.ownerId = t.wang.userId;
        QCOMPARE(pages(t.admin, byOwner), rare);
        f.keyword = QStringLiteral("杭州");
        f.limit = 20;
        QCOMPARE(names(svc.list(t.wang, f).value()), common.mid(0, 20));
        f.offset = 290; // past the window: the index answers
        QCOMPARE(names(svc.list(t.wang, f).value()), common.mid(290, 15));

        QVERIFY(pool.assign(t.admin, wangs, std::nullopt).ok());
        CustomerFilter inPool;
        inPool.poolOnly = true;
        inPool.keyword = QStringLiteral("稀有");
        QCOMPARE(pages(t.qian, inPool), rare);
        inPool.keyword = QStringLiteral("杭州");
        QCOMPARE(pages(t.qian, inPool), common);
        QCOMPARE(svc.count(t.wang, f).value(), 0);
    }

    void filtersSortAndKeysetPaging()
    {
        ManualClock clock(1'700'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        for (int i = 0; i < 25; ++i) {
            Customer c = draft(QStringLiteral("客户%1").arg(i, 2, 10, QLatin1Char('0')));
            c.status = i % 2 ? QStringLiteral("active") : QStringLiteral("prospect");
            c.source = i < 5 ? QStringLiteral("store-walk-in") : QStringLiteral("douyin-feed");
            c.addresses = {Address{{}, i < 10 ? QStringLiteral("广东省") : QStringLiteral("浙江省"), {}, {}, {}, {}, {}, true}};
            c.tags = {i % 3 == 0 ? QStringLiteral("VIP") : QStringLiteral("普通")};
            QVERIFY(svc.create(t.wang, c).ok());
            clock.advance(1000);
        }
        CustomerFilter f;
        f.statuses = {QStringLiteral("active")};
        QCOMPARE(svc.count(t.wang, f).value(), 12);
        f = {};
        f.source = QStringLiteral("store-walk-in");
        QCOMPARE(svc.count(t.wang, f).value(), 5);
        f = {};
        f.province = QStringLiteral("广东省");
        QCOMPARE(svc.count(t.wang, f).value(), 10);
        f = {};
        f.tag = QStringLiteral("VIP");
        QCOMPARE(svc.count(t.wang, f).value(), 9);

        // Created, newest first, pages of 10 by keyset: no row twice, none skipped.
        f = {};
        f.sort = CustomerSort::Created;
        f.limit = 10;
        QStringList seen;
        for (int page = 0; page < 5; ++page) {
            auto p = svc.list(t.wang, f).value();
            seen += names(p);
            if (!p.hasMore)
                break;
            f.afterKey = p.customers.last().createdAt;
            f.afterId = p.customers.last().id;
        }
        QCOMPARE(seen.size(), 25);
        QCOMPARE(seen.first(), QStringLiteral("客户24"));
        QCOMPARE(seen.last(), QStringLiteral("客户00"));
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 25);

        // Offset paging and names A-Z.
        f = {};
        f.sort = CustomerSort::Name;
        f.limit = 5;
        f.offset = 20;
        auto last = svc.list(t.wang, f).value();
        QCOMPARE(names(last).first(), QStringLiteral("客户20"));
        QVERIFY(!last.hasMore);
    }

    // Pages far into a list (offset 1,000 and more: PostgreSQL counts the skipped rows in the sort index
    // and reads only the page's rows) are exactly the rows a nearer page continues to, in every sort,
    // within the caller's scope.
    void farPagesByOffset()
    {
        ManualClock clock(1'700'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        const auto wrote = db->write([&]() -> Status {
            CustomerBulkWriter writer(*db, t.admin);
            for (int i = 0; i < 1100; ++i) {
                Customer c = draft(QStringLiteral("远页客户%1").arg((i * 7919) % 1100, 4, 10, QLatin1Char('0')));
                c.kind = QStringLiteral("company");
                c.status = QStringLiteral("active");
                c.ownerId = i % 5 == 0 ? t.li.userId : t.wang.userId; // wang sees 880 of them
                c.createdBy = t.admin.userId;
                c.createdAt = c.updatedAt = clock.nowMs() + i * 1000;
                c.lastContactAt = clock.nowMs() + (i % 37) * 60'000; // ties, broken by id
                if (auto id = writer.add(c); !id)
                    return id.error();
            }
            return writer.finish();
        });
        QVERIFY2(wrote, wrote ? "" : qPrintable(wrote.error().message));
        CustomerService svc(*db);
        for (CustomerSort sort : {CustomerSort::Newest, CustomerSort::Name, CustomerSort::LastContact, CustomerSort::Created}) {
            for (const Actor *actor : {&t.admin, &t.li}) {
                CustomerFilter near;
                near.sort = sort;
                near.offset = 990;
                near.limit = 60;
                const CustomerPage before = svc.list(*actor, near).value();
                CustomerFilter far = near;
                far.offset = 1000;
                far.limit = 20;
                const CustomerPage page = svc.list(*actor, far).value();
                QCOMPARE(names(page), names(before).mid(10, 20));
                QCOMPARE(page.hasMore, before.customers.size() > 30 || before.hasMore);
            }
        }
        CustomerFilter wangs;
        wangs.offset = 870;
        wangs.limit = 20;
        QCOMPARE(svc.list(t.wang, wangs).value().customers.size(), 10); // 880 in wang's scope
        wangs.offset = 1000;
        QVERIFY(svc.list(t.wang, wangs).value().customers.isEmpty());
    }

    // Group, last contact (a range, "not for N days" and never) and created range (a dashboard bar),
    // each alone and together with a rep's scope.
    void groupLastContactAndCreatedRanges()
    {
        ManualClock clock(1'700'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        constexpr qint64 kDay = 86'400'000;
        const qint64 start = clock.nowMs();
        // Ten customers, one a day: Wang owns the even ones, Zhao the odd ones; the first four are in 重点.
        QVector<qint64> ids;
        for (int i = 0; i < 10; ++i) {
            Customer c = draft(QStringLiteral("客户%1").arg(i));
            if (i < 4)
                c.groups = {QStringLiteral("重点")};
            c.ownerId = i % 2 ? t.zhao.userId : t.wang.userId;
            auto created = svc.create(t.li, c);
            QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
            ids << created->id;
            clock.advance(kDay);
        }
        // Contacted: 客户1 and 客户2 on day 10, 客户3 on day 40; the rest never.
        ActivityService activities(*db);
        auto call = [&](int i, const Actor &who) {
            Activity a;
            a.customerId = ids[i];
            a.kind = QStringLiteral("call");
            QVERIFY(activities.log(who, a).ok());
        };
        call(1, t.zhao);
        call(2, t.wang);
        clock.set(start + 40 * kDay);
        call(3, t.zhao);
        auto namesOf = [&](const Actor &who, CustomerFilter f) {
            f.sort = CustomerSort::Created;
            f.ascending = true;
            f.limit = 100;
            auto page = svc.list(who, f);
            if (!page)
                qWarning() << page.error().message;
            const QStringList out = names(page.value());
            if (svc.count(who, f).value() != out.size())
                qWarning() << "count differs from the list";
            return out;
        };

        CustomerFilter f;
        f.group = QStringLiteral("重点");
        QCOMPARE(namesOf(t.li, f), (QStringList{QStringLiteral("客户0"), QStringLiteral("客户1"), QStringLiteral("客户2"),
                                               QStringLiteral("客户3")}));
        QCOMPARE(namesOf(t.wang, f), (QStringList{QStringLiteral("客户0"), QStringLiteral("客户2")}));

        // Created on days 3..5 (half-open): exactly those three, and only Wang's for Wang.
        f = {};
        f.createdFrom = start + 3 * kDay;
        f.createdTo = start + 6 * kDay;
        QCOMPARE(namesOf(t.li, f), (QStringList{QStringLiteral("客户3"), QStringLiteral("客户4"), QStringLiteral("客户5")}));
        QCOMPARE(namesOf(t.wang, f), (QStringList{QStringLiteral("客户4")}));
        f.createdTo = start + 3 * kDay; // empty range
        QVERIFY(namesOf(t.li, f).isEmpty());

        // Never contacted.
        f = {};
        f.lastContactTo = 1;
        QCOMPARE(namesOf(t.li, f).size(), 7);
        QVERIFY(!namesOf(t.li, f).contains(QStringLiteral("客户1")));
        // Not contacted for 7 days as of day 40 (never contacted ones included): all but 客户3.
        f = {};
        f.lastContactTo = clock.nowMs() - 7 * kDay;
        QCOMPARE(namesOf(t.li, f).size(), 9);
        QVERIFY(!namesOf(t.li, f).contains(QStringLiteral("客户3")));
        // Contacted in a range: days 5..15.
        f = {};
        f.lastContactFrom = start + 5 * kDay;
        f.lastContactTo = start + 15 * kDay;
        QCOMPARE(namesOf(t.li, f), (QStringList{QStringLiteral("客户1"), QStringLiteral("客户2")}));
        // All together: group, created range and contact range.
        f.group = QStringLiteral("重点");
        f.createdFrom = start + 2 * kDay;
        f.createdTo = start + 4 * kDay;
        QCOMPARE(namesOf(t.li, f), (QStringList{QStringLiteral("客户2")}));
        QCOMPARE(namesOf(t.zhao, f), QStringList{});
    }

    void poolClaimAndRelease()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        PoolService pool(*db);
        const qint64 id = svc.create(t.wang, draft(QStringLiteral("公海客户"))).value().id;
        QCOMPARE(pool.release(t.zhao, id).error().code, QStringLiteral("not_found")); // not Zhao's
        auto released = pool.release(t.wang, id);
        QVERIFY(released.ok());
        QVERIFY(!released->ownerId.has_value());
        QCOMPARE(svc.count(t.wang, {}).value(), 0);
        CustomerFilter inPool;
        inPool.poolOnly = true;
        QCOMPARE(svc.count(t.qian, inPool).value(), 1); // everyone sees the pool
        auto claimed = pool.claim(t.qian, id);
        QVERIFY(claimed.ok());
        QCOMPARE(claimed->ownerId.value(), t.qian.userId);
        QCOMPARE(pool.claim(t.wang, id).error().code, QStringLiteral("conflict.claimed"));
        QCOMPARE(pool.claim(t.wang, 987654).error().code, QStringLiteral("not_found"));
        auto trail = AuditLog::history(*db, QStringLiteral("customer"), id).value();
        QCOMPARE(trail.first().action, QStringLiteral("claim"));
        QCOMPARE(trail.first().userId, t.qian.userId);
    }

    // Scoped keyword searches ask the index for the scope's owners only, so the index must follow
    // every change of owner: release, claim, assign, and an update of ownerId.
    void keywordSearchFollowsOwnership()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        PoolService pool(*db);
        const qint64 id = svc.create(t.wang, draft(QStringLiteral("星辰物流"))).value().id;
        QVERIFY(svc.create(t.zhao, draft(QStringLiteral("星辰贸易"))).ok());
        CustomerFilter f;
        f.keyword = QStringLiteral("星辰");
        QCOMPARE(names(svc.list(t.wang, f).value()), QStringList{QStringLiteral("星辰物流")});
        QCOMPARE(svc.count(t.li, f).value(), 2);
        QCOMPARE(svc.count(t.qian, f).value(), 0);

        QVERIFY(pool.release(t.wang, id).ok());
        QCOMPARE(svc.count(t.wang, f).value(), 0);
        CustomerFilter inPool = f;
        inPool.poolOnly = true;
        QCOMPARE(names(svc.list(t.qian, inPool).value()), QStringList{QStringLiteral("星辰物流")});

        QVERIFY(pool.claim(t.qian, id).ok());
        QCOMPARE(names(svc.list(t.qian, f).value()), QStringList{QStringLiteral("星辰物流")});
        QCOMPARE(svc.count(t.qian, inPool).value(), 0);

        QVERIFY(pool.assign(t.sun, {id}, std::nullopt).ok());
        QVERIFY(pool.assign(t.li, {id}, t.zhao.userId).ok());
        QCOMPARE(svc.count(t.zhao, f).value(), 2);
        QCOMPARE(svc.count(t.qian, f).value(), 0);
        CustomerFilter byOwner = f;
        byOwner.ownerId = t.zhao.userId;
        QCOMPARE(svc.count(t.li, byOwner).value(), 2);

        Customer values;
        values.ownerId = t.wang.userId;
        QVERIFY(svc.update(t.li, id, values, {QStringLiteral("ownerId")}).ok());
        QCOMPARE(names(svc.list(t.wang, f).value()), QStringList{QStringLiteral("星辰物流")});
        QCOMPARE(svc.count(t.zhao, f).value(), 1);
        // The owner token is never matched by a keyword, not even a one-character prefix.
        f.keyword = QStringLiteral("o");
        QCOMPARE(svc.count(t.admin, f).value(), 0);
        f.keyword = QStringLiteral("pool");
        QCOMPARE(svc.count(t.admin, f).value(), 0);
    }

    void claimRaceHasExactlyOneWinner()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const qint64 id = CustomerService(*db).create(t.admin, draft(QStringLiteral("抢手客户"))).value().id;
        QVERIFY(PoolService(*db).assign(t.admin, {id}, std::nullopt).ok());
        for (int round = 0; round < 5; ++round) {
            if (round > 0)
                QVERIFY(PoolService(*db).assign(t.admin, {id}, std::nullopt).ok());
            std::atomic<int> wins{0}, conflicts{0}, ready{0};
            auto contender = [&](const Actor &actor) {
                auto conn = db->openAnother(); // each thread its own connection
                if (!conn)
                    return;
                ready++;
                while (ready.load() < 2) {
                }
                auto r = PoolService(**conn).claim(actor, id);
                if (r.ok())
                    wins++;
                else if (r.error().code == QLatin1String("conflict.claimed"))
                    conflicts++;
            };
            QThread *a = QThread::create(contender, t.wang);
            QThread *b = QThread::create(contender, t.qian);
            a->start();
            b->start();
            QVERIFY(a->wait(30000));
            QVERIFY(b->wait(30000));
            delete a;
            delete b;
            QCOMPARE(wins.load(), 1);
            QCOMPARE(conflicts.load(), 1);
        }
    }

    void bulkAssignIsAllOrNothing()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        const qint64 a = svc.create(t.wang, draft(QStringLiteral("甲"))).value().id;
        const qint64 b = svc.create(t.qian, draft(QStringLiteral("乙"))).value().id; // outside Li's team
        QCOMPARE(PoolService(*db).assign(t.wang, {a}, t.zhao.userId).error().code, QStringLiteral("forbidden"));
        QCOMPARE(PoolService(*db).assign(t.li, {a, b}, t.zhao.userId).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.admin, a)->ownerId.value(), t.wang.userId); // the first one was not moved either
        QVERIFY(PoolService(*db).assign(t.li, {a}, t.zhao.userId).ok());
        QCOMPARE(svc.get(t.admin, a)->ownerId.value(), t.zhao.userId);
        QCOMPARE(PoolService(*db).assign(t.li, {a}, t.qian.userId).error().code, QStringLiteral("validation.reference"));

        // The customers' counts by owner, province and industry (customer_counts), which a bulk owner
        // change adds once at the end instead of through the trigger, against the customers themselves.
        auto rows = [&](const QString &sql) {
            QStringList out;
            QSqlQuery q = db->prepare(sql);
            if (!db->exec(q))
                return QStringList{QStringLiteral("failed")};
            while (q.next())
                out << QStringLiteral("%1 %2 %3=%4").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
            return out;
        };
        auto countsMatch = [&] {
            const QStringList kept = rows(QStringLiteral("SELECT owner_id, field, value, n FROM customer_counts WHERE n <> 0 ORDER BY 1, 2, 3"));
            const QStringList counted = rows(QStringLiteral(
                "SELECT COALESCE(owner_id, 0), 'industry', COALESCE(industry, ''), COUNT(*) FROM customers GROUP BY 1, 3 UNION ALL"
                " SELECT COALESCE(owner_id, 0), 'province', COALESCE(province, ''), COUNT(*) FROM customers GROUP BY 1, 3 ORDER BY 1, 2, 3"));
            if (kept != counted)
                qWarning("kept %s, counted %s", qPrintable(kept.join(QLatin1Char('|'))), qPrintable(counted.join(QLatin1Char('|'))));
            return kept == counted;
        };
        QVector<qint64> many;
        for (int i = 0; i < 12; ++i) {
            Customer c = draft(QStringLiteral("客户%1").arg(i));
            c.industry = i % 3 ? QStringLiteral("制造") : QString();
            if (i % 2)
                c.addresses.append(Address{QString(), i % 4 == 1 ? QStringLiteral("广东省") : QStringLiteral("浙江省"), {}, {}, {}, {}, {}, true});
            many << svc.create(i % 2 ? t.wang : t.zhao, c).value().id;
        }
        QVERIFY(countsMatch());
        QVERIFY(PoolService(*db).assign(t.li, many, t.wang.userId).ok());
        QVERIFY(countsMatch());
        QVERIFY(PoolService(*db).assign(t.li, many.mid(0, 7), std::nullopt).ok()); // to the pool
        QVERIFY(countsMatch());
        const QStringList before = rows(QStringLiteral("SELECT owner_id, field, value, n FROM customer_counts ORDER BY 1, 2, 3"));
        QCOMPARE(PoolService(*db).assign(t.li, many + QVector<qint64>{b}, t.zhao.userId).error().code, QStringLiteral("not_found"));
        QCOMPARE(rows(QStringLiteral("SELECT owner_id, field, value, n FROM customer_counts ORDER BY 1, 2, 3")), before);
        // Outside a bulk change the trigger counts again.
        Customer edit;
        edit.industry = QStringLiteral("金融");
        QVERIFY(svc.update(t.admin, many.last(), edit, {QStringLiteral("industry")}).ok());
        QVERIFY(countsMatch());
    }

    void hiddenAndReadOnlyFields()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        OrgService org(*db);
        const qint64 repRole = org.roleByName(QStringLiteral("rep")).value().id;
        QVERIFY(org.setFieldRule(t.admin, repRole, QStringLiteral("customer"), QStringLiteral("phones"), FieldRule::Hidden).ok());
        QVERIFY(org.setFieldRule(t.admin, repRole, QStringLiteral("customer"), QStringLiteral("level"), FieldRule::ReadOnly).ok());
        QCOMPARE(org.setFieldRule(t.wang, repRole, QStringLiteral("customer"), QStringLiteral("name"), FieldRule::Hidden).error().code,
                 QStringLiteral("forbidden"));
        const Actor wang = org.actorFor(t.wang.userId).value();
        CustomerService svc(*db);
        Customer c = draft(QStringLiteral("王芳"));
        const qint64 id = svc.create(wang, c).value().id;
        Customer phones;
        phones.phones = {Phone{QStringLiteral("13812345678"), {}, true}};
        QVERIFY(svc.update(t.li, id, phones, {QStringLiteral("phones")}).ok()); // the manager may
        auto seen = svc.get(wang, id).value();
        QVERIFY(seen.phone.isEmpty());
        QVERIFY(seen.phones.isEmpty());
        QVERIFY(seen.hiddenFields.contains(QStringLiteral("phones")));
        QCOMPARE(svc.list(wang, {}).value().customers.at(0).phone, QString());
        QCOMPARE(svc.get(t.li, id)->phone, QStringLiteral("13812345678"));
        // The exports' cells hide it the same way (read as NULL in the SQL).
        QCOMPARE(svc.listCells(wang, {}).value().rows.at(0)[CustomerCells::Phone].toString(), QString());
        QCOMPARE(svc.listCells(t.li, {}).value().rows.at(0)[CustomerCells::Phone].toString(), QStringLiteral("13812345678"));
        Customer level;
        level.level = QStringLiteral("A");
        auto refused = svc.update(wang, id, level, {QStringLiteral("level")});
        QCOMPARE(refused.error().code, QStringLiteral("forbidden"));
        QCOMPARE(refused.error().field, QStringLiteral("level"));
        QCOMPARE(svc.update(wang, id, phones, {QStringLiteral("phones")}).error().code, QStringLiteral("forbidden"));
    }

    // The cells exports read are the list's rows, field for field, in the same order and scope.
    void cellsMatchTheList()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        Customer c = draft(QStringLiteral("星河科技"));
        c.company = QStringLiteral("星河科技有限公司");
        c.birthday = QDate(1990, 5, 1);
        c.tags = {QStringLiteral("重点"), QStringLiteral("VIP, 华东")}; // a comma inside a tag survives
        c.notes = QStringLiteral("第一行\n第二行");
        QVERIFY(svc.create(t.wang, c).ok());
        QVERIFY(svc.create(t.wang, draft(QStringLiteral("王芳"))).ok());
        QVERIFY(svc.create(t.qian, draft(QStringLiteral("孙丽"))).ok()); // outside Wang's scope
        CustomerFilter f;
        f.sort = CustomerSort::Name;
        const auto rows = svc.list(t.wang, f).value().customers;
        const auto cells = svc.listCells(t.wang, f).value().rows;
        QCOMPARE(cells.size(), 2);
        QCOMPARE(cells.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const Customer &r = rows[i];
            const CustomerCells &k = cells[i];
            QCOMPARE(k.id, r.id);
            QCOMPARE(k[CustomerCells::Name].toString(), r.name);
            QCOMPARE(k[CustomerCells::Company].toString(), r.company);
            QCOMPARE(k[CustomerCells::Status].toString(), r.status);
            QCOMPARE(k[CustomerCells::Phone].toString(), r.phone);
            QCOMPARE(k[CustomerCells::OwnerName].toString(), r.ownerName);
            QCOMPARE(k[CustomerCells::Notes].toString(), r.notes);
            QCOMPARE(QDate::fromString(k[CustomerCells::Birthday], Qt::ISODate), r.birthday);
            QCOMPARE(k.tags(), r.tags);
            QCOMPARE(QJsonDocument::fromJson(k[CustomerCells::CustomFields].toUtf8()).object(), r.customFields);
            QCOMPARE(k.createdAt, r.createdAt);
            QCOMPARE(k.lastContactAt, r.lastContactAt);
        }
        const qsizetype tagged = cells[0][CustomerCells::Name] == u"星河科技" ? 0 : 1;
        QCOMPARE(cells[tagged].tags(), QStringList({QStringLiteral("VIP, 华东"), QStringLiteral("重点")}));
        // Keyset paging as the export does it.
        f.limit = 1;
        auto first = svc.listCells(t.wang, f).value();
        QVERIFY(first.hasMore);
        f.afterKey = first.rows.at(0)[CustomerCells::Name].toString();
        f.afterId = first.rows.at(0).id;
        auto second = svc.listCells(t.wang, f).value();
        QVERIFY(!second.hasMore);
        QCOMPARE(second.rows.at(0).id, cells[1].id); // the same order as the list
        QCOMPARE(svc.listCells(Actor{}, {}).error().code, QStringLiteral("forbidden"));
    }

    // A large export reads every customer's tags at once (CustomerTagTable): the rows must be the
    // same as with the tags read row by row, in the same order of tags, for every customer.
    void tagTableGivesTheSameCells()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        Customer many = draft(QStringLiteral("星河科技"));
        // U+FF03 sorts after U+20000 in UTF-16 but before it in UTF-8 (SQLite's order).
        many.tags = {QStringLiteral("重点"), QStringLiteral("＃活动"), QStringLiteral("𠀀客户"), QStringLiteral("VIP, 华东")};
        const qint64 tagged = svc.create(t.wang, many).value().id;
        Customer one = draft(QStringLiteral("王芳"));
        one.tags = {QStringLiteral("重点")};
        QVERIFY(svc.create(t.wang, one).ok());
        QVERIFY(svc.create(t.wang, draft(QStringLiteral("孙丽"))).ok()); // no tags
        QVERIFY(svc.create(t.qian, one).ok()); // outside Wang's scope: in the table, never in Wang's rows
        QCOMPARE(CustomerTagTable::linkCount(*db).value(), qint64(6));
        auto table = CustomerTagTable::load(*db);
        QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error().message));
        QCOMPARE(table->customers(), qsizetype(3));
        QCOMPARE(table->tagsOf(999'999), QString());
        CustomerFilter f;
        f.sort = CustomerSort::Name;
        const auto byRow = svc.listCells(t.wang, f).value().rows;
        const auto byTable = svc.listCells(t.wang, f, &*table).value().rows;
        QCOMPARE(byTable.size(), qsizetype(3));
        for (qsizetype i = 0; i < byRow.size(); ++i) {
            QCOMPARE(byTable[i].id, byRow[i].id);
            QCOMPARE(byTable[i].texts, byRow[i].texts);
            QCOMPARE(byTable[i].bounds, byRow[i].bounds);
        }
        const auto first = std::find_if(byTable.cbegin(), byTable.cend(), [&](const CustomerCells &c) { return c.id == tagged; });
        QCOMPARE(first->tags().size(), 4);
        QCOMPARE(svc.get(t.wang, tagged).value().tags.size(), 4);
        // A role that hides the tags gets none, table or not.
        Actor hidden = t.wang;
        hidden.fieldRules.insert(QStringLiteral("customer.tags"), FieldRule::Hidden);
        const auto hiddenRows = svc.listCells(hidden, f, &*table).value().rows;
        QCOMPARE(hiddenRows.size(), qsizetype(3));
        for (const CustomerCells &c : hiddenRows)
            QVERIFY(c[CustomerCells::Tags].isEmpty());
    }

    void contactsFollowTheirCustomer()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const qint64 id = CustomerService(*db).create(t.wang, draft(QStringLiteral("星河科技"))).value().id;
        ContactService contacts(*db);
        Contact k;
        k.customerId = id;
        k.name = QStringLiteral("张伟");
        k.position = QStringLiteral("采购经理");
        k.phone = QStringLiteral("139 0000 1111");
        k.primary = true;
        auto first = contacts.add(t.wang, k);
        QVERIFY(first.ok());
        QCOMPARE(first->phone, QStringLiteral("13900001111"));
        k.name = QStringLiteral("李娜");
        auto second = contacts.add(t.wang, k); // the new primary demotes the old one
        QVERIFY(second.ok());
        auto list = contacts.list(t.wang, id).value();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).name, QStringLiteral("李娜"));
        QVERIFY(list.at(0).primary);
        QVERIFY(!list.at(1).primary);
        QCOMPARE(contacts.list(t.qian, id).error().code, QStringLiteral("not_found"));
        QCOMPARE(contacts.add(t.qian, k).error().code, QStringLiteral("validation.reference"));
        k.email = QStringLiteral("bad@");
        QCOMPARE(contacts.add(t.wang, k).error().field, QStringLiteral("email"));
    }

    void duplicateCheckRevealsOnlyTheState()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService svc(*db);
        QVERIFY(svc.create(t.qian, draft(QStringLiteral("钱的客户"), QStringLiteral("13812345678"))).ok());
        auto hints = svc.duplicates(t.wang, QStringLiteral("+86 138 1234 5678"), {}, {}).value();
        QCOMPARE(hints.size(), 1);
        QCOMPARE(hints.at(0).match, QStringLiteral("phone"));
        QCOMPARE(hints.at(0).state, QStringLiteral("owned_by_other"));
        QCOMPARE(svc.duplicates(t.qian, QStringLiteral("13812345678"), {}, {}).value().at(0).state, QStringLiteral("yours"));
        QVERIFY(svc.duplicates(t.wang, QStringLiteral("13900000000"), {}, {}).value().isEmpty());
        // Found through customer_phones and customer_emails, primary entries and others alike.
        Customer two = draft(QStringLiteral("王的客户"), QStringLiteral("13700000001"));
        two.phones.append({QStringLiteral("13700000002"), {}, false});
        two.emails = {{QStringLiteral("Sales@Example.com"), {}, true}, {QStringLiteral("boss@example.com"), {}, false}};
        QVERIFY(svc.create(t.wang, two).ok());
        for (const char *phone : {"13700000001", "13700000002"})
            QCOMPARE(svc.duplicates(t.wang, QLatin1String(phone), {}, {}).value().at(0).state, QStringLiteral("yours"));
        for (const char *email : {"sales@example.com", "BOSS@example.com"}) {
            const auto found = svc.duplicates(t.qian, {}, QLatin1String(email), {}).value();
            QCOMPARE(found.size(), 1);
            QCOMPARE(found.at(0).match, QStringLiteral("email"));
            QCOMPARE(found.at(0).state, QStringLiteral("owned_by_other"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCustomers)
#include "tst_customers.moc"
