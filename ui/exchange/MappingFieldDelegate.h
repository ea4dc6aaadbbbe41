#pragma once

#include "core/domain/CustomField.h"

#include <QStyledItemDelegate>
#include <QVector>

namespace crm {

// Edits the "field" column of the import dialog's mapping table with a combo box of the fields a
// column of the imported type can fill (ColumnMapping::targetFields, and for customers the company's
// custom fields) and "ignore". The item keeps the field's key in FieldRole and shows its label.
class MappingFieldDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int FieldRole = Qt::UserRole;

    using QStyledItemDelegate::QStyledItemDelegate;

    // The label of a target field of `type` (customers, opportunities, activities) in the user's
    // language; "" is "(ignore)".
    static QString label(const QString &field, const QString &type = QStringLiteral("customers"));

    // The type whose fields the editor offers.
    void setType(const QString &type) { m_type = type; }
    // The company's custom customer fields ("customFields.<key>", shown by their labels).
    void setCustomFields(const QVector<CustomFieldDef> &fields) { m_customFields = fields; }
    // label() for the current type, custom fields by their labels.
    QString text(const QString &field) const;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    QString m_type = QStringLiteral("customers");
    QVector<CustomFieldDef> m_customFields;
};

} // namespace crm
