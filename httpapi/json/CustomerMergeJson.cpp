#include "httpapi/json/CustomerMergeJson.h"

#include "httpapi/json/ActivityJson.h"
#include "httpapi/json/JsonWriter.h"

#include <QJsonArray>

namespace crm::json {

namespace {

Result<QSet<QString>> names(const QJsonValue &v, const QString &field)
{
    if (v.isNull() || v.isUndefined())
        return QSet<QString>();
    if (!v.isArray())
        return Error::validation(QStringLiteral("format"), field, field + QStringLiteral(" must be an array of names"));
    QSet<QString> out;
    for (const QJsonValue &x : v.toArray()) {
        if (!x.isString() || x.toString().isEmpty() || x.toString().size() > 100)
            return Error::validation(QStringLiteral("format"), field, field + QStringLiteral(" must be an array of names"));
        out.insert(x.toString());
    }
    return out;
}

} // namespace

Result<CustomerMergeRequest> customerMergeInput(const QJsonObject &body, qint64 survivorId)
{
    CustomerMergeRequest r;
    r.survivorId = survivorId;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("duplicateId")) {
            auto id = idValue(v, key);
            if (!id)
                return id.error();
            r.duplicateId = id->value_or(0);
        } else if (key == QLatin1String("duplicateVersion")) {
            if (v.isNull())
                continue;
            if (!v.isDouble() || v.toDouble() != double(int(v.toDouble())) || v.toDouble() < 1)
                return Error::validation(QStringLiteral("format"), key, QStringLiteral("duplicateVersion must be a version number"));
            r.duplicateVersion = int(v.toDouble());
        } else if (key == QLatin1String("fromDuplicate") || key == QLatin1String("customFieldsFromDuplicate")) {
            auto list = names(v, key);
            if (!list)
                return list.error();
            (key == QLatin1String("fromDuplicate") ? r.fromDuplicate : r.customFieldsFromDuplicate) = *list;
        } else {
            return Error::validation(QStringLiteral("unknown_field"), key, QStringLiteral("Unknown field: ") + key.left(100));
        }
    }
    if (r.duplicateId <= 0)
        return Error::validation(QStringLiteral("required"), QStringLiteral("duplicateId"), QStringLiteral("The duplicate's id is required"));
    return r;
}

void write(JsonWriter &out, const CustomerLinkCounts &m)
{
    out.beginObject()
        .field("contacts", m.contacts)
        .field("activities", m.activities)
        .field("opportunities", m.opportunities)
        .field("tasks", m.tasks)
        .field("followUps", m.followUps)
        .field("campaigns", m.campaigns)
        .field("feedback", m.feedback)
        .field("leads", m.leads)
        .endObject();
}

} // namespace crm::json
