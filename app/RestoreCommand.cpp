#include "app/RestoreCommand.h"

#include "app/CommandParser.h"
#include "app/Console.h"
#include "app/DatabaseLocation.h"
#include "core/storage/Backup.h"

#include <QFileInfo>

namespace crm {

int RestoreCommand::run(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm restore FILE [--verify-only] [--database <location>]"),
        QStringLiteral("Replaces the database with the backup FILE written by crm backup. The backup is verified\n"
                       "first (SQLite: integrity check and a schema this program knows; PostgreSQL: pg_restore reads\n"
                       "it); a bad file changes nothing. The previous database is kept: the SQLite file is renamed to\n"
                       "<file>.before-restore-<time>, the PostgreSQL database to <name>_before_restore_<time>.\n"
                       "Close the desktop and stop crm serve first. A backup from an older version is upgraded\n"
                       "the next time the database is opened."));
    parser.addOption({QStringLiteral("verify-only"), QStringLiteral("Only check that FILE is a good backup.")});
    if (auto stop = parser.parse(call, 1, 1))
        return *stop;
    const QString location = parser.databaseLocation(call);
    const QString file = QFileInfo(parser.positional().first()).absoluteFilePath();
    if (parser.isSet(QStringLiteral("verify-only"))) {
        if (Status st = Backup::verify(location, file); !st) {
            call.console.err(QStringLiteral("crm: ") + st.error().message);
            return Exit::Failure;
        }
        call.console.out(QStringLiteral("%1 is a good backup.").arg(file));
        return Exit::Ok;
    }
    auto previous = Backup::restore(location, file);
    if (!previous) {
        call.console.err(QStringLiteral("crm: ") + previous.error().message);
        return Exit::Failure;
    }
    call.console.out(QStringLiteral("Restored %1 from %2.").arg(DatabaseLocation::display(location), file));
    if (!previous->isEmpty())
        call.console.out(QStringLiteral("The previous database was kept as %1.").arg(*previous));
    return Exit::Ok;
}

} // namespace crm
