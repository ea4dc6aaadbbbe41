#include "reports/import/DuplicateIndex.h"

#include "core/security/Actor.h"
#include "core/storage/Database.h"

#include <QHash>

namespace crm {

namespace {
// value layout: bits 0-33 customer id, 34-61 file row, 62 hidden (out of scope). The key kind is
// part of the fingerprint, so it is not stored.
constexpr int kRowShift = 34;
constexpr quint64 kIdMask = (quint64(1) << kRowShift) - 1;
constexpr quint64 kRowMask = (quint64(1) << 28) - 1;
constexpr quint64 kHidden = quint64(1) << 62;

quint64 pack(qint64 id, qint64 row, bool visible)
{
    return (quint64(id) & kIdMask) | ((quint64(row) & kRowMask) << kRowShift) | (visible ? 0 : kHidden);
}
} // namespace

DuplicateIndex::DuplicateIndex() : m_slots(1 << 16) {}

QString DuplicateIndex::nameKey(const Customer &c)
{
    if (c.company.isEmpty() && c.kind != QLatin1String("company"))
        return {};
    return c.name.simplified().toCaseFolded() + QChar(0x1F) + c.company.simplified().toCaseFolded();
}

quint64 DuplicateIndex::fingerprint(Key key, QStringView text)
{
    // Qt's seeded string hash (SipHash or AES based), 64 bits; the seed separates the key kinds.
    const quint64 fp = qHash(text, size_t(0x9E3779B97F4A7C15ULL) ^ size_t(key));
    return fp ? fp : 1;
}

std::optional<DuplicateIndex::Match> DuplicateIndex::lookup(Key key, quint64 fp) const
{
    const quint64 mask = quint64(m_slots.size()) - 1;
    for (quint64 i = fp & mask;; i = (i + 1) & mask) {
        const Slot &s = m_slots[qsizetype(i)];
        if (s.fp == 0)
            return std::nullopt;
        if (s.fp == fp)
            return Match{key, qint64(s.value & kIdMask), qint64((s.value >> kRowShift) & kRowMask), !(s.value & kHidden)};
    }
}

void DuplicateIndex::insert(Key, quint64 fp, quint64 value)
{
    if ((m_size + 1) * 5 > m_slots.size() * 4) // load factor 0.8
        grow();
    const quint64 mask = quint64(m_slots.size()) - 1;
    for (quint64 i = fp & mask;; i = (i + 1) & mask) {
        Slot &s = m_slots[qsizetype(i)];
        if (s.fp == fp)
            return; // known: the first customer with this key stays the match
        if (s.fp == 0) {
            s = {fp, value};
            ++m_size;
            return;
        }
    }
}

void DuplicateIndex::grow()
{
    QVector<Slot> old = std::move(m_slots);
    m_slots = QVector<Slot>(old.size() * 2);
    const quint64 mask = quint64(m_slots.size()) - 1;
    for (const Slot &s : old) {
        if (!s.fp)
            continue;
        quint64 i = s.fp & mask;
        while (m_slots[qsizetype(i)].fp)
            i = (i + 1) & mask;
        m_slots[qsizetype(i)] = s;
    }
}

std::optional<DuplicateIndex::Match> DuplicateIndex::find(const Customer &c) const
{
    for (const Phone &p : c.phones)
        if (auto m = lookup(Key::Phone, fingerprint(Key::Phone, p.number)))
            return m;
    for (const Email &e : c.emails)
        if (auto m = lookup(Key::Email, fingerprint(Key::Email, e.address)))
            return m;
    const QString name = nameKey(c);
    if (!name.isEmpty())
        return lookup(Key::NameCompany, fingerprint(Key::NameCompany, name));
    return std::nullopt;
}

void DuplicateIndex::add(const Customer &c, qint64 customerId, qint64 row, bool visible)
{
    const quint64 value = pack(customerId, row, visible);
    for (const Phone &p : c.phones)
        insert(Key::Phone, fingerprint(Key::Phone, p.number), value);
    for (const Email &e : c.emails)
        insert(Key::Email, fingerprint(Key::Email, e.address), value);
    const QString name = nameKey(c);
    if (!name.isEmpty())
        insert(Key::NameCompany, fingerprint(Key::NameCompany, name), value);
}

Status DuplicateIndex::load(Database &db, const Actor &actor)
{
    const QString visible = QStringLiteral("CASE WHEN ") + actor.ownerCondition(QStringLiteral("c.owner_id")) +
                            QStringLiteral(" THEN 1 ELSE 0 END");
    {
        QSqlQuery q = db.prepare(QStringLiteral("SELECT c.id, c.name, c.company, c.kind, c.phone, c.email, ") + visible +
                                 QStringLiteral(" FROM customers c"));
        if (Status st = db.exec(q); !st)
            return st;
        Customer c;
        while (q.next()) {
            c.name = q.value(1).toString();
            c.company = q.value(2).toString();
            c.kind = q.value(3).toString();
            c.phones.clear();
            c.emails.clear();
            if (const QString p = q.value(4).toString(); !p.isEmpty())
                c.phones.append({p, {}, true});
            if (const QString e = q.value(5).toString(); !e.isEmpty())
                c.emails.append({e, {}, true});
            add(c, q.value(0).toLongLong(), 0, q.value(6).toInt() != 0);
            ++m_loadedCustomers;
        }
    }
    // Every number and address, not only the primary ones on the customer row.
    for (const auto &[table, column, key] : {std::tuple{"customer_phones", "phone", Key::Phone},
                                             std::tuple{"customer_emails", "email", Key::Email}}) {
        QSqlQuery q = db.prepare(QStringLiteral("SELECT x.customer_id, x.") + QLatin1String(column) + QStringLiteral(", ") + visible +
                                 QStringLiteral(" FROM ") + QLatin1String(table) +
                                 QStringLiteral(" x JOIN customers c ON c.id = x.customer_id"));
        if (Status st = db.exec(q); !st)
            return st;
        while (q.next())
            insert(key, fingerprint(key, q.value(1).toString()), pack(q.value(0).toLongLong(), 0, q.value(2).toInt() != 0));
    }
    return {};
}

} // namespace crm
