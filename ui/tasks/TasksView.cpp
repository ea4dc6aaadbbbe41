#include "ui/tasks/TasksView.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/services/TaskService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/tasks/ClosingDealsPanel.h"
#include "ui/tasks/RescheduleDialog.h"
#include "ui/undo/UndoHistory.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace crm {

namespace {

enum Column { Title, Customer, Due, Priority, StatusColumn, ColumnCount };

} // namespace

TasksView::TasksView(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_range(new QComboBox(this)), m_table(new QTableWidget(0, ColumnCount, this)),
      m_toggle(new QPushButton(tr("Complete"), this)), m_reschedule(new QPushButton(tr("Reschedule…"), this)),
      m_status(new QLabel(this)), m_deals(new ClosingDealsPanel(session, this))
{
    m_range->addItem(tr("Due today"), int(Range::Today));
    m_range->addItem(tr("Overdue"), int(Range::Overdue));
    m_range->addItem(tr("Next 7 days"), int(Range::Upcoming));
    m_table->setHorizontalHeaderLabels({tr("Task"), tr("Customer"), tr("Due"), tr("Priority"), tr("Status")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // At most kLimit rows: sizing the short columns to their contents is cheap and keeps names whole.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Title, QHeaderView::Stretch);
    m_toggle->setEnabled(false);
    m_reschedule->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_range);
    top->addStretch();
    top->addWidget(m_reschedule);
    top->addWidget(m_toggle);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_status);
    layout->addSpacing(8);
    layout->addWidget(m_deals, 2);

    connect(m_range, &QComboBox::currentIndexChanged, this, &TasksView::reload);
    connect(m_deals, &ClosingDealsPanel::openOpportunity, this, &TasksView::openOpportunity);
    connect(m_toggle, &QPushButton::clicked, this, &TasksView::toggleSelected);
    connect(m_reschedule, &QPushButton::clicked, this, &TasksView::rescheduleSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &TasksView::rescheduleSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        const bool done = row >= 0 && row < m_tasks.size() && m_tasks[row].status == QLatin1String("done");
        m_toggle->setText(done ? tr("Reopen") : tr("Complete"));
        m_toggle->setEnabled(row >= 0 && row < m_tasks.size());
        m_reschedule->setEnabled(row >= 0 && row < m_tasks.size() && !done);
    });
    m_reloadSoon = new ReloadSoon(
        session.feed(), 200, [](const Change &c) { return c.entity == QLatin1String("task"); }, [this] { reload(); }, this);
    reload();
}

void TasksView::setRange(Range range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

void TasksView::reload()
{
    m_loading = true;
    const int generation = ++m_generation;
    const Actor actor = m_session.actor();
    const auto range = Range(m_range->currentData().toInt());
    m_status->setText(tr("Loading…"));
    m_session.worker().run(
        this,
        [actor, range](Database &db) -> Result<TaskPage> {
            TaskService svc(db);
            const QTimeZone tz = QTimeZone::systemTimeZone();
            switch (range) {
            case Range::Overdue: return svc.overdue(actor, kLimit);
            case Range::Upcoming: return svc.upcoming(actor, 7, tz, kLimit);
            case Range::Today: break;
            }
            return svc.today(actor, tz, kLimit);
        },
        [this, generation](Result<TaskPage> page) {
            // A reply to a superseded reload (the range changed meanwhile) would show the old range's
            // tasks, and the view would read as loaded while the newer query still runs.
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!page) {
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(page.error())));
                Q_EMIT loaded();
                return;
            }
            show(page->tasks);
            m_status->setText(page->tasks.isEmpty() ? tr("No tasks") : tr("%n task(s)", nullptr, int(page->tasks.size())));
            Q_EMIT loaded();
        });
}

QString TasksView::priorityLabel(const QString &code)
{
    if (code == QLatin1String("high"))
        return tr("High");
    if (code == QLatin1String("low"))
        return tr("Low");
    return tr("Normal");
}

void TasksView::show(const QVector<Task> &tasks)
{
    m_tasks = tasks;
    m_table->setRowCount(int(tasks.size()));
    for (int row = 0; row < tasks.size(); ++row) {
        const Task &t = tasks[row];
        const QString cells[] = {t.title, t.customerName, t.dueAt ? DisplayFormat::dateTime(*t.dueAt) : QString(),
                                 priorityLabel(t.priority), DisplayFormat::taskStatus(t.status)};
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
}

void TasksView::toggleSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_tasks.size())
        return;
    const Task task = m_tasks[row];
    const Actor actor = m_session.actor();
    const bool done = task.status == QLatin1String("done");
    m_session.worker().run(
        this,
        [actor, task, done](Database &db) -> Result<Task> {
            TaskService svc(db);
            return done ? svc.reopen(actor, task.id, task.version) : svc.complete(actor, task.id, task.version);
        },
        [this, actor, done](Result<Task> result) {
            if (!result) {
                m_status->setText(ErrorText::message(result.error()));
                return;
            }
            // The change feed reloads the list. Undo flips it back, as long as nobody changed the task
            // meanwhile (each step carries the version the previous one left).
            auto version = std::make_shared<int>(result->version);
            const qint64 id = result->id;
            auto step = [actor, id, version](bool complete) {
                return [actor, id, version, complete](Database &db) -> Status {
                    TaskService svc(db);
                    auto r = complete ? svc.complete(actor, id, *version) : svc.reopen(actor, id, *version);
                    if (!r)
                        return r.error();
                    *version = r->version;
                    return {};
                };
            };
            m_session.undoHistory().push(done ? tr("Reopen “%1”").arg(result->title) : tr("Complete “%1”").arg(result->title),
                                         step(done), step(!done));
        });
}

void TasksView::rescheduleSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_tasks.size() || m_tasks[row].status == QLatin1String("done"))
        return;
    const Task task = m_tasks[row];
    RescheduleDialog dialog(task.dueAt, task.reminderAt, this);
    if (dialog.exec() == QDialog::Accepted)
        reschedule(task, dialog.dueAt(), dialog.reminderAt());
}

void TasksView::reschedule(const Task &task, qint64 dueAt, std::optional<qint64> reminderAt)
{
    const Actor actor = m_session.actor();
    Task values;
    values.dueAt = dueAt;
    values.reminderAt = reminderAt;
    m_session.worker().run(
        this,
        [actor, id = task.id, version = task.version, values](Database &db) {
            return TaskService(db).update(actor, id, values, {QStringLiteral("dueAt"), QStringLiteral("reminderAt")}, version);
        },
        [this](Result<Task> result) {
            if (!result)
                m_status->setText(ErrorText::message(result.error()));
            // On success the change feed reloads the list.
        });
}

} // namespace crm
