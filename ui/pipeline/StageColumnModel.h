#pragma once

#include "core/Result.h"
#include "core/domain/Opportunity.h"
#include "core/security/Actor.h"

#include <QAbstractListModel>
#include <QVector>

#include <optional>

namespace crm {

class DbWorker;

// The opportunities of one stage, as the cards of a board column. Only the first page (200 rows)
// is read up front; the view asks for more through canFetchMore()/fetchMore() as it scrolls, each
// page read by keyset (newest first: the (stage, id) and (owner, stage, id) indexes give that order
// without sorting) on a DbWorker, so a stage of thousands never blocks the GUI thread.
// Drag and drop: a card carries its id, version and stage; a drop from another column is not
// applied here but announced (moveRequested) for the board to ask the core. QtCore + QtGui only.
class StageColumnModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        VersionRole,
        StageIdRole,
        CustomerIdRole,
        CustomerNameRole,
        NameRole,
        AmountMinorRole,
        CurrencyRole,
        ProbabilityRole,
        OwnerNameRole,
        StageEnteredAtRole,
        ExpectedCloseRole,
        HiddenFieldsRole, // QStringList of fields the role hides (amountMinor, probability, ...)
    };
    static constexpr int kPageSize = 200;
    static const QString kMimeType;

    StageColumnModel(DbWorker &worker, const Stage &stage, QObject *parent = nullptr);

    const Stage &stage() const { return m_stage; }
    // The query: the stage is set here; paging fields of `filter` are ignored. Reloads.
    void setQuery(const Actor &actor, const OpportunityFilter &filter);
    // Reads the loaded rows again (at least the first page); replies to older reads are dropped.
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    // Announces moveRequested for a card of another column and answers true; the rows change only
    // when the core has moved it (the change feed reloads both columns).
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

    // Off: canFetchMore() says no. A hidden QListView has no layout, takes its last card for visible
    // and would fetch page after page; the board turns fetching off while it is hidden.
    void setFetchEnabled(bool enabled);
    bool isFetchEnabled() const { return m_fetchEnabled; }

    const Opportunity &opportunityAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 opportunityId) const;
    bool hasMore() const { return m_hasMore; }
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }

    // What a dragged card carries.
    struct Card
    {
        qint64 id = 0;
        int version = 0;
        qint64 fromStageId = 0;
    };
    static std::optional<Card> decode(const QMimeData *data);

Q_SIGNALS:
    void moveRequested(qint64 opportunityId, int version, qint64 fromStageId, qint64 toStageId);
    // A page arrived (or failed: lastError()).
    void pageLoaded();

private:
    // Reads `rows` cards (whole pages) after afterId (0: from the start, replacing the rows).
    void fetch(qint64 afterId, int rows);
    void onPage(int generation, Result<OpportunityPage> page);

    DbWorker &m_worker;
    Stage m_stage;
    Actor m_actor;
    OpportunityFilter m_filter;
    QVector<Opportunity> m_rows;
    bool m_hasMore = false;
    bool m_loading = false;
    bool m_queried = false;
    bool m_fetchEnabled = true;
    bool m_pendingFirst = false; // the read in flight is a first page
    int m_generation = 0;
    QString m_error;
};

} // namespace crm
