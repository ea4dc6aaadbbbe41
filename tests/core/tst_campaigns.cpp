// Campaigns, their participants and responses, and customer feedback, on SQLite and PostgreSQL.
#include "core/services/AuditLog.h"
#include "core/services/CampaignService.h"
#include "core/services/CustomerService.h"
#include "core/services/FeedbackService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QSqlQuery>

using namespace crm;

namespace {

const QString kVip = QStringLiteral("VIP");

qint64 addCustomer(Database &db, const Actor &owner, const QString &name, const QStringList &tags = {},
                   const QString &city = {}, const QString &status = QStringLiteral("prospect"))
{
    Customer c;
    c.name = name;
    c.tags = tags;
    c.status = status;
    if (!city.isEmpty())
        c.addresses = {Address{{}, QStringLiteral("浙江省"), city, {}, {}, {}, {}, true}};
    auto created = CustomerService(db).create(owner, c);
    if (!created)
        qFatal("create customer %s: %s", qPrintable(name), qPrintable(created.error().message));
    return created->id;
}

Campaign draft(const QString &name)
{
    Campaign c;
    c.name = name;
    c.goal = QStringLiteral("Fifty sign-ups for the spring fair");
    c.startDate = QDate(2024, 3, 1);
    c.endDate = QDate(2024, 3, 31);
    c.budgetMinor = 1'000'000;
    return c;
}

QList<qint64> participantIds(const ParticipantPage &page)
{
    QList<qint64> ids;
    for (const CampaignParticipant &p : page.participants)
        ids << p.customerId;
    return ids;
}

qint64 countRows(Database &db, const QString &sql)
{
    QSqlQuery q = db.prepare(sql);
    if (!db.exec(q) || !q.next())
        qFatal("count failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

// The customers most tests use: li's team (wang, zhao) and qian in sun's team, VIPs and others.
struct Customers
{
    QList<qint64> wangVip, zhaoVip, qianVip;
    qint64 wangPlain = 0;
};

Customers addCustomers(Database &db, const Team &t)
{
    Customers c;
    c.wangVip = {addCustomer(db, t.wang, QStringLiteral("杭州一号"), {kVip}, QStringLiteral("杭州市"), QStringLiteral("active")),
                 addCustomer(db, t.wang, QStringLiteral("杭州二号"), {kVip}, QStringLiteral("杭州市")),
                 addCustomer(db, t.wang, QStringLiteral("宁波一号"), {kVip}, QStringLiteral("宁波市"), QStringLiteral("active"))};
    c.wangPlain = addCustomer(db, t.wang, QStringLiteral("普通客户"), {}, QStringLiteral("杭州市"), QStringLiteral("active"));
    c.zhaoVip = {addCustomer(db, t.zhao, QStringLiteral("赵的客户一"), {kVip}),
                 addCustomer(db, t.zhao, QStringLiteral("赵的客户二"), {kVip}, QStringLiteral("杭州市"), QStringLiteral("active"))};
    c.qianVip = {addCustomer(db, t.qian, QStringLiteral("钱的客户一"), {kVip}, QStringLiteral("杭州市"), QStringLiteral("active")),
                 addCustomer(db, t.qian, QStringLiteral("钱的客户二"), {kVip})};
    return c;
}

} // namespace

class TestCampaigns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createReadUpdateRemove()
    {
        ManualClock clock(1'710'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        CampaignService svc(*db);
        Campaign c = draft(QStringLiteral("  春季展会  "));
        c.target.tag = kVip;
        c.target.statuses = {QStringLiteral("active")};
        c.target.ownerId = t.wang.userId;

        auto refused = svc.create(t.wang, c); // reps read campaigns but do not run them
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("forbidden"));

        auto created = svc.create(t.li, c);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QCOMPARE(created->name, QStringLiteral("春季展会"));
        QCOMPARE(created->version, 1);
        QCOMPARE(created->status, QStringLiteral("planned"));
        QCOMPARE(created->ownerId.value(), t.li.userId);
        QCOMPARE(created->ownerName, QStringLiteral("li"));
        QCOMPARE(created->createdAt, clock.nowMs());
        QCOMPARE(created->startDate, QDate(2024, 3, 1));
        QCOMPARE(created->budgetMinor, 1'000'000);
        QVERIFY(created->target == c.target); // the saved filter survives its JSON round trip
        QCOMPARE(created->target.ownerId.value(), t.wang.userId);

        auto readByRep = svc.get(t.qian, created->id); // company-wide: any user with campaign.read
        QVERIFY(readByRep);
        QCOMPARE(readByRep->goal, c.goal);

        clock.advance(1000);
        Campaign values;
        values.status = QStringLiteral("active");
        values.budgetMinor = 2'000'000;
        auto stale = svc.update(t.li, created->id, values, {QStringLiteral("status")}, 7);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, QStringLiteral("conflict.version"));
        QCOMPARE(svc.get(t.li, created->id)->status, QStringLiteral("planned")); // nothing written

        auto updated = svc.update(t.li, created->id, values, {QStringLiteral("status"), QStringLiteral("budgetMinor")}, 1);
        QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().message));
        QCOMPARE(updated->version, 2);
        QCOMPARE(updated->status, QStringLiteral("active"));
        QCOMPARE(updated->budgetMinor, 2'000'000);
        QCOMPARE(updated->name, QStringLiteral("春季展会")); // fields not named stay
        QCOMPARE(updated->updatedAt, clock.nowMs());
        auto trail = AuditLog::history(*db, QStringLiteral("campaign"), created->id);
        QVERIFY(trail);
        QStringList fields;
        for (const AuditEntry &e : *trail)
            fields << e.field;
        QVERIFY(fields.contains(QStringLiteral("status")));
        QVERIFY(fields.contains(QStringLiteral("budgetMinor")));

        // One date moved past the stored other one.
        Campaign late;
        late.startDate = QDate(2024, 4, 15);
        auto badStart = svc.update(t.li, created->id, late, {QStringLiteral("startDate")});
        QVERIFY(!badStart);
        QCOMPARE(badStart.error().code, QStringLiteral("validation.range"));
        QCOMPARE(badStart.error().field, QStringLiteral("endDate"));

        auto unknownField = svc.update(t.li, created->id, late, {QStringLiteral("ownerId")});
        QVERIFY(!unknownField);
        QCOMPARE(unknownField.error().code, QStringLiteral("validation.unknown"));

        auto second = svc.create(t.admin, draft(QStringLiteral("秋季促销")));
        QVERIFY(second);
        auto page = svc.list(t.wang, {});
        QVERIFY(page);
        QCOMPARE(page->campaigns.size(), 2);
        QCOMPARE(page->campaigns.at(0).name, QStringLiteral("秋季促销")); // newest first
        auto active = svc.list(t.wang, CampaignFilter{QStringLiteral("active"), 50, 0});
        QCOMPARE(active->campaigns.size(), 1);
        auto firstPage = svc.list(t.wang, CampaignFilter{{}, 1, 0});
        QVERIFY(firstPage->hasMore);
        auto nextPage = svc.list(t.wang, CampaignFilter{{}, 1, firstPage->campaigns.at(0).id});
        QCOMPARE(nextPage->campaigns.at(0).id, created->id);
        QVERIFY(!nextPage->hasMore);

        QCOMPARE(svc.remove(t.wang, created->id).error().code, QStringLiteral("forbidden"));
        QVERIFY(svc.remove(t.li, created->id));
        QCOMPARE(svc.get(t.li, created->id).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.remove(t.li, created->id).error().code, QStringLiteral("not_found"));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("name") << "name" << "validation.required";
        QTest::newRow("endDate") << "endDate" << "validation.range";
        QTest::newRow("budget") << "budgetMinor" << "validation.range";
        QTest::newRow("status") << "status" << "validation.invalid";
        QTest::newRow("currency") << "currency" << "validation.format";
        QTest::newRow("targetStatus") << "target.statuses" << "validation.invalid";
        QTest::newRow("targetOwner") << "target.ownerId" << "validation.reference";
    }
    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, code);
        ManualClock clock(1'710'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        Campaign c = draft(QStringLiteral("春季展会"));
        if (field == QLatin1String("name")) c.name = QStringLiteral("   ");
        if (field == QLatin1String("endDate")) c.endDate = QDate(2024, 2, 28);
        if (field == QLatin1String("budgetMinor")) c.budgetMinor = -1;
        if (field == QLatin1String("status")) c.status = QStringLiteral("paused");
        if (field == QLatin1String("currency")) c.currency = QStringLiteral("rmb");
        if (field == QLatin1String("target.statuses")) c.target.statuses = {QStringLiteral("sleeping")};
        if (field == QLatin1String("target.ownerId")) c.target.ownerId = t.qian.userId; // not in li's team
        auto r = CampaignService(*db).create(t.li, c);
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(countRows(*db, QStringLiteral("SELECT COUNT(*) FROM campaigns")), 0);
    }

    void participantsFromTheTargetInOneStatement()
    {
        ManualClock clock(1'710'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        Customers cs = addCustomers(*db, t);
        CampaignService svc(*db);
        Campaign c = draft(QStringLiteral("VIP 答谢会"));
        c.target.tag = kVip;
        auto campaign = svc.create(t.li, c);
        QVERIFY(campaign);

        QCOMPARE(svc.addParticipantsFromFilter(t.wang, campaign->id).error().code, QStringLiteral("forbidden"));
        clock.advance(5000);
        auto added = svc.addParticipantsFromFilter(t.li, campaign->id);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QCOMPARE(*added, 5); // wang's 3 VIPs and zhao's 2; qian's are outside li's team, wangPlain has no tag
        QCOMPARE(countRows(*db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants")), 5);
        // One statement: every row carries the same time, and the audit trail has one entry with the count.
        QCOMPARE(countRows(*db, QStringLiteral("SELECT COUNT(DISTINCT added_at) FROM campaign_participants")), 1);
        QCOMPARE(countRows(*db, QStringLiteral("SELECT MIN(added_at) FROM campaign_participants")), clock.nowMs());
        auto trail = AuditLog::history(*db, QStringLiteral("campaign"), campaign->id);
        int addEntries = 0;
        for (const AuditEntry &e : *trail)
            if (e.action == QLatin1String("add_participants")) {
                ++addEntries;
                QCOMPARE(e.newValue, QStringLiteral("5"));
            }
        QCOMPARE(addEntries, 1);

        auto again = svc.addParticipantsFromFilter(t.li, campaign->id);
        QVERIFY(again);
        QCOMPARE(*again, 0); // already taking part: left as they are

        auto byAdmin = svc.addParticipantsFromFilter(t.admin, campaign->id);
        QCOMPARE(*byAdmin, 2); // the administrator's scope adds qian's

        // Statuses and city together.
        Campaign city = draft(QStringLiteral("杭州活跃客户"));
        city.target.statuses = {QStringLiteral("active")};
        city.target.city = QStringLiteral("杭州市");
        auto hz = svc.create(t.admin, city);
        QCOMPARE(*svc.addParticipantsFromFilter(t.admin, hz->id), 4); // wangVip[0], wangPlain, zhaoVip[1], qianVip[0]
        auto hzPage = svc.participants(t.admin, hz->id);
        QCOMPARE(participantIds(*hzPage),
                 (QList<qint64>{cs.wangVip[0], cs.wangPlain, cs.zhaoVip[1], cs.qianVip[0]}));

        // A target naming an owner.
        Campaign own = draft(QStringLiteral("王的客户"));
        own.target.ownerId = t.wang.userId;
        own.target.tag = kVip;
        auto ownCampaign = svc.create(t.li, own);
        QCOMPARE(*svc.addParticipantsFromFilter(t.li, ownCampaign->id), 3);

        QCOMPARE(svc.addParticipantsFromFilter(t.li, 999999).error().code, QStringLiteral("not_found"));
    }

    void participantsFollowTheCustomerScope()
    {
        ManualClock clock(1'710'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        Customers cs = addCustomers(*db, t);
        CampaignService svc(*db);
        Campaign c = draft(QStringLiteral("VIP 答谢会"));
        c.target.tag = kVip;
        auto campaign = svc.create(t.admin, c);
        QCOMPARE(*svc.addParticipantsFromFilter(t.admin, campaign->id), 7);

        QCOMPARE(participantIds(*svc.participants(t.wang, campaign->id)), cs.wangVip);
        QCOMPARE(participantIds(*svc.participants(t.qian, campaign->id)), cs.qianVip);
        QCOMPARE(svc.participants(t.li, campaign->id)->participants.size(), 5);
        QCOMPARE(svc.participants(t.admin, campaign->id)->participants.size(), 7);

        // Keyset pages over li's five.
        auto first = svc.participants(t.li, campaign->id, ParticipantFilter{{}, 2, 0});
        QCOMPARE(first->participants.size(), 2);
        QVERIFY(first->hasMore);
        QCOMPARE(first->participants.at(0).customerName, QStringLiteral("杭州一号"));
        QCOMPARE(first->participants.at(0).status, QStringLiteral("invited"));
        QList<qint64> seen = participantIds(*first);
        qint64 after = first->participants.last().customerId;
        for (;;) {
            auto next = svc.participants(t.li, campaign->id, ParticipantFilter{{}, 2, after});
            QVERIFY(next);
            seen += participantIds(*next);
            if (!next->hasMore)
                break;
            after = next->participants.last().customerId;
        }
        QCOMPARE(seen, cs.wangVip + cs.zhaoVip);

        // Adding named customers: all in scope or nothing.
        auto outOfScope = svc.addParticipants(t.li, campaign->id, {cs.wangPlain, cs.qianVip[0]});
        QVERIFY(!outOfScope);
        QCOMPARE(outOfScope.error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.participants(t.admin, campaign->id)->participants.size(), 7);
        auto named = svc.addParticipants(t.li, campaign->id, {cs.wangPlain, cs.wangVip[0], cs.wangPlain});
        QVERIFY(named);
        QCOMPARE(*named, 1); // wangVip[0] was already in, wangPlain named twice counts once
        QCOMPARE(svc.addParticipants(t.wang, campaign->id, {cs.wangPlain}).error().code, QStringLiteral("forbidden"));
        QCOMPARE(svc.addParticipants(t.li, 424242, {cs.wangPlain}).error().code, QStringLiteral("not_found"));
    }

    // A rep's "campaigns with my customers": those with a participant in the actor's scope.
    void campaignsWithParticipantsInScope()
    {
        ManualClock clock(1'710'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        Customers cs = addCustomers(*db, t);
        CampaignService svc(*db);
        const qint64 wangs = svc.create(t.admin, draft(QStringLiteral("王的活动")))->id;
        const qint64 qians = svc.create(t.admin, draft(QStringLiteral("钱的活动")))->id;
        const qint64 empty = svc.create(t.admin, draft(QStringLiteral("空活动")))->id;
        const qint64 both = svc.create(t.admin, draft(QStringLiteral("两队活动")))->id;
        QCOMPARE(*svc.addParticipants(t.admin, wangs, {cs.wangPlain}), 1);
        QCOMPARE(*svc.addParticipants(t.admin, qians, {cs.qianVip[0], cs.qianVip[1]}), 2);
        QCOMPARE(*svc.addParticipants(t.admin, both, {cs.zhaoVip[0], cs.qianVip[1]}), 2);
        auto ids = [&](const Actor &actor, bool mine) {
            CampaignFilter f;
            f.withParticipantsInScope = mine;
            const auto page = svc.list(actor, f);
            QList<qint64> out;
            for (const Campaign &k : page->campaigns)
                out << k.id;
            return out;
        };
        QCOMPARE(ids(t.wang, false), (QList<qint64>{both, empty, qians, wangs})); // campaigns are company-wide
        QCOMPARE(ids(t.wang, true), (QList<qint64>{wangs}));
        QCOMPARE(ids(t.zhao, true), (QList<qint64>{both}));
        QCOMPARE(ids(t.qian, true), (QList<qint64>{both, qians}));
        QCOMPARE(ids(t.li, true), (QList<qint64>{both, wangs})); // the team's customers
        QCOMPARE(ids(t.admin, true), (QList<qint64>{both, qians, wangs})); // any participant
        // With the status and keyset filters.
        CampaignFilter page;
        page.withParticipantsInScope = true;
        page.limit = 1;
        auto first = svc.list(t.qian, page);
        QCOMPARE(first->campaigns.at(0).id, both);
        QVERIFY(first->hasMore);
        page.afterId = both;
        auto second = svc.list(t.qian, page);
        QCOMPARE(second->campaigns.at(0).id, qians);
        QVERIFY(!second->hasMore);
        page = {};
        page.withParticipantsInScope = true;
        page.status = QStringLiteral("active");
        QVERIFY(svc.list(t.qian, page)->campaigns.isEmpty()); // drafts are planned
    }

    void responsesAndStats()
    {
        ManualClock clock(1'710'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        Customers cs = addCustomers(*db, t);
        CampaignService svc(*db);
        Campaign c = draft(QStringLiteral("VIP 答谢会"));
        c.target.tag = kVip;
        auto campaign = svc.create(t.admin, c);
        QCOMPARE(*svc.addParticipantsFromFilter(t.admin, campaign->id), 7);
        const qint64 id = campaign->id;

        clock.advance(60'000);
        // A rep records their own customer's answer (customer.write), not another rep's.
        auto responded = svc.recordResponse(t.wang, id, cs.wangVip[0], QStringLiteral("responded"), QStringLiteral(" 会来参加 "));
        QVERIFY2(responded, qPrintable(responded ? QString() : responded.error().message));
        QCOMPARE(responded->status, QStringLiteral("responded"));
        QCOMPARE(responded->response, QStringLiteral("会来参加"));
        QCOMPARE(responded->respondedAt, clock.nowMs());
        QCOMPARE(svc.recordResponse(t.wang, id, cs.zhaoVip[0], QStringLiteral("responded"), {}).error().code,
                 QStringLiteral("not_found"));
        QCOMPARE(svc.recordResponse(t.wang, id, cs.wangPlain, QStringLiteral("responded"), {}).error().code,
                 QStringLiteral("not_found")); // not a participant
        auto badStatus = svc.recordResponse(t.wang, id, cs.wangVip[1], QStringLiteral("maybe"), {});
        QCOMPARE(badStatus.error().code, QStringLiteral("validation.invalid"));
        QCOMPARE(badStatus.error().field, QStringLiteral("status"));

        QVERIFY(svc.recordResponse(t.wang, id, cs.wangVip[1], QStringLiteral("converted"), QStringLiteral("签约")));
        QVERIFY(svc.recordResponse(t.zhao, id, cs.zhaoVip[0], QStringLiteral("declined"), QStringLiteral("没时间")));
        QVERIFY(svc.recordResponse(t.qian, id, cs.qianVip[0], QStringLiteral("converted"), {}));

        auto wangStats = svc.stats(t.wang, id);
        QVERIFY(wangStats);
        QCOMPARE(wangStats->participants, 3);
        QCOMPARE(wangStats->invited, 1);
        QCOMPARE(wangStats->responded, 1);
        QCOMPARE(wangStats->converted, 1);
        QCOMPARE(wangStats->declined, 0);
        auto liStats = svc.stats(t.li, id);
        QCOMPARE(liStats->participants, 5);
        QCOMPARE(liStats->invited, 2);
        QCOMPARE(liStats->responded, 1);
        QCOMPARE(liStats->converted, 1);
        QCOMPARE(liStats->declined, 1);
        auto all = svc.stats(t.admin, id);
        QCOMPARE(all->participants, 7);
        QCOMPARE(all->converted, 2);
        QCOMPARE(svc.stats(t.admin, 5555).error().code, QStringLiteral("not_found"));

        auto converted = svc.participants(t.li, id, ParticipantFilter{QStringLiteral("converted"), 50, 0});
        QCOMPARE(participantIds(*converted), (QList<qint64>{cs.wangVip[1]}));

        // Back to invited withdraws the answer time.
        auto withdrawn = svc.recordResponse(t.li, id, cs.wangVip[0], QStringLiteral("invited"), {});
        QVERIFY(withdrawn);
        QCOMPARE(withdrawn->respondedAt, 0);

        // Removing the campaign removes its participants.
        QVERIFY(svc.remove(t.admin, id));
        QCOMPARE(countRows(*db, QStringLiteral("SELECT COUNT(*) FROM campaign_participants")), 0);
    }

    void feedbackScoresAndAverages()
    {
        ManualClock clock(1'710'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        Customers cs = addCustomers(*db, t);
        auto campaign = CampaignService(*db).create(t.admin, draft(QStringLiteral("满意度回访")));
        FeedbackService fb(*db);

        for (int bad : {0, 6, -1}) {
            auto r = fb.add(t.wang, cs.wangVip[0], bad, {});
            QVERIFY(!r);
            QCOMPARE(r.error().code, QStringLiteral("validation.range"));
            QCOMPARE(r.error().field, QStringLiteral("score"));
        }
        QCOMPARE(fb.add(t.wang, cs.zhaoVip[0], 5, {}).error().code, QStringLiteral("not_found"));
        auto noCampaign = fb.add(t.wang, cs.wangVip[0], 5, {}, 987654);
        QCOMPARE(noCampaign.error().code, QStringLiteral("validation.reference"));
        QCOMPARE(noCampaign.error().field, QStringLiteral("campaignId"));
        QCOMPARE(countRows(*db, QStringLiteral("SELECT COUNT(*) FROM feedback")), 0);

        auto first = fb.add(t.wang, cs.wangVip[0], 5, QStringLiteral(" 服务很好 "), campaign->id);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->score, 5);
        QCOMPARE(first->comment, QStringLiteral("服务很好"));
        QCOMPARE(first->campaignId.value(), campaign->id);
        QCOMPARE(first->userId, t.wang.userId);
        clock.advance(1000);
        QVERIFY(fb.add(t.wang, cs.wangVip[0], 4, QStringLiteral("还可以"), campaign->id));
        clock.advance(1000);
        QVERIFY(fb.add(t.li, cs.wangVip[0], 4, {}));
        QVERIFY(fb.add(t.zhao, cs.zhaoVip[0], 2, {}, campaign->id));
        QVERIFY(fb.add(t.qian, cs.qianVip[0], 1, {}, campaign->id));

        auto list = fb.list(t.wang, cs.wangVip[0]);
        QVERIFY(list);
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(0).userName, QStringLiteral("li")); // newest first
        QVERIFY(!list->at(0).campaignId);
        QCOMPARE(list->at(2).comment, QStringLiteral("服务很好"));
        QCOMPARE(fb.list(t.qian, cs.wangVip[0]).error().code, QStringLiteral("not_found"));

        auto customer = fb.averageForCustomer(t.wang, cs.wangVip[0]);
        QVERIFY(customer);
        QCOMPARE(customer->count, 3);
        QCOMPARE(customer->averageX100, 433); // 13 / 3 = 4.333
        QCOMPARE(customer->perScore[3], 2);
        QCOMPARE(customer->perScore[4], 1);
        QCOMPARE(fb.averageForCustomer(t.zhao, cs.wangVip[0]).error().code, QStringLiteral("not_found"));

        // Per campaign, over the customers in scope: wang sees 5 and 4, li also zhao's 2, admin also qian's 1.
        QCOMPARE(fb.averageForCampaign(t.wang, campaign->id)->averageX100, 450);
        auto team = fb.averageForCampaign(t.li, campaign->id);
        QCOMPARE(team->count, 3);
        QCOMPARE(team->averageX100, 367); // 11 / 3 = 3.667, rounded half up
        auto everyone = fb.averageForCampaign(t.admin, campaign->id);
        QCOMPARE(everyone->count, 4);
        QCOMPARE(everyone->averageX100, 300);
        QCOMPARE(everyone->perScore[0], 1);
        QCOMPARE(fb.averageForCampaign(t.admin, 31337).error().code, QStringLiteral("not_found"));
        auto none = fb.averageForCustomer(t.wang, cs.wangVip[1]);
        QCOMPARE(none->count, 0);
        QCOMPARE(none->averageX100, 0);

        // Deleting the campaign keeps the feedback, without the link.
        QVERIFY(CampaignService(*db).remove(t.admin, campaign->id));
        QCOMPARE(countRows(*db, QStringLiteral("SELECT COUNT(*) FROM feedback")), 5);
        QCOMPARE(countRows(*db, QStringLiteral("SELECT COUNT(*) FROM feedback WHERE campaign_id IS NOT NULL")), 0);
    }
};

QTEST_GUILESS_MAIN(TestCampaigns)
#include "tst_campaigns.moc"
