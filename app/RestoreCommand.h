#pragma once

#include "app/Command.h"

namespace crm {

// `crm restore FILE`: verifies a backup, then puts it in place of the store, keeping the previous one.
class RestoreCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("restore"); }
    QString summary() const override { return QStringLiteral("Replace the database with a backup, keeping the previous one"); }
    int run(const Invocation &call) override;
};

} // namespace crm
