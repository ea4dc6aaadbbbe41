#pragma once

#include "core/Result.h"
#include "core/storage/SqliteStatement.h"

#include <QString>
#include <QStringEncoder>
#include <QVariant>
#include <QVariantList>
#include <QVector>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QSqlQuery;

namespace crm {

class Database;

// The optional values bulk writers bind: a text stored as NULL when empty, an id (or a time) stored
// as NULL when not positive, and a std::optional<qint64> (NULL when empty, zero included otherwise).
namespace bulk {
struct OptText
{
    const QString &value;
};
struct OptId
{
    qint64 value;
};
inline OptText text(const QString &s) { return {s}; }
inline OptId nullableId(qint64 id) { return {id}; }

// A value for QtSql (PostgreSQL).
inline QVariant variant(const QString &s) { return s; }
inline QVariant variant(qint64 v) { return v; }
inline QVariant variant(int v) { return v; }
inline QVariant variant(OptText t) { return t.value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t.value); }
inline QVariant variant(OptId id) { return id.value > 0 ? QVariant(id.value) : QVariant(QMetaType::fromType<qlonglong>()); }
inline QVariant variant(const std::optional<qint64> &v) { return v ? QVariant(*v) : QVariant(QMetaType::fromType<qlonglong>()); }

// A value kept for a SQLite statement: an integer, NULL, or a text kept in UTF-8 in the writer's
// byte buffer (`integer` is where it starts there).
struct Slot
{
    enum class Kind : quint8 { Null, Integer, Text };
    Kind kind = Kind::Null;
    int size = 0; // of a text, in bytes
    qint64 integer = 0;
};
} // namespace bulk

// The INSERTs of many rows into one table, inside the caller's write transaction (CustomerBulkWriter,
// ActivityBulkWriter). add() keeps a row's values; flush() writes the rows kept, `rowsPerStatement`
// rows per statement (each statement size prepared once and re-bound), so that rows referring to
// rows of another table can be kept until the caller has flushed that table first.
// - SQLite: values are kept in an array of slots, and texts in UTF-8 one after the other in one buffer
//   (both reused from flush to flush, so memory is read in order: a buffer per text value cost a
//   cache miss each), then bound straight through sqlite3 (SqliteStatement). QtSql's binding cost
//   about 0.27 us a value, and collecting the values as QVariants left an import's writing thread in
//   malloc, free and memmove more than in SQLite. Fifty
//   rows per statement instead of one saves SQLite's per-statement work (opening the table's cursors,
//   seeking, halting, resetting), about 0.6 us a row: in a plain sqlite3 program writing three tables
//   of a million rows each, 4.8 s with single-row statements, 2.9 s with fifty rows a statement. The
//   rows left over after the last full statement are written one by one rather than preparing a
//   statement for each remainder size.
// - PostgreSQL, where each statement is a round trip: the values as QVariants, through QtSql.
class BulkInsert
{
public:
    // head: "INSERT INTO t (a, b) VALUES "; row: "(?,?)" with `perRow` placeholders.
    BulkInsert(Database &db, QString head, QString row, int perRow, int rowsPerStatement = 50);
    ~BulkInsert();

    // Keeps values until flush(): a row's `perRow` values, in one call or several in a row.
    template <typename... V>
    void add(const V &...values)
    {
        if (m_lite) {
            (store(nextSlot(), values), ...);
            return;
        }
        (m_values.append(bulk::variant(values)), ...);
    }

    // Writes the rows kept; the first failure (the rows not yet written are dropped: the caller's
    // transaction is lost anyway).
    Status flush();

    // `count` new ids for `table`, taken when the rows are about to be written, so nothing else
    // writing that table in the same transaction can collide with one held back: on SQLite after the
    // largest id there is (the write lock keeps it so), on PostgreSQL from the identity sequence.
    static Result<QVector<qint64>> takeIds(Database &db, const QString &table, qsizetype count);

private:
    QString sql(int rows) const;
    Status flushSqlite();
    bulk::Slot &nextSlot()
    {
        if (m_used == m_slots.size())
            m_slots.resize(m_slots.size() * 2 + 64);
        return m_slots[m_used++];
    }
    void store(bulk::Slot &slot, const QString &s);
    static void store(bulk::Slot &slot, qint64 v)
    {
        slot.kind = bulk::Slot::Kind::Integer;
        slot.integer = v;
    }
    static void store(bulk::Slot &slot, int v) { store(slot, qint64(v)); }
    static void store(bulk::Slot &slot, std::nullptr_t) { slot.kind = bulk::Slot::Kind::Null; }
    void store(bulk::Slot &slot, bulk::OptText t) { t.value.isEmpty() ? store(slot, nullptr) : store(slot, t.value); }
    static void store(bulk::Slot &slot, bulk::OptId id) { id.value > 0 ? store(slot, id.value) : store(slot, nullptr); }
    static void store(bulk::Slot &slot, const std::optional<qint64> &v) { v ? store(slot, *v) : store(slot, nullptr); }

    Database &m_db;
    QString m_head, m_row;
    int m_perRow, m_rows;
    QVariantList m_values;
    std::map<int, QSqlQuery> m_statements; // by row count
    // SQLite: the single-row statement (for the rows after the last full statement), the full one
    // (prepared when first needed), the values kept, how many of them are in use, and their texts.
    std::unique_ptr<SqliteStatement> m_lite, m_liteFull;
    std::vector<bulk::Slot> m_slots;
    size_t m_used = 0;
    QByteArray m_bytes;
    QStringEncoder m_toUtf8{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

} // namespace crm
