#include "core/services/CustomerMerge.h"

#include "core/services/AuditLog.h"
#include "core/services/CustomerService.h"
#include "core/services/CustomerValidator.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"

#include <QSqlQuery>

#include <algorithm>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("customer");

QString staleMessage()
{
    return QStringLiteral("Someone else changed one of these customers; reload them and merge again");
}

void takeScalar(Customer &to, const Customer &from, const QString &field)
{
    if (field == QLatin1String("name")) to.name = from.name;
    else if (field == QLatin1String("kind")) to.kind = from.kind;
    else if (field == QLatin1String("gender")) to.gender = from.gender;
    else if (field == QLatin1String("birthday")) to.birthday = from.birthday;
    else if (field == QLatin1String("occupation")) to.occupation = from.occupation;
    else if (field == QLatin1String("industry")) to.industry = from.industry;
    else if (field == QLatin1String("company")) to.company = from.company;
    else if (field == QLatin1String("position")) to.position = from.position;
    else if (field == QLatin1String("source")) to.source = from.source;
    else if (field == QLatin1String("status")) to.status = from.status;
    else if (field == QLatin1String("level")) to.level = from.level;
    else if (field == QLatin1String("notes")) to.notes = from.notes;
    else if (field == QLatin1String("ownerId")) to.ownerId = from.ownerId;
}

// Appends the entries of `extra` not already in `list` (by `same`). The survivor's primary stays
// primary: appended entries are secondary unless the survivor had none of this kind.
template <typename T, typename Same>
void unite(QVector<T> &list, const QVector<T> &extra, Same same)
{
    const bool hadAny = !list.isEmpty();
    for (T e : extra) {
        if (std::any_of(list.cbegin(), list.cend(), [&](const T &x) { return same(x, e); }))
            continue;
        if (hadAny)
            e.primary = false;
        list.append(e);
    }
}

void uniteLabels(QStringList &list, const QStringList &extra)
{
    for (const QString &s : extra)
        if (!list.contains(s))
            list << s;
}

} // namespace

const QStringList &CustomerMerge::scalarFields()
{
    static const QStringList v = {QStringLiteral("name"),     QStringLiteral("kind"),     QStringLiteral("gender"),
                                  QStringLiteral("birthday"), QStringLiteral("occupation"), QStringLiteral("industry"),
                                  QStringLiteral("company"),  QStringLiteral("position"), QStringLiteral("source"),
                                  QStringLiteral("status"),   QStringLiteral("level"),    QStringLiteral("ownerId"),
                                  QStringLiteral("notes")};
    return v;
}

Result<CustomerLinkCounts> CustomerMerge::linkCounts(qint64 customerId)
{
    // One statement; every count reads an index on the customer column.
    QSqlQuery q = m_db.cached(QStringLiteral(
        "SELECT (SELECT COUNT(*) FROM contacts WHERE customer_id = :c),"
        " (SELECT COUNT(*) FROM activities WHERE customer_id = :c),"
        " (SELECT COUNT(*) FROM opportunities WHERE customer_id = :c),"
        " (SELECT COUNT(*) FROM tasks WHERE customer_id = :c),"
        " (SELECT COUNT(*) FROM follow_ups WHERE customer_id = :c),"
        " (SELECT COUNT(*) FROM campaign_participants WHERE customer_id = :c),"
        " (SELECT COUNT(*) FROM feedback WHERE customer_id = :c),"
        " (SELECT COUNT(*) FROM leads WHERE converted_customer_id = :c)"));
    q.bindValue(QStringLiteral(":c"), customerId);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    q.next();
    CustomerLinkCounts n;
    qint64 *fields[] = {&n.contacts, &n.activities, &n.opportunities, &n.tasks, &n.followUps, &n.campaigns, &n.feedback, &n.leads};
    for (int i = 0; i < 8; ++i)
        *fields[i] = q.value(i).toLongLong();
    m_db.recycle(std::move(q));
    return n;
}

Result<CustomerMergePreview> CustomerMerge::preview(const Actor &actor, qint64 firstId, qint64 secondId)
{
    if (!actor.can(Permission::CustomerRead))
        return Error::forbidden();
    return m_db.read([&]() -> Result<CustomerMergePreview> {
        CustomerService customers(m_db);
        CustomerMergePreview p;
        auto first = customers.get(actor, firstId);
        if (!first)
            return first.error();
        auto second = customers.get(actor, secondId);
        if (!second)
            return second.error();
        auto firstLinks = linkCounts(firstId);
        if (!firstLinks)
            return firstLinks.error();
        auto secondLinks = linkCounts(secondId);
        if (!secondLinks)
            return secondLinks.error();
        return CustomerMergePreview{*first, *second, *firstLinks, *secondLinks};
    });
}

Result<CustomerLinkCounts> CustomerMerge::moveLinks(qint64 from, qint64 to)
{
    CustomerLinkCounts moved;
    auto run = [&](const QString &sql, qint64 *count) -> Status {
        QSqlQuery q = m_db.prepare(sql);
        q.bindValue(QStringLiteral(":from"), from);
        q.bindValue(QStringLiteral(":to"), to);
        if (Status st = m_db.exec(q); !st)
            return st;
        if (count)
            *count = q.numRowsAffected();
        return {};
    };
    const std::pair<QString, qint64 *> steps[] = {
        // The survivor's primary contact stays the primary one.
        {QStringLiteral("UPDATE contacts SET is_primary = 0 WHERE customer_id = :from AND is_primary = 1"
                        " AND EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = :to AND k.is_primary = 1)"),
         nullptr},
        {QStringLiteral("UPDATE contacts SET customer_id = :to WHERE customer_id = :from"), &moved.contacts},
        {QStringLiteral("UPDATE activities SET customer_id = :to WHERE customer_id = :from"), &moved.activities},
        {QStringLiteral("UPDATE opportunities SET customer_id = :to WHERE customer_id = :from"), &moved.opportunities},
        {QStringLiteral("UPDATE tasks SET customer_id = :to WHERE customer_id = :from"), &moved.tasks},
        {QStringLiteral("UPDATE follow_ups SET customer_id = :to WHERE customer_id = :from"), &moved.followUps},
        {QStringLiteral("UPDATE feedback SET customer_id = :to WHERE customer_id = :from"), &moved.feedback},
        {QStringLiteral("UPDATE leads SET converted_customer_id = :to WHERE converted_customer_id = :from"), &moved.leads},
        // A campaign both took part in keeps one participation (its key is campaign and customer): the
        // one that responded last, else the survivor's.
        {QStringLiteral("DELETE FROM campaign_participants WHERE customer_id = :to AND EXISTS (SELECT 1 FROM campaign_participants d"
                        " WHERE d.customer_id = :from AND d.campaign_id = campaign_participants.campaign_id"
                        " AND COALESCE(d.responded_at, -1) > COALESCE(campaign_participants.responded_at, -1))"),
         nullptr},
        {QStringLiteral("DELETE FROM campaign_participants WHERE customer_id = :from AND campaign_id IN"
                        " (SELECT s.campaign_id FROM campaign_participants s WHERE s.customer_id = :to)"),
         nullptr},
        {QStringLiteral("UPDATE campaign_participants SET customer_id = :to WHERE customer_id = :from"), &moved.campaigns},
    };
    for (const auto &[sql, count] : steps)
        if (Status st = run(sql, count); !st)
            return st.error();
    return moved;
}

Result<CustomerMergeResult> CustomerMerge::merge(const Actor &actor, const CustomerMergeRequest &r)
{
    if (!actor.can(Permission::CustomerWrite) || !actor.can(Permission::CustomerDelete))
        return Error::forbidden(QStringLiteral("Merging customers needs permission to edit and to delete customers"));
    if (r.survivorId == r.duplicateId)
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("duplicateId"),
                                 QStringLiteral("A customer cannot be merged with itself"));
    for (const QString &f : r.fromDuplicate)
        if (!scalarFields().contains(f))
            return Error::validation(QStringLiteral("unknown"), f, QStringLiteral("There is no customer field \"%1\" to take").arg(f));
    QSet<QString> taken = r.fromDuplicate;
    if (!r.customFieldsFromDuplicate.isEmpty())
        taken.insert(QStringLiteral("customFields"));
    if (Status st = CustomerService::checkWritable(actor, taken); !st)
        return st.error();

    const QString scope = actor.ownerCondition(QStringLiteral("c.owner_id"));
    const qint64 now = m_db.clock().nowMs();
    return m_db.write([&]() -> Result<CustomerMergeResult> {
        CustomerRepository repo(m_db);
        auto survivor = repo.load(r.survivorId, scope);
        if (!survivor)
            return survivor.error();
        auto duplicate = repo.load(r.duplicateId, scope);
        if (!duplicate)
            return duplicate.error();
        if ((r.survivorVersion && *r.survivorVersion != survivor->version)
            || (r.duplicateVersion && *r.duplicateVersion != duplicate->version))
            return Error::conflict(QStringLiteral("version"), staleMessage());

        Customer next = *survivor;
        for (const QString &f : r.fromDuplicate)
            takeScalar(next, *duplicate, f);
        for (const QString &key : r.customFieldsFromDuplicate) {
            if (duplicate->customFields.contains(key))
                next.customFields.insert(key, duplicate->customFields.value(key));
            else
                next.customFields.remove(key);
        }
        unite(next.phones, duplicate->phones, [](const Phone &a, const Phone &b) { return a.number == b.number; });
        unite(next.emails, duplicate->emails, [](const Email &a, const Email &b) { return a.address == b.address; });
        unite(next.addresses, duplicate->addresses, [](const Address &a, const Address &b) {
            return a.province == b.province && a.city == b.city && a.district == b.district && a.street == b.street
                && a.number == b.number && a.postalCode == b.postalCode;
        });
        uniteLabels(next.tags, duplicate->tags);
        uniteLabels(next.groups, duplicate->groups);
        // The lists' derived columns (primary phone, region) and every limit, as an edit would check them.
        QSet<QString> checked = {QStringLiteral("phones"), QStringLiteral("emails"), QStringLiteral("addresses"),
                                 QStringLiteral("tags"), QStringLiteral("groups")};
        checked.unite(taken);
        checked.remove(QStringLiteral("ownerId"));
        if (Status st = CustomerValidator(m_db).normalize(next, checked, now); !st)
            return st.error();
        if (next.ownerId != survivor->ownerId) {
            if (Status st = CustomerService::checkOwner(m_db, actor, next.ownerId); !st)
                return st.error();
            next.poolSince = next.ownerId ? 0 : now;
        }
        next.updatedAt = now;

        // The survivor's row first, guarded by its version: a change committed since the load loses nothing.
        auto updated = repo.updateRow(next, survivor->version);
        if (!updated)
            return updated.error();
        if (!*updated)
            return Error::conflict(QStringLiteral("version"), staleMessage());
        const QVector<FieldChange> changes =
            AuditLog::diff(CustomerService::snapshot(*survivor), CustomerService::snapshot(next));
        QSet<QString> changed;
        for (const FieldChange &c : changes)
            changed.insert(c.field);
        if (changed.contains(QStringLiteral("phones")))
            if (Status st = repo.replacePhones(next.id, next.phones); !st)
                return st.error();
        if (changed.contains(QStringLiteral("emails")))
            if (Status st = repo.replaceEmails(next.id, next.emails); !st)
                return st.error();
        if (changed.contains(QStringLiteral("addresses")))
            if (Status st = repo.replaceAddresses(next.id, next.addresses); !st)
                return st.error();
        if (changed.contains(QStringLiteral("tags")))
            if (Status st = repo.replaceTags(next.id, next.tags); !st)
                return st.error();
        if (changed.contains(QStringLiteral("groups")))
            if (Status st = repo.replaceGroups(next.id, next.groups); !st)
                return st.error();

        auto moved = moveLinks(duplicate->id, next.id);
        if (!moved)
            return moved.error();
        // The later contact wins; the won value follows the opportunities that moved.
        QSqlQuery totals = m_db.prepare(QStringLiteral(
            "UPDATE customers SET last_contact_at = :lc, won_value_minor = won_value_minor + :won WHERE id = :id"));
        totals.bindValue(QStringLiteral(":lc"), std::max(survivor->lastContactAt, duplicate->lastContactAt));
        totals.bindValue(QStringLiteral(":won"), duplicate->wonValueMinor);
        totals.bindValue(QStringLiteral(":id"), next.id);
        if (Status st = m_db.exec(totals); !st)
            return st.error();

        // The duplicate goes the way CustomerService::remove deletes: search entry, then the row (its
        // phones, emails, addresses, tags and groups cascade; everything else points elsewhere now).
        if (Status st = repo.remove(duplicate->id); !st)
            return st.error();
        if (Status st = repo.reindex(next); !st)
            return st.error();

        QVariantMap dupSnapshot = CustomerService::snapshot(*duplicate);
        dupSnapshot.insert(QStringLiteral("id"), duplicate->id);
        dupSnapshot.insert(QStringLiteral("version"), duplicate->version);
        QVariantMap changeMap;
        for (const FieldChange &c : changes)
            changeMap.insert(c.field, QVariantMap{{QStringLiteral("old"), c.oldValue}, {QStringLiteral("new"), c.newValue}});
        const CustomerLinkCounts &m = *moved;
        const QVariantMap summary = {
            {QStringLiteral("survivorId"), next.id},
            {QStringLiteral("duplicateId"), duplicate->id},
            {QStringLiteral("changes"), changeMap},
            {QStringLiteral("moved"), QVariantMap{{QStringLiteral("contacts"), m.contacts},
                                                  {QStringLiteral("activities"), m.activities},
                                                  {QStringLiteral("opportunities"), m.opportunities},
                                                  {QStringLiteral("tasks"), m.tasks},
                                                  {QStringLiteral("followUps"), m.followUps},
                                                  {QStringLiteral("campaigns"), m.campaigns},
                                                  {QStringLiteral("feedback"), m.feedback},
                                                  {QStringLiteral("leads"), m.leads}}}};
        // One entry on the survivor: the duplicate as it was, and what the merge did.
        if (Status st = AuditLog::record(m_db, actor, kEntity, next.id, QStringLiteral("merge"), QStringLiteral("duplicate"),
                                         dupSnapshot, summary);
            !st)
            return st.error();

        m_db.notifyAfterCommit({kEntity, next.id, QStringLiteral("updated")});
        m_db.notifyAfterCommit({kEntity, duplicate->id, QStringLiteral("deleted")});
        // Lists of the moved records show their customer: tell them once per kind, not per row.
        const std::pair<const char *, qint64> kinds[] = {{"contact", m.contacts},       {"activity", m.activities},
                                                         {"opportunity", m.opportunities}, {"task", m.tasks},
                                                         {"follow_up", m.followUps},     {"feedback", m.feedback},
                                                         {"lead", m.leads}};
        for (const auto &[entity, count] : kinds)
            if (count > 0)
                m_db.notifyAfterCommit({QString::fromLatin1(entity), 0, QStringLiteral("updated")});

        auto reloaded = repo.load(next.id, QStringLiteral("1=1"));
        if (!reloaded)
            return reloaded.error();
        CustomerService::applyFieldRules(actor, reloaded.value());
        return CustomerMergeResult{*reloaded, m};
    });
}

} // namespace crm
