#pragma once

#include "core/domain/Opportunity.h"

#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace crm {

class ReloadSoon;

class Session;

// A customer's opportunities on the customer page: open, won and lost together, newest first, under a
// line of what is open and what was won. The page is where a rep prepares a call, so it answers "what
// are we selling them and how far along is it" without a trip to the pipeline board. It only lists:
// creating and opening a deal are left to the page (newDealRequested, openDealRequested), which owns
// the deal dialog. Reads run on the session's worker; a deal written anywhere (the board, the reps'
// app, another desktop) reloads it.
class CustomerDeals : public QWidget
{
    Q_OBJECT
public:
    // A customer with more deals than this is rare; the newest are the ones a rep talks about.
    static constexpr int kLimit = 100;

    CustomerDeals(Session &session, qint64 customerId, QWidget *parent = nullptr);

    void reload();

    const QVector<Opportunity> &deals() const { return m_deals; }
    QString summaryText() const;

Q_SIGNALS:
    void loaded();
    void newDealRequested();
    void openDealRequested(qint64 opportunityId);

private:
    void showDeals();

    Session &m_session;
    qint64 m_customerId;
    QLabel *m_summaryLabel, *m_status;
    QTreeWidget *m_list;
    QPushButton *m_newDeal;
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads once
    QVector<Opportunity> m_deals;
    bool m_capped = false; // the customer has more than kLimit deals
    int m_generation = 0;
};

} // namespace crm
