#include "httpapi/json/Json.h"

#include "core/domain/Money.h"

#include <QDateTime>

namespace crm::json {

namespace {

Error typeError(const QString &field, const QString &expected)
{
    return Error::validation(QStringLiteral("type"), field, QStringLiteral("%1 must be %2").arg(field, expected));
}

} // namespace

QJsonValue time(qint64 ms)
{
    if (ms == 0)
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
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
        const QDate d = QDate::fromString(value.toString().left(10), Qt::ISODate);
        if (d.isValid())
            return d;
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
