// Reports over HTTP (POST /api/crm/reports/generate with a report type): the real server on a loopback
// port, on SQLite and PostgreSQL; the PDF read back with poppler's pdftotext, the workbook with
// openpyxl. The figures follow the caller's data scope, as on the dashboards.
#include "httpapi/ApiHost.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/httpapi/ApiTestServer.h"
#include "tests/reports/ReportsTestUtil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

constexpr qint64 kNow = 1'800'000'000'000;              // 2027-01-15 08:00 UTC, 16:00 in China
const QString kGenerate = QStringLiteral("/api/crm/reports/generate");

QString pathOf(const Reply &r)
{
    return QUrl(r.json.value(QStringLiteral("downloadUrl")).toString()).path();
}

QString pdfText(const QByteArray &pdf, const QString &dir)
{
    const QString path = dir + QStringLiteral("/r.pdf");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(pdf) != pdf.size())
        return {};
    f.close();
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestApiReports : public QObject
{
    Q_OBJECT

    struct Server : test::ApiTestServer
    {
        qint64 wonStage = 0;

        Server() : ApiTestServer(kNow)
        {
            if (!ok)
                return;
            QSqlQuery q = db->prepare(QStringLiteral("SELECT s.id, p.is_default FROM stages s JOIN pipelines p ON p.id = s.pipeline_id"
                                                     " WHERE s.name = 'won'"));
            if (!db->exec(q))
                ok = false;
            while (q.next())
                if (q.value(1).toInt() == 1)
                    wonStage = q.value(0).toLongLong();
            ok = ok && wonStage > 0;
        }
        // A customer and a deal of `amount` won now by the signed-in rep, all through the API.
        bool wonDeal(ApiClient &rep, const QString &customer, double amount)
        {
            Reply r = rep.post(QStringLiteral("/api/crm/customers"), {{QStringLiteral("name"), customer},
                                                                      {QStringLiteral("phone"), QStringLiteral("13800000000")}});
            const double customerId = r.json.value(QStringLiteral("customer")).toObject().value(QStringLiteral("id")).toDouble();
            r = rep.post(QStringLiteral("/api/crm/opportunities"), {{QStringLiteral("name"), QString(customer + QStringLiteral(" deal"))},
                                                                    {QStringLiteral("customerId"), customerId},
                                                                    {QStringLiteral("value"), amount}});
            const double id = r.json.value(QStringLiteral("opportunity")).toObject().value(QStringLiteral("id")).toDouble();
            if (r.status != 201)
                return false;
            r = rep.put(QStringLiteral("/api/crm/opportunities/%1/move").arg(qint64(id)), {{QStringLiteral("stageId"), double(wonStage)}});
            return r.status == 200;
        }
    };

    QTemporaryDir m_dir;

private Q_SLOTS:
    // Li (manager of Wang and Zhao) gets his team's won amount, not Qian's from another team; the
    // administrator gets both. The period is the caller's days; the link works once.
    void salesPdfFollowsTheCallersScope()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang")), qian = s.as(QStringLiteral("qian"));
        QVERIFY(s.wonDeal(wang, QStringLiteral("华东电子"), 1234.56));
        QVERIFY(s.wonDeal(qian, QStringLiteral("岭南贸易"), 777));

        ApiClient li = s.as(QStringLiteral("li"));
        Reply r = li.post(kGenerate, {{QStringLiteral("type"), QStringLiteral("sales")},
                                      {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("period"), QStringLiteral("30d")},
                                                                                 {QStringLiteral("tz"), 480}}},
                                      {QStringLiteral("userId"), 1}}); // the mini program's; ignored
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QCOMPARE(r.json.value(QStringLiteral("format")).toString(), QStringLiteral("pdf"));
        QCOMPARE(r.json.value(QStringLiteral("report")).toString(), QStringLiteral("sales"));
        QCOMPARE(r.json.value(QStringLiteral("from")).toString(), QStringLiteral("2026-12-17"));
        QCOMPARE(r.json.value(QStringLiteral("to")).toString(), QStringLiteral("2027-01-15"));
        QVERIFY(r.json.value(QStringLiteral("fileName")).toString().startsWith(QLatin1String("report-sales-")));
        QCOMPARE(s.files().size(), 1);

        QCOMPARE(s.as(QStringLiteral("admin")).get(pathOf(r)).status, 404); // Li's link, nobody else's
        Reply file = li.get(pathOf(r));
        QCOMPARE(file.status, 200);
        QVERIFY(file.body.startsWith("%PDF"));
        QCOMPARE(file.headers.value("content-type"), QByteArray("application/pdf"));
        const QString text = pdfText(file.body, m_dir.path());
        QVERIFY2(text.contains(QStringLiteral("Sales performance report")), qPrintable(text.left(1500)));
        QVERIFY2(text.contains(QStringLiteral("1,234.56")), qPrintable(text.left(3000)));
        QVERIFY(!text.contains(QStringLiteral("777.00")));
        QVERIFY(text.contains(QStringLiteral("2026-12-17")));
        QCOMPARE(li.get(pathOf(r)).status, 404); // used up
        QVERIFY(s.files().isEmpty());

        ApiClient admin = s.as(QStringLiteral("admin"));
        r = admin.post(kGenerate, {{QStringLiteral("type"), QStringLiteral("sales")},
                                   {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("period"), QStringLiteral("this-month")}}}});
        QCOMPARE(r.status, 200);
        const QString all = pdfText(admin.get(pathOf(r)).body, m_dir.path());
        QVERIFY2(all.contains(QStringLiteral("2,011.56")), qPrintable(all.left(3000)));
    }

    // Narrowed to one rep in the caller's scope, as a workbook with typed cells; a rep outside the
    // scope is not found, and nothing is written.
    void narrowedXlsxReport()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang")), zhao = s.as(QStringLiteral("zhao"));
        QVERIFY(s.wonDeal(wang, QStringLiteral("华东电子"), 1234.56));
        QVERIFY(s.wonDeal(zhao, QStringLiteral("西北机械"), 100));

        ApiClient li = s.as(QStringLiteral("li"));
        Reply r = li.post(kGenerate, {{QStringLiteral("type"), QStringLiteral("sales")},
                                      {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("format"), QStringLiteral("xlsx")},
                                                                                 {QStringLiteral("ownerId"), double(s.team.wang.userId)}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("format")).toString(), QStringLiteral("xlsx"));
        QVERIFY(r.json.value(QStringLiteral("fileName")).toString().endsWith(QLatin1String(".xlsx")));
        const Reply file = li.get(pathOf(r));
        QCOMPARE(file.status, 200);
        const QString path = m_dir.filePath(QStringLiteral("r.xlsx"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(file.body);
        f.close();
        const QJsonObject dump = QJsonDocument::fromJson(test::python({test::script(QStringLiteral("report_xlsx_dump.py")), path})).object();
        const QJsonArray byRep = dump.value(QStringLiteral("cells")).toObject().value(QStringLiteral("By sales rep")).toArray();
        QCOMPARE(byRep.size(), 3); // header, wang, totals
        QCOMPARE(byRep.at(1).toArray().at(0).toObject().value(QStringLiteral("v")).toString(), QStringLiteral("wang"));
        const QJsonObject total = byRep.at(2).toArray().at(2).toObject();
        QCOMPARE(total.value(QStringLiteral("t")).toString(), QStringLiteral("number"));
        QCOMPARE(total.value(QStringLiteral("v")).toDouble(), 1234.56);

        r = li.post(kGenerate, {{QStringLiteral("type"), QStringLiteral("sales")},
                                {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("ownerId"), double(s.team.qian.userId)}}}});
        QCOMPARE(r.status, 404);
        QVERIFY(s.files().isEmpty());
    }

    // activities, customers and tasks are exports unless a period (or PDF) asks for the report.
    void reportOrExport()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient li = s.as(QStringLiteral("li"));
        Reply r = li.post(kGenerate, {{QStringLiteral("type"), QStringLiteral("customers")},
                                      {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("format"), QStringLiteral("csv")}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
        QVERIFY(r.json.contains(QStringLiteral("rows")));
        for (const char *type : {"activities", "customers", "tasks", "funnel", "campaigns", "engagement"}) {
            r = li.post(kGenerate, {{QStringLiteral("type"), QLatin1String(type)},
                                    {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("period"), QStringLiteral("90d")}}}});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json.value(QStringLiteral("report")).toString(), QLatin1String(type));
            QCOMPARE(r.json.value(QStringLiteral("format")).toString(), QStringLiteral("pdf"));
            QVERIFY(li.get(pathOf(r)).body.startsWith("%PDF"));
        }
    }

    // Reps have report.read but not report.export: 403 before anything is written.
    void repsMayNotGenerateReports()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        const Reply r = wang.post(kGenerate, {{QStringLiteral("type"), QStringLiteral("sales")}, {QStringLiteral("parameters"), QJsonObject()}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
        QVERIFY(s.files().isEmpty());
    }

    void badParametersNameTheField_data()
    {
        QTest::addColumn<QJsonObject>("parameters");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown period") << QJsonObject{{QStringLiteral("period"), QStringLiteral("yesterday")}} << QStringLiteral("parameters.period");
        QTest::newRow("reversed range") << QJsonObject{{QStringLiteral("period"), QStringLiteral("2026-03-01..2026-02-01")}}
                                        << QStringLiteral("parameters.period");
        QTest::newRow("period not text") << QJsonObject{{QStringLiteral("period"), 30}} << QStringLiteral("parameters.period");
        QTest::newRow("tz too far") << QJsonObject{{QStringLiteral("tz"), 1000}} << QStringLiteral("parameters.tz");
        QTest::newRow("tz as text") << QJsonObject{{QStringLiteral("tz"), QStringLiteral("480")}} << QStringLiteral("parameters.tz");
        QTest::newRow("tz fraction") << QJsonObject{{QStringLiteral("tz"), 480.5}} << QStringLiteral("parameters.tz");
        QTest::newRow("format") << QJsonObject{{QStringLiteral("format"), QStringLiteral("docx")}} << QStringLiteral("parameters.format");
        QTest::newRow("owner negative") << QJsonObject{{QStringLiteral("ownerId"), -1}} << QStringLiteral("parameters.ownerId");
        QTest::newRow("owner text") << QJsonObject{{QStringLiteral("ownerId"), QStringLiteral("wang")}} << QStringLiteral("parameters.ownerId");
        QTest::newRow("unknown key") << QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")}} << QStringLiteral("parameters.colour");
    }

    void badParametersNameTheField()
    {
        QFETCH(QJsonObject, parameters);
        QFETCH(QString, field);
        Server s;
        QVERIFY(s.ok);
        ApiClient li = s.as(QStringLiteral("li"));
        const Reply r = li.post(kGenerate, {{QStringLiteral("type"), QStringLiteral("sales")}, {QStringLiteral("parameters"), parameters}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), field);
        QVERIFY(!r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(s.files().isEmpty());
    }
};

QTEST_MAIN(TestApiReports)
#include "tst_api_reports.moc"
