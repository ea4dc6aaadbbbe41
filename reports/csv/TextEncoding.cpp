#include "reports/csv/TextEncoding.h"

namespace crm::Encoding {

std::optional<TextEncoding> fromName(const QString &name)
{
    const QString n = name.trimmed().toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    if (n == QLatin1String("auto"))
        return TextEncoding::Auto;
    if (n == QLatin1String("utf8"))
        return TextEncoding::Utf8;
    // GBK and GB2312 files are valid GB18030, which decodes all of them.
    if (n == QLatin1String("gb18030") || n == QLatin1String("gbk") || n == QLatin1String("gb2312") || n == QLatin1String("cp936"))
        return TextEncoding::Gb18030;
    if (n == QLatin1String("utf16le") || n == QLatin1String("utf16"))
        return TextEncoding::Utf16LE;
    if (n == QLatin1String("utf16be"))
        return TextEncoding::Utf16BE;
    return std::nullopt;
}

QString name(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Auto: return QStringLiteral("auto");
    case TextEncoding::Utf8: return QStringLiteral("utf-8");
    case TextEncoding::Gb18030: return QStringLiteral("gb18030");
    case TextEncoding::Utf16LE: return QStringLiteral("utf-16le");
    case TextEncoding::Utf16BE: return QStringLiteral("utf-16be");
    }
    return {};
}

const char *codecName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Gb18030: return "GB18030";
    case TextEncoding::Utf16LE: return "UTF-16LE";
    case TextEncoding::Utf16BE: return "UTF-16BE";
    case TextEncoding::Auto:
    case TextEncoding::Utf8: return "UTF-8";
    }
    return "UTF-8";
}

bool isAscii(QByteArrayView bytes)
{
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

bool isValidUtf8Prefix(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF; // range of the second byte (excludes overlongs and surrogates)
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return false;
        }
        for (int k = 1; k < len; ++k) {
            if (i + k >= n)
                return true; // cut at the chunk's end: the rest comes with the next chunk
            const unsigned char b = p[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
                return false;
        }
        i += len;
    }
    return true;
}

} // namespace crm::Encoding
