#include "ui/leads/LeadTableModel.h"

#include "core/ErrorText.h"
#include "core/services/LeadService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"

namespace crm {

LeadTableModel::LeadTableModel(DbWorker &worker, QObject *parent) : QAbstractTableModel(parent), m_worker(worker) {}

QString LeadTableModel::statusLabel(const QString &code)
{
    if (code == QLatin1String("new"))
        return tr("New", "lead status");
    if (code == QLatin1String("contacted"))
        return tr("Contacted", "lead status");
    if (code == QLatin1String("qualified"))
        return tr("Qualified", "lead status");
    if (code == QLatin1String("disqualified"))
        return tr("Disqualified", "lead status");
    if (code == QLatin1String("converted"))
        return tr("Converted", "lead status");
    return code;
}

void LeadTableModel::setQuery(const Actor &actor, const LeadFilter &filter)
{
    m_actor = actor;
    m_filter = filter;
    m_filter.limit = kPageSize;
    m_filter.offset = 0;
    m_filter.afterId = 0;
    m_queried = true;
    ++m_generation;
    fetch(0, kPageSize);
}

void LeadTableModel::reload()
{
    if (!m_queried)
        return;
    ++m_generation;
    // As many rows as were loaded, so that a change elsewhere does not take a user who scrolled down
    // back to the top; the old rows stay on screen until the fresh ones replace them.
    const int loaded = int(m_rows.size());
    fetch(0, std::max(kPageSize, (loaded + kPageSize - 1) / kPageSize * kPageSize));
}

void LeadTableModel::fetch(qint64 afterId, int rows)
{
    m_loading = true;
    LeadFilter f = m_filter;
    f.afterId = afterId;
    const Actor actor = m_actor;
    const int generation = m_generation;
    const bool first = afterId == 0;
    m_worker.run(
        this,
        [actor, f, rows, first](Database &db) mutable -> Result<Reply> {
            LeadService svc(db);
            Reply reply;
            // Page after page by keyset in one job: a reload is one consistent replacement.
            do {
                auto page = svc.list(actor, f);
                if (!page)
                    return page.error();
                reply.page.leads += page->leads;
                reply.page.hasMore = page->hasMore;
                if (page->leads.isEmpty())
                    break;
                f.afterId = page->leads.last().id;
            } while (reply.page.hasMore && reply.page.leads.size() < rows);
            if (first) {
                auto total = svc.count(actor, f);
                if (!total)
                    return total.error();
                reply.total = *total;
            }
            return reply;
        },
        [this, generation, first](Result<Reply> reply) { onReply(generation, first, std::move(reply)); });
}

void LeadTableModel::onReply(int generation, bool first, Result<Reply> reply)
{
    if (generation != m_generation)
        return; // a newer read is on its way
    // The state is complete before the views hear of the rows: a view may call canFetchMore() from
    // inside the signals.
    if (!reply) {
        m_error = ErrorText::message(reply.error());
        if (first) {
            beginResetModel();
            m_rows.clear();
            m_hasMore = false;
            m_total = 0;
            endResetModel();
        }
    } else {
        m_error.clear();
        if (first) {
            beginResetModel();
            m_rows = reply->page.leads;
            m_hasMore = reply->page.hasMore;
            m_total = reply->total;
            endResetModel();
        } else if (!reply->page.leads.isEmpty()) {
            const int from = int(m_rows.size());
            m_hasMore = reply->page.hasMore;
            beginInsertRows({}, from, from + int(reply->page.leads.size()) - 1);
            m_rows += reply->page.leads;
            endInsertRows();
        } else {
            m_hasMore = false;
        }
    }
    m_loading = false;
    Q_EMIT loaded();
}

int LeadTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lead &l = m_rows.at(index.row());
    if (role == IdRole)
        return l.id;
    if (role == StatusCodeRole)
        return l.status;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name: return l.name;
    case Company: return l.company;
    case Phone: return l.phone;
    case Email: return l.email;
    case Source: return l.source;
    case Status: return statusLabel(l.status);
    case Owner: return l.ownerId ? l.ownerName : tr("Unassigned");
    case Created: return DisplayFormat::dateTime(l.createdAt);
    default: return {};
    }
}

QVariant LeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Company: return tr("Company");
    case Phone: return tr("Phone");
    case Email: return tr("Email");
    case Source: return tr("Source");
    case Status: return tr("Status");
    case Owner: return tr("Owner");
    case Created: return tr("Created");
    default: return {};
    }
}

bool LeadTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading;
}

void LeadTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    fetch(m_rows.last().id, kPageSize);
}

int LeadTableModel::rowOf(qint64 leadId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == leadId)
            return i;
    return -1;
}

} // namespace crm
