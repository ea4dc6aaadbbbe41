#include "core/storage/CustomerBulkWriter.h"

#include "core/search/SearchIndex.h"
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"
#include "core/storage/SqliteBulkLoad.h"
#include "core/storage/SqliteStatement.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <map>

namespace crm {

namespace {

// The writer's two kinds of optional value: a text stored as NULL when empty, an id (or time) stored
// as NULL when not positive.
struct OptText
{
    const QString &value;
};
struct OptId
{
    qint64 value;
};

OptText text(const QString &s)
{
    return {s};
}

OptId nullableId(qint64 id)
{
    return {id};
}

// A value for QtSql (PostgreSQL).
QVariant variant(const QString &s) { return s; }
QVariant variant(qint64 v) { return v; }
QVariant variant(int v) { return v; }
QVariant variant(OptText t) { return t.value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t.value); }
QVariant variant(OptId id) { return id.value > 0 ? QVariant(id.value) : QVariant(QMetaType::fromType<qlonglong>()); }

// A value bound straight into a SQLite statement.
bool bindTo(SqliteStatement &st, int i, const QString &s) { return st.bindText(i, s); }
bool bindTo(SqliteStatement &st, int i, qint64 v) { return st.bindInteger(i, v); }
bool bindTo(SqliteStatement &st, int i, int v) { return st.bindInteger(i, v); }
bool bindTo(SqliteStatement &st, int i, OptText t) { return t.value.isEmpty() ? st.bindNull(i) : st.bindText(i, t.value); }
bool bindTo(SqliteStatement &st, int i, OptId id) { return id.value > 0 ? st.bindInteger(i, id.value) : st.bindNull(i); }

constexpr int kRowsPerStatement = 50;
// Loads of at least this many customers merge the search index into one segment at the end.
constexpr qint64 kCompactAfter = 100'000;

// JSON string as QJsonDocument writes it (so audit entries read the same whoever wrote them).
void appendJsonString(QString &out, const QString &text)
{
    out += QLatin1Char('"');
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"': out += QLatin1String("\\\""); break;
        case u'\\': out += QLatin1String("\\\\"); break;
        case u'\b': out += QLatin1String("\\b"); break;
        case u'\f': out += QLatin1String("\\f"); break;
        case u'\n': out += QLatin1String("\\n"); break;
        case u'\r': out += QLatin1String("\\r"); break;
        case u'\t': out += QLatin1String("\\t"); break;
        default:
            if (c < 0x20)
                out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
            else
                out += ch;
        }
    }
    out += QLatin1Char('"');
}

void appendStrings(QString &out, const QStringList &list)
{
    out += QLatin1Char('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            out += QLatin1Char(',');
        appendJsonString(out, list[i]);
    }
    out += QLatin1Char(']');
}

} // namespace

// CustomerService::snapshot(c) as compact JSON, written directly: building the QVariantMap and
// converting it through QJsonDocument took a seventh of a bulk import. Keys in QVariantMap order.
QString CustomerBulkWriter::snapshotJson(const Customer &c)
{
    QString o;
    o.reserve(512);
    auto key = [&](const char *k) {
        if (o.size() > 1)
            o += QLatin1Char(',');
        o += QLatin1Char('"') + QLatin1String(k) + QStringLiteral("\":");
    };
    auto text = [&](const char *k, const QString &v) {
        key(k);
        appendJsonString(o, v);
    };
    auto flag = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
    o += QLatin1Char('{');
    key("addresses");
    o += QLatin1Char('[');
    for (qsizetype i = 0; i < c.addresses.size(); ++i) {
        const Address &a = c.addresses[i];
        o += QLatin1String(i ? ",{\"city\":" : "{\"city\":");
        appendJsonString(o, a.city);
        o += QStringLiteral(",\"district\":");
        appendJsonString(o, a.district);
        o += QStringLiteral(",\"label\":");
        appendJsonString(o, a.label);
        o += QStringLiteral(",\"number\":");
        appendJsonString(o, a.number);
        o += QStringLiteral(",\"postalCode\":");
        appendJsonString(o, a.postalCode);
        o += QStringLiteral(",\"primary\":") + flag(a.primary) + QStringLiteral(",\"province\":");
        appendJsonString(o, a.province);
        o += QStringLiteral(",\"street\":");
        appendJsonString(o, a.street);
        o += QLatin1Char('}');
    }
    o += QLatin1Char(']');
    text("birthday", c.birthday.isValid() ? c.birthday.toString(Qt::ISODate) : QString());
    text("company", c.company);
    key("customFields");
    o += c.customFields.isEmpty() ? QStringLiteral("{}")
                                  : QString::fromUtf8(QJsonDocument(c.customFields).toJson(QJsonDocument::Compact));
    key("emails");
    o += QLatin1Char('[');
    for (qsizetype i = 0; i < c.emails.size(); ++i) {
        o += QLatin1String(i ? ",{\"address\":" : "{\"address\":");
        appendJsonString(o, c.emails[i].address);
        o += QStringLiteral(",\"label\":");
        appendJsonString(o, c.emails[i].label);
        o += QStringLiteral(",\"primary\":") + flag(c.emails[i].primary) + QLatin1Char('}');
    }
    o += QLatin1Char(']');
    text("gender", c.gender);
    key("groups");
    appendStrings(o, c.groups);
    text("industry", c.industry);
    text("kind", c.kind);
    text("level", c.level);
    text("name", c.name);
    text("notes", c.notes);
    text("occupation", c.occupation);
    key("ownerId");
    o += c.ownerId ? QString::number(*c.ownerId) : QStringLiteral("null");
    key("phones");
    o += QLatin1Char('[');
    for (qsizetype i = 0; i < c.phones.size(); ++i) {
        o += QLatin1String(i ? ",{\"label\":" : "{\"label\":");
        appendJsonString(o, c.phones[i].label);
        o += QStringLiteral(",\"number\":");
        appendJsonString(o, c.phones[i].number);
        o += QStringLiteral(",\"primary\":") + flag(c.phones[i].primary) + QLatin1Char('}');
    }
    o += QLatin1Char(']');
    text("position", c.position);
    text("source", c.source);
    text("status", c.status);
    key("tags");
    appendStrings(o, c.tags);
    o += QLatin1Char('}');
    return o;
}

// The INSERTs for one table. On SQLite one prepared single-row statement, each row bound straight
// from the customer through sqlite3 (SqliteStatement) and written at once: QtSql's binding cost about
// 0.27 us a value, fifty values a customer, and collecting the values as QVariants for multi-row
// statements still left the import's writing thread in malloc, free and memmove more than in SQLite.
// (A single-row INSERT also needs no statement journal, which a multi-row one that may fail keeps.)
// On PostgreSQL, where each statement is a round trip, values are collected and written
// `rowsPerStatement` rows per statement by flush(); each statement size is prepared once and re-bound.
class CustomerBulkWriter::Batch
{
public:
    Batch(Database &db, QString head, QString row, int perRow, int rowsPerStatement)
        : m_db(db), m_head(std::move(head)), m_row(std::move(row)), m_perRow(perRow), m_rows(rowsPerStatement)
    {
        if (db.isSqlite())
            m_lite = std::make_unique<SqliteStatement>(db, sql(1));
    }

    // SQLite: writes the row (a failure is kept for flush() to return; the transaction is lost anyway).
    template <typename... V>
    void add(const V &...values)
    {
        if (m_lite) {
            if (m_status.ok()) {
                int i = 0;
                (bindTo(*m_lite, ++i, values), ...);
                m_status = m_lite->execute();
            }
            return;
        }
        (m_values.append(variant(values)), ...);
    }

    Status flush()
    {
        if (m_lite)
            return m_status;
        const qsizetype rows = m_values.size() / m_perRow;
        qsizetype done = 0;
        while (done < rows) {
            const int n = int(qMin<qsizetype>(m_rows, rows - done));
            const qsizetype from = done * m_perRow;
            auto it = m_statements.find(n);
            if (it == m_statements.end())
                it = m_statements.emplace(n, m_db.prepare(sql(n))).first;
            QSqlQuery &q = it->second;
            for (int i = 0; i < n * m_perRow; ++i)
                q.bindValue(i, m_values.at(from + i));
            if (Status st = m_db.exec(q); !st)
                return st;
            done += n;
        }
        m_values.clear();
        return {};
    }

private:
    QString sql(int rows) const
    {
        QString s = m_head;
        s.reserve(m_head.size() + rows * (m_row.size() + 1));
        for (int i = 0; i < rows; ++i) {
            if (i)
                s += QLatin1Char(',');
            s += m_row;
        }
        return s;
    }

    Database &m_db;
    QString m_head, m_row;
    int m_perRow, m_rows;
    QVariantList m_values;
    std::map<int, QSqlQuery> m_statements; // by row count
    std::unique_ptr<SqliteStatement> m_lite;
    Status m_status; // SQLite: the first failure
};

CustomerBulkWriter::CustomerBulkWriter(Database &db, const Actor &actor) : m_db(db), m_actor(actor)
{
    const bool lite = db.isSqlite();
    auto batch = [&](const char *head, const char *row, int perRow) {
        return std::make_unique<Batch>(db, QString::fromLatin1(head), QString::fromLatin1(row), perRow, kRowsPerStatement);
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

// Contact ids are taken when the contacts are written, so nothing else writing contacts in the same
// transaction can collide with one held back: on SQLite after the largest id there is, on PostgreSQL
// from the identity sequence.
Result<QVector<qint64>> CustomerBulkWriter::contactIds(qsizetype count)
{
    QVector<qint64> ids;
    ids.reserve(count);
    if (m_db.isSqlite()) {
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM contacts"));
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        const qint64 last = q.value(0).toLongLong();
        for (qsizetype i = 1; i <= count; ++i)
            ids.append(last + i);
        return ids;
    }
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT nextval(pg_get_serial_sequence('contacts', 'id')) FROM generate_series(1, :n)"));
    q.bindValue(QStringLiteral(":n"), qint64(count));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    while (q.next())
        ids.append(q.value(0).toLongLong());
    if (ids.size() != count)
        return Error::internal();
    return ids;
}

Status CustomerBulkWriter::writeContacts()
{
    if (m_contactQueue.isEmpty())
        return {};
    auto ids = contactIds(m_contactQueue.size());
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
    for (Batch *b : {m_contacts.get(), m_contactAudit.get()})
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
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
        " AND tbl_name IN ('customers', 'customer_phones', 'customer_emails', 'customer_addresses', 'customer_tags',"
        " 'customer_group_members')"));
    if (Status st = m_db.exec(q); !st)
        return st;
    QStringList names;
    while (q.next()) {
        names << q.value(0).toString();
        m_suspendedIndexes << q.value(1).toString();
    }
    q.finish();
    for (const QString &name : names)
        if (Status st = m_db.execSql(QStringLiteral("DROP INDEX ") + name); !st)
            return st;
    return {};
}

Status CustomerBulkWriter::flush()
{
    if (m_queue.isEmpty())
        return writeContacts();
    const bool lite = m_db.isSqlite();
    if (lite && !m_staging) {
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
            m_search = std::make_unique<Batch>(m_db, QStringLiteral("INSERT INTO bulk_search_staging (id, grams) VALUES "),
                                               QStringLiteral("(?,?)"), 2, kRowsPerStatement);
    }
    const qint64 now = m_db.clock().nowMs();
    const OptId user = nullableId(m_actor.userId);
    for (const Customer &c : std::as_const(m_queue)) {
        const QString grams = SearchIndex::storedValueFor(m_db, CustomerRepository::searchTexts(c), c.ownerId);
        const QString custom =
            c.customFields.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(c.customFields).toJson(QJsonDocument::Compact));
        const QString birthday = c.birthday.isValid() ? c.birthday.toString(Qt::ISODate) : QString();
        m_customers->add(c.id, c.name, c.kind, text(c.gender), text(birthday), text(c.occupation), text(c.industry), text(c.company),
                         text(c.position), text(c.source), c.status, text(c.level), text(c.phone), text(c.email), text(c.province),
                         text(c.city), text(c.district), nullableId(c.ownerId.value_or(0)), nullableId(c.createdBy), c.createdAt,
                         c.updatedAt, nullableId(c.poolSince), text(custom), text(c.notes));
        if (lite)
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
    // PostgreSQL: parents first, the child tables reference customers. (SQLite: add() wrote each row,
    // a customer before its children; flush() returns the first failure.)
    for (Batch *b : {m_customers.get(), m_phones.get(), m_emails.get(), m_addresses.get(), m_tags.get(), m_groups.get(),
                     m_search.get(), m_audit.get()}) {
        if (!b)
            continue;
        if (Status st = b->flush(); !st)
            return st;
    }
    m_written += m_queue.size();
    m_lastWrittenId = m_queue.last().id;
    m_queue.clear();
    return writeContacts(); // after their customers
}

} // namespace crm
