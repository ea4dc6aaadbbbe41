#include "app/BackupCommand.h"

#include "app/CommandParser.h"
#include "app/Console.h"
#include "app/DatabaseLocation.h"
#include "core/storage/Backup.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace crm {

int BackupCommand::run(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm backup FILE [--database <location>]"),
        QStringLiteral("Writes a consistent copy of the database to FILE (which must not exist) while the desktop\n"
                       "and crm serve keep working. SQLite: a compact copy of the file (VACUUM INTO), checked\n"
                       "for integrity. PostgreSQL: pg_dump's custom format (needs postgresql-client-15).\n"
                       "The copy is written under a temporary name and only named FILE once it is complete\n"
                       "and verified. Put it back with crm restore FILE."));
    if (auto stop = parser.parse(call, 1, 1))
        return *stop;
    const QString location = parser.databaseLocation(call);
    const QString file = QFileInfo(parser.positional().first()).absoluteFilePath();
    call.console.err(QStringLiteral("Backing up %1 ...").arg(DatabaseLocation::display(location)));
    QElapsedTimer timer;
    timer.start();
    if (Status st = Backup::write(location, file); !st) {
        call.console.err(QStringLiteral("crm: ") + st.error().message);
        return Exit::Failure;
    }
    call.console.out(QStringLiteral("Backup written: %1 (%2 MB in %3 s)")
                         .arg(file, QString::number(QFileInfo(file).size() / 1e6, 'f', 1),
                              QString::number(timer.elapsed() / 1000.0, 'f', 1)));
    return Exit::Ok;
}

} // namespace crm
