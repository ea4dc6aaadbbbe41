#include "core/services/FeedbackService.h"

#include "core/domain/Analytics.h"
#include "core/domain/Validation.h"
#include "core/services/AuditLog.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"

#include <QSqlQuery>

#include <algorithm>

namespace crm {

namespace {
const QString kEntity = QStringLiteral("feedback");
} // namespace

Result<Feedback> FeedbackService::add(const Actor &actor, qint64 customerId, int score, const QString &comment,
                                      std::optional<qint64> campaignId)
{
    if (!actor.can(Permission::FeedbackWrite))
        return Error::forbidden();
    if (score < 1 || score > 5)
        return Error::validation(QStringLiteral("range"), QStringLiteral("score"),
                                 QStringLiteral("The score must be between 1 and 5"));
    const QString text = comment.trimmed();
    if (Status st = Validation::maxLength(text, 2000, QStringLiteral("comment")); !st)
        return st.error();
    return m_db.write([&]() -> Result<Feedback> {
        if (Status st = CustomerService::requireVisible(m_db, actor, customerId); !st)
            return st.error();
        if (campaignId) {
            QSqlQuery c = m_db.prepare(QStringLiteral("SELECT 1 FROM campaigns WHERE id = :id"));
            c.bindValue(QStringLiteral(":id"), *campaignId);
            if (Status st = m_db.exec(c); !st)
                return st.error();
            if (!c.next())
                return Error::validation(QStringLiteral("reference"), QStringLiteral("campaignId"),
                                         QStringLiteral("Unknown campaign"));
            c.finish();
        }
        Feedback f;
        f.customerId = customerId;
        f.campaignId = campaignId;
        f.userId = actor.userId;
        f.userName = actor.displayName;
        f.score = score;
        f.comment = text;
        f.createdAt = m_db.clock().nowMs();
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO feedback (customer_id, user_id, campaign_id, score, comment, created_at)"
                                                  " VALUES (:customer, :user, :campaign, :score, :comment, :at) RETURNING id"));
        q.bindValue(QStringLiteral(":customer"), customerId);
        q.bindValue(QStringLiteral(":user"), actor.userId > 0 ? QVariant(actor.userId) : QVariant(QMetaType::fromType<qlonglong>()));
        q.bindValue(QStringLiteral(":campaign"), campaignId ? QVariant(*campaignId) : QVariant(QMetaType::fromType<qlonglong>()));
        q.bindValue(QStringLiteral(":score"), score);
        q.bindValue(QStringLiteral(":comment"), text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text));
        q.bindValue(QStringLiteral(":at"), f.createdAt);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        f.id = q.value(0).toLongLong();
        q.finish();
        const QVariantMap snapshot{{QStringLiteral("customerId"), customerId},
                                   {QStringLiteral("campaignId"), campaignId ? QVariant(*campaignId) : QVariant()},
                                   {QStringLiteral("score"), score},
                                   {QStringLiteral("comment"), text}};
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, f.id, snapshot); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, f.id, QStringLiteral("created")});
        return f;
    });
}

Result<QVector<Feedback>> FeedbackService::list(const Actor &actor, qint64 customerId, int limit)
{
    if (!actor.can(Permission::FeedbackRead))
        return Error::forbidden();
    if (Status st = CustomerService::requireVisible(m_db, actor, customerId); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT f.id, f.customer_id, f.campaign_id, f.user_id, u.display_name, f.score,"
                                              " f.comment, f.created_at FROM feedback f LEFT JOIN users u ON u.id = f.user_id"
                                              " WHERE f.customer_id = :customer ORDER BY f.created_at DESC, f.id DESC LIMIT :limit"));
    q.bindValue(QStringLiteral(":customer"), customerId);
    q.bindValue(QStringLiteral(":limit"), std::clamp(limit, 1, 500));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<Feedback> out;
    while (q.next()) {
        Feedback f;
        f.id = q.value(0).toLongLong();
        f.customerId = q.value(1).toLongLong();
        if (!q.value(2).isNull())
            f.campaignId = q.value(2).toLongLong();
        f.userId = q.value(3).toLongLong();
        f.userName = q.value(4).toString();
        f.score = q.value(5).toInt();
        f.comment = q.value(6).toString();
        f.createdAt = q.value(7).toLongLong();
        out.append(f);
    }
    return out;
}

Result<ScoreSummary> FeedbackService::summarize(const QString &where, const QString &bindName, qint64 bindValue)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT f.score, COUNT(*) FROM feedback f JOIN customers c ON c.id = f.customer_id"
                                              " WHERE ") + where + QStringLiteral(" GROUP BY f.score"));
    q.bindValue(bindName, bindValue);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    ScoreSummary s;
    qint64 sum = 0;
    while (q.next()) {
        const int score = q.value(0).toInt();
        const qint64 n = q.value(1).toLongLong();
        if (score < 1 || score > 5) // the table's CHECK rules this out; never index outside the array
            continue;
        s.perScore[score - 1] = n;
        s.count += n;
        sum += score * n;
    }
    s.averageX100 = int(divideRoundHalfUp(100 * sum, s.count));
    return s;
}

Result<ScoreSummary> FeedbackService::averageForCustomer(const Actor &actor, qint64 customerId)
{
    if (!actor.can(Permission::FeedbackRead))
        return Error::forbidden();
    if (Status st = CustomerService::requireVisible(m_db, actor, customerId); !st)
        return st.error();
    return summarize(QStringLiteral("f.customer_id = :id"), QStringLiteral(":id"), customerId);
}

Result<ScoreSummary> FeedbackService::averageForCampaign(const Actor &actor, qint64 campaignId)
{
    if (!actor.can(Permission::FeedbackRead))
        return Error::forbidden();
    QSqlQuery c = m_db.prepare(QStringLiteral("SELECT 1 FROM campaigns WHERE id = :id"));
    c.bindValue(QStringLiteral(":id"), campaignId);
    if (Status st = m_db.exec(c); !st)
        return st.error();
    if (!c.next())
        return Error::notFound(QStringLiteral("Campaign"));
    c.finish();
    return summarize(QStringLiteral("f.campaign_id = :id AND ") + actor.ownerCondition(QStringLiteral("c.owner_id")),
                     QStringLiteral(":id"), campaignId);
}

} // namespace crm
