#include "core/services/FirstRun.h"

#include "core/security/Actor.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"

#include <sodium.h>

namespace crm {

const QString &FirstRun::administratorName()
{
    static const QString name = QStringLiteral("admin");
    return name;
}

QString FirstRun::generatePassword(int length)
{
    static const QLatin1String alphabet("ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789");
    if (sodium_init() < 0)
        qFatal("libsodium cannot be initialised");
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out += QChar(alphabet[int(randombytes_uniform(uint32_t(alphabet.size())))]);
    return out;
}

Result<std::optional<QString>> FirstRun::ensureAdministrator(Database &db)
{
    OrgService org(db);
    auto count = org.userCount();
    if (!count)
        return count.error();
    if (*count > 0)
        return std::optional<QString>();

    NewUser admin;
    admin.username = administratorName();
    admin.displayName = QStringLiteral("Administrator");
    admin.roleName = QStringLiteral("administrator");
    admin.password = generatePassword();
    admin.mustChangePassword = true;
    auto created = org.createUser(Actor::system(), admin);
    // Two processes starting on one empty store both see no users; the unique user name lets one win.
    if (!created && created.error().code == QLatin1String("conflict.duplicate"))
        return std::optional<QString>();
    if (!created)
        return created.error();
    return std::optional<QString>(admin.password);
}

} // namespace crm
