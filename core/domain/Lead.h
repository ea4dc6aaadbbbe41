#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace crm {

// A person who may become a customer, captured before anyone qualified them (a web form, a trade
// show, a call). Field names used by updates and errors: name, company, phone, email, source, status,
// notes, ownerId. A converted lead is kept, read-only, with links to what it became.
struct Lead
{
    qint64 id = 0;
    QString name; // the person
    QString company; // empty: a private person
    QString phone; // normalised like customer phones
    QString email; // lower case
    QString source; // free tag: "website-form", "trade-show"
    QString status = QStringLiteral("new"); // new | contacted | qualified | disqualified | converted
    QString notes;
    std::optional<qint64> ownerId; // none: captured publicly, not yet assigned
    QString ownerName;
    qint64 createdBy = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    // Set by LeadService::convert; 0: none (or the record was deleted since).
    qint64 convertedAt = 0;
    qint64 convertedCustomerId = 0;
    qint64 convertedContactId = 0;
    qint64 convertedOpportunityId = 0;
    int version = 0;
};

struct LeadFilter
{
    QStringList statuses; // empty: all
    std::optional<qint64> ownerId;
    bool unownedOnly = false; // leads nobody owns yet
    QString source;
    int offset = 0;
    int limit = 20; // capped to LeadService::MaxLimit
    qint64 afterId = 0; // keyset paging (newest first): rows with a smaller id; used instead of offset when > 0
};

struct LeadPage
{
    QVector<Lead> leads;
    bool hasMore = false;
};

// What LeadService::convert creates besides the customer and its primary contact.
struct LeadConversion
{
    bool createOpportunity = true;
    QString opportunityName; // empty: the customer's name
    qint64 amountMinor = 0;
    QString currency; // empty: the company currency
    std::optional<qint64> pipelineId; // none: the default pipeline; the opportunity starts in its first open stage
    QDate expectedCloseDate;
};

struct LeadConversionResult
{
    qint64 customerId = 0;
    qint64 contactId = 0;
    qint64 opportunityId = 0; // 0 when no opportunity was asked for
};

} // namespace crm
