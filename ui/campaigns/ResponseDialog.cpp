#include "ui/campaigns/ResponseDialog.h"

#include "core/services/CampaignService.h"
#include "ui/campaigns/CampaignTableModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace crm {

ResponseDialog::ResponseDialog(const CampaignParticipant &participant, QWidget *parent)
    : QDialog(parent), m_participant(participant), m_status(new QComboBox(this)), m_text(new QPlainTextEdit(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("responseDialog"));
    setWindowTitle(tr("Record response"));
    m_status->setObjectName(QStringLiteral("responseStatus"));
    for (const QString &code : CampaignService::participantStatuses())
        m_status->addItem(CampaignTableModel::participantStatusLabel(code), code);
    // The answer most likely being recorded: anything but "no answer yet".
    const QString current = participant.status == QLatin1String("invited") ? QStringLiteral("responded") : participant.status;
    m_status->setCurrentIndex(std::max(0, m_status->findData(current)));
    m_text->setObjectName(QStringLiteral("responseText"));
    m_text->setTabChangesFocus(true);
    m_text->setPlainText(participant.response);
    m_text->setPlaceholderText(tr("What the customer said"));
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *who = new QLabel(customerName(), this);
    who->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Customer:"), who);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Response:"), m_text);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(420, sizeHint().height());
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ResponseDialog::submitted);
}

QString ResponseDialog::customerName() const
{
    return m_participant.customerName.isEmpty() ? tr("Customer #%1").arg(m_participant.customerId) : m_participant.customerName;
}

QString ResponseDialog::status() const
{
    return m_status->currentData().toString();
}

QString ResponseDialog::response() const
{
    return m_text->toPlainText();
}

void ResponseDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ResponseDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

} // namespace crm
