#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"
#include "core/security/Actor.h"
#include "core/storage/RunningTotals.h"

#include <QHash>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace crm {

class BulkInsert;
class Database;
class SearchIndexBuild;

// Inserts many new customers (importers) inside the caller's write transaction: the rows, their
// phones, emails, addresses, tags and groups, a contact each when the file names one, their
// keyword-search entries and their audit entries,
// through statements prepared once (fifty rows per INSERT; on SQLite bound straight through sqlite3)
// instead of a dozen statements prepared per customer. The customers must already be
// normalised by CustomerValidator and carry the bookkeeping CustomerService::create gives them (owner, createdBy, times, poolSince); this class
// writes exactly what CustomerRepository would, nothing else.
// Their counts by province and industry (customer_counts) are added once by finish(), not row by row
// by the trigger (RunningTotals::pauseCustomerCounts).
//
// Keyword-search entries are written by finish() in one statement on SQLite (see flush() for why).
//
// Ids are reserved when a customer is added, so the caller can refer to it before it is written:
// on SQLite the transaction's write lock makes MAX(id)+1 safe; on PostgreSQL they come from the
// identity sequence. One audit "create" entry per customer with the same snapshot as
// CustomerService::create, and per contact as ContactService::add. Contacts are checked by
// ContactService::validateDraft before they come here; their ids are taken when they are written.
// Change notifications are the caller's (one for the whole batch).
class CustomerBulkWriter
{
public:
    CustomerBulkWriter(Database &db, const Actor &actor);
    ~CustomerBulkWriter();

    // Queues a customer (and its contact, whose customerId is filled in) and returns the customer's
    // id. Writes a batch when enough are queued.
    Result<qint64> add(const Customer &customer, const std::optional<Contact> &contact = std::nullopt);
    // Queues a contact of a customer that already exists (contact.customerId).
    Status addContact(const Contact &contact);
    // Writes what is queued. Call before reading the new rows back (or changing them).
    Status flush();
    // Writes the rest and the keyword-search entries, rebuilds suspended indexes; call once, before
    // the commit.
    Status finish();
    // SQLite: drops the secondary indexes of the customer tables, and the customers' insert trigger
    // (see SqliteBulkLoad::suspend), until finish() creates them again (inside the transaction: a
    // rollback restores them). Building an index once over sorted rows is several
    // times faster than updating it row by row, but costs a pass over the whole table: worth it when
    // the import is large next to what is there. (The page cache for such a load is the caller's
    // SqliteBulkLoad.)
    // PostgreSQL: nothing (DROP INDEX would lock readers out).
    Status suspendIndexes();
    // SQLite, for a large load into a store that had no customers, when nothing but this writer sets
    // the new customers' keyword-search entries during the load (no updates): the entries are built
    // into an index on a thread of their own (SearchIndexBuild), which finish() puts in place of the
    // store's, instead of being tokenized here and filled in line at the end. The entries staged so
    // far move over. Measured on a million-row import: see reports/README.md. PostgreSQL: nothing.
    // The writer must outlive the transaction (the scratch file is detached when it goes).
    Status buildSearchIndexBeside();

    qint64 written() const { return m_written; }
    // The audit snapshot of a customer, as AuditLog::snapshotText(CustomerService::snapshot()) (same JSON).
    static QString snapshotJson(const Customer &c);
    static constexpr int kBatch = 500;

private:
    Result<qint64> nextId();
    Status writeContacts();
    Result<qint64> labelId(const QString &table, QHash<QString, qint64> &cache, const QString &name);

    Database &m_db;
    Actor m_actor;
    QVector<Customer> m_queue;
    QVector<Contact> m_contactQueue; // written after the queued customers
    QVector<qint64> m_freeIds;
    qint64 m_lastId = -1;
    qint64 m_written = 0;
    bool m_staging = false; // SQLite: search entries wait in bulk_search_staging until finish()
    qint64 m_firstId = 0;
    qint64 m_lastWrittenId = 0;
    QStringList m_suspendedIndexes; // their CREATE statements
    CustomerCountDeltas m_counts; // of the rows written, added to customer_counts by finish()
    QHash<QString, qint64> m_tagIds, m_groupIds;
    std::unique_ptr<BulkInsert> m_customers, m_phones, m_emails, m_addresses, m_tags, m_groups, m_search, m_audit;
    std::unique_ptr<BulkInsert> m_contacts, m_contactAudit;
    std::unique_ptr<SearchIndexBuild> m_build; // see buildSearchIndexBeside()
};

} // namespace crm
