// Leads and their conversion into customer, contact and opportunity, on SQLite and PostgreSQL.
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/LeadService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QSignalSpy>

using namespace crm;

namespace {

Lead draft(const QString &name, const QString &company = {}, const QString &phone = {})
{
    Lead l;
    l.name = name;
    l.company = company;
    l.phone = phone;
    return l;
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q = db.prepare(sql);
    if (!db.exec(q).ok() || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

QStringList names(const LeadPage &page)
{
    QStringList out;
    for (const Lead &l : page.leads)
        out << l.name;
    return out;
}

// Rows of the tables a conversion writes, to prove a failed one left nothing.
QString footprint(Database &db)
{
    return QStringLiteral("%1/%2/%3/%4/%5")
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM customers")))
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM contacts")))
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM opportunities")))
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM opportunity_stage_history")))
        .arg(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log")));
}

} // namespace

class TestLeads : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createUpdateAndValidate()
    {
        ManualClock clock(1'700'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        LeadService svc(*db);
        Lead d = draft(QStringLiteral(" 张伟 "), QStringLiteral("星河科技"), QStringLiteral("+86 138-1234-5678"));
        d.email = QStringLiteral(" Zhang@XingHe.CN ");
        d.source = QStringLiteral("website-form");
        d.status = QStringLiteral("contacted");
        d.id = 77;
        auto created = svc.create(t.wang, d);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QVERIFY(created->id != 77);
        QCOMPARE(created->name, QStringLiteral("张伟"));
        QCOMPARE(created->phone, QStringLiteral("13812345678"));
        QCOMPARE(created->email, QStringLiteral("zhang@xinghe.cn"));
        QCOMPARE(created->status, QStringLiteral("contacted"));
        QCOMPARE(created->ownerId.value(), t.wang.userId);
        QCOMPARE(created->ownerName, QStringLiteral("wang"));
        QCOMPARE(created->createdBy, t.wang.userId);
        QCOMPARE(created->createdAt, clock.nowMs());
        QCOMPARE(created->version, 1);
        QCOMPARE(svc.get(t.wang, created->id)->source, QStringLiteral("website-form"));

        Lead v;
        v.status = QStringLiteral("qualified");
        auto updated = svc.update(t.wang, created->id, v, {QStringLiteral("status")}, created->version);
        QVERIFY(updated.ok());
        QCOMPARE(updated->status, QStringLiteral("qualified"));
        QCOMPARE(updated->version, 2);
        v.name = QStringLiteral("覆盖");
        QCOMPARE(svc.update(t.li, created->id, v, {QStringLiteral("name")}, created->version).error().code,
                 QStringLiteral("conflict.version"));
        QCOMPARE(svc.get(t.wang, created->id)->name, QStringLiteral("张伟"));
        v.status = QStringLiteral("converted"); // only convert() converts
        QCOMPARE(svc.update(t.wang, created->id, v, {QStringLiteral("status")}).error().field, QStringLiteral("status"));
        QCOMPARE(svc.update(t.wang, created->id, v, {QStringLiteral("budget")}).error().code, QStringLiteral("validation.unknown"));
        auto trail = AuditLog::history(*db, QStringLiteral("lead"), created->id).value();
        QCOMPARE(trail.first().field, QStringLiteral("status"));
        QCOMPARE(trail.last().action, QStringLiteral("create"));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("name") << "name" << "validation.required";
        QTest::newRow("nameLength") << "name" << "validation.too_long";
        QTest::newRow("company") << "company" << "validation.too_long";
        QTest::newRow("phone") << "phone" << "validation.format";
        QTest::newRow("email") << "email" << "validation.format";
        QTest::newRow("status") << "status" << "validation.invalid";
        QTest::newRow("converted") << "status" << "validation.invalid";
        QTest::newRow("owner") << "ownerId" << "validation.reference";
    }
    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, code);
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        Lead d = draft(QStringLiteral("张伟"), {}, QStringLiteral("13812345678"));
        if (row == QLatin1String("name")) d.name = QStringLiteral("  ");
        if (row == QLatin1String("nameLength")) d.name = QString(201, QLatin1Char('x'));
        if (row == QLatin1String("company")) d.company = QString(201, QLatin1Char('x'));
        if (row == QLatin1String("phone")) d.phone = QStringLiteral("12-abc");
        if (row == QLatin1String("email")) d.email = QStringLiteral("not-an-email");
        if (row == QLatin1String("status")) d.status = QStringLiteral("sleeping");
        if (row == QLatin1String("converted")) d.status = QStringLiteral("converted");
        if (row == QLatin1String("owner")) d.ownerId = t.qian.userId; // not in Wang's scope
        auto r = LeadService(*db).create(t.wang, d);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(LeadService(*db).count(t.admin, {}).value(), 0);
    }

    void scopeMatrixAndUnownedLeads()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        LeadService svc(*db);
        const qint64 wangs = svc.create(t.wang, draft(QStringLiteral("王的线索"))).value().id;
        const qint64 zhaos = svc.create(t.zhao, draft(QStringLiteral("赵的线索"))).value().id;
        Lead web = draft(QStringLiteral("网站访客"));
        web.source = QStringLiteral("website-form");
        auto captured = svc.create(Actor::system(), web); // public capture: nobody owns it yet
        QVERIFY(captured.ok());
        QVERIFY(!captured->ownerId);
        const qint64 unowned = captured->id;

        QCOMPARE(names(svc.list(t.wang, {}).value()), QStringList{QStringLiteral("王的线索")});
        QCOMPARE(svc.count(t.wang, {}).value(), 1);
        QCOMPARE(svc.get(t.wang, zhaos).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.wang, unowned).error().code, QStringLiteral("not_found")); // reps see leads once assigned
        Lead v;
        v.name = QStringLiteral("改名");
        QCOMPARE(svc.update(t.wang, zhaos, v, {QStringLiteral("name")}).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.remove(t.wang, zhaos).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.convert(t.wang, zhaos).error().code, QStringLiteral("not_found"));
        // Managers (customer.assign) see their team's and the unowned ones; Qian only her own (none).
        QCOMPARE(svc.count(t.li, {}).value(), 3);
        QCOMPARE(svc.count(t.sun, {}).value(), 1);
        QCOMPARE(svc.count(t.qian, {}).value(), 0);
        QCOMPARE(svc.count(t.admin, {}).value(), 3);
        LeadFilter f;
        f.unownedOnly = true;
        QCOMPARE(names(svc.list(t.li, f).value()), QStringList{QStringLiteral("网站访客")});
        f = {};
        f.source = QStringLiteral("website-form");
        QCOMPARE(svc.count(t.admin, f).value(), 1);
        f = {};
        f.ownerId = t.zhao.userId;
        QCOMPARE(svc.count(t.li, f).value(), 1);

        // Li hands the web lead to Wang, who then sees it; Wang cannot hand it back to the queue.
        v.ownerId = t.wang.userId;
        QVERIFY(svc.update(t.li, unowned, v, {QStringLiteral("ownerId")}).ok());
        QVERIFY(svc.get(t.wang, unowned).ok());
        v.ownerId.reset();
        QCOMPARE(svc.update(t.wang, unowned, v, {QStringLiteral("ownerId")}).error().code, QStringLiteral("forbidden"));
        v.ownerId = t.qian.userId;
        QCOMPARE(svc.update(t.li, unowned, v, {QStringLiteral("ownerId")}).error().code, QStringLiteral("validation.reference"));
        QVERIFY(svc.remove(t.wang, wangs).ok());
        QCOMPARE(svc.count(t.wang, {}).value(), 1);
    }

    void statusFilterAndKeysetPaging()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        LeadService svc(*db);
        QStringList created;
        for (int i = 0; i < 11; ++i) {
            Lead d = draft(QStringLiteral("线索%1").arg(i, 2, 10, QLatin1Char('0')));
            d.status = i % 2 ? QStringLiteral("contacted") : QStringLiteral("new");
            QVERIFY(svc.create(t.wang, d).ok());
            created.prepend(d.name);
        }
        LeadFilter f;
        f.statuses = {QStringLiteral("contacted")};
        QCOMPARE(svc.count(t.wang, f).value(), 5);
        f.statuses = {QStringLiteral("sleeping")};
        QCOMPARE(svc.list(t.wang, f).error().field, QStringLiteral("statuses"));
        f = {};
        f.limit = 4;
        QStringList seen;
        for (int page = 0; page < 5; ++page) {
            auto p = svc.list(t.wang, f).value();
            seen += names(p);
            if (!p.hasMore)
                break;
            f.afterId = p.leads.last().id;
        }
        QCOMPARE(seen, created); // newest first, none twice, none skipped
        f = {};
        f.offset = 8;
        f.limit = 10;
        QCOMPARE(names(svc.list(t.wang, f).value()), created.mid(8));
    }

    void conversionCreatesCustomerContactAndOpportunityTogether()
    {
        ManualClock clock(1'700'000'000'000);
        ChangeFeed feed;
        CRM_OPEN_DB(db, &clock, &feed);
        Team t = makeTeam(*db);
        LeadService svc(*db);
        Lead d = draft(QStringLiteral("张伟"), QStringLiteral("深圳星河科技有限公司"), QStringLiteral("13812345678"));
        d.email = QStringLiteral("zhang@xinghe.cn");
        d.source = QStringLiteral("trade-show");
        d.notes = QStringLiteral("展会上留的名片");
        const Lead lead = svc.create(t.wang, d).value();

        QSignalSpy spy(&feed, &ChangeFeed::changed);
        LeadConversion options;
        options.opportunityName = QStringLiteral("ERP升级项目");
        options.amountMinor = 8'800'000;
        options.expectedCloseDate = QDate(2024, 6, 30);
        clock.advance(60'000);
        auto result = svc.convert(t.li, lead.id, options); // the manager converts Wang's lead
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QVERIFY(result->customerId > 0 && result->contactId > 0 && result->opportunityId > 0);

        const Customer customer = CustomerService(*db).get(t.wang, result->customerId).value();
        QCOMPARE(customer.name, QStringLiteral("深圳星河科技有限公司"));
        QCOMPARE(customer.kind, QStringLiteral("company"));
        QCOMPARE(customer.phone, QStringLiteral("13812345678"));
        QCOMPARE(customer.email, QStringLiteral("zhang@xinghe.cn"));
        QCOMPARE(customer.source, QStringLiteral("trade-show"));
        QCOMPARE(customer.notes, QStringLiteral("展会上留的名片"));
        QCOMPARE(customer.ownerId.value(), t.wang.userId); // stays with the lead's owner

        const QVector<Contact> contacts = ContactService(*db).list(t.wang, result->customerId).value();
        QCOMPARE(contacts.size(), 1);
        QCOMPARE(contacts.at(0).id, result->contactId);
        QCOMPARE(contacts.at(0).name, QStringLiteral("张伟"));
        QCOMPARE(contacts.at(0).phone, QStringLiteral("13812345678"));
        QVERIFY(contacts.at(0).primary);

        const Opportunity opportunity = OpportunityService(*db).get(t.wang, result->opportunityId).value();
        const Pipeline pipeline = PipelineService(*db).list(t.wang).value().first();
        QVERIFY(pipeline.isDefault);
        QCOMPARE(opportunity.stageId, pipeline.stages.first().id);
        QCOMPARE(opportunity.name, QStringLiteral("ERP升级项目"));
        QCOMPARE(opportunity.amountMinor, 8'800'000);
        QCOMPARE(opportunity.expectedCloseDate, QDate(2024, 6, 30));
        QCOMPARE(opportunity.leadId, lead.id);
        QCOMPARE(opportunity.customerId, result->customerId);
        QCOMPARE(opportunity.ownerId.value(), t.wang.userId);

        const Lead converted = svc.get(t.wang, lead.id).value();
        QCOMPARE(converted.status, QStringLiteral("converted"));
        QCOMPARE(converted.convertedAt, clock.nowMs());
        QCOMPARE(converted.convertedCustomerId, result->customerId);
        QCOMPARE(converted.convertedContactId, result->contactId);
        QCOMPARE(converted.convertedOpportunityId, result->opportunityId);
        QCOMPARE(converted.version, lead.version + 1);
        QCOMPARE(AuditLog::history(*db, QStringLiteral("lead"), lead.id).value().first().action, QStringLiteral("convert"));

        // Announced once, after the one commit: customer, contact, opportunity and lead.
        QSet<QString> entities;
        for (const QList<QVariant> &signal : spy)
            entities.insert(signal.at(0).value<Change>().entity);
        QCOMPARE(entities, (QSet<QString>{QStringLiteral("customer"), QStringLiteral("contact"), QStringLiteral("opportunity"),
                                         QStringLiteral("lead")}));

        // Converted once only; and kept as it is.
        const QString before = footprint(*db);
        auto again = svc.convert(t.li, lead.id, options);
        QCOMPARE(again.error().code, QStringLiteral("conflict.state"));
        QCOMPARE(footprint(*db), before);
        Lead v;
        v.notes = QStringLiteral("改");
        QCOMPARE(svc.update(t.wang, lead.id, v, {QStringLiteral("notes")}).error().code, QStringLiteral("conflict.state"));
        QCOMPARE(svc.remove(t.li, lead.id).error().code, QStringLiteral("conflict.state"));

        // Deleting the opportunity later leaves the lead's other links.
        QVERIFY(OpportunityService(*db).remove(t.li, result->opportunityId).ok());
        const Lead after = svc.get(t.wang, lead.id).value();
        QCOMPARE(after.convertedOpportunityId, 0);
        QCOMPARE(after.convertedCustomerId, result->customerId);
    }

    void personLeadWithoutOpportunity()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        LeadService svc(*db);
        const qint64 id = svc.create(t.wang, draft(QStringLiteral("王芳"), {}, QStringLiteral("13900001111"))).value().id;
        LeadConversion options;
        options.createOpportunity = false;
        auto result = svc.convert(t.wang, id, options);
        QVERIFY(result.ok());
        QCOMPARE(result->opportunityId, 0);
        const Customer customer = CustomerService(*db).get(t.wang, result->customerId).value();
        QCOMPARE(customer.name, QStringLiteral("王芳"));
        QCOMPARE(customer.kind, QStringLiteral("person"));
        QCOMPARE(customer.ownerId.value(), t.wang.userId);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 0);
        QCOMPARE(svc.get(t.wang, id)->convertedOpportunityId, 0);
    }

    void conversionIntoAnotherPipeline()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        LeadService svc(*db);
        const qint64 id = svc.create(t.wang, draft(QStringLiteral("李娜"), QStringLiteral("北辰贸易"))).value().id;
        const Pipeline renewals = PipelineService(*db).list(t.wang).value().at(1);
        LeadConversion options;
        options.pipelineId = renewals.id;
        auto result = svc.convert(t.wang, id, options);
        QVERIFY(result.ok());
        const Opportunity o = OpportunityService(*db).get(t.wang, result->opportunityId).value();
        QCOMPARE(o.pipelineId, renewals.id);
        QCOMPARE(o.stageName, QStringLiteral("due"));
        QCOMPARE(o.name, QStringLiteral("北辰贸易")); // named after the customer when no name is given
        options.pipelineId = 987654;
        const qint64 other = svc.create(t.wang, draft(QStringLiteral("赵六"))).value().id;
        QCOMPARE(svc.convert(t.wang, other, options).error().field, QStringLiteral("pipelineId"));
    }

    // A failure at the last step (the opportunity) undoes the customer and contact made before it.
    void failedConversionLeavesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("amount") << "amountMinor" << "validation.range";
        QTest::newRow("currency") << "currency" << "validation.format";
        QTest::newRow("name") << "opportunityName" << "validation.too_long";
    }
    void failedConversionLeavesNothing()
    {
        QFETCH(QString, field);
        QFETCH(QString, code);
        ChangeFeed feed;
        CRM_OPEN_DB(db, nullptr, &feed);
        Team t = makeTeam(*db);
        LeadService svc(*db);
        const Lead lead = svc.create(t.wang, draft(QStringLiteral("张伟"), QStringLiteral("星河科技"), QStringLiteral("13812345678"))).value();
        const QString before = footprint(*db);
        QSignalSpy spy(&feed, &ChangeFeed::changed);
        LeadConversion options;
        if (field == QLatin1String("amountMinor")) options.amountMinor = -1;
        if (field == QLatin1String("currency")) options.currency = QStringLiteral("rmb");
        if (field == QLatin1String("opportunityName")) options.opportunityName = QString(201, QLatin1Char('x'));
        auto result = svc.convert(t.wang, lead.id, options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().field, field);
        QCOMPARE(footprint(*db), before); // no customer, contact, opportunity, history or audit row
        QCOMPARE(spy.count(), 0); // nothing announced
        const Lead after = svc.get(t.wang, lead.id).value();
        QCOMPARE(after.status, QStringLiteral("new"));
        QCOMPARE(after.convertedCustomerId, 0);
        QCOMPARE(after.version, lead.version);
        // Once fixed, the same lead converts.
        options = {};
        QVERIFY(svc.convert(t.wang, lead.id, options).ok());
    }

    void conversionNeedsThePermissions()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const qint64 id = LeadService(*db).create(t.wang, draft(QStringLiteral("张伟"))).value().id;
        Actor readOnly = t.wang;
        readOnly.permissions.remove(Permission::OpportunityWrite);
        QCOMPARE(LeadService(*db).convert(readOnly, id).error().code, QStringLiteral("forbidden"));
        LeadConversion noOpportunity;
        noOpportunity.createOpportunity = false;
        QVERIFY(LeadService(*db).convert(readOnly, id, noOpportunity).ok());
    }
};

QTEST_GUILESS_MAIN(TestLeads)
#include "tst_leads.moc"
