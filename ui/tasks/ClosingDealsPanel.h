#pragma once

#include "core/domain/Opportunity.h"

#include <QDate>
#include <QTimer>
#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace crm {

class ReloadSoon;

class Session;

// "Deals closing soon", under the task lists: the open opportunities whose expected close date is
// within the next kDaysAhead local days or already past, earliest first, at most kLimit rows. A rep's
// own; for a user whose scope covers others, everyone in it at first (they may switch to their own).
// Read with OpportunityService::list on the session's worker, so scope and field rules are the core's.
// Opportunity changes from anywhere reload it, and so does local midnight (the window moves on).
// Enter or double-click opens the deal, as the pipeline board does. Without
// opportunity.read it reads nothing and says why.
class ClosingDealsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Owners { Mine, Team };
    static constexpr int kLimit = 200;
    static constexpr int kDaysAhead = 7;

    explicit ClosingDealsPanel(Session &session, QWidget *parent = nullptr);

    void setOwners(Owners owners);
    // Whether "My team" is offered: the user's scope covers other owners.
    bool offersTeam() const;
    void reload();
    // Emits openOpportunity for the current row (what Enter and double-click do).
    void openCurrent();

    const QVector<Opportunity> &deals() const { return m_deals; }
    bool isLoading() const { return m_loading; }
    // More than kLimit deals matched; the first kLimit are shown.
    bool isCapped() const { return m_capped; }
    QTableWidget *table() const { return m_table; }
    // "Overdue by 3 days", "Today", "In 2 days"; empty for a date that is not set (or hidden).
    static QString closeText(const QDate &close, const QDate &today);

Q_SIGNALS:
    void loaded();
    void openOpportunity(qint64 opportunityId);

private:
    void updateOwnersChoice();
    void showDeals(const QVector<Opportunity> &deals);
    void reloadAtMidnight();

    Session &m_session;
    QComboBox *m_owners;
    QTableWidget *m_table;
    QLabel *m_status;
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads once
    QTimer m_midnight;
    QVector<Opportunity> m_deals;
    QDate m_today; // the day the shown rows were read for
    bool m_loading = false;
    bool m_capped = false;
    int m_generation = 0; // replies to a superseded reload are dropped
};

} // namespace crm
