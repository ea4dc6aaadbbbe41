#pragma once

#include "core/domain/Lead.h"

#include <QDialog>
#include <QSet>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace crm {

// A lead's fields for a new lead or an edit: name, company, phone, email, source, status (not
// "converted": only a conversion sets that) and notes. The dialog does not write: Save announces
// submitted() and the view writes through LeadService, answering with done() or showError().
class LeadDialog : public QDialog
{
    Q_OBJECT
public:
    // lead.id 0: a new lead.
    explicit LeadDialog(const Lead &lead, QWidget *parent = nullptr);

    // The lead as loaded (its id and version go with the update).
    const Lead &original() const { return m_original; }
    // Shows another copy of the lead (read again after a conflict): the fields and the version.
    void setLead(const Lead &lead);
    Lead values() const;
    // The fields whose values differ from the loaded lead (all of them for a new lead).
    QSet<QString> changedFields() const;
    void showError(const QString &message);
    QString errorText() const;
    void setBusy(bool busy);

Q_SIGNALS:
    void submitted();

private:
    Lead m_original;
    QLineEdit *m_name;
    QLineEdit *m_company;
    QLineEdit *m_phone;
    QLineEdit *m_email;
    QLineEdit *m_source;
    QComboBox *m_status;
    QPlainTextEdit *m_notes;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace crm
