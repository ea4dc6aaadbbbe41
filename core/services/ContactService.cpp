#include "core/services/ContactService.h"

#include "core/domain/Validation.h"
#include "core/services/AuditLog.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "core/storage/ReusedQuery.h"

#include <QSqlQuery>

namespace crm {

namespace {
const QString kEntity = QStringLiteral("contact");
const QString kColumns = QStringLiteral("k.id, k.customer_id, k.name, k.position, k.relationship, k.phone, k.email, k.notes,"
                                        " k.is_primary, k.created_at, k.updated_at");

Contact readContact(const QSqlQuery &q)
{
    Contact c;
    c.id = q.value(0).toLongLong();
    c.customerId = q.value(1).toLongLong();
    c.name = q.value(2).toString();
    c.position = q.value(3).toString();
    c.relationship = q.value(4).toString();
    c.phone = q.value(5).toString();
    c.email = q.value(6).toString();
    c.notes = q.value(7).toString();
    c.primary = q.value(8).toInt() != 0;
    c.createdAt = q.value(9).toLongLong();
    c.updatedAt = q.value(10).toLongLong();
    return c;
}

QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
} // namespace

QVariantMap ContactService::snapshot(const Contact &c)
{
    return {{QStringLiteral("name"), c.name},   {QStringLiteral("position"), c.position},
            {QStringLiteral("relationship"), c.relationship}, {QStringLiteral("phone"), c.phone},
            {QStringLiteral("email"), c.email}, {QStringLiteral("notes"), c.notes},
            {QStringLiteral("primary"), c.primary}};
}

Status ContactService::validateDraft(Contact &c)
{
    return validate(c, {QStringLiteral("name"), QStringLiteral("position"), QStringLiteral("relationship"), QStringLiteral("phone"),
                        QStringLiteral("email"), QStringLiteral("notes")});
}

Status ContactService::validate(Contact &c, const QSet<QString> &fields)
{
    if (fields.contains(QStringLiteral("name"))) {
        c.name = c.name.trimmed();
        if (Status st = Validation::required(c.name, QStringLiteral("name"), QStringLiteral("The contact name")); !st)
            return st;
    }
    for (auto [field, value] : {std::pair{QStringLiteral("name"), &c.name}, std::pair{QStringLiteral("position"), &c.position},
                                std::pair{QStringLiteral("relationship"), &c.relationship}})
        if (fields.contains(field))
            if (Status st = Validation::maxLength(*value, 200, field); !st)
                return st;
    if (fields.contains(QStringLiteral("phone")) && !c.phone.trimmed().isEmpty()) {
        const auto p = Validation::normalizePhone(c.phone);
        if (!p)
            return Error::validation(QStringLiteral("format"), QStringLiteral("phone"), QStringLiteral("Not a valid phone number"));
        c.phone = *p;
    }
    if (fields.contains(QStringLiteral("email")) && !c.email.trimmed().isEmpty()) {
        const auto e = Validation::normalizeEmail(c.email);
        if (!e)
            return Error::validation(QStringLiteral("format"), QStringLiteral("email"), QStringLiteral("Not a valid email address"));
        c.email = *e;
    }
    return {};
}

Status ContactService::clearOtherPrimaries(qint64 customerId, qint64 keepId)
{
    ReusedQuery q(m_db, QStringLiteral("UPDATE contacts SET is_primary = 0 WHERE customer_id = :c AND id <> :k AND is_primary = 1"));
    q->bindValue(QStringLiteral(":c"), customerId);
    q->bindValue(QStringLiteral(":k"), keepId);
    return m_db.exec(*q);
}

Result<QVector<Contact>> ContactService::list(const Actor &actor, qint64 customerId)
{
    if (!actor.can(Permission::CustomerRead))
        return Error::forbidden();
    if (Status st = CustomerService::requireVisible(m_db, actor, customerId); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kColumns +
                               QStringLiteral(" FROM contacts k WHERE k.customer_id = :c ORDER BY k.is_primary DESC, k.name, k.id"));
    q.bindValue(QStringLiteral(":c"), customerId);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<Contact> out;
    while (q.next())
        out.append(readContact(q));
    return out;
}

Result<ContactPage> ContactService::listInScope(const Actor &actor, const ContactScopeFilter &filter)
{
    if (!actor.can(Permission::CustomerRead))
        return Error::forbidden();
    if (filter.limit < 1 || filter.limit > 1000)
        return Error::validation(QStringLiteral("range"), QStringLiteral("limit"),
                                 QStringLiteral("A page holds between 1 and 1000 contacts"));
    QString sql = QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(", c.name FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.id > :after AND ") +
                  actor.ownerCondition(QStringLiteral("c.owner_id"));
    if (filter.customerId)
        sql += QStringLiteral(" AND k.customer_id = :c");
    QSqlQuery q = m_db.prepare(sql + QStringLiteral(" ORDER BY k.id LIMIT :limit"));
    q.bindValue(QStringLiteral(":after"), filter.afterId);
    if (filter.customerId)
        q.bindValue(QStringLiteral(":c"), *filter.customerId);
    q.bindValue(QStringLiteral(":limit"), filter.limit + 1);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    ContactPage out;
    while (q.next()) {
        if (out.contacts.size() == filter.limit) {
            out.hasMore = true;
            break;
        }
        Contact c = readContact(q);
        c.customerName = q.value(11).toString();
        out.contacts.append(std::move(c));
    }
    return out;
}

Result<Contact> ContactService::get(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::CustomerRead))
        return Error::forbidden();
    ReusedQuery q(m_db, QStringLiteral("SELECT ") + kColumns +
                        QStringLiteral(" FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.id = :id AND ") +
                        actor.ownerCondition(QStringLiteral("c.owner_id")));
    q->bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(*q); !st)
        return st.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("Contact"));
    return readContact(*q);
}

Result<Contact> ContactService::add(const Actor &actor, Contact draft)
{
    if (!actor.can(Permission::CustomerWrite))
        return Error::forbidden();
    if (Status st = validateDraft(draft); !st)
        return st.error();
    return m_db.write([&]() -> Result<Contact> {
        if (Status st = CustomerService::requireVisible(m_db, actor, draft.customerId); !st)
            return Error::validation(QStringLiteral("reference"), QStringLiteral("customerId"), QStringLiteral("Unknown customer"));
        const qint64 now = m_db.clock().nowMs();
        ReusedQuery q(m_db, QStringLiteral(
            "INSERT INTO contacts (customer_id, name, position, relationship, phone, email, is_primary, notes, created_at, updated_at)"
            " VALUES (:c, :n, :p, :r, :ph, :e, :pr, :notes, :now, :now) RETURNING id"));
        q->bindValue(QStringLiteral(":c"), draft.customerId);
        q->bindValue(QStringLiteral(":n"), draft.name);
        q->bindValue(QStringLiteral(":p"), text(draft.position));
        q->bindValue(QStringLiteral(":r"), text(draft.relationship));
        q->bindValue(QStringLiteral(":ph"), text(draft.phone));
        q->bindValue(QStringLiteral(":e"), text(draft.email));
        q->bindValue(QStringLiteral(":pr"), draft.primary ? 1 : 0);
        q->bindValue(QStringLiteral(":notes"), text(draft.notes));
        q->bindValue(QStringLiteral(":now"), now);
        if (Status st = m_db.exec(*q); !st)
            return st.error();
        q->next();
        draft.id = q->value(0).toLongLong();
        q->finish();
        if (draft.primary)
            if (Status st = clearOtherPrimaries(draft.customerId, draft.id); !st)
                return st.error();
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, draft.id, snapshot(draft)); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, draft.id, QStringLiteral("created")});
        return get(actor, draft.id);
    });
}

Result<Contact> ContactService::update(const Actor &actor, qint64 id, const Contact &values, const QSet<QString> &fields)
{
    if (!actor.can(Permission::CustomerWrite))
        return Error::forbidden();
    Contact incoming = values;
    if (Status st = validate(incoming, fields); !st)
        return st.error();
    return m_db.write([&]() -> Result<Contact> {
        auto current = get(actor, id);
        if (!current)
            return current.error();
        Contact next = *current;
        if (fields.contains(QStringLiteral("name"))) next.name = incoming.name;
        if (fields.contains(QStringLiteral("position"))) next.position = incoming.position;
        if (fields.contains(QStringLiteral("relationship"))) next.relationship = incoming.relationship;
        if (fields.contains(QStringLiteral("phone"))) next.phone = incoming.phone;
        if (fields.contains(QStringLiteral("email"))) next.email = incoming.email;
        if (fields.contains(QStringLiteral("notes"))) next.notes = incoming.notes;
        if (fields.contains(QStringLiteral("primary"))) next.primary = incoming.primary;
        const auto changes = AuditLog::diff(snapshot(*current), snapshot(next));
        if (changes.isEmpty())
            return *current;
        ReusedQuery q(m_db, QStringLiteral("UPDATE contacts SET name = :n, position = :p, relationship = :r, phone = :ph,"
                                           " email = :e, notes = :notes, is_primary = :pr, updated_at = :now WHERE id = :id"));
        q->bindValue(QStringLiteral(":n"), next.name);
        q->bindValue(QStringLiteral(":p"), text(next.position));
        q->bindValue(QStringLiteral(":r"), text(next.relationship));
        q->bindValue(QStringLiteral(":ph"), text(next.phone));
        q->bindValue(QStringLiteral(":e"), text(next.email));
        q->bindValue(QStringLiteral(":notes"), text(next.notes));
        q->bindValue(QStringLiteral(":pr"), next.primary ? 1 : 0);
        q->bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        q->bindValue(QStringLiteral(":id"), id);
        if (Status st = m_db.exec(*q); !st)
            return st.error();
        if (next.primary)
            if (Status st = clearOtherPrimaries(next.customerId, id); !st)
                return st.error();
        if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, id, changes); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        return get(actor, id);
    });
}

Status ContactService::remove(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::CustomerWrite))
        return Error::forbidden();
    return m_db.write([&]() -> Status {
        auto current = get(actor, id);
        if (!current)
            return current.error();
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM contacts WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), id);
        if (Status st = m_db.exec(q); !st)
            return st;
        if (Status st = AuditLog::recordDelete(m_db, actor, kEntity, id, snapshot(*current)); !st)
            return st;
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("deleted")});
        return {};
    });
}

} // namespace crm
