#include "ui/MainWindow.h"

#include "core/security/Permission.h"
#include "ui/DisplayFormat.h"
#include "ui/EmbeddedServer.h"
#include "ui/Session.h"
#include "ui/UiResources.h"
#include "ui/UiSettings.h"
#include "ui/campaigns/CampaignsView.h"
#include "ui/customers/CustomerDialog.h"
#include "ui/customers/CustomerPickerDialog.h"
#include "ui/customers/CustomersView.h"
#include "ui/dashboard/ActivitiesDialog.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/leads/LeadsView.h"
#include "ui/pipeline/DealsDialog.h"
#include "ui/pipeline/OpportunityDialog.h"
#include "ui/pipeline/PipelineBoardView.h"
#include "ui/reports/ReportsView.h"
#include "ui/undo/UndoHistory.h"
#include "ui/tasks/TaskReminder.h"
#include "ui/tasks/TasksView.h"
#include "ui/settings/SettingsView.h"
#include "ui/team/TeamView.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

namespace crm {

MainWindow::MainWindow(Session &session, EmbeddedServer *server, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_server(server)
{
    initUiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CRM Workstation"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/crm.svg")));

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    // Wide enough for the longest label in either language (Chinese labels are short, English longer).
    m_navigation->setFixedWidth(168);
    m_navigation->setStyleSheet(QStringLiteral("QListWidget { background: palette(window); font-size: 11pt; }"
                                               "QListWidget::item { padding: 8px 6px; }"));
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("views"));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_userLabel = new QLabel(this);
    m_serverLabel = new QLabel(this);
    m_serverLabel->setObjectName(QStringLiteral("serverStatus"));
    statusBar()->addWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_serverLabel);

    buildMenus();
    buildViews();
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(&m_session, &Session::actorChanged, this, &MainWindow::updateStatus);
    // Which views exist and what their buttons allow follow the permissions when they are built; a
    // change of role or permissions rebuilds them at once (scope changes the views follow themselves).
    connect(&m_session, &Session::actorChanged, this, [this] {
        if (m_session.actor().permissions != m_builtFor)
            rebuildViews(tr("Your permissions changed: the views were updated."));
    });
    connect(&m_session.undoHistory(), &UndoHistory::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
    });
    if (m_server)
        connect(m_server, &EmbeddedServer::stateChanged, this, &MainWindow::updateStatus);
    updateStatus();
    startReminders();

    UiSettings settings;
    if (!restoreGeometry(settings.windowGeometry())) {
        const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                              : QRect(0, 0, 1280, 800);
        resize(std::min(1280, screen.width()), std::min(800, screen.height()));
    }
    const QString last = settings.lastView();
    showView(m_ids.contains(last) ? last : QStringLiteral("customers"));
}

MainWindow::~MainWindow() = default;

void MainWindow::openCustomer(qint64 customerId)
{
    auto *dialog = new CustomerDialog(m_session, customerId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openOpportunity(qint64 opportunityId)
{
    auto *dialog = new OpportunityDialog(m_session, opportunityId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OpportunityDialog::openCustomer, this, &MainWindow::openCustomer);
    dialog->open();
}

void MainWindow::newOpportunity(qint64 pipelineId)
{
    auto *picker = new CustomerPickerDialog(m_session, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker, pipelineId] {
        Opportunity draft;
        draft.customerId = picker->customerId();
        draft.customerName = picker->customerName();
        draft.pipelineId = pipelineId;
        auto *dialog = new OpportunityDialog(m_session, draft, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &OpportunityDialog::openCustomer, this, &MainWindow::openCustomer);
        dialog->open();
    });
    picker->open();
}

void MainWindow::openDashboardLink(const DashboardLink &link)
{
    // Every list reads through the same core queries as the dashboard, so the viewer's scope applies.
    switch (link.kind) {
    case DashboardLink::Kind::Customers:
        if (auto *customers = qobject_cast<CustomersView *>(view(QStringLiteral("customers")))) {
            customers->showCreatedIn(link.createdFrom, link.createdTo, link.label);
            showView(QStringLiteral("customers"));
        }
        return;
    case DashboardLink::Kind::Activities:
        // Exactly the activities behind the segment: the rep's, of that kind, in the period.
        if (link.userId && m_session.actor().can(Permission::ActivityRead)) {
            const QString what = link.activityKind.isEmpty() ? tr("Activities") : DisplayFormat::activityKind(link.activityKind);
            auto *dialog = new ActivitiesDialog(m_session, *link.userId, link.activityKind, link.occurredFrom, link.occurredTo,
                                                tr("%1 of %2, %3 to %4")
                                                    .arg(what, link.label, DisplayFormat::date(link.occurredFrom),
                                                         DisplayFormat::date(link.occurredTo - 1)),
                                                this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &ActivitiesDialog::openCustomer, this, &MainWindow::openCustomer);
            dialog->show();
        }
        return;
    case DashboardLink::Kind::Opportunities:
        if (!m_session.actor().can(Permission::OpportunityRead))
            return;
        if (link.stageId) {
            // A funnel stage: the deals the funnel counted there (created in the period, reached the stage).
            OpportunityFilter cohort;
            cohort.pipelineId = link.pipelineId;
            cohort.reachedStageIds = link.reachedStageIds;
            cohort.createdFrom = link.createdFrom;
            if (link.createdTo)
                cohort.createdTo = link.createdTo;
            auto *dialog = new DealsDialog(m_session, cohort,
                                           tr("Opportunities created %1 to %2 that reached %3")
                                               .arg(DisplayFormat::date(link.createdFrom), DisplayFormat::date(link.createdTo - 1), link.label),
                                           DealsDialog::DateColumn::Created, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &DealsDialog::openOpportunity, this, &MainWindow::openOpportunity);
            // What is in that stage now: the board of its pipeline with the column outlined.
            QPushButton *onBoard = dialog->addButton(tr("Show the stage on the board"));
            onBoard->setObjectName(QStringLiteral("showOnBoard"));
            connect(onBoard, &QPushButton::clicked, this, [this, dialog, stage = *link.stageId] {
                if (auto *board = qobject_cast<PipelineBoardView *>(view(QStringLiteral("pipeline")))) {
                    board->showStage(stage);
                    showView(QStringLiteral("pipeline"));
                }
                dialog->close();
            });
            dialog->show();
            return;
        }
        // A won bar: the board shows open deals, so the period's won deals get a list of their own.
        OpportunityFilter f;
        if (!link.status.isEmpty())
            f.statuses = {link.status};
        f.closedFrom = link.closedFrom;
        if (link.closedTo)
            f.closedTo = link.closedTo;
        auto *dialog = new DealsDialog(m_session, f, tr("Won deals closed in %1").arg(link.label), DealsDialog::DateColumn::Closed, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &DealsDialog::openOpportunity, this, &MainWindow::openOpportunity);
        dialog->show();
        return;
    }
}

void MainWindow::startReminders()
{
    // Task reminders need task.read, the overdue-deals count opportunity.read (TaskReminder).
    const Actor &actor = m_session.actor();
    if (!actor.can(Permission::TaskRead) && !actor.can(Permission::OpportunityRead))
        return;
    m_reminder = new TaskReminder(m_session, TaskReminder::kDefaultIntervalMs, this);
    connect(m_reminder, &TaskReminder::due, this, &MainWindow::showReminders);
    connect(m_reminder, &TaskReminder::overdueDeals, this, &MainWindow::showOverdueDeals);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(windowTitle());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showView(m_ids.contains(QStringLiteral("tasks")) ? QStringLiteral("tasks") : QStringLiteral("pipeline"));
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }
    m_reminder->check(); // reminders that came due while the app was closed
}

void MainWindow::showReminders(const QVector<Task> &tasks)
{
    QStringList lines;
    for (const Task &t : tasks.mid(0, 5))
        lines << (t.dueAt ? tr("%1 (due %2)").arg(t.title, DisplayFormat::dateTime(*t.dueAt)) : t.title);
    if (tasks.size() > 5)
        lines << tr("and %n more", nullptr, int(tasks.size() - 5));
    const QString title = tr("%n task(s) due", nullptr, int(tasks.size()));
    if (m_tray)
        m_tray->showMessage(title, lines.join(QLatin1Char('\n')), QSystemTrayIcon::Information, 15000);
    // Also where no tray exists (and for whoever looks at the window): the status bar and the taskbar.
    statusBar()->showMessage(title + QStringLiteral(": ") + lines.join(QStringLiteral("; ")), 60000);
    QApplication::alert(this);
}

void MainWindow::showOverdueDeals(int count)
{
    // Once a day (TaskReminder); clicking it opens the Tasks view, whose "Deals closing soon" lists them,
    // or for a role without tasks the board.
    const QString title = tr("%n deal(s) past the expected close date", nullptr, count);
    const QString text = m_ids.contains(QStringLiteral("tasks")) ? tr("See “Deals closing soon” under Tasks.")
                                                                  : tr("See them on the pipeline board.");
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning, 15000);
    statusBar()->showMessage(title + QStringLiteral(": ") + text, 60000);
}

void MainWindow::buildMenus()
{
    qDeleteAll(std::exchange(m_menus, {})); // a language change builds them anew
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    // Undo of the last edits (a customer's fields, a card's move, a task done or reopened); inside a
    // text field Ctrl+Z stays the field's own.
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_session.undoHistory().stack()->createUndoAction(edit, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction *redo = m_session.undoHistory().stack()->createRedoAction(edit, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redoAction"));
    edit->addAction(undo);
    edit->addAction(redo);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, [this] {
        QMessageBox::about(this, tr("About the CRM"),
                           tr("CRM Workstation %1\nCustomers, pipeline and team for small and medium businesses.\n"
                              "Licensed under the GNU GPL version 3.")
                               .arg(QCoreApplication::applicationVersion()));
    });
    m_menus = {file, edit, help};
}

void MainWindow::buildViews()
{
    const Actor &actor = m_session.actor();
    m_builtFor = actor.permissions;
    if (actor.can(Permission::CustomerRead))
        addView(QStringLiteral("customers"), QIcon(QStringLiteral(":/icons/customers.svg")), tr("Customers"),
                new CustomersView(m_session, this));
    if (actor.can(Permission::TaskRead)) {
        auto *tasks = new TasksView(m_session, this);
        connect(tasks, &TasksView::openOpportunity, this, &MainWindow::openOpportunity);
        addView(QStringLiteral("tasks"), QIcon(QStringLiteral(":/icons/tasks.svg")), tr("Tasks"), tasks);
    }
    if (actor.can(Permission::LeadRead)) {
        auto *leads = new LeadsView(m_session, this);
        connect(leads, &LeadsView::openCustomer, this, &MainWindow::openCustomer);
        addView(QStringLiteral("leads"), QIcon(QStringLiteral(":/icons/leads.svg")), tr("Leads"), leads);
    }
    if (actor.can(Permission::CampaignRead)) {
        auto *campaigns = new CampaignsView(m_session, this);
        connect(campaigns, &CampaignsView::openCustomer, this, &MainWindow::openCustomer);
        addView(QStringLiteral("campaigns"), QIcon(QStringLiteral(":/icons/campaigns.svg")), tr("Campaigns"), campaigns);
    }
    if (actor.can(Permission::ReportRead)) {
        auto *dashboard = new DashboardView(m_session, this);
        connect(dashboard, &DashboardView::openList, this, &MainWindow::openDashboardLink);
        addView(QStringLiteral("dashboard"), QIcon(QStringLiteral(":/icons/dashboard.svg")), tr("Dashboard"), dashboard);
    }
    if (actor.can(Permission::ReportRead) && actor.can(Permission::ReportExport))
        addView(QStringLiteral("reports"), QIcon(QStringLiteral(":/icons/reports.svg")), tr("Reports"), new ReportsView(m_session, this));
    if (actor.can(Permission::OpportunityRead)) {
        auto *board = new PipelineBoardView(m_session, this);
        connect(board, &PipelineBoardView::openOpportunity, this, &MainWindow::openOpportunity);
        connect(board, &PipelineBoardView::newOpportunityRequested, this, &MainWindow::newOpportunity);
        addView(QStringLiteral("pipeline"), QIcon(QStringLiteral(":/icons/pipeline.svg")), tr("Pipeline"), board);
    }
    addView(QStringLiteral("team"), QIcon(QStringLiteral(":/icons/team.svg")), tr("Team"), new TeamView(m_session, this));
    auto *settings = new SettingsView(m_session, m_server, this);
    connect(settings, &SettingsView::languageChosen, this, &MainWindow::languageChosen);
    addView(QStringLiteral("settings"), QIcon(QStringLiteral(":/icons/settings.svg")), tr("Settings"), settings);
}

void MainWindow::rebuildViews(const QString &why)
{
    const QString current = currentViewId();
    m_navigation->clear();
    while (QWidget *w = m_stack->widget(0)) {
        m_stack->removeWidget(w);
        w->deleteLater(); // a view may be the sender of what got here
    }
    m_ids.clear();
    buildViews();
    showView(m_ids.contains(current) ? current : m_ids.value(0));
    if (!why.isEmpty())
        statusBar()->showMessage(why, 15000);
}

void MainWindow::retranslate()
{
    m_retranslatePending = false;
    setWindowTitle(tr("CRM Workstation"));
    if (m_tray)
        m_tray->setToolTip(windowTitle());
    buildMenus();
    // The views set their texts when built: building them again is simpler and surer than a
    // retranslate method per widget, and the user is in Settings, where nothing is being edited.
    rebuildViews({});
    updateStatus();
}

void MainWindow::addView(const QString &id, const QIcon &icon, const QString &title, QWidget *view)
{
    view->setObjectName(id + QStringLiteral("View"));
    m_ids << id;
    m_stack->addWidget(view);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setData(Qt::UserRole, id);
    item->setSizeHint(QSize(0, 40));
}

void MainWindow::showView(const QString &id)
{
    const int i = int(m_ids.indexOf(id));
    if (i < 0)
        return;
    m_navigation->setCurrentRow(i);
    m_stack->setCurrentIndex(i);
}

QString MainWindow::currentViewId() const
{
    const int i = m_stack->currentIndex();
    return i >= 0 && i < m_ids.size() ? m_ids.at(i) : QString();
}

QStringList MainWindow::viewIds() const
{
    return m_ids;
}

QWidget *MainWindow::view(const QString &id) const
{
    const int i = int(m_ids.indexOf(id));
    return i < 0 ? nullptr : m_stack->widget(i);
}

void MainWindow::updateStatus()
{
    const Actor &a = m_session.actor();
    m_userLabel->setText(tr("Signed in as %1 (%2)").arg(a.displayName.isEmpty() ? a.username : a.displayName, DisplayFormat::roleName(a.roleName)));
    if (!m_server)
        m_serverLabel->clear();
    else if (m_server->isRunning())
        m_serverLabel->setText(tr("API server: %1").arg(m_server->url()));
    else
        m_serverLabel->setText(tr("API server: off"));
}

void MainWindow::saveState()
{
    UiSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setLastView(currentViewId());
}

void MainWindow::changeEvent(QEvent *event)
{
    // Installing a catalogue removes the old one first, and each step sends its own LanguageChange:
    // one rebuild for them all, once the events are through.
    if (event->type() == QEvent::LanguageChange && !m_retranslatePending) {
        m_retranslatePending = true;
        QTimer::singleShot(0, this, &MainWindow::retranslate);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    // Each view saves its own layout (columns) when it is destroyed.
    event->accept();
}

} // namespace crm
