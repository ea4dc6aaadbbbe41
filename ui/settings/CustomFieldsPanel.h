#pragma once

#include "core/domain/CustomField.h"

#include <QGroupBox>
#include <QVector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace crm {

class Session;

// Settings > Custom fields: the fields the company adds to its customers (shown on the customer
// page). Everyone who reads customers sees the list; settings administrators add a field (label,
// key, type, the options of a choice, required) and remove one no customer has a value for
// (CustomFieldService checks again). Reads and writes run on the session's worker.
class CustomFieldsPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit CustomFieldsPanel(Session &session, QWidget *parent = nullptr);

    void reload();
    const QVector<CustomFieldDef> &fields() const { return m_fields; }
    // What the buttons do, public for tests: add from the form, remove the selected row.
    void addFromForm();
    void removeSelected();
    QString message() const;

Q_SIGNALS:
    void changed(); // a reload finished (after a change or not)

private:
    void show(const QVector<CustomFieldDef> &fields);

    Session &m_session;
    bool m_admin = false;
    QVector<CustomFieldDef> m_fields;
    QTableWidget *m_table;
    QLineEdit *m_label, *m_key, *m_options;
    QComboBox *m_type;
    QCheckBox *m_required;
    QPushButton *m_add, *m_remove;
    QLabel *m_message;
};

} // namespace crm
