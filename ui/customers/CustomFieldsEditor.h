#pragma once

#include "core/domain/CustomField.h"

#include <QHash>
#include <QJsonObject>
#include <QVector>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace crm {

// The customer page's "Custom fields" tab: one editor per field the company defined (a line for
// text and numbers, a date with "Not given", Yes/No/blank for a flag, the options for a choice), each
// with a line under it for the service's message about it. Values go in and out as the customer's
// customFields JSON; keys of fields no longer defined are kept as they were.
class CustomFieldsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit CustomFieldsEditor(QWidget *parent = nullptr);

    void setDefinitions(const QVector<CustomFieldDef> &defs);
    bool isEmpty() const { return m_defs.isEmpty(); }
    void setValues(const QJsonObject &values);
    // `base` with the edited fields set (or removed when left blank).
    QJsonObject values(const QJsonObject &base) const;
    // The editor of "customFields.<key>" as the services name the field (null when no such field).
    QWidget *editorFor(const QString &errorField) const;
    // The message line under each field, by the services' name of it ("customFields.<key>").
    QHash<QString, QLabel *> messageLabels() const;

private:
    QFormLayout *m_form;
    QVector<CustomFieldDef> m_defs;
    QHash<QString, QWidget *> m_editors;  // by key
    QHash<QString, QLabel *> m_messages; // by key
};

} // namespace crm
