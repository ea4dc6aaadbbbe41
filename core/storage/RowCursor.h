#pragma once

#include "core/Result.h"
#include "core/storage/SqliteStatement.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantMap>

#include <memory>

namespace crm {

class Database;

// Reads the rows of one SELECT column by column without a QVariant per value: on SQLite straight
// from sqlite3 (SqliteStatement), on PostgreSQL through QSqlQuery. For readers of many rows
// (exports): QtSql's QVariant per value and Customer's string per field were two thirds of a CSV
// export of a million customers. Runs on the connection's thread, inside its transaction.
class RowCursor
{
public:
    // `binds` by placeholder name (":limit"); names the statement lacks are ignored, as QSqlQuery does.
    RowCursor(Database &db, const QString &sql, const QVariantMap &binds);

    // False when there are no more rows; status() tells whether that was an error.
    bool next();
    Status status() const;

    bool isNull(int column) const;
    qint64 integer(int column) const;
    // Appends the column's text (nothing for NULL).
    void appendText(int column, QString &out) const;

private:
    std::unique_ptr<SqliteStatement> m_lite;
    QSqlQuery m_query;
    Status m_queryStatus;
};

} // namespace crm
