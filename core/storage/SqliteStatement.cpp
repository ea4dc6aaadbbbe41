#include "core/storage/SqliteStatement.h"

#include "core/storage/Database.h"

#include <QLoggingCategory>

#include <sqlite3.h>

Q_DECLARE_LOGGING_CATEGORY(lcDb) // Database.cpp

namespace crm {

SqliteStatement::SqliteStatement(Database &db, const QString &sql)
{
    sqlite3 *handle = db.sqliteHandle();
    const QByteArray text = sql.toUtf8();
    if (!handle || sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &m_stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcDb).noquote() << "prepare failed:" << (handle ? sqlite3_errmsg(handle) : "not a SQLite connection") << "in" << sql;
        m_status = Error::internal();
        return;
    }
    m_texts.resize(size_t(sqlite3_bind_parameter_count(m_stmt)));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt); // a no-op for null
}

Status SqliteStatement::fail(const char *what)
{
    sqlite3 *handle = sqlite3_db_handle(m_stmt);
    const QString code = QString::number(sqlite3_extended_errcode(handle));
    if (!Database::isConstraintCode(code))
        qCWarning(lcDb).noquote() << what << "failed:" << code << sqlite3_errmsg(handle) << "in" << sqlite3_sql(m_stmt);
    sqlite3_reset(m_stmt);
    m_status = Database::errorForCode(code); // as Database::exec reports it
    return m_status;
}

bool SqliteStatement::bind(int index, const QVariant &value)
{
    if (value.isNull())
        return bindNull(index);
    if (value.typeId() == QMetaType::QString)
        return bindText(index, *static_cast<const QString *>(value.constData()));
    if (value.typeId() == QMetaType::Double)
        return m_status && bound(sqlite3_bind_double(m_stmt, index, value.toDouble()));
    return bindInteger(index, value.toLongLong());
}

bool SqliteStatement::bindText(int index, const QString &value)
{
    if (index < 1 || size_t(index) > m_texts.size()) // SQLite reports the range error
        return m_status && bound(sqlite3_bind_text16(m_stmt, index, value.utf16(), int(value.size() * sizeof(char16_t)), SQLITE_TRANSIENT));
    QByteArray &buffer = m_texts[size_t(index - 1)];
    buffer.resize(m_toUtf8.requiredSpace(value.size())); // keeps the capacity a longer value left
    const char *end = m_toUtf8.appendToBuffer(buffer.data(), value);
    return bindUtf8(index, QByteArrayView(buffer.constData(), end));
}

bool SqliteStatement::bindUtf8(int index, QByteArrayView utf8)
{
    // A null pointer would bind NULL; an empty text stays an empty text.
    const char *bytes = utf8.data() ? utf8.data() : "";
    return m_status && bound(sqlite3_bind_text(m_stmt, index, bytes, int(utf8.size()), SQLITE_STATIC));
}

bool SqliteStatement::bindInteger(int index, qint64 value)
{
    return m_status && bound(sqlite3_bind_int64(m_stmt, index, value));
}

bool SqliteStatement::bindNull(int index)
{
    return m_status && bound(sqlite3_bind_null(m_stmt, index));
}

bool SqliteStatement::bound(int rc)
{
    if (rc == SQLITE_OK)
        return true;
    (void)fail("bind"); // kept in status()
    return false;
}

int SqliteStatement::parameterIndex(const QString &name) const
{
    return m_stmt ? sqlite3_bind_parameter_index(m_stmt, name.toUtf8().constData()) : 0;
}

bool SqliteStatement::step()
{
    if (!m_status)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        (void)fail("query"); // kept in status()
    return false;
}

Status SqliteStatement::execute()
{
    while (step()) {
    }
    if (!m_status)
        return m_status;
    sqlite3_reset(m_stmt);
    return {};
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

void SqliteStatement::appendText(int column, QString &out) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return;
    // Never more UTF-16 units than UTF-8 bytes: size for that, decode in place, cut to what it took.
    const qsizetype before = out.size();
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    out.resize(before + bytes);
    const QChar *end = m_utf8.appendToBuffer(out.data() + before, QByteArrayView(text, bytes));
    out.truncate(end - out.constData());
}

} // namespace crm
