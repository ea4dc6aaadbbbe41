// Opportunity, activity, task and contact exports: scope (a manager's team vs a rep's own), the
// export permission, masking of contact phones, typed XLSX cells read back by openpyxl (money
// numeric with two decimals, dates as dates), JSON, paging over several pages. SQLite and PostgreSQL.
#include "core/services/ActivityService.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "core/services/TaskService.h"
#include "reports/export/ActivityExporter.h"
#include "reports/export/ContactExporter.h"
#include "reports/export/OpportunityExporter.h"
#include "reports/export/TaskExporter.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/reports/ReportsTestUtil.h"

#include <QJsonArray>
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

// Wang and Zhao (Li's team) and Qian (Sun's team) each own one customer with a contact, an
// opportunity, an activity and a task.
struct Seeded
{
    Team team;
    qint64 xinghe = 0, zhaoCo = 0, qianCo = 0;
};

Seeded seed(Database &db)
{
    Seeded s{makeTeam(db)};
    CustomerService customers(db);
    auto customer = [&](const Actor &owner, const QString &name) {
        Customer c;
        c.name = name;
        return must(customers.create(owner, c), "customer").id;
    };
    s.xinghe = customer(s.team.wang, u("深圳星河科技有限公司"));
    s.zhaoCo = customer(s.team.zhao, u("赵氏贸易"));
    s.qianCo = customer(s.team.qian, u("钱多多商行"));

    ContactService contacts(db);
    auto contact = [&](const Actor &a, qint64 customerId, const QString &name, const QString &phone, const QString &email,
                       bool primary) {
        Contact k;
        k.customerId = customerId;
        k.name = name;
        k.position = u("采购经理");
        k.phone = phone;
        k.email = email;
        k.primary = primary;
        must(contacts.add(a, k), "contact");
    };
    contact(s.team.wang, s.xinghe, u("王经理"), QStringLiteral("13912345678"), QStringLiteral("wang.jl@xinghe.cn"), true);
    contact(s.team.wang, s.xinghe, u("李助理"), QStringLiteral("13700001111"), {}, false);
    contact(s.team.zhao, s.zhaoCo, u("赵小姐"), QStringLiteral("13500006666"), {}, true);
    contact(s.team.qian, s.qianCo, u("钱先生"), QStringLiteral("13600007777"), {}, true);

    const Pipeline pipeline = must(PipelineService(db).list(s.team.admin), "pipelines").at(0);
    OpportunityService opportunities(db);
    auto opportunity = [&](const Actor &a, qint64 customerId, const QString &name, qint64 amount, QDate close) {
        Opportunity o;
        o.customerId = customerId;
        o.stageId = pipeline.stages.at(1).id;
        o.name = name;
        o.amountMinor = amount;
        o.expectedCloseDate = close;
        must(opportunities.create(a, o), "opportunity");
    };
    opportunity(s.team.wang, s.xinghe, u("星河 CRM 项目"), 1234567, QDate(2024, 6, 30));
    opportunity(s.team.zhao, s.zhaoCo, u("赵氏年度采购"), 50000, {});
    opportunity(s.team.qian, s.qianCo, u("钱多多门店"), 990000, QDate(2024, 9, 1));

    ActivityService activities(db);
    auto activity = [&](const Actor &a, qint64 customerId, const QString &kind, const QString &subject) {
        Activity x;
        x.customerId = customerId;
        x.kind = kind;
        x.direction = QStringLiteral("outbound");
        x.subject = subject;
        x.content = u("聊了报价");
        must(activities.log(a, x), "activity");
    };
    activity(s.team.wang, s.xinghe, QStringLiteral("call"), u("首次电话"));
    activity(s.team.zhao, s.zhaoCo, QStringLiteral("visit"), u("上门拜访"));
    activity(s.team.qian, s.qianCo, QStringLiteral("note"), u("钱的备注"));

    TaskService tasks(db);
    auto task = [&](const Actor &a, qint64 customerId, const QString &title) {
        Task t;
        t.title = title;
        t.customerId = customerId;
        t.priority = QStringLiteral("high");
        t.dueAt = QDateTime(QDate(2030, 1, 15), QTime(10, 0)).toMSecsSinceEpoch();
        must(tasks.create(a, t), "task");
    };
    task(s.team.wang, s.xinghe, u("发报价单"));
    task(s.team.zhao, s.zhaoCo, u("回访赵氏"));
    task(s.team.qian, s.qianCo, u("钱的任务"));
    return s;
}

QStringList column(const QList<QStringList> &rows, const QString &header)
{
    const int i = int(rows.value(0).indexOf(header));
    QStringList out;
    for (int r = 1; r < rows.size(); ++r)
        out << rows[r].value(i);
    out.sort();
    return out;
}

QString flat(const QList<QStringList> &rows)
{
    QString out;
    for (const QStringList &r : rows)
        out += r.join(QLatin1Char('|')) + QLatin1Char('\n');
    return out;
}

// A rep (own scope) who may export: repDefaults plus customer.export, not export_unmasked.
Actor repExporter(Database &db, const Seeded &s)
{
    QStringList perms = Permission::repDefaults();
    perms << Permission::CustomerExport;
    return withRole(db, s.team.admin, s.team.wang, QStringLiteral("rep-exporter"), DataScope::Own, perms);
}

template <typename Exporter, typename Options>
ExportSummary exportCsv(Database &db, const Actor &actor, const QString &file, Options options = {})
{
    auto r = Exporter(db).exportTo(actor, file, options);
    if (!r)
        qWarning("export: %s", qPrintable(r.error().message));
    return r ? *r : ExportSummary{-1, 0, false, {}};
}

} // namespace

class TestEntityExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void opportunitiesByScope()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const QString file = path(QStringLiteral("opps.csv"));
        QCOMPARE((exportCsv<OpportunityExporter, OpportunityExportOptions>(*db, s.team.li, file).rows), 2);
        QList<QStringList> rows = readCsv(file);
        QCOMPARE(rows.value(0), (QStringList{QStringLiteral("ID"), QStringLiteral("Customer"), QStringLiteral("Opportunity"),
                                             QStringLiteral("Amount"), QStringLiteral("Currency"), QStringLiteral("Probability %"),
                                             QStringLiteral("Stage"), QStringLiteral("Status"), QStringLiteral("Expected close"),
                                             QStringLiteral("Owner"), QStringLiteral("Created"), QStringLiteral("Closed"),
                                             QStringLiteral("Loss reason"), QStringLiteral("Customer ID")}));
        QCOMPARE(column(rows, QStringLiteral("Customer")), (QStringList{u("深圳星河科技有限公司"), u("赵氏贸易")}));
        QCOMPARE(column(rows, QStringLiteral("Amount")), (QStringList{QStringLiteral("12345.67"), QStringLiteral("500.00")}));
        QCOMPARE(column(rows, QStringLiteral("Expected close")), (QStringList{QString(), QStringLiteral("2024-06-30")}));
        QCOMPARE(column(rows, QStringLiteral("Owner")), (QStringList{QStringLiteral("wang"), QStringLiteral("zhao")}));
        QCOMPARE(column(rows, QStringLiteral("Status")), (QStringList{QStringLiteral("open"), QStringLiteral("open")}));

        const Actor rep = repExporter(*db, s);
        QCOMPARE((exportCsv<OpportunityExporter, OpportunityExportOptions>(*db, rep, file).rows), 1);
        rows = readCsv(file);
        QCOMPARE(column(rows, QStringLiteral("Opportunity")), QStringList{u("星河 CRM 项目")});

        // The filter narrows within the scope.
        OpportunityExportOptions options;
        options.filter.ownerId = s.team.zhao.userId;
        QCOMPARE((exportCsv<OpportunityExporter>(*db, s.team.li, file, options).rows), 1);
        QCOMPARE(column(readCsv(file), QStringLiteral("Owner")), QStringList{QStringLiteral("zhao")});
        options.filter = {};
        options.filter.expectedCloseFrom = QDate(2024, 6, 1);
        QCOMPARE((exportCsv<OpportunityExporter>(*db, s.team.admin, file, options).rows), 2);
    }

    void permissionIsNeeded()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const QString file = path(QStringLiteral("no.csv"));
        // Reps have no export permission by default.
        QCOMPARE(OpportunityExporter(*db).exportTo(s.team.wang, file, {}).error().code, QStringLiteral("forbidden"));
        QCOMPARE(ActivityExporter(*db).exportTo(s.team.wang, file, {}).error().code, QStringLiteral("forbidden"));
        QCOMPARE(TaskExporter(*db).exportTo(s.team.wang, file, {}).error().code, QStringLiteral("forbidden"));
        QCOMPARE(ContactExporter(*db).exportTo(s.team.wang, file, {}).error().code, QStringLiteral("forbidden"));
        // Export without the entity's read permission.
        const Actor exportOnly = withRole(*db, s.team.admin, s.team.zhao, QStringLiteral("export-only"), DataScope::All,
                                          {Permission::CustomerRead, Permission::CustomerExport});
        QCOMPARE(OpportunityExporter(*db).exportTo(exportOnly, file, {}).error().code, QStringLiteral("forbidden"));
        QCOMPARE(TaskExporter(*db).exportTo(exportOnly, file, {}).error().code, QStringLiteral("forbidden"));
        QCOMPARE(ActivityExporter(*db).exportTo(exportOnly, file, {}).error().code, QStringLiteral("forbidden"));
        QVERIFY(!QFile::exists(file));
    }

    void activitiesByScope()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const QString file = path(QStringLiteral("acts.csv"));
        QCOMPARE((exportCsv<ActivityExporter, ActivityExportOptions>(*db, s.team.li, file).rows), 2);
        QList<QStringList> rows = readCsv(file);
        QCOMPARE(rows.value(0).mid(1), (QStringList{QStringLiteral("Time"), QStringLiteral("Kind"), QStringLiteral("Direction"),
                                                    QStringLiteral("Customer"), QStringLiteral("Subject"), QStringLiteral("Content"),
                                                    QStringLiteral("Outcome"), QStringLiteral("User"), QStringLiteral("Customer ID")}));
        QCOMPARE(column(rows, QStringLiteral("Customer")), (QStringList{u("深圳星河科技有限公司"), u("赵氏贸易")}));
        QCOMPARE(column(rows, QStringLiteral("Kind")), (QStringList{QStringLiteral("call"), QStringLiteral("visit")}));
        QVERIFY(!flat(rows).contains(u("钱的备注")));

        const Actor rep = repExporter(*db, s);
        QCOMPARE((exportCsv<ActivityExporter, ActivityExportOptions>(*db, rep, file).rows), 1);
        QCOMPARE(column(readCsv(file), QStringLiteral("Subject")), QStringList{u("首次电话")});

        ActivityExportOptions options;
        options.filter.kind = QStringLiteral("visit");
        options.chineseHeaders = true;
        QCOMPARE((exportCsv<ActivityExporter>(*db, s.team.admin, file, options).rows), 1);
        rows = readCsv(file);
        QCOMPARE(column(rows, u("类型")), QStringList{u("拜访")});
        QCOMPARE(column(rows, u("记录人")), QStringList{QStringLiteral("zhao")});
        // A period in the past holds nothing.
        options.filter = {};
        options.filter.occurredTo = QDateTime(QDate(2020, 1, 1), QTime(0, 0)).toMSecsSinceEpoch();
        QCOMPARE((exportCsv<ActivityExporter>(*db, s.team.admin, file, options).rows), 0);
    }

    void tasksByScope()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const QString file = path(QStringLiteral("tasks.csv"));
        QCOMPARE((exportCsv<TaskExporter, TaskExportOptions>(*db, s.team.li, file).rows), 2);
        QList<QStringList> rows = readCsv(file);
        QCOMPARE(column(rows, QStringLiteral("Title")), (QStringList{u("发报价单"), u("回访赵氏")}));
        QCOMPARE(column(rows, QStringLiteral("Assignee")), (QStringList{QStringLiteral("wang"), QStringLiteral("zhao")}));
        QCOMPARE(column(rows, QStringLiteral("Priority")), (QStringList{QStringLiteral("high"), QStringLiteral("high")}));
        QCOMPARE(column(rows, QStringLiteral("Due")), (QStringList{QStringLiteral("2030-01-15 10:00"), QStringLiteral("2030-01-15 10:00")}));
        QCOMPARE(column(rows, QStringLiteral("Completed")), (QStringList{QString(), QString()}));

        const Actor rep = repExporter(*db, s);
        QCOMPARE((exportCsv<TaskExporter, TaskExportOptions>(*db, rep, file).rows), 1);
        QCOMPARE(column(readCsv(file), QStringLiteral("Customer")), QStringList{u("深圳星河科技有限公司")});
    }

    void contactsMaskedForARep()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const QString file = path(QStringLiteral("contacts.csv"));
        ExportSummary manager = exportCsv<ContactExporter, ContactExportOptions>(*db, s.team.li, file);
        QCOMPARE(manager.rows, 3);
        QVERIFY(!manager.masked);
        QList<QStringList> rows = readCsv(file);
        QCOMPARE(column(rows, QStringLiteral("Phone")),
                 (QStringList{QStringLiteral("13500006666"), QStringLiteral("13700001111"), QStringLiteral("13912345678")}));
        QCOMPARE(column(rows, QStringLiteral("Primary")), (QStringList{QString(), QStringLiteral("yes"), QStringLiteral("yes")}));

        const Actor rep = repExporter(*db, s);
        ExportSummary own = exportCsv<ContactExporter, ContactExportOptions>(*db, rep, file);
        QCOMPARE(own.rows, 2);
        QVERIFY(own.masked);
        rows = readCsv(file);
        QCOMPARE(column(rows, QStringLiteral("Name")), (QStringList{u("李助理"), u("王经理")}));
        QCOMPARE(column(rows, QStringLiteral("Phone")), (QStringList{QStringLiteral("137****1111"), QStringLiteral("139****5678")}));
        QVERIFY(column(rows, QStringLiteral("Email")).contains(QStringLiteral("w***@xinghe.cn")));
        QVERIFY(!flat(rows).contains(QStringLiteral("13912345678")));

        // One customer's contacts; a customer out of scope gives none.
        ContactExportOptions options;
        options.filter.customerId = s.qianCo;
        QCOMPARE((exportCsv<ContactExporter>(*db, s.team.li, file, options).rows), 0);
        QCOMPARE((exportCsv<ContactExporter>(*db, s.team.admin, file, options).rows), 1);

        // A role hiding customers' phones hides contacts' phones too.
        const Actor viewer = withRole(*db, s.team.admin, s.team.sun, QStringLiteral("no-phones"), DataScope::All,
                                      Permission::managerDefaults());
        QVERIFY(OrgService(*db).setFieldRule(s.team.admin, viewer.roleId, QStringLiteral("customer"), QStringLiteral("phones"),
                                             FieldRule::Hidden).ok());
        const Actor hidden = OrgService(*db).actorFor(viewer.userId).value();
        ExportSummary h = exportCsv<ContactExporter, ContactExportOptions>(*db, hidden, file);
        QCOMPARE(h.hiddenColumns, QStringList{QStringLiteral("phone")});
        QVERIFY(!readCsv(file).value(0).contains(QStringLiteral("Phone")));
    }

    void xlsxTypedCells()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        OpportunityExportOptions options;
        options.format = ExportFormat::Xlsx;
        options.filter.customerId = s.xinghe;
        const QString file = path(QStringLiteral("opps.xlsx"));
        QCOMPARE((exportCsv<OpportunityExporter>(*db, s.team.admin, file, options).rows), 1);
        QJsonObject dump = dumpXlsx(file);
        QCOMPARE(dump.value(QStringLiteral("sheets")).toArray().at(0).toString(), QStringLiteral("Opportunities"));
        QJsonArray rows = dump.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 2);
        auto cell = [&](int row, int col) { return rows.at(row).toArray().at(col).toObject(); };
        // Amount: a number with two decimals shown.
        QCOMPARE(cell(1, 3).value(QStringLiteral("t")).toString(), QStringLiteral("float"));
        QCOMPARE(cell(1, 3).value(QStringLiteral("v")).toDouble(), 12345.67);
        QCOMPARE(cell(1, 3).value(QStringLiteral("f")).toString(), QStringLiteral("#,##0.00"));
        // Probability: an integer.
        QCOMPARE(cell(1, 5).value(QStringLiteral("t")).toString(), QStringLiteral("int"));
        // Expected close: a date; created: a date-time; closed (still open): empty.
        QCOMPARE(cell(1, 8).value(QStringLiteral("t")).toString(), QStringLiteral("datetime"));
        QCOMPARE(cell(1, 8).value(QStringLiteral("v")).toString(), QStringLiteral("2024-06-30T00:00:00"));
        QCOMPARE(cell(1, 8).value(QStringLiteral("f")).toString(), QStringLiteral("yyyy-mm-dd"));
        QCOMPARE(cell(1, 10).value(QStringLiteral("t")).toString(), QStringLiteral("datetime"));
        QCOMPARE(cell(1, 10).value(QStringLiteral("f")).toString(), QStringLiteral("yyyy-mm-dd hh:mm"));
        QCOMPARE(cell(1, 11).value(QStringLiteral("t")).toString(), QStringLiteral("none"));

        // Tasks: the due time is a date-time cell; contacts' phones stay text.
        TaskExportOptions taskOptions;
        taskOptions.format = ExportFormat::Xlsx;
        taskOptions.chineseHeaders = true;
        const QString tasksFile = path(QStringLiteral("tasks.xlsx"));
        QCOMPARE((exportCsv<TaskExporter>(*db, s.team.admin, tasksFile, taskOptions).rows), 3);
        dump = dumpXlsx(tasksFile);
        QCOMPARE(dump.value(QStringLiteral("sheets")).toArray().at(0).toString(), u("任务"));
        rows = dump.value(QStringLiteral("rows")).toArray();
        QCOMPARE(cell(0, 3).value(QStringLiteral("v")).toString(), u("截止时间"));
        QCOMPARE(cell(1, 3).value(QStringLiteral("t")).toString(), QStringLiteral("datetime"));
        QCOMPARE(cell(1, 3).value(QStringLiteral("v")).toString(), QStringLiteral("2030-01-15T10:00:00"));
        QCOMPARE(cell(1, 4).value(QStringLiteral("v")).toString(), u("高"));

        ContactExportOptions contactOptions;
        contactOptions.format = ExportFormat::Xlsx;
        const QString contactsFile = path(QStringLiteral("contacts.xlsx"));
        QCOMPARE((exportCsv<ContactExporter>(*db, repExporter(*db, s), contactsFile, contactOptions).rows), 2);
        rows = dumpXlsx(contactsFile).value(QStringLiteral("rows")).toArray();
        QCOMPARE(cell(1, 4).value(QStringLiteral("t")).toString(), QStringLiteral("str"));
        QVERIFY(cell(1, 4).value(QStringLiteral("v")).toString().contains(QStringLiteral("****")));
    }

    void jsonActivities()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        ActivityExportOptions options;
        options.format = ExportFormat::Json;
        const QString file = path(QStringLiteral("acts.json"));
        QCOMPARE((exportCsv<ActivityExporter>(*db, s.team.admin, file, options).rows), 3);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray array = QJsonDocument::fromJson(f.readAll()).array();
        QCOMPARE(array.size(), 3);
        const QJsonObject first = array.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("customerName")).toString(), u("深圳星河科技有限公司"));
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("call"));
        QVERIFY(first.value(QStringLiteral("occurredAt")).toString().endsWith(QLatin1Char('Z')));
    }

    // More activities than a page (1,000) and opportunities than a page (200): every row once.
    void pagingCoversEveryRowOnce()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        ActivityService activities(*db);
        OpportunityService opportunities(*db);
        const Pipeline pipeline = must(PipelineService(*db).list(s.team.admin), "pipelines").at(0);
        for (int i = 0; i < 1200; ++i) {
            Activity x;
            x.customerId = s.xinghe;
            x.kind = QStringLiteral("note");
            x.subject = QStringLiteral("n%1").arg(i);
            QVERIFY(activities.log(s.team.wang, x).ok());
        }
        for (int i = 0; i < 450; ++i) {
            Opportunity o;
            o.customerId = s.xinghe;
            o.stageId = pipeline.stages.at(0).id;
            o.name = QStringLiteral("o%1").arg(i);
            o.amountMinor = (i % 7) * 1000;
            QVERIFY(opportunities.create(s.team.wang, o).ok());
        }
        const QString file = path(QStringLiteral("many.csv"));
        QVector<TaskProgress> seen;
        ActivityExportOptions options;
        options.progress = [&](const TaskProgress &p) { seen << p; };
        QCOMPARE((exportCsv<ActivityExporter>(*db, s.team.li, file, options).rows), 1202);
        QStringList ids = column(readCsv(file), QStringLiteral("ID"));
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 1202);
        QCOMPARE(seen.size(), 3); // two pages, then the end
        QCOMPARE(seen.last().fraction, 1.0);

        OpportunityExportOptions byAmount;
        byAmount.filter.sort = OpportunitySort::Amount;
        QCOMPARE((exportCsv<OpportunityExporter>(*db, s.team.li, file, byAmount).rows), 452);
        ids = column(readCsv(file), QStringLiteral("ID"));
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 452);
    }
};

QTEST_GUILESS_MAIN(TestEntityExport)
#include "tst_entity_export.moc"
