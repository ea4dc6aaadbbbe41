// Customer export to CSV, XLSX and JSON: scope, permission, masking, field rules, typed XLSX cells
// read back by openpyxl, keyset paging over several pages, cancel. SQLite and PostgreSQL.
#include "core/demo/DemoGenerator.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "core/services/OrgService.h"
#include "reports/export/CustomerExporter.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/reports/ReportsTestUtil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace crm;
using namespace crm::test;

namespace {

QString u(const char *s)
{
    return QString::fromUtf8(s);
}

Customer draft(const QString &name, const QString &phone, const QString &email = {})
{
    Customer c;
    c.name = name;
    if (!phone.isEmpty())
        c.phones = {Phone{phone, QStringLiteral("mobile"), true}};
    if (!email.isEmpty())
        c.emails = {Email{email, {}, true}};
    return c;
}

struct Seeded
{
    Team team;
    QVector<qint64> wangIds, zhaoIds, qianIds;
};

Seeded seed(Database &db)
{
    Seeded s{makeTeam(db), {}, {}, {}};
    CustomerService svc(db);
    auto add = [&](const Actor &a, Customer c, QVector<qint64> &ids) {
        auto r = svc.create(a, c);
        if (!r)
            qFatal("create: %s", qPrintable(r.error().message));
        ids << r->id;
    };
    Customer xinghe = draft(u("深圳星河科技有限公司"), QStringLiteral("13812345678"), QStringLiteral("info@xinghe.cn"));
    xinghe.company = u("星河科技");
    xinghe.tags = {u("VIP客户"), u("重要客户")};
    xinghe.birthday = QDate(1985, 6, 1);
    xinghe.kind = QStringLiteral("company");
    xinghe.status = QStringLiteral("active");
    xinghe.addresses = {Address{{}, u("广东省"), u("深圳市"), u("南山区"), u("科技园路"), {}, {}, true}};
    add(s.team.wang, xinghe, s.wangIds);
    Customer tricky = draft(QStringLiteral("Smith, \"Jr\"\nLtd"), QStringLiteral("13900001111"));
    tricky.notes = QStringLiteral("=HYPERLINK(\"http://evil\")");
    tricky.kind = QStringLiteral("person");
    tricky.gender = QStringLiteral("male");
    add(s.team.wang, tricky, s.wangIds);
    add(s.team.wang, draft(u("王芳"), QStringLiteral("13700002222"), QStringLiteral("wang.fang@example.com")), s.wangIds);
    add(s.team.zhao, draft(u("赵敏"), QStringLiteral("13500003333")), s.zhaoIds);
    add(s.team.zhao, draft(u("赵强"), QStringLiteral("13500004444")), s.zhaoIds);
    add(s.team.qian, draft(u("钱多多"), QStringLiteral("13600005555")), s.qianIds);
    return s;
}

QString flat(const QList<QStringList> &rows)
{
    QString out;
    for (const QStringList &r : rows)
        out += r.join(QLatin1Char('|')) + QLatin1Char('\n');
    return out;
}

QStringList column(const QList<QStringList> &rows, const QString &header)
{
    const int i = int(rows.value(0).indexOf(header));
    QStringList out;
    for (int r = 1; r < rows.size(); ++r)
        out << rows[r].value(i);
    return out;
}

} // namespace

class TestCustomerExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void repExportsOnlyOwnCustomersMasked()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        QStringList perms = Permission::repDefaults();
        perms << Permission::CustomerExport;
        const Actor rep = withRole(*db, s.team.admin, s.team.wang, QStringLiteral("rep-exporter"), DataScope::Own, perms);
        CustomerExportOptions options;
        auto r = CustomerExporter(*db).exportTo(rep, path(QStringLiteral("rep.csv")), options);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->rows, 3);
        QVERIFY(r->masked);
        const QList<QStringList> rows = readCsv(path(QStringLiteral("rep.csv")));
        QCOMPARE(rows.size(), 4);
        QStringList ids = column(rows, QStringLiteral("ID"));
        QStringList expected;
        for (qint64 id : s.wangIds)
            expected << QString::number(id);
        ids.sort();
        expected.sort();
        QCOMPARE(ids, expected);
        const QStringList phones = column(rows, QStringLiteral("Phone"));
        QVERIFY(phones.contains(QStringLiteral("138****5678")));
        QVERIFY(!flat(rows).contains(QStringLiteral("13812345678")));
        QVERIFY(column(rows, QStringLiteral("Email")).contains(QStringLiteral("w***@example.com")));
    }

    void forbiddenWithoutExportPermission()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        const QString file = path(QStringLiteral("forbidden.csv"));
        auto r = CustomerExporter(*db).exportTo(s.team.wang, file, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("forbidden"));
        QVERIFY(!QFile::exists(file));
    }

    void managerSeesTeamUnmasked()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        auto r = CustomerExporter(*db).exportTo(s.team.li, path(QStringLiteral("li.csv")), {});
        QVERIFY(r.ok());
        QCOMPARE(r->rows, 5);
        QVERIFY(!r->masked);
        const QStringList phones = column(readCsv(path(QStringLiteral("li.csv"))), QStringLiteral("Phone"));
        QVERIFY(phones.contains(QStringLiteral("13812345678")));
        QVERIFY(!phones.contains(QStringLiteral("13600005555"))); // qian is in another team
    }

    void csvContentAndFormulaGuard()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        CustomerExportOptions options;
        options.filter.sort = CustomerSort::Created;
        options.filter.ascending = true;
        const QString file = path(QStringLiteral("all.csv"));
        QVERIFY(CustomerExporter(*db).exportTo(s.team.admin, file, options).ok());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF" "ID,Name,Kind,Status"));
        QVERIFY(bytes.contains("\r\n"));
        QVERIFY(bytes.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""));
        const QList<QStringList> rows = readCsv(file);
        QCOMPARE(rows.size(), 7);
        QCOMPARE(rows[1][1], u("深圳星河科技有限公司"));
        QCOMPARE(rows[2][1], QStringLiteral("Smith, \"Jr\"\nLtd"));
        QCOMPARE(column(rows, QStringLiteral("Tags"))[0], u("VIP客户, 重要客户"));
        QCOMPARE(column(rows, QStringLiteral("Birthday"))[0], QStringLiteral("1985-06-01"));
        QCOMPARE(column(rows, QStringLiteral("Province"))[0], u("广东省"));
        QCOMPARE(column(rows, QStringLiteral("Won value"))[0], QStringLiteral("0.00"));
        QCOMPARE(column(rows, QStringLiteral("Owner"))[0], QStringLiteral("wang"));

        // Chinese headers and value labels.
        options.chineseHeaders = true;
        QVERIFY(CustomerExporter(*db).exportTo(s.team.admin, file, options).ok());
        const QList<QStringList> zh = readCsv(file);
        QCOMPARE(zh[0].mid(0, 4), (QStringList{u("编号"), u("名称"), u("类型"), u("状态")}));
        QCOMPARE(column(zh, u("状态"))[0], u("活跃客户"));
        QCOMPARE(column(zh, u("性别"))[1], u("男"));
    }

    void xlsxTypedCellsReadByOpenpyxl()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        CustomerExportOptions options;
        options.format = ExportFormat::Xlsx;
        options.filter.sort = CustomerSort::Created;
        options.filter.ascending = true;
        const QString file = path(QStringLiteral("all.xlsx"));
        auto r = CustomerExporter(*db).exportTo(s.team.admin, file, options);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(!QFile::exists(file + QStringLiteral(".part")));
        const QJsonObject dump = dumpXlsx(file);
        QCOMPARE(dump.value(QStringLiteral("sheets")).toArray().at(0).toString(), QStringLiteral("Customers"));
        QCOMPARE(dump.value(QStringLiteral("freeze")).toString(), QStringLiteral("A2"));
        QCOMPARE(dump.value(QStringLiteral("filter")).toString(), QStringLiteral("A1:W7"));
        QCOMPARE(dump.value(QStringLiteral("widths")).toObject().value(QStringLiteral("B")).toDouble() > 20, true);
        const QJsonArray rows = dump.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 7);
        const QJsonArray header = rows.at(0).toArray();
        QCOMPARE(header.size(), 23);
        QCOMPARE(header.at(0).toObject().value(QStringLiteral("v")).toString(), QStringLiteral("ID"));
        QVERIFY(header.at(0).toObject().value(QStringLiteral("bold")).toBool());
        auto cell = [&](int row, int col) { return rows.at(row).toArray().at(col).toObject(); };
        // ID: a number.
        QCOMPARE(cell(1, 0).value(QStringLiteral("t")).toString(), QStringLiteral("int"));
        QCOMPARE(qint64(cell(1, 0).value(QStringLiteral("v")).toDouble()), s.wangIds[0]);
        QCOMPARE(cell(1, 1).value(QStringLiteral("v")).toString(), u("深圳星河科技有限公司"));
        // Birthday: a date with a date format.
        QCOMPARE(cell(1, 10).value(QStringLiteral("t")).toString(), QStringLiteral("datetime"));
        QCOMPARE(cell(1, 10).value(QStringLiteral("v")).toString(), QStringLiteral("1985-06-01T00:00:00"));
        QCOMPARE(cell(1, 10).value(QStringLiteral("f")).toString(), QStringLiteral("yyyy-mm-dd"));
        // Phone: text, never a number.
        QCOMPARE(cell(1, 12).value(QStringLiteral("t")).toString(), QStringLiteral("str"));
        QCOMPARE(cell(1, 12).value(QStringLiteral("v")).toString(), QStringLiteral("13812345678"));
        // Created: a date-time; won value: money with two decimals.
        QCOMPARE(cell(1, 19).value(QStringLiteral("t")).toString(), QStringLiteral("datetime"));
        QCOMPARE(cell(1, 19).value(QStringLiteral("f")).toString(), QStringLiteral("yyyy-mm-dd hh:mm"));
        QVERIFY(QStringList({QStringLiteral("int"), QStringLiteral("float")}).contains(cell(1, 21).value(QStringLiteral("t")).toString()));
        QCOMPARE(cell(1, 21).value(QStringLiteral("v")).toDouble(), 0.0);
        QCOMPARE(cell(1, 21).value(QStringLiteral("f")).toString(), QStringLiteral("#,##0.00"));
        // Never contacted: an empty cell, not 1899-12-30.
        QCOMPARE(cell(1, 20).value(QStringLiteral("t")).toString(), QStringLiteral("none"));
        // A formula-looking text stays text in XLSX (a string cell cannot run).
        QCOMPARE(cell(2, 22).value(QStringLiteral("v")).toString(), QStringLiteral("=HYPERLINK(\"http://evil\")"));
    }

    void jsonArray()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        CustomerExportOptions options;
        options.format = ExportFormat::Json;
        options.filter.tag = u("VIP客户");
        const QString file = path(QStringLiteral("vip.json"));
        auto r = CustomerExporter(*db).exportTo(s.team.admin, file, options);
        QVERIFY(r.ok());
        QCOMPARE(r->rows, 1);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject o = doc.array().at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("id")).toInteger(), s.wangIds[0]);
        QCOMPARE(o.value(QStringLiteral("tags")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("birthday")).toString(), QStringLiteral("1985-06-01"));
        QVERIFY(o.value(QStringLiteral("value")).isDouble());
        QVERIFY(o.value(QStringLiteral("lastContactAt")).isNull());
        QVERIFY(o.value(QStringLiteral("createdAt")).toString().endsWith(QLatin1Char('Z')));

        // An empty result is still a valid document.
        options.filter.tag = QStringLiteral("no-such-tag");
        QVERIFY(CustomerExporter(*db).exportTo(s.team.admin, file, options).ok());
        QFile g(file);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(g.readAll()).isArray());
    }

    // The company's custom fields are columns after the fixed ones, headed by their labels, typed as
    // the customer page shows them; the customFields field rule hides them all.
    void customFieldsAreColumns()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        CustomFieldService fields(*db);
        auto def = [](const QString &key, const QString &label, const QString &type, const QStringList &options = {}) {
            CustomFieldDef d;
            d.key = key;
            d.label = label;
            d.type = type;
            d.options = options;
            return d;
        };
        QVERIFY(fields.add(s.team.admin, def(QStringLiteral("contract_no"), u("合同编号"), QStringLiteral("text"))).ok());
        QVERIFY(fields.add(s.team.admin, def(QStringLiteral("signed"), u("签约日期"), QStringLiteral("date"))).ok());
        QVERIFY(fields.add(s.team.admin, def(QStringLiteral("score"), u("评分"), QStringLiteral("number"))).ok());
        QVERIFY(fields.add(s.team.admin, def(QStringLiteral("key_account"), u("大客户"), QStringLiteral("bool"))).ok());
        Customer xinghe = CustomerService(*db).get(s.team.wang, s.wangIds[0]).value();
        xinghe.customFields = QJsonObject{{QStringLiteral("contract_no"), QStringLiteral("HT-2026-001")},
                                          {QStringLiteral("signed"), QStringLiteral("2026-03-15")},
                                          {QStringLiteral("score"), 4.5},
                                          {QStringLiteral("key_account"), true}};
        QVERIFY(CustomerService(*db).update(s.team.wang, xinghe.id, xinghe, {QStringLiteral("customFields")}).ok());

        CustomerExportOptions options;
        options.filter.sort = CustomerSort::Created;
        options.filter.ascending = true;
        const QString csv = path(QStringLiteral("custom.csv"));
        QVERIFY(CustomerExporter(*db).exportTo(s.team.admin, csv, options).ok());
        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows[0].mid(23), (QStringList{u("合同编号"), u("签约日期"), u("评分"), u("大客户")}));
        QCOMPARE(rows[1].mid(23), (QStringList{QStringLiteral("HT-2026-001"), QStringLiteral("2026-03-15"), QStringLiteral("4.5"),
                                               QStringLiteral("yes")}));
        QCOMPARE(rows[2].mid(23), (QStringList{QString(), QString(), QString(), QString()})); // no values: empty cells
        options.chineseHeaders = true;
        QVERIFY(CustomerExporter(*db).exportTo(s.team.admin, csv, options).ok());
        QCOMPARE(readCsv(csv)[1].last(), u("是"));

        // XLSX: the date a date cell; JSON: the values under their column keys.
        options.chineseHeaders = false;
        options.format = ExportFormat::Xlsx;
        const QString xlsx = path(QStringLiteral("custom.xlsx"));
        QVERIFY(CustomerExporter(*db).exportTo(s.team.admin, xlsx, options).ok());
        const QJsonArray sheet = dumpXlsx(xlsx).value(QStringLiteral("rows")).toArray();
        QCOMPARE(sheet.at(0).toArray().at(24).toObject().value(QStringLiteral("v")).toString(), u("签约日期"));
        QCOMPARE(sheet.at(1).toArray().at(24).toObject().value(QStringLiteral("t")).toString(), QStringLiteral("datetime"));
        QCOMPARE(sheet.at(1).toArray().at(24).toObject().value(QStringLiteral("v")).toString(), QStringLiteral("2026-03-15T00:00:00"));
        options.format = ExportFormat::Json;
        const QString json = path(QStringLiteral("custom.json"));
        QVERIFY(CustomerExporter(*db).exportTo(s.team.admin, json, options).ok());
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject first = QJsonDocument::fromJson(f.readAll()).array().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("customFields.contract_no")).toString(), QStringLiteral("HT-2026-001"));

        // Hidden by the field rule: none of them, named among the hidden columns.
        const Actor viewer = withRole(*db, s.team.admin, s.team.sun, QStringLiteral("no-custom"), DataScope::All,
                                      Permission::managerDefaults());
        QVERIFY(OrgService(*db).setFieldRule(s.team.admin, viewer.roleId, QStringLiteral("customer"), QStringLiteral("customFields"),
                                             FieldRule::Hidden).ok());
        options.format = ExportFormat::Csv;
        auto hidden = CustomerExporter(*db).exportTo(OrgService(*db).actorFor(viewer.userId).value(), csv, options);
        QVERIFY(hidden.ok());
        QVERIFY(hidden->hiddenColumns.contains(QStringLiteral("customFields.contract_no")));
        QCOMPARE(readCsv(csv)[0].size(), 23);
        QVERIFY(!flat(readCsv(csv)).contains(QStringLiteral("HT-2026-001")));
    }

    void hiddenFieldsAreLeftOut()
    {
        CRM_OPEN_DB(db);
        Seeded s = seed(*db);
        QStringList perms = Permission::managerDefaults();
        const Actor viewer = withRole(*db, s.team.admin, s.team.sun, QStringLiteral("no-phones"), DataScope::All, perms);
        QVERIFY(OrgService(*db).setFieldRule(s.team.admin, viewer.roleId, QStringLiteral("customer"), QStringLiteral("phones"),
                                             FieldRule::Hidden).ok());
        const Actor hidden = OrgService(*db).actorFor(viewer.userId).value();
        const QString file = path(QStringLiteral("hidden.csv"));
        auto r = CustomerExporter(*db).exportTo(hidden, file, {});
        QVERIFY(r.ok());
        QCOMPARE(r->hiddenColumns, QStringList{QStringLiteral("phone")});
        const QList<QStringList> rows = readCsv(file);
        QVERIFY(!rows[0].contains(QStringLiteral("Phone")));
        QVERIFY(rows[0].contains(QStringLiteral("Email")));
        QVERIFY(!flat(rows).contains(QStringLiteral("13812345678")));
    }

    // 2,500 demo customers: three pages, whatever the sort, every row once.
    void keysetPagingCoversEveryRowOnce_data()
    {
        QTest::addColumn<int>("sort");
        QTest::newRow("auto (last contact)") << int(CustomerSort::Auto);
        QTest::newRow("name") << int(CustomerSort::Name);
        QTest::newRow("created") << int(CustomerSort::Created);
        QTest::newRow("value") << int(CustomerSort::Value);
    }
    void keysetPagingCoversEveryRowOnce()
    {
        QFETCH(int, sort);
        CRM_OPEN_DB(db);
        auto demo = DemoGenerator(*db).generate({2500, 0, QStringLiteral("Demo-pass-2026")});
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().message));
        CustomerExportOptions options;
        options.filter.sort = CustomerSort(sort);
        QVector<TaskProgress> seen;
        options.progress = [&](const TaskProgress &p) { seen << p; };
        const QString file = path(QStringLiteral("paging.csv"));
        auto r = CustomerExporter(*db).exportTo(Actor::system(), file, options);
        QVERIFY(r.ok());
        QCOMPARE(r->rows, 2500);
        QStringList ids = column(readCsv(file), QStringLiteral("ID"));
        QCOMPARE(ids.size(), 2500);
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 2500);
        QCOMPARE(seen.size(), 4); // one report per page of 1,000, and the last when all is written
        for (int i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i].done >= seen[i - 1].done);
        QCOMPARE(seen.last().done, 2500);
        QCOMPARE(seen.last().fraction, 1.0);
        QCOMPARE(seen.last().total, 2500);
    }

    void cancelLeavesNoFile()
    {
        CRM_OPEN_DB(db);
        QVERIFY(DemoGenerator(*db).generate({2500, 0, QStringLiteral("Demo-pass-2026")}).ok());
        for (ExportFormat format : {ExportFormat::Csv, ExportFormat::Xlsx, ExportFormat::Json}) {
            CancelFlag cancel{false};
            CustomerExportOptions options;
            options.format = format;
            options.cancel = &cancel;
            options.progress = [&](const TaskProgress &) { cancel = true; }; // after the first page
            const QString file = path(QStringLiteral("cancelled.out"));
            auto r = CustomerExporter(*db).exportTo(Actor::system(), file, options);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("cancelled"));
            QVERIFY(!QFile::exists(file));
            QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}), QStringList());
        }
    }
};

QTEST_GUILESS_MAIN(TestCustomerExport)
#include "tst_customer_export.moc"
