#pragma once

#include "core/Result.h"

#include <QHash>
#include <QStringList>

namespace crm {

class Database;

// Every customer's tags, read in one pass, for a reader of most of the customers (a large export).
// Asked row by row, a million customers in last-contact order cost a subquery each into
// customer_tags at random places: 1.8 of the 3.2 s SQLite spent on such an export. Compact: per
// tagged customer, its id and an index into the distinct tag lists (about 20 bytes in the hash).
// The lists are joined by CustomerCells::kTagSeparator in the order listCells gives.
class CustomerTagTable
{
public:
    // Reads the table inside the caller's transaction (the snapshot the rows come from).
    static Result<CustomerTagTable> load(Database &db);
    // How many (customer, tag) links there are: what load() would read.
    static Result<qint64> linkCount(Database &db);

    // The customer's tags, joined; empty when it has none.
    QString tagsOf(qint64 customerId) const;
    qsizetype customers() const { return m_lists.size(); }

    // `joined` (names separated by CustomerCells::kTagSeparator) in the order SQLite's ORDER BY gives:
    // byte order of the UTF-8, which for text outside the BMP differs from QString's UTF-16 order.
    static QString inNameOrder(QStringView joined);

private:
    QHash<qint64, int> m_lists; // customer id -> index into m_distinct (a lookup is one cache miss,
                                // a binary search over a sorted array was a dozen: 7% of an export)
    QStringList m_distinct;
};

} // namespace crm
