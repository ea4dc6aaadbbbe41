#include "core/services/CustomerValidator.h"

#include "core/domain/CustomField.h"
#include "core/domain/Validation.h"
#include "core/storage/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace crm {

const QStringList &CustomerValidator::kinds()
{
    static const QStringList v = {QStringLiteral("company"), QStringLiteral("person")};
    return v;
}
const QStringList &CustomerValidator::statuses()
{
    static const QStringList v = {QStringLiteral("prospect"), QStringLiteral("new"),     QStringLiteral("active"),
                                  QStringLiteral("loyal"),    QStringLiteral("at_risk"), QStringLiteral("lost")};
    return v;
}
const QStringList &CustomerValidator::levels()
{
    static const QStringList v = {QString(), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};
    return v;
}
const QStringList &CustomerValidator::genders()
{
    static const QStringList v = {QString(), QStringLiteral("male"), QStringLiteral("female")};
    return v;
}
const QSet<QString> &CustomerValidator::fieldNames()
{
    static const QSet<QString> v = {QStringLiteral("name"),     QStringLiteral("kind"),      QStringLiteral("gender"),
                                    QStringLiteral("birthday"), QStringLiteral("occupation"), QStringLiteral("industry"),
                                    QStringLiteral("company"),  QStringLiteral("position"),  QStringLiteral("source"),
                                    QStringLiteral("status"),   QStringLiteral("level"),     QStringLiteral("phones"),
                                    QStringLiteral("emails"),   QStringLiteral("addresses"), QStringLiteral("tags"),
                                    QStringLiteral("groups"),   QStringLiteral("ownerId"),   QStringLiteral("customFields"),
                                    QStringLiteral("notes")};
    return v;
}

namespace {

Status checkText(const QString &value, const QString &field, int max)
{
    return Validation::maxLength(value, max, field);
}

// Cleans a list of short labels (tags, groups): trimmed, unique, bounded.
Status cleanLabels(QStringList &labels, const QString &field)
{
    QStringList out;
    for (const QString &raw : labels) {
        const QString t = raw.trimmed();
        if (t.isEmpty() || out.contains(t))
            continue;
        if (t.size() > 50)
            return Error::validation(QStringLiteral("too_long"), field, QStringLiteral("A %1 entry is longer than 50 characters").arg(field));
        out << t;
    }
    if (out.size() > 50)
        return Error::validation(QStringLiteral("too_long"), field, QStringLiteral("At most 50 %1").arg(field));
    labels = out;
    return {};
}

template <typename T>
int primaryIndex(const QVector<T> &list)
{
    for (int i = 0; i < list.size(); ++i)
        if (list[i].primary)
            return i;
    return list.isEmpty() ? -1 : 0;
}

// Exactly one primary entry when the list is not empty.
template <typename T>
void settlePrimary(QVector<T> &list)
{
    const int p = primaryIndex(list);
    for (int i = 0; i < list.size(); ++i)
        list[i].primary = i == p;
}

} // namespace

Status CustomerValidator::normalize(Customer &c, const QSet<QString> &fields, qint64 nowMs)
{
    // Looked up with QStringLiterals: QSet<QString>::contains(QLatin1String) builds a QString (an
    // allocation) per call, twenty times per row of an import.
    auto has = [&](const QString &f) { return fields.contains(f); };
    if (has(QStringLiteral("name"))) {
        c.name = c.name.trimmed();
        if (Status st = Validation::required(c.name, QStringLiteral("name"), QStringLiteral("The customer name")); !st)
            return st;
        if (Status st = checkText(c.name, QStringLiteral("name"), 200); !st)
            return st;
    }
    if (has(QStringLiteral("kind")))
        if (Status st = Validation::oneOf(c.kind, kinds(), QStringLiteral("kind")); !st)
            return st;
    if (has(QStringLiteral("gender")))
        if (Status st = Validation::oneOf(c.gender, genders(), QStringLiteral("gender")); !st)
            return st;
    if (has(QStringLiteral("status")))
        if (Status st = Validation::oneOf(c.status, statuses(), QStringLiteral("status")); !st)
            return st;
    if (has(QStringLiteral("level")))
        if (Status st = Validation::oneOf(c.level, levels(), QStringLiteral("level")); !st)
            return st;
    if (has(QStringLiteral("birthday")) && c.birthday.isValid()) {
        const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date();
        if (c.birthday > today || c.birthday.year() < 1900)
            return Error::validation(QStringLiteral("range"), QStringLiteral("birthday"), QStringLiteral("The birthday is not a plausible date"));
    }
    const std::pair<QString, QString *> texts[] = {{QStringLiteral("occupation"), &c.occupation},
                                                   {QStringLiteral("industry"), &c.industry},
                                                   {QStringLiteral("company"), &c.company},
                                                   {QStringLiteral("position"), &c.position},
                                                   {QStringLiteral("source"), &c.source}};
    for (const auto &[name, value] : texts) {
        if (!has(name))
            continue;
        *value = value->trimmed();
        if (Status st = checkText(*value, name, 200); !st)
            return st;
    }
    if (has(QStringLiteral("notes")))
        if (Status st = checkText(c.notes, QStringLiteral("notes"), 20000); !st)
            return st;
    if (has(QStringLiteral("phones"))) {
        if (c.phones.size() > 20)
            return Error::validation(QStringLiteral("too_long"), QStringLiteral("phones"), QStringLiteral("At most 20 phone numbers"));
        QVector<Phone> cleaned;
        for (Phone p : c.phones) {
            if (p.number.trimmed().isEmpty())
                continue;
            const auto n = Validation::normalizePhone(p.number);
            if (!n)
                return Error::validation(QStringLiteral("format"), QStringLiteral("phones"),
                                         QStringLiteral("\"%1\" is not a valid phone number").arg(p.number.left(40)));
            p.number = *n;
            if (std::none_of(cleaned.begin(), cleaned.end(), [&](const Phone &x) { return x.number == p.number; }))
                cleaned << p;
        }
        settlePrimary(cleaned);
        c.phones = cleaned;
        c.phone = cleaned.isEmpty() ? QString() : cleaned[primaryIndex(cleaned)].number;
    }
    if (has(QStringLiteral("emails"))) {
        if (c.emails.size() > 20)
            return Error::validation(QStringLiteral("too_long"), QStringLiteral("emails"), QStringLiteral("At most 20 email addresses"));
        QVector<Email> cleaned;
        for (Email e : c.emails) {
            if (e.address.trimmed().isEmpty())
                continue;
            const auto n = Validation::normalizeEmail(e.address);
            if (!n)
                return Error::validation(QStringLiteral("format"), QStringLiteral("emails"),
                                         QStringLiteral("\"%1\" is not a valid email address").arg(e.address.left(60)));
            e.address = *n;
            if (std::none_of(cleaned.begin(), cleaned.end(), [&](const Email &x) { return x.address == e.address; }))
                cleaned << e;
        }
        settlePrimary(cleaned);
        c.emails = cleaned;
        c.email = cleaned.isEmpty() ? QString() : cleaned[primaryIndex(cleaned)].address;
    }
    if (has(QStringLiteral("addresses"))) {
        if (c.addresses.size() > 20)
            return Error::validation(QStringLiteral("too_long"), QStringLiteral("addresses"), QStringLiteral("At most 20 addresses"));
        for (Address &a : c.addresses) {
            for (QString *part : {&a.label, &a.province, &a.city, &a.district, &a.street, &a.number, &a.postalCode}) {
                *part = part->trimmed();
                if (Status st = checkText(*part, QStringLiteral("addresses"), 200); !st)
                    return st;
            }
        }
        settlePrimary(c.addresses);
        const int p = primaryIndex(c.addresses);
        c.province = p < 0 ? QString() : c.addresses[p].province;
        c.city = p < 0 ? QString() : c.addresses[p].city;
        c.district = p < 0 ? QString() : c.addresses[p].district;
    }
    if (has(QStringLiteral("tags")))
        if (Status st = cleanLabels(c.tags, QStringLiteral("tags")); !st)
            return st;
    if (has(QStringLiteral("groups")))
        if (Status st = cleanLabels(c.groups, QStringLiteral("groups")); !st)
            return st;
    if (has(QStringLiteral("customFields")))
        if (Status st = checkCustomFields(c.customFields); !st)
            return st;
    return {};
}

Status CustomerValidator::checkCustomFields(const QJsonObject &values)
{
    struct Def { QString type; QStringList options; bool required; };
    QHash<QString, Def> defs;
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT field_key, field_type, options, required FROM custom_field_defs WHERE entity = 'customer'"));
    if (Status st = m_db.exec(q); !st)
        return st;
    while (q.next()) {
        QStringList options;
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
            options << v.toString();
        defs.insert(q.value(0).toString(), {q.value(1).toString(), options, q.value(3).toInt() != 0});
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QString field = CustomFieldDef::fieldName(it.key());
        const auto def = defs.constFind(it.key());
        if (def == defs.cend())
            return Error::validation(QStringLiteral("unknown"), field, QStringLiteral("There is no custom field \"%1\"").arg(it.key()));
        const QJsonValue v = it.value();
        if (v.isNull())
            continue;
        bool ok = true;
        if (def->type == QLatin1String("number"))
            ok = v.isDouble();
        else if (def->type == QLatin1String("bool"))
            ok = v.isBool();
        else if (def->type == QLatin1String("date"))
            ok = v.isString() && Validation::parseDate(v.toString()).has_value();
        else if (def->type == QLatin1String("choice"))
            ok = v.isString() && def->options.contains(v.toString());
        else
            ok = v.isString() && v.toString().size() <= 2000;
        if (!ok)
            return Error::validation(QStringLiteral("format"), field,
                                     QStringLiteral("The custom field \"%1\" expects a %2").arg(it.key(), def->type));
    }
    for (auto it = defs.cbegin(); it != defs.cend(); ++it)
        if (it->required && (!values.contains(it.key()) || values.value(it.key()).isNull()))
            return Error::validation(QStringLiteral("required"), CustomFieldDef::fieldName(it.key()),
                                     QStringLiteral("The custom field \"%1\" is required").arg(it.key()));
    return {};
}

} // namespace crm
