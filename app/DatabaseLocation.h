#pragma once

#include <QString>

namespace crm {

// Where the store is: --database wins over $CRM_DATABASE, which wins over the embedded SQLite file
// in the user's data folder (~/.local/share/crm/crm.sqlite on Linux).
class DatabaseLocation
{
public:
    static QString embeddedFile();
    // option: the --database value, empty when not given.
    static QString resolve(const QString &option);
    // For messages: a SQLite file as an absolute path, a PostgreSQL URL without its password.
    static QString display(const QString &location);
};

} // namespace crm
