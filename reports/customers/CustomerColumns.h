#pragma once

#include "reports/export/ExportColumn.h"

#include <QString>
#include <QVector>

namespace crm {

class Actor;

// The columns of a customer export, in order: what the list shows plus the fields an import reads
// back. Keys are the API's JSON names; headers in English or Chinese (both recognised by import).
using CustomerColumn = ExportColumn;

namespace CustomerColumns {
const QVector<CustomerColumn> &all();
// The columns the actor may see: a field hidden by the actor's role is left out, not exported blank.
QVector<CustomerColumn> visibleTo(const Actor &actor);
} // namespace CustomerColumns

} // namespace crm
