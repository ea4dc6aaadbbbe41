#include "ui/tasks/RescheduleDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>

namespace crm {

RescheduleDialog::RescheduleDialog(std::optional<qint64> dueAt, std::optional<qint64> reminderAt, QWidget *parent)
    : QDialog(parent), m_due(new QDateTimeEdit(this)), m_remind(new QCheckBox(tr("Remind me"), this)), m_lead(new QComboBox(this))
{
    setWindowTitle(tr("Reschedule task"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    // No due time yet: tomorrow at nine, the usual answer.
    const QDateTime fallback(QDate::currentDate().addDays(1), QTime(9, 0));
    m_due->setDateTime(dueAt ? QDateTime::fromMSecsSinceEpoch(*dueAt).toLocalTime() : fallback);
    const std::pair<int, QString> leads[] = {{0, tr("At the due time")}, {15, tr("15 minutes before")},
                                             {60, tr("1 hour before")}, {24 * 60, tr("1 day before")}};
    for (const auto &[minutes, label] : leads)
        m_lead->addItem(label, minutes);
    m_remind->setChecked(reminderAt.has_value());
    if (reminderAt && dueAt) {
        const int minutes = int((*dueAt - *reminderAt) / 60000);
        const int index = m_lead->findData(minutes);
        m_lead->setCurrentIndex(index >= 0 ? index : 1);
    } else {
        m_lead->setCurrentIndex(1);
    }
    m_lead->setEnabled(m_remind->isChecked());
    connect(m_remind, &QCheckBox::toggled, m_lead, &QWidget::setEnabled);

    auto *remindRow = new QHBoxLayout;
    remindRow->addWidget(m_remind);
    remindRow->addWidget(m_lead, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Due"), m_due);
    form->addRow(tr("Reminder"), remindRow);
    form->addRow(buttons);
}

qint64 RescheduleDialog::dueAt() const
{
    return m_due->dateTime().toMSecsSinceEpoch();
}

std::optional<qint64> RescheduleDialog::reminderAt() const
{
    if (!m_remind->isChecked())
        return std::nullopt;
    return dueAt() - qint64(m_lead->currentData().toInt()) * 60000;
}

} // namespace crm
