#include "core/storage/CustomerBulkWriter.h"

#include "core/search/SearchIndex.h"
#include "core/search/SearchIndexBuild.h"
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/SnapshotJson.h"
#include "core/storage/BulkInsert.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"
#include "core/storage/RunningTotals.h"
#include "core/storage/SqliteBulkLoad.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace crm {

namespace {

using bulk::nullableId;
using bulk::OptId;
using bulk::text;

constexpr int kRowsPerStatement = 50;
// Loads of at least this many customers merge the search index into one segment at the end.
constexpr qint64 kCompactAfter = 100'000;

} // namespace

// AuditLog::snapshotText(CustomerService::snapshot(c)), written by SnapshotJson.
QString CustomerBulkWriter::snapshotJson(const Customer &c)
{
    SnapshotJson o;
    o.objects("addresses", c.addresses, [&](const Address &a) {
        o.text("city", a.city);
        o.text("district", a.district);
        o.text("label", a.label);
        o.text("number", a.number);
        o.text("postalCode", a.postalCode);
        o.flag("primary", a.primary);
        o.text("province", a.province);
        o.text("street", a.street);
    });
    o.text("birthday", c.birthday.isValid() ? c.birthday.toString(Qt::ISODate) : QString());
    o.text("company", c.company);
    if (!c.customFields.isEmpty())
        if (const QString fields = AuditLog::snapshotText(c.customFields.toVariantMap()); fields != QLatin1String("{}"))
            o.json("customFields", fields);
    o.objects("emails", c.emails, [&](const Email &e) {
        o.text("address", e.address);
        o.text("label", e.label);
        o.flag("primary", e.primary);
    });
    o.text("gender", c.gender);
    o.strings("groups", c.groups);
    o.text("industry", c.industry);
    o.text("kind", c.kind);
    o.text("level", c.level);
    o.text("name", c.name);
    o.text("notes", c.notes);
    o.text("occupation", c.occupation);
    if (c.ownerId)
        o.number("ownerId", *c.ownerId);
    o.objects("phones", c.phones, [&](const Phone &p) {
        o.text("label", p.label);
        o.text("number", p.number);
        o.flag("primary", p.primary);
    });
    o.text("position", c.position);
    o.text("source", c.source);
    o.text("status", c.status);
    o.strings("tags", c.tags);
    return o.finish();
}

CustomerBulkWriter::CustomerBulkWriter(Database &db, const Actor &actor) : m_db(db), m_actor(actor)
{
    const bool lite = db.isSqlite();
    auto batch = [&](const char *head, const char *row, int perRow) {
        return std::make_unique<BulkInsert>(db, QString::fromLatin1(head), QString::fromLatin1(row), perRow, kRowsPerStatement);
    };
    if (lite)
        m_customers = batch("INSERT INTO customers (id, name, kind, gender, birthday, occupation, industry, company, position,"
                            " source, status, level, phone, email, province, city, district, owner_id, created_by, created_at,"
                            " updated_at, last_contact_at, pool_since, custom_fields, notes, version) VALUES ",
                            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,1)", 24);
    else
        m_customers = batch("INSERT INTO customers (id, name, kind, gender, birthday, occupation, industry, company, position,"
                            " source, status, level, phone, email, province, city, district, owner_id, created_by, created_at,"
                            " updated_at, last_contact_at, pool_since, custom_fields, notes, version, search_grams) VALUES ",
                            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,1,CAST(? AS tsvector))", 25);
    m_phones = batch("INSERT INTO customer_phones (customer_id, phone, label, is_primary) VALUES ", "(?,?,?,?)", 4);
    m_emails = batch("INSERT INTO customer_emails (customer_id, email, label, is_primary) VALUES ", "(?,?,?,?)", 4);
    m_addresses = batch("INSERT INTO customer_addresses (customer_id, label, province, city, district, street, number,"
                        " postal_code, is_primary) VALUES ",
                        "(?,?,?,?,?,?,?,?,?)", 9);
    m_tags = batch("INSERT INTO customer_tags (customer_id, tag_id) VALUES ", "(?,?)", 2);
    m_groups = batch("INSERT INTO customer_group_members (customer_id, group_id) VALUES ", "(?,?)", 2);
    // SQLite: m_search is made by flush() once its staging table exists (see finish()).
    m_audit = batch("INSERT INTO audit_log (at, user_id, source, entity, entity_id, action, field, old_value, new_value) VALUES ",
                    "(?,?,?,'customer',?,'create',NULL,NULL,?)", 5);
    m_contacts = batch("INSERT INTO contacts (id, customer_id, name, position, relationship, phone, email, is_primary, notes,"
                       " created_at, updated_at) VALUES ",
                       "(?,?,?,?,?,?,?,?,?,?,?)", 11);
    m_contactAudit = batch("INSERT INTO audit_log (at, user_id, source, entity, entity_id, action, field, old_value, new_value) VALUES ",
                           "(?,?,?,'contact',?,'create',NULL,NULL,?)", 5);
}

CustomerBulkWriter::~CustomerBulkWriter() = default;

Result<qint64> CustomerBulkWriter::nextId()
{
    if (m_db.isSqlite()) {
        if (m_lastId < 0) {
            QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM customers"));
            if (Status st = m_db.exec(q); !st)
                return st.error();
            q.next();
            m_lastId = q.value(0).toLongLong();
        }
        return ++m_lastId;
    }
    if (m_freeIds.isEmpty()) {
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "SELECT nextval(pg_get_serial_sequence('customers', 'id')) FROM generate_series(1, 1000) ORDER BY 1 DESC"));
        if (Status st = m_db.exec(q); !st)
            return st.error();
        while (q.next())
            m_freeIds.append(q.value(0).toLongLong());
    }
    return m_freeIds.takeLast();
}

Status CustomerBulkWriter::writeContacts()
{
    if (m_contactQueue.isEmpty())
        return {};
    auto ids = BulkInsert::takeIds(m_db, QStringLiteral("contacts"), m_contactQueue.size());
    if (!ids)
        return ids.error();
    const qint64 now = m_db.clock().nowMs();
    const OptId user = nullableId(m_actor.userId);
    for (qsizetype i = 0; i < m_contactQueue.size(); ++i) {
        const Contact &k = m_contactQueue[i];
        const qint64 id = ids->at(i);
        m_contacts->add(id, k.customerId, k.name, text(k.position), text(k.relationship), text(k.phone), text(k.email),
                        k.primary ? 1 : 0, text(k.notes), now, now);
        m_contactAudit->add(now, user, m_actor.source, id, AuditLog::snapshotText(ContactService::snapshot(k)));
    }
    for (BulkInsert *b : {m_contacts.get(), m_contactAudit.get()})
        if (Status st = b->flush(); !st)
            return st;
    m_contactQueue.clear();
    return {};
}

Result<qint64> CustomerBulkWriter::labelId(const QString &table, QHash<QString, qint64> &cache, const QString &name)
{
    if (const auto it = cache.constFind(name); it != cache.cend())
        return *it;
    QSqlQuery up = m_db.prepare(QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (name) VALUES (:n) ON CONFLICT (name) DO NOTHING"));
    up.bindValue(QStringLiteral(":n"), name);
    if (Status st = m_db.exec(up); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id FROM ") + table + QStringLiteral(" WHERE name = :n"));
    q.bindValue(QStringLiteral(":n"), name);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::internal();
    const qint64 id = q.value(0).toLongLong();
    if (cache.size() > 100'000)
        cache.clear();
    cache.insert(name, id);
    return id;
}

Result<qint64> CustomerBulkWriter::add(const Customer &customer, const std::optional<Contact> &contact)
{
    Q_ASSERT_X(m_db.inTransaction(), "CustomerBulkWriter", "needs the caller's write transaction");
    auto id = nextId();
    if (!id)
        return id;
    m_queue.append(customer);
    m_queue.last().id = *id;
    m_queue.last().version = 1;
    if (contact) {
        m_contactQueue.append(*contact);
        m_contactQueue.last().customerId = *id;
    }
    if (m_queue.size() >= kBatch)
        if (Status st = flush(); !st)
            return st.error();
    return id;
}

Status CustomerBulkWriter::addContact(const Contact &contact)
{
    Q_ASSERT_X(m_db.inTransaction(), "CustomerBulkWriter", "needs the caller's write transaction");
    m_contactQueue.append(contact);
    if (m_contactQueue.size() >= kBatch)
        return flush();
    return {};
}

Status CustomerBulkWriter::finish()
{
    if (Status st = flush(); !st)
        return st;
    if (Status st = RunningTotals::addCustomerCounts(m_db, std::exchange(m_counts, {})); !st)
        return st;
    if (m_build) {
        // The thread completes the keyword index while this connection rebuilds the other indexes.
        m_build->finish();
        if (Status st = SqliteBulkLoad::createIndexes(m_db, std::exchange(m_suspendedIndexes, {})); !st)
            return st;
        return m_build->install();
    }
    if (!m_staging)
        return {};
    if (Status st = SearchIndex::loadStaged(m_db, QStringLiteral("bulk_search_staging"), m_firstId, m_lastWrittenId); !st)
        return st;
    // A large load leaves the index in several segments that every search then reads; merging them
    // costs a few seconds at a million entries, a small share of such a load, but far too much after a
    // small import (the merge rewrites the whole index).
    if (m_lastWrittenId - m_firstId >= kCompactAfter)
        if (Status st = SearchIndex::compact(m_db); !st)
            return st;
    m_staging = false;
    m_search.reset(); // its statement on the staging table must go first, or SQLite reports the table locked
    // DROP fails while the caller holds an unfinished statement on this connection; the emptied table
    // is then left for the next import to drop.
    if (Status st = m_db.execSql(QStringLiteral("DROP TABLE bulk_search_staging")); !st)
        if (Status emptied = m_db.execSql(QStringLiteral("DELETE FROM bulk_search_staging")); !emptied)
            return emptied;
    // Indexes suspended for the load are built once over the sorted data.
    return SqliteBulkLoad::createIndexes(m_db, std::exchange(m_suspendedIndexes, {}));
}

Status CustomerBulkWriter::suspendIndexes()
{
    if (!m_db.isSqlite() || !m_suspendedIndexes.isEmpty())
        return {};
    if (Status st = flush(); !st)
        return st;
    auto dropped = SqliteBulkLoad::suspend(m_db, {QStringLiteral("customers"), QStringLiteral("customer_phones"),
                                                      QStringLiteral("customer_emails"), QStringLiteral("customer_addresses"),
                                                      QStringLiteral("customer_tags"), QStringLiteral("customer_group_members")});
    if (!dropped)
        return dropped.error();
    m_suspendedIndexes = *dropped;
    return {};
}

Status CustomerBulkWriter::buildSearchIndexBeside()
{
    if (!m_db.isSqlite() || m_build)
        return {};
    if (Status st = flush(); !st)
        return st;
    m_build = std::make_unique<SearchIndexBuild>(m_db);
    m_build->start();
    if (!m_staging)
        return {};
    m_search.reset(); // its statement on the staging table must go first (see finish())
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, grams FROM bulk_search_staging ORDER BY id"));
    if (Status st = m_db.exec(q); !st)
        return st;
    while (q.next())
        m_build->addStored(q.value(0).toLongLong(), q.value(1).toString());
    q.finish();
    m_staging = false;
    return m_db.execSql(QStringLiteral("DROP TABLE bulk_search_staging"));
}

Status CustomerBulkWriter::flush()
{
    if (m_queue.isEmpty())
        return writeContacts();
    const bool lite = m_db.isSqlite();
    if (lite && !m_staging && !m_build) {
        // SQLite's FTS5 writes out its pending terms at the start of every statement of a transaction
        // it takes part in (its savepoint method), so indexing 50 rows per statement wrote a million
        // tiny segments. The entries wait in a plain table (inside this transaction: a rollback takes
        // it away) and enter the index with one INSERT ... SELECT at the end.
        for (const char *sql : {"DROP TABLE IF EXISTS bulk_search_staging",
                                "CREATE TABLE bulk_search_staging (id INTEGER PRIMARY KEY, grams TEXT NOT NULL)"})
            if (Status st = m_db.execSql(QLatin1String(sql)); !st)
                return st;
        m_staging = true;
        m_firstId = m_queue.first().id;
        if (!m_search) // the first flush, or the first after a finish()
            m_search = std::make_unique<BulkInsert>(m_db, QStringLiteral("INSERT INTO bulk_search_staging (id, grams) VALUES "),
                                               QStringLiteral("(?,?)"), 2, kRowsPerStatement);
    }
    // The rows' province and industry counts are added once in finish() (RunningTotals): the trigger
    // stays out of these INSERTs. (A failure below leaves the pause on; the caller rolls back.)
    if (Status st = RunningTotals::pauseCustomerCounts(m_db, true); !st)
        return st;
    const qint64 now = m_db.clock().nowMs();
    const OptId user = nullableId(m_actor.userId);
    for (const Customer &c : std::as_const(m_queue)) {
        RunningTotals::countCustomer(m_counts, c.ownerId.value_or(0), c.province, c.industry);
        // Tokenized here unless the index is built beside (on its own thread).
        const QString grams = m_build ? QString() : SearchIndex::storedValueFor(m_db, CustomerRepository::searchTexts(c), c.ownerId);
        const QString custom =
            c.customFields.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(c.customFields).toJson(QJsonDocument::Compact));
        const QString birthday = c.birthday.isValid() ? c.birthday.toString(Qt::ISODate) : QString();
        m_customers->add(c.id, c.name, c.kind, text(c.gender), text(birthday), text(c.occupation), text(c.industry), text(c.company),
                         text(c.position), text(c.source), c.status, text(c.level), text(c.phone), text(c.email), text(c.province),
                         text(c.city), text(c.district), nullableId(c.ownerId.value_or(0)), nullableId(c.createdBy), c.createdAt,
                         c.updatedAt, nullableId(c.poolSince), text(custom), text(c.notes));
        if (m_build)
            m_build->add(c.id, c.ownerId, CustomerRepository::searchTexts(c));
        else if (lite)
            m_search->add(c.id, grams);
        else
            m_customers->add(grams);
        for (const Phone &p : c.phones)
            m_phones->add(c.id, p.number, text(p.label), p.primary ? 1 : 0);
        for (const Email &e : c.emails)
            m_emails->add(c.id, e.address, text(e.label), e.primary ? 1 : 0);
        for (const Address &a : c.addresses)
            m_addresses->add(c.id, text(a.label), text(a.province), text(a.city), text(a.district), text(a.street), text(a.number),
                             text(a.postalCode), a.primary ? 1 : 0);
        for (const QString &t : c.tags) {
            auto tag = labelId(QStringLiteral("tags"), m_tagIds, t);
            if (!tag)
                return tag.error();
            m_tags->add(c.id, *tag);
        }
        for (const QString &g : c.groups) {
            auto group = labelId(QStringLiteral("customer_groups"), m_groupIds, g);
            if (!group)
                return group.error();
            m_groups->add(c.id, *group);
        }
        // The same text AuditLog::recordCreate stores for CustomerService::create.
        m_audit->add(now, user, m_actor.source, c.id, snapshotJson(c));
    }
    // Parents first: the child tables reference customers.
    for (BulkInsert *b : {m_customers.get(), m_phones.get(), m_emails.get(), m_addresses.get(), m_tags.get(), m_groups.get(),
                     m_search.get(), m_audit.get()}) {
        if (!b)
            continue;
        if (Status st = b->flush(); !st)
            return st;
    }
    if (Status st = RunningTotals::pauseCustomerCounts(m_db, false); !st)
        return st;
    m_written += m_queue.size();
    m_lastWrittenId = m_queue.last().id;
    m_queue.clear();
    return writeContacts(); // after their customers
}

} // namespace crm
