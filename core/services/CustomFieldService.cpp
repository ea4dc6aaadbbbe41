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

const QString kUsedSql = QStringLiteral("SELECT 1 FROM customers WHERE custom_fields LIKE :pattern LIMIT 1");

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

// Trims the label and a choice's options (dropping empty and repeated ones; other types have none)
// and checks them: what add() and update() share.
Status normalise(CustomFieldDef &d)
{
    d.label = d.label.trimmed();
    if (d.label.isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("label"), QStringLiteral("The label is required"));
    if (d.label.size() > 100)
        return Error::validation(QStringLiteral("too_long"), QStringLiteral("label"), QStringLiteral("The label is at most 100 characters"));
    QStringList options;
    for (const QString &o : std::as_const(d.options))
        if (const QString t = o.trimmed(); !t.isEmpty() && !options.contains(t))
            options << t;
    d.options = d.type == QLatin1String("choice") ? options : QStringList();
    if (d.type == QLatin1String("choice") && (d.options.isEmpty() || d.options.size() > 100))
        return Error::validation(QStringLiteral("required"), QStringLiteral("options"), QStringLiteral("A choice field needs 1-100 options"));
    if (std::any_of(d.options.begin(), d.options.end(), [](const QString &o) { return o.size() > 100; }))
        return Error::validation(QStringLiteral("too_long"), QStringLiteral("options"), QStringLiteral("An option is at most 100 characters"));
    return {};
}

QVariant optionsValue(const QStringList &options)
{
    if (options.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(options)).toJson(QJsonDocument::Compact));
}

// The LIKE pattern of a customer whose custom_fields hold `value` (JSON text, as CustomerRepository
// writes it compactly: {"key":value}) under `key`; an empty value matches any value. LIKE's own % and
// _ inside an option only widen the match, which errs on the side of "in use".
QString valuePattern(const QString &key, const QString &jsonValue = {})
{
    return QStringLiteral("%\"") + key + QStringLiteral("\":") + jsonValue + QLatin1Char('%');
}

// Whether `sql` (binding :pattern) finds a row.
Result<bool> exists(Database &db, const QString &sql, const QString &pattern)
{
    QSqlQuery q = db.prepare(sql);
    q.bindValue(QStringLiteral(":pattern"), pattern);
    if (Status st = db.exec(q); !st)
        return st.error();
    return q.next();
}

Result<CustomFieldDef> findDef(Database &db, const QString &key)
{
    QSqlQuery found = db.prepare(kSelect + QStringLiteral(" AND field_key = :k"));
    found.bindValue(QStringLiteral(":k"), key);
    if (Status st = db.exec(found); !st)
        return st.error();
    if (!found.next())
        return Error::notFound();
    return readDef(found);
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
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    if (d.key.isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("key"), QStringLiteral("The key is required"));
    if (!keyPattern.match(d.key).hasMatch())
        return Error::validation(QStringLiteral("format"), QStringLiteral("key"),
                                 QStringLiteral("The key is 1-40 lower-case letters, digits or _, starting with a letter"));
    if (!types().contains(d.type))
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("type"),
                                 QStringLiteral("The type is one of ") + types().join(QStringLiteral(", ")));
    if (Status st = normalise(d); !st)
        return st.error();

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
        q.bindValue(QStringLiteral(":o"), optionsValue(d.options));
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
        const auto found = findDef(m_db, key);
        if (!found)
            return found.error();
        const CustomFieldDef def = *found;
        const auto used = exists(m_db, kUsedSql, valuePattern(key));
        if (!used)
            return used.error();
        if (*used)
            return Error::conflict(QStringLiteral("in_use"),
                                   QStringLiteral("Some customers have a value for \"%1\"; clear it first").arg(key), QStringLiteral("key"));
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

Result<CustomFieldDef> CustomFieldService::update(const Actor &actor, const QString &key, const CustomFieldDef &changes)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    return m_db.write([&]() -> Result<CustomFieldDef> {
        const auto found = findDef(m_db, key);
        if (!found)
            return found.error();
        const CustomFieldDef before = *found;
        CustomFieldDef d = before;
        d.label = changes.label;
        d.options = changes.options;
        d.required = changes.required;
        if (Status st = normalise(d); !st)
            return st.error();
        // A choice dropped from the list would leave customers holding a value the validator refuses.
        for (const QString &option : before.options) {
            if (d.options.contains(option))
                continue;
            const QString json = QString::fromUtf8(QJsonDocument(QJsonArray{option}).toJson(QJsonDocument::Compact)).chopped(1).mid(1);
            const auto used = exists(m_db, kUsedSql, valuePattern(key, json));
            if (!used)
                return used.error();
            if (*used)
                return Error::conflict(QStringLiteral("in_use"),
                                       QStringLiteral("Some customers have \"%1\" as their %2; change them first").arg(option, key),
                                       QStringLiteral("options"));
        }
        // Required from now on only when every customer has a value already (each save would refuse
        // the customer otherwise). One pass over the customers: an administrator's rare action.
        if (d.required && !before.required) {
            const auto missing = exists(m_db,
                                        QStringLiteral("SELECT 1 FROM customers WHERE custom_fields IS NULL"
                                                       " OR custom_fields NOT LIKE :pattern LIMIT 1"),
                                        valuePattern(key));
            if (!missing)
                return missing.error();
            if (*missing)
                return Error::validation(QStringLiteral("invalid"), QStringLiteral("required"),
                                         QStringLiteral("Some customers have no value for this field yet"));
        }
        const QVector<FieldChange> changed = AuditLog::diff(snapshot(before), snapshot(d));
        if (changed.isEmpty())
            return d;
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE custom_field_defs SET label = :l, options = :o, required = :r WHERE id = :id"));
        q.bindValue(QStringLiteral(":l"), d.label);
        q.bindValue(QStringLiteral(":o"), optionsValue(d.options));
        q.bindValue(QStringLiteral(":r"), d.required ? 1 : 0);
        q.bindValue(QStringLiteral(":id"), d.id);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, d.id, changed); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, d.id, QStringLiteral("updated")});
        return d;
    });
}

Status CustomFieldService::reorder(const Actor &actor, const QStringList &keys)
{
    if (Status st = requireAdmin(actor); !st)
        return st;
    return m_db.write([&]() -> Status {
        QSqlQuery all = m_db.prepare(kSelect + QStringLiteral(" ORDER BY position, id"));
        if (Status st = m_db.exec(all); !st)
            return st;
        QVector<CustomFieldDef> fields;
        while (all.next())
            fields.append(readDef(all));
        all.finish();
        QStringList current;
        for (const CustomFieldDef &f : fields)
            current << f.key;
        QStringList sortedKeys = keys, sortedCurrent = current;
        sortedKeys.sort();
        sortedCurrent.sort();
        if (sortedKeys != sortedCurrent)
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("keys"),
                                     QStringLiteral("The new order names every custom field once"));
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE custom_field_defs SET position = :p WHERE id = :id"));
        for (const CustomFieldDef &f : fields) {
            const int position = int(keys.indexOf(f.key));
            if (position == f.position)
                continue;
            q.bindValue(QStringLiteral(":p"), position);
            q.bindValue(QStringLiteral(":id"), f.id);
            if (Status st = m_db.exec(q); !st)
                return st;
            if (Status st = AuditLog::record(m_db, actor, kEntity, f.id, QStringLiteral("update"), QStringLiteral("position"),
                                             f.position, position);
                !st)
                return st;
            m_db.notifyAfterCommit({kEntity, f.id, QStringLiteral("updated")});
        }
        return {};
    });
}

} // namespace crm
