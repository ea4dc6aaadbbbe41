#pragma once

#include <QString>

namespace crm {

// The words people write in spreadsheets for the customer fields with a fixed set of values (kind,
// status, gender, level), in Chinese and English, and the labels exports use. Canonical values are
// CustomerValidator's (company, prospect, male, A ...).
namespace CustomerVocabulary {

// The canonical value for `text` of `field`; `text` itself (trimmed) when nothing matches, so that
// the validator rejects it with its own message. Empty stays empty.
QString canonical(const QString &field, const QString &text);
// The label an export shows: the canonical value in English, the usual Chinese word in Chinese.
QString label(const QString &field, const QString &value, bool chinese);

} // namespace CustomerVocabulary
} // namespace crm
