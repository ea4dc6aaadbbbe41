#include "httpapi/json/LeadJson.h"

#include "httpapi/json/ActivityJson.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"

namespace crm::json {

namespace {

void writeId(JsonWriter &out, const char *name, qint64 id)
{
    out.key(name);
    if (id > 0)
        out.value(id);
    else
        out.null();
}

const QSet<QString> &ignoredLeadFields()
{
    static const QSet<QString> f = {QStringLiteral("id"),
                                    QStringLiteral("createdAt"),
                                    QStringLiteral("updatedAt"),
                                    QStringLiteral("createdBy"),
                                    QStringLiteral("version"),
                                    QStringLiteral("ownerName"),
                                    QStringLiteral("convertedAt"),
                                    QStringLiteral("convertedCustomerId"),
                                    QStringLiteral("convertedContactId"),
                                    QStringLiteral("convertedOpportunityId"),
                                    QStringLiteral("userId")};
    return f;
}

Error unknownField(const QString &key)
{
    return Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100));
}

} // namespace

void write(JsonWriter &out, const Lead &l)
{
    out.beginObject();
    out.field("id", l.id).field("name", l.name).field("company", l.company).field("phone", l.phone).field("email", l.email);
    out.field("source", l.source).field("status", l.status).field("notes", l.notes);
    writeId(out, "ownerId", l.ownerId.value_or(0));
    out.field("ownerName", l.ownerName);
    writeId(out, "createdBy", l.createdBy);
    writeTime(out, "createdAt", l.createdAt);
    writeTime(out, "updatedAt", l.updatedAt);
    writeTime(out, "convertedAt", l.convertedAt);
    writeId(out, "convertedCustomerId", l.convertedCustomerId);
    writeId(out, "convertedContactId", l.convertedContactId);
    writeId(out, "convertedOpportunityId", l.convertedOpportunityId);
    out.field("version", l.version);
    out.endObject();
}

Result<LeadInput> leadInput(const QJsonObject &body)
{
    LeadInput in;
    Lead &l = in.values;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        if (ignoredLeadFields().contains(key))
            continue;
        QString *target = nullptr;
        if (key == QLatin1String("name")) target = &l.name;
        else if (key == QLatin1String("company")) target = &l.company;
        else if (key == QLatin1String("phone")) target = &l.phone;
        else if (key == QLatin1String("email")) target = &l.email;
        else if (key == QLatin1String("source")) target = &l.source;
        else if (key == QLatin1String("status")) target = &l.status;
        else if (key == QLatin1String("notes")) target = &l.notes;
        if (target) {
            // LeadService enforces the real limits; this bound only keeps absurd bodies out.
            auto s = string(body, key, 10'000);
            if (!s)
                return s.error();
            *target = *s;
            in.fields.insert(key);
        } else if (key == QLatin1String("ownerId")) {
            auto id = idValue(it.value(), key);
            if (!id)
                return id.error();
            l.ownerId = *id;
            in.fields.insert(key);
        } else {
            return unknownField(key);
        }
    }
    return in;
}

Result<LeadConversion> leadConversion(const QJsonObject &body)
{
    LeadConversion c;
    bool amountGiven = false;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("createOpportunity")) {
            if (!v.isBool())
                return Error::validation(QStringLiteral("type"), key, QStringLiteral("createOpportunity must be true or false"));
            c.createOpportunity = v.toBool();
        } else if (key == QLatin1String("opportunityName") || key == QLatin1String("currency")) {
            auto s = string(body, key, 200);
            if (!s)
                return s.error();
            (key == QLatin1String("currency") ? c.currency : c.opportunityName) = s->trimmed();
        } else if (key == QLatin1String("amount") || key == QLatin1String("value")) {
            if (key == QLatin1String("value") && amountGiven)
                continue; // amount wins when both are sent
            if (v.isNull())
                continue;
            auto minor = parseMoney(v, key);
            if (!minor)
                return minor.error();
            c.amountMinor = *minor;
            amountGiven = key == QLatin1String("amount");
        } else if (key == QLatin1String("pipelineId")) {
            auto id = idValue(v, key);
            if (!id)
                return id.error();
            c.pipelineId = *id;
        } else if (key == QLatin1String("expectedCloseDate")) {
            auto date = parseDate(v, key);
            if (!date)
                return date.error();
            c.expectedCloseDate = *date;
        } else if (key != QLatin1String("userId")) {
            return unknownField(key);
        }
    }
    return c;
}

Error conversionError(Error e)
{
    if (e.field == QLatin1String("amountMinor"))
        e.field = QStringLiteral("amount");
    return e;
}

Result<Lead> publicLeadInput(const QJsonObject &body, const QString &defaultSource)
{
    Lead l;
    struct Text
    {
        const char *name;
        QString *target;
        int max;
    };
    const Text texts[] = {{"name", &l.name, 200},   {"company", &l.company, 200}, {"phone", &l.phone, 50},
                          {"email", &l.email, 200}, {"message", &l.notes, 2000},  {"notes", &l.notes, 2000},
                          {"source", &l.source, 100}};
    for (auto it = body.begin(); it != body.end(); ++it) {
        bool known = false;
        for (const Text &t : texts)
            known = known || it.key() == QLatin1String(t.name);
        if (!known)
            return unknownField(it.key());
    }
    for (const Text &t : texts) {
        const QString field = QLatin1String(t.name);
        if (!body.contains(field))
            continue;
        auto s = string(body, field, t.max);
        if (!s)
            return s.error();
        if (!s->trimmed().isEmpty())
            *t.target = s->trimmed();
    }
    if (l.name.isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("name"), QStringLiteral("Enter your name"));
    if (l.phone.isEmpty() && l.email.isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("phone"), QStringLiteral("Enter a phone number or an email address"));
    if (l.source.isEmpty())
        l.source = defaultSource;
    return l;
}

} // namespace crm::json
