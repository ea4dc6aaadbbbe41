#include "httpapi/json/ActivityJson.h"

#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"

#include <QJsonArray>

namespace crm::json {

namespace {

// What a client may send back from an activity it read, or adds on its own (userId): never trusted.
const QSet<QString> &ignoredFields()
{
    static const QSet<QString> f = {QStringLiteral("id"),        QStringLiteral("userId"),  QStringLiteral("userName"),
                                    QStringLiteral("createdAt"), QStringLiteral("version"), QStringLiteral("customerName")};
    return f;
}

Error typeError(const QString &field, const QString &what)
{
    return Error::validation(QStringLiteral("type"), field, field + QStringLiteral(" must be ") + what);
}

Result<QVector<Attachment>> attachmentsFrom(const QJsonValue &v)
{
    const QString field = QStringLiteral("attachments");
    QVector<Attachment> out;
    if (v.isNull())
        return out;
    if (!v.isArray())
        return typeError(field, QStringLiteral("a list of {name, size, mimeType, url} objects"));
    const QJsonArray array = v.toArray();
    if (array.size() > 100) // the service allows far fewer; refuse before converting a flood
        return Error::validation(QStringLiteral("range"), field, QStringLiteral("Too many attachments"));
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return typeError(field, QStringLiteral("a list of {name, size, mimeType, url} objects"));
        const QJsonObject o = item.toObject();
        Attachment a;
        for (auto [key, target] : {std::pair{"name", &a.name}, std::pair{"mimeType", &a.mimeType}, std::pair{"url", &a.url}}) {
            const QJsonValue value = o.value(QLatin1String(key));
            if (!value.isUndefined() && !value.isNull() && !value.isString())
                return typeError(field, QStringLiteral("a list of {name, size, mimeType, url} objects"));
            *target = value.toString().left(4000);
        }
        const QJsonValue size = o.value(QStringLiteral("size"));
        if (!size.isUndefined() && !size.isNull() && !size.isDouble())
            return typeError(field, QStringLiteral("a list of {name, size, mimeType, url} objects"));
        a.size = qint64(size.toDouble());
        out.append(a);
    }
    return out;
}

} // namespace

void write(JsonWriter &out, const Activity &a)
{
    out.beginObject();
    out.field("id", a.id).field("customerId", a.customerId);
    writeId(out, "contactId", a.contactId);
    writeId(out, "opportunityId", a.opportunityId);
    out.field("userId", a.userId).field("userName", a.userName);
    out.field("type", a.kind).field("kind", a.kind).field("direction", a.direction).field("status", a.status);
    out.field("subject", a.subject).field("content", a.content).field("outcome", a.outcome).field("phone", a.phone);
    out.key("durationSeconds");
    if (a.durationSeconds)
        out.value(*a.durationSeconds);
    else
        out.null();
    writeTime(out, "occurredAt", a.occurredAt);
    writeTime(out, "timestamp", a.occurredAt);
    out.key("attachments").beginArray();
    for (const Attachment &f : a.attachments)
        out.beginObject().field("name", f.name).field("size", f.size).field("mimeType", f.mimeType).field("url", f.url).endObject();
    out.endArray();
    writeTime(out, "createdAt", a.createdAt);
    out.field("version", a.version);
    out.endObject();
}

Result<std::optional<qint64>> idValue(const QJsonValue &value, const QString &field)
{
    if (value.isNull() || value.isUndefined())
        return std::optional<qint64>();
    qint64 id = 0;
    bool ok = false;
    if (value.isDouble()) {
        const double d = value.toDouble();
        ok = d == double(qint64(d)) && d > 0 && d < 9e15;
        id = qint64(d);
    } else if (value.isString()) {
        id = value.toString().trimmed().toLongLong(&ok);
        ok = ok && id > 0;
    }
    if (!ok)
        return typeError(field, QStringLiteral("an id"));
    return std::optional<qint64>(id);
}

Result<ActivityInput> activityInput(const QJsonObject &body, ActivityShape shape)
{
    ActivityInput in;
    Activity &a = in.values;
    QString type, kind;
    bool hasType = false, hasKind = false, hasOccurredAt = false, hasOutcome = false;
    QString errorText, messageText;
    bool hasMessage = false;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (ignoredFields().contains(key))
            continue;
        if (shape == ActivityShape::Message && key == QLatin1String("kind"))
            continue; // the route decides: always message
        if (key == QLatin1String("phoneNumber") && body.contains(QStringLiteral("phone")))
            continue; // the core name wins
        QString *text = nullptr;
        int max = 10'000;
        if (key == QLatin1String("subject")) text = &a.subject;
        else if (key == QLatin1String("content")) text = &a.content;
        else if (key == QLatin1String("direction")) { text = &a.direction; max = 50; }
        else if (key == QLatin1String("status")) { text = &a.status; max = 50; }
        else if (key == QLatin1String("phone")) { text = &a.phone; max = 50; }
        else if (key == QLatin1String("phoneNumber")) { text = &a.phone; max = 50; in.names.insert(QStringLiteral("phone"), key); }
        else if (key == QLatin1String("type")) { text = &type; max = 50; hasType = true; }
        else if (key == QLatin1String("kind")) { text = &kind; max = 50; hasKind = true; }
        else if (key == QLatin1String("outcome")) { text = &a.outcome; max = 200; hasOutcome = true; }
        else if (key == QLatin1String("error") && shape == ActivityShape::Communication) text = &errorText;
        else if (key == QLatin1String("message") && shape == ActivityShape::Message) { text = &messageText; hasMessage = true; }
        if (text) {
            auto s = string(body, key, max);
            if (!s)
                return s.error();
            *text = *s;
            continue;
        }
        if (key == QLatin1String("customerId") || key == QLatin1String("contactId") || key == QLatin1String("opportunityId")) {
            auto id = idValue(v, key);
            if (!id)
                return id.error();
            if (key == QLatin1String("customerId"))
                a.customerId = id->value_or(0);
            else
                (key == QLatin1String("contactId") ? a.contactId : a.opportunityId) = *id;
        } else if (key == QLatin1String("occurredAt") || key == QLatin1String("timestamp")) {
            if (v.isNull() || (key == QLatin1String("timestamp") && hasOccurredAt))
                continue;
            auto t = parseTime(v, key);
            if (!t)
                return t.error();
            a.occurredAt = *t;
            hasOccurredAt = key == QLatin1String("occurredAt");
            if (hasOccurredAt)
                in.names.remove(QStringLiteral("occurredAt"));
            else
                in.names.insert(QStringLiteral("occurredAt"), key);
        } else if (key == QLatin1String("durationSeconds")) {
            if (v.isNull()) {
                a.durationSeconds.reset();
                continue;
            }
            auto n = integer(body, key);
            if (!n)
                return n.error();
            a.durationSeconds = *n;
        } else if (key == QLatin1String("attachments")) {
            auto list = attachmentsFrom(v);
            if (!list)
                return list.error();
            a.attachments = *list;
        } else {
            return Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100));
        }
    }
    if (a.customerId <= 0)
        return Error::validation(QStringLiteral("required"), QStringLiteral("customerId"), QStringLiteral("The customer is required"));

    switch (shape) {
    case ActivityShape::Activity:
    case ActivityShape::Communication:
        if (hasKind) {
            a.kind = kind.trimmed();
        } else if (hasType) {
            a.kind = type.trimmed();
            in.names.insert(QStringLiteral("kind"), QStringLiteral("type"));
        } else if (shape == ActivityShape::Communication) {
            a.kind = QStringLiteral("call");
        } else {
            return Error::validation(QStringLiteral("required"), QStringLiteral("type"), QStringLiteral("The type (call, message, email, meeting, visit or note) is required"));
        }
        if (!errorText.trimmed().isEmpty() && !hasOutcome) {
            a.outcome = errorText.trimmed().left(200); // why a call failed, as the phone reported it
            in.names.insert(QStringLiteral("outcome"), QStringLiteral("error"));
        }
        break;
    case ActivityShape::Message:
        // `type` is the message's format (text, image, ...), not an activity kind: nothing to store.
        a.kind = QStringLiteral("message");
        if (hasMessage) {
            a.content = messageText;
            in.names.insert(QStringLiteral("content"), QStringLiteral("message"));
        }
        if (a.content.trimmed().isEmpty())
            return Error::validation(QStringLiteral("required"), hasMessage || a.content.isEmpty() ? QStringLiteral("message") : QStringLiteral("content"),
                                     QStringLiteral("The message text is required"));
        break;
    }
    return in;
}

QString cursorText(const ActivityCursor &c)
{
    return QString::number(c.occurredAt) + QLatin1Char('.') + QString::number(c.id);
}

Result<ActivityCursor> parseActivityCursor(const QString &text, const QString &field)
{
    const int dot = text.indexOf(QLatin1Char('.'));
    bool okAt = false, okId = false;
    ActivityCursor c;
    if (dot > 0) {
        c.occurredAt = text.left(dot).toLongLong(&okAt);
        c.id = text.mid(dot + 1).toLongLong(&okId);
    }
    if (!okAt || !okId || c.occurredAt < 0 || c.id < 0)
        return Error::validation(QStringLiteral("format"), field, field + QStringLiteral(" must be a cursor from a previous page's next"));
    return c;
}

} // namespace crm::json
