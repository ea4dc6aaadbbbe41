#pragma once

#include "app/Command.h"

namespace crm {

// `crm demo --customers N [--password P]`: loads the demo company into an empty database.
class DemoCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString summary() const override { return QStringLiteral("Load a demo company (200 users, N customers) into an empty database"); }
    int run(const Invocation &call) override;
};

} // namespace crm
