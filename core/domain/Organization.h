#pragma once

#include "core/security/Permission.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace crm {

struct User
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString phone;
    QString email;
    bool active = true;
    std::optional<qint64> managerId;
    std::optional<qint64> departmentId;
    qint64 roleId = 0;
    QString roleName;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int version = 1;
    bool mustChangePassword = false; // cleared by any password change
};

struct Department
{
    qint64 id = 0;
    QString name;
    std::optional<qint64> parentId;
};

struct Role
{
    qint64 id = 0;
    QString name;
    bool builtin = false;
    DataScope scope = DataScope::Own;
    QStringList permissions;
    QHash<QString, FieldRule> fieldRules; // "entity.field" -> rule
    int version = 1;
};

} // namespace crm
