#pragma once

#include <QHash>
#include <QString>

class QLabel;
class QWidget;

namespace crm {

// The refusal messages of a form: a red line under each field a service error may name
// (Error::field), and one general line for the rest (a conflict, a permission, a lost
// connection). The customer and opportunity pages share it; the labels belong to the form.
class FieldMessages
{
public:
    // A hidden, word-wrapped label in the error colour.
    static QLabel *makeLabel(QWidget *parent, const QString &objectName);

    // Creates the general line (objectName "generalMessage"); the form places general().
    explicit FieldMessages(QWidget *form);

    // The line under `field` (objectName field + "Message"), for the form to place.
    QLabel *add(const QString &field);
    // Lines made elsewhere (the custom fields editor's), by field.
    void insert(const QHash<QString, QLabel *> &labels);
    QLabel *general() const { return m_general; }

    // `text` under `field` when it has a line (true), else on the general line (false).
    bool show(const QString &field, const QString &text);
    void showGeneral(const QString &text);
    void clear();
    // What is shown under `field` / on the general line; empty when nothing is.
    QString text(const QString &field) const;
    QString generalText() const;

private:
    QWidget *m_form;
    QLabel *m_general;
    QHash<QString, QLabel *> m_labels;
};

} // namespace crm
