#pragma once

#include "core/Result.h"
#include "core/domain/Campaign.h"
#include "core/security/Actor.h"

#include <optional>

namespace crm {

class Database;

// Customer satisfaction: a score of 1 to 5 and a comment, optionally given in answer to a campaign.
// Scoped through the customer's owner: feedback on a customer the actor cannot see reads as not found,
// and averages count only customers in the actor's scope.
class FeedbackService
{
public:
    explicit FeedbackService(Database &db) : m_db(db) {}

    // feedback.write. score outside 1..5 is validation.range on "score"; an unknown campaign is
    // validation.reference on "campaignId".
    Result<Feedback> add(const Actor &actor, qint64 customerId, int score, const QString &comment,
                         std::optional<qint64> campaignId = std::nullopt);
    // feedback.read. One customer's feedback, newest first (at most `limit`, 1..500).
    Result<QVector<Feedback>> list(const Actor &actor, qint64 customerId, int limit = 100);
    Result<ScoreSummary> averageForCustomer(const Actor &actor, qint64 customerId);
    // Over the campaign's feedback from customers in the actor's scope.
    Result<ScoreSummary> averageForCampaign(const Actor &actor, qint64 campaignId);

private:
    Result<ScoreSummary> summarize(const QString &where, const QString &bindName, qint64 bindValue);

    Database &m_db;
};

} // namespace crm
