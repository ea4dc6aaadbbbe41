#include "ui/campaigns/CampaignTableModel.h"

#include "core/ErrorText.h"
#include "core/services/CampaignService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"

#include <QLocale>

#include <algorithm>

namespace crm {

CampaignTableModel::CampaignTableModel(DbWorker &worker, QObject *parent) : QAbstractTableModel(parent), m_worker(worker) {}

QString CampaignTableModel::statusLabel(const QString &code)
{
    if (code == QLatin1String("planned"))
        return tr("Planned", "campaign status");
    if (code == QLatin1String("active"))
        return tr("Active", "campaign status");
    if (code == QLatin1String("finished"))
        return tr("Finished", "campaign status");
    if (code == QLatin1String("cancelled"))
        return tr("Cancelled", "campaign status");
    return code;
}

QString CampaignTableModel::participantStatusLabel(const QString &code)
{
    if (code == QLatin1String("invited"))
        return tr("Invited", "campaign participant status");
    if (code == QLatin1String("responded"))
        return tr("Responded", "campaign participant status");
    if (code == QLatin1String("converted"))
        return tr("Converted", "campaign participant status");
    if (code == QLatin1String("declined"))
        return tr("Declined", "campaign participant status");
    return code;
}

QString CampaignTableModel::dateText(const QDate &date)
{
    // The same short form DisplayFormat::date gives timestamps.
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

void CampaignTableModel::setQuery(const Actor &actor, const QString &status)
{
    m_actor = actor;
    m_status = status;
    m_queried = true;
    ++m_generation;
    fetch(0, kPageSize);
}

void CampaignTableModel::reload()
{
    if (!m_queried)
        return;
    ++m_generation;
    // As many rows as were loaded, so that a change elsewhere does not take a user who scrolled down
    // back to the top; the old rows stay on screen until the fresh ones replace them.
    const int loaded = int(m_rows.size());
    fetch(0, std::max(kPageSize, (loaded + kPageSize - 1) / kPageSize * kPageSize));
}

void CampaignTableModel::fetch(qint64 afterId, int rows)
{
    m_loading = true;
    CampaignFilter f;
    f.status = m_status;
    f.limit = kPageSize;
    f.afterId = afterId;
    const Actor actor = m_actor;
    const int generation = m_generation;
    const bool first = afterId == 0;
    m_worker.run(
        this,
        [actor, f, rows](Database &db) mutable -> Result<CampaignPage> {
            CampaignService svc(db);
            CampaignPage out;
            // Page after page by keyset in one job: a reload is one consistent replacement.
            do {
                auto page = svc.list(actor, f);
                if (!page)
                    return page.error();
                out.campaigns += page->campaigns;
                out.hasMore = page->hasMore;
                if (page->campaigns.isEmpty())
                    break;
                f.afterId = page->campaigns.last().id;
            } while (out.hasMore && out.campaigns.size() < rows);
            return out;
        },
        [this, generation, first](Result<CampaignPage> reply) { onReply(generation, first, std::move(reply)); });
}

void CampaignTableModel::onReply(int generation, bool first, Result<CampaignPage> reply)
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
            endResetModel();
        }
    } else {
        m_error.clear();
        if (first) {
            beginResetModel();
            m_rows = reply->campaigns;
            m_hasMore = reply->hasMore;
            endResetModel();
        } else if (!reply->campaigns.isEmpty()) {
            const int from = int(m_rows.size());
            m_hasMore = reply->hasMore;
            beginInsertRows({}, from, from + int(reply->campaigns.size()) - 1);
            m_rows += reply->campaigns;
            endInsertRows();
        } else {
            m_hasMore = false;
        }
    }
    m_loading = false;
    Q_EMIT loaded();
}

int CampaignTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CampaignTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Campaign &c = m_rows.at(index.row());
    if (role == IdRole)
        return c.id;
    if (role == StatusCodeRole)
        return c.status;
    if (role == Qt::TextAlignmentRole && index.column() == Budget)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name: return c.name;
    case Status: return statusLabel(c.status);
    case Start: return dateText(c.startDate);
    case End: return dateText(c.endDate);
    case Goal: return c.goal;
    case Budget: return tr("%1 %2").arg(DisplayFormat::money(c.budgetMinor), c.currency);
    case CreatedBy: return c.ownerName;
    default: return {};
    }
}

QVariant CampaignTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Status: return tr("Status");
    case Start: return tr("Start");
    case End: return tr("End");
    case Goal: return tr("Goal");
    case Budget: return tr("Budget");
    case CreatedBy: return tr("Created by");
    default: return {};
    }
}

bool CampaignTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading;
}

void CampaignTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    fetch(m_rows.last().id, kPageSize);
}

int CampaignTableModel::rowOf(qint64 campaignId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == campaignId)
            return i;
    return -1;
}

} // namespace crm
