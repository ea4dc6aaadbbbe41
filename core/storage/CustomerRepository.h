#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"

#include <functional>

namespace crm {

class Actor;
class CustomerTagTable;
class Database;

// SQL for customers and their child rows (phones, emails, addresses, tags, groups) and their search
// entry. No permission logic: CustomerService decides what may be read or written, this only does it.
class CustomerRepository
{
public:
    explicit CustomerRepository(Database &db) : m_db(db) {}

    // One customer with its children; `scope` is an SQL condition on alias c (actor.ownerCondition).
    Result<Customer> load(qint64 id, const QString &scope);
    // A page of list rows (no children except tags), scoped and filtered in SQL. `scopeOwners`, when
    // not empty, are the owners the scope allows: a keyword search then asks the search index for
    // their customers only (see SearchIndex::ownerToken), which keeps a rep's search of a common word fast.
    Result<CustomerPage> list(const CustomerFilter &filter, const QString &scope, const QVector<qint64> &scopeOwners = {});
    // The same page as flat cells read without QVariants (CustomerCells), for exports; the fields in
    // `hiddenFields` (field-rule names: phones, company...) are read as NULL. The tags come from
    // `tags` when given (a reader of most customers loads them once), else from the database.
    Result<CustomerCellPage> listCells(const CustomerFilter &filter, const QString &scope, const QVector<qint64> &scopeOwners,
                                       const QSet<QString> &hiddenFields, const CustomerTagTable *tags = nullptr);
    // With a cap, at most `cap` matching rows are read and the answer is min(count, cap).
    Result<qint64> count(const CustomerFilter &filter, const QString &scope, const QVector<qint64> &scopeOwners = {},
                         std::optional<qint64> cap = std::nullopt);

    Result<qint64> insert(const Customer &c);
    // Updates the row if its version is still `version`; false when someone else got there first.
    Result<bool> updateRow(const Customer &c, int version);
    Status replacePhones(qint64 id, const QVector<Phone> &phones);
    Status replaceEmails(qint64 id, const QVector<Email> &emails);
    Status replaceAddresses(qint64 id, const QVector<Address> &addresses);
    Status replaceTags(qint64 id, const QStringList &tags);
    Status addTags(qint64 id, const QStringList &tags);
    Status replaceGroups(qint64 id, const QStringList &groups);
    Status reindex(const Customer &c);
    Status remove(qint64 id);

    // The strings the keyword search covers.
    static QStringList searchTexts(const Customer &c);

private:
    // keywordJoined: the search table is joined as `s` (streaming keyword search) rather than filtered by IN.
    QString whereClause(const CustomerFilter &filter, const QString &scope, const QVector<qint64> &scopeOwners,
                        QVariantMap &binds, bool keywordJoined = false) const;
    // Runs a list page's query (scope, filter, sort, keyset or offset) selecting `columns`: `fetch`
    // executes the SQL with its binds and returns how many rows it read (it may run twice, see the
    // search window). True when there is a next page: one row more than the limit was read.
    using PageFetch = std::function<Result<qsizetype>(const QString &sql, const QVariantMap &binds)>;
    Result<bool> selectPage(const CustomerFilter &filter, const QString &scope, const QVector<qint64> &scopeOwners,
                            const QString &columns, const PageFetch &fetch);
    QString keywordMatch(const CustomerFilter &filter, const QVector<qint64> &scopeOwners) const;
    Result<QHash<qint64, QStringList>> tagsOf(const QVector<qint64> &ids);
    Result<qint64> tagId(const QString &table, const QString &name);

    Database &m_db;
};

} // namespace crm
