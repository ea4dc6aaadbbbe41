#include "core/search/SearchIndexBuild.h"

#include "core/search/SearchIndex.h"
#include "core/storage/Database.h"
#include "core/storage/SqliteStatement.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>

namespace crm {

namespace {

Q_LOGGING_CATEGORY(lcBuild, "crm.search.build")

// Between a row's texts: not a letter or digit, so a run of letters and digits ends there exactly
// as at the end of a separate text, and the row's tokens are those of its texts one by one.
constexpr QChar kSeparator = QChar(0x1f);
constexpr qsizetype kChunkRows = 5000;
// The thread moves staged entries into the index in slices this large: each slice is one INSERT,
// which FTS5 writes as a few large segments (see SearchIndex::loadStaged).
constexpr qint64 kLoadRows = 250'000;

constexpr char kScratchPrefix[] = ".crm-search-build-";

// The scratch file's folder: beside the store (same file system, which has room for the store's
// index anyway), or the system's temporary folder for a store without a folder of its own.
QString scratchParent(const Database &db)
{
    const QFileInfo store(db.options().location);
    return store.absoluteDir().exists() ? store.absolutePath() : QDir::tempPath();
}

// A load that was killed (Ctrl+C during `crm demo`) leaves its scratch folder behind, about 300 MB
// for a million customers. Each build holds a lock file in its folder; a folder whose lock's process
// is gone is removed before the next build makes its own. A folder without a lock file is one being
// made right now, or one from before the locks: removed only once it is a day old.
void removeAbandonedScratch(const QString &parent)
{
    const QFileInfoList folders = QDir(parent).entryInfoList({QLatin1String(kScratchPrefix) + QLatin1Char('*')},
                                                             QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &folder : folders) {
        const QString lockPath = folder.filePath() + QStringLiteral("/lock");
        if (QFileInfo::exists(lockPath)) {
            QLockFile lock(lockPath);
            lock.setStaleLockTime(0); // stale only when its process is gone, however long a load runs
            if (!lock.tryLock(0))
                continue; // its load is running
            lock.unlock();
        } else if (folder.lastModified().secsTo(QDateTime::currentDateTime()) < 24 * 3600) {
            continue;
        }
        if (QDir(folder.filePath()).removeRecursively())
            qCInfo(lcBuild) << "removed the scratch folder of an interrupted load:" << folder.filePath();
    }
}

QString scratchTemplate(const Database &db)
{
    const QString parent = scratchParent(db);
    removeAbandonedScratch(parent);
    return parent + QLatin1Char('/') + QLatin1String(kScratchPrefix) + QStringLiteral("XXXXXX");
}

} // namespace

SearchIndexBuild::SearchIndexBuild(Database &db, qsizetype maxPendingChars)
    : m_db(db), m_dir(scratchTemplate(db)), m_maxPendingChars(maxPendingChars)
{
    if (m_dir.isValid()) {
        m_lock = std::make_unique<QLockFile>(m_dir.filePath(QStringLiteral("lock")));
        if (!m_lock->tryLock(0))
            qCWarning(lcBuild) << "cannot lock the scratch folder" << m_dir.path();
    }
}

SearchIndexBuild::~SearchIndexBuild()
{
    {
        const std::lock_guard lock(m_mutex);
        m_cancel = true;
    }
    m_changed.notify_all();
    if (m_done.valid())
        m_done.wait();
    if (m_attached && !m_db.execSql(QStringLiteral("DETACH DATABASE search_build")))
        qCWarning(lcBuild) << "the scratch index stays attached until the connection closes";
}

void SearchIndexBuild::start()
{
    if (!m_dir.isValid() || m_done.valid())
        return;
    m_done = std::async(std::launch::async, [this, path = m_dir.filePath(QStringLiteral("search.sqlite"))] {
        const Status built = build(path);
        {
            // A build that failed takes no more chunks: add() must not wait for it (install() reports).
            const std::lock_guard lock(m_mutex);
            m_stopped = true;
            m_pending.clear();
            m_pendingChars = 0;
        }
        m_changed.notify_all();
        return built;
    });
}

SearchIndexBuild::Chunk &SearchIndexBuild::current()
{
    if (m_filling.rows.size() == kChunkRows)
        handOver(false);
    if (m_filling.rows.isEmpty())
        m_filling.rows.reserve(kChunkRows);
    return m_filling;
}

void SearchIndexBuild::add(qint64 customerId, std::optional<qint64> ownerId, const QStringList &texts)
{
    Chunk &chunk = current();
    for (const QString &text : texts) {
        chunk.text += text;
        chunk.text += kSeparator;
    }
    chunk.rows.append({customerId, ownerId, chunk.text.size(), false});
}

void SearchIndexBuild::addStored(qint64 customerId, const QString &storedValue)
{
    Chunk &chunk = current();
    chunk.text += storedValue;
    chunk.rows.append({customerId, std::nullopt, chunk.text.size(), true});
}

void SearchIndexBuild::finish()
{
    handOver(true);
}

void SearchIndexBuild::handOver(bool last)
{
    {
        std::unique_lock lock(m_mutex);
        if (m_finished)
            return;
        // Without a thread (no scratch folder) nothing would take the chunks: install() reports that.
        if (m_done.valid())
            m_changed.wait(lock, [this] { return m_cancel || m_stopped || m_pendingChars < m_maxPendingChars; });
        if (m_stopped) {
            m_filling = {};
        } else if (!m_filling.rows.isEmpty()) {
            m_pendingChars += m_filling.text.size();
            m_pending.push_back(std::exchange(m_filling, {}));
        }
        m_finished = last;
    }
    m_changed.notify_all();
}

std::optional<SearchIndexBuild::Chunk> SearchIndexBuild::take()
{
    std::optional<Chunk> chunk;
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_cancel || m_finished || !m_pending.empty(); });
        if (m_cancel || m_pending.empty())
            return std::nullopt;
        chunk = std::move(m_pending.front());
        m_pending.pop_front();
        m_pendingChars -= chunk->text.size();
    }
    m_changed.notify_all();
    return chunk;
}

// On the thread: a connection of its own to the scratch file, which Database::open gives the store's
// schema (customer_search included, defined as in the store). Entries are staged in a plain table and
// enter the index through SearchIndex::loadStaged a slice at a time, then merged into one segment.
Status SearchIndexBuild::build(const QString &path)
{
    DatabaseOptions options;
    options.location = path;
    options.durable = false;
    auto scratch = Database::open(options);
    if (!scratch)
        return scratch.error();
    Database &db = **scratch;
    // A scratch file: nothing to keep after a crash, and (new pages) next to nothing to journal.
    // A 64 MiB page cache: FTS5 writes each slice's segments once, in order. A million-row import
    // with this cache and 32 MB of pending text peaked at 457 MiB of its own memory; with 256 MiB and
    // 128 MB at 660 MiB, and was no faster (runs alternated).
    for (const char *pragma : {"PRAGMA journal_mode=MEMORY", "PRAGMA synchronous=OFF", "PRAGMA cache_size=-65536"})
        if (Status st = db.execSql(QLatin1String(pragma)); !st)
            return st;
    auto result = db.write([&]() -> Result<bool> {
        if (Status st = db.execSql(QStringLiteral("CREATE TABLE staged (id INTEGER PRIMARY KEY, grams TEXT NOT NULL)")); !st)
            return st.error();
        qint64 first = 0, last = 0; // the staged rows not yet in the index
        auto load = [&]() -> Status {
            if (!first)
                return {};
            Status st = SearchIndex::loadStaged(db, QStringLiteral("staged"), first, last);
            first = 0;
            return st;
        };
        SqliteStatement insert(db, QStringLiteral("INSERT INTO staged (id, grams) VALUES (?, ?)"));
        if (Status st = insert.status(); !st)
            return st.error();
        while (const std::optional<Chunk> chunk = take()) {
            qsizetype begin = 0;
            for (const Row &row : chunk->rows) {
                const QString texts = chunk->text.mid(begin, row.end - begin);
                begin = row.end;
                insert.bindInteger(1, row.id);
                insert.bindText(2, row.stored ? texts : SearchIndex::storedValueFor(db, {texts}, row.owner));
                if (Status st = insert.execute(); !st)
                    return st.error();
                if (!first)
                    first = row.id;
                last = row.id;
            }
            if (last - first + 1 >= kLoadRows)
                if (Status st = load(); !st)
                    return st.error();
        }
        {
            const std::lock_guard lock(m_mutex);
            if (m_cancel)
                return Error::internal();
        }
        if (Status st = load(); !st)
            return st.error();
        if (Status st = SearchIndex::compact(db); !st)
            return st.error();
        return true;
    });
    if (!result)
        return result.error();
    return {};
}

Status SearchIndexBuild::install()
{
    if (!m_dir.isValid()) {
        qCWarning(lcBuild) << "cannot create a scratch folder:" << m_dir.errorString();
        return Error{QStringLiteral("storage.unavailable"), QStringLiteral("Cannot create a scratch folder beside the database"),
                     QStringLiteral("database")};
    }
    if (!m_done.valid())
        return Error::internal();
    finish();
    if (Status built = m_done.get(); !built)
        return built;
    QSqlQuery attach = m_db.prepare(QStringLiteral("ATTACH DATABASE :path AS search_build"));
    attach.bindValue(QStringLiteral(":path"), m_dir.filePath(QStringLiteral("search.sqlite")));
    if (Status st = m_db.exec(attach); !st)
        return st;
    m_attached = true;
    const auto createSql = SearchIndex::createStatement(m_db);
    if (!createSql)
        return createSql.error();
    // The index is dropped and created again rather than emptied: FTS5 keeps an index's structure
    // (its list of segments) cached per connection and reloads it only after another connection's
    // commit, so this connection would go on reading the old one. A new table starts without it and
    // reads the copied structure on first use. Its shadow tables are copied whole from a table of the
    // same definition built by the same library.
    const QStringList statements = {
        QStringLiteral("DROP TABLE main.customer_search"),
        *createSql,
        QStringLiteral("DELETE FROM main.customer_search_data"),
        QStringLiteral("INSERT INTO main.customer_search_data SELECT * FROM search_build.customer_search_data"),
        QStringLiteral("INSERT INTO main.customer_search_idx SELECT * FROM search_build.customer_search_idx"),
        QStringLiteral("INSERT INTO main.customer_search_content SELECT * FROM search_build.customer_search_content"),
        QStringLiteral("INSERT INTO main.customer_search_docsize SELECT * FROM search_build.customer_search_docsize"),
    };
    for (const QString &sql : statements)
        if (Status st = m_db.execSql(sql); !st)
            return st;
    return {};
}

} // namespace crm
