// Merging two duplicate customers (CustomerMerge) on SQLite and PostgreSQL: everything that pointed at
// the duplicate moves, lists are united, choices applied, and a refused merge changes nothing.
#include "core/services/ActivityService.h"
#include "core/services/AuditLog.h"
#include "core/services/CampaignService.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerMerge.h"
#include "core/services/CustomerService.h"
#include "core/services/FeedbackService.h"
#include "core/services/FollowUpService.h"
#include "core/services/LeadService.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/TaskService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

using namespace crm;

namespace {

constexpr qint64 kNow = 1'700'000'000'000;

qint64 countWhere(Database &db, const QString &table, const QString &column, qint64 id)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM ") + table + QStringLiteral(" WHERE ") + column +
                             QStringLiteral(" = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!db.exec(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

Activity call(qint64 customerId, qint64 at, const QString &subject)
{
    Activity a;
    a.customerId = customerId;
    a.kind = QStringLiteral("call");
    a.subject = subject;
    a.occurredAt = at;
    return a;
}

// Two records of one company: the survivor (created by hand) and the duplicate (from a converted lead),
// each with things hanging off it.
struct Pair
{
    Customer survivor, duplicate;
    qint64 leadId = 0, sharedCampaign = 0, dupCampaign = 0, survivorContact = 0, dupContact = 0, dupOpportunity = 0;
};

Pair makePair(Database &db, const Team &t)
{
    Pair p;
    const auto must = [](bool ok, const char *what) {
        if (!ok)
            qFatal("setup failed: %s", what);
    };
    must(db.execSql(QStringLiteral("INSERT INTO custom_field_defs (entity, field_key, label, field_type, required) VALUES"
                                   " ('customer', 'budget', 'Budget', 'number', 0), ('customer', 'region', 'Region', 'text', 0)"))
             .ok(),
         "custom fields");
    CustomerService customers(db);
    Customer s;
    s.name = QStringLiteral("深圳星河科技有限公司");
    s.company = QStringLiteral("星河科技");
    s.status = QStringLiteral("active");
    s.phones = {Phone{QStringLiteral("13811110000"), QStringLiteral("mobile"), true}};
    s.emails = {Email{QStringLiteral("info@xinghe.cn"), {}, true}};
    s.tags = {QStringLiteral("VIP客户")};
    s.groups = {QStringLiteral("华南")};
    s.customFields = QJsonObject{{QStringLiteral("budget"), 100}};
    auto created = customers.create(t.wang, s);
    must(created.ok(), "survivor");
    const qint64 sid = created->id;

    // The duplicate comes from a lead: a customer with a primary contact, an opportunity and the lead's link.
    Lead lead;
    lead.name = QStringLiteral("张伟");
    lead.company = QStringLiteral("星河电子（深圳）");
    lead.phone = QStringLiteral("13922220000");
    lead.source = QStringLiteral("trade-show");
    auto l = LeadService(db).create(t.wang, lead);
    must(l.ok(), "lead");
    p.leadId = l->id;
    LeadConversion conv;
    conv.amountMinor = 500000;
    auto converted = LeadService(db).convert(t.wang, l->id, conv);
    must(converted.ok(), "convert");
    const qint64 did = converted->customerId;
    p.dupContact = converted->contactId;
    p.dupOpportunity = converted->opportunityId;
    Customer more;
    more.phones = {Phone{QStringLiteral("13922220000"), {}, true}, Phone{QStringLiteral("13811110000"), {}, false}};
    more.emails = {Email{QStringLiteral("sales@xinghe.cn"), {}, true}};
    more.tags = {QStringLiteral("VIP客户"), QStringLiteral("展会")};
    more.groups = {QStringLiteral("展会客户")};
    more.industry = QStringLiteral("电子");
    more.customFields = QJsonObject{{QStringLiteral("budget"), 900}, {QStringLiteral("region"), QStringLiteral("南山")}};
    more.addresses = {Address{{}, QStringLiteral("广东省"), QStringLiteral("深圳市"), QStringLiteral("南山区"), QStringLiteral("科技园路"),
                              QStringLiteral("1号"), {}, true}};
    must(customers.update(t.wang, did, more,
                          {QStringLiteral("phones"), QStringLiteral("emails"), QStringLiteral("tags"), QStringLiteral("groups"),
                           QStringLiteral("industry"), QStringLiteral("customFields"), QStringLiteral("addresses")})
             .ok(),
         "duplicate details");

    Contact k;
    k.customerId = sid;
    k.name = QStringLiteral("李娜");
    k.primary = true;
    auto sk = ContactService(db).add(t.wang, k);
    must(sk.ok(), "survivor contact");
    p.survivorContact = sk->id;

    ActivityService activities(db);
    must(activities.log(t.wang, call(sid, kNow - 50'000, QStringLiteral("first call"))).ok(), "activity s");
    must(activities.log(t.wang, call(did, kNow - 30'000, QStringLiteral("dup call 1"))).ok(), "activity d1");
    must(activities.log(t.wang, call(did, kNow - 10'000, QStringLiteral("dup call 2"))).ok(), "activity d2");

    Task task;
    task.title = QStringLiteral("报价");
    task.customerId = did;
    task.dueAt = kNow + 86'400'000;
    must(TaskService(db).create(t.wang, task).ok(), "task");
    must(FollowUpService(db).schedule(t.wang, did, kNow + 3'600'000, QStringLiteral("call")).ok(), "follow-up");
    must(FeedbackService(db).add(t.wang, did, 4, QStringLiteral("很好")).ok(), "feedback");

    CampaignService campaigns(db);
    Campaign shared;
    shared.name = QStringLiteral("春季展会");
    auto c1 = campaigns.create(t.li, shared);
    must(c1.ok(), "campaign 1");
    Campaign only;
    only.name = QStringLiteral("老客户回访");
    auto c2 = campaigns.create(t.li, only);
    must(c2.ok(), "campaign 2");
    p.sharedCampaign = c1->id;
    p.dupCampaign = c2->id;
    must(campaigns.addParticipants(t.li, c1->id, {sid, did}).ok(), "participants 1");
    must(campaigns.addParticipants(t.li, c2->id, {did}).ok(), "participants 2");
    // Only the duplicate answered in the shared campaign: that answer must survive the merge.
    must(campaigns.recordResponse(t.li, c1->id, did, QStringLiteral("responded"), QStringLiteral("会来")).ok(), "response");

    p.survivor = customers.get(t.admin, sid).value();
    p.duplicate = customers.get(t.admin, did).value();
    return p;
}

} // namespace

class TestCustomerMerge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergeMovesEverythingAndUnitesLists()
    {
        ManualClock clock(kNow);
        ChangeFeed feed;
        CRM_OPEN_DB(db, &clock, &feed);
        Team t = makeTeam(*db);
        const Pair p = makePair(*db, t);
        const qint64 sid = p.survivor.id, did = p.duplicate.id;

        auto preview = CustomerMerge(*db).preview(t.li, sid, did);
        QVERIFY2(preview.ok(), qPrintable(preview.ok() ? QString() : preview.error().message));
        QCOMPARE(preview->secondLinks.activities, 2);
        QCOMPARE(preview->secondLinks.contacts, 1);
        QCOMPARE(preview->secondLinks.opportunities, 1);
        QCOMPARE(preview->secondLinks.tasks, 2); // the task and the follow-up's task
        QCOMPARE(preview->secondLinks.followUps, 1);
        QCOMPARE(preview->secondLinks.campaigns, 2);
        QCOMPARE(preview->secondLinks.feedback, 1);
        QCOMPARE(preview->secondLinks.leads, 1);
        QCOMPARE(preview->firstLinks.activities, 1);

        QSignalSpy spy(&feed, &ChangeFeed::changed);
        clock.advance(1000);
        CustomerMergeRequest r;
        r.survivorId = sid;
        r.duplicateId = did;
        r.survivorVersion = p.survivor.version;
        r.duplicateVersion = p.duplicate.version;
        r.fromDuplicate = {QStringLiteral("industry")};
        r.customFieldsFromDuplicate = {QStringLiteral("region")};
        auto merged = CustomerMerge(*db).merge(t.li, r);
        QVERIFY2(merged.ok(), qPrintable(merged.ok() ? QString() : merged.error().message));

        // Choices: industry from the duplicate, the rest the survivor's; custom fields the survivor's unless chosen.
        const Customer s = CustomerService(*db).get(t.admin, sid).value();
        QCOMPARE(s.name, QStringLiteral("深圳星河科技有限公司"));
        QCOMPARE(s.company, QStringLiteral("星河科技"));
        QCOMPARE(s.status, QStringLiteral("active"));
        QCOMPARE(s.industry, QStringLiteral("电子"));
        QCOMPARE(s.customFields.value(QStringLiteral("budget")).toInt(), 100);
        QCOMPARE(s.customFields.value(QStringLiteral("region")).toString(), QStringLiteral("南山"));
        QCOMPARE(s.version, p.survivor.version + 1);
        QCOMPARE(merged->survivor.version, s.version);
        // Lists united without duplicates; the survivor's primaries stay primary.
        QCOMPARE(s.phones.size(), 2);
        QCOMPARE(s.phones.at(0).number, QStringLiteral("13811110000"));
        QVERIFY(s.phones.at(0).primary);
        QCOMPARE(s.phones.at(1).number, QStringLiteral("13922220000"));
        QVERIFY(!s.phones.at(1).primary);
        QCOMPARE(s.phone, QStringLiteral("13811110000"));
        QCOMPARE(s.emails.size(), 2);
        QCOMPARE(s.email, QStringLiteral("info@xinghe.cn"));
        QStringList tags = s.tags;
        tags.sort();
        QCOMPARE(tags, (QStringList{QStringLiteral("VIP客户"), QStringLiteral("展会")}));
        QCOMPARE(s.groups.size(), 2);
        QCOMPARE(s.addresses.size(), 1); // the survivor had none: the duplicate's became its own
        QCOMPARE(s.city, QStringLiteral("深圳市"));
        QCOMPARE(s.lastContactAt, kNow - 10'000); // the later of the two
        QCOMPARE(s.wonValueMinor, p.survivor.wonValueMinor + p.duplicate.wonValueMinor);

        // The duplicate is gone, and nothing points at it any more.
        QCOMPARE(CustomerService(*db).get(t.admin, did).error().code, QStringLiteral("not_found"));
        for (const auto &[table, column] : {std::pair{"contacts", "customer_id"}, std::pair{"activities", "customer_id"},
                                            std::pair{"opportunities", "customer_id"}, std::pair{"tasks", "customer_id"},
                                            std::pair{"follow_ups", "customer_id"}, std::pair{"campaign_participants", "customer_id"},
                                            std::pair{"feedback", "customer_id"}, std::pair{"leads", "converted_customer_id"},
                                            std::pair{"customer_phones", "customer_id"}, std::pair{"customer_tags", "customer_id"}})
            QVERIFY2(countWhere(*db, QLatin1String(table), QLatin1String(column), did) == 0, table);
        QCOMPARE(countWhere(*db, QStringLiteral("activities"), QStringLiteral("customer_id"), sid), 3);
        QCOMPARE(countWhere(*db, QStringLiteral("opportunities"), QStringLiteral("customer_id"), sid), 1);
        QCOMPARE(countWhere(*db, QStringLiteral("tasks"), QStringLiteral("customer_id"), sid), 2);
        QCOMPARE(countWhere(*db, QStringLiteral("follow_ups"), QStringLiteral("customer_id"), sid), 1);
        QCOMPARE(countWhere(*db, QStringLiteral("feedback"), QStringLiteral("customer_id"), sid), 1);
        QCOMPARE(LeadService(*db).get(t.admin, p.leadId)->convertedCustomerId, sid);
        QCOMPARE(OpportunityService(*db).get(t.admin, p.dupOpportunity)->customerId, sid);
        QCOMPARE(merged->moved.activities, 2);
        QCOMPARE(merged->moved.contacts, 1);
        QCOMPARE(merged->moved.leads, 1);

        // Contacts: both at the survivor, its own still the only primary.
        auto contacts = ContactService(*db).list(t.admin, sid).value();
        QCOMPARE(contacts.size(), 2);
        int primaries = 0;
        for (const Contact &c : contacts)
            if (c.primary) {
                ++primaries;
                QCOMPARE(c.id, p.survivorContact);
            }
        QCOMPARE(primaries, 1);

        // Campaigns: one participation per campaign; the shared one keeps the duplicate's answer.
        auto shared = CampaignService(*db).participants(t.admin, p.sharedCampaign).value().participants;
        QCOMPARE(shared.size(), 1);
        QCOMPARE(shared.at(0).customerId, sid);
        QCOMPARE(shared.at(0).status, QStringLiteral("responded"));
        QCOMPARE(shared.at(0).response, QStringLiteral("会来"));
        auto only = CampaignService(*db).participants(t.admin, p.dupCampaign).value().participants;
        QCOMPARE(only.size(), 1);
        QCOMPARE(only.at(0).customerId, sid);

        // Search finds the survivor by the duplicate's phone (and by a piece of it).
        for (const QString &kw : {QStringLiteral("13922220000"), QStringLiteral("2222")}) {
            CustomerFilter f;
            f.keyword = kw;
            auto found = CustomerService(*db).list(t.li, f).value().customers;
            QCOMPARE(found.size(), 1);
            QCOMPARE(found.at(0).id, sid);
        }
        CustomerFilter byName;
        byName.keyword = QStringLiteral("河电子"); // from the duplicate's name, which was not taken: no match
        QCOMPARE(CustomerService(*db).count(t.li, byName).value(), 0);

        // One audit entry on the survivor naming both ids.
        auto trail = AuditLog::history(*db, QStringLiteral("customer"), sid).value();
        QCOMPARE(trail.first().action, QStringLiteral("merge"));
        QCOMPARE(trail.first().userId, t.li.userId);
        int merges = 0;
        for (const AuditEntry &e : trail)
            merges += e.action == QLatin1String("merge");
        QCOMPARE(merges, 1);
        const QJsonObject summary = QJsonDocument::fromJson(trail.first().newValue.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("survivorId")).toInteger(), sid);
        QCOMPARE(summary.value(QStringLiteral("duplicateId")).toInteger(), did);
        const QJsonObject before = QJsonDocument::fromJson(trail.first().oldValue.toUtf8()).object();
        QCOMPARE(before.value(QStringLiteral("id")).toInteger(), did);
        QCOMPARE(before.value(QStringLiteral("name")).toString(), p.duplicate.name);
        QCOMPARE(AuditLog::history(*db, QStringLiteral("customer"), did).value().first().action, QStringLiteral("update"));

        // Announced after commit: the survivor updated, the duplicate deleted.
        bool updated = false, deleted = false;
        for (const QList<QVariant> &args : spy) {
            const Change c = args.at(0).value<Change>();
            updated |= c.entity == QLatin1String("customer") && c.id == sid && c.kind == QLatin1String("updated");
            deleted |= c.entity == QLatin1String("customer") && c.id == did && c.kind == QLatin1String("deleted");
        }
        QVERIFY(updated);
        QVERIFY(deleted);
    }

    void staleVersionChangesNothing()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        const Pair p = makePair(*db, t);
        Customer edit;
        edit.notes = QStringLiteral("changed meanwhile");
        QVERIFY(CustomerService(*db).update(t.wang, p.duplicate.id, edit, {QStringLiteral("notes")}).ok());

        CustomerMergeRequest r;
        r.survivorId = p.survivor.id;
        r.duplicateId = p.duplicate.id;
        r.survivorVersion = p.survivor.version;
        r.duplicateVersion = p.duplicate.version; // seen before the edit
        auto refused = CustomerMerge(*db).merge(t.li, r);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("conflict.version"));
        r.duplicateVersion = p.duplicate.version + 1;
        r.survivorVersion = p.survivor.version - 1;
        QCOMPARE(CustomerMerge(*db).merge(t.li, r).error().code, QStringLiteral("conflict.version"));

        const Customer s = CustomerService(*db).get(t.admin, p.survivor.id).value();
        QCOMPARE(s.version, p.survivor.version);
        QCOMPARE(s.phones.size(), 1);
        QVERIFY(CustomerService(*db).get(t.admin, p.duplicate.id).ok());
        QCOMPARE(countWhere(*db, QStringLiteral("activities"), QStringLiteral("customer_id"), p.duplicate.id), 2);
        QCOMPARE(countWhere(*db, QStringLiteral("campaign_participants"), QStringLiteral("customer_id"), p.duplicate.id), 2);
        QCOMPARE(countWhere(*db, QStringLiteral("campaign_participants"), QStringLiteral("customer_id"), p.survivor.id), 1);
        const QVector<AuditEntry> trail = AuditLog::history(*db, QStringLiteral("customer"), p.survivor.id).value();
        for (const AuditEntry &e : trail)
            QVERIFY(e.action != QLatin1String("merge"));

        // With the versions it now sees, the same merge goes through.
        r.survivorVersion = p.survivor.version;
        QVERIFY(CustomerMerge(*db).merge(t.li, r).ok());
    }

    void scopeAndPermissions()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        CustomerService customers(*db);
        Customer draft;
        draft.name = QStringLiteral("王的客户");
        const qint64 wangs = customers.create(t.wang, draft).value().id;
        draft.name = QStringLiteral("王的客户（重复）");
        const qint64 wangs2 = customers.create(t.wang, draft).value().id;
        draft.name = QStringLiteral("赵的客户");
        const qint64 zhaos = customers.create(t.zhao, draft).value().id;
        draft.name = QStringLiteral("钱的客户");
        const qint64 qians = customers.create(t.qian, draft).value().id;

        CustomerMergeRequest r;
        r.survivorId = wangs;
        r.duplicateId = wangs2;
        // A plain rep may edit but not delete customers: refused even for their own.
        QCOMPARE(CustomerMerge(*db).merge(t.wang, r).error().code, QStringLiteral("forbidden"));

        // A rep role that may delete still sees only its own customers: another rep's is not found.
        OrgService org(*db);
        QStringList perms = Permission::repDefaults();
        perms << Permission::CustomerDelete;
        auto senior = org.createRole(t.admin, QStringLiteral("senior rep"), DataScope::Own, perms);
        QVERIFY(senior.ok());
        QVERIFY(org.setRole(t.admin, t.wang.userId, senior->id).ok());
        const Actor wang = org.actorFor(t.wang.userId).value();
        r.duplicateId = zhaos;
        QCOMPARE(CustomerMerge(*db).merge(wang, r).error().code, QStringLiteral("not_found"));
        r.survivorId = zhaos;
        r.duplicateId = wangs;
        QCOMPARE(CustomerMerge(*db).merge(wang, r).error().code, QStringLiteral("not_found"));
        QCOMPARE(CustomerMerge(*db).preview(wang, wangs, zhaos).error().code, QStringLiteral("not_found"));
        // A manager cannot reach another team's customer either.
        r.survivorId = zhaos;
        r.duplicateId = qians;
        QCOMPARE(CustomerMerge(*db).merge(t.li, r).error().code, QStringLiteral("not_found"));
        QVERIFY(customers.get(t.admin, zhaos).ok());
        QVERIFY(customers.get(t.admin, qians).ok());

        // A read-only field cannot be taken from the duplicate; taking the owner needs customer.assign.
        QVERIFY(org.setFieldRule(t.admin, senior->id, QStringLiteral("customer"), QStringLiteral("name"), FieldRule::ReadOnly).ok());
        const Actor limited = org.actorFor(t.wang.userId).value();
        r.survivorId = wangs;
        r.duplicateId = wangs2;
        r.fromDuplicate = {QStringLiteral("name")};
        auto readOnly = CustomerMerge(*db).merge(limited, r);
        QCOMPARE(readOnly.error().code, QStringLiteral("forbidden"));
        QCOMPARE(readOnly.error().field, QStringLiteral("name"));
        r.fromDuplicate = {QStringLiteral("id")};
        QCOMPARE(CustomerMerge(*db).merge(limited, r).error().code, QStringLiteral("validation.unknown"));
        r.fromDuplicate.clear();
        r.duplicateId = wangs;
        QCOMPARE(CustomerMerge(*db).merge(limited, r).error().code, QStringLiteral("validation.invalid"));
        QVERIFY(customers.get(t.admin, wangs2).ok());

        // The own pair merges; the survivor keeps its name.
        r.duplicateId = wangs2;
        auto ok = CustomerMerge(*db).merge(limited, r);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
        QCOMPARE(ok->survivor.name, QStringLiteral("王的客户"));

        // The manager may take the duplicate's owner (he holds customer.assign).
        r.survivorId = zhaos;
        draft.name = QStringLiteral("赵的客户 2");
        r.duplicateId = customers.create(t.wang, draft).value().id;
        r.fromDuplicate = {QStringLiteral("ownerId")};
        auto owner = CustomerMerge(*db).merge(t.li, r);
        QVERIFY2(owner.ok(), qPrintable(owner.ok() ? QString() : owner.error().message));
        QCOMPARE(owner->survivor.ownerId.value(), t.wang.userId);
        CustomerFilter mine;
        mine.keyword = QStringLiteral("赵的");
        QCOMPARE(customers.count(wang, mine).value(), 1); // the search index knows the new owner
    }

    // A failure after rows were already moved (here: deleting the duplicate) rolls everything back.
    void lateFailureLeavesBothUnchanged()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        const Pair p = makePair(*db, t);
        const QString blocked = QString::number(p.duplicate.id);
        if (db->isSqlite()) {
            QVERIFY(db->execSql(QStringLiteral("CREATE TRIGGER block_delete BEFORE DELETE ON customers WHEN OLD.id = ") + blocked +
                                QStringLiteral(" BEGIN SELECT RAISE(ABORT, 'blocked by test'); END")).ok());
        } else {
            QVERIFY(db->execSql(QStringLiteral("CREATE FUNCTION block_delete() RETURNS trigger AS $$ BEGIN"
                                               " RAISE EXCEPTION 'blocked by test'; END $$ LANGUAGE plpgsql")).ok());
            QVERIFY(db->execSql(QStringLiteral("CREATE TRIGGER block_delete BEFORE DELETE ON customers FOR EACH ROW WHEN (OLD.id = ") +
                                blocked + QStringLiteral(") EXECUTE FUNCTION block_delete()")).ok());
        }
        CustomerMergeRequest r;
        r.survivorId = p.survivor.id;
        r.duplicateId = p.duplicate.id;
        r.fromDuplicate = {QStringLiteral("industry")};
        auto failed = CustomerMerge(*db).merge(t.li, r);
        QVERIFY(!failed.ok());
        QVERIFY(!failed.error().message.contains(QLatin1String("blocked"))); // no driver text for the user

        const Customer s = CustomerService(*db).get(t.admin, p.survivor.id).value();
        QCOMPARE(s.version, p.survivor.version);
        QCOMPARE(s.industry, p.survivor.industry);
        QCOMPARE(s.phones.size(), 1);
        QCOMPARE(s.lastContactAt, p.survivor.lastContactAt);
        QVERIFY(CustomerService(*db).get(t.admin, p.duplicate.id).ok());
        for (const auto &[table, column, n] : {std::tuple{"contacts", "customer_id", 1}, std::tuple{"activities", "customer_id", 2},
                                               std::tuple{"opportunities", "customer_id", 1}, std::tuple{"tasks", "customer_id", 2},
                                               std::tuple{"follow_ups", "customer_id", 1}, std::tuple{"campaign_participants", "customer_id", 2},
                                               std::tuple{"feedback", "customer_id", 1}, std::tuple{"leads", "converted_customer_id", 1}})
            QVERIFY2(countWhere(*db, QLatin1String(table), QLatin1String(column), p.duplicate.id) == n, table);
        QCOMPARE(countWhere(*db, QStringLiteral("campaign_participants"), QStringLiteral("customer_id"), p.survivor.id), 1);
        const QVector<AuditEntry> trail = AuditLog::history(*db, QStringLiteral("customer"), p.survivor.id).value();
        for (const AuditEntry &e : trail)
            QVERIFY(e.action != QLatin1String("merge"));
        CustomerFilter f;
        f.keyword = QStringLiteral("13922220000");
        const auto found = CustomerService(*db).list(t.admin, f).value().customers;
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).id, p.duplicate.id); // the search index was rolled back too
    }

    void tooManyPhonesRefusedWholly()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        CustomerService customers(*db);
        Customer a, b;
        a.name = QStringLiteral("甲");
        b.name = QStringLiteral("甲（重复）");
        for (int i = 0; i < 12; ++i) {
            a.phones << Phone{QStringLiteral("1380000%1").arg(i, 4, 10, QLatin1Char('0')), {}, false};
            b.phones << Phone{QStringLiteral("1390000%1").arg(i, 4, 10, QLatin1Char('0')), {}, false};
        }
        const Customer sa = customers.create(t.wang, a).value();
        const Customer sb = customers.create(t.wang, b).value();
        QVERIFY(ActivityService(*db).log(t.wang, call(sb.id, kNow - 1000, QStringLiteral("x"))).ok());
        CustomerMergeRequest r;
        r.survivorId = sa.id;
        r.duplicateId = sb.id;
        auto refused = CustomerMerge(*db).merge(t.admin, r);
        QCOMPARE(refused.error().code, QStringLiteral("validation.too_long"));
        QCOMPARE(refused.error().field, QStringLiteral("phones"));
        QCOMPARE(customers.get(t.admin, sa.id)->phones.size(), 12);
        QCOMPARE(customers.get(t.admin, sb.id)->version, sb.version);
        QCOMPARE(countWhere(*db, QStringLiteral("activities"), QStringLiteral("customer_id"), sb.id), 1);
    }
};

QTEST_GUILESS_MAIN(TestCustomerMerge)
#include "tst_customer_merge.moc"
