#pragma once

#include "core/Result.h"
#include "core/domain/Organization.h"
#include "core/security/Actor.h"

#include <QVector>

namespace crm {

class Database;

struct NewUser
{
    QString username;
    QString displayName;
    QString password;
    QString roleName; // "administrator", "manager", "rep" or a custom role
    QString managerUsername; // optional
    QString departmentName; // optional; created when missing
    QString phone;
    QString email;
    // A generated password (the first administrator's) must be replaced at the first sign-in.
    bool mustChangePassword = false;
};

// Users, departments and roles, and the resolution of a user into an Actor (permissions, data
// scope as a set of visible owners, field rules). Writes need user.admin.
class OrgService
{
public:
    explicit OrgService(Database &db) : m_db(db) {}

    // The actor for a signed-in user; inactive or unknown users get not_found.
    Result<Actor> actorFor(qint64 userId, const QString &source = QStringLiteral("desktop"));

    Result<User> createUser(const Actor &actor, const NewUser &input);
    Result<User> user(qint64 id);
    Result<User> userByName(const QString &username);
    Result<QVector<User>> users(const Actor &actor, bool includeInactive = true);
    Status setPassword(const Actor &actor, const QString &username, const QString &password);
    Status setActive(const Actor &actor, const QString &username, bool active);
    Status setManager(const Actor &actor, qint64 userId, std::optional<qint64> managerId);
    Status setDepartment(const Actor &actor, qint64 userId, std::optional<qint64> departmentId);
    Status setRole(const Actor &actor, qint64 userId, qint64 roleId);
    // Password check for sign-in: the user when the password matches an active account.
    // Failures are counted; after 5 in a row the account is locked for 15 minutes.
    Result<User> authenticate(const QString &username, const QString &password);
    Result<qint64> userCount();

    Result<Department> createDepartment(const Actor &actor, const QString &name, std::optional<qint64> parentId);
    Result<QVector<Department>> departments();
    Result<Department> departmentByName(const QString &name);

    Result<QVector<Role>> roles();
    Result<Role> roleByName(const QString &name);
    Result<Role> createRole(const Actor &actor, const QString &name, DataScope scope, const QStringList &permissions);
    Status updateRole(const Actor &actor, qint64 roleId, DataScope scope, const QStringList &permissions);
    Status setFieldRule(const Actor &actor, qint64 roleId, const QString &entity, const QString &field, FieldRule rule);

    static QString ruleName(FieldRule rule);

private:
    Result<Role> loadRole(qint64 roleId);
    Status requireAdmin(const Actor &actor) const;
    Result<QVector<qint64>> visibleOwners(qint64 userId, qint64 departmentId, DataScope scope);

    Database &m_db;
};

} // namespace crm
