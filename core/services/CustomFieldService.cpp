#include "core/services/CustomFieldService.h"

#include "core/security/Actor.h"
#include "core/services/AuditLog.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("custom_field");

Status requireAdmin(const Actor &actor)
{
    if (!actor.can(Permission::SettingsAdmin))
        return Error::forbidden(QStringLiteral("Only administrators may change custom fields"));
    return {};
}

const QString kSelect = QStringLiteral("SELECT id, field_key, label, field_type, options, required, position FROM custom_field_defs"
                                       " WHERE entity = 'customer'");

// A row of kSelect.
CustomFieldDef readDef(const QSqlQuery &q)
{
    CustomFieldDef d;
    d.id = q.value(0).toLongLong();
    d.key = q.value(1).toString();
    d.label = q.value(2).toString();
    d.type = q.value(3).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array())
        d.options << v.toString();
    d.required = q.value(5).toInt() != 0;
    d.position = q.value(6).toInt();
    return d;
}

QVariantMap snapshot(const CustomFieldDef &d)
{
    return {{QStringLiteral("key"), d.key},           {QStringLiteral("label"), d.label},
            {QStringLiteral("type"), d.type},         {QStringLiteral("options"), d.options},
            {QStringLiteral("required"), d.required}, {QStringLiteral("position"), d.position}};
}

} // namespace

const QStringList &CustomFieldService::types()
{
    static const QStringList all = {QStringLiteral("text"), QStringLiteral("number"), QStringLiteral("date"), QStringLiteral("bool"),
                                    QStringLiteral("choice")};
    return all;
}

Result<QVector<CustomFieldDef>> CustomFieldService::list(const Actor &actor)
{
    if (!actor.can(Permission::CustomerRead))
        return Error::forbidden();
    QSqlQuery q = m_db.prepare(kSelect + QStringLiteral(" ORDER BY position, id"));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<CustomFieldDef> out;
    while (q.next())
        out.append(readDef(q));
    return out;
}

Result<CustomFieldDef> CustomFieldService::add(const Actor &actor, const CustomFieldDef &draft)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    CustomFieldDef d = draft;
    d.entity = QStringLiteral("customer");
    d.key = d.key.trimmed();
    d.label = d.label.trimmed();
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    if (d.key.isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("key"), QStringLiteral("The key is required"));
    if (!keyPattern.match(d.key).hasMatch())
        return Error::validation(QStringLiteral("format"), QStringLiteral("key"),
                                 QStringLiteral("The key is 1-40 lower-case letters, digits or _, starting with a letter"));
    if (d.label.isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("label"), QStringLiteral("The label is required"));
    if (d.label.size() > 100)
        return Error::validation(QStringLiteral("too_long"), QStringLiteral("label"), QStringLiteral("The label is at most 100 characters"));
    if (!types().contains(d.type))
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("type"),
                                 QStringLiteral("The type is one of ") + types().join(QStringLiteral(", ")));
    QStringList options;
    for (const QString &o : std::as_const(d.options))
        if (const QString t = o.trimmed(); !t.isEmpty() && !options.contains(t))
            options << t;
    d.options = d.type == QLatin1String("choice") ? options : QStringList();
    if (d.type == QLatin1String("choice") && (d.options.isEmpty() || d.options.size() > 100))
        return Error::validation(QStringLiteral("required"), QStringLiteral("options"), QStringLiteral("A choice field needs 1-100 options"));
    if (std::any_of(d.options.begin(), d.options.end(), [](const QString &o) { return o.size() > 100; }))
        return Error::validation(QStringLiteral("too_long"), QStringLiteral("options"), QStringLiteral("An option is at most 100 characters"));

    return m_db.write([&]() -> Result<CustomFieldDef> {
        QSqlQuery dup = m_db.prepare(QStringLiteral("SELECT 1 FROM custom_field_defs WHERE entity = 'customer' AND field_key = :k"));
        dup.bindValue(QStringLiteral(":k"), d.key);
        if (Status st = m_db.exec(dup); !st)
            return st.error();
        if (dup.next())
            return Error::conflict(QStringLiteral("duplicate"), QStringLiteral("A custom field \"%1\" exists already").arg(d.key),
                                   QStringLiteral("key"));
        dup.finish();
        // A new required field would make every existing customer invalid on its next save.
        if (d.required) {
            QSqlQuery any = m_db.prepare(QStringLiteral("SELECT 1 FROM customers LIMIT 1"));
            if (Status st = m_db.exec(any); !st)
                return st.error();
            if (any.next())
                return Error::validation(QStringLiteral("invalid"), QStringLiteral("required"),
                                         QStringLiteral("A field added to existing customers cannot be required"));
        }
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO custom_field_defs (entity, field_key, label, field_type, options, required, position)"
            " SELECT 'customer', :k, :l, :t, :o, :r, COALESCE(MAX(position) + 1, 0) FROM custom_field_defs WHERE entity = 'customer'"
            " RETURNING id, position"));
        q.bindValue(QStringLiteral(":k"), d.key);
        q.bindValue(QStringLiteral(":l"), d.label);
        q.bindValue(QStringLiteral(":t"), d.type);
        q.bindValue(QStringLiteral(":o"), d.options.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                              : QVariant(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(d.options))
                                                                                               .toJson(QJsonDocument::Compact))));
        q.bindValue(QStringLiteral(":r"), d.required ? 1 : 0);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        d.id = q.value(0).toLongLong();
        d.position = q.value(1).toInt();
        q.finish();
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, d.id, snapshot(d)); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, d.id, QStringLiteral("created")});
        return d;
    });
}

Status CustomFieldService::remove(const Actor &actor, const QString &key)
{
    if (Status st = requireAdmin(actor); !st)
        return st;
    return m_db.write([&]() -> Status {
        QSqlQuery found = m_db.prepare(kSelect + QStringLiteral(" AND field_key = :k"));
        found.bindValue(QStringLiteral(":k"), key);
        if (Status st = m_db.exec(found); !st)
            return st;
        if (!found.next())
            return Error::notFound();
        const CustomFieldDef def = readDef(found);
        found.finish();
        // The JSON is compact ({"key":value}), as CustomerRepository writes it.
        QSqlQuery used = m_db.prepare(QStringLiteral("SELECT 1 FROM customers WHERE custom_fields LIKE :pattern LIMIT 1"));
        used.bindValue(QStringLiteral(":pattern"), QString(QStringLiteral("%\"") + key + QStringLiteral("\":%")));
        if (Status st = m_db.exec(used); !st)
            return st;
        if (used.next())
            return Error::conflict(QStringLiteral("in_use"),
                                   QStringLiteral("Some customers have a value for \"%1\"; clear it first").arg(key), QStringLiteral("key"));
        used.finish();
        QSqlQuery del = m_db.prepare(QStringLiteral("DELETE FROM custom_field_defs WHERE id = :id"));
        del.bindValue(QStringLiteral(":id"), def.id);
        if (Status st = m_db.exec(del); !st)
            return st;
        if (Status st = AuditLog::recordDelete(m_db, actor, kEntity, def.id, snapshot(def)); !st)
            return st;
        m_db.notifyAfterCommit({kEntity, def.id, QStringLiteral("deleted")});
        return {};
    });
}

} // namespace crm
