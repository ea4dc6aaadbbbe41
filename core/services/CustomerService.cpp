#include "core/services/CustomerService.h"

#include "core/services/AuditLog.h"
#include "core/services/CustomerValidator.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"
#include "core/storage/ReusedQuery.h"
#include "core/domain/Validation.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace crm {

namespace {
// The owners whose customers the actor may see, for narrowing keyword searches in the index; empty
// when the scope is everything (pool customers included).
QVector<qint64> scopeOwners(const Actor &actor)
{
    return actor.seesAll() ? QVector<qint64>{} : actor.visibleOwnerIds;
}

// The scope of a sorted page. SQLite plans without statistics (nothing runs ANALYZE there), and an
// "owner_id IN (many ids)" term makes it read every row of the scope through an owner index and sort
// them all for one page: measured on the 1,000,000-customer demo, the director's first page (200
// owners, 900,000 rows) took 18 s, so the desktop's customer table stayed empty that long. Above a
// team's worth of owners the unary + keeps the term off the index: the page walks the sort column's
// index in order and filters by owner (6 ms). A rep or a small team keeps the (owner, sort column)
// indexes, read in order or with a small sort (2 ms for 3 owners; walking instead took 300 ms).
// PostgreSQL has statistics (the demo and large imports ANALYZE) and picks by itself.
QString pageScope(const Database &db, const Actor &actor)
{
    constexpr int kOwnerIndexMaxOwners = 16;
    const bool walkSortIndex = db.isSqlite() && !actor.seesAll() && actor.visibleOwnerIds.size() > kOwnerIndexMaxOwners;
    return actor.ownerCondition(walkSortIndex ? QStringLiteral("+c.owner_id") : QStringLiteral("c.owner_id"));
}
} // namespace

namespace {
const QString kEntity = QStringLiteral("customer");
} // namespace

Status CustomerService::checkWritable(const Actor &actor, const QSet<QString> &fields)
{
    for (const QString &f : fields)
        if (actor.fieldRule(kEntity, f) != FieldRule::Editable)
            return Error{QStringLiteral("forbidden"), QStringLiteral("You may not change the field \"%1\"").arg(f), f};
    return {};
}

namespace {

void copyFields(Customer &to, const Customer &from, const QSet<QString> &fields)
{
    auto has = [&](const char *f) { return fields.contains(QLatin1String(f)); };
    if (has("name")) to.name = from.name;
    if (has("kind")) to.kind = from.kind;
    if (has("gender")) to.gender = from.gender;
    if (has("birthday")) to.birthday = from.birthday;
    if (has("occupation")) to.occupation = from.occupation;
    if (has("industry")) to.industry = from.industry;
    if (has("company")) to.company = from.company;
    if (has("position")) to.position = from.position;
    if (has("source")) to.source = from.source;
    if (has("status")) to.status = from.status;
    if (has("level")) to.level = from.level;
    if (has("phones")) to.phones = from.phones;
    if (has("emails")) to.emails = from.emails;
    if (has("addresses")) to.addresses = from.addresses;
    if (has("tags")) to.tags = from.tags;
    if (has("groups")) to.groups = from.groups;
    if (has("ownerId")) to.ownerId = from.ownerId;
    if (has("customFields")) to.customFields = from.customFields;
    if (has("notes")) to.notes = from.notes;
}

QVariantList phonesOf(const Customer &c)
{
    QVariantList out;
    for (const Phone &p : c.phones)
        out << QVariantMap{{QStringLiteral("number"), p.number}, {QStringLiteral("label"), p.label}, {QStringLiteral("primary"), p.primary}};
    return out;
}
QVariantList emailsOf(const Customer &c)
{
    QVariantList out;
    for (const Email &e : c.emails)
        out << QVariantMap{{QStringLiteral("address"), e.address}, {QStringLiteral("label"), e.label}, {QStringLiteral("primary"), e.primary}};
    return out;
}
QVariantList addressesOf(const Customer &c)
{
    QVariantList out;
    for (const Address &a : c.addresses)
        out << QVariantMap{{QStringLiteral("province"), a.province}, {QStringLiteral("city"), a.city},
                           {QStringLiteral("district"), a.district}, {QStringLiteral("street"), a.street},
                           {QStringLiteral("number"), a.number}, {QStringLiteral("postalCode"), a.postalCode},
                           {QStringLiteral("label"), a.label}, {QStringLiteral("primary"), a.primary}};
    return out;
}

} // namespace

Status CustomerService::checkOwner(Database &db, const Actor &actor, std::optional<qint64> owner)
{
    if (owner && *owner == actor.userId)
        return {};
    if (!actor.can(Permission::CustomerAssign))
        return Error::forbidden(QStringLiteral("You may not assign customers to others or to the pool"));
    if (!owner)
        return {};
    if (!actor.canSeeOwner(*owner))
        return Error::validation(QStringLiteral("reference"), QStringLiteral("ownerId"), QStringLiteral("Unknown owner"));
    ReusedQuery q(db, QStringLiteral("SELECT active FROM users WHERE id = :id"));
    q->bindValue(QStringLiteral(":id"), *owner);
    if (Status st = db.exec(*q); !st)
        return st;
    if (!q->next() || q->value(0).toInt() == 0)
        return Error::validation(QStringLiteral("reference"), QStringLiteral("ownerId"), QStringLiteral("Unknown or inactive owner"));
    return {};
}

namespace {

bool touchesSearch(const QSet<QString> &fields)
{
    for (const char *f : {"name", "company", "phones", "emails", "tags", "ownerId"}) // ownerId: see SearchIndex::ownerToken
        if (fields.contains(QLatin1String(f)))
            return true;
    return false;
}

} // namespace

QVariantMap CustomerService::snapshot(const Customer &c)
{
    return {{QStringLiteral("name"), c.name},
            {QStringLiteral("kind"), c.kind},
            {QStringLiteral("gender"), c.gender},
            {QStringLiteral("birthday"), c.birthday.isValid() ? c.birthday.toString(Qt::ISODate) : QString()},
            {QStringLiteral("occupation"), c.occupation},
            {QStringLiteral("industry"), c.industry},
            {QStringLiteral("company"), c.company},
            {QStringLiteral("position"), c.position},
            {QStringLiteral("source"), c.source},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("level"), c.level},
            {QStringLiteral("phones"), phonesOf(c)},
            {QStringLiteral("emails"), emailsOf(c)},
            {QStringLiteral("addresses"), addressesOf(c)},
            {QStringLiteral("tags"), c.tags},
            {QStringLiteral("groups"), c.groups},
            {QStringLiteral("ownerId"), c.ownerId ? QVariant(*c.ownerId) : QVariant()},
            {QStringLiteral("customFields"), c.customFields.toVariantMap()},
            {QStringLiteral("notes"), c.notes}};
}

void CustomerService::applyFieldRules(const Actor &actor, Customer &c)
{
    if (actor.fieldRules.isEmpty())
        return;
    auto hide = [&](const char *field, auto &&blank) {
        if (!actor.canSeeField(kEntity, QLatin1String(field))) {
            blank();
            c.hiddenFields.insert(QLatin1String(field));
        }
    };
    hide("phones", [&] { c.phones.clear(); c.phone.clear(); });
    hide("emails", [&] { c.emails.clear(); c.email.clear(); });
    hide("addresses", [&] { c.addresses.clear(); c.province.clear(); c.city.clear(); c.district.clear(); });
    hide("birthday", [&] { c.birthday = {}; });
    hide("gender", [&] { c.gender.clear(); });
    hide("occupation", [&] { c.occupation.clear(); });
    hide("industry", [&] { c.industry.clear(); });
    hide("company", [&] { c.company.clear(); });
    hide("position", [&] { c.position.clear(); });
    hide("source", [&] { c.source.clear(); });
    hide("level", [&] { c.level.clear(); });
    hide("notes", [&] { c.notes.clear(); });
    hide("customFields", [&] { c.customFields = {}; });
    hide("tags", [&] { c.tags.clear(); });
    hide("groups", [&] { c.groups.clear(); });
}

Status CustomerService::requireVisible(Database &db, const Actor &actor, qint64 customerId)
{
    ReusedQuery q(db, QStringLiteral("SELECT 1 FROM customers c WHERE c.id = :id AND ") + actor.ownerCondition(QStringLiteral("c.owner_id")));
    q->bindValue(QStringLiteral(":id"), customerId);
    if (Status st = db.exec(*q); !st)
        return st;
    if (!q->next())
        return Error::notFound(QStringLiteral("Customer"));
    return {};
}

Result<Customer> CustomerService::create(const Actor &actor, Customer draft)
{
    if (!actor.can(Permission::CustomerWrite))
        return Error::forbidden();
    QSet<QString> fields = CustomerValidator::fieldNames();
    fields.remove(QStringLiteral("ownerId"));
    // Read-only or hidden fields may not be filled in either.
    Customer blank;
    QSet<QString> given;
    const QVariantMap filled = snapshot(draft), empty = snapshot(blank);
    for (const QString &f : fields)
        if (filled.value(f) != empty.value(f))
            given.insert(f);
    if (Status st = checkWritable(actor, given); !st)
        return st.error();
    const qint64 now = m_db.clock().nowMs();
    if (Status st = CustomerValidator(m_db).normalize(draft, fields, now); !st)
        return st.error();
    // Identity and bookkeeping come from the server, never from the draft.
    // No owner given: the creator owns it (the system actor, for imports, fills the pool).
    if (!draft.ownerId && actor.userId > 0)
        draft.ownerId = actor.userId;
    if (Status st = checkOwner(m_db, actor, draft.ownerId); !st)
        return st.error();
    draft.id = 0;
    draft.createdBy = actor.userId;
    draft.createdAt = now;
    draft.updatedAt = now;
    draft.poolSince = draft.ownerId ? 0 : now;
    draft.lastContactAt = 0;
    draft.wonValueMinor = 0;

    return m_db.write([&]() -> Result<Customer> {
        CustomerRepository repo(m_db);
        auto id = repo.insert(draft);
        if (!id)
            return id.error();
        draft.id = *id;
        for (Status st : {repo.replacePhones(draft.id, draft.phones), repo.replaceEmails(draft.id, draft.emails),
                          repo.replaceAddresses(draft.id, draft.addresses), repo.replaceTags(draft.id, draft.tags),
                          repo.replaceGroups(draft.id, draft.groups), repo.reindex(draft)})
            if (!st)
                return st.error();
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, draft.id, snapshot(draft)); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, draft.id, QStringLiteral("created")});
        auto created = repo.load(draft.id, QStringLiteral("1=1"));
        if (created)
            applyFieldRules(actor, created.value());
        return created;
    });
}

Result<Customer> CustomerService::get(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::CustomerRead))
        return Error::forbidden();
    auto c = CustomerRepository(m_db).load(id, actor.ownerCondition(QStringLiteral("c.owner_id")));
    if (c)
        applyFieldRules(actor, c.value());
    return c;
}

Result<Customer> CustomerService::update(const Actor &actor, qint64 id, const Customer &values, const QSet<QString> &requested,
                                         std::optional<int> expectedVersion)
{
    if (!actor.can(Permission::CustomerWrite))
        return Error::forbidden();
    for (const QString &f : requested)
        if (!CustomerValidator::fieldNames().contains(f))
            return Error::validation(QStringLiteral("unknown"), f, QStringLiteral("There is no customer field \"%1\"").arg(f));
    if (Status st = checkWritable(actor, requested); !st)
        return st.error();
    Customer incoming = values;
    const qint64 now = m_db.clock().nowMs();
    if (Status st = CustomerValidator(m_db).normalize(incoming, requested, now); !st)
        return st.error();

    return m_db.write([&]() -> Result<Customer> {
        CustomerRepository repo(m_db);
        auto current = repo.load(id, actor.ownerCondition(QStringLiteral("c.owner_id")));
        if (!current)
            return current.error();
        if (expectedVersion && *expectedVersion != current->version)
            return Error::conflict(QStringLiteral("version"),
                                   QStringLiteral("Someone else changed this customer; reload it and apply your change again"));
        Customer next = *current;
        copyFields(next, incoming, requested);
        if (requested.contains(QStringLiteral("ownerId")) && next.ownerId != current->ownerId)
            if (Status st = checkOwner(m_db, actor, next.ownerId); !st)
                return st.error();
        // Derived columns follow their lists only when the list was given.
        if (requested.contains(QStringLiteral("phones"))) next.phone = incoming.phone;
        if (requested.contains(QStringLiteral("emails"))) next.email = incoming.email;
        if (requested.contains(QStringLiteral("addresses"))) {
            next.province = incoming.province;
            next.city = incoming.city;
            next.district = incoming.district;
        }
        if (next.ownerId != current->ownerId)
            next.poolSince = next.ownerId ? 0 : now;
        const QVector<FieldChange> changes = AuditLog::diff(snapshot(*current), snapshot(next));
        if (changes.isEmpty())
            return *current;
        next.updatedAt = now;
        auto updated = repo.updateRow(next, current->version);
        if (!updated)
            return updated.error();
        if (!*updated)
            return Error::conflict(QStringLiteral("version"),
                                   QStringLiteral("Someone else changed this customer; reload it and apply your change again"));
        QSet<QString> changed;
        for (const FieldChange &c : changes)
            changed.insert(c.field);
        if (changed.contains(QStringLiteral("phones")))
            if (Status st = repo.replacePhones(id, next.phones); !st)
                return st.error();
        if (changed.contains(QStringLiteral("emails")))
            if (Status st = repo.replaceEmails(id, next.emails); !st)
                return st.error();
        if (changed.contains(QStringLiteral("addresses")))
            if (Status st = repo.replaceAddresses(id, next.addresses); !st)
                return st.error();
        if (changed.contains(QStringLiteral("tags")))
            if (Status st = repo.replaceTags(id, next.tags); !st)
                return st.error();
        if (changed.contains(QStringLiteral("groups")))
            if (Status st = repo.replaceGroups(id, next.groups); !st)
                return st.error();
        if (touchesSearch(changed))
            if (Status st = repo.reindex(next); !st)
                return st.error();
        if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, id, changes); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        auto reloaded = repo.load(id, QStringLiteral("1=1"));
        if (reloaded)
            applyFieldRules(actor, reloaded.value());
        return reloaded;
    });
}

Status CustomerService::remove(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::CustomerDelete))
        return Error::forbidden();
    return m_db.write([&]() -> Status {
        CustomerRepository repo(m_db);
        auto current = repo.load(id, actor.ownerCondition(QStringLiteral("c.owner_id")));
        if (!current)
            return current.error();
        if (Status st = repo.remove(id); !st)
            return st;
        if (Status st = AuditLog::recordDelete(m_db, actor, kEntity, id, snapshot(*current)); !st)
            return st;
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("deleted")});
        return {};
    });
}

Result<CustomerPage> CustomerService::list(const Actor &actor, const CustomerFilter &filter)
{
    if (!actor.can(Permission::CustomerRead) && !(filter.poolOnly && actor.can(Permission::PoolClaim)))
        return Error::forbidden();
    auto page = CustomerRepository(m_db).list(filter, pageScope(m_db, actor), scopeOwners(actor));
    if (page)
        for (Customer &c : page.value().customers)
            applyFieldRules(actor, c);
    return page;
}

Result<CustomerCellPage> CustomerService::listCells(const Actor &actor, const CustomerFilter &filter, const CustomerTagTable *tags)
{
    if (!actor.can(Permission::CustomerRead) && !(filter.poolOnly && actor.can(Permission::PoolClaim)))
        return Error::forbidden();
    // The role's hidden customer fields, straight from its rules ("customer.phones" -> phones).
    QSet<QString> hidden;
    const QString prefix = kEntity + QLatin1Char('.');
    for (auto it = actor.fieldRules.cbegin(); it != actor.fieldRules.cend(); ++it)
        if (it.value() == FieldRule::Hidden && it.key().startsWith(prefix))
            hidden.insert(it.key().mid(prefix.size()));
    return CustomerRepository(m_db).listCells(filter, pageScope(m_db, actor), scopeOwners(actor), hidden, tags);
}

Result<qint64> CustomerService::countUpTo(const Actor &actor, const CustomerFilter &filter, qint64 cap)
{
    if (!actor.can(Permission::CustomerRead))
        return Error::forbidden();
    return CustomerRepository(m_db).count(filter, actor.ownerCondition(QStringLiteral("c.owner_id")), scopeOwners(actor), cap);
}

Result<qint64> CustomerService::count(const Actor &actor, const CustomerFilter &filter)
{
    if (!actor.can(Permission::CustomerRead) && !(filter.poolOnly && actor.can(Permission::PoolClaim)))
        return Error::forbidden();
    return CustomerRepository(m_db).count(filter, actor.ownerCondition(QStringLiteral("c.owner_id")), scopeOwners(actor));
}

Status CustomerService::addTags(const Actor &actor, const QVector<qint64> &ids, const QStringList &tags)
{
    if (!actor.can(Permission::CustomerWrite))
        return Error::forbidden();
    if (Status st = checkWritable(actor, {QStringLiteral("tags")}); !st)
        return st;
    Customer probe;
    probe.tags = tags;
    if (Status st = CustomerValidator(m_db).normalize(probe, {QStringLiteral("tags")}, 0); !st)
        return st;
    return m_db.write([&]() -> Status {
        CustomerRepository repo(m_db);
        for (qint64 id : ids) {
            auto current = repo.load(id, actor.ownerCondition(QStringLiteral("c.owner_id")));
            if (!current)
                return current.error();
            QStringList merged = current->tags;
            for (const QString &t : probe.tags)
                if (!merged.contains(t))
                    merged << t;
            if (merged == current->tags)
                continue;
            if (Status st = repo.addTags(id, probe.tags); !st)
                return st;
            Customer next = *current;
            next.tags = merged;
            if (Status st = repo.reindex(next); !st)
                return st;
            if (Status st = AuditLog::record(m_db, actor, kEntity, id, QStringLiteral("update"), QStringLiteral("tags"),
                                             current->tags, merged);
                !st)
                return st;
            m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        }
        return {};
    });
}

Result<QVector<DuplicateHint>> CustomerService::duplicates(const Actor &actor, const QString &phone, const QString &email,
                                                           const QString &name)
{
    if (!actor.can(Permission::CustomerRead) && !actor.can(Permission::PoolClaim))
        return Error::forbidden();
    QVector<DuplicateHint> out;
    auto classify = [&](const QString &match, const QString &sql, const QString &value) -> Status {
        QSqlQuery q = m_db.prepare(sql);
        q.bindValue(QStringLiteral(":v"), value);
        if (Status st = m_db.exec(q); !st)
            return st;
        QSet<QString> states;
        while (q.next()) {
            const QVariant owner = q.value(0);
            states.insert(owner.isNull() ? QStringLiteral("in_pool")
                          : owner.toLongLong() == actor.userId ? QStringLiteral("yours")
                                                               : QStringLiteral("owned_by_other"));
        }
        for (const QString &s : {QStringLiteral("yours"), QStringLiteral("owned_by_other"), QStringLiteral("in_pool")})
            if (states.contains(s))
                out.append({match, s});
        return {};
    };
    if (!phone.trimmed().isEmpty()) {
        const auto p = Validation::normalizePhone(phone);
        if (!p)
            return Error::validation(QStringLiteral("format"), QStringLiteral("phone"), QStringLiteral("Not a valid phone number"));
        if (Status st = classify(QStringLiteral("phone"),
                                 QStringLiteral("SELECT DISTINCT c.owner_id FROM customer_phones p JOIN customers c ON c.id = p.customer_id"
                                                " WHERE p.phone = :v LIMIT 50"),
                                 *p);
            !st)
            return st.error();
    }
    if (!email.trimmed().isEmpty()) {
        const auto e = Validation::normalizeEmail(email);
        if (!e)
            return Error::validation(QStringLiteral("format"), QStringLiteral("email"), QStringLiteral("Not a valid email address"));
        if (Status st = classify(QStringLiteral("email"),
                                 QStringLiteral("SELECT DISTINCT c.owner_id FROM customer_emails e JOIN customers c ON c.id = e.customer_id"
                                                " WHERE e.email = :v LIMIT 50"),
                                 *e);
            !st)
            return st.error();
    }
    if (!name.trimmed().isEmpty()) {
        if (Status st = classify(QStringLiteral("name"),
                                 QStringLiteral("SELECT c.owner_id FROM customers c WHERE c.name = :v OR c.company = :v LIMIT 50"),
                                 name.trimmed());
            !st)
            return st.error();
    }
    return out;
}

} // namespace crm
