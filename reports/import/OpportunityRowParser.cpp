#include "reports/import/OpportunityRowParser.h"

#include "core/domain/Money.h"
#include "reports/export/ExportVocabulary.h"
#include "reports/import/CustomerRowParser.h"

#include <algorithm>

namespace crm {

QString OpportunityRowParser::cell(const QStringList &cells, const char *field) const
{
    const int i = m_mapping.columnOf(QLatin1String(field));
    return i < 0 ? QString() : CustomerRowParser::clean(cells.value(i));
}

bool OpportunityRowParser::isBlank(const QStringList &cells) const
{
    for (int i = 0; i < m_mapping.fields.size(); ++i)
        if (!m_mapping.fields[i].isEmpty() && !cells.value(i).trimmed().isEmpty())
            return false;
    return true;
}

std::optional<qint64> OpportunityRowParser::parseAmount(const QString &text)
{
    QString t = text;
    for (const char16_t c : {u',', u' ', u'\u00A5', u'\uFFE5', u'\u00A0'}) // thousands separators, ¥ and ￥
        t.remove(QChar(c));
    if (t.endsWith(QStringLiteral("元")))
        t.chop(1);
    return Money::parseMinor(t);
}

Status OpportunityRowParser::parse(const QStringList &cells, OpportunityRow &row) const
{
    row = OpportunityRow{};
    auto customer = customerRefIn(m_mapping, cells);
    if (!customer)
        return customer.error();
    row.customer = *customer;

    Opportunity &o = row.draft;
    o.name = cell(cells, "name");
    if (const QString amount = cell(cells, "amount"); !amount.isEmpty()) {
        const auto minor = parseAmount(amount);
        if (!minor)
            return cellFormatError("amount", QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is not an amount (write it as 1234.50)"), amount);
        o.amountMinor = *minor;
        row.given << QStringLiteral("amountMinor");
    }
    if (const QString currency = cell(cells, "currency"); !currency.isEmpty()) {
        o.currency = currency.toUpper();
        row.given << QStringLiteral("currency");
    }
    if (QString probability = cell(cells, "probability"); !probability.isEmpty()) {
        if (probability.endsWith(QLatin1Char('%')) || probability.endsWith(QChar(u'\uFF05')))
            probability.chop(1);
        bool ok = false;
        const double value = probability.trimmed().toDouble(&ok);
        if (!ok || value != double(qint64(value)))
            return cellFormatError("probability", QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is not a whole percentage such as 30"), probability);
        // Out-of-range values are left to OpportunityService's own check; clamped only to fit an int.
        o.probability = int(std::clamp(value, -1.0e6, 1.0e6));
        if (o.probability == Opportunity::StageProbability)
            o.probability = -2; // still out of range, not "the stage's"
        row.given << QStringLiteral("probability");
    }
    if (const QString date = cell(cells, "expectedCloseDate"); !date.isEmpty()) {
        const auto d = CustomerRowParser::parseDate(date);
        if (!d)
            return cellFormatError("expectedCloseDate", QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is not a date (write it as YYYY-MM-DD)"), date);
        o.expectedCloseDate = *d;
        row.given << QStringLiteral("expectedCloseDate");
    }
    if (const QString reason = cell(cells, "lossReason"); !reason.isEmpty()) {
        o.lossReason = reason;
        row.given << QStringLiteral("lossReason");
    }
    if (const QString notes = cell(cells, "notes"); !notes.isEmpty()) {
        o.notes = notes;
        row.given << QStringLiteral("notes");
    }
    row.pipeline = cell(cells, "pipeline");
    row.stage = cell(cells, "stage");
    row.owner = cell(cells, "owner");
    if (const QString status = cell(cells, "status"); !status.isEmpty()) {
        row.status = ExportVocabulary::canonical(QStringLiteral("opportunityStatus"), status);
        if (row.status.isEmpty())
            return Error::detailed(QStringLiteral("validation.unknown"), QStringLiteral("status"),
                                   QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is no status (open, won, lost or 进行中, 赢单, 输单)"),
                                   {status.left(40)});
    }
    return {};
}

} // namespace crm
