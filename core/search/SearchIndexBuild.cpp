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

SearchIndexBuild::SearchIndexBuild(Database &db) : m_db(db), m_dir(scratchTemplate(db))
{
    if (m_dir.isValid()) {
        m_lock = std::make_unique<QLockFile>(m_dir.filePath(QStringLiteral("lock")));
        if (!m_lock->tryLock(0))
            qCWarning(lcBuild) << "cannot lock the scratch folder" << m_dir.path();
    }
}

SearchIndexBuild::~SearchIndexBuild()
{
    m_cancel = true;
    if (m_done.valid())
        m_done.wait();
    if (m_attached && !m_db.execSql(QStringLiteral("DETACH DATABASE search_build")))
        qCWarning(lcBuild) << "the scratch index stays attached until the connection closes";
}

void SearchIndexBuild::add(qint64 customerId, std::optional<qint64> ownerId, const QStringList &texts)
{
    if (m_chunks.isEmpty() || m_chunks.last().rows.size() == kChunkRows) {
        m_chunks.append(Chunk{});
        m_chunks.last().rows.reserve(kChunkRows);
    }
    Chunk &chunk = m_chunks.last();
    for (const QString &text : texts) {
        chunk.text += text;
        chunk.text += kSeparator;
    }
    chunk.rows.append({customerId, ownerId, chunk.text.size()});
}

void SearchIndexBuild::start()
{
    if (m_dir.isValid())
        m_done = std::async(std::launch::async, [this, path = m_dir.filePath(QStringLiteral("search.sqlite"))] { return build(path); });
}

// On the thread: a connection of its own to the scratch file, which Database::open gives the store's
// schema (customer_search included, defined as in the store). Entries are staged in a plain table and
// enter the index through SearchIndex::loadStaged, then merged into one segment.
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
    for (const char *pragma : {"PRAGMA journal_mode=MEMORY", "PRAGMA synchronous=OFF", "PRAGMA cache_size=-262144"})
        if (Status st = db.execSql(QLatin1String(pragma)); !st)
            return st;
    auto result = db.write([&]() -> Result<bool> {
        if (Status st = db.execSql(QStringLiteral("CREATE TABLE staged (id INTEGER PRIMARY KEY, grams TEXT NOT NULL)")); !st)
            return st.error();
        qint64 first = 0, last = 0;
        {
            SqliteStatement insert(db, QStringLiteral("INSERT INTO staged (id, grams) VALUES (?, ?)"));
            if (Status st = insert.status(); !st)
                return st.error();
            for (const Chunk &chunk : std::as_const(m_chunks)) {
                if (m_cancel)
                    return Error::internal();
                qsizetype begin = 0;
                for (const Row &row : chunk.rows) {
                    const QString texts = chunk.text.mid(begin, row.end - begin);
                    begin = row.end;
                    insert.bindInteger(1, row.id);
                    insert.bindText(2, SearchIndex::storedValueFor(db, {texts}, row.owner));
                    if (Status st = insert.execute(); !st)
                        return st.error();
                    if (!first)
                        first = row.id;
                    last = row.id;
                }
            }
        }
        if (first)
            if (Status st = SearchIndex::loadStaged(db, QStringLiteral("staged"), first, last); !st)
                return st.error();
        if (Status st = SearchIndex::compact(db); !st)
            return st.error();
        return true;
    });
    m_chunks.clear();
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
    if (Status built = m_done.get(); !built)
        return built;
    QSqlQuery attach = m_db.prepare(QStringLiteral("ATTACH DATABASE :path AS search_build"));
    attach.bindValue(QStringLiteral(":path"), m_dir.filePath(QStringLiteral("search.sqlite")));
    if (Status st = m_db.exec(attach); !st)
        return st;
    m_attached = true;
    QSqlQuery definition = m_db.prepare(QStringLiteral("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = 'customer_search'"));
    if (Status st = m_db.exec(definition); !st)
        return st;
    if (!definition.next())
        return Error::internal();
    const QString createSql = definition.value(0).toString();
    definition.finish();
    // The index is dropped and created again rather than emptied: FTS5 keeps an index's structure
    // (its list of segments) cached per connection and reloads it only after another connection's
    // commit, so this connection would go on reading the old one. A new table starts without it and
    // reads the copied structure on first use. Its shadow tables are copied whole from a table of the
    // same definition built by the same library.
    const QStringList statements = {
        QStringLiteral("DROP TABLE main.customer_search"),
        createSql,
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
