#pragma once

#include "core/domain/Activity.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace crm {

class Session;

// A read-only list of one user's activities of one kind (or every kind) logged in [from, to), newest
// first: the dashboard's drill-down from a segment of "activities per rep". Pages of 100 come from
// ActivityService::listForUser on the session's worker (the user's index, read from the end of the
// period backwards), so the scope is the core's; "Load more" reads on. Double-click opens the customer.
class ActivitiesDialog : public QDialog
{
    Q_OBJECT
public:
    ActivitiesDialog(Session &session, qint64 userId, const QString &kind, qint64 from, qint64 to, const QString &heading,
                     QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    bool isLoading() const { return m_loading; }
    // The ids of the rows shown, in order (tests).
    QVector<qint64> shownIds() const { return m_ids; }

public Q_SLOTS:
    void loadMore();

Q_SIGNALS:
    void openCustomer(qint64 customerId);
    void loaded();

private:
    void append(const TimelinePage &page);

    Session &m_session;
    ActivityFilter m_filter;
    qint64 m_from;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_more;
    QVector<qint64> m_ids;
    QVector<qint64> m_customerIds;
    bool m_loading = false;
};

} // namespace crm
