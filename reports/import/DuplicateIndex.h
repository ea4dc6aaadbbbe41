#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"

#include <QVector>

#include <optional>

namespace crm {

class Actor;
class Database;

// Which customers an import row duplicates, by normalised phone, email, or name + company (the
// name alone for a company, whose name is its company; not for persons, whose names repeat), against
// the database and the rows before it in the same file.
//
// Kept in memory so a million rows need no query each: a flat open-addressing table of 64-bit
// fingerprints (16 bytes a slot, about 50 bytes per customer with three keys). Two different keys
// share a fingerprint with a chance of about 1 in 10^6 even at 6 million keys; a match used for an
// update is checked against the record before it is changed (see CustomerImporter).
class DuplicateIndex
{
public:
    enum class Key : quint8 { Phone = 1, Email = 2, NameCompany = 3 };
    struct Match
    {
        Key key = Key::Phone;
        qint64 customerId = 0; // 0 in a dry run for rows of the file
        qint64 row = 0; // the file row that created it; 0: a customer already in the database
        bool visible = true; // in the actor's data scope
    };

    DuplicateIndex();

    // Every customer's keys, each marked visible or not for the actor. Three streaming queries.
    Status load(Database &db, const Actor &actor);

    // The first match of a normalised customer's keys (phones, then emails, then name + company).
    std::optional<Match> find(const Customer &c) const;
    // Records a customer's keys (those not known yet).
    void add(const Customer &c, qint64 customerId, qint64 row, bool visible = true);

    qint64 size() const { return m_size; }
    qint64 loadedCustomers() const { return m_loadedCustomers; }
    static QString nameKey(const Customer &c); // empty when the customer has none

private:
    static quint64 fingerprint(Key key, QStringView text);
    std::optional<Match> lookup(Key key, quint64 fp) const;
    void insert(Key key, quint64 fp, quint64 value);
    void grow();

    struct Slot
    {
        quint64 fp = 0; // 0: empty
        quint64 value = 0; // customer id | row << 34 | hidden << 62 | key << 63.. (see .cpp)
    };
    QVector<Slot> m_slots;
    qint64 m_size = 0;
    qint64 m_loadedCustomers = 0;
};

} // namespace crm
