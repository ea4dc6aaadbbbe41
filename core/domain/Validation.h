#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace crm {

// Shared field checks, so the desktop, the API and importers reject the same input with the same words.
namespace Validation {

// Digits with an optional leading '+'; separators (space, '-', '.', parentheses) removed; a +86/0086
// prefix on a mainland mobile number dropped. nullopt when it cannot be a phone number.
std::optional<QString> normalizePhone(const QString &input);
// Lower-cased, trimmed; nullopt when not an address of the form local@domain.tld.
std::optional<QString> normalizeEmail(const QString &input);

Status required(const QString &value, const QString &field, const QString &label);
Status maxLength(const QString &value, int max, const QString &field);
Status oneOf(const QString &value, const QStringList &allowed, const QString &field);
// A day written exactly 'YYYY-MM-DD' (surrounding spaces ignored); nothing for anything else, empty included.
std::optional<QDate> parseDate(const QString &text);

} // namespace Validation
} // namespace crm
