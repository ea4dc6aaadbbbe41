#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QAbstractTableModel>
#include <QVector>

namespace crm {

class DbWorker;

// A table whose rows are read a page at a time by keyset on a DbWorker, so the GUI thread never
// waits: a query reads its first page (kPageSize rows), canFetchMore()/fetchMore() read the next one
// as the view scrolls, reload() reads again as many rows as are loaded. Replies to reads started
// before the latest query or reload are dropped (a generation number). What differs between the
// tables stays in the derived class: its rows (a QVector of its own row type), how a read runs
// (fetch(): the service call, on worker()) and a row's key (keyAt()); every answer goes through
// applyPage(), which keeps this class's state and the derived class's rows in step. QtCore only.
class KeysetTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;

    // Reads the loaded rows again (at least a page); replies to older reads are dropped. Nothing to
    // do before the first query.
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The row of the loaded row whose key (keyAt) is `key`, or -1.
    int rowOf(qint64 key) const;
    bool hasMore() const { return m_hasMore; }
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }

Q_SIGNALS:
    // A read finished (or failed: lastError()).
    void loaded();

protected:
    // Rows as a read answers them: one page, or several read in one job.
    template <typename Row>
    struct Page
    {
        QVector<Row> rows;
        bool hasMore = false;
    };

    KeysetTableModel(DbWorker &worker, QObject *parent);

    DbWorker &worker() const { return m_worker; }
    int currentGeneration() const { return m_generation; }

    // A new query: reads its first page, replacing the rows; replies to older reads are dropped.
    void startQuery();
    // No query: no rows, nothing to read or reload, loaded() at once; replies to older reads are dropped.
    template <typename Row>
    void clearQuery(QVector<Row> &rows)
    {
        m_queried = false;
        ++m_generation;
        applyPage(rows, m_generation, true, Result<Page<Row>>(Page<Row>{}));
    }

    // Starts reading `rows` rows (whole pages) after afterKey (0: from the start, replacing the rows)
    // on worker(); the answer goes to applyPage() with the currentGeneration() of the time of the call
    // and first = (afterKey == 0).
    virtual void fetch(qint64 afterKey, int rows) = 0;
    // The key of a loaded row: what the reads page by (fetchMore reads after the last row's).
    virtual qint64 keyAt(int row) const = 0;

    // On the worker thread (static: it touches no member). Reads page after page by keyset through
    // readPage(afterKey) -> Result<P> until `rows` rows are in or there are no more, in one job, so
    // that a reload is one consistent replacement. rowsOf and keyOf name the page's rows and a row's
    // key (e.g. &LeadPage::leads, &Lead::id).
    template <typename P, typename Row, typename ReadPage>
    static Result<Page<Row>> readPages(qint64 afterKey, int rows, ReadPage readPage, QVector<Row> P::*rowsOf,
                                       qint64 Row::*keyOf)
    {
        Page<Row> out;
        do {
            auto page = readPage(afterKey);
            if (!page)
                return page.error();
            const QVector<Row> &pageRows = (*page).*rowsOf;
            out.rows += pageRows;
            out.hasMore = page->hasMore;
            if (pageRows.isEmpty())
                break;
            afterKey = pageRows.last().*keyOf;
        } while (out.hasMore && out.rows.size() < rows);
        return out;
    }

    // The whileReset of a table with no state besides its rows.
    struct NothingElse
    {
        void operator()(const void *) const {}
    };

    // Applies the answer of a read started at `generation` to the derived class's `rows` (a Reply is
    // a Page<Row>, or derives from one): a first page replaces them, a later one appends; a failed
    // first read leaves no rows. Then loaded(). whileReset(const Reply *), called between
    // beginResetModel() and endResetModel() of a first page with the answer (null when the read
    // failed), keeps state that goes with the rows in step (LeadTableModel's total).
    template <typename Row, typename Reply, typename WhileReset = NothingElse>
    void applyPage(QVector<Row> &rows, int generation, bool first, const Result<Reply> &reply,
                   WhileReset whileReset = {})
    {
        if (generation != m_generation)
            return; // a newer read is on its way
        // The state is complete before the views hear of the rows: a view may call canFetchMore() from
        // inside the signals.
        if (!reply) {
            setError(reply.error());
            if (first) {
                beginResetModel();
                rows.clear();
                m_rowCount = 0;
                m_hasMore = false;
                whileReset(nullptr);
                endResetModel();
            }
        } else {
            m_error.clear();
            const Page<Row> &page = *reply;
            if (first) {
                beginResetModel();
                rows = page.rows;
                m_rowCount = int(rows.size());
                m_hasMore = page.hasMore;
                whileReset(&*reply);
                endResetModel();
            } else if (!page.rows.isEmpty()) {
                const int from = int(rows.size());
                m_hasMore = page.hasMore;
                beginInsertRows({}, from, from + int(page.rows.size()) - 1);
                rows += page.rows;
                m_rowCount = int(rows.size());
                endInsertRows();
            } else {
                m_hasMore = false;
            }
        }
        m_loading = false;
        Q_EMIT loaded();
    }

private:
    // Marks the model loading and starts fetch().
    void read(qint64 afterKey, int rows);
    void setError(const Error &error);

    DbWorker &m_worker;
    int m_rowCount = 0; // the size of the derived class's rows: only applyPage() changes them
    bool m_hasMore = false;
    bool m_loading = false;
    bool m_queried = false;
    int m_generation = 0;
    QString m_error;
};

} // namespace crm
