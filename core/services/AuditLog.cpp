#include "core/services/AuditLog.h"

#include "core/security/Actor.h"
#include "core/storage/Database.h"
#include "core/storage/ReusedQuery.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace crm {

namespace {
QVariant toText(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QVariant(QMetaType::fromType<QString>());
    switch (v.metaType().id()) {
    case QMetaType::QVariantMap:
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return QString::fromUtf8(QJsonDocument::fromVariant(v).toJson(QJsonDocument::Compact));
    default:
        return v.toString();
    }
}

bool isEmptyValue(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return true;
    switch (v.metaType().id()) {
    case QMetaType::QString: return v.toString().isEmpty();
    case QMetaType::QVariantMap: return v.toMap().isEmpty();
    case QMetaType::QVariantList: return v.toList().isEmpty();
    case QMetaType::QStringList: return v.toStringList().isEmpty();
    default: return false;
    }
}

// The snapshot without its empty values (null, "", [] and {}), at any depth; list items stay, their
// position is their identity. A reader takes a missing key as empty. A customer's empty fields made
// up a third of its snapshot, and the snapshots are the largest table a bulk import writes.
QVariant sparse(const QVariant &v)
{
    switch (v.metaType().id()) {
    case QMetaType::QVariantMap: {
        QVariantMap out;
        const QVariantMap map = v.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            if (QVariant value = sparse(it.value()); !isEmptyValue(value))
                out.insert(it.key(), value);
        return out;
    }
    case QMetaType::QVariantList: {
        QVariantList out;
        for (const QVariant &item : v.toList())
            out.append(sparse(item));
        return out;
    }
    default:
        return v;
    }
}
} // namespace

Status AuditLog::record(Database &db, const Actor &actor, const QString &entity, qint64 id, const QString &action,
                        const QString &field, const QVariant &oldValue, const QVariant &newValue)
{
    ReusedQuery q(db, QStringLiteral(
        "INSERT INTO audit_log (at, user_id, source, entity, entity_id, action, field, old_value, new_value)"
        " VALUES (:at, :user, :source, :entity, :id, :action, :field, :old, :new)"));
    q->bindValue(QStringLiteral(":at"), db.clock().nowMs());
    q->bindValue(QStringLiteral(":user"), actor.userId > 0 ? QVariant(actor.userId) : QVariant(QMetaType::fromType<qlonglong>()));
    q->bindValue(QStringLiteral(":source"), actor.source);
    q->bindValue(QStringLiteral(":entity"), entity);
    q->bindValue(QStringLiteral(":id"), id);
    q->bindValue(QStringLiteral(":action"), action);
    q->bindValue(QStringLiteral(":field"), field.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(field));
    q->bindValue(QStringLiteral(":old"), toText(oldValue));
    q->bindValue(QStringLiteral(":new"), toText(newValue));
    return db.exec(*q);
}

QString AuditLog::snapshotText(const QVariantMap &snapshot)
{
    return toText(sparse(snapshot)).toString();
}

Status AuditLog::recordCreate(Database &db, const Actor &actor, const QString &entity, qint64 id, const QVariantMap &snapshot)
{
    return record(db, actor, entity, id, QStringLiteral("create"), {}, {}, snapshotText(snapshot));
}

Status AuditLog::recordDelete(Database &db, const Actor &actor, const QString &entity, qint64 id, const QVariantMap &snapshot)
{
    return record(db, actor, entity, id, QStringLiteral("delete"), {}, snapshotText(snapshot), {});
}

Status AuditLog::recordUpdate(Database &db, const Actor &actor, const QString &entity, qint64 id,
                              const QVector<FieldChange> &changes, const QString &action)
{
    for (const FieldChange &c : changes)
        if (Status st = record(db, actor, entity, id, action, c.field, c.oldValue, c.newValue); !st)
            return st;
    return {};
}

QVector<FieldChange> AuditLog::diff(const QVariantMap &before, const QVariantMap &after)
{
    QVector<FieldChange> out;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const QVariant old = before.value(it.key());
        if (toText(old) != toText(it.value()))
            out.append({it.key(), old, it.value()});
    }
    return out;
}

Result<QVector<AuditEntry>> AuditLog::history(Database &db, const QString &entity, qint64 id, int limit)
{
    QSqlQuery q = db.prepare(QStringLiteral(
        "SELECT id, at, user_id, source, entity, entity_id, action, field, old_value, new_value FROM audit_log"
        " WHERE entity = :entity AND entity_id = :id ORDER BY at DESC, id DESC LIMIT :limit"));
    q.bindValue(QStringLiteral(":entity"), entity);
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (Status st = db.exec(q); !st)
        return st.error();
    QVector<AuditEntry> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
                    q.value(4).toString(), q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                    q.value(9).toString(), q.value(5).toLongLong()});
    return out;
}

} // namespace crm
