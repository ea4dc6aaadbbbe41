#pragma once

#include "core/Result.h"
#include "core/domain/Campaign.h"

#include <QJsonObject>
#include <QSet>
#include <QVector>

#include <optional>

namespace crm::json {

class JsonWriter;

// A campaign as the API shows it: dates YYYY-MM-DD or null, budget a decimal, target as
// CampaignTarget::toJson gives it, ownerId/ownerName null when nobody is recorded.
void write(JsonWriter &out, const Campaign &c);
// {campaignId, customerId, customerName, status, response, respondedAt (null before an answer), addedAt}
void write(JsonWriter &out, const CampaignParticipant &p);
// {participants, invited, responded, converted, declined}
void write(JsonWriter &out, const CampaignStats &s);
// {count, average (two decimals, 0 without scores), perScore: [1s, 2s, 3s, 4s, 5s]}
void write(JsonWriter &out, const ScoreSummary &s);
// {id, customerId, campaignId (null without one), userId, userName, score, comment, createdAt}
void write(JsonWriter &out, const Feedback &f);

// The fields a campaign body sets, for CampaignService::create/update; `fields` holds the service's
// names (budget -> budgetMinor). Echoed read-only fields (id, ownerId, ownerName, createdAt,
// updatedAt, version) are ignored; anything else unknown is validation.unknown_field.
struct CampaignInput
{
    Campaign values;
    QSet<QString> fields;
};
Result<CampaignInput> campaignInput(const QJsonObject &body);
// CampaignService's error fields as the body names them (budgetMinor -> budget).
Error campaignError(Error e);

// POST /api/crm/campaigns/{id}/participants: exactly one of {customerIds: [1..1000 ids]} and
// {fromTarget: true}.
struct ParticipantsToAdd
{
    QVector<qint64> customerIds;
    bool fromTarget = false;
};
Result<ParticipantsToAdd> participantsToAdd(const QJsonObject &body);

// PUT /api/crm/campaigns/{id}/participants/{customerId}: {status (required), response}; an echoed
// participant's read-only fields are ignored.
struct ParticipantAnswer
{
    QString status;
    QString response;
};
Result<ParticipantAnswer> participantAnswer(const QJsonObject &body);

// POST /api/crm/customers/{id}/feedback: {score (an integer), comment, campaignId (an id or null)};
// echoed read-only fields (id, customerId, userId, userName, createdAt) are ignored.
struct FeedbackInput
{
    int score = 0;
    QString comment;
    std::optional<qint64> campaignId;
};
Result<FeedbackInput> feedbackInput(const QJsonObject &body);

} // namespace crm::json
