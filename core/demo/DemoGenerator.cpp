#include "core/demo/DemoGenerator.h"

#include "core/search/SearchIndex.h"
#include "core/search/SearchIndexBuild.h"
#include "core/security/PasswordHasher.h"
#include "core/storage/Database.h"
#include "core/storage/RowCursor.h"
#include "core/storage/RunningTotals.h"
#include "core/storage/SqliteBulkLoad.h"

#include <QElapsedTimer>
#include <QHash>

#include <future>
#include <memory>
#include <numeric>
#include <optional>

namespace crm {

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr int kReps = 187; // + 1 director + 12 managers = 200 users

// Multipliers and offsets of the integer hashes (random constants, fixed so the data is deterministic).
constexpr qint64 kHash[][2] = {
    {795425564, 647892279},   {947876999, 207388624},   {255555737, 404285457},   {885310972, 249103477},
    {2053574602, 922121676},  {180521324, 369140570},   {1031247021, 1796035739}, {250013383, 1033639716},
    {294804716, 1823296038},  {226938843, 531725347},   {2134632750, 958804057},  {1454258844, 265695473},
    {1339319143, 1703729684}, {206492238, 949539216},   {200035544, 571981485},   {721931211, 1800188482},
    {409785426, 505913792},   {1326027820, 1324919352}, {1303143340, 776213899},  {321310449, 806899909},
    {899717633, 418461138},   {1276272276, 269676599},  {1311971681, 255985076},  {1429312984, 884585951},
    {1166042002, 1836494974}, {1769086092, 1349251823}, {1099872392, 1946412080}, {876492204, 1287489453},
    {633492027, 772092314},   {1601079114, 1048386555}, {275782303, 1289560149}, {1227850896, 2126508550},
    {1979343459, 1475216845}, {1666471824, 1927728186}, {718341636, 314395342},   {353544328, 1795823848},
    {454253418, 1469118510},  {426384298, 2100080514},  {1005590324, 168393879},  {1534982632, 333377414},
    {1741903439, 1347535308}, {830407201, 1504004731},  {1376399590, 2133201995}, {1345315469, 1959386986},
    {247667304, 401991735},   {2128687211, 1159380353}, {1118118420, 279172786},  {230286597, 1329753547},
    {1489698624, 1914012528}, {711164247, 1656961615},  {2004904516, 1490376253}, {148453507, 1982966162},
    {863353364, 721762278},   {1411939740, 502922616},  {1160197637, 253207296},  {568597629, 1234510745},
    {377756007, 1063497603},  {954478760, 1679116188},  {2068847849, 2132480060}, {273047027, 714537754},
    {1064622593, 1725048950}, {1279913224, 1193309983}, {1997052332, 588093310},  {1859390060, 1849076400},
    {432871055, 1792897786}, {319273507, 2100107590}, {1605616292, 410476005}, {406761030, 1488221266},
    {805999620, 766930710}, {742953835, 280029901}, {153417073, 274666303}, {1404021826, 1372433672},
    {1833856712, 784765296}, {1477615157, 416909072}, {1253281357, 1252684097}, {1981915726, 1464617769},
};

// A pseudo-random integer in [0, modulo) from an integer SQL expression, the same on both databases
// (64-bit integer arithmetic; keys stay below 2^33 so nothing overflows).
QString hashMod(const QString &key, int salt, qint64 modulo)
{
    Q_ASSERT(salt >= 0 && salt < int(std::size(kHash)));
    return QStringLiteral("(((") + key + QStringLiteral(") * ") + QString::number(kHash[salt][0]) + QStringLiteral(" + ")
        + QString::number(kHash[salt][1]) + QStringLiteral(") % 2147483647 % ") + QString::number(modulo)
        + QLatin1Char(')');
}

// The item at `index` (an SQL expression in [0, items.size())). Items are our own constants without quotes.
QString chooseAt(const QString &index, const QStringList &items)
{
    QString sql = QStringLiteral("(CASE ") + index;
    for (int i = 0; i < items.size(); ++i)
        sql += QStringLiteral(" WHEN ") + QString::number(i) + QStringLiteral(" THEN '") + items[i] + QLatin1Char('\'');
    return sql + QStringLiteral(" END)");
}

// One of `items` chosen by a hash of `key`.
QString choose(const QString &key, int salt, const QStringList &items)
{
    return chooseAt(hashMod(key, salt, items.size()), items);
}

// Entry `index` (an SQL expression) of a pool of entries `width` characters long ("王李张", or with
// spaces between: "深圳 上海"): one substr() where a CASE would compare with every entry in turn.
QString pickPacked(const QString &index, const char *pool, int width)
{
    const QString packed = QString::fromUtf8(pool).remove(QLatin1Char(' '));
    Q_ASSERT(packed.size() % width == 0);
    return QStringLiteral("substr('") + packed + QStringLiteral("', CAST(") + index + QStringLiteral(" AS INTEGER) * ")
        + QString::number(width) + QStringLiteral(" + 1, ") + QString::number(width) + QLatin1Char(')');
}

// A position in [0, n) that is different for every key below n: (key * a + b) mod n with a prime to n.
// Company names are made from its digits, so no two demo companies share a name (a business's
// customers are different companies; a pool of a few thousand names made four customers in five
// duplicates of another by name and company).
// 7 + 16 x 37 + 1024 x 45 + 65536 x 9: each digit of the positions of consecutive keys moves by a
// stride well away from 0 (a multiplier of 1 mod 16 listed the cities in order, id after id).
constexpr qint64 kPermuteMultiplier = 636'503;
QString permute(const QString &key, qint64 n)
{
    Q_ASSERT(std::gcd(kPermuteMultiplier, n) == 1);
    return QStringLiteral("((") + key + QStringLiteral(") * ") + QString::number(kPermuteMultiplier) + QStringLiteral(" + 7654321) % ")
        + QString::number(n);
}

// Digit `divisor` (1, radix, radix * radix ...) of a mixed-radix position: "(v / divisor % radix)".
QString digitOf(const QString &position, qint64 divisor, qint64 radix)
{
    return QStringLiteral("((") + position + QStringLiteral(") / ") + QString::number(divisor) + QStringLiteral(" % ")
        + QString::number(radix) + QLatin1Char(')');
}

QStringList split(const char *utf8)
{
    return QString::fromUtf8(utf8).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Vocabulary (space separated).
const char *kCities = "深圳 上海 北京 广州 杭州 成都 南京 武汉 苏州 西安 重庆 天津 长沙 厦门 青岛 宁波";
const char *kTrades = "科技 贸易 电子 物流 餐饮 医药 建材 教育 服装 文化 网络 实业 机械 食品 传媒 软件";
const char *kIndustries = "科技 制造 零售 医疗 教育 物流 金融 餐饮 地产 能源";
// The staff's given names (200 users, their surnames the first 40 of kSurnamePool below).
constexpr int kStaffSurnames = 40;
const char *kGiven = "伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 文 华 建华 晓明 子涵 欣怡 浩然 一鸣 思远 雨桐 佳怡 俊杰";
const char *kEnSuffix = "Ltd Co. Inc. Group Limited";

// Packed pools of one-character entries (see pickPacked), for customers' and contacts' names: a
// brand is two characters (64 x 64; no character in both lists, so none doubles), a person one of 80
// surnames and one or two given characters.
// The cities and trades above are packed the same way, two characters each.
const char *kBrandFirst = "星金天博新嘉锦中东联宏启云鼎汇安永和国百佳润亿万精卓鸿昌兴富宝飞龙凤福美荣耀晨旭蓝银正益晋韵骏驰豪璟琪瀚沣坤颂铭麟灿瑜琦泓岚峻霖";
const char *kBrandSecond = "河信通航桥丰成达元禾程诚方世创图纳明帆盛晟科源辉宇腾鑫邦欣康泰业峰隆翔利杰瑞恒远辰海川森林阳光华茂祥昊阔锐晖裕弘毅德展拓捷越衡策";
const char *kSurnamePool = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯";
const char *kGivenPool = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚文华辉鑫宇浩然婷雪琳欣怡晨阳嘉睿泽思远雨桐佳俊凯峰斌波毅飞鹏健瑶玲颖倩慧萍红梅兰英秀志国";
constexpr int kBrandChars = 64, kSurnameCount = 80, kGivenChars = 64, kCityCount = 16, kTradeCount = 16;

const char *kEnFirst = "James Mary Robert Linda Michael Sarah David Emma Daniel Olivia Thomas Sophia Kevin Grace Brian Chloe"
                       " William Emily Richard Anna Joseph Lucy Charles Alice Peter Helen Mark Laura Paul Julia Steven Nancy";
const char *kEnLast = "Smith Johnson Brown Miller Wilson Taylor Clark Lewis Walker Young Allen King Wright Scott Green Baker"
                      " Adams Hill Moore White Harris Martin Thompson Robinson Hall Wood Turner Parker Evans Collins Bennett Cooper";
const char *kEnBrandFirst = "North Blue Silver Green Bright Clear Swift Star Sun Moon Sky Ocean River Silk Iron Gold"
                            " Oak Pine Maple Cedar Eagle Falcon Lion Tiger Wolf Fox Bear Summit Harbor Bay Peak Red";
const char *kEnBrandSecond = "wind field stone bridge gate way point line wave light works craft core path view crest"
                             " ridge brook wood land port spring vale dale forge mark well side ford haven rock tech";
const char *kEnTrades = "Trading Electronics Logistics Foods Software Medical Textiles Robotics";
// kCities in English, in the same order.
const char *kEnCities = "Shenzhen Shanghai Beijing Guangzhou Hangzhou Chengdu Nanjing Wuhan Suzhou Xian Chongqing Tianjin"
                        " Changsha Xiamen Qingdao Ningbo";

// One region for each of kCities, in the same order: a Chinese company's office is in the city its
// name starts with (an English company's in the city in its name).
struct Region
{
    const char *province, *city, *districts, *streets; // two districts, a street in each
};
const Region kRegions[] = {
    {"广东省", "深圳市", "南山区 福田区", "科技园路 深南大道"}, {"上海市", "上海市", "浦东新区 徐汇区", "世纪大道 漕溪北路"},
    {"北京市", "北京市", "海淀区 朝阳区", "中关村大街 建国路"},  {"广东省", "广州市", "天河区 越秀区", "天河路 中山五路"},
    {"浙江省", "杭州市", "西湖区 滨江区", "文三路 江南大道"},    {"四川省", "成都市", "武侯区 锦江区", "天府大道 春熙路"},
    {"江苏省", "南京市", "鼓楼区 建邺区", "中山路 江东中路"},    {"湖北省", "武汉市", "洪山区 江汉区", "珞喻路 解放大道"},
    {"江苏省", "苏州市", "工业园区 姑苏区", "星湖街 人民路"},    {"陕西省", "西安市", "雁塔区 碑林区", "高新路 南大街"},
    {"重庆市", "重庆市", "渝北区 江北区", "金开大道 建新北路"},  {"天津市", "天津市", "和平区 南开区", "南京路 鞍山西道"},
    {"湖南省", "长沙市", "岳麓区 天心区", "麓山南路 芙蓉中路"},  {"福建省", "厦门市", "思明区 湖里区", "鹭江道 湖里大道"},
    {"山东省", "青岛市", "市南区 崂山区", "香港中路 海尔路"},    {"浙江省", "宁波市", "鄞州区 海曙区", "天童南路 中山西路"},
};
static_assert(std::size(kRegions) == kCityCount);

// Part of the region at `index` (an SQL expression in [0, 16)): 0 province, 1 city, 2 one of its
// districts by a hash of `key`.
QString regionPart(const QString &index, int part, const QString &key)
{
    QStringList items;
    for (const Region &r : kRegions) {
        if (part == 2)
            items += split(r.districts);
        else
            items << QString::fromUtf8(part == 0 ? r.province : r.city);
    }
    return part == 2 ? chooseAt(QStringLiteral("(") + index + QStringLiteral(") * 2 + ") + hashMod(key, 74, 2), items)
                     : chooseAt(index, items);
}

// The street in the district regionPart() chose for `key`, of the city in `cityColumn`.
QString streetIn(const QString &cityColumn, const QString &key)
{
    QString sql = QStringLiteral("(CASE ") + cityColumn;
    for (const Region &r : kRegions)
        sql += QStringLiteral(" WHEN '") + QString::fromUtf8(r.city) + QStringLiteral("' THEN ") + choose(key, 74, split(r.streets));
    return sql + QStringLiteral(" END)");
}

// A Chinese person's name: a surname and, one time in four, one given character, else two (salts
// salt, salt + 1, more and more + 1).
QString personName(const QString &key, int salt, int more)
{
    return pickPacked(hashMod(key, salt, kSurnameCount), kSurnamePool, 1) + QStringLiteral(" || ")
        + pickPacked(hashMod(key, salt + 1, kGivenChars), kGivenPool, 1) + QStringLiteral(" || (CASE WHEN ")
        + hashMod(key, more, 4) + QStringLiteral(" = 0 THEN '' ELSE ") + pickPacked(hashMod(key, more + 1, kGivenChars), kGivenPool, 1)
        + QStringLiteral(" END)");
}

// A brand of two characters chosen by hashes (salts salt and salt + 1).
QString brandName(const QString &key, int salt)
{
    return pickPacked(hashMod(key, salt, kBrandChars), kBrandFirst, 1) + QStringLiteral(" || ")
        + pickPacked(hashMod(key, salt + 1, kBrandChars), kBrandSecond, 1);
}

// The position whose digits make a Chinese company's name (see chineseCompanyName).
QString chineseCompanyPosition(const QString &key)
{
    return permute(key, qint64(kCityCount) * kBrandChars * kBrandChars * kTradeCount);
}

// The index in kCities (and kRegions) of the city a Chinese company's name starts with.
QString chineseCompanyCity(const QString &key)
{
    return digitOf(chineseCompanyPosition(key), 1, kCityCount);
}

// "深圳星河科技有限公司": city, brand, trade, each customer key its own combination (unique below
// 16 x 64 x 64 x 16 = 1,048,576 keys); one in ten a joint-stock company.
QString chineseCompanyName(const QString &key)
{
    const QString v = chineseCompanyPosition(key);
    return pickPacked(chineseCompanyCity(key), kCities, 2) + QStringLiteral(" || ")
        + pickPacked(digitOf(v, kCityCount, kBrandChars), kBrandFirst, 1) + QStringLiteral(" || ")
        + pickPacked(digitOf(v, kCityCount * kBrandChars, kBrandChars), kBrandSecond, 1) + QStringLiteral(" || ")
        + pickPacked(digitOf(v, kCityCount * kBrandChars * kBrandChars, kTradeCount), kTrades, 2)
        + QStringLiteral(" || (CASE WHEN ") + hashMod(key, 3, 10) + QStringLiteral(" = 0 THEN '股份有限公司' ELSE '有限公司' END)");
}

// "Northwind Trading (Shanghai) Ltd": the city, the brand's two words, trade and suffix are the
// digits of a position, unique below 16 x 32 x 32 x 8 x 5 = 655,360 keys.
constexpr qint64 kEnglishCompanyNames = qint64(kCityCount) * 32 * 32 * 8 * 5;

QString englishCompanyPosition(const QString &key)
{
    return permute(key, kEnglishCompanyNames);
}

// The index in kCities (and kRegions) of the city in an English company's name.
QString englishCompanyCity(const QString &key)
{
    return digitOf(englishCompanyPosition(key), 1, kCityCount);
}

QString englishCompanyName(const QString &key)
{
    const QString v = englishCompanyPosition(key);
    qint64 divisor = kCityCount; // the city is the first digit
    auto digit = [&](const char *words) {
        const QStringList items = split(words);
        const QString sql = chooseAt(digitOf(v, divisor, items.size()), items);
        divisor *= items.size();
        return sql;
    };
    const QString brand = digit(kEnBrandFirst) + QStringLiteral(" || ") + digit(kEnBrandSecond);
    const QString trade = digit(kEnTrades), suffix = digit(kEnSuffix);
    Q_ASSERT(divisor == kEnglishCompanyNames && split(kEnCities).size() == kCityCount);
    return brand + QStringLiteral(" || ' ' || ") + trade + QStringLiteral(" || ' (' || ")
        + chooseAt(englishCompanyCity(key), split(kEnCities)) + QStringLiteral(" || ') ' || ") + suffix;
}

// Constants as 64-bit integers: PostgreSQL computes 30 * 86400000 in 32 bits and overflows.
QString bigint(qint64 value)
{
    return QStringLiteral("CAST(") + QString::number(value) + QStringLiteral(" AS BIGINT)");
}

QString fill(QString sql, const QHash<QString, QString> &values)
{
    for (auto it = values.begin(); it != values.end(); ++it)
        sql.replace(it.key(), it.value());
    return sql;
}

class Run
{
public:
    // `search`: where SQLite's keyword index is built (null on PostgreSQL).
    Run(Database &db, const DemoOptions &options, SearchIndexBuild *search)
        : m_db(db), m_options(options), m_search(search), m_now(db.clock().nowMs())
    {
    }

    Status execute(const QString &sql)
    {
        return m_db.execSql(fill(sql, m_values));
    }

    Result<qint64> scalar(const QString &sql)
    {
        QSqlQuery q = m_db.prepare(fill(sql, m_values));
        if (Status st = m_db.exec(q); !st)
            return st.error();
        if (!q.next())
            return Error::internal();
        return q.value(0).toLongLong();
    }

    Result<DemoReport> generate(const QString &passwordHash)
    {
        const bool lite = m_db.isSqlite();
        m_values = {
            {QStringLiteral("{now}"), QString::number(m_now)},
            {QStringLiteral("{n}"), QString::number(m_options.customers)},
            {QStringLiteral("{reps}"), QString::number(kReps)},
            {QStringLiteral("{temp}"), lite ? QStringLiteral("TEMP") : QStringLiteral("TEMPORARY")},
            {QStringLiteral("{minute}"), bigint(kMinute)},
            {QStringLiteral("{hour}"), bigint(kHour)},
            {QStringLiteral("{day}"), bigint(kDay)},
            // After a FROM subquery's ORDER BY: neither database flattens a subquery with an OFFSET.
            {QStringLiteral("{fence}"), lite ? QStringLiteral("LIMIT -1 OFFSET 0") : QStringLiteral("OFFSET 0")},
        };
        if (Status st = createScratchTables(); !st)
            return st.error();
        auto indexes = dropBulkIndexes();
        if (!indexes)
            return indexes.error();
        // The running totals' triggers would update a counter row per activity and deal written; the
        // totals are computed once at the end instead.
        auto triggers = RunningTotals::dropTriggers(m_db);
        if (!triggers)
            return triggers.error();
        DemoReport report;
        if (Status st = createUsers(passwordHash, report); !st)
            return st.error();
        // On SQLite the keyword index is built beside the load (SearchIndexBuild): its texts are read
        // once the customers and their tags exist, and it is put in place after the tasks. A step
        // without a function does not apply to this store and is not reported.
        using Step = std::function<Status()>;
        const QList<std::pair<const char *, Step>> steps = {
            {"customers", [&] { return createCustomers(); }},
            {"customer children", [&] { return createCustomerChildren(); }},
            {"search texts", m_search ? Step([&] { return startSearchBuild(); }) : Step()},
            {"opportunities", [&] { return createOpportunities(); }},
            {"activities", [&] { return createActivities(); }},
            {"tasks", [&] { return createTasks(); }},
            {"leads", [&] { return createLeads(); }},
            {"campaigns", [&] { return createCampaigns(); }},
            {"search index", [&] { return m_search ? m_search->install() : indexSearch(); }},
            {"indexes", [&] { return SqliteBulkLoad::createIndexes(m_db, *indexes); }},
            {"running totals", [&] { return restoreTotals(*triggers); }},
            {"cleanup", [&] { return dropScratchTables(); }},
            // PostgreSQL plans from statistics, and freshly loaded tables read as empty until autovacuum
            // analyses them: measured at 1M customers, a team lead's dashboard took 237 ms before and
            // 30 ms after, the pipeline summary 33 ms and 4.6 ms. (VACUUM follows after the commit.)
            {"statistics", m_db.isSqlite() ? Step() : Step([&] { return m_db.execSql(QStringLiteral("ANALYZE")); })},
        };
        QElapsedTimer timer;
        timer.start();
        for (const auto &[name, step] : steps) {
            if (!step)
                continue;
            if (Status st = step(); !st)
                return st.error();
            report.steps.append({QLatin1String(name), timer.restart()});
        }
        const std::pair<const char *, qint64 *> counts[] = {{"customers", &report.customers}, {"contacts", &report.contacts},
                                                            {"opportunities", &report.opportunities},
                                                            {"activities", &report.activities}, {"tasks", &report.tasks},
                                                            {"leads", &report.leads}, {"campaigns", &report.campaigns},
                                                            {"campaign_participants", &report.participants},
                                                            {"feedback", &report.feedback}};
        for (const auto &[table, target] : counts) {
            auto n = scalar(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table));
            if (!n)
                return n.error();
            *target = *n;
        }
        return report;
    }

private:
    Status createScratchTables()
    {
        const QString seq = m_db.isSqlite()
            ? QStringLiteral("INSERT INTO demo_seq (i) WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n})"
                             " SELECT i FROM s")
            : QStringLiteral("INSERT INTO demo_seq (i) SELECT i FROM generate_series(1, {n}) AS s(i)");
        for (const QString &sql : {
                 QStringLiteral("CREATE {temp} TABLE demo_seq (i BIGINT PRIMARY KEY)"),
                 seq,
                 QStringLiteral("CREATE {temp} TABLE demo_reps (n BIGINT PRIMARY KEY, user_id BIGINT NOT NULL)"),
                 QStringLiteral("CREATE {temp} TABLE demo_k (k BIGINT PRIMARY KEY)"),
                 QStringLiteral("CREATE {temp} TABLE demo_tags (n BIGINT PRIMARY KEY, tag_id BIGINT NOT NULL)"),
             }) {
            if (Status st = execute(sql); !st)
                return st;
        }
        for (int k = 0; k < m_options.activitiesPerCustomer; ++k) {
            if (Status st = execute(QStringLiteral("INSERT INTO demo_k (k) VALUES (") + QString::number(k) + QLatin1Char(')')); !st)
                return st;
        }
        return {};
    }

    // Building an index once over sorted data is several times faster than updating it row by row,
    // so the secondary indexes of the tables filled here are dropped first and rebuilt at the end
    // from their own definitions (the whole run is one transaction: a failure restores them).
    // On SQLite the indexes whose keys this load writes in ascending order stay: the rows of each
    // table below come in customer order (activities newest first, as activities_customer sorts
    // them), so SQLite adds each entry on the index's last page. At 1M customers the index step
    // took 2-3.5 s less and the steps writing those rows 1-2.5 s more (bench/README.md).
    Result<QStringList> dropBulkIndexes()
    {
        static const QStringList keptInOrder = {QStringLiteral("customer_phones_customer"), QStringLiteral("customer_emails_customer"),
                                                QStringLiteral("customer_addresses_customer"), QStringLiteral("contacts_customer"),
                                                QStringLiteral("opportunities_customer"), QStringLiteral("activities_customer"),
                                                QStringLiteral("tasks_customer"), QStringLiteral("follow_ups_customer")};
        const QString tables = QStringLiteral("('customers', 'customer_phones', 'customer_emails', 'customer_addresses',"
                                              " 'customer_tags', 'customer_group_members', 'contacts', 'opportunities',"
                                              " 'opportunity_stage_history', 'activities', 'tasks', 'follow_ups')");
        QSqlQuery q = m_db.prepare(m_db.isSqlite()
            ? QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                             " AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ") + tables
            : QStringLiteral("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                             " AND indexdef NOT LIKE 'CREATE UNIQUE%' AND tablename IN ") + tables);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        QStringList names, definitions;
        while (q.next()) {
            if (m_db.isSqlite() && keptInOrder.contains(q.value(0).toString()))
                continue;
            names.append(q.value(0).toString());
            definitions.append(q.value(1).toString());
        }
        q.finish();
        for (const QString &name : names) {
            if (Status st = m_db.execSql(QStringLiteral("DROP INDEX ") + name); !st)
                return st.error();
        }
        return definitions;
    }

    Status restoreTotals(const QStringList &triggers)
    {
        for (const QString &sql : triggers)
            if (Status st = m_db.execSql(sql); !st)
                return st;
        return RunningTotals::refill(m_db);
    }

    Status dropScratchTables()
    {
        for (const char *t : {"demo_seq", "demo_reps", "demo_k", "demo_tags", "demo_links"}) {
            if (Status st = execute(QStringLiteral("DROP TABLE ") + QLatin1String(t)); !st)
                return st;
        }
        return {};
    }

    Result<qint64> insertReturningId(const QString &sql, const QVariantList &values)
    {
        QSqlQuery q = m_db.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        return id;
    }

    Result<qint64> department(const QString &name, qint64 parentId)
    {
        return insertReturningId(QStringLiteral("INSERT INTO departments (name, parent_id, created_at) VALUES (?, ?, ?) RETURNING id"),
                                 {name, parentId ? QVariant(parentId) : QVariant(QMetaType(QMetaType::LongLong)), m_now});
    }

    Result<qint64> user(const QString &username, const QString &displayName, const QString &role, qint64 managerId,
                        qint64 departmentId, const QString &departmentName, const QString &hash, DemoReport &report)
    {
        report.users.append({username, displayName, role, departmentName});
        return insertReturningId(
            QStringLiteral("INSERT INTO users (username, display_name, password_hash, active, manager_id, department_id, role_id,"
                           " created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, (SELECT id FROM roles WHERE name = ?), ?, ?)"
                           " RETURNING id"),
            {username, displayName, hash, managerId ? QVariant(managerId) : QVariant(QMetaType(QMetaType::LongLong)),
             departmentId, role, m_now, m_now});
    }

    // Sales centre -> 4 regions -> 8 teams; a director, 4 regional managers, 8 team leads, 187 reps.
    Status createUsers(const QString &hash, DemoReport &report)
    {
        const QString surnames = QString::fromUtf8(kSurnamePool).first(kStaffSurnames);
        const QStringList given = split(kGiven);
        int nameIndex = 0;
        auto nextName = [&]() -> QString {
            const int i = nameIndex++;
            return surnames[(i * 7) % surnames.size()] + given[(i * 11 + i / surnames.size()) % given.size()];
        };
        const QString centreName = QStringLiteral("销售中心");
        auto centre = department(centreName, 0);
        if (!centre)
            return centre.error();
        auto director = user(QStringLiteral("director"), nextName(), QStringLiteral("manager"), 0, *centre, centreName, hash, report);
        if (!director)
            return director.error();
        const QStringList regions = split("华东大区 华南大区 华北大区 西南大区");
        const QStringList teams = split("上海一组 杭州组 深圳一组 广州组 北京一组 天津组 成都组 重庆组");
        QVector<std::pair<qint64, qint64>> teamLeads; // (department, lead user)
        int managerNo = 1;
        auto managerName = [&] { return QStringLiteral("manager%1").arg(managerNo++, 2, 10, QLatin1Char('0')); };
        for (int r = 0; r < regions.size(); ++r) {
            auto dept = department(regions[r], *centre);
            if (!dept)
                return dept.error();
            auto regional = user(managerName(), nextName(), QStringLiteral("manager"), *director, *dept, regions[r], hash, report);
            if (!regional)
                return regional.error();
            for (int t = 0; t < 2; ++t) {
                const QString teamName = teams[r * 2 + t];
                auto team = department(teamName, *dept);
                if (!team)
                    return team.error();
                // Team leads are numbered after the regional managers.
                const int saved = managerNo;
                managerNo = 5 + r * 2 + t;
                auto lead = user(managerName(), nextName(), QStringLiteral("manager"), *regional, *team, teamName, hash, report);
                managerNo = saved;
                if (!lead)
                    return lead.error();
                teamLeads.append({*team, *lead});
            }
        }
        for (int i = 0; i < kReps; ++i) {
            const auto [dept, lead] = teamLeads[i % teamLeads.size()];
            const QString username = QStringLiteral("rep%1").arg(i + 1, 3, 10, QLatin1Char('0'));
            auto rep = user(username, nextName(), QStringLiteral("rep"), lead, dept, teams[i % teams.size()], hash, report);
            if (!rep)
                return rep.error();
            QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO demo_reps (n, user_id) VALUES (?, ?)"));
            q.addBindValue(i);
            q.addBindValue(*rep);
            if (Status st = m_db.exec(q); !st)
                return st;
        }
        return {};
    }

    Status createCustomers()
    {
        const QString k = QStringLiteral("x.i");
        const QString cnCompany = chineseCompanyName(k);
        const QString enCompany = englishCompanyName(k);
        const QString cnPerson = personName(k, 4, 64);
        // A company's office is in the city of its name; people live anywhere.
        const QString region = QStringLiteral("(CASE WHEN x.company = 1 THEN (CASE WHEN x.english = 1 THEN ") + englishCompanyCity(k)
            + QStringLiteral(" ELSE ") + chineseCompanyCity(k) + QStringLiteral(" END) ELSE ") + hashMod(k, 9, kCityCount)
            + QStringLiteral(" END)");
        const QString enPerson = choose(k, 4, split(kEnFirst)) + QStringLiteral(" || ' ' || ") + choose(k, 5, split(kEnLast));
        const QString sql = QStringLiteral(
            "INSERT INTO customers (name, kind, gender, industry, company, position, source, status, level, phone, email,"
            " province, city, district, owner_id, created_by, created_at, updated_at, last_contact_at, pool_since, notes)"
            " SELECT CASE WHEN x.company = 1 THEN (CASE WHEN x.english = 1 THEN {enCompany} ELSE {cnCompany} END)"
            "             ELSE (CASE WHEN x.english = 1 THEN {enPerson} ELSE {cnPerson} END) END,"
            "  CASE WHEN x.company = 1 THEN 'company' ELSE 'person' END,"
            "  CASE WHEN x.company = 1 THEN NULL ELSE {gender} END,"
            "  {industry},"
            "  CASE WHEN x.company = 1 THEN NULL ELSE {personCompany} END,"
            "  CASE WHEN x.company = 1 THEN NULL ELSE {position} END,"
            "  {source}, {status}, {level},"
            "  '1' || {phonePrefix} || CAST(10000000 + {phoneTail} AS TEXT),"
            "  CASE WHEN x.company = 1 OR x.english = 1 THEN 'contact' || CAST(x.i AS TEXT) || '@demo.example.com' ELSE NULL END,"
            "  {province}, {city}, {district},"
            "  CASE WHEN x.pool = 1 THEN NULL ELSE r.user_id END, r.user_id, x.created, x.contacted, x.contacted,"
            "  CASE WHEN x.pool = 1 THEN x.contacted + 30 * {day} ELSE NULL END, NULL"
            " FROM (SELECT s.i, CASE WHEN {companyHash} < 7 THEN 1 ELSE 0 END AS company,"
            "              CASE WHEN {englishHash} = 0 THEN 1 ELSE 0 END AS english,"
            "              CASE WHEN {poolHash} = 0 THEN 1 ELSE 0 END AS pool,"
            "              {now} - {hour} - {ageHours} * {hour} AS created,"
            "              {now} - {hour} - {ageHours} * {hour} + ({ageHours} * {hour}) * {contactShare} / 100 AS contacted,"
            "              {repHash} AS rep"
            "       FROM demo_seq s) x"
            " JOIN demo_reps r ON r.n = x.rep ORDER BY x.i");
        return execute(fill(sql, {
            {QStringLiteral("{enCompany}"), enCompany},
            {QStringLiteral("{cnCompany}"), cnCompany},
            {QStringLiteral("{enPerson}"), enPerson},
            {QStringLiteral("{cnPerson}"), cnPerson},
            {QStringLiteral("{gender}"), choose(k, 6, split("male female"))},
            {QStringLiteral("{industry}"), choose(k, 7, split(kIndustries))},
            {QStringLiteral("{personCompany}"), choose(k, 8, split(kCities)) + QStringLiteral(" || ") + brandName(k, 70)
                                                    + QStringLiteral(" || '集团'")},
            {QStringLiteral("{position}"), choose(k, 11, split("经理 主管 工程师 店长 老师 医生 设计师 会计 律师 自由职业"))},
            {QStringLiteral("{source}"), choose(k, 12, split("douyin-feed store-walk-in referral website exhibition wechat cold-call"))},
            {QStringLiteral("{status}"), choose(k, 13, split("prospect prospect new active active active loyal at_risk lost"))},
            {QStringLiteral("{level}"), choose(k, 14, split("A B B C C C D D"))},
            {QStringLiteral("{phonePrefix}"), choose(k, 15, split("3 5 7 8 9"))
                                                  + QStringLiteral(" || CAST(") + hashMod(k, 16, 10) + QStringLiteral(" AS TEXT)")},
            {QStringLiteral("{phoneTail}"), hashMod(k, 17, 90'000'000)},
            {QStringLiteral("{province}"), regionPart(region, 0, k)},
            {QStringLiteral("{city}"), regionPart(region, 1, k)},
            {QStringLiteral("{district}"), regionPart(region, 2, k)},
            {QStringLiteral("{companyHash}"), hashMod(QStringLiteral("s.i"), 18, 10)},
            {QStringLiteral("{englishHash}"), hashMod(QStringLiteral("s.i"), 19, 10)},
            {QStringLiteral("{poolHash}"), hashMod(QStringLiteral("s.i"), 20, 10)},
            {QStringLiteral("{ageHours}"), hashMod(QStringLiteral("s.i"), 21, 730 * 24)},
            // Below 100: a share of 100 put one customer in a hundred at exactly an hour ago, a block of
            // identical times at the top of the list's default order.
            {QStringLiteral("{contactShare}"), hashMod(QStringLiteral("s.i"), 22, 100)},
            {QStringLiteral("{repHash}"), hashMod(QStringLiteral("s.i"), 23, kReps)},
        }));
    }

    Status createCustomerChildren()
    {
        const QString k = QStringLiteral("c.id");
        const QStringList tags = split("VIP客户 重点跟进 老客户 渠道伙伴 价格敏感 决策人已接触 待回访 展会客户");
        for (int i = 0; i < tags.size(); ++i) {
            if (Status st = execute(QStringLiteral("INSERT INTO tags (name) VALUES ('") + tags[i]
                                    + QStringLiteral("') ON CONFLICT (name) DO NOTHING"));
                !st)
                return st;
            if (Status st = execute(QStringLiteral("INSERT INTO demo_tags (n, tag_id) SELECT ") + QString::number(i)
                                    + QStringLiteral(", id FROM tags WHERE name = '") + tags[i] + QLatin1Char('\''));
                !st)
                return st;
        }
        const QStringList statements = {
            // The company's own customer fields (none required, and no values: the desktop and the
            // reps' app show and edit them; an export gets a column each).
            QStringLiteral("INSERT INTO custom_field_defs (entity, field_key, label, field_type, options, required, position) VALUES"
                           " ('customer', 'budget', '预算（万元）', 'number', '[]', 0, 1),"
                           " ('customer', 'decision_maker', '决策人', 'text', '[]', 0, 2),"
                           " ('customer', 'company_size', '企业规模', 'choice', '[\"1-49人\",\"50-199人\",\"200-999人\",\"1000人以上\"]', 0, 3),"
                           " ('customer', 'signing_intent', '有签约意向', 'bool', '[]', 0, 4),"
                           " ('customer', 'next_visit', '下次拜访', 'date', '[]', 0, 5)"
                           " ON CONFLICT (entity, field_key) DO NOTHING"),
            QStringLiteral("INSERT INTO customer_groups (name) VALUES ('重点客户') ON CONFLICT (name) DO NOTHING"),
            QStringLiteral("INSERT INTO customer_phones (customer_id, phone, label, is_primary)"
                           " SELECT id, phone, 'mobile', 1 FROM customers ORDER BY id"),
            QStringLiteral("INSERT INTO customer_emails (customer_id, email, label, is_primary)"
                           " SELECT id, email, 'work', 1 FROM customers WHERE email IS NOT NULL ORDER BY id"),
            QStringLiteral("INSERT INTO customer_addresses (customer_id, label, province, city, district, street, number, is_primary)"
                           " SELECT c.id, CASE WHEN c.kind = 'company' THEN 'office' ELSE 'home' END, c.province, c.city, c.district, ")
                + streetIn(QStringLiteral("c.city"), k) + QStringLiteral(", CAST(1 + ") + hashMod(k, 25, 300)
                + QStringLiteral(" AS TEXT) || '号', 1 FROM customers c ORDER BY c.id"),
            QStringLiteral("INSERT INTO customer_tags (customer_id, tag_id) SELECT c.id, t.tag_id FROM customers c"
                           " JOIN demo_tags t ON t.n = ") + hashMod(k, 26, tags.size())
                + QStringLiteral(" WHERE ") + hashMod(k, 27, 10) + QStringLiteral(" < 3 ORDER BY c.id"),
            QStringLiteral("INSERT INTO customer_group_members (customer_id, group_id) SELECT c.id, g.id FROM customers c"
                           " JOIN customer_groups g ON g.name = '重点客户' WHERE c.level = 'A' ORDER BY c.id"),
            QStringLiteral("INSERT INTO contacts (customer_id, name, position, relationship, phone, email, is_primary, created_at, updated_at)"
                           " SELECT c.id, ") + personName(k, 28, 66) + QStringLiteral(", ")
                + choose(k, 30, split("总经理 采购经理 财务总监 技术负责人 行政主管 市场总监"))
                + QStringLiteral(", ") + choose(k, 31, split("决策人 影响者 使用者 联系人"))
                + QStringLiteral(", '1' || CAST(3800000000 + ") + hashMod(k, 29, 99'999'999)
                + QStringLiteral(" AS TEXT), NULL, 1, c.created_at, c.created_at FROM customers c WHERE c.kind = 'company' ORDER BY c.id"),
        };
        for (const QString &sql : statements) {
            if (Status st = execute(sql); !st)
                return st;
        }
        return {};
    }

    // About 30% of owned customers have an opportunity in the default pipeline: 30% of those won,
    // 15% lost, the rest open across the open stages, each with the stage history that led there.
    Status createOpportunities()
    {
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT s.position, s.kind FROM stages s JOIN pipelines p ON p.id = s.pipeline_id"
                                                  " WHERE p.is_default = 1 ORDER BY s.position"));
        if (Status st = m_db.exec(q); !st)
            return st;
        int openCount = 0, wonPos = -1, lostPos = -1, position = 0;
        while (q.next()) {
            const QString kind = q.value(1).toString();
            if (q.value(0).toInt() != position++)
                return Error::internal(QStringLiteral("The default pipeline's stage positions are not contiguous"));
            if (kind == QLatin1String("open") && wonPos < 0 && lostPos < 0)
                ++openCount;
            else if (kind == QLatin1String("won"))
                wonPos = q.value(0).toInt();
            else if (kind == QLatin1String("lost"))
                lostPos = q.value(0).toInt();
        }
        q.finish();
        if (openCount == 0 || wonPos < 0 || lostPos < 0)
            return Error::internal(QStringLiteral("The default pipeline needs open, won and lost stages"));

        const QString k = QStringLiteral("c.id");
        // 0-5 won, 9 open (a stale deal nobody closed), else lost: a win rate of about a third.
        const QString outcome = hashMod(k, 32, 20);
        // Opportunity created some time after the customer; a sales cycle of 5 to 95 days.
        const QString created = QStringLiteral("(c.created_at + (c.last_contact_at - c.created_at) * ") + hashMod(k, 34, 60)
            + QStringLiteral(" / 100)");
        const QString cycleEnd = QStringLiteral("(") + created + QStringLiteral(" + (5 + ") + hashMod(k, 35, 91)
            + QStringLiteral(") * {day})");
        // A deal whose cycle runs past now is still open, whatever its outcome was to be, and was last
        // touched some time between its creation and now. (Closing them all now made one day's won
        // value dwarf the rest of the dashboard's chart; closing them before now, a rising trend.) So
        // the open pipeline is mostly recent deals, with a few stale ones.
        const QString late = QStringLiteral("(") + cycleEnd + QStringLiteral(" >= {now})");
        const QString won = QStringLiteral("(") + outcome + QStringLiteral(" < 6 AND NOT ") + late + QLatin1Char(')');
        const QString lost = QStringLiteral("(") + outcome + QStringLiteral(" <> 9 AND NOT ") + late + QLatin1Char(')');
        const QString reached = QStringLiteral("(CASE WHEN ") + won + QStringLiteral(" THEN ") + QString::number(openCount - 1)
            + QStringLiteral(" ELSE ") + hashMod(k, 33, openCount) + QStringLiteral(" END)");
        const QString finalPos = QStringLiteral("(CASE WHEN ") + won + QStringLiteral(" THEN ") + QString::number(wonPos)
            + QStringLiteral(" WHEN ") + lost + QStringLiteral(" THEN ") + QString::number(lostPos) + QStringLiteral(" ELSE ")
            + reached + QStringLiteral(" END)");
        const QString end = QStringLiteral("(CASE WHEN ") + late + QStringLiteral(" THEN ") + created + QStringLiteral(" + ({now} - ")
            + created + QStringLiteral(") * (1 + ") + hashMod(k, 53, 99) + QStringLiteral(") / 100 ELSE ") + cycleEnd
            + QStringLiteral(" END)");
        const QString step = QStringLiteral("((") + end + QStringLiteral(" - ") + created + QStringLiteral(") / (") + reached
            + QStringLiteral(" + 1))");
        const QString dateText = m_db.isSqlite() ? QStringLiteral("date(%1 / 1000, 'unixepoch')")
                                                 : QStringLiteral("to_char(to_timestamp(%1 / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD')");
        const QString opportunitySql = QStringLiteral(
            "INSERT INTO opportunities (customer_id, pipeline_id, stage_id, name, amount_minor, currency, probability,"
            " expected_close_date, status, loss_reason, owner_id, created_at, updated_at, closed_at, stage_entered_at)"
            " SELECT c.id, s.pipeline_id, s.id, {title}, (1 + {amount}) * 500000, 'CNY', s.probability, {closeDate},"
            "  CASE WHEN s.kind = 'open' THEN 'open' ELSE s.kind END,"
            "  CASE WHEN s.kind = 'lost' THEN {lossReason} ELSE NULL END,"
            "  c.owner_id, {created}, {end}, CASE WHEN s.kind = 'open' THEN NULL ELSE {end} END,"
            "  CASE WHEN s.kind = 'open' THEN {created} + {reached} * {step} ELSE {end} END"
            " FROM customers c JOIN pipelines p ON p.is_default = 1"
            " JOIN stages s ON s.pipeline_id = p.id AND s.position = {finalPos}"
            " WHERE c.owner_id IS NOT NULL AND {hasOpportunity} < 3 ORDER BY c.id");
        const QHash<QString, QString> parts = {
            {QStringLiteral("{title}"), choose(k, 36, split("ERP升级项目 年度采购 设备更新 软件许可 培训服务 维保续约 新店开业 渠道合作"))},
            {QStringLiteral("{amount}"), hashMod(k, 37, 200)},
            // Won and lost deals expected to close when they did; open ones mostly in the next three
            // months, one in ten already past the date (a deal that slipped) by one day to two months,
            // as a pipeline has them.
            {QStringLiteral("{closeDate}"), QStringLiteral("CASE WHEN s.kind = 'open' THEN ") +
                                                dateText.arg(QStringLiteral("({now} + (CASE WHEN ") + hashMod(k, 49, 100) +
                                                             QStringLiteral(" < 10 THEN -1 - ") + hashMod(k, 52, 60) +
                                                             QStringLiteral(" ELSE ") + hashMod(k, 49, 100) +
                                                             QStringLiteral(" - 10 END) * {day})")) +
                                                QStringLiteral(" ELSE ") + dateText.arg(end) + QStringLiteral(" END")},
            {QStringLiteral("{lossReason}"), choose(k, 38, split("价格太高 选择了竞争对手 预算不足 项目搁置 时机不对"))},
            {QStringLiteral("{created}"), created},
            {QStringLiteral("{end}"), end},
            {QStringLiteral("{step}"), step},
            {QStringLiteral("{reached}"), reached},
            {QStringLiteral("{finalPos}"), finalPos},
            {QStringLiteral("{hasOpportunity}"), hashMod(k, 39, 10)},
        };
        if (Status st = execute(fill(opportunitySql, parts)); !st)
            return st;
        // History: one row per open stage reached (the first from nothing), then the closing row.
        const QString historySql = QStringLiteral(
            "INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, user_id, at)"
            " SELECT o.id, prev.id, s.id, o.owner_id, o.created_at + s.position * ((o.updated_at - o.created_at) / ({reached} + 1))"
            " FROM opportunities o JOIN customers c ON c.id = o.customer_id"
            " JOIN stages s ON s.pipeline_id = o.pipeline_id AND s.kind = 'open' AND s.position <= {reached}"
            " LEFT JOIN stages prev ON prev.pipeline_id = o.pipeline_id AND prev.position = s.position - 1"
            " ORDER BY o.id, s.position");
        if (Status st = execute(fill(historySql, parts)); !st)
            return st;
        const QString closingSql = QStringLiteral(
            "INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, user_id, at)"
            " SELECT o.id, prev.id, o.stage_id, o.owner_id, o.closed_at"
            " FROM opportunities o JOIN customers c ON c.id = o.customer_id"
            " JOIN stages prev ON prev.pipeline_id = o.pipeline_id AND prev.position = {reached}"
            " WHERE o.status <> 'open' ORDER BY o.id");
        if (Status st = execute(fill(closingSql, parts)); !st)
            return st;
        return addWonValue(QStringLiteral("1=1"));
    }

    // Adds the won deals matching `condition` (on opportunities o) to their customers' won value,
    // through a scratch table: a correlated sum would scan the opportunities once per customer while
    // their index is dropped.
    Status addWonValue(const QString &condition)
    {
        for (const QString &sql : QStringList{
                 QStringLiteral("CREATE {temp} TABLE demo_won (customer_id BIGINT PRIMARY KEY, total BIGINT NOT NULL)"),
                 QStringLiteral("INSERT INTO demo_won (customer_id, total) SELECT o.customer_id, SUM(o.amount_minor) FROM opportunities o"
                                " WHERE o.status = 'won' AND ") + condition + QStringLiteral(" GROUP BY o.customer_id"),
                 QStringLiteral("UPDATE customers SET won_value_minor = won_value_minor +"
                                " (SELECT w.total FROM demo_won w WHERE w.customer_id = customers.id)"
                                " WHERE id IN (SELECT customer_id FROM demo_won)"),
                 QStringLiteral("DROP TABLE demo_won"),
             }) {
            if (Status st = execute(sql); !st)
                return st;
        }
        return {};
    }

    // Activities spread between the customer's creation and its last contact; the newest one is
    // exactly last_contact_at, so the customer rows need no update afterwards. Written newest first
    // per customer: ordered by k, which is the same order as the time descending, the rows come in
    // the order SQLite scans them (ordered by time, it sorted each customer's five: 1.3 s of 5M
    // rows). The fence keeps the subquery a subquery: flattened into the INSERT, each use of x.kind
    // outside became another copy of its 20-way CASE (5M rows in 4.5-4.9 s instead of 6.1-9.7 s in
    // the sqlite3 shell); written in the subquery's order, which an outer ORDER BY would sort again.
    Status createActivities()
    {
        const QString k = QStringLiteral("(c.id * 8 + k.k)");
        const QString sql = QStringLiteral(
            "INSERT INTO activities (customer_id, contact_id, opportunity_id, user_id, kind, direction, status, subject, content,"
            " outcome, occurred_at, duration_seconds, created_at)"
            " SELECT x.id, CASE WHEN x.k < 2 AND x.kind <> 'note' THEN x.contact_id ELSE NULL END,"
            "  CASE WHEN x.k < 2 AND x.k * 5 <= {perCustomer} * 2 THEN x.opportunity_id ELSE NULL END, x.user_id, x.kind,"
            "  CASE WHEN x.kind IN ('call', 'message', 'email') THEN (CASE WHEN x.inbound = 1 THEN 'inbound' ELSE 'outbound' END) ELSE NULL END,"
            "  CASE WHEN x.kind = 'call' THEN (CASE WHEN x.failed = 1 THEN 'failed' ELSE 'connected' END) ELSE NULL END,"
            "  CASE x.kind WHEN 'call' THEN '电话沟通' WHEN 'message' THEN '微信消息' WHEN 'email' THEN '邮件往来'"
            "    WHEN 'meeting' THEN '会议' WHEN 'visit' THEN '上门拜访' ELSE '备注' END,"
            "  x.content, x.outcome, x.at,"
            "  CASE WHEN x.kind = 'call' AND x.failed = 0 THEN 30 + x.duration ELSE NULL END, x.at"
            " FROM (SELECT c.id, COALESCE(c.owner_id, c.created_by) AS user_id,"
            "   {kind} AS kind, CASE WHEN {inbound} = 0 THEN 1 ELSE 0 END AS inbound,"
            "   CASE WHEN {failed} = 0 THEN 1 ELSE 0 END AS failed, {content} AS content, {outcome} AS outcome,"
            "   c.last_contact_at - (c.last_contact_at - c.created_at) * k.k / {perCustomer} AS at, {duration} AS duration,"
            "   k.k AS k, l.contact_id, l.opportunity_id"
            "   FROM customers c LEFT JOIN demo_links l ON l.customer_id = c.id CROSS JOIN demo_k k ORDER BY c.id, k.k {fence}) x");
        // A customer's first deal and first contact: the two newest activities are with that contact
        // (but for notes) and about that deal, if they come after the first 60 % of the customer's
        // time, by which the deal was created (see createOpportunities): with five activities a
        // customer, both. Looked up once per customer, not per activity.
        for (const char *links : {"CREATE {temp} TABLE demo_links (customer_id BIGINT PRIMARY KEY, opportunity_id BIGINT, contact_id BIGINT)",
                                  "INSERT INTO demo_links (customer_id, opportunity_id, contact_id)"
                                  " SELECT u.customer_id, MIN(u.opportunity_id), MIN(u.contact_id) FROM"
                                  " (SELECT customer_id, id AS opportunity_id, CAST(NULL AS BIGINT) AS contact_id FROM opportunities"
                                  "  UNION ALL SELECT customer_id, CAST(NULL AS BIGINT), id FROM contacts) u GROUP BY u.customer_id"}) {
            if (Status st = execute(QLatin1String(links)); !st)
                return st;
        }
        return execute(fill(sql, {
            {QStringLiteral("{kind}"), choose(k, 40, split("call call call call call call call message message message message message"
                                                        " email email meeting meeting visit visit note note"))},
            {QStringLiteral("{inbound}"), hashMod(k, 41, 3)},
            {QStringLiteral("{failed}"), hashMod(k, 42, 5)},
            {QStringLiteral("{content}"), choose(k, 43, split("客户对报价有疑问，约定下周再谈 介绍了新产品线，客户有兴趣 确认了交付时间"
                                                           " 客户要求提供案例资料 讨论了合同条款 客户反馈使用体验良好"
                                                           " 发送了产品手册和价格表 客户暂时没有预算"))},
            {QStringLiteral("{outcome}"), choose(k, 44, split("positive positive neutral neutral neutral negative"))},
            {QStringLiteral("{duration}"), hashMod(k, 45, 900)},
            {QStringLiteral("{perCustomer}"), QString::number(qMax(1, m_options.activitiesPerCustomer))},
        }));
    }

    // About 10% of owned customers have a task due between two weeks ago and two weeks ahead;
    // past ones are mostly done. Follow-up tasks get their follow-up row.
    Status createTasks()
    {
        const QString k = QStringLiteral("c.id");
        const QString sql = QStringLiteral(
            "INSERT INTO tasks (title, kind, status, priority, due_at, reminder_at, reminded_at, completed_at, assignee_id,"
            " created_by, customer_id, created_at, updated_at)"
            " SELECT x.title, x.kind, CASE WHEN x.due < {now} AND x.done = 1 THEN 'done' ELSE 'open' END, x.priority,"
            "  x.due, x.due - 30 * {minute}, CASE WHEN x.due - 30 * {minute} < {now} THEN x.due - 30 * {minute} ELSE NULL END,"
            "  CASE WHEN x.due < {now} AND x.done = 1 THEN x.due ELSE NULL END, x.owner_id, x.owner_id, x.id, x.due - 3 * {day},"
            "  x.due - 3 * {day}"
            " FROM (SELECT c.id, c.owner_id, {title} AS title, {kind} AS kind, {priority} AS priority,"
            "   {now} - 14 * {day} + {offsetMinutes} * {minute} AS due, CASE WHEN {done} < 8 THEN 1 ELSE 0 END AS done"
            "   FROM customers c WHERE c.owner_id IS NOT NULL AND {hasTask} = 0) x ORDER BY x.id");
        if (Status st = execute(fill(sql, {
                {QStringLiteral("{title}"), choose(k, 46, split("回访客户 发送报价单 确认合同条款 安排产品演示 催收尾款 准备投标材料"))},
                {QStringLiteral("{kind}"), choose(k, 47, split("follow_up todo"))},
                {QStringLiteral("{priority}"), choose(k, 48, split("low normal normal high"))},
                {QStringLiteral("{offsetMinutes}"), hashMod(k, 49, 28 * 24 * 60)},
                {QStringLiteral("{done}"), hashMod(k, 50, 10)},
                {QStringLiteral("{hasTask}"), hashMod(k, 51, 10)},
            }));
            !st)
            return st;
        return execute(QStringLiteral(
            "INSERT INTO follow_ups (customer_id, user_id, scheduled_at, method, status, task_id, created_at)"
            " SELECT t.customer_id, t.assignee_id, t.due_at, 'call', CASE WHEN t.status = 'done' THEN 'done' ELSE 'scheduled' END,"
            " t.id, t.created_at FROM tasks t WHERE t.kind = 'follow_up' ORDER BY t.id"));
    }

    // One lead per 100 customers, from the last 60 days: a third still in the unassigned queue (from
    // the web form, for a manager to hand out), the rest worked by reps; none converted yet.
    Status createLeads()
    {
        const QString k = QStringLiteral("x.i");
        const QString sql = QStringLiteral(
            "INSERT INTO leads (name, company, phone, source, status, notes, owner_id, created_by, created_at, updated_at)"
            " SELECT {name}, {company}, '1' || {phonePrefix} || CAST(100000000 + {phoneTail} AS TEXT),"
            "  CASE WHEN x.queued = 1 THEN 'website-form' ELSE {source} END,"
            "  CASE WHEN x.queued = 1 THEN 'new' ELSE {status} END, NULL,"
            "  CASE WHEN x.queued = 1 THEN NULL ELSE r.user_id END, CASE WHEN x.queued = 1 THEN NULL ELSE r.user_id END,"
            "  x.created, x.created"
            " FROM (SELECT s.i, CASE WHEN {queuedHash} < 3 THEN 1 ELSE 0 END AS queued, {now} - {ageMinutes} * {minute} AS created,"
            "   {repHash} AS rep FROM demo_seq s WHERE {leadHash} = 0) x"
            " JOIN demo_reps r ON r.n = x.rep ORDER BY x.created");
        return execute(fill(sql, {
            {QStringLiteral("{name}"), personName(k, 52, 68)},
            {QStringLiteral("{company}"), choose(k, 54, split(kCities)) + QStringLiteral(" || ") + brandName(k, 72)
                                              + QStringLiteral(" || ") + choose(k, 56, split(kTrades)) + QStringLiteral(" || '有限公司'")},
            {QStringLiteral("{phonePrefix}"), choose(k, 57, split("3 5 7 8 9"))},
            {QStringLiteral("{phoneTail}"), hashMod(k, 58, 900'000'000)},
            {QStringLiteral("{source}"), choose(k, 59, split("website-form douyin-feed exhibition referral wechat"))},
            {QStringLiteral("{status}"), choose(k, 60, split("new contacted contacted qualified disqualified"))},
            {QStringLiteral("{queuedHash}"), hashMod(QStringLiteral("s.i"), 61, 10)},
            {QStringLiteral("{ageMinutes}"), hashMod(QStringLiteral("s.i"), 62, 60 * 24 * 60)},
            {QStringLiteral("{repHash}"), hashMod(QStringLiteral("s.i"), 63, kReps)},
            {QStringLiteral("{leadHash}"), hashMod(QStringLiteral("s.i"), 0, 100)},
        }));
    }

    // Six campaigns run by the director over the past half year and the next weeks (two finished, two
    // running, one planned, one cancelled), each aimed at a saved target. A share of the customers the
    // target matches take part (owned customers only: the pool has nobody to invite them), with answers
    // by a hash; the finished campaigns' answering participants gave a satisfaction score, and one owned
    // customer in 200 gave one outside any campaign.
    Status createCampaigns()
    {
        struct Spec
        {
            const char *name, *goal, *status, *target, *match;
            int startDay, endDay; // relative to today
            qint64 budgetYuan;
            int share; // one matching customer in `share` takes part (0: nobody yet)
            int unanswered; // of ten participants, how many have not answered
            const char *responded, *converted, *declined;
        };
        const Spec specs[] = {
            {"618 老客户回馈", "老客户复购 150 单", "finished", R"({"tag":"老客户"})",
             "c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = '老客户')",
             -180, -165, 30'000, 4, 3, "领取了回馈券，考虑中", "用回馈券下单复购", "近期没有采购计划"},
            {"春季新品发布会", "邀请 VIP 客户到场，现场签约 30 单", "finished", R"({"tag":"VIP客户"})",
             "c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'VIP客户')",
             -120, -110, 80'000, 4, 3, "已到场，会后索取报价", "现场签约", "时间冲突，未能参加"},
            {"抖音直播引流", "直播间留资 2,000 条", "active", R"({"source":"douyin-feed"})", "c.source = 'douyin-feed'",
             -20, 10, 50'000, 20, 5, "看了直播，想了解价格", "直播间下单", "对产品不感兴趣"},
            {"深圳行业展会", "展位接待 300 位客户", "active", R"({"province":"广东省"})", "c.province = '广东省'",
             -5, 3, 120'000, 25, 5, "到展位交流，留了名片", "展会现场签约", "不便到场"},
            {"年末续约提醒", "到期客户续约率 80%", "planned", R"({"statuses":["active","loyal"]})", "", 10, 40, 0, 0, 0,
             "", "", ""},
            {"VIP 客户答谢晚宴", "答谢 50 位 VIP 客户", "cancelled", R"({"group":"重点客户"})", "", -60, -60, 60'000, 0, 0,
             "", "", ""},
        };
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_now).date();
        auto director = scalar(QStringLiteral("SELECT id FROM users WHERE username = 'director'"));
        if (!director)
            return director.error();
        int n = 0;
        for (const Spec &c : specs) {
            ++n;
            const QDate start = today.addDays(c.startDay), end = today.addDays(c.endDay);
            const qint64 startMs = std::min(m_now, start.startOfDay().toMSecsSinceEpoch());
            const qint64 createdAt = std::min(m_now, startMs - 14 * kDay);
            QSqlQuery q = m_db.prepare(QStringLiteral(
                "INSERT INTO campaigns (name, goal, start_date, end_date, status, budget_minor, currency, target_filter, owner_id,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?) RETURNING id"));
            for (const QVariant &v : {QVariant(QString::fromUtf8(c.name)), QVariant(QString::fromUtf8(c.goal)),
                                      QVariant(start.toString(Qt::ISODate)), QVariant(end.toString(Qt::ISODate)),
                                      QVariant(QString::fromLatin1(c.status)), QVariant(c.budgetYuan * 100),
                                      QVariant(QString::fromUtf8(c.target)), QVariant(*director), QVariant(createdAt),
                                      QVariant(createdAt)})
                q.addBindValue(v);
            if (Status st = m_db.exec(q); !st)
                return st;
            if (!q.next())
                return Error::internal();
            const qint64 id = q.value(0).toLongLong();
            if (c.share == 0)
                continue;
            // Keys differ per campaign (c.id * 8 + n), so each draws its own participants and answers.
            const QString key = QStringLiteral("(c.id * 8 + ") + QString::number(n) + QLatin1Char(')');
            const QString sql = QStringLiteral(
                "INSERT INTO campaign_participants (campaign_id, customer_id, status, response, responded_at, added_at)"
                " SELECT {id}, x.id, CASE WHEN x.h < {unanswered} THEN 'invited' WHEN x.h = 9 THEN 'declined'"
                "   WHEN x.h >= 7 THEN 'converted' ELSE 'responded' END,"
                "  CASE WHEN x.h < {unanswered} THEN NULL WHEN x.h = 9 THEN '{declined}' WHEN x.h >= 7 THEN '{converted}'"
                "   ELSE '{responded}' END,"
                "  CASE WHEN x.h < {unanswered} THEN NULL ELSE {added} + (1 + x.late) * {hour} END, {added}"
                " FROM (SELECT c.id, {answer} AS h, {late} AS late FROM customers c"
                "       WHERE c.owner_id IS NOT NULL AND {match} AND {pick} = 0) x ORDER BY x.id");
            if (Status st = execute(fill(sql, {
                    {QStringLiteral("{id}"), QString::number(id)},
                    {QStringLiteral("{unanswered}"), QString::number(c.unanswered)},
                    {QStringLiteral("{responded}"), QString::fromUtf8(c.responded)},
                    {QStringLiteral("{converted}"), QString::fromUtf8(c.converted)},
                    {QStringLiteral("{declined}"), QString::fromUtf8(c.declined)},
                    {QStringLiteral("{added}"), bigint(startMs)},
                    {QStringLiteral("{answer}"), hashMod(key, 40, 10)},
                    {QStringLiteral("{late}"), hashMod(key, 41, 48)},
                    {QStringLiteral("{match}"), QString::fromUtf8(c.match)},
                    {QStringLiteral("{pick}"), hashMod(key, 42, c.share)},
                }));
                !st)
                return st;
        }
        if (Status st = createCampaignDeals(); !st)
            return st;
        // Scores: 3 to 5 from those who answered a finished campaign (4 or 5 when they bought), and
        // mostly good ones, a few poor, from customers outside any campaign.
        const QString comment = QStringLiteral(
            "CASE x.score WHEN 1 THEN '问题拖了一周才解决' WHEN 2 THEN '产品还行，售后要改进' WHEN 3 THEN '整体一般，价格偏高'"
            " WHEN 4 THEN '服务及时，满意' ELSE '非常满意，会推荐给朋友' END");
        const QString fromCampaigns = QStringLiteral(
            "INSERT INTO feedback (customer_id, user_id, campaign_id, score, comment, created_at)"
            " SELECT x.customer_id, x.owner_id, x.campaign_id, x.score, {comment}, x.responded_at"
            " FROM (SELECT p.customer_id, c.owner_id, p.campaign_id, p.responded_at,"
            "   CASE WHEN p.status = 'converted' THEN 4 + {convertedScore} ELSE 3 + {respondedScore} END AS score"
            "   FROM campaign_participants p JOIN campaigns k ON k.id = p.campaign_id JOIN customers c ON c.id = p.customer_id"
            "   WHERE k.status = 'finished' AND p.status IN ('responded', 'converted')) x ORDER BY x.responded_at, x.customer_id");
        const QString general = QStringLiteral(
            "INSERT INTO feedback (customer_id, user_id, score, comment, created_at)"
            " SELECT x.id, x.owner_id, x.score, {comment}, {now} - (1 + x.age) * {hour}"
            " FROM (SELECT c.id, c.owner_id, {age} AS age, CASE WHEN {score} < 1 THEN 1 WHEN {score} < 2 THEN 2"
            "   WHEN {score} < 4 THEN 3 WHEN {score} < 9 THEN 4 ELSE 5 END AS score"
            "   FROM customers c WHERE c.owner_id IS NOT NULL AND {pick} = 0) x ORDER BY x.id");
        const QString k = QStringLiteral("p.customer_id * 8 + p.campaign_id");
        if (Status st = execute(fill(fromCampaigns, {{QStringLiteral("{comment}"), comment},
                                                     {QStringLiteral("{convertedScore}"), hashMod(k, 43, 2)},
                                                     {QStringLiteral("{respondedScore}"), hashMod(k, 44, 3)}}));
            !st)
            return st;
        const QString c = QStringLiteral("c.id");
        return execute(fill(general, {{QStringLiteral("{comment}"), comment},
                                      {QStringLiteral("{age}"), hashMod(c, 45, 365 * 24)},
                                      {QStringLiteral("{score}"), hashMod(c, 46, 15)},
                                      {QStringLiteral("{pick}"), hashMod(c, 47, 200)}}));
    }

    // Those who answered that they bought did buy: a won deal in the default pipeline per converted
    // participant, opened when they joined and won when they answered, so that what a campaign brought
    // (deals its participants won after joining, AnalyticsService::campaignEffect) matches its answers.
    Status createCampaignDeals()
    {
        auto before = scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM opportunities"));
        if (!before)
            return before.error();
        const QString k = QStringLiteral("p.customer_id * 8 + p.campaign_id");
        const QString closeDate = m_db.isSqlite() ? QStringLiteral("date(p.responded_at / 1000, 'unixepoch')")
                                                  : QStringLiteral("to_char(to_timestamp(p.responded_at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD')");
        const QString newDeals = QStringLiteral(" o.id > ") + QString::number(*before);
        const QStringList sql = {
            fill(QStringLiteral("INSERT INTO opportunities (customer_id, pipeline_id, stage_id, name, amount_minor, currency, probability,"
                                " expected_close_date, status, owner_id, created_at, updated_at, closed_at, stage_entered_at)"
                                " SELECT p.customer_id, s.pipeline_id, s.id, k.name || ' 成交', (1 + {amount}) * 100000, 'CNY', s.probability,"
                                "  {closeDate}, 'won', c.owner_id, p.added_at, p.responded_at, p.responded_at, p.responded_at"
                                " FROM campaign_participants p JOIN campaigns k ON k.id = p.campaign_id"
                                " JOIN customers c ON c.id = p.customer_id JOIN pipelines pl ON pl.is_default = 1"
                                " JOIN stages s ON s.pipeline_id = pl.id AND s.kind = 'won'"
                                " WHERE p.status = 'converted' AND p.responded_at <= {now} ORDER BY p.campaign_id, p.customer_id"),
                 {{QStringLiteral("{amount}"), hashMod(k, 48, 50)}, {QStringLiteral("{closeDate}"), closeDate}}),
            // Their history: created in the pipeline's first stage, then won.
            QStringLiteral("INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, user_id, at)"
                           " SELECT o.id, NULL, s.id, o.owner_id, o.created_at FROM opportunities o"
                           " JOIN stages s ON s.pipeline_id = o.pipeline_id AND s.position = 0 WHERE") + newDeals +
                QStringLiteral(" ORDER BY o.id"),
            QStringLiteral("INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, user_id, at)"
                           " SELECT o.id, s.id, o.stage_id, o.owner_id, o.closed_at FROM opportunities o"
                           " JOIN stages s ON s.pipeline_id = o.pipeline_id AND s.position = 0 WHERE") + newDeals +
                QStringLiteral(" ORDER BY o.id"),
        };
        for (const QString &statement : sql)
            if (Status st = execute(statement); !st)
                return st;
        return addWonValue(newDeals); // the buyers' won value
    }

    // SQLite: every customer's texts handed to the index build, which indexes them on its own thread.
    Status startSearchBuild()
    {
        m_search->start();
        qint64 last = 0;
        for (;;) {
            auto texts = readSearchTexts(last);
            if (!texts)
                return texts.error();
            if (texts->isEmpty())
                break;
            for (const auto &[id, owner, t] : std::as_const(*texts))
                m_search->add(id, owner, t);
        }
        m_search->finish();
        return {};
    }

    // PostgreSQL: the keyword index is built in C++ (the same tokens CustomerRepository writes) into
    // the customers' search_grams, in pages by id, 50 rows per UPDATE; a worker thread tokenizes the
    // next page while this one writes the last.
    Status indexSearch()
    {
        using Page = QVector<std::pair<qint64, QString>>;
        std::future<Page> pending;
        qint64 last = 0;
        for (;;) {
            auto texts = readSearchTexts(last);
            if (!texts)
                return texts.error();
            std::future<Page> next;
            if (!texts->isEmpty()) {
                next = std::async(std::launch::async, [this, page = std::move(*texts)] {
                    Page values;
                    values.reserve(page.size());
                    for (const auto &[id, owner, t] : page)
                        values.append({id, SearchIndex::storedValueFor(m_db, t, owner)});
                    return values;
                });
            }
            if (pending.valid()) {
                if (Status st = insertSearchRows(pending.get()); !st) {
                    if (next.valid())
                        next.wait();
                    return st;
                }
            }
            if (!next.valid())
                break;
            pending = std::move(next);
        }
        return {};
    }

    struct SearchTexts
    {
        qint64 id;
        std::optional<qint64> owner;
        QStringList texts;
    };

    // Through RowCursor: with QtSql's QVariant per value, reading (and staging) took 8.5 s of a million
    // customers' search entries.
    Result<QVector<SearchTexts>> readSearchTexts(qint64 &last)
    {
        constexpr int kPage = 5000;
        RowCursor rows(m_db,
                       QStringLiteral("SELECT c.id, c.name, c.company, c.phone, c.email, t.name, c.owner_id FROM customers c"
                                      " LEFT JOIN customer_tags ct ON ct.customer_id = c.id LEFT JOIN tags t ON t.id = ct.tag_id"
                                      " WHERE c.id > :last ORDER BY c.id LIMIT ") + QString::number(kPage),
                       {{QStringLiteral(":last"), last}});
        QVector<SearchTexts> out;
        out.reserve(kPage);
        while (rows.next()) {
            last = rows.integer(0);
            QStringList texts(5);
            for (int i = 1; i <= 5; ++i)
                rows.appendText(i, texts[i - 1]);
            const std::optional<qint64> owner = rows.isNull(6) ? std::nullopt : std::optional<qint64>(rows.integer(6));
            out.append({last, owner, std::move(texts)});
        }
        if (Status st = rows.status(); !st)
            return st.error();
        return out;
    }

    Status insertSearchRows(const QVector<std::pair<qint64, QString>> &rows)
    {
        // Few enough placeholders per statement that binding stays cheap.
        constexpr int kRowsPerUpdate = 50;
        for (int from = 0; from < rows.size(); from += kRowsPerUpdate) {
            const int count = qMin<int>(kRowsPerUpdate, rows.size() - from);
            QString sql = QStringLiteral("UPDATE customers SET search_grams = v.g FROM (VALUES ");
            for (int i = 0; i < count; ++i) {
                if (i)
                    sql += QLatin1Char(',');
                sql += QStringLiteral("(CAST(? AS BIGINT), CAST(? AS tsvector))");
            }
            sql += QStringLiteral(") AS v(id, g) WHERE customers.id = v.id");
            QSqlQuery update = m_db.prepare(sql);
            for (int i = 0; i < count; ++i) {
                update.addBindValue(rows[from + i].first);
                update.addBindValue(rows[from + i].second);
            }
            if (Status st = m_db.exec(update); !st)
                return st;
        }
        return {};
    }

    Database &m_db;
    DemoOptions m_options;
    SearchIndexBuild *m_search;
    qint64 m_now;
    QHash<QString, QString> m_values;
};

} // namespace

Result<DemoReport> DemoGenerator::generate(const DemoOptions &options)
{
    if (options.customers < 1 || options.customers > 100'000'000)
        return Error::validation(QStringLiteral("range"), QStringLiteral("customers"),
                                 QStringLiteral("The number of customers must be between 1 and 100,000,000."));
    if (options.activitiesPerCustomer < 0 || options.activitiesPerCustomer > 8)
        return Error::validation(QStringLiteral("range"), QStringLiteral("activitiesPerCustomer"),
                                 QStringLiteral("Activities per customer must be between 0 and 8."));
    if (Status st = PasswordHasher::checkStrength(options.password); !st)
        return st.error();
    // One hash for all demo users (same password): hashing 200 times would take longer than the data.
    auto hash = PasswordHasher::hash(options.password);
    if (!hash)
        return hash.error();

    // A 1 GiB page cache: the whole load is one transaction over a few GiB of pages. Foreign keys are
    // not checked row by row on SQLite: every reference is to a row written before it (the test
    // checks the result). The bulk settings end with the commit, before PostgreSQL's VACUUM.
    auto result = [&] {
        SqliteBulkLoad bulk(m_db, 1024, true, SqliteBulkLoad::ForeignKeys::Unchecked);
        // Destroyed after the transaction, which SQLite requires to detach its scratch file.
        std::optional<SearchIndexBuild> search;
        if (m_db.isSqlite())
            search.emplace(m_db, qsizetype(1) << 30); // the texts all at once (see SearchIndexBuild)
        return m_db.write([&]() -> Result<DemoReport> {
            Run run(m_db, options, search ? &*search : nullptr);
            auto existing = run.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT id FROM customers LIMIT 1) x"));
            if (!existing)
                return existing.error();
            if (*existing > 0)
                return Error::validation(QStringLiteral("not_empty"), QStringLiteral("database"),
                                         QStringLiteral("The demo company can only be loaded into a database without customers."));
            auto users = run.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE lower(username) IN ('director', 'manager01', 'rep001')"));
            if (!users)
                return users.error();
            if (*users > 0)
                return Error::conflict(QStringLiteral("duplicate"), QStringLiteral("The demo users already exist in this database."),
                                       QStringLiteral("username"));
            auto report = run.generate(*hash);
            if (!report)
                return report.error();
            if (Status st = run.execute(QStringLiteral(
                    "INSERT INTO app_settings (key, value) VALUES ('demo.generated_at', '{now}')"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
                !st)
                return st.error();
            if (Status st = run.execute(QStringLiteral(
                    "INSERT INTO app_settings (key, value) VALUES ('company.name', '演示公司 (demo)')"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
                !st)
                return st.error();
            m_db.notifyAfterCommit({QStringLiteral("customer"), 0, QStringLiteral("reset")});
            return report;
        });
    }();
    if (!m_db.isSqlite() && result) {
        // Index-only scans need the visibility map, which only VACUUM sets (not in a transaction, so
        // after the commit); until autovacuum came by, every index entry cost a heap visit. Measured at
        // 1M customers right after the load: a team lead's dashboard 172 ms before, 49 ms after; the
        // director's 952 and 204 ms. The load is done either way: a failure here is only slower reads.
        (void)m_db.execSql(QStringLiteral("VACUUM (ANALYZE)"));
    }
    return result;
}

} // namespace crm
