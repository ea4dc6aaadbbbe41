#pragma once

#include "core/domain/Task.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace crm {

class ReloadSoon;

class ClosingDealsPanel;
class Session;

// The signed-in user's tasks in their scope: due today, overdue, or due in the next 7 days (the
// viewer's time zone), soonest first, at most 200 rows. Complete and reopen run on the session's
// worker; task changes from anywhere (this desktop, the API, other processes) reload the list.
// Below them, the deals closing soon (ClosingDealsPanel).
class TasksView : public QWidget
{
    Q_OBJECT
public:
    enum class Range { Today, Overdue, Upcoming };
    static constexpr int kLimit = 200;

    explicit TasksView(Session &session, QWidget *parent = nullptr);

    void setRange(Range range);
    void reload();
    // Marks the selected task done (or open again when it is done).
    void toggleSelected();
    // Asks for a new due time and reminder for the selected task (RescheduleDialog).
    void rescheduleSelected();
    // Moves a task (of tasks()) to a new due time and reminder; the list follows through the change feed.
    void reschedule(const Task &task, qint64 dueAt, std::optional<qint64> reminderAt);
    const QVector<Task> &tasks() const { return m_tasks; }
    bool isLoading() const { return m_loading; }
    ClosingDealsPanel *closingDeals() const { return m_deals; }

Q_SIGNALS:
    void loaded();
    // A deal of the closing-soon list was opened: its page.
    void openOpportunity(qint64 opportunityId);

private:
    void show(const QVector<Task> &tasks);
    static QString priorityLabel(const QString &code);

    Session &m_session;
    QComboBox *m_range;
    QTableWidget *m_table;
    QPushButton *m_toggle;
    QPushButton *m_reschedule;
    QLabel *m_status;
    ClosingDealsPanel *m_deals;
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads once
    QVector<Task> m_tasks;
    bool m_loading = false;
    int m_generation = 0; // replies to a superseded reload are dropped
};

} // namespace crm
