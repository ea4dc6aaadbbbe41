#pragma once

#include "reports/xlsx/XlsxTableWriter.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace crm {

class Actor;

// One column of an export: its JSON key (the API's name), headers in English and Chinese, the XLSX
// cell type and width, and the field whose field rule governs it.
struct ExportColumn
{
    QString key;
    QString english, chinese;
    XlsxCellType type = XlsxCellType::Text;
    double width = 14;
    QString field; // e.g. "phones" for a customer's phone; empty: no field rule applies

    // The columns of `all` that `entity`'s field rules let the actor see: a hidden field is left
    // out, not exported blank. `hidden` (optional) receives the keys left out.
    static QVector<ExportColumn> visibleTo(const Actor &actor, const QString &entity, const QVector<ExportColumn> &all,
                                           QStringList *hidden = nullptr);
};

} // namespace crm
