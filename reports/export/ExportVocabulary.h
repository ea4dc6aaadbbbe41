#pragma once

#include <QString>

namespace crm {

// Labels exports show for the fixed words of opportunities, activities, tasks and contacts: the
// stored word in English (what the API speaks and an import would read back), the usual Chinese word
// with Chinese headers. `field` keeps words apart that mean different things ("open" opportunity
// 进行中, "open" task 未完成).
namespace ExportVocabulary {

// field: opportunityStatus, activityKind, direction, taskStatus, priority. Unknown words pass through.
QString label(const QString &field, const QString &value, bool chinese);
// The stored word for a label in either language ("赢单", "Won", "won" -> "won"); empty when the
// text is no word of `field`. The reverse of label(), for imports.
QString canonical(const QString &field, const QString &text);
// "yes" / "" (是 / "") for a flag such as a contact's primary mark.
QString flag(bool value, bool chinese);

} // namespace ExportVocabulary
} // namespace crm
