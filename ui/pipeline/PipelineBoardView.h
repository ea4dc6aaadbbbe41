#pragma once

#include "core/domain/Opportunity.h"
#include "core/domain/Organization.h"

#include <QHash>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QListView;

namespace crm {

class DbWorker;
class OpportunityCardDelegate;
class Session;
class StageColumnModel;

// The pipeline board: one column per stage of the chosen pipeline, each headed by the stage's
// count, total and weighted value over the whole stage (OpportunityService::pipelineSummary, not
// just the loaded cards), its cards read a page at a time (StageColumnModel). Dragging a card to
// another column asks the core to move it (a lost stage asks for the reason first); a refused move
// says why in the status line and the card is read back into its column. Filters: owner (users in
// the viewer's scope) and expected close period. Every read and write runs on the board's own
// DbWorker; opportunity changes from anywhere (this desktop, the API, other processes on
// PostgreSQL) reload the board, debounced.
class PipelineBoardView : public QWidget
{
    Q_OBJECT
public:
    enum class Period { Any, ThisMonth, ThisQuarter, Next90Days };

    explicit PipelineBoardView(Session &session, QWidget *parent = nullptr);
    ~PipelineBoardView() override;

    // Reads the pipelines (and users for the owner filter), then the chosen pipeline's columns.
    void reload();
    // Reads the sums and the first page of every column again (the columns stay).
    void reloadColumns();

    void setPipeline(qint64 pipelineId);
    qint64 pipelineId() const { return m_pipeline.id; }
    const Pipeline &pipeline() const { return m_pipeline; }
    // nullopt: everyone in the viewer's scope.
    void setOwnerFilter(std::optional<qint64> ownerId);
    void setPeriod(Period period);
    // The inclusive expected close range of a period, as of `today`.
    static std::pair<QDate, QDate> periodRange(Period period, const QDate &today);

    int columnCount() const { return int(m_columns.size()); }
    StageColumnModel *columnModel(int index) const;
    StageColumnModel *columnForStage(qint64 stageId) const;
    QListView *columnView(int index) const;
    QString headerText(qint64 stageId) const;
    const PipelineSummary &summary() const { return m_summary; }
    QString statusText() const;
    bool isLoading() const;

    // Moves an opportunity of a column to another stage of the pipeline (what a drop does). Without
    // an expected version the card's loaded version is used. A lost stage asks for the reason
    // (the provider when set, else a dialog); no reason: no move.
    void requestMove(qint64 opportunityId, qint64 toStageId, std::optional<int> expectedVersion = std::nullopt);
    // Tests answer the loss reason question without a dialog.
    void setLossReasonProvider(std::function<std::optional<QString>()> provider) { m_lossReason = std::move(provider); }

Q_SIGNALS:
    // Nothing is being read any more (after reload(), a change, a page).
    void loaded();
    void openCustomer(qint64 customerId);
    // A move ended: moved, or refused / cancelled with the sentence the status line shows.
    void moveFinished(bool moved, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Column
    {
        StageColumnModel *model = nullptr;
        QListView *view = nullptr;
        QLabel *header = nullptr;
        QWidget *frame = nullptr;
    };

    void showPipelines(const QVector<Pipeline> &pipelines);
    void showUsers(const QVector<User> &users);
    void rebuildColumns();
    void applyFilters();
    OpportunityFilter filter() const;
    void loadSums();
    void updateHeaders();
    void checkLoaded();
    std::optional<QString> askLossReason(const Stage &stage);
    const Stage *stageById(qint64 stageId) const;

    Session &m_session;
    std::unique_ptr<DbWorker> m_worker;
    OpportunityCardDelegate *m_delegate;
    QComboBox *m_pipelineBox;
    QComboBox *m_ownerBox;
    QComboBox *m_periodBox;
    QWidget *m_columnsHost;
    QHBoxLayout *m_columnsLayout;
    QLabel *m_status;
    QTimer m_reloadSoon; // a burst of changes reloads once

    QVector<Pipeline> m_pipelines;
    Pipeline m_pipeline;
    QVector<Column> m_columns;
    PipelineSummary m_summary;
    QHash<qint64, qint64> m_periodCounts; // stage id -> count within the period filter
    bool m_pipelinesPending = false;
    bool m_sumsPending = false;
    int m_sumsGeneration = 0;
    std::function<std::optional<QString>()> m_lossReason;
};

} // namespace crm
