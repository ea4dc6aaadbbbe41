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
// key, type, the options of a choice, required), select one to change its label, options and
// required flag or move it up and down, and remove one no customer has a value for
// (CustomFieldService checks again). Reads and writes run on the session's worker.
class CustomFieldsPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit CustomFieldsPanel(Session &session, QWidget *parent = nullptr);

    void reload();
    const QVector<CustomFieldDef> &fields() const { return m_fields; }
    // What the buttons do, public for tests: add from the form, save the form into the selected
    // field, move the selected field by `delta` places, remove it, and clear the form for a new field.
    void addFromForm();
    void saveSelected();
    void moveSelected(int delta);
    void removeSelected();
    void newField();
    QString message() const;

Q_SIGNALS:
    void changed(); // a reload finished (after a change or not)

private:
    void show(const QVector<CustomFieldDef> &fields, const QString &selectKey = {});
    void selectionChanged();
    // Runs a change on the worker; on success shows `done` and reloads with `selectKey` selected, on a
    // refusal because customers hold values shows `inUse`.
    template <typename Call>
    void change(Call call, const QString &done, const QString &selectKey, const QString &inUse);

    Session &m_session;
    bool m_admin = false;
    QVector<CustomFieldDef> m_fields;
    QString m_selectAfterReload; // the field a change selects again once the list is read back
    QTableWidget *m_table;
    QLineEdit *m_label, *m_key, *m_options;
    QComboBox *m_type;
    QCheckBox *m_required;
    QPushButton *m_add, *m_save, *m_up, *m_down, *m_remove, *m_new;
    QLabel *m_message;
};

} // namespace crm
