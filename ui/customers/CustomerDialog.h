#pragma once

#include "core/Error.h"
#include "core/domain/CustomField.h"
#include "core/domain/Customer.h"
#include "ui/FieldMessages.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;

namespace crm {

class CustomFieldsEditor;
class CustomerDeals;
class CustomerFeedback;
class CustomerTimeline;
class Session;

// A customer's page: profile, phones, emails, addresses, tags, contacts, the company's custom fields
// (a tab when any are defined) and (saved customers) the timeline of activities and follow-ups, the
// opportunities (new ones are created here, for this customer) and satisfaction. New (id 0) or existing;
// loading and saving run off the GUI thread through CustomerService and ContactService. A refused
// save shows the service's message under the field it names (Error::field), on that field's tab.
// Saving names the record's version, so a change made meanwhile by someone else is not overwritten.
class CustomerDialog : public QDialog
{
    Q_OBJECT
public:
    CustomerDialog(Session &session, qint64 customerId, QWidget *parent = nullptr);

    qint64 customerId() const { return m_customer.id; }
    const Customer &customer() const { return m_customer; }
    CustomerTimeline *timeline() const { return m_timeline; }
    CustomerFeedback *feedback() const { return m_feedback; }
    CustomerDeals *deals() const { return m_deals; }
    // A deal's page over this one (0: a new deal for this customer); what the Opportunities tab asks for.
    void openDeal(qint64 opportunityId);
    // The message shown for a field ("name", "phones", ...), empty when none.
    QString fieldMessage(const QString &field) const;
    QString generalMessage() const;

public Q_SLOTS:
    void save();

Q_SIGNALS:
    void loaded();
    void saved(qint64 id);
    void saveFailed(const Error &error);

private:
    void build();
    void load();
    void display(const Customer &c, const QVector<Contact> &contacts);
    Customer collect() const;
    QSet<QString> editableFields() const;
    void showError(const Error &error);
    void addContact();
    void removeContact();
    void applyFieldRules();
    // The company's custom field definitions arrived (read off the GUI thread).
    void showCustomFields(const QVector<CustomFieldDef> &defs);

    Session &m_session;
    Customer m_customer;
    QVector<Contact> m_contacts;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name, *m_company, *m_industry, *m_position, *m_source, *m_occupation, *m_tags;
    QComboBox *m_kind, *m_status, *m_level, *m_gender;
    QDateEdit *m_birthday;
    QPlainTextEdit *m_notes;
    QLabel *m_info;
    QTableWidget *m_phones, *m_emails, *m_addresses, *m_contactTable;
    CustomFieldsEditor *m_customFields = nullptr;
    QHash<QString, QWidget *> m_fieldWidgets; // field -> the widget showing it (its tab is selected on error)
    FieldMessages m_messages; // under the fields, and the general line
    CustomerTimeline *m_timeline = nullptr; // saved customers only
    CustomerFeedback *m_feedback = nullptr; // saved customers only
    CustomerDeals *m_deals = nullptr; // saved customers only
};

} // namespace crm
