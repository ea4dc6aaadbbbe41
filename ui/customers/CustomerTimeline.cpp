#include "ui/customers/CustomerTimeline.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/ActivityService.h"
#include "core/services/CustomerService.h"
#include "core/services/FollowUpService.h"
#include "core/services/OpportunityService.h"
#include "core/services/TaskService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/customers/FollowUpDialog.h"
#include "ui/customers/LogActivityDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crm {

namespace {

struct Loaded
{
    TimelinePage page;
    QVector<FollowUp> followUps;
    QVector<Task> tasks;
    QVector<Opportunity> deals;
    bool customerVisible = true; // a deal's customer may be outside the actor's scope
};

constexpr int kOpenTasks = 20;
constexpr int kOpenDeals = 50; // offered when logging; a customer rarely has more open at once

} // namespace

CustomerTimeline::CustomerTimeline(Session &session, qint64 customerId, QWidget *parent, qint64 opportunityId)
    : QWidget(parent), m_session(session), m_customerId(customerId), m_opportunityId(opportunityId), m_list(new QTreeWidget(this)),
      m_followUpLabel(new QLabel(this)), m_status(new QLabel(this)), m_more(new QPushButton(tr("Load older"), this))
{
    const Actor &actor = session.actor();
    const bool canLog = actor.can(Permission::ActivityWrite);
    auto *call = new QPushButton(tr("Log call…"), this);
    auto *visit = new QPushButton(tr("Log visit…"), this);
    auto *note = new QPushButton(tr("Add note…"), this);
    auto *followUp = new QPushButton(tr("Schedule follow-up…"), this);
    followUp->setObjectName(QStringLiteral("scheduleFollowUp"));
    call->setObjectName(QStringLiteral("logCall"));
    visit->setObjectName(QStringLiteral("logVisit"));
    note->setObjectName(QStringLiteral("addNote"));
    m_logButtons = {call, visit, note};
    for (QPushButton *b : std::as_const(m_logButtons))
        b->setEnabled(canLog);
    followUp->setEnabled(actor.can(Permission::TaskWrite));
    followUp->setVisible(!m_opportunityId);
    connect(call, &QPushButton::clicked, this, [this] { openLogDialog(QStringLiteral("call")); });
    connect(visit, &QPushButton::clicked, this, [this] { openLogDialog(QStringLiteral("visit")); });
    connect(note, &QPushButton::clicked, this, [this] { openLogDialog(QStringLiteral("note")); });
    connect(followUp, &QPushButton::clicked, this, &CustomerTimeline::openFollowUpDialog);
    connect(m_more, &QPushButton::clicked, this, &CustomerTimeline::loadMore);
    m_more->setVisible(false);

    m_list->setHeaderLabels({tr("When"), tr("Kind"), tr("What"), tr("Outcome"), tr("By")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setUniformRowHeights(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_followUpLabel->setWordWrap(true);
    m_followUpLabel->setTextFormat(Qt::PlainText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(call);
    buttons->addWidget(visit);
    buttons->addWidget(note);
    buttons->addStretch();
    buttons->addWidget(followUp);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_more);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_followUpLabel);
    layout->addWidget(m_list, 1);
    layout->addLayout(bottom);

    m_reloadSoon = new ReloadSoon(
        session.feed(), 300,
        [this](const Change &c) {
            return c.entity == QLatin1String("activity")
                   || (!m_opportunityId && (c.entity == QLatin1String("follow_up") || c.entity == QLatin1String("task")
                                            || c.entity == QLatin1String("opportunity")));
        },
        [this] { reload(); }, this);
    reload();
}

void CustomerTimeline::reload()
{
    m_loading = true;
    const int generation = ++m_generation;
    const Actor actor = m_session.actor();
    const qint64 customerId = m_customerId;
    m_status->setText(tr("Loading…"));
    m_session.worker().run(
        this,
        [actor, customerId, opportunityId = m_opportunityId](Database &db) -> Result<Loaded> {
            Loaded out;
            auto page = readPage(db, actor, customerId, opportunityId, std::nullopt);
            if (!page)
                return page.error();
            out.page = *page;
            if (opportunityId) {
                // An activity names its customer, which ActivityService::log wants in scope: a deal
                // whose customer is outside the actor's scope can be read here but not logged on.
                const Status visible = CustomerService::requireVisible(db, actor, customerId);
                if (!visible && visible.error().code != QLatin1String("not_found"))
                    return visible.error();
                out.customerVisible = visible.ok();
            }
            if (!opportunityId && actor.can(Permission::TaskRead)) {
                auto followUps = FollowUpService(db).list(actor, customerId, 20);
                if (!followUps)
                    return followUps.error();
                for (const FollowUp &f : *followUps)
                    if (f.status == QLatin1String("scheduled"))
                        out.followUps << f;
                TaskFilter open;
                open.customerId = customerId;
                open.statuses = {QStringLiteral("open")};
                open.limit = kOpenTasks;
                auto tasks = TaskService(db).list(actor, open);
                if (!tasks)
                    return tasks.error();
                for (const Task &t : tasks->tasks)
                    if (t.kind != QLatin1String("follow_up"))
                        out.tasks << t;
            }
            if (!opportunityId && actor.can(Permission::OpportunityRead)) {
                OpportunityFilter open;
                open.customerId = customerId;
                open.statuses = {QStringLiteral("open")};
                open.limit = kOpenDeals;
                auto deals = OpportunityService(db).list(actor, open);
                if (!deals)
                    return deals.error();
                out.deals = deals->opportunities;
            }
            return out;
        },
        [this, generation](Result<Loaded> result) {
            if (generation != m_generation)
                return;
            m_loading = false;
            m_list->clear();
            m_activities.clear();
            if (!result) {
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(result.error())));
                Q_EMIT loaded();
                return;
            }
            m_followUps = result->followUps;
            m_tasks = result->tasks;
            m_deals = result->deals;
            const bool canLog = m_session.actor().can(Permission::ActivityWrite) && result->customerVisible;
            for (QPushButton *b : std::as_const(m_logButtons)) {
                b->setEnabled(canLog);
                b->setToolTip(result->customerVisible ? QString()
                                                      : tr("The customer of this opportunity is outside your data scope"));
            }
            showFollowUps();
            appendRows(result->page.activities);
            m_next = result->page.next;
            m_more->setVisible(result->page.hasMore);
            m_status->setText(!m_activities.isEmpty() ? QString()
                              : m_opportunityId ? tr("Nothing logged on this opportunity yet")
                                                : tr("Nothing logged yet"));
            Q_EMIT loaded();
        });
}

void CustomerTimeline::loadMore()
{
    if (!m_next || m_loading)
        return;
    m_loading = true;
    const int generation = m_generation;
    m_session.worker().run(
        this,
        [actor = m_session.actor(), customerId = m_customerId, opportunityId = m_opportunityId, after = *m_next](Database &db) {
            return readPage(db, actor, customerId, opportunityId, after);
        },
        [this, generation](Result<TimelinePage> page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!page) {
                m_status->setText(ErrorText::message(page.error()));
            } else {
                appendRows(page->activities);
                m_next = page->next;
                m_more->setVisible(page->hasMore);
            }
            Q_EMIT loaded();
        });
}

Result<TimelinePage> CustomerTimeline::readPage(Database &db, const Actor &actor, qint64 customerId, qint64 opportunityId,
                                                std::optional<ActivityCursor> after)
{
    ActivityService activities(db);
    return opportunityId ? activities.forOpportunity(actor, opportunityId, kPage, after)
                         : activities.timeline(actor, customerId, kPage, after);
}

void CustomerTimeline::appendRows(const QVector<Activity> &activities)
{
    for (const Activity &a : activities) {
        QStringList what;
        if (!a.subject.isEmpty())
            what << a.subject;
        if (!a.content.isEmpty())
            what << a.content;
        QString kind = DisplayFormat::activityKind(a.kind);
        if (!a.direction.isEmpty())
            kind += QStringLiteral(" · ") + DisplayFormat::direction(a.direction);
        auto *item = new QTreeWidgetItem(
            m_list, {DisplayFormat::dateTime(a.occurredAt), kind, what.join(QStringLiteral(" — ")), a.outcome, a.userName});
        item->setToolTip(2, what.join(QLatin1Char('\n')));
    }
    m_activities += activities;
}

QString CustomerTimeline::upcomingText() const
{
    QStringList lines;
    for (const FollowUp &f : m_followUps) {
        QString line = tr("Follow-up %1 by %2").arg(DisplayFormat::dateTime(f.scheduledAt), DisplayFormat::activityKind(f.method));
        if (!f.notes.isEmpty())
            line += QStringLiteral(": ") + f.notes;
        lines << line;
    }
    for (const Task &t : m_tasks)
        lines << (t.dueAt ? tr("Task “%1”, due %2, for %3").arg(t.title, DisplayFormat::dateTime(*t.dueAt), t.assigneeName)
                          : tr("Task “%1”, for %2").arg(t.title, t.assigneeName));
    return lines.join(QLatin1Char('\n'));
}

void CustomerTimeline::showFollowUps()
{
    const QString text = upcomingText();
    m_followUpLabel->setText(text);
    m_followUpLabel->setVisible(!text.isEmpty());
}

void CustomerTimeline::openLogDialog(const QString &kind)
{
    LogActivityDialog dialog(kind, this);
    dialog.setOpportunities(m_deals);
    if (dialog.exec() == QDialog::Accepted)
        logActivity(dialog.activity());
}

void CustomerTimeline::openFollowUpDialog()
{
    // The company's default lead time comes from the store; ask for it first, then open the dialog.
    m_session.worker().run(
        this, [](Database &db) { return FollowUpService(db).defaultReminderMinutes(); },
        [this](Result<int> minutes) {
            FollowUpDialog dialog(minutes ? *minutes : FollowUpService::kDefaultReminderMinutes, this);
            if (dialog.exec() == QDialog::Accepted)
                scheduleFollowUp(dialog.scheduledAt(), dialog.method(), dialog.notes(), dialog.reminderMinutes());
        });
}

void CustomerTimeline::logActivity(const Activity &draft)
{
    const Actor actor = m_session.actor();
    Activity a = draft;
    a.customerId = m_customerId;
    if (m_opportunityId)
        a.opportunityId = m_opportunityId;
    m_session.worker().run(
        this, [actor, a](Database &db) { return ActivityService(db).log(actor, a); },
        [this](Result<Activity> logged) {
            if (!logged) {
                const QString message = ErrorText::message(logged.error());
                m_status->setText(message);
                Q_EMIT actionFinished(false, message);
                return;
            }
            // The change feed reloads the list.
            Q_EMIT actionFinished(true, tr("%1 logged").arg(DisplayFormat::activityKind(logged->kind)));
        });
}

void CustomerTimeline::scheduleFollowUp(qint64 scheduledAt, const QString &method, const QString &notes, int reminderMinutes)
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this,
        [actor, customerId = m_customerId, scheduledAt, method, notes, reminderMinutes](Database &db) {
            return FollowUpService(db).schedule(actor, customerId, scheduledAt, method, notes, reminderMinutes);
        },
        [this](Result<FollowUp> scheduled) {
            if (!scheduled) {
                const QString message = ErrorText::message(scheduled.error());
                m_status->setText(message);
                Q_EMIT actionFinished(false, message);
                return;
            }
            Q_EMIT actionFinished(true, tr("Follow-up scheduled for %1").arg(DisplayFormat::dateTime(scheduled->scheduledAt)));
        });
}

} // namespace crm
