#include "core/services/OpportunityService.h"

#include "core/domain/Money.h"
#include "core/domain/Validation.h"
#include "core/services/AuditLog.h"
#include "core/services/CustomerService.h"
#include "core/services/PipelineService.h"
#include "core/storage/Database.h"
#include "core/storage/ReusedQuery.h"

#include <QSqlQuery>

#include <algorithm>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("opportunity");
const QString kColumns = QStringLiteral(
    "o.id, o.customer_id, c.name, o.pipeline_id, o.stage_id, s.name, o.name, o.amount_minor, o.currency, o.probability,"
    " o.expected_close_date, o.status, o.loss_reason, o.owner_id, u.display_name, o.lead_id, o.notes, o.created_at,"
    " o.updated_at, o.closed_at, o.stage_entered_at, o.version");
const QString kFrom = QStringLiteral(" FROM opportunities o JOIN customers c ON c.id = o.customer_id"
                                     " JOIN stages s ON s.id = o.stage_id LEFT JOIN users u ON u.id = o.owner_id");
// Opportunities without an expected close date sort after every real date on both databases.
const QString kCloseKey = QStringLiteral("COALESCE(o.expected_close_date, '9999-12-31')");
const QString kNoDate = QStringLiteral("9999-12-31");

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}
QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
QVariant dateText(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

// The values the INSERT and the UPDATE of an opportunity both write, under the same placeholders.
void bindFields(QSqlQuery &q, const Opportunity &o)
{
    q.bindValue(QStringLiteral(":customer"), o.customerId);
    q.bindValue(QStringLiteral(":pipeline"), o.pipelineId);
    q.bindValue(QStringLiteral(":stage"), o.stageId);
    q.bindValue(QStringLiteral(":name"), o.name);
    q.bindValue(QStringLiteral(":amount"), o.amountMinor);
    q.bindValue(QStringLiteral(":currency"), o.currency);
    q.bindValue(QStringLiteral(":prob"), o.probability);
    q.bindValue(QStringLiteral(":close"), dateText(o.expectedCloseDate));
    q.bindValue(QStringLiteral(":status"), o.status);
    q.bindValue(QStringLiteral(":loss"), text(o.lossReason));
    q.bindValue(QStringLiteral(":owner"), o.ownerId ? QVariant(*o.ownerId) : nullInt());
    q.bindValue(QStringLiteral(":notes"), text(o.notes));
}

Opportunity readRow(const QSqlQuery &q)
{
    Opportunity o;
    o.id = q.value(0).toLongLong();
    o.customerId = q.value(1).toLongLong();
    o.customerName = q.value(2).toString();
    o.pipelineId = q.value(3).toLongLong();
    o.stageId = q.value(4).toLongLong();
    o.stageName = q.value(5).toString();
    o.name = q.value(6).toString();
    o.amountMinor = q.value(7).toLongLong();
    o.currency = q.value(8).toString();
    o.probability = q.value(9).toInt();
    o.expectedCloseDate = QDate::fromString(q.value(10).toString(), Qt::ISODate);
    o.status = q.value(11).toString();
    o.lossReason = q.value(12).toString();
    if (!q.value(13).isNull())
        o.ownerId = q.value(13).toLongLong();
    o.ownerName = q.value(14).toString();
    o.leadId = q.value(15).toLongLong();
    o.notes = q.value(16).toString();
    o.createdAt = q.value(17).toLongLong();
    o.updatedAt = q.value(18).toLongLong();
    o.closedAt = q.value(19).toLongLong();
    o.stageEnteredAt = q.value(20).toLongLong();
    o.version = q.value(21).toInt();
    return o;
}

// Fields a role may hide or make read-only.
const QStringList &guardedFields()
{
    static const QStringList f = {QStringLiteral("amountMinor"), QStringLiteral("probability"), QStringLiteral("expectedCloseDate"),
                                  QStringLiteral("notes"), QStringLiteral("lossReason")};
    return f;
}

void applyFieldRules(const Actor &actor, Opportunity &o)
{
    if (actor.fieldRules.isEmpty())
        return;
    for (const QString &f : guardedFields()) {
        if (actor.canSeeField(kEntity, f))
            continue;
        o.hiddenFields.insert(f);
        if (f == QLatin1String("amountMinor")) o.amountMinor = 0;
        if (f == QLatin1String("probability")) o.probability = 0;
        if (f == QLatin1String("expectedCloseDate")) o.expectedCloseDate = {};
        if (f == QLatin1String("notes")) o.notes.clear();
        if (f == QLatin1String("lossReason")) o.lossReason.clear();
    }
}

Status checkWritable(const Actor &actor, const QSet<QString> &fields)
{
    for (const QString &f : fields)
        if (actor.fieldRule(kEntity, f) != FieldRule::Editable)
            return Error{QStringLiteral("forbidden"), QStringLiteral("You may not change the field \"%1\"").arg(f), f};
    return {};
}

Error versionConflict()
{
    return Error::conflict(QStringLiteral("version"),
                           QStringLiteral("Someone else changed this opportunity; reload it and apply your change again"));
}

// What an opportunity adds to its customer's won value.
qint64 wonContribution(const Opportunity &o, const QString &currency)
{
    return o.customerId > 0 && o.status == QLatin1String("won") && o.currency == currency ? o.amountMinor : 0;
}

// sum(amount * probability) / 100, rounded half up once (the sums are never negative).
qint64 weighted(qint64 sumOfProducts)
{
    return sumOfProducts >= 0 ? (sumOfProducts + 50) / 100 : -((-sumOfProducts + 50) / 100);
}

} // namespace

QVariantMap OpportunityService::snapshot(const Opportunity &o)
{
    return {{QStringLiteral("name"), o.name},
            {QStringLiteral("customerId"), o.customerId},
            {QStringLiteral("pipelineId"), o.pipelineId},
            {QStringLiteral("stageId"), o.stageId},
            {QStringLiteral("status"), o.status},
            {QStringLiteral("amountMinor"), o.amountMinor},
            {QStringLiteral("currency"), o.currency},
            {QStringLiteral("probability"), o.probability},
            {QStringLiteral("expectedCloseDate"), o.expectedCloseDate.isValid() ? o.expectedCloseDate.toString(Qt::ISODate) : QString()},
            {QStringLiteral("ownerId"), o.ownerId ? QVariant(*o.ownerId) : QVariant()},
            {QStringLiteral("notes"), o.notes},
            {QStringLiteral("lossReason"), o.lossReason}};
}

const QSet<QString> &OpportunityService::fieldNames()
{
    static const QSet<QString> names = {QStringLiteral("name"),     QStringLiteral("customerId"),  QStringLiteral("amountMinor"),
                                        QStringLiteral("currency"), QStringLiteral("probability"), QStringLiteral("expectedCloseDate"),
                                        QStringLiteral("ownerId"),  QStringLiteral("notes"),       QStringLiteral("lossReason")};
    return names;
}

Result<QString> OpportunityService::companyCurrency(Database &db)
{
    ReusedQuery q(db, QStringLiteral("SELECT value FROM app_settings WHERE key = 'currency'"));
    if (Status st = db.exec(*q); !st)
        return st.error();
    return q->next() ? q->value(0).toString() : QStringLiteral("CNY");
}

Status OpportunityService::validate(Opportunity &o, const QSet<QString> &fields) const
{
    return validateFields(o, fields);
}

Status OpportunityService::validateFields(Opportunity &o, const QSet<QString> &fields)
{
    auto has = [&](const char *f) { return fields.contains(QLatin1String(f)); };
    if (has("name")) {
        o.name = o.name.trimmed();
        if (Status st = Validation::required(o.name, QStringLiteral("name"), QStringLiteral("The opportunity name")); !st)
            return st;
        if (Status st = Validation::maxLength(o.name, 200, QStringLiteral("name")); !st)
            return st;
    }
    if (has("customerId") && o.customerId <= 0)
        return Error::validation(QStringLiteral("required"), QStringLiteral("customerId"), QStringLiteral("Choose a customer"));
    if (has("amountMinor") && (o.amountMinor < 0 || o.amountMinor > MaxAmountMinor))
        return Error::validation(QStringLiteral("range"), QStringLiteral("amountMinor"),
                                 QStringLiteral("The amount must be between 0 and %1").arg(Money::formatMinor(MaxAmountMinor)));
    if (has("currency")) {
        o.currency = o.currency.trimmed();
        if (o.currency.isEmpty())
            return Error::validation(QStringLiteral("required"), QStringLiteral("currency"), QStringLiteral("The currency is required"));
        if (!Money::isValidCurrency(o.currency))
            return Error::validation(QStringLiteral("format"), QStringLiteral("currency"),
                                     QStringLiteral("The currency must be three capital letters, such as CNY"));
    }
    if (has("probability") && (o.probability < 0 || o.probability > 100))
        return Error::validation(QStringLiteral("range"), QStringLiteral("probability"),
                                 QStringLiteral("The probability must be between 0 and 100"));
    if (has("expectedCloseDate") && o.expectedCloseDate.isValid() &&
        (o.expectedCloseDate.year() < 1970 || o.expectedCloseDate.year() > 2999))
        return Error::validation(QStringLiteral("range"), QStringLiteral("expectedCloseDate"),
                                 QStringLiteral("The expected close date is out of range"));
    if (has("notes"))
        if (Status st = Validation::maxLength(o.notes, 4000, QStringLiteral("notes")); !st)
            return st;
    if (has("lossReason")) {
        o.lossReason = o.lossReason.trimmed();
        if (Status st = Validation::maxLength(o.lossReason, 500, QStringLiteral("lossReason")); !st)
            return st;
    }
    return {};
}

// Another owner than oneself must be an active user in one's scope.
Status OpportunityService::checkOwner(const Actor &actor, qint64 ownerId)
{
    if (ownerId == actor.userId)
        return {};
    if (!actor.canSeeOwner(ownerId))
        return Error::validation(QStringLiteral("reference"), QStringLiteral("ownerId"), QStringLiteral("Unknown owner"));
    ReusedQuery q(m_db, QStringLiteral("SELECT active FROM users WHERE id = :id"));
    q->bindValue(QStringLiteral(":id"), ownerId);
    if (Status st = m_db.exec(*q); !st)
        return st;
    if (!q->next() || q->value(0).toInt() == 0)
        return Error::validation(QStringLiteral("reference"), QStringLiteral("ownerId"), QStringLiteral("Unknown or inactive owner"));
    return {};
}

Result<Opportunity> OpportunityService::load(qint64 id, const QString &scope)
{
    // Reused statement: the detail is the hottest read of the API.
    QSqlQuery q = m_db.cached(QStringLiteral("SELECT ") + kColumns + kFrom + QStringLiteral(" WHERE o.id = :id AND ") + scope);
    q.bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    std::optional<Opportunity> found;
    if (q.next())
        found = readRow(q);
    m_db.recycle(std::move(q));
    if (!found)
        return Error::notFound(QStringLiteral("Opportunity"));
    return *found;
}

Status OpportunityService::addHistory(const Actor &actor, qint64 opportunityId, qint64 fromStageId, qint64 toStageId, qint64 at)
{
    ReusedQuery q(m_db, QStringLiteral("INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id,"
                                       " user_id, at) VALUES (:o, :from, :to, :user, :at)"));
    q->bindValue(QStringLiteral(":o"), opportunityId);
    q->bindValue(QStringLiteral(":from"), fromStageId > 0 ? QVariant(fromStageId) : nullInt());
    q->bindValue(QStringLiteral(":to"), toStageId);
    q->bindValue(QStringLiteral(":user"), actor.userId > 0 ? QVariant(actor.userId) : nullInt());
    q->bindValue(QStringLiteral(":at"), at);
    return m_db.exec(*q);
}

// Moves the difference, not a recomputed total: under PostgreSQL's READ COMMITTED an increment
// composes with a concurrent one on the same customer row, where a sum read from an older snapshot
// would overwrite it. The opportunity row itself is guarded by its version (writeRow).
Status OpportunityService::adjustWonValue(const Opportunity &before, const Opportunity &after)
{
    if (before.status != QLatin1String("won") && after.status != QLatin1String("won"))
        return {};
    auto currency = companyCurrency(m_db);
    if (!currency)
        return currency.error();
    QHash<qint64, qint64> delta;
    if (before.customerId > 0)
        delta[before.customerId] -= wonContribution(before, *currency);
    if (after.customerId > 0)
        delta[after.customerId] += wonContribution(after, *currency);
    for (auto it = delta.cbegin(); it != delta.cend(); ++it) {
        if (it.value() == 0)
            continue;
        ReusedQuery q(m_db, QStringLiteral("UPDATE customers SET won_value_minor = won_value_minor + :d WHERE id = :c"));
        q->bindValue(QStringLiteral(":d"), it.value());
        q->bindValue(QStringLiteral(":c"), it.key());
        if (Status st = m_db.exec(*q); !st)
            return st;
        m_db.notifyAfterCommit({QStringLiteral("customer"), it.key(), QStringLiteral("updated")});
    }
    return {};
}

Status OpportunityService::writeRow(const Opportunity &n, int loadedVersion)
{
    ReusedQuery q(m_db, QStringLiteral(
        "UPDATE opportunities SET customer_id = :customer, pipeline_id = :pipeline, stage_id = :stage, name = :name,"
        " amount_minor = :amount, currency = :currency, probability = :prob, expected_close_date = :close, status = :status,"
        " loss_reason = :loss, owner_id = :owner, notes = :notes, updated_at = :updated, closed_at = :closed,"
        " stage_entered_at = :entered, version = version + 1 WHERE id = :id AND version = :v"));
    bindFields(*q, n);
    q->bindValue(QStringLiteral(":updated"), n.updatedAt);
    q->bindValue(QStringLiteral(":closed"), n.closedAt > 0 ? QVariant(n.closedAt) : nullInt());
    q->bindValue(QStringLiteral(":entered"), n.stageEnteredAt);
    q->bindValue(QStringLiteral(":id"), n.id);
    q->bindValue(QStringLiteral(":v"), loadedVersion);
    if (Status st = m_db.exec(*q); !st)
        return st;
    // Zero rows: a concurrent writer bumped the version after we read the row.
    if (q->numRowsAffected() != 1)
        return versionConflict();
    return {};
}

Result<Opportunity> OpportunityService::create(const Actor &actor, Opportunity draft)
{
    if (!actor.can(Permission::OpportunityWrite))
        return Error::forbidden();
    // Read-only or hidden fields may not be filled in either.
    const Opportunity blank;
    QSet<QString> given;
    const QVariantMap filled = snapshot(draft), empty = snapshot(blank);
    for (const QString &f : guardedFields())
        if (filled.value(f) != empty.value(f))
            given.insert(f);
    if (Status st = checkWritable(actor, given); !st)
        return st.error();
    QSet<QString> fields = fieldNames();
    fields.remove(QStringLiteral("ownerId"));
    fields.remove(QStringLiteral("lossReason")); // checked against the stage below
    if (draft.probability == Opportunity::StageProbability)
        fields.remove(QStringLiteral("probability"));
    const bool defaultCurrency = draft.currency.trimmed().isEmpty();
    if (defaultCurrency)
        fields.remove(QStringLiteral("currency"));
    if (draft.stageId <= 0)
        return Error::validation(QStringLiteral("required"), QStringLiteral("stageId"), QStringLiteral("Choose a stage"));
    if (Status st = validate(draft, fields); !st)
        return st.error();
    if (Status st = validate(draft, {QStringLiteral("lossReason")}); !st)
        return st.error();

    return m_db.write([&]() -> Result<Opportunity> {
        if (Status st = CustomerService::requireVisible(m_db, actor, draft.customerId); !st)
            return st.error().code == QLatin1String("not_found")
                ? Error::validation(QStringLiteral("reference"), QStringLiteral("customerId"), QStringLiteral("Unknown customer"))
                : st.error();
        auto stage = PipelineService::loadStage(m_db, draft.stageId);
        if (!stage)
            return stage.error().code == QLatin1String("not_found")
                ? Error::validation(QStringLiteral("unknown"), QStringLiteral("stageId"), QStringLiteral("Unknown stage"))
                : stage.error();
        auto currency = companyCurrency(m_db);
        if (!currency)
            return currency.error();
        if (defaultCurrency)
            draft.currency = *currency;
        if (draft.probability == Opportunity::StageProbability)
            draft.probability = stage->probability;
        draft.pipelineId = stage->pipelineId;
        draft.status = stage->kind;
        if (draft.status == QLatin1String("lost") && draft.lossReason.isEmpty())
            return Error::validation(QStringLiteral("required"), QStringLiteral("lossReason"),
                                     QStringLiteral("Say why the opportunity was lost"));
        if (draft.status != QLatin1String("lost"))
            draft.lossReason.clear();
        if (draft.ownerId) {
            if (Status st = checkOwner(actor, *draft.ownerId); !st)
                return st.error();
        } else if (actor.userId > 0) {
            draft.ownerId = actor.userId;
        } else {
            // The system (imports, maintenance) files it under the customer's owner.
            ReusedQuery q(m_db, QStringLiteral("SELECT owner_id FROM customers WHERE id = :id"));
            q->bindValue(QStringLiteral(":id"), draft.customerId);
            if (Status st = m_db.exec(*q); !st)
                return st.error();
            if (q->next() && !q->value(0).isNull())
                draft.ownerId = q->value(0).toLongLong();
        }
        const qint64 now = m_db.clock().nowMs();
        ReusedQuery q(m_db, QStringLiteral(
            "INSERT INTO opportunities (customer_id, pipeline_id, stage_id, name, amount_minor, currency, probability,"
            " expected_close_date, status, loss_reason, owner_id, lead_id, notes, created_at, updated_at, closed_at,"
            " stage_entered_at) VALUES (:customer, :pipeline, :stage, :name, :amount, :currency, :prob, :close, :status,"
            " :loss, :owner, :lead, :notes, :now, :now, :closed, :now) RETURNING id"));
        bindFields(*q, draft);
        q->bindValue(QStringLiteral(":lead"), draft.leadId > 0 ? QVariant(draft.leadId) : nullInt());
        q->bindValue(QStringLiteral(":now"), now);
        q->bindValue(QStringLiteral(":closed"), draft.status == QLatin1String("open") ? nullInt() : QVariant(now));
        if (Status st = m_db.exec(*q); !st)
            return st.error();
        q->next();
        draft.id = q->value(0).toLongLong();
        q->finish();
        if (Status st = addHistory(actor, draft.id, 0, draft.stageId, now); !st)
            return st.error();
        if (Status st = adjustWonValue(Opportunity{}, draft); !st)
            return st.error();
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, draft.id, snapshot(draft)); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, draft.id, QStringLiteral("created")});
        auto created = load(draft.id, QStringLiteral("1=1"));
        if (created)
            applyFieldRules(actor, created.value());
        return created;
    });
}

Result<Opportunity> OpportunityService::get(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    auto o = load(id, actor.ownerCondition(QStringLiteral("o.owner_id")));
    if (o)
        applyFieldRules(actor, o.value());
    return o;
}

Result<Opportunity> OpportunityService::update(const Actor &actor, qint64 id, const Opportunity &values, const QSet<QString> &fields,
                                               std::optional<int> expectedVersion)
{
    if (!actor.can(Permission::OpportunityWrite))
        return Error::forbidden();
    for (const QString &f : fields) {
        if (f == QLatin1String("stageId") || f == QLatin1String("status") || f == QLatin1String("pipelineId"))
            return Error::validation(QStringLiteral("invalid"), f,
                                     QStringLiteral("Move the opportunity to another stage to change its stage or status"));
        if (!fieldNames().contains(f))
            return Error::validation(QStringLiteral("unknown"), f, QStringLiteral("There is no opportunity field \"%1\"").arg(f));
    }
    if (Status st = checkWritable(actor, fields); !st)
        return st.error();
    Opportunity incoming = values;
    if (Status st = validate(incoming, fields); !st)
        return st.error();

    return m_db.write([&]() -> Result<Opportunity> {
        auto current = load(id, actor.ownerCondition(QStringLiteral("o.owner_id")));
        if (!current)
            return current.error();
        if (expectedVersion && *expectedVersion != current->version)
            return versionConflict();
        Opportunity next = *current;
        auto has = [&](const char *f) { return fields.contains(QLatin1String(f)); };
        if (has("name")) next.name = incoming.name;
        if (has("customerId")) next.customerId = incoming.customerId;
        if (has("amountMinor")) next.amountMinor = incoming.amountMinor;
        if (has("currency")) next.currency = incoming.currency;
        if (has("probability")) next.probability = incoming.probability;
        if (has("expectedCloseDate")) next.expectedCloseDate = incoming.expectedCloseDate;
        if (has("ownerId")) next.ownerId = incoming.ownerId;
        if (has("notes")) next.notes = incoming.notes;
        if (has("lossReason")) next.lossReason = incoming.lossReason;
        const bool lost = next.status == QLatin1String("lost");
        if (lost && next.lossReason.isEmpty())
            return Error::validation(QStringLiteral("required"), QStringLiteral("lossReason"),
                                     QStringLiteral("Say why the opportunity was lost"));
        if (!lost && !next.lossReason.isEmpty())
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("lossReason"),
                                     QStringLiteral("Only a lost opportunity has a loss reason"));
        if (next.customerId != current->customerId)
            if (Status st = CustomerService::requireVisible(m_db, actor, next.customerId); !st)
                return st.error().code == QLatin1String("not_found")
                    ? Error::validation(QStringLiteral("reference"), QStringLiteral("customerId"), QStringLiteral("Unknown customer"))
                    : st.error();
        if (next.ownerId != current->ownerId) {
            if (!next.ownerId)
                return Error::validation(QStringLiteral("required"), QStringLiteral("ownerId"), QStringLiteral("Choose an owner"));
            if (Status st = checkOwner(actor, *next.ownerId); !st)
                return st.error();
        }
        const QVector<FieldChange> changes = AuditLog::diff(snapshot(*current), snapshot(next));
        if (changes.isEmpty()) {
            applyFieldRules(actor, current.value());
            return current.value();
        }
        next.updatedAt = m_db.clock().nowMs();
        if (Status st = writeRow(next, current->version); !st)
            return st.error();
        if (Status st = adjustWonValue(*current, next); !st)
            return st.error();
        if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, id, changes); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        auto reloaded = load(id, QStringLiteral("1=1"));
        if (reloaded)
            applyFieldRules(actor, reloaded.value());
        return reloaded;
    });
}

Status OpportunityService::remove(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::OpportunityDelete))
        return Error::forbidden();
    return m_db.write([&]() -> Status {
        auto current = load(id, actor.ownerCondition(QStringLiteral("o.owner_id")));
        if (!current)
            return current.error();
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM opportunities WHERE id = :id AND version = :v"));
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":v"), current->version);
        if (Status st = m_db.exec(q); !st)
            return st;
        if (q.numRowsAffected() != 1)
            return versionConflict();
        if (current->leadId > 0) {
            // The lead keeps its history but must not point at a deleted row.
            QSqlQuery l = m_db.prepare(QStringLiteral("UPDATE leads SET converted_opportunity_id = NULL"
                                                      " WHERE id = :lead AND converted_opportunity_id = :id"));
            l.bindValue(QStringLiteral(":lead"), current->leadId);
            l.bindValue(QStringLiteral(":id"), id);
            if (Status st = m_db.exec(l); !st)
                return st;
        }
        if (Status st = adjustWonValue(*current, Opportunity{}); !st)
            return st;
        if (Status st = AuditLog::recordDelete(m_db, actor, kEntity, id, snapshot(*current)); !st)
            return st;
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("deleted")});
        return {};
    });
}

namespace {

// Owners in the department bound to :team or any department below it. The tree is walked in SQL so
// the condition stays one statement (a handful of departments; users_department finds their users).
QString teamCondition()
{
    return QStringLiteral("o.owner_id IN (SELECT tu.id FROM users tu WHERE tu.department_id IN ("
                          "WITH RECURSIVE team_tree(id) AS (SELECT CAST(:team AS BIGINT)"
                          " UNION SELECT d.id FROM departments d JOIN team_tree t ON d.parent_id = t.id)"
                          " SELECT id FROM team_tree))");
}

// The owner column of a scoped page. SQLite plans without statistics, and an "owner_id IN (many ids)"
// term sends it through opportunities_owner for every owner, then sorts the whole stage for one
// page: measured on the 1,000,000-customer demo, a board column of the director (200 owners, ~40,000
// cards) took 1.2 s, six of them one after another on the board's worker. Above a team's worth of
// owners the unary + keeps the term off the index, so the page walks opportunities_stage (stage, id)
// in order and filters by owner (1 ms). A rep or a small team keeps opportunities_owner_stage.
// PostgreSQL has statistics and picks by itself.
QString pageOwnerColumn(const Database &db, const Actor &actor)
{
    constexpr int kOwnerIndexMaxOwners = 16;
    const bool walkOtherIndex = db.isSqlite() && !actor.seesAll() && actor.visibleOwnerIds.size() > kOwnerIndexMaxOwners;
    return walkOtherIndex ? QStringLiteral("+o.owner_id") : QStringLiteral("o.owner_id");
}

Result<QString> whereClause(const Actor &actor, const OpportunityFilter &f, QVariantMap &binds,
                            const QString &ownerColumn = QStringLiteral("o.owner_id"))
{
    QStringList parts = {actor.ownerCondition(ownerColumn)};
    if (f.pipelineId) {
        parts << QStringLiteral("o.pipeline_id = :pipeline");
        binds.insert(QStringLiteral(":pipeline"), *f.pipelineId);
    }
    if (f.stageId) {
        parts << QStringLiteral("o.stage_id = :stage");
        binds.insert(QStringLiteral(":stage"), *f.stageId);
    }
    if (f.ownerId) {
        parts << QStringLiteral("o.owner_id = :owner");
        binds.insert(QStringLiteral(":owner"), *f.ownerId);
    }
    if (f.customerId) {
        parts << QStringLiteral("o.customer_id = :customer");
        binds.insert(QStringLiteral(":customer"), *f.customerId);
    }
    if (f.departmentId) {
        parts << teamCondition();
        binds.insert(QStringLiteral(":team"), *f.departmentId);
    }
    // closed_at is NULL while open, so a bound keeps closed opportunities only (opportunities_closed_owner).
    if (f.closedFrom) {
        parts << QStringLiteral("o.closed_at >= :closedFrom");
        binds.insert(QStringLiteral(":closedFrom"), *f.closedFrom);
    }
    if (f.closedTo) {
        parts << QStringLiteral("o.closed_at < :closedTo");
        binds.insert(QStringLiteral(":closedTo"), *f.closedTo);
    }
    if (f.createdFrom) {
        parts << QStringLiteral("o.created_at >= :createdFrom");
        binds.insert(QStringLiteral(":createdFrom"), *f.createdFrom);
    }
    if (f.createdTo) {
        parts << QStringLiteral("o.created_at < :createdTo");
        binds.insert(QStringLiteral(":createdTo"), *f.createdTo);
    }
    if (!f.reachedStageIds.isEmpty()) {
        // Read from the history's (opportunity_id, to_stage_id) index, as the funnel counts it.
        QStringList names;
        for (int i = 0; i < f.reachedStageIds.size(); ++i) {
            names << QStringLiteral(":reached%1").arg(i);
            binds.insert(names.last(), f.reachedStageIds[i]);
        }
        parts << QStringLiteral("EXISTS (SELECT 1 FROM opportunity_stage_history h WHERE h.opportunity_id = o.id"
                                " AND h.to_stage_id IN (") + names.join(QStringLiteral(", ")) + QStringLiteral("))");
    }
    if (!f.statuses.isEmpty()) {
        QStringList names;
        for (int i = 0; i < f.statuses.size(); ++i) {
            if (Status st = Validation::oneOf(f.statuses[i], PipelineService::stageKinds(), QStringLiteral("statuses")); !st)
                return st.error();
            names << QStringLiteral(":status%1").arg(i);
            binds.insert(names.last(), f.statuses[i]);
        }
        parts << QStringLiteral("o.status IN (") + names.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    // ISO dates compare correctly as text. Written against the indexed sort key (opportunities_close_key),
    // which equals the date wherever there is one.
    if (f.expectedCloseFrom.isValid()) {
        parts << kCloseKey + QStringLiteral(" >= :closeFrom");
        binds.insert(QStringLiteral(":closeFrom"), f.expectedCloseFrom.toString(Qt::ISODate));
    }
    if (f.expectedCloseTo.isValid()) {
        parts << kCloseKey + QStringLiteral(" <= :closeTo");
        binds.insert(QStringLiteral(":closeTo"), f.expectedCloseTo.toString(Qt::ISODate));
    }
    if (f.expectedCloseFrom.isValid() || f.expectedCloseTo.isValid())
        parts << QStringLiteral("o.expected_close_date IS NOT NULL");
    return parts.join(QStringLiteral(" AND "));
}

void bindAll(QSqlQuery &q, const QVariantMap &binds)
{
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
}

} // namespace

QVariant OpportunityService::sortKey(const Opportunity &o, OpportunitySort sort)
{
    switch (sort) {
    case OpportunitySort::Newest: return o.id;
    case OpportunitySort::Amount: return o.amountMinor;
    case OpportunitySort::ExpectedClose:
        return o.expectedCloseDate.isValid() ? o.expectedCloseDate.toString(Qt::ISODate) : kNoDate;
    }
    return o.id;
}

Result<OpportunityPage> OpportunityService::list(const Actor &actor, const OpportunityFilter &f)
{
    if (!actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    QVariantMap binds;
    auto where = whereClause(actor, f, binds, pageOwnerColumn(m_db, actor));
    if (!where)
        return where.error();
    QString order;
    QString keyset;
    switch (f.sort) {
    case OpportunitySort::Newest:
        order = QStringLiteral("o.id DESC");
        keyset = QStringLiteral("o.id < :afterId");
        break;
    // The single-column bound lets the planner seek in the index; the row value breaks ties by id.
    case OpportunitySort::Amount:
        order = QStringLiteral("o.amount_minor DESC, o.id DESC");
        keyset = QStringLiteral("o.amount_minor <= :afterKey AND (o.amount_minor, o.id) < (:afterKey, :afterId)");
        break;
    case OpportunitySort::ExpectedClose:
        order = kCloseKey + QStringLiteral(" ASC, o.id ASC");
        keyset = kCloseKey + QStringLiteral(" >= :afterKey AND (") + kCloseKey + QStringLiteral(", o.id) > (:afterKey, :afterId)");
        break;
    }
    QString sql = *where;
    if (f.afterId > 0) {
        if (f.sort != OpportunitySort::Newest) {
            if (!f.afterKey.isValid() || f.afterKey.isNull())
                return Error::validation(QStringLiteral("required"), QStringLiteral("afterKey"),
                                         QStringLiteral("Keyset paging in this order needs the last row's sort key"));
            binds.insert(QStringLiteral(":afterKey"), f.sort == OpportunitySort::Amount ? QVariant(f.afterKey.toLongLong())
                                                                                       : QVariant(f.afterKey.toString()));
        }
        sql += QStringLiteral(" AND ") + keyset;
        binds.insert(QStringLiteral(":afterId"), f.afterId);
    }
    const int limit = std::clamp(f.limit, 1, MaxLimit);
    QSqlQuery q = m_db.cached(QStringLiteral("SELECT ") + kColumns + kFrom + QStringLiteral(" WHERE ") + sql +
                              QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT :limit OFFSET :offset"));
    bindAll(q, binds);
    q.bindValue(QStringLiteral(":limit"), limit + 1); // one more row tells whether there is a next page
    q.bindValue(QStringLiteral(":offset"), f.afterId > 0 ? 0 : std::max(0, f.offset));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    OpportunityPage page;
    while (q.next()) {
        page.opportunities.append(readRow(q));
        applyFieldRules(actor, page.opportunities.last());
    }
    m_db.recycle(std::move(q));
    if (page.opportunities.size() > limit) {
        page.opportunities.removeLast();
        page.hasMore = true;
    }
    return page;
}

Result<qint64> OpportunityService::count(const Actor &actor, const OpportunityFilter &f)
{
    if (!actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    QVariantMap binds;
    auto where = whereClause(actor, f, binds);
    if (!where)
        return where.error();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM opportunities o WHERE ") + *where);
    bindAll(q, binds);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    q.next();
    return q.value(0).toLongLong();
}

Result<Opportunity> OpportunityService::moveStage(const Actor &actor, qint64 id, qint64 stageId, std::optional<int> expectedVersion,
                                                  const QString &rawLossReason)
{
    if (!actor.can(Permission::OpportunityWrite))
        return Error::forbidden();
    if (Status st = checkWritable(actor, {QStringLiteral("stageId")}); !st)
        return st.error();
    const QString lossReason = rawLossReason.trimmed();
    if (Status st = Validation::maxLength(lossReason, 500, QStringLiteral("lossReason")); !st)
        return st.error();

    return m_db.write([&]() -> Result<Opportunity> {
        auto current = load(id, actor.ownerCondition(QStringLiteral("o.owner_id")));
        if (!current)
            return current.error();
        if (expectedVersion && *expectedVersion != current->version)
            return versionConflict();
        auto stage = PipelineService::loadStage(m_db, stageId);
        if (!stage)
            return stage.error().code == QLatin1String("not_found")
                ? Error::validation(QStringLiteral("unknown"), QStringLiteral("stageId"), QStringLiteral("Unknown stage"))
                : stage.error();
        // A stage of another pipeline moves the deal there (new business turned renewal); its
        // history keeps the stages of both, which the funnel of each pipeline reads as its own.
        if (stage->pipelineId != current->pipelineId)
            if (Status st = checkWritable(actor, {QStringLiteral("pipelineId")}); !st)
                return st.error();
        if (stageId == current->stageId) {
            applyFieldRules(actor, current.value());
            return current.value();
        }
        const bool toLost = stage->kind == QLatin1String("lost");
        if (toLost && lossReason.isEmpty())
            return Error::validation(QStringLiteral("required"), QStringLiteral("lossReason"),
                                     QStringLiteral("Say why the opportunity was lost"));
        const qint64 now = m_db.clock().nowMs();
        Opportunity next = *current;
        next.pipelineId = stage->pipelineId;
        next.stageId = stageId;
        next.status = stage->kind;
        next.probability = stage->probability;
        next.lossReason = toLost ? lossReason : QString();
        if (stage->kind == QLatin1String("open"))
            next.closedAt = 0;
        else if (current->status != stage->kind)
            next.closedAt = now;
        next.stageEnteredAt = now;
        next.updatedAt = now;
        if (Status st = writeRow(next, current->version); !st)
            return st.error();
        if (Status st = addHistory(actor, id, current->stageId, stageId, now); !st)
            return st.error();
        if (Status st = adjustWonValue(*current, next); !st)
            return st.error();
        if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, id, AuditLog::diff(snapshot(*current), snapshot(next)),
                                               QStringLiteral("move"));
            !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        auto reloaded = load(id, QStringLiteral("1=1"));
        if (reloaded)
            applyFieldRules(actor, reloaded.value());
        return reloaded;
    });
}

Status OpportunityService::requireVisible(Database &db, const Actor &actor, qint64 opportunityId)
{
    QSqlQuery v = db.prepare(QStringLiteral("SELECT 1 FROM opportunities o WHERE o.id = :id AND ") +
                             actor.ownerCondition(QStringLiteral("o.owner_id")));
    v.bindValue(QStringLiteral(":id"), opportunityId);
    if (Status st = db.exec(v); !st)
        return st;
    if (!v.next())
        return Error::notFound(QStringLiteral("Opportunity"));
    return {};
}

Result<QVector<StageChange>> OpportunityService::stageHistory(const Actor &actor, qint64 opportunityId)
{
    if (!actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    if (Status st = requireVisible(m_db, actor, opportunityId); !st)
        return st.error();
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT h.id, h.opportunity_id, h.from_stage_id, fs.name, h.to_stage_id, ts.name, h.user_id, u.display_name, h.at"
        " FROM opportunity_stage_history h LEFT JOIN stages fs ON fs.id = h.from_stage_id"
        " LEFT JOIN stages ts ON ts.id = h.to_stage_id LEFT JOIN users u ON u.id = h.user_id"
        " WHERE h.opportunity_id = :id ORDER BY h.at, h.id"));
    q.bindValue(QStringLiteral(":id"), opportunityId);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<StageChange> out;
    while (q.next()) {
        StageChange c;
        c.id = q.value(0).toLongLong();
        c.opportunityId = q.value(1).toLongLong();
        c.fromStageId = q.value(2).toLongLong();
        c.fromStageName = q.value(3).toString();
        c.toStageId = q.value(4).toLongLong();
        c.toStageName = q.value(5).toString();
        c.userId = q.value(6).toLongLong();
        c.userName = q.value(7).toString();
        c.at = q.value(8).toLongLong();
        if (!out.isEmpty())
            out.last().leftAt = c.at;
        out.append(c);
    }
    return out;
}

Result<PipelineSummary> OpportunityService::pipelineSummary(const Actor &actor, qint64 pipelineId, std::optional<qint64> ownerId,
                                                             std::optional<qint64> departmentId)
{
    if (!actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    auto pipeline = PipelineService::load(m_db, pipelineId);
    if (!pipeline)
        return pipeline.error();
    return pipelineSummary(actor, *pipeline, ownerId, departmentId);
}

Result<PipelineSummary> OpportunityService::pipelineSummary(const Actor &actor, const Pipeline &pipeline, std::optional<qint64> ownerId,
                                                             std::optional<qint64> departmentId)
{
    if (!actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    const qint64 pipelineId = pipeline.id;
    auto currency = companyCurrency(m_db);
    if (!currency)
        return currency.error();
    PipelineSummary summary;
    summary.pipelineId = pipelineId;
    summary.currency = *currency;
    QHash<qint64, int> index;
    for (const Stage &s : pipeline.stages) {
        index.insert(s.id, int(summary.stages.size()));
        summary.stages.append(StageSummary{s, 0, 0, 0});
    }
    // One GROUP BY over a covering index, read in index order without sorting: for an actor who sees
    // everyone, opportunities_pipeline grouped by (stage, currency); for a scoped actor (or one owner),
    // opportunities_owner walked owner by owner and grouped by (owner, stage, currency), at most
    // owners x stages x currencies rows, folded into stages here.
    // SUM over bigint is numeric on PostgreSQL: cast back so both drivers hand over an exact integer.
    const bool byOwner = ownerId || departmentId || !actor.seesAll();
    const QString groups = byOwner ? QStringLiteral("o.owner_id, o.stage_id, o.currency") : QStringLiteral("o.stage_id, o.currency");
    QString sql = QStringLiteral("SELECT ") + groups +
        QStringLiteral(", COUNT(*), CAST(SUM(o.amount_minor) AS BIGINT), CAST(SUM(o.amount_minor * o.probability) AS BIGINT)"
                       " FROM opportunities o WHERE o.pipeline_id = :pipeline AND ") +
        actor.ownerCondition(QStringLiteral("o.owner_id"));
    if (ownerId)
        sql += QStringLiteral(" AND o.owner_id = :owner");
    if (departmentId)
        sql += QStringLiteral(" AND ") + teamCondition();
    sql += QStringLiteral(" GROUP BY ") + groups;
    QSqlQuery q = m_db.cached(sql);
    q.bindValue(QStringLiteral(":pipeline"), pipelineId);
    if (ownerId)
        q.bindValue(QStringLiteral(":owner"), *ownerId);
    if (departmentId)
        q.bindValue(QStringLiteral(":team"), *departmentId);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    const int c = byOwner ? 1 : 0; // first column after the grouping owner
    QVector<qint64> products(summary.stages.size(), 0);
    while (q.next()) {
        auto it = index.constFind(q.value(c).toLongLong());
        if (it == index.constEnd())
            continue;
        const qint64 n = q.value(c + 2).toLongLong();
        if (q.value(c + 1).toString() != *currency) {
            summary.otherCurrencyCount += n;
            continue;
        }
        StageSummary &s = summary.stages[*it];
        s.count += n;
        s.amountMinor += q.value(c + 3).toLongLong();
        products[*it] += q.value(c + 4).toLongLong();
    }
    m_db.recycle(std::move(q));
    qint64 openProducts = 0;
    for (int i = 0; i < summary.stages.size(); ++i) {
        StageSummary &s = summary.stages[i];
        s.weightedMinor = weighted(products[i]);
        if (s.stage.kind == QLatin1String("open")) {
            summary.openCount += s.count;
            summary.openAmountMinor += s.amountMinor;
            openProducts += products[i];
        }
    }
    // The total is rounded once from the exact sum, not summed from the rounded stages.
    summary.openWeightedMinor = weighted(openProducts);
    const bool amountHidden = !actor.canSeeField(kEntity, QStringLiteral("amountMinor"));
    const bool probabilityHidden = !actor.canSeeField(kEntity, QStringLiteral("probability"));
    if (amountHidden || probabilityHidden) {
        for (StageSummary &s : summary.stages) {
            s.weightedMinor = 0;
            if (amountHidden)
                s.amountMinor = 0;
        }
        summary.openWeightedMinor = 0;
        if (amountHidden) {
            summary.openAmountMinor = 0;
            summary.hiddenFields.insert(QStringLiteral("amountMinor"));
        }
        if (probabilityHidden)
            summary.hiddenFields.insert(QStringLiteral("probability"));
    }
    return summary;
}

} // namespace crm
