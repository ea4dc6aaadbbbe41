#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace crm {

// An exact amount of money in integer minor units (fen, cents) with an ISO 4217 currency.
// Never floating point: parsing and formatting go through decimal text.
struct Money
{
    qint64 minor = 0;
    QString currency = QStringLiteral("CNY");

    // "1234.5" -> 123450. Accepts an optional sign, digits, and up to two decimals; rejects
    // anything else (including exponents and more than two decimals) and values that overflow.
    static std::optional<qint64> parseMinor(const QString &text);
    // 123450 -> "1234.50"
    static QString formatMinor(qint64 minor);
    QString toString() const { return formatMinor(minor) + QLatin1Char(' ') + currency; }

    // Checked arithmetic: nullopt on overflow.
    static std::optional<qint64> add(qint64 a, qint64 b);
    // amount * percent / 100, rounded half away from zero, exact in integers.
    static qint64 percentOf(qint64 minor, int percent);

    static bool isValidCurrency(const QString &code);
};

} // namespace crm
