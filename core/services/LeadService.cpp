#include "core/services/LeadService.h"

#include "core/domain/Customer.h"
#include "core/domain/Opportunity.h"
#include "core/domain/Validation.h"
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/PipelineService.h"
#include "core/storage/Database.h"

#include <QSqlQuery>

#include <algorithm>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("lead");
// A deleted opportunity (also through its customer's deletion) reads as no link.
const QString kColumns = QStringLiteral(
    "l.id, l.name, l.company, l.phone, l.email, l.source, l.status, l.notes, l.owner_id, u.display_name, l.created_by,"
    " l.created_at, l.updated_at, l.converted_at, l.converted_customer_id, l.converted_contact_id, o.id, l.version");
const QString kFrom = QStringLiteral(" FROM leads l LEFT JOIN users u ON u.id = l.owner_id"
                                     " LEFT JOIN opportunities o ON o.id = l.converted_opportunity_id");

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}
QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
QVariant idOrNull(std::optional<qint64> id)
{
    return id ? QVariant(*id) : nullInt();
}

Lead readRow(const QSqlQuery &q)
{
    Lead l;
    l.id = q.value(0).toLongLong();
    l.name = q.value(1).toString();
    l.company = q.value(2).toString();
    l.phone = q.value(3).toString();
    l.email = q.value(4).toString();
    l.source = q.value(5).toString();
    l.status = q.value(6).toString();
    l.notes = q.value(7).toString();
    if (!q.value(8).isNull())
        l.ownerId = q.value(8).toLongLong();
    l.ownerName = q.value(9).toString();
    l.createdBy = q.value(10).toLongLong();
    l.createdAt = q.value(11).toLongLong();
    l.updatedAt = q.value(12).toLongLong();
    l.convertedAt = q.value(13).toLongLong();
    l.convertedCustomerId = q.value(14).toLongLong();
    l.convertedContactId = q.value(15).toLongLong();
    l.convertedOpportunityId = q.value(16).toLongLong();
    l.version = q.value(17).toInt();
    return l;
}

QVariantMap snapshot(const Lead &l)
{
    return {{QStringLiteral("name"), l.name},     {QStringLiteral("company"), l.company}, {QStringLiteral("phone"), l.phone},
            {QStringLiteral("email"), l.email},   {QStringLiteral("source"), l.source},   {QStringLiteral("status"), l.status},
            {QStringLiteral("notes"), l.notes},   {QStringLiteral("ownerId"), l.ownerId ? QVariant(*l.ownerId) : QVariant()}};
}

bool seesUnowned(const Actor &actor)
{
    return actor.seesAll() || actor.can(Permission::CustomerAssign);
}

Error convertedLead()
{
    return Error::conflict(QStringLiteral("state"), QStringLiteral("This lead has been converted; it is kept as it was"));
}

Error versionConflict()
{
    return Error::conflict(QStringLiteral("version"),
                           QStringLiteral("Someone else changed this lead; reload it and apply your change again"));
}

// Errors of the opportunity made by a conversion, named after the LeadConversion fields.
Error asConversionError(Error e)
{
    if (e.field == QLatin1String("name"))
        e.field = QStringLiteral("opportunityName");
    else if (e.field == QLatin1String("stageId"))
        e.field = QStringLiteral("pipelineId");
    return e;
}

} // namespace

const QStringList &LeadService::statuses()
{
    static const QStringList s = {QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified"),
                                  QStringLiteral("disqualified"), QStringLiteral("converted")};
    return s;
}

const QSet<QString> &LeadService::fieldNames()
{
    static const QSet<QString> names = {QStringLiteral("name"),   QStringLiteral("company"), QStringLiteral("phone"),
                                        QStringLiteral("email"),  QStringLiteral("source"),  QStringLiteral("status"),
                                        QStringLiteral("notes"),  QStringLiteral("ownerId")};
    return names;
}

QString LeadService::scopeCondition(const Actor &actor)
{
    if (actor.seesAll())
        return QStringLiteral("1=1");
    const QString owned = actor.ownerCondition(QStringLiteral("l.owner_id"));
    if (seesUnowned(actor))
        return QStringLiteral("(") + owned + QStringLiteral(" OR l.owner_id IS NULL)");
    return owned;
}

Status LeadService::validate(Lead &l, const QSet<QString> &fields) const
{
    auto has = [&](const char *f) { return fields.contains(QLatin1String(f)); };
    if (has("name")) {
        l.name = l.name.trimmed();
        if (Status st = Validation::required(l.name, QStringLiteral("name"), QStringLiteral("The lead's name")); !st)
            return st;
    }
    for (auto [field, value, max] : {std::tuple{"name", &l.name, 200}, std::tuple{"company", &l.company, 200},
                                     std::tuple{"source", &l.source, 100}, std::tuple{"notes", &l.notes, 4000}})
        if (has(field)) {
            if (value != &l.notes)
                *value = value->trimmed();
            if (Status st = Validation::maxLength(*value, max, QLatin1String(field)); !st)
                return st;
        }
    if (has("phone")) {
        l.phone = l.phone.trimmed();
        if (!l.phone.isEmpty()) {
            const auto p = Validation::normalizePhone(l.phone);
            if (!p)
                return Error::validation(QStringLiteral("format"), QStringLiteral("phone"), QStringLiteral("Not a valid phone number"));
            l.phone = *p;
        }
    }
    if (has("email")) {
        l.email = l.email.trimmed();
        if (!l.email.isEmpty()) {
            const auto e = Validation::normalizeEmail(l.email);
            if (!e)
                return Error::validation(QStringLiteral("format"), QStringLiteral("email"), QStringLiteral("Not a valid email address"));
            l.email = *e;
        }
    }
    if (has("status")) {
        QStringList settable = statuses();
        settable.removeAll(QStringLiteral("converted")); // only convert() converts
        if (Status st = Validation::oneOf(l.status, settable, QStringLiteral("status")); !st)
            return st;
    }
    return {};
}

Status LeadService::checkOwner(const Actor &actor, qint64 ownerId)
{
    if (ownerId == actor.userId)
        return {};
    if (!actor.canSeeOwner(ownerId))
        return Error::validation(QStringLiteral("reference"), QStringLiteral("ownerId"), QStringLiteral("Unknown owner"));
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT active FROM users WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), ownerId);
    if (Status st = m_db.exec(q); !st)
        return st;
    if (!q.next() || q.value(0).toInt() == 0)
        return Error::validation(QStringLiteral("reference"), QStringLiteral("ownerId"), QStringLiteral("Unknown or inactive owner"));
    return {};
}

Result<Lead> LeadService::load(qint64 id, const QString &scope)
{
    QSqlQuery q = m_db.cached(QStringLiteral("SELECT ") + kColumns + kFrom + QStringLiteral(" WHERE l.id = :id AND ") + scope);
    q.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    std::optional<Lead> found;
    if (q.next())
        found = readRow(q);
    m_db.recycle(std::move(q));
    if (!found)
        return Error::notFound(QStringLiteral("Lead"));
    return *found;
}

Result<Lead> LeadService::create(const Actor &actor, Lead draft)
{
    if (!actor.can(Permission::LeadWrite))
        return Error::forbidden();
    QSet<QString> fields = fieldNames();
    fields.remove(QStringLiteral("ownerId"));
    if (Status st = validate(draft, fields); !st)
        return st.error();
    return m_db.write([&]() -> Result<Lead> {
        if (draft.ownerId) {
            if (Status st = checkOwner(actor, *draft.ownerId); !st)
                return st.error();
        } else if (actor.userId > 0) {
            draft.ownerId = actor.userId;
        }
        const qint64 now = m_db.clock().nowMs();
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO leads (name, company, phone, email, source, status, notes, owner_id, created_by, created_at, updated_at)"
            " VALUES (:name, :company, :phone, :email, :source, :status, :notes, :owner, :by, :now, :now) RETURNING id"));
        q.bindValue(QStringLiteral(":name"), draft.name);
        q.bindValue(QStringLiteral(":company"), text(draft.company));
        q.bindValue(QStringLiteral(":phone"), text(draft.phone));
        q.bindValue(QStringLiteral(":email"), text(draft.email));
        q.bindValue(QStringLiteral(":source"), text(draft.source));
        q.bindValue(QStringLiteral(":status"), draft.status);
        q.bindValue(QStringLiteral(":notes"), text(draft.notes));
        q.bindValue(QStringLiteral(":owner"), idOrNull(draft.ownerId));
        q.bindValue(QStringLiteral(":by"), actor.userId > 0 ? QVariant(actor.userId) : nullInt());
        q.bindValue(QStringLiteral(":now"), now);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        draft.id = q.value(0).toLongLong();
        q.finish();
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, draft.id, snapshot(draft)); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, draft.id, QStringLiteral("created")});
        return load(draft.id, QStringLiteral("1=1"));
    });
}

Result<Lead> LeadService::get(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::LeadRead))
        return Error::forbidden();
    return load(id, scopeCondition(actor));
}

Result<Lead> LeadService::update(const Actor &actor, qint64 id, const Lead &values, const QSet<QString> &fields,
                                 std::optional<int> expectedVersion)
{
    if (!actor.can(Permission::LeadWrite))
        return Error::forbidden();
    for (const QString &f : fields)
        if (!fieldNames().contains(f))
            return Error::validation(QStringLiteral("unknown"), f, QStringLiteral("There is no lead field \"%1\"").arg(f));
    Lead incoming = values;
    if (Status st = validate(incoming, fields); !st)
        return st.error();
    return m_db.write([&]() -> Result<Lead> {
        auto current = load(id, scopeCondition(actor));
        if (!current)
            return current.error();
        if (current->status == QLatin1String("converted"))
            return convertedLead();
        if (expectedVersion && *expectedVersion != current->version)
            return versionConflict();
        Lead next = *current;
        auto has = [&](const char *f) { return fields.contains(QLatin1String(f)); };
        if (has("name")) next.name = incoming.name;
        if (has("company")) next.company = incoming.company;
        if (has("phone")) next.phone = incoming.phone;
        if (has("email")) next.email = incoming.email;
        if (has("source")) next.source = incoming.source;
        if (has("status")) next.status = incoming.status;
        if (has("notes")) next.notes = incoming.notes;
        if (has("ownerId")) next.ownerId = incoming.ownerId;
        if (next.ownerId != current->ownerId) {
            if (!next.ownerId && !seesUnowned(actor))
                return Error::forbidden(QStringLiteral("You may not return leads to the unassigned queue"));
            if (next.ownerId)
                if (Status st = checkOwner(actor, *next.ownerId); !st)
                    return st.error();
        }
        const QVector<FieldChange> changes = AuditLog::diff(snapshot(*current), snapshot(next));
        if (changes.isEmpty())
            return *current;
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "UPDATE leads SET name = :name, company = :company, phone = :phone, email = :email, source = :source,"
            " status = :status, notes = :notes, owner_id = :owner, updated_at = :now, version = version + 1"
            " WHERE id = :id AND version = :v"));
        q.bindValue(QStringLiteral(":name"), next.name);
        q.bindValue(QStringLiteral(":company"), text(next.company));
        q.bindValue(QStringLiteral(":phone"), text(next.phone));
        q.bindValue(QStringLiteral(":email"), text(next.email));
        q.bindValue(QStringLiteral(":source"), text(next.source));
        q.bindValue(QStringLiteral(":status"), next.status);
        q.bindValue(QStringLiteral(":notes"), text(next.notes));
        q.bindValue(QStringLiteral(":owner"), idOrNull(next.ownerId));
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":v"), current->version);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        if (q.numRowsAffected() != 1)
            return versionConflict();
        if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, id, changes); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        return load(id, QStringLiteral("1=1"));
    });
}

Status LeadService::remove(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::LeadWrite))
        return Error::forbidden();
    return m_db.write([&]() -> Status {
        auto current = load(id, scopeCondition(actor));
        if (!current)
            return current.error();
        if (current->status == QLatin1String("converted"))
            return convertedLead();
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM leads WHERE id = :id AND version = :v"));
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":v"), current->version);
        if (Status st = m_db.exec(q); !st)
            return st;
        if (q.numRowsAffected() != 1)
            return versionConflict();
        if (Status st = AuditLog::recordDelete(m_db, actor, kEntity, id, snapshot(*current)); !st)
            return st;
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("deleted")});
        return {};
    });
}

Result<QString> LeadService::whereClause(const Actor &actor, const LeadFilter &f, QVariantMap &binds) const
{
    QStringList parts = {scopeCondition(actor)};
    if (!f.statuses.isEmpty()) {
        QStringList names;
        for (int i = 0; i < f.statuses.size(); ++i) {
            if (Status st = Validation::oneOf(f.statuses[i], statuses(), QStringLiteral("statuses")); !st)
                return st.error();
            names << QStringLiteral(":status%1").arg(i);
            binds.insert(names.last(), f.statuses[i]);
        }
        parts << QStringLiteral("l.status IN (") + names.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (f.unownedOnly) {
        parts << QStringLiteral("l.owner_id IS NULL");
    } else if (f.ownerId) {
        parts << QStringLiteral("l.owner_id = :owner");
        binds.insert(QStringLiteral(":owner"), *f.ownerId);
    }
    if (!f.source.isEmpty()) {
        parts << QStringLiteral("l.source = :source");
        binds.insert(QStringLiteral(":source"), f.source);
    }
    return parts.join(QStringLiteral(" AND "));
}

Result<LeadPage> LeadService::list(const Actor &actor, const LeadFilter &f)
{
    if (!actor.can(Permission::LeadRead))
        return Error::forbidden();
    QVariantMap binds;
    auto where = whereClause(actor, f, binds);
    if (!where)
        return where.error();
    QString sql = *where;
    if (f.afterId > 0) {
        sql += QStringLiteral(" AND l.id < :afterId");
        binds.insert(QStringLiteral(":afterId"), f.afterId);
    }
    const int limit = std::clamp(f.limit, 1, MaxLimit);
    QSqlQuery q = m_db.cached(QStringLiteral("SELECT ") + kColumns + kFrom + QStringLiteral(" WHERE ") + sql +
                              QStringLiteral(" ORDER BY l.id DESC LIMIT :limit OFFSET :offset"));
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    q.bindValue(QStringLiteral(":limit"), limit + 1); // one more row tells whether there is a next page
    q.bindValue(QStringLiteral(":offset"), f.afterId > 0 ? 0 : std::max(0, f.offset));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    LeadPage page;
    while (q.next())
        page.leads.append(readRow(q));
    m_db.recycle(std::move(q));
    if (page.leads.size() > limit) {
        page.leads.removeLast();
        page.hasMore = true;
    }
    return page;
}

Result<qint64> LeadService::count(const Actor &actor, const LeadFilter &f)
{
    if (!actor.can(Permission::LeadRead))
        return Error::forbidden();
    QVariantMap binds;
    auto where = whereClause(actor, f, binds);
    if (!where)
        return where.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM leads l WHERE ") + *where);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (Status st = m_db.exec(q); !st)
        return st.error();
    q.next();
    return q.value(0).toLongLong();
}

Result<LeadConversionResult> LeadService::convert(const Actor &actor, qint64 leadId, const LeadConversion &options)
{
    if (!actor.can(Permission::LeadWrite) || !actor.can(Permission::CustomerWrite) ||
        (options.createOpportunity && !actor.can(Permission::OpportunityWrite)))
        return Error::forbidden();
    // Everything below joins this one transaction: the services' own write() calls nest into it, and
    // any error rolls back the customer, the contact and the opportunity together.
    return m_db.write([&]() -> Result<LeadConversionResult> {
        auto lead = load(leadId, scopeCondition(actor));
        if (!lead)
            return lead.error();
        if (lead->status == QLatin1String("converted"))
            return convertedLead();

        Customer customer;
        const bool isCompany = !lead->company.isEmpty();
        customer.name = isCompany ? lead->company : lead->name;
        customer.kind = isCompany ? QStringLiteral("company") : QStringLiteral("person");
        customer.company = lead->company;
        customer.source = lead->source;
        customer.notes = lead->notes;
        if (!lead->phone.isEmpty())
            customer.phones = {Phone{lead->phone, {}, true}};
        if (!lead->email.isEmpty())
            customer.emails = {Email{lead->email, {}, true}};
        customer.ownerId = lead->ownerId; // none: CustomerService gives it to the actor
        auto created = CustomerService(m_db).create(actor, customer);
        if (!created)
            return created.error();
        LeadConversionResult result;
        result.customerId = created->id;

        Contact contact;
        contact.customerId = created->id;
        contact.name = lead->name;
        contact.phone = lead->phone;
        contact.email = lead->email;
        contact.primary = true;
        auto added = ContactService(m_db).add(actor, contact);
        if (!added)
            return added.error();
        result.contactId = added->id;

        if (options.createOpportunity) {
            auto pipeline = options.pipelineId ? PipelineService::load(m_db, *options.pipelineId) : PipelineService::loadDefault(m_db);
            if (!pipeline)
                return pipeline.error().code == QLatin1String("not_found")
                    ? Error::validation(QStringLiteral("unknown"), QStringLiteral("pipelineId"), QStringLiteral("Unknown pipeline"))
                    : pipeline.error();
            const auto first = std::find_if(pipeline->stages.cbegin(), pipeline->stages.cend(),
                                            [](const Stage &s) { return s.kind == QLatin1String("open"); });
            if (first == pipeline->stages.cend())
                return Error::validation(QStringLiteral("invalid"), QStringLiteral("pipelineId"),
                                         QStringLiteral("The pipeline has no open stage"));
            Opportunity draft;
            draft.customerId = created->id;
            draft.stageId = first->id;
            draft.name = options.opportunityName.trimmed().isEmpty() ? created->name : options.opportunityName;
            draft.amountMinor = options.amountMinor;
            draft.currency = options.currency;
            draft.expectedCloseDate = options.expectedCloseDate;
            draft.ownerId = created->ownerId;
            draft.leadId = leadId;
            auto opportunity = OpportunityService(m_db).create(actor, draft);
            if (!opportunity)
                return asConversionError(opportunity.error());
            result.opportunityId = opportunity->id;
        }

        const qint64 now = m_db.clock().nowMs();
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "UPDATE leads SET status = 'converted', converted_at = :now, converted_customer_id = :customer,"
            " converted_contact_id = :contact, converted_opportunity_id = :opportunity, updated_at = :now,"
            " version = version + 1 WHERE id = :id AND version = :v"));
        q.bindValue(QStringLiteral(":now"), now);
        q.bindValue(QStringLiteral(":customer"), result.customerId);
        q.bindValue(QStringLiteral(":contact"), result.contactId);
        q.bindValue(QStringLiteral(":opportunity"), result.opportunityId > 0 ? QVariant(result.opportunityId) : nullInt());
        q.bindValue(QStringLiteral(":id"), leadId);
        q.bindValue(QStringLiteral(":v"), lead->version);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        if (q.numRowsAffected() != 1) // converted or changed by someone else since we read it
            return versionConflict();
        const QVector<FieldChange> changes = {
            {QStringLiteral("status"), lead->status, QStringLiteral("converted")},
            {QStringLiteral("convertedCustomerId"), QVariant(), result.customerId},
            {QStringLiteral("convertedContactId"), QVariant(), result.contactId},
            {QStringLiteral("convertedOpportunityId"), QVariant(),
             result.opportunityId > 0 ? QVariant(result.opportunityId) : QVariant()}};
        if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, leadId, changes, QStringLiteral("convert")); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, leadId, QStringLiteral("updated")});
        return result;
    });
}

} // namespace crm
