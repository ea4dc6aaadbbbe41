#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"
#include "core/security/Actor.h"

#include <QSet>

namespace crm {

class Database;

// The people at a customer. Visible and writable exactly when their customer is; at most one primary.
class ContactService
{
public:
    explicit ContactService(Database &db) : m_db(db) {}

    Result<QVector<Contact>> list(const Actor &actor, qint64 customerId);
    // Contacts of every customer in the actor's scope, with the customer's name, in id order (the
    // export's list: the primary key needs no sort however many contacts there are).
    Result<ContactPage> listInScope(const Actor &actor, const ContactScopeFilter &filter);
    Result<Contact> get(const Actor &actor, qint64 id);
    Result<Contact> add(const Actor &actor, Contact draft);
    // Fields: name, position, relationship, phone, email, notes, primary.
    Result<Contact> update(const Actor &actor, qint64 id, const Contact &values, const QSet<QString> &fields);
    Status remove(const Actor &actor, qint64 id);

    // The checks add() makes on a new contact, normalising phone and email; errors name the field
    // (name, position, relationship, phone, email). For writers that check before they write (imports).
    static Status validateDraft(Contact &c);
    // What the audit log records of a contact (add, remove).
    static QVariantMap snapshot(const Contact &c);

private:
    static Status validate(Contact &c, const QSet<QString> &fields);
    Status clearOtherPrimaries(qint64 customerId, qint64 keepId);
    Database &m_db;
};

} // namespace crm
