#include "core/storage/BulkInsert.h"

#include "core/storage/Database.h"

#include <QScopeGuard>
#include <QSqlQuery>

namespace crm {

BulkInsert::BulkInsert(Database &db, QString head, QString row, int perRow, int rowsPerStatement)
    : m_db(db), m_head(std::move(head)), m_row(std::move(row)), m_perRow(perRow), m_rows(rowsPerStatement)
{
    if (db.isSqlite())
        m_lite = std::make_unique<SqliteStatement>(db, sql(1));
}

BulkInsert::~BulkInsert() = default;

Status BulkInsert::flush()
{
    if (m_lite)
        return flushSqlite();
    const qsizetype rows = m_values.size() / m_perRow;
    qsizetype done = 0;
    while (done < rows) {
        const int n = int(qMin<qsizetype>(m_rows, rows - done));
        const qsizetype from = done * m_perRow;
        auto it = m_statements.find(n);
        if (it == m_statements.end())
            it = m_statements.emplace(n, m_db.prepare(sql(n))).first;
        QSqlQuery &q = it->second;
        for (int i = 0; i < n * m_perRow; ++i)
            q.bindValue(i, m_values.at(from + i));
        if (Status st = m_db.exec(q); !st)
            return st;
        done += n;
    }
    m_values.clear();
    return {};
}

void BulkInsert::store(bulk::Slot &slot, const QString &s)
{
    const qsizetype at = m_bytes.size();
    m_bytes.resize(at + m_toUtf8.requiredSpace(s.size())); // grows geometrically; a flush keeps the capacity
    const char *end = m_toUtf8.appendToBuffer(m_bytes.data() + at, s);
    const qsizetype size = end - (m_bytes.constData() + at);
    m_bytes.truncate(at + size);
    slot.kind = bulk::Slot::Kind::Text;
    slot.integer = at;
    slot.size = int(size);
}

Status BulkInsert::flushSqlite()
{
    const size_t used = std::exchange(m_used, 0);
    // Bound in place: nothing is added to m_bytes until the rows are written.
    const auto forget = qScopeGuard([this] { m_bytes.truncate(0); });
    const size_t rows = used / size_t(m_perRow);
    auto bindRows = [&](SqliteStatement &st, size_t from, size_t count) {
        for (size_t i = 0; i < count; ++i) {
            const bulk::Slot &slot = m_slots[from + i];
            const int index = int(i) + 1;
            switch (slot.kind) {
            case bulk::Slot::Kind::Null: st.bindNull(index); break;
            case bulk::Slot::Kind::Integer: st.bindInteger(index, slot.integer); break;
            case bulk::Slot::Kind::Text: st.bindUtf8(index, QByteArrayView(m_bytes.constData() + slot.integer, slot.size)); break;
            }
        }
        return st.execute();
    };
    size_t done = 0;
    if (rows >= size_t(m_rows) && !m_liteFull)
        m_liteFull = std::make_unique<SqliteStatement>(m_db, sql(m_rows));
    for (; rows - done >= size_t(m_rows); done += size_t(m_rows))
        if (Status st = bindRows(*m_liteFull, done * size_t(m_perRow), size_t(m_rows) * size_t(m_perRow)); !st)
            return st;
    for (; done < rows; ++done)
        if (Status st = bindRows(*m_lite, done * size_t(m_perRow), size_t(m_perRow)); !st)
            return st;
    return {};
}

Result<QVector<qint64>> BulkInsert::takeIds(Database &db, const QString &table, qsizetype count)
{
    QVector<qint64> ids;
    ids.reserve(count);
    if (db.isSqlite()) {
        QSqlQuery q = db.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM ") + table);
        if (Status st = db.exec(q); !st)
            return st.error();
        q.next();
        const qint64 last = q.value(0).toLongLong();
        for (qsizetype i = 1; i <= count; ++i)
            ids.append(last + i);
        return ids;
    }
    QSqlQuery q = db.prepare(QStringLiteral("SELECT nextval(pg_get_serial_sequence('%1', 'id')) FROM generate_series(1, :n)").arg(table));
    q.bindValue(QStringLiteral(":n"), qint64(count));
    if (Status st = db.exec(q); !st)
        return st.error();
    while (q.next())
        ids.append(q.value(0).toLongLong());
    if (ids.size() != count)
        return Error::internal();
    return ids;
}

QString BulkInsert::sql(int rows) const
{
    QString s = m_head;
    s.reserve(m_head.size() + rows * (m_row.size() + 1));
    for (int i = 0; i < rows; ++i) {
        if (i)
            s += QLatin1Char(',');
        s += m_row;
    }
    return s;
}

} // namespace crm
