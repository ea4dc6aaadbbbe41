#pragma once

#include "core/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace crm::json {

// Times out: ISO 8601 in UTC with an explicit offset ("2026-11-23T03:41:56.000Z"); 0 -> null.
QJsonValue time(qint64 ms);
// The same text as QDateTime's ISODateWithMs in UTC, written without QDateTime (lists of records
// write several per row, and QDateTime's formatting through QString::asprintf was a tenth of a board
// answer's time). Years outside 0001-9999 go through QDateTime.
QByteArray isoTime(qint64 ms);
// Times in: ISO 8601 with an offset, or epoch milliseconds. validation.format names the field.
Result<qint64> parseTime(const QJsonValue &value, const QString &field);
QJsonValue date(const QDate &date);
Result<QDate> parseDate(const QJsonValue &value, const QString &field);
// Money out: a decimal number (12345.67); in: a number or a decimal string, exact to the cent.
QJsonValue money(qint64 minor);
Result<qint64> parseMoney(const QJsonValue &value, const QString &field);
QJsonValue optionalId(const std::optional<qint64> &id);

// Typed readers for request bodies: a present field of the wrong type is validation.type.
Result<QString> string(const QJsonObject &body, const QString &field, int maxLength = 2000);
Result<int> integer(const QJsonObject &body, const QString &field);

} // namespace crm::json
