#include "reports/customers/CustomerColumns.h"

#include "core/security/Actor.h"

namespace crm::CustomerColumns {

const QVector<CustomerColumn> &all()
{
    using T = XlsxCellType;
    auto col = [](const char *key, const char *en, const char *zh, T type, double width, const char *field) {
        return CustomerColumn{QLatin1String(key), QString::fromUtf8(en), QString::fromUtf8(zh), type, width, QLatin1String(field)};
    };
    static const QVector<CustomerColumn> columns = {
        col("id", "ID", "编号", T::Integer, 9, ""),
        col("name", "Name", "名称", T::Text, 28, "name"),
        col("kind", "Kind", "类型", T::Text, 9, "kind"),
        col("status", "Status", "状态", T::Text, 10, "status"),
        col("level", "Level", "级别", T::Text, 7, "level"),
        col("company", "Company", "公司", T::Text, 28, "company"),
        col("industry", "Industry", "行业", T::Text, 10, "industry"),
        col("occupation", "Occupation", "职业", T::Text, 12, "occupation"),
        col("position", "Position", "职位", T::Text, 12, "position"),
        col("gender", "Gender", "性别", T::Text, 7, "gender"),
        col("birthday", "Birthday", "生日", T::Date, 11, "birthday"),
        col("source", "Source", "来源", T::Text, 14, "source"),
        col("phone", "Phone", "手机", T::Text, 16, "phones"),
        col("email", "Email", "邮箱", T::Text, 26, "emails"),
        col("province", "Province", "省", T::Text, 10, "addresses"),
        col("city", "City", "市", T::Text, 10, "addresses"),
        col("district", "District", "区", T::Text, 10, "addresses"),
        col("tags", "Tags", "标签", T::Text, 20, "tags"),
        col("ownerName", "Owner", "负责人", T::Text, 12, "ownerId"),
        col("createdAt", "Created", "创建时间", T::DateTime, 17, ""),
        col("lastContactAt", "Last contact", "最近联系", T::DateTime, 17, ""),
        col("value", "Won value", "成交金额", T::Money, 14, ""),
        col("notes", "Notes", "备注", T::Text, 40, "notes"),
    };
    return columns;
}

QVector<CustomerColumn> visibleTo(const Actor &actor)
{
    return ExportColumn::visibleTo(actor, QStringLiteral("customer"), all());
}

} // namespace crm::CustomerColumns
