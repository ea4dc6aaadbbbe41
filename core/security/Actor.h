#pragma once

#include "core/security/Permission.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

namespace crm {

// The user on whose behalf a service call runs, with everything the permission engine needs,
// resolved once per request (or per desktop refresh) by OrgService::actorFor().
// Surfaces never build an Actor from client input: the API gets the user id from the token.
class Actor
{
public:
    qint64 userId = 0;
    QString username;
    QString displayName;
    qint64 roleId = 0;
    QString roleName;
    qint64 departmentId = 0;
    DataScope scope = DataScope::Own;
    QSet<QString> permissions;
    // Owners whose records are in scope (the user included); unused when scope is All.
    QVector<qint64> visibleOwnerIds;
    // "entity.field" -> rule; fields without a rule are editable.
    QHash<QString, FieldRule> fieldRules;
    // Where the call came from, for the audit log: "desktop", "api", "cli", "system".
    QString source = QStringLiteral("desktop");

    bool can(const QString &permission) const { return permissions.contains(permission); }
    FieldRule fieldRule(const QString &entity, const QString &field) const
    {
        return fieldRules.value(entity + QLatin1Char('.') + field, FieldRule::Editable);
    }
    bool canSeeField(const QString &entity, const QString &field) const
    {
        return fieldRule(entity, field) != FieldRule::Hidden;
    }
    bool seesAll() const { return scope == DataScope::All; }
    bool canSeeOwner(qint64 ownerId) const { return seesAll() || visibleOwnerIds.contains(ownerId); }

    // SQL condition restricting `column` (an owner/assignee column) to this actor's scope.
    // Ids are integers from the database, so inlining them is safe and lets the planner use the
    // owner indexes directly.
    QString ownerCondition(const QString &column) const
    {
        if (seesAll())
            return QStringLiteral("1=1");
        if (visibleOwnerIds.isEmpty())
            return QStringLiteral("1=0");
        QString ids;
        for (qint64 id : visibleOwnerIds) {
            if (!ids.isEmpty())
                ids += QLatin1Char(',');
            ids += QString::number(id);
        }
        return column + QStringLiteral(" IN (") + ids + QLatin1Char(')');
    }

    // An actor with every permission and full scope, for the system's own work (migrations, demo
    // data, command-line maintenance run by the machine's administrator).
    static Actor system()
    {
        Actor a;
        a.username = QStringLiteral("system");
        a.displayName = QStringLiteral("System");
        a.roleName = QStringLiteral("administrator");
        a.scope = DataScope::All;
        const QStringList all = Permission::all();
        a.permissions = QSet<QString>(all.begin(), all.end());
        a.source = QStringLiteral("system");
        return a;
    }
};

} // namespace crm
