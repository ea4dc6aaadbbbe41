#include "core/services/ActivityService.h"

#include "core/domain/Validation.h"
#include "core/services/AuditLog.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/storage/Database.h"
#include "core/storage/ReusedQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("activity");
constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;
constexpr int kMaxAttachments = 20;
constexpr int kMaxPage = 200;

const QString kColumns = QStringLiteral(
    "a.id, a.customer_id, a.contact_id, a.opportunity_id, a.user_id, u.display_name, a.kind, a.direction, a.status,"
    " a.subject, a.content, a.outcome, a.phone, a.occurred_at, a.duration_seconds, a.attachments, a.created_at, a.version");

QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant optionalId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qlonglong>());
}

QString attachmentsToJson(const QVector<Attachment> &list)
{
    if (list.isEmpty())
        return {};
    QJsonArray array;
    for (const Attachment &a : list)
        array.append(QJsonObject{{QStringLiteral("name"), a.name},
                                 {QStringLiteral("size"), a.size},
                                 {QStringLiteral("mimeType"), a.mimeType},
                                 {QStringLiteral("url"), a.url}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QVector<Attachment> attachmentsFromJson(const QString &json)
{
    QVector<Attachment> out;
    if (json.isEmpty())
        return out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("size")).toInteger(),
                    o.value(QStringLiteral("mimeType")).toString(), o.value(QStringLiteral("url")).toString()});
    }
    return out;
}

Activity readActivity(const QSqlQuery &q)
{
    Activity a;
    a.id = q.value(0).toLongLong();
    a.customerId = q.value(1).toLongLong();
    if (!q.value(2).isNull())
        a.contactId = q.value(2).toLongLong();
    if (!q.value(3).isNull())
        a.opportunityId = q.value(3).toLongLong();
    a.userId = q.value(4).toLongLong();
    a.userName = q.value(5).toString();
    a.kind = q.value(6).toString();
    a.direction = q.value(7).toString();
    a.status = q.value(8).toString();
    a.subject = q.value(9).toString();
    a.content = q.value(10).toString();
    a.outcome = q.value(11).toString();
    a.phone = q.value(12).toString();
    a.occurredAt = q.value(13).toLongLong();
    if (!q.value(14).isNull())
        a.durationSeconds = q.value(14).toInt();
    a.attachments = attachmentsFromJson(q.value(15).toString());
    a.createdAt = q.value(16).toLongLong();
    a.version = q.value(17).toInt();
    return a;
}

// Only the fields update() may change, for its audit diff.
QVariantMap editableSnapshot(const Activity &a)
{
    const QVariantMap all = ActivityService::snapshot(a);
    QVariantMap out;
    for (const QString &f : ActivityService::updatableFields())
        out.insert(f, all.value(f));
    return out;
}

Status checkLimit(int limit)
{
    if (limit < 1 || limit > kMaxPage)
        return Error::validation(QStringLiteral("range"), QStringLiteral("limit"),
                                 QStringLiteral("A page holds between 1 and %1 activities").arg(kMaxPage));
    return {};
}

} // namespace

QStringList ActivityService::kinds()
{
    return {QStringLiteral("call"),  QStringLiteral("message"), QStringLiteral("email"),
            QStringLiteral("meeting"), QStringLiteral("visit"), QStringLiteral("note")};
}

QStringList ActivityService::directions()
{
    return {QStringLiteral("inbound"), QStringLiteral("outbound")};
}

QStringList ActivityService::updatableFields()
{
    return {QStringLiteral("subject"), QStringLiteral("content"), QStringLiteral("outcome"), QStringLiteral("direction"),
            QStringLiteral("occurredAt")};
}

Status ActivityService::validate(Activity &a, const QSet<QString> &fields, qint64 now) const
{
    return checkFields(a, fields, now);
}

Status ActivityService::checkFields(Activity &a, const QSet<QString> &fields, qint64 now)
{
    // QStringLiterals: a QLatin1String would become a new QString for every lookup (imports check
    // every row here).
    auto has = [&](const QString &f) { return fields.contains(f); };
    if (has(QStringLiteral("kind")) && !kinds().contains(a.kind))
        return Error::validation(QStringLiteral("unknown"), QStringLiteral("kind"),
                                 QStringLiteral("The kind must be one of: %1").arg(kinds().join(QStringLiteral(", "))));
    if (has(QStringLiteral("direction"))) {
        const QString d = a.direction.trimmed().toLower();
        if (d.isEmpty() || d == QLatin1String("in") || d == QLatin1String("out") || directions().contains(d))
            a.direction = d == QLatin1String("in") ? QStringLiteral("inbound") : d == QLatin1String("out") ? QStringLiteral("outbound") : d;
        else
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("direction"),
                                     QStringLiteral("The direction must be inbound or outbound"));
    }
    for (auto [field, value, max] : {std::tuple{QStringLiteral("subject"), &a.subject, 200},
                                     std::tuple{QStringLiteral("content"), &a.content, 10000},
                                     std::tuple{QStringLiteral("outcome"), &a.outcome, 200},
                                     std::tuple{QStringLiteral("status"), &a.status, 50}}) {
        if (!has(field))
            continue;
        *value = value->trimmed();
        if (Status st = Validation::maxLength(*value, max, field); !st)
            return st;
    }
    if (has(QStringLiteral("phone")) && !a.phone.trimmed().isEmpty()) {
        const auto p = Validation::normalizePhone(a.phone);
        if (!p)
            return Error::validation(QStringLiteral("format"), QStringLiteral("phone"), QStringLiteral("Not a valid phone number"));
        a.phone = *p;
    }
    if (has(QStringLiteral("durationSeconds")) && a.durationSeconds && (*a.durationSeconds < 0 || *a.durationSeconds > 86400))
        return Error::validation(QStringLiteral("range"), QStringLiteral("durationSeconds"),
                                 QStringLiteral("The duration must be between 0 seconds and one day"));
    if (has(QStringLiteral("occurredAt"))) {
        if (a.occurredAt < 0)
            return Error::validation(QStringLiteral("range"), QStringLiteral("occurredAt"), QStringLiteral("Not a valid time"));
        if (a.occurredAt > now + kDayMs)
            return Error::validation(QStringLiteral("range"), QStringLiteral("occurredAt"),
                                     QStringLiteral("The time may be at most one day in the future"));
    }
    if (has(QStringLiteral("attachments"))) {
        if (a.attachments.size() > kMaxAttachments)
            return Error::validation(QStringLiteral("range"), QStringLiteral("attachments"),
                                     QStringLiteral("At most %1 attachments").arg(kMaxAttachments));
        for (Attachment &f : a.attachments) {
            f.name = f.name.trimmed();
            if (f.name.isEmpty())
                return Error::validation(QStringLiteral("required"), QStringLiteral("attachments"),
                                         QStringLiteral("Every attachment needs a name"));
            if (f.name.size() > 255 || f.mimeType.size() > 100 || f.url.size() > 2000)
                return Error::validation(QStringLiteral("too_long"), QStringLiteral("attachments"),
                                         QStringLiteral("An attachment's name, type or address is too long"));
            if (f.size < 0)
                return Error::validation(QStringLiteral("range"), QStringLiteral("attachments"),
                                         QStringLiteral("An attachment's size cannot be negative"));
        }
    }
    return {};
}

// The contact and opportunity must be the customer's own: linking another customer's would leak it
// into this timeline.
Status ActivityService::checkLinks(const Activity &a)
{
    const std::pair<const std::optional<qint64> *, QString> links[] = {
        {&a.contactId, QStringLiteral("contactId")}, {&a.opportunityId, QStringLiteral("opportunityId")}};
    for (const auto &[id, field] : links) {
        if (!*id)
            continue;
        const QString table = field == QLatin1String("contactId") ? QStringLiteral("contacts") : QStringLiteral("opportunities");
        ReusedQuery q(m_db, QStringLiteral("SELECT customer_id FROM ") + table + QStringLiteral(" WHERE id = :id"));
        q->bindValue(QStringLiteral(":id"), **id);
        if (Status st = m_db.exec(*q); !st)
            return st;
        if (!q->next() || q->value(0).toLongLong() != a.customerId)
            return Error::validation(QStringLiteral("reference"), field,
                                     field == QLatin1String("contactId") ? QStringLiteral("The contact is not one of this customer's")
                                                                         : QStringLiteral("The opportunity is not one of this customer's"));
    }
    return {};
}

QVariantMap ActivityService::snapshot(const Activity &a)
{
    QVariantList attachments;
    for (const Attachment &f : a.attachments)
        attachments << QVariantMap{{QStringLiteral("name"), f.name}, {QStringLiteral("size"), f.size},
                                   {QStringLiteral("mimeType"), f.mimeType}, {QStringLiteral("url"), f.url}};
    return {{QStringLiteral("customerId"), a.customerId},
            {QStringLiteral("contactId"), a.contactId ? QVariant(*a.contactId) : QVariant()},
            {QStringLiteral("opportunityId"), a.opportunityId ? QVariant(*a.opportunityId) : QVariant()},
            {QStringLiteral("kind"), a.kind},
            {QStringLiteral("direction"), a.direction},
            {QStringLiteral("status"), a.status},
            {QStringLiteral("subject"), a.subject},
            {QStringLiteral("content"), a.content},
            {QStringLiteral("outcome"), a.outcome},
            {QStringLiteral("phone"), a.phone},
            {QStringLiteral("durationSeconds"), a.durationSeconds ? QVariant(*a.durationSeconds) : QVariant()},
            {QStringLiteral("occurredAt"), a.occurredAt},
            {QStringLiteral("attachments"), attachments}};
}

namespace {

// updated_at moves, version does not: the version guards the fields people edit, and logging a
// call must not make a manager's open edit of the customer fail as stale.
const QString &raiseLastContactSql()
{
    static const QString sql = QStringLiteral(
        "UPDATE customers SET last_contact_at = :t, updated_at = :now WHERE id = :c AND last_contact_at < :t");
    return sql;
}

} // namespace

Result<bool> ActivityService::raiseLastContact(Database &db, qint64 customerId, qint64 at)
{
    ReusedQuery q(db, raiseLastContactSql());
    q->bindValue(QStringLiteral(":t"), at);
    q->bindValue(QStringLiteral(":now"), db.clock().nowMs());
    q->bindValue(QStringLiteral(":c"), customerId);
    if (Status st = db.exec(*q); !st)
        return st.error();
    return q->numRowsAffected() > 0;
}

Status ActivityService::raiseLastContacts(Database &db, const QMap<qint64, qint64> &newest)
{
    if (newest.isEmpty())
        return {};
    ReusedQuery q(db, raiseLastContactSql());
    q->bindValue(QStringLiteral(":now"), db.clock().nowMs()); // kept for every execution
    for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
        q->bindValue(QStringLiteral(":t"), it.value());
        q->bindValue(QStringLiteral(":c"), it.key());
        if (Status st = db.exec(*q); !st)
            return st;
    }
    return {};
}

// When the activity at `was` defined the customer's last contact and has moved back or gone, the
// newest remaining activity defines it (one index probe on activities_customer). Same version rule.
Result<bool> ActivityService::recomputeLastContact(qint64 customerId, qint64 was)
{
    ReusedQuery q(m_db, QStringLiteral(
        "UPDATE customers SET last_contact_at = COALESCE((SELECT MAX(a.occurred_at) FROM activities a WHERE a.customer_id = :c), 0),"
        " updated_at = :now WHERE id = :c AND last_contact_at = :was"));
    q->bindValue(QStringLiteral(":c"), customerId);
    q->bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
    q->bindValue(QStringLiteral(":was"), was);
    if (Status st = m_db.exec(*q); !st)
        return st.error();
    return q->numRowsAffected() > 0;
}

Result<Activity> ActivityService::load(const Actor &actor, qint64 id)
{
    ReusedQuery q(m_db, QStringLiteral("SELECT ") + kColumns +
                        QStringLiteral(" FROM activities a JOIN users u ON u.id = a.user_id"
                                       " JOIN customers c ON c.id = a.customer_id WHERE a.id = :id AND (") +
                        actor.ownerCondition(QStringLiteral("a.user_id")) + QStringLiteral(" OR ") +
                        actor.ownerCondition(QStringLiteral("c.owner_id")) + QLatin1Char(')'));
    q->bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(*q); !st)
        return st.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("Activity"));
    return readActivity(*q);
}

Result<Activity> ActivityService::get(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::ActivityRead))
        return Error::forbidden();
    return load(actor, id);
}

Status ActivityService::validateDraft(Activity &draft, qint64 now)
{
    if (draft.occurredAt == 0)
        draft.occurredAt = now;
    static const QSet<QString> all = {QStringLiteral("kind"),    QStringLiteral("direction"), QStringLiteral("subject"),
                               QStringLiteral("content"), QStringLiteral("outcome"),   QStringLiteral("status"),
                               QStringLiteral("phone"),   QStringLiteral("durationSeconds"), QStringLiteral("occurredAt"),
                               QStringLiteral("attachments")};
    return checkFields(draft, all, now);
}

Result<Activity> ActivityService::log(const Actor &actor, Activity draft)
{
    if (!actor.can(Permission::ActivityWrite))
        return Error::forbidden();
    if (actor.userId <= 0) // activities always have a person behind them
        return Error::forbidden(QStringLiteral("Only a user can log an activity"));
    const qint64 now = m_db.clock().nowMs();
    if (Status st = validateDraft(draft, now); !st)
        return st.error();
    draft.id = 0;
    draft.userId = actor.userId;
    draft.createdAt = now;
    draft.version = 1;

    return m_db.write([&]() -> Result<Activity> {
        if (Status st = CustomerService::requireVisible(m_db, actor, draft.customerId); !st)
            return st.error();
        if (Status st = checkLinks(draft); !st)
            return st.error();
        ReusedQuery q(m_db, QStringLiteral(
            "INSERT INTO activities (customer_id, contact_id, opportunity_id, user_id, kind, direction, status, subject, content,"
            " outcome, phone, occurred_at, duration_seconds, attachments, created_at)"
            " VALUES (:c, :contact, :opp, :u, :kind, :dir, :status, :subject, :content, :outcome, :phone, :at, :dur, :att, :now)"
            " RETURNING id"));
        q->bindValue(QStringLiteral(":c"), draft.customerId);
        q->bindValue(QStringLiteral(":contact"), optionalId(draft.contactId));
        q->bindValue(QStringLiteral(":opp"), optionalId(draft.opportunityId));
        q->bindValue(QStringLiteral(":u"), draft.userId);
        q->bindValue(QStringLiteral(":kind"), draft.kind);
        q->bindValue(QStringLiteral(":dir"), text(draft.direction));
        q->bindValue(QStringLiteral(":status"), text(draft.status));
        q->bindValue(QStringLiteral(":subject"), text(draft.subject));
        q->bindValue(QStringLiteral(":content"), text(draft.content));
        q->bindValue(QStringLiteral(":outcome"), text(draft.outcome));
        q->bindValue(QStringLiteral(":phone"), text(draft.phone));
        q->bindValue(QStringLiteral(":at"), draft.occurredAt);
        q->bindValue(QStringLiteral(":dur"), draft.durationSeconds ? QVariant(*draft.durationSeconds) : QVariant(QMetaType::fromType<int>()));
        q->bindValue(QStringLiteral(":att"), text(attachmentsToJson(draft.attachments)));
        q->bindValue(QStringLiteral(":now"), draft.createdAt);
        if (Status st = m_db.exec(*q); !st)
            return st.error();
        q->next();
        draft.id = q->value(0).toLongLong();
        q->finish();
        if (auto raised = raiseLastContact(m_db, draft.customerId, draft.occurredAt); !raised)
            return raised.error();
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, draft.id, snapshot(draft)); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, draft.id, QStringLiteral("created")});
        // The customer's timeline (and usually its last contact) changed.
        m_db.notifyAfterCommit({QStringLiteral("customer"), draft.customerId, QStringLiteral("updated")});
        return load(actor, draft.id);
    });
}

Result<Activity> ActivityService::update(const Actor &actor, qint64 id, const Activity &values, const QSet<QString> &fields,
                                         std::optional<int> expectedVersion)
{
    if (!actor.can(Permission::ActivityWrite))
        return Error::forbidden();
    for (const QString &f : fields)
        if (!updatableFields().contains(f))
            return Error::validation(QStringLiteral("unknown"), f, QStringLiteral("The activity field \"%1\" cannot be changed").arg(f));
    Activity incoming = values;
    if (fields.contains(QStringLiteral("occurredAt")) && incoming.occurredAt <= 0)
        return Error::validation(QStringLiteral("range"), QStringLiteral("occurredAt"), QStringLiteral("Not a valid time"));
    if (Status st = validate(incoming, fields, m_db.clock().nowMs()); !st)
        return st.error();

    return m_db.write([&]() -> Result<Activity> {
        auto current = load(actor, id);
        if (!current)
            return current.error();
        if (!actor.canSeeOwner(current->userId))
            return Error::forbidden(QStringLiteral("Only the author or their manager may change this activity"));
        if (expectedVersion && *expectedVersion != current->version)
            return Error::conflict(QStringLiteral("version"),
                                   QStringLiteral("Someone else changed this activity; reload it and apply your change again"));
        Activity next = *current;
        if (fields.contains(QStringLiteral("subject"))) next.subject = incoming.subject;
        if (fields.contains(QStringLiteral("content"))) next.content = incoming.content;
        if (fields.contains(QStringLiteral("outcome"))) next.outcome = incoming.outcome;
        if (fields.contains(QStringLiteral("direction"))) next.direction = incoming.direction;
        if (fields.contains(QStringLiteral("occurredAt"))) next.occurredAt = incoming.occurredAt;
        const QVector<FieldChange> changes = AuditLog::diff(editableSnapshot(*current), editableSnapshot(next));
        if (changes.isEmpty())
            return *current;
        ReusedQuery q(m_db, QStringLiteral(
            "UPDATE activities SET subject = :subject, content = :content, outcome = :outcome, direction = :dir,"
            " occurred_at = :at, version = version + 1 WHERE id = :id AND version = :v"));
        q->bindValue(QStringLiteral(":subject"), text(next.subject));
        q->bindValue(QStringLiteral(":content"), text(next.content));
        q->bindValue(QStringLiteral(":outcome"), text(next.outcome));
        q->bindValue(QStringLiteral(":dir"), text(next.direction));
        q->bindValue(QStringLiteral(":at"), next.occurredAt);
        q->bindValue(QStringLiteral(":id"), id);
        q->bindValue(QStringLiteral(":v"), current->version);
        if (Status st = m_db.exec(*q); !st)
            return st.error();
        if (q->numRowsAffected() == 0)
            return Error::conflict(QStringLiteral("version"),
                                   QStringLiteral("Someone else changed this activity; reload it and apply your change again"));
        bool customerChanged = false;
        if (next.occurredAt > current->occurredAt) {
            auto raised = raiseLastContact(m_db, next.customerId, next.occurredAt);
            if (!raised)
                return raised.error();
            customerChanged = *raised;
        } else if (next.occurredAt < current->occurredAt) {
            auto lowered = recomputeLastContact(next.customerId, current->occurredAt);
            if (!lowered)
                return lowered.error();
            customerChanged = *lowered;
        }
        if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, id, changes); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        if (customerChanged)
            m_db.notifyAfterCommit({QStringLiteral("customer"), next.customerId, QStringLiteral("updated")});
        return load(actor, id);
    });
}

Status ActivityService::remove(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::ActivityWrite))
        return Error::forbidden();
    return m_db.write([&]() -> Status {
        auto current = load(actor, id);
        if (!current)
            return current.error();
        if (!actor.canSeeOwner(current->userId))
            return Error::forbidden(QStringLiteral("Only the author or their manager may delete this activity"));
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM activities WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), id);
        if (Status st = m_db.exec(q); !st)
            return st;
        auto lowered = recomputeLastContact(current->customerId, current->occurredAt);
        if (!lowered)
            return lowered.error();
        if (Status st = AuditLog::recordDelete(m_db, actor, kEntity, id, snapshot(*current)); !st)
            return st;
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("deleted")});
        m_db.notifyAfterCommit({QStringLiteral("customer"), current->customerId, QStringLiteral("updated")});
        return {};
    });
}

// One keyset page: rows strictly after the cursor in (occurred_at, id) descending order, one extra
// row to learn whether more follow. The redundant `occurred_at <= :t` gives both planners an index
// bound to seek to; no OFFSET and no COUNT, so page 1000 costs what page 1 does.
Result<TimelinePage> ActivityService::page(const QString &where, const QVariantMap &binds, int limit,
                                           const std::optional<ActivityCursor> &after)
{
    // With the customer's name, as listInScope gives it (the same rule decides what is seen).
    QString sql = QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(", c.name FROM activities a JOIN users u ON u.id = a.user_id"
                                 " LEFT JOIN customers c ON c.id = a.customer_id WHERE ") + where;
    if (after)
        sql += QStringLiteral(" AND a.occurred_at <= :afterAt AND (a.occurred_at < :afterAt OR a.id < :afterId)");
    sql += QStringLiteral(" ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit");
    QSqlQuery q = m_db.prepare(sql);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (after) {
        q.bindValue(QStringLiteral(":afterAt"), after->occurredAt);
        q.bindValue(QStringLiteral(":afterId"), after->id);
    }
    q.bindValue(QStringLiteral(":limit"), limit + 1);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    TimelinePage out;
    while (q.next()) {
        if (out.activities.size() == limit) {
            out.hasMore = true;
            break;
        }
        Activity a = readActivity(q);
        a.customerName = q.value(18).toString();
        out.activities.append(std::move(a));
    }
    if (out.hasMore)
        out.next = ActivityCursor{out.activities.constLast().occurredAt, out.activities.constLast().id};
    return out;
}

Result<TimelinePage> ActivityService::timeline(const Actor &actor, qint64 customerId, int limit,
                                               std::optional<ActivityCursor> after)
{
    if (!actor.can(Permission::ActivityRead))
        return Error::forbidden();
    if (Status st = checkLimit(limit); !st)
        return st.error();
    return m_db.read([&]() -> Result<TimelinePage> {
        if (Status st = CustomerService::requireVisible(m_db, actor, customerId); !st)
            return st.error();
        return page(QStringLiteral("a.customer_id = :c"), {{QStringLiteral(":c"), customerId}}, limit, after);
    });
}

Result<TimelinePage> ActivityService::forOpportunity(const Actor &actor, qint64 opportunityId, int limit,
                                                     std::optional<ActivityCursor> after)
{
    if (!actor.can(Permission::ActivityRead) || !actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    if (Status st = checkLimit(limit); !st)
        return st.error();
    return m_db.read([&]() -> Result<TimelinePage> {
        // The opportunity's own scope rule (its owner).
        if (Status st = OpportunityService::requireVisible(m_db, actor, opportunityId); !st)
            return st.error();
        return page(QStringLiteral("a.opportunity_id = :o AND (") + actor.ownerCondition(QStringLiteral("a.user_id")) +
                        QStringLiteral(" OR ") + actor.ownerCondition(QStringLiteral("c.owner_id")) + QLatin1Char(')'),
                    {{QStringLiteral(":o"), opportunityId}}, limit, after);
    });
}

Result<TimelinePage> ActivityService::listForUser(const Actor &actor, const ActivityFilter &filter)
{
    if (!actor.can(Permission::ActivityRead))
        return Error::forbidden();
    if (Status st = checkLimit(filter.limit); !st)
        return st.error();
    if (!filter.kind.isEmpty() && !kinds().contains(filter.kind))
        return Error::validation(QStringLiteral("unknown"), QStringLiteral("kind"),
                                 QStringLiteral("The kind must be one of: %1").arg(kinds().join(QStringLiteral(", "))));
    QString where = QStringLiteral("a.user_id = :u AND ") + actor.ownerCondition(QStringLiteral("a.user_id"));
    QVariantMap binds{{QStringLiteral(":u"), filter.userId.value_or(actor.userId)}};
    if (!filter.kind.isEmpty()) {
        where += QStringLiteral(" AND a.kind = :kind");
        binds.insert(QStringLiteral(":kind"), filter.kind);
    }
    return page(where, binds, filter.limit, filter.after);
}

Result<ActivityScopePage> ActivityService::listInScope(const Actor &actor, const ActivityScopeFilter &filter)
{
    if (!actor.can(Permission::ActivityRead))
        return Error::forbidden();
    if (filter.limit < 1 || filter.limit > 1000)
        return Error::validation(QStringLiteral("range"), QStringLiteral("limit"),
                                 QStringLiteral("A page holds between 1 and 1000 activities"));
    if (!filter.kind.isEmpty() && !kinds().contains(filter.kind))
        return Error::validation(QStringLiteral("unknown"), QStringLiteral("kind"),
                                 QStringLiteral("The kind must be one of: %1").arg(kinds().join(QStringLiteral(", "))));
    QString sql = QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(", c.name FROM activities a JOIN users u ON u.id = a.user_id JOIN customers c ON c.id = a.customer_id"
                                 " WHERE a.id > :after AND (") +
                  actor.ownerCondition(QStringLiteral("a.user_id")) + QStringLiteral(" OR ") +
                  actor.ownerCondition(QStringLiteral("c.owner_id")) + QLatin1Char(')');
    if (filter.userId)
        sql += QStringLiteral(" AND a.user_id = :u");
    if (!filter.kind.isEmpty())
        sql += QStringLiteral(" AND a.kind = :kind");
    if (filter.occurredFrom > 0)
        sql += QStringLiteral(" AND a.occurred_at >= :from");
    if (filter.occurredTo > 0)
        sql += QStringLiteral(" AND a.occurred_at < :to");
    sql += QStringLiteral(" ORDER BY a.id LIMIT :limit");
    return m_db.read([&]() -> Result<ActivityScopePage> {
        QSqlQuery q = m_db.prepare(sql);
        q.bindValue(QStringLiteral(":after"), filter.afterId);
        if (filter.userId)
            q.bindValue(QStringLiteral(":u"), *filter.userId);
        if (!filter.kind.isEmpty())
            q.bindValue(QStringLiteral(":kind"), filter.kind);
        if (filter.occurredFrom > 0)
            q.bindValue(QStringLiteral(":from"), filter.occurredFrom);
        if (filter.occurredTo > 0)
            q.bindValue(QStringLiteral(":to"), filter.occurredTo);
        q.bindValue(QStringLiteral(":limit"), filter.limit + 1);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        ActivityScopePage out;
        while (q.next()) {
            if (out.activities.size() == filter.limit) {
                out.hasMore = true;
                break;
            }
            Activity a = readActivity(q);
            a.customerName = q.value(18).toString();
            out.activities.append(std::move(a));
        }
        return out;
    });
}

} // namespace crm
