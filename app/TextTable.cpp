#include "app/TextTable.h"

#include <algorithm>

namespace crm {

namespace {
// East Asian wide and fullwidth ranges (Unicode TR 11), enough for CJK names and punctuation.
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}
} // namespace

int TextTable::displayWidth(const QString &text)
{
    int width = 0;
    for (char32_t c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width;
}

QStringList TextTable::lines() const
{
    QVector<int> widths(m_headers.size(), 0);
    auto measure = [&](const QStringList &cells) {
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(cells[i]));
    };
    measure(m_headers);
    for (const QStringList &row : m_rows)
        measure(row);

    auto format = [&](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = cells.value(i);
            line += cell;
            if (i + 1 < widths.size())
                line += QString(widths[i] - displayWidth(cell) + 2, QLatin1Char(' '));
        }
        return line;
    };
    QStringList out{format(m_headers)};
    QStringList rule;
    for (int w : widths)
        rule << QString(w, QLatin1Char('-'));
    out << format(rule);
    for (const QStringList &row : m_rows)
        out << format(row);
    return out;
}

} // namespace crm
