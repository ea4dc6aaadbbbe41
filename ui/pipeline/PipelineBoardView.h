#pragma once

#include "core/domain/Opportunity.h"
#include "core/domain/Organization.h"

#include <QHash>
#include <QVector>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QListView;
class QScrollArea;

namespace crm {

class ReloadSoon;

class DbWorker;
class OpportunityCardDelegate;
class Session;
class StageColumnModel;

// The pipeline board: one column per stage of the chosen pipeline, each headed by the stage's
// count, total and weighted value over the whole stage (OpportunityService::pipelineSummary, not
// just the loaded cards), its cards read a page at a time (StageColumnModel). Dragging a card to
// another column asks the core to move it (a lost stage asks for the reason first); a refused move
// says why in the status line and the card is read back into its column. Filters: owner (users in
// the viewer's scope), team (a department with the ones below it) and expected close period (this or
// next month, this quarter, the next 90 days or custom dates). Every read and write runs on the board's own
// DbWorker; opportunity changes from anywhere (this desktop, the API, other processes on
// PostgreSQL) reload the board, debounced.
class PipelineBoardView : public QWidget
{
    Q_OBJECT
public:
    enum class Period { Any, ThisMonth, NextMonth, ThisQuarter, Next90Days, Custom };

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
    // nullopt: every team. A department means its users and those of the departments below it.
    void setTeamFilter(std::optional<qint64> departmentId);
    void setPeriod(Period period);
    // Custom: expected close from `first` to `last`, both included.
    void setCustomPeriod(const QDate &first, const QDate &last);
    // The inclusive expected close range of a period, as of `today` (null dates for Any and Custom).
    static std::pair<QDate, QDate> periodRange(Period period, const QDate &today);
    // The query the columns and sums use now (pipeline, owner, team, close period).
    OpportunityFilter filter() const;

    // A dashboard funnel stage: every filter back to the whole scope, the stage's pipeline chosen and
    // its column scrolled into view and outlined (until another pipeline is chosen). Before the
    // pipelines have arrived it is remembered and done when they do.
    void showStage(qint64 stageId);
    qint64 highlightedStage() const { return m_highlightStage; }

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
    // A card was double-clicked (or Enter pressed on it): the opportunity's page.
    void openOpportunity(qint64 opportunityId);
    // "New opportunity…": a deal in this pipeline (0 before the pipelines have arrived), for a
    // customer the main window asks for.
    void newOpportunityRequested(qint64 pipelineId);
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
    void showDepartments(const QVector<Department> &departments);
    void highlightColumns();
    void rebuildColumns();
    void applyFilters();
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
    QComboBox *m_teamBox;
    QComboBox *m_periodBox;
    QDateEdit *m_closeFirst;
    QDateEdit *m_closeLast;
    QScrollArea *m_scroll;
    QWidget *m_columnsHost;
    QHBoxLayout *m_columnsLayout;
    QLabel *m_status;
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads the columns once
    ReloadSoon *m_stagesSoon = nullptr; // ... and a burst of stage edits the board once

    QVector<Pipeline> m_pipelines;
    Pipeline m_pipeline;
    QVector<Column> m_columns;
    PipelineSummary m_summary;
    QHash<qint64, qint64> m_periodCounts; // stage id -> count within the period filter
    bool m_pipelinesPending = false;
    bool m_sumsPending = false;
    int m_sumsGeneration = 0;
    std::function<std::optional<QString>()> m_lossReason;
    qint64 m_highlightStage = 0;
    qint64 m_pendingStage = 0; // showStage() before the pipelines arrived
};

} // namespace crm
