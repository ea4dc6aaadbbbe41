#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace crm {

// The encodings CSV files arrive in. Excel on Chinese Windows saves "CSV" in the ANSI code page
// (GBK, which GB18030 contains); everything newer writes UTF-8, often with a BOM; Excel's "Unicode
// text" is UTF-16 with a BOM. GB18030 is decoded through Qt's ICU backend (Debian's Qt has ICU).
enum class TextEncoding { Auto, Utf8, Gb18030, Utf16LE, Utf16BE };

namespace Encoding {

// "auto", "utf-8"/"utf8", "gb18030"/"gbk"/"gb2312", "utf-16le", "utf-16be"; nullopt otherwise.
std::optional<TextEncoding> fromName(const QString &name);
QString name(TextEncoding encoding);
// The codec name QStringDecoder takes.
const char *codecName(TextEncoding encoding);

// True when `bytes` is valid UTF-8, allowing it to end inside a multi-byte sequence (a chunk boundary).
bool isValidUtf8Prefix(QByteArrayView bytes);
bool isAscii(QByteArrayView bytes);

} // namespace Encoding
} // namespace crm
