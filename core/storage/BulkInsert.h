#pragma once

#include "core/Result.h"
#include "core/storage/SqliteStatement.h"

#include <QString>
#include <QVariant>
#include <QVariantList>
#include <QVector>

#include <map>
#include <memory>
#include <optional>

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

// A value bound straight into a SQLite statement.
inline bool bindTo(SqliteStatement &st, int i, const QString &s) { return st.bindText(i, s); }
inline bool bindTo(SqliteStatement &st, int i, qint64 v) { return st.bindInteger(i, v); }
inline bool bindTo(SqliteStatement &st, int i, int v) { return st.bindInteger(i, v); }
inline bool bindTo(SqliteStatement &st, int i, OptText t) { return t.value.isEmpty() ? st.bindNull(i) : st.bindText(i, t.value); }
inline bool bindTo(SqliteStatement &st, int i, OptId id) { return id.value > 0 ? st.bindInteger(i, id.value) : st.bindNull(i); }
inline bool bindTo(SqliteStatement &st, int i, const std::optional<qint64> &v) { return v ? st.bindInteger(i, *v) : st.bindNull(i); }
} // namespace bulk

// The INSERTs of many rows into one table, inside the caller's write transaction (CustomerBulkWriter,
// ActivityBulkWriter). On SQLite one prepared single-row statement, each row bound straight through
// sqlite3 (SqliteStatement) and written at once: QtSql's binding cost about 0.27 us a value, and
// collecting the values as QVariants for multi-row statements still left an import's writing thread
// in malloc, free and memmove more than in SQLite. (A single-row INSERT also needs no statement
// journal, which a multi-row one that may fail keeps.) On PostgreSQL, where each statement is a round
// trip, values are collected and written `rowsPerStatement` rows per statement by flush(); each
// statement size is prepared once and re-bound.
class BulkInsert
{
public:
    // head: "INSERT INTO t (a, b) VALUES "; row: "(?,?)" with `perRow` placeholders.
    BulkInsert(Database &db, QString head, QString row, int perRow, int rowsPerStatement = 50);
    ~BulkInsert();

    // SQLite: writes the row (a failure is kept for flush() to return; the transaction is lost anyway).
    // PostgreSQL: keeps its values for flush().
    template <typename... V>
    void add(const V &...values)
    {
        if (m_lite) {
            if (m_status.ok()) {
                int i = 0;
                (bulk::bindTo(*m_lite, ++i, values), ...);
                m_status = m_lite->execute();
            }
            return;
        }
        (m_values.append(bulk::variant(values)), ...);
    }

    // SQLite: the first failure. PostgreSQL: writes the values kept.
    Status flush();

    // `count` new ids for `table`, taken when the rows are about to be written, so nothing else
    // writing that table in the same transaction can collide with one held back: on SQLite after the
    // largest id there is (the write lock keeps it so), on PostgreSQL from the identity sequence.
    static Result<QVector<qint64>> takeIds(Database &db, const QString &table, qsizetype count);

private:
    QString sql(int rows) const;

    Database &m_db;
    QString m_head, m_row;
    int m_perRow, m_rows;
    QVariantList m_values;
    std::map<int, QSqlQuery> m_statements; // by row count
    std::unique_ptr<SqliteStatement> m_lite;
    Status m_status; // SQLite: the first failure
};

} // namespace crm
