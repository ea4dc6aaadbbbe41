#include "reports/import/ColumnMapping.h"

#include "reports/import/ImportTargets.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace crm {

namespace {

// Exact header names (compared squeezed: lower case, without spaces, '_', '-', '*' and a trailing
// "(必填)"-style remark), per field. Export headers of both languages are included so an export
// imports back as it is.
const char *const kSynonyms[][2] = {
    {"name", "name|姓名|名称|客户名称|客户名|客户|客户姓名|名字|customer|customername|fullname|公司名称/姓名"},
    {"kind", "kind|类型|客户类型|类别|type|customertype"},
    {"company", "company|公司|单位|单位名称|企业|企业名称|工作单位|所属公司|companyname|organization|organisation|employer"},
    {"phone", "phone|手机|手机号|手机号码|电话|电话号码|联系电话|联系方式|座机|移动电话|固话|mobile|mobilephone|tel|telephone|"
              "cell|cellphone|phonenumber|phone1|phone2|电话1|电话2"},
    {"email", "email|邮箱|电子邮件|电子邮箱|邮件|邮箱地址|mail|emailaddress|e-mail"},
    {"source", "source|来源|客户来源|渠道|来源渠道|获客渠道|channel|leadsource"},
    {"tags", "tags|标签|客户标签|tag|labels|label"},
    {"groups", "groups|分组|客户分组|群组|group"},
    {"province", "province|省|省份|所在省|省/自治区|所在省份|state"},
    {"city", "city|市|城市|所在城市|所在市"},
    {"district", "district|区|区县|县区|区/县|县|所在区|county"},
    {"street", "street|地址|详细地址|街道|街道地址|联系地址|通讯地址|address|streetaddress"},
    {"postalCode", "postalcode|邮编|邮政编码|postcode|zip|zipcode"},
    {"status", "status|状态|客户状态"},
    {"level", "level|级别|等级|客户等级|客户级别|grade|rating"},
    {"gender", "gender|性别|sex"},
    {"birthday", "birthday|生日|出生日期|dateofbirth|dob|birthdate"},
    {"industry", "industry|行业|所属行业"},
    {"occupation", "occupation|职业|job"},
    {"position", "position|职位|职务|岗位|头衔|title|jobtitle"},
    {"notes", "notes|备注|说明|描述|note|remarks|remark|comment|comments|description"},
    // The customer's contact person (a company's 联系人); "联系电话" stays the customer's phone.
    {"contactName", "contactname|联系人|联系人姓名|联系人名称|主要联系人|首要联系人|对接人|contact|contactperson"},
    {"contactPosition", "contactposition|联系人职位|联系人职务|联系人岗位|contacttitle|contactjobtitle"},
    {"contactPhone", "contactphone|联系人电话|联系人手机|联系人手机号|联系人手机号码|联系人联系电话|联系人座机|contactmobile|contacttel"},
    {"contactEmail", "contactemail|联系人邮箱|联系人电子邮件|联系人电子邮箱|联系人邮件"},
};

// When no exact name matches: a word the header contains, tried in this order ("公司电话" is a phone).
const char *const kContains[][2] = {
    {"contactEmail", "联系人邮|contactemail|contactmail"},
    {"contactPhone", "联系人电话|联系人手机|联系人座机|contactphone|contactmobile|contacttel"},
    {"contactPosition", "联系人职|contactposition|contacttitle"},
    {"email", "邮箱|邮件|email|e-mail"},
    {"phone", "手机|电话|phone|mobile|tel"},
    {"street", "地址|address"},
    {"tags", "标签|tag"},
    {"source", "来源|渠道|source"},
    {"company", "公司|单位|企业|company"},
    {"name", "姓名|名称|name"},
};

QString squeezeHeader(const QString &header)
{
    static const QRegularExpression remark(QStringLiteral("[(（\\[【][^)）\\]】]*[)）\\]】]\\s*$"));
    QString h = header.trimmed().toLower();
    h.remove(remark);
    for (char16_t c : {u' ', u'_', u'-', u'*', u'\u3000', u':', u'\uFF1A'})
        h.remove(QChar(c));
    return h;
}

QString squeeze(const QString &header)
{
    return squeezeHeader(header);
}

const QHash<QString, QString> &exactIndex()
{
    static const QHash<QString, QString> index = [] {
        QHash<QString, QString> m;
        for (const auto &entry : kSynonyms)
            for (const QString &s : QString::fromUtf8(entry[1]).split(QLatin1Char('|')))
                m.insert(squeeze(s), QLatin1String(entry[0]));
        return m;
    }();
    return index;
}

// `pattern` is marked for ErrorText, so the desktop and `crm import --lang` say it in the user's language.
Error templateError(const char *pattern, const QStringList &args = {})
{
    return Error::detailed(QStringLiteral("validation.format"), QStringLiteral("mapping"), pattern, args);
}

Error mappingError(const QString &code, const char *pattern, const QStringList &args = {})
{
    return Error::detailed(QStringLiteral("validation.") + code, QStringLiteral("mapping"), pattern, args);
}

} // namespace

const QStringList &ColumnMapping::targetFields()
{
    static const QStringList fields = {
        QStringLiteral("name"),     QStringLiteral("kind"),     QStringLiteral("company"),    QStringLiteral("phone"),
        QStringLiteral("email"),    QStringLiteral("source"),   QStringLiteral("tags"),       QStringLiteral("groups"),
        QStringLiteral("province"), QStringLiteral("city"),     QStringLiteral("district"),   QStringLiteral("street"),
        QStringLiteral("postalCode"), QStringLiteral("status"), QStringLiteral("level"),      QStringLiteral("gender"),
        QStringLiteral("birthday"), QStringLiteral("industry"), QStringLiteral("occupation"), QStringLiteral("position"),
        QStringLiteral("notes"), QStringLiteral("contactName"), QStringLiteral("contactPosition"), QStringLiteral("contactPhone"),
        QStringLiteral("contactEmail")};
    return fields;
}

bool ColumnMapping::isMultiValued(const QString &field)
{
    return field == QLatin1String("phone") || field == QLatin1String("email") || field == QLatin1String("tags") ||
           field == QLatin1String("groups");
}

QString ColumnMapping::suggest(const QString &header)
{
    const QString h = squeeze(header);
    if (h.isEmpty())
        return {};
    if (const auto it = exactIndex().constFind(h); it != exactIndex().cend())
        return *it;
    for (const auto &entry : kContains)
        for (const QString &word : QString::fromUtf8(entry[1]).split(QLatin1Char('|')))
            if (h.contains(word))
                return QLatin1String(entry[0]);
    return {};
}

ColumnMapping ColumnMapping::propose(const QStringList &headers)
{
    ColumnMapping m;
    m.headers = headers;
    for (const QString &h : headers) {
        QString field = suggest(h);
        if (!field.isEmpty() && !isMultiValued(field) && m.fields.contains(field))
            field.clear(); // the first column wins; the user can change it
        m.fields << field;
    }
    // "公司名称" alone: a company customer is named by its company.
    if (!m.fields.contains(QStringLiteral("name")) && m.fields.contains(QStringLiteral("company")))
        m.fields[m.fields.indexOf(QStringLiteral("company"))] = QStringLiteral("name");
    return m;
}

QList<int> ColumnMapping::columnsOf(const QString &field) const
{
    QList<int> out;
    for (int i = 0; i < fields.size(); ++i)
        if (fields[i] == field)
            out << i;
    return out;
}

bool ColumnMapping::isCustomField(const QString &field)
{
    static const QRegularExpression key(QStringLiteral("^[a-z][a-z0-9_]{0,39}$")); // CustomFieldService's keys
    return key.match(CustomFieldDef::keyOf(field)).hasMatch();
}

void ColumnMapping::proposeCustomFields(const QVector<CustomFieldDef> &defs)
{
    if (type != Customers)
        return;
    for (const CustomFieldDef &d : defs) {
        const QString field = CustomFieldDef::fieldName(d.key);
        if (fields.contains(field))
            continue;
        const QStringList names = {normalizeHeader(d.label), normalizeHeader(d.key), normalizeHeader(field)};
        for (int i = 0; i < headers.size(); ++i) {
            if (fields.value(i).isEmpty() && names.contains(normalizeHeader(headers[i]))) {
                fields[i] = field;
                break;
            }
        }
    }
}

Status ColumnMapping::validate() const
{
    if (fields.size() != headers.size())
        return templateError(QT_TRANSLATE_NOOP("ErrorText", "The mapping has %1 fields for %2 columns"),
                             {QString::number(fields.size()), QString::number(headers.size())});
    if (type != Customers)
        return ImportTargets::validate(*this);
    for (int i = 0; i < fields.size(); ++i) {
        const QString &f = fields[i];
        if (f.isEmpty())
            continue;
        if (!targetFields().contains(f) && !isCustomField(f))
            return mappingError(QStringLiteral("unknown"), QT_TRANSLATE_NOOP("ErrorText", "Column \"%1\": there is no customer field \"%2\" (fields: %3)"),
                                {headers[i], f, targetFields().join(QStringLiteral(", "))});
        if (!isMultiValued(f) && fields.indexOf(f) != i)
            return mappingError(QStringLiteral("invalid"), QT_TRANSLATE_NOOP("ErrorText", "Columns \"%1\" and \"%2\" both fill the field \"%3\""),
                                {headers[fields.indexOf(f)], headers[i], f});
    }
    if (!fields.contains(QStringLiteral("name")))
        return mappingError(QStringLiteral("required"),
                            QT_TRANSLATE_NOOP("ErrorText", "No column holds the customer name (a header such as 姓名, 名称, 客户名称 or name); "
                                              "map one with a mapping template"));
    return {};
}

QJsonObject ColumnMapping::toTemplate() const
{
    QJsonObject columns;
    for (int i = 0; i < headers.size(); ++i)
        columns.insert(headers[i], fields.value(i));
    return {{QStringLiteral("type"), type}, {QStringLiteral("columns"), columns}};
}

Result<ColumnMapping> ColumnMapping::fromTemplate(const QJsonObject &json, const QStringList &headers)
{
    const QString type = json.value(QStringLiteral("type")).toString(QStringLiteral("customers"));
    if (type != QLatin1String("customers"))
        return templateError(QT_TRANSLATE_NOOP("ErrorText", "The mapping template is for \"%1\", not customers"), {type});
    const QJsonValue columns = json.value(QStringLiteral("columns"));
    if (!columns.isObject())
        return templateError(QT_TRANSLATE_NOOP("ErrorText", "The mapping template has no \"columns\" object"));
    const QJsonObject map = columns.toObject();
    ColumnMapping m = propose(headers);
    // Template entries first, so a proposal never takes a single-valued field the template gives elsewhere.
    for (int i = 0; i < headers.size(); ++i) {
        if (!map.contains(headers[i]))
            continue;
        const QJsonValue v = map.value(headers[i]);
        if (!v.isString() && !v.isNull())
            return templateError(QT_TRANSLATE_NOOP("ErrorText", "The mapping of column \"%1\" must be a field name or \"\""), {headers[i]});
        m.fields[i] = v.toString();
    }
    for (int i = 0; i < headers.size(); ++i) {
        const QString f = m.fields[i];
        if (map.contains(headers[i]) || f.isEmpty() || isMultiValued(f))
            continue;
        for (int j = 0; j < headers.size(); ++j)
            if (j != i && map.contains(headers[j]) && m.fields[j] == f)
                m.fields[i].clear();
    }
    return m;
}

Result<ColumnMapping> ColumnMapping::loadTemplate(const QString &path, const QStringList &headers)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::detailed(QStringLiteral("io.read"), QStringLiteral("mapping"),
                               QT_TRANSLATE_NOOP("ErrorText", "Cannot read the mapping %1: %2"), {path, f.errorString()});
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return templateError(QT_TRANSLATE_NOOP("ErrorText", "The mapping %1 is not a JSON object: %2"), {path, error.errorString()});
    return fromTemplate(doc.object(), headers);
}

Status ColumnMapping::saveTemplate(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(toTemplate()).toJson(QJsonDocument::Indented)) < 0 || !f.commit())
        return Error::writeFailed(QStringLiteral("Cannot write the mapping %1: %2").arg(path, f.errorString()), QStringLiteral("mapping"));
    return {};
}

} // namespace crm

namespace crm {

QString ColumnMapping::normalizeHeader(const QString &header)
{
    return squeezeHeader(header);
}

const QStringList &ColumnMapping::targetFields(const QString &type)
{
    return type == Customers ? targetFields() : ImportTargets::fields(type);
}

QString ColumnMapping::suggest(const QString &header, const QString &type)
{
    return type == Customers ? suggest(header) : ImportTargets::suggest(header, type);
}

ColumnMapping ColumnMapping::propose(const QStringList &headers, const QString &type)
{
    if (type == Customers)
        return propose(headers);
    ColumnMapping m;
    m.type = type;
    m.headers = headers;
    for (const QString &h : headers) {
        QString field = ImportTargets::suggest(h, type);
        if (m.fields.contains(field))
            field.clear(); // the first column wins; the user can change it
        m.fields << field;
    }
    return m;
}

Result<ColumnMapping> ColumnMapping::fromTemplate(const QJsonObject &json, const QStringList &headers, const QString &type)
{
    if (type == Customers)
        return fromTemplate(json, headers);
    const QString given = json.value(QStringLiteral("type")).toString(type);
    if (given != type)
        return templateError(QT_TRANSLATE_NOOP("ErrorText", "The mapping template is for \"%1\", not %2"), {given, type});
    const QJsonValue columns = json.value(QStringLiteral("columns"));
    if (!columns.isObject())
        return templateError(QT_TRANSLATE_NOOP("ErrorText", "The mapping template has no \"columns\" object"));
    const QJsonObject map = columns.toObject();
    ColumnMapping m = propose(headers, type);
    for (int i = 0; i < headers.size(); ++i) {
        if (!map.contains(headers[i]))
            continue;
        const QJsonValue v = map.value(headers[i]);
        if (!v.isString() && !v.isNull())
            return templateError(QT_TRANSLATE_NOOP("ErrorText", "The mapping of column \"%1\" must be a field name or \"\""), {headers[i]});
        m.fields[i] = v.toString();
    }
    // A proposal gives way to a field the template puts elsewhere.
    for (int i = 0; i < headers.size(); ++i) {
        if (map.contains(headers[i]) || m.fields[i].isEmpty())
            continue;
        for (int j = 0; j < headers.size(); ++j)
            if (j != i && map.contains(headers[j]) && m.fields[j] == m.fields[i])
                m.fields[i].clear();
    }
    return m;
}

Result<ColumnMapping> ColumnMapping::loadTemplate(const QString &path, const QStringList &headers, const QString &type)
{
    if (type == Customers)
        return loadTemplate(path, headers);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::detailed(QStringLiteral("io.read"), QStringLiteral("mapping"),
                               QT_TRANSLATE_NOOP("ErrorText", "Cannot read the mapping %1: %2"), {path, f.errorString()});
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return templateError(QT_TRANSLATE_NOOP("ErrorText", "The mapping %1 is not a JSON object: %2"), {path, error.errorString()});
    return fromTemplate(doc.object(), headers, type);
}

} // namespace crm
