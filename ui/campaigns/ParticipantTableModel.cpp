#include "ui/campaigns/ParticipantTableModel.h"

#include "core/services/CampaignService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/campaigns/CampaignTableModel.h"

namespace crm {

ParticipantTableModel::ParticipantTableModel(DbWorker &worker, QObject *parent) : KeysetTableModel(worker, parent) {}

void ParticipantTableModel::setQuery(const Actor &actor, qint64 campaignId, const QString &status)
{
    m_actor = actor;
    m_campaignId = campaignId;
    m_status = status;
    if (!campaignId)
        clearQuery(m_rows);
    else
        startQuery();
}

void ParticipantTableModel::fetch(qint64 afterCustomerId, int rows)
{
    ParticipantFilter f;
    f.status = m_status;
    f.limit = kPageSize;
    const bool first = afterCustomerId == 0;
    worker().run(
        this,
        [actor = m_actor, campaignId = m_campaignId, f, afterCustomerId, rows](Database &db) mutable {
            CampaignService svc(db);
            return readPages(
                afterCustomerId, rows,
                [&](qint64 after) {
                    f.afterCustomerId = after;
                    return svc.participants(actor, campaignId, f);
                },
                &ParticipantPage::participants, &CampaignParticipant::customerId);
        },
        [this, generation = currentGeneration(), first](const Result<Page<CampaignParticipant>> &reply) {
            applyPage(m_rows, generation, first, reply);
        });
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

} // namespace crm
