#pragma once

#include "app/Command.h"

namespace crm {

// `crm init`: creates or migrates the store, makes sure it has an administrator and says where it is.
class InitCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override
    {
        return QStringLiteral("Create or upgrade the database and its first administrator");
    }
    int run(const Invocation &call) override;
};

} // namespace crm
