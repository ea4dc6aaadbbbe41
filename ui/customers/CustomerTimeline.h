#pragma once

#include "core/Result.h"
#include "core/domain/Activity.h"
#include "core/domain/Opportunity.h"
#include "core/domain/Task.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace crm {

class ReloadSoon;

class Actor;
class Database;
class Session;

// A customer's history on the customer page: activities newest first (a page at a time, "Load more"
// for older ones), the follow-ups still scheduled and the customer's other open tasks (soonest
// first), and buttons to log a call, a visit or a note (on one of the customer's open deals, if the
// user picks one) and
// to schedule a follow-up (which also creates its task with a reminder). Reads and writes run on the
// session's worker; activities, follow-ups and tasks written anywhere (the API, another desktop) reload it.
// Narrowed to one of the customer's deals (the deal's page), it lists the activities logged on that
// deal (ActivityService::forOpportunity) and links what it logs to it; the deal page shows its own
// tasks, so follow-ups and tasks are left out there.
class CustomerTimeline : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kPage = 50;

    CustomerTimeline(Session &session, qint64 customerId, QWidget *parent = nullptr, qint64 opportunityId = 0);

    void reload();
    void loadMore();
    // What the buttons do after their dialogs; public for tests.
    void logActivity(const Activity &draft);
    void scheduleFollowUp(qint64 scheduledAt, const QString &method, const QString &notes, int reminderMinutes);

    const QVector<Activity> &activities() const { return m_activities; }
    const QVector<FollowUp> &scheduledFollowUps() const { return m_followUps; }
    // Open tasks of the customer that are not a follow-up's (those are shown as the follow-up).
    const QVector<Task> &openTasks() const { return m_tasks; }
    QString upcomingText() const;
    // The customer's open deals, offered when logging (none on a deal's page: it logs on that deal).
    const QVector<Opportunity> &openDeals() const { return m_deals; }
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loaded();
    // A log or schedule finished; message says what happened or why not.
    void actionFinished(bool ok, const QString &message);

private:
    void openLogDialog(const QString &kind);
    void openFollowUpDialog();
    void appendRows(const QVector<Activity> &activities);
    void showFollowUps();
    // On the worker: nothing of the widget, which may be gone by then.
    static Result<TimelinePage> readPage(Database &db, const Actor &actor, qint64 customerId, qint64 opportunityId,
                                         std::optional<ActivityCursor> after);

    Session &m_session;
    qint64 m_customerId;
    qint64 m_opportunityId; // 0: the whole customer
    QTreeWidget *m_list;
    QLabel *m_followUpLabel;
    QLabel *m_status;
    QPushButton *m_more;
    QVector<QPushButton *> m_logButtons; // call, visit, note
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads once
    QVector<Activity> m_activities;
    QVector<FollowUp> m_followUps;
    QVector<Task> m_tasks;
    QVector<Opportunity> m_deals;
    std::optional<ActivityCursor> m_next;
    bool m_loading = false;
    int m_generation = 0; // replies to a superseded reload are dropped
};

} // namespace crm
