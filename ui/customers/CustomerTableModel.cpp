#include "ui/customers/CustomerTableModel.h"

#include "core/search/SearchIndex.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"

#include <QJsonValue>
#include <QLocale>

#include <algorithm>

namespace crm {

namespace {

// Requests at once: enough for the one or two pages a viewport spans, few enough that a fast
// scroll does not queue pages the user has already passed.
constexpr int kMaxInFlight = 2;
constexpr int kMaxWanted = 6;

CustomerSort sortFor(int column)
{
    switch (column) {
    case CustomerTableModel::Name: return CustomerSort::Name;
    case CustomerTableModel::LastContact: return CustomerSort::LastContact;
    case CustomerTableModel::Created: return CustomerSort::Created;
    case CustomerTableModel::Value: return CustomerSort::Value;
    default: return CustomerSort::Auto;
    }
}

// The sort the repository will apply (Auto depends on the keyword), for keyset paging.
CustomerSort effectiveSort(const CustomerFilter &f)
{
    if (f.sort != CustomerSort::Auto)
        return f.sort;
    return SearchIndex::queryRuns(f.keyword).isEmpty() ? CustomerSort::LastContact : CustomerSort::Newest;
}

// The direction the repository will apply when the filter names none (names A-Z, the rest newest or
// largest first): a page read from the far end asks for the opposite one explicitly.
bool naturalAscending(const CustomerFilter &f)
{
    return f.ascending.value_or(effectiveSort(f) == CustomerSort::Name);
}

QVariant sortKey(const Customer &c, CustomerSort sort)
{
    switch (sort) {
    case CustomerSort::Name: return c.name;
    case CustomerSort::LastContact: return c.lastContactAt;
    case CustomerSort::Created: return c.createdAt;
    case CustomerSort::Value: return c.wonValueMinor;
    case CustomerSort::Newest:
    case CustomerSort::Auto: return c.id;
    }
    return c.id;
}

} // namespace

CustomerTableModel::CustomerTableModel(const Database *prototype, const Actor &actor, QObject *parent)
    : QAbstractTableModel(parent), m_actor(actor)
{
    m_pagesWorker = std::make_unique<DbWorker>(QStringLiteral("crm-customer-pages"));
    m_countWorker = std::make_unique<DbWorker>(QStringLiteral("crm-customer-count"));
    auto report = [this](crm::Status st) {
        if (!st)
            Q_EMIT loadFailed(st.error().message);
    };
    m_pagesWorker->openAnother(prototype, this, report);
    m_countWorker->openAnother(prototype, this, report);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(10); // gathers the data() calls of one paint into one request
    connect(&m_flushTimer, &QTimer::timeout, this, &CustomerTableModel::flush);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(250); // a burst of changes (a bulk action, an import) reloads once
    connect(&m_refreshTimer, &QTimer::timeout, this, &CustomerTableModel::refresh);
    loadCustomFields();
    restart();
}

CustomerTableModel::~CustomerTableModel() = default;

int CustomerTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(std::min<qint64>(m_total, std::numeric_limits<int>::max()));
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount + int(m_customFields.size());
}

bool CustomerTableModel::isSortable(int column)
{
    return sortFor(column) != CustomerSort::Auto;
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section >= ColumnCount)
        return section - ColumnCount < m_customFields.size() ? m_customFields[section - ColumnCount].label : QString();
    switch (section) {
    case Name: return tr("Name");
    case Status: return tr("Status");
    case Level: return tr("Level");
    case Owner: return tr("Owner");
    case Phone: return tr("Phone");
    case Email: return tr("Email");
    case Region: return tr("Region");
    case Source: return tr("Source");
    case Tags: return tr("Tags");
    case LastContact: return tr("Last contact");
    case Created: return tr("Created");
    case Value: return tr("Won value");
    }
    return {};
}

QVariant CustomerTableModel::customValue(const Customer &c, const CustomFieldDef &def) const
{
    if (c.hiddenFields.contains(QLatin1String("customFields")))
        return tr("(hidden)");
    const QJsonValue v = c.customFields.value(def.key);
    if (v.isBool())
        return v.toBool() ? tr("Yes") : tr("No");
    if (v.isDouble())
        return QLocale().toString(v.toDouble(), 'g', 15);
    return v.toString(); // text, choice, a date as YYYY-MM-DD
}

QVariant CustomerTableModel::display(const Customer &c, int column) const
{
    if (column >= ColumnCount)
        return column - ColumnCount < m_customFields.size() ? customValue(c, m_customFields[column - ColumnCount]) : QVariant();
    auto hidden = [&](const char *field) { return c.hiddenFields.contains(QLatin1String(field)); };
    switch (column) {
    case Name: return c.name;
    case Status: return DisplayFormat::customerStatus(c.status);
    case Level: return c.level;
    case Owner: return c.ownerId ? c.ownerName : tr("Public pool");
    case Phone: return hidden("phones") ? tr("(hidden)") : c.phone;
    case Email: return hidden("emails") ? tr("(hidden)") : c.email;
    case Region:
        if (hidden("addresses"))
            return tr("(hidden)");
        return QStringList{c.province, c.city, c.district}.join(QLatin1Char(' ')).simplified();
    case Source: return c.source;
    case Tags: return c.tags.join(QStringLiteral(", "));
    case LastContact: return c.lastContactAt ? DisplayFormat::dateTime(c.lastContactAt) : tr("Never");
    case Created: return DisplayFormat::date(c.createdAt);
    case Value: return DisplayFormat::money(c.wonValueMinor);
    }
    return {};
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int page = index.row() / m_pageSize;
    const int offset = index.row() % m_pageSize;
    auto it = m_pages.find(page);
    const Customer *c = nullptr;
    if (it != m_pages.end()) {
        it->used = ++m_useClock;
        if (it->stale)
            want(page); // shown as it was until the fresh copy arrives
        if (offset < it->rows.size())
            c = &it->rows.at(offset);
    } else {
        want(page);
    }
    switch (role) {
    case Qt::DisplayRole:
        if (c)
            return display(*c, index.column());
        return index.column() == Name ? tr("Loading…") : QVariant();
    case Qt::ToolTipRole:
        if (c && (index.column() == Name || index.column() == Tags))
            return display(*c, index.column());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Value ||
            (index.column() >= ColumnCount && index.column() - ColumnCount < m_customFields.size() &&
             m_customFields[index.column() - ColumnCount].type == QLatin1String("number")))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole: return c ? c->id : qint64(0);
    case LoadedRole: return c != nullptr;
    case VersionRole: return c ? c->version : 0;
    }
    return {};
}

std::optional<Customer> CustomerTableModel::customerAt(int row) const
{
    auto it = m_pages.constFind(row / m_pageSize);
    if (it == m_pages.cend() || row % m_pageSize >= it->rows.size())
        return std::nullopt;
    return it->rows.at(row % m_pageSize);
}

qint64 CustomerTableModel::idAt(int row) const
{
    const auto c = customerAt(row);
    return c ? c->id : 0;
}

void CustomerTableModel::sort(int column, Qt::SortOrder order)
{
    CustomerFilter f = m_filter;
    if (column < 0) {
        f.sort = CustomerSort::Auto;
        f.ascending.reset();
    } else if (isSortable(column)) {
        f.sort = sortFor(column);
        f.ascending = order == Qt::AscendingOrder;
    } else {
        return;
    }
    setFilter(f);
}

void CustomerTableModel::setFilter(const CustomerFilter &filter)
{
    m_filter = filter;
    m_filter.offset = 0;
    m_filter.afterKey.reset();
    m_filter.afterId = 0;
    restart();
}

void CustomerTableModel::setActor(const Actor &actor)
{
    m_actor = actor;
    loadCustomFields(); // field rules may have changed too
    restart(); // the scope may have changed: a different set of rows
}

void CustomerTableModel::loadCustomFields()
{
    const Actor actor = m_actor;
    m_pagesWorker->run(
        this,
        [actor](Database &db) -> Result<QVector<CustomFieldDef>> {
            if (actor.fieldRule(QStringLiteral("customer"), QStringLiteral("customFields")) == FieldRule::Hidden)
                return QVector<CustomFieldDef>{};
            return CustomFieldService(db).list(actor);
        },
        [this](Result<QVector<CustomFieldDef>> defs) {
            if (defs) // without them the list still works: no custom columns
                setCustomFields(std::move(*defs));
        });
}

// Replaces the custom columns (removed, then inserted) only when what they show changed, so the
// header keeps its layout across reloads.
void CustomerTableModel::setCustomFields(QVector<CustomFieldDef> defs)
{
    defs.erase(std::remove_if(defs.begin(), defs.end(), [](const CustomFieldDef &d) { return d.entity != QLatin1String("customer"); }),
               defs.end());
    auto same = [](const CustomFieldDef &a, const CustomFieldDef &b) {
        return a.key == b.key && a.label == b.label && a.type == b.type;
    };
    if (std::equal(defs.cbegin(), defs.cend(), m_customFields.cbegin(), m_customFields.cend(), same))
        return;
    auto sameKey = [](const CustomFieldDef &a, const CustomFieldDef &b) { return a.key == b.key && a.type == b.type; };
    if (std::equal(defs.cbegin(), defs.cend(), m_customFields.cbegin(), m_customFields.cend(), sameKey)) { // relabelled
        m_customFields = std::move(defs);
        Q_EMIT headerDataChanged(Qt::Horizontal, ColumnCount, ColumnCount + int(m_customFields.size()) - 1);
        Q_EMIT customFieldsChanged();
        return;
    }
    if (!m_customFields.isEmpty()) {
        beginRemoveColumns({}, ColumnCount, ColumnCount + int(m_customFields.size()) - 1);
        m_customFields.clear();
        endRemoveColumns();
    }
    if (!defs.isEmpty()) {
        beginInsertColumns({}, ColumnCount, ColumnCount + int(defs.size()) - 1);
        m_customFields = std::move(defs);
        endInsertColumns();
    }
    Q_EMIT customFieldsChanged();
}

void CustomerTableModel::setFeed(ChangeFeed *feed)
{
    disconnect(m_feedConnection);
    if (!feed)
        return;
    m_feedConnection = connect(
        feed, &ChangeFeed::changed, this,
        [this](const Change &change) {
            if (change.entity == QLatin1String("custom_field")) {
                loadCustomFields();
                return;
            }
            if (change.entity != QLatin1String("customer"))
                return;
            ++m_epoch; // whatever is in flight now may predate this change
            if (!m_refreshTimer.isActive())
                m_refreshTimer.start();
        },
        Qt::QueuedConnection);
}

void CustomerTableModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 10, 1000);
    restart();
}

void CustomerTableModel::setMaxCachedPages(int pages)
{
    m_maxPages = std::max(3, pages);
    evict();
}

void CustomerTableModel::restart()
{
    beginResetModel();
    ++m_generation;
    m_pages.clear();
    m_inFlight.clear();
    m_wanted.clear();
    m_total = 0;
    m_countKnown = false;
    endResetModel();
    // The first page is wanted whatever the view shows, and often arrives before the count.
    fetch(0);
    requestCount();
}

void CustomerTableModel::refresh()
{
    ++m_epoch;
    for (Page &p : m_pages)
        p.stale = true;
    requestCount();
    // Repaints what is on screen, whose data() calls want the stale pages again.
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    else
        fetch(0);
}

void CustomerTableModel::want(int page) const
{
    if (m_inFlight.contains(page))
        return;
    m_wanted.removeOne(page);
    m_wanted.prepend(page);
    while (m_wanted.size() > kMaxWanted)
        m_wanted.removeLast(); // scrolled past long ago
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void CustomerTableModel::flush()
{
    while (m_inFlight.size() < kMaxInFlight && !m_wanted.isEmpty()) {
        const int page = m_wanted.takeFirst();
        auto it = m_pages.constFind(page);
        if (it != m_pages.cend() && !it->stale)
            continue;
        if (qint64(page) * m_pageSize >= m_total && page > 0)
            continue; // the table shrank meanwhile
        fetch(page);
    }
}

void CustomerTableModel::fetch(int page)
{
    if (m_inFlight.contains(page))
        return;
    CustomerFilter f = m_filter;
    f.limit = m_pageSize;
    // Keyset paging continues from the previous page's last row: cheap at any depth. Scrolling up
    // from a loaded page continues backwards from its first row. A jump to a page with no loaded
    // neighbour (dragging the scroll bar, Ctrl+End) uses an offset, counted from whichever end of
    // the table is nearer: the last page of a million rows is the first page in the opposite order,
    // not a walk over 999,800 skipped rows.
    const auto prev = m_pages.constFind(page - 1);
    const auto next = m_pages.constFind(page + 1);
    const bool keyset = page > 0 && prev != m_pages.cend() && !prev->stale && prev->rows.size() == m_pageSize;
    const bool backKeyset = !keyset && page > 0 && next != m_pages.cend() && !next->stale && !next->rows.isEmpty();
    const qint64 pageStart = qint64(page) * m_pageSize;
    const qint64 pageEnd = std::min<qint64>(pageStart + m_pageSize, m_total); // past the page's last row
    const bool fromEnd = !keyset && !backKeyset && m_countKnown && page > 0 && pageEnd > pageStart
        && m_total - pageEnd < pageStart;
    bool reversed = false;
    if (keyset) {
        const Customer &last = prev->rows.constLast();
        f.afterKey = sortKey(last, effectiveSort(f));
        f.afterId = last.id;
        f.offset = 0;
    } else if (backKeyset) {
        const Customer &first = next->rows.constFirst();
        f.ascending = !naturalAscending(f);
        f.afterKey = sortKey(first, effectiveSort(f));
        f.afterId = first.id;
        f.offset = 0;
        reversed = true;
    } else if (fromEnd) {
        f.ascending = !naturalAscending(f);
        f.offset = int(m_total - pageEnd);
        f.limit = int(pageEnd - pageStart);
        reversed = true;
    } else {
        f.offset = page * m_pageSize;
    }
    m_inFlight.insert(page);
    const int generation = m_generation;
    const quint64 epoch = m_epoch;
    const Actor actor = m_actor;
    m_pagesWorker->run(
        this,
        [actor, f, reversed](Database &db) {
            auto result = CustomerService(db).list(actor, f);
            if (result && reversed)
                std::reverse(result.value().customers.begin(), result.value().customers.end()); // back in table order
            return result;
        },
        [this, generation, epoch, page, keyset, backKeyset, reversed](Result<CustomerPage> result) {
            onPage(generation, epoch, page, keyset || backKeyset, reversed, result);
        });
}

void CustomerTableModel::onPage(int generation, quint64 epoch, int page, bool keyset, bool reversed,
                                const Result<CustomerPage> &result)
{
    if (generation != m_generation)
        return; // an answer to a query that has been replaced; its slot was cleared by restart()
    m_inFlight.remove(page);
    if (!result) {
        Q_EMIT loadFailed(result.error().message);
        checkIdle();
        return;
    }
    ++m_fetchedPages;
    m_fetchedRows += result->customers.size();
    if (keyset)
        ++m_keysetFetches;
    if (reversed)
        ++m_reversedFetches;
    Page &p = m_pages[page];
    p.rows = result->customers;
    p.used = ++m_useClock;
    p.stale = epoch != m_epoch;
    const qint64 reach = qint64(page) * m_pageSize + p.rows.size();
    if (!m_countKnown && reach > m_total)
        setTotal(reach); // until the count arrives, the table is as long as what has been seen
    evict();
    const int first = page * m_pageSize;
    const int last = std::min(rowCount(), first + m_pageSize) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    Q_EMIT pageLoaded(page);
    flush();
    checkIdle();
}

void CustomerTableModel::requestCount()
{
    m_countPending = true;
    ++m_countQueries;
    const int generation = m_generation;
    const Actor actor = m_actor;
    CustomerFilter f = m_filter;
    m_countWorker->run(
        this, [actor, f](Database &db) { return CustomerService(db).count(actor, f); },
        [this, generation](Result<qint64> result) { onCount(generation, result); });
}

void CustomerTableModel::onCount(int generation, const Result<qint64> &result)
{
    if (generation != m_generation)
        return;
    m_countPending = false;
    if (!result) {
        Q_EMIT loadFailed(result.error().message);
        checkIdle();
        return;
    }
    m_countKnown = true;
    setTotal(*result);
    Q_EMIT countChanged(m_total);
    checkIdle();
}

void CustomerTableModel::setTotal(qint64 total)
{
    const int before = rowCount();
    const int after = int(std::min<qint64>(total, std::numeric_limits<int>::max()));
    if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_total = total;
        endInsertRows();
    } else if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_total = total;
        // Pages wholly past the end are gone; a page across it is refetched when shown.
        for (auto it = m_pages.begin(); it != m_pages.end();) {
            if (qint64(it.key()) * m_pageSize >= total)
                it = m_pages.erase(it);
            else
                ++it;
        }
        endRemoveRows();
    } else {
        m_total = total;
    }
}

void CustomerTableModel::evict()
{
    while (m_pages.size() > m_maxPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
            if (it->used < oldest->used)
                oldest = it;
        m_pages.erase(oldest);
    }
}

void CustomerTableModel::checkIdle()
{
    if (!isLoading())
        Q_EMIT idle();
}

} // namespace crm
