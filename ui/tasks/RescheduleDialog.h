#pragma once

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;

namespace crm {

// Asks for a task's new due time and whether (and how long before it) to be reminded.
class RescheduleDialog : public QDialog
{
    Q_OBJECT
public:
    // dueAt and reminderAt in UTC ms; shown in local time.
    RescheduleDialog(std::optional<qint64> dueAt, std::optional<qint64> reminderAt, QWidget *parent = nullptr);

    qint64 dueAt() const;
    std::optional<qint64> reminderAt() const; // none: no reminder

private:
    QDateTimeEdit *m_due;
    QCheckBox *m_remind;
    QComboBox *m_lead; // minutes before the due time
};

} // namespace crm
