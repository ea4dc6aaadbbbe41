#include "core/storage/RowCursor.h"

#include "core/storage/Database.h"

namespace crm {

RowCursor::RowCursor(Database &db, const QString &sql, const QVariantMap &binds)
{
    if (db.isSqlite()) {
        m_lite = std::make_unique<SqliteStatement>(db, sql);
        for (auto it = binds.cbegin(); it != binds.cend(); ++it)
            if (const int index = m_lite->parameterIndex(it.key()))
                m_lite->bind(index, it.value());
        return;
    }
    m_query = db.prepare(sql);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        m_query.bindValue(it.key(), it.value());
    m_queryStatus = db.exec(m_query);
}

bool RowCursor::next()
{
    if (m_lite)
        return m_lite->step();
    return m_queryStatus && m_query.next();
}

Status RowCursor::status() const
{
    return m_lite ? m_lite->status() : m_queryStatus;
}

bool RowCursor::isNull(int column) const
{
    return m_lite ? m_lite->isNull(column) : m_query.isNull(column);
}

qint64 RowCursor::integer(int column) const
{
    return m_lite ? m_lite->integer(column) : m_query.value(column).toLongLong();
}

void RowCursor::appendText(int column, QString &out) const
{
    if (m_lite)
        m_lite->appendText(column, out);
    else
        out += m_query.value(column).toString();
}

} // namespace crm
