#include "core/storage/CustomerRepository.h"

#include "core/search/SearchIndex.h"
#include "core/storage/CustomerTagTable.h"
#include "core/storage/Database.h"
#include "core/storage/RowCursor.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace crm {

namespace {

const QString kColumns = QStringLiteral(
    "c.id, c.name, c.kind, c.gender, c.birthday, c.occupation, c.industry, c.company, c.position, c.source, c.status,"
    " c.level, c.phone, c.email, c.province, c.city, c.district, c.owner_id, u.display_name, c.created_by, c.created_at,"
    " c.updated_at, c.last_contact_at, c.pool_since, c.won_value_minor, c.custom_fields, c.notes, c.version");

QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

Customer readRow(const QSqlQuery &q)
{
    Customer c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.kind = q.value(2).toString();
    c.gender = q.value(3).toString();
    c.birthday = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    c.occupation = q.value(5).toString();
    c.industry = q.value(6).toString();
    c.company = q.value(7).toString();
    c.position = q.value(8).toString();
    c.source = q.value(9).toString();
    c.status = q.value(10).toString();
    c.level = q.value(11).toString();
    c.phone = q.value(12).toString();
    c.email = q.value(13).toString();
    c.province = q.value(14).toString();
    c.city = q.value(15).toString();
    c.district = q.value(16).toString();
    if (!q.value(17).isNull())
        c.ownerId = q.value(17).toLongLong();
    c.ownerName = q.value(18).toString();
    c.createdBy = q.value(19).toLongLong();
    c.createdAt = q.value(20).toLongLong();
    c.updatedAt = q.value(21).toLongLong();
    c.lastContactAt = q.value(22).toLongLong();
    c.poolSince = q.value(23).toLongLong();
    c.wonValueMinor = q.value(24).toLongLong();
    c.customFields = QJsonDocument::fromJson(q.value(25).toString().toUtf8()).object();
    c.notes = q.value(26).toString();
    c.version = q.value(27).toInt();
    return c;
}

// The sort column and direction for a filter; ties broken by id in the same direction.
CustomerSort effectiveSort(const CustomerFilter &f)
{
    if (f.sort != CustomerSort::Auto)
        return f.sort;
    return SearchIndex::queryRuns(f.keyword).isEmpty() ? CustomerSort::LastContact : CustomerSort::Newest;
}

std::pair<QString, bool> sortOf(const CustomerFilter &f)
{
    const CustomerSort sort = effectiveSort(f);
    const bool ascending = f.ascending.value_or(sort == CustomerSort::Name);
    switch (sort) {
    case CustomerSort::Auto:
    case CustomerSort::Newest: return {QStringLiteral("c.id"), ascending};
    case CustomerSort::LastContact: return {QStringLiteral("c.last_contact_at"), ascending};
    case CustomerSort::Created: return {QStringLiteral("c.created_at"), ascending};
    case CustomerSort::Name: return {QStringLiteral("c.name"), ascending};
    case CustomerSort::Value: return {QStringLiteral("c.won_value_minor"), ascending};
    }
    return {QStringLiteral("c.last_contact_at"), ascending};
}

void bindAll(QSqlQuery &q, const QVariantMap &binds)
{
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
}

// Replaces a row's tags (the last text).
void setTags(CustomerCells &row, const QString &tags)
{
    static_assert(CustomerCells::Tags == CustomerCells::TextCount - 1, "the tags are the last text");
    row.texts.truncate(row.bounds[CustomerCells::Tags]);
    row.texts += tags;
    row.bounds[CustomerCells::TextCount] = row.texts.size();
}

// Puts a row's tags in the order `ORDER BY t.name` gives on SQLite.
void sortTags(CustomerCells &row)
{
    const QStringView all = row[CustomerCells::Tags];
    if (all.contains(CustomerCells::kTagSeparator))
        setTags(row, CustomerTagTable::inNameOrder(all));
}

} // namespace

QStringList CustomerRepository::searchTexts(const Customer &c)
{
    QStringList texts{c.name, c.company};
    for (const Phone &p : c.phones)
        texts << p.number;
    for (const Email &e : c.emails)
        texts << e.address;
    if (c.phones.isEmpty() && !c.phone.isEmpty())
        texts << c.phone;
    if (c.emails.isEmpty() && !c.email.isEmpty())
        texts << c.email;
    texts += c.tags;
    return texts;
}

// The index merges one list per owner token: worth it for a rep or a team (a small share of all
// customers), not for a director whose scope holds most of them (measured: 200 tokens made a
// director's search 30x slower than none, since most matches are in scope anyway).
constexpr int kMaxOwnerTokens = 16;

QString CustomerRepository::keywordMatch(const CustomerFilter &f, const QVector<qint64> &scopeOwners) const
{
    QVector<std::optional<qint64>> owners;
    if (f.poolOnly)
        owners.append(std::nullopt);
    else if (f.ownerId)
        owners.append(*f.ownerId);
    else if (scopeOwners.size() <= kMaxOwnerTokens)
        for (qint64 id : scopeOwners)
            owners.append(id);
    return SearchIndex::bindValue(m_db, f.keyword, owners);
}

QString CustomerRepository::whereClause(const CustomerFilter &f, const QString &scope, const QVector<qint64> &scopeOwners,
                                        QVariantMap &binds, bool keywordJoined) const
{
    QStringList where;
    if (f.poolOnly)
        where << QStringLiteral("c.owner_id IS NULL");
    else
        where << scope;
    if (f.ownerId) {
        where << QStringLiteral("c.owner_id = :owner");
        binds.insert(QStringLiteral(":owner"), *f.ownerId);
    }
    const QString kw = keywordMatch(f, scopeOwners);
    if (!kw.isEmpty()) {
        where << (keywordJoined ? QStringLiteral("s.customer_search MATCH :kw")
                                : SearchIndex::customerCondition(m_db, QStringLiteral("c.id")));
        binds.insert(QStringLiteral(":kw"), kw);
    }
    if (!f.statuses.isEmpty()) {
        QStringList names;
        for (int i = 0; i < f.statuses.size(); ++i) {
            const QString name = QStringLiteral(":st") + QString::number(i);
            names << name;
            binds.insert(name, f.statuses[i]);
        }
        where << QStringLiteral("c.status IN (") + names.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (!f.tag.isEmpty()) {
        where << QStringLiteral("c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = :tag)");
        binds.insert(QStringLiteral(":tag"), f.tag);
    }
    if (!f.group.isEmpty()) {
        where << QStringLiteral("c.id IN (SELECT m.customer_id FROM customer_group_members m JOIN customer_groups g"
                                " ON g.id = m.group_id WHERE g.name = :grp)");
        binds.insert(QStringLiteral(":grp"), f.group);
    }
    const std::pair<QString, QString> equals[] = {{QStringLiteral("source"), f.source},
                                                  {QStringLiteral("province"), f.province},
                                                  {QStringLiteral("city"), f.city},
                                                  {QStringLiteral("district"), f.district}};
    for (const auto &[column, value] : equals) {
        if (value.isEmpty())
            continue;
        where << QStringLiteral("c.") + column + QStringLiteral(" = :") + column;
        binds.insert(QLatin1Char(':') + column, value);
    }
    if (f.lastContactFrom) {
        where << QStringLiteral("c.last_contact_at >= :lcfrom");
        binds.insert(QStringLiteral(":lcfrom"), *f.lastContactFrom);
    }
    if (f.lastContactTo) {
        where << QStringLiteral("c.last_contact_at < :lcto");
        binds.insert(QStringLiteral(":lcto"), *f.lastContactTo);
    }
    // Served by customers_created / customers_owner_created (created_at, id), whatever the sort.
    if (f.createdFrom) {
        where << QStringLiteral("c.created_at >= :crfrom");
        binds.insert(QStringLiteral(":crfrom"), *f.createdFrom);
    }
    if (f.createdTo) {
        where << QStringLiteral("c.created_at < :crto");
        binds.insert(QStringLiteral(":crto"), *f.createdTo);
    }
    return where.join(QStringLiteral(" AND "));
}

Result<CustomerPage> CustomerRepository::list(const CustomerFilter &f, const QString &scope, const QVector<qint64> &scopeOwners)
{
    CustomerPage page;
    page.customers.reserve(std::clamp(f.limit, 1, 1000) + 1); // growing a vector of wide rows step by step copied them
    auto more = selectPage(f, scope, scopeOwners, kColumns, [&](const QString &sql, const QVariantMap &binds) -> Result<qsizetype> {
        QSqlQuery q = m_db.cached(sql);
        bindAll(q, binds);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        page.customers.clear();
        while (q.next())
            page.customers.append(readRow(q));
        m_db.recycle(std::move(q));
        return page.customers.size();
    });
    if (!more)
        return more.error();
    if (*more) {
        page.customers.removeLast();
        page.hasMore = true;
    }
    QVector<qint64> ids;
    for (const Customer &c : page.customers)
        ids << c.id;
    auto tags = tagsOf(ids);
    if (!tags)
        return tags.error();
    for (Customer &c : page.customers)
        c.tags = tags->value(c.id);
    return page;
}

Result<CustomerCellPage> CustomerRepository::listCells(const CustomerFilter &f, const QString &scope, const QVector<qint64> &scopeOwners,
                                                       const QSet<QString> &hiddenFields, const CustomerTagTable *tagTable)
{
    // The texts in CustomerCells::Text order, then the numbers; a hidden field is read as NULL, so
    // what the role hides never leaves the database.
    const bool lite = m_db.isSqlite();
    auto field = [&](const char *name, const QString &sql) { return hiddenFields.contains(QLatin1String(name)) ? QStringLiteral("NULL") : sql; };
    // SQLite: the tags unordered (by tag id), sorted below for the few rows with more than one: an
    // ORDER BY in the per-row subquery opened a sorter for every customer (0.4 s of a million).
    const bool tableTags = tagTable && !hiddenFields.contains(QStringLiteral("tags"));
    const QString tags = tableTags ? QStringLiteral("NULL")
        : lite
        ? QStringLiteral("(SELECT group_concat(t.name, char(31)) FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
                         " WHERE ct.customer_id = c.id)")
        : QStringLiteral("(SELECT string_agg(t.name, chr(31) ORDER BY t.name) FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
                         " WHERE ct.customer_id = c.id)");
    const QStringList texts = {
        QStringLiteral("c.name"), QStringLiteral("c.kind"), field("gender", QStringLiteral("c.gender")),
        field("birthday", QStringLiteral("c.birthday")), field("occupation", QStringLiteral("c.occupation")),
        field("industry", QStringLiteral("c.industry")), field("company", QStringLiteral("c.company")),
        field("position", QStringLiteral("c.position")), field("source", QStringLiteral("c.source")), QStringLiteral("c.status"),
        field("level", QStringLiteral("c.level")), field("phones", QStringLiteral("c.phone")), field("emails", QStringLiteral("c.email")),
        field("addresses", QStringLiteral("c.province")), field("addresses", QStringLiteral("c.city")),
        field("addresses", QStringLiteral("c.district")), QStringLiteral("u.display_name"),
        field("customFields", QStringLiteral("c.custom_fields")), field("notes", QStringLiteral("c.notes")), field("tags", tags),
    };
    Q_ASSERT(texts.size() == CustomerCells::TextCount);
    const QString columns = texts.join(QStringLiteral(", ")) + QStringLiteral(", c.id, c.created_at, c.last_contact_at, c.won_value_minor");
    CustomerCellPage page;
    page.rows.reserve(std::clamp(f.limit, 1, 1000) + 1);
    auto more = selectPage(f, scope, scopeOwners, columns, [&](const QString &sql, const QVariantMap &binds) -> Result<qsizetype> {
        RowCursor cursor(m_db, sql, binds);
        page.rows.clear();
        while (cursor.next()) {
            CustomerCells &row = page.rows.emplace_back();
            row.texts.reserve(256);
            for (int t = 0; t < CustomerCells::TextCount; ++t) {
                cursor.appendText(t, row.texts);
                row.bounds[t + 1] = row.texts.size();
            }
            row.id = cursor.integer(CustomerCells::TextCount);
            if (tableTags)
                setTags(row, tagTable->tagsOf(row.id));
            else if (lite)
                sortTags(row);
            row.createdAt = cursor.integer(CustomerCells::TextCount + 1);
            row.lastContactAt = cursor.integer(CustomerCells::TextCount + 2);
            row.wonValueMinor = cursor.integer(CustomerCells::TextCount + 3);
        }
        if (!cursor.status())
            return cursor.status().error();
        return page.rows.size();
    });
    if (!more)
        return more.error();
    if (*more) {
        page.rows.removeLast();
        page.hasMore = true;
    }
    return page;
}

Result<bool> CustomerRepository::selectPage(const CustomerFilter &f, const QString &scope, const QVector<qint64> &scopeOwners,
                                            const QString &columns, const PageFetch &fetch)
{
    QVariantMap binds;
    // A keyword with something searchable in it (the match itself is built once, by whereClause).
    const bool searchable = !SearchIndex::queryRuns(f.keyword).isEmpty();
    // Newest matches first on SQLite: walk the FTS index backwards by rowid and stop at the page,
    // instead of collecting every match of a common word and sorting them.
    const bool stream = m_db.isSqlite() && effectiveSort(f) == CustomerSort::Newest && searchable;
    QString where = whereClause(f, scope, scopeOwners, binds, stream);
    auto [column, ascending] = sortOf(f);
    if (stream)
        column = QStringLiteral("s.rowid");
    const QString dir = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    if (f.afterKey && effectiveSort(f) == CustomerSort::Newest) {
        where += QStringLiteral(" AND ") + column + (ascending ? QLatin1Char('>') : QLatin1Char('<')) + QStringLiteral(" :aid");
        binds.insert(QStringLiteral(":aid"), f.afterId);
    } else if (f.afterKey) {
        where += QStringLiteral(" AND (") + column + QStringLiteral(", c.id) ") + (ascending ? QLatin1Char('>') : QLatin1Char('<')) +
                 QStringLiteral(" (:akey, :aid)");
        binds.insert(QStringLiteral(":akey"), *f.afterKey);
        binds.insert(QStringLiteral(":aid"), f.afterId);
    }
    const int limit = std::clamp(f.limit, 1, 1000);
    const int offset = f.afterKey ? 0 : std::max(0, f.offset);
    QString order = column + dir;
    if (column != QLatin1String("c.id") && !stream)
        order += QStringLiteral(", c.id") + dir;
    // PostgreSQL, far into a list (the desktop's scroll bar dragged to the middle of a million rows):
    // the rows to skip are counted in the sort index alone and only the page's rows are read. Asked
    // for whole rows at once, the planner reads and sorts the whole scope instead (2.9 s for the
    // director's row 450,000 on the 1M demo, 22 s at worst; 0.24 s this way, an index-only scan).
    constexpr int kDeferredJoinOffset = 1000;
    const bool deferred = !m_db.isSqlite() && offset >= kDeferredJoinOffset;
    qsizetype rows = 0;
    auto run = [&](const QString &from, const QVariantMap &extra) -> Status {
        const QString paging = QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT :limit OFFSET :offset");
        const QString sql = deferred
            ? QString(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM customers c LEFT JOIN users u ON u.id = c.owner_id"
                                                                         " WHERE c.id IN (SELECT c.id") + from +
                      QStringLiteral(" WHERE ") + where + paging + QStringLiteral(") ORDER BY ") + order)
            : QString(QStringLiteral("SELECT ") + columns + from + QStringLiteral(" LEFT JOIN users u ON u.id = c.owner_id WHERE ") +
                      where + paging);
        QVariantMap all = binds;
        all.insert(extra);
        all.insert(QStringLiteral(":limit"), limit + 1); // one more row tells whether there is a next page
        all.insert(QStringLiteral(":offset"), offset);
        auto read = fetch(sql, all);
        if (!read)
            return read.error();
        rows = *read;
        return {};
    };
    // PostgreSQL, newest matches of a keyword first: its row estimates for n-gram phrases are poor (the
    // bigrams of one word are far from independent), so it walks the primary key backwards for a rare
    // word, reading most of the table, or collects and sorts every match of a common one through the
    // GIN index. So the newest customers of the scope are tried first, alone (the LIMIT in the
    // subquery keeps the planner to that); only when they hold fewer matches than the page needs does
    // the index query run.
    //   - A wide scope: the newest kSearchWindow customers, by the primary key. Measured at 1M
    //     customers, a director's "VIP客户" went from 237 to 0.6 ms, "Northwind" from 47 to 3 ms; a rare
    //     name costs the window's 2-3 ms more.
    //   - One owner (a rep, an owner filter, the pool): that owner's newest kOwnerWindow customers, by
    //     customers_owner_id. The owner token narrows the index query, but a word in most of the
    //     owner's customers still meant every one of them: a rep's "有限公司" (3,047 of 4,816) took
    //     12-16 ms, 0.3 ms from the window, which costs a rare word 0.3-0.8 ms more.
    //   - A team (a few owners): no window. Their rows interleave, so a window would sort them all.
    constexpr int kSearchWindow = 5000;
    constexpr int kOwnerWindow = 300;
    const bool wideScope = !f.poolOnly && !f.ownerId && (scopeOwners.isEmpty() || scopeOwners.size() > kMaxOwnerTokens);
    const bool oneOwner = f.poolOnly || f.ownerId || scopeOwners.size() == 1;
    const int windowSize = wideScope ? kSearchWindow : kOwnerWindow;
    const bool window = !m_db.isSqlite() && (wideScope || oneOwner) && effectiveSort(f) == CustomerSort::Newest && !ascending &&
                        searchable && offset + limit + 1 <= windowSize;
    if (window) {
        QStringList windowWhere;
        QVariantMap windowBinds;
        if (f.poolOnly) {
            windowWhere << QStringLiteral("w.owner_id IS NULL");
        } else if (!wideScope) {
            windowWhere << QStringLiteral("w.owner_id = :wowner");
            windowBinds.insert(QStringLiteral(":wowner"), f.ownerId ? *f.ownerId : scopeOwners.first());
        }
        if (f.afterKey) {
            windowWhere << QStringLiteral("w.id < :waid");
            windowBinds.insert(QStringLiteral(":waid"), f.afterId);
        }
        const QString newest = QStringLiteral(" FROM (SELECT * FROM customers w") +
                               (windowWhere.isEmpty() ? QString() : QStringLiteral(" WHERE ") + windowWhere.join(QStringLiteral(" AND "))) +
                               QStringLiteral(" ORDER BY w.id DESC LIMIT ") + QString::number(windowSize) + QStringLiteral(") c");
        if (Status st = run(newest, windowBinds); !st)
            return st.error();
    }
    if (!window || rows <= limit) {
        const QString from = stream ? QStringLiteral(" FROM customer_search s JOIN customers c ON c.id = s.rowid")
                                    : QStringLiteral(" FROM customers c");
        if (Status st = run(from, {}); !st)
            return st.error();
    }
    return rows > limit; // the caller drops the extra row
}

Result<qint64> CustomerRepository::count(const CustomerFilter &f, const QString &scope, const QVector<qint64> &scopeOwners,
                                         std::optional<qint64> cap)
{
    QVariantMap binds;
    QString sql;
    if (!cap) {
        sql = QStringLiteral("SELECT COUNT(*) FROM customers c WHERE ") + whereClause(f, scope, scopeOwners, binds);
    } else {
        // Capped: stream matching rows and stop at the cap. On SQLite a keyword is joined from the index
        // (as list() does) rather than tested with IN, which would first collect every match.
        const bool stream = m_db.isSqlite() && !keywordMatch(f, scopeOwners).isEmpty();
        sql = QStringLiteral("SELECT COUNT(*) FROM (SELECT 1") +
              (stream ? QStringLiteral(" FROM customer_search s JOIN customers c ON c.id = s.rowid WHERE ")
                      : QStringLiteral(" FROM customers c WHERE ")) +
              whereClause(f, scope, scopeOwners, binds, stream) + QStringLiteral(" LIMIT :cap) capped");
        binds.insert(QStringLiteral(":cap"), std::max<qint64>(0, *cap));
    }
    QSqlQuery q = m_db.cached(sql);
    bindAll(q, binds);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    q.next();
    const qint64 n = q.value(0).toLongLong();
    m_db.recycle(std::move(q));
    return n;
}

Result<QHash<qint64, QStringList>> CustomerRepository::tagsOf(const QVector<qint64> &ids)
{
    QHash<qint64, QStringList> out;
    if (ids.isEmpty())
        return out;
    // A fixed number of placeholders for a page (padded with the last id), so the text repeats and
    // the prepared statement is reused.
    const int slots = ids.size() <= 21 ? 21 : int(ids.size());
    QStringList names;
    for (int i = 0; i < slots; ++i)
        names << QStringLiteral(":t") + QString::number(i);
    QSqlQuery q = m_db.cached(QStringLiteral("SELECT ct.customer_id, t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
                                             " WHERE ct.customer_id IN (") + names.join(QLatin1Char(',')) +
                              QStringLiteral(") ORDER BY t.name"));
    for (int i = 0; i < slots; ++i)
        q.bindValue(names[i], ids[qMin<qsizetype>(i, ids.size() - 1)]);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    while (q.next())
        out[q.value(0).toLongLong()].append(q.value(1).toString());
    m_db.recycle(std::move(q));
    return out;
}

Result<Customer> CustomerRepository::load(qint64 id, const QString &scope)
{
    QSqlQuery q = m_db.cached(QStringLiteral("SELECT ") + kColumns +
                              QStringLiteral(" FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = :id AND ") + scope);
    q.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next()) {
        m_db.recycle(std::move(q));
        return Error::notFound(QStringLiteral("Customer"));
    }
    Customer c = readRow(q);
    m_db.recycle(std::move(q));

    // All the lists hanging off the customer in one statement (a detail is opened very often).
    QSqlQuery k = m_db.cached(QStringLiteral(
        "SELECT 1, id, phone, label, NULL, NULL, NULL, NULL, NULL, is_primary FROM customer_phones WHERE customer_id = :id1"
        " UNION ALL SELECT 2, id, email, label, NULL, NULL, NULL, NULL, NULL, is_primary FROM customer_emails WHERE customer_id = :id2"
        " UNION ALL SELECT 3, id, label, province, city, district, street, number, postal_code, is_primary"
        "  FROM customer_addresses WHERE customer_id = :id3"
        " UNION ALL SELECT 4, 0, t.name, NULL, NULL, NULL, NULL, NULL, NULL, 0 FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
        "  WHERE ct.customer_id = :id4"
        " UNION ALL SELECT 5, 0, g.name, NULL, NULL, NULL, NULL, NULL, NULL, 0 FROM customer_group_members m"
        "  JOIN customer_groups g ON g.id = m.group_id WHERE m.customer_id = :id5"
        " ORDER BY 1, 2, 3"));
    for (const char *name : {":id1", ":id2", ":id3", ":id4", ":id5"})
        k.bindValue(QLatin1String(name), id);
    if (Status st = m_db.exec(k); !st)
        return st.error();
    while (k.next()) {
        const auto v = [&](int i) { return k.value(i).toString(); };
        const bool primary = k.value(9).toInt() != 0;
        switch (k.value(0).toInt()) {
        case 1: c.phones.append({v(2), v(3), primary}); break;
        case 2: c.emails.append({v(2), v(3), primary}); break;
        case 3: c.addresses.append({v(2), v(3), v(4), v(5), v(6), v(7), v(8), primary}); break;
        case 4: c.tags.append(v(2)); break;
        case 5: c.groups.append(v(2)); break;
        }
    }
    m_db.recycle(std::move(k));
    c.detailLoaded = true;
    return c;
}

namespace {
void bindRow(QSqlQuery &q, const Customer &c)
{
    q.bindValue(QStringLiteral(":name"), c.name);
    q.bindValue(QStringLiteral(":kind"), c.kind);
    q.bindValue(QStringLiteral(":gender"), text(c.gender));
    q.bindValue(QStringLiteral(":birthday"), c.birthday.isValid() ? QVariant(c.birthday.toString(Qt::ISODate)) : text({}));
    q.bindValue(QStringLiteral(":occupation"), text(c.occupation));
    q.bindValue(QStringLiteral(":industry"), text(c.industry));
    q.bindValue(QStringLiteral(":company"), text(c.company));
    q.bindValue(QStringLiteral(":position"), text(c.position));
    q.bindValue(QStringLiteral(":source"), text(c.source));
    q.bindValue(QStringLiteral(":status"), c.status);
    q.bindValue(QStringLiteral(":level"), text(c.level));
    q.bindValue(QStringLiteral(":phone"), text(c.phone));
    q.bindValue(QStringLiteral(":email"), text(c.email));
    q.bindValue(QStringLiteral(":province"), text(c.province));
    q.bindValue(QStringLiteral(":city"), text(c.city));
    q.bindValue(QStringLiteral(":district"), text(c.district));
    q.bindValue(QStringLiteral(":owner"), c.ownerId ? QVariant(*c.ownerId) : QVariant(QMetaType::fromType<qlonglong>()));
    q.bindValue(QStringLiteral(":custom"), c.customFields.isEmpty()
                                               ? text({})
                                               : QVariant(QString::fromUtf8(QJsonDocument(c.customFields).toJson(QJsonDocument::Compact))));
    q.bindValue(QStringLiteral(":notes"), text(c.notes));
    q.bindValue(QStringLiteral(":updated"), c.updatedAt);
    q.bindValue(QStringLiteral(":pool"), c.poolSince ? QVariant(c.poolSince) : QVariant(QMetaType::fromType<qlonglong>()));
}
} // namespace

Result<qint64> CustomerRepository::insert(const Customer &c)
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO customers (name, kind, gender, birthday, occupation, industry, company, position, source, status, level,"
        " phone, email, province, city, district, owner_id, created_by, created_at, updated_at, last_contact_at, pool_since,"
        " custom_fields, notes, version) VALUES (:name, :kind, :gender, :birthday, :occupation, :industry, :company, :position,"
        " :source, :status, :level, :phone, :email, :province, :city, :district, :owner, :createdBy, :created, :updated, 0,"
        " :pool, :custom, :notes, 1) RETURNING id"));
    bindRow(q, c);
    q.bindValue(QStringLiteral(":createdBy"), c.createdBy > 0 ? QVariant(c.createdBy) : QVariant(QMetaType::fromType<qlonglong>()));
    q.bindValue(QStringLiteral(":created"), c.createdAt);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    q.next();
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return id;
}

Result<bool> CustomerRepository::updateRow(const Customer &c, int version)
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "UPDATE customers SET name = :name, kind = :kind, gender = :gender, birthday = :birthday, occupation = :occupation,"
        " industry = :industry, company = :company, position = :position, source = :source, status = :status, level = :level,"
        " phone = :phone, email = :email, province = :province, city = :city, district = :district, owner_id = :owner,"
        " pool_since = :pool, custom_fields = :custom, notes = :notes, updated_at = :updated, version = version + 1"
        " WHERE id = :id AND version = :version"));
    bindRow(q, c);
    q.bindValue(QStringLiteral(":id"), c.id);
    q.bindValue(QStringLiteral(":version"), version);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    return q.numRowsAffected() == 1;
}

Status CustomerRepository::replacePhones(qint64 id, const QVector<Phone> &phones)
{
    QSqlQuery del = m_db.prepare(QStringLiteral("DELETE FROM customer_phones WHERE customer_id = :id"));
    del.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(del); !st)
        return st;
    for (const Phone &p : phones) {
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO customer_phones (customer_id, phone, label, is_primary) VALUES (:c, :p, :l, :pr)"));
        q.bindValue(QStringLiteral(":c"), id);
        q.bindValue(QStringLiteral(":p"), p.number);
        q.bindValue(QStringLiteral(":l"), text(p.label));
        q.bindValue(QStringLiteral(":pr"), p.primary ? 1 : 0);
        if (Status st = m_db.exec(q); !st)
            return st;
    }
    return {};
}

Status CustomerRepository::replaceEmails(qint64 id, const QVector<Email> &emails)
{
    QSqlQuery del = m_db.prepare(QStringLiteral("DELETE FROM customer_emails WHERE customer_id = :id"));
    del.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(del); !st)
        return st;
    for (const Email &e : emails) {
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO customer_emails (customer_id, email, label, is_primary) VALUES (:c, :e, :l, :pr)"));
        q.bindValue(QStringLiteral(":c"), id);
        q.bindValue(QStringLiteral(":e"), e.address);
        q.bindValue(QStringLiteral(":l"), text(e.label));
        q.bindValue(QStringLiteral(":pr"), e.primary ? 1 : 0);
        if (Status st = m_db.exec(q); !st)
            return st;
    }
    return {};
}

Status CustomerRepository::replaceAddresses(qint64 id, const QVector<Address> &addresses)
{
    QSqlQuery del = m_db.prepare(QStringLiteral("DELETE FROM customer_addresses WHERE customer_id = :id"));
    del.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(del); !st)
        return st;
    for (const Address &a : addresses) {
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO customer_addresses (customer_id, label, province, city, district, street, number, postal_code, is_primary)"
            " VALUES (:c, :l, :pv, :ct, :ds, :st, :nb, :pc, :pr)"));
        q.bindValue(QStringLiteral(":c"), id);
        q.bindValue(QStringLiteral(":l"), text(a.label));
        q.bindValue(QStringLiteral(":pv"), text(a.province));
        q.bindValue(QStringLiteral(":ct"), text(a.city));
        q.bindValue(QStringLiteral(":ds"), text(a.district));
        q.bindValue(QStringLiteral(":st"), text(a.street));
        q.bindValue(QStringLiteral(":nb"), text(a.number));
        q.bindValue(QStringLiteral(":pc"), text(a.postalCode));
        q.bindValue(QStringLiteral(":pr"), a.primary ? 1 : 0);
        if (Status st = m_db.exec(q); !st)
            return st;
    }
    return {};
}

Result<qint64> CustomerRepository::tagId(const QString &table, const QString &name)
{
    QSqlQuery up = m_db.prepare(QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (name) VALUES (:n) ON CONFLICT (name) DO NOTHING"));
    up.bindValue(QStringLiteral(":n"), name);
    if (Status st = m_db.exec(up); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id FROM ") + table + QStringLiteral(" WHERE name = :n"));
    q.bindValue(QStringLiteral(":n"), name);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    q.next();
    return q.value(0).toLongLong();
}

Status CustomerRepository::addTags(qint64 id, const QStringList &tags)
{
    for (const QString &t : tags) {
        auto tag = tagId(QStringLiteral("tags"), t);
        if (!tag)
            return tag.error();
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO customer_tags (customer_id, tag_id) VALUES (:c, :t) ON CONFLICT DO NOTHING"));
        q.bindValue(QStringLiteral(":c"), id);
        q.bindValue(QStringLiteral(":t"), *tag);
        if (Status st = m_db.exec(q); !st)
            return st;
    }
    return {};
}

Status CustomerRepository::replaceTags(qint64 id, const QStringList &tags)
{
    QSqlQuery del = m_db.prepare(QStringLiteral("DELETE FROM customer_tags WHERE customer_id = :id"));
    del.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(del); !st)
        return st;
    return addTags(id, tags);
}

Status CustomerRepository::replaceGroups(qint64 id, const QStringList &groups)
{
    QSqlQuery del = m_db.prepare(QStringLiteral("DELETE FROM customer_group_members WHERE customer_id = :id"));
    del.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(del); !st)
        return st;
    for (const QString &g : groups) {
        auto group = tagId(QStringLiteral("customer_groups"), g);
        if (!group)
            return group.error();
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO customer_group_members (customer_id, group_id) VALUES (:c, :g)"
                                                  " ON CONFLICT DO NOTHING"));
        q.bindValue(QStringLiteral(":c"), id);
        q.bindValue(QStringLiteral(":g"), *group);
        if (Status st = m_db.exec(q); !st)
            return st;
    }
    return {};
}

Status CustomerRepository::reindex(const Customer &c)
{
    return SearchIndex::indexCustomer(m_db, c.id, searchTexts(c), c.ownerId);
}

Status CustomerRepository::remove(qint64 id)
{
    if (Status st = SearchIndex::removeCustomer(m_db, id); !st)
        return st;
    QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM customers WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    return m_db.exec(q);
}

} // namespace crm
