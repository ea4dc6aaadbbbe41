// `crm import` and `crm export` as administrators run them: the real executable through QProcess on a
// real store (SQLite file or PostgreSQL), results checked in-process.
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/reports/ReportsTestUtil.h"

#include <QSqlQuery>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace crm;
using namespace crm::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out, err;
};

QString u(const char *s)
{
    return QString::fromUtf8(s);
}

} // namespace

class TestDataCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    Run crm(const TestDatabase &db, QStringList args)
    {
        args << QStringLiteral("--database") << db.location;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path());
        env.remove(QStringLiteral("CRM_DATABASE"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CRM_EXE), args);
        Run r;
        if (!p.waitForStarted(10000) || !p.waitForFinished(120000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString copyFixture(const QString &name)
    {
        const QString to = m_dir.filePath(name);
        QFile::remove(to);
        QFile::copy(fixture(name), to);
        return to;
    }

    static qint64 count(Database &db)
    {
        QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM customers"));
        (void)db.exec(q);
        q.next();
        return q.value(0).toLongLong();
    }

private Q_SLOTS:
    void importThenExport()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const QString file = copyFixture(QStringLiteral("customers_utf8_bom.csv"));

        Run dry = crm(db, {QStringLiteral("import"), file, QStringLiteral("--dry-run"), QStringLiteral("--as"), QStringLiteral("wang")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(u("  手机 -> phone")), qPrintable(dry.out));
        QVERIFY(dry.out.contains(QStringLiteral("Dry run of customers_utf8_bom.csv: 3 rows: 3 created")));
        QCOMPARE(count(*db), 0);

        Run imported = crm(db, {QStringLiteral("import"), file, QStringLiteral("--as"), QStringLiteral("wang"),
                                QStringLiteral("--save-mapping"), m_dir.filePath(QStringLiteral("m.json"))});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.startsWith(QStringLiteral("Imported customers_utf8_bom.csv: 3 rows: 3 created, 0 updated")),
                 qPrintable(imported.out));
        QCOMPARE(count(*db), 3);
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("m.json"))));

        // Again with the saved mapping: duplicates skipped and reported next to the file.
        Run again = crm(db, {QStringLiteral("import"), file, QStringLiteral("--as"), QStringLiteral("wang"), QStringLiteral("--mapping"),
                             m_dir.filePath(QStringLiteral("m.json"))});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QStringLiteral("3 skipped as duplicates")));
        QVERIFY(again.err.contains(QStringLiteral("row 2, ")));
        const QString errors = m_dir.filePath(QStringLiteral("customers_utf8_bom.errors.csv"));
        auto reportText = [&] {
            QFile report(errors);
            return report.open(QIODevice::ReadOnly) ? QString::fromUtf8(report.readAll()) : QString();
        };
        QVERIFY2(reportText().contains(QStringLiteral("skipped: duplicate of customer")), qPrintable(reportText()));
        // --lang zh_CN: the report's reasons in Chinese (the desktop's catalogue); a bad value is refused.
        Run chinese = crm(db, {QStringLiteral("import"), file, QStringLiteral("--as"), QStringLiteral("wang"), QStringLiteral("--lang"),
                               QStringLiteral("zh_CN")});
        QCOMPARE(chinese.exitCode, 0);
        QVERIFY2(reportText().contains(u("已跳过：与客户")), qPrintable(reportText()));
        Run badLang = crm(db, {QStringLiteral("import"), file, QStringLiteral("--lang"), QStringLiteral("fr")});
        QVERIFY(badLang.exitCode != 0);
        QVERIFY(badLang.err.contains(QStringLiteral("--lang must be en or zh_CN")));
        // A broken file says where and what in Chinese too, not only "the format is not valid".
        const QString broken = m_dir.filePath(QStringLiteral("broken.csv"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(u("姓名,手机\n张伟,13800000001\n\"王芳,13800000002\n").toUtf8());
        }
        Run brokenZh = crm(db, {QStringLiteral("import"), broken, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QCOMPARE(brokenZh.exitCode, 1);
        QVERIFY2(brokenZh.err.contains(u("第 3 行：引号内的字段没有结束")), qPrintable(brokenZh.err));
        Run brokenEn = crm(db, {QStringLiteral("import"), broken, QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(brokenEn.err.contains(QStringLiteral("Row 3: a quoted field is not closed")), qPrintable(brokenEn.err));
        // The JSON and zip readers' sentences are in the catalogue too.
        const QString notArray = m_dir.filePath(QStringLiteral("object.json"));
        {
            QFile f(notArray);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"name\": \"x\"}");
        }
        Run jsonZh = crm(db, {QStringLiteral("import"), notArray, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QCOMPARE(jsonZh.exitCode, 1);
        QVERIFY2(jsonZh.err.contains(u("JSON 导入文件必须是一个对象数组")), qPrintable(jsonZh.err));
        const QString truncatedXlsx = m_dir.filePath(QStringLiteral("truncated.xlsx"));
        {
            QFile f(truncatedXlsx);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("PK\x03\x04") + QByteArray(200, 'x'));
        }
        Run zipZh = crm(db, {QStringLiteral("import"), truncatedXlsx, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QCOMPARE(zipZh.exitCode, 1);
        QVERIFY2(zipZh.err.contains(u("不是有效的 XLSX 工作簿")), qPrintable(zipZh.err));

        const QString xlsx = m_dir.filePath(QStringLiteral("out.xlsx"));
        Run exported = crm(db, {QStringLiteral("export"), QStringLiteral("customers"), QStringLiteral("-o"), xlsx, QStringLiteral("--as"),
                                QStringLiteral("li"), QStringLiteral("--filter"), QStringLiteral("tag=VIP客户")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY2(exported.out.startsWith(QStringLiteral("Exported 2 customers to")), qPrintable(exported.out));
        QCOMPARE(dumpXlsx(xlsx).value(QStringLiteral("rows")).toArray().size(), 3);

        const QString json = m_dir.filePath(QStringLiteral("out.json"));
        Run all = crm(db, {QStringLiteral("export"), QStringLiteral("customers"), QStringLiteral("--format"), QStringLiteral("json"),
                           QStringLiteral("-o"), json, QStringLiteral("--filter"), QStringLiteral("sort=name"), QStringLiteral("--filter"),
                           QStringLiteral("order=desc")});
        QCOMPARE(all.exitCode, 0);
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(f.readAll()).array();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("name")).toString(), u("王芳"));
    }

    void failuresAreClear()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        Run rep = crm(db, {QStringLiteral("export"), QStringLiteral("customers"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv")),
                           QStringLiteral("--as"), QStringLiteral("wang")});
        QCOMPARE(rep.exitCode, 1);
        QVERIFY2(rep.err.contains(QStringLiteral("permission to export")), qPrintable(rep.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.csv"))));

        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("name,email\nGood,good@x.com\nBad,not-an-email\n");
        }
        Run strict = crm(db, {QStringLiteral("import"), bad});
        QCOMPARE(strict.exitCode, 1);
        QVERIFY2(strict.err.contains(QStringLiteral("nothing imported: 1 invalid row(s)")), qPrintable(strict.err));
        QVERIFY(strict.err.contains(QStringLiteral("row 3, email \"not-an-email\"")));
        QCOMPARE(count(*db), 0);
        Run partial = crm(db, {QStringLiteral("import"), bad, QStringLiteral("--partial")});
        QCOMPARE(partial.exitCode, 0);
        QCOMPARE(count(*db), 1);

        Run empty = crm(db, {QStringLiteral("import"), fixture(QStringLiteral("empty.csv"))});
        QCOMPARE(empty.exitCode, 1);
        QVERIFY(empty.err.contains(QStringLiteral("The file is empty")));
        Run encoding = crm(db, {QStringLiteral("import"), bad, QStringLiteral("--encoding"), QStringLiteral("latin9")});
        QCOMPARE(encoding.exitCode, 2);
        Run policy = crm(db, {QStringLiteral("import"), bad, QStringLiteral("--on-duplicate"), QStringLiteral("merge")});
        QCOMPARE(policy.exitCode, 2);
        Run nobody = crm(db, {QStringLiteral("import"), bad, QStringLiteral("--as"), QStringLiteral("nobody")});
        QCOMPARE(nobody.exitCode, 1);
        QVERIFY(nobody.err.contains(QStringLiteral("nobody")));
        Run filter = crm(db, {QStringLiteral("export"), QStringLiteral("customers"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("y.csv")),
                              QStringLiteral("--filter"), QStringLiteral("colour=red")});
        QCOMPARE(filter.exitCode, 2);
    }

    // `crm export opportunities`: a manager's team only, money as a decimal, filters and usage errors.
    void exportOpportunities()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        const qint64 stage = PipelineService(*db).list(t.admin).value().at(0).stages.at(0).id;
        auto add = [&](const Actor &owner, const QString &name, qint64 amount) {
            Customer c;
            c.name = name;
            Opportunity o;
            o.customerId = CustomerService(*db).create(owner, c).value().id;
            o.stageId = stage;
            o.name = name + QStringLiteral(" deal");
            o.amountMinor = amount;
            if (!OpportunityService(*db).create(owner, o))
                qFatal("opportunity");
        };
        add(t.wang, u("星河科技"), 1234567);
        add(t.zhao, u("赵氏贸易"), 500);
        add(t.qian, u("钱多多"), 990000);
        const QString csv = m_dir.filePath(QStringLiteral("opps.csv"));
        Run li = crm(db, {QStringLiteral("export"), QStringLiteral("opportunities"), QStringLiteral("--format"), QStringLiteral("csv"),
                          QStringLiteral("-o"), csv, QStringLiteral("--as"), QStringLiteral("li")});
        QVERIFY2(li.exitCode == 0, qPrintable(li.err));
        QVERIFY2(li.out.startsWith(QStringLiteral("Exported 2 opportunities to")), qPrintable(li.out));
        QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.size(), 3);
        const int amount = int(rows[0].indexOf(QStringLiteral("Amount")));
        QStringList amounts{rows[1].value(amount), rows[2].value(amount)};
        amounts.sort();
        QCOMPARE(amounts, (QStringList{QStringLiteral("12345.67"), QStringLiteral("5.00")}));
        QVERIFY(!rows[1].join(QLatin1Char('|')).contains(u("钱多多")) && !rows[2].join(QLatin1Char('|')).contains(u("钱多多")));

        Run filtered = crm(db, {QStringLiteral("export"), QStringLiteral("opportunities"), QStringLiteral("-o"), csv,
                                QStringLiteral("--filter"), QStringLiteral("owner=qian")});
        QCOMPARE(filtered.exitCode, 0);
        QVERIFY2(filtered.out.startsWith(QStringLiteral("Exported 1 opportunities")), qPrintable(filtered.out));
        Run badFilter = crm(db, {QStringLiteral("export"), QStringLiteral("opportunities"), QStringLiteral("-o"), csv,
                                 QStringLiteral("--filter"), QStringLiteral("close-from=soon")});
        QCOMPARE(badFilter.exitCode, 2);
        Run badType = crm(db, {QStringLiteral("export"), QStringLiteral("invoices"), QStringLiteral("-o"), csv});
        QCOMPARE(badType.exitCode, 2);
        Run rep = crm(db, {QStringLiteral("export"), QStringLiteral("tasks"), QStringLiteral("-o"), csv, QStringLiteral("--as"),
                           QStringLiteral("wang")});
        QCOMPARE(rep.exitCode, 1);
        QVERIFY2(rep.err.contains(QStringLiteral("permission to export tasks")), qPrintable(rep.err));
    }

    // `crm import --type opportunities|activities`, and JSON files for customers.
    void importOtherTypes()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        CustomerService customers(*db);
        for (const auto &[owner, name] : {std::pair{t.wang, u("深圳星河科技有限公司")}, std::pair{t.zhao, u("赵氏贸易")}}) {
            Customer c;
            c.name = name;
            QVERIFY(customers.create(owner, c));
        }
        const QString opps = copyFixture(QStringLiteral("opportunities_zh.csv"));
        Run imported = crm(db, {QStringLiteral("import"), opps, QStringLiteral("--type"), QStringLiteral("opportunities"),
                                QStringLiteral("--as"), QStringLiteral("li")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.startsWith(QStringLiteral("Imported opportunities_zh.csv: 3 rows: 3 created, 0 updated")),
                 qPrintable(imported.out));
        QSqlQuery q = db->prepare(QStringLiteral("SELECT COUNT(*) FROM opportunities"));
        QVERIFY(db->exec(q) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        q.finish();

        // A rep: Zhao's customer is unknown to Wang, so nothing (exit 1, the row in the report).
        Run rep = crm(db, {QStringLiteral("import"), opps, QStringLiteral("--type"), QStringLiteral("opportunities"),
                           QStringLiteral("--as"), QStringLiteral("wang"), QStringLiteral("--on-duplicate"), QStringLiteral("create")});
        QCOMPARE(rep.exitCode, 1);
        QVERIFY2(rep.err.contains(u("row 4, 客户 \"赵氏贸易\": Unknown customer")), qPrintable(rep.err));
        // In Chinese the reason keeps what the row said (ErrorText translates the marked pattern).
        Run repZh = crm(db, {QStringLiteral("import"), opps, QStringLiteral("--type"), QStringLiteral("opportunities"),
                             QStringLiteral("--as"), QStringLiteral("wang"), QStringLiteral("--on-duplicate"), QStringLiteral("create"),
                             QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QCOMPARE(repZh.exitCode, 1);
        QVERIFY2(repZh.err.contains(u("找不到客户“赵氏贸易”")), qPrintable(repZh.err));

        const QString acts = copyFixture(QStringLiteral("activities_zh.csv"));
        Run noUser = crm(db, {QStringLiteral("import"), acts, QStringLiteral("--type"), QStringLiteral("activities")});
        QCOMPARE(noUser.exitCode, 1);
        QVERIFY2(noUser.err.contains(QStringLiteral("import them as a user")), qPrintable(noUser.err));
        Run dry = crm(db, {QStringLiteral("import"), acts, QStringLiteral("--type"), QStringLiteral("activities"), QStringLiteral("--as"),
                           QStringLiteral("li"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains(u("  时间 -> occurredAt")), qPrintable(dry.out));
        QVERIFY(dry.out.contains(QStringLiteral("Dry run of activities_zh.csv: 3 rows: 3 created")));
        Run logged = crm(db, {QStringLiteral("import"), acts, QStringLiteral("--type"), QStringLiteral("activities"), QStringLiteral("--as"),
                              QStringLiteral("li")});
        QVERIFY2(logged.exitCode == 0 && logged.out.contains(QStringLiteral("3 created")), qPrintable(logged.err));

        Run bogus = crm(db, {QStringLiteral("import"), acts, QStringLiteral("--type"), QStringLiteral("tasks")});
        QCOMPARE(bogus.exitCode, 2);

        Run json = crm(db, {QStringLiteral("import"), copyFixture(QStringLiteral("customers.json")), QStringLiteral("--as"),
                            QStringLiteral("wang")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        // 深圳星河科技有限公司 is already Wang's: a duplicate (same company name), skipped.
        QVERIFY2(json.out.contains(QStringLiteral("3 rows: 2 created, 0 updated, 1 skipped as duplicates")), qPrintable(json.out));
        Run broken = crm(db, {QStringLiteral("import"), fixture(QStringLiteral("broken_truncated.json"))});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.contains(QStringLiteral("broken_truncated.json: The JSON file ends inside object 2")), qPrintable(broken.err));
        QCOMPARE(count(*db), 4);
    }
};

QTEST_GUILESS_MAIN(TestDataCli)
#include "tst_data_cli.moc"
