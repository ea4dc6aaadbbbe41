#include "ui/tasks/TaskReminder.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/security/Permission.h"
#include "core/services/OpportunityService.h"
#include "core/services/TaskService.h"
#include "ui/Session.h"

#include <algorithm>
#include <climits>

namespace crm {

TaskReminder::TaskReminder(Session &session, int intervalMs, QObject *parent) : QObject(parent), m_session(session)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TaskReminder::check);
    m_timer.start();
    m_soon = new ReloadSoon(
        session.feed(), 500, [](const Change &c) { return c.entity == QLatin1String("task"); }, [this] { check(); }, this);
}

void TaskReminder::check()
{
    if (!m_session.isSignedIn())
        return;
    checkOverdueDeals(); // posted first: its answer comes before checked()
    if (m_busy)
        return;
    // A role without task.read hears of its overdue deals only: a reminder would show a task's title.
    // checked() still comes through the worker, after the deals' answer.
    if (!m_session.actor().can(Permission::TaskRead)) {
        m_session.worker().run(
            this, [](Database &) -> Result<bool> { return true; }, [this](Result<bool>) { Q_EMIT checked(); });
        return;
    }
    m_busy = true;
    const qint64 userId = m_session.actor().userId;
    m_session.worker().run(
        this,
        [userId](Database &db) -> Result<QVector<Task>> {
            TaskService svc(db);
            auto pending = svc.dueReminders(db.clock().nowMs(), userId, 50);
            if (!pending || pending->isEmpty())
                return pending;
            QVector<qint64> ids;
            for (const Task &t : *pending)
                ids << t.id;
            auto marked = svc.markReminded(ids);
            if (!marked)
                return marked.error();
            QVector<Task> mine;
            for (const Task &t : *pending)
                if (marked->contains(t.id))
                    mine << t;
            return mine;
        },
        [this](Result<QVector<Task>> tasks) {
            m_busy = false;
            // A failed check is retried at the next interval; the reminders stay unmarked.
            if (tasks && !tasks->isEmpty())
                Q_EMIT due(*tasks);
            Q_EMIT checked();
        });
}

void TaskReminder::checkOverdueDeals()
{
    const QDate today = QDate::currentDate(); // local, as the Tasks view's "Deals closing soon"
    const Actor actor = m_session.actor();
    if (m_dealsCheckedOn == today || !actor.can(Permission::OpportunityRead))
        return;
    m_dealsCheckedOn = today; // also while this count runs
    OpportunityFilter filter;
    filter.statuses = {QStringLiteral("open")};
    filter.ownerId = actor.userId;
    filter.expectedCloseTo = today.addDays(-1);
    m_session.worker().run(
        this, [actor, filter](Database &db) { return OpportunityService(db).count(actor, filter); },
        [this, today](Result<qint64> n) {
            if (!n) {
                if (m_dealsCheckedOn == today)
                    m_dealsCheckedOn = {}; // counted again at the next check
                return;
            }
            if (*n > 0)
                Q_EMIT overdueDeals(int(std::min<qint64>(*n, INT_MAX)));
        });
}

} // namespace crm
