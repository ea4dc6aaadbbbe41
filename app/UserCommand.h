#pragma once

#include "app/Command.h"

namespace crm {

// `crm user add|passwd|list|deactivate|activate`: user administration for whoever runs the
// machine, acting as the system (recorded in the audit log with source "cli").
class UserCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("user"); }
    QString summary() const override { return QStringLiteral("Add, list, deactivate users and set their passwords"); }
    int run(const Invocation &call) override;

private:
    int add(const Invocation &call);
    int passwd(const Invocation &call);
    int list(const Invocation &call);
    int setActive(const Invocation &call, bool active);
};

} // namespace crm
