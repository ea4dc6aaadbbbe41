// Import of opportunities, activities and contacts (CSV fixtures with Chinese names, round trips through our own
// CSV, JSON and XLSX exports) and of customers from JSON: scope (a rep's file naming another rep's customer),
// all or nothing vs partial with the error report, bad values as row issues, duplicates, dry run,
// cancel, a broken JSON file. SQLite and PostgreSQL.
#include "core/Clock.h"
#include "core/services/ActivityService.h"
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "core/storage/ActivityBulkWriter.h"
#include "core/storage/Database.h"
#include "reports/export/ActivityExporter.h"
#include "reports/export/ContactExporter.h"
#include "reports/export/CustomerExporter.h"
#include "reports/export/LocalTime.h"
#include "reports/export/OpportunityExporter.h"
#include "reports/import/ActivityImporter.h"
#include "reports/import/ColumnMapping.h"
#include "reports/import/ContactImporter.h"
#include "reports/import/CustomerImporter.h"
#include "reports/import/OpportunityImporter.h"
#include "reports/table/JsonRowSource.h"
#include "reports/table/TableFile.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/reports/ReportsTestUtil.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace crm;
using namespace crm::test;

namespace {

QString u(const char *s)
{
    return QString::fromUtf8(s);
}

template <typename T>
T must(Result<T> r, const char *what)
{
    if (!r)
        qFatal("%s: %s", what, qPrintable(r.error().message));
    return std::move(r).value();
}

qint64 count(Database &db, const QString &sql)
{
    QSqlQuery q = db.prepare(sql);
    if (!db.exec(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// 深圳星河科技有限公司 (Wang's, with a phone), 赵氏贸易 (Zhao's) and 钱多多商行 (Qian's, another team).
struct Seeded
{
    Team team;
    qint64 xinghe = 0, zhaoCo = 0, qianCo = 0;
};

Seeded seed(Database &db)
{
    Seeded s{makeTeam(db)};
    CustomerService customers(db);
    auto customer = [&](const Actor &owner, const QString &name, const QString &phone) {
        Customer c;
        c.name = name;
        if (!phone.isEmpty())
            c.phones = {Phone{phone, {}, true}};
        return must(customers.create(owner, c), "customer").id;
    };
    s.xinghe = customer(s.team.wang, u("深圳星河科技有限公司"), QStringLiteral("13912345678"));
    s.zhaoCo = customer(s.team.zhao, u("赵氏贸易"), {});
    s.qianCo = customer(s.team.qian, u("钱多多商行"), {});
    return s;
}

Result<EntityImportResult> importFile(Database &db, const Actor &actor, const QString &type, const QString &path,
                                      EntityImportOptions options = {})
{
    auto source = TableFile::open(path);
    if (!source)
        return source.error();
    if (type == QLatin1String("opportunities"))
        return OpportunityImporter(db).run(actor, **source, options);
    if (type == QLatin1String("activities"))
        return ActivityImporter(db).run(actor, **source, options);
    if (type == QLatin1String("contacts"))
        return ContactImporter(db).run(actor, **source, options);
    return CustomerImporter(db).run(actor, **source, options);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// The rows of a CSV export without the columns an import cannot carry over, sorted.
QStringList comparable(const QString &csv, const QStringList &dropHeaders)
{
    const QList<QStringList> rows = readCsv(csv);
    QList<int> keep;
    for (int i = 0; i < rows.value(0).size(); ++i)
        if (!dropHeaders.contains(rows[0][i]))
            keep << i;
    QStringList out;
    for (const QStringList &r : rows) {
        QStringList kept;
        for (int i : keep)
            kept << r.value(i);
        out << kept.join(QLatin1Char('|'));
    }
    const QString header = out.takeFirst();
    out.sort();
    out.prepend(header);
    return out;
}

qint64 localMs(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi)).toMSecsSinceEpoch();
}

} // namespace

class TestEntityImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    // Mappings per type: proposals from other systems' headers, templates that say their type.
    void mappingsPerType()
    {
        const QStringList headers = {u("项目名称"), u("客户名称"), u("预计金额"), u("内部编号"), u("赢单率")};
        ColumnMapping m = ColumnMapping::propose(headers, QStringLiteral("opportunities"));
        QCOMPARE(m.fields, (QStringList{QStringLiteral("name"), QStringLiteral("customer"), QStringLiteral("amount"), QString(),
                                        QStringLiteral("probability")}));
        QVERIFY(m.validate());
        const QJsonObject saved = m.toTemplate();
        QCOMPARE(saved.value(QStringLiteral("type")).toString(), QStringLiteral("opportunities"));

        QJsonObject edited = saved;
        QJsonObject columns = edited.value(QStringLiteral("columns")).toObject();
        columns.insert(u("内部编号"), QStringLiteral("notes"));
        edited.insert(QStringLiteral("columns"), columns);
        auto fromTemplate = ColumnMapping::fromTemplate(edited, headers, QStringLiteral("opportunities"));
        QVERIFY(fromTemplate);
        QCOMPARE(fromTemplate->fields.at(3), QStringLiteral("notes"));
        // An opportunities template is not applied to activities, nor an unknown field accepted.
        QVERIFY(!ColumnMapping::fromTemplate(edited, headers, QStringLiteral("activities")));
        columns.insert(u("内部编号"), QStringLiteral("phone"));
        edited.insert(QStringLiteral("columns"), columns);
        fromTemplate = ColumnMapping::fromTemplate(edited, headers, QStringLiteral("opportunities"));
        QVERIFY(fromTemplate);
        QVERIFY(!fromTemplate->validate());
        QVERIFY(fromTemplate->validate().error().message.contains(QStringLiteral("no opportunities field \"phone\"")));

        // Activities need a customer column; a file of customers has none under these names.
        m = ColumnMapping::propose({u("姓名"), u("手机")}, QStringLiteral("activities"));
        QCOMPARE(m.validate().error().code, QStringLiteral("validation.required"));
        // Customers are proposed as before.
        QCOMPARE(ColumnMapping::propose({u("姓名"), u("手机")}).fields, (QStringList{QStringLiteral("name"), QStringLiteral("phone")}));
    }

    void jsonRowsStreamWithTheUnionOfKeys()
    {
        const QString file = path(QStringLiteral("rows.json"));
        writeFile(file, QByteArray("\xEF\xBB\xBF [\n {\"a\": \"x}{\\\"\", \"n\": 12345.67, \"big\": 13812345678},\n"
                                   " {\"b\": [\"t1\", \"t2\"], \"a\": null, \"ok\": true, \"nested\": {\"k\": 1}}\n]\n"));
        auto source = TableFile::open(file);
        QVERIFY2(source, source ? "" : qPrintable(source.error().message));
        QStringList cells;
        QVERIFY(*(*source)->next(cells));
        QCOMPARE(cells, (QStringList{QStringLiteral("a"), QStringLiteral("n"), QStringLiteral("big"), QStringLiteral("b"),
                                     QStringLiteral("ok"), QStringLiteral("nested")}));
        QCOMPARE((*source)->rowNumber(), 1);
        QVERIFY(*(*source)->next(cells));
        QCOMPARE(cells, (QStringList{QStringLiteral("x}{\""), QStringLiteral("12345.67"), QStringLiteral("13812345678"), QString(),
                                     QString(), QString()}));
        QCOMPARE((*source)->rowNumber(), 2);
        QVERIFY(*(*source)->next(cells));
        QCOMPARE(cells, (QStringList{QString(), QString(), QString(), QStringLiteral("t1, t2"), QStringLiteral("TRUE"),
                                     QStringLiteral("{\"k\":1}")}));
        QVERIFY(!*(*source)->next(cells));
        QCOMPARE((*source)->fraction(), 1.0);
    }

    void brokenJsonIsAClearErrorAndImportsNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << QByteArray() << QStringLiteral("truncated");
        QTest::newRow("not an array") << QByteArray("{\"name\": \"王芳\"}") << QStringLiteral("array of objects");
        QTest::newRow("bad object") << QByteArray("[{\"name\": \"王芳\"}, {\"name\": 王}]") << QStringLiteral("Object 2 is not valid JSON");
        QTest::newRow("element not an object") << QByteArray("[{\"name\": \"a\"}, 3]") << QStringLiteral("Element 2");
        QTest::newRow("missing comma") << QByteArray("[{\"name\": \"a\"} {\"name\": \"b\"}]") << QStringLiteral("Expected , or ]");
        QTest::newRow("trailing text") << QByteArray("[{\"name\": \"a\"}] x") << QStringLiteral("after the end");
        QTest::newRow("empty") << QByteArray("  ") << QStringLiteral("empty");
    }

    void brokenJsonIsAClearErrorAndImportsNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        QString file = fixture(QStringLiteral("broken_truncated.json"));
        if (!bytes.isNull()) {
            file = path(QStringLiteral("broken.json"));
            writeFile(file, bytes);
        }
        auto r = importFile(*db, t.wang, QStringLiteral("customers"), file);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM customers")), 0);
    }

    void customersFromJson()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerImportOptions options;
        auto r = importFile(*db, t.wang, QStringLiteral("customers"), fixture(QStringLiteral("customers.json")), options);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->rows, 3);
        QCOMPARE(r->created, 3);
        QVERIFY(r->committed);
        CustomerFilter filter;
        filter.limit = 10;
        auto page = must(CustomerService(*db).list(t.wang, filter), "list");
        QCOMPARE(page.customers.size(), 3);
        QHash<QString, Customer> byName;
        for (const Customer &c : page.customers)
            byName.insert(c.name, must(CustomerService(*db).get(t.wang, c.id), "get"));
        QCOMPARE(byName.value(u("王芳")).tags, (QStringList{u("VIP客户"), u("深圳")}));
        QCOMPARE(byName.value(u("王芳")).source, u("展会"));
        QCOMPARE(byName.value(u("李雷")).phone, QStringLiteral("13700001111")); // a JSON number, read exactly
        QCOMPARE(byName.value(u("李雷")).birthday, QDate(1990, 5, 1));
        QCOMPARE(byName.value(u("深圳星河科技有限公司")).notes, u("含 \"引号\"、{括号} 和 [方括号]"));
    }

    // Our own customer JSON export imported into another store gives the same export (ids and times aside).
    void customersJsonRoundTrip()
    {
        CRM_OPEN_DB(db);
        CRM_OPEN_DB(other);
        Team t = makeTeam(*db);
        Team t2 = makeTeam(*other);
        QVERIFY(importFile(*db, t.wang, QStringLiteral("customers"), fixture(QStringLiteral("customers.json"))));
        CustomerExportOptions options;
        options.format = ExportFormat::Json;
        const QString first = path(QStringLiteral("customers-1.json"));
        QVERIFY(CustomerExporter(*db).exportTo(t.li, first, options));
        auto r = importFile(*other, t2.wang, QStringLiteral("customers"), first);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->created, 3);
        const QString second = path(QStringLiteral("customers-2.json"));
        QVERIFY(CustomerExporter(*other).exportTo(t2.li, second, options));
        auto rows = [](const QString &file) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                return QStringList();
            QStringList out;
            for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).array()) {
                QJsonObject o = v.toObject();
                for (const char *k : {"id", "createdAt", "lastContactAt"})
                    o.remove(QLatin1String(k));
                out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
            }
            out.sort();
            return out;
        };
        const QStringList before = rows(first);
        QCOMPARE(before.size(), 3);
        QVERIFY(before.join(QString()).contains(u("VIP客户")));
        QCOMPARE(rows(second), before);
    }

    void opportunitiesFromChineseCsv()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        auto r = importFile(*db, s.team.li, QStringLiteral("opportunities"), fixture(QStringLiteral("opportunities_zh.csv")));
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY2(r->invalid == 0, qPrintable(r->firstIssues.value(0).reason));
        QCOMPARE(r->created, 3);
        QVERIFY(r->committed);
        QCOMPARE(r->mapping.fields, (QStringList{QStringLiteral("customer"), QStringLiteral("name"), QStringLiteral("amount"),
                                                 QStringLiteral("currency"), QStringLiteral("probability"), QStringLiteral("stage"),
                                                 QStringLiteral("expectedCloseDate"), QStringLiteral("owner"),
                                                 QStringLiteral("lossReason"), QStringLiteral("notes")}));

        OpportunityFilter filter;
        filter.limit = 50;
        const auto page = must(OpportunityService(*db).list(s.team.admin, filter), "list");
        QCOMPARE(page.opportunities.size(), 3);
        QHash<QString, Opportunity> byName;
        for (const Opportunity &o : page.opportunities)
            byName.insert(o.name, o);
        const Opportunity second = byName.value(u("星河二期"));
        QCOMPARE(second.customerId, s.xinghe);
        QCOMPARE(second.amountMinor, 1234560); // "12,345.60", exact
        QCOMPARE(second.probability, 40);
        QCOMPARE(second.stageName, QStringLiteral("proposal"));
        QCOMPARE(second.expectedCloseDate, QDate(2026, 9, 30));
        QCOMPARE(second.ownerId, std::optional<qint64>(s.team.wang.userId));
        QCOMPARE(second.notes, u("年中采购"));
        const Opportunity won = byName.value(u("星河维保"));
        QCOMPARE(won.amountMinor, 800000); // "¥8000"
        QCOMPARE(won.status, QStringLiteral("won"));
        QCOMPARE(won.probability, 100); // the stage's
        QCOMPARE(won.ownerId, std::optional<qint64>(s.team.li.userId)); // no owner: the importing user
        QCOMPARE(won.currency, QStringLiteral("CNY"));
        QVERIFY(won.closedAt > 0);
        const Opportunity lost = byName.value(u("赵氏年度框架"));
        QCOMPARE(lost.customerId, s.zhaoCo);
        QCOMPARE(lost.amountMinor, 5000050);
        QCOMPARE(lost.status, QStringLiteral("lost"));
        QCOMPARE(lost.lossReason, u("预算取消"));
        QCOMPARE(lost.expectedCloseDate, QDate(2026, 12, 1));

        // As the service writes them: one history row from no stage, one audit entry each, the won value.
        const auto history = must(OpportunityService(*db).stageHistory(s.team.admin, won.id), "history");
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(0).fromStageId, qint64(0));
        QCOMPARE(history.at(0).toStageName, QStringLiteral("won"));
        QCOMPARE(history.at(0).userId, s.team.li.userId);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'opportunity' AND action = 'create'")), 3);
        QCOMPARE(must(CustomerService(*db).get(s.team.admin, s.xinghe), "customer").wonValueMinor, 800000);

        // The same file again: every row a duplicate (same customer and name), skipped and reported.
        EntityImportOptions options;
        options.errorReportPath = path(QStringLiteral("again.errors.csv"));
        r = importFile(*db, s.team.li, QStringLiteral("opportunities"), fixture(QStringLiteral("opportunities_zh.csv")), options);
        QVERIFY(r);
        QCOMPARE(r->skipped, 3);
        QCOMPARE(r->created, 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 3);
        QVERIFY(r->firstIssues.value(0).reason.startsWith(QStringLiteral("skipped: duplicate of opportunity")));
        QCOMPARE(r->firstIssues.value(0).column, u("商机名称"));

        // Wang: his own opportunity is a duplicate; Li's on Wang's customer too, though Wang cannot see
        // it (skipped, not doubled); Zhao's customer is unknown to him. Reported in row order.
        r = importFile(*db, s.team.wang, QStringLiteral("opportunities"), fixture(QStringLiteral("opportunities_zh.csv")), options);
        QVERIFY(r);
        QCOMPARE(r->skipped, 2);
        QCOMPARE(r->invalid, 1);
        QCOMPARE(r->firstIssues.size(), 3);
        QCOMPARE(r->firstIssues.at(0).row, 2);
        QCOMPARE(r->firstIssues.at(1).reason, u("skipped: the customer already has this opportunity, held by another user"));
        QCOMPARE(r->firstIssues.at(2).row, 4);
        QCOMPARE(r->firstIssues.at(2).reason, u("Unknown customer \"赵氏贸易\""));

        // Update: the row's amount and stage replace the stored ones, the move written to the history.
        const QString changed = path(QStringLiteral("changed.csv"));
        writeFile(changed, u("客户,商机名称,金额,阶段\n深圳星河科技有限公司,星河二期,20000,negotiation\n").toUtf8());
        options.onDuplicate = DuplicatePolicy::Update;
        r = importFile(*db, s.team.li, QStringLiteral("opportunities"), changed, options);
        QVERIFY2(r && r->updated == 1, r ? qPrintable(r->firstIssues.value(0).reason) : qPrintable(r.error().message));
        const Opportunity updated = must(OpportunityService(*db).get(s.team.admin, second.id), "get");
        QCOMPARE(updated.amountMinor, 2000000);
        QCOMPARE(updated.stageName, QStringLiteral("negotiation"));
        QCOMPARE(updated.notes, u("年中采购")); // not in the file: kept
        QCOMPARE(must(OpportunityService(*db).stageHistory(s.team.admin, second.id), "history").size(), 2);
    }

    // The import writes through OpportunityBulkWriter what OpportunityService::create writes: the
    // same row, stage history, audit entry and won value, for an open, a won and a lost deal, by a
    // user (owner given or not) and by the system (owner from the customer). A row that updates a deal
    // an earlier row created, still queued in the writer, finds it written.
    void opportunityImportWritesWhatTheServiceWrites()
    {
        ManualClock clock(1'790'000'000'000);
        CRM_OPEN_DB(db, &clock);
        Seeded s = seed(*db);
        const Pipeline pipeline = must(PipelineService::loadDefault(*db), "pipeline");
        auto stage = [&](const QString &name) {
            for (const Stage &st : pipeline.stages)
                if (st.name == name)
                    return st;
            qFatal("no stage");
            return Stage{};
        };
        struct Case
        {
            Actor actor;
            QString stage, owner, amount, currency, loss;
            std::optional<qint64> ownerId;
        };
        const QList<Case> cases = {
            {s.team.li, QStringLiteral("proposal"), QStringLiteral("wang"), QStringLiteral("12.50"), QStringLiteral("CNY"), {},
             s.team.wang.userId},
            {s.team.li, QStringLiteral("won"), {}, QStringLiteral("800"), {}, {}, std::nullopt},
            {s.team.li, QStringLiteral("lost"), {}, QStringLiteral("99"), QStringLiteral("USD"), u("预算取消"), std::nullopt},
            {Actor::system(), QStringLiteral("won"), {}, QStringLiteral("7"), {}, {}, std::nullopt},
        };
        auto row = [&](const QString &sql, qint64 id) {
            QSqlQuery q = db->prepare(sql);
            q.bindValue(QStringLiteral(":id"), id);
            if (!db->exec(q) || !q.next())
                qFatal("row query failed");
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << q.value(i).toString();
            return values;
        };
        auto byName = [&](const QString &name) {
            QSqlQuery q = db->prepare(QStringLiteral("SELECT id FROM opportunities WHERE name = :n"));
            q.bindValue(QStringLiteral(":n"), name);
            return db->exec(q) && q.next() ? q.value(0).toLongLong() : 0;
        };
        int n = 0;
        for (const Case &c : cases) {
            ++n;
            Opportunity draft;
            draft.customerId = s.xinghe;
            draft.name = QStringLiteral("service %1").arg(n);
            draft.stageId = stage(c.stage).id;
            draft.amountMinor = qint64(c.amount.toDouble() * 100);
            draft.currency = c.currency;
            draft.ownerId = c.ownerId;
            draft.lossReason = c.loss;
            draft.expectedCloseDate = QDate(2026, 9, 30);
            draft.notes = u("年中采购");
            const qint64 wonBefore = must(CustomerService(*db).get(s.team.admin, s.xinghe), "customer").wonValueMinor;
            const qint64 viaService = must(OpportunityService(*db).create(c.actor, draft), "create").id;
            const qint64 wonByService = must(CustomerService(*db).get(s.team.admin, s.xinghe), "customer").wonValueMinor - wonBefore;

            const QString file = path(QStringLiteral("same%1.csv").arg(n));
            writeFile(file, (u("客户,商机名称,金额,币种,阶段,预计成交日期,负责人,输单原因,备注\n") +
                             QStringList{u("深圳星河科技有限公司"), QStringLiteral("import %1").arg(n), c.amount, c.currency, c.stage,
                                         QStringLiteral("2026-09-30"), c.owner, c.loss, u("年中采购")}
                                 .join(QLatin1Char(',')) +
                             QLatin1Char('\n'))
                                .toUtf8());
            auto r = importFile(*db, c.actor, QStringLiteral("opportunities"), file);
            QVERIFY2(r && r->created == 1, r ? qPrintable(r->firstIssues.value(0).reason) : qPrintable(r.error().message));
            const qint64 viaImport = byName(QStringLiteral("import %1").arg(n));
            QVERIFY(viaImport > viaService);
            QCOMPARE(must(CustomerService(*db).get(s.team.admin, s.xinghe), "customer").wonValueMinor - wonBefore, 2 * wonByService);

            const QString columns = QStringLiteral("SELECT customer_id, pipeline_id, stage_id, amount_minor, currency, probability,"
                                                   " expected_close_date, status, loss_reason, owner_id, lead_id, notes, created_at,"
                                                   " updated_at, closed_at, stage_entered_at, version FROM opportunities WHERE id = :id");
            QCOMPARE(row(columns, viaImport), row(columns, viaService));
            const QString history = QStringLiteral("SELECT COUNT(*), MIN(from_stage_id), MIN(to_stage_id), MIN(user_id), MIN(at)"
                                                   " FROM opportunity_stage_history WHERE opportunity_id = :id");
            QCOMPARE(row(history, viaImport), row(history, viaService));
            const QString audit = QStringLiteral("SELECT COUNT(*), MIN(at), MIN(user_id), MIN(source), MIN(action), MIN(new_value)"
                                                 " FROM audit_log WHERE entity = 'opportunity' AND entity_id = :id");
            QStringList imported = row(audit, viaImport);
            imported.last().replace(QStringLiteral("import %1").arg(n), QStringLiteral("service %1").arg(n));
            QCOMPARE(imported, row(audit, viaService));
        }

        // Created by its first row, moved to won by its second (updates on): written before the move.
        const QString twice = path(QStringLiteral("twice.csv"));
        writeFile(twice, u("客户,商机名称,金额,阶段\n深圳星河科技有限公司,两行,100,proposal\n深圳星河科技有限公司,两行,100,won\n").toUtf8());
        EntityImportOptions update;
        update.onDuplicate = DuplicatePolicy::Update;
        const qint64 wonBefore = must(CustomerService(*db).get(s.team.admin, s.xinghe), "customer").wonValueMinor;
        auto r = importFile(*db, s.team.li, QStringLiteral("opportunities"), twice, update);
        QVERIFY2(r && r->created == 1 && r->updated == 1, r ? qPrintable(r->firstIssues.value(0).reason) : qPrintable(r.error().message));
        const Opportunity both = must(OpportunityService(*db).get(s.team.admin, byName(u("两行"))), "get");
        QCOMPARE(both.status, QStringLiteral("won"));
        QCOMPARE(must(OpportunityService(*db).stageHistory(s.team.admin, both.id), "history").size(), 2);
        QCOMPARE(must(CustomerService(*db).get(s.team.admin, s.xinghe), "customer").wonValueMinor - wonBefore, 10000);

        // The running totals the dashboard and pipeline read agree with the deals (the writer adds its
        // rows' totals itself, the trigger paused meanwhile; the move above went through the trigger).
        auto lines = [&](const QString &sql) {
            QStringList out;
            QSqlQuery q = db->prepare(sql);
            if (!db->exec(q))
                return QStringList{QStringLiteral("failed")};
            while (q.next())
                out << QStringLiteral("%1 %2 %3 %4: %5 %6 %7").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                                                 q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                                                                 q.value(6).toString());
            return out;
        };
        const QStringList totals = lines(QStringLiteral("SELECT owner_id, pipeline_id, stage_id, currency, n, amount_minor, weighted_minor"
                                                        " FROM opportunity_totals WHERE n <> 0 ORDER BY 1, 2, 3, 4"));
        QCOMPARE(totals, lines(QStringLiteral("SELECT COALESCE(owner_id, 0), pipeline_id, stage_id, currency, COUNT(*),"
                                              " CAST(SUM(amount_minor) AS BIGINT), CAST(SUM(amount_minor * probability) AS BIGINT) FROM opportunities GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")));
        QCOMPARE(totals.size(), 4); // wang: proposal, won (the system's, his customer's); li: won, lost in USD
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunity_totals_paused")), 0);
    }

    // Updates and pipelines: a row without a pipeline column names a stage of the deal's own pipeline
    // ("won" of Renewals, not of the default pipeline); a row naming another pipeline moves the deal
    // there; a deal the file creates and then moves twice ends where the last row puts it.
    // Won deals add to their customers' won values, a hundred customers a statement (130 here: a full
    // statement and a short one).
    void wonValuesOfManyCustomers()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        QString customers = QStringLiteral("name,phone\n");
        QString deals = u("客户,商机名称,金额,阶段,输单原因\n");
        for (int i = 1; i <= 130; ++i) {
            customers += u("胜单客户%1,139%2\n").arg(i).arg(i, 8, 10, QLatin1Char('0'));
            // Two won deals for the first customer; a lost one adds nothing.
            deals += u("胜单客户%1,单%1,%1.25,won,\n").arg(i);
        }
        deals += u("胜单客户1,又一单,10,won,\n胜单客户2,丢单,99,lost,预算取消\n");
        const QString customerFile = path(QStringLiteral("won-customers.csv"));
        writeFile(customerFile, customers.toUtf8());
        auto created = importFile(*db, s.team.li, QStringLiteral("customers"), customerFile);
        QVERIFY2(created && created->created == 130, created ? "" : qPrintable(created.error().message));
        const QString dealFile = path(QStringLiteral("won-deals.csv"));
        writeFile(dealFile, deals.toUtf8());
        auto r = importFile(*db, s.team.li, QStringLiteral("opportunities"), dealFile);
        QVERIFY2(r && r->created == 132, r ? qPrintable(r->firstIssues.value(0).reason) : qPrintable(r.error().message));
        QSqlQuery q = db->prepare(u("SELECT name, won_value_minor FROM customers WHERE name LIKE '胜单客户%'"));
        QVERIFY(db->exec(q));
        int seen = 0;
        while (q.next()) {
            const int i = q.value(0).toString().mid(4).toInt();
            QCOMPARE(q.value(1).toLongLong(), qint64(i) * 100 + 25 + (i == 1 ? 1000 : 0));
            ++seen;
        }
        QCOMPARE(seen, 130);
    }

    void opportunityUpdatesStayInOrMoveBetweenPipelines()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const auto pipelines = must(PipelineService(*db).list(s.team.admin), "pipelines");
        const Pipeline *renewals = nullptr, *fresh = nullptr;
        for (const Pipeline &p : pipelines)
            (p.isDefault ? fresh : renewals) = &p;
        QVERIFY(renewals && fresh);
        auto renewal = [&](const QString &name) {
            Opportunity o;
            o.customerId = s.xinghe;
            o.name = name;
            o.stageId = renewals->stages.first().id; // "due"
            return must(OpportunityService(*db).create(s.team.li, o), "renewal");
        };
        const Opportunity stay = renewal(u("续约一"));
        const Opportunity move = renewal(u("续约二"));
        const QString file = path(QStringLiteral("pipelines.csv"));
        writeFile(file, (u("客户,商机名称,pipeline,阶段\n") + u("深圳星河科技有限公司,续约一,,won\n") +
                         u("深圳星河科技有限公司,续约二,New business,negotiation\n") + u("深圳星河科技有限公司,新单,,proposal\n") +
                         u("深圳星河科技有限公司,新单,,negotiation\n") + u("深圳星河科技有限公司,新单,,won\n"))
                            .toUtf8());
        EntityImportOptions update;
        update.onDuplicate = DuplicatePolicy::Update;
        auto r = importFile(*db, s.team.li, QStringLiteral("opportunities"), file, update);
        QVERIFY2(r && r->invalid == 0, r ? qPrintable(r->firstIssues.value(0).reason) : qPrintable(r.error().message));
        QCOMPARE(r->created, 1);
        QCOMPARE(r->updated, 4);
        OpportunityService service(*db);
        const Opportunity stayed = must(service.get(s.team.admin, stay.id), "stayed");
        QCOMPARE(stayed.pipelineId, renewals->id);
        QCOMPARE(stayed.status, QStringLiteral("won"));
        const Opportunity moved = must(service.get(s.team.admin, move.id), "moved");
        QCOMPARE(moved.pipelineId, fresh->id);
        QCOMPARE(moved.stageName, QStringLiteral("negotiation"));
        QCOMPARE(must(service.stageHistory(s.team.admin, move.id), "history").size(), 2);
        OpportunityFilter filter;
        filter.customerId = s.xinghe;
        filter.limit = 50;
        qint64 created = 0;
        for (const Opportunity &o : must(service.list(s.team.admin, filter), "list").opportunities)
            if (o.name == u("新单"))
                created = o.id;
        QVERIFY(created > 0);
        QCOMPARE(must(service.get(s.team.admin, created), "created").status, QStringLiteral("won"));
        QCOMPARE(must(service.stageHistory(s.team.admin, created), "history").size(), 3);

        // A stage the deal's pipeline lacks, without a pipeline column: the row's problem, named.
        writeFile(file, u("客户,商机名称,阶段\n深圳星河科技有限公司,续约一,proposal\n").toUtf8());
        r = importFile(*db, s.team.li, QStringLiteral("opportunities"), file, update);
        QVERIFY(r);
        QCOMPARE(r->invalid, 1);
        QCOMPARE(r->firstIssues.value(0).reason,
                 QStringLiteral("The pipeline \"Renewals\" has no stage \"proposal\" (a pipeline column moves the opportunity to"
                                " another pipeline)"));
    }

    void repCannotImportIntoAnotherRepsCustomer()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const QString file = path(QStringLiteral("opps.csv"));
        QFile::remove(file);
        QVERIFY(QFile::copy(fixture(QStringLiteral("opportunities_zh.csv")), file));
        EntityImportOptions options;
        options.errorReportPath = ImportErrorReport::pathFor(file);

        // All or nothing: Zhao's customer is unknown to Wang, so nothing is written.
        auto r = importFile(*db, s.team.wang, QStringLiteral("opportunities"), file, options);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->invalid, 1);
        QVERIFY(!r->committed);
        QCOMPARE(r->created, 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunity_stage_history")), 0);
        QCOMPARE(r->firstIssues.value(0).row, 4);
        QCOMPARE(r->firstIssues.value(0).column, u("客户"));
        QCOMPARE(r->firstIssues.value(0).value, u("赵氏贸易"));
        QCOMPARE(r->firstIssues.value(0).reason, u("Unknown customer \"赵氏贸易\""));

        // Partial: the two valid rows, and the report next to the file.
        options.partial = true;
        r = importFile(*db, s.team.wang, QStringLiteral("opportunities"), file, options);
        QVERIFY(r && r->committed);
        QCOMPARE(r->created, 2);
        QCOMPARE(r->invalid, 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 2);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE customer_id = %1").arg(s.zhaoCo)), 0);
        const QList<QStringList> report = readCsv(r->errorReportPath);
        QCOMPARE(report.size(), 2);
        QCOMPARE(report.at(1), (QStringList{QStringLiteral("4"), u("客户"), u("赵氏贸易"), u("Unknown customer \"赵氏贸易\"")}));

        // Activities likewise.
        r = importFile(*db, s.team.wang, QStringLiteral("activities"), fixture(QStringLiteral("activities_zh.csv")));
        QVERIFY(r);
        QCOMPARE(r->invalid, 1);
        QCOMPARE(r->firstIssues.value(0).reason, u("Unknown customer \"赵氏贸易\""));
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities")), 0);
    }

    // Two customers named 王芳: the name alone is ambiguous; the customer's phone or id (our exports'
    // last column) tells them apart; an id whose customer has another name is refused.
    void namesakesByPhoneOrId()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        CustomerService customers(*db);
        QVector<qint64> ids;
        for (const char *phone : {"13800000001", "13800000002"}) {
            Customer c;
            c.name = u("王芳");
            c.kind = QStringLiteral("person");
            c.phones = {Phone{QLatin1String(phone), {}, true}};
            ids << must(customers.create(s.team.wang, c), "customer").id;
        }
        const QString file = path(QStringLiteral("namesakes.csv"));
        writeFile(file, (u("客户,客户电话,客户编号,主题,时间\n") + u("王芳,,,只有名字,2026-01-01 10:00\n") +
                         u("王芳,13800000002,,名字和电话,2026-01-01 11:00\n") +
                         u("王芳,,%1,名字和编号,2026-01-01 12:00\n").arg(ids[0]) +
                         u("李雷,,%1,编号对不上名字,2026-01-01 13:00\n").arg(ids[0]))
                            .toUtf8());
        EntityImportOptions options;
        options.partial = true;
        auto r = importFile(*db, s.team.wang, QStringLiteral("activities"), file, options);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->created, 2);
        QCOMPARE(r->invalid, 2);
        QCOMPARE(r->firstIssues.at(0).row, 2);
        QCOMPARE(r->firstIssues.at(0).reason,
                 u("2 customers are named \"王芳\"; add a column with the customer's phone or id to tell them apart"));
        QCOMPARE(r->firstIssues.at(1).row, 5);
        QCOMPARE(r->firstIssues.at(1).column, u("客户编号"));
        QCOMPARE(r->firstIssues.at(1).reason, u("Customer %1 is named \"王芳\", not \"李雷\"").arg(ids[0]));
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities WHERE customer_id = %1").arg(ids[1])), 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities WHERE customer_id = %1").arg(ids[0])), 1);
    }

    void badValuesAreRowIssues()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const QString file = path(QStringLiteral("bad.csv"));
        writeFile(file, u("Customer,Opportunity,Amount,Probability %,Stage,Expected close,Owner,Pipeline\n"
                          "深圳星河科技有限公司,好的一行,100,,,,,\n"
                          "深圳星河科技有限公司,金额不对,12.345,,,,,\n"
                          "深圳星河科技有限公司,赢率不对,100,120,,,,\n"
                          "深圳星河科技有限公司,日期不对,100,,,2026-13-01,,\n"
                          "深圳星河科技有限公司,没有阶段,100,,签约,,,\n"
                          "深圳星河科技有限公司,没有此人,100,,,,nobody,\n"
                          "深圳星河科技有限公司,没有管道,100,,,,,Other\n"
                          "深圳星河科技有限公司,缺输单原因,100,,lost,,,\n"
                          "深圳星河科技有限公司,,100,,,,,\n"
                          "钱多多商行,别组客户,100,,,,,\n")
                          .toUtf8());
        auto r = importFile(*db, s.team.li, QStringLiteral("opportunities"), file);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->rows, 10);
        QCOMPARE(r->invalid, 9);
        QVERIFY(!r->committed);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 0);
        QHash<qint64, ImportIssue> byRow;
        for (const ImportIssue &i : r->firstIssues)
            byRow.insert(i.row, i);
        QCOMPARE(byRow.value(3).column, QStringLiteral("Amount"));
        QVERIFY(byRow.value(3).reason.contains(QStringLiteral("not an amount")));
        QCOMPARE(byRow.value(4).column, QStringLiteral("Probability %"));
        QCOMPARE(byRow.value(4).reason, QStringLiteral("The probability must be between 0 and 100"));
        QCOMPARE(byRow.value(5).column, QStringLiteral("Expected close"));
        QCOMPARE(byRow.value(5).value, QStringLiteral("2026-13-01"));
        QCOMPARE(byRow.value(6).reason, u("Unknown stage \"签约\""));
        QCOMPARE(byRow.value(7).column, QStringLiteral("Owner"));
        QCOMPARE(byRow.value(7).reason, QStringLiteral("Unknown owner \"nobody\""));
        QCOMPARE(byRow.value(8).reason, QStringLiteral("Unknown pipeline \"Other\""));
        QCOMPARE(byRow.value(9).column, QString()); // no loss reason column in this file
        QCOMPARE(byRow.value(9).reason, QStringLiteral("Say why the opportunity was lost"));
        QCOMPARE(byRow.value(10).column, QStringLiteral("Opportunity"));
        QCOMPARE(byRow.value(11).reason, u("Unknown customer \"钱多多商行\"")); // Qian is in Sun's team, not Li's

        // A dry run says the same and writes nothing; partial writes the one good row.
        EntityImportOptions options;
        options.dryRun = true;
        options.partial = true;
        r = importFile(*db, s.team.li, QStringLiteral("opportunities"), file, options);
        QVERIFY(r && !r->committed && r->dryRun);
        QCOMPARE(r->created, 1);
        QCOMPARE(r->invalid, 9);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 0);
        options.dryRun = false;
        r = importFile(*db, s.team.li, QStringLiteral("opportunities"), file, options);
        QVERIFY(r && r->committed);
        QCOMPARE(r->created, 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 1);

        // Activities: a bad time and an unknown kind.
        const QString acts = path(QStringLiteral("bad-acts.csv"));
        writeFile(acts, u("时间,类型,客户,主题\n2026-02-30 10:00,电话,深圳星河科技有限公司,日期坏\n2026-03-01 10:00,传真,深圳星河科技有限公司,类型坏\n"
                          "2099-01-01 10:00,电话,深圳星河科技有限公司,太远\n")
                          .toUtf8());
        r = importFile(*db, s.team.li, QStringLiteral("activities"), acts);
        QVERIFY(r);
        QCOMPARE(r->invalid, 3);
        QCOMPARE(r->firstIssues.value(0).column, u("时间"));
        QCOMPARE(r->firstIssues.value(1).column, u("类型"));
        QVERIFY(r->firstIssues.value(1).reason.startsWith(QStringLiteral("The kind must be one of")));
        QCOMPARE(r->firstIssues.value(2).reason, QStringLiteral("The time may be at most one day in the future"));
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities")), 0);
    }

    void activitiesFromChineseCsv()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        auto r = importFile(*db, s.team.li, QStringLiteral("activities"), fixture(QStringLiteral("activities_zh.csv")));
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY2(r->invalid == 0, qPrintable(r->firstIssues.value(0).reason));
        QCOMPARE(r->created, 3);
        auto timeline = must(ActivityService(*db).timeline(s.team.li, s.xinghe), "timeline");
        QCOMPARE(timeline.activities.size(), 2);
        const Activity visit = timeline.activities.at(0); // newest first
        QCOMPARE(visit.kind, QStringLiteral("visit"));
        QCOMPARE(visit.content, u("演示系统\n带了报价单"));
        QCOMPARE(visit.outcome, u("待报价"));
        QCOMPARE(visit.occurredAt, localMs(2026, 3, 5, 14, 0));
        QCOMPARE(visit.userId, s.team.li.userId);
        const Activity call = timeline.activities.at(1);
        QCOMPARE(call.kind, QStringLiteral("call"));
        QCOMPARE(call.direction, QStringLiteral("outbound"));
        QCOMPARE(call.subject, u("首次电话"));
        QCOMPARE(call.content, u("介绍产品, 约下周拜访"));
        // The customer's last contact moved as ActivityService::log moves it.
        QCOMPARE(must(CustomerService(*db).get(s.team.li, s.xinghe), "customer").lastContactAt, localMs(2026, 3, 5, 14, 0));
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity' AND action = 'create'")), 3);
        const QVector<AuditEntry> trail = must(AuditLog::history(*db, QStringLiteral("activity"), visit.id), "history");
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail[0].newValue, AuditLog::snapshotText(ActivityService::snapshot(visit))); // as ActivityService::log writes it
        QCOMPARE(trail[0].userId, s.team.li.userId);

        // Again: exact duplicates skipped (by default and with update); create makes them anyway.
        r = importFile(*db, s.team.li, QStringLiteral("activities"), fixture(QStringLiteral("activities_zh.csv")));
        QVERIFY(r);
        QCOMPARE(r->skipped, 3);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities")), 3);
        EntityImportOptions options;
        options.onDuplicate = DuplicatePolicy::Create;
        r = importFile(*db, s.team.li, QStringLiteral("activities"), fixture(QStringLiteral("activities_zh.csv")), options);
        QVERIFY(r);
        QCOMPARE(r->created, 3);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities")), 6);

        // The system actor is no person: refused before anything.
        r = importFile(*db, Actor::system(), QStringLiteral("activities"), fixture(QStringLiteral("activities_zh.csv")));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("forbidden"));
    }

    // More rows than a write batch and a chunk (500): every activity, audit entry and the customers'
    // newest contact time, across batches.
    void activitiesAcrossBatches()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        QByteArray csv = u("客户,时间,类型,主题\n").toUtf8();
        const qint64 base = localMs(2026, 1, 1, 8, 0);
        for (int i = 0; i < 1201; ++i)
            csv += (u(i % 2 ? "深圳星河科技有限公司" : "赵氏贸易") + QStringLiteral(",%1,call,call %2\n")
                        .arg(QDateTime::fromMSecsSinceEpoch(base + qint64(i) * 60'000).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                        .arg(i))
                       .toUtf8();
        const QString file = path(QStringLiteral("many_activities.csv"));
        writeFile(file, csv);
        auto r = importFile(*db, s.team.li, QStringLiteral("activities"), file);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY2(r->invalid == 0, qPrintable(r->firstIssues.value(0).reason));
        QCOMPARE(r->created, 1201);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities")), 1201);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(DISTINCT id) FROM activities")), 1201);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity'")), 1201);
        QCOMPARE(must(CustomerService(*db).get(s.team.li, s.xinghe), "customer").lastContactAt, base + 1199 * 60'000);
        QCOMPARE(must(CustomerService(*db).get(s.team.li, s.zhaoCo), "customer").lastContactAt, base + 1200 * 60'000);
        // The running totals the dashboard reads moved with them (triggers).
        QCOMPARE(count(*db, QStringLiteral("SELECT COALESCE(SUM(n), 0) FROM activity_day_counts")), 1201);
    }

    // The bulk writer's audit text is the one ActivityService::log records, for full and sparse drafts.
    void activitySnapshotAsTheServiceWritesIt()
    {
        Activity a;
        a.customerId = 42;
        a.contactId = 7;
        a.opportunityId = 9;
        a.kind = QStringLiteral("call");
        a.direction = QStringLiteral("outbound");
        a.status = QStringLiteral("connected");
        a.subject = u("报价\"跟进\"");
        a.content = QStringLiteral("line 1\nline 2\t\\ \x01");
        a.outcome = QStringLiteral("positive");
        a.phone = QStringLiteral("13812345678");
        a.durationSeconds = 0;
        a.occurredAt = 1'767'225'600'123;
        QCOMPARE(ActivityBulkWriter::snapshotJson(a), AuditLog::snapshotText(ActivityService::snapshot(a)));
        Activity sparse;
        sparse.customerId = 1;
        sparse.kind = QStringLiteral("note");
        sparse.occurredAt = 5;
        QCOMPARE(ActivityBulkWriter::snapshotJson(sparse), AuditLog::snapshotText(ActivityService::snapshot(sparse)));
        QCOMPARE(ActivityBulkWriter::snapshotJson(sparse), QStringLiteral("{\"customerId\":1,\"kind\":\"note\",\"occurredAt\":5}"));
    }

    // The activity import's local times go through LocalTime::utcMs (one zone lookup per day): the
    // same instants as QDateTime gives, also in zones with daylight saving, on their switch days
    // (including the hour that does not exist and the one that happens twice) and next to them.
    void localTimesAsQDateTimeReadsThem()
    {
        const QByteArray tz = qgetenv("TZ");
        const bool hadTz = qEnvironmentVariableIsSet("TZ");
        // POSIX rules, so that the test needs no tzdata: Berlin, New York, Shanghai.
        for (const char *zone : {"CET-1CEST,M3.5.0,M10.5.0/3", "EST5EDT,M3.2.0,M11.1.0", "CST-8"}) {
            qputenv("TZ", zone);
            LocalTime local;
            int checked = 0;
            for (const QDate &day : {QDate(2024, 3, 9), QDate(2024, 3, 10), QDate(2024, 3, 11), QDate(2024, 3, 30),
                                     QDate(2024, 3, 31), QDate(2024, 4, 1), QDate(2024, 10, 27), QDate(2024, 11, 3),
                                     QDate(2024, 11, 4), QDate(1999, 12, 31), QDate(2026, 6, 1)}) {
                for (int minute = 0; minute < 24 * 60; minute += 15) {
                    const QTime time(minute / 60, minute % 60);
                    QCOMPARE(local.utcMs(day, time), QDateTime(day, time).toMSecsSinceEpoch());
                    ++checked;
                }
            }
            QCOMPARE(checked, 11 * 96);
        }
        if (hadTz)
            qputenv("TZ", tz);
        else
            qunsetenv("TZ");
    }

    void opportunitiesRoundTrip()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const Pipeline pipeline = must(PipelineService(*db).list(s.team.admin), "pipelines").at(0);
        OpportunityService opportunities(*db);
        auto make = [&](const Actor &a, qint64 customer, const QString &name, qint64 amount, int stageIndex, QDate close,
                        const QString &notes) {
            Opportunity o;
            o.customerId = customer;
            o.name = name;
            o.amountMinor = amount;
            o.stageId = pipeline.stages.at(1).id;
            o.expectedCloseDate = close;
            o.notes = notes;
            o = must(opportunities.create(a, o), "create");
            if (stageIndex != 1) {
                const Stage &st = pipeline.stages.at(stageIndex);
                o = must(opportunities.moveStage(a, o.id, st.id, std::nullopt,
                                                 st.kind == QLatin1String("lost") ? u("价格太高") : QString()),
                         "move");
            }
            return o;
        };
        make(s.team.wang, s.xinghe, u("星河 CRM 项目"), 1234567, 1, QDate(2026, 6, 30), u("第一期, 含\"培训\""));
        make(s.team.wang, s.xinghe, u("星河续约"), 99, 4, {}, {});
        make(s.team.zhao, s.zhaoCo, u("赵氏年度采购"), 5000000, 5, QDate(2026, 1, 15), {});
        auto o = must(opportunities.create(s.team.li, [&] {
            Opportunity x;
            x.customerId = s.zhaoCo;
            x.name = u("赵氏加单");
            x.stageId = pipeline.stages.at(2).id;
            x.probability = 65;
            x.ownerId = s.team.zhao.userId;
            return x;
        }()), "custom probability");
        Q_UNUSED(o);
        const QStringList drop = {u("编号"), u("创建时间"), u("关闭时间"), QStringLiteral("ID"), QStringLiteral("Created"),
                                  QStringLiteral("Closed")};

        for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::Json, ExportFormat::Xlsx}) {
            const QString before = path(QStringLiteral("opps-before.csv"));
            OpportunityExportOptions csvOptions;
            csvOptions.chineseHeaders = true;
            QVERIFY(OpportunityExporter(*db).exportTo(s.team.li, before, csvOptions));
            QString file = before;
            if (format != ExportFormat::Csv) { // English headers and words in these two
                file = path(format == ExportFormat::Json ? QStringLiteral("opps.json") : QStringLiteral("opps.xlsx"));
                OpportunityExportOptions other;
                other.format = format;
                QVERIFY(OpportunityExporter(*db).exportTo(s.team.li, file, other));
            }
            // Empty the table through the service, then import the export back.
            OpportunityFilter all;
            all.limit = 200;
            for (const Opportunity &x : must(opportunities.list(s.team.admin, all), "list").opportunities)
                QVERIFY(opportunities.remove(s.team.admin, x.id));
            QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 0);
            auto r = importFile(*db, s.team.li, QStringLiteral("opportunities"), file);
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QVERIFY2(r->invalid == 0, qPrintable(r->firstIssues.value(0).reason));
            QCOMPARE(r->created, 4);
            const QString after = path(QStringLiteral("opps-after.csv"));
            QVERIFY(OpportunityExporter(*db).exportTo(s.team.li, after, csvOptions));
            QCOMPARE(comparable(after, drop), comparable(before, drop));
            QCOMPARE(must(CustomerService(*db).get(s.team.admin, s.xinghe), "customer").wonValueMinor, 99);
        }
    }

    void activitiesRoundTrip()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        ActivityService activities(*db);
        auto log = [&](qint64 customer, const QString &kind, const QString &direction, const QString &subject,
                       const QString &content, qint64 at) {
            Activity a;
            a.customerId = customer;
            a.kind = kind;
            a.direction = direction;
            a.subject = subject;
            a.content = content;
            a.outcome = kind == QLatin1String("call") ? u("已接通") : QString();
            a.occurredAt = at;
            must(activities.log(s.team.li, a), "log");
        };
        // Whole minutes: the CSV export writes local time to the minute.
        log(s.xinghe, QStringLiteral("call"), QStringLiteral("outbound"), u("首次电话"), u("聊了报价"), localMs(2026, 2, 1, 9, 5));
        log(s.xinghe, QStringLiteral("visit"), {}, u("上门"), u("第一行\n第二行, 有逗号"), localMs(2026, 2, 3, 15, 30));
        log(s.zhaoCo, QStringLiteral("email"), QStringLiteral("inbound"), u("询价"), {}, localMs(2026, 2, 4, 23, 59));
        const QStringList drop = {u("编号"), QStringLiteral("ID")};

        for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::Json, ExportFormat::Xlsx}) {
            const QString before = path(QStringLiteral("acts-before.csv"));
            ActivityExportOptions csvOptions;
            csvOptions.chineseHeaders = true;
            QVERIFY(ActivityExporter(*db).exportTo(s.team.li, before, csvOptions));
            QString file = before;
            if (format != ExportFormat::Csv) {
                file = path(format == ExportFormat::Json ? QStringLiteral("acts.json") : QStringLiteral("acts.xlsx"));
                ActivityExportOptions other;
                other.format = format;
                QVERIFY(ActivityExporter(*db).exportTo(s.team.li, file, other));
            }
            ActivityScopeFilter all;
            all.limit = 1000;
            for (const Activity &a : must(activities.listInScope(s.team.admin, all), "list").activities)
                QVERIFY(activities.remove(s.team.admin, a.id));
            QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities")), 0);
            auto r = importFile(*db, s.team.li, QStringLiteral("activities"), file);
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QVERIFY2(r->invalid == 0, qPrintable(r->firstIssues.value(0).reason));
            QCOMPARE(r->created, 3);
            const QString after = path(QStringLiteral("acts-after.csv"));
            QVERIFY(ActivityExporter(*db).exportTo(s.team.li, after, csvOptions));
            QCOMPARE(comparable(after, drop), comparable(before, drop));
        }
    }

    // The contacts export (CSV with Chinese headers, JSON, XLSX) imports back as it was.
    void contactsRoundTrip()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        ContactService contacts(*db);
        auto add = [&](qint64 customer, const QString &name, const QString &position, const QString &phone, const QString &email,
                       bool primary, const QString &relationship = {}, const QString &notes = {}) {
            Contact k;
            k.notes = notes;
            k.customerId = customer;
            k.name = name;
            k.position = position;
            k.phone = phone;
            k.email = email;
            k.primary = primary;
            k.relationship = relationship;
            must(contacts.add(s.team.admin, k), "contact");
        };
        // A namesake of 深圳星河科技有限公司: the export's customer ids keep their contacts apart.
        Customer namesake;
        namesake.name = u("深圳星河科技有限公司");
        namesake.phones = {Phone{QStringLiteral("13600009999"), {}, true}};
        const qint64 twin = must(CustomerService(*db).create(s.team.admin, namesake), "customer").id;
        add(s.xinghe, u("张伟"), u("采购经理"), QStringLiteral("13900001111"), QStringLiteral("zhang.wei@xinghe.cn"), true,
            u("决策人"));
        add(s.xinghe, u("李娜"), u("财务, 兼行政"), {}, QStringLiteral("li.na@xinghe.cn"), false, {},
            u("周三下午方便接电话，\n报销走\"月结\"流程"));
        add(s.zhaoCo, u("赵六"), {}, QStringLiteral("13700002222"), {}, true);
        add(twin, u("周杰"), {}, {}, {}, true, u("使用者"));
        const QStringList drop = {u("编号"), QStringLiteral("ID")};
        for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::Json, ExportFormat::Xlsx}) {
            const QString before = path(QStringLiteral("contacts-before.csv"));
            ContactExportOptions csvOptions;
            csvOptions.chineseHeaders = true;
            QVERIFY(ContactExporter(*db).exportTo(s.team.admin, before, csvOptions));
            QString file = before;
            if (format != ExportFormat::Csv) {
                file = path(format == ExportFormat::Json ? QStringLiteral("contacts.json") : QStringLiteral("contacts.xlsx"));
                ContactExportOptions other;
                other.format = format;
                QVERIFY(ContactExporter(*db).exportTo(s.team.admin, file, other));
            }
            QVERIFY(db->execSql(QStringLiteral("DELETE FROM contacts")));
            auto r = importFile(*db, s.team.admin, QStringLiteral("contacts"), file);
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QVERIFY2(r->invalid == 0, qPrintable(r->firstIssues.value(0).reason));
            QCOMPARE(r->created, 4);
            const QString after = path(QStringLiteral("contacts-after.csv"));
            QVERIFY(ContactExporter(*db).exportTo(s.team.admin, after, csvOptions));
            QCOMPARE(comparable(after, drop), comparable(before, drop));
        }
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'contact' AND action = 'create'")), 16);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE customer_id = %1 AND relationship = '%2'")
                                .arg(twin)
                                .arg(u("使用者"))),
                 1);
        // Notes with a line break, a comma and quotes come back as they were.
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE notes = '%1'").arg(u("周三下午方便接电话，\n报销走\"月结\"流程"))), 1);
    }

    // A rep's contacts file: scope, bad values, duplicates and their policies, the primary mark.
    void contactsRules()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        Contact zhang;
        zhang.customerId = s.xinghe;
        zhang.name = u("张伟");
        zhang.primary = true;
        must(ContactService(*db).add(s.team.wang, zhang), "contact");
        const QString file = path(QStringLiteral("contacts_rules.csv"));
        writeFile(file, u("客户,姓名,职位,手机,邮箱\n"
                          "深圳星河科技有限公司,王强,技术总监,13700001111,\n"
                          "钱多多商行,钱七,,,\n"
                          "深圳星河科技有限公司,张伟,采购总监,,\n"
                          "深圳星河科技有限公司,坏邮箱,,,not-an-email\n").toUtf8());
        const QVector<QString> fields = ColumnMapping::propose({u("客户"), u("姓名"), u("职位"), u("手机"), u("邮箱")},
                                                               QStringLiteral("contacts")).fields;
        QCOMPARE(fields, (QVector<QString>{QStringLiteral("customer"), QStringLiteral("name"), QStringLiteral("position"),
                                           QStringLiteral("phone"), QStringLiteral("email")}));
        auto strict = importFile(*db, s.team.wang, QStringLiteral("contacts"), file);
        QVERIFY(strict);
        QVERIFY(!strict->committed);
        QCOMPARE(strict->invalid, 2); // 钱多多商行 is Qian's: unknown to Wang; the bad email
        QCOMPARE(strict->skipped, 1); // 张伟 is there already
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM contacts")), 1);

        EntityImportOptions partial;
        partial.partial = true;
        auto some = importFile(*db, s.team.wang, QStringLiteral("contacts"), file, partial);
        QVERIFY(some);
        QVERIFY(some->committed);
        QCOMPARE(some->created, 1);
        QVector<Contact> list = must(ContactService(*db).list(s.team.wang, s.xinghe), "list");
        QCOMPARE(list.size(), 2);
        for (const Contact &k : std::as_const(list)) {
            QCOMPARE(k.primary, k.name == u("张伟")); // the customer had a primary already
            if (k.name == u("王强"))
                QCOMPARE(k.phone, QStringLiteral("13700001111"));
        }

        // Update: 张伟's position; a primary column moves the mark to 王强.
        const QString update = path(QStringLiteral("contacts_update.csv"));
        writeFile(update, u("客户,姓名,职位,主联系人\n深圳星河科技有限公司,张伟,采购总监,\n深圳星河科技有限公司,王强,,是\n").toUtf8());
        EntityImportOptions updating;
        updating.onDuplicate = DuplicatePolicy::Update;
        auto updated = importFile(*db, s.team.wang, QStringLiteral("contacts"), update, updating);
        QVERIFY2(updated, updated ? "" : qPrintable(updated.error().message));
        QVERIFY(updated->committed);
        QCOMPARE(updated->updated, 2);
        list = must(ContactService(*db).list(s.team.wang, s.xinghe), "list");
        for (const Contact &k : std::as_const(list)) {
            QCOMPARE(k.primary, k.name == u("王强"));
            if (k.name == u("张伟"))
                QCOMPARE(k.position, u("采购总监"));
        }
        // An empty primary cell leaves the mark where it is; 否 takes it away.
        writeFile(update, u("客户,姓名,职位,主联系人\n深圳星河科技有限公司,王强,CTO,\n").toUtf8());
        QVERIFY(importFile(*db, s.team.wang, QStringLiteral("contacts"), update, updating).value().updated == 1);
        list = must(ContactService(*db).list(s.team.wang, s.xinghe), "list");
        for (const Contact &k : std::as_const(list))
            QCOMPARE(k.primary, k.name == u("王强"));
        writeFile(update, u("客户,姓名,主联系人\n深圳星河科技有限公司,王强,否\n").toUtf8());
        QVERIFY(importFile(*db, s.team.wang, QStringLiteral("contacts"), update, updating).value().updated == 1);
        list = must(ContactService(*db).list(s.team.wang, s.xinghe), "list");
        for (const Contact &k : std::as_const(list))
            QVERIFY(!k.primary);

        // A customer without contacts: its first imported contact becomes the primary.
        Customer fresh;
        fresh.name = u("杭州云端网络有限公司");
        const qint64 yun = must(CustomerService(*db).create(s.team.wang, fresh), "customer").id;
        const QString first = path(QStringLiteral("contacts_first.csv"));
        writeFile(first, u("客户编号,姓名\n%1,孙丽\n%1,周杰\n").arg(yun).toUtf8());
        QVERIFY(importFile(*db, s.team.wang, QStringLiteral("contacts"), first).value().created == 2);
        list = must(ContactService(*db).list(s.team.wang, yun), "list");
        QCOMPARE(list.size(), 2);
        for (const Contact &k : std::as_const(list))
            QCOMPARE(k.primary, k.name == u("孙丽"));
    }

    // A file large next to the activities table: on SQLite the indexes by author, contact and
    // opportunity are dropped for the load and built again at the end; a cancel after that point
    // restores them and writes nothing. The last contacts are raised once, at the end, to each
    // customer's newest activity in the file (which is not its last row).
    void largeActivityImportRebuildsIndexes()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const QStringList before = test::indexAndTriggerNames(*db);
        const qint64 base = localMs(2026, 1, 1, 8, 0);
        QByteArray bytes = u("客户编号,客户,时间,类型,主题\n").toUtf8();
        for (int i = 0; i < 60000; ++i) {
            const bool xinghe = i % 3 != 0;
            // Minutes going back from row 30,000 on: each customer's newest activity is in mid-file.
            const qint64 at = base + qint64(i < 30000 ? i : 60000 - i) * 60'000;
            bytes += (QStringLiteral("%1,%2,%3,call,c%4\n")
                          .arg(xinghe ? s.xinghe : s.zhaoCo)
                          .arg(xinghe ? u("深圳星河科技有限公司") : u("赵氏贸易"))
                          .arg(QDateTime::fromMSecsSinceEpoch(at).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                          .arg(i))
                         .toUtf8();
        }
        const QString file = path(QStringLiteral("large_activities.csv"));
        writeFile(file, bytes);

        auto source = TableFile::open(file);
        QVERIFY(source);
        CancelFlag cancel{false};
        test::CancellingSource cancelling(**source, cancel, 30000); // after the decision at row 10,000
        EntityImportOptions options;
        options.cancel = &cancel;
        auto r = ActivityImporter(*db).run(s.team.li, cancelling, options);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("cancelled"));
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities")), 0);
        QCOMPARE(test::indexAndTriggerNames(*db), before);

        r = importFile(*db, s.team.li, QStringLiteral("activities"), file);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->created, 60000);
        QCOMPARE(test::indexAndTriggerNames(*db), before);
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity'")), 60000);
        QCOMPARE(must(CustomerService(*db).get(s.team.li, s.xinghe), "customer").lastContactAt, base + 29999 * 60'000);
        QCOMPARE(must(CustomerService(*db).get(s.team.li, s.zhaoCo), "customer").lastContactAt, base + 30000 * 60'000); // row 30,000
        // The rebuilt author index answers as the rows are: every one is li's.
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities WHERE user_id = %1").arg(s.team.li.userId)), 60000);
        if (db->isSqlite())
            QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT COALESCE(SUM(n), 0) FROM activity_day_counts")), 60000);
    }

    void cancelWritesNothing()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        CancelFlag cancel{true};
        EntityImportOptions options;
        options.cancel = &cancel;
        auto r = importFile(*db, s.team.li, QStringLiteral("opportunities"), fixture(QStringLiteral("opportunities_zh.csv")), options);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("cancelled"));
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM opportunities")), 0);

        // Cancelled after the first chunk was written: rolled back.
        const QString big = path(QStringLiteral("many.csv"));
        QByteArray bytes = u("客户,主题,时间\n").toUtf8();
        for (int i = 0; i < 1200; ++i)
            bytes += (u("深圳星河科技有限公司,第%1次,2026-01-01 10:00\n").arg(i)).toUtf8();
        writeFile(big, bytes);
        CancelFlag later{false};
        options.cancel = &later;
        int calls = 0;
        options.progress = [&](const TaskProgress &) { later.store(++calls >= 1); };
        r = importFile(*db, s.team.li, QStringLiteral("activities"), big, options);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("cancelled"));
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM activities")), 0);
    }
};

QTEST_GUILESS_MAIN(TestEntityImport)
#include "tst_entity_import.moc"
