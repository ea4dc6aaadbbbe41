#pragma once

#include "core/Result.h"

#include <QString>

#include <memory>
#include <optional>

namespace crm {

class Console;
class Database;

struct OpenedDatabase
{
    std::unique_ptr<Database> db;
    // Set when this start created the first administrator: the only time its password exists in clear.
    std::optional<QString> oneTimePassword;
};

// Opens the store as every surface of the executable does: pending migrations, then the first
// administrator when the store has no users yet.
class AppDatabase
{
public:
    static Result<OpenedDatabase> open(const QString &location);
    // The lines announcing the first administrator and its one-time password.
    static QStringList firstAdministratorNotice(const QString &password);
    // "crm: <why> (<where>)", the where without a PostgreSQL password.
    static QString failureMessage(const Error &error, const QString &location);
    // Opens the store for a command; errors and the first-run notice go to stderr. Null on failure.
    static std::unique_ptr<Database> openForCommand(const QString &location, Console &console);
};

} // namespace crm
