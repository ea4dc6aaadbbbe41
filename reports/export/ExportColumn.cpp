#include "reports/export/ExportColumn.h"

#include "core/security/Actor.h"

namespace crm {

QVector<ExportColumn> ExportColumn::visibleTo(const Actor &actor, const QString &entity, const QVector<ExportColumn> &all,
                                              QStringList *hidden)
{
    QVector<ExportColumn> out;
    for (const ExportColumn &c : all) {
        if (c.field.isEmpty() || actor.canSeeField(entity, c.field))
            out.append(c);
        else if (hidden)
            hidden->append(c.key);
    }
    return out;
}

} // namespace crm
