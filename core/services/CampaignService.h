#pragma once

#include "core/Result.h"
#include "core/domain/Campaign.h"
#include "core/security/Actor.h"

#include <QSet>

namespace crm {

class Database;

// Campaigns and their participants: the only writer of campaigns and campaign_participants.
//
// Campaigns themselves are company-wide (anyone with campaign.read sees them; campaign.write manages
// them). Participants are customers, so they follow the customer scope: lists and counts include only
// participants whose customer the actor may see, and adding customers adds only in-scope ones.
class CampaignService
{
public:
    explicit CampaignService(Database &db) : m_db(db) {}

    static const QStringList &statuses(); // planned, active, finished, cancelled
    static const QStringList &participantStatuses(); // invited, responded, converted, declined
    // Every field name an update may name.
    static const QSet<QString> &fieldNames();

    Result<Campaign> create(const Actor &actor, Campaign draft);
    Result<Campaign> get(const Actor &actor, qint64 id);
    // Applies the named fields of `values`. With an expected version, a campaign changed in the
    // meantime is refused with conflict.version and nothing is written.
    Result<Campaign> update(const Actor &actor, qint64 id, const Campaign &values, const QSet<QString> &fields,
                            std::optional<int> expectedVersion = std::nullopt);
    // Newest first; every campaign (they are company-wide), or those with a participant in the
    // actor's scope (CampaignFilter::withParticipantsInScope).
    Result<CampaignPage> list(const Actor &actor, const CampaignFilter &filter = {});
    // Deletes the campaign and its participant rows; feedback given for it stays, without the link.
    Status remove(const Actor &actor, qint64 id);

    // Adds every in-scope customer matching the campaign's saved target in one INSERT ... SELECT.
    // Customers already taking part are left as they are. Answers how many were added.
    Result<qint64> addParticipantsFromFilter(const Actor &actor, qint64 campaignId);
    // Adds the given customers (all must be in scope, else not_found and nothing is added).
    // Answers how many were new to the campaign.
    Result<qint64> addParticipants(const Actor &actor, qint64 campaignId, const QVector<qint64> &customerIds);
    // Records a participant's answer. Allowed with campaign.write, or with customer.write for a rep
    // who talked to their own customer. The customer must already take part.
    Result<CampaignParticipant> recordResponse(const Actor &actor, qint64 campaignId, qint64 customerId,
                                               const QString &status, const QString &response);
    Result<ParticipantPage> participants(const Actor &actor, qint64 campaignId, const ParticipantFilter &filter = {});
    Result<CampaignStats> stats(const Actor &actor, qint64 campaignId);

private:
    Status validate(const Actor &actor, Campaign &c, const QSet<QString> &fields) const;
    Status requireCampaign(qint64 id);
    Result<CampaignParticipant> participant(const Actor &actor, qint64 campaignId, qint64 customerId);

    Database &m_db;
};

} // namespace crm
