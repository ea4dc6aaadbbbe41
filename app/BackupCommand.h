#pragma once

#include "app/Command.h"

namespace crm {

// `crm backup FILE`: a consistent copy of the store while it is in use (see core/storage/Backup).
class BackupCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("backup"); }
    QString summary() const override { return QStringLiteral("Write a consistent copy of the database to a file"); }
    int run(const Invocation &call) override;
};

} // namespace crm
