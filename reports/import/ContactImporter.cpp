#include "reports/import/ContactImporter.h"

#include "core/security/Actor.h"
#include "core/services/ContactService.h"
#include "core/storage/Database.h"
#include "reports/import/CustomerRowParser.h"
#include "reports/import/ImportLookups.h"
#include "reports/import/ImportReason.h"

#include <QSqlQuery>

namespace crm {

namespace {

QString duplicateKey(qint64 customerId, const QString &name)
{
    return QString::number(customerId) + QLatin1Char('\x1f') + name.trimmed().toCaseFolded();
}

// A contact the rows may duplicate: in the database, or created (or to be created) earlier in the file.
struct Known
{
    qint64 id = 0; // 0: an earlier row in a dry run (or not written)
    qint64 row = 0; // > 0: from the file
};

struct ContactRow
{
    CustomerRef customer;
    Contact draft;
    std::optional<bool> primary; // the primary cell, when it says yes or no
    QSet<QString> given; // ContactService fields the row fills
};

class Run final : public EntityImport
{
public:
    Run(Database &db, const Actor &actor, const EntityImportOptions &options)
        : EntityImport(db, actor, options, QStringLiteral("contacts")), m_customers(db, actor)
    {
    }

protected:
    Status checkMapping(const ColumnMapping &) override { return {}; }
    Status prepare() override { return {}; }

    Status handleChunk(const QVector<ImportRow> &rows) override
    {
        QVector<ContactRow> parsed(rows.size());
        QVector<std::optional<Error>> failures(rows.size());
        QVector<CustomerRef> refs;
        for (int i = 0; i < rows.size(); ++i) {
            if (Status st = parse(rows[i].cells, parsed[i]); !st)
                failures[i] = st.error();
            else
                refs << parsed[i].customer;
        }
        if (Status st = m_customers.load(refs); !st)
            return st;
        QSet<qint64> ids;
        for (int i = 0; i < rows.size(); ++i) {
            if (failures[i])
                continue;
            auto id = m_customers.find(parsed[i].customer);
            if (!id) {
                failures[i] = id.error();
                continue;
            }
            parsed[i].draft.customerId = *id;
            ids.insert(*id);
        }
        if (Status st = loadExisting(ids); !st)
            return st;
        for (int i = 0; i < rows.size(); ++i) {
            Status st = failures[i] ? invalid(rows[i], *failures[i]) : row(rows[i], parsed[i]);
            if (!st)
                return st;
        }
        return {};
    }

private:
    QString cell(const QStringList &cells, const char *field) const
    {
        const int i = m_mapping.columnOf(QLatin1String(field));
        return i < 0 ? QString() : CustomerRowParser::clean(cells.value(i));
    }

    Status parse(const QStringList &cells, ContactRow &r) const
    {
        auto customer = customerRefIn(m_mapping, cells);
        if (!customer)
            return customer.error();
        r.customer = *customer;
        Contact &k = r.draft;
        const std::pair<const char *, QString *> texts[] = {{"name", &k.name},   {"position", &k.position},
                                                            {"relationship", &k.relationship}, {"phone", &k.phone},
                                                            {"email", &k.email}, {"notes", &k.notes}};
        for (const auto &[field, value] : texts) {
            *value = cell(cells, field);
            if (!value->isEmpty())
                r.given << QLatin1String(field);
        }
        // An empty cell says nothing (as every empty cell): the default for a new contact, no change
        // for an existing one. The export writes the primary mark and leaves the others empty.
        if (const QString flag = cell(cells, "primary").toLower(); !flag.isEmpty()) {
            static const QStringList yes = {QStringLiteral("yes"), QStringLiteral("y"), QStringLiteral("true"), QStringLiteral("1"),
                                            QStringLiteral("是"), QStringLiteral("主"), QStringLiteral("主联系人")};
            static const QStringList no = {QStringLiteral("no"), QStringLiteral("n"), QStringLiteral("false"), QStringLiteral("0"),
                                           QStringLiteral("否")};
            if (yes.contains(flag))
                r.primary = true;
            else if (no.contains(flag))
                r.primary = false;
            else
                return cellFormatError("primary", QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is neither yes nor no"), flag);
        }
        return ContactService::validateDraft(k);
    }

    // The contacts of these customers (one query per chunk), for duplicates and for whether a
    // customer has a primary contact yet.
    Status loadExisting(const QSet<qint64> &customerIds)
    {
        m_existing.clear();
        if (customerIds.isEmpty())
            return {};
        QStringList names;
        for (int n = 0; n < customerIds.size(); ++n)
            names << QStringLiteral(":c%1").arg(n);
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, customer_id, name, is_primary FROM contacts WHERE customer_id IN (") +
                                   names.join(QStringLiteral(", ")) + QStringLiteral(") ORDER BY id"));
        int n = 0;
        for (qint64 id : customerIds)
            q.bindValue(QStringLiteral(":c%1").arg(n++), id);
        if (Status st = m_db.exec(q); !st)
            return st;
        while (q.next()) {
            const qint64 customer = q.value(1).toLongLong();
            const QString key = duplicateKey(customer, q.value(2).toString());
            if (!m_existing.contains(key))
                m_existing.insert(key, Known{q.value(0).toLongLong(), 0});
            if (q.value(3).toInt() != 0)
                m_hasPrimary.insert(customer);
        }
        return {};
    }

    Status row(const ImportRow &row, ContactRow &r)
    {
        Contact &k = r.draft;
        const QString key = duplicateKey(k.customerId, k.name);
        std::optional<Known> match;
        if (auto it = m_inFile.constFind(key); it != m_inFile.cend())
            match = *it;
        else if (auto db = m_existing.constFind(key); db != m_existing.cend())
            match = *db;
        if (match && m_options.onDuplicate != DuplicatePolicy::Create) {
            constexpr auto same = ImportReason::Same::ContactName;
            if (m_options.onDuplicate == DuplicatePolicy::Skip) {
                ++m_result.skipped;
                return note(row, QStringLiteral("name"),
                            match->row > 0 ? ImportReason::duplicateOfRow(match->row, same)
                                           : ImportReason::duplicateOfRecord(match->id, same));
            }
            return update(row, r, *match);
        }
        k.primary = r.primary.value_or(!m_hasPrimary.contains(k.customerId));
        Known created{0, row.number};
        if (writing()) {
            auto added = ContactService(m_db).add(m_actor, k);
            if (!added) // every check was made before the write: this is the database's problem, not the row's
                return ImportReason::writeFailed(row.number, added.error());
            created.id = added->id;
        }
        if (k.primary)
            m_hasPrimary.insert(k.customerId);
        ++m_result.created;
        m_inFile.insert(key, created);
        return {};
    }

    Status update(const ImportRow &row, const ContactRow &r, const Known &match)
    {
        QSet<QString> fields = r.given;
        fields.remove(QStringLiteral("name")); // the key it was matched by
        if (r.primary)
            fields << QStringLiteral("primary");
        if (!writing() || match.id == 0) { // dry run, or all-or-nothing after an invalid row
            ++m_result.updated;
            return {};
        }
        if (!fields.isEmpty()) {
            Contact values = r.draft;
            values.primary = r.primary.value_or(false);
            auto updated = ContactService(m_db).update(m_actor, match.id, values, fields);
            if (!updated)
                return ImportReason::writeFailed(row.number, updated.error());
            if (updated->primary)
                m_hasPrimary.insert(updated->customerId);
        }
        ++m_result.updated;
        return {};
    }

    CustomerLookup m_customers;
    QHash<QString, Known> m_existing; // this chunk's customers' contacts
    QHash<QString, Known> m_inFile; // created by earlier rows
    QSet<qint64> m_hasPrimary; // customers known to have a primary contact
};

} // namespace

Result<EntityImportResult> ContactImporter::run(const Actor &actor, RowSource &source, const EntityImportOptions &options)
{
    if (!actor.can(Permission::CustomerWrite) || !actor.can(Permission::CustomerRead))
        return Error::forbidden(QStringLiteral("You do not have permission to import contacts"));
    Run run(m_db, actor, options);
    return run.run(source);
}

} // namespace crm
