#pragma once

#include "app/Command.h"

namespace crm {

// `crm report NAME [--period P] [--format pdf|xlsx] -o FILE [--as USER | --user USER --password-stdin]
// [--owner USER] [--lang en|zh_CN]`: builds a report (reports/report/ReportBuilder) within the user's data
// scope, or one owner's, and writes it as PDF or XLSX. Runs headless: main creates a QGuiApplication on
// the offscreen platform for it when there is no display (QPdfWriter needs QtGui).
class ReportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override { return QStringLiteral("Write a sales, funnel, activity, customer or overdue-task report as PDF or XLSX"); }
    int run(const Invocation &call) override;
};

} // namespace crm
