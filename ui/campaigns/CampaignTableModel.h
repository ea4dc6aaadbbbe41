#pragma once

#include "core/Result.h"
#include "core/domain/Campaign.h"
#include "core/security/Actor.h"

#include <QAbstractTableModel>
#include <QVector>

namespace crm {

class DbWorker;

// The campaigns of one status (or all), newest first, as table rows. Only the first page (200 rows)
// is read up front; more come through canFetchMore()/fetchMore() as the table scrolls, each page by
// keyset (afterId) through CampaignService::list on a DbWorker, so the GUI thread never waits.
// CampaignService has no count: the model knows how many it has loaded and whether more exist.
// QtCore only.
class CampaignTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Status, Start, End, Goal, Budget, CreatedBy, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusCodeRole };
    static constexpr int kPageSize = 200;

    explicit CampaignTableModel(DbWorker &worker, QObject *parent = nullptr);

    // status: a code of CampaignService::statuses(), or empty for all. Reads the first page.
    void setQuery(const Actor &actor, const QString &status);
    QString status() const { return m_status; }
    // Reads the loaded rows again (at least a page); replies to older reads are dropped.
    void reload();

    // The translated word for a campaign status (planned, active, finished, cancelled).
    static QString statusLabel(const QString &code);
    // The translated word for a participant status (invited, responded, converted, declined).
    static QString participantStatusLabel(const QString &code);
    // A campaign date in the user's locale; empty when unset.
    static QString dateText(const QDate &date);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const Campaign &campaignAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 campaignId) const;
    bool hasMore() const { return m_hasMore; }
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }

Q_SIGNALS:
    // A read finished (or failed: lastError()).
    void loaded();

private:
    // Reads `rows` campaigns (whole pages) after afterId (0: from the start, replacing the rows).
    void fetch(qint64 afterId, int rows);
    void onReply(int generation, bool first, Result<CampaignPage> reply);

    DbWorker &m_worker;
    Actor m_actor;
    QString m_status;
    QVector<Campaign> m_rows;
    bool m_hasMore = false;
    bool m_loading = false;
    bool m_queried = false;
    int m_generation = 0;
    QString m_error;
};

} // namespace crm
