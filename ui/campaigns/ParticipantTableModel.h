#pragma once

#include "core/domain/Campaign.h"
#include "core/security/Actor.h"
#include "ui/KeysetTableModel.h"

namespace crm {

class DbWorker;

// The participants of one campaign (customers in the actor's scope only: CampaignService applies it),
// optionally of one status, in customer id order as CampaignService::participants pages them: the
// first 200 up front, more through canFetchMore()/fetchMore() by keyset (afterCustomerId) on a
// DbWorker (KeysetTableModel). QtCore only.
class ParticipantTableModel : public KeysetTableModel
{
    Q_OBJECT
public:
    enum Column { Customer, Status, Response, RespondedAt, AddedAt, ColumnCount };
    enum Role { CustomerIdRole = Qt::UserRole + 1, StatusCodeRole };

    explicit ParticipantTableModel(DbWorker &worker, QObject *parent = nullptr);

    // campaignId 0: no campaign, no rows (loaded() at once; reload() does nothing). status empty:
    // all. Reads the first page.
    void setQuery(const Actor &actor, qint64 campaignId, const QString &status);
    qint64 campaignId() const { return m_campaignId; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // rowOf(customerId) is KeysetTableModel's: a participant's key is its customer.
    const CampaignParticipant &participantAt(int row) const { return m_rows.at(row); }

private:
    void fetch(qint64 afterCustomerId, int rows) override;
    qint64 keyAt(int row) const override { return m_rows.at(row).customerId; }

    Actor m_actor;
    qint64 m_campaignId = 0;
    QString m_status;
    QVector<CampaignParticipant> m_rows;
};

} // namespace crm
