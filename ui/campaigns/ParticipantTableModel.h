#pragma once

#include "core/Result.h"
#include "core/domain/Campaign.h"
#include "core/security/Actor.h"

#include <QAbstractTableModel>
#include <QVector>

namespace crm {

class DbWorker;

// The participants of one campaign (customers in the actor's scope only: CampaignService applies it),
// optionally of one status, in customer id order as CampaignService::participants pages them: the
// first 200 up front, more through canFetchMore()/fetchMore() by keyset (afterCustomerId) on a
// DbWorker. QtCore only.
class ParticipantTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Customer, Status, Response, RespondedAt, AddedAt, ColumnCount };
    enum Role { CustomerIdRole = Qt::UserRole + 1, StatusCodeRole };
    static constexpr int kPageSize = 200;

    explicit ParticipantTableModel(DbWorker &worker, QObject *parent = nullptr);

    // campaignId 0: no campaign, no rows. status empty: all. Reads the first page.
    void setQuery(const Actor &actor, qint64 campaignId, const QString &status);
    qint64 campaignId() const { return m_campaignId; }
    // Reads the loaded rows again (at least a page); replies to older reads are dropped.
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const CampaignParticipant &participantAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 customerId) const;
    bool hasMore() const { return m_hasMore; }
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }

Q_SIGNALS:
    void loaded();

private:
    void fetch(qint64 afterCustomerId, int rows);
    void onReply(int generation, bool first, Result<ParticipantPage> reply);

    DbWorker &m_worker;
    Actor m_actor;
    qint64 m_campaignId = 0;
    QString m_status;
    QVector<CampaignParticipant> m_rows;
    bool m_hasMore = false;
    bool m_loading = false;
    int m_generation = 0;
    QString m_error;
};

} // namespace crm
