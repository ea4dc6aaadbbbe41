#include "core/domain/Money.h"

#include <limits>

namespace crm {

std::optional<qint64> Money::parseMinor(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    int i = 0;
    bool negative = false;
    if (text[0] == QLatin1Char('-') || text[0] == QLatin1Char('+')) {
        negative = text[0] == QLatin1Char('-');
        ++i;
    }
    qint64 whole = 0;
    int digits = 0;
    for (; i < text.size() && text[i].isDigit(); ++i, ++digits) {
        if (whole > (std::numeric_limits<qint64>::max() / 100 - 9) / 10)
            return std::nullopt;
        whole = whole * 10 + text[i].digitValue();
    }
    qint64 fraction = 0;
    int fractionDigits = 0;
    if (i < text.size() && text[i] == QLatin1Char('.')) {
        ++i;
        for (; i < text.size() && text[i].isDigit(); ++i) {
            if (++fractionDigits > 2)
                return std::nullopt;
            fraction = fraction * 10 + text[i].digitValue();
        }
        if (fractionDigits == 1)
            fraction *= 10;
    }
    if (i != text.size() || (digits == 0 && fractionDigits == 0))
        return std::nullopt;
    const qint64 value = whole * 100 + fraction;
    return negative ? -value : value;
}

QString Money::formatMinor(qint64 minor)
{
    const bool negative = minor < 0;
    // Work in unsigned to format INT64_MIN correctly.
    const quint64 abs = negative ? quint64(0) - quint64(minor) : quint64(minor);
    QString out = QString::number(abs / 100) + QLatin1Char('.') + QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + out : out;
}

std::optional<qint64> Money::add(qint64 a, qint64 b)
{
    qint64 out;
    if (__builtin_add_overflow(a, b, &out))
        return std::nullopt;
    return out;
}

qint64 Money::percentOf(qint64 minor, int percent)
{
    // |minor| * 100 can overflow only for amounts above 9e16 minor units; fall back to split math.
    const __int128 product = static_cast<__int128>(minor) * percent;
    const __int128 half = product >= 0 ? 50 : -50;
    return static_cast<qint64>((product + half) / 100);
}

bool Money::isValidCurrency(const QString &code)
{
    if (code.size() != 3)
        return false;
    for (QChar c : code)
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            return false;
    return true;
}

} // namespace crm
