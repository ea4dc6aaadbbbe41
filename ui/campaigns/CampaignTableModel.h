#pragma once

#include "core/domain/Campaign.h"
#include "core/security/Actor.h"
#include "ui/KeysetTableModel.h"

namespace crm {

class DbWorker;

// The campaigns of one status (or all), newest first, as table rows. Only the first page (200 rows)
// is read up front; more come through canFetchMore()/fetchMore() as the table scrolls, each page by
// keyset (afterId) through CampaignService::list on a DbWorker, so the GUI thread never waits
// (KeysetTableModel). CampaignService has no count: the model knows how many it has loaded and
// whether more exist. QtCore only.
class CampaignTableModel : public KeysetTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Status, Start, End, Goal, Budget, CreatedBy, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusCodeRole };

    explicit CampaignTableModel(DbWorker &worker, QObject *parent = nullptr);

    // status: a code of CampaignService::statuses(), or empty for all. Reads the first page.
    void setQuery(const Actor &actor, const QString &status);
    QString status() const { return m_status; }

    // The translated word for a campaign status (planned, active, finished, cancelled).
    static QString statusLabel(const QString &code);
    // The translated word for a participant status (invited, responded, converted, declined).
    static QString participantStatusLabel(const QString &code);
    // A campaign date in the user's locale; empty when unset.
    static QString dateText(const QDate &date);
    // One label per campaign for a list to choose from: the name, and where names repeat ("月度回访"
    // every month) the start date too (and the number, should that repeat as well).
    static QStringList choiceLabels(const QVector<Campaign> &campaigns);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // rowOf(campaignId) is KeysetTableModel's.
    const Campaign &campaignAt(int row) const { return m_rows.at(row); }

private:
    // Reads `rows` campaigns (whole pages) after afterId (0: from the start, replacing the rows).
    void fetch(qint64 afterId, int rows) override;
    qint64 keyAt(int row) const override { return m_rows.at(row).id; }

    Actor m_actor;
    QString m_status;
    QVector<Campaign> m_rows;
};

} // namespace crm
