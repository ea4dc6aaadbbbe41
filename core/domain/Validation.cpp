#include "core/domain/Validation.h"

#include <QRegularExpression>

namespace crm::Validation {

std::optional<QString> normalizePhone(const QString &input)
{
    QString out;
    const QString text = input.trimmed();
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isDigit() && c.unicode() < 128)
            out += c;
        else if (c == QLatin1Char('+') && out.isEmpty() && i == 0)
            out += c;
        else if (c == QLatin1Char(' ') || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('(') ||
                 c == QLatin1Char(')'))
            continue;
        else
            return std::nullopt;
    }
    if (out.startsWith(QLatin1String("+86")) && out.size() == 14 && out[3] == QLatin1Char('1'))
        out = out.mid(3);
    else if (out.startsWith(QLatin1String("0086")) && out.size() == 15 && out[4] == QLatin1Char('1'))
        out = out.mid(4);
    const int digits = out.startsWith(QLatin1Char('+')) ? int(out.size()) - 1 : int(out.size());
    if (digits < 5 || digits > 20)
        return std::nullopt;
    // A mainland mobile number: 11 digits starting 13-19.
    if (!out.startsWith(QLatin1Char('+')) && out.size() == 11 && out[0] == QLatin1Char('1') && out[1] < QLatin1Char('3'))
        return std::nullopt;
    return out;
}

std::optional<QString> normalizeEmail(const QString &input)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    const QString out = input.trimmed().toLower();
    if (out.size() > 254 || !re.match(out).hasMatch())
        return std::nullopt;
    return out;
}

Status required(const QString &value, const QString &field, const QString &label)
{
    if (value.trimmed().isEmpty())
        return Error::validation(QStringLiteral("required"), field, label + QStringLiteral(" is required"));
    return {};
}

Status maxLength(const QString &value, int max, const QString &field)
{
    if (value.size() > max)
        return Error::validation(QStringLiteral("too_long"), field,
                                 QStringLiteral("%1 is longer than %2 characters").arg(field).arg(max));
    return {};
}

Status oneOf(const QString &value, const QStringList &allowed, const QString &field)
{
    if (!allowed.contains(value))
        return Error::validation(QStringLiteral("invalid"), field,
                                 QStringLiteral("%1 must be one of: %2").arg(field, allowed.join(QStringLiteral(", "))));
    return {};
}

std::optional<QDate> parseDate(const QString &text)
{
    // Exactly YYYY-MM-DD: Qt's ISO parser also takes any punctuation between the parts and anything
    // after the day ("2026/12/07", "2026-12-06T16:00:00Z", a UTC time whose first ten characters
    // name the day before the one meant in China).
    const QString t = text.trimmed();
    const QDate d = QDate::fromString(t, Qt::ISODate);
    if (!d.isValid() || d.toString(Qt::ISODate) != t)
        return std::nullopt;
    return d;
}

} // namespace crm::Validation
