#pragma once

#include "core/domain/Campaign.h"

#include <QHash>
#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace crm {

class ReloadSoon;

class Session;

// A customer's satisfaction on the customer page: the average and how many gave each score, the
// scores newest first (with the campaign each answered), and "Record feedback…". Reads and writes
// run on the session's worker; feedback recorded anywhere (the reps' app, another desktop) reloads it.
class CustomerFeedback : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kLimit = 100;

    CustomerFeedback(Session &session, qint64 customerId, QWidget *parent = nullptr);

    void reload();
    // What the button does after its dialog; public for tests.
    void record(int score, const QString &comment, std::optional<qint64> campaignId);

    const QVector<Feedback> &feedback() const { return m_feedback; }
    const ScoreSummary &summary() const { return m_summary; }
    QString summaryText() const;

Q_SIGNALS:
    void loaded();
    void actionFinished(bool ok, const QString &message);

private:
    void openDialog();

    Session &m_session;
    qint64 m_customerId;
    QLabel *m_summaryLabel, *m_status;
    QTreeWidget *m_list;
    QPushButton *m_add;
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads once
    QVector<Feedback> m_feedback;
    ScoreSummary m_summary;
    QVector<Campaign> m_campaigns; // those a score may answer: not cancelled, newest first
    QHash<qint64, QString> m_campaignNames;
    int m_generation = 0;
};

} // namespace crm
