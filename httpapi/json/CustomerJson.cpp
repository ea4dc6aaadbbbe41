#include "httpapi/json/CustomerJson.h"

#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"

#include <QJsonDocument>

#include <QJsonArray>

namespace crm::json {

namespace {

Result<QStringList> stringList(const QJsonValue &v, const QString &field)
{
    if (v.isNull())
        return QStringList();
    if (!v.isArray())
        return Error::validation(QStringLiteral("type"), field, field + QStringLiteral(" must be a list of strings"));
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return Error::validation(QStringLiteral("type"), field, field + QStringLiteral(" must be a list of strings"));
        out.append(item.toString());
    }
    return out;
}

Result<QJsonObject> objectAt(const QJsonValue &v, const QString &field)
{
    if (!v.isObject())
        return Error::validation(QStringLiteral("type"), field, field + QStringLiteral(" must be a list of objects"));
    return v.toObject();
}

const QSet<QString> &ignoredFields()
{
    static const QSet<QString> f = {QStringLiteral("id"),        QStringLiteral("ownerName"),    QStringLiteral("createdAt"),
                                    QStringLiteral("updatedAt"), QStringLiteral("lastContactAt"), QStringLiteral("poolSince"),
                                    QStringLiteral("value"),     QStringLiteral("version"),       QStringLiteral("hiddenFields"),
                                    QStringLiteral("createdBy"), QStringLiteral("province"),      QStringLiteral("city"),
                                    QStringLiteral("district"),  QStringLiteral("inPool")};
    return f;
}

} // namespace


void write(JsonWriter &out, const Customer &c)
{
    out.beginObject();
    out.field("id", c.id).field("name", c.name).field("kind", c.kind).field("gender", c.gender);
    out.key("birthday");
    if (c.birthday.isValid())
        out.value(c.birthday.toString(Qt::ISODate));
    else
        out.null();
    out.field("occupation", c.occupation).field("industry", c.industry).field("company", c.company);
    out.field("position", c.position).field("source", c.source).field("status", c.status).field("level", c.level);
    out.field("phone", c.phone).field("email", c.email);
    out.field("province", c.province).field("city", c.city).field("district", c.district);
    out.key("tags").strings(c.tags);
    out.key("ownerId");
    if (c.ownerId)
        out.value(*c.ownerId);
    else
        out.null();
    out.field("ownerName", c.ownerName).field("inPool", !c.ownerId.has_value());
    writeTime(out, "createdAt", c.createdAt);
    writeTime(out, "updatedAt", c.updatedAt);
    writeTime(out, "lastContactAt", c.lastContactAt);
    out.key("value").money(c.wonValueMinor);
    out.field("version", c.version);
    if (!c.hiddenFields.isEmpty()) {
        QStringList hidden(c.hiddenFields.begin(), c.hiddenFields.end());
        hidden.sort();
        out.key("hiddenFields").strings(hidden);
    }
    if (c.detailLoaded) {
        out.key("phones").beginArray();
        for (const Phone &p : c.phones)
            out.beginObject().field("number", p.number).field("label", p.label).field("primary", p.primary).endObject();
        out.endArray();
        out.key("emails").beginArray();
        for (const Email &e : c.emails)
            out.beginObject().field("address", e.address).field("label", e.label).field("primary", e.primary).endObject();
        out.endArray();
        out.key("addresses").beginArray();
        for (const Address &a : c.addresses)
            out.beginObject()
                .field("label", a.label).field("province", a.province).field("city", a.city).field("district", a.district)
                .field("street", a.street).field("number", a.number).field("postalCode", a.postalCode).field("primary", a.primary)
                .endObject();
        out.endArray();
        out.key("groups").strings(c.groups);
        out.key("customFields").raw(QJsonDocument(c.customFields).toJson(QJsonDocument::Compact));
        out.field("notes", c.notes);
        writeTime(out, "poolSince", c.poolSince);
    }
    out.endObject();
}

QJsonObject contact(const Contact &c)
{
    return {{QStringLiteral("id"), double(c.id)},         {QStringLiteral("customerId"), double(c.customerId)},
            {QStringLiteral("name"), c.name},             {QStringLiteral("position"), c.position},
            {QStringLiteral("relationship"), c.relationship}, {QStringLiteral("phone"), c.phone},
            {QStringLiteral("email"), c.email},           {QStringLiteral("primary"), c.primary},
            {QStringLiteral("notes"), c.notes},           {QStringLiteral("createdAt"), time(c.createdAt)},
            {QStringLiteral("updatedAt"), time(c.updatedAt)}};
}

Result<CustomerInput> customerInput(const QJsonObject &body)
{
    CustomerInput in;
    Customer &c = in.values;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (ignoredFields().contains(key))
            continue;
        QString *text = nullptr;
        if (key == QLatin1String("name")) text = &c.name;
        else if (key == QLatin1String("kind")) text = &c.kind;
        else if (key == QLatin1String("gender")) text = &c.gender;
        else if (key == QLatin1String("occupation")) text = &c.occupation;
        else if (key == QLatin1String("industry")) text = &c.industry;
        else if (key == QLatin1String("company")) text = &c.company;
        else if (key == QLatin1String("position")) text = &c.position;
        else if (key == QLatin1String("source")) text = &c.source;
        else if (key == QLatin1String("status")) text = &c.status;
        else if (key == QLatin1String("level")) text = &c.level;
        else if (key == QLatin1String("notes")) text = &c.notes;
        if (text) {
            auto s = string(body, key, 10'000);
            if (!s)
                return s.error();
            *text = *s;
            in.fields.insert(key);
        } else if (key == QLatin1String("birthday")) {
            auto d = parseDate(v, key);
            if (!d)
                return d.error();
            c.birthday = *d;
            in.fields.insert(key);
        } else if (key == QLatin1String("phone") || key == QLatin1String("email")) {
            // The single-value shorthand the mini program sends: becomes the primary entry.
            auto s = string(body, key, 200);
            if (!s)
                return s.error();
            if (key == QLatin1String("phone")) {
                c.phones = s->isEmpty() ? QVector<Phone>{} : QVector<Phone>{Phone{*s, QStringLiteral("mobile"), true}};
                in.fields.insert(QStringLiteral("phones"));
            } else {
                c.emails = s->isEmpty() ? QVector<Email>{} : QVector<Email>{Email{*s, {}, true}};
                in.fields.insert(QStringLiteral("emails"));
            }
        } else if (key == QLatin1String("tags") || key == QLatin1String("groups")) {
            auto list = stringList(v, key);
            if (!list)
                return list.error();
            (key == QLatin1String("tags") ? c.tags : c.groups) = *list;
            in.fields.insert(key);
        } else if (key == QLatin1String("phones") || key == QLatin1String("emails") || key == QLatin1String("addresses")) {
            if (!v.isArray() && !v.isNull())
                return Error::validation(QStringLiteral("type"), key, key + QStringLiteral(" must be a list of objects"));
            for (const QJsonValue &item : v.toArray()) {
                auto o = objectAt(item, key);
                if (!o)
                    return o.error();
                const bool primary = o->value(QStringLiteral("primary")).toBool();
                const QString label = o->value(QStringLiteral("label")).toString();
                if (key == QLatin1String("phones"))
                    c.phones.append({o->value(QStringLiteral("number")).toString(), label, primary});
                else if (key == QLatin1String("emails"))
                    c.emails.append({o->value(QStringLiteral("address")).toString(), label, primary});
                else
                    c.addresses.append({label, o->value(QStringLiteral("province")).toString(), o->value(QStringLiteral("city")).toString(),
                                        o->value(QStringLiteral("district")).toString(), o->value(QStringLiteral("street")).toString(),
                                        o->value(QStringLiteral("number")).toString(), o->value(QStringLiteral("postalCode")).toString(),
                                        primary});
            }
            in.fields.insert(key);
        } else if (key == QLatin1String("ownerId")) {
            if (v.isNull()) {
                c.ownerId.reset();
            } else if (v.isDouble() && v.toDouble() > 0) {
                c.ownerId = qint64(v.toDouble());
            } else {
                return Error::validation(QStringLiteral("type"), key, QStringLiteral("ownerId must be a user id or null"));
            }
            in.fields.insert(key);
        } else if (key == QLatin1String("customFields")) {
            if (!v.isObject() && !v.isNull())
                return Error::validation(QStringLiteral("type"), key, QStringLiteral("customFields must be an object"));
            c.customFields = v.toObject();
            in.fields.insert(key);
        } else {
            return Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100));
        }
    }
    return in;
}

Result<ContactInput> contactInput(const QJsonObject &body)
{
    static const QSet<QString> ignored = {QStringLiteral("id"), QStringLiteral("customerId"), QStringLiteral("createdAt"),
                                          QStringLiteral("updatedAt"), QStringLiteral("userId")};
    ContactInput in;
    Contact &c = in.values;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        if (ignored.contains(key))
            continue;
        QString *text = nullptr;
        if (key == QLatin1String("name")) text = &c.name;
        else if (key == QLatin1String("position")) text = &c.position;
        else if (key == QLatin1String("relationship")) text = &c.relationship;
        else if (key == QLatin1String("phone")) text = &c.phone;
        else if (key == QLatin1String("email")) text = &c.email;
        else if (key == QLatin1String("notes")) text = &c.notes;
        if (text) {
            // ContactService enforces the real limits; this bound only keeps absurd bodies out.
            auto s = string(body, key, 10'000);
            if (!s)
                return s.error();
            *text = *s;
            in.fields.insert(key);
        } else if (key == QLatin1String("primary")) {
            if (!it.value().isBool())
                return Error::validation(QStringLiteral("type"), key, QStringLiteral("primary must be true or false"));
            c.primary = it.value().toBool();
            in.fields.insert(key);
        } else {
            return Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100));
        }
    }
    return in;
}

} // namespace crm::json
