#include "httpapi/json/OpportunityJson.h"

#include "core/domain/Analytics.h"
#include "httpapi/json/ActivityJson.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"

namespace crm::json {

namespace {

const QSet<QString> &ignoredFields()
{
    static const QSet<QString> f = {
        QStringLiteral("id"),           QStringLiteral("userId"),         QStringLiteral("createdAt"),
        QStringLiteral("updatedAt"),    QStringLiteral("closedAt"),       QStringLiteral("stageEnteredAt"),
        QStringLiteral("version"),      QStringLiteral("customerName"),   QStringLiteral("ownerName"),
        QStringLiteral("stageName"),    QStringLiteral("stage"),          QStringLiteral("weightedValue"),
        QStringLiteral("hiddenFields"), QStringLiteral("leadId"),         QStringLiteral("status"),
        QStringLiteral("customerVisible"),
    };
    return f;
}

} // namespace

void write(JsonWriter &out, const Opportunity &o, bool leaveOpen)
{
    const bool amountHidden = o.hiddenFields.contains(QStringLiteral("amountMinor"));
    const bool probabilityHidden = o.hiddenFields.contains(QStringLiteral("probability"));
    out.beginObject();
    out.field("id", o.id).field("name", o.name).field("title", o.name);
    out.field("customerId", o.customerId).field("customerName", o.customerName);
    out.field("pipelineId", o.pipelineId).field("stageId", o.stageId).field("stageName", o.stageName).field("stage", o.stageName);
    for (const char *name : {"value", "amount"}) {
        out.key(name);
        if (amountHidden)
            out.null();
        else
            out.money(o.amountMinor);
    }
    out.field("currency", o.currency);
    out.key("probability");
    if (probabilityHidden)
        out.null();
    else
        out.value(o.probability);
    out.key("weightedValue");
    if (amountHidden || probabilityHidden)
        out.null();
    else
        out.money(divideRoundHalfUp(o.amountMinor * o.probability, 100)); // < 2^63: amounts are capped at 10^15
    out.key("expectedCloseDate");
    if (o.expectedCloseDate.isValid())
        out.value(o.expectedCloseDate.toString(Qt::ISODate));
    else
        out.null();
    out.field("status", o.status).field("lossReason", o.lossReason);
    out.key("ownerId");
    if (o.ownerId)
        out.value(*o.ownerId);
    else
        out.null();
    out.field("ownerName", o.ownerName);
    out.key("leadId");
    if (o.leadId > 0)
        out.value(o.leadId);
    else
        out.null();
    out.field("notes", o.notes);
    writeTime(out, "createdAt", o.createdAt);
    writeTime(out, "updatedAt", o.updatedAt);
    writeTime(out, "closedAt", o.closedAt);
    writeTime(out, "stageEnteredAt", o.stageEnteredAt);
    out.field("version", o.version);
    if (!o.hiddenFields.isEmpty()) {
        QStringList hidden(o.hiddenFields.begin(), o.hiddenFields.end());
        hidden.sort();
        out.key("hiddenFields").strings(hidden);
    }
    if (!leaveOpen)
        out.endObject();
}

void write(JsonWriter &out, const Stage &s, bool leaveOpen)
{
    out.beginObject();
    out.field("id", s.id).field("pipelineId", s.pipelineId).field("name", s.name).field("position", s.position);
    out.field("probability", s.probability).field("kind", s.kind);
    if (!leaveOpen)
        out.endObject();
}

void write(JsonWriter &out, const Pipeline &p)
{
    out.beginObject();
    out.field("id", p.id).field("name", p.name).field("isDefault", p.isDefault).field("position", p.position);
    out.field("version", p.version);
    out.key("stages").beginArray();
    for (const Stage &s : p.stages)
        write(out, s);
    out.endArray();
    out.endObject();
}

Result<OpportunityInput> opportunityInput(const QJsonObject &body, bool creating)
{
    OpportunityInput in;
    Opportunity &o = in.values;
    bool nameGiven = false, amountGiven = false;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (ignoredFields().contains(key))
            continue;
        if (key == QLatin1String("name") || key == QLatin1String("title")) {
            if (key == QLatin1String("title") && nameGiven)
                continue; // name wins
            auto s = string(body, key, 500);
            if (!s)
                return s.error();
            o.name = *s;
            nameGiven = nameGiven || key == QLatin1String("name");
            if (key == QLatin1String("name"))
                in.names.remove(QStringLiteral("name"));
            else
                in.names.insert(QStringLiteral("name"), key);
            in.fields.insert(QStringLiteral("name"));
        } else if (key == QLatin1String("value") || key == QLatin1String("amount")) {
            if (key == QLatin1String("amount") && amountGiven)
                continue; // value, the page's name, wins
            auto minor = parseMoney(v, key);
            if (!minor)
                return minor.error();
            o.amountMinor = *minor;
            amountGiven = amountGiven || key == QLatin1String("value");
            in.names.insert(QStringLiteral("amountMinor"), key);
            in.fields.insert(QStringLiteral("amountMinor"));
        } else if (key == QLatin1String("currency") || key == QLatin1String("notes") || key == QLatin1String("lossReason")) {
            auto s = string(body, key, 10'000);
            if (!s)
                return s.error();
            if (key == QLatin1String("currency"))
                o.currency = s->trimmed().toUpper();
            else
                (key == QLatin1String("notes") ? o.notes : o.lossReason) = *s;
            in.fields.insert(key);
        } else if (key == QLatin1String("probability")) {
            if (v.isNull()) {
                if (!creating)
                    return Error::validation(QStringLiteral("type"), key, QStringLiteral("probability must be an integer"));
                continue; // the stage's
            }
            auto n = integer(body, key);
            if (!n)
                return n.error();
            o.probability = *n;
            in.fields.insert(key);
        } else if (key == QLatin1String("expectedCloseDate")) {
            auto d = parseDate(v, key);
            if (!d)
                return d.error();
            o.expectedCloseDate = *d;
            in.fields.insert(key);
        } else if (key == QLatin1String("customerId") || key == QLatin1String("ownerId") || key == QLatin1String("stageId")
                   || key == QLatin1String("pipelineId")) {
            auto id = idValue(v, key);
            if (!id)
                return id.error();
            if (key == QLatin1String("customerId")) {
                o.customerId = id->value_or(0);
                in.fields.insert(key);
            } else if (key == QLatin1String("ownerId")) {
                o.ownerId = *id;
                in.fields.insert(key);
            } else {
                (key == QLatin1String("stageId") ? in.stageId : in.pipelineId) = *id;
            }
        } else {
            return Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100));
        }
    }
    if (creating && (!nameGiven && !in.fields.contains(QStringLiteral("name"))))
        return Error::validation(QStringLiteral("required"), QStringLiteral("name"), QStringLiteral("The name is required"));
    if (creating && o.customerId <= 0)
        return Error::validation(QStringLiteral("required"), QStringLiteral("customerId"), QStringLiteral("Choose a customer"));
    if (!in.names.contains(QStringLiteral("amountMinor")))
        in.names.insert(QStringLiteral("amountMinor"), QStringLiteral("value"));
    return in;
}

} // namespace crm::json
