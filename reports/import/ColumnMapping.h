#pragma once

#include "core/Result.h"
#include "core/domain/CustomField.h"

#include <QJsonObject>
#include <QStringList>

#include <algorithm>

namespace crm {

// Which customer field each column of an import file fills. Proposed from the header names (Chinese
// and English, with the usual variants: 姓名/名称/客户名称/name, 手机/电话/联系电话/phone, ...),
// editable, and savable as a JSON template that maps header names to fields, so it applies to the
// next file with the same headers in any order:
//   {"type": "customers", "columns": {"客户名称": "name", "联系电话": "phone", "内部编号": ""}}
// An empty field ignores the column. contactName, contactPosition, contactPhone and contactEmail
// (联系人, 联系人职位, 联系人电话, 联系人邮箱) give the customer its primary contact person.
//
// The same for opportunities and activities (`type`; their fields and header names are in
// ImportTargets): the overloads taking a type. Without one, a mapping is for customers.
class ColumnMapping
{
public:
    static inline const QString Customers = QStringLiteral("customers");

    // The fields a column of a `type` file can fill; suggestions and proposals for that type.
    static const QStringList &targetFields(const QString &type);
    static QString suggest(const QString &header, const QString &type);
    static ColumnMapping propose(const QStringList &headers, const QString &type);
    static Result<ColumnMapping> fromTemplate(const QJsonObject &json, const QStringList &headers, const QString &type);
    static Result<ColumnMapping> loadTemplate(const QString &path, const QStringList &headers, const QString &type);
    // A header name as suggestions compare it: lower case, without spaces, '_', '-', '*', ':' and a
    // trailing remark in brackets ("手机号（必填）" -> "手机号").
    static QString normalizeHeader(const QString &header);

    // The fields a column can fill. phone, email, tags and groups may come from several columns.
    static const QStringList &targetFields();
    static bool isMultiValued(const QString &field);

    // A proposal for these headers: each header's best field, single-valued fields taken once.
    static ColumnMapping propose(const QStringList &headers);
    // The field a header name suggests, or empty.
    static QString suggest(const QString &header);

    // A template applied to a file's headers: headers it names get its field, others a proposal.
    static Result<ColumnMapping> fromTemplate(const QJsonObject &json, const QStringList &headers);
    static Result<ColumnMapping> loadTemplate(const QString &path, const QStringList &headers);
    QJsonObject toTemplate() const;
    Status saveTemplate(const QString &path) const;

    // A company custom field as a customers target: "customFields.<key>" (as exports name the column).
    static bool isCustomField(const QString &field);
    bool fillsCustomFields() const { return std::any_of(fields.cbegin(), fields.cend(), isCustomField); }
    // Columns still unmapped whose header is a custom field's label or key (or its export key) fill it.
    void proposeCustomFields(const QVector<CustomFieldDef> &defs);

    // Problems that stop an import: unknown field, a single-valued field twice, no name column.
    Status validate() const;

    QStringList headers;
    QStringList fields; // one per header; "" = ignored
    QString type = Customers; // customers, opportunities or activities

    int columnOf(const QString &field) const { return int(fields.indexOf(field)); }
    // The same without making a QString of the name (row parsers look columns up for every row).
    int columnOf(QLatin1String field) const { return int(fields.indexOf(field)); }
    QList<int> columnsOf(const QString &field) const;
};

} // namespace crm
