#include "ui/campaigns/ParticipantTableModel.h"

#include "core/ErrorText.h"
#include "core/services/CampaignService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/campaigns/CampaignTableModel.h"

#include <algorithm>

namespace crm {

ParticipantTableModel::ParticipantTableModel(DbWorker &worker, QObject *parent) : QAbstractTableModel(parent), m_worker(worker) {}

void ParticipantTableModel::setQuery(const Actor &actor, qint64 campaignId, const QString &status)
{
    m_actor = actor;
    m_campaignId = campaignId;
    m_status = status;
    ++m_generation;
    if (!campaignId) {
        beginResetModel();
        m_rows.clear();
        m_hasMore = false;
        m_error.clear();
        endResetModel();
        m_loading = false;
        Q_EMIT loaded();
        return;
    }
    fetch(0, kPageSize);
}

void ParticipantTableModel::reload()
{
    if (!m_campaignId)
        return;
    ++m_generation;
    // As many rows as were loaded: a response recorded on row 450 keeps the user at row 450.
    const int loaded = int(m_rows.size());
    fetch(0, std::max(kPageSize, (loaded + kPageSize - 1) / kPageSize * kPageSize));
}

void ParticipantTableModel::fetch(qint64 afterCustomerId, int rows)
{
    m_loading = true;
    ParticipantFilter f;
    f.status = m_status;
    f.limit = kPageSize;
    f.afterCustomerId = afterCustomerId;
    const Actor actor = m_actor;
    const qint64 campaignId = m_campaignId;
    const int generation = m_generation;
    const bool first = afterCustomerId == 0;
    m_worker.run(
        this,
        [actor, campaignId, f, rows](Database &db) mutable -> Result<ParticipantPage> {
            CampaignService svc(db);
            ParticipantPage out;
            do {
                auto page = svc.participants(actor, campaignId, f);
                if (!page)
                    return page.error();
                out.participants += page->participants;
                out.hasMore = page->hasMore;
                if (page->participants.isEmpty())
                    break;
                f.afterCustomerId = page->participants.last().customerId;
            } while (out.hasMore && out.participants.size() < rows);
            return out;
        },
        [this, generation, first](Result<ParticipantPage> reply) { onReply(generation, first, std::move(reply)); });
}

void ParticipantTableModel::onReply(int generation, bool first, Result<ParticipantPage> reply)
{
    if (generation != m_generation)
        return;
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
            m_rows = reply->participants;
            m_hasMore = reply->hasMore;
            endResetModel();
        } else if (!reply->participants.isEmpty()) {
            const int from = int(m_rows.size());
            m_hasMore = reply->hasMore;
            beginInsertRows({}, from, from + int(reply->participants.size()) - 1);
            m_rows += reply->participants;
            endInsertRows();
        } else {
            m_hasMore = false;
        }
    }
    m_loading = false;
    Q_EMIT loaded();
}

int ParticipantTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ParticipantTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParticipantTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CampaignParticipant &p = m_rows.at(index.row());
    if (role == CustomerIdRole)
        return p.customerId;
    if (role == StatusCodeRole)
        return p.status;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    // The service blanks the name for a role that may not see customer names.
    case Customer: return p.customerName.isEmpty() ? tr("Customer #%1").arg(p.customerId) : p.customerName;
    case Status: return CampaignTableModel::participantStatusLabel(p.status);
    case Response: return p.response;
    case RespondedAt: return DisplayFormat::dateTime(p.respondedAt);
    case AddedAt: return DisplayFormat::dateTime(p.addedAt);
    default: return {};
    }
}

QVariant ParticipantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Customer: return tr("Customer");
    case Status: return tr("Status");
    case Response: return tr("Response");
    case RespondedAt: return tr("Responded at");
    case AddedAt: return tr("Added at");
    default: return {};
    }
}

bool ParticipantTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading;
}

void ParticipantTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    fetch(m_rows.last().customerId, kPageSize);
}

int ParticipantTableModel::rowOf(qint64 customerId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].customerId == customerId)
            return i;
    return -1;
}

} // namespace crm
