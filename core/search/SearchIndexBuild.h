#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVector>

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <memory>
#include <optional>

class QLockFile;

namespace crm {

class Database;

// SQLite bulk loads (the demo company, a large customer import into an empty store): builds the
// keyword index of many customers on a thread of its own, in a scratch database file next to the
// store, while the caller's connection goes on writing; install() then puts it in place of the
// store's index. SQLite writes one file from one connection at a time and FTS5 fills its index on one
// core (about 11 s for a million customers: tokens, staging, large INSERTs and the merge), so done in
// line it left the second core idle; copying the finished index's tables takes about 1 s.
//
// Rows stream: the thread tokenizes and indexes each chunk of rows as it is handed over, so the
// texts waiting in memory stay bounded (add() waits when the thread is far behind).
//
// Use: start(), add() every customer (ascending ids) inside the load's transaction, finish() when
// all are added (the thread completes the index while the caller goes on), install() before that
// transaction commits; destroy the object after it ended (SQLite cannot detach the scratch file
// while a transaction has read it).
class SearchIndexBuild
{
public:
    // `db`: the store's SQLite connection. The scratch file goes into a new folder beside the store's
    // file and is removed with this object; folders that killed loads left there are removed first.
    // `maxPendingChars`: how much text (UTF-16 units) may wait for the thread before add() waits.
    // The default (32 MB) keeps an import's memory bounded; a million demo customers have about 50
    // million, which the demo hands over at once so that its connection can go on.
    explicit SearchIndexBuild(Database &db, qsizetype maxPendingChars = 16 << 20);
    ~SearchIndexBuild();
    SearchIndexBuild(const SearchIndexBuild &) = delete;
    SearchIndexBuild &operator=(const SearchIndexBuild &) = delete;

    // Starts the thread, which opens the scratch file and indexes rows as they come.
    void start();
    // One customer's texts (name, company, phones, emails, tags ...), as SearchIndex::indexCustomer
    // takes them.
    void add(qint64 customerId, std::optional<qint64> ownerId, const QStringList &texts);
    // A customer's entry as SearchIndex::storedValueFor made it already (moved from a staging table).
    void addStored(qint64 customerId, const QString &storedValue);
    // No more rows: the thread indexes the rest and merges the index into one segment.
    void finish();
    // Inside the caller's write transaction: finish()es, waits for the thread, then replaces the
    // store's whole keyword index (customer_search) with the one built. Meant for a store without
    // customers.
    Status install();

private:
    struct Row
    {
        qint64 id;
        std::optional<qint64> owner;
        qsizetype end; // the row's texts end here in its chunk's text
        bool stored;   // the text is the stored value already
    };
    struct Chunk
    {
        QString text; // the rows' texts, each text followed by kSeparator
        QVector<Row> rows;
    };

    Chunk &current();
    void handOver(bool last); // the current chunk to the thread (waits while too much is pending)
    // On the thread: the next chunk, or nothing once finish()ed (or cancelled) and all were taken.
    std::optional<Chunk> take();
    Status build(const QString &path);

    Database &m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<QLockFile> m_lock; // held while the build lives: its folder is in use
    Chunk m_filling; // the chunk add() fills, handed over when full
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk> m_pending; // handed over, not yet taken by the thread
    qsizetype m_pendingChars = 0;
    const qsizetype m_maxPendingChars;
    bool m_finished = false;
    bool m_cancel = false;
    bool m_stopped = false; // the thread has ended (done or failed)
    std::future<Status> m_done;
    bool m_attached = false;
};

} // namespace crm
