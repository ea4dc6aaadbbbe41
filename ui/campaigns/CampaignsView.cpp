#include "ui/campaigns/CampaignsView.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/analytics/AnalyticsService.h"
#include "core/security/Permission.h"
#include "core/services/CampaignService.h"
#include "core/services/FeedbackService.h"
#include "core/services/OrgService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/UiSettings.h"
#include "ui/campaigns/CampaignDialog.h"
#include "ui/campaigns/CampaignTableModel.h"
#include "ui/campaigns/ParticipantTableModel.h"
#include "ui/campaigns/ResponseDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace crm {

namespace {

const QString kTableKey = QStringLiteral("campaigns");
const QString kParticipantTableKey = QStringLiteral("campaignParticipants");

// Fixed row heights, tall enough for CJK glyphs: the views never measure the rows.
void setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 12);
    table->verticalHeader()->hide();
    QHeaderView *header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
}

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setToolButtonStyle(action->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonTextBesideIcon);
    return button;
}

QString userLabel(const User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}

} // namespace

CampaignsView::CampaignsView(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new CampaignTableModel(session.worker(), this)),
      m_participants(new ParticipantTableModel(session.worker(), this)), m_table(new QTableView(this)),
      m_participantTable(new QTableView(this))
{
    m_table->setObjectName(QStringLiteral("campaignTable"));
    m_table->setModel(m_model);
    setUpTable(m_table);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    {
        QHeaderView *header = m_table->horizontalHeader();
        const int widths[] = {220, 90, 100, 100, 240, 140, 120};
        for (int c = 0; c < CampaignTableModel::ColumnCount; ++c)
            header->resizeSection(c, widths[c]);
        header->restoreState(UiSettings().tableState(kTableKey));
    }
    m_participantTable->setObjectName(QStringLiteral("participantTable"));
    m_participantTable->setModel(m_participants);
    setUpTable(m_participantTable);
    {
        QHeaderView *header = m_participantTable->horizontalHeader();
        const int widths[] = {220, 90, 280, 140, 140};
        for (int c = 0; c < ParticipantTableModel::ColumnCount; ++c)
            header->resizeSection(c, widths[c]);
        header->restoreState(UiSettings().tableState(kParticipantTableKey));
    }

    auto *title = new QLabel(tr("Campaigns"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);

    buildActions();

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All statuses"), QString());
    for (const QString &code : CampaignService::statuses())
        m_status->addItem(CampaignTableModel::statusLabel(code), code);
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_status, &QComboBox::currentIndexChanged, this, &CampaignsView::applyFilter);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("campaignCount"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    for (QAction *a : {m_new, m_edit, m_delete})
        top->addWidget(toolButton(a, this));
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addStretch();
    filters->addWidget(m_count);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("campaignSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(buildDetails());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_notice);

    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            editSelected();
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_table->indexAt(pos).isValid())
            return;
        QMenu menu;
        menu.addActions({m_edit, m_addFromTarget});
        menu.addSeparator();
        menu.addAction(m_delete);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CampaignsView::onCampaignSelected);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (!m_keepSelected)
            if (const auto campaign = selectedCampaign())
                m_keepSelected = campaign->id;
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // The same campaign stays selected across a reload (the feed reloads after every write).
        if (m_keepSelected)
            if (const int row = m_model->rowOf(std::exchange(m_keepSelected, 0)); row >= 0)
                m_table->selectRow(row);
        // A reset clears the selection without a signal: the pane follows what is selected now (the
        // fresh copy of the same campaign, or nothing when it is gone).
        onCampaignSelected();
    });
    connect(m_model, &CampaignTableModel::loaded, this, [this] {
        updateCount();
        if (!m_model->lastError().isEmpty())
            m_notice->setText(tr("Loading failed: %1").arg(m_model->lastError()));
    });

    connect(m_participantTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            openSelectedCustomer();
    });
    connect(m_participantTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const auto p = selectedParticipant();
        m_keepParticipant = p ? std::pair(p->campaignId, p->customerId) : std::pair<qint64, qint64>(0, 0);
        updateActions();
    });
    connect(m_participants, &QAbstractItemModel::modelReset, this, [this] {
        // A reload (a response recorded, a change elsewhere) keeps the participant selected; a reset
        // clears the selection without a signal, so what was selected is still remembered here.
        if (m_keepParticipant.first && m_keepParticipant.first == m_participants->campaignId())
            selectParticipant(m_keepParticipant.second);
        updateActions();
    });
    connect(m_participants, &ParticipantTableModel::loaded, this, [this] {
        if (!m_participants->lastError().isEmpty())
            m_notice->setText(tr("Loading failed: %1").arg(m_participants->lastError()));
    });

    // Live updates. CampaignService publishes "campaign" for every write (created, updated, deleted;
    // adding participants and recording a response are updates of their campaign), FeedbackService
    // "feedback" (its id is the feedback's, not the campaign's), CustomerService "customer" (a name,
    // an owner or a deletion changes who takes part as this user sees it).
    m_reloadSoon = new ReloadSoon(
        session.feed(), 250, [](const Change &c) { return c.entity == QLatin1String("campaign"); }, [this] { m_model->reload(); },
        this);
    m_detailsSoon = new ReloadSoon(
        session.feed(), 250,
        [this](const Change &c) {
            return m_detailsId
                   && (c.entity == QLatin1String("campaign") ? c.id == m_detailsId
                                                             : c.entity == QLatin1String("feedback")
                                                                   || c.entity == QLatin1String("customer"));
        },
        [this] { reloadDetails(); }, this);
    // A new scope (role or department changed): the same campaign's participants as the user now
    // sees them. A change of permissions rebuilds the whole view (MainWindow).
    connect(&session, &Session::actorChanged, this, [this] {
        applyFilter();
        loadUsers();
        const qint64 id = std::exchange(m_detailsId, 0);
        m_keepSelected = id;
        onCampaignSelected();
    });

    auto *create = new QShortcut(QKeySequence::New, this);
    connect(create, &QShortcut::activated, this, &CampaignsView::newCampaign);
    auto *del = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &CampaignsView::deleteSelected);

    loadUsers();
    applyFilter();
    showCampaign(std::nullopt);
    updateActions();
}

CampaignsView::~CampaignsView()
{
    UiSettings settings;
    settings.setTableState(kTableKey, m_table->horizontalHeader()->saveState());
    settings.setTableState(kParticipantTableKey, m_participantTable->horizontalHeader()->saveState());
}

void CampaignsView::buildActions()
{
    m_new = new QAction(QIcon(QStringLiteral(":/icons/add.svg")), tr("New campaign"), this);
    m_new->setObjectName(QStringLiteral("newCampaign"));
    m_new->setToolTip(tr("New campaign (Ctrl+N)"));
    m_edit = new QAction(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editCampaign"));
    m_delete = new QAction(tr("Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteCampaign"));
    m_addFromTarget = new QAction(tr("Add customers from target"), this);
    m_addFromTarget->setObjectName(QStringLiteral("addFromTarget"));
    m_addFromTarget->setToolTip(tr("Adds the customers you can see that match the campaign's target group; "
                                   "those already taking part are left as they are"));
    m_record = new QAction(tr("Record response…"), this);
    m_record->setObjectName(QStringLiteral("recordResponse"));
    m_openCustomer = new QAction(tr("Open customer"), this);
    m_openCustomer->setObjectName(QStringLiteral("openParticipant"));
    connect(m_new, &QAction::triggered, this, &CampaignsView::newCampaign);
    connect(m_edit, &QAction::triggered, this, &CampaignsView::editSelected);
    connect(m_delete, &QAction::triggered, this, &CampaignsView::deleteSelected);
    connect(m_addFromTarget, &QAction::triggered, this, &CampaignsView::addFromTarget);
    connect(m_record, &QAction::triggered, this, &CampaignsView::recordResponseForSelected);
    connect(m_openCustomer, &QAction::triggered, this, &CampaignsView::openSelectedCustomer);
}

QWidget *CampaignsView::buildDetails()
{
    m_details = new QWidget(this);
    m_details->setObjectName(QStringLiteral("campaignDetails"));
    m_detailsTitle = new QLabel(m_details);
    m_detailsTitle->setObjectName(QStringLiteral("detailsTitle"));
    QFont bold = m_detailsTitle->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_detailsTitle->setFont(bold);
    m_detailsTitle->setWordWrap(true);
    m_detailsInfo = new QLabel(m_details);
    m_detailsInfo->setObjectName(QStringLiteral("detailsInfo"));
    m_detailsInfo->setWordWrap(true);
    m_detailsTarget = new QLabel(m_details);
    m_detailsTarget->setObjectName(QStringLiteral("detailsTarget"));
    m_detailsTarget->setWordWrap(true);

    auto stat = [this](const char *name) {
        auto *label = new QLabel(m_details);
        label->setObjectName(QLatin1String(name));
        return label;
    };
    m_statParticipants = stat("statParticipants");
    m_statInvited = stat("statInvited");
    m_statResponded = stat("statResponded");
    m_statConverted = stat("statConverted");
    m_statDeclined = stat("statDeclined");
    m_feedbackLabel = stat("feedbackSummary");
    m_effectLabel = stat("effect");
    // What came of it in sales: reports' figures, for those who may read reports.
    m_effectLabel->setVisible(m_session.actor().can(Permission::ReportRead));
    // Averages only count customers in the viewer's scope, like the participant counts.
    m_feedbackLabel->setVisible(m_session.actor().can(Permission::FeedbackRead));

    m_participantStatus = new QComboBox(m_details);
    m_participantStatus->setObjectName(QStringLiteral("participantStatusFilter"));
    m_participantStatus->addItem(tr("All participants"), QString());
    for (const QString &code : CampaignService::participantStatuses())
        m_participantStatus->addItem(CampaignTableModel::participantStatusLabel(code), code);
    m_participantStatus->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_participantStatus, &QComboBox::currentIndexChanged, this, [this] {
        m_participants->setQuery(m_session.actor(), m_detailsId, m_participantStatus->currentData().toString());
    });

    auto *stats = new QHBoxLayout;
    for (QLabel *l : {m_statParticipants, m_statInvited, m_statResponded, m_statConverted, m_statDeclined}) {
        stats->addWidget(l);
        stats->addSpacing(16);
    }
    stats->addWidget(m_effectLabel);
    stats->addStretch();
    stats->addWidget(m_feedbackLabel);

    auto *participantBar = new QHBoxLayout;
    participantBar->addWidget(new QLabel(tr("Participants:"), m_details));
    participantBar->addWidget(m_participantStatus);
    participantBar->addStretch();
    for (QAction *a : {m_addFromTarget, m_record, m_openCustomer})
        participantBar->addWidget(toolButton(a, m_details));

    auto *layout = new QVBoxLayout(m_details);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_detailsTitle);
    layout->addWidget(m_detailsInfo);
    layout->addWidget(m_detailsTarget);
    layout->addLayout(stats);
    layout->addLayout(participantBar);
    layout->addWidget(m_participantTable, 1);
    return m_details;
}

void CampaignsView::setStatusFilter(const QString &status)
{
    if (const int i = m_status->findData(status); i >= 0)
        m_status->setCurrentIndex(i);
}

void CampaignsView::setParticipantStatusFilter(const QString &status)
{
    if (const int i = m_participantStatus->findData(status); i >= 0)
        m_participantStatus->setCurrentIndex(i);
}

void CampaignsView::applyFilter()
{
    m_count->setText(tr("Loading…"));
    m_model->setQuery(m_session.actor(), m_status->currentData().toString());
}

void CampaignsView::loadUsers()
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor](Database &db) { return OrgService(db).users(actor, true); },
        [this](Result<QVector<User>> users) {
            if (!users)
                return;
            m_users.clear();
            for (const User &u : users.value())
                if (m_session.actor().canSeeOwner(u.id))
                    m_users << u;
            showCampaign(selectedCampaign());
        });
}

void CampaignsView::updateCount()
{
    if (m_model->isLoading() && m_model->rowCount() == 0)
        return;
    // CampaignService has no count: say what is loaded, and that more follow when they do.
    const int rows = m_model->rowCount();
    m_count->setText(m_model->hasMore() ? tr("%n campaign(s) shown, more below", nullptr, rows)
                                        : tr("%n campaign(s)", nullptr, rows));
}

std::optional<Campaign> CampaignsView::selectedCampaign() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->campaignAt(rows.first().row());
}

void CampaignsView::selectCampaign(qint64 campaignId)
{
    if (const int row = m_model->rowOf(campaignId); row >= 0)
        m_table->selectRow(row);
}

std::optional<CampaignParticipant> CampaignsView::selectedParticipant() const
{
    const QModelIndexList rows = m_participantTable->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_participants->rowCount())
        return std::nullopt;
    return m_participants->participantAt(rows.first().row());
}

void CampaignsView::selectParticipant(qint64 customerId)
{
    if (const int row = m_participants->rowOf(customerId); row >= 0)
        m_participantTable->selectRow(row);
}

QString CampaignsView::notice() const
{
    return m_notice->text();
}

bool CampaignsView::isLoadingDetails() const
{
    return m_detailsLoading || m_participants->isLoading();
}

void CampaignsView::onCampaignSelected()
{
    const auto campaign = selectedCampaign();
    const qint64 id = campaign ? campaign->id : 0;
    if (id != m_detailsId) {
        m_detailsId = id;
        m_participants->setQuery(m_session.actor(), id, m_participantStatus->currentData().toString());
        loadDetails();
    }
    showCampaign(campaign);
    updateActions();
}

QString CampaignsView::targetText(const CampaignTarget &t) const
{
    if (t.isEmpty())
        return tr("Target: every customer in the scope of whoever adds them");
    QStringList parts;
    if (!t.statuses.isEmpty()) {
        QStringList labels;
        for (const QString &s : t.statuses)
            labels << DisplayFormat::customerStatus(s);
        parts << tr("status %1").arg(labels.join(tr(", ")));
    }
    if (!t.tag.isEmpty())
        parts << tr("tag “%1”").arg(t.tag);
    if (!t.group.isEmpty())
        parts << tr("group “%1”").arg(t.group);
    if (!t.source.isEmpty())
        parts << tr("source “%1”").arg(t.source);
    if (!t.province.isEmpty())
        parts << tr("province %1").arg(t.province);
    if (!t.city.isEmpty())
        parts << tr("city %1").arg(t.city);
    if (t.ownerId) {
        QString owner = tr("user #%1").arg(*t.ownerId);
        for (const User &u : m_users)
            if (u.id == *t.ownerId)
                owner = userLabel(u);
        parts << tr("owner %1").arg(owner);
    }
    return tr("Target: %1").arg(parts.join(tr("; ")));
}

void CampaignsView::showCampaign(const std::optional<Campaign> &campaign)
{
    if (!campaign) {
        m_detailsTitle->setText(tr("Select a campaign to see its participants and results."));
        for (QLabel *l : {m_detailsInfo, m_detailsTarget, m_statParticipants, m_statInvited, m_statResponded, m_statConverted,
                          m_statDeclined, m_feedbackLabel, m_effectLabel})
            l->clear();
        return;
    }
    const Campaign &c = *campaign;
    m_detailsTitle->setText(c.name);
    QStringList info{CampaignTableModel::statusLabel(c.status)};
    if (c.startDate.isValid() || c.endDate.isValid())
        info << tr("%1 to %2").arg(c.startDate.isValid() ? CampaignTableModel::dateText(c.startDate) : tr("open"),
                                   c.endDate.isValid() ? CampaignTableModel::dateText(c.endDate) : tr("open"));
    info << tr("Budget %1 %2").arg(DisplayFormat::money(c.budgetMinor), c.currency);
    if (!c.goal.isEmpty())
        info << tr("Goal: %1").arg(c.goal);
    m_detailsInfo->setText(info.join(QStringLiteral(" · ")));
    m_detailsInfo->setToolTip(c.description);
    m_detailsTarget->setText(targetText(c.target));
}

void CampaignsView::loadDetails()
{
    const int generation = ++m_detailsGeneration;
    if (!m_detailsId) {
        m_detailsLoading = false;
        m_stats = {};
        m_feedback.reset();
        m_effect.reset();
        Q_EMIT detailsLoaded();
        return;
    }
    m_detailsLoading = true;
    struct Details
    {
        CampaignStats stats;
        std::optional<ScoreSummary> feedback;
        std::optional<CampaignEffect> effect;
        QString currency;
    };
    const Actor actor = m_session.actor();
    const int utcOffset = QDateTime::currentDateTime().offsetFromUtc() / 60;
    m_session.worker().run(
        this,
        [actor, id = m_detailsId, utcOffset](Database &db) -> Result<Details> {
            Details d;
            auto stats = CampaignService(db).stats(actor, id);
            if (!stats)
                return stats.error();
            d.stats = *stats;
            if (actor.can(Permission::FeedbackRead)) {
                auto feedback = FeedbackService(db).averageForCampaign(actor, id);
                if (!feedback)
                    return feedback.error();
                d.feedback = *feedback;
            }
            // The deals participants won after joining, since the campaign began (none before it has).
            if (actor.can(Permission::ReportRead)) {
                AnalyticsService analytics(db);
                auto effect = analytics.campaignEffectSoFar(actor, id, utcOffset);
                if (!effect)
                    return effect.error();
                d.effect = *effect;
                auto currency = analytics.currency();
                if (!currency)
                    return currency.error();
                d.currency = *currency;
            }
            return d;
        },
        [this, generation](Result<Details> details) {
            if (generation != m_detailsGeneration)
                return; // another campaign was selected, or a newer read is on its way
            m_detailsLoading = false;
            if (!details) {
                // A campaign deleted meanwhile: the list drops it through the feed, the notice keeps
                // saying what happened last.
                if (details.error().code != QLatin1String("not_found"))
                    m_notice->setText(tr("Loading failed: %1").arg(ErrorText::message(details.error())));
                Q_EMIT detailsLoaded();
                return;
            }
            m_stats = details->stats;
            m_feedback = details->feedback;
            m_effect = details->effect;
            if (m_effect)
                m_effectLabel->setText(tr("Won after joining: %n deal(s), %1", nullptr, int(m_effect->wonDeals))
                                           .arg(DisplayFormat::money(m_effect->wonAmountMinor) + QLatin1Char(' ') + details->currency));
            else
                m_effectLabel->clear();
            m_statParticipants->setText(tr("Participants: %1").arg(m_stats.participants));
            m_statInvited->setText(tr("Invited: %1").arg(m_stats.invited));
            m_statResponded->setText(tr("Responded: %1").arg(m_stats.responded));
            m_statConverted->setText(tr("Converted: %1").arg(m_stats.converted));
            m_statDeclined->setText(tr("Declined: %1").arg(m_stats.declined));
            if (!m_feedback)
                m_feedbackLabel->clear();
            else if (m_feedback->count == 0)
                m_feedbackLabel->setText(tr("Feedback: no scores yet"));
            else
                m_feedbackLabel->setText(tr("Feedback: %1 from %n score(s)", nullptr, int(m_feedback->count))
                                             .arg(DisplayFormat::money(m_feedback->averageX100))); // hundredths: "4.67"
            Q_EMIT detailsLoaded();
        });
}

void CampaignsView::reloadDetails()
{
    if (!m_detailsId)
        return;
    m_participants->reload();
    loadDetails();
}

void CampaignsView::updateActions()
{
    const Actor &a = m_session.actor();
    const bool write = a.can(Permission::CampaignWrite);
    const bool selected = selectedCampaign().has_value();
    const bool participant = selectedParticipant().has_value();
    m_new->setEnabled(write);
    m_edit->setEnabled(write && selected);
    m_delete->setEnabled(write && selected);
    m_addFromTarget->setEnabled(write && selected);
    // CampaignService::recordResponse: campaign.write, or customer.write for a rep's own customer
    // (every participant listed is in the user's scope).
    m_record->setEnabled(participant && (write || a.can(Permission::CustomerWrite)));
    m_openCustomer->setEnabled(participant && a.can(Permission::CustomerRead));
}

void CampaignsView::report(bool ok, const QString &message)
{
    m_notice->setText(message);
    Q_EMIT actionFinished(ok, message);
}

void CampaignsView::newCampaign()
{
    if (!m_new->isEnabled())
        return;
    openDialog(Campaign{});
}

void CampaignsView::editSelected()
{
    const auto campaign = selectedCampaign();
    if (!campaign || !m_edit->isEnabled())
        return;
    openDialog(*campaign);
}

void CampaignsView::openDialog(const Campaign &campaign)
{
    auto *dialog = new CampaignDialog(m_session, campaign, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CampaignDialog::submitted, this, [this, dialog] { save(dialog); });
    dialog->open();
}

void CampaignsView::save(CampaignDialog *dialog)
{
    if (!dialog->budgetMinor()) {
        dialog->showError(tr("The budget must be an amount with at most two decimals, such as 1200.50."));
        return;
    }
    const Campaign original = dialog->original();
    const Campaign values = dialog->values();
    const QSet<QString> fields = dialog->changedFields();
    if (original.id && fields.isEmpty()) {
        dialog->accept();
        return;
    }
    dialog->setBusy(true);
    dialog->showError({});
    const Actor actor = m_session.actor();
    QPointer<CampaignDialog> guard(dialog);
    m_session.worker().run(
        this,
        [actor, original, values, fields](Database &db) -> Result<Campaign> {
            CampaignService svc(db);
            if (!original.id)
                return svc.create(actor, values);
            // Only what the user changed, with the version the dialog loaded: a change made meanwhile
            // by someone else is refused, never overwritten.
            return svc.update(actor, original.id, values, fields, original.version);
        },
        [this, guard, actor, isNew = original.id == 0](Result<Campaign> result) {
            if (!guard)
                return;
            guard->setBusy(false);
            if (result) {
                m_keepSelected = result->id;
                report(true, isNew ? tr("Campaign “%1” created.").arg(result->name)
                                   : tr("Campaign “%1” saved.").arg(result->name));
                guard->accept();
                return;
            }
            const Error error = result.error();
            if (error.code != QLatin1String("conflict.version")) {
                guard->showError(ErrorText::message(error));
                return;
            }
            // Stale: read the campaign again so that the user sees what it is now and applies the
            // change anew.
            guard->showError(ErrorText::message(error) + QLatin1Char('\n') + tr("The campaign's current values are shown now."));
            report(false, ErrorText::message(error));
            m_model->reload();
            m_session.worker().run(
                this, [actor, id = guard->original().id](Database &db) { return CampaignService(db).get(actor, id); },
                [guard](Result<Campaign> fresh) {
                    if (guard && fresh)
                        guard->setCampaign(*fresh);
                });
        });
}

void CampaignsView::deleteSelected()
{
    const auto campaign = selectedCampaign();
    if (!campaign || !m_delete->isEnabled())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete campaign"),
                                tr("Delete the campaign “%1” and its list of participants? This cannot be undone.")
                                    .arg(campaign->name),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setInformativeText(tr("Feedback customers gave for it is kept."));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, campaign = *campaign] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            remove(campaign);
    });
    box->open();
}

void CampaignsView::remove(const Campaign &campaign)
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor, id = campaign.id](Database &db) { return CampaignService(db).remove(actor, id); },
        [this, name = campaign.name](Status status) {
            if (!status) {
                report(false, ErrorText::message(status.error()));
                return;
            }
            // The list follows through the change feed.
            report(true, tr("Campaign “%1” deleted.").arg(name));
        });
}

void CampaignsView::addFromTarget()
{
    const auto campaign = selectedCampaign();
    if (!campaign || !m_addFromTarget->isEnabled())
        return;
    if (!campaign->target.isEmpty()) {
        addParticipants(*campaign);
        return;
    }
    // An empty target is every customer the user can see: worth a question before thousands are added.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Add customers"),
                                tr("“%1” has no target group: this adds every customer you can see. Add them all?")
                                    .arg(campaign->name),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmAddAll"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, campaign = *campaign] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            addParticipants(campaign);
    });
    box->open();
}

void CampaignsView::addParticipants(const Campaign &campaign)
{
    const Actor actor = m_session.actor();
    m_addFromTarget->setEnabled(false); // one at a time; updateActions() gives it back
    m_session.worker().run(
        this, [actor, id = campaign.id](Database &db) { return CampaignService(db).addParticipantsFromFilter(actor, id); },
        [this, name = campaign.name](Result<qint64> added) {
            updateActions();
            if (!added) {
                report(false, ErrorText::message(added.error()));
                return;
            }
            // The pane follows through the change feed (the campaign is published as updated).
            report(true, *added ? tr("%n customer(s) added to “%1”.", nullptr, int(*added)).arg(name)
                                : tr("No customers added to “%1”: everyone matching its target already takes part.").arg(name));
        });
}

void CampaignsView::recordResponseForSelected()
{
    const auto participant = selectedParticipant();
    if (!participant || !m_record->isEnabled())
        return;
    recordResponse(*participant);
}

void CampaignsView::recordResponse(const CampaignParticipant &participant)
{
    auto *dialog = new ResponseDialog(participant, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ResponseDialog::submitted, this, [this, dialog] {
        dialog->setBusy(true);
        const Actor actor = m_session.actor();
        QPointer<ResponseDialog> guard(dialog);
        m_session.worker().run(
            this,
            [actor, p = dialog->participant(), code = dialog->status(), answer = dialog->response()](Database &db) {
                return CampaignService(db).recordResponse(actor, p.campaignId, p.customerId, code, answer);
            },
            [this, guard](Result<CampaignParticipant> result) {
                if (!guard)
                    return;
                guard->setBusy(false);
                if (!result) {
                    guard->showError(ErrorText::message(result.error()));
                    return;
                }
                // The table and the counts follow through the change feed.
                report(true, tr("Response of “%1” recorded: %2.")
                                 .arg(guard->customerName(), CampaignTableModel::participantStatusLabel(result->status)));
                guard->accept();
            });
    });
    dialog->open();
}

void CampaignsView::openSelectedCustomer()
{
    const auto participant = selectedParticipant();
    if (!participant || !m_openCustomer->isEnabled())
        return;
    Q_EMIT openCustomer(participant->customerId);
}

} // namespace crm
