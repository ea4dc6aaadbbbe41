#pragma once

#include "core/domain/Campaign.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace crm {

// A participant's answer: the status (responded, converted, declined; "invited" for none yet) and
// what the customer said. The dialog does not write: Save announces submitted() and the view writes
// through CampaignService, answering with accept() or showError().
class ResponseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ResponseDialog(const CampaignParticipant &participant, QWidget *parent = nullptr);

    const CampaignParticipant &participant() const { return m_participant; }
    QString customerName() const;
    QString status() const;
    QString response() const;
    void showError(const QString &message);
    void setBusy(bool busy);

Q_SIGNALS:
    void submitted();

private:
    CampaignParticipant m_participant;
    QComboBox *m_status;
    QPlainTextEdit *m_text;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace crm
