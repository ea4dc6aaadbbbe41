#pragma once

#include "app/Command.h"

namespace crm {

// `crm export TYPE --format csv|xlsx|json [--filter KEY=VALUE ...] -o FILE [--headers en|zh] [--as USER]`:
// exports customers, opportunities, activities, tasks or contacts of a filter within the user's data
// scope through reports' exporters (CustomerExporter, OpportunityExporter, ...).
class ExportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("Export customers, opportunities, activities, tasks or contacts to CSV, XLSX or JSON"); }
    int run(const Invocation &call) override;
};

} // namespace crm
