#include "ui/exchange/MappingFieldDelegate.h"

#include "reports/import/ColumnMapping.h"

#include <QComboBox>

#include <algorithm>

namespace crm {

QString MappingFieldDelegate::label(const QString &field, const QString &type)
{
    struct Label
    {
        const char *field;
        const char *label;
    };
    static const Label customers[] = {
        {"", QT_TR_NOOP("(ignore)")},
        {"name", QT_TR_NOOP("Name")},
        {"kind", QT_TR_NOOP("Kind (person/company)")},
        {"company", QT_TR_NOOP("Company")},
        {"phone", QT_TR_NOOP("Phone")},
        {"email", QT_TR_NOOP("Email")},
        {"source", QT_TR_NOOP("Source")},
        {"tags", QT_TR_NOOP("Tags")},
        {"groups", QT_TR_NOOP("Groups")},
        {"province", QT_TR_NOOP("Province")},
        {"city", QT_TR_NOOP("City")},
        {"district", QT_TR_NOOP("District")},
        {"street", QT_TR_NOOP("Street address")},
        {"postalCode", QT_TR_NOOP("Postal code")},
        {"status", QT_TR_NOOP("Status")},
        {"level", QT_TR_NOOP("Level")},
        {"gender", QT_TR_NOOP("Gender")},
        {"birthday", QT_TR_NOOP("Birthday")},
        {"industry", QT_TR_NOOP("Industry")},
        {"occupation", QT_TR_NOOP("Occupation")},
        {"position", QT_TR_NOOP("Position")},
        {"notes", QT_TR_NOOP("Notes")},
        {"contactName", QT_TR_NOOP("Contact person")},
        {"contactPosition", QT_TR_NOOP("Contact person's position")},
        {"contactPhone", QT_TR_NOOP("Contact person's phone")},
        {"contactEmail", QT_TR_NOOP("Contact person's email")},
    };
    // What an opportunity or activity row names its customer by, and the fields of each (ImportTargets).
    static const Label opportunities[] = {
        {"", QT_TR_NOOP("(ignore)")},
        {"customerId", QT_TR_NOOP("Customer ID")},
        {"customer", QT_TR_NOOP("Customer")},
        {"customerPhone", QT_TR_NOOP("Customer phone")},
        {"name", QT_TR_NOOP("Opportunity name")},
        {"amount", QT_TR_NOOP("Amount")},
        {"currency", QT_TR_NOOP("Currency")},
        {"probability", QT_TR_NOOP("Probability (%)")},
        {"pipeline", QT_TR_NOOP("Pipeline")},
        {"stage", QT_TR_NOOP("Stage")},
        {"status", QT_TR_NOOP("Status")},
        {"expectedCloseDate", QT_TR_NOOP("Expected close date")},
        {"owner", QT_TR_NOOP("Owner")},
        {"lossReason", QT_TR_NOOP("Loss reason")},
        {"notes", QT_TR_NOOP("Notes")},
    };
    static const Label activities[] = {
        {"", QT_TR_NOOP("(ignore)")},
        {"customerId", QT_TR_NOOP("Customer ID")},
        {"customer", QT_TR_NOOP("Customer")},
        {"customerPhone", QT_TR_NOOP("Customer phone")},
        {"occurredAt", QT_TR_NOOP("Time")},
        {"kind", QT_TR_NOOP("Activity type")},
        {"direction", QT_TR_NOOP("Direction")},
        {"subject", QT_TR_NOOP("Subject")},
        {"content", QT_TR_NOOP("Content")},
        {"outcome", QT_TR_NOOP("Outcome")},
        {"status", QT_TR_NOOP("Status")},
        {"phone", QT_TR_NOOP("Phone number")},
        {"durationSeconds", QT_TR_NOOP("Duration (seconds)")},
    };
    static const Label contacts[] = {
        {"", QT_TR_NOOP("(ignore)")},
        {"customerId", QT_TR_NOOP("Customer ID")},
        {"customer", QT_TR_NOOP("Customer")},
        {"customerPhone", QT_TR_NOOP("Customer phone")},
        {"name", QT_TR_NOOP("Contact name")},
        {"position", QT_TR_NOOP("Position")},
        {"relationship", QT_TR_NOOP("Relationship")},
        {"phone", QT_TR_NOOP("Phone")},
        {"email", QT_TR_NOOP("Email")},
        {"primary", QT_TR_NOOP("Primary contact (yes/no)")},
        {"notes", QT_TR_NOOP("Notes")},
    };
    auto find = [&](const auto &labels) -> QString {
        for (const Label &l : labels)
            if (field == QLatin1String(l.field))
                return tr(l.label);
        return field; // a field a template named that the CRM does not know: shown as written
    };
    if (type == QLatin1String("opportunities"))
        return find(opportunities);
    if (type == QLatin1String("activities"))
        return find(activities);
    if (type == QLatin1String("contacts"))
        return find(contacts);
    return find(customers);
}

QString MappingFieldDelegate::text(const QString &field) const
{
    for (const CustomFieldDef &d : m_customFields)
        if (field == CustomFieldDef::fieldName(d.key))
            return d.label;
    return label(field, m_type);
}

QWidget *MappingFieldDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->addItem(label(QString(), m_type), QString());
    for (const QString &field : ColumnMapping::targetFields(m_type))
        combo->addItem(label(field, m_type), field);
    if (m_type == ColumnMapping::Customers)
        for (const CustomFieldDef &d : m_customFields)
            combo->addItem(d.label, CustomFieldDef::fieldName(d.key));
    combo->setMaxVisibleItems(combo->count());
    // Each choice (from the popup or by arrow keys) is written at once; Enter, Tab or a click
    // elsewhere closes the editor. Closing here would end a keyboard user's edit at the first arrow.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        Q_EMIT const_cast<MappingFieldDelegate *>(this)->commitData(combo);
    });
    return combo;
}

void MappingFieldDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(std::max(0, combo->findData(index.data(FieldRole).toString())));
}

void MappingFieldDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const QString field = combo->currentData().toString();
    model->setData(index, field, FieldRole);
    model->setData(index, text(field), Qt::DisplayRole);
}

} // namespace crm
