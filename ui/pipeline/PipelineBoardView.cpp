#include "ui/pipeline/PipelineBoardView.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/SeedNames.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/security/Permission.h"
#include "core/services/PipelineService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/pipeline/OpportunityCardDelegate.h"
#include "ui/pipeline/StageColumnModel.h"
#include "ui/undo/UndoHistory.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace crm {

namespace {

constexpr int kOpenColumnWidth = OpportunityCardDelegate::kWidth + 30;
// Won and lost collect every closed deal: narrower, they are mostly drop targets.
constexpr int kClosedColumnWidth = OpportunityCardDelegate::kWidth - 20;

// The sums of the headers, read in one job.
struct BoardSums
{
    PipelineSummary summary;
    QHash<qint64, qint64> periodCounts; // only with a period filter: the summary has no date bound
};

} // namespace

PipelineBoardView::PipelineBoardView(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_worker(session.openWorker(QStringLiteral("crm-board"))),
      m_delegate(new OpportunityCardDelegate(this)), m_pipelineBox(new QComboBox(this)), m_ownerBox(new QComboBox(this)),
      m_teamBox(new QComboBox(this)), m_periodBox(new QComboBox(this)), m_closeFirst(new QDateEdit(this)),
      m_closeLast(new QDateEdit(this)), m_scroll(new QScrollArea(this)), m_columnsHost(new QWidget),
      m_columnsLayout(new QHBoxLayout(m_columnsHost)), m_status(new QLabel(this))
{
    m_pipelineBox->setObjectName(QStringLiteral("pipelineChooser"));
    m_ownerBox->setObjectName(QStringLiteral("ownerFilter"));
    m_periodBox->setObjectName(QStringLiteral("periodFilter"));
    m_status->setObjectName(QStringLiteral("boardStatus"));
    m_ownerBox->addItem(tr("Everyone"), QVariant());
    m_ownerBox->addItem(tr("Mine"), session.actor().userId);
    m_ownerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_periodBox->addItem(tr("Any close date"), int(Period::Any));
    m_periodBox->addItem(tr("Closing this month"), int(Period::ThisMonth));
    m_periodBox->addItem(tr("Closing next month"), int(Period::NextMonth));
    m_periodBox->addItem(tr("Closing this quarter"), int(Period::ThisQuarter));
    m_periodBox->addItem(tr("Closing in the next 90 days"), int(Period::Next90Days));
    m_periodBox->addItem(tr("Closing between…"), int(Period::Custom));
    m_periodBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_teamBox->setObjectName(QStringLiteral("teamFilter"));
    m_teamBox->addItem(tr("All teams"), QVariant());
    m_teamBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_teamBox->setToolTip(tr("A department with the departments below it"));
    const QDate today = QDate::currentDate();
    m_closeFirst->setObjectName(QStringLiteral("closeFirst"));
    m_closeLast->setObjectName(QStringLiteral("closeLast"));
    for (QDateEdit *edit : {m_closeFirst, m_closeLast}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setVisible(false);
    }
    m_closeFirst->setDate(today);
    m_closeLast->setDate(today.addMonths(1));
    m_closeFirst->setToolTip(tr("Expected close from"));
    m_closeLast->setToolTip(tr("Expected close until (included)"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Pipeline:"), this));
    top->addWidget(m_pipelineBox);
    top->addWidget(new QLabel(tr("Owner:"), this));
    top->addWidget(m_ownerBox);
    top->addWidget(new QLabel(tr("Team:"), this));
    top->addWidget(m_teamBox);
    top->addWidget(m_periodBox);
    top->addWidget(m_closeFirst);
    top->addWidget(m_closeLast);
    top->addStretch();
    // A new deal starts from its customer (chosen next) and lands in the pipeline on screen.
    auto *newOpportunity = new QPushButton(tr("New opportunity…"), this);
    newOpportunity->setObjectName(QStringLiteral("newOpportunity"));
    newOpportunity->setEnabled(session.actor().can(Permission::OpportunityWrite));
    connect(newOpportunity, &QPushButton::clicked, this, [this] { Q_EMIT newOpportunityRequested(m_pipeline.id); });
    top->addWidget(newOpportunity);

    m_columnsLayout->setContentsMargins(0, 0, 0, 0);
    m_columnsLayout->addStretch();
    m_scroll->setWidget(m_columnsHost);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_status);

    connect(m_pipelineBox, &QComboBox::currentIndexChanged, this, [this] {
        const qint64 id = m_pipelineBox->currentData().toLongLong();
        if (id != m_pipeline.id) {
            m_highlightStage = 0; // the user moved on from the drill-down
            setPipeline(id);
        }
    });
    connect(m_ownerBox, &QComboBox::currentIndexChanged, this, &PipelineBoardView::applyFilters);
    connect(m_teamBox, &QComboBox::currentIndexChanged, this, &PipelineBoardView::applyFilters);
    connect(m_periodBox, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = Period(m_periodBox->currentData().toInt()) == Period::Custom;
        m_closeFirst->setVisible(custom);
        m_closeLast->setVisible(custom);
        applyFilters();
    });
    for (QDateEdit *edit : {m_closeFirst, m_closeLast})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (Period(m_periodBox->currentData().toInt()) == Period::Custom)
                applyFilters();
        });
    m_reloadSoon = new ReloadSoon(
        session.feed(), 250, [](const Change &c) { return c.entity == QLatin1String("opportunity"); }, [this] { reloadColumns(); },
        this);
    // Stages renamed, added or reordered: the columns themselves change.
    m_stagesSoon = new ReloadSoon(
        session.feed(), 250, [](const Change &c) { return c.entity == QLatin1String("pipeline"); }, [this] { reload(); }, this);
    connect(&session, &Session::actorChanged, this, &PipelineBoardView::reload);
    reload();
}

PipelineBoardView::~PipelineBoardView() = default;

void PipelineBoardView::reload()
{
    m_pipelinesPending = true;
    m_status->setText(tr("Loading…"));
    const Actor actor = m_session.actor();
    m_worker->run(
        this, [actor](Database &db) { return PipelineService(db).list(actor); },
        [this](Result<QVector<Pipeline>> pipelines) {
            m_pipelinesPending = false;
            if (!pipelines) {
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(pipelines.error())));
                checkLoaded();
                return;
            }
            showPipelines(*pipelines);
        });
    if (m_ownerBox->count() <= 2) {
        m_worker->run(
            this, [actor](Database &db) { return OrgService(db).users(actor, false); },
            [this](Result<QVector<User>> users) {
                if (users)
                    showUsers(*users);
            });
    }
    if (m_teamBox->count() <= 1) {
        m_worker->run(
            this, [](Database &db) { return OrgService(db).departments(); },
            [this](Result<QVector<Department>> departments) {
                if (departments)
                    showDepartments(*departments);
            });
    }
}

void PipelineBoardView::showDepartments(const QVector<Department> &departments)
{
    // The tree in order, each department under its parent and indented by its depth.
    const QSignalBlocker block(m_teamBox);
    std::function<void(std::optional<qint64>, int)> add = [&](std::optional<qint64> parent, int depth) {
        for (const Department &d : departments) {
            if (d.parentId != parent)
                continue;
            const QString name = QString(depth * 4, QLatin1Char(' ')) + d.name;
            if (const int index = m_teamBox->findData(d.id); index >= 0)
                m_teamBox->setItemText(index, name);
            else
                m_teamBox->addItem(name, d.id);
            if (depth < 32) // a cycle cannot exist (OrgService refuses one), but never loop forever
                add(d.id, depth + 1);
        }
    };
    add(std::nullopt, 0);
}

void PipelineBoardView::setTeamFilter(std::optional<qint64> departmentId)
{
    int index = departmentId ? m_teamBox->findData(*departmentId) : 0;
    if (index < 0) {
        m_teamBox->addItem(QString::number(*departmentId), *departmentId);
        index = m_teamBox->count() - 1;
    }
    m_teamBox->setCurrentIndex(index);
}

void PipelineBoardView::setCustomPeriod(const QDate &first, const QDate &last)
{
    {
        const QSignalBlocker a(m_closeFirst), b(m_closeLast);
        m_closeFirst->setDate(first);
        m_closeLast->setDate(last);
    }
    if (Period(m_periodBox->currentData().toInt()) == Period::Custom)
        applyFilters();
    else
        setPeriod(Period::Custom);
}

void PipelineBoardView::showStage(qint64 stageId)
{
    {
        // Back to the whole scope: the drill-down shows the stage as the dashboard counted it.
        const QSignalBlocker a(m_ownerBox), b(m_teamBox), c(m_periodBox);
        m_ownerBox->setCurrentIndex(0);
        m_teamBox->setCurrentIndex(0);
        m_periodBox->setCurrentIndex(0);
        m_closeFirst->setVisible(false);
        m_closeLast->setVisible(false);
    }
    m_highlightStage = stageId;
    m_pendingStage = stageId;
    for (const Pipeline &p : std::as_const(m_pipelines)) {
        for (const Stage &s : p.stages) {
            if (s.id != stageId)
                continue;
            m_pendingStage = 0;
            if (p.id != m_pipeline.id)
                setPipeline(p.id); // rebuilds the columns with the outline, applies the filters
            else
                applyFilters();
            highlightColumns();
            return;
        }
    }
    if (!m_pipelinesPending && !m_pipelines.isEmpty()) {
        // Not a stage of any pipeline (removed since the dashboard was read): the filters still reset.
        m_pendingStage = 0;
        applyFilters();
        highlightColumns();
    }
}

void PipelineBoardView::highlightColumns()
{
    for (const Column &c : std::as_const(m_columns)) {
        const bool on = m_highlightStage && c.model->stage().id == m_highlightStage;
        c.frame->setStyleSheet(on ? QStringLiteral("QFrame#stageColumn { border: 2px solid palette(highlight); border-radius: 4px; }")
                                  : QString());
        if (on) {
            QWidget *frame = c.frame;
            // After the layout has placed the new columns.
            QTimer::singleShot(0, this, [this, frame = QPointer<QWidget>(frame)] {
                if (frame)
                    m_scroll->ensureWidgetVisible(frame, 20, 0);
            });
        }
    }
}

void PipelineBoardView::showUsers(const QVector<User> &users)
{
    const Actor &a = m_session.actor();
    const QSignalBlocker block(m_ownerBox);
    // Owners in scope only: filtering by someone out of scope would always be empty.
    for (const User &u : users) {
        if (u.id == a.userId || !a.canSeeOwner(u.id))
            continue;
        const QString name = u.displayName.isEmpty() ? u.username : u.displayName;
        if (const int index = m_ownerBox->findData(u.id); index >= 0)
            m_ownerBox->setItemText(index, name); // chosen by setOwnerFilter() before the names came
        else
            m_ownerBox->addItem(name, u.id);
    }
}

void PipelineBoardView::showPipelines(const QVector<Pipeline> &pipelines)
{
    m_pipelines = pipelines;
    qint64 chosen = 0;
    for (const Pipeline &p : pipelines)
        if (p.id == m_pipeline.id || (!chosen && p.isDefault))
            chosen = p.id;
    if (!chosen && !pipelines.isEmpty())
        chosen = pipelines.first().id;
    {
        const QSignalBlocker block(m_pipelineBox);
        m_pipelineBox->clear();
        for (const Pipeline &p : pipelines)
            m_pipelineBox->addItem(SeedNames::pipeline(p.name), p.id);
        m_pipelineBox->setCurrentIndex(m_pipelineBox->findData(chosen));
    }
    if (m_pendingStage) {
        for (const Pipeline &p : pipelines)
            for (const Stage &s : p.stages)
                if (s.id == m_pendingStage)
                    chosen = p.id;
    }
    m_pipeline = Pipeline();
    setPipeline(chosen);
    m_pendingStage = 0;
}

void PipelineBoardView::setPipeline(qint64 pipelineId)
{
    for (const Pipeline &p : std::as_const(m_pipelines)) {
        if (p.id != pipelineId)
            continue;
        m_pipeline = p;
        {
            const QSignalBlocker block(m_pipelineBox);
            m_pipelineBox->setCurrentIndex(m_pipelineBox->findData(pipelineId));
        }
        rebuildColumns();
        applyFilters();
        return;
    }
    checkLoaded();
}

void PipelineBoardView::setOwnerFilter(std::optional<qint64> ownerId)
{
    const int index = ownerId ? m_ownerBox->findData(*ownerId) : 0;
    if (index < 0) {
        // Not listed yet (the users arrive after the board): list it, the scope still applies in SQL.
        m_ownerBox->addItem(QString::number(*ownerId), *ownerId);
        m_ownerBox->setCurrentIndex(m_ownerBox->count() - 1);
        return;
    }
    m_ownerBox->setCurrentIndex(index);
}

void PipelineBoardView::setPeriod(Period period)
{
    m_periodBox->setCurrentIndex(m_periodBox->findData(int(period)));
}

std::pair<QDate, QDate> PipelineBoardView::periodRange(Period period, const QDate &today)
{
    switch (period) {
    case Period::ThisMonth: {
        const QDate first(today.year(), today.month(), 1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case Period::NextMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case Period::ThisQuarter: {
        const QDate first(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
        return {first, first.addMonths(3).addDays(-1)};
    }
    case Period::Next90Days: return {today, today.addDays(90)};
    case Period::Any:
    case Period::Custom: break;
    }
    return {};
}

OpportunityFilter PipelineBoardView::filter() const
{
    OpportunityFilter f;
    f.pipelineId = m_pipeline.id;
    const QVariant owner = m_ownerBox->currentData();
    if (owner.isValid())
        f.ownerId = owner.toLongLong();
    const QVariant team = m_teamBox->currentData();
    if (team.isValid())
        f.departmentId = team.toLongLong();
    const Period period = Period(m_periodBox->currentData().toInt());
    if (period == Period::Custom) {
        f.expectedCloseFrom = std::min(m_closeFirst->date(), m_closeLast->date());
        f.expectedCloseTo = std::max(m_closeFirst->date(), m_closeLast->date());
        return f;
    }
    const auto [from, to] = periodRange(period, QDate::currentDate());
    f.expectedCloseFrom = from;
    f.expectedCloseTo = to;
    return f;
}

void PipelineBoardView::rebuildColumns()
{
    for (const Column &c : std::as_const(m_columns)) {
        c.frame->deleteLater();
        c.model->deleteLater();
    }
    m_columns.clear();
    for (const Stage &stage : std::as_const(m_pipeline.stages)) {
        Column c;
        const bool closed = stage.kind != QLatin1String("open");
        c.frame = new QFrame(m_columnsHost);
        c.frame->setObjectName(QStringLiteral("stageColumn"));
        c.frame->setFixedWidth(closed ? kClosedColumnWidth : kOpenColumnWidth);
        c.header = new QLabel(c.frame);
        c.header->setObjectName(QStringLiteral("stageHeader"));
        c.header->setWordWrap(true);
        c.model = new StageColumnModel(*m_worker, stage, this);
        c.model->setFetchEnabled(isVisible());
        c.view = new QListView(c.frame);
        c.view->setModel(c.model);
        c.view->setItemDelegate(m_delegate);
        // Same-size cards: the view lays out 5,000 of them without measuring each.
        c.view->setUniformItemSizes(true);
        c.view->setViewMode(QListView::ListMode);
        c.view->setMovement(QListView::Static);
        c.view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        c.view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        c.view->setSelectionMode(QAbstractItemView::SingleSelection);
        c.view->setDragDropMode(QAbstractItemView::DragDrop);
        c.view->setDefaultDropAction(Qt::MoveAction);
        c.view->setDragEnabled(true);
        c.view->setAcceptDrops(true);
        c.view->setDropIndicatorShown(true);
        if (closed)
            c.view->viewport()->setBackgroundRole(QPalette::AlternateBase);
        auto *layout = new QVBoxLayout(c.frame);
        layout->setContentsMargins(2, 2, 2, 2);
        layout->addWidget(c.header);
        layout->addWidget(c.view, 1);
        m_columnsLayout->insertWidget(m_columnsLayout->count() - 1, c.frame);

        connect(c.model, &StageColumnModel::moveRequested, this,
                [this](qint64 id, int version, qint64, qint64 toStageId) { requestMove(id, toStageId, version); });
        connect(c.model, &StageColumnModel::pageLoaded, this, &PipelineBoardView::checkLoaded);
        // activated: a double-click, or Enter on the current card.
        connect(c.view, &QListView::activated, this, [this](const QModelIndex &index) {
            Q_EMIT openOpportunity(index.data(StageColumnModel::IdRole).toLongLong());
        });
        m_columns.append(c);
    }
    updateHeaders();
    highlightColumns();
}

void PipelineBoardView::applyFilters()
{
    if (!m_pipeline.id)
        return;
    const OpportunityFilter f = filter();
    const Actor actor = m_session.actor();
    loadSums();
    for (const Column &c : std::as_const(m_columns))
        c.model->setQuery(actor, f);
}

void PipelineBoardView::reloadColumns()
{
    if (!m_pipeline.id)
        return;
    m_reloadSoon->cancel();
    loadSums();
    for (const Column &c : std::as_const(m_columns))
        c.model->reload();
}

void PipelineBoardView::loadSums()
{
    m_sumsPending = true;
    const int generation = ++m_sumsGeneration;
    const Actor actor = m_session.actor();
    const OpportunityFilter f = filter();
    const QVector<Stage> stages = m_pipeline.stages;
    m_worker->run(
        this,
        [actor, f, stages](Database &db) -> Result<BoardSums> {
            OpportunityService svc(db);
            auto summary = svc.pipelineSummary(actor, *f.pipelineId, f.ownerId, f.departmentId);
            if (!summary)
                return summary.error();
            BoardSums sums{*summary, {}};
            // The summary has no close date bound: with a period, each stage's count in the period
            // is counted separately (one indexed COUNT per stage).
            if (f.expectedCloseFrom.isValid()) {
                for (const Stage &s : stages) {
                    OpportunityFilter one = f;
                    one.stageId = s.id;
                    auto n = svc.count(actor, one);
                    if (!n)
                        return n.error();
                    sums.periodCounts.insert(s.id, *n);
                }
            }
            return sums;
        },
        [this, generation](Result<BoardSums> sums) {
            if (generation != m_sumsGeneration)
                return;
            m_sumsPending = false;
            if (!sums) {
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(sums.error())));
            } else {
                m_summary = sums->summary;
                m_periodCounts = sums->periodCounts;
                if (m_status->text() == tr("Loading…"))
                    m_status->clear();
            }
            updateHeaders();
            checkLoaded();
        });
}

QString PipelineBoardView::headerText(qint64 stageId) const
{
    const Stage *stage = stageById(stageId);
    if (!stage)
        return QString();
    const StageSummary *sum = nullptr;
    if (m_summary.pipelineId == m_pipeline.id)
        for (const StageSummary &s : m_summary.stages)
            if (s.stage.id == stageId)
                sum = &s;
    QString text = SeedNames::stage(stage->name);
    if (!sum)
        return text;
    text += QLatin1Char('\n') + tr("%n opportunity(ies)", nullptr, int(sum->count));
    if (m_summary.hiddenFields.contains(QStringLiteral("amountMinor"))) {
        text += QLatin1Char('\n') + tr("Total hidden");
    } else {
        text += QLatin1Char('\n') + tr("Total %1").arg(DisplayFormat::money(sum->amountMinor));
        if (!m_summary.hiddenFields.contains(QStringLiteral("probability")))
            text += QLatin1Char('\n') + tr("Weighted %1").arg(DisplayFormat::money(sum->weightedMinor));
    }
    if (m_periodCounts.contains(stageId))
        text += QLatin1Char('\n') + tr("%n closing in the period", nullptr, int(m_periodCounts.value(stageId)));
    return text;
}

void PipelineBoardView::updateHeaders()
{
    for (const Column &c : std::as_const(m_columns))
        c.header->setText(headerText(c.model->stage().id));
}

void PipelineBoardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Only a shown list knows which cards are on screen: more pages are read only for those.
    for (const Column &c : std::as_const(m_columns))
        c.model->setFetchEnabled(true);
}

void PipelineBoardView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    for (const Column &c : std::as_const(m_columns))
        c.model->setFetchEnabled(false);
}

StageColumnModel *PipelineBoardView::columnModel(int index) const
{
    return index >= 0 && index < m_columns.size() ? m_columns[index].model : nullptr;
}

QListView *PipelineBoardView::columnView(int index) const
{
    return index >= 0 && index < m_columns.size() ? m_columns[index].view : nullptr;
}

StageColumnModel *PipelineBoardView::columnForStage(qint64 stageId) const
{
    for (const Column &c : m_columns)
        if (c.model->stage().id == stageId)
            return c.model;
    return nullptr;
}

const Stage *PipelineBoardView::stageById(qint64 stageId) const
{
    for (const Stage &s : m_pipeline.stages)
        if (s.id == stageId)
            return &s;
    return nullptr;
}

QString PipelineBoardView::statusText() const
{
    return m_status->text();
}

bool PipelineBoardView::isLoading() const
{
    if (m_pipelinesPending || m_sumsPending)
        return true;
    for (const Column &c : m_columns)
        if (c.model->isLoading())
            return true;
    return false;
}

void PipelineBoardView::checkLoaded()
{
    if (!isLoading())
        Q_EMIT loaded();
}

std::optional<QString> PipelineBoardView::askLossReason(const Stage &stage)
{
    if (m_lossReason)
        return m_lossReason();
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Mark as lost"), tr("Why was it lost (moving to “%1”)?").arg(SeedNames::stage(stage.name)),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return reason;
}

void PipelineBoardView::requestMove(qint64 opportunityId, qint64 toStageId, std::optional<int> expectedVersion)
{
    const Stage *target = stageById(toStageId);
    StageColumnModel *source = nullptr;
    for (const Column &c : std::as_const(m_columns)) {
        const int row = c.model->rowOf(opportunityId);
        if (row < 0)
            continue;
        source = c.model;
        if (!expectedVersion)
            expectedVersion = c.model->opportunityAt(row).version;
        break;
    }
    if (!target) {
        const QString message = tr("That stage is not in this pipeline.");
        m_status->setText(message);
        Q_EMIT moveFinished(false, message);
        return;
    }
    if (source && source->stage().id == toStageId)
        return;
    QString lossReason;
    if (target->kind == QLatin1String("lost")) {
        const auto reason = askLossReason(*target);
        if (!reason || reason->trimmed().isEmpty()) {
            const QString message = tr("Not moved: a lost opportunity needs a reason.");
            m_status->setText(message);
            Q_EMIT moveFinished(false, message);
            return;
        }
        lossReason = reason->trimmed();
    }
    m_status->setText(tr("Moving…"));
    const Actor actor = m_session.actor();
    const QString stageName = SeedNames::stage(target->name);
    const QPointer<StageColumnModel> from(source);
    m_worker->run(
        this,
        [actor, opportunityId, toStageId, expectedVersion, lossReason](Database &db) -> Result<std::pair<Opportunity, Opportunity>> {
            OpportunityService svc(db);
            auto before = svc.get(actor, opportunityId); // where undo takes it back to, with its loss reason
            if (!before)
                return before.error();
            auto after = svc.moveStage(actor, opportunityId, toStageId, expectedVersion, lossReason);
            if (!after)
                return after.error();
            return std::pair{*before, *after};
        },
        [this, actor, from, toStageId, stageName, lossReason](Result<std::pair<Opportunity, Opportunity>> result) {
            if (result) {
                const auto &[before, moved] = *result;
                // The change feed reloads the columns and their sums.
                const QString message = tr("Moved “%1” to %2.").arg(moved.name, stageName);
                m_status->setText(message);
                auto version = std::make_shared<int>(moved.version);
                auto step = [actor, id = moved.id, version](qint64 stage, const QString &reason) {
                    return [actor, id, version, stage, reason](Database &db) -> Status {
                        auto r = OpportunityService(db).moveStage(actor, id, stage, *version, reason);
                        if (!r)
                            return r.error();
                        *version = r->version;
                        return {};
                    };
                };
                m_session.undoHistory().push(tr("Move “%1” to %2").arg(moved.name, stageName),
                                             step(before.stageId, before.lossReason), step(toStageId, lossReason));
                Q_EMIT moveFinished(true, message);
                return;
            }
            const QString message = tr("Not moved: %1").arg(ErrorText::message(result.error()));
            m_status->setText(message);
            // The card goes back: its column (and the one it was dropped on) are read again as stored.
            if (from)
                from->reload();
            if (StageColumnModel *to = columnForStage(toStageId))
                to->reload();
            Q_EMIT moveFinished(false, message);
        });
}

} // namespace crm
