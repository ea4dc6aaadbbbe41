#include "core/storage/CustomerTagTable.h"

#include "core/domain/Customer.h"
#include "core/storage/Database.h"
#include "core/storage/RowCursor.h"

#include <algorithm>

namespace crm {

Result<qint64> CustomerTagTable::linkCount(Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM customer_tags"));
    if (Status st = db.exec(q); !st)
        return st.error();
    q.next();
    return q.value(0).toLongLong();
}

Result<CustomerTagTable> CustomerTagTable::load(Database &db)
{
    const bool lite = db.isSqlite();
    // SQLite: unordered within a customer (a sorter per group otherwise), put in order once per
    // distinct list below.
    const QString sql = lite ? QStringLiteral("SELECT ct.customer_id, group_concat(t.name, char(31)) FROM customer_tags ct"
                                              " JOIN tags t ON t.id = ct.tag_id GROUP BY ct.customer_id")
                             : QStringLiteral("SELECT ct.customer_id, string_agg(t.name, chr(31) ORDER BY t.name) FROM customer_tags ct"
                                              " JOIN tags t ON t.id = ct.tag_id GROUP BY ct.customer_id");
    CustomerTagTable table;
    QHash<QString, int> index; // as read -> position in m_distinct
    RowCursor cursor(db, sql, {});
    QString joined;
    while (cursor.next()) {
        joined.clear();
        cursor.appendText(1, joined);
        auto it = index.constFind(joined);
        if (it == index.cend()) {
            it = index.insert(joined, int(table.m_distinct.size()));
            table.m_distinct.append(lite ? inNameOrder(joined) : joined);
        }
        table.m_lists.insert(cursor.integer(0), *it);
    }
    if (!cursor.status())
        return cursor.status().error();
    return table;
}

QString CustomerTagTable::tagsOf(qint64 customerId) const
{
    const auto it = m_lists.constFind(customerId);
    return it == m_lists.cend() ? QString() : m_distinct.at(*it);
}

QString CustomerTagTable::inNameOrder(QStringView joined)
{
    if (!joined.contains(CustomerCells::kTagSeparator))
        return joined.toString();
    QList<QByteArray> names;
    for (QStringView name : joined.split(CustomerCells::kTagSeparator))
        names.append(name.toUtf8());
    std::sort(names.begin(), names.end());
    QString out;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (i)
            out += CustomerCells::kTagSeparator;
        out += QString::fromUtf8(names[i]);
    }
    return out;
}

} // namespace crm
