#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVector>

#include <atomic>
#include <future>
#include <memory>
#include <optional>

class QLockFile;

namespace crm {

class Database;

// SQLite bulk loads (the demo company): builds the keyword index of many customers on a thread of its
// own, in a scratch database file next to the store, while the caller's connection goes on writing
// other tables; install() then puts it in place of the store's index. SQLite writes one file from one
// connection at a time and FTS5 fills its index on one core (about 11 s for a million customers:
// tokens, staging, four large INSERTs and the merge), so done in line it left the second core idle;
// copying the finished index's tables takes about 1 s.
//
// Use: add() every customer (ascending ids) inside the load's transaction, start(), go on loading,
// install() before that transaction commits; destroy the object after it ended (SQLite cannot detach
// the scratch file while a transaction has read it).
class SearchIndexBuild
{
public:
    // `db`: the store's SQLite connection. The scratch file goes into a new folder beside the store's
    // file and is removed with this object; folders that killed loads left there are removed first.
    explicit SearchIndexBuild(Database &db);
    ~SearchIndexBuild();
    SearchIndexBuild(const SearchIndexBuild &) = delete;
    SearchIndexBuild &operator=(const SearchIndexBuild &) = delete;

    // One customer's texts (name, company, phones, emails, tags ...), as SearchIndex::indexCustomer
    // takes them. Kept compactly until start(): a million demo customers take about 100 MB.
    void add(qint64 customerId, std::optional<qint64> ownerId, const QStringList &texts);
    // The thread tokenizes what was added and builds the index in the scratch file.
    void start();
    // Inside the caller's write transaction: waits for the thread, then replaces the store's whole
    // keyword index (customer_search) with the one built. Meant for a store without customers.
    Status install();

private:
    struct Row
    {
        qint64 id;
        std::optional<qint64> owner;
        qsizetype end; // the row's texts end here in its chunk's text
    };
    struct Chunk
    {
        QString text; // the rows' texts, each text followed by kSeparator
        QVector<Row> rows;
    };

    Status build(const QString &path);

    Database &m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<QLockFile> m_lock; // held while the build lives: its folder is in use
    QVector<Chunk> m_chunks;
    std::future<Status> m_done;
    std::atomic<bool> m_cancel{false};
    bool m_attached = false;
};

} // namespace crm
