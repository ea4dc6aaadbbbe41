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
};

} // namespace crm
