#pragma once

#include "core/domain/Opportunity.h"

#include <QDialog>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace crm {

class Session;

// A read-only list of the opportunities of one filter, for a dashboard drill-down: "won deals closed
// in 2026-10", or a funnel stage's cohort, "created in the period and reached Proposal" (the board
// shows what is open now, not a period's deals). Read a page of 200 at a time by keyset through
// OpportunityService::list on the session's worker, so the scope and field rules are the core's;
// "Load more" reads the next page. Double-click opens the opportunity.
class DealsDialog : public QDialog
{
    Q_OBJECT
public:
    // The date the first column shows.
    enum class DateColumn { Closed, Created };

    DealsDialog(Session &session, const OpportunityFilter &filter, const QString &heading, DateColumn date = DateColumn::Closed,
                QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // A button of the caller's next to "Load more" (e.g. "Show on the board").
    QPushButton *addButton(const QString &text);
    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_pending > 0; }
    // The ids of the rows shown, in order (tests).
    QVector<qint64> shownIds() const { return m_ids; }

public Q_SLOTS:
    void loadMore();

Q_SIGNALS:
    void openOpportunity(qint64 opportunityId);
    void loaded();

private:
    void append(const OpportunityPage &page);
    void updateStatus();

    Session &m_session;
    OpportunityFilter m_filter;
    DateColumn m_date;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_more;
    QHBoxLayout *m_buttons;
    QVector<qint64> m_ids;
    qint64 m_total = -1;
    bool m_hasMore = false;
    int m_pending = 0;
};

} // namespace crm
