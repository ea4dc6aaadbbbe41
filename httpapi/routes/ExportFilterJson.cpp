#include "httpapi/routes/ExportFilterJson.h"

#include "core/services/ActivityService.h"
#include "core/services/CustomerValidator.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/TaskJson.h"

#include <QHash>
#include <QJsonArray>

#include <functional>

#include <cmath>

namespace crm::routes::ExportFilterJson {

namespace {

Error unknownKey(const QString &field, const QString &key)
{
    return Error::validation(QStringLiteral("unknown_field"), field, QStringLiteral("Unknown filter: ") + key.left(100));
}

bool absent(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().trimmed().isEmpty());
}

// A filter value a query string could carry: text, a number or a boolean. Objects and arrays (the
// page's client-side filters such as {$gte: ...}) are nullopt and ignored by the customer filter.
std::optional<QString> scalar(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 0);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QString();
    return std::nullopt;
}

// An id as a positive whole number or its decimal text; absent: no filter.
Result<std::optional<qint64>> id(const QJsonValue &v, const QString &field)
{
    if (absent(v))
        return std::optional<qint64>();
    qint64 n = 0;
    bool ok = false;
    if (v.isDouble()) {
        const double d = v.toDouble();
        ok = d >= 1 && d < 9e15 && std::floor(d) == d;
        n = qint64(d);
    } else if (v.isString()) {
        n = v.toString().trimmed().toLongLong(&ok);
        ok = ok && n > 0;
    }
    if (!ok)
        return Error::validation(QStringLiteral("format"), field, field + QStringLiteral(" must be an id"));
    return std::optional<qint64>(n);
}

// One word, a comma list or an array of words, each through `word` (which names the field in its
// error); "all" or nothing: every value.
Result<QStringList> words(const QJsonValue &v, const QString &field, const std::function<Result<QString>(const QString &)> &word)
{
    QStringList raw;
    if (v.isArray()) {
        for (const QJsonValue &w : v.toArray()) {
            if (!w.isString())
                return Error::validation(QStringLiteral("type"), field, field + QStringLiteral(" must be text or a list of text"));
            raw << w.toString();
        }
    } else if (v.isString()) {
        if (v.toString().trimmed() != QLatin1String("all"))
            raw = v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    } else if (!absent(v)) {
        return Error::validation(QStringLiteral("type"), field, field + QStringLiteral(" must be text or a list of text"));
    }
    QStringList out;
    for (const QString &w : std::as_const(raw)) {
        if (w.trimmed().isEmpty())
            continue;
        auto checked = word(w.trimmed());
        if (!checked)
            return checked.error();
        if (!out.contains(*checked))
            out << *checked;
    }
    return out;
}

Result<std::optional<qint64>> optionalTime(const QJsonValue &v, const QString &field)
{
    if (absent(v))
        return std::optional<qint64>();
    auto t = json::parseTime(v, field);
    if (!t)
        return t.error();
    return std::optional<qint64>(*t);
}

// When `key` is one of `ids`, parses the value into its target and answers true.
Result<bool> idKey(const QHash<QString, std::optional<qint64> *> &ids, const QString &key, const QJsonValue &v, const QString &field)
{
    std::optional<qint64> *target = ids.value(key);
    if (!target)
        return false;
    auto parsed = id(v, field);
    if (!parsed)
        return parsed.error();
    *target = *parsed;
    return true;
}

} // namespace

Result<CustomerFilter> customers(const QJsonObject &filters, const QString &prefix)
{
    CustomerFilter f;
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        const QString key = it.key();
        const QString field = prefix + key;
        const QJsonValue v = it.value();
        if (key == QLatin1String("userId"))
            continue; // identity comes from the token
        static const QHash<QString, std::optional<qint64> CustomerFilter::*> times = {
            {QStringLiteral("createdFrom"), &CustomerFilter::createdFrom},
            {QStringLiteral("createdTo"), &CustomerFilter::createdTo},
            {QStringLiteral("lastContactFrom"), &CustomerFilter::lastContactFrom},
            {QStringLiteral("lastContactTo"), &CustomerFilter::lastContactTo}};
        if (const auto member = times.value(key)) {
            auto t = optionalTime(v, field);
            if (!t)
                return t.error();
            f.*member = *t;
        } else if (key == QLatin1String("status") && v.isArray()) {
            for (const QJsonValue &s : v.toArray())
                if (s.isString())
                    f.statuses << s.toString().trimmed();
        } else {
            const std::optional<QString> text = scalar(v);
            if (!text)
                continue;
            const QString &t = *text;
            if (key == QLatin1String("keyword")) f.keyword = t.left(100);
            else if (key == QLatin1String("status")) {
                if (t != QLatin1String("all") && !t.startsWith(QLatin1String("[object")))
                    f.statuses = t.split(QLatin1Char(','), Qt::SkipEmptyParts);
            } else if (key == QLatin1String("tag")) f.tag = t.left(100);
            else if (key == QLatin1String("group")) f.group = t.left(100);
            else if (key == QLatin1String("source")) f.source = t.left(100);
            else if (key == QLatin1String("province")) f.province = t.left(100);
            else if (key == QLatin1String("city")) f.city = t.left(100);
            else if (key == QLatin1String("district")) f.district = t.left(100);
            else if (key == QLatin1String("pool")) f.poolOnly = t == QLatin1String("true") || t == QLatin1String("1");
            else if (key == QLatin1String("ownerId")) {
                if (t.isEmpty())
                    continue;
                bool ok = false;
                f.ownerId = t.toLongLong(&ok);
                if (!ok || *f.ownerId <= 0)
                    return Error::validation(QStringLiteral("format"), field, QStringLiteral("ownerId must be a user id"));
            } else if (key == QLatin1String("sortBy")) {
                static const QHash<QString, CustomerSort> sorts = {
                    {QString(), CustomerSort::Auto},
                    {QStringLiteral("relevance"), CustomerSort::Auto},
                    {QStringLiteral("lastContact"), CustomerSort::LastContact},
                    {QStringLiteral("lastContactAt"), CustomerSort::LastContact},
                    {QStringLiteral("createdAt"), CustomerSort::Created},
                    {QStringLiteral("created"), CustomerSort::Created},
                    {QStringLiteral("name"), CustomerSort::Name},
                    {QStringLiteral("value"), CustomerSort::Value},
                    {QStringLiteral("newest"), CustomerSort::Newest},
                };
                if (!sorts.contains(t))
                    return Error::validation(QStringLiteral("unknown"), field,
                                             QStringLiteral("sortBy must be lastContact, createdAt, name, value or newest"));
                f.sort = sorts.value(t);
            } else if (key == QLatin1String("order")) {
                if (t == QLatin1String("asc") || t == QLatin1String("desc"))
                    f.ascending = t == QLatin1String("asc");
                else if (!t.isEmpty())
                    return Error::validation(QStringLiteral("unknown"), field, QStringLiteral("order must be asc or desc"));
            } else {
                return unknownKey(field, key);
            }
        }
    }
    for (const QString &s : std::as_const(f.statuses))
        if (!CustomerValidator::statuses().contains(s))
            return Error::validation(QStringLiteral("invalid"), prefix + QStringLiteral("status"),
                                     QStringLiteral("Unknown customer status: ") + s.left(50));
    return f;
}

Result<OpportunityFilter> opportunities(const QJsonObject &filters, const QString &prefix)
{
    OpportunityFilter f;
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        const QString key = it.key();
        const QString field = prefix + key;
        const QJsonValue v = it.value();
        if (key == QLatin1String("userId"))
            continue; // identity comes from the token; ownerId picks an owner
        auto isId = idKey({{QStringLiteral("pipelineId"), &f.pipelineId}, {QStringLiteral("stageId"), &f.stageId},
                           {QStringLiteral("ownerId"), &f.ownerId}, {QStringLiteral("customerId"), &f.customerId}},
                          key, v, field);
        if (!isId)
            return isId.error();
        if (*isId)
            continue;
        if (key == QLatin1String("status")) {
            auto statuses = words(v, field, [&](const QString &w) -> Result<QString> {
                const QString s = w.toLower();
                if (s != QLatin1String("open") && s != QLatin1String("won") && s != QLatin1String("lost"))
                    return Error::validation(QStringLiteral("invalid"), field, field + QStringLiteral(" must be open, won, lost or a list of them"));
                return s;
            });
            if (!statuses)
                return statuses.error();
            f.statuses = *statuses;
        } else if (key == QLatin1String("expectedCloseFrom") || key == QLatin1String("expectedCloseTo")) {
            auto d = json::parseDate(v, field);
            if (!d)
                return d.error();
            (key == QLatin1String("expectedCloseFrom") ? f.expectedCloseFrom : f.expectedCloseTo) = *d;
        } else if (key == QLatin1String("sortBy")) {
            static const QHash<QString, OpportunitySort> sorts = {
                {QString(), OpportunitySort::Newest},
                {QStringLiteral("newest"), OpportunitySort::Newest},
                {QStringLiteral("createdAt"), OpportunitySort::Newest},
                {QStringLiteral("expectedCloseDate"), OpportunitySort::ExpectedClose},
                {QStringLiteral("value"), OpportunitySort::Amount},
                {QStringLiteral("amount"), OpportunitySort::Amount},
            };
            if ((!v.isString() && !absent(v)) || !sorts.contains(v.toString().trimmed()))
                return Error::validation(QStringLiteral("unknown"), field, field + QStringLiteral(" must be newest, expectedCloseDate or value"));
            f.sort = sorts.value(v.toString().trimmed());
        } else {
            return unknownKey(field, key);
        }
    }
    return f;
}

Result<ActivityScopeFilter> activities(const QJsonObject &filters, const QString &prefix)
{
    ActivityScopeFilter f;
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        const QString key = it.key();
        const QString field = prefix + key;
        const QJsonValue v = it.value();
        // Here userId is what the CLI's user= is: one author's activities (still within the scope).
        auto isId = idKey({{QStringLiteral("userId"), &f.userId}}, key, v, field);
        if (!isId)
            return isId.error();
        if (*isId)
            continue;
        if (key == QLatin1String("kind") || key == QLatin1String("type")) {
            if (absent(v))
                continue;
            if (!v.isString() || !ActivityService::kinds().contains(v.toString().trimmed()))
                return Error::validation(QStringLiteral("invalid"), field,
                                         field + QStringLiteral(" must be one of: ") + ActivityService::kinds().join(QStringLiteral(", ")));
            f.kind = v.toString().trimmed();
        } else if (key == QLatin1String("from") || key == QLatin1String("to")) {
            auto t = optionalTime(v, field);
            if (!t)
                return t.error();
            (key == QLatin1String("from") ? f.occurredFrom : f.occurredTo) = t->value_or(0);
        } else {
            return unknownKey(field, key);
        }
    }
    return f;
}

Result<TaskFilter> tasks(const QJsonObject &filters, const QString &prefix)
{
    TaskFilter f;
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        const QString key = it.key();
        const QString field = prefix + key;
        const QJsonValue v = it.value();
        if (key == QLatin1String("userId"))
            continue; // identity comes from the token; assigneeId picks an assignee
        auto isId = idKey({{QStringLiteral("assigneeId"), &f.assigneeId}, {QStringLiteral("customerId"), &f.customerId},
                           {QStringLiteral("opportunityId"), &f.opportunityId}},
                          key, v, field);
        if (!isId)
            return isId.error();
        if (*isId)
            continue;
        if (key == QLatin1String("status")) {
            auto statuses = words(v, field, [&](const QString &w) { return json::taskStatus(w, field); });
            if (!statuses)
                return statuses.error();
            f.statuses = *statuses;
        } else if (key == QLatin1String("dueFrom") || key == QLatin1String("dueTo")) {
            auto t = optionalTime(v, field);
            if (!t)
                return t.error();
            (key == QLatin1String("dueFrom") ? f.dueFrom : f.dueTo) = *t;
        } else {
            return unknownKey(field, key);
        }
    }
    return f;
}

Result<ContactScopeFilter> contacts(const QJsonObject &filters, const QString &prefix)
{
    ContactScopeFilter f;
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        const QString key = it.key();
        const QString field = prefix + key;
        const QJsonValue v = it.value();
        if (key == QLatin1String("userId"))
            continue; // identity comes from the token
        auto isId = idKey({{QStringLiteral("customerId"), &f.customerId}}, key, v, field);
        if (!isId)
            return isId.error();
        if (!*isId)
            return unknownKey(field, key);
    }
    return f;
}

} // namespace crm::routes::ExportFilterJson
