#include "core/services/OrgService.h"

#include "core/domain/Validation.h"
#include "core/security/PasswordHasher.h"
#include "core/services/AuditLog.h"
#include "core/storage/Database.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <functional>

namespace crm {

namespace {

constexpr int kMaxFailedLogins = 5;
constexpr qint64 kLockMs = 15 * 60 * 1000;

const QString kUserColumns = QStringLiteral(
    "u.id, u.username, u.display_name, u.phone, u.email, u.active, u.manager_id, u.department_id, u.role_id, r.name,"
    " u.created_at, u.updated_at, u.version, u.must_change_password");

User readUser(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.phone = q.value(3).toString();
    u.email = q.value(4).toString();
    u.active = q.value(5).toInt() != 0;
    if (!q.value(6).isNull())
        u.managerId = q.value(6).toLongLong();
    if (!q.value(7).isNull())
        u.departmentId = q.value(7).toLongLong();
    u.roleId = q.value(8).toLongLong();
    u.roleName = q.value(9).toString();
    u.createdAt = q.value(10).toLongLong();
    u.updatedAt = q.value(11).toLongLong();
    u.version = q.value(12).toInt();
    u.mustChangePassword = q.value(13).toInt() != 0;
    return u;
}

QVariant nullableId(std::optional<qint64> id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qlonglong>());
}

std::optional<FieldRule> ruleFromName(const QString &s)
{
    if (s == QLatin1String("hidden"))
        return FieldRule::Hidden;
    if (s == QLatin1String("readonly"))
        return FieldRule::ReadOnly;
    if (s == QLatin1String("editable"))
        return FieldRule::Editable;
    return std::nullopt;
}

} // namespace

QString OrgService::ruleName(FieldRule rule)
{
    switch (rule) {
    case FieldRule::Hidden: return QStringLiteral("hidden");
    case FieldRule::ReadOnly: return QStringLiteral("readonly");
    case FieldRule::Editable: return QStringLiteral("editable");
    }
    return QStringLiteral("editable");
}

Status OrgService::requireAdmin(const Actor &actor) const
{
    if (!actor.can(Permission::UserAdmin))
        return Error::forbidden(QStringLiteral("Only administrators can manage users, departments and roles"));
    return {};
}

Result<Role> OrgService::loadRole(qint64 roleId)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, name, builtin, data_scope, permissions, version FROM roles WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), roleId);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("Role"));
    Role r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.builtin = q.value(2).toInt() != 0;
    r.scope = dataScopeFromString(q.value(3).toString()).value_or(DataScope::Own);
    r.permissions = q.value(4).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    r.version = q.value(5).toInt();
    QSqlQuery rules = m_db.prepare(QStringLiteral("SELECT entity, field, rule FROM role_field_rules WHERE role_id = :id"));
    rules.bindValue(QStringLiteral(":id"), roleId);
    if (Status st = m_db.exec(rules); !st)
        return st.error();
    while (rules.next())
        r.fieldRules.insert(rules.value(0).toString() + QLatin1Char('.') + rules.value(1).toString(),
                            ruleFromName(rules.value(2).toString()).value_or(FieldRule::Editable));
    return r;
}

Result<QVector<qint64>> OrgService::visibleOwners(qint64 userId, qint64 departmentId, DataScope scope)
{
    QString sql;
    switch (scope) {
    case DataScope::All:
        return QVector<qint64>{};
    case DataScope::Own:
        return QVector<qint64>{userId};
    case DataScope::OwnAndSubordinates:
        sql = QStringLiteral("WITH RECURSIVE team(id) AS (SELECT CAST(:user AS BIGINT) UNION SELECT u.id FROM users u JOIN team t ON u.manager_id = t.id)"
                             " SELECT id FROM team");
        break;
    case DataScope::Department:
        sql = QStringLiteral("SELECT CAST(:user AS BIGINT) UNION SELECT id FROM users WHERE department_id = :dept");
        break;
    case DataScope::DepartmentTree:
        sql = QStringLiteral("WITH RECURSIVE tree(id) AS (SELECT CAST(:dept AS BIGINT) UNION SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id)"
                             " SELECT CAST(:user AS BIGINT) UNION SELECT u.id FROM users u WHERE u.department_id IN (SELECT id FROM tree)");
        break;
    }
    QSqlQuery q = m_db.prepare(sql);
    q.bindValue(QStringLiteral(":user"), userId);
    if (sql.contains(QLatin1String(":dept")))
        q.bindValue(QStringLiteral(":dept"), departmentId);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

Result<Actor> OrgService::actorFor(qint64 userId, const QString &source)
{
    auto u = user(userId);
    if (!u)
        return u.error();
    if (!u->active)
        return Error::notFound(QStringLiteral("User"));
    auto role = loadRole(u->roleId);
    if (!role)
        return role.error();
    Actor a;
    a.userId = u->id;
    a.username = u->username;
    a.displayName = u->displayName;
    a.roleId = role->id;
    a.roleName = role->name;
    a.departmentId = u->departmentId.value_or(0);
    a.scope = role->scope;
    a.permissions = QSet<QString>(role->permissions.begin(), role->permissions.end());
    a.fieldRules = role->fieldRules;
    a.source = source;
    auto owners = visibleOwners(a.userId, a.departmentId, a.scope);
    if (!owners)
        return owners.error();
    a.visibleOwnerIds = *owners;
    return a;
}

Result<User> OrgService::user(qint64 id)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kUserColumns +
                               QStringLiteral(" FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("User"));
    return readUser(q);
}

Result<User> OrgService::userByName(const QString &username)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kUserColumns +
                               QStringLiteral(" FROM users u JOIN roles r ON r.id = u.role_id WHERE lower(u.username) = lower(:name)"));
    q.bindValue(QStringLiteral(":name"), username.trimmed());
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("User"));
    return readUser(q);
}

Result<QVector<User>> OrgService::users(const Actor &actor, bool includeInactive)
{
    // Everyone may see the list of colleagues (owner pickers need it); only admins see inactive ones.
    const bool inactive = includeInactive && actor.can(Permission::UserAdmin);
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kUserColumns +
                               QStringLiteral(" FROM users u JOIN roles r ON r.id = u.role_id") +
                               (inactive ? QString() : QStringLiteral(" WHERE u.active = 1")) +
                               QStringLiteral(" ORDER BY u.username"));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<User> out;
    while (q.next())
        out.append(readUser(q));
    return out;
}

Result<qint64> OrgService::userCount()
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    q.next();
    return q.value(0).toLongLong();
}

Result<User> OrgService::createUser(const Actor &actor, const NewUser &in)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    const QString username = in.username.trimmed();
    if (username.isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("username"), QStringLiteral("The user name is required"));
    if (!namePattern.match(username).hasMatch())
        return Error::validation(QStringLiteral("format"), QStringLiteral("username"),
                                 QStringLiteral("A user name has 2 to 64 letters, digits, dots, dashes or underscores"));
    if (Status st = PasswordHasher::checkStrength(in.password, username); !st)
        return st.error();
    QString phone, email;
    if (!in.phone.trimmed().isEmpty()) {
        const auto p = Validation::normalizePhone(in.phone);
        if (!p)
            return Error::validation(QStringLiteral("format"), QStringLiteral("phone"), QStringLiteral("Not a valid phone number"));
        phone = *p;
    }
    if (!in.email.trimmed().isEmpty()) {
        const auto e = Validation::normalizeEmail(in.email);
        if (!e)
            return Error::validation(QStringLiteral("format"), QStringLiteral("email"), QStringLiteral("Not a valid email address"));
        email = *e;
    }
    auto role = roleByName(in.roleName.isEmpty() ? QStringLiteral("rep") : in.roleName);
    if (!role)
        return Error::validation(QStringLiteral("unknown"), QStringLiteral("role"),
                                 QStringLiteral("Unknown role \"%1\"").arg(in.roleName));
    // Hash before the transaction: it takes tens of milliseconds and must not hold the write lock.
    auto hash = PasswordHasher::hash(in.password);
    if (!hash)
        return hash.error();

    return m_db.write([&]() -> Result<User> {
        std::optional<qint64> managerId;
        if (!in.managerUsername.trimmed().isEmpty()) {
            auto manager = userByName(in.managerUsername);
            if (!manager)
                return Error::validation(QStringLiteral("unknown"), QStringLiteral("manager"),
                                         QStringLiteral("Unknown manager \"%1\"").arg(in.managerUsername));
            managerId = manager->id;
        }
        std::optional<qint64> departmentId;
        if (!in.departmentName.trimmed().isEmpty()) {
            auto dept = departmentByName(in.departmentName);
            if (!dept) {
                auto created = createDepartment(actor, in.departmentName, std::nullopt);
                if (!created)
                    return created.error();
                dept = created;
            }
            departmentId = dept->id;
        }
        if (userByName(username).ok())
            return Error::conflict(QStringLiteral("duplicate"), QStringLiteral("The user name \"%1\" is taken").arg(username),
                                   QStringLiteral("username"));
        const qint64 now = m_db.clock().nowMs();
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO users (username, display_name, phone, email, password_hash, active, manager_id, department_id, role_id,"
            " must_change_password, created_at, updated_at) VALUES (:u, :d, :p, :e, :h, 1, :m, :dept, :r, :mc, :now, :now) RETURNING id"));
        q.bindValue(QStringLiteral(":mc"), in.mustChangePassword ? 1 : 0);
        q.bindValue(QStringLiteral(":u"), username);
        q.bindValue(QStringLiteral(":d"), in.displayName.trimmed().isEmpty() ? username : in.displayName.trimmed());
        q.bindValue(QStringLiteral(":p"), phone.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(phone));
        q.bindValue(QStringLiteral(":e"), email.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(email));
        q.bindValue(QStringLiteral(":h"), *hash);
        q.bindValue(QStringLiteral(":m"), nullableId(managerId));
        q.bindValue(QStringLiteral(":dept"), nullableId(departmentId));
        q.bindValue(QStringLiteral(":r"), role->id);
        q.bindValue(QStringLiteral(":now"), now);
        if (Status st = m_db.exec(q); !st) {
            if (st.error().code == QLatin1String("conflict.duplicate"))
                return Error::conflict(QStringLiteral("duplicate"), QStringLiteral("The user name \"%1\" is taken").arg(username),
                                       QStringLiteral("username"));
            return st.error();
        }
        q.next();
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        if (Status st = AuditLog::recordCreate(m_db, actor, QStringLiteral("user"), id,
                                               {{QStringLiteral("username"), username},
                                                {QStringLiteral("role"), role->name},
                                                {QStringLiteral("managerId"), nullableId(managerId)},
                                                {QStringLiteral("departmentId"), nullableId(departmentId)}});
            !st)
            return st.error();
        m_db.notifyAfterCommit({QStringLiteral("user"), id, QStringLiteral("created")});
        return user(id);
    });
}

Status OrgService::setPassword(const Actor &actor, const QString &username, const QString &password)
{
    auto u = userByName(username);
    if (!u)
        return u.error();
    if (actor.userId != u->id)
        if (Status st = requireAdmin(actor); !st)
            return st;
    if (Status st = PasswordHasher::checkStrength(password, u->username); !st)
        return st;
    auto hash = PasswordHasher::hash(password);
    if (!hash)
        return hash.error();
    return m_db.write([&]() -> Status {
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE users SET password_hash = :h, failed_logins = 0, locked_until = NULL,"
                                                  " must_change_password = 0, updated_at = :now, version = version + 1 WHERE id = :id"));
        q.bindValue(QStringLiteral(":h"), *hash);
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        q.bindValue(QStringLiteral(":id"), u->id);
        if (Status st = m_db.exec(q); !st)
            return st;
        // The hash itself is never written to the audit log.
        if (Status st = AuditLog::record(m_db, actor, QStringLiteral("user"), u->id, QStringLiteral("password"),
                                         QStringLiteral("password"), {}, {});
            !st)
            return st;
        m_db.notifyAfterCommit({QStringLiteral("user"), u->id, QStringLiteral("updated")});
        return {};
    });
}

namespace {
Status updateUserColumn(Database &db, const Actor &actor, const User &before, const QString &column, const QString &field,
                        const QVariant &oldValue, const QVariant &value)
{
    return db.write([&]() -> Status {
        QSqlQuery q = db.prepare(QStringLiteral("UPDATE users SET ") + column +
                                 QStringLiteral(" = :v, updated_at = :now, version = version + 1 WHERE id = :id"));
        q.bindValue(QStringLiteral(":v"), value);
        q.bindValue(QStringLiteral(":now"), db.clock().nowMs());
        q.bindValue(QStringLiteral(":id"), before.id);
        if (Status st = db.exec(q); !st)
            return st;
        if (Status st = AuditLog::record(db, actor, QStringLiteral("user"), before.id, QStringLiteral("update"), field,
                                         oldValue, value);
            !st)
            return st;
        db.notifyAfterCommit({QStringLiteral("user"), before.id, QStringLiteral("updated")});
        return {};
    });
}

// Active users whose role grants user.admin (roles keep their permissions space-separated).
Result<qint64> activeAdministrators(Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM users u JOIN roles r ON r.id = u.role_id WHERE u.active = 1"
                                            " AND (' ' || r.permissions || ' ') LIKE :permission"));
    q.bindValue(QStringLiteral(":permission"), QString(QStringLiteral("% ") + Permission::UserAdmin + QStringLiteral(" %")));
    if (Status st = db.exec(q); !st)
        return st.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

// Runs `change` in one transaction and takes it back when it left no active user who may administer
// users where there was one: nobody could then add users, reset a password or fix a role from the
// desktop or the API (only `crm user` on the server could).
Status keepingAnAdministrator(Database &db, const QString &field, const std::function<Status()> &change)
{
    return db.write([&]() -> Status {
        auto before = activeAdministrators(db);
        if (!before)
            return before.error();
        if (Status st = change(); !st)
            return st;
        auto after = activeAdministrators(db);
        if (!after)
            return after.error();
        if (*before > 0 && *after == 0)
            return Error::validation(QStringLiteral("last_admin"), field,
                                     QStringLiteral("At least one active user must keep user administration"));
        return {};
    });
}
} // namespace

Status OrgService::setActive(const Actor &actor, const QString &username, bool active)
{
    if (Status st = requireAdmin(actor); !st)
        return st;
    auto u = userByName(username);
    if (!u)
        return u.error();
    if (!active && u->id == actor.userId)
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("active"), QStringLiteral("You cannot deactivate yourself"));
    return keepingAnAdministrator(m_db, QStringLiteral("active"), [&] {
        return updateUserColumn(m_db, actor, *u, QStringLiteral("active"), QStringLiteral("active"), u->active ? 1 : 0, active ? 1 : 0);
    });
}

Status OrgService::setManager(const Actor &actor, qint64 userId, std::optional<qint64> managerId)
{
    if (Status st = requireAdmin(actor); !st)
        return st;
    auto u = user(userId);
    if (!u)
        return u.error();
    if (managerId) {
        if (*managerId == userId)
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("managerId"), QStringLiteral("A user cannot manage themself"));
        // Refuse cycles: the new manager may not report (directly or not) to this user.
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "WITH RECURSIVE chain(id) AS (SELECT CAST(:m AS BIGINT) UNION SELECT u.manager_id FROM users u JOIN chain c ON u.id = c.id"
            " WHERE u.manager_id IS NOT NULL) SELECT COUNT(*) FROM chain WHERE id = :u"));
        q.bindValue(QStringLiteral(":m"), *managerId);
        q.bindValue(QStringLiteral(":u"), userId);
        if (Status st = m_db.exec(q); !st)
            return st;
        q.next();
        if (q.value(0).toInt() > 0)
            return Error::validation(QStringLiteral("cycle"), QStringLiteral("managerId"),
                                     QStringLiteral("That manager reports to this user"));
        if (!user(*managerId))
            return Error::validation(QStringLiteral("unknown"), QStringLiteral("managerId"), QStringLiteral("Unknown manager"));
    }
    return updateUserColumn(m_db, actor, *u, QStringLiteral("manager_id"), QStringLiteral("managerId"), nullableId(u->managerId),
                            nullableId(managerId));
}

Status OrgService::setDepartment(const Actor &actor, qint64 userId, std::optional<qint64> departmentId)
{
    if (Status st = requireAdmin(actor); !st)
        return st;
    auto u = user(userId);
    if (!u)
        return u.error();
    return updateUserColumn(m_db, actor, *u, QStringLiteral("department_id"), QStringLiteral("departmentId"),
                            nullableId(u->departmentId), nullableId(departmentId));
}

Status OrgService::setRole(const Actor &actor, qint64 userId, qint64 roleId)
{
    if (Status st = requireAdmin(actor); !st)
        return st;
    auto u = user(userId);
    if (!u)
        return u.error();
    if (!loadRole(roleId))
        return Error::validation(QStringLiteral("unknown"), QStringLiteral("roleId"), QStringLiteral("Unknown role"));
    return keepingAnAdministrator(m_db, QStringLiteral("roleId"), [&] {
        return updateUserColumn(m_db, actor, *u, QStringLiteral("role_id"), QStringLiteral("roleId"), u->roleId, roleId);
    });
}

Result<User> OrgService::authenticate(const QString &username, const QString &password)
{
    const Error wrong{QStringLiteral("auth.invalid"), QStringLiteral("Wrong user name or password"), {}};
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, password_hash, active, failed_logins, locked_until FROM users"
                                              " WHERE lower(username) = lower(:u)"));
    q.bindValue(QStringLiteral(":u"), username.trimmed());
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next()) {
        // Spend the same time as a real check so that timing does not reveal which names exist.
        static const QString dummy = PasswordHasher::hash(QStringLiteral("timing-equaliser")).value();
        PasswordHasher::verify(password, dummy);
        return wrong;
    }
    const qint64 id = q.value(0).toLongLong();
    const QString hash = q.value(1).toString();
    const bool active = q.value(2).toInt() != 0;
    const qint64 lockedUntil = q.value(4).isNull() ? 0 : q.value(4).toLongLong();
    q.finish();
    const qint64 now = m_db.clock().nowMs();
    if (lockedUntil > now)
        return Error{QStringLiteral("auth.locked"),
                     QStringLiteral("Too many failed sign-ins: the account is locked for %1 more minutes")
                         .arg((lockedUntil - now + 59999) / 60000),
                     {}};
    const bool good = PasswordHasher::verify(password, hash);
    if (good && !active)
        return Error{QStringLiteral("auth.inactive"), QStringLiteral("This account has been deactivated"), {}};
    Status recorded = m_db.write([&]() -> Status {
        QSqlQuery u = m_db.prepare(
            good ? QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :id")
                 : QStringLiteral("UPDATE users SET failed_logins = failed_logins + 1, locked_until = CASE WHEN failed_logins + 1 >= :max"
                                  " THEN :until ELSE locked_until END WHERE id = :id"));
        u.bindValue(QStringLiteral(":id"), id);
        if (!good) {
            u.bindValue(QStringLiteral(":max"), kMaxFailedLogins);
            u.bindValue(QStringLiteral(":until"), now + kLockMs);
        }
        return m_db.exec(u);
    });
    if (!recorded)
        return recorded.error();
    if (!good)
        return wrong;
    return user(id);
}

Result<Department> OrgService::createDepartment(const Actor &actor, const QString &name, std::optional<qint64> parentId)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    if (Status st = Validation::required(name, QStringLiteral("name"), QStringLiteral("The department name")); !st)
        return st.error();
    return m_db.write([&]() -> Result<Department> {
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO departments (name, parent_id, created_at) VALUES (:n, :p, :now) RETURNING id"));
        q.bindValue(QStringLiteral(":n"), name.trimmed());
        q.bindValue(QStringLiteral(":p"), nullableId(parentId));
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        Department d{q.value(0).toLongLong(), name.trimmed(), parentId};
        q.finish();
        if (Status st = AuditLog::recordCreate(m_db, actor, QStringLiteral("department"), d.id,
                                               {{QStringLiteral("name"), d.name}, {QStringLiteral("parentId"), nullableId(parentId)}});
            !st)
            return st.error();
        m_db.notifyAfterCommit({QStringLiteral("department"), d.id, QStringLiteral("created")});
        return d;
    });
}

Result<QVector<Department>> OrgService::departments()
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, name, parent_id FROM departments ORDER BY name"));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<Department> out;
    while (q.next()) {
        Department d{q.value(0).toLongLong(), q.value(1).toString(), std::nullopt};
        if (!q.value(2).isNull())
            d.parentId = q.value(2).toLongLong();
        out.append(d);
    }
    return out;
}

Result<Department> OrgService::departmentByName(const QString &name)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, name, parent_id FROM departments WHERE name = :n ORDER BY id LIMIT 1"));
    q.bindValue(QStringLiteral(":n"), name.trimmed());
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("Department"));
    Department d{q.value(0).toLongLong(), q.value(1).toString(), std::nullopt};
    if (!q.value(2).isNull())
        d.parentId = q.value(2).toLongLong();
    return d;
}

Result<QVector<Role>> OrgService::roles()
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id FROM roles ORDER BY builtin DESC, name"));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    QVector<Role> out;
    for (qint64 id : ids) { // a handful of roles: one query each is fine here
        auto r = loadRole(id);
        if (!r)
            return r.error();
        out.append(*r);
    }
    return out;
}

Result<Role> OrgService::roleByName(const QString &name)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id FROM roles WHERE name = :n"));
    q.bindValue(QStringLiteral(":n"), name.trimmed());
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("Role"));
    return loadRole(q.value(0).toLongLong());
}

namespace {
Status checkPermissions(const QStringList &permissions)
{
    const QStringList known = Permission::all();
    for (const QString &p : permissions)
        if (!known.contains(p))
            return Error::validation(QStringLiteral("unknown"), QStringLiteral("permissions"),
                                     QStringLiteral("Unknown permission \"%1\"").arg(p));
    return {};
}
} // namespace

Result<Role> OrgService::createRole(const Actor &actor, const QString &name, DataScope scope, const QStringList &permissions)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    if (Status st = Validation::required(name, QStringLiteral("name"), QStringLiteral("The role name")); !st)
        return st.error();
    if (Status st = checkPermissions(permissions); !st)
        return st.error();
    return m_db.write([&]() -> Result<Role> {
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO roles (name, builtin, data_scope, permissions, created_at)"
                                                  " VALUES (:n, 0, :s, :p, :now) RETURNING id"));
        q.bindValue(QStringLiteral(":n"), name.trimmed());
        q.bindValue(QStringLiteral(":s"), toString(scope));
        q.bindValue(QStringLiteral(":p"), permissions.join(QLatin1Char(' ')));
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        if (Status st = m_db.exec(q); !st) {
            if (st.error().isConflict())
                return Error::conflict(QStringLiteral("duplicate"), QStringLiteral("A role with this name exists"), QStringLiteral("name"));
            return st.error();
        }
        q.next();
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        if (Status st = AuditLog::recordCreate(m_db, actor, QStringLiteral("role"), id,
                                               {{QStringLiteral("name"), name.trimmed()},
                                                {QStringLiteral("scope"), toString(scope)},
                                                {QStringLiteral("permissions"), permissions}});
            !st)
            return st.error();
        m_db.notifyAfterCommit({QStringLiteral("role"), id, QStringLiteral("created")});
        return loadRole(id);
    });
}

Status OrgService::updateRole(const Actor &actor, qint64 roleId, DataScope scope, const QStringList &permissions)
{
    if (Status st = requireAdmin(actor); !st)
        return st;
    if (Status st = checkPermissions(permissions); !st)
        return st;
    auto before = loadRole(roleId);
    if (!before)
        return before.error();
    if (before->name == QLatin1String("administrator") && !permissions.contains(Permission::UserAdmin))
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("permissions"),
                                 QStringLiteral("The administrator role must keep user administration"));
    return keepingAnAdministrator(m_db, QStringLiteral("permissions"), [&]() -> Status {
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE roles SET data_scope = :s, permissions = :p, version = version + 1 WHERE id = :id"));
        q.bindValue(QStringLiteral(":s"), toString(scope));
        q.bindValue(QStringLiteral(":p"), permissions.join(QLatin1Char(' ')));
        q.bindValue(QStringLiteral(":id"), roleId);
        if (Status st = m_db.exec(q); !st)
            return st;
        if (Status st = AuditLog::recordUpdate(m_db, actor, QStringLiteral("role"), roleId,
                                               AuditLog::diff({{QStringLiteral("scope"), toString(before->scope)},
                                                               {QStringLiteral("permissions"), before->permissions}},
                                                              {{QStringLiteral("scope"), toString(scope)},
                                                               {QStringLiteral("permissions"), permissions}}));
            !st)
            return st;
        m_db.notifyAfterCommit({QStringLiteral("role"), roleId, QStringLiteral("updated")});
        return {};
    });
}

Status OrgService::setFieldRule(const Actor &actor, qint64 roleId, const QString &entity, const QString &field, FieldRule rule)
{
    if (Status st = requireAdmin(actor); !st)
        return st;
    if (!loadRole(roleId))
        return Error::notFound(QStringLiteral("Role"));
    return m_db.write([&]() -> Status {
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO role_field_rules (role_id, entity, field, rule) VALUES (:r, :e, :f, :rule)"
                                                  " ON CONFLICT (role_id, entity, field) DO UPDATE SET rule = excluded.rule"));
        q.bindValue(QStringLiteral(":r"), roleId);
        q.bindValue(QStringLiteral(":e"), entity);
        q.bindValue(QStringLiteral(":f"), field);
        q.bindValue(QStringLiteral(":rule"), ruleName(rule));
        if (Status st = m_db.exec(q); !st)
            return st;
        if (Status st = AuditLog::record(m_db, actor, QStringLiteral("role"), roleId, QStringLiteral("field_rule"),
                                         entity + QLatin1Char('.') + field, {}, ruleName(rule));
            !st)
            return st;
        m_db.notifyAfterCommit({QStringLiteral("role"), roleId, QStringLiteral("updated")});
        return {};
    });
}

} // namespace crm
