// Pipelines, opportunities, stage history, won value and the pipeline summary on SQLite and PostgreSQL.
#include "core/services/AuditLog.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QSignalSpy>

using namespace crm;

namespace {

// Stage ids by "Pipeline/stage" name, read through the service like any surface would.
struct Stages
{
    QHash<QString, qint64> ids;
    qint64 pipelineNew = 0, pipelineRenewals = 0;
    qint64 operator[](const char *key) const
    {
        const qint64 id = ids.value(QLatin1String(key));
        if (!id)
            qFatal("no stage %s", key);
        return id;
    }
};

Stages stagesOf(Database &db, const Actor &actor)
{
    Stages s;
    const auto pipelines = PipelineService(db).list(actor);
    if (!pipelines)
        qFatal("pipelines: %s", qPrintable(pipelines.error().message));
    for (const Pipeline &p : *pipelines) {
        if (p.name == QLatin1String("New business"))
            s.pipelineNew = p.id;
        if (p.name == QLatin1String("Renewals"))
            s.pipelineRenewals = p.id;
        for (const Stage &stage : p.stages)
            s.ids.insert(p.name + QLatin1Char('/') + stage.name, stage.id);
    }
    return s;
}

qint64 newCustomer(Database &db, const Actor &owner, const QString &name)
{
    Customer c;
    c.name = name;
    auto created = CustomerService(db).create(owner, c);
    if (!created)
        qFatal("customer: %s", qPrintable(created.error().message));
    return created->id;
}

Opportunity draft(qint64 customerId, qint64 stageId, const QString &name, qint64 amount = 0)
{
    Opportunity o;
    o.customerId = customerId;
    o.stageId = stageId;
    o.name = name;
    o.amountMinor = amount;
    return o;
}

qint64 wonValue(Database &db, qint64 customerId)
{
    return CustomerService(db).get(Actor::system(), customerId).value().wonValueMinor;
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q = db.prepare(sql);
    if (!db.exec(q).ok() || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

QStringList names(const OpportunityPage &page)
{
    QStringList out;
    for (const Opportunity &o : page.opportunities)
        out << o.name;
    return out;
}

} // namespace

class TestOpportunities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seededPipelinesAreListedInOrder()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        auto pipelines = PipelineService(*db).list(t.wang);
        QVERIFY(pipelines.ok());
        QCOMPARE(pipelines->size(), 2);
        const Pipeline &first = pipelines->at(0);
        QCOMPARE(first.name, QStringLiteral("New business"));
        QVERIFY(first.isDefault);
        QStringList stages, kinds;
        for (const Stage &s : first.stages) {
            stages << s.name;
            kinds << s.kind;
        }
        QCOMPARE(stages.join(QLatin1Char(',')), QStringLiteral("lead,qualified,proposal,negotiation,won,lost"));
        QCOMPARE(kinds.join(QLatin1Char(',')), QStringLiteral("open,open,open,open,won,lost"));
        QCOMPARE(pipelines->at(1).name, QStringLiteral("Renewals"));
        QVERIFY(!pipelines->at(1).isDefault);
        Actor nobody;
        QCOMPARE(PipelineService(*db).list(nobody).error().code, QStringLiteral("forbidden"));
    }

    void administratorsEditPipelines()
    {
        ChangeFeed feed;
        CRM_OPEN_DB(db, nullptr, &feed);
        Team t = makeTeam(*db);
        PipelineService svc(*db);
        auto stage = [](const QString &name, int probability, const QString &kind) {
            Stage s;
            s.name = name;
            s.probability = probability;
            s.kind = kind;
            return s;
        };
        const QVector<Stage> stages = {stage(QStringLiteral("意向"), 20, QStringLiteral("open")),
                                       stage(QStringLiteral("成交"), 100, QStringLiteral("won")),
                                       stage(QStringLiteral("流失"), 0, QStringLiteral("lost"))};
        QCOMPARE(svc.create(t.li, QStringLiteral("渠道"), stages).error().code, QStringLiteral("forbidden"));
        QCOMPARE(svc.create(t.admin, QStringLiteral("  "), stages).error().field, QStringLiteral("name"));
        auto bad = svc.create(t.admin, QStringLiteral("渠道"), {stage(QStringLiteral("x"), 150, QStringLiteral("open"))});
        QCOMPARE(bad.error().code, QStringLiteral("validation.range"));
        QCOMPARE(bad.error().field, QStringLiteral("stages.probability"));
        bad = svc.create(t.admin, QStringLiteral("渠道"), {stages[0], stages[1]});
        QCOMPARE(bad.error().code, QStringLiteral("validation.invalid")); // no lost stage
        QCOMPARE(bad.error().field, QStringLiteral("stages"));
        QCOMPARE(svc.create(t.admin, QStringLiteral("Renewals"), stages).error().code, QStringLiteral("conflict.duplicate"));

        QSignalSpy spy(&feed, &ChangeFeed::changed);
        auto created = svc.create(t.admin, QStringLiteral("渠道"), stages);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(spy.count(), 1);
        QVERIFY(!created->isDefault);
        QCOMPARE(created->stages.size(), 3);
        const qint64 pid = created->id;
        const int v1 = created->version;

        // A new open stage goes before the closing ones unless a position is given.
        auto added = svc.addStage(t.admin, pid, stage(QStringLiteral("报价"), 60, QStringLiteral("open")));
        QVERIFY(added.ok());
        QCOMPARE(added->stages.at(1).name, QStringLiteral("报价"));
        QCOMPARE(added->stages.at(1).position, 1);
        QCOMPARE(added->stages.at(3).position, 3);
        QVERIFY(added->version > v1);
        QCOMPARE(svc.addStage(t.admin, pid, stage(QStringLiteral("报价"), 10, QStringLiteral("open"))).error().code,
                 QStringLiteral("conflict.duplicate"));
        // Editing a stale copy of the pipeline is refused.
        QCOMPARE(svc.addStage(t.admin, pid, stage(QStringLiteral("谈判"), 70, QStringLiteral("open")), 0, v1).error().code,
                 QStringLiteral("conflict.version"));

        const qint64 quote = added->stages.at(1).id;
        Stage rename;
        rename.name = QStringLiteral("方案报价");
        rename.probability = 55;
        auto renamed = svc.updateStage(t.admin, quote, rename, {QStringLiteral("name"), QStringLiteral("probability")});
        QVERIFY(renamed.ok());
        QCOMPARE(renamed->stages.at(1).name, QStringLiteral("方案报价"));
        QCOMPARE(renamed->stages.at(1).probability, 55);
        rename.kind = QStringLiteral("won");
        QCOMPARE(svc.updateStage(t.admin, quote, rename, {QStringLiteral("kind")}).error().code, QStringLiteral("validation.invalid"));
        rename.name = QStringLiteral("意向");
        QCOMPARE(svc.updateStage(t.admin, quote, rename, {QStringLiteral("name")}).error().code, QStringLiteral("conflict.duplicate"));
        QCOMPARE(svc.updateStage(t.wang, quote, rename, {QStringLiteral("name")}).error().code, QStringLiteral("forbidden"));

        QVector<qint64> order;
        for (const Stage &s : renamed->stages)
            order.prepend(s.id);
        QCOMPARE(svc.reorderStages(t.admin, pid, order.mid(1)).error().field, QStringLiteral("stageIds"));
        auto reordered = svc.reorderStages(t.admin, pid, order, renamed->version);
        QVERIFY(reordered.ok());
        QCOMPARE(reordered->stages.first().name, QStringLiteral("流失"));
        for (int i = 0; i < reordered->stages.size(); ++i)
            QCOMPARE(reordered->stages.at(i).position, i);

        // A stage in use cannot go; neither can the last stage of a kind.
        const qint64 customer = newCustomer(*db, t.wang, QStringLiteral("星河科技"));
        auto opp = OpportunityService(*db).create(t.wang, draft(customer, quote, QStringLiteral("年度采购"), 1000));
        QVERIFY(opp.ok());
        auto inUse = svc.removeStage(t.admin, quote);
        QCOMPARE(inUse.error().code, QStringLiteral("conflict.in_use"));
        const qint64 lost = reordered->stages.first().id;
        QCOMPARE(svc.removeStage(t.admin, lost).error().code, QStringLiteral("conflict.state"));
        QVERIFY(OpportunityService(*db).remove(t.admin, opp->id).ok());
        auto removed = svc.removeStage(t.admin, quote);
        QVERIFY(removed.ok());
        QCOMPARE(removed->stages.size(), 3);
        for (int i = 0; i < removed->stages.size(); ++i)
            QCOMPARE(removed->stages.at(i).position, i);
        auto trail = AuditLog::history(*db, QStringLiteral("pipeline"), pid).value();
        QCOMPARE(trail.last().action, QStringLiteral("create"));
        QCOMPARE(trail.first().field, QStringLiteral("stages"));
    }

    void createAndReadBack()
    {
        ManualClock clock(1'700'000'000'000);
        ChangeFeed feed;
        CRM_OPEN_DB(db, &clock, &feed);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        const qint64 customer = newCustomer(*db, t.wang, QStringLiteral("深圳星河科技有限公司"));
        OpportunityService svc(*db);
        QSignalSpy spy(&feed, &ChangeFeed::changed);
        Opportunity d = draft(customer, s["New business/qualified"], QStringLiteral("  ERP升级项目 "), 12'345'678);
        d.expectedCloseDate = QDate(2024, 3, 31);
        d.notes = QStringLiteral("预算已批");
        d.id = 999; // ids, versions, times and status are the server's
        d.version = 42;
        d.status = QStringLiteral("won");
        d.createdAt = 5;
        auto created = svc.create(t.wang, d);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QVERIFY(created->id != 999);
        QCOMPARE(created->version, 1);
        QCOMPARE(created->name, QStringLiteral("ERP升级项目"));
        QCOMPARE(created->customerName, QStringLiteral("深圳星河科技有限公司"));
        QCOMPARE(created->pipelineId, s.pipelineNew);
        QCOMPARE(created->stageName, QStringLiteral("qualified"));
        QCOMPARE(created->status, QStringLiteral("open"));
        QCOMPARE(created->amountMinor, 12'345'678);
        QCOMPARE(created->currency, QStringLiteral("CNY")); // the company currency
        QCOMPARE(created->probability, 25); // the stage's
        QCOMPARE(created->expectedCloseDate, QDate(2024, 3, 31));
        QCOMPARE(created->ownerId.value(), t.wang.userId);
        QCOMPARE(created->ownerName, QStringLiteral("wang"));
        QCOMPARE(created->createdAt, clock.nowMs());
        QCOMPARE(created->stageEnteredAt, clock.nowMs());
        QCOMPARE(created->closedAt, 0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Change>().entity, QStringLiteral("opportunity"));
        QCOMPARE(spy.at(0).at(0).value<Change>().kind, QStringLiteral("created"));

        auto loaded = svc.get(t.wang, created->id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->notes, QStringLiteral("预算已批"));
        auto history = svc.stageHistory(t.wang, created->id).value();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(0).fromStageId, 0);
        QCOMPARE(history.at(0).toStageName, QStringLiteral("qualified"));
        QCOMPARE(history.at(0).userId, t.wang.userId);
        QCOMPARE(history.at(0).at, clock.nowMs());
        QCOMPARE(AuditLog::history(*db, QStringLiteral("opportunity"), created->id).value().first().action, QStringLiteral("create"));

        // An explicit probability and currency are kept.
        d.probability = 0;
        d.currency = QStringLiteral("USD");
        auto usd = svc.create(t.wang, d);
        QVERIFY(usd.ok());
        QCOMPARE(usd->probability, 0);
        QCOMPARE(usd->currency, QStringLiteral("USD"));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("name") << "name" << "validation.required";
        QTest::newRow("nameLength") << "name" << "validation.too_long";
        QTest::newRow("customerMissing") << "customerId" << "validation.required";
        QTest::newRow("customerOutOfScope") << "customerId" << "validation.reference";
        QTest::newRow("amountNegative") << "amountMinor" << "validation.range";
        QTest::newRow("amountHuge") << "amountMinor" << "validation.range";
        QTest::newRow("probabilityHigh") << "probability" << "validation.range";
        QTest::newRow("probabilityNegative") << "probability" << "validation.range";
        QTest::newRow("currencyLower") << "currency" << "validation.format";
        QTest::newRow("currencyLong") << "currency" << "validation.format";
        QTest::newRow("stageMissing") << "stageId" << "validation.required";
        QTest::newRow("stageUnknown") << "stageId" << "validation.unknown";
        QTest::newRow("closeDate") << "expectedCloseDate" << "validation.range";
        QTest::newRow("lossReason") << "lossReason" << "validation.required";
        QTest::newRow("ownerOutOfScope") << "ownerId" << "validation.reference";
    }
    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, code);
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        const qint64 mine = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 qians = newCustomer(*db, t.qian, QStringLiteral("钱的客户"));
        Opportunity d = draft(mine, s["New business/lead"], QStringLiteral("年度采购"), 100);
        if (row == QLatin1String("name")) d.name = QStringLiteral("  ");
        if (row == QLatin1String("nameLength")) d.name = QString(201, QLatin1Char('x'));
        if (row == QLatin1String("customerMissing")) d.customerId = 0;
        if (row == QLatin1String("customerOutOfScope")) d.customerId = qians;
        if (row == QLatin1String("amountNegative")) d.amountMinor = -1;
        if (row == QLatin1String("amountHuge")) d.amountMinor = OpportunityService::MaxAmountMinor + 1;
        if (row == QLatin1String("probabilityHigh")) d.probability = 101;
        if (row == QLatin1String("probabilityNegative")) d.probability = -5;
        if (row == QLatin1String("currencyLower")) d.currency = QStringLiteral("cny");
        if (row == QLatin1String("currencyLong")) d.currency = QStringLiteral("CNYY");
        if (row == QLatin1String("stageMissing")) d.stageId = 0;
        if (row == QLatin1String("stageUnknown")) d.stageId = 987654;
        if (row == QLatin1String("closeDate")) d.expectedCloseDate = QDate(3500, 1, 1);
        if (row == QLatin1String("lossReason")) d.stageId = s["New business/lost"];
        if (row == QLatin1String("ownerOutOfScope")) d.ownerId = t.qian.userId;
        auto r = OpportunityService(*db).create(t.wang, d);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(OpportunityService(*db).count(t.admin, {}).value(), 0); // nothing half-written
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM opportunity_stage_history")), 0);
    }

    void updateValidatesAndAudits()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        const qint64 customer = newCustomer(*db, t.wang, QStringLiteral("星河科技"));
        OpportunityService svc(*db);
        const Opportunity o = svc.create(t.wang, draft(customer, s["New business/lead"], QStringLiteral("设备更新"), 500)).value();
        Opportunity v;
        v.amountMinor = -3;
        QCOMPARE(svc.update(t.wang, o.id, v, {QStringLiteral("amountMinor")}).error().field, QStringLiteral("amountMinor"));
        QCOMPARE(svc.update(t.wang, o.id, v, {QStringLiteral("stageId")}).error().code, QStringLiteral("validation.invalid"));
        QCOMPARE(svc.update(t.wang, o.id, v, {QStringLiteral("colour")}).error().code, QStringLiteral("validation.unknown"));
        v.lossReason = QStringLiteral("价格太高");
        QCOMPARE(svc.update(t.wang, o.id, v, {QStringLiteral("lossReason")}).error().code, QStringLiteral("validation.invalid"));
        v.amountMinor = 700;
        v.probability = 40;
        v.expectedCloseDate = QDate(2025, 6, 30);
        v.name = QStringLiteral("设备更新"); // unchanged: no audit row
        auto updated = svc.update(t.wang, o.id, v,
                                  {QStringLiteral("amountMinor"), QStringLiteral("probability"), QStringLiteral("expectedCloseDate"),
                                   QStringLiteral("name")},
                                  o.version);
        QVERIFY(updated.ok());
        QCOMPARE(updated->amountMinor, 700);
        QCOMPARE(updated->probability, 40);
        QCOMPARE(updated->expectedCloseDate, QDate(2025, 6, 30));
        QCOMPARE(updated->version, o.version + 1);
        QStringList fields;
        const QVector<AuditEntry> trail = AuditLog::history(*db, QStringLiteral("opportunity"), o.id).value();
        for (const AuditEntry &e : trail)
            if (e.action == QLatin1String("update"))
                fields << e.field;
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("amountMinor"), QStringLiteral("expectedCloseDate"), QStringLiteral("probability")}));
        // Clearing the date stores no date.
        v.expectedCloseDate = {};
        QVERIFY(!svc.update(t.wang, o.id, v, {QStringLiteral("expectedCloseDate")})->expectedCloseDate.isValid());
    }

    void scopeMatrix()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        OpportunityService svc(*db);
        const qint64 wangsCustomer = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 zhaosCustomer = newCustomer(*db, t.zhao, QStringLiteral("赵的客户"));
        const qint64 wangs = svc.create(t.wang, draft(wangsCustomer, s["New business/lead"], QStringLiteral("王的商机"), 100)).value().id;
        const qint64 zhaos = svc.create(t.zhao, draft(zhaosCustomer, s["New business/lead"], QStringLiteral("赵的商机"), 200)).value().id;

        // Wang reads, lists, counts, changes and moves only his own; Zhao's reads as missing.
        QVERIFY(svc.get(t.wang, wangs).ok());
        QCOMPARE(svc.get(t.wang, zhaos).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.wang, 424242).error().code, QStringLiteral("not_found"));
        QCOMPARE(names(svc.list(t.wang, {}).value()), QStringList{QStringLiteral("王的商机")});
        QCOMPARE(svc.count(t.wang, {}).value(), 1);
        Opportunity change;
        change.name = QStringLiteral("改名");
        QCOMPARE(svc.update(t.wang, zhaos, change, {QStringLiteral("name")}).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.moveStage(t.wang, zhaos, s["New business/qualified"]).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.stageHistory(t.wang, zhaos).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.remove(t.wang, wangs).error().code, QStringLiteral("forbidden")); // reps cannot delete
        // ...nor hand his to Zhao, nor open one on Zhao's customer.
        change.ownerId = t.zhao.userId;
        QCOMPARE(svc.update(t.wang, wangs, change, {QStringLiteral("ownerId")}).error().code, QStringLiteral("validation.reference"));
        QCOMPARE(svc.create(t.wang, draft(zhaosCustomer, s["New business/lead"], QStringLiteral("x"))).error().field,
                 QStringLiteral("customerId"));

        // Li manages both; Qian (another team) sees neither.
        QCOMPARE(svc.count(t.li, {}).value(), 2);
        QVERIFY(svc.get(t.li, zhaos).ok());
        QVERIFY(svc.update(t.li, wangs, change, {QStringLiteral("ownerId")}).ok()); // reassigned to Zhao
        QCOMPARE(svc.get(t.wang, wangs).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.count(t.zhao, {}).value(), 2);
        QCOMPARE(svc.count(t.qian, {}).value(), 0);
        QCOMPARE(svc.list(t.qian, {}).value().opportunities.size(), 0);
        QCOMPARE(svc.get(t.qian, zhaos).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.remove(t.sun, zhaos).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.pipelineSummary(t.qian, s.pipelineNew).value().openCount, 0);
        QCOMPARE(svc.pipelineSummary(t.li, s.pipelineNew).value().openCount, 2);
        QCOMPARE(svc.count(t.admin, {}).value(), 2);
        QVERIFY(svc.remove(t.li, zhaos).ok());
        QCOMPARE(svc.count(t.admin, {}).value(), 1);
    }

    void staleVersionIsRejected()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        OpportunityService svc(*db);
        const qint64 customer = newCustomer(*db, t.wang, QStringLiteral("星河科技"));
        const Opportunity o = svc.create(t.wang, draft(customer, s["New business/lead"], QStringLiteral("年度采购"), 100)).value();
        Opportunity a;
        a.amountMinor = 150;
        QVERIFY(svc.update(t.wang, o.id, a, {QStringLiteral("amountMinor")}, o.version).ok());
        Opportunity b;
        b.name = QStringLiteral("覆盖");
        auto second = svc.update(t.li, o.id, b, {QStringLiteral("name")}, o.version);
        QCOMPARE(second.error().code, QStringLiteral("conflict.version"));
        auto moved = svc.moveStage(t.li, o.id, s["New business/won"], o.version);
        QCOMPARE(moved.error().code, QStringLiteral("conflict.version"));
        const Opportunity now = svc.get(t.wang, o.id).value();
        QCOMPARE(now.name, QStringLiteral("年度采购"));
        QCOMPARE(now.amountMinor, 150);
        QCOMPARE(now.status, QStringLiteral("open"));
        QCOMPARE(now.version, o.version + 1);
        QCOMPARE(svc.stageHistory(t.wang, o.id)->size(), 1);
        QCOMPARE(wonValue(*db, customer), 0);
    }

    void stageMovesKeepHistoryAndWonValueExact()
    {
        ManualClock clock(1'700'000'000'000);
        ChangeFeed feed;
        CRM_OPEN_DB(db, &clock, &feed);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        OpportunityService svc(*db);
        const qint64 customer = newCustomer(*db, t.wang, QStringLiteral("星河科技"));
        const qint64 other = newCustomer(*db, t.wang, QStringLiteral("北辰贸易"));
        const Opportunity a = svc.create(t.wang, draft(customer, s["New business/lead"], QStringLiteral("甲"), 12345)).value();
        const Opportunity b = svc.create(t.wang, draft(customer, s["New business/proposal"], QStringLiteral("乙"), 67890)).value();

        clock.advance(3'600'000);
        QSignalSpy spy(&feed, &ChangeFeed::changed);
        auto moved = svc.moveStage(t.wang, a.id, s["New business/qualified"], a.version);
        QVERIFY(moved.ok());
        QCOMPARE(moved->stageName, QStringLiteral("qualified"));
        QCOMPARE(moved->probability, 25);
        QCOMPARE(moved->stageEnteredAt, clock.nowMs());
        QCOMPARE(moved->version, a.version + 1);
        QCOMPARE(spy.count(), 1); // no won value change, so no customer announcement

        clock.advance(3'600'000);
        auto won = svc.moveStage(t.wang, a.id, s["New business/won"]);
        QVERIFY(won.ok());
        QCOMPARE(won->status, QStringLiteral("won"));
        QCOMPARE(won->probability, 100);
        QCOMPARE(won->closedAt, clock.nowMs());
        QCOMPARE(wonValue(*db, customer), 12345);
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.at(1).at(0).value<Change>().entity, QStringLiteral("customer"));
        QVERIFY(svc.moveStage(t.wang, b.id, s["New business/won"]).ok());
        QCOMPARE(wonValue(*db, customer), 12345 + 67890);

        // A won amount that changes, moves to another customer, is un-won or deleted: still exact.
        Opportunity change;
        change.amountMinor = 12346;
        QVERIFY(svc.update(t.wang, a.id, change, {QStringLiteral("amountMinor")}).ok());
        QCOMPARE(wonValue(*db, customer), 12346 + 67890);
        change.customerId = other;
        QVERIFY(svc.update(t.wang, b.id, change, {QStringLiteral("customerId")}).ok());
        QCOMPARE(wonValue(*db, customer), 12346);
        QCOMPARE(wonValue(*db, other), 67890);
        clock.advance(1000);
        auto unwon = svc.moveStage(t.wang, a.id, s["New business/negotiation"]);
        QVERIFY(unwon.ok());
        QCOMPARE(unwon->status, QStringLiteral("open"));
        QCOMPARE(unwon->closedAt, 0);
        QCOMPARE(wonValue(*db, customer), 0);
        QVERIFY(svc.remove(t.li, b.id).ok());
        QCOMPARE(wonValue(*db, other), 0);
        // Another currency is not added to the company-currency total.
        Opportunity usd = draft(customer, s["New business/lead"], QStringLiteral("丙"), 5000);
        usd.currency = QStringLiteral("USD");
        const qint64 usdId = svc.create(t.wang, usd).value().id;
        QVERIFY(svc.moveStage(t.wang, usdId, s["New business/won"]).ok());
        QCOMPARE(wonValue(*db, customer), 0);
        // The customer row agrees with a fresh sum.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COALESCE(SUM(amount_minor), 0) FROM opportunities WHERE status = 'won'"
                                            " AND currency = 'CNY' AND customer_id = %1").arg(customer)),
                 wonValue(*db, customer));

        // History: the creation row, then every move, each with who and when; leftAt gives cycle times.
        auto history = svc.stageHistory(t.wang, a.id).value();
        QStringList path;
        for (const StageChange &c : history)
            path << c.toStageName;
        QCOMPARE(path, (QStringList{QStringLiteral("lead"), QStringLiteral("qualified"), QStringLiteral("won"),
                                    QStringLiteral("negotiation")}));
        QCOMPARE(history.at(1).fromStageName, QStringLiteral("lead"));
        QCOMPARE(history.at(1).at - history.at(0).at, 3'600'000);
        QCOMPARE(history.at(0).leftAt, history.at(1).at);
        QCOMPARE(history.at(1).leftAt - history.at(1).at, 3'600'000);
        QCOMPARE(history.last().leftAt, 0);
        QCOMPARE(history.last().userId, t.wang.userId);
        // Moving to the stage it is in changes nothing.
        const int version = svc.get(t.wang, a.id)->version;
        QCOMPARE(svc.moveStage(t.wang, a.id, s["New business/negotiation"])->version, version);
        QCOMPARE(svc.stageHistory(t.wang, a.id)->size(), 4);
    }

    void lostNeedsReasonAndUnknownStagesAreRefused()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        OpportunityService svc(*db);
        const qint64 customer = newCustomer(*db, t.wang, QStringLiteral("星河科技"));
        const Opportunity o = svc.create(t.wang, draft(customer, s["New business/proposal"], QStringLiteral("甲"), 100)).value();
        auto noReason = svc.moveStage(t.wang, o.id, s["New business/lost"], std::nullopt, QStringLiteral("   "));
        QCOMPARE(noReason.error().code, QStringLiteral("validation.required"));
        QCOMPARE(noReason.error().field, QStringLiteral("lossReason"));
        auto unknown = svc.moveStage(t.wang, o.id, 987654);
        QCOMPARE(unknown.error().code, QStringLiteral("validation.unknown"));
        QCOMPARE(unknown.error().field, QStringLiteral("stageId"));
        QCOMPARE(svc.stageHistory(t.wang, o.id)->size(), 1);

        auto lost = svc.moveStage(t.wang, o.id, s["New business/lost"], std::nullopt, QStringLiteral("选择了竞争对手"));
        QVERIFY(lost.ok());
        QCOMPARE(lost->status, QStringLiteral("lost"));
        QCOMPARE(lost->lossReason, QStringLiteral("选择了竞争对手"));
        QVERIFY(lost->closedAt > 0);
        Opportunity v;
        QCOMPARE(svc.update(t.wang, o.id, v, {QStringLiteral("lossReason")}).error().code, QStringLiteral("validation.required"));
        v.lossReason = QStringLiteral("预算不足");
        QCOMPARE(svc.update(t.wang, o.id, v, {QStringLiteral("lossReason")})->lossReason, QStringLiteral("预算不足"));
        auto reopened = svc.moveStage(t.wang, o.id, s["New business/negotiation"]);
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->status, QStringLiteral("open"));
        QVERIFY(reopened->lossReason.isEmpty());
        QCOMPARE(reopened->closedAt, 0);
        // Created straight into a lost stage, a reason is kept.
        Opportunity d = draft(customer, s["New business/lost"], QStringLiteral("乙"), 100);
        d.lossReason = QStringLiteral("时机不对");
        auto createdLost = svc.create(t.wang, d);
        QVERIFY(createdLost.ok());
        QCOMPARE(createdLost->status, QStringLiteral("lost"));
        QVERIFY(createdLost->closedAt > 0);
    }

    void pipelineSummaryIsExactAndScoped()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        OpportunityService svc(*db);
        const qint64 wangs = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 zhaos = newCustomer(*db, t.zhao, QStringLiteral("赵的客户"));
        const qint64 qians = newCustomer(*db, t.qian, QStringLiteral("钱的客户"));
        auto add = [&](const Actor &a, qint64 customer, const char *stage, qint64 amount, int probability,
                       const QString &currency = {}) {
            Opportunity d = draft(customer, s[stage], QStringLiteral("商机"), amount);
            d.probability = probability;
            d.currency = currency;
            if (qstrcmp(stage, "New business/lost") == 0)
                d.lossReason = QStringLiteral("价格太高");
            auto r = svc.create(a, d);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        };
        // proposal: 333*33 + 1*50 + 999*1 = 10989 + 50 + 999 = 12038 -> 120.38 -> 120
        // (rounding each row first would give 110 + 1 + 10 = 121).
        add(t.wang, wangs, "New business/proposal", 333, 33);
        add(t.wang, wangs, "New business/proposal", 1, 50);
        add(t.zhao, zhaos, "New business/proposal", 999, 1);
        // lead 50*1 = 50 -> 0.5 -> 1 (half up); qualified 150*1 -> 1.5 -> 2; negotiation 101*50 -> 50.5 -> 51.
        add(t.wang, wangs, "New business/lead", 50, 1);
        add(t.zhao, zhaos, "New business/qualified", 150, 1);
        add(t.zhao, zhaos, "New business/negotiation", 101, 50);
        add(t.wang, wangs, "New business/won", 1000, 100);
        add(t.wang, wangs, "New business/lost", 400, 0);
        add(t.wang, wangs, "New business/proposal", 777, 50, QStringLiteral("USD")); // counted, not summed
        add(t.qian, qians, "New business/proposal", 5, 5); // another team
        add(t.wang, wangs, "Renewals/due", 9999, 50); // another pipeline

        auto summary = svc.pipelineSummary(t.li, s.pipelineNew);
        QVERIFY(summary.ok());
        QCOMPARE(summary->currency, QStringLiteral("CNY"));
        QCOMPARE(summary->stages.size(), 6);
        auto stage = [&](const PipelineSummary &p, const QString &name) {
            for (const StageSummary &x : p.stages)
                if (x.stage.name == name)
                    return x;
            qFatal("no stage");
        };
        QCOMPARE(stage(*summary, QStringLiteral("proposal")).count, 3);
        QCOMPARE(stage(*summary, QStringLiteral("proposal")).amountMinor, 333 + 1 + 999);
        QCOMPARE(stage(*summary, QStringLiteral("proposal")).weightedMinor, 120);
        QCOMPARE(stage(*summary, QStringLiteral("lead")).weightedMinor, 1);
        QCOMPARE(stage(*summary, QStringLiteral("qualified")).weightedMinor, 2);
        QCOMPARE(stage(*summary, QStringLiteral("negotiation")).weightedMinor, 51);
        QCOMPARE(stage(*summary, QStringLiteral("won")).amountMinor, 1000);
        QCOMPARE(stage(*summary, QStringLiteral("won")).weightedMinor, 1000);
        QCOMPARE(stage(*summary, QStringLiteral("lost")).count, 1);
        QCOMPARE(stage(*summary, QStringLiteral("lost")).weightedMinor, 0);
        QCOMPARE(summary->otherCurrencyCount, 1);
        QCOMPARE(summary->openCount, 6);
        QCOMPARE(summary->openAmountMinor, 333 + 1 + 999 + 50 + 150 + 101);
        // 12038 + 50 + 150 + 5050 = 17288 -> 172.88 -> 173, divided once; adding the rounded stages
        // would give 120 + 1 + 2 + 51 = 174.
        QCOMPARE(summary->openWeightedMinor, 173);

        // Wang sees his own; Li may narrow to one owner; Qian sees only hers.
        auto mine = svc.pipelineSummary(t.wang, s.pipelineNew).value();
        QCOMPARE(mine.openCount, 3);
        QCOMPARE(stage(mine, QStringLiteral("proposal")).weightedMinor, 110); // 10989 + 50 = 11039 -> 110
        auto zhaoOnly = svc.pipelineSummary(t.li, s.pipelineNew, t.zhao.userId).value();
        QCOMPARE(zhaoOnly.openCount, 3);
        QCOMPARE(zhaoOnly.openWeightedMinor, 62); // 999 + 150 + 5050 = 6199 -> 62
        QCOMPARE(svc.pipelineSummary(t.wang, s.pipelineNew, t.zhao.userId).value().openCount, 0);
        QCOMPARE(svc.pipelineSummary(t.qian, s.pipelineNew).value().openCount, 1);
        QCOMPARE(svc.pipelineSummary(t.admin, s.pipelineNew).value().openCount, 7);
        QCOMPARE(svc.pipelineSummary(t.admin, 987654).error().code, QStringLiteral("not_found"));
    }

    void listFiltersAndPages()
    {
        ManualClock clock(1'700'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        OpportunityService svc(*db);
        const qint64 c1 = newCustomer(*db, t.wang, QStringLiteral("甲公司"));
        const qint64 c2 = newCustomer(*db, t.zhao, QStringLiteral("乙公司"));
        const char *stageNames[] = {"New business/lead", "New business/qualified", "New business/proposal"};
        for (int i = 0; i < 25; ++i) {
            const bool wang = i % 5 != 0;
            Opportunity d = draft(wang ? c1 : c2, s[stageNames[i % 3]], QStringLiteral("商机%1").arg(i, 2, 10, QLatin1Char('0')),
                                  (i % 7) * 1000);
            if (i % 4 != 0)
                d.expectedCloseDate = QDate(2024, 1, 1).addDays(i % 6);
            QVERIFY(svc.create(wang ? t.wang : t.zhao, d).ok());
            clock.advance(1000);
        }
        OpportunityFilter f;
        f.stageId = s["New business/lead"];
        QCOMPARE(svc.count(t.li, f).value(), 9);
        f = {};
        f.ownerId = t.zhao.userId;
        QCOMPARE(svc.count(t.li, f).value(), 5);
        f = {};
        f.customerId = c1;
        QCOMPARE(svc.count(t.li, f).value(), 20);
        f = {};
        f.pipelineId = s.pipelineRenewals;
        QCOMPARE(svc.count(t.li, f).value(), 0);
        f = {};
        f.statuses = {QStringLiteral("open")};
        QCOMPARE(svc.count(t.li, f).value(), 25);
        f.statuses = {QStringLiteral("sleeping")};
        QCOMPARE(svc.count(t.li, f).error().field, QStringLiteral("statuses"));
        f = {};
        f.expectedCloseFrom = QDate(2024, 1, 2);
        f.expectedCloseTo = QDate(2024, 1, 3);
        // Rows with i % 4 != 0 and i % 6 in {1, 2}.
        int expected = 0;
        for (int i = 0; i < 25; ++i)
            expected += (i % 4 != 0 && (i % 6 == 1 || i % 6 == 2)) ? 1 : 0;
        QCOMPARE(svc.count(t.li, f).value(), expected);

        // Every order, pages of 4 by keyset: no row twice, none skipped, in order.
        for (OpportunitySort sort : {OpportunitySort::Newest, OpportunitySort::Amount, OpportunitySort::ExpectedClose}) {
            f = {};
            f.sort = sort;
            f.limit = 4;
            QVector<Opportunity> seen;
            for (int page = 0; page < 10; ++page) {
                auto p = svc.list(t.li, f).value();
                seen += p.opportunities;
                if (!p.hasMore)
                    break;
                f.afterId = p.opportunities.last().id;
                f.afterKey = OpportunityService::sortKey(p.opportunities.last(), sort);
            }
            QCOMPARE(seen.size(), 25);
            QSet<qint64> ids;
            for (const Opportunity &o : seen)
                ids.insert(o.id);
            QCOMPARE(ids.size(), 25);
            for (int i = 1; i < seen.size(); ++i) {
                const Opportunity &a = seen[i - 1], &b = seen[i];
                if (sort == OpportunitySort::Newest)
                    QVERIFY(a.id > b.id);
                if (sort == OpportunitySort::Amount)
                    QVERIFY(a.amountMinor > b.amountMinor || (a.amountMinor == b.amountMinor && a.id > b.id));
                if (sort == OpportunitySort::ExpectedClose) {
                    const QString ka = OpportunityService::sortKey(a, sort).toString(), kb = OpportunityService::sortKey(b, sort).toString();
                    QVERIFY(ka < kb || (ka == kb && a.id < b.id));
                }
            }
            if (sort == OpportunitySort::ExpectedClose)
                QVERIFY(!seen.last().expectedCloseDate.isValid()); // undated last on both databases
        }
        f = {};
        f.sort = OpportunitySort::Amount;
        f.afterId = 5;
        QCOMPARE(svc.list(t.li, f).error().field, QStringLiteral("afterKey"));

        // Offset paging and the limit cap.
        f = {};
        f.limit = 10;
        f.offset = 20;
        auto last = svc.list(t.li, f).value();
        QCOMPARE(last.opportunities.size(), 5);
        QVERIFY(!last.hasMore);
        QCOMPARE(last.opportunities.last().name, QStringLiteral("商机00"));
        f = {};
        f.limit = 0;
        QCOMPARE(svc.list(t.li, f).value().opportunities.size(), 1);
        f.limit = 1'000'000;
        QCOMPARE(svc.list(t.li, f).value().opportunities.size(), 25);
    }

    // A team (a department and the ones below it) and a closed range narrow lists, counts and the
    // board's sums; the actor's scope still applies on top.
    void teamAndClosedRangeFilters()
    {
        ManualClock clock(1'700'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        OrgService org(*db);
        const Actor system = Actor::system();
        // 销售部 > 华东 > 上海 holds Wang; 销售部 > 华南 holds Zhao; Qian is in no department.
        const qint64 sales = org.createDepartment(system, QStringLiteral("销售部"), std::nullopt).value().id;
        const qint64 east = org.createDepartment(system, QStringLiteral("华东"), sales).value().id;
        const qint64 shanghai = org.createDepartment(system, QStringLiteral("上海"), east).value().id;
        const qint64 south = org.createDepartment(system, QStringLiteral("华南"), sales).value().id;
        QVERIFY(org.setDepartment(system, t.wang.userId, shanghai).ok());
        QVERIFY(org.setDepartment(system, t.zhao.userId, south).ok());
        t.li = org.actorFor(t.li.userId).value();

        OpportunityService svc(*db);
        const qint64 wangs = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 zhaos = newCustomer(*db, t.zhao, QStringLiteral("赵的客户"));
        const qint64 qians = newCustomer(*db, t.qian, QStringLiteral("钱的客户"));
        auto add = [&](const Actor &a, qint64 customer, const char *stage, const QString &name, qint64 amount) {
            auto r = svc.create(a, draft(customer, s[stage], name, amount));
            if (!r)
                qFatal("create: %s", qPrintable(r.error().message));
            return r->id;
        };
        add(t.wang, wangs, "New business/lead", QStringLiteral("王1"), 100);
        add(t.wang, wangs, "New business/proposal", QStringLiteral("王2"), 200);
        add(t.zhao, zhaos, "New business/lead", QStringLiteral("赵1"), 300);
        add(t.qian, qians, "New business/lead", QStringLiteral("钱1"), 400);

        OpportunityFilter f;
        f.departmentId = east; // 华东 and 上海 below it: Wang's
        f.sort = OpportunitySort::Amount;
        QCOMPARE(names(svc.list(t.admin, f).value()), (QStringList{QStringLiteral("王2"), QStringLiteral("王1")}));
        QCOMPARE(svc.count(t.admin, f).value(), 2);
        f.departmentId = sales; // the whole tree: Wang's and Zhao's, not Qian's
        QCOMPARE(names(svc.list(t.admin, f).value()),
                 (QStringList{QStringLiteral("赵1"), QStringLiteral("王2"), QStringLiteral("王1")}));
        QCOMPARE(names(svc.list(t.wang, f).value()), (QStringList{QStringLiteral("王2"), QStringLiteral("王1")}));
        f.departmentId = south;
        QCOMPARE(names(svc.list(t.wang, f).value()), QStringList{});
        f.departmentId = 987654;
        QCOMPARE(svc.count(t.admin, f).value(), 0);

        // The board's sums for a team.
        auto sum = svc.pipelineSummary(t.admin, s.pipelineNew, std::nullopt, east).value();
        QCOMPARE(sum.openCount, 2);
        QCOMPARE(sum.openAmountMinor, 300);
        sum = svc.pipelineSummary(t.admin, s.pipelineNew, std::nullopt, sales).value();
        QCOMPARE(sum.openCount, 3);
        QCOMPARE(sum.openAmountMinor, 600);
        QCOMPARE(svc.pipelineSummary(t.li, s.pipelineNew, t.zhao.userId, east).value().openCount, 0);
        QCOMPARE(svc.pipelineSummary(t.sun, s.pipelineNew, std::nullopt, sales).value().openCount, 0); // Qian only

        // Won on day 1 and day 3, lost on day 2 (closed, not won): a closed range picks by when.
        constexpr qint64 kDay = 86'400'000;
        const qint64 start = clock.nowMs();
        const qint64 w1 = add(t.wang, wangs, "New business/proposal", QStringLiteral("赢1"), 10);
        const qint64 l1 = add(t.zhao, zhaos, "New business/proposal", QStringLiteral("输1"), 20);
        const qint64 w2 = add(t.zhao, zhaos, "New business/proposal", QStringLiteral("赢2"), 30);
        clock.advance(kDay);
        QVERIFY(svc.moveStage(t.wang, w1, s["New business/won"]).ok());
        clock.advance(kDay);
        QVERIFY(svc.moveStage(t.zhao, l1, s["New business/lost"], std::nullopt, QStringLiteral("价格")).ok());
        clock.advance(kDay);
        QVERIFY(svc.moveStage(t.zhao, w2, s["New business/won"]).ok());
        f = {};
        f.statuses = {QStringLiteral("won")};
        f.closedFrom = start + kDay;
        f.closedTo = start + 3 * kDay; // half-open: day 3 is out
        QCOMPARE(names(svc.list(t.li, f).value()), QStringList{QStringLiteral("赢1")});
        f.closedTo = start + 3 * kDay + 1;
        QCOMPARE(names(svc.list(t.li, f).value()), (QStringList{QStringLiteral("赢2"), QStringLiteral("赢1")}));
        QCOMPARE(names(svc.list(t.wang, f).value()), QStringList{QStringLiteral("赢1")});
        QCOMPARE(svc.count(t.li, f).value(), 2);
        f.statuses.clear(); // any closed: the lost one too, never an open one
        QCOMPARE(svc.count(t.li, f).value(), 3);
        f.closedFrom = 0;
        f.closedTo.reset();
        QCOMPARE(svc.count(t.admin, f).value(), 3);
    }

    // A stage of another pipeline moves the deal there: its history, the audit trail and the boards'
    // totals follow; a role may keep the pipeline read-only.
    void aStageOfAnotherPipelineMovesTheDealThere()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        OpportunityService svc(*db);
        const qint64 customer = newCustomer(*db, t.wang, QStringLiteral("星河科技"));
        const Opportunity o = svc.create(t.wang, draft(customer, s["New business/proposal"], QStringLiteral("续约"), 100)).value();
        auto moved = svc.moveStage(t.wang, o.id, s["Renewals/due"], o.version);
        QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().message));
        QCOMPARE(moved->pipelineId, s.pipelineRenewals);
        QCOMPARE(moved->stageId, s["Renewals/due"]);
        QCOMPARE(moved->status, QStringLiteral("open"));
        QCOMPARE(svc.get(t.wang, o.id)->pipelineId, s.pipelineRenewals);
        const auto history = svc.stageHistory(t.wang, o.id).value();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.last().fromStageId, s["New business/proposal"]);
        QCOMPARE(history.last().toStageId, s["Renewals/due"]);
        QCOMPARE(svc.pipelineSummary(t.wang, s.pipelineNew)->openCount, 0);
        QCOMPARE(svc.pipelineSummary(t.wang, s.pipelineRenewals)->openCount, 1);
        QCOMPARE(svc.pipelineSummary(t.wang, s.pipelineRenewals)->openAmountMinor, 100);
        // The running totals the dashboard reads moved with it.
        QSqlQuery totals = db->prepare(QStringLiteral("SELECT pipeline_id, SUM(n) FROM opportunity_totals GROUP BY pipeline_id"
                                                      " HAVING SUM(n) <> 0"));
        QVERIFY(db->exec(totals).ok() && totals.next());
        QCOMPARE(totals.value(0).toLongLong(), s.pipelineRenewals);
        QCOMPARE(totals.value(1).toLongLong(), 1);
        QVERIFY(!totals.next());
        totals.finish();
        auto trail = AuditLog::history(*db, QStringLiteral("opportunity"), o.id).value();
        bool pipelineAudited = false;
        for (const AuditEntry &e : trail)
            pipelineAudited |= e.field == QLatin1String("pipelineId") && e.oldValue == QString::number(s.pipelineNew) &&
                               e.newValue == QString::number(s.pipelineRenewals);
        QVERIFY(pipelineAudited);

        // With the pipeline read-only for reps: moves within it only.
        OrgService org(*db);
        const qint64 repRole = org.roleByName(QStringLiteral("rep")).value().id;
        QVERIFY(org.setFieldRule(t.admin, repRole, QStringLiteral("opportunity"), QStringLiteral("pipelineId"), FieldRule::ReadOnly).ok());
        const Actor wang = org.actorFor(t.wang.userId).value();
        auto back = svc.moveStage(wang, o.id, s["New business/lead"]);
        QCOMPARE(back.error().code, QStringLiteral("forbidden"));
        QCOMPARE(back.error().field, QStringLiteral("pipelineId"));
        QCOMPARE(svc.get(wang, o.id)->pipelineId, s.pipelineRenewals);
        QVERIFY(svc.moveStage(wang, o.id, s["Renewals/negotiation"]).ok());
    }

    void hiddenAndReadOnlyFields()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const Stages s = stagesOf(*db, t.admin);
        OrgService org(*db);
        const qint64 repRole = org.roleByName(QStringLiteral("rep")).value().id;
        QVERIFY(org.setFieldRule(t.admin, repRole, QStringLiteral("opportunity"), QStringLiteral("amountMinor"), FieldRule::Hidden).ok());
        const Actor wang = org.actorFor(t.wang.userId).value();
        OpportunityService svc(*db);
        const qint64 customer = newCustomer(*db, wang, QStringLiteral("星河科技"));
        QCOMPARE(svc.create(wang, draft(customer, s["New business/lead"], QStringLiteral("甲"), 100)).error().code,
                 QStringLiteral("forbidden"));
        const qint64 id = svc.create(wang, draft(customer, s["New business/lead"], QStringLiteral("甲"))).value().id;
        Opportunity v;
        v.amountMinor = 5000;
        QVERIFY(svc.update(t.li, id, v, {QStringLiteral("amountMinor")}).ok());
        auto seen = svc.get(wang, id).value();
        QCOMPARE(seen.amountMinor, 0);
        QVERIFY(seen.hiddenFields.contains(QStringLiteral("amountMinor")));
        QCOMPARE(svc.get(t.li, id)->amountMinor, 5000);
        QCOMPARE(svc.update(wang, id, v, {QStringLiteral("amountMinor")}).error().field, QStringLiteral("amountMinor"));
        auto summary = svc.pipelineSummary(wang, s.pipelineNew).value();
        QCOMPARE(summary.openCount, 1);
        QCOMPARE(summary.openAmountMinor, 0);
        QVERIFY(summary.hiddenFields.contains(QStringLiteral("amountMinor")));
        QCOMPARE(svc.pipelineSummary(t.li, s.pipelineNew)->openAmountMinor, 5000);
    }

    // The summary and the close-date list must stay single indexed passes at production size: the
    // plans SQLite picks for the service's statements (same text as OpportunityService builds).
    void queriesReadTheirIndexes()
    {
        CRM_OPEN_DB(db);
        if (!db->isSqlite())
            QSKIP("SQLite plan check");
        Team t = makeTeam(*db);
        auto planOf = [&](const QString &sql) {
            QSqlQuery q = db->prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
            if (!db->exec(q).ok())
                qFatal("plan failed");
            QString plan;
            while (q.next())
                plan += q.value(3).toString() + QLatin1Char('\n');
            return plan;
        };
        const QString sums = QStringLiteral(", COUNT(*), CAST(SUM(o.amount_minor) AS BIGINT), CAST(SUM(o.amount_minor * o.probability) AS BIGINT)"
                                            " FROM opportunities o WHERE o.pipeline_id = :pipeline AND ");
        QString plan = planOf(QStringLiteral("SELECT o.stage_id, o.currency") + sums + QStringLiteral("1=1 GROUP BY o.stage_id, o.currency"));
        QVERIFY2(plan.contains(QLatin1String("COVERING INDEX opportunities_pipeline")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
        plan = planOf(QStringLiteral("SELECT o.owner_id, o.stage_id, o.currency") + sums + t.li.ownerCondition(QStringLiteral("o.owner_id")) +
                      QStringLiteral(" GROUP BY o.owner_id, o.stage_id, o.currency"));
        QVERIFY2(plan.contains(QLatin1String("COVERING INDEX opportunities_owner")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
        plan = planOf(QStringLiteral("SELECT o.id FROM opportunities o WHERE COALESCE(o.expected_close_date, '9999-12-31')"
                                     " >= :k AND (COALESCE(o.expected_close_date, '9999-12-31'), o.id) > (:k, :id)"
                                     " ORDER BY COALESCE(o.expected_close_date, '9999-12-31') ASC, o.id ASC LIMIT 21"));
        QVERIFY2(plan.contains(QLatin1String("INDEX opportunities_close_key (<expr>>?)")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
    }
};

QTEST_GUILESS_MAIN(TestOpportunities)
#include "tst_opportunities.moc"
