#include "ui/leads/LeadDialog.h"

#include "core/services/LeadService.h"
#include "ui/leads/LeadTableModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace crm {

LeadDialog::LeadDialog(const Lead &lead, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_company(new QLineEdit(this)), m_phone(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_source(new QLineEdit(this)), m_status(new QComboBox(this)),
      m_notes(new QPlainTextEdit(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("leadDialog"));
    setWindowTitle(lead.id ? tr("Edit lead") : tr("New lead"));
    m_name->setObjectName(QStringLiteral("name"));
    m_company->setObjectName(QStringLiteral("company"));
    m_phone->setObjectName(QStringLiteral("phone"));
    m_email->setObjectName(QStringLiteral("email"));
    m_source->setObjectName(QStringLiteral("source"));
    m_source->setPlaceholderText(tr("e.g. website-form, trade-show"));
    m_status->setObjectName(QStringLiteral("status"));
    for (const QString &code : LeadService::statuses())
        if (code != QLatin1String("converted")) // only a conversion converts
            m_status->addItem(LeadTableModel::statusLabel(code), code);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setTabChangesFocus(true);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Company:"), m_company);
    form->addRow(tr("Phone:"), m_phone);
    form->addRow(tr("Email:"), m_email);
    form->addRow(tr("Source:"), m_source);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Notes:"), m_notes);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LeadDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setLead(lead);
    resize(460, sizeHint().height());
}

void LeadDialog::setLead(const Lead &lead)
{
    m_original = lead;
    m_name->setText(lead.name);
    m_company->setText(lead.company);
    m_phone->setText(lead.phone);
    m_email->setText(lead.email);
    m_source->setText(lead.source);
    m_status->setCurrentIndex(std::max(0, m_status->findData(lead.status)));
    m_notes->setPlainText(lead.notes);
}

Lead LeadDialog::values() const
{
    Lead l = m_original;
    l.name = m_name->text();
    l.company = m_company->text();
    l.phone = m_phone->text();
    l.email = m_email->text();
    l.source = m_source->text();
    l.status = m_status->currentData().toString();
    l.notes = m_notes->toPlainText();
    return l;
}

QSet<QString> LeadDialog::changedFields() const
{
    const Lead now = values();
    QSet<QString> fields;
    const bool isNew = m_original.id == 0;
    auto check = [&](const char *field, const QString &before, const QString &after) {
        if (isNew || before != after)
            fields.insert(QLatin1String(field));
    };
    check("name", m_original.name, now.name);
    check("company", m_original.company, now.company);
    check("phone", m_original.phone, now.phone);
    check("email", m_original.email, now.email);
    check("source", m_original.source, now.source);
    check("status", m_original.status, now.status);
    check("notes", m_original.notes, now.notes);
    return fields;
}

void LeadDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString LeadDialog::errorText() const
{
    return m_error->text();
}

void LeadDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

} // namespace crm
