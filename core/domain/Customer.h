#pragma once

#include <QDate>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

#include <array>
#include <optional>

namespace crm {

struct Phone
{
    QString number; // normalised: digits with an optional leading '+'
    QString label; // "mobile", "work", ... free text
    bool primary = false;
};

struct Email
{
    QString address; // lower case
    QString label;
    bool primary = false;
};

struct Address
{
    QString label;
    QString province, city, district, street, number, postalCode;
    bool primary = false;
};

struct Contact
{
    qint64 id = 0;
    qint64 customerId = 0;
    QString name, position, relationship, phone, email, notes;
    bool primary = false;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString customerName; // read only; filled by ContactService::listInScope only (what exports show)
};

// Every contact of the customers the actor may see (ContactService::listInScope), keyset paged on
// the contact's id.
struct ContactScopeFilter
{
    std::optional<qint64> customerId; // one customer's
    int limit = 500; // 1..1000
    qint64 afterId = 0; // contacts with a larger id
};

struct ContactPage
{
    QVector<Contact> contacts;
    bool hasMore = false;
};

// A customer (company or person). Field names used by updates, field rules, errors and the
// audit log are the camelCase names of the members: name, kind, phones, ownerId, customFields...
struct Customer
{
    qint64 id = 0;
    QString name;
    QString kind = QStringLiteral("company"); // company | person
    QString gender; // male | female | ""
    QDate birthday;
    QString occupation, industry, company, position;
    QString source; // free tag: "douyin-feed", "store-walk-in"
    QString status = QStringLiteral("prospect"); // see CustomerService::statuses()
    QString level; // "", A, B, C, D
    QVector<Phone> phones;
    QVector<Email> emails;
    QVector<Address> addresses;
    QStringList tags;
    QStringList groups;
    std::optional<qint64> ownerId; // none: in the public pool
    QString ownerName;
    qint64 createdBy = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 lastContactAt = 0; // 0: never contacted
    qint64 poolSince = 0;
    qint64 wonValueMinor = 0;
    QJsonObject customFields;
    QString notes;
    int version = 0;

    // Derived from the lists (the primary entry, else the first): what list pages show.
    QString phone, email, province, city, district;

    // Fields the actor's role hides: blanked here; surfaces show them as hidden.
    QSet<QString> hiddenFields;
    // True when phones/emails/addresses/groups were loaded (detail), false for list rows.
    bool detailLoaded = false;
};

// Auto: Newest when there is a keyword, LastContact otherwise. Newest (the most recently added
// matches first) is what keyword search streams straight from the search index at any size; sorting
// every match of a common word by another column would read them all.
enum class CustomerSort { Auto, LastContact, Created, Name, Value, Newest };

struct CustomerFilter
{
    QString keyword; // substring of name, company, phones, emails, tags
    QStringList statuses;
    std::optional<qint64> ownerId;
    bool poolOnly = false; // customers without an owner
    QString tag, group, source;
    QString province, city, district;
    std::optional<qint64> lastContactFrom, lastContactTo; // ms, half-open; never contacted is 0
    std::optional<qint64> createdFrom, createdTo; // ms, half-open (a dashboard's "new customers" bar)
    CustomerSort sort = CustomerSort::Auto;
    // Unset: the natural direction (newest/largest first; names A-Z).
    std::optional<bool> ascending;
    int offset = 0;
    int limit = 20;
    // Keyset paging: rows strictly after this (sort key, id), in sort order. Cheaper than a deep offset.
    std::optional<QVariant> afterKey;
    qint64 afterId = 0;
};

struct CustomerPage
{
    QVector<Customer> customers;
    bool hasMore = false;
};

// A list row as flat cells, for readers of many rows (exports): the texts one after another in one
// string instead of a string each (a million Customers cost more to allocate and free than to write
// out). Tags are one text, separated by kTagSeparator. A field the reader's role hides is empty.
struct CustomerCells
{
    enum Text { Name, Kind, Gender, Birthday, Occupation, Industry, Company, Position, Source, Status, Level, Phone,
                Email, Province, City, District, OwnerName, CustomFields, Notes, Tags, TextCount };
    static constexpr QChar kTagSeparator = QChar(0x1f);

    qint64 id = 0, createdAt = 0, lastContactAt = 0, wonValueMinor = 0;
    QString texts;
    std::array<qsizetype, TextCount + 1> bounds{}; // text t is texts[bounds[t], bounds[t + 1])

    QStringView operator[](Text t) const { return QStringView(texts).sliced(bounds[t], bounds[t + 1] - bounds[t]); }
    QStringList tags() const
    {
        const QStringView t = (*this)[Tags];
        return t.isEmpty() ? QStringList() : t.toString().split(kTagSeparator);
    }
};

struct CustomerCellPage
{
    QVector<CustomerCells> rows;
    bool hasMore = false;
};

// One customer-level fact for a duplicate check that reveals nothing else about the record.
struct DuplicateHint
{
    QString match; // "phone", "email", "name"
    QString state; // "yours", "owned_by_other", "in_pool"
};

} // namespace crm
