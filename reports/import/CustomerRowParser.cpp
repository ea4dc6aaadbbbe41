#include "reports/import/CustomerRowParser.h"

#include "core/domain/Validation.h"
#include "core/services/ContactService.h"
#include "reports/customers/CustomerVocabulary.h"
#include "reports/import/ImportLookups.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>

namespace crm {

namespace {

QString phoneLabelFor(const QString &header)
{
    const QString h = header.toLower();
    for (const char *w : {"手机", "mobile", "cell", "移动"})
        if (h.contains(QString::fromUtf8(w)))
            return QStringLiteral("mobile");
    for (const char *w : {"座机", "固话", "办公", "office", "work"})
        if (h.contains(QString::fromUtf8(w)))
            return QStringLiteral("work");
    return {};
}

bool isSeparator(QChar c, bool slash)
{
    switch (c.unicode()) {
    case u',': case u';': case u'|': case u'\n': case u'\r':
    case u'\u3001': // 、
    case u'\uFF0C': // ，
    case u'\uFF1B': // ；
        return true;
    case u'/':
        return slash;
    default:
        return false;
    }
}

} // namespace

namespace {

// A custom field's cell as the JSON value its type stores; unreadable: the text itself (refused by
// CustomerValidator under the field's name).
QJsonValue customValue(const QString &type, const QString &v)
{
    if (type == QLatin1String("number")) {
        bool ok = false;
        const double d = QString(v).remove(QLatin1Char(',')).toDouble(&ok);
        return ok ? QJsonValue(d) : QJsonValue(v);
    }
    if (type == QLatin1String("date")) {
        const auto d = CustomerRowParser::parseDate(v);
        return d ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue(v);
    }
    if (type == QLatin1String("bool")) {
        const QString l = v.toLower();
        for (const char *yes : {"yes", "y", "true", "1", "是", "对"})
            if (l == QString::fromUtf8(yes))
                return true;
        for (const char *no : {"no", "n", "false", "0", "否", "不是"})
            if (l == QString::fromUtf8(no))
                return false;
    }
    return v;
}

} // namespace

CustomerRowParser::CustomerRowParser(const ColumnMapping &mapping, const QVector<CustomFieldDef> &customFields) : m_mapping(mapping)
{
    for (const CustomFieldDef &d : customFields)
        m_customTypes.insert(d.key, d.type);
    for (int i = 0; i < mapping.fields.size(); ++i)
        if (!mapping.fields[i].isEmpty())
            m_columns.append({i, mapping.fields[i], phoneLabelFor(mapping.headers.value(i)), targetOf(mapping.fields[i])});
    m_contactName = mapping.columnOf(QStringLiteral("contactName"));
    m_contactPosition = mapping.columnOf(QStringLiteral("contactPosition"));
    m_contactPhone = mapping.columnOf(QStringLiteral("contactPhone"));
    m_contactEmail = mapping.columnOf(QStringLiteral("contactEmail"));
}

CustomerRowParser::Target CustomerRowParser::targetOf(const QString &field)
{
    static const QHash<QString, Target> targets = {
        {QStringLiteral("name"), Target::Name},         {QStringLiteral("company"), Target::Company},
        {QStringLiteral("phone"), Target::Phone},       {QStringLiteral("email"), Target::Email},
        {QStringLiteral("tags"), Target::Tags},         {QStringLiteral("groups"), Target::Groups},
        {QStringLiteral("source"), Target::Source},     {QStringLiteral("kind"), Target::Kind},
        {QStringLiteral("status"), Target::Status},     {QStringLiteral("level"), Target::Level},
        {QStringLiteral("gender"), Target::Gender},     {QStringLiteral("birthday"), Target::Birthday},
        {QStringLiteral("industry"), Target::Industry}, {QStringLiteral("occupation"), Target::Occupation},
        {QStringLiteral("position"), Target::Position}, {QStringLiteral("notes"), Target::Notes},
        {QStringLiteral("province"), Target::Province}, {QStringLiteral("city"), Target::City},
        {QStringLiteral("district"), Target::District}, {QStringLiteral("street"), Target::Street},
        {QStringLiteral("postalCode"), Target::PostalCode},
    };
    if (ColumnMapping::isCustomField(field))
        return Target::Custom;
    return targets.value(field, Target::Other);
}

QString CustomerRowParser::clean(const QString &cell)
{
    QString t = cell.trimmed();
    // Undo the formula guard of CSV writers (ours included): '=..., '+..., '-..., '@...
    if (t.size() >= 2 && t.front() == QLatin1Char('\'') &&
        (t[1] == QLatin1Char('=') || t[1] == QLatin1Char('+') || t[1] == QLatin1Char('-') || t[1] == QLatin1Char('@')))
        t.remove(0, 1);
    return t;
}

QStringList CustomerRowParser::splitList(const QString &cell, bool slashSeparates)
{
    QStringList out;
    // Most cells hold one value: shared, not copied (an import splits millions of cells).
    if (std::none_of(cell.begin(), cell.end(), [&](QChar c) { return isSeparator(c, slashSeparates); })) {
        if (QString t = cell.trimmed(); !t.isEmpty())
            out << t;
        return out;
    }
    qsizetype from = 0;
    for (qsizetype i = 0; i <= cell.size(); ++i) {
        if (i < cell.size() && !isSeparator(cell[i], slashSeparates))
            continue;
        const QString part = cell.mid(from, i - from).trimmed();
        if (!part.isEmpty())
            out << part;
        from = i + 1;
    }
    return out;
}

std::optional<QDate> CustomerRowParser::parseDate(const QString &text)
{
    static const QRegularExpression separated(
        QStringLiteral("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    QRegularExpressionMatch m = separated.match(text);
    if (!m.hasMatch())
        m = compact.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    return d;
}

QString CustomerRowParser::cell(const QStringList &cells, int column) const
{
    return column < 0 ? QString() : clean(cells.value(column));
}

bool CustomerRowParser::isBlank(const QStringList &cells) const
{
    for (const Column &c : m_columns)
        if (!cells.value(c.index).trimmed().isEmpty())
            return false;
    return true;
}

Status CustomerRowParser::parse(const QStringList &cells, Customer &c) const
{
    Address address;
    bool hasAddress = false;
    for (const Column &col : m_columns) {
        const QString v = clean(cells.value(col.index));
        if (v.isEmpty())
            continue;
        const QString &f = col.field;
        switch (col.target) {
        case Target::Name: c.name = v; break;
        case Target::Company: c.company = v; break;
        case Target::Phone:
            for (const QString &n : splitList(v, true))
                c.phones.append({n, col.phoneLabel, false});
            break;
        case Target::Email:
            for (const QString &e : splitList(v.simplified().replace(QLatin1Char(' '), QLatin1Char(',')), false))
                c.emails.append({e, {}, false});
            break;
        case Target::Tags: c.tags += splitList(v, false); break;
        case Target::Groups: c.groups += splitList(v, false); break;
        case Target::Source: c.source = v; break;
        case Target::Kind: c.kind = CustomerVocabulary::canonical(f, v); break;
        case Target::Status: c.status = CustomerVocabulary::canonical(f, v); break;
        case Target::Level: c.level = CustomerVocabulary::canonical(f, v); break;
        case Target::Gender: c.gender = CustomerVocabulary::canonical(f, v); break;
        case Target::Birthday: {
            const auto d = parseDate(v);
            if (!d)
                return cellFormatError("birthday", QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is not a date (write it as YYYY-MM-DD)"), v);
            c.birthday = *d;
            break;
        }
        case Target::Industry: c.industry = v; break;
        case Target::Occupation: c.occupation = v; break;
        case Target::Position: c.position = v; break;
        case Target::Notes: c.notes = v; break;
        case Target::Province: address.province = v; hasAddress = true; break;
        case Target::City: address.city = v; hasAddress = true; break;
        case Target::District: address.district = v; hasAddress = true; break;
        case Target::Street: address.street = v; hasAddress = true; break;
        case Target::PostalCode: address.postalCode = v; hasAddress = true; break;
        case Target::Custom: {
            const QString key = CustomFieldDef::keyOf(f);
            c.customFields.insert(key, customValue(m_customTypes.value(key), v));
            break;
        }
        case Target::Other: // contact columns (contact()) and fields an import does not fill
            break;
        }
    }
    if (hasAddress) {
        address.primary = true;
        c.addresses = {address};
    }
    return {};
}

std::optional<Contact> CustomerRowParser::contact(const QStringList &cells) const
{
    Contact k;
    k.name = cell(cells, m_contactName);
    k.position = cell(cells, m_contactPosition);
    k.phone = cell(cells, m_contactPhone);
    k.email = cell(cells, m_contactEmail);
    if (k.name.isEmpty() && k.position.isEmpty() && k.phone.isEmpty() && k.email.isEmpty())
        return std::nullopt;
    k.primary = true;
    return k;
}

Status CustomerRowParser::checkContact(Contact &contact)
{
    Status st = ContactService::validateDraft(contact);
    if (st)
        return st;
    Error e = st.error();
    static const QHash<QString, QString> fields = {{QStringLiteral("name"), QStringLiteral("contactName")},
                                                   {QStringLiteral("position"), QStringLiteral("contactPosition")},
                                                   {QStringLiteral("phone"), QStringLiteral("contactPhone")},
                                                   {QStringLiteral("email"), QStringLiteral("contactEmail")}};
    e.field = fields.value(e.field, e.field);
    if (e.field == QLatin1String("contactName") && e.code == QLatin1String("validation.required"))
        e.message = QStringLiteral("The contact's other columns are filled but the contact name is missing");
    return e;
}

int CustomerRowParser::columnFor(const Error &error, const QStringList &cells) const
{
    const QString &f = error.field;
    if (f == QLatin1String("phones") || f == QLatin1String("emails")) {
        const bool phones = f == QLatin1String("phones");
        const QList<int> columns = m_mapping.columnsOf(phones ? QStringLiteral("phone") : QStringLiteral("email"));
        for (int i : columns)
            for (const QString &v : splitList(clean(cells.value(i)), phones))
                if (phones ? !Validation::normalizePhone(v) : !Validation::normalizeEmail(v))
                    return i;
        return columns.value(0, -1);
    }
    if (f == QLatin1String("addresses")) {
        for (const char *part : {"street", "province", "city", "district", "postalCode"}) {
            const int i = m_mapping.columnOf(QLatin1String(part));
            if (i >= 0 && clean(cells.value(i)).size() > 200)
                return i;
        }
        return m_mapping.columnOf(QStringLiteral("street"));
    }
    return m_mapping.columnOf(f);
}

} // namespace crm
