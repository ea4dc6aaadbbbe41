#pragma once

#include <QCoreApplication>
#include <QString>

namespace crm {

// The stages and pipelines every company starts with (Migrations' seed) are stored in English as
// data: "lead" ... "due", "New business", "Renewals". Shown to people, they are translated until
// someone renames them; any other name is shown as it is. One catalogue context for the desktop and
// the reports alike (reports/ cannot use the desktop's DisplayFormat).
class SeedNames
{
    Q_DECLARE_TR_FUNCTIONS(SeedNames)
public:
    static QString stage(const QString &name);
    static QString pipeline(const QString &name);
};

} // namespace crm
