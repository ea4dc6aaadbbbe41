#pragma once

#include "core/domain/Opportunity.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace crm {

class Session;

// A read-only list of the opportunities of one filter, for a dashboard drill-down such as "won deals
// closed in 2026-10" (the board shows the open pipeline, not a period's closed deals). Read a page
// of 200 at a time by keyset through OpportunityService::list on the session's worker, so the scope
// and field rules are the core's; "Load more" reads the next page. Double-click opens the customer.
class ClosedDealsDialog : public QDialog
{
    Q_OBJECT
public:
    ClosedDealsDialog(Session &session, const OpportunityFilter &filter, const QString &heading, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_pending > 0; }
    // The ids of the rows shown, in order (tests).
    QVector<qint64> shownIds() const { return m_ids; }

public Q_SLOTS:
    void loadMore();

Q_SIGNALS:
    void openCustomer(qint64 customerId);
    void loaded();

private:
    void append(const OpportunityPage &page);
    void updateStatus();

    Session &m_session;
    OpportunityFilter m_filter;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_more;
    QVector<qint64> m_ids;
    QVector<qint64> m_customerIds;
    qint64 m_total = -1;
    bool m_hasMore = false;
    int m_pending = 0;
};

} // namespace crm
