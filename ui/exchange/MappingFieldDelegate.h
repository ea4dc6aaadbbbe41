#pragma once

#include <QStyledItemDelegate>

namespace crm {

// Edits the "customer field" column of the import dialog's mapping table with a combo box of the
// fields a column can fill (ColumnMapping::targetFields) and "ignore". The item keeps the field's
// key in FieldRole and shows its translated label.
class MappingFieldDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int FieldRole = Qt::UserRole;

    using QStyledItemDelegate::QStyledItemDelegate;

    // The label of a target field in the user's language; "" is "(ignore)".
    static QString label(const QString &field);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace crm
