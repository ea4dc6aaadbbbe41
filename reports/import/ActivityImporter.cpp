#include "reports/import/ActivityImporter.h"

#include "core/security/Actor.h"
#include "core/services/ActivityService.h"
#include "core/storage/ActivityBulkWriter.h"
#include "core/storage/Database.h"
#include "reports/import/ActivityRowParser.h"
#include "reports/import/ImportLookups.h"
#include "reports/import/ImportReason.h"
#include "reports/import/IndexRebuild.h"

#include <QSqlQuery>

#include <limits>

namespace crm {

namespace {

quint64 fingerprint(qint64 customerId, qint64 occurredAt, const QString &kind, const QString &subject, const QString &content)
{
    const QString key = QString::number(customerId) + QLatin1Char('\x1f') + QString::number(occurredAt) + QLatin1Char('\x1f') +
        kind + QLatin1Char('\x1f') + subject + QLatin1Char('\x1f') + content;
    return quint64(qHash(key, size_t(0x9e3779b97f4a7c15ULL)));
}

class Run final : public EntityImport
{
public:
    Run(Database &db, const Actor &actor, const EntityImportOptions &options)
        : EntityImport(db, actor, options, QStringLiteral("activities")), m_customers(db, actor)
    {
    }

protected:
    Status checkMapping(const ColumnMapping &) override { return {}; }
    Status prepare() override { return {}; }

    // The last batch, and one change of each kind for the whole import (a million per-row
    // notifications would only make every view reload as often).
    Status finish() override
    {
        if (!m_writer)
            return {};
        if (Status st = m_writer->finish(); !st)
            return st;
        if (m_result.created > 0) {
            m_db.notifyAfterCommit({QStringLiteral("activity"), 0, QStringLiteral("reset")});
            m_db.notifyAfterCommit({QStringLiteral("customer"), 0, QStringLiteral("reset")}); // last contacts moved
        }
        return {};
    }

    // Parses and checks the chunk, looks its customers and their activities up in a query or three,
    // then handles the rows in file order (so the report lists them in order too).
    Status handleChunk(const QVector<ImportRow> &rows) override
    {
        if (!m_parser)
            m_parser.emplace(m_mapping);
        ActivityRowParser &parser = *m_parser;
        const qint64 now = m_db.clock().nowMs();
        QVector<ActivityRow> parsed(rows.size());
        QVector<std::optional<Error>> failures(rows.size());
        QVector<CustomerRef> refs;
        for (int i = 0; i < rows.size(); ++i) {
            Status st = parser.parse(rows[i].cells, parsed[i]);
            if (st)
                st = ActivityService::validateDraft(parsed[i].draft, now);
            if (!st)
                failures[i] = st.error();
            else
                refs << parsed[i].customer;
        }
        if (Status st = m_customers.load(refs); !st)
            return st;
        QSet<qint64> customers;
        qint64 from = std::numeric_limits<qint64>::max(), to = 0;
        for (int i = 0; i < rows.size(); ++i) {
            if (failures[i])
                continue;
            auto id = m_customers.find(parsed[i].customer);
            if (!id) {
                failures[i] = id.error();
                continue;
            }
            Activity &a = parsed[i].draft;
            a.customerId = *id;
            customers.insert(*id);
            from = std::min(from, a.occurredAt);
            to = std::max(to, a.occurredAt);
        }
        if (m_options.onDuplicate != DuplicatePolicy::Create)
            if (Status st = loadExisting(customers, from, to); !st)
                return st;
        for (int i = 0; i < rows.size(); ++i) {
            Status st = failures[i] ? invalid(rows[i], *failures[i]) : row(rows[i], parsed[i].draft);
            if (!st)
                return st;
        }
        if (!m_decided && m_result.rows >= IndexRebuild::kDecisionRow) {
            m_decided = true;
            if (Status st = suspendIndexesIfLarge(); !st)
                return st;
        }
        return {};
    }

private:
    // On SQLite, for a file large next to the table: the activity indexes are rebuilt at the end
    // (ActivityBulkWriter::suspendIndexes). The table is counted only for a big file (a small import
    // into millions of activities should not pay for a count).
    Status suspendIndexesIfLarge()
    {
        const double estimated = IndexRebuild::estimatedRows(m_result.rows, fractionRead());
        if (!m_writer || !writing() || !m_db.isSqlite() || !IndexRebuild::worthIt(estimated, 0))
            return {};
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM activities"));
        if (Status st = m_db.exec(q); !st)
            return st;
        // Less this import's rows (those still queued in the writer were not counted: at most a
        // batch, next to the 25,000 rows the comparison is about).
        const qint64 before = (q.next() ? q.value(0).toLongLong() : 0) - m_result.created;
        q.finish();
        if (!IndexRebuild::worthIt(estimated, before))
            return {};
        return m_writer->suspendIndexes();
    }

    // Fingerprints of the activities these customers already have in the chunk's time span: one query
    // over activities_customer (customer_id, occurred_at).
    Status loadExisting(const QSet<qint64> &customers, qint64 from, qint64 to)
    {
        m_existing.clear();
        if (customers.isEmpty())
            return {};
        QStringList names;
        for (int i = 0; i < customers.size(); ++i)
            names << QStringLiteral(":c%1").arg(i);
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, customer_id, occurred_at, kind, subject, content FROM activities"
                                                  " WHERE customer_id IN (") +
                                   names.join(QStringLiteral(", ")) + QStringLiteral(") AND occurred_at BETWEEN :from AND :to"));
        int n = 0;
        for (qint64 id : customers)
            q.bindValue(QStringLiteral(":c%1").arg(n++), id);
        q.bindValue(QStringLiteral(":from"), from);
        q.bindValue(QStringLiteral(":to"), to);
        if (Status st = m_db.exec(q); !st)
            return st;
        while (q.next())
            m_existing.insert(fingerprint(q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
                                          q.value(4).toString(), q.value(5).toString()),
                              q.value(0).toLongLong());
        return {};
    }

    Status row(const ImportRow &row, const Activity &a)
    {
        const quint64 key = fingerprint(a.customerId, a.occurredAt, a.kind, a.subject, a.content);
        if (m_options.onDuplicate != DuplicatePolicy::Create) {
            if (auto it = m_inFile.constFind(key); it != m_inFile.cend()) {
                ++m_result.skipped;
                return note(row, QStringLiteral("subject"), ImportReason::duplicateOfRow(*it, ImportReason::Same::ActivityFields));
            }
            if (auto it = m_existing.constFind(key); it != m_existing.cend()) {
                ++m_result.skipped;
                return note(row, QStringLiteral("subject"), ImportReason::duplicateOfRecord(*it, ImportReason::Same::ActivityFields));
            }
        }
        if (writing()) {
            if (!m_writer)
                m_writer = std::make_unique<ActivityBulkWriter>(m_db, m_actor);
            // Every check was made before: a failure here is the database's problem, not the row's.
            if (Status st = m_writer->add(a); !st)
                return ImportReason::writeFailed(row.number, st.error());
        }
        ++m_result.created;
        if (m_options.onDuplicate != DuplicatePolicy::Create)
            m_inFile.insert(key, row.number);
        return {};
    }

    CustomerLookup m_customers;
    std::optional<ActivityRowParser> m_parser; // one for the whole file: it keeps the zone offsets it looked up
    std::unique_ptr<ActivityBulkWriter> m_writer; // made by the first row written
    QHash<quint64, qint64> m_existing; // fingerprint -> activity id, this chunk's customers and span
    QHash<quint64, qint64> m_inFile; // fingerprint -> row number
    bool m_decided = false; // whether to suspend the indexes, decided once
};

} // namespace

Result<EntityImportResult> ActivityImporter::run(const Actor &actor, RowSource &source, const EntityImportOptions &options)
{
    if (!actor.can(Permission::ActivityWrite))
        return Error::forbidden(QStringLiteral("You do not have permission to import activities"));
    if (actor.userId <= 0)
        return Error::forbidden(QStringLiteral("Activities are logged by a person: import them as a user"));
    Run run(m_db, actor, options);
    return run.run(source);
}

} // namespace crm
