#pragma once

#include "core/ChangeFeed.h"
#include "core/Result.h"
#include "core/domain/CustomField.h"
#include "core/domain/Customer.h"
#include "core/security/Actor.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace crm {

class Database;
class DbWorker;

// The customer list as a table that stays instant at any size: it knows the total (a COUNT run off
// the GUI thread) and holds only the pages of rows that were recently displayed. data() for a row
// that is not loaded answers "Loading" and asks for its page; pages are fetched on a worker thread
// with its own connection (keyset paging from a loaded neighbour page, else an offset from the nearer
// end of the table, reading in the opposite order when that is the end)
// and kept in a bounded LRU cache, so memory stays flat while scrolling a million rows.
// Committed changes to customers (this process's, and other processes' on PostgreSQL) reload the
// count and the pages on screen. The company's custom fields follow the fixed columns, one column
// each (loaded on the worker, again when their definitions change; none when the actor's field rules
// hide custom fields); they do not sort (no index). QtCore only: no fonts or colours here.
class CustomerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Status, Level, Owner, Phone, Email, Region, Source, Tags, LastContact, Created, Value, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, LoadedRole, VersionRole };

    // prototype: a connection to the store, cloned (openAnother) on the model's two worker threads.
    CustomerTableModel(const Database *prototype, const Actor &actor, QObject *parent = nullptr);
    ~CustomerTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Only Name, LastContact, Created and Value sort (they have indexes); other columns are ignored.
    // Columns from ColumnCount on are the custom fields, in their order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column);

    // The query without paging fields; any change reloads from the first page.
    void setFilter(const CustomerFilter &filter);
    const CustomerFilter &filter() const { return m_filter; }
    void setActor(const Actor &actor);
    // Subscribes to committed changes; null unsubscribes.
    void setFeed(ChangeFeed *feed);
    // Reloads the count and marks every cached page stale (those on screen are fetched again).
    void refresh();

    // The custom fields shown as columns ColumnCount, ColumnCount + 1, ...
    const QVector<CustomFieldDef> &customFields() const { return m_customFields; }

    qint64 totalCount() const { return m_total; }
    bool isCountKnown() const { return m_countKnown; }
    // The customer on a row when its page is loaded.
    std::optional<Customer> customerAt(int row) const;
    qint64 idAt(int row) const;

    // Tuning (tests make pages small to see paging at work).
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setMaxCachedPages(int pages);
    int maxCachedPages() const { return m_maxPages; }

    // Instrumentation: what was actually read from the store since construction.
    int fetchedPages() const { return m_fetchedPages; }
    qint64 fetchedRows() const { return m_fetchedRows; }
    int keysetFetches() const { return m_keysetFetches; }
    // Pages read in the opposite order (from the table's far end, or backwards from the next page).
    int reversedFetches() const { return m_reversedFetches; }
    int cachedPages() const { return int(m_pages.size()); }
    int countQueries() const { return m_countQueries; }
    int generation() const { return m_generation; }
    bool isLoading() const { return !m_inFlight.isEmpty() || m_countPending; }

Q_SIGNALS:
    void countChanged(qint64 total);
    void pageLoaded(int page);
    void loadFailed(const QString &message);
    void idle(); // no page or count in flight
    void customFieldsChanged(); // custom field columns were added, removed or renamed

private:
    struct Page
    {
        QVector<Customer> rows;
        quint64 used = 0; // LRU stamp
        bool stale = false;
    };

    void restart();
    void want(int page) const;
    void flush();
    void fetch(int page);
    void requestCount();
    void onPage(int generation, quint64 epoch, int page, bool keyset, bool reversed, const Result<CustomerPage> &result);
    void onCount(int generation, const Result<qint64> &result);
    void setTotal(qint64 total);
    void evict();
    void checkIdle();
    QVariant display(const Customer &c, int column) const;
    QVariant customValue(const Customer &c, const CustomFieldDef &def) const;
    void loadCustomFields();
    void setCustomFields(QVector<CustomFieldDef> defs);

    std::unique_ptr<DbWorker> m_pagesWorker, m_countWorker;
    Actor m_actor;
    CustomerFilter m_filter;
    QVector<CustomFieldDef> m_customFields;
    QMetaObject::Connection m_feedConnection;

    int m_pageSize = 200;
    int m_maxPages = 40;
    qint64 m_total = 0;
    bool m_countKnown = false;
    bool m_countPending = false;
    int m_generation = 0; // the query; replies for an older one are dropped
    quint64 m_epoch = 0; // the data; replies started before the latest change are stale on arrival

    mutable QHash<int, Page> m_pages;
    mutable quint64 m_useClock = 0;
    mutable QList<int> m_wanted; // most recently wanted first
    mutable QTimer m_flushTimer;
    QSet<int> m_inFlight;
    QTimer m_refreshTimer;

    int m_fetchedPages = 0;
    qint64 m_fetchedRows = 0;
    int m_keysetFetches = 0;
    int m_reversedFetches = 0;
    int m_countQueries = 0;
};

} // namespace crm
