#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QVariant>

#include <vector>

struct sqlite3_stmt;

namespace crm {

class Database;

// One statement on a SQLite connection through sqlite3's C API, for the readers and writers of many
// rows (RowCursor, CustomerBulkWriter): QtSql converts every bound and every read value through a
// QVariant and its own bookkeeping: most of an export's reading time at a million customers, and
// about 0.27 us a bound value in an import. Owned by the connection's thread; finalized on
// destruction (before the connection closes).
class SqliteStatement
{
public:
    SqliteStatement(Database &db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // The preparation's outcome (an internal error, logged with the SQL, when it failed).
    const Status &status() const { return m_status; }

    // 1-based, as sqlite3; a QString binds as text, a null QVariant as NULL, a double as real, any
    // other value as an integer. False (and status() set) when SQLite refuses.
    bool bind(int index, const QVariant &value);
    // The same without a QVariant (a bulk writer binds tens of millions of values).
    bool bindText(int index, const QString &value);
    bool bindInteger(int index, qint64 value);
    bool bindNull(int index);
    // Text already in UTF-8, read in place (SQLITE_STATIC): the bytes must stay as they are until the
    // statement has been executed.
    bool bindUtf8(int index, QByteArrayView utf8);
    // The index of a named placeholder (":name"); 0 when the statement has none of that name.
    int parameterIndex(const QString &name) const;

    // Steps once: true for a row; false when done or failed (see status()).
    bool step();
    // Steps to the end (a write), then resets for the next binding.
    Status execute();

    bool isNull(int column) const;
    qint64 integer(int column) const;
    // Appends the column's text (nothing for NULL), decoded straight into `out`.
    void appendText(int column, QString &out) const;

private:
    Status fail(const char *what);
    bool bound(int rc);

    sqlite3_stmt *m_stmt = nullptr;
    Status m_status;
    mutable QStringDecoder m_utf8{QStringDecoder::Utf8, QStringDecoder::Flag::Stateless};
    // Texts are bound as UTF-8 from one buffer per parameter, reused from row to row, which SQLite
    // reads in place (SQLITE_STATIC): bound as UTF-16 it copied each value and then converted it to the
    // database's UTF-8, two allocations per text value of a bulk write.
    QStringEncoder m_toUtf8{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    std::vector<QByteArray> m_texts; // by parameter index - 1
};

} // namespace crm
