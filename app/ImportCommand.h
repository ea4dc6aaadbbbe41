#pragma once

#include "app/Command.h"
#include "core/Result.h"
#include "reports/Progress.h"

#include <memory>

namespace crm {

class Actor;
class Database;

// `crm import FILE [--type customers] [--mapping M] [--dry-run] [--on-duplicate skip|update|create]
// [--partial] [--encoding auto|utf-8|gb18030] [--sheet N] [--as USER]`: imports customers from CSV or
// XLSX through CustomerImporter. Progress on stderr, a summary line on stdout; Ctrl+C cancels and
// leaves the database as it was.
class ImportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override { return QStringLiteral("Import customers from a CSV or XLSX file"); }
    int run(const Invocation &call) override;

    // Shared with ExportCommand: the actor for --as USER (that user, as the command line), or the
    // system actor when empty; and a progress printer for stderr (at most one line a second).
    static Result<Actor> actorFor(Database &db, const QString &username);
    static ProgressCallback progressPrinter(Console &console, const QString &verb);
    // Ctrl+C sets the flag instead of killing the process, while the returned guard lives.
    static std::shared_ptr<void> cancelOnInterrupt(CancelFlag &flag);
};

} // namespace crm
