#include "ui/customers/FollowUpDialog.h"

#include "core/services/FollowUpService.h"
#include "ui/DisplayFormat.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace crm {

FollowUpDialog::FollowUpDialog(int defaultReminderMinutes, QWidget *parent)
    : QDialog(parent), m_when(new QDateTimeEdit(this)), m_method(new QComboBox(this)), m_reminder(new QSpinBox(this)),
      m_notes(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Schedule follow-up"));
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_when->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(10, 0))); // tomorrow morning
    m_when->setMinimumDateTime(QDateTime::currentDateTime());
    for (const QString &m : FollowUpService::methods())
        m_method->addItem(DisplayFormat::activityKind(m), m);
    m_reminder->setRange(0, 10080);
    m_reminder->setSingleStep(15);
    m_reminder->setSuffix(tr(" min before"));
    m_reminder->setValue(defaultReminderMinutes);
    m_notes->setPlaceholderText(tr("What to talk about"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("When"), m_when);
    form->addRow(tr("How"), m_method);
    form->addRow(tr("Reminder"), m_reminder);
    form->addRow(tr("Notes"), m_notes);
    form->addRow(buttons);
}

qint64 FollowUpDialog::scheduledAt() const
{
    return m_when->dateTime().toMSecsSinceEpoch();
}

QString FollowUpDialog::method() const
{
    return m_method->currentData().toString();
}

QString FollowUpDialog::notes() const
{
    return m_notes->toPlainText().trimmed();
}

int FollowUpDialog::reminderMinutes() const
{
    return m_reminder->value();
}

} // namespace crm
