// Exports over HTTP (POST /api/crm/export, POST /api/crm/reports/generate) and their download links
// (GET /api/files/{token}: one user, one use, a few minutes): the real server on a loopback port, on
// SQLite and PostgreSQL, with the files parsed back.
#include "core/services/ContactService.h"
#include "core/storage/DownloadLinkStore.h"
#include "httpapi/ApiHost.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/httpapi/ApiTestServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTcpSocket>
#include <QUrl>

using namespace crm;
using test::ApiClient;
using test::Reply;

namespace {

constexpr qint64 kNow = 1'800'000'000'000;
constexpr qint64 kMinute = 60 * 1000;

// RFC 4180 with our writer's UTF-8 byte order mark and CRLF line ends.
QVector<QStringList> parseCsv(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.mid(3);
    const QString text = QString::fromUtf8(bytes);
    QVector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"'))
                cell += QLatin1Char('"'), ++i;
            else if (ch == QLatin1Char('"'))
                quoted = false;
            else
                cell += ch;
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r')) {
            if (ch == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            row << cell;
            cell.clear();
            rows << row;
            row.clear();
        } else {
            cell += ch;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

QStringList column(const QVector<QStringList> &rows, const QString &header)
{
    QStringList out;
    if (rows.isEmpty())
        return out;
    const qsizetype c = rows.first().indexOf(header);
    if (c < 0)
        return out;
    for (qsizetype i = 1; i < rows.size(); ++i)
        out << rows[i].value(c);
    return out;
}

QSet<QString> setOf(const QStringList &l)
{
    return QSet<QString>(l.begin(), l.end());
}

QString pathOf(const Reply &r)
{
    return QUrl(r.json.value(QStringLiteral("downloadUrl")).toString()).path();
}

} // namespace

class TestApiExport : public QObject
{
    Q_OBJECT

    struct Server : test::ApiTestServer
    {
        Server() : ApiTestServer(kNow)
        {
            if (!ok)
                return;
            // Wang's role may export (masked); Zhao stays a plain rep, who may not. (No one has signed
            // in yet, so no cached actor holds the old role.)
            OrgService org(*db);
            QStringList permissions = Permission::repDefaults();
            permissions << Permission::CustomerExport;
            auto role = org.createRole(team.admin, QStringLiteral("exporting rep"), DataScope::Own, permissions);
            if (!role || !org.setRole(team.admin, team.wang.userId, role->id) ||
                !org.setFieldRule(team.admin, role->id, QStringLiteral("customer"), QStringLiteral("notes"), FieldRule::Hidden))
                qFatal("role setup failed");
        }
    };

    static void newCustomer(ApiClient &c, const QString &name, const QString &phone, const QString &status = QStringLiteral("prospect"))
    {
        const Reply r = c.post(QStringLiteral("/api/crm/customers"), {{QStringLiteral("name"), name},
                                                                      {QStringLiteral("phone"), phone},
                                                                      {QStringLiteral("status"), status}});
        if (r.status != 201)
            qWarning("customer not created: %d %s", r.status, r.body.constData());
    }

    static Reply exportAs(ApiClient &c, const QJsonObject &body)
    {
        return c.post(QStringLiteral("/api/crm/export"), body);
    }

    // What Wang's and Zhao's records are called in the seeded exports.
    struct Seeded
    {
        qint64 wangCustomer = 0, zhaoCustomer = 0;
        qint64 wangStage = 0; // the stage Wang's opportunity is in
    };

    static qint64 createdId(const Reply &r, const char *key)
    {
        if (r.status != 201)
            qWarning("%s not created: %d %s", key, r.status, r.body.constData());
        return r.json.value(QLatin1String(key)).toObject().value(QStringLiteral("id")).toInteger();
    }

    // For each of Wang and Zhao (two reps of Li's team): a customer with an opportunity, an activity,
    // a task and a contact, all made through the API but the contact (no API route adds one).
    static Seeded seed(Server &s)
    {
        Seeded out;
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        for (auto [client, who, customer, call] : {std::tuple{&wang, QStringLiteral("王"), &out.wangCustomer, QStringLiteral("note")},
                                                   std::tuple{&zhao, QStringLiteral("赵"), &out.zhaoCustomer, QStringLiteral("call")}}) {
            *customer = createdId(client->post(QStringLiteral("/api/crm/customers"),
                                               {{QStringLiteral("name"), QString(who + QStringLiteral("的客户"))},
                                                {QStringLiteral("phone"), client == &wang ? QStringLiteral("13800138001") : QStringLiteral("13900139001")}}),
                                  "customer");
            const Reply opportunity = client->post(QStringLiteral("/api/crm/opportunities"),
                                                   {{QStringLiteral("name"), QString(who + QStringLiteral("的商机"))},
                                                    {QStringLiteral("customerId"), double(*customer)},
                                                    {QStringLiteral("value"), 1000}});
            createdId(opportunity, "opportunity");
            if (client == &wang)
                out.wangStage = opportunity.json.value(QStringLiteral("opportunity")).toObject().value(QStringLiteral("stageId")).toInteger();
            createdId(client->post(QStringLiteral("/api/crm/activities"), {{QStringLiteral("customerId"), double(*customer)},
                                                                          {QStringLiteral("type"), call},
                                                                          {QStringLiteral("content"), QString(who + QStringLiteral("的活动"))}}),
                      "activity");
            createdId(client->post(QStringLiteral("/api/crm/tasks"), {{QStringLiteral("title"), QString(who + QStringLiteral("的任务"))},
                                                                     {QStringLiteral("customerId"), double(*customer)},
                                                                     {QStringLiteral("dueDate"), double(kNow + (client == &wang ? 1 : 48) * 60 * kMinute)}}),
                      "task");
            Contact contact;
            contact.customerId = *customer;
            contact.name = who + QStringLiteral("联系人");
            contact.phone = client == &wang ? QStringLiteral("13700137001") : QStringLiteral("13600136001");
            contact.email = client == &wang ? QStringLiteral("wang.contact@example.com") : QStringLiteral("zhao.contact@example.com");
            if (!ContactService(*s.db).add(client == &wang ? s.team.wang : s.team.zhao, contact))
                qWarning("contact not added");
        }
        return out;
    }

    // Exports `type` as `c` with `filters` as CSV and answers the values of `header` in the file.
    static QStringList exportedColumn(ApiClient &c, const QString &type, const QString &header, const QJsonObject &filters = {})
    {
        const Reply r = exportAs(c, {{QStringLiteral("type"), type}, {QStringLiteral("filters"), filters}});
        if (r.status != 200) {
            qWarning("export %s: %d %s", qPrintable(type), r.status, r.body.constData());
            return {QStringLiteral("<failed>")};
        }
        const Reply file = c.get(pathOf(r));
        if (file.status != 200 || !file.headers.value("content-disposition").contains(QByteArray(type.toLatin1() + "-")))
            qWarning("download %s: %d %s", qPrintable(type), file.status, file.headers.value("content-disposition").constData());
        QStringList values = column(parseCsv(file.body), header);
        if (values.size() != r.json.value(QStringLiteral("rows")).toInt())
            qWarning("rows %d but %d in the file", r.json.value(QStringLiteral("rows")).toInt(), int(values.size()));
        values.sort();
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestDatabase probe;
        if (!probe.skip.isEmpty())
            QSKIP(qPrintable(probe.skip));
    }

    void exportHonoursScopeAndPermission()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        ApiClient li = s.as(QStringLiteral("li"));
        newCustomer(wang, QStringLiteral("深圳星河科技"), QStringLiteral("13800138001"), QStringLiteral("active"));
        newCustomer(wang, QStringLiteral("广州明珠贸易"), QStringLiteral("13800138002"));
        newCustomer(wang, QStringLiteral("Acme, \"Quoted\" Ltd"), QStringLiteral("13800138003"));
        newCustomer(zhao, QStringLiteral("赵氏物流"), QStringLiteral("13900139001"));
        newCustomer(zhao, QStringLiteral("北方重工"), QStringLiteral("13900139002"), QStringLiteral("active"));
        // Notes Wang may not see (his role hides them), written behind the API's back.
        QVERIFY(s.db->execSql(QStringLiteral("UPDATE customers SET notes = 'secret notes'")).ok());

        // The mini program's exportData: type and filters, no format (CSV), a userId that is ignored.
        Reply r = exportAs(wang, {{QStringLiteral("type"), QStringLiteral("customers")},
                                  {QStringLiteral("filters"), QJsonObject{{QStringLiteral("userId"), double(s.team.zhao.userId)}}},
                                  {QStringLiteral("userId"), double(s.team.zhao.userId)}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        QCOMPARE(r.json.value(QStringLiteral("rows")).toInt(), 3);
        QVERIFY(r.json.value(QStringLiteral("masked")).toBool());
        const QString url = r.json.value(QStringLiteral("downloadUrl")).toString();
        QVERIFY2(url.startsWith(QLatin1String("/api/files/")) && url.size() > 40, qPrintable(url));
        QVERIFY(!r.json.value(QStringLiteral("expiresAt")).toString().isEmpty());
        QCOMPARE(s.files().size(), 1);

        // Another user's Bearer token does not open it (and does not use it up); nor does none.
        QCOMPARE(zhao.get(url).status, 404);
        QCOMPARE(li.get(url).status, 404); // not even the manager's
        ApiClient anonymous(s.host.port());
        QCOMPARE(anonymous.get(url).status, 401);

        r = wang.get(url);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("text/csv; charset=utf-8"));
        const QByteArray disposition = r.headers.value("content-disposition");
        QVERIFY2(disposition.startsWith("attachment; filename=\"customers-") && disposition.contains("filename*=UTF-8''customers-")
                     && disposition.contains(".csv"),
                 disposition.constData());
        const QVector<QStringList> rows = parseCsv(r.body);
        QCOMPARE(rows.size(), 4); // header + Wang's three, none of Zhao's
        QCOMPARE(setOf(column(rows, QStringLiteral("Name"))),
                 (QSet<QString>{QStringLiteral("深圳星河科技"), QStringLiteral("广州明珠贸易"), QStringLiteral("Acme, \"Quoted\" Ltd")}));
        QCOMPARE(column(rows, QStringLiteral("Phone")).size(), 3);
        for (const QString &phone : column(rows, QStringLiteral("Phone")))
            QVERIFY2(phone.contains(QLatin1Char('*')) && !phone.contains(QLatin1String("138001")), qPrintable(phone)); // masked
        QVERIFY(!rows.first().contains(QStringLiteral("Notes"))); // hidden by Wang's field rules
        QVERIFY(rows.first().contains(QStringLiteral("Owner")));
        QVERIFY(!r.body.contains("secret notes"));

        // The link worked once: the second time it is gone, and so is the file.
        QCOMPARE(wang.get(url).status, 404);
        QVERIFY(s.files().isEmpty());

        // Filters as the customer list has them.
        r = exportAs(wang, {{QStringLiteral("type"), QStringLiteral("customers")},
                            {QStringLiteral("format"), QStringLiteral("csv")},
                            {QStringLiteral("filters"), QJsonObject{{QStringLiteral("status"), QStringLiteral("active")},
                                                                    {QStringLiteral("dueDate"), QJsonObject{{QStringLiteral("$gte"), 1}}}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("rows")).toInt(), 1);
        QCOMPARE(column(parseCsv(wang.get(pathOf(r)).body), QStringLiteral("Name")), QStringList{QStringLiteral("深圳星河科技")});
        r = exportAs(wang, {{QStringLiteral("type"), QStringLiteral("customers")},
                            {QStringLiteral("filters"), QJsonObject{{QStringLiteral("keyword"), QStringLiteral("明珠")}}}});
        QCOMPARE(r.json.value(QStringLiteral("rows")).toInt(), 1);
        // Asking for someone else's customers gives nothing of theirs.
        r = exportAs(wang, {{QStringLiteral("type"), QStringLiteral("customers")},
                            {QStringLiteral("filters"), QJsonObject{{QStringLiteral("ownerId"), double(s.team.zhao.userId)}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("rows")).toInt(), 0);
        QCOMPARE(parseCsv(wang.get(pathOf(r)).body).size(), 1); // the header only

        // Without the export permission: 403 and no file.
        const int before = s.files().size();
        r = exportAs(zhao, {{QStringLiteral("type"), QStringLiteral("customers")}, {QStringLiteral("format"), QStringLiteral("csv")}});
        QCOMPARE(r.status, 403);
        QVERIFY(!r.json.contains(QStringLiteral("downloadUrl")));
        QCOMPARE(s.files().size(), before);

        // The manager sees the team, unmasked, as XLSX and JSON.
        r = exportAs(li, {{QStringLiteral("type"), QStringLiteral("customers")}, {QStringLiteral("format"), QStringLiteral("xlsx")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("rows")).toInt(), 5);
        QCOMPARE(r.json.value(QStringLiteral("masked")).toBool(), false);
        Reply file = li.get(pathOf(r));
        QCOMPARE(file.status, 200);
        QCOMPARE(file.headers.value("content-type"), QByteArray("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        QVERIFY(file.body.startsWith("PK")); // a zip
        QVERIFY(file.headers.value("content-disposition").contains(".xlsx"));
        r = exportAs(li, {{QStringLiteral("type"), QStringLiteral("customers")}, {QStringLiteral("format"), QStringLiteral("json")},
                          {QStringLiteral("headers"), QStringLiteral("zh")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("fileName")).toString().left(3), QStringLiteral("客户-"));
        file = li.get(pathOf(r));
        QCOMPARE(file.status, 200);
        QCOMPARE(file.headers.value("content-type"), QByteArray("application/json; charset=utf-8"));
        // A non-ASCII name: an ASCII fallback and the UTF-8 name (RFC 5987).
        QVERIFY2(file.headers.value("content-disposition").contains("filename*=UTF-8''%E5%AE%A2%E6%88%B7-"),
                 file.headers.value("content-disposition").constData());
        const QJsonDocument doc = QJsonDocument::fromJson(file.body);
        QVERIFY(!doc.isNull());
        QVERIFY(file.body.contains("13900139002")); // unmasked for the manager
        QVERIFY(file.body.contains("secret notes")); // no field rule hides them from the manager
    }

    void badRequestsWriteNothing()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        newCustomer(wang, QStringLiteral("深圳星河科技"), QStringLiteral("13800138001"));
        auto expect400 = [&](const QJsonObject &body, const QString &field, const QString &path = QStringLiteral("/api/crm/export")) {
            const Reply r = wang.post(path, body);
            if (r.status != 400 || r.errorField() != field)
                qWarning("%s -> %d %s", QJsonDocument(body).toJson(QJsonDocument::Compact).constData(), r.status, r.body.constData());
            return r.status == 400 && r.errorField() == field;
        };
        const QJsonValue customers = QStringLiteral("customers");
        QVERIFY(expect400({}, QStringLiteral("type")));
        QVERIFY(expect400({{QStringLiteral("type"), QStringLiteral("orders")}}, QStringLiteral("type")));
        QVERIFY(expect400({{QStringLiteral("type"), 5}}, QStringLiteral("type")));
        QVERIFY(expect400({{QStringLiteral("type"), customers}, {QStringLiteral("format"), QStringLiteral("pdf")}}, QStringLiteral("format")));
        QVERIFY(expect400({{QStringLiteral("type"), customers}, {QStringLiteral("filters"), QStringLiteral("x")}}, QStringLiteral("filters")));
        QVERIFY(expect400({{QStringLiteral("type"), customers}, {QStringLiteral("filters"), QJsonObject{{QStringLiteral("status"), QStringLiteral("bogus")}}}},
                          QStringLiteral("filters.status")));
        QVERIFY(expect400({{QStringLiteral("type"), customers}, {QStringLiteral("filters"), QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")}}}},
                          QStringLiteral("filters.colour")));
        QVERIFY(expect400({{QStringLiteral("type"), customers}, {QStringLiteral("filters"), QJsonObject{{QStringLiteral("ownerId"), QStringLiteral("abc")}}}},
                          QStringLiteral("filters.ownerId")));
        QVERIFY(expect400({{QStringLiteral("type"), customers}, {QStringLiteral("limit"), 5}}, QStringLiteral("limit")));
        QVERIFY(expect400({{QStringLiteral("type"), customers}, {QStringLiteral("headers"), QStringLiteral("fr")}}, QStringLiteral("headers")));
        // Reports: unknown types name the field.
        const QString generate = QStringLiteral("/api/crm/reports/generate");
        QVERIFY(expect400({{QStringLiteral("type"), QStringLiteral("sales-forecast")}, {QStringLiteral("parameters"), QJsonObject()}},
                          QStringLiteral("type"), generate));
        QVERIFY(expect400({{QStringLiteral("parameters"), QJsonObject()}}, QStringLiteral("type"), generate));
        QVERIFY(expect400({{QStringLiteral("type"), customers}, {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("format"), QStringLiteral("doc")}}}},
                          QStringLiteral("parameters.format"), generate));
        QCOMPARE(wang.call("POST", QStringLiteral("/api/crm/export"), "type=customers", {{"Content-Type", "text/plain"}}).status, 415);
        QCOMPARE(wang.call("POST", QStringLiteral("/api/crm/export"), "{\"type\":", {{"Content-Type", "application/json"}}).status, 400);
        QVERIFY(s.files().isEmpty());
        QCOMPARE(s.db->execSql(QStringLiteral("SELECT 1")).ok(), true);
        QSqlQuery q = s.db->prepare(QStringLiteral("SELECT COUNT(*) FROM download_links"));
        QVERIFY(s.db->exec(q).ok() && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();

        // Tokens that are not links.
        QCOMPARE(wang.get(QStringLiteral("/api/files/nothing")).status, 404);
        QCOMPARE(wang.get(QStringLiteral("/api/files/") + QStringLiteral("A").repeated(43)).status, 404);
        QCOMPARE(wang.get(QStringLiteral("/api/files/%27%20OR%201%3D1--")).status, 404);
    }

    void reportsGenerateDelegatesToTheExport()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        newCustomer(wang, QStringLiteral("深圳星河科技"), QStringLiteral("13800138001"), QStringLiteral("active"));
        newCustomer(wang, QStringLiteral("广州明珠贸易"), QStringLiteral("13800138002"));
        // CRMAnalytics.generateReport(type, parameters) with the page's userId.
        Reply r = wang.post(QStringLiteral("/api/crm/reports/generate"),
                            {{QStringLiteral("type"), QStringLiteral("customers")},
                             {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("format"), QStringLiteral("csv")},
                                                                        {QStringLiteral("status"), QStringLiteral("active")}}},
                             {QStringLiteral("userId"), 1}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("success")).toBool());
        Reply file = wang.get(pathOf(r));
        QCOMPARE(file.status, 200);
        QCOMPARE(column(parseCsv(file.body), QStringLiteral("Name")), QStringList{QStringLiteral("深圳星河科技")});
        r = wang.post(QStringLiteral("/api/crm/reports/generate"),
                      {{QStringLiteral("type"), QStringLiteral("customers")},
                       {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("filters"), QJsonObject{{QStringLiteral("keyword"), QStringLiteral("明珠")}}}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(column(parseCsv(wang.get(pathOf(r)).body), QStringLiteral("Name")), QStringList{QStringLiteral("广州明珠贸易")});
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        QCOMPARE(zhao.post(QStringLiteral("/api/crm/reports/generate"),
                           {{QStringLiteral("type"), QStringLiteral("customers")}, {QStringLiteral("parameters"), QJsonObject()}})
                     .status,
                 403);
    }

    // A download larger than any buffer arrives whole and byte-exact, streamed (Content-Length,
    // connection closed after it), and its file is deleted; a client that hangs up midway also uses
    // the link up and the file is deleted.
    void largeDownloadsAreStreamed()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        QDir().mkpath(s.exports.filePath(QStringLiteral("exports")));
        QByteArray content(8 * 1024 * 1024 + 123, Qt::Uninitialized);
        quint32 x = 2463534242u; // xorshift: bytes that no chunking bug can reproduce by accident
        for (char &ch : content) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5;
            ch = char(x);
        }
        auto link = [&](const QString &name) {
            const QString path = s.exports.filePath(QStringLiteral("exports/crm-export-") + name);
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
                qFatal("cannot write %s", qPrintable(path));
            f.close();
            auto issued = DownloadLinkStore(*s.db).create({s.team.wang.userId, path, QStringLiteral("application/octet-stream"),
                                                           QStringLiteral("big.bin"), 0});
            if (!issued)
                qFatal("link: %s", qPrintable(issued.error().message));
            return QStringLiteral("/api/files/") + issued->token;
        };

        const QString url = link(QStringLiteral("big.bin"));
        Reply head = wang.call("HEAD", url);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.headers.value("content-length"), QByteArray::number(content.size()));
        QCOMPARE(s.files().size(), 1); // a HEAD does not use the link up
        Reply r = wang.get(url);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-length"), QByteArray::number(content.size()));
        QCOMPARE(r.headers.value("connection").toLower(), QByteArray("close"));
        QCOMPARE(r.body.size(), content.size());
        QVERIFY(r.body == content);
        QTRY_VERIFY(s.files().isEmpty());
        QCOMPARE(wang.get(url).status, 404);

        // A client that reads a little and hangs up.
        const QString second = link(QStringLiteral("second.bin"));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, s.host.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET " + second.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + wang.token.toLatin1()
                     + "\r\n\r\n");
        QByteArray got;
        while (got.size() < 100 * 1024 && socket.waitForReadyRead(5000))
            got += socket.readAll();
        QVERIFY2(got.startsWith("HTTP/1.1 200"), got.left(40).constData());
        socket.abort();
        QTRY_VERIFY(s.files().isEmpty());
        QCOMPARE(wang.get(second).status, 404);
    }

    void linksExpire()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        newCustomer(wang, QStringLiteral("深圳星河科技"), QStringLiteral("13800138001"));
        const QJsonObject body{{QStringLiteral("type"), QStringLiteral("customers")}};
        Reply first = exportAs(wang, body);
        QCOMPARE(first.status, 200);
        const QStringList firstFile = s.files();
        QCOMPARE(firstFile.size(), 1);
        Reply second = exportAs(wang, body);
        QCOMPARE(s.files().size(), 2);

        s.clock.advance(9 * kMinute); // still good
        QCOMPARE(wang.get(pathOf(second)).status, 200);
        s.clock.advance(2 * kMinute); // 11 minutes: gone
        first = wang.get(pathOf(first));
        QCOMPARE(first.status, 404);
        QCOMPARE(first.errorCode(), QStringLiteral("not_found"));
        // The expired file is deleted once a new link is made; the new one stays.
        QCOMPARE(s.files(), firstFile);
        Reply third = exportAs(wang, body);
        QCOMPARE(third.status, 200);
        QCOMPARE(s.files().size(), 1);
        QVERIFY(!s.files().contains(firstFile.first()));
        QCOMPARE(wang.get(pathOf(third)).status, 200);
    }

    // Opportunities: a rep exports his own, the manager his team's; filters narrow it; XLSX and
    // Chinese file names as for customers.
    void exportsOpportunitiesInScope()
    {
        Server s;
        QVERIFY(s.ok);
        const Seeded seeded = seed(s);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient li = s.as(QStringLiteral("li"));
        const QString type = QStringLiteral("opportunities");
        const QString name = QStringLiteral("Opportunity");
        QCOMPARE(exportedColumn(wang, type, name), QStringList{QStringLiteral("王的商机")});
        QCOMPARE(exportedColumn(li, type, name), (QStringList{QStringLiteral("王的商机"), QStringLiteral("赵的商机")}));
        QCOMPARE(exportedColumn(li, type, name, {{QStringLiteral("ownerId"), double(s.team.zhao.userId)}}), QStringList{QStringLiteral("赵的商机")});
        QCOMPARE(exportedColumn(li, type, name, {{QStringLiteral("customerId"), QString::number(seeded.wangCustomer)}}),
                 QStringList{QStringLiteral("王的商机")});
        QCOMPARE(exportedColumn(li, type, name, {{QStringLiteral("status"), QJsonArray{QStringLiteral("won"), QStringLiteral("lost")}}}), QStringList());
        QCOMPARE(exportedColumn(li, type, name, {{QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("stageId"), double(seeded.wangStage)}}).size(), 2);
        // Asking for another rep's records gives nothing of theirs.
        QCOMPARE(exportedColumn(wang, type, name, {{QStringLiteral("ownerId"), double(s.team.zhao.userId)}}), QStringList());

        Reply r = exportAs(li, {{QStringLiteral("type"), type}, {QStringLiteral("format"), QStringLiteral("xlsx")}, {QStringLiteral("headers"), QStringLiteral("zh")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("rows")).toInt(), 2);
        QVERIFY2(r.json.value(QStringLiteral("fileName")).toString().startsWith(QStringLiteral("商机-")), qPrintable(r.json.value(QStringLiteral("fileName")).toString()));
        QVERIFY(r.json.value(QStringLiteral("fileName")).toString().endsWith(QLatin1String(".xlsx")));
        const Reply file = li.get(pathOf(r));
        QCOMPARE(file.status, 200);
        QCOMPARE(file.headers.value("content-type"), QByteArray("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        QVERIFY(file.body.startsWith("PK"));
        QCOMPARE(li.get(pathOf(r)).status, 404); // single use
    }

    void exportsActivitiesInScope()
    {
        Server s;
        QVERIFY(s.ok);
        seed(s);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient li = s.as(QStringLiteral("li"));
        const QString type = QStringLiteral("activities");
        const QString content = QStringLiteral("Content");
        QCOMPARE(exportedColumn(wang, type, content), QStringList{QStringLiteral("王的活动")});
        QCOMPARE(exportedColumn(li, type, content), (QStringList{QStringLiteral("王的活动"), QStringLiteral("赵的活动")}));
        QCOMPARE(exportedColumn(li, type, content, {{QStringLiteral("kind"), QStringLiteral("call")}}), QStringList{QStringLiteral("赵的活动")});
        QCOMPARE(exportedColumn(li, type, content, {{QStringLiteral("userId"), double(s.team.wang.userId)}}), QStringList{QStringLiteral("王的活动")});
        // The period: logged at the clock's now, so [now, now + 1 min) has both and [now + 1 min, ...) none.
        QCOMPARE(exportedColumn(li, type, content, {{QStringLiteral("from"), double(kNow)}, {QStringLiteral("to"), double(kNow + kMinute)}}).size(), 2);
        QCOMPARE(exportedColumn(li, type, content, {{QStringLiteral("from"), QDateTime::fromMSecsSinceEpoch(kNow + kMinute, Qt::UTC).toString(Qt::ISODate)}}),
                 QStringList());
        Reply r = exportAs(li, {{QStringLiteral("type"), type}, {QStringLiteral("headers"), QStringLiteral("zh")}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("fileName")).toString().startsWith(QStringLiteral("活动-")));
    }

    void exportsTasksInScope()
    {
        Server s;
        QVERIFY(s.ok);
        const Seeded seeded = seed(s);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient li = s.as(QStringLiteral("li"));
        const QString type = QStringLiteral("tasks");
        const QString title = QStringLiteral("Title");
        QCOMPARE(exportedColumn(wang, type, title), QStringList{QStringLiteral("王的任务")});
        QCOMPARE(exportedColumn(li, type, title), (QStringList{QStringLiteral("王的任务"), QStringLiteral("赵的任务")}));
        QCOMPARE(exportedColumn(li, type, title, {{QStringLiteral("status"), QStringLiteral("pending")}}).size(), 2);
        QCOMPARE(exportedColumn(li, type, title, {{QStringLiteral("status"), QStringLiteral("completed,cancelled")}}), QStringList());
        QCOMPARE(exportedColumn(li, type, title, {{QStringLiteral("assigneeId"), double(s.team.zhao.userId)}}), QStringList{QStringLiteral("赵的任务")});
        QCOMPARE(exportedColumn(li, type, title, {{QStringLiteral("customerId"), double(seeded.wangCustomer)}}), QStringList{QStringLiteral("王的任务")});
        // Wang's is due in an hour, Zhao's in two days.
        QCOMPARE(exportedColumn(li, type, title, {{QStringLiteral("dueFrom"), double(kNow)}, {QStringLiteral("dueTo"), double(kNow + 24 * 60 * kMinute)}}),
                 QStringList{QStringLiteral("王的任务")});
        Reply r = exportAs(li, {{QStringLiteral("type"), type}, {QStringLiteral("headers"), QStringLiteral("zh")}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("fileName")).toString().startsWith(QStringLiteral("任务-")));
    }

    // Contacts: scope as the customers'; a rep without customer.export_unmasked gets masked phones and
    // emails, the manager the real ones.
    void exportsContactsInScopeMasked()
    {
        Server s;
        QVERIFY(s.ok);
        const Seeded seeded = seed(s);
        ApiClient wang = s.as(QStringLiteral("wang"));
        ApiClient li = s.as(QStringLiteral("li"));
        const QString type = QStringLiteral("contacts");
        QCOMPARE(exportedColumn(wang, type, QStringLiteral("Name")), QStringList{QStringLiteral("王联系人")});
        QCOMPARE(exportedColumn(li, type, QStringLiteral("Name")), (QStringList{QStringLiteral("王联系人"), QStringLiteral("赵联系人")}));
        QCOMPARE(exportedColumn(li, type, QStringLiteral("Name"), {{QStringLiteral("customerId"), double(seeded.zhaoCustomer)}}),
                 QStringList{QStringLiteral("赵联系人")});
        QCOMPARE(exportedColumn(wang, type, QStringLiteral("Name"), {{QStringLiteral("customerId"), double(seeded.zhaoCustomer)}}), QStringList());

        Reply r = exportAs(wang, {{QStringLiteral("type"), type}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("masked")).toBool());
        Reply file = wang.get(pathOf(r));
        QCOMPARE(file.status, 200);
        const QVector<QStringList> rows = parseCsv(file.body);
        QCOMPARE(column(rows, QStringLiteral("Phone")).size(), 1);
        QVERIFY2(column(rows, QStringLiteral("Phone")).first().contains(QLatin1Char('*')), qPrintable(column(rows, QStringLiteral("Phone")).first()));
        QVERIFY(!file.body.contains("13700137001"));
        QVERIFY(!file.body.contains("wang.contact@example.com"));

        r = exportAs(li, {{QStringLiteral("type"), type}, {QStringLiteral("format"), QStringLiteral("json")}, {QStringLiteral("headers"), QStringLiteral("zh")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("masked")).toBool(), false);
        QVERIFY(r.json.value(QStringLiteral("fileName")).toString().startsWith(QStringLiteral("联系人-")));
        file = li.get(pathOf(r));
        QCOMPARE(file.status, 200);
        QVERIFY(!QJsonDocument::fromJson(file.body).isNull());
        QVERIFY(file.body.contains("13700137001") && file.body.contains("zhao.contact@example.com"));
    }

    // Every new type needs customer.export (Zhao has none): 403, nothing written; reports/generate too.
    void newTypesNeedTheExportPermission()
    {
        Server s;
        QVERIFY(s.ok);
        seed(s);
        ApiClient zhao = s.as(QStringLiteral("zhao"));
        for (const char *type : {"opportunities", "activities", "tasks", "contacts"}) {
            const Reply r = exportAs(zhao, {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("format"), QStringLiteral("xlsx")}});
            QVERIFY2(r.status == 403, type);
            QVERIFY(!r.json.contains(QStringLiteral("downloadUrl")));
            QCOMPARE(zhao.post(QStringLiteral("/api/crm/reports/generate"), {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("parameters"), QJsonObject()}}).status,
                     403);
        }
        QVERIFY(s.files().isEmpty());
    }

    // Each type's filters: wrong-typed or unknown values are 400 naming the field, and nothing is written.
    void badFiltersOfNewTypes()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient wang = s.as(QStringLiteral("wang"));
        auto fieldOf = [&](const QString &type, const QJsonObject &filters) {
            const Reply r = exportAs(wang, {{QStringLiteral("type"), type}, {QStringLiteral("filters"), filters}});
            if (r.status != 400)
                qWarning("%s %s -> %d %s", qPrintable(type), QJsonDocument(filters).toJson(QJsonDocument::Compact).constData(), r.status, r.body.constData());
            return r.status == 400 ? r.errorField() : QString();
        };
        const QString opportunities = QStringLiteral("opportunities"), activities = QStringLiteral("activities"),
                      tasks = QStringLiteral("tasks"), contacts = QStringLiteral("contacts");
        QCOMPARE(fieldOf(opportunities, {{QStringLiteral("stageId"), QStringLiteral("abc")}}), QStringLiteral("filters.stageId"));
        QCOMPARE(fieldOf(opportunities, {{QStringLiteral("pipelineId"), 1.5}}), QStringLiteral("filters.pipelineId"));
        QCOMPARE(fieldOf(opportunities, {{QStringLiteral("ownerId"), QJsonObject{{QStringLiteral("$ne"), 1}}}}), QStringLiteral("filters.ownerId"));
        QCOMPARE(fieldOf(opportunities, {{QStringLiteral("status"), QStringLiteral("open,pending")}}), QStringLiteral("filters.status"));
        QCOMPARE(fieldOf(opportunities, {{QStringLiteral("expectedCloseFrom"), QStringLiteral("next week")}}), QStringLiteral("filters.expectedCloseFrom"));
        QCOMPARE(fieldOf(opportunities, {{QStringLiteral("sortBy"), QStringLiteral("colour")}}), QStringLiteral("filters.sortBy"));
        QCOMPARE(fieldOf(opportunities, {{QStringLiteral("keyword"), QStringLiteral("x")}}), QStringLiteral("filters.keyword"));
        QCOMPARE(fieldOf(activities, {{QStringLiteral("kind"), QStringLiteral("dance")}}), QStringLiteral("filters.kind"));
        QCOMPARE(fieldOf(activities, {{QStringLiteral("from"), QStringLiteral("yesterday")}}), QStringLiteral("filters.from"));
        QCOMPARE(fieldOf(activities, {{QStringLiteral("userId"), QStringLiteral("wang")}}), QStringLiteral("filters.userId"));
        QCOMPARE(fieldOf(tasks, {{QStringLiteral("status"), QJsonArray{QStringLiteral("open"), QStringLiteral("bogus")}}}), QStringLiteral("filters.status"));
        QCOMPARE(fieldOf(tasks, {{QStringLiteral("dueTo"), QStringLiteral("2026-01-01T00:00:00")}}), QStringLiteral("filters.dueTo")); // no offset
        QCOMPARE(fieldOf(tasks, {{QStringLiteral("assigneeId"), -3}}), QStringLiteral("filters.assigneeId"));
        QCOMPARE(fieldOf(contacts, {{QStringLiteral("customerId"), QJsonArray{1}}}), QStringLiteral("filters.customerId"));
        QCOMPARE(fieldOf(contacts, {{QStringLiteral("name"), QStringLiteral("x")}}), QStringLiteral("filters.name"));
        // Through reports/generate the field is named as that body has it.
        Reply r = wang.post(QStringLiteral("/api/crm/reports/generate"),
                            {{QStringLiteral("type"), tasks}, {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("status"), QStringLiteral("bogus")}}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("parameters.status"));
        r = exportAs(wang, {{QStringLiteral("type"), QStringLiteral("leads")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("type"));
        QCOMPARE(r.errorCode(), QStringLiteral("validation.invalid"));
        QVERIFY(s.files().isEmpty());
        // A good one through reports/generate works.
        r = wang.post(QStringLiteral("/api/crm/reports/generate"),
                      {{QStringLiteral("type"), tasks}, {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("status"), QStringLiteral("open")}}}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("fileName")).toString().startsWith(QLatin1String("tasks-")));
    }

    void routesAreDocumented()
    {
        Server s;
        QVERIFY(s.ok);
        ApiClient anon(s.host.port());
        const Reply doc = anon.get(QStringLiteral("/api/openapi.json"));
        QCOMPARE(doc.status, 200);
        const QJsonObject paths = doc.json.value(QStringLiteral("paths")).toObject();
        for (const char *required : {"/api/crm/export", "/api/crm/reports/generate", "/api/files/{token}"})
            QVERIFY2(paths.contains(QLatin1String(required)), required);
        const QJsonObject files = paths.value(QStringLiteral("/api/files/{token}")).toObject().value(QStringLiteral("get")).toObject();
        QCOMPARE(files.value(QStringLiteral("parameters")).toArray().first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("token"));
        QVERIFY(!files.value(QStringLiteral("security")).toArray().isEmpty()); // needs the Bearer token
        QCOMPARE(anon.post(QStringLiteral("/api/crm/export"), {{QStringLiteral("type"), QStringLiteral("customers")}}).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiExport)
#include "tst_api_export.moc"
