#include "reports/report/PdfTextMap.h"

#include <QString>

namespace crm {

namespace {

// The ideograph a radical is drawn as, or 0 when `code` is not a radical with one.
char16_t ideographOf(uint code)
{
    if (code < 0x2E80 || code > 0x2FDF)
        return 0;
    // Noto Sans CJK SC draws the door radical with the simplified 户, not with its decomposition 戶 (the
    // only radical of the font whose glyph is another ideograph's than its decomposition's): without this
    // every "客户" of a Chinese report came out as "客戶".
    if (code == 0x2F3E)
        return u'\u6237';
    const QString ideograph = QString(QChar(char16_t(code))).normalized(QString::NormalizationForm_KC);
    if (ideograph.size() != 1 || ideograph.at(0).unicode() < 0x3400)
        return 0;
    return ideograph.at(0).unicode();
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Rewrites the destinations of one bfrange line in place: "<src> <src> <dst>" (one glyph) or
// "<src> <src> [<dst> <dst> ...]". A linear range ("<a> <b> <dst>" with a < b) maps glyphs to
// consecutive code points from dst and is left alone.
int repairLine(char *line, qsizetype length)
{
    int replaced = 0;
    int token = 0;
    bool inArray = false;
    char *first = nullptr, *second = nullptr;
    for (qsizetype i = 0; i < length; ++i) {
        if (line[i] == '[') {
            inArray = true;
            continue;
        }
        if (line[i] != '<')
            continue;
        qsizetype end = i + 1;
        while (end < length && line[end] != '>')
            ++end;
        if (end >= length)
            return replaced;
        char *hex = line + i + 1;
        const qsizetype digits = end - i - 1;
        ++token;
        if (token == 1)
            first = hex;
        else if (token == 2)
            second = hex;
        else if (digits == 4 && (inArray || (first && second && qstrncmp(first, second, 4) == 0))) {
            uint code = 0;
            bool ok = true;
            for (int d = 0; d < 4 && ok; ++d) {
                const int v = hexValue(hex[d]);
                ok = v >= 0;
                code = code * 16 + uint(v);
            }
            if (const char16_t ideograph = ok ? ideographOf(code) : 0) {
                static const char digitsOf[] = "0123456789ABCDEF";
                for (int d = 0; d < 4; ++d)
                    hex[d] = digitsOf[(ideograph >> (12 - 4 * d)) & 0xF];
                ++replaced;
            }
        }
        i = end;
    }
    return replaced;
}

} // namespace

int PdfTextMap::repair(QByteArray &pdf)
{
    int replaced = 0;
    char *data = pdf.data();
    qsizetype from = 0;
    for (;;) {
        const qsizetype begin = pdf.indexOf("beginbfrange\n", from);
        if (begin < 0)
            break;
        const qsizetype end = pdf.indexOf("endbfrange", begin);
        if (end < 0)
            break;
        qsizetype line = begin + qstrlen("beginbfrange\n");
        while (line < end) {
            qsizetype next = pdf.indexOf('\n', line);
            if (next < 0 || next > end)
                next = end;
            replaced += repairLine(data + line, next - line);
            line = next + 1;
        }
        from = end;
    }
    return replaced;
}

} // namespace crm
