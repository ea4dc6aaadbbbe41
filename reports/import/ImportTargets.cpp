#include "reports/import/ImportTargets.h"

#include "reports/import/ColumnMapping.h"

#include <QHash>

namespace crm::ImportTargets {

namespace {

// Exact header names per field, compared as ColumnMapping::normalizeHeader leaves them. The export
// headers of both languages come first in each list.
const char *const kOpportunityNames[][2] = {
    {"customerId", "customerid|客户编号|客户id|客户号"},
    {"customer", "customer|客户|customername|客户名称|客户名|客户姓名|公司名称"},
    {"customerPhone", "customerphone|客户电话|客户手机|电话|手机|联系电话|phone|mobile"},
    {"name", "opportunity|商机名称|name|opportunityname|商机|商机名|名称|项目|项目名称|deal|dealname"},
    {"amount", "amount|金额|商机金额|预计金额|预计成交金额|value|dealvalue|dealamount"},
    {"currency", "currency|币种|货币"},
    {"probability", "probability%|赢率%|probability|赢率|赢单率|概率|成交概率|winprobability"},
    {"pipeline", "pipeline|管道|销售管道|销售流程|流程"},
    {"stage", "stage|阶段|销售阶段|商机阶段|stagename"},
    {"status", "status|状态|商机状态"},
    {"expectedCloseDate", "expectedclose|预计成交日期|expectedclosedate|closedate|预计成交|预计签单日期|成交日期"},
    {"owner", "owner|负责人|ownername|所有者|销售|销售代表|跟进人"},
    {"lossReason", "lossreason|输单原因|丢单原因"},
    {"notes", "notes|备注|note|remarks|remark|说明|描述|description"},
};

const char *const kActivityNames[][2] = {
    {"customerId", "customerid|客户编号|客户id|客户号"},
    {"customer", "customer|客户|customername|客户名称|客户名|客户姓名|公司名称"},
    {"customerPhone", "customerphone|客户电话|客户手机"},
    {"occurredAt", "time|时间|occurredat|发生时间|跟进时间|活动时间|日期|date|datetime"},
    {"kind", "kind|类型|活动类型|跟进方式|方式|type"},
    {"direction", "direction|方向|呼叫方向"},
    {"subject", "subject|主题|标题|title"},
    {"content", "content|内容|跟进内容|详情|记录|notes|备注|description"},
    {"outcome", "outcome|结果|跟进结果|result"},
    {"status", "status|状态"},
    {"phone", "phone|电话|号码|电话号码|手机"},
    {"durationSeconds", "durationseconds|duration|时长|通话时长|时长(秒)"},
};

// The contacts export's headers (客户编号, 客户, 姓名, 职位, 关系, 手机, 邮箱, 主联系人) first.
const char *const kContactNames[][2] = {
    {"customerId", "customerid|客户编号|客户id|客户号"},
    {"customer", "customer|客户|customername|客户名称|客户名|客户姓名|公司名称|公司|company"},
    {"customerPhone", "customerphone|客户电话|客户手机"},
    {"name", "name|姓名|联系人|联系人姓名|名字|contact|contactname|fullname"},
    {"position", "position|职位|职务|岗位|title|jobtitle"},
    {"relationship", "relationship|关系|关系类型|角色|role"},
    {"phone", "phone|手机|手机号|手机号码|电话|电话号码|联系电话|mobile|tel|telephone"},
    {"email", "email|邮箱|电子邮件|电子邮箱|邮件|mail|e-mail|emailaddress"},
    {"primary", "primary|主联系人|首要联系人|是否主联系人|isprimary|primarycontact"},
    {"notes", "notes|备注|说明|note|remarks|remark|description"},
};

struct Table
{
    QStringList fields;
    QHash<QString, QString> byName;
};

template <size_t N>
Table build(const char *const (&entries)[N][2])
{
    Table t;
    for (const auto &entry : entries) {
        t.fields << QLatin1String(entry[0]);
        for (const QString &s : QString::fromUtf8(entry[1]).split(QLatin1Char('|')))
            t.byName.insert(ColumnMapping::normalizeHeader(s), QLatin1String(entry[0]));
    }
    return t;
}

const Table *table(const QString &type)
{
    static const Table opportunities = build(kOpportunityNames);
    static const Table activities = build(kActivityNames);
    static const Table contacts = build(kContactNames);
    if (type == Opportunities)
        return &opportunities;
    if (type == Activities)
        return &activities;
    if (type == Contacts)
        return &contacts;
    return nullptr;
}

// `pattern` is marked for ErrorText, so the desktop and `crm import --lang` say it in the user's language.
Error mappingError(const QString &code, const char *pattern, const QStringList &args = {})
{
    return Error::detailed(QStringLiteral("validation.") + code, QStringLiteral("mapping"), pattern, args);
}

} // namespace

bool isKnownType(const QString &type)
{
    return type == ColumnMapping::Customers || table(type);
}

const QStringList &fields(const QString &type)
{
    static const QStringList none;
    const Table *t = table(type);
    return t ? t->fields : none;
}

QString suggest(const QString &header, const QString &type)
{
    const Table *t = table(type);
    return t ? t->byName.value(ColumnMapping::normalizeHeader(header)) : QString();
}

Status validate(const ColumnMapping &m)
{
    const Table *t = table(m.type);
    if (!t)
        return mappingError(QStringLiteral("unknown"), QT_TRANSLATE_NOOP("ErrorText", "There is no import of \"%1\""), {m.type});
    for (int i = 0; i < m.fields.size(); ++i) {
        const QString &f = m.fields[i];
        if (f.isEmpty())
            continue;
        if (!t->fields.contains(f))
            return mappingError(QStringLiteral("unknown"), QT_TRANSLATE_NOOP("ErrorText", "Column \"%1\": there is no %2 field \"%3\" (fields: %4)"),
                                {m.headers.value(i), m.type, f, t->fields.join(QStringLiteral(", "))});
        if (m.fields.indexOf(f) != i)
            return mappingError(QStringLiteral("invalid"), QT_TRANSLATE_NOOP("ErrorText", "Columns \"%1\" and \"%2\" both fill the field \"%3\""),
                                {m.headers.value(m.fields.indexOf(f)), m.headers.value(i), f});
    }
    if (!m.fields.contains(QStringLiteral("customer")) && !m.fields.contains(QStringLiteral("customerId")))
        return mappingError(QStringLiteral("required"),
                            QT_TRANSLATE_NOOP("ErrorText", "No column names the customer (a header such as 客户, 客户名称, customer or customerId); "
                                                              "map one with a mapping template"));
    if (m.type == Opportunities && !m.fields.contains(QStringLiteral("name")))
        return mappingError(QStringLiteral("required"),
                            QT_TRANSLATE_NOOP("ErrorText", "No column holds the opportunity name (a header such as 商机名称 or opportunity); "
                                                              "map one with a mapping template"));
    if (m.type == Contacts && !m.fields.contains(QStringLiteral("name")))
        return mappingError(QStringLiteral("required"),
                            QT_TRANSLATE_NOOP("ErrorText", "No column holds the contact's name (a header such as 姓名, 联系人 or name); "
                                                              "map one with a mapping template"));
    return {};
}

} // namespace crm::ImportTargets
