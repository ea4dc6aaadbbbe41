#pragma once

#include <QString>

namespace crm {

// Masks contact details in exports for roles without Permission::CustomerExportUnmasked, the way
// Chinese apps show them: enough to recognise a number, not enough to call it.
namespace ContactMask {
// 13812345678 -> 138****5678; +8613812345678 -> +86138****5678; short numbers keep their last two digits.
QString phone(const QString &number);
// wang.fang@xinghe.cn -> w***@xinghe.cn
QString email(const QString &address);
} // namespace ContactMask

} // namespace crm
