#pragma once

#include "core/Result.h"
#include "core/domain/Opportunity.h"
#include "reports/import/ColumnMapping.h"
#include "reports/import/ImportLookups.h"

namespace crm {

// One row of an opportunity file as read, before anything is looked up.
struct OpportunityRow
{
    CustomerRef customer;
    QString pipeline, stage, status, owner; // names and words as the file gives them; status canonical
    Opportunity draft; // name, amountMinor, currency, probability (StageProbability when not given),
                       // expectedCloseDate, lossReason, notes
    QSet<QString> given; // OpportunityService field names the row fills (amountMinor, currency, ...)
};

// Reads the cells of an opportunity row: amounts as exact decimals (1234.5, 1,234.50, ¥1234.50;
// never through floating point), probabilities as 30 or 30%, dates as CustomerRowParser reads them,
// status words in Chinese or English (进行中/赢单/输单, open/won/lost). An error's field is the import
// field at fault, for ColumnMapping::columnOf. Checks of values go to OpportunityService's rules later.
class OpportunityRowParser
{
public:
    explicit OpportunityRowParser(const ColumnMapping &mapping) : m_mapping(mapping) {}

    Status parse(const QStringList &cells, OpportunityRow &out) const;
    bool isBlank(const QStringList &cells) const;

    // "¥1,234.50" -> 123450; nullopt when it is not an amount.
    static std::optional<qint64> parseAmount(const QString &text);

private:
    QString cell(const QStringList &cells, const char *field) const;

    ColumnMapping m_mapping;
};

} // namespace crm
