#pragma once

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QPlainTextEdit;
class QSpinBox;

namespace crm {

// Asks when and how to follow up with a customer, and how long before to be reminded. The caller
// schedules it through FollowUpService (which also creates the task with its reminder).
class FollowUpDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FollowUpDialog(int defaultReminderMinutes, QWidget *parent = nullptr);

    qint64 scheduledAt() const; // UTC ms
    QString method() const;
    QString notes() const;
    int reminderMinutes() const;

private:
    QDateTimeEdit *m_when;
    QComboBox *m_method;
    QSpinBox *m_reminder;
    QPlainTextEdit *m_notes;
};

} // namespace crm
