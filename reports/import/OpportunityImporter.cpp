#include "reports/import/OpportunityImporter.h"

#include "core/security/Actor.h"
#include "core/services/OpportunityService.h"
#include "core/storage/Database.h"
#include "core/storage/OpportunityBulkWriter.h"
#include "reports/import/ImportLookups.h"
#include "reports/import/ImportReason.h"
#include "reports/import/OpportunityRowParser.h"

#include <QSqlQuery>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("opportunity");

// The service field a mapped column fills, for field rules.
QString serviceField(const QString &importField)
{
    if (importField == QLatin1String("amount"))
        return QStringLiteral("amountMinor");
    if (importField == QLatin1String("owner"))
        return QStringLiteral("ownerId");
    return importField;
}

// An opportunity the rows may duplicate: in the database, or created (or to be created) earlier in the file.
struct Known
{
    qint64 id = 0; // 0: an earlier row in a dry run (or not written)
    std::optional<qint64> ownerId;
    qint64 pipelineId = 0, stageId = 0;
    qint64 row = 0; // > 0: from the file
};

QString duplicateKey(qint64 customerId, const QString &name)
{
    return QString::number(customerId) + QLatin1Char('\x1f') + name.trimmed().toCaseFolded();
}

class Run final : public EntityImport
{
public:
    Run(Database &db, const Actor &actor, const EntityImportOptions &options)
        : EntityImport(db, actor, options, QStringLiteral("opportunities")), m_customers(db, actor)
    {
    }

protected:
    Status checkMapping(const ColumnMapping &mapping) override
    {
        // As OpportunityService::create: guarded fields a role hides or makes read-only cannot be filled.
        for (const QString &f : mapping.fields) {
            const QString field = serviceField(f);
            if (f.isEmpty() || !OpportunityService::fieldNames().contains(field) || field == QLatin1String("customerId") ||
                field == QLatin1String("name") || field == QLatin1String("currency") || field == QLatin1String("ownerId"))
                continue;
            if (m_actor.fieldRule(kEntity, field) != FieldRule::Editable)
                return Error{QStringLiteral("forbidden"), QStringLiteral("You may not change the field \"%1\"").arg(field), field};
        }
        return {};
    }

    Status prepare() override
    {
        if (Status st = m_users.load(m_db); !st)
            return st;
        return m_stages.load(m_db, m_actor);
    }

    // The last batch and the won values, and one change of each kind for the whole import.
    Status finish() override
    {
        if (!m_writer)
            return {};
        const bool wonValues = m_writer->changesCustomers();
        if (Status st = m_writer->finish(); !st)
            return st;
        if (m_result.created > 0)
            m_db.notifyAfterCommit({kEntity, 0, QStringLiteral("reset")});
        if (wonValues)
            m_db.notifyAfterCommit({QStringLiteral("customer"), 0, QStringLiteral("reset")});
        return {};
    }

    // Parses the chunk, looks its customers and duplicates up in a query or two, then handles the rows
    // in file order (so the report lists them in order too).
    Status handleChunk(const QVector<ImportRow> &rows) override
    {
        OpportunityRowParser parser(m_mapping);
        QVector<OpportunityRow> parsed(rows.size());
        QVector<std::optional<Error>> failures(rows.size());
        QVector<CustomerRef> refs;
        for (int i = 0; i < rows.size(); ++i) {
            if (Status st = parser.parse(rows[i].cells, parsed[i]); !st)
                failures[i] = st.error();
            else
                refs << parsed[i].customer;
        }
        if (Status st = m_customers.load(refs); !st)
            return st;
        QVector<qint64> customerIds(rows.size(), 0);
        QSet<qint64> idSet;
        for (int i = 0; i < rows.size(); ++i) {
            if (failures[i])
                continue;
            auto id = m_customers.find(parsed[i].customer);
            if (!id) {
                failures[i] = id.error();
                continue;
            }
            customerIds[i] = *id;
            idSet.insert(*id);
        }
        if (Status st = loadExisting(idSet); !st)
            return st;
        for (int i = 0; i < rows.size(); ++i) {
            Status st = failures[i] ? invalid(rows[i], *failures[i]) : row(rows[i], parsed[i], customerIds[i]);
            if (!st)
                return st;
        }
        return {};
    }

private:
    // The opportunities of these customers, for duplicate checks: one query per chunk, for the
    // customers no earlier chunk loaded (what this import creates is in m_inFile; the same customers
    // in every chunk of a big file otherwise read back each other's growing lists, 6 % of a 30,000-row
    // import). Loaded opportunities stay, up to kMaxKnown (then the next chunk starts over). All of
    // them, in scope or not, so that a duplicate the actor cannot see is reported rather than doubled.
    // Nothing when duplicates are created anyway.
    Status loadExisting(const QSet<qint64> &customerIds)
    {
        if (m_options.onDuplicate == DuplicatePolicy::Create)
            return {};
        if (m_existing.size() > kMaxKnown) {
            m_existing.clear();
            m_loadedCustomers.clear();
        }
        QVector<qint64> ids;
        for (qint64 id : customerIds)
            if (!m_loadedCustomers.contains(id))
                ids << id;
        if (ids.isEmpty())
            return {};
        QStringList names;
        for (qsizetype i = 0; i < ids.size(); ++i)
            names << QStringLiteral(":c%1").arg(i);
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT o.id, o.customer_id, o.name, o.owner_id, o.pipeline_id, o.stage_id"
                                                  " FROM opportunities o WHERE o.customer_id IN (") +
                                   names.join(QStringLiteral(", ")) + QStringLiteral(") ORDER BY o.id"));
        for (qsizetype i = 0; i < ids.size(); ++i) {
            q.bindValue(names.at(i), ids.at(i));
            m_loadedCustomers.insert(ids.at(i));
        }
        if (Status st = m_db.exec(q); !st)
            return st;
        while (q.next()) {
            Known k;
            k.id = q.value(0).toLongLong();
            if (!q.value(3).isNull())
                k.ownerId = q.value(3).toLongLong();
            k.pipelineId = q.value(4).toLongLong();
            k.stageId = q.value(5).toLongLong();
            const QString key = duplicateKey(q.value(1).toLongLong(), q.value(2).toString());
            if (!m_existing.contains(key))
                m_existing.insert(key, k);
        }
        return {};
    }

    bool visible(const Known &k) const
    {
        return m_actor.seesAll() || (k.ownerId && m_actor.canSeeOwner(*k.ownerId));
    }

    static Error rowError(const QString &field, const char *pattern, const QStringList &args)
    {
        return Error::detailed(QStringLiteral("validation.invalid"), field, pattern, args);
    }

    Error failed(const ImportRow &row, const Error &e) const
    {
        // Every reference was checked before the write, so this is no row problem but the database's.
        return ImportReason::writeFailed(row.number, e);
    }

    Status row(const ImportRow &row, OpportunityRow &r, qint64 customerId)
    {
        const QString key = duplicateKey(customerId, r.draft.name);
        std::optional<Known> match;
        if (auto it = m_inFile.constFind(key); it != m_inFile.cend())
            match = *it;
        else if (auto db = m_existing.constFind(key); db != m_existing.cend())
            match = *db;
        // A row updating a deal without naming a pipeline names a stage of the deal's own pipeline
        // (the default pipeline's stage of that name would move the deal out of it).
        const bool updating = match && m_options.onDuplicate == DuplicatePolicy::Update;
        auto stage = updating && r.pipeline.isEmpty() ? m_stages.findIn(match->pipelineId, r.stage, r.status)
                                                      : m_stages.find(r.pipeline, r.stage, r.status);
        if (!stage)
            return invalid(row, stage.error());
        if (!r.status.isEmpty() && r.status != stage->kind)
            return invalid(row, rowError(QStringLiteral("status"), QT_TRANSLATE_NOOP("ErrorText", "The stage \"%1\" is %2, not %3"),
                                         {stage->name, stage->kind, r.status}));
        Opportunity &o = r.draft;
        o.customerId = customerId;
        o.stageId = stage->id;
        if (!r.owner.isEmpty()) {
            auto owner = m_users.find(m_actor, r.owner);
            if (!owner)
                return invalid(row, owner.error());
            o.ownerId = *owner;
        }
        // The checks OpportunityService::create makes before writing, on the same fields.
        QSet<QString> fields = OpportunityService::fieldNames();
        fields.remove(QStringLiteral("ownerId"));
        fields.remove(QStringLiteral("lossReason"));
        if (o.probability == Opportunity::StageProbability)
            fields.remove(QStringLiteral("probability"));
        if (o.currency.isEmpty())
            fields.remove(QStringLiteral("currency"));
        if (Status st = OpportunityService::validateFields(o, fields); !st)
            return invalid(row, st.error());
        if (Status st = OpportunityService::validateFields(o, {QStringLiteral("lossReason")}); !st)
            return invalid(row, st.error());
        const bool lost = stage->kind == QLatin1String("lost");
        if (lost && o.lossReason.isEmpty())
            return invalid(row, Error::validation(QStringLiteral("required"), QStringLiteral("lossReason"),
                                                  QStringLiteral("Say why the opportunity was lost")));
        if (!lost)
            o.lossReason.clear();

        if (match && m_options.onDuplicate != DuplicatePolicy::Create) {
            const bool hidden = match->row == 0 && !visible(*match);
            constexpr auto same = ImportReason::Same::CustomerAndName;
            if (m_options.onDuplicate == DuplicatePolicy::Skip) {
                ++m_result.skipped;
                return note(row, QStringLiteral("name"),
                            match->row > 0 ? ImportReason::duplicateOfRow(match->row, same)
                            : hidden       ? ImportReason::heldByAnother(same)
                                           : ImportReason::duplicateOfRecord(match->id, same));
            }
            if (hidden) // as for customers: not updated, reported
                return invalid(row, QStringLiteral("name"), ImportReason::notUpdatedHeldByAnother(same));
            return update(row, r, *stage, *match, !r.stage.isEmpty() || !r.status.isEmpty());
        }
        Known created{0, o.ownerId, stage->pipelineId, stage->id, row.number};
        if (writing()) {
            // What OpportunityService::create takes from the stage (the writer fills in the company's
            // currency); the checks it makes were made above (the customer and owner lookups are scoped).
            o.pipelineId = stage->pipelineId;
            o.status = stage->kind;
            if (o.probability == Opportunity::StageProbability)
                o.probability = stage->probability;
            if (!m_writer)
                m_writer = std::make_unique<OpportunityBulkWriter>(m_db, m_actor);
            auto made = m_writer->add(o);
            if (!made)
                return failed(row, made.error());
            created.id = *made; // (its owner matters only for deals found in the database, row 0)
        }
        ++m_result.created;
        m_inFile.insert(key, created);
        return {};
    }

    // `stageGiven` false: the row names no stage or status, so the opportunity stays where it is.
    Status update(const ImportRow &row, const OpportunityRow &r, Stage stage, const Known &match, bool stageGiven)
    {
        if (!stageGiven) {
            stage.id = match.stageId;
            stage.pipelineId = match.pipelineId;
            stage.kind.clear(); // unknown here; the loss reason is then left as it is
        }
        // A stage of another pipeline (the row names it) moves the deal there, as moveStage does for
        // a role that may change pipelineId; for another role that is the row's problem, not the import's.
        if (match.pipelineId != stage.pipelineId && m_actor.fieldRule(kEntity, QStringLiteral("pipelineId")) != FieldRule::Editable)
            return invalid(row, rowError(QStringLiteral("pipeline"),
                                         QT_TRANSLATE_NOOP("ErrorText", "You may not move opportunity %1 to another pipeline"),
                                         {QString::number(match.id)}));
        if (match.stageId != stage.id && m_actor.fieldRule(kEntity, QStringLiteral("stageId")) != FieldRule::Editable)
            return invalid(row, rowError(QStringLiteral("stage"), QT_TRANSLATE_NOOP("ErrorText", "You may not move opportunity %1"),
                                         {QString::number(match.id)}));
        QSet<QString> fields;
        for (const char *f : {"amountMinor", "currency", "probability", "expectedCloseDate", "notes"})
            if (r.given.contains(QLatin1String(f)))
                fields << QLatin1String(f);
        if (r.draft.ownerId)
            fields << QStringLiteral("ownerId");
        const bool lost = stage.kind == QLatin1String("lost");
        if (lost && match.stageId == stage.id && r.given.contains(QStringLiteral("lossReason")))
            fields << QStringLiteral("lossReason");
        if (!writing() || match.id == 0) { // dry run, or all-or-nothing after an invalid row
            ++m_result.updated;
            return {};
        }
        if (match.row > 0 && m_writer) // created by an earlier row, perhaps still queued
            if (Status st = m_writer->flush(); !st)
                return st;
        OpportunityService service(m_db);
        if (stage.id != match.stageId) {
            auto moved = service.moveStage(m_actor, match.id, stage.id, std::nullopt, lost ? r.draft.lossReason : QString());
            if (!moved)
                return failed(row, moved.error());
        }
        if (!fields.isEmpty()) {
            auto updated = service.update(m_actor, match.id, r.draft, fields);
            if (!updated)
                return failed(row, updated.error());
        }
        ++m_result.updated;
        Known now = match;
        now.stageId = stage.id;
        now.pipelineId = stage.pipelineId;
        if (r.draft.ownerId)
            now.ownerId = r.draft.ownerId;
        // Where row() finds it next time (a deal an earlier row created is looked up in m_inFile first).
        (match.row > 0 ? m_inFile : m_existing).insert(duplicateKey(r.draft.customerId, r.draft.name), now);
        return {};
    }

    CustomerLookup m_customers;
    UserLookup m_users;
    StageLookup m_stages;
    std::unique_ptr<OpportunityBulkWriter> m_writer; // made by the first row written
    static constexpr qsizetype kMaxKnown = 200'000;
    QHash<QString, Known> m_existing; // the opportunities of m_loadedCustomers
    QSet<qint64> m_loadedCustomers;
    QHash<QString, Known> m_inFile; // created by earlier rows
};

} // namespace

Result<EntityImportResult> OpportunityImporter::run(const Actor &actor, RowSource &source, const EntityImportOptions &options)
{
    if (!actor.can(Permission::OpportunityWrite) || !actor.can(Permission::OpportunityRead))
        return Error::forbidden(QStringLiteral("You do not have permission to import opportunities"));
    Run run(m_db, actor, options);
    return run.run(source);
}

} // namespace crm
