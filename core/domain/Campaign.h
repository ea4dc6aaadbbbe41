#pragma once

#include "core/domain/Customer.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <array>
#include <optional>

namespace crm {

// The customers a campaign is aimed at: the subset of CustomerFilter that can be saved with a campaign.
// Empty members do not restrict; an empty target means every customer in the adding user's scope.
struct CampaignTarget
{
    QStringList statuses;
    QString tag, group, source, province, city;
    std::optional<qint64> ownerId;

    bool isEmpty() const
    {
        return statuses.isEmpty() && tag.isEmpty() && group.isEmpty() && source.isEmpty() && province.isEmpty()
            && city.isEmpty() && !ownerId;
    }

    // The same customers as a list filter, e.g. to preview how many a campaign would reach
    // (CustomerService::count) before adding them.
    CustomerFilter toCustomerFilter() const
    {
        CustomerFilter f;
        f.statuses = statuses;
        f.tag = tag;
        f.group = group;
        f.source = source;
        f.province = province;
        f.city = city;
        f.ownerId = ownerId;
        return f;
    }

    // Stored in campaigns.target_filter and used by the API: {"statuses": [...], "tag": "...", "ownerId": 7}.
    // Empty members are left out.
    QJsonObject toJson() const
    {
        QJsonObject o;
        if (!statuses.isEmpty())
            o.insert(QStringLiteral("statuses"), QJsonArray::fromStringList(statuses));
        const std::pair<const char *, const QString *> texts[] = {
            {"tag", &tag}, {"group", &group}, {"source", &source}, {"province", &province}, {"city", &city}};
        for (const auto &[key, value] : texts)
            if (!value->isEmpty())
                o.insert(QLatin1String(key), *value);
        if (ownerId)
            o.insert(QStringLiteral("ownerId"), *ownerId);
        return o;
    }

    // Unknown keys are ignored (a newer version may save more); wrong types read as empty.
    static CampaignTarget fromJson(const QJsonObject &o)
    {
        CampaignTarget t;
        for (const QJsonValue &v : o.value(QStringLiteral("statuses")).toArray())
            if (v.isString())
                t.statuses << v.toString();
        t.tag = o.value(QStringLiteral("tag")).toString();
        t.group = o.value(QStringLiteral("group")).toString();
        t.source = o.value(QStringLiteral("source")).toString();
        t.province = o.value(QStringLiteral("province")).toString();
        t.city = o.value(QStringLiteral("city")).toString();
        const QJsonValue owner = o.value(QStringLiteral("ownerId"));
        if (owner.isDouble())
            t.ownerId = owner.toInteger();
        return t;
    }

    bool operator==(const CampaignTarget &other) const
    {
        return statuses == other.statuses && tag == other.tag && group == other.group && source == other.source
            && province == other.province && city == other.city && ownerId == other.ownerId;
    }
};

// A marketing campaign. Field names used by updates, errors and the audit log are the camelCase
// member names: name, goal, description, startDate, endDate, status, budgetMinor, currency, target.
struct Campaign
{
    qint64 id = 0;
    QString name;
    QString goal; // what the campaign should achieve, free text ("50 sign-ups for the spring fair")
    QString description;
    QDate startDate, endDate; // the period; either may be unset, and end >= start when both are set
    QString status = QStringLiteral("planned"); // see CampaignService::statuses()
    qint64 budgetMinor = 0; // never negative
    QString currency = QStringLiteral("CNY");
    CampaignTarget target;
    std::optional<qint64> ownerId; // who created it (set by the service)
    QString ownerName;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int version = 0;
};

struct CampaignFilter
{
    QString status; // empty: any
    int limit = 50;
    qint64 afterId = 0; // keyset paging: campaigns with a smaller id (the list is newest first)
    // Only campaigns with a participant the actor's data scope sees: a rep's "campaigns with my
    // customers" (campaigns themselves are company-wide).
    bool withParticipantsInScope = false;
};

struct CampaignPage
{
    QVector<Campaign> campaigns;
    bool hasMore = false;
};

// One customer in a campaign and how they answered.
struct CampaignParticipant
{
    qint64 campaignId = 0;
    qint64 customerId = 0;
    QString customerName;
    QString status = QStringLiteral("invited"); // see CampaignService::participantStatuses()
    QString response; // what the customer said, free text
    qint64 respondedAt = 0; // 0: no answer recorded yet
    qint64 addedAt = 0;
};

struct ParticipantFilter
{
    QString status; // empty: any
    int limit = 50;
    qint64 afterCustomerId = 0; // keyset paging: the list is ordered by customer id
};

struct ParticipantPage
{
    QVector<CampaignParticipant> participants;
    bool hasMore = false;
};

// Participant counts of one campaign, over the customers in the asking user's scope.
struct CampaignStats
{
    qint64 participants = 0; // everyone added
    qint64 invited = 0; // no answer yet
    qint64 responded = 0;
    qint64 converted = 0;
    qint64 declined = 0;
};

// One satisfaction score a customer gave, optionally in answer to a campaign.
struct Feedback
{
    qint64 id = 0;
    qint64 customerId = 0;
    std::optional<qint64> campaignId;
    qint64 userId = 0; // who recorded it
    QString userName;
    int score = 0; // 1..5
    QString comment;
    qint64 createdAt = 0;
};

// Scores summed up. The average is kept in hundredths so it stays an exact integer:
// averageX100 = round_half_up(100 * sum / count), e.g. 467 for 4.67; 0 when there is no score.
struct ScoreSummary
{
    qint64 count = 0;
    int averageX100 = 0;
    std::array<qint64, 5> perScore{}; // perScore[0] = how many 1s ... perScore[4] = how many 5s
};

} // namespace crm
