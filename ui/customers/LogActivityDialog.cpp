#include "ui/customers/LogActivityDialog.h"

#include "core/services/ActivityService.h"
#include "ui/DisplayFormat.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace crm {

LogActivityDialog::LogActivityDialog(const QString &kind, QWidget *parent)
    : QDialog(parent), m_kind(new QComboBox(this)), m_direction(new QComboBox(this)), m_when(new QDateTimeEdit(this)),
      m_subject(new QLineEdit(this)), m_outcome(new QLineEdit(this)), m_content(new QPlainTextEdit(this)),
      m_opportunity(new QComboBox(this)), m_form(nullptr)
{
    m_opportunity->setObjectName(QStringLiteral("opportunityId"));
    setWindowTitle(tr("Log activity"));
    for (const QString &k : ActivityService::kinds())
        m_kind->addItem(DisplayFormat::activityKind(k), k);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(kind)));
    m_direction->addItem(tr("—"), QString());
    for (const QString &d : ActivityService::directions())
        m_direction->addItem(DisplayFormat::direction(d), d);
    m_direction->setCurrentIndex(m_direction->findData(QStringLiteral("outbound")));
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_when->setDateTime(QDateTime::currentDateTime());
    m_subject->setPlaceholderText(tr("What it was about"));
    m_outcome->setPlaceholderText(tr("e.g. interested, call back next week"));
    m_content->setPlaceholderText(tr("Notes"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = m_form = new QFormLayout(this);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Direction"), m_direction);
    form->addRow(tr("When"), m_when);
    form->addRow(tr("Subject"), m_subject);
    form->addRow(tr("Notes"), m_content);
    form->addRow(tr("Outcome"), m_outcome);
    form->addRow(tr("Opportunity"), m_opportunity);
    form->setRowVisible(m_opportunity, false);
    form->addRow(buttons);
    resize(460, sizeHint().height());
}

void LogActivityDialog::setOpportunities(const QVector<Opportunity> &deals)
{
    m_opportunity->clear();
    m_opportunity->addItem(tr("None"), QVariant());
    for (const Opportunity &o : deals)
        m_opportunity->addItem(o.name, o.id);
    m_form->setRowVisible(m_opportunity, !deals.isEmpty());
}

Activity LogActivityDialog::activity() const
{
    Activity a;
    a.kind = m_kind->currentData().toString();
    a.direction = a.kind == QLatin1String("note") ? QString() : m_direction->currentData().toString();
    a.occurredAt = m_when->dateTime().toMSecsSinceEpoch();
    a.subject = m_subject->text().trimmed();
    a.content = m_content->toPlainText().trimmed();
    a.outcome = m_outcome->text().trimmed();
    if (const QVariant deal = m_opportunity->currentData(); deal.isValid())
        a.opportunityId = deal.toLongLong();
    return a;
}

} // namespace crm
