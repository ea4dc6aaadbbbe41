// Customer import from real files (UTF-8 with BOM, GB18030, quoted semicolon CSV, XLSX by openpyxl)
// on SQLite and PostgreSQL: what lands in the database, duplicates and their policies, all or nothing
// and partial imports with their error report, dry run, cancel, scope, permission, broken files, and
// round trips through the exporter.
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "core/storage/CustomerBulkWriter.h"
#include "reports/csv/CsvWriter.h"
#include "reports/export/CustomerExporter.h"
#include "reports/import/CustomerImporter.h"
#include "reports/import/CustomerRowParser.h"
#include "reports/import/CustomerRowReader.h"
#include "reports/table/TableFile.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/reports/ReportsTestUtil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace crm;
using namespace crm::test;

namespace {

QString u(const char *s)
{
    return QString::fromUtf8(s);
}

// Where the tests' error reports go: ImportErrorReport::pathFor's name, in a temporary folder (never
// next to the committed fixtures).
QString reportFor(const QString &input)
{
    static QTemporaryDir dir;
    return dir.filePath(QFileInfo(ImportErrorReport::pathFor(input)).fileName());
}

Result<CustomerImportResult> importFile(Database &db, const Actor &actor, const QString &path, CustomerImportOptions options = {},
                                        const TableFileOptions &file = {})
{
    auto source = TableFile::open(path, file);
    if (!source)
        return source.error();
    if (options.errorReportPath.isEmpty())
        options.errorReportPath = reportFor(path);
    return CustomerImporter(db).run(actor, **source, options);
}

qint64 countCustomers(Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM customers"));
    (void)db.exec(q);
    q.next();
    return q.value(0).toLongLong();
}

// SQLite: the rows whose references do not hold. Imports write without SQLite's row-by-row checks
// (SqliteBulkLoad), their references right by construction. PostgreSQL checks every row: 0.
qint64 foreignKeyViolations(Database &db)
{
    if (!db.isSqlite())
        return 0;
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_check"));
    if (!db.exec(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// customer_counts (the customer mix's totals, which the bulk writer adds itself) as "owner field value=n"
// lines, and the same counted from the customers: equal after every import.
QPair<QStringList, QStringList> customerCounts(Database &db)
{
    auto lines = [&](const QString &sql) {
        QStringList out;
        QSqlQuery q = db.prepare(sql);
        if (!db.exec(q))
            return QStringList{QStringLiteral("failed: ") + sql};
        while (q.next())
            out << QStringLiteral("%1 %2 %3=%4").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
        return out;
    };
    return {lines(QStringLiteral("SELECT owner_id, field, value, n FROM customer_counts WHERE n <> 0 ORDER BY 1, 2, 3")),
            lines(QStringLiteral("SELECT COALESCE(owner_id, 0), 'industry', COALESCE(industry, ''), COUNT(*) FROM customers GROUP BY 1, 3"
                                 " UNION ALL SELECT COALESCE(owner_id, 0), 'province', COALESCE(province, ''), COUNT(*) FROM customers"
                                 " GROUP BY 1, 3 ORDER BY 1, 2, 3"))};
}

#define CHECK_CUSTOMER_COUNTS(db) \
    do { \
        const auto counts = customerCounts(db); \
        QCOMPARE(counts.first, counts.second); \
    } while (false)

QList<Customer> allCustomers(Database &db, const Actor &actor = Actor::system())
{
    CustomerFilter f;
    f.sort = CustomerSort::Created;
    f.ascending = true;
    f.limit = 1000;
    QList<Customer> out;
    const CustomerPage page = CustomerService(db).list(actor, f).value();
    for (const Customer &c : page.customers)
        out << CustomerService(db).get(actor, c.id).value();
    return out;
}

Customer byName(Database &db, const QString &name)
{
    for (const Customer &c : allCustomers(db))
        if (c.name == name)
            return c;
    return {};
}

void writeCsv(const QString &path, const QList<QStringList> &rows)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    CsvWriter w(&f);
    for (const QStringList &r : rows)
        w.writeRow(r);
    (void)w.flush();
}

// What an import can carry, for comparing customers across databases.
QString projection(Customer c)
{
    c.tags.sort();
    QStringList phones, emails;
    for (const Phone &p : c.phones)
        phones << p.number;
    for (const Email &e : c.emails)
        emails << e.address;
    const Address a = c.addresses.value(0);
    return QStringList{c.name, c.kind, c.status, c.level, c.company, c.industry, c.occupation, c.position, c.gender,
                       c.birthday.toString(Qt::ISODate), c.source, phones.join(QLatin1Char(',')), emails.join(QLatin1Char(',')),
                       a.province, a.city, a.district, c.tags.join(QLatin1Char(',')), c.notes}
        .join(QStringLiteral(" | "));
}

// Rows from a list (the first is the header); fails with a damaged-file error instead of row `failAt`.
class ListSource final : public RowSource
{
public:
    ListSource(QList<QStringList> rows, int failAt = -1) : m_rows(std::move(rows)), m_failAt(failAt) {}
    Result<bool> next(QStringList &cells) override
    {
        if (m_at == m_failAt)
            return Error::validation(QStringLiteral("damaged"), QStringLiteral("file"), QStringLiteral("damaged at row %1").arg(m_at + 1));
        if (m_at >= m_rows.size())
            return false;
        cells = m_rows[m_at++];
        return true;
    }
    qint64 rowNumber() const override { return m_at; }
    double fraction() const override { return m_rows.isEmpty() ? 1.0 : double(m_at) / double(m_rows.size()); }

private:
    QList<QStringList> m_rows;
    int m_failAt;
    int m_at = 0;
};

} // namespace

class TestCustomerImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:

    // The reading thread hands over every row in file order with its row number, skips blank rows,
    // attaches parse and check failures to their rows, ends with the file's error after the rows
    // before it, and can be dropped mid-file.
    void rowReaderKeepsFileOrder()
    {
        QList<QStringList> rows = {{QStringLiteral("name"), QStringLiteral("phone")}};
        for (int i = 0; i < 3000; ++i)
            rows << (i == 100 ? QStringList{QString(), QString()}
                              : QStringList{QStringLiteral("R%1").arg(i), i == 200 ? QStringLiteral("12") : QString()});
        const ColumnMapping mapping = ColumnMapping::propose(rows.first());
        const CustomerRowParser parser(mapping);
        auto check = [](Customer &c) -> Status {
            if (c.phones.size() == 1 && c.phones[0].number.size() < 5)
                return Error::validation(QStringLiteral("format"), QStringLiteral("phones"), QStringLiteral("too short"));
            return {};
        };
        for (int failAt : {-1, 2500}) {
            ListSource source(rows, failAt);
            QStringList header;
            QVERIFY(source.next(header).value());
            CustomerRowReader reader(source, parser, check, nullptr, 500);
            int expected = 0;
            for (;;) {
                auto row = reader.next();
                if (!row) {
                    QCOMPARE(failAt, 2500);
                    QCOMPARE(expected, 2499);
                    QVERIFY(row.error().message.contains(QStringLiteral("2501")));
                    break;
                }
                if (!*row) {
                    QCOMPARE(failAt, -1);
                    QCOMPARE(expected, 3000);
                    break;
                }
                if (expected == 100)
                    ++expected; // the blank row
                const ParsedCustomerRow &r = **row;
                QCOMPARE(r.rowNumber, qint64(expected + 2));
                QCOMPARE(r.customer.name, QStringLiteral("R%1").arg(expected));
                QCOMPARE(r.error.has_value(), expected == 200);
                ++expected;
            }
        }
        // Dropped after one row while the reading thread waits on a full queue: it stops.
        ListSource source(rows);
        QStringList header;
        QVERIFY(source.next(header).value());
        {
            CustomerRowReader reader(source, parser, check, nullptr, 500);
            QVERIFY(reader.next().value() != nullptr);
        }
        QVERIFY(source.rowNumber() < 3001);
    }
    void initTestCase()
    {
        int code = -1;
        python({script(QStringLiteral("make_xlsx.py")), m_dir.path()}, &code);
        QCOMPARE(code, 0);
    }

    void utf8BomFileAsARep()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        QVector<TaskProgress> progress;
        CustomerImportOptions options;
        options.progress = [&](const TaskProgress &p) { progress << p; };
        auto r = importFile(*db, t.wang, fixture(QStringLiteral("customers_utf8_bom.csv")), options);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->committed);
        QCOMPARE(r->rows, 3);
        QCOMPARE(r->created, 3);
        QCOMPARE(r->issueCount, 0);
        QVERIFY(r->errorReportPath.isEmpty());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().done, 3);
        QCOMPARE(r->mapping.fields, (QStringList{QStringLiteral("name"), QStringLiteral("company"), QStringLiteral("phone"),
                                                 QStringLiteral("email"), QStringLiteral("source"), QStringLiteral("tags"),
                                                 QStringLiteral("province"), QStringLiteral("city"), QStringLiteral("district"),
                                                 QStringLiteral("street"), QStringLiteral("notes")}));

        const Customer wang = byName(*db, u("王芳"));
        QCOMPARE(wang.company, u("深圳星河科技有限公司"));
        QCOMPARE(wang.phone, QStringLiteral("13812345678"));
        QCOMPARE(wang.phones.at(0).label, QStringLiteral("mobile"));
        QCOMPARE(wang.email, QStringLiteral("wang.fang@xinghe.cn"));
        QCOMPARE(wang.tags, (QStringList{u("VIP客户"), u("重要客户")}));
        QCOMPARE(wang.addresses.at(0).street, u("科技园路1号"));
        QCOMPARE(wang.province, u("广东省"));
        QCOMPARE(wang.ownerId.value(), t.wang.userId);
        QCOMPARE(wang.createdBy, t.wang.userId);
        QCOMPARE(wang.version, 1);
        QCOMPARE(byName(*db, u("李强")).phone, QStringLiteral("13900001111")); // +86 139 0000 1111
        QCOMPARE(byName(*db, QStringLiteral("Emma Smith")).notes, QStringLiteral("Said \"call me Monday\", then left"));

        // Audited like a create, found by keyword search like any customer, visible to the owner only.
        auto history = AuditLog::history(*db, QStringLiteral("customer"), wang.id);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->at(0).action, QStringLiteral("create"));
        QCOMPARE(history->at(0).userId, t.wang.userId);
        QVERIFY(history->at(0).newValue.contains(u("星河")));
        CustomerFilter search;
        search.keyword = u("星河");
        QCOMPARE(CustomerService(*db).list(t.wang, search).value().customers.size(), 1);
        search.keyword = QStringLiteral("contoso");
        QCOMPARE(CustomerService(*db).list(t.wang, search).value().customers.size(), 1);
        QCOMPARE(CustomerService(*db).list(t.zhao, search).value().customers.size(), 0);
    }

    void gb18030AndSemicolonFiles()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        auto gb = importFile(*db, t.wang, fixture(QStringLiteral("customers_gb18030.csv")));
        QVERIFY2(gb.ok(), qPrintable(gb.ok() ? QString() : gb.error().message));
        QCOMPARE(gb->created, 3);
        QCOMPARE(byName(*db, u("赵敏")).tags, (QStringList{u("老客户"), u("重要客户")}));
        QCOMPARE(byName(*db, u("钱多多")).phone, QStringLiteral("02165432100"));
        QCOMPARE(byName(*db, u("孙悟空")).district, u("武侯区"));

        auto semi = importFile(*db, t.wang, fixture(QStringLiteral("quoted_semicolon.csv")));
        QVERIFY(semi.ok());
        QCOMPARE(semi->created, 3);
        QCOMPARE(byName(*db, QStringLiteral("Zhou; Jie")).notes, QStringLiteral("Line one\nLine two\r\nLine three"));
        QCOMPARE(byName(*db, QStringLiteral("Zhou; Jie")).tags, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(byName(*db, QStringLiteral("\"Quoted\" Name")).company, QStringLiteral("Fabrikam"));

        auto utf16 = importFile(*db, t.wang, fixture(QStringLiteral("customers_utf16_tab.txt")));
        QVERIFY(utf16.ok());
        QCOMPARE(utf16->created, 2);
        QCOMPARE(countCustomers(*db), 8);
    }

    void xlsxFromOpenpyxl()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        TableFileOptions sheet;
        sheet.sheetIndex = 1;
        auto r = importFile(*db, t.li, path(QStringLiteral("customers.xlsx")), {}, sheet);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->rows, 3); // the empty row is not a customer
        QCOMPARE(r->created, 3);
        const Customer wang = byName(*db, u("王芳"));
        QCOMPARE(wang.phone, QStringLiteral("13812345678"));
        QCOMPARE(wang.birthday, QDate(1985, 6, 1));
        QCOMPARE(wang.tags, (QStringList{u("VIP客户"), u("重要客户")}));
        QCOMPARE(byName(*db, u("李强")).birthday, QDate(1990, 12, 31));
        QCOMPARE(byName(*db, QStringLiteral("Emma Smith")).phone, QStringLiteral("13700001111"));

        // The first sheet holds notes, not customers: no name column, a clear error, nothing written.
        auto notes = importFile(*db, t.li, path(QStringLiteral("customers.xlsx")));
        QVERIFY(!notes.ok());
        QCOMPARE(notes.error().field, QStringLiteral("mapping"));
        QCOMPARE(countCustomers(*db), 3);
    }

    void duplicatePolicies()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const QString file = fixture(QStringLiteral("customers_utf8_bom.csv"));
        QVERIFY(importFile(*db, t.wang, file).value().created == 3);
        const qint64 wangFangId = byName(*db, u("王芳")).id;

        // Skip (the default): nothing new, each skip listed in the report.
        auto skip = importFile(*db, t.wang, file);
        QVERIFY(skip.ok());
        QVERIFY(skip->committed);
        QCOMPARE(skip->created, 0);
        QCOMPARE(skip->skipped, 3);
        QCOMPARE(countCustomers(*db), 3);
        QCOMPARE(skip->errorReportPath, reportFor(file));
        const QList<QStringList> report = readCsv(skip->errorReportPath);
        QCOMPARE(report.size(), 4);
        QCOMPARE(report[0], (QStringList{QStringLiteral("row"), QStringLiteral("column"), QStringLiteral("value"), QStringLiteral("reason")}));
        QCOMPARE(report[1][0], QStringLiteral("2"));
        QCOMPARE(report[1][1], u("手机"));
        QCOMPARE(report[1][3], QStringLiteral("skipped: duplicate of customer %1 (same phone)").arg(wangFangId));
        QFile::remove(skip->errorReportPath);

        // Update: the row's values merged into the existing customer, lists united.
        writeCsv(path(QStringLiteral("update.csv")),
                 {{u("姓名"), u("手机"), u("邮箱"), u("标签"), u("级别")},
                  {u("王芳"), QStringLiteral("13812345678"), QStringLiteral("fang@new.cn"), u("新标签"), QStringLiteral("A")}});
        CustomerImportOptions update;
        update.onDuplicate = DuplicatePolicy::Update;
        auto updated = importFile(*db, t.wang, path(QStringLiteral("update.csv")), update);
        QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().message));
        QCOMPARE(updated->updated, 1);
        QCOMPARE(updated->created, 0);
        const Customer after = CustomerService(*db).get(t.wang, wangFangId).value();
        QCOMPARE(after.version, 2);
        QCOMPARE(after.level, QStringLiteral("A"));
        QCOMPARE(after.company, u("深圳星河科技有限公司")); // not in the file: untouched
        QCOMPARE(after.emails.size(), 2);
        QCOMPARE(after.email, QStringLiteral("wang.fang@xinghe.cn")); // still the primary
        QCOMPARE(after.tags, (QStringList{u("VIP客户"), u("新标签"), u("重要客户")}));
        QVERIFY(AuditLog::history(*db, QStringLiteral("customer"), wangFangId).value().size() > 1);

        // Create anyway.
        CustomerImportOptions create;
        create.onDuplicate = DuplicatePolicy::Create;
        auto created = importFile(*db, t.wang, file, create);
        QVERIFY(created.ok());
        QCOMPARE(created->created, 3);
        QCOMPARE(countCustomers(*db), 6);
        CHECK_CUSTOMER_COUNTS(*db);
    }

    void duplicatesWithinTheFile()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        writeCsv(path(QStringLiteral("dups.csv")),
                 {{QStringLiteral("name"), QStringLiteral("company"), QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("tags")},
                  {QStringLiteral("A"), QString(), QStringLiteral("13800000001"), QString(), QStringLiteral("t1")},
                  {QStringLiteral("B"), QString(), QStringLiteral("138-0000-0001"), QString(), QStringLiteral("t2")}, // same phone
                  {QStringLiteral("C"), QString(), QString(), QStringLiteral("c@x.com"), QString()},
                  {QStringLiteral("D"), QString(), QString(), QStringLiteral("C@X.COM"), QString()}, // same email
                  {QStringLiteral("Acme"), QStringLiteral("Acme Inc"), QString(), QString(), QString()},
                  {QStringLiteral("acme"), QStringLiteral("ACME  Inc"), QString(), QString(), QString()}, // same name + company
                  {u("张伟"), QString(), QString(), QString(), QString()},
                  {u("张伟"), QString(), QString(), QString(), QString()}}); // namesakes without a company: kind company though
        auto skip = importFile(*db, t.wang, path(QStringLiteral("dups.csv")));
        QVERIFY(skip.ok());
        QCOMPARE(skip->rows, 8);
        QCOMPARE(skip->skipped, 4);
        QCOMPARE(skip->created, 4);
        QCOMPARE(skip->firstIssues.at(0).row, 3);
        QCOMPARE(skip->firstIssues.at(0).reason, QStringLiteral("skipped: duplicate of row 2 (same phone)"));
        QCOMPARE(skip->firstIssues.at(1).reason, QStringLiteral("skipped: duplicate of row 4 (same email)"));
        QCOMPARE(skip->firstIssues.at(2).reason, QStringLiteral("skipped: duplicate of row 6 (same name)"));

        // Update within the file: the later row updates the customer the earlier row created.
        CRM_OPEN_DB(db2);
        Team t2 = makeTeam(*db2);
        CustomerImportOptions update;
        update.onDuplicate = DuplicatePolicy::Update;
        auto merged = importFile(*db2, t2.wang, path(QStringLiteral("dups.csv")), update);
        QVERIFY2(merged.ok(), qPrintable(merged.ok() ? QString() : merged.error().message));
        QCOMPARE(merged->created, 4);
        QCOMPARE(merged->updated, 4);
        const Customer b = byName(*db2, QStringLiteral("B")); // row 3 renamed the customer of row 2
        QCOMPARE(b.tags, (QStringList{QStringLiteral("t1"), QStringLiteral("t2")}));
        QCOMPARE(countCustomers(*db2), 4);
    }

    void allOrNothingAndPartial()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const QString file = path(QStringLiteral("mixed.csv"));
        writeCsv(file, {{u("姓名"), u("手机"), u("邮箱"), u("生日"), u("状态")},
                        {QStringLiteral("Good One"), QStringLiteral("13800000001"), QString(), QStringLiteral("1980/1/2"), u("潜在客户")},
                        {QStringLiteral("Bad Email"), QString(), QStringLiteral("not-an-email"), QString(), QString()},
                        {QString(), QStringLiteral("13800000003"), QString(), QString(), QString()},
                        {QStringLiteral("Bad Date"), QString(), QString(), QStringLiteral("31/31/2020"), QString()},
                        {QStringLiteral("Bad Status"), QString(), QString(), QString(), QStringLiteral("sleeping")},
                        {QStringLiteral("Good Two"), QStringLiteral("+86 139 0000 0002"), QString(), u("2001年2月3日"), u("已流失")}});
        auto strict = importFile(*db, t.wang, file);
        QVERIFY(strict.ok());
        QVERIFY(!strict->committed);
        QCOMPARE(strict->invalid, 4);
        QCOMPARE(strict->created, 0);
        QCOMPARE(countCustomers(*db), 0);
        QCOMPARE(strict->errorReportPath, reportFor(file));
        QVERIFY(ImportErrorReport::pathFor(file).endsWith(QStringLiteral("/mixed.errors.csv")));
        const QList<QStringList> report = readCsv(strict->errorReportPath);
        QCOMPARE(report.size(), 5);
        QCOMPARE(report[1].mid(0, 3), (QStringList{QStringLiteral("3"), u("邮箱"), QStringLiteral("not-an-email")}));
        QVERIFY(report[1][3].contains(QStringLiteral("not a valid email address")));
        QCOMPARE(report[2].mid(0, 2), (QStringList{QStringLiteral("4"), u("姓名")}));
        QVERIFY(report[2][3].contains(QStringLiteral("required")));
        QCOMPARE(report[3].mid(0, 3), (QStringList{QStringLiteral("5"), u("生日"), QStringLiteral("31/31/2020")}));
        QCOMPARE(report[4].mid(0, 3), (QStringList{QStringLiteral("6"), u("状态"), QStringLiteral("sleeping")}));
        QVERIFY(report[4][3].contains(QStringLiteral("status must be one of")));

        CustomerImportOptions partial;
        partial.partial = true;
        auto some = importFile(*db, t.wang, file, partial);
        QVERIFY(some.ok());
        QVERIFY(some->committed);
        QCOMPARE(some->created, 2);
        QCOMPARE(some->invalid, 4);
        QCOMPARE(readCsv(some->errorReportPath).size(), 5);
        QCOMPARE(byName(*db, QStringLiteral("Good One")).birthday, QDate(1980, 1, 2));
        QCOMPARE(byName(*db, QStringLiteral("Good One")).status, QStringLiteral("prospect"));
        QCOMPARE(byName(*db, QStringLiteral("Good Two")).status, QStringLiteral("lost"));
        QCOMPARE(byName(*db, QStringLiteral("Good Two")).birthday, QDate(2001, 2, 3));
        QCOMPARE(countCustomers(*db), 2);
    }

    // A company's 联系人 columns give each customer its primary contact person, written with the
    // customers (and audited as ContactService::add does); bad contact cells make the row invalid and
    // point at their column; an update merges the contact into the customer's contacts.
    void contactPersons()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const QString file = path(QStringLiteral("contacts.csv"));
        const QStringList header = {u("公司名称"), u("联系人"), u("联系人职位"), u("联系人电话"), u("联系人邮箱"), u("联系电话")};
        writeCsv(file, {header,
                        {u("深圳星河科技有限公司"), u("张伟"), u("采购经理"), QStringLiteral("139 0000 1111"),
                         QStringLiteral("Zhang.Wei@XingHe.cn"), QStringLiteral("13812340000")},
                        {u("杭州云端网络有限公司"), u("李娜"), QString(), QString(), QString(), QStringLiteral("13812340001")},
                        {u("北京博达电子有限公司"), QString(), QString(), QString(), QString(), QStringLiteral("13812340002")}});
        const ColumnMapping proposed = ColumnMapping::propose(header);
        QCOMPARE(proposed.fields, (QStringList{QStringLiteral("name"), QStringLiteral("contactName"), QStringLiteral("contactPosition"),
                                               QStringLiteral("contactPhone"), QStringLiteral("contactEmail"), QStringLiteral("phone")}));

        auto r = importFile(*db, t.wang, file);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->committed);
        QCOMPARE(r->created, 3);
        QCOMPARE(r->contacts, 2);
        const Customer xinghe = byName(*db, u("深圳星河科技有限公司"));
        QCOMPARE(xinghe.phone, QStringLiteral("13812340000")); // 联系电话 stays the customer's
        const QVector<Contact> contacts = ContactService(*db).list(t.wang, xinghe.id).value();
        QCOMPARE(contacts.size(), 1);
        QCOMPARE(contacts[0].name, u("张伟"));
        QCOMPARE(contacts[0].position, u("采购经理"));
        QCOMPARE(contacts[0].phone, QStringLiteral("13900001111")); // normalised as the service does
        QCOMPARE(contacts[0].email, QStringLiteral("zhang.wei@xinghe.cn"));
        QVERIFY(contacts[0].primary);
        const QVector<AuditEntry> trail = AuditLog::history(*db, QStringLiteral("contact"), contacts[0].id).value();
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail[0].action, QStringLiteral("create"));
        QCOMPARE(trail[0].userId, t.wang.userId);
        QCOMPARE(trail[0].newValue, AuditLog::snapshotText(ContactService::snapshot(contacts[0])));
        const Customer yunduan = byName(*db, u("杭州云端网络有限公司"));
        QCOMPARE(ContactService(*db).list(t.wang, yunduan.id).value().size(), 1);
        QVERIFY(ContactService(*db).list(t.wang, byName(*db, u("北京博达电子有限公司")).id).value().isEmpty());

        // A contact phone that is none, and a position without a name: invalid rows, nothing written.
        const QString bad = path(QStringLiteral("contacts_bad.csv"));
        writeCsv(bad, {header,
                       {u("广州远景贸易有限公司"), u("赵敏"), QString(), QStringLiteral("12ab"), QString(), QStringLiteral("13812340003")},
                       {u("成都海纳食品有限公司"), QString(), u("总经理"), QString(), QString(), QStringLiteral("13812340004")}});
        auto refused = importFile(*db, t.wang, bad);
        QVERIFY(refused.ok());
        QVERIFY(!refused->committed);
        QCOMPARE(refused->invalid, 2);
        QCOMPARE(refused->contacts, 0);
        QCOMPARE(countCustomers(*db), 3);
        const QList<QStringList> report = readCsv(refused->errorReportPath);
        QCOMPARE(report.size(), 3);
        QCOMPARE(report[1].mid(0, 3), (QStringList{QStringLiteral("2"), u("联系人电话"), QStringLiteral("12ab")}));
        QCOMPARE(report[2].mid(0, 2), (QStringList{QStringLiteral("3"), u("联系人")}));

        // Update: 张伟 (same name) takes the new position; 王强 joins 李娜, who stays the primary.
        const QString again = path(QStringLiteral("contacts_update.csv"));
        writeCsv(again, {header,
                         {u("深圳星河科技有限公司"), u("张伟"), u("采购总监"), QString(), QString(), QStringLiteral("13812340000")},
                         {u("杭州云端网络有限公司"), u("王强"), u("技术总监"), QString(), QString(), QStringLiteral("13812340001")}});
        CustomerImportOptions update;
        update.onDuplicate = DuplicatePolicy::Update;
        auto merged = importFile(*db, t.wang, again, update);
        QVERIFY2(merged.ok(), qPrintable(merged.ok() ? QString() : merged.error().message));
        QVERIFY(merged->committed);
        QCOMPARE(merged->updated, 2);
        QCOMPARE(merged->contacts, 2);
        const QVector<Contact> zhang = ContactService(*db).list(t.wang, xinghe.id).value();
        QCOMPARE(zhang.size(), 1);
        QCOMPARE(zhang[0].position, u("采购总监"));
        QCOMPARE(zhang[0].phone, QStringLiteral("13900001111")); // empty in the file: kept
        QVector<Contact> yun = ContactService(*db).list(t.wang, yunduan.id).value();
        QCOMPARE(yun.size(), 2);
        for (const Contact &k : std::as_const(yun))
            QCOMPARE(k.primary, k.name == u("李娜"));
        // The same file again changes nothing more.
        auto same = importFile(*db, t.wang, again, update);
        QVERIFY(same.ok());
        QCOMPARE(same->contacts, 0);
        QCOMPARE(ContactService(*db).list(t.wang, yunduan.id).value().size(), 2);
        // One customer twice in a file, with a new contact each time: added once.
        const QString twice = path(QStringLiteral("contacts_twice.csv"));
        writeCsv(twice, {header,
                         {u("北京博达电子有限公司"), u("孙丽"), QString(), QString(), QString(), QStringLiteral("13812340002")},
                         {u("北京博达电子有限公司"), u("孙丽"), u("财务"), QString(), QString(), QStringLiteral("13812340002")}});
        auto doubled = importFile(*db, t.wang, twice, update);
        QVERIFY(doubled.ok());
        const QVector<Contact> boda = ContactService(*db).list(t.wang, byName(*db, u("北京博达电子有限公司")).id).value();
        QCOMPARE(boda.size(), 1);
        QCOMPARE(boda[0].position, u("财务"));
        QVERIFY(boda[0].primary);
        QCOMPARE(foreignKeyViolations(*db), 0);
    }

    void dryRunWritesNothing()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const QString file = fixture(QStringLiteral("customers_utf8_bom.csv"));
        QVERIFY(importFile(*db, t.wang, file).ok());
        CustomerImportOptions dry;
        dry.dryRun = true;
        dry.onDuplicate = DuplicatePolicy::Update;
        auto r = importFile(*db, t.wang, fixture(QStringLiteral("customers_gb18030.csv")), dry);
        QVERIFY(r.ok());
        QVERIFY(r->dryRun);
        QVERIFY(!r->committed);
        QCOMPARE(r->created, 3);
        auto again = importFile(*db, t.wang, file, dry);
        QCOMPARE(again->updated, 3);
        QCOMPARE(countCustomers(*db), 3);
        QCOMPARE(byName(*db, u("王芳")).version, 1);
    }

    void cancelHalfwayLeavesTheDatabaseAsItWas()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        QVERIFY(importFile(*db, t.wang, fixture(QStringLiteral("customers_utf8_bom.csv"))).ok());
        const QStringList before = [&] {
            QStringList out;
            for (const Customer &c : allCustomers(*db))
                out << projection(c);
            return out;
        }();
        QList<QStringList> rows = {{QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("tags")}};
        for (int i = 0; i < 5000; ++i)
            rows << QStringList{QStringLiteral("Customer %1").arg(i), QStringLiteral("158%1").arg(i, 8, 10, QLatin1Char('0')),
                                QStringLiteral("bulk")};
        writeCsv(path(QStringLiteral("big.csv")), rows);
        auto source = TableFile::open(path(QStringLiteral("big.csv")));
        QVERIFY(source.ok());
        CancelFlag cancel{false};
        CancellingSource cancelling(**source, cancel, 3000); // after several batches were written
        CustomerImportOptions options;
        options.cancel = &cancel;
        options.partial = true;
        auto r = CustomerImporter(*db).run(t.wang, cancelling, options);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("cancelled"));
        QStringList after;
        for (const Customer &c : allCustomers(*db))
            after << projection(c);
        QCOMPARE(after, before);
        {
            QSqlQuery q = db->prepare(QStringLiteral("SELECT COUNT(*) FROM tags WHERE name = 'bulk'"));
            QVERIFY(db->exec(q).ok() && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        // Then the whole file, for real.
        auto full = importFile(*db, t.wang, path(QStringLiteral("big.csv")));
        QVERIFY2(full.ok(), qPrintable(full.ok() ? QString() : full.error().message));
        QCOMPARE(full->created, 5000);
        QCOMPARE(countCustomers(*db), 5003);
    }

    void scopeAndPermissions()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        QVERIFY(importFile(*db, t.qian, fixture(QStringLiteral("customers_utf8_bom.csv"))).ok()); // qian's customers
        // wang's file shares a phone with a customer of qian's: wang learns only that it is taken.
        auto skip = importFile(*db, t.wang, fixture(QStringLiteral("customers_utf8_bom.csv")));
        QVERIFY(skip.ok());
        QCOMPARE(skip->skipped, 3);
        QCOMPARE(skip->firstIssues.at(0).reason, QStringLiteral("skipped: already in the CRM, held by another user (same phone)"));
        CustomerImportOptions update;
        update.onDuplicate = DuplicatePolicy::Update;
        update.partial = true;
        auto refused = importFile(*db, t.wang, fixture(QStringLiteral("customers_utf8_bom.csv")), update);
        QVERIFY(refused.ok());
        QCOMPARE(refused->updated, 0);
        QCOMPARE(refused->invalid, 3);
        QVERIFY(refused->firstIssues.at(0).reason.endsWith(QStringLiteral("outside your customers")));
        QCOMPARE(byName(*db, u("王芳")).version, 1);

        // No customer.write: forbidden. A read-only field in the file: forbidden, before reading rows.
        const Actor reader = withRole(*db, t.admin, t.zhao, QStringLiteral("reader"), DataScope::Own, {Permission::CustomerRead});
        auto forbidden = importFile(*db, reader, fixture(QStringLiteral("customers_utf8_bom.csv")));
        QVERIFY(!forbidden.ok());
        QCOMPARE(forbidden.error().code, QStringLiteral("forbidden"));
        OrgService org(*db);
        const Actor sunRole = withRole(*db, t.admin, t.sun, QStringLiteral("no-source"), DataScope::Own, Permission::repDefaults());
        QVERIFY(org.setFieldRule(t.admin, sunRole.roleId, QStringLiteral("customer"), QStringLiteral("source"), FieldRule::ReadOnly).ok());
        auto readOnly = importFile(*db, org.actorFor(t.sun.userId).value(), fixture(QStringLiteral("customers_utf8_bom.csv")));
        QVERIFY(!readOnly.ok());
        QCOMPARE(readOnly.error().field, QStringLiteral("source"));
        QCOMPARE(countCustomers(*db), 3);

        // The system actor (crm import without --as) fills the public pool.
        CustomerImportOptions create;
        create.onDuplicate = DuplicatePolicy::Create;
        QVERIFY(importFile(*db, Actor::system(), fixture(QStringLiteral("customers_gb18030.csv")), create).ok());
        const Customer pooled = byName(*db, u("赵敏"));
        QVERIFY(!pooled.ownerId);
        QVERIFY(pooled.poolSince > 0);
    }

    void brokenFilesImportNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << fixture(QStringLiteral("empty.csv")) << QString() << QStringLiteral("The file is empty");
        QTest::newRow("header only") << fixture(QStringLiteral("header_only.csv")) << QString() << QStringLiteral("no customers");
        QTest::newRow("10,000 columns") << path(QStringLiteral("wide.csv")) << QString() << QStringLiteral("more than 1000 columns");
        QTest::newRow("wrong encoding") << fixture(QStringLiteral("customers_gb18030.csv")) << QStringLiteral("utf-8")
                                        << QStringLiteral("not valid UTF-8");
        QTest::newRow("truncated zip") << path(QStringLiteral("truncated.xlsx")) << QString() << QStringLiteral("damaged or truncated");
        QTest::newRow("bad XML") << path(QStringLiteral("bad_xml.xlsx")) << QString() << QStringLiteral("damaged");
        QTest::newRow("xlsx 10,000 columns") << path(QStringLiteral("wide.xlsx")) << QString() << QStringLiteral("more than 1000 columns");
        QTest::newRow("unclosed quote") << path(QStringLiteral("unclosed.csv")) << QString() << QStringLiteral("not closed");
    }
    void brokenFilesImportNothing()
    {
        QFETCH(QString, file);
        QFETCH(QString, encoding);
        QFETCH(QString, message);
        {
            QStringList wide;
            for (int i = 0; i < 10000; ++i)
                wide << (i == 0 ? QStringLiteral("name") : QStringLiteral("c%1").arg(i));
            writeCsv(path(QStringLiteral("wide.csv")), {wide, wide});
            QFile good(path(QStringLiteral("customers.xlsx")));
            QVERIFY(good.open(QIODevice::ReadOnly));
            const QByteArray bytes = good.readAll();
            QFile cut(path(QStringLiteral("truncated.xlsx")));
            QVERIFY(cut.open(QIODevice::WriteOnly));
            cut.write(bytes.left(bytes.size() - 100));
            QFile unclosed(path(QStringLiteral("unclosed.csv")));
            QVERIFY(unclosed.open(QIODevice::WriteOnly));
            unclosed.write("name,phone\nGood,13800000001\n\"Open,13800000002\nMore,13800000003\n");
        }
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        TableFileOptions options;
        if (!encoding.isEmpty())
            options.encoding = Encoding::fromName(encoding).value();
        CustomerImportOptions partial;
        partial.partial = true; // even when valid rows came before the damage
        auto r = importFile(*db, t.wang, file, partial, options);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QCOMPARE(countCustomers(*db), 0);
        QVERIFY(!QFile::exists(reportFor(file))); // a failed import leaves no partial report
    }

    void requiredCustomFieldFailsUpFront()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        QVERIFY(db->execSql(QStringLiteral("INSERT INTO custom_field_defs (entity, field_key, label, field_type, required)"
                                           " VALUES ('customer', 'contract_no', 'Contract', 'text', 1)")).ok());
        auto r = importFile(*db, t.wang, fixture(QStringLiteral("customers_utf8_bom.csv")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("customFields.contract_no"));
        QCOMPARE(countCustomers(*db), 0);
    }

    // Columns headed by a custom field's label (as exports write them) or key fill it, read by its
    // type; a value it cannot take is reported under that column; a required one is checked per row;
    // an update fills in the row's values and keeps the others; export then import gives them back.
    void customFieldColumns()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomFieldService defs(*db);
        auto def = [](const QString &key, const QString &label, const QString &type, bool required = false) {
            CustomFieldDef d;
            d.key = key;
            d.label = label;
            d.type = type;
            d.required = required;
            if (type == QLatin1String("choice"))
                d.options = {u("华东"), u("华南")};
            return d;
        };
        QVERIFY(defs.add(t.admin, def(QStringLiteral("contract_no"), u("合同编号"), QStringLiteral("text"), true)).ok());
        QVERIFY(defs.add(t.admin, def(QStringLiteral("signed"), u("签约日期"), QStringLiteral("date"))).ok());
        QVERIFY(defs.add(t.admin, def(QStringLiteral("score"), u("评分"), QStringLiteral("number"))).ok());
        QVERIFY(defs.add(t.admin, def(QStringLiteral("key_account"), u("大客户"), QStringLiteral("bool"))).ok());
        QVERIFY(defs.add(t.admin, def(QStringLiteral("region"), u("大区"), QStringLiteral("choice"))).ok());

        const QString file = path(QStringLiteral("custom.csv"));
        writeCsv(file, {{u("名称"), u("合同编号"), u("签约日期"), QStringLiteral("score"), u("大客户"), u("大区"), u("手机")},
                        {u("星河科技"), QStringLiteral("HT-001"), u("2026年3月15日"), QStringLiteral("1,234.5"), u("是"), u("华南"),
                         QStringLiteral("13800000011")},
                        {u("启明电子"), QStringLiteral("HT-002"), QStringLiteral("2026-04-01"), QStringLiteral("很高"), QString(), QString(), QString()},
                        {u("没有合同"), QString(), QString(), QString(), QStringLiteral("no"), QString(), QString()},
                        {u("西北公司"), QStringLiteral("HT-005"), QString(), QString(), QString(), u("西北"), QString()}});
        CustomerImportOptions partial;
        partial.partial = true;
        auto r = importFile(*db, t.wang, file, partial);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->mapping.fields.mid(1, 5), (QStringList{QStringLiteral("customFields.contract_no"), QStringLiteral("customFields.signed"),
                                                          QStringLiteral("customFields.score"), QStringLiteral("customFields.key_account"),
                                                          QStringLiteral("customFields.region")}));
        QCOMPARE(r->created, 1);
        QCOMPARE(r->invalid, 3);
        const Customer xinghe = byName(*db, u("星河科技"));
        QCOMPARE(xinghe.customFields.value(QStringLiteral("contract_no")).toString(), QStringLiteral("HT-001"));
        QCOMPARE(xinghe.customFields.value(QStringLiteral("signed")).toString(), QStringLiteral("2026-03-15"));
        QCOMPARE(xinghe.customFields.value(QStringLiteral("score")).toDouble(), 1234.5);
        QCOMPARE(xinghe.customFields.value(QStringLiteral("key_account")).toBool(), true);
        QCOMPARE(xinghe.customFields.value(QStringLiteral("region")).toString(), u("华南"));
        const QList<QStringList> report = readCsv(r->errorReportPath);
        QCOMPARE(report.size(), 4);
        QCOMPARE(report[1].mid(0, 3), (QStringList{QStringLiteral("3"), QStringLiteral("score"), u("很高")}));
        QCOMPARE(report[2].mid(0, 2), (QStringList{QStringLiteral("4"), u("合同编号")})); // required, per row
        QCOMPARE(report[3].mid(0, 3), (QStringList{QStringLiteral("5"), u("大区"), u("西北")}));

        // An update fills in what the row has and keeps the rest.
        writeCsv(file, {{u("名称"), u("手机"), u("大区")}, {u("星河科技"), QStringLiteral("13800000011"), u("华东")}});
        CustomerImportOptions update;
        update.onDuplicate = DuplicatePolicy::Update;
        // (the required contract number is not a column here: the update keeps the stored one)
        auto updated = importFile(*db, t.wang, file, update);
        QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().message));
        QCOMPARE(updated->updated, 1);
        const Customer again = byName(*db, u("星河科技"));
        QCOMPARE(again.customFields.value(QStringLiteral("region")).toString(), u("华东"));
        QCOMPARE(again.customFields.value(QStringLiteral("contract_no")).toString(), QStringLiteral("HT-001"));

        // A template naming a custom field the company does not have is refused.
        ColumnMapping unknown = ColumnMapping::propose({u("名称"), QStringLiteral("x")});
        unknown.fields[1] = QStringLiteral("customFields.nothing");
        writeCsv(file, {{u("名称"), QStringLiteral("x")}, {u("某公司"), QStringLiteral("1")}});
        CustomerImportOptions withTemplate;
        withTemplate.mapping = unknown;
        auto refused = importFile(*db, t.wang, file, withTemplate);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("mapping"));

        // Export, then import into another database with the same fields: the values come back.
        const QString exported = path(QStringLiteral("custom-export.csv"));
        QVERIFY(CustomerExporter(*db).exportTo(t.admin, exported, {}).ok());
        CRM_OPEN_DB(other);
        Team t2 = makeTeam(*other);
        CustomFieldService otherDefs(*other);
        const QVector<CustomFieldDef> defined = defs.list(t.admin).value();
        for (const CustomFieldDef &d : defined)
            QVERIFY(otherDefs.add(t2.admin, d).ok());
        auto back = importFile(*other, t2.wang, exported);
        QVERIFY2(back.ok() && back->committed, qPrintable(back.ok() ? QString() : back.error().message));
        const Customer copy = byName(*other, u("星河科技"));
        QCOMPARE(copy.customFields, again.customFields);
    }

    void mappingTemplates()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const QStringList headers = {u("客户名称"), u("联系电话"), u("内部编号"), u("手机号码(必填)"), u("公司地址"), u("备注")};
        ColumnMapping proposed = ColumnMapping::propose(headers);
        QCOMPARE(proposed.fields, (QStringList{QStringLiteral("name"), QStringLiteral("phone"), QString(), QStringLiteral("phone"),
                                               QStringLiteral("street"), QStringLiteral("notes")}));
        QCOMPARE(ColumnMapping::propose({u("公司名称"), u("电话")}).fields, (QStringList{QStringLiteral("name"), QStringLiteral("phone")}));
        // Edited and saved: "内部编号" becomes the notes, 备注 ignored; reloaded for a file with other column order.
        proposed.fields[2] = QStringLiteral("notes");
        proposed.fields[5].clear();
        QVERIFY(proposed.validate().ok());
        QVERIFY(proposed.saveTemplate(path(QStringLiteral("mapping.json"))).ok());
        const QStringList reordered = {u("备注"), u("内部编号"), u("客户名称"), u("联系电话"), u("新列")};
        auto loaded = ColumnMapping::loadTemplate(path(QStringLiteral("mapping.json")), reordered);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->fields, (QStringList{QString(), QStringLiteral("notes"), QStringLiteral("name"), QStringLiteral("phone"), QString()}));
        writeCsv(path(QStringLiteral("mapped.csv")), {reordered, {u("忽略"), QStringLiteral("K-001"), u("测试客户"), QStringLiteral("13800001234"), u("x")}});
        CustomerImportOptions options;
        options.mapping = *loaded;
        auto r = importFile(*db, t.wang, path(QStringLiteral("mapped.csv")), options);
        QVERIFY(r.ok());
        QCOMPARE(byName(*db, u("测试客户")).notes, QStringLiteral("K-001"));

        ColumnMapping twice = *loaded;
        twice.fields[0] = QStringLiteral("name");
        QVERIFY(!twice.validate().ok());
        twice.fields[0] = QStringLiteral("shoeSize");
        QVERIFY(twice.validate().error().message.contains(QStringLiteral("shoeSize")));
    }

    // The bulk writer's audit snapshot is the JSON AuditLog stores for CustomerService::create.
    void auditSnapshotMatchesTheService()
    {
        Customer c;
        c.name = QStringLiteral("Tricky \"name\" \\ with\ttabs\nand lines \x01 王芳 \u2028");
        c.company = u("星河科技");
        c.birthday = QDate(1985, 6, 1);
        c.phones = {Phone{QStringLiteral("13812345678"), QStringLiteral("mobile"), true}, Phone{QStringLiteral("02112345678"), {}, false}};
        c.emails = {Email{QStringLiteral("a@b.cn"), QStringLiteral("work"), true}};
        c.addresses = {Address{QStringLiteral("home"), u("广东省"), u("深圳市"), u("南山区"), u("科技园路"), QStringLiteral("1"), QStringLiteral("518000"), true}};
        c.tags = {QStringLiteral("a\"b"), u("重要客户")};
        c.groups = {QStringLiteral("g1")};
        c.ownerId = 42;
        c.notes = QStringLiteral("\b\f\r");
        c.customFields = QJsonObject{{QStringLiteral("budget"), 12.5}, {QStringLiteral("empty"), QString()},
                                     {QStringLiteral("nested"), QJsonObject{{QStringLiteral("x"), QJsonArray{}}}}};
        QCOMPARE(CustomerBulkWriter::snapshotJson(c), AuditLog::snapshotText(CustomerService::snapshot(c)));
        // Empty values are left out, at any depth; false and zero are values.
        Customer empty;
        empty.name = QStringLiteral("x");
        empty.phones = {Phone{QStringLiteral("13812345678"), {}, false}};
        empty.customFields = QJsonObject{{QStringLiteral("none"), QString()}};
        const QString text = CustomerBulkWriter::snapshotJson(empty);
        QCOMPARE(text, AuditLog::snapshotText(CustomerService::snapshot(empty)));
        const QJsonObject parsed = QJsonDocument::fromJson(text.toUtf8()).object();
        QCOMPARE(parsed.value(QStringLiteral("name")).toString(), QStringLiteral("x"));
        QCOMPARE(parsed.value(QStringLiteral("phones")).toArray().first().toObject(),
                 (QJsonObject{{QStringLiteral("number"), QStringLiteral("13812345678")}, {QStringLiteral("primary"), false}}));
        for (const char *gone : {"notes", "emails", "tags", "ownerId", "customFields", "birthday", "addresses"})
            QVERIFY2(!parsed.contains(QLatin1String(gone)), gone);
    }

    // A large file next to the table: indexes are dropped for the load and rebuilt, search entries
    // written at the end; a cancel after that point restores everything. Into an empty SQLite store
    // the keyword index is built beside (SearchIndexBuild), the entries of the rows before the
    // decision moved over from the staging table.
    void largeImportRebuildsIndexes()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        auto indexes = [&] { return test::indexAndTriggerNames(*db); };
        const QStringList before = indexes();
        QList<QStringList> rows = {{QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("tags")}};
        for (int i = 0; i < 60000; ++i)
            rows << QStringList{QStringLiteral("Bulk %1").arg(i), QStringLiteral("159%1").arg(i, 8, 10, QLatin1Char('0')),
                                QStringLiteral("bulk%1@example.com").arg(i), i % 2 ? QStringLiteral("odd") : QStringLiteral("even")};
        writeCsv(path(QStringLiteral("large.csv")), rows);

        auto source = TableFile::open(path(QStringLiteral("large.csv")));
        QVERIFY(source.ok());
        CancelFlag cancel{false};
        CancellingSource cancelling(**source, cancel, 30000);
        CustomerImportOptions options;
        options.cancel = &cancel;
        QVERIFY(!CustomerImporter(*db).run(t.wang, cancelling, options).ok());
        QCOMPARE(countCustomers(*db), 0);
        QCOMPARE(indexes(), before);
        QCOMPARE(customerCounts(*db).first, QStringList());

        auto r = importFile(*db, t.wang, path(QStringLiteral("large.csv")));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->created, 60000);
        QCOMPARE(indexes(), before);
        CHECK_CUSTOMER_COUNTS(*db);
        QCOMPARE(customerCounts(*db).first.size(), 2); // wang's 60,000 without a province or industry
        CustomerFilter f;
        f.keyword = QStringLiteral("bulk59999");
        QCOMPARE(CustomerService(*db).list(t.wang, f).value().customers.size(), 1);
        f.keyword = QStringLiteral("15900012345");
        const CustomerPage page = CustomerService(*db).list(t.wang, f).value();
        QCOMPARE(page.customers.size(), 1);
        QCOMPARE(page.customers.at(0).name, QStringLiteral("Bulk 12345"));
        f.keyword = QStringLiteral("15900000042"); // written before the decision at row 10,000
        QCOMPARE(CustomerService(*db).list(t.wang, f).value().customers.value(0).name, QStringLiteral("Bulk 42"));
        f.keyword = QStringLiteral("bulk9999@example.com");
        QCOMPARE(CustomerService(*db).list(t.wang, f).value().customers.value(0).name, QStringLiteral("Bulk 9999"));
        f.keyword = QStringLiteral("even");
        QCOMPARE(CustomerService(*db).count(t.wang, f).value(), 30000);
        f.keyword.clear();
        f.tag = QStringLiteral("odd");
        QCOMPARE(CustomerService(*db).count(t.wang, f).value(), 30000);
        QCOMPARE(AuditLog::history(*db, QStringLiteral("customer"), page.customers.at(0).id).value().size(), 1);
        QCOMPARE(foreignKeyViolations(*db), 0);
        if (db->isSqlite()) // the scratch folder went with the build
            QCOMPARE(QDir(QFileInfo(db.location).absolutePath())
                         .entryList({QStringLiteral(".crm-search-build-*")}, QDir::Dirs | QDir::Hidden)
                         .size(),
                     0);
    }

    // With duplicates updated, a later row changes a customer the file created: its keyword entry
    // must be the updated one (such a load keeps the store's own index, see CustomerImporter).
    void largeImportWithUpdatesIndexesTheUpdate()
    {
        CRM_OPEN_DB(db);
        if (!db->isSqlite()) // PostgreSQL indexes each row in line; a 50,000-row import there takes 10 s
            QSKIP("the keyword index is built beside only on SQLite");
        Team t = makeTeam(*db);
        QList<QStringList> rows = {{QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("company"), QStringLiteral("industry")}};
        for (int i = 0; i < 50000; ++i)
            rows << QStringList{QStringLiteral("Bulk %1").arg(i), QStringLiteral("159%1").arg(i, 8, 10, QLatin1Char('0')), {},
                                i % 2 ? QStringLiteral("零售") : QString()};
        // Changes a customer written earlier in the same import: counted by the trigger, not twice.
        rows << QStringList{QStringLiteral("Bulk 20000"), QStringLiteral("15900020000"), QStringLiteral("Zephyrmotors"), QStringLiteral("制造")};
        writeCsv(path(QStringLiteral("updates.csv")), rows);
        CustomerImportOptions options;
        options.onDuplicate = DuplicatePolicy::Update;
        auto r = importFile(*db, t.wang, path(QStringLiteral("updates.csv")), options);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->created, 50000);
        QCOMPARE(r->updated, 1);
        CustomerFilter f;
        f.keyword = QStringLiteral("Zephyrmotors");
        QCOMPARE(CustomerService(*db).list(t.wang, f).value().customers.value(0).name, QStringLiteral("Bulk 20000"));
        f.keyword = QStringLiteral("15900049999");
        QCOMPARE(CustomerService(*db).list(t.wang, f).value().customers.size(), 1);
        CHECK_CUSTOMER_COUNTS(*db);
        QVERIFY2(customerCounts(*db).first.contains(QStringLiteral("%1 industry 制造=1").arg(t.wang.userId)),
                 qPrintable(customerCounts(*db).first.join(QLatin1Char('|'))));
    }

    // Export then import into another database: the same customers.
    void roundTrips_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("chinese");
        QTest::newRow("csv") << int(ExportFormat::Csv) << false;
        QTest::newRow("csv, Chinese headers") << int(ExportFormat::Csv) << true;
        QTest::newRow("xlsx") << int(ExportFormat::Xlsx) << false;
        QTest::newRow("xlsx, Chinese headers") << int(ExportFormat::Xlsx) << true;
    }
    void roundTrips()
    {
        QFETCH(int, format);
        QFETCH(bool, chinese);
        CRM_OPEN_DB(source);
        Team t = makeTeam(*source);
        CustomerService svc(*source);
        Customer a;
        a.name = u("深圳星河科技有限公司");
        a.company = u("星河科技");
        a.kind = QStringLiteral("company");
        a.status = QStringLiteral("active");
        a.level = QStringLiteral("B");
        a.industry = u("科技");
        a.source = u("抖音-信息流");
        a.phones = {Phone{QStringLiteral("13812345678"), {}, true}};
        a.emails = {Email{QStringLiteral("Info@XingHe.cn"), {}, true}};
        a.addresses = {Address{{}, u("广东省"), u("深圳市"), u("南山区"), {}, {}, {}, true}};
        a.tags = {u("VIP客户"), u("重要客户")};
        a.notes = QStringLiteral("=1+2 is not a formula\nsecond line, with \"quotes\"");
        QVERIFY(svc.create(t.wang, a).ok());
        Customer b;
        b.name = QStringLiteral("Smith, \"Jr\"");
        b.kind = QStringLiteral("person");
        b.gender = QStringLiteral("female");
        b.birthday = QDate(1979, 2, 28);
        b.occupation = QStringLiteral("Engineer");
        b.position = QStringLiteral("CTO");
        b.status = QStringLiteral("at_risk");
        b.phones = {Phone{QStringLiteral("+4930123456"), {}, true}};
        b.notes = QStringLiteral("-minus first");
        QVERIFY(svc.create(t.wang, b).ok());
        Customer c;
        c.name = u("王芳");
        c.kind = QStringLiteral("person");
        c.gender = QStringLiteral("male");
        c.tags = {u("老客户")};
        QVERIFY(svc.create(t.wang, c).ok());

        const QString file = path(format == int(ExportFormat::Csv) ? QStringLiteral("trip.csv") : QStringLiteral("trip.xlsx"));
        CustomerExportOptions ex;
        ex.format = ExportFormat(format);
        ex.chineseHeaders = chinese;
        QVERIFY(CustomerExporter(*source).exportTo(t.admin, file, ex).ok());

        CRM_OPEN_DB(target);
        Team t2 = makeTeam(*target);
        auto r = importFile(*target, t2.wang, file);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->created, 3);
        QCOMPARE(r->issueCount, 0);
        QStringList expected, actual;
        for (const Customer &x : allCustomers(*source))
            expected << projection(x);
        for (const Customer &x : allCustomers(*target))
            actual << projection(x);
        expected.sort();
        actual.sort();
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(TestCustomerImport)
#include "tst_customer_import.moc"
