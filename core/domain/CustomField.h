#pragma once

#include <QString>
#include <QStringList>

namespace crm {

// A field the company adds to its customers (stored in each customer's customFields JSON under
// `key`; CustomerValidator checks values against these definitions).
struct CustomFieldDef
{
    qint64 id = 0;
    QString entity = QStringLiteral("customer");
    QString key;   // a-z, 0-9 and _, starting with a letter: the JSON key and the API's name
    QString label; // what people read ("合同编号")
    QString type;  // text, number, date (YYYY-MM-DD), bool, choice
    QStringList options; // the choices of a choice field
    bool required = false;
    int position = 0;

    // How services, validation errors, exports and imports name a custom field among a customer's
    // fields: "customFields.<key>".
    static QString fieldName(const QString &key) { return QStringLiteral("customFields.") + key; }
    // The key in such a name; empty when `field` is not one.
    static QString keyOf(const QString &field)
    {
        static const QLatin1String prefix("customFields.");
        return field.startsWith(prefix) ? field.mid(prefix.size()) : QString();
    }
};

} // namespace crm
