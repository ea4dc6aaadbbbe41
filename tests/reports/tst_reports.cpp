// Reports end to end on SQLite and PostgreSQL: figures of known opportunities, customers, activities and
// tasks through ReportBuilder (scope, narrowing, permission), a PDF read back with poppler's pdftotext and
// pdffonts (Chinese text present and the CJK font embedded), a workbook read back with openpyxl (typed
// cells, a native chart), and `crm report` run as a process.
#include "core/services/CampaignService.h"
#include "core/services/CustomerService.h"
#include "reports/report/PdfReportWriter.h"
#include "reports/report/ReportPainter.h"
#include "reports/report/ReportBuilder.h"
#include "reports/report/ReportPeriod.h"
#include "reports/report/XlsxReportWriter.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/reports/ReportsTestUtil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTranslator>

#include <algorithm>

using namespace crm;
using namespace crm::test;

namespace {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kDay = 24 * kHour;
constexpr int kChina = 480;

qint64 utc(const char *text)
{
    const QString s = QString::fromLatin1(text);
    return QDateTime(QDate::fromString(s.left(10), Qt::ISODate), QTime::fromString(s.mid(11), QStringLiteral("HH:mm")), Qt::UTC)
        .toMSecsSinceEpoch();
}

QString u(const char *s)
{
    return QString::fromUtf8(s);
}

template <typename T>
T must(Result<T> r)
{
    if (!r)
        qFatal("unexpected error %s: %s", qPrintable(r.error().code), qPrintable(r.error().message));
    return std::move(r).value();
}

// A few report texts in Chinese, as the zh_CN catalogue has them once the lead regenerates it: proves the
// report follows the installed translator without depending on the catalogue's state.
class ChineseReportTexts : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "SeedNames") == 0) // the stages every company starts with
            return qstrcmp(source, "lead") == 0 ? u("线索") : QString();
        if (qstrcmp(context, "Report") != 0)
            return {};
        static const QHash<QByteArray, QString> texts = {
            {"Sales performance report", u("销售业绩报告")},
            {"Won deals by sales rep", u("按销售代表的赢单")},
            {"Total", u("合计")},
            {"Customer activity report", u("客户活跃度报表")},
            {"(public pool)", u("（公海）")},
            {"(not recorded)", u("（未记录）")},
        };
        return texts.value(source);
    }
};

// March 2024 in China.
Period march()
{
    return must(ReportPeriod::parse(QStringLiteral("2024-03-01..2024-03-31"), utc("2024-04-15T00:00"), kChina));
}

class Company
{
public:
    Company(Database &db, ManualClock &clock) : m_db(db), m_clock(clock), team(makeTeam(db))
    {
        // Chinese display names: what the PDF must render with the CJK font.
        exec(QStringLiteral("UPDATE users SET display_name = '王芳' WHERE username = 'wang'"));
        exec(QStringLiteral("UPDATE users SET display_name = '赵强' WHERE username = 'zhao'"));
        QSqlQuery q = db.prepare(QStringLiteral("SELECT s.name, s.id, s.kind, p.id FROM stages s JOIN pipelines p ON p.id = s.pipeline_id"
                                                " WHERE p.is_default = 1 ORDER BY s.position"));
        if (!db.exec(q))
            qFatal("stages");
        while (q.next()) {
            const QString kind = q.value(2).toString();
            if (kind == QLatin1String("won"))
                wonStage = q.value(1).toLongLong();
            else if (kind == QLatin1String("lost"))
                lostStage = q.value(1).toLongLong();
            else if (!firstStage)
                firstStage = q.value(1).toLongLong();
            pipelineId = q.value(3).toLongLong();
        }
    }

    void exec(const QString &sql)
    {
        QSqlQuery q = m_db.prepare(sql);
        if (!m_db.exec(q))
            qFatal("%s", qPrintable(sql));
    }

    qint64 customer(const Actor &owner, const char *source, const char *createdAt, const char *province = "",
                    const char *industry = "")
    {
        m_clock.set(utc(createdAt));
        Customer c;
        c.name = u("客户") + QString::number(++m_customers);
        c.source = u(source);
        c.industry = u(industry);
        if (*province)
            c.addresses.append(Address{QString(), u(province), {}, {}, {}, {}, {}, true});
        return must(CustomerService(m_db).create(owner, c)).id;
    }

    qint64 idOf(const char *customerName)
    {
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id FROM customers WHERE name = :n"));
        q.bindValue(QStringLiteral(":n"), u(customerName));
        return m_db.exec(q) && q.next() ? q.value(0).toLongLong() : 0;
    }

    // Sets when the customer was last contacted (0: never) and, with `pool`, moves it to the public pool.
    void contacted(qint64 customerId, qint64 at, bool pool = false)
    {
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE customers SET last_contact_at = :at") +
                                   (pool ? QStringLiteral(", owner_id = NULL") : QString()) + QStringLiteral(" WHERE id = :id"));
        q.bindValue(QStringLiteral(":at"), at);
        q.bindValue(QStringLiteral(":id"), customerId);
        if (!m_db.exec(q))
            qFatal("update customer");
    }

    // A deal created at `created` and won (or lost) at `closed`, with its two history rows.
    void deal(const Actor &owner, qint64 customerId, qint64 amountMinor, const char *created, const char *closed, bool won = true)
    {
        const qint64 stage = won ? wonStage : lostStage;
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO opportunities (customer_id, pipeline_id, stage_id, name, amount_minor, currency, probability, status,"
            " owner_id, created_at, updated_at, closed_at, stage_entered_at)"
            " VALUES (:c, :p, :s, 'deal', :a, 'CNY', :prob, :st, :o, :created, :closed, :closed, :closed) RETURNING id"));
        q.bindValue(QStringLiteral(":c"), customerId);
        q.bindValue(QStringLiteral(":p"), pipelineId);
        q.bindValue(QStringLiteral(":s"), stage);
        q.bindValue(QStringLiteral(":a"), amountMinor);
        q.bindValue(QStringLiteral(":prob"), won ? 100 : 0);
        q.bindValue(QStringLiteral(":st"), won ? QStringLiteral("won") : QStringLiteral("lost"));
        q.bindValue(QStringLiteral(":o"), owner.userId);
        q.bindValue(QStringLiteral(":created"), utc(created));
        q.bindValue(QStringLiteral(":closed"), utc(closed));
        if (!m_db.exec(q) || !q.next())
            qFatal("insert opportunity");
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        for (const auto &[from, to, at] : {std::tuple<qint64, qint64, qint64>{0, firstStage, utc(created)},
                                           std::tuple<qint64, qint64, qint64>{firstStage, stage, utc(closed)}}) {
            QSqlQuery h = m_db.prepare(QStringLiteral("INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id,"
                                                      " to_stage_id, user_id, at) VALUES (:o, :f, :t, :u, :at)"));
            h.bindValue(QStringLiteral(":o"), id);
            h.bindValue(QStringLiteral(":f"), from ? QVariant(from) : QVariant(QMetaType::fromType<qlonglong>()));
            h.bindValue(QStringLiteral(":t"), to);
            h.bindValue(QStringLiteral(":u"), owner.userId);
            h.bindValue(QStringLiteral(":at"), at);
            if (!m_db.exec(h))
                qFatal("insert history");
        }
    }

    void activity(const Actor &user, qint64 customerId, const char *kind, const char *at)
    {
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO activities (customer_id, user_id, kind, occurred_at, created_at)"
                                                  " VALUES (:c, :u, :k, :at, :at)"));
        q.bindValue(QStringLiteral(":c"), customerId);
        q.bindValue(QStringLiteral(":u"), user.userId);
        q.bindValue(QStringLiteral(":k"), QString::fromLatin1(kind));
        q.bindValue(QStringLiteral(":at"), utc(at));
        if (!m_db.exec(q))
            qFatal("insert activity");
    }

    void task(const Actor &assignee, const char *title, qint64 dueAt, const char *status = "open")
    {
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO tasks (title, status, due_at, assignee_id, created_at, updated_at)"
                                                  " VALUES (:t, :s, :d, :a, 0, 0)"));
        q.bindValue(QStringLiteral(":t"), u(title));
        q.bindValue(QStringLiteral(":s"), QString::fromLatin1(status));
        q.bindValue(QStringLiteral(":d"), dueAt);
        q.bindValue(QStringLiteral(":a"), assignee.userId);
        if (!m_db.exec(q))
            qFatal("insert task");
    }

    // The data every test reads. Li's team is wang and zhao; qian is in sun's team.
    void load()
    {
        const qint64 a = customer(team.wang, "展会", "2024-03-02T02:00", "广东省", "科技");
        const qint64 b = customer(team.wang, "展会", "2024-03-10T02:00", "广东省", "制造");
        const qint64 c = customer(team.zhao, "官网", "2024-03-12T02:00", "浙江省", "科技");
        customer(team.zhao, "", "2024-03-20T02:00", "", "科技");
        customer(team.zhao, "展会", "2024-02-20T02:00", "上海市", ""); // February: outside March
        const qint64 d = customer(team.qian, "官网", "2024-03-05T02:00", "北京市", "金融");
        deal(team.wang, a, 100'000, "2024-02-01T00:00", "2024-03-05T02:00");
        deal(team.wang, b, 50'001, "2024-03-01T00:00", "2024-03-15T02:00");
        deal(team.zhao, c, 200'000, "2024-03-02T00:00", "2024-03-20T02:00");
        deal(team.zhao, c, 90'000, "2024-01-02T00:00", "2024-02-20T02:00"); // won in February
        deal(team.zhao, c, 40'000, "2024-03-03T00:00", "2024-03-21T02:00", false); // lost
        deal(team.qian, d, 70'000, "2024-03-04T00:00", "2024-03-06T02:00");
        activity(team.wang, a, "call", "2024-03-05T03:00");
        activity(team.wang, a, "call", "2024-03-06T03:00");
        activity(team.wang, b, "visit", "2024-03-07T03:00");
        activity(team.zhao, c, "meeting", "2024-03-08T03:00");
        activity(team.qian, d, "call", "2024-03-08T03:00");
        activity(team.wang, a, "call", "2024-04-02T03:00"); // April
        m_clock.set(utc("2024-04-15T00:00"));
        task(team.wang, "回访王总", utc("2024-04-10T01:00"));
        task(team.wang, "寄合同", utc("2024-04-14T01:00"));
        task(team.zhao, "报价", utc("2024-04-01T01:00"));
        task(team.zhao, "done", utc("2024-04-01T01:00"), "done");
        task(team.zhao, "future", utc("2024-04-16T01:00"));
        task(team.qian, "other team", utc("2024-04-01T01:00"));
    }

    Database &m_db;
    ManualClock &m_clock;
    Team team;
    qint64 pipelineId = 0, firstStage = 0, wonStage = 0, lostStage = 0;

private:
    int m_customers = 0;
};

const ReportTable &table(const ReportData &d, int i)
{
    return d.tables.at(i);
}

// A table's rows and totals as the PDF prints them, cells joined with "|".
QStringList lines(const ReportTable &t)
{
    QStringList out;
    auto line = [&](const QVector<QVariant> &cells) {
        QStringList texts;
        for (qsizetype c = 0; c < t.columns.size(); ++c)
            texts << ReportData::formatCell(cells.value(c), t.columns.at(c).type);
        out << texts.join(QLatin1Char('|'));
    };
    for (const auto &row : t.rows)
        line(row);
    if (!t.totals.isEmpty())
        line(t.totals);
    return out;
}

QStringList titles(const ReportData &d)
{
    QStringList out;
    for (const ReportTable &t : d.tables)
        out << t.title;
    return out;
}

QVector<qint64> figureValues(const ReportData &d)
{
    QVector<qint64> out;
    for (const ReportFigure &f : d.figures)
        out << f.value.toLongLong();
    return out;
}

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *t : texts)
        out << u(t);
    return out;
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
    {
        QProcess p;
        p.start(program, args);
        p.waitForFinished(60000);
        if (exitCode)
            *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private Q_SLOTS:
    void periods()
    {
        const qint64 now = utc("2026-03-15T20:00"); // 16 March in China
        Period p = must(ReportPeriod::parse(QStringLiteral("30d"), now, kChina));
        QCOMPARE(ReportPeriod::firstDay(p), QDate(2026, 2, 15));
        QCOMPARE(ReportPeriod::lastDay(p), QDate(2026, 3, 16));
        QCOMPARE(p.bucket, Bucket::Day);
        QCOMPARE(p.to, utc("2026-03-16T16:00")); // midnight after 16 March in China
        p = must(ReportPeriod::parse(QStringLiteral("90d"), now, kChina));
        QCOMPARE(p.bucket, Bucket::Week);
        p = must(ReportPeriod::parse(QStringLiteral("365d"), now, 0));
        QCOMPARE(p.bucket, Bucket::Month);
        QCOMPARE(ReportPeriod::firstDay(p), QDate(2025, 3, 16));
        p = must(ReportPeriod::parse(QStringLiteral("2026-01-01..2026-03-31"), now, kChina));
        QCOMPARE(p.from, utc("2025-12-31T16:00"));
        QCOMPARE(ReportPeriod::lastDay(p), QDate(2026, 3, 31));
        p = must(ReportPeriod::parse(QStringLiteral("this-month"), now, kChina));
        QCOMPARE(ReportPeriod::firstDay(p), QDate(2026, 3, 1));
        QCOMPARE(ReportPeriod::lastDay(p), QDate(2026, 3, 16));
        p = must(ReportPeriod::parse(QStringLiteral("last-month"), now, kChina));
        QCOMPARE(ReportPeriod::firstDay(p), QDate(2026, 2, 1));
        QCOMPARE(ReportPeriod::lastDay(p), QDate(2026, 2, 28));
        QCOMPARE(ReportPeriod::parse(QStringLiteral("fortnight"), now, 0).error().field, QStringLiteral("period"));
        QCOMPARE(ReportPeriod::parse(QStringLiteral("2026-03-31..2026-01-01"), now, 0).error().code, QStringLiteral("validation.range"));
        QCOMPARE(ReportPeriod::parse(QStringLiteral("2026-02-30..2026-03-01"), now, 0).error().code, QStringLiteral("validation.format"));
        QVERIFY(!ReportPeriod::parse(QStringLiteral("0d"), now, 0));
    }

    void salesTotalsFollowTheScope()
    {
        ManualClock clock(utc("2024-02-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Company x(*db, clock);
        x.load();
        ReportBuilder builder(*db);
        const Team &t = x.team;

        ReportData li = must(builder.build(t.li, {QStringLiteral("sales"), march(), 0}));
        QCOMPARE(li.currency, QStringLiteral("CNY"));
        QCOMPARE(li.periodStart, QDate(2024, 3, 1));
        QCOMPARE(li.periodEnd, QDate(2024, 3, 31));
        const ReportTable &perDay = table(li, 0);
        QCOMPARE(perDay.rows.size(), 31);
        QCOMPARE(perDay.totals.at(1).toLongLong(), 3);
        QCOMPARE(perDay.totals.at(2).toLongLong(), 350'001);
        QCOMPARE(perDay.rows.at(4).at(0).toString(), QStringLiteral("2024-03-05")); // 02:00 UTC is 10:00 in China
        QCOMPARE(perDay.rows.at(4).at(2).toLongLong(), 100'000);
        const ReportTable &byRep = table(li, 1);
        QCOMPARE(byRep.rows.size(), 2);
        QCOMPARE(byRep.rows.at(0).at(0).toString(), u("赵强"));
        QCOMPARE(byRep.rows.at(0).at(2).toLongLong(), 200'000);
        QCOMPARE(byRep.rows.at(0).at(3).toInt(), 5714); // 200000 / 350001
        QCOMPARE(byRep.rows.at(1).at(0).toString(), u("王芳"));
        QCOMPARE(byRep.rows.at(1).at(2).toLongLong(), 150'001);
        QCOMPARE(li.figures.at(1).value.toLongLong(), 350'001);
        QCOMPARE(li.figures.at(2).value.toLongLong(), 116'667); // 350001 / 3, half up
        QCOMPARE(li.figures.at(3).value.toInt(), 7500); // 3 won, 1 lost
        QCOMPARE(ReportData::formatCell(li.figures.at(1).value, ReportCellType::Money), QStringLiteral("3,500.01"));
        QVERIFY(li.scopeText.contains(QStringLiteral("li")));

        // The administrator sees qian's deal too; narrowed to wang, only wang's.
        ReportData all = must(builder.build(t.admin, {QStringLiteral("sales"), march(), 0}));
        QCOMPARE(all.tables.at(0).totals.at(2).toLongLong(), 420'001);
        ReportData wang = must(builder.build(t.li, {QStringLiteral("sales"), march(), t.wang.userId}));
        QCOMPARE(wang.tables.at(0).totals.at(2).toLongLong(), 150'001);
        QCOMPARE(wang.tables.at(1).rows.size(), 1);
        QVERIFY(wang.scopeText.contains(u("王芳")));
        // Narrowing to someone outside the scope is refused like a missing user.
        QCOMPARE(builder.build(t.li, {QStringLiteral("sales"), march(), t.qian.userId}).error().code, QStringLiteral("not_found"));
        // Reps have report.read but not report.export.
        QCOMPARE(builder.build(t.wang, {QStringLiteral("sales"), march(), 0}).error().code, QStringLiteral("forbidden"));
        QCOMPARE(builder.build(t.li, {QStringLiteral("profit"), march(), 0}).error().field, QStringLiteral("name"));
    }

    // Campaign effect: the campaigns overlapping March; participants and answers over the customers in
    // scope; deals the participants won in March after joining; a budget in another currency left blank.
    void campaignEffect()
    {
        ManualClock clock(utc("2024-02-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Company x(*db, clock);
        x.load();
        const Team &t = x.team;
        const qint64 a = x.idOf("客户1"), b = x.idOf("客户2"), c = x.idOf("客户3"), d = x.idOf("客户6"); // wang, wang, zhao, qian
        QVERIFY(a && b && c && d);
        CampaignService campaigns(*db);
        auto campaign = [&](const char *name, QDate start, QDate end, qint64 budget, const char *currency) {
            Campaign k;
            k.name = u(name);
            k.startDate = start;
            k.endDate = end;
            k.budgetMinor = budget;
            k.currency = QString::fromLatin1(currency);
            return must(campaigns.create(t.admin, k)).id;
        };
        clock.set(utc("2024-03-10T00:00")); // everyone joins on 10 March
        const qint64 spring = campaign("春季展会", QDate(2024, 3, 1), QDate(2024, 3, 31), 300'000, "CNY");
        const qint64 january = campaign("一月回访", QDate(2024, 1, 1), QDate(2024, 1, 31), 100'000, "CNY");
        const qint64 always = campaign("长期推广", QDate(), QDate(), 1'000'000, "USD");
        QCOMPARE(must(campaigns.addParticipants(t.admin, spring, {a, b, c, d})), 4);
        QCOMPARE(must(campaigns.addParticipants(t.admin, january, {a})), 1);
        QCOMPARE(must(campaigns.addParticipants(t.admin, always, {c})), 1);
        QVERIFY(campaigns.recordResponse(t.admin, spring, a, QStringLiteral("converted"), {}));
        QVERIFY(campaigns.recordResponse(t.admin, spring, b, QStringLiteral("responded"), {}));
        QVERIFY(campaigns.recordResponse(t.admin, spring, c, QStringLiteral("declined"), {}));
        QVERIFY(campaigns.recordResponse(t.admin, spring, d, QStringLiteral("converted"), {}));
        ReportBuilder builder(*db);

        // Li's team: a, b, c. Won after 10 March: b's 500.01 (15 March) and c's 2,000.00 (20 March);
        // a's deal closed on 5 March, before a joined.
        ReportData li = must(builder.build(t.li, {QStringLiteral("campaigns"), march(), 0}));
        QCOMPARE(li.title, QStringLiteral("Campaign effect report"));
        const ReportTable &k = table(li, 0);
        QCOMPARE(k.rows.size(), 2); // January's campaign ended before March
        QCOMPARE(k.rows.at(0).at(0).toString(), u("春季展会"));
        // Campaign, participants, converted, conversion rate, amount won, budget, cost per conversion.
        const QVector<qint64> springRow = {0, 3, 1, 3333, 250'001, 300'000, 300'000};
        for (int col = 1; col < springRow.size(); ++col)
            QCOMPARE(k.rows.at(0).at(col).toLongLong(), springRow.at(col));
        QCOMPARE(k.rows.at(1).at(0).toString(), u("长期推广"));
        QCOMPARE(k.rows.at(1).at(1).toLongLong(), 1);
        QCOMPARE(k.rows.at(1).at(3).toInt(), 0); // one participant, no conversion: 0 %
        QCOMPARE(k.rows.at(1).at(4).toLongLong(), 200'000);
        QVERIFY(!k.rows.at(1).at(5).isValid()); // a USD budget in a CNY report
        QVERIFY(!k.rows.at(1).at(6).isValid());
        QCOMPARE(k.totals.at(1).toLongLong(), 4);
        QCOMPARE(k.totals.at(2).toLongLong(), 1);
        QCOMPARE(k.totals.at(3).toInt(), 2500);
        QCOMPARE(k.totals.at(4).toLongLong(), 450'001);
        QCOMPARE(k.totals.at(5).toLongLong(), 300'000);
        QCOMPARE(k.totals.at(6).toLongLong(), 300'000);
        // Campaigns, participants, answered, converted, deals won, amount won.
        const QVector<qint64> figures = {2, 4, 3, 1, 3, 450'001};
        for (int i = 0; i < figures.size(); ++i)
            QCOMPARE(li.figures.at(i).value.toLongLong(), figures.at(i));

        // The administrator also sees d (converted; its deal closed before it joined).
        ReportData all = must(builder.build(t.admin, {QStringLiteral("campaigns"), march(), 0}));
        QCOMPARE(all.tables.at(0).rows.at(0).at(1).toLongLong(), 4);
        QCOMPARE(all.tables.at(0).rows.at(0).at(2).toLongLong(), 2);
        QCOMPARE(all.tables.at(0).rows.at(0).at(4).toLongLong(), 250'001);
        QCOMPARE(all.tables.at(0).rows.at(0).at(6).toLongLong(), 150'000); // 3,000.00 over two conversions
        // Narrowed to wang: a and b, b's deal.
        ReportData wang = must(builder.build(t.li, {QStringLiteral("campaigns"), march(), t.wang.userId}));
        QCOMPARE(wang.tables.at(0).rows.at(0).at(1).toLongLong(), 2);
        QCOMPARE(wang.tables.at(0).rows.at(0).at(4).toLongLong(), 50'001);
        // January alone: the January campaign, with nothing won in it.
        Period jan = march();
        jan.from = utc("2023-12-31T16:00");
        jan.to = utc("2024-01-31T16:00");
        ReportData january1 = must(builder.build(t.admin, {QStringLiteral("campaigns"), jan, 0}));
        QCOMPARE(january1.tables.at(0).rows.size(), 2); // January's and the open-ended one
        QCOMPARE(january1.tables.at(0).rows.at(0).at(0).toString(), u("一月回访"));
        QCOMPARE(january1.tables.at(0).rows.at(0).at(4).toLongLong(), 0);

        // The PDF shows the names and the money.
        const QString pdf = m_dir.filePath(QStringLiteral("campaigns.pdf"));
        QVERIFY(PdfReportWriter::write(li, pdf));
        // Compatibility form: the font's "ff" ligature comes out of pdftotext as U+FB00.
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
                                 .normalized(QString::NormalizationForm_KC);
        QVERIFY2(text.contains(u("春季展会")), qPrintable(text.left(2000)));
        QVERIFY(text.contains(QStringLiteral("4,500.01")));
        QVERIFY2(text.contains(QStringLiteral("Campaign effect report")), qPrintable(text.left(1500)));
        // Reps have no report.export.
        QCOMPARE(builder.build(t.wang, {QStringLiteral("campaigns"), march(), 0}).error().code, QStringLiteral("forbidden"));
    }

    void funnelActivitiesCustomersAndTasks()
    {
        ManualClock clock(utc("2024-02-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Company x(*db, clock);
        x.load();
        ReportBuilder builder(*db);
        const Team &t = x.team;

        // Created in March in li's team: wang's second deal (won) and zhao's 2000.00 (won) and lost one.
        ReportData funnel = must(builder.build(t.li, {QStringLiteral("funnel"), march(), 0}));
        const ReportTable &stages = table(funnel, 0);
        QCOMPARE(stages.rows.first().at(1).toLongLong(), 3);
        QCOMPARE(stages.rows.last().at(1).toLongLong(), 2);
        QCOMPARE(funnel.figures.at(2).value.toInt(), 6667);

        ReportData activities = must(builder.build(t.li, {QStringLiteral("activities"), march(), 0}));
        const ReportTable &byRep = table(activities, 0);
        QCOMPARE(byRep.columns.size(), 5); // rep, call, meeting, visit, total
        QCOMPARE(byRep.columns.at(1).header, QStringLiteral("call"));
        QCOMPARE(byRep.rows.size(), 2);
        QCOMPARE(byRep.rows.at(0).at(0).toString(), u("王芳"));
        QCOMPARE(byRep.rows.at(0).last().toLongLong(), 3);
        QCOMPARE(byRep.totals.last().toLongLong(), 4);
        QCOMPARE(activities.figures.at(0).value.toLongLong(), 4);

        ReportData customers = must(builder.build(t.li, {QStringLiteral("customers"), march(), 0}));
        QCOMPARE(table(customers, 0).totals.at(1).toLongLong(), 4);
        const ReportTable &mix = table(customers, 1);
        QCOMPARE(mix.rows.size(), 3);
        QCOMPARE(mix.rows.at(0).at(0).toString(), u("展会"));
        QCOMPARE(mix.rows.at(0).at(1).toLongLong(), 2);
        QCOMPARE(mix.rows.at(0).at(2).toInt(), 5000);
        QCOMPARE(mix.rows.at(2).at(0).toString(), QStringLiteral("(not recorded)"));

        // Overdue on 15 April: wang's two, zhao's one; not the done, future or other team's tasks.
        ReportData tasks = must(builder.build(t.li, {QStringLiteral("tasks"), march(), 0}));
        const ReportTable &byOwner = table(tasks, 0);
        QCOMPARE(byOwner.rows.size(), 2);
        QCOMPARE(byOwner.rows.at(0).at(0).toString(), u("王芳"));
        QCOMPARE(byOwner.rows.at(0).at(1).toLongLong(), 2);
        QCOMPARE(byOwner.totals.at(1).toLongLong(), 3);
        const ReportTable &list = table(tasks, 1);
        QCOMPARE(list.rows.size(), 3);
        QCOMPARE(list.rows.at(0).at(2).toString(), u("报价")); // the oldest first
        QCOMPARE(list.rows.at(0).at(1).toLongLong(), 13);
    }

    // Seed 002's statistics: the customers in scope today by province and industry (the customers
    // report) and by how long ago they were last contacted (engagement), counted back from the report's
    // own clock whatever the period.
    void customerMixAndEngagement()
    {
        ManualClock clock(utc("2024-02-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Company x(*db, clock);
        x.load();
        const Team &t = x.team;
        const qint64 now = utc("2024-04-15T00:00"); // where load() leaves the clock
        x.contacted(x.idOf("客户1"), now - 2 * kDay);   // wang: within 7 days
        x.contacted(x.idOf("客户2"), now - 20 * kDay);  // wang: 8-30 days
        x.contacted(x.idOf("客户3"), now - 45 * kDay);  // zhao: 31-90 days
        x.contacted(x.idOf("客户4"), now - 105 * kDay); // zhao: over 90 days; 客户5 (zhao) never
        x.contacted(x.idOf("客户6"), now - 1 * kDay);   // qian, the other team
        x.contacted(x.customer(t.admin, "", "2024-04-01T00:00", "北京市", "能源"), 0, true); // the pool, never
        clock.set(now);
        ReportBuilder builder(*db);

        // Li's team: 客户1-5, February's included (today's customers, not the period's).
        ReportData customers = must(builder.build(t.li, {QStringLiteral("customers"), march(), 0}));
        QCOMPARE(titles(customers), QStringList({QStringLiteral("New customers per period"), QStringLiteral("New customers by source"),
                                                 QStringLiteral("Customers by province (all customers in scope today)"),
                                                 QStringLiteral("Customers by industry (all customers in scope today)")}));
        QCOMPARE(figureValues(customers), QVector<qint64>({4, 3, 5})); // new in March, sources, in scope today
        QCOMPARE(lines(table(customers, 2)), strings({"广东省|2|40.00 %", "上海市|1|20.00 %", "浙江省|1|20.00 %",
                                                      "(not recorded)|1|20.00 %", "Total|5|100.00 %"}));
        QCOMPARE(lines(table(customers, 3)), strings({"科技|3|60.00 %", "制造|1|20.00 %", "(not recorded)|1|20.00 %", "Total|5|100.00 %"}));
        QVERIFY(table(customers, 2).hasChart());
        // Narrowed to wang: his two customers only.
        ReportData wangsCustomers = must(builder.build(t.li, {QStringLiteral("customers"), march(), t.wang.userId}));
        QCOMPARE(lines(table(wangsCustomers, 2)), strings({"广东省|2|100.00 %", "Total|2|100.00 %"}));
        QCOMPARE(lines(table(wangsCustomers, 3)), strings({"制造|1|50.00 %", "科技|1|50.00 %", "Total|2|100.00 %"}));
        // A role that hides addresses gets no province table (not an empty one), the industries still.
        Actor noAddresses = t.li;
        noAddresses.fieldRules.insert(QStringLiteral("customer.addresses"), FieldRule::Hidden);
        ReportData hidden = must(builder.build(noAddresses, {QStringLiteral("customers"), march(), 0}));
        QCOMPARE(hidden.tables.size(), 3);
        QCOMPARE(hidden.tables.last().title, QStringLiteral("Customers by industry (all customers in scope today)"));
        QCOMPARE(hidden.figures.last().value.toLongLong(), 5);

        // Engagement in li's team, as of the database clock's now.
        ReportData li = must(builder.build(t.li, {QStringLiteral("engagement"), march(), 0}));
        QCOMPARE(li.title, QStringLiteral("Customer activity report"));
        QVERIFY2(li.periodText.contains(QStringLiteral("the period does not change these figures")), qPrintable(li.periodText));
        QCOMPARE(li.generatedAt, now);
        QCOMPARE(lines(table(li, 0)), QStringList({QStringLiteral("Within 7 days|1|20.00 %"), QStringLiteral("8-30 days ago|1|20.00 %"),
                                                   QStringLiteral("31-90 days ago|1|20.00 %"), QStringLiteral("Over 90 days ago|1|20.00 %"),
                                                   QStringLiteral("Never contacted|1|20.00 %"), QStringLiteral("Total|5|100.00 %")}));
        QVERIFY(table(li, 0).hasChart());
        // Owner, customers, within 7 days, 8-30, 31-90, over 90, never, share with no contact in 90 days.
        QCOMPARE(lines(table(li, 1)), strings({"赵强|3|0|0|1|1|1|66.67 %", "王芳|2|1|1|0|0|0|0.00 %", "Total|5|1|1|1|1|1|40.00 %"}));
        // Customers, never contacted, contacted in 30 days and its share, none in 90 days and its share.
        QCOMPARE(figureValues(li), QVector<qint64>({5, 1, 2, 4000, 2, 4000}));
        // Another period: the same figures.
        const Period lastYear = must(ReportPeriod::parse(QStringLiteral("365d"), now, kChina));
        ReportData sameNow = must(builder.build(t.li, {QStringLiteral("engagement"), lastYear, 0}));
        QCOMPARE(lines(table(sameNow, 1)), lines(table(li, 1)));
        // Six days later, by the same clock: the customer contacted two days ago is now eight days ago.
        clock.set(now + 6 * kDay);
        ReportData later = must(builder.build(t.li, {QStringLiteral("engagement"), march(), 0}));
        QCOMPARE(lines(table(later, 1)), strings({"赵强|3|0|0|1|1|1|66.67 %", "王芳|2|0|2|0|0|0|0.00 %", "Total|5|0|2|1|1|1|40.00 %"}));
        clock.set(now);

        // The administrator sees qian's and the pool's customers; the pool comes last.
        ReportData all = must(builder.build(t.admin, {QStringLiteral("engagement"), march(), 0}));
        QCOMPARE(lines(table(all, 1)), strings({"赵强|3|0|0|1|1|1|66.67 %", "王芳|2|1|1|0|0|0|0.00 %", "qian|1|1|0|0|0|0|0.00 %",
                                                "(public pool)|1|0|0|0|0|1|100.00 %", "Total|7|2|1|1|1|2|42.86 %"}));
        QCOMPARE(figureValues(all), QVector<qint64>({7, 2, 3, 4286, 3, 4286}));
        // Narrowed to one rep: only that rep's customers.
        ReportData wang = must(builder.build(t.li, {QStringLiteral("engagement"), march(), t.wang.userId}));
        QCOMPARE(lines(table(wang, 1)), strings({"王芳|2|1|1|0|0|0|0.00 %", "Total|2|1|1|0|0|0|0.00 %"}));
        QCOMPARE(figureValues(wang), QVector<qint64>({2, 0, 2, 10000, 0, 0}));
        QVERIFY(wang.scopeText.contains(u("王芳")));
        QCOMPARE(builder.build(t.li, {QStringLiteral("engagement"), march(), t.qian.userId}).error().code, QStringLiteral("not_found"));
        QCOMPARE(builder.build(t.wang, {QStringLiteral("engagement"), march(), 0}).error().code, QStringLiteral("forbidden"));

        // The PDFs, in Chinese where the (stand-in) catalogue has a text: names, rows and totals.
        ChineseReportTexts chinese;
        QCoreApplication::installTranslator(&chinese);
        ReportData customersZh = must(builder.build(t.li, {QStringLiteral("customers"), march(), 0}));
        ReportData allZh = must(builder.build(t.admin, {QStringLiteral("engagement"), march(), 0}));
        QCoreApplication::removeTranslator(&chinese);
        auto pdfText = [&](const ReportData &d, const QString &name) {
            const QString pdf = m_dir.filePath(name);
            const Status st = PdfReportWriter::write(d, pdf);
            if (!st)
                qWarning("%s", qPrintable(st.error().message));
            return run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
                .normalized(QString::NormalizationForm_KC);
        };
        auto hasLine = [](const QString &text, const QString &pattern) {
            return QRegularExpression(QStringLiteral("(^|\\n)\\s*") + pattern + QStringLiteral("\\s*(\\n|$)")).match(text).hasMatch();
        };
        const QString mixText = pdfText(customersZh, QStringLiteral("mix.pdf"));
        QVERIFY2(mixText.contains(QStringLiteral("Customers by province (all customers in scope today)")), qPrintable(mixText));
        for (const char *name : {"广东省", "浙江省", "上海市", "科技", "制造"})
            QVERIFY2(mixText.contains(u(name)), name);
        QVERIFY2(hasLine(mixText, u("广东省\\s+2\\s+40\\.00 %")), qPrintable(mixText));
        QVERIFY(hasLine(mixText, u("科技\\s+3\\s+60\\.00 %")));
        // NFKC folds the full-width parentheses of （未记录） into ASCII ones.
        QVERIFY(hasLine(mixText, u("\\(未记录\\)\\s+1\\s+20\\.00 %")));
        QVERIFY(hasLine(mixText, u("合计\\s+5\\s+100\\.00 %")));
        const QString engagementText = pdfText(allZh, QStringLiteral("engagement.pdf"));
        QVERIFY2(engagementText.contains(u("客户活跃度报表")), qPrintable(engagementText));
        QVERIFY2(hasLine(engagementText, u("赵强\\s+3\\s+0\\s+0\\s+1\\s+1\\s+1\\s+66\\.67 %")), qPrintable(engagementText));
        QVERIFY(hasLine(engagementText, u("王芳\\s+2\\s+1\\s+1\\s+0\\s+0\\s+0\\s+0\\.00 %")));
        QVERIFY(hasLine(engagementText, u("\\(公海\\)\\s+1\\s+0\\s+0\\s+0\\s+0\\s+1\\s+100\\.00 %")));
        QVERIFY(hasLine(engagementText, u("合计\\s+7\\s+2\\s+1\\s+1\\s+1\\s+2\\s+42\\.86 %")));
        QVERIFY(hasLine(engagementText, QStringLiteral("Never contacted\\s+2\\s+28\\.57 %")));

        // The workbook: typed cells, shares as fractions, a chart over each table's rows.
        const QString path = m_dir.filePath(QStringLiteral("engagement.xlsx"));
        QVERIFY(XlsxReportWriter::write(li, path));
        const QJsonObject dump = QJsonDocument::fromJson(python({script(QStringLiteral("report_xlsx_dump.py")), path})).object();
        const QJsonObject cells = dump.value(QStringLiteral("cells")).toObject();
        const QJsonArray byOwner = cells.value(QStringLiteral("By owner")).toArray();
        QCOMPARE(byOwner.size(), 4); // header, zhao, wang, totals
        const QJsonArray zhao = byOwner.at(1).toArray();
        QCOMPARE(zhao.at(0).toObject().value(QStringLiteral("v")).toString(), u("赵强"));
        const QVector<double> zhaoCounts = {3, 0, 0, 1, 1, 1};
        for (int col = 1; col <= 6; ++col) {
            QCOMPARE(zhao.at(col).toObject().value(QStringLiteral("t")).toString(), QStringLiteral("number"));
            QCOMPARE(zhao.at(col).toObject().value(QStringLiteral("v")).toDouble(), zhaoCounts.at(col - 1));
        }
        QCOMPARE(zhao.at(7).toObject().value(QStringLiteral("v")).toDouble(), 0.6667);
        QCOMPARE(zhao.at(7).toObject().value(QStringLiteral("f")).toString(), QStringLiteral("0.00%"));
        QCOMPARE(byOwner.at(3).toArray().at(1).toObject().value(QStringLiteral("v")).toDouble(), 5.0);
        const QJsonArray formulas = dump.value(QStringLiteral("formulas")).toArray();
        QCOMPARE(dump.value(QStringLiteral("charts")).toArray().size(), 2);
        QVERIFY2(formulas.contains(QStringLiteral("'Last contact'!$B$2:$B$6")) && formulas.contains(QStringLiteral("'By owner'!$H$2:$H$3")),
                 QJsonDocument(formulas).toJson().constData());
        const QString mixPath = m_dir.filePath(QStringLiteral("mix.xlsx"));
        QVERIFY(XlsxReportWriter::write(customers, mixPath));
        const QJsonArray provinces = QJsonDocument::fromJson(python({script(QStringLiteral("report_xlsx_dump.py")), mixPath}))
                                         .object().value(QStringLiteral("cells")).toObject().value(QStringLiteral("Provinces")).toArray();
        QCOMPARE(provinces.size(), 6); // header, four provinces, totals
        QCOMPARE(provinces.at(1).toArray().at(0).toObject().value(QStringLiteral("v")).toString(), u("广东省"));
        QCOMPARE(provinces.at(1).toArray().at(1).toObject().value(QStringLiteral("v")).toDouble(), 2.0);
        QCOMPARE(provinces.at(1).toArray().at(2).toObject().value(QStringLiteral("v")).toDouble(), 0.4);

        // Beyond the 20 largest provinces the rest is one "Other" row.
        for (int i = 1; i <= 21; ++i)
            x.customer(t.qian, "", "2024-04-01T00:00", qPrintable(QStringLiteral("省%1").arg(i, 2, 10, QLatin1Char('0'))));
        clock.set(now);
        ReportData qian = must(builder.build(t.admin, {QStringLiteral("customers"), march(), t.qian.userId}));
        const QStringList qianProvinces = lines(table(qian, 2));
        QCOMPARE(qianProvinces.size(), 22); // 北京市, 省01-省19, Other, totals
        QCOMPARE(qianProvinces.first(), u("北京市|1|4.55 %"));
        QCOMPARE(qianProvinces.at(19), u("省19|1|4.55 %"));
        QCOMPARE(qianProvinces.at(20), QStringLiteral("Other|2|9.09 %"));
        QCOMPARE(qianProvinces.last(), QStringLiteral("Total|22|100.00 %"));
        QCOMPARE(lines(table(qian, 3)), strings({"(not recorded)|21|95.45 %", "金融|1|4.55 %", "Total|22|100.00 %"}));
    }

    // The funnel names the seeded stages in the reader's language (SeedNames, as the desktop does).
    void funnelStagesInTheReadersLanguage()
    {
        ManualClock clock(utc("2024-02-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Company x(*db, clock);
        x.load();
        ReportBuilder builder(*db);
        QCOMPARE(table(must(builder.build(x.team.li, {QStringLiteral("funnel"), march(), 0})), 0).rows.first().at(0).toString(),
                 QStringLiteral("lead"));
        ChineseReportTexts chinese;
        QCoreApplication::installTranslator(&chinese);
        ReportData funnel = must(builder.build(x.team.li, {QStringLiteral("funnel"), march(), 0}));
        QCoreApplication::removeTranslator(&chinese);
        QCOMPARE(table(funnel, 0).rows.first().at(0).toString(), u("线索"));
    }

    void pdfHasTheChineseTitleAndTotals()
    {
        ManualClock clock(utc("2024-02-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Company x(*db, clock);
        x.load();
        ChineseReportTexts chinese;
        QCoreApplication::installTranslator(&chinese);
        auto data = ReportBuilder(*db).build(x.team.li, {QStringLiteral("sales"), march(), 0});
        QCoreApplication::removeTranslator(&chinese);
        QVERIFY(data);
        QCOMPARE(data->title, u("销售业绩报告"));
        const QString pdf = m_dir.filePath(QStringLiteral("sales.pdf"));
        Status st = PdfReportWriter::write(*data, pdf);
        QVERIFY2(st, st ? "" : qPrintable(st.error().message));
        QVERIFY(!QFile::exists(pdf + QStringLiteral(".part")));

        int code = -1;
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(text.contains(u("销售业绩报告")), qPrintable(text.left(2000)));
        QVERIFY(text.contains(u("按销售代表的赢单")));
        QVERIFY(text.contains(u("王芳")));
        QVERIFY(text.contains(u("赵强")));
        QVERIFY(text.contains(QStringLiteral("3,500.01"))); // the total
        QVERIFY(text.contains(QStringLiteral("1,500.01"))); // wang's
        QVERIFY(text.contains(u("合计")));
        QVERIFY(text.contains(QStringLiteral("2024-03-01")));
        const int pages = int(text.count(QLatin1Char('\f')));
        QVERIFY2(pages >= 1 && pages <= 4, qPrintable(QString::number(pages)));
        const QString fonts = run(QStringLiteral("pdffonts"), {pdf});
        QVERIFY2(fonts.contains(QStringLiteral("NotoSansCJK")), qPrintable(fonts));
        for (const QString &line : fonts.split(QLatin1Char('\n')))
            if (line.contains(QStringLiteral("NotoSansCJK")))
                QVERIFY2(line.contains(QStringLiteral(" yes ")), qPrintable(line)); // embedded

        // Characters Noto Sans CJK shares with a Kangxi radical come back as themselves, not as the
        // radical Qt's text map named first (PdfTextMap): "至" not "⾄" (U+2F84).
        ReportData titled = *data;
        titled.title = u("一月至十二月生成金额日报");
        const QString titledPdf = m_dir.filePath(QStringLiteral("titled.pdf"));
        QVERIFY(PdfReportWriter::write(titled, titledPdf));
        const QString titledText = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), titledPdf, QStringLiteral("-")});
        QVERIFY2(titledText.contains(u("一月至十二月生成金额日报")), qPrintable(titledText.left(300)));
        QVERIFY(std::none_of(titledText.begin(), titledText.end(), [](QChar c) { return c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF; }));
        QVERIFY(run(QStringLiteral("pdfinfo"), {titledPdf}).contains(QStringLiteral("Pages:"))); // still a valid file

        // A long list runs over several pages, its header repeated.
        auto tasks = ReportBuilder(*db).build(x.team.admin, {QStringLiteral("tasks"), march(), 0});
        QVERIFY(tasks);
        ReportData many = *tasks;
        for (int i = 0; i < 200; ++i)
            many.tables[1].rows.append({QDate(2024, 4, 1), qint64(14), u("任务%1").arg(i), u("客户"), u("王芳"), QStringLiteral("normal")});
        const QString longPdf = m_dir.filePath(QStringLiteral("tasks.pdf"));
        QVERIFY(PdfReportWriter::write(many, longPdf));
        const QString longText = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), longPdf, QStringLiteral("-")});
        QVERIFY(longText.count(QLatin1Char('\f')) >= 3);
        QVERIFY(longText.contains(u("任务199")));
        QVERIFY(longText.count(QStringLiteral("Days overdue")) >= 3);

        // An unwritable place is an error and leaves nothing.
        QVERIFY(!PdfReportWriter::write(*data, QStringLiteral("/nonexistent/dir/x.pdf")));
    }

    // A chart's value axis: three or four round steps from zero to just above the largest bar, large
    // amounts counted in 万 / 亿 for a Chinese reader and K / M for an English one.
    void chartAxisInRoundStepsAndTheReadersUnits()
    {
        auto labels = [](double max, ReportCellType type, bool chinese) {
            return ChartAxis::forMaximum(max, type, chinese).labels.join(QLatin1Char('|'));
        };
        QCOMPARE(labels(36'250'000, ReportCellType::Money, false), QStringLiteral("0|10M|20M|30M|40M"));
        QCOMPARE(ChartAxis::forMaximum(36'250'000, ReportCellType::Money, false).top, 40'000'000.0);
        QCOMPARE(labels(12'500, ReportCellType::Money, false), QStringLiteral("0|5K|10K|15K"));
        QCOMPARE(labels(12'500, ReportCellType::Money, true), QStringLiteral("0|5,000|10,000|15,000"));
        QCOMPARE(labels(10, ReportCellType::Money, false), QStringLiteral("0|2.5|5|7.5|10"));
        QCOMPARE(labels(0.3, ReportCellType::Money, false), QStringLiteral("0|0.1|0.2|0.3"));
        QCOMPARE(labels(47, ReportCellType::Integer, false), QStringLiteral("0|20|40|60"));
        QCOMPARE(labels(3, ReportCellType::Integer, false), QStringLiteral("0|1|2|3"));  // counts step by whole numbers
        QCOMPARE(labels(10, ReportCellType::Integer, false), QStringLiteral("0|5|10")); // not 2.5
        QCOMPARE(labels(1, ReportCellType::Integer, true), QStringLiteral("0|1"));
        QCOMPARE(labels(1'200'000, ReportCellType::Integer, false), QStringLiteral("0|500K|1,000K|1,500K"));
        QCOMPARE(labels(66.67, ReportCellType::Percent, true), QStringLiteral("0 %|20 %|40 %|60 %|80 %"));
        QCOMPARE(labels(0, ReportCellType::Money, true), QStringLiteral("0"));
        QCOMPARE(ChartAxis::forMaximum(0, ReportCellType::Money, true).top, 1.0); // bars of zero height

        // In Chinese, through the catalogue: 万 from 100,000, 亿 from 1,000,000,000.
        class Units : public QTranslator
        {
        public:
            QString translate(const char *context, const char *source, const char *, int) const override
            {
                if (qstrcmp(context, "Report") != 0)
                    return {};
                return qstrcmp(source, "%1 ten thousand") == 0 ? u("%1万") : qstrcmp(source, "%1 hundred million") == 0 ? u("%1亿") : QString();
            }
        } units;
        QCoreApplication::installTranslator(&units);
        const QString wan = labels(36'250'000, ReportCellType::Money, true);
        const QString yi = labels(2'500'000'000, ReportCellType::Money, true);
        QCOMPARE(labels(99'999, ReportCellType::Money, true), QStringLiteral("0|25,000|50,000|75,000|100,000"));
        ReportTable won;
        won.title = QStringLiteral("Won per month");
        won.columns = {{QStringLiteral("Month")}, {QStringLiteral("Won"), ReportCellType::Money}};
        won.rows = {{QStringLiteral("2024-01"), qint64(1'200'000'000)}, {QStringLiteral("2024-02"), qint64(3'625'000'000)}};
        won.chartLabelColumn = 0;
        won.chartValueColumn = 1;
        won.chartAxis = won.makeChartAxis(true);
        QCoreApplication::removeTranslator(&units);
        QCOMPARE(wan, u("0|1,000万|2,000万|3,000万|4,000万"));
        QCOMPARE(yi, u("0|10亿|20亿|30亿"));
        // ChartAxis::unit is the dashboard's rule too.
        QCOMPARE(ChartAxis::unit(99'999, true), 1.0);
        QCOMPARE(ChartAxis::unit(1e9, true), 1e8);
        QCOMPARE(ChartAxis::unit(1e7, false), 1e6);

        // The PDF draws the labels the table carries (made when the report was built, in its language).
        ReportData d;
        d.name = QStringLiteral("sales");
        d.title = QStringLiteral("Axis");
        d.tables = {won};
        const QString pdf = m_dir.filePath(QStringLiteral("axis.pdf"));
        QVERIFY(PdfReportWriter::write(d, pdf));
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        for (const QString &label : {u("1,000万"), u("4,000万")})
            QVERIFY2(text.contains(label), qPrintable(text.left(600)));

        // The workbook's native chart has the same steps, counted in 万 by Excel's display units
        // (the cells keep the full amounts).
        const QString xlsx = m_dir.filePath(QStringLiteral("axis.xlsx"));
        QVERIFY(XlsxReportWriter::write(d, xlsx));
        const QJsonArray axes =
            QJsonDocument::fromJson(python({script(QStringLiteral("report_xlsx_dump.py")), xlsx})).object().value(QStringLiteral("valueAxes")).toArray();
        QCOMPARE(axes.size(), 1);
        const QJsonObject axis = axes.first().toObject();
        QCOMPARE(axis.value(QStringLiteral("min")).toString().toDouble(), 0.0);
        QCOMPARE(axis.value(QStringLiteral("max")).toString().toDouble(), 40'000'000.0);
        QCOMPARE(axis.value(QStringLiteral("majorUnit")).toString().toDouble(), 10'000'000.0);
        QCOMPARE(axis.value(QStringLiteral("unit")).toString(), QStringLiteral("tenThousands"));
        QCOMPARE(axis.value(QStringLiteral("format")).toString(), QStringLiteral("#,##0"));
        // English: millions with a decimal where a step needs one; shares as percentages.
        d.tables.first().rows = {{QStringLiteral("2024-01"), qint64(120'000'000)}};
        d.tables.first().chartAxis = ChartAxis::forMaximum(10'000'000, ReportCellType::Money, false);
        ReportTable share;
        share.title = QStringLiteral("Win rate");
        share.columns = {{QStringLiteral("Rep")}, {QStringLiteral("Win rate"), ReportCellType::Percent}};
        share.rows = {{QStringLiteral("li"), 6667}};
        share.chartLabelColumn = 0;
        share.chartValueColumn = 1;
        share.chartAxis = share.makeChartAxis(false);
        d.tables << share;
        QVERIFY(XlsxReportWriter::write(d, xlsx));
        const QJsonArray english =
            QJsonDocument::fromJson(python({script(QStringLiteral("report_xlsx_dump.py")), xlsx})).object().value(QStringLiteral("valueAxes")).toArray();
        QCOMPARE(english.size(), 2);
        QCOMPARE(english.at(0).toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("millions"));
        QCOMPARE(english.at(0).toObject().value(QStringLiteral("majorUnit")).toString().toDouble(), 2'500'000.0);
        QCOMPARE(english.at(0).toObject().value(QStringLiteral("format")).toString(), QStringLiteral("#,##0.0"));
        QCOMPARE(english.at(1).toObject().value(QStringLiteral("max")).toString().toDouble(), 0.8);
        QCOMPARE(english.at(1).toObject().value(QStringLiteral("format")).toString(), QStringLiteral("0%"));
        QVERIFY(english.at(1).toObject().value(QStringLiteral("unit")).isNull());
    }

    // The desktop's preview is the PDF's layout: as many pages, A4 at the asked resolution, with ink
    // where the title is and blank margins.
    void previewPagesMatchThePdf()
    {
        ManualClock clock(utc("2024-02-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Company x(*db, clock);
        x.load();
        ReportData many = must(ReportBuilder(*db).build(x.team.admin, {QStringLiteral("tasks"), march(), 0}));
        for (int i = 0; i < 200; ++i)
            many.tables[1].rows.append({QDate(2024, 4, 1), qint64(14), u("任务%1").arg(i), u("客户"), u("王芳"), QStringLiteral("normal")});
        const QString pdf = m_dir.filePath(QStringLiteral("preview.pdf"));
        QVERIFY(PdfReportWriter::write(many, pdf));
        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        const QRegularExpression pagesLine(QStringLiteral("Pages:\\s+(\\d+)"));
        const int pdfPages = pagesLine.match(info).captured(1).toInt();
        QVERIFY2(pdfPages >= 3, qPrintable(info));

        const QVector<QImage> pages = ReportPainter::pages(many, 100);
        QCOMPARE(pages.size(), pdfPages);
        QCOMPARE(pages.first().size(), QSize(827, 1169)); // 210 x 297 mm at 100 dpi
        auto dark = [](const QImage &image, const QRect &area) {
            int n = 0;
            for (int y = area.top(); y <= area.bottom(); ++y)
                for (int x = area.left(); x <= area.right(); ++x)
                    n += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
            return n;
        };
        const int margin = 15 * 100 / 25.4; // 59 px
        QVERIFY(dark(pages.first(), QRect(margin, margin, 400, 30)) > 100); // the title
        QCOMPARE(dark(pages.first(), QRect(0, 0, 827, margin - 2)), 0);   // the top margin
        QCOMPARE(dark(pages.last(), QRect(0, 0, margin - 2, 1169)), 0);   // the left margin
    }

    void xlsxHasTypedCellsAndAChart()
    {
        ManualClock clock(utc("2024-02-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Company x(*db, clock);
        x.load();
        auto data = ReportBuilder(*db).build(x.team.li, {QStringLiteral("sales"), march(), 0});
        QVERIFY(data);
        const QString path = m_dir.filePath(QStringLiteral("sales.xlsx"));
        QVERIFY(XlsxReportWriter::write(*data, path));
        const QJsonObject dump =
            QJsonDocument::fromJson(python({script(QStringLiteral("report_xlsx_dump.py")), path})).object();
        QCOMPARE(dump.value(QStringLiteral("sheets")).toArray().size(), 3);
        const QJsonObject cells = dump.value(QStringLiteral("cells")).toObject();
        const QJsonArray summary = cells.value(QStringLiteral("Summary")).toArray();
        QCOMPARE(summary.at(0).toArray().at(0).toObject().value(QStringLiteral("v")).toString(), QStringLiteral("Sales performance report"));
        const QJsonArray byRep = cells.value(QStringLiteral("By sales rep")).toArray();
        QCOMPARE(byRep.size(), 4); // header, two reps, totals
        const QJsonObject zhaoName = byRep.at(1).toArray().at(0).toObject();
        QCOMPARE(zhaoName.value(QStringLiteral("v")).toString(), u("赵强"));
        const QJsonObject zhaoDeals = byRep.at(1).toArray().at(1).toObject();
        QCOMPARE(zhaoDeals.value(QStringLiteral("t")).toString(), QStringLiteral("number"));
        QCOMPARE(zhaoDeals.value(QStringLiteral("v")).toDouble(), 1.0);
        const QJsonObject total = byRep.at(3).toArray().at(2).toObject();
        QCOMPARE(total.value(QStringLiteral("t")).toString(), QStringLiteral("number"));
        QCOMPARE(total.value(QStringLiteral("v")).toDouble(), 3500.01);
        QCOMPARE(total.value(QStringLiteral("f")).toString(), QStringLiteral("#,##0.00"));
        const QJsonObject share = byRep.at(1).toArray().at(3).toObject();
        QCOMPARE(share.value(QStringLiteral("v")).toDouble(), 0.5714);
        QCOMPARE(share.value(QStringLiteral("f")).toString(), QStringLiteral("0.00%"));
        QCOMPARE(byRep.at(3).toArray().at(0).toObject().value(QStringLiteral("bold")).toBool(), true);
        // A native column chart per table, over the data rows (not the totals).
        const QJsonArray charts = dump.value(QStringLiteral("charts")).toArray();
        QVERIFY(charts.contains(QStringLiteral("xl/charts/chart1.xml")));
        QCOMPARE(charts.size(), 2);
        QCOMPARE(dump.value(QStringLiteral("kinds")).toArray().first().toString(), QStringLiteral("barChart"));
        QVERIFY2(dump.value(QStringLiteral("formulas")).toArray().contains(QStringLiteral("'By sales rep'!$C$2:$C$3")),
                 QJsonDocument(dump.value(QStringLiteral("formulas")).toArray()).toJson().constData());

        // Dates are dates.
        auto tasks = ReportBuilder(*db).build(x.team.li, {QStringLiteral("tasks"), march(), 0});
        QVERIFY(tasks);
        const QString tasksPath = m_dir.filePath(QStringLiteral("tasks.xlsx"));
        QVERIFY(XlsxReportWriter::write(*tasks, tasksPath));
        const QJsonObject tasksDump =
            QJsonDocument::fromJson(python({script(QStringLiteral("report_xlsx_dump.py")), tasksPath})).object();
        const QJsonObject due = tasksDump.value(QStringLiteral("cells")).toObject().value(QStringLiteral("Tasks")).toArray()
                                    .at(1).toArray().at(0).toObject();
        QCOMPARE(due.value(QStringLiteral("t")).toString(), QStringLiteral("date"));
        QCOMPARE(due.value(QStringLiteral("v")).toString(), QStringLiteral("2024-04-01"));
    }

    void commandLine()
    {
        ManualClock clock(utc("2024-02-01T00:00"));
        CRM_OPEN_DB(db, &clock);
        Company x(*db, clock);
        x.load();
        auto crm = [&](QStringList args, int *code, QString *err, const QByteArray &input = {}) {
            args << QStringLiteral("--database") << db.location;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path());
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path());
            env.remove(QStringLiteral("CRM_DATABASE"));
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
            env.remove(QStringLiteral("QT_QPA_PLATFORM")); // crm report must choose offscreen itself
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(CRM_EXE), args);
            p.waitForStarted(10000);
            p.write(input);
            p.closeWriteChannel();
            p.waitForFinished(120000);
            *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
            *err = QString::fromUtf8(p.readAllStandardError());
            return QString::fromUtf8(p.readAllStandardOutput());
        };
        const QString pdf = m_dir.filePath(QStringLiteral("cli.pdf"));
        int code = -1;
        QString err;
        QString out = crm({QStringLiteral("report"), QStringLiteral("sales"), QStringLiteral("--period"),
                           QStringLiteral("2024-03-01..2024-03-31"), QStringLiteral("--as"), QStringLiteral("li"),
                           QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("-o"), pdf},
                          &code, &err);
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(out.startsWith(QStringLiteral("Wrote the sales report (2024-03-01 to 2024-03-31, 2 tables")), qPrintable(out));
        QVERIFY(err.contains(QStringLiteral("crm: report: writing PDF")));
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.contains(QStringLiteral("Sales performance report")));
        QVERIFY(text.contains(QStringLiteral("3,500.01")));
        QVERIFY(text.contains(u("王芳")));

        const QString xlsx = m_dir.filePath(QStringLiteral("cli.xlsx"));
        out = crm({QStringLiteral("report"), QStringLiteral("customers"), QStringLiteral("--period"), QStringLiteral("90d"),
                   QStringLiteral("-o"), xlsx},
                  &code, &err);
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY(QFile::exists(xlsx));

        // Signed in with a password read from stdin: li's scope, narrowed to zhao.
        const QString zhao = m_dir.filePath(QStringLiteral("zhao.xlsx"));
        out = crm({QStringLiteral("report"), QStringLiteral("sales"), QStringLiteral("--period"), QStringLiteral("2024-03-01..2024-03-31"),
                   QStringLiteral("--user"), QStringLiteral("li"), QStringLiteral("--password-stdin"), QStringLiteral("--owner"),
                   QStringLiteral("zhao"), QStringLiteral("-o"), zhao},
                  &code, &err, "s3cret-pass\n");
        QVERIFY2(code == 0, qPrintable(err));
        const QJsonObject cells = QJsonDocument::fromJson(python({script(QStringLiteral("report_xlsx_dump.py")), zhao}))
                                      .object().value(QStringLiteral("cells")).toObject();
        const QJsonArray reps = cells.value(QStringLiteral("By sales rep")).toArray();
        QCOMPARE(reps.size(), 3); // header, zhao, totals
        QCOMPARE(reps.at(2).toArray().at(2).toObject().value(QStringLiteral("v")).toDouble(), 2000.0);
        // The customer activity report, li's scope narrowed to zhao: only zhao's three customers (none
        // contacted: load() records activities without touching last_contact_at).
        const QString engagement = m_dir.filePath(QStringLiteral("engagement.xlsx"));
        out = crm({QStringLiteral("report"), QStringLiteral("engagement"), QStringLiteral("--as"), QStringLiteral("li"),
                   QStringLiteral("--owner"), QStringLiteral("zhao"), QStringLiteral("-o"), engagement},
                  &code, &err);
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(out.startsWith(QStringLiteral("Wrote the engagement report (")), qPrintable(out));
        const QJsonArray owners = QJsonDocument::fromJson(python({script(QStringLiteral("report_xlsx_dump.py")), engagement}))
                                      .object().value(QStringLiteral("cells")).toObject().value(QStringLiteral("By owner")).toArray();
        QCOMPARE(owners.size(), 3); // header, zhao, totals
        QCOMPARE(owners.at(1).toArray().at(0).toObject().value(QStringLiteral("v")).toString(), u("赵强"));
        QCOMPARE(owners.at(2).toArray().at(1).toObject().value(QStringLiteral("v")).toDouble(), 3.0); // customers
        QCOMPARE(owners.at(2).toArray().at(6).toObject().value(QStringLiteral("v")).toDouble(), 3.0); // never contacted
        crm({QStringLiteral("report"), QStringLiteral("sales"), QStringLiteral("--user"), QStringLiteral("li"),
             QStringLiteral("--password-stdin"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("bad.pdf"))},
            &code, &err, "wrong-password\n");
        QCOMPARE(code, 1);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.pdf"))));

        // Failures: a clear message, a non-zero exit, no file.
        const QString none = m_dir.filePath(QStringLiteral("none.pdf"));
        crm({QStringLiteral("report"), QStringLiteral("sales"), QStringLiteral("--as"), QStringLiteral("wang"), QStringLiteral("-o"), none},
            &code, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("permission to generate reports")), qPrintable(err));
        QVERIFY(!QFile::exists(none));
        crm({QStringLiteral("report"), QStringLiteral("sales"), QStringLiteral("--period"), QStringLiteral("fortnight"), QStringLiteral("-o"), none},
            &code, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("Unknown period \"fortnight\"")), qPrintable(err));
        crm({QStringLiteral("report"), QStringLiteral("profit"), QStringLiteral("-o"), none}, &code, &err);
        QCOMPARE(code, 2);
        QVERIFY(err.contains(QStringLiteral("no report \"profit\"")));
    }
};

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
