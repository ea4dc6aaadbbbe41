#pragma once

#include "core/domain/Task.h"

#include <QDate>
#include <QObject>
#include <QTimer>
#include <QVector>

namespace crm {

class ReloadSoon;

class Session;

// Notices the signed-in user's task reminders coming due while the desktop is open. Every interval
// (and soon after any task change, which may set a reminder in the past) it asks TaskService on the
// session's worker for the user's open tasks whose reminder time has come, marks them reminded, and
// announces those this process marked: with the same user signed in twice, or several processes on
// one PostgreSQL server, each reminder is shown once. The main window shows them in the system tray.
// The first check of each local day also counts the user's own open deals past their expected close
// date (with opportunity.read), announced once a day by this process.
class TaskReminder : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 30'000;

    explicit TaskReminder(Session &session, int intervalMs = kDefaultIntervalMs, QObject *parent = nullptr);

    // Checks now (also what the timer calls).
    void check();

Q_SIGNALS:
    void due(const QVector<Task> &tasks);
    // The user's own open deals whose expected close date has passed (only when there are some).
    void overdueDeals(int count);
    // After every check, with or without reminders (tests wait for it).
    void checked();

private:
    void checkOverdueDeals();

    Session &m_session;
    QTimer m_timer;
    ReloadSoon *m_soon = nullptr; // a burst of task changes checks once
    bool m_busy = false;
    QDate m_dealsCheckedOn; // the local day the overdue deals were counted
};

} // namespace crm
