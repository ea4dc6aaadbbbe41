#pragma once

#include "core/Result.h"

#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <QVector>

namespace crm {

class Actor;
class Database;

struct FieldChange
{
    QString field;
    QVariant oldValue;
    QVariant newValue;
};

struct AuditEntry
{
    qint64 id = 0;
    qint64 at = 0;
    qint64 userId = 0;
    QString source, entity, action, field, oldValue, newValue;
    qint64 entityId = 0;
};

// Writes the audit trail inside the caller's transaction, so an entry exists exactly when the
// change it describes was committed. Creates and deletes store one row with a JSON snapshot of the
// record's non-empty values (a missing key means empty); updates store one row per changed field
// with the old and new value.
class AuditLog
{
public:
    static Status recordCreate(Database &db, const Actor &actor, const QString &entity, qint64 id, const QVariantMap &snapshot);
    static Status recordUpdate(Database &db, const Actor &actor, const QString &entity, qint64 id,
                               const QVector<FieldChange> &changes, const QString &action = QStringLiteral("update"));
    static Status recordDelete(Database &db, const Actor &actor, const QString &entity, qint64 id, const QVariantMap &snapshot);
    static Status record(Database &db, const Actor &actor, const QString &entity, qint64 id, const QString &action,
                         const QString &field, const QVariant &oldValue, const QVariant &newValue);

    // The text a snapshot is stored as (compact JSON, empty values left out), for writers that insert
    // audit rows themselves.
    static QString snapshotText(const QVariantMap &snapshot);

    // Field-by-field differences between two snapshots (keys of `after` only).
    static QVector<FieldChange> diff(const QVariantMap &before, const QVariantMap &after);

    // The trail of one record, newest first.
    static Result<QVector<AuditEntry>> history(Database &db, const QString &entity, qint64 id, int limit = 200);
};

} // namespace crm
