#pragma once

#include "app/Command.h"

namespace crm {

// `crm serve`: the HTTP API without a desktop, for a company server.
class ServeCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("serve"); }
    QString summary() const override { return QStringLiteral("Run the HTTP API for the mini program (headless)"); }
    int run(const Invocation &call) override;
};

} // namespace crm
