#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"
#include "reports/import/ColumnMapping.h"

namespace crm {

// Turns one row of cells into a customer draft as a person would read the sheet: several numbers in
// one phone cell ("138..., 139..." or "138.../139..."), tags separated by commas, 、 or semicolons,
// status, kind and gender words in Chinese or English (潜在客户, 个人, 男), dates as 2024-05-01,
// 2024/5/1, 2024年5月1日 or 20240501, and a leading ' that CSV formula guards add removed.
// It only reads; CustomerValidator decides what is valid, as for every other way in.
class CustomerRowParser
{
public:
    explicit CustomerRowParser(const ColumnMapping &mapping, const QVector<CustomFieldDef> &customFields = {});

    // Fills `out` (a fresh Customer) from `cells`; an error names the field it could not read.
    Status parse(const QStringList &cells, Customer &out) const;
    // The row's contact person (the contact* columns), primary, unchecked; none when those cells are
    // empty. ContactService::validateDraft checks it (checkContact).
    std::optional<Contact> contact(const QStringList &cells) const;
    // ContactService::validateDraft, with the error's field named as the mapping names it
    // (contactName, contactPhone, ...), so the report points at the column.
    static Status checkContact(Contact &contact);
    // True when every mapped cell is empty (trailing rows Excel leaves behind): the row is skipped.
    bool isBlank(const QStringList &cells) const;
    // The column an error about `field` (a validator field: name, phones, addresses, ...) points at,
    // or -1; for lists, the column holding the offending value.
    int columnFor(const Error &error, const QStringList &cells) const;

    static QString clean(const QString &cell);
    static std::optional<QDate> parseDate(const QString &text);
    // Splits a cell holding several values; separators: , ; 、 ， ； | and line breaks (and '/' for phones).
    static QStringList splitList(const QString &cell, bool slashSeparates);

private:
    // What a mapped column fills, decided once: parse() runs for every row of a file.
    enum class Target { Name, Company, Phone, Email, Tags, Groups, Source, Kind, Status, Level, Gender, Birthday, Industry,
                        Occupation, Position, Notes, Province, City, District, Street, PostalCode, Custom, Other };
    struct Column
    {
        int index;
        QString field;
        QString phoneLabel;
        Target target;
    };
    static Target targetOf(const QString &field);
    QString cell(const QStringList &cells, int column) const;

    ColumnMapping m_mapping;
    QVector<Column> m_columns; // mapped columns only
    int m_contactName, m_contactPosition, m_contactPhone, m_contactEmail; // -1: not mapped
    QHash<QString, QString> m_customTypes; // custom field key -> type
};

} // namespace crm
