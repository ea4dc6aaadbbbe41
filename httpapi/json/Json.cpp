#include "httpapi/json/Json.h"

#include "core/domain/Money.h"
#include "core/domain/Validation.h"

#include <QDateTime>

namespace crm::json {

namespace {

Error typeError(const QString &field, const QString &expected)
{
    return Error::validation(QStringLiteral("type"), field, QStringLiteral("%1 must be %2").arg(field, expected));
}

// 2 digits (4 for the year) of n, zero-padded, at out.
void digits(char *out, unsigned n, int width)
{
    for (int i = width - 1; i >= 0; --i, n /= 10)
        out[i] = char('0' + n % 10);
}

} // namespace

QByteArray isoTime(qint64 ms)
{
    // Days and the time of day with floor division (times before 1970 are negative).
    qint64 days = ms / 86'400'000;
    qint64 rest = ms % 86'400'000;
    if (rest < 0) {
        rest += 86'400'000;
        --days;
    }
    // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
    days += 719'468;
    const qint64 era = (days >= 0 ? days : days - 146'096) / 146'097;
    const auto doe = unsigned(days - era * 146'097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = qint64(yoe) + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999)
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    char out[24] = {0, 0, 0, 0, '-', 0, 0, '-', 0, 0, 'T', 0, 0, ':', 0, 0, ':', 0, 0, '.', 0, 0, 0, 'Z'};
    digits(out, unsigned(year), 4);
    digits(out + 5, month, 2);
    digits(out + 8, day, 2);
    const auto msOfDay = unsigned(rest);
    digits(out + 11, msOfDay / 3'600'000, 2);
    digits(out + 14, msOfDay / 60'000 % 60, 2);
    digits(out + 17, msOfDay / 1000 % 60, 2);
    digits(out + 20, msOfDay % 1000, 3);
    return QByteArray(out, sizeof out);
}

QJsonValue time(qint64 ms)
{
    if (ms == 0)
        return QJsonValue::Null;
    return QString::fromLatin1(isoTime(ms));
}

Result<qint64> parseTime(const QJsonValue &value, const QString &field)
{
    if (value.isDouble()) {
        const double ms = value.toDouble();
        if (ms < 0 || ms > 32503680000000.0) // year 3000
            return Error::validation(QStringLiteral("range"), field, field + QStringLiteral(" is out of range"));
        return qint64(ms);
    }
    if (value.isString()) {
        const QString text = value.toString();
        // An offset is required: a bare local time would be read in the server's zone.
        const bool hasOffset = text.endsWith(QLatin1Char('Z')) || text.contains(QLatin1Char('+'))
            || text.lastIndexOf(QLatin1Char('-')) > 9;
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (t.isValid() && hasOffset)
            return t.toMSecsSinceEpoch();
    }
    return Error::validation(QStringLiteral("format"), field,
                             field + QStringLiteral(" must be an ISO 8601 time with an offset or epoch milliseconds"));
}

QJsonValue date(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

Result<QDate> parseDate(const QJsonValue &value, const QString &field)
{
    if (value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()))
        return QDate();
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (const auto d = Validation::parseDate(text))
            return *d;
        // An ISO 8601 time with its offset, as times are taken: the day written in it, in that offset.
        // Only a valid one: its first ten characters alone let "2026-12-07junk" through.
        if (text.size() > 10 && parseTime(QJsonValue(text), field))
            if (const auto d = Validation::parseDate(text.left(10)))
                return *d;
    }
    return Error::validation(QStringLiteral("format"), field, field + QStringLiteral(" must be a date (YYYY-MM-DD)"));
}

QJsonValue money(qint64 minor)
{
    return double(minor) / 100.0;
}

Result<qint64> parseMoney(const QJsonValue &value, const QString &field)
{
    QString text;
    if (value.isDouble())
        text = QString::number(value.toDouble(), 'f', 2); // JSON numbers arrive as doubles: round to cents
    else if (value.isString())
        text = value.toString();
    else
        return typeError(field, QStringLiteral("a number"));
    const auto minor = Money::parseMinor(text);
    if (!minor)
        return Error::validation(QStringLiteral("format"), field, field + QStringLiteral(" must be an amount with at most two decimals"));
    return *minor;
}

QJsonValue optionalId(const std::optional<qint64> &id)
{
    return id ? QJsonValue(double(*id)) : QJsonValue(QJsonValue::Null);
}

Result<QString> string(const QJsonObject &body, const QString &field, int maxLength)
{
    const QJsonValue v = body.value(field);
    if (v.isNull() || v.isUndefined())
        return QString();
    if (!v.isString())
        return typeError(field, QStringLiteral("a string"));
    if (v.toString().size() > maxLength)
        return Error::validation(QStringLiteral("too_long"), field, QStringLiteral("%1 is longer than %2 characters").arg(field).arg(maxLength));
    return v.toString();
}

Result<int> integer(const QJsonObject &body, const QString &field)
{
    const QJsonValue v = body.value(field);
    if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())) || qAbs(v.toDouble()) > 2e9)
        return typeError(field, QStringLiteral("an integer"));
    return int(v.toDouble());
}

} // namespace crm::json
