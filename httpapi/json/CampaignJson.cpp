#include "httpapi/json/CampaignJson.h"

#include "httpapi/json/ActivityJson.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace crm::json {

namespace {

// The most customers one request may add by id; larger audiences are a saved target's job.
constexpr int kMaxCustomerIds = 1000;
// Texts are bounded here only to keep absurd bodies out; the services enforce the real limits.
constexpr int kMaxText = 10'000;

Error unknownField(const QString &key)
{
    return Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100));
}

Error typeError(const QString &field, const QString &expected)
{
    return Error::validation(QStringLiteral("type"), field, QStringLiteral("%1 must be %2").arg(field, expected));
}

void writeDate(JsonWriter &out, const char *name, const QDate &d)
{
    out.key(name);
    if (d.isValid())
        out.value(d.toString(Qt::ISODate));
    else
        out.null();
}

// A target from a body. CampaignTarget::fromJson reads a mistyped or unknown condition as absent,
// which widens the audience (a misspelt "status" would target every customer); a body is checked
// first, so such a mistake is a 400 naming the condition instead.
Result<CampaignTarget> targetValue(const QJsonValue &value)
{
    const QString field = QStringLiteral("target");
    if (!value.isObject())
        return typeError(field, QStringLiteral("an object such as {\"statuses\": [\"active\"], \"city\": \"...\"}"));
    const QJsonObject o = value.toObject();
    std::optional<qint64> ownerId;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        const QString name = field + QLatin1Char('.') + key;
        const QJsonValue v = it.value();
        if (key == QLatin1String("statuses")) {
            if (!v.isNull() && !v.isArray())
                return typeError(name, QStringLiteral("a list of customer statuses"));
            for (const QJsonValue &s : v.toArray())
                if (!s.isString())
                    return typeError(name, QStringLiteral("a list of customer statuses"));
        } else if (key == QLatin1String("tag") || key == QLatin1String("group") || key == QLatin1String("source")
                   || key == QLatin1String("province") || key == QLatin1String("city")) {
            if (!v.isNull() && !v.isString())
                return typeError(name, QStringLiteral("a string"));
        } else if (key == QLatin1String("ownerId")) {
            auto id = idValue(v, name);
            if (!id)
                return id.error();
            ownerId = *id;
        } else {
            return unknownField(name);
        }
    }
    CampaignTarget t = CampaignTarget::fromJson(o);
    t.ownerId = ownerId; // idValue also takes an id as decimal text, which fromJson would drop
    return t;
}

} // namespace

void write(JsonWriter &out, const Campaign &c)
{
    out.beginObject();
    out.field("id", c.id).field("name", c.name).field("goal", c.goal).field("description", c.description);
    writeDate(out, "startDate", c.startDate);
    writeDate(out, "endDate", c.endDate);
    out.field("status", c.status);
    out.key("budget").money(c.budgetMinor);
    out.field("currency", c.currency);
    out.key("target").raw(QJsonDocument(c.target.toJson()).toJson(QJsonDocument::Compact));
    writeId(out, "ownerId", c.ownerId);
    out.key("ownerName");
    if (c.ownerId && !c.ownerName.isEmpty())
        out.value(c.ownerName);
    else
        out.null();
    writeTime(out, "createdAt", c.createdAt);
    writeTime(out, "updatedAt", c.updatedAt);
    out.field("version", c.version);
    out.endObject();
}

void write(JsonWriter &out, const CampaignParticipant &p)
{
    out.beginObject();
    out.field("campaignId", p.campaignId).field("customerId", p.customerId).field("customerName", p.customerName);
    out.field("status", p.status).field("response", p.response);
    writeTime(out, "respondedAt", p.respondedAt);
    writeTime(out, "addedAt", p.addedAt);
    out.endObject();
}

void write(JsonWriter &out, const CampaignStats &s)
{
    out.beginObject();
    out.field("participants", s.participants).field("invited", s.invited).field("responded", s.responded);
    out.field("converted", s.converted).field("declined", s.declined);
    out.endObject();
}

void write(JsonWriter &out, const ScoreSummary &s)
{
    out.beginObject();
    out.field("count", s.count);
    // Hundredths, written exactly with two decimals (467 -> 4.67) the way money is.
    out.key("average").money(s.averageX100);
    out.key("perScore").beginArray();
    for (qint64 n : s.perScore)
        out.value(n);
    out.endArray();
    out.endObject();
}

void write(JsonWriter &out, const Feedback &f)
{
    out.beginObject();
    out.field("id", f.id).field("customerId", f.customerId);
    writeId(out, "campaignId", f.campaignId);
    // Recorded by the system (no user): null rather than a user id 0 that names nobody.
    writeId(out, "userId", f.userId > 0 ? std::optional<qint64>(f.userId) : std::nullopt);
    out.field("userName", f.userName).field("score", f.score).field("comment", f.comment);
    writeTime(out, "createdAt", f.createdAt);
    out.endObject();
}

Result<CampaignInput> campaignInput(const QJsonObject &body)
{
    static const QSet<QString> ignored = {QStringLiteral("id"),        QStringLiteral("ownerId"),   QStringLiteral("ownerName"),
                                          QStringLiteral("createdAt"), QStringLiteral("updatedAt"), QStringLiteral("version")};
    CampaignInput in;
    Campaign &c = in.values;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (ignored.contains(key))
            continue;
        QString *text = nullptr;
        if (key == QLatin1String("name")) text = &c.name;
        else if (key == QLatin1String("goal")) text = &c.goal;
        else if (key == QLatin1String("description")) text = &c.description;
        else if (key == QLatin1String("status")) text = &c.status;
        else if (key == QLatin1String("currency")) text = &c.currency;
        if (text) {
            auto s = string(body, key, kMaxText);
            if (!s)
                return s.error();
            *text = *s;
            in.fields.insert(key);
        } else if (key == QLatin1String("startDate") || key == QLatin1String("endDate")) {
            auto d = parseDate(v, key); // null or "" clears the date
            if (!d)
                return d.error();
            (key == QLatin1String("startDate") ? c.startDate : c.endDate) = *d;
            in.fields.insert(key);
        } else if (key == QLatin1String("budget")) {
            auto minor = parseMoney(v, key);
            if (!minor)
                return minor.error();
            c.budgetMinor = *minor;
            in.fields.insert(QStringLiteral("budgetMinor"));
        } else if (key == QLatin1String("target")) {
            auto t = targetValue(v);
            if (!t)
                return t.error();
            c.target = *t;
            in.fields.insert(key);
        } else {
            return unknownField(key);
        }
    }
    return in;
}

Error campaignError(Error e)
{
    if (e.field == QLatin1String("budgetMinor"))
        e.field = QStringLiteral("budget");
    return e;
}

Result<ParticipantsToAdd> participantsToAdd(const QJsonObject &body)
{
    const QString idsField = QStringLiteral("customerIds"), targetField = QStringLiteral("fromTarget");
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != idsField && it.key() != targetField)
            return unknownField(it.key());
    const bool hasIds = body.contains(idsField), hasTarget = body.contains(targetField);
    if (hasIds == hasTarget)
        return Error::validation(hasIds ? QStringLiteral("invalid") : QStringLiteral("required"), idsField,
                                 QStringLiteral("Send either customerIds (a list of customer ids) or fromTarget: true"));
    ParticipantsToAdd out;
    if (hasTarget) {
        // false would add nobody: a client that sends it means something else, so say so.
        if (body.value(targetField) != QJsonValue(true))
            return Error::validation(QStringLiteral("invalid"), targetField,
                                     QStringLiteral("fromTarget must be true; to add chosen customers send customerIds"));
        out.fromTarget = true;
        return out;
    }
    const QJsonValue ids = body.value(idsField);
    const QString rangeMessage = QStringLiteral("customerIds must be a list of 1 to %1 customer ids").arg(kMaxCustomerIds);
    if (!ids.isArray())
        return typeError(idsField, QStringLiteral("a list of customer ids"));
    const QJsonArray list = ids.toArray();
    if (list.isEmpty() || list.size() > kMaxCustomerIds)
        return Error::validation(QStringLiteral("range"), idsField, rangeMessage);
    for (const QJsonValue &v : list) {
        auto id = idValue(v, idsField);
        if (!id)
            return id.error();
        if (!*id) // null inside the list
            return typeError(idsField, QStringLiteral("a list of customer ids"));
        out.customerIds.append(**id);
    }
    return out;
}

Result<ParticipantAnswer> participantAnswer(const QJsonObject &body)
{
    static const QSet<QString> ignored = {QStringLiteral("campaignId"), QStringLiteral("customerId"), QStringLiteral("customerName"),
                                          QStringLiteral("respondedAt"), QStringLiteral("addedAt")};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != QLatin1String("status") && it.key() != QLatin1String("response") && !ignored.contains(it.key()))
            return unknownField(it.key());
    const QString statusField = QStringLiteral("status");
    const QJsonValue status = body.value(statusField);
    if (status.isNull() || status.isUndefined())
        return Error::validation(QStringLiteral("required"), statusField,
                                 QStringLiteral("status is required: invited, responded, converted or declined"));
    ParticipantAnswer out;
    auto s = string(body, statusField, 100);
    if (!s)
        return s.error();
    out.status = *s;
    auto response = string(body, QStringLiteral("response"), kMaxText);
    if (!response)
        return response.error();
    out.response = *response;
    return out;
}

Result<FeedbackInput> feedbackInput(const QJsonObject &body)
{
    static const QSet<QString> ignored = {QStringLiteral("id"), QStringLiteral("customerId"), QStringLiteral("userId"),
                                          QStringLiteral("userName"), QStringLiteral("createdAt")};
    FeedbackInput in;
    bool hasScore = false;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        if (ignored.contains(key))
            continue;
        if (key == QLatin1String("score")) {
            // An integer only: 4.5 or "5" is refused rather than rounded or read.
            auto score = integer(body, key);
            if (!score)
                return score.error();
            in.score = *score;
            hasScore = true;
        } else if (key == QLatin1String("comment")) {
            auto comment = string(body, key, kMaxText);
            if (!comment)
                return comment.error();
            in.comment = *comment;
        } else if (key == QLatin1String("campaignId")) {
            auto id = idValue(it.value(), key);
            if (!id)
                return id.error();
            in.campaignId = *id;
        } else {
            return unknownField(key);
        }
    }
    if (!hasScore)
        return Error::validation(QStringLiteral("required"), QStringLiteral("score"), QStringLiteral("score is required: 1 to 5"));
    return in;
}

} // namespace crm::json
