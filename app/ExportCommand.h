#pragma once

#include "app/Command.h"

namespace crm {

// `crm export customers --format csv|xlsx|json [--filter KEY=VALUE ...] -o FILE [--headers en|zh] [--as USER]`:
// exports the customers of a filter within the user's data scope through CustomerExporter.
class ExportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("Export customers to CSV, XLSX or JSON"); }
    int run(const Invocation &call) override;
};

} // namespace crm
