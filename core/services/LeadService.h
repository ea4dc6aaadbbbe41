#pragma once

#include "core/Result.h"
#include "core/domain/Lead.h"
#include "core/security/Actor.h"

#include <QSet>

namespace crm {

class Database;

// Leads: captured, worked, then converted into a customer or disqualified.
//
// Scope: a lead is visible when its owner (leads.owner_id) is in the actor's scope. Unowned leads
// (public capture, e.g. a web form through the system actor) are visible to actors whose scope is All
// and to those with customer.assign (the people who hand work out); reps see them once assigned.
// Permissions: lead.read to read, lead.write for everything else. Converted leads are kept as the
// record of where a customer came from: they cannot be changed or removed (conflict.state).
class LeadService
{
public:
    static constexpr int MaxLimit = 200; // rows per page

    explicit LeadService(Database &db) : m_db(db) {}

    static const QStringList &statuses(); // new, contacted, qualified, disqualified, converted
    // Every field name update() accepts.
    static const QSet<QString> &fieldNames();

    // Owner defaults to the actor (none for the system actor: an unowned lead); another owner must be
    // an active user in the actor's scope. Status "converted" is set only by convert().
    Result<Lead> create(const Actor &actor, Lead draft);
    Result<Lead> get(const Actor &actor, qint64 id);
    // Applies the named fields of `values`. ownerId none returns the lead to the unowned queue (only for
    // those who can see that queue). A stale expectedVersion is refused with conflict.version.
    Result<Lead> update(const Actor &actor, qint64 id, const Lead &values, const QSet<QString> &fields,
                        std::optional<int> expectedVersion = std::nullopt);
    Status remove(const Actor &actor, qint64 id);

    // Newest first.
    Result<LeadPage> list(const Actor &actor, const LeadFilter &filter);
    Result<qint64> count(const Actor &actor, const LeadFilter &filter);

    // In one transaction: a customer (named after the company, kind "company"; without a company after
    // the person, kind "person"; phone, email, source and notes copied; owned by the lead's owner, or
    // the actor when the lead has none), its primary contact (the person), optionally an opportunity
    // (lead_id set) in the first open stage of the chosen or default pipeline, and the lead marked
    // converted with links to all three. Any failure leaves nothing behind. A converted lead answers
    // conflict.state. Errors about the opportunity name the LeadConversion fields (opportunityName,
    // amountMinor, currency, pipelineId, expectedCloseDate).
    Result<LeadConversionResult> convert(const Actor &actor, qint64 leadId, const LeadConversion &options = {});

    // The SQL condition on leads aliased `l` that this actor may see.
    static QString scopeCondition(const Actor &actor);

private:
    Result<Lead> load(qint64 id, const QString &scope);
    Status validate(Lead &l, const QSet<QString> &fields) const;
    Status checkOwner(const Actor &actor, qint64 ownerId);
    Result<QString> whereClause(const Actor &actor, const LeadFilter &f, QVariantMap &binds) const;

    Database &m_db;
};

} // namespace crm
