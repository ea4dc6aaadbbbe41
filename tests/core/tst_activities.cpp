// Activities (interactions) and the customer timeline on SQLite and PostgreSQL.
#include "core/services/ActivityService.h"
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QSignalSpy>

using namespace crm;

namespace {

constexpr qint64 kNow = 1'700'000'000'000; // 2023-11-14T22:13:20Z
constexpr qint64 kHour = 60 * 60 * 1000;

qint64 newCustomer(Database &db, const Actor &owner, const QString &name)
{
    Customer c;
    c.name = name;
    auto created = CustomerService(db).create(owner, c);
    if (!created)
        qFatal("create customer: %s", qPrintable(created.error().message));
    return created->id;
}

qint64 newContact(Database &db, const Actor &actor, qint64 customerId, const QString &name)
{
    Contact k;
    k.customerId = customerId;
    k.name = name;
    auto added = ContactService(db).add(actor, k);
    if (!added)
        qFatal("add contact: %s", qPrintable(added.error().message));
    return added->id;
}

// Opportunities have their own service; the fixture only needs a row that belongs to a customer.
qint64 newOpportunity(Database &db, qint64 customerId, qint64 ownerId)
{
    QSqlQuery s = db.prepare(QStringLiteral("SELECT pipeline_id, id FROM stages ORDER BY id LIMIT 1"));
    if (!db.exec(s) || !s.next())
        qFatal("no stage");
    const qint64 pipeline = s.value(0).toLongLong(), stage = s.value(1).toLongLong();
    s.finish();
    QSqlQuery q = db.prepare(QStringLiteral(
        "INSERT INTO opportunities (customer_id, pipeline_id, stage_id, name, owner_id, created_at, updated_at, stage_entered_at)"
        " VALUES (:c, :p, :s, 'deal', :o, 0, 0, 0) RETURNING id"));
    q.bindValue(QStringLiteral(":c"), customerId);
    q.bindValue(QStringLiteral(":p"), pipeline);
    q.bindValue(QStringLiteral(":s"), stage);
    q.bindValue(QStringLiteral(":o"), ownerId);
    if (!db.exec(q) || !q.next())
        qFatal("insert opportunity");
    return q.value(0).toLongLong();
}

Activity call(qint64 customerId, qint64 at = 0)
{
    Activity a;
    a.customerId = customerId;
    a.kind = QStringLiteral("call");
    a.direction = QStringLiteral("out");
    a.subject = QStringLiteral("电话沟通");
    a.occurredAt = at;
    return a;
}

qint64 countRows(Database &db, const QString &table)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    if (!db.exec(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

Customer customer(Database &db, qint64 id)
{
    return CustomerService(db).get(Actor::system(), id).value();
}

QString errorText(const Error &e)
{
    return e.code + QStringLiteral(" ") + e.field + QStringLiteral(": ") + e.message;
}

} // namespace

class TestActivities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void logAndReadBack()
    {
        ManualClock clock(kNow);
        ChangeFeed feed;
        CRM_OPEN_DB(db, &clock, &feed);
        Team t = makeTeam(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("深圳星河科技有限公司"));
        const qint64 contact = newContact(*db, t.wang, cust, QStringLiteral("王芳"));
        const qint64 opp = newOpportunity(*db, cust, t.wang.userId);
        QSignalSpy spy(&feed, &ChangeFeed::changed);

        Activity a = call(cust);
        a.contactId = contact;
        a.opportunityId = opp;
        a.userId = t.zhao.userId; // never trusted: the author is the actor
        a.content = QStringLiteral("  客户对报价有疑问，约定下周再谈  ");
        a.outcome = QStringLiteral("positive");
        a.status = QStringLiteral("connected");
        a.phone = QStringLiteral("+86 138-1234-5678");
        a.durationSeconds = 312;
        a.attachments = {Attachment{QStringLiteral("报价单.pdf"), 48213, QStringLiteral("application/pdf"),
                                    QStringLiteral("https://files.example.com/q.pdf")}};
        auto logged = ActivityService(*db).log(t.wang, a);
        QVERIFY2(logged.ok(), qPrintable(logged.ok() ? QString() : errorText(logged.error())));
        QVERIFY(logged->id > 0);
        QCOMPARE(logged->userId, t.wang.userId);
        QCOMPARE(logged->userName, QStringLiteral("wang"));
        QCOMPARE(logged->direction, QStringLiteral("outbound"));
        QCOMPARE(logged->occurredAt, kNow); // defaults to now
        QCOMPARE(logged->createdAt, kNow);
        QCOMPARE(logged->content, QStringLiteral("客户对报价有疑问，约定下周再谈"));
        QCOMPARE(logged->phone, QStringLiteral("13812345678"));
        QCOMPARE(logged->durationSeconds.value(), 312);
        QCOMPARE(logged->contactId.value(), contact);
        QCOMPARE(logged->opportunityId.value(), opp);
        QCOMPARE(logged->version, 1);
        QCOMPARE(logged->attachments.size(), 1);
        QCOMPARE(logged->attachments.at(0), a.attachments.at(0));

        auto loaded = ActivityService(*db).get(t.wang, logged->id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->attachments.at(0).name, QStringLiteral("报价单.pdf"));
        QCOMPARE(loaded->attachments.at(0).size, 48213);
        QCOMPARE(loaded->subject, QStringLiteral("电话沟通"));

        // Announced after commit: the activity and its customer.
        QCOMPARE(spy.count(), 2);
        const Change first = spy.at(0).at(0).value<Change>(), second = spy.at(1).at(0).value<Change>();
        QCOMPARE(first.entity, QStringLiteral("activity"));
        QCOMPARE(first.id, logged->id);
        QCOMPARE(first.kind, QStringLiteral("created"));
        QCOMPARE(second.entity, QStringLiteral("customer"));
        QCOMPARE(second.id, cust);
        QCOMPARE(second.kind, QStringLiteral("updated"));

        auto trail = AuditLog::history(*db, QStringLiteral("activity"), logged->id);
        QCOMPARE(trail->size(), 1);
        QCOMPARE(trail->at(0).action, QStringLiteral("create"));
        QCOMPARE(trail->at(0).userId, t.wang.userId);
        QVERIFY(trail->at(0).newValue.contains(QStringLiteral("报价单.pdf")));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("kind") << "kind" << "validation.unknown";
        QTest::newRow("direction") << "direction" << "validation.invalid";
        QTest::newRow("occurredAt") << "occurredAt" << "validation.range";
        QTest::newRow("subject") << "subject" << "validation.too_long";
        QTest::newRow("content") << "content" << "validation.too_long";
        QTest::newRow("outcome") << "outcome" << "validation.too_long";
        QTest::newRow("phone") << "phone" << "validation.format";
        QTest::newRow("durationSeconds") << "durationSeconds" << "validation.range";
        QTest::newRow("attachments") << "attachments" << "validation.required";
        QTest::newRow("contactId") << "contactId" << "validation.reference";
        QTest::newRow("opportunityId") << "opportunityId" << "validation.reference";
    }
    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, code);
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 other = newCustomer(*db, t.wang, QStringLiteral("王的另一个客户"));
        Activity a = call(cust);
        if (field == QLatin1String("kind")) a.kind = QStringLiteral("fax");
        if (field == QLatin1String("direction")) a.direction = QStringLiteral("sideways");
        if (field == QLatin1String("occurredAt")) a.occurredAt = kNow + 25 * kHour;
        if (field == QLatin1String("subject")) a.subject = QString(201, QLatin1Char('x'));
        if (field == QLatin1String("content")) a.content = QString(10001, QLatin1Char('x'));
        if (field == QLatin1String("outcome")) a.outcome = QString(201, QLatin1Char('x'));
        if (field == QLatin1String("phone")) a.phone = QStringLiteral("12-abc");
        if (field == QLatin1String("durationSeconds")) a.durationSeconds = -5;
        if (field == QLatin1String("attachments")) a.attachments = {Attachment{QStringLiteral("  "), 1, {}, {}}};
        if (field == QLatin1String("contactId")) a.contactId = newContact(*db, t.wang, other, QStringLiteral("别人的联系人"));
        if (field == QLatin1String("opportunityId")) a.opportunityId = newOpportunity(*db, other, t.wang.userId);
        auto r = ActivityService(*db).log(t.wang, a);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(countRows(*db, QStringLiteral("activities")), 0); // nothing half-written
        QCOMPARE(customer(*db, cust).lastContactAt, 0);
    }

    void timeAtTheFutureLimitIsAccepted()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        // A visit planned for tomorrow morning may be logged ahead; two days ahead may not.
        QVERIFY(ActivityService(*db).log(t.wang, call(cust, kNow + 24 * kHour)).ok());
        QCOMPARE(ActivityService(*db).log(t.wang, call(cust, kNow + 24 * kHour + 1)).error().code, QStringLiteral("validation.range"));
        Activity note = call(cust, kNow - 1000);
        note.kind = QStringLiteral("note");
        note.direction = QStringLiteral("IN");
        QCOMPARE(ActivityService(*db).log(t.wang, note)->direction, QStringLiteral("inbound"));
    }

    void customerOutOfScopeIsNotFound()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        const qint64 zhaos = newCustomer(*db, t.zhao, QStringLiteral("赵的客户"));
        ActivityService svc(*db);
        QCOMPARE(svc.log(t.wang, call(zhaos)).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.log(t.wang, call(987654)).error().code, QStringLiteral("not_found")); // same as missing
        QCOMPARE(svc.timeline(t.wang, zhaos).error().code, QStringLiteral("not_found"));
        Actor readOnly = t.wang;
        readOnly.permissions.remove(Permission::ActivityWrite);
        QCOMPARE(svc.log(readOnly, call(zhaos)).error().code, QStringLiteral("forbidden"));
        Actor blind = t.li;
        blind.permissions.remove(Permission::ActivityRead);
        QCOMPARE(svc.timeline(blind, zhaos).error().code, QStringLiteral("forbidden"));
        QVERIFY(svc.log(t.li, call(zhaos)).ok()); // the manager may
        QCOMPARE(countRows(*db, QStringLiteral("activities")), 1);
    }

    void scopeMatrix()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        ActivityService svc(*db);
        const qint64 wangs = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 zhaos = newCustomer(*db, t.zhao, QStringLiteral("赵的客户"));
        const qint64 byWang = svc.log(t.wang, call(wangs)).value().id;
        const qint64 byZhao = svc.log(t.zhao, call(zhaos)).value().id;

        QVERIFY(svc.get(t.wang, byWang).ok());
        QCOMPARE(svc.get(t.wang, byZhao).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.wang, 987654).error().code, QStringLiteral("not_found"));
        QVERIFY(svc.get(t.li, byWang).ok());
        QVERIFY(svc.get(t.li, byZhao).ok());
        QCOMPARE(svc.get(t.qian, byWang).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.qian, byZhao).error().code, QStringLiteral("not_found"));
        QVERIFY(svc.get(t.admin, byZhao).ok());

        // Lists by user: one's own by default; another user only when in scope.
        ActivityFilter mine;
        QCOMPARE(svc.listForUser(t.wang, mine)->activities.size(), 1);
        ActivityFilter zhaosList;
        zhaosList.userId = t.zhao.userId;
        QVERIFY(svc.listForUser(t.wang, zhaosList)->activities.isEmpty());
        QCOMPARE(svc.listForUser(t.li, zhaosList)->activities.size(), 1);
        QVERIFY(svc.listForUser(t.qian, zhaosList)->activities.isEmpty());

        // Writes: out of scope is not found; in scope but not the author's (or their manager's) is forbidden.
        Activity change;
        change.subject = QStringLiteral("改");
        QCOMPARE(svc.update(t.wang, byZhao, change, {QStringLiteral("subject")}).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.remove(t.qian, byWang).error().code, QStringLiteral("not_found"));
        QVERIFY(svc.update(t.li, byWang, change, {QStringLiteral("subject")}).ok());
        const qint64 byLi = svc.log(t.li, call(wangs)).value().id;
        QVERIFY(svc.get(t.wang, byLi).ok()); // on wang's customer: in his timeline
        QCOMPARE(svc.update(t.wang, byLi, change, {QStringLiteral("subject")}).error().code, QStringLiteral("forbidden"));
        QCOMPARE(svc.remove(t.wang, byLi).error().code, QStringLiteral("forbidden"));
        QCOMPARE(svc.timeline(t.wang, wangs)->activities.size(), 2);
        QVERIFY(svc.remove(t.li, byWang).ok());
        QCOMPARE(svc.get(t.li, byWang).error().code, QStringLiteral("not_found"));
    }

    void lastContactMovesOnlyForward()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        ActivityService svc(*db);
        CustomerService customers(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const Customer before = customer(*db, cust);
        QCOMPARE(before.lastContactAt, 0);

        clock.advance(1000);
        const Activity newest = svc.log(t.wang, call(cust, kNow - kHour)).value();
        Customer c = customer(*db, cust);
        QCOMPARE(c.lastContactAt, kNow - kHour);
        QCOMPARE(c.updatedAt, kNow + 1000);
        QCOMPARE(c.version, before.version); // an open edit of the customer stays valid

        clock.advance(1000);
        QVERIFY(svc.log(t.wang, call(cust, kNow - 5 * kHour)).ok()); // an older call, logged late
        c = customer(*db, cust);
        QCOMPARE(c.lastContactAt, kNow - kHour); // not moved back
        QCOMPARE(c.updatedAt, kNow + 1000); // and the row was not touched
        const qint64 older = svc.timeline(t.wang, cust)->activities.last().id;

        // The manager's edit, started before both calls, still applies.
        Customer edit;
        edit.status = QStringLiteral("active");
        QVERIFY(customers.update(t.li, cust, edit, {QStringLiteral("status")}, before.version).ok());

        // Moving the newest back, or removing it, hands the last contact to the newest remaining one.
        Activity moved;
        moved.occurredAt = kNow - 10 * kHour;
        QVERIFY(svc.update(t.wang, newest.id, moved, {QStringLiteral("occurredAt")}).ok());
        QCOMPARE(customer(*db, cust).lastContactAt, kNow - 5 * kHour);
        moved.occurredAt = kNow;
        QVERIFY(svc.update(t.wang, newest.id, moved, {QStringLiteral("occurredAt")}).ok());
        QCOMPARE(customer(*db, cust).lastContactAt, kNow);
        QVERIFY(svc.remove(t.wang, newest.id).ok());
        QCOMPARE(customer(*db, cust).lastContactAt, kNow - 5 * kHour);
        QVERIFY(svc.remove(t.wang, older).ok());
        QCOMPARE(customer(*db, cust).lastContactAt, 0);
    }

    void updateChecksFieldsAndVersion()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        ActivityService svc(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const Activity a = svc.log(t.wang, call(cust)).value();
        Activity v;
        v.kind = QStringLiteral("visit");
        QCOMPARE(svc.update(t.wang, a.id, v, {QStringLiteral("kind")}).error().code, QStringLiteral("validation.unknown"));
        v.direction = QStringLiteral("up");
        QCOMPARE(svc.update(t.wang, a.id, v, {QStringLiteral("direction")}).error().field, QStringLiteral("direction"));
        v.occurredAt = kNow + 48 * kHour;
        QCOMPARE(svc.update(t.wang, a.id, v, {QStringLiteral("occurredAt")}).error().code, QStringLiteral("validation.range"));

        v.outcome = QStringLiteral("negative");
        v.content = QStringLiteral("客户暂时没有预算");
        auto updated = svc.update(t.wang, a.id, v, {QStringLiteral("outcome"), QStringLiteral("content")}, 1);
        QVERIFY(updated.ok());
        QCOMPARE(updated->version, 2);
        QCOMPARE(updated->outcome, QStringLiteral("negative"));
        QCOMPARE(updated->subject, a.subject); // untouched
        QCOMPARE(svc.update(t.wang, a.id, v, {QStringLiteral("outcome")}, 1).error().code, QStringLiteral("conflict.version"));
        auto trail = AuditLog::history(*db, QStringLiteral("activity"), a.id);
        QStringList fields;
        for (const AuditEntry &e : *trail)
            if (e.action == QLatin1String("update"))
                fields << e.field;
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("content"), QStringLiteral("outcome")}));
    }

    // Keyset pages over equal timestamps: ids break the ties, no row twice, none skipped.
    void timelinePagesWithoutDuplicatesOrGaps()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        ActivityService svc(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 other = newCustomer(*db, t.wang, QStringLiteral("别的客户"));
        QSet<qint64> logged;
        for (int i = 0; i < 23; ++i) {
            const qint64 at = kNow - (i % 5) * kHour; // five timestamps, four or five rows each
            logged.insert(svc.log(t.wang, call(cust, at)).value().id);
            QVERIFY(svc.log(t.wang, call(other, at)).ok()); // another customer's rows interleave
        }
        QVector<Activity> seen;
        std::optional<ActivityCursor> cursor;
        int pages = 0;
        for (;;) {
            auto page = svc.timeline(t.wang, cust, 4, cursor);
            QVERIFY(page.ok());
            ++pages;
            seen += page->activities;
            QCOMPARE(page->hasMore, page->next.has_value());
            if (!page->hasMore)
                break;
            QCOMPARE(page->activities.size(), 4);
            cursor = page->next;
            // A row logged meanwhile further back still turns up, in its place.
            if (pages == 2)
                logged.insert(svc.log(t.wang, call(cust, kNow - 10 * kHour)).value().id);
        }
        QCOMPARE(pages, 6);
        QCOMPARE(seen.size(), 24);
        QSet<qint64> ids;
        for (int i = 0; i < seen.size(); ++i) {
            ids.insert(seen.at(i).id);
            QCOMPARE(seen.at(i).customerId, cust);
            QCOMPARE(seen.at(i).userName, QStringLiteral("wang"));
            if (i > 0) {
                const Activity &prev = seen.at(i - 1), &cur = seen.at(i);
                QVERIFY(prev.occurredAt > cur.occurredAt || (prev.occurredAt == cur.occurredAt && prev.id > cur.id));
            }
        }
        QCOMPARE(ids, logged);
        QCOMPARE(svc.timeline(t.wang, cust, 0).error().field, QStringLiteral("limit"));
        QCOMPARE(svc.timeline(t.wang, cust, 201).error().code, QStringLiteral("validation.range"));
    }

    void opportunityActivitiesFollowBothScopes()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        ActivityService svc(*db);
        const qint64 wangs = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 deal = newOpportunity(*db, wangs, t.wang.userId);
        // Zhao owns a deal on Wang's customer: he sees the deal, not Wang's customer.
        const qint64 zhaosDeal = newOpportunity(*db, wangs, t.zhao.userId);
        auto onDeal = [&](const Actor &by, qint64 opportunity, qint64 at) {
            Activity a = call(wangs, at);
            a.opportunityId = opportunity;
            return svc.log(by, a).value().id;
        };
        QVector<qint64> expected; // newest first
        for (int i = 0; i < 3; ++i)
            expected.prepend(onDeal(t.wang, deal, kNow - (5 - i) * kHour));
        expected.prepend(onDeal(t.li, deal, kNow - kHour)); // by his manager, on his customer
        QVERIFY(svc.log(t.wang, call(wangs, kNow)).ok()); // the customer's, not the deal's
        const qint64 byWangOnZhaos = onDeal(t.wang, zhaosDeal, kNow - 2 * kHour);

        // Two pages of two, newest first, then nothing more.
        auto first = svc.forOpportunity(t.wang, deal, 2);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : errorText(first.error())));
        QVERIFY(first->hasMore);
        auto second = svc.forOpportunity(t.wang, deal, 2, first->next);
        QVERIFY(second.ok());
        QVERIFY(!second->hasMore);
        QVector<qint64> seen;
        for (const Activity &a : first->activities + second->activities) {
            seen << a.id;
            QCOMPARE(a.opportunityId.value(), deal);
            QCOMPARE(a.customerName, QStringLiteral("王的客户"));
        }
        QCOMPARE(seen, expected);

        // The deal's scope: its owner. Out of it, or missing, reads as not found.
        QCOMPARE(svc.forOpportunity(t.zhao, deal).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.forOpportunity(t.qian, deal).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.forOpportunity(t.wang, 987654).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.forOpportunity(t.li, deal)->activities.size(), 4);
        // Zhao sees his deal but not Wang's call on it: neither the customer nor the author is his.
        auto zhaoSees = svc.forOpportunity(t.zhao, zhaosDeal);
        QVERIFY(zhaoSees.ok());
        QVERIFY(zhaoSees->activities.isEmpty());
        QCOMPARE(svc.forOpportunity(t.li, zhaosDeal)->activities.value(0).id, byWangOnZhaos);
        QCOMPARE(svc.forOpportunity(t.wang, deal, 0).error().field, QStringLiteral("limit"));
        Actor noDeals = t.wang;
        noDeals.permissions.remove(Permission::OpportunityRead);
        QCOMPARE(svc.forOpportunity(noDeals, deal).error().code, QStringLiteral("forbidden"));
    }

    void listForUserFiltersByKindAndPages()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        ActivityService svc(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        for (int i = 0; i < 7; ++i) {
            Activity a = call(cust, kNow - (i / 2) * kHour);
            if (i % 2)
                a.kind = QStringLiteral("visit");
            QVERIFY(svc.log(t.wang, a).ok());
        }
        QVERIFY(svc.log(t.li, call(cust)).ok()); // someone else's
        ActivityFilter f;
        f.kind = QStringLiteral("call");
        f.limit = 3;
        auto first = svc.listForUser(t.wang, f);
        QVERIFY(first.ok());
        QCOMPARE(first->activities.size(), 3);
        QVERIFY(first->hasMore);
        f.after = first->next;
        auto second = svc.listForUser(t.wang, f);
        QCOMPARE(second->activities.size(), 1);
        QVERIFY(!second->hasMore);
        QVERIFY(!second->next);
        for (const Activity &a : first->activities + second->activities) {
            QCOMPARE(a.kind, QStringLiteral("call"));
            QCOMPARE(a.userId, t.wang.userId);
        }
        f.kind = QStringLiteral("fax");
        QCOMPARE(svc.listForUser(t.wang, f).error().code, QStringLiteral("validation.unknown"));
    }

    // The exports' whole-scope lists: an activity is in when its customer or its author is in scope
    // (as get() decides), pages follow the id without gaps, filters narrow. Contacts likewise by customer.
    void listInScopeFollowsVisibility()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        ActivityService svc(*db);
        const qint64 wangs = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 qians = newCustomer(*db, t.qian, QStringLiteral("钱的客户"));
        QVERIFY(svc.log(t.wang, call(wangs, kNow - 3 * kHour)).ok());
        QVERIFY(svc.log(t.wang, call(wangs, kNow - 2 * kHour)).ok());
        Activity visit = call(qians, kNow - kHour);
        visit.kind = QStringLiteral("visit");
        QVERIFY(svc.log(t.qian, visit).ok());
        QVERIFY(svc.log(t.sun, call(qians)).ok()); // Sun's, on Qian's customer

        auto all = [&](const Actor &a, ActivityScopeFilter f) {
            QVector<Activity> out;
            f.limit = 1;
            for (int guard = 0; guard < 20; ++guard) {
                auto page = svc.listInScope(a, f);
                if (!page)
                    qFatal("listInScope: %s", qPrintable(page.error().message));
                out += page->activities;
                if (!page->hasMore)
                    break;
                f.afterId = page->activities.constLast().id;
            }
            return out;
        };
        QCOMPARE(all(t.admin, {}).size(), 4);
        QCOMPARE(all(t.li, {}).size(), 2);
        QCOMPARE(all(t.sun, {}).size(), 2);
        const QVector<Activity> wang = all(t.wang, {});
        QCOMPARE(wang.size(), 2);
        QVERIFY(wang[0].id < wang[1].id);
        QCOMPARE(wang[0].customerName, QStringLiteral("王的客户"));
        QCOMPARE(wang[0].userName, QStringLiteral("wang"));
        QCOMPARE(all(t.qian, {}).size(), 2); // his own and Sun's on his customer

        ActivityScopeFilter f;
        f.kind = QStringLiteral("visit");
        QCOMPARE(all(t.admin, f).size(), 1);
        f = {};
        f.userId = t.sun.userId;
        QCOMPARE(all(t.admin, f).size(), 1);
        f = {};
        f.occurredFrom = kNow - 2 * kHour;
        f.occurredTo = kNow;
        QCOMPARE(all(t.admin, f).size(), 2);
        f = {};
        f.limit = 0;
        QCOMPARE(svc.listInScope(t.admin, f).error().code, QStringLiteral("validation.range"));
        Actor noRead = t.wang;
        noRead.permissions.remove(Permission::ActivityRead);
        QCOMPARE(svc.listInScope(noRead, {}).error().code, QStringLiteral("forbidden"));

        ContactService contacts(*db);
        newContact(*db, t.wang, wangs, QStringLiteral("王经理"));
        newContact(*db, t.qian, qians, QStringLiteral("钱先生"));
        QCOMPARE(contacts.listInScope(t.admin, {})->contacts.size(), 2);
        auto mine = contacts.listInScope(t.wang, {});
        QCOMPARE(mine->contacts.size(), 1);
        QCOMPARE(mine->contacts[0].customerName, QStringLiteral("王的客户"));
        ContactScopeFilter one;
        one.customerId = qians;
        QVERIFY(contacts.listInScope(t.li, one)->contacts.isEmpty());
        one.limit = 1;
        one.customerId.reset();
        auto first = contacts.listInScope(t.admin, one);
        QVERIFY(first->hasMore);
        one.afterId = first->contacts[0].id;
        QCOMPARE(contacts.listInScope(t.admin, one)->contacts.size(), 1);
    }

    // A failing last part (here the audit entry) takes the activity and the customer's last contact with it.
    void failedLogLeavesNothing()
    {
        ManualClock clock(kNow);
        ChangeFeed feed;
        CRM_OPEN_DB(db, &clock, &feed);
        Team t = makeTeam(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        QSignalSpy spy(&feed, &ChangeFeed::changed);
        QVERIFY(db->execSql(QStringLiteral("ALTER TABLE audit_log RENAME TO audit_log_off")).ok());
        auto r = ActivityService(*db).log(t.wang, call(cust));
        QVERIFY(db->execSql(QStringLiteral("ALTER TABLE audit_log_off RENAME TO audit_log")).ok());
        QVERIFY(!r.ok());
        QCOMPARE(countRows(*db, QStringLiteral("activities")), 0);
        QCOMPARE(customer(*db, cust).lastContactAt, 0);
        QCOMPARE(spy.count(), 0); // nothing announced for a rolled-back write
        QVERIFY(ActivityService(*db).log(t.wang, call(cust)).ok());
    }
};

QTEST_GUILESS_MAIN(TestActivities)
#include "tst_activities.moc"
