#include "core/services/CampaignService.h"

#include "core/domain/Money.h"
#include "core/domain/Validation.h"
#include "core/services/AuditLog.h"
#include "core/services/CustomerValidator.h"
#include "core/storage/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("campaign");
const QString kColumns = QStringLiteral("k.id, k.name, k.goal, k.description, k.start_date, k.end_date, k.status, k.budget_minor,"
                                        " k.currency, k.target_filter, k.owner_id, u.display_name, k.created_at, k.updated_at,"
                                        " k.version");
// A bulk add names its customers in the statement; beyond this the caller should save a target instead.
constexpr int kMaxCustomerIds = 5000;

QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant dateText(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QString targetText(const CampaignTarget &t)
{
    return QString::fromUtf8(QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact));
}

Campaign readCampaign(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.goal = q.value(2).toString();
    c.description = q.value(3).toString();
    c.startDate = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    c.endDate = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    c.status = q.value(6).toString();
    c.budgetMinor = q.value(7).toLongLong();
    c.currency = q.value(8).toString();
    c.target = CampaignTarget::fromJson(QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object());
    if (!q.value(10).isNull())
        c.ownerId = q.value(10).toLongLong();
    c.ownerName = q.value(11).toString();
    c.createdAt = q.value(12).toLongLong();
    c.updatedAt = q.value(13).toLongLong();
    c.version = q.value(14).toInt();
    return c;
}

QVariantMap snapshot(const Campaign &c)
{
    return {{QStringLiteral("name"), c.name},
            {QStringLiteral("goal"), c.goal},
            {QStringLiteral("description"), c.description},
            {QStringLiteral("startDate"), c.startDate.isValid() ? c.startDate.toString(Qt::ISODate) : QString()},
            {QStringLiteral("endDate"), c.endDate.isValid() ? c.endDate.toString(Qt::ISODate) : QString()},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("budgetMinor"), c.budgetMinor},
            {QStringLiteral("currency"), c.currency},
            {QStringLiteral("target"), c.target.toJson().toVariantMap()}};
}

void copyFields(Campaign &to, const Campaign &from, const QSet<QString> &fields)
{
    auto has = [&](const char *f) { return fields.contains(QLatin1String(f)); };
    if (has("name")) to.name = from.name;
    if (has("goal")) to.goal = from.goal;
    if (has("description")) to.description = from.description;
    if (has("startDate")) to.startDate = from.startDate;
    if (has("endDate")) to.endDate = from.endDate;
    if (has("status")) to.status = from.status;
    if (has("budgetMinor")) to.budgetMinor = from.budgetMinor;
    if (has("currency")) to.currency = from.currency;
    if (has("target")) to.target = from.target;
}

Status checkPeriod(const Campaign &c)
{
    if (c.startDate.isValid() && c.endDate.isValid() && c.endDate < c.startDate)
        return Error::validation(QStringLiteral("range"), QStringLiteral("endDate"),
                                 QStringLiteral("The end date cannot be before the start date"));
    return {};
}

// The target's conditions on customers alias c, for one statement; binds are collected in `binds`.
QString targetCondition(const CampaignTarget &t, QVariantMap &binds)
{
    QStringList where;
    if (!t.statuses.isEmpty()) {
        QStringList names;
        for (int i = 0; i < t.statuses.size(); ++i) {
            const QString name = QStringLiteral(":st") + QString::number(i);
            names << name;
            binds.insert(name, t.statuses[i]);
        }
        where << QStringLiteral("c.status IN (") + names.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (!t.tag.isEmpty()) {
        where << QStringLiteral("c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
                                " WHERE t.name = :tag)");
        binds.insert(QStringLiteral(":tag"), t.tag);
    }
    if (!t.group.isEmpty()) {
        where << QStringLiteral("c.id IN (SELECT m.customer_id FROM customer_group_members m JOIN customer_groups g"
                                " ON g.id = m.group_id WHERE g.name = :grp)");
        binds.insert(QStringLiteral(":grp"), t.group);
    }
    const std::pair<QString, QString> equals[] = {
        {QStringLiteral("source"), t.source}, {QStringLiteral("province"), t.province}, {QStringLiteral("city"), t.city}};
    for (const auto &[column, value] : equals) {
        if (value.isEmpty())
            continue;
        where << QStringLiteral("c.") + column + QStringLiteral(" = :") + column;
        binds.insert(QLatin1Char(':') + column, value);
    }
    if (t.ownerId) {
        where << QStringLiteral("c.owner_id = :owner");
        binds.insert(QStringLiteral(":owner"), *t.ownerId);
    }
    return where.isEmpty() ? QStringLiteral("1=1") : where.join(QStringLiteral(" AND "));
}

QString idList(const QVector<qint64> &ids)
{
    QString out;
    for (qint64 id : ids) {
        if (!out.isEmpty())
            out += QLatin1Char(',');
        out += QString::number(id);
    }
    return out;
}

} // namespace

const QStringList &CampaignService::statuses()
{
    static const QStringList s = {QStringLiteral("planned"), QStringLiteral("active"), QStringLiteral("finished"),
                                  QStringLiteral("cancelled")};
    return s;
}

const QStringList &CampaignService::participantStatuses()
{
    static const QStringList s = {QStringLiteral("invited"), QStringLiteral("responded"), QStringLiteral("converted"),
                                  QStringLiteral("declined")};
    return s;
}

const QSet<QString> &CampaignService::fieldNames()
{
    static const QSet<QString> s = {QStringLiteral("name"),      QStringLiteral("goal"),        QStringLiteral("description"),
                                    QStringLiteral("startDate"), QStringLiteral("endDate"),     QStringLiteral("status"),
                                    QStringLiteral("budgetMinor"), QStringLiteral("currency"), QStringLiteral("target")};
    return s;
}

Status CampaignService::validate(const Actor &actor, Campaign &c, const QSet<QString> &fields) const
{
    auto has = [&](const char *f) { return fields.contains(QLatin1String(f)); };
    if (has("name")) {
        c.name = c.name.trimmed();
        if (Status st = Validation::required(c.name, QStringLiteral("name"), QStringLiteral("The campaign name")); !st)
            return st;
        if (Status st = Validation::maxLength(c.name, 200, QStringLiteral("name")); !st)
            return st;
    }
    if (has("goal"))
        if (Status st = Validation::maxLength(c.goal, 1000, QStringLiteral("goal")); !st)
            return st;
    if (has("description"))
        if (Status st = Validation::maxLength(c.description, 10000, QStringLiteral("description")); !st)
            return st;
    if (has("status"))
        if (Status st = Validation::oneOf(c.status, statuses(), QStringLiteral("status")); !st)
            return st;
    if (has("budgetMinor") && c.budgetMinor < 0)
        return Error::validation(QStringLiteral("range"), QStringLiteral("budgetMinor"),
                                 QStringLiteral("The budget cannot be negative"));
    if (has("currency") && !Money::isValidCurrency(c.currency))
        return Error::validation(QStringLiteral("format"), QStringLiteral("currency"),
                                 QStringLiteral("The currency must be a three-letter code such as CNY"));
    if (has("target")) {
        CampaignTarget &t = c.target;
        for (const QString &s : t.statuses)
            if (!CustomerValidator::statuses().contains(s))
                return Error::validation(QStringLiteral("invalid"), QStringLiteral("target.statuses"),
                                         QStringLiteral("\"%1\" is not a customer status").arg(s));
        const std::pair<const char *, QString *> texts[] = {
            {"target.tag", &t.tag}, {"target.group", &t.group}, {"target.source", &t.source},
            {"target.province", &t.province}, {"target.city", &t.city}};
        for (const auto &[field, value] : texts) {
            *value = value->trimmed();
            if (Status st = Validation::maxLength(*value, 200, QLatin1String(field)); !st)
                return st;
        }
        // Naming an owner outside the actor's scope would add nobody; say so instead.
        if (t.ownerId && !actor.canSeeOwner(*t.ownerId))
            return Error::validation(QStringLiteral("reference"), QStringLiteral("target.ownerId"),
                                     QStringLiteral("Unknown owner"));
    }
    if (has("startDate") || has("endDate"))
        return checkPeriod(c);
    return {};
}

Status CampaignService::requireCampaign(qint64 id)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT 1 FROM campaigns WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(q); !st)
        return st;
    if (!q.next())
        return Error::notFound(QStringLiteral("Campaign"));
    return {};
}

Result<Campaign> CampaignService::create(const Actor &actor, Campaign draft)
{
    if (!actor.can(Permission::CampaignWrite))
        return Error::forbidden();
    if (Status st = validate(actor, draft, fieldNames()); !st)
        return st.error();
    return m_db.write([&]() -> Result<Campaign> {
        const qint64 now = m_db.clock().nowMs();
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO campaigns (name, goal, description, start_date, end_date, status, budget_minor, currency,"
            " target_filter, owner_id, created_at, updated_at)"
            " VALUES (:name, :goal, :description, :start, :end, :status, :budget, :currency, :target, :owner, :now, :now)"
            " RETURNING id"));
        q.bindValue(QStringLiteral(":name"), draft.name);
        q.bindValue(QStringLiteral(":goal"), text(draft.goal));
        q.bindValue(QStringLiteral(":description"), text(draft.description));
        q.bindValue(QStringLiteral(":start"), dateText(draft.startDate));
        q.bindValue(QStringLiteral(":end"), dateText(draft.endDate));
        q.bindValue(QStringLiteral(":status"), draft.status);
        q.bindValue(QStringLiteral(":budget"), draft.budgetMinor);
        q.bindValue(QStringLiteral(":currency"), draft.currency);
        q.bindValue(QStringLiteral(":target"), targetText(draft.target));
        q.bindValue(QStringLiteral(":owner"),
                    actor.userId > 0 ? QVariant(actor.userId) : QVariant(QMetaType::fromType<qlonglong>()));
        q.bindValue(QStringLiteral(":now"), now);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, id, snapshot(draft)); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("created")});
        return get(actor, id);
    });
}

Result<Campaign> CampaignService::get(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::CampaignRead))
        return Error::forbidden();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kColumns +
                               QStringLiteral(" FROM campaigns k LEFT JOIN users u ON u.id = k.owner_id WHERE k.id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("Campaign"));
    return readCampaign(q);
}

Result<Campaign> CampaignService::update(const Actor &actor, qint64 id, const Campaign &values, const QSet<QString> &fields,
                                         std::optional<int> expectedVersion)
{
    if (!actor.can(Permission::CampaignWrite))
        return Error::forbidden();
    for (const QString &f : fields)
        if (!fieldNames().contains(f))
            return Error::validation(QStringLiteral("unknown"), f, QStringLiteral("There is no campaign field \"%1\"").arg(f));
    Campaign incoming = values;
    if (Status st = validate(actor, incoming, fields); !st)
        return st.error();
    return m_db.write([&]() -> Result<Campaign> {
        auto current = get(actor, id);
        if (!current)
            return current.error();
        const QString conflict = QStringLiteral("Someone else changed this campaign; reload it and apply your change again");
        if (expectedVersion && *expectedVersion != current->version)
            return Error::conflict(QStringLiteral("version"), conflict);
        Campaign next = *current;
        copyFields(next, incoming, fields);
        if (Status st = checkPeriod(next); !st) // one date changed: check it against the stored other
            return st.error();
        const QVector<FieldChange> changes = AuditLog::diff(snapshot(*current), snapshot(next));
        if (changes.isEmpty())
            return *current;
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "UPDATE campaigns SET name = :name, goal = :goal, description = :description, start_date = :start,"
            " end_date = :end, status = :status, budget_minor = :budget, currency = :currency, target_filter = :target,"
            " updated_at = :now, version = version + 1 WHERE id = :id AND version = :version"));
        q.bindValue(QStringLiteral(":name"), next.name);
        q.bindValue(QStringLiteral(":goal"), text(next.goal));
        q.bindValue(QStringLiteral(":description"), text(next.description));
        q.bindValue(QStringLiteral(":start"), dateText(next.startDate));
        q.bindValue(QStringLiteral(":end"), dateText(next.endDate));
        q.bindValue(QStringLiteral(":status"), next.status);
        q.bindValue(QStringLiteral(":budget"), next.budgetMinor);
        q.bindValue(QStringLiteral(":currency"), next.currency);
        q.bindValue(QStringLiteral(":target"), targetText(next.target));
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":version"), current->version);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        if (q.numRowsAffected() != 1)
            return Error::conflict(QStringLiteral("version"), conflict);
        if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, id, changes); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        return get(actor, id);
    });
}

Result<CampaignPage> CampaignService::list(const Actor &actor, const CampaignFilter &filter)
{
    if (!actor.can(Permission::CampaignRead))
        return Error::forbidden();
    QString where = QStringLiteral("1=1");
    if (!filter.status.isEmpty())
        where += QStringLiteral(" AND k.status = :status");
    if (filter.afterId > 0)
        where += QStringLiteral(" AND k.id < :after");
    // Driven from the customers in scope (a rep's few thousand, through the owner indexes) to their
    // campaigns once, rather than from each campaign through all of its participants. A scope of all
    // customers needs any participant: one primary key probe per campaign.
    if (filter.withParticipantsInScope && actor.seesAll())
        where += QStringLiteral(" AND EXISTS (SELECT 1 FROM campaign_participants p WHERE p.campaign_id = k.id)");
    else if (filter.withParticipantsInScope)
        where += QStringLiteral(" AND k.id IN (SELECT p.campaign_id FROM customers c JOIN campaign_participants p ON p.customer_id = c.id"
                                " WHERE ") +
                 actor.ownerCondition(QStringLiteral("c.owner_id")) + QLatin1Char(')');
    const int limit = std::clamp(filter.limit, 1, 500);
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kColumns +
                               QStringLiteral(" FROM campaigns k LEFT JOIN users u ON u.id = k.owner_id WHERE ") + where +
                               QStringLiteral(" ORDER BY k.id DESC LIMIT :limit"));
    if (!filter.status.isEmpty())
        q.bindValue(QStringLiteral(":status"), filter.status);
    if (filter.afterId > 0)
        q.bindValue(QStringLiteral(":after"), filter.afterId);
    q.bindValue(QStringLiteral(":limit"), limit + 1); // one more row tells whether there is a next page
    if (Status st = m_db.exec(q); !st)
        return st.error();
    CampaignPage page;
    while (q.next())
        page.campaigns.append(readCampaign(q));
    if (page.campaigns.size() > limit) {
        page.campaigns.removeLast();
        page.hasMore = true;
    }
    return page;
}

Status CampaignService::remove(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::CampaignWrite))
        return Error::forbidden();
    return m_db.write([&]() -> Status {
        auto current = get(actor, id);
        if (!current)
            return current.error();
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM campaigns WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), id);
        if (Status st = m_db.exec(q); !st)
            return st;
        if (Status st = AuditLog::recordDelete(m_db, actor, kEntity, id, snapshot(*current)); !st)
            return st;
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("deleted")});
        return {};
    });
}

Result<qint64> CampaignService::addParticipantsFromFilter(const Actor &actor, qint64 campaignId)
{
    if (!actor.can(Permission::CampaignWrite))
        return Error::forbidden();
    return m_db.write([&]() -> Result<qint64> {
        auto campaign = get(actor, campaignId);
        if (!campaign)
            return campaign.error();
        QVariantMap binds;
        const QString target = targetCondition(campaign->target, binds);
        // One statement however many customers match: the database walks its own indexes and skips
        // customers already taking part (ON CONFLICT DO NOTHING: SQLite >= 3.24 and PostgreSQL).
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO campaign_participants (campaign_id, customer_id, status, added_at)"
            " SELECT CAST(:campaign AS BIGINT), c.id, 'invited', CAST(:now AS BIGINT) FROM customers c WHERE ") +
            actor.ownerCondition(QStringLiteral("c.owner_id")) + QStringLiteral(" AND ") + target +
            QStringLiteral(" ON CONFLICT (campaign_id, customer_id) DO NOTHING"));
        for (auto it = binds.cbegin(); it != binds.cend(); ++it)
            q.bindValue(it.key(), it.value());
        q.bindValue(QStringLiteral(":campaign"), campaignId);
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        if (Status st = m_db.exec(q); !st)
            return st.error();
        const qint64 added = std::max(0, q.numRowsAffected());
        if (added > 0) {
            if (Status st = AuditLog::record(m_db, actor, kEntity, campaignId, QStringLiteral("add_participants"),
                                             QStringLiteral("participants"), QVariant(), QVariant(added));
                !st)
                return st.error();
            m_db.notifyAfterCommit({kEntity, campaignId, QStringLiteral("updated")});
        }
        return added;
    });
}

Result<qint64> CampaignService::addParticipants(const Actor &actor, qint64 campaignId, const QVector<qint64> &customerIds)
{
    if (!actor.can(Permission::CampaignWrite))
        return Error::forbidden();
    QVector<qint64> ids = customerIds;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() > kMaxCustomerIds)
        return Error::validation(QStringLiteral("range"), QStringLiteral("customerIds"),
                                 QStringLiteral("Add at most %1 customers at once; save a target for more").arg(kMaxCustomerIds));
    return m_db.write([&]() -> Result<qint64> {
        if (Status st = requireCampaign(campaignId); !st)
            return st.error();
        if (ids.isEmpty())
            return qint64(0);
        // Ids are integers, so naming them in the statement is safe; all or nothing: every customer
        // must be visible, an unknown or out-of-scope one reads as not found.
        const QString scoped = QStringLiteral(" FROM customers c WHERE c.id IN (") + idList(ids) + QStringLiteral(") AND ") +
                               actor.ownerCondition(QStringLiteral("c.owner_id"));
        QSqlQuery count = m_db.prepare(QStringLiteral("SELECT COUNT(*)") + scoped);
        if (Status st = m_db.exec(count); !st)
            return st.error();
        count.next();
        const qint64 visible = count.value(0).toLongLong();
        count.finish();
        if (visible != ids.size())
            return Error::notFound(QStringLiteral("Customer"));
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO campaign_participants (campaign_id, customer_id, status, added_at)"
                                                  " SELECT CAST(:campaign AS BIGINT), c.id, 'invited', CAST(:now AS BIGINT)") +
                                   scoped + QStringLiteral(" ON CONFLICT (campaign_id, customer_id) DO NOTHING"));
        q.bindValue(QStringLiteral(":campaign"), campaignId);
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        if (Status st = m_db.exec(q); !st)
            return st.error();
        const qint64 added = std::max(0, q.numRowsAffected());
        if (added > 0) {
            if (Status st = AuditLog::record(m_db, actor, kEntity, campaignId, QStringLiteral("add_participants"),
                                             QStringLiteral("participants"), QVariant(), QVariant(added));
                !st)
                return st.error();
            m_db.notifyAfterCommit({kEntity, campaignId, QStringLiteral("updated")});
        }
        return added;
    });
}

Result<CampaignParticipant> CampaignService::participant(const Actor &actor, qint64 campaignId, qint64 customerId)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT p.campaign_id, p.customer_id, c.name, p.status, p.response, p.responded_at, p.added_at"
                       " FROM campaign_participants p JOIN customers c ON c.id = p.customer_id"
                       " WHERE p.campaign_id = :campaign AND p.customer_id = :customer AND ") +
        actor.ownerCondition(QStringLiteral("c.owner_id")));
    q.bindValue(QStringLiteral(":campaign"), campaignId);
    q.bindValue(QStringLiteral(":customer"), customerId);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("Participant"));
    CampaignParticipant p;
    p.campaignId = q.value(0).toLongLong();
    p.customerId = q.value(1).toLongLong();
    p.customerName = actor.canSeeField(QStringLiteral("customer"), QStringLiteral("name")) ? q.value(2).toString() : QString();
    p.status = q.value(3).toString();
    p.response = q.value(4).toString();
    p.respondedAt = q.value(5).toLongLong();
    p.addedAt = q.value(6).toLongLong();
    return p;
}

Result<CampaignParticipant> CampaignService::recordResponse(const Actor &actor, qint64 campaignId, qint64 customerId,
                                                            const QString &status, const QString &response)
{
    if (!actor.can(Permission::CampaignRead)
        || (!actor.can(Permission::CampaignWrite) && !actor.can(Permission::CustomerWrite)))
        return Error::forbidden();
    if (Status st = Validation::oneOf(status, participantStatuses(), QStringLiteral("status")); !st)
        return st.error();
    const QString answer = response.trimmed();
    if (Status st = Validation::maxLength(answer, 2000, QStringLiteral("response")); !st)
        return st.error();
    return m_db.write([&]() -> Result<CampaignParticipant> {
        if (Status st = requireCampaign(campaignId); !st)
            return st.error();
        auto current = participant(actor, campaignId, customerId);
        if (!current)
            return current.error();
        const qint64 now = m_db.clock().nowMs();
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE campaign_participants SET status = :status, response = :response,"
                                                  " responded_at = :at WHERE campaign_id = :campaign AND customer_id = :customer"));
        q.bindValue(QStringLiteral(":status"), status);
        q.bindValue(QStringLiteral(":response"), text(answer));
        // Back to "invited" means the answer was withdrawn: no answer time either.
        q.bindValue(QStringLiteral(":at"), status == QLatin1String("invited") ? QVariant(QMetaType::fromType<qlonglong>())
                                                                              : QVariant(now));
        q.bindValue(QStringLiteral(":campaign"), campaignId);
        q.bindValue(QStringLiteral(":customer"), customerId);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        const QString field = QStringLiteral("participants.") + QString::number(customerId);
        const QVariantMap before{{QStringLiteral("status"), current->status}, {QStringLiteral("response"), current->response}};
        const QVariantMap after{{QStringLiteral("status"), status}, {QStringLiteral("response"), answer}};
        if (before != after) {
            if (Status st = AuditLog::record(m_db, actor, kEntity, campaignId, QStringLiteral("record_response"), field,
                                             before, after);
                !st)
                return st.error();
            m_db.notifyAfterCommit({kEntity, campaignId, QStringLiteral("updated")});
        }
        return participant(actor, campaignId, customerId);
    });
}

Result<ParticipantPage> CampaignService::participants(const Actor &actor, qint64 campaignId, const ParticipantFilter &filter)
{
    if (!actor.can(Permission::CampaignRead))
        return Error::forbidden();
    if (Status st = requireCampaign(campaignId); !st)
        return st.error();
    QString where = QStringLiteral("p.campaign_id = :campaign AND p.customer_id > :after AND ") +
                    actor.ownerCondition(QStringLiteral("c.owner_id"));
    if (!filter.status.isEmpty())
        where += QStringLiteral(" AND p.status = :status");
    const int limit = std::clamp(filter.limit, 1, 500);
    // Walks the primary key (campaign_id, customer_id) in order and stops at the page.
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT p.campaign_id, p.customer_id, c.name, p.status, p.response, p.responded_at, p.added_at"
                       " FROM campaign_participants p JOIN customers c ON c.id = p.customer_id WHERE ") +
        where + QStringLiteral(" ORDER BY p.customer_id LIMIT :limit"));
    q.bindValue(QStringLiteral(":campaign"), campaignId);
    q.bindValue(QStringLiteral(":after"), filter.afterCustomerId);
    if (!filter.status.isEmpty())
        q.bindValue(QStringLiteral(":status"), filter.status);
    q.bindValue(QStringLiteral(":limit"), limit + 1);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    const bool nameVisible = actor.canSeeField(QStringLiteral("customer"), QStringLiteral("name"));
    ParticipantPage page;
    while (q.next()) {
        CampaignParticipant p;
        p.campaignId = q.value(0).toLongLong();
        p.customerId = q.value(1).toLongLong();
        p.customerName = nameVisible ? q.value(2).toString() : QString();
        p.status = q.value(3).toString();
        p.response = q.value(4).toString();
        p.respondedAt = q.value(5).toLongLong();
        p.addedAt = q.value(6).toLongLong();
        page.participants.append(p);
    }
    if (page.participants.size() > limit) {
        page.participants.removeLast();
        page.hasMore = true;
    }
    return page;
}

Result<CampaignStats> CampaignService::stats(const Actor &actor, qint64 campaignId)
{
    if (!actor.can(Permission::CampaignRead))
        return Error::forbidden();
    if (Status st = requireCampaign(campaignId); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT p.status, COUNT(*) FROM campaign_participants p"
                                              " JOIN customers c ON c.id = p.customer_id"
                                              " WHERE p.campaign_id = :campaign AND ") +
                               actor.ownerCondition(QStringLiteral("c.owner_id")) + QStringLiteral(" GROUP BY p.status"));
    q.bindValue(QStringLiteral(":campaign"), campaignId);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    CampaignStats s;
    while (q.next()) {
        const QString status = q.value(0).toString();
        const qint64 n = q.value(1).toLongLong();
        s.participants += n;
        if (status == QLatin1String("invited")) s.invited = n;
        else if (status == QLatin1String("responded")) s.responded = n;
        else if (status == QLatin1String("converted")) s.converted = n;
        else if (status == QLatin1String("declined")) s.declined = n;
    }
    return s;
}

} // namespace crm
