#include "ui/signin/ChangePasswordDialog.h"
#include "ui/FieldMessages.h"

#include "core/ErrorText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace crm {

ChangePasswordDialog::ChangePasswordDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Change password"));
    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_explanation->hide();
    m_first = new QLineEdit(this);
    m_first->setObjectName(QStringLiteral("newPassword"));
    m_first->setEchoMode(QLineEdit::Password);
    m_second = new QLineEdit(this);
    m_second->setObjectName(QStringLiteral("repeatPassword"));
    m_second->setEchoMode(QLineEdit::Password);
    m_message = FieldMessages::makeLabel(this, QStringLiteral("message"));

    auto *form = new QFormLayout;
    form->addRow(tr("New password"), m_first);
    form->addRow(tr("Repeat it"), m_second);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void ChangePasswordDialog::setExplanation(const QString &text)
{
    m_explanation->setText(text);
    m_explanation->setVisible(!text.isEmpty());
}

QString ChangePasswordDialog::password() const
{
    return m_first->text();
}

void ChangePasswordDialog::submit()
{
    if (m_first->text() != m_second->text()) {
        m_message->setText(tr("The two passwords differ."));
        m_message->show();
        return;
    }
    if (!m_submit) {
        accept();
        return;
    }
    setEnabled(false);
    m_submit(m_first->text(), [this](const Status &st) {
        setEnabled(true);
        if (st) {
            accept();
            return;
        }
        m_message->setText(ErrorText::message(st.error()));
        m_message->show();
    });
}

} // namespace crm
