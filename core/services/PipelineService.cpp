#include "core/services/PipelineService.h"

#include "core/domain/Validation.h"
#include "core/services/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/ReusedQuery.h"

#include <QSqlQuery>

#include <algorithm>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("pipeline");
const QString kPipelineColumns = QStringLiteral("p.id, p.name, p.is_default, p.position, p.version");
const QString kStageColumns = QStringLiteral("s.id, s.pipeline_id, s.name, s.position, s.probability, s.kind");

Pipeline readPipeline(const QSqlQuery &q)
{
    Pipeline p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.isDefault = q.value(2).toInt() != 0;
    p.position = q.value(3).toInt();
    p.version = q.value(4).toInt();
    return p;
}

Stage readStage(const QSqlQuery &q)
{
    Stage s;
    s.id = q.value(0).toLongLong();
    s.pipelineId = q.value(1).toLongLong();
    s.name = q.value(2).toString();
    s.position = q.value(3).toInt();
    s.probability = q.value(4).toInt();
    s.kind = q.value(5).toString();
    return s;
}

QVariantList stagesSnapshot(const QVector<Stage> &stages)
{
    QVariantList out;
    for (const Stage &s : stages)
        out << QVariantMap{{QStringLiteral("id"), s.id},
                           {QStringLiteral("name"), s.name},
                           {QStringLiteral("kind"), s.kind},
                           {QStringLiteral("probability"), s.probability}};
    return out;
}

// Every pipeline needs a stage of each kind: somewhere to work, to win and to lose.
bool hasEveryKind(const QVector<Stage> &stages)
{
    for (const QString &kind : PipelineService::stageKinds())
        if (std::none_of(stages.begin(), stages.end(), [&](const Stage &s) { return s.kind == kind; }))
            return false;
    return true;
}

Error needsEveryKind(const QString &field)
{
    return Error::validation(QStringLiteral("invalid"), field,
                             QStringLiteral("A pipeline needs at least one open, one won and one lost stage"));
}

Error duplicateStage(const QString &name)
{
    return Error::conflict(QStringLiteral("duplicate"), QStringLiteral("This pipeline already has a stage named \"%1\"").arg(name),
                           QStringLiteral("name"));
}

} // namespace

const QStringList &PipelineService::stageKinds()
{
    static const QStringList kinds = {QStringLiteral("open"), QStringLiteral("won"), QStringLiteral("lost")};
    return kinds;
}

Status PipelineService::requireAdmin(const Actor &actor) const
{
    if (!actor.can(Permission::SettingsAdmin))
        return Error::forbidden(QStringLiteral("Only administrators may change pipelines"));
    return {};
}

Status PipelineService::validateStage(Stage &s, const QSet<QString> &fields) const
{
    if (fields.contains(QStringLiteral("name"))) {
        s.name = s.name.trimmed();
        if (Status st = Validation::required(s.name, QStringLiteral("name"), QStringLiteral("The stage name")); !st)
            return st;
        if (Status st = Validation::maxLength(s.name, 100, QStringLiteral("name")); !st)
            return st;
    }
    if (fields.contains(QStringLiteral("probability")) && (s.probability < 0 || s.probability > 100))
        return Error::validation(QStringLiteral("range"), QStringLiteral("probability"),
                                 QStringLiteral("The probability must be between 0 and 100"));
    if (fields.contains(QStringLiteral("kind")))
        if (Status st = Validation::oneOf(s.kind, stageKinds(), QStringLiteral("kind")); !st)
            return st;
    return {};
}

Result<Pipeline> PipelineService::load(Database &db, qint64 pipelineId)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT ") + kPipelineColumns + QStringLiteral(" FROM pipelines p WHERE p.id = :id"));
    q.bindValue(QStringLiteral(":id"), pipelineId);
    if (Status st = db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("Pipeline"));
    Pipeline p = readPipeline(q);
    q.finish();
    QSqlQuery s = db.prepare(QStringLiteral("SELECT ") + kStageColumns +
                             QStringLiteral(" FROM stages s WHERE s.pipeline_id = :id ORDER BY s.position, s.id"));
    s.bindValue(QStringLiteral(":id"), pipelineId);
    if (Status st = db.exec(s); !st)
        return st.error();
    while (s.next())
        p.stages.append(readStage(s));
    return p;
}

Result<Stage> PipelineService::loadStage(Database &db, qint64 stageId)
{
    ReusedQuery q(db, QStringLiteral("SELECT ") + kStageColumns + QStringLiteral(" FROM stages s WHERE s.id = :id"));
    q->bindValue(QStringLiteral(":id"), stageId);
    if (Status st = db.exec(*q); !st)
        return st.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("Stage"));
    return readStage(*q);
}

Result<Pipeline> PipelineService::loadDefault(Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT id FROM pipelines ORDER BY is_default DESC, position, id LIMIT 1"));
    if (Status st = db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("Pipeline"));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return load(db, id);
}

Result<QVector<Pipeline>> PipelineService::list(const Actor &actor)
{
    if (!actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    // Two queries for everything: the pipelines, then all their stages.
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kPipelineColumns +
                               QStringLiteral(" FROM pipelines p ORDER BY p.is_default DESC, p.position, p.id"));
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<Pipeline> out;
    QHash<qint64, int> index;
    while (q.next()) {
        index.insert(q.value(0).toLongLong(), int(out.size()));
        out.append(readPipeline(q));
    }
    q.finish();
    QSqlQuery s = m_db.prepare(QStringLiteral("SELECT ") + kStageColumns +
                               QStringLiteral(" FROM stages s ORDER BY s.pipeline_id, s.position, s.id"));
    if (Status st = m_db.exec(s); !st)
        return st.error();
    while (s.next()) {
        const Stage stage = readStage(s);
        if (auto it = index.constFind(stage.pipelineId); it != index.constEnd())
            out[*it].stages.append(stage);
    }
    return out;
}

Result<Pipeline> PipelineService::get(const Actor &actor, qint64 pipelineId)
{
    if (!actor.can(Permission::OpportunityRead))
        return Error::forbidden();
    return load(m_db, pipelineId);
}

Status PipelineService::bumpVersion(qint64 pipelineId, int loadedVersion, std::optional<int> expected)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE pipelines SET version = version + 1 WHERE id = :id AND version = :v"));
    q.bindValue(QStringLiteral(":id"), pipelineId);
    q.bindValue(QStringLiteral(":v"), expected.value_or(loadedVersion));
    if (Status st = m_db.exec(q); !st)
        return st;
    if (q.numRowsAffected() != 1)
        return Error::conflict(QStringLiteral("version"),
                               QStringLiteral("Someone else changed this pipeline; reload it and apply your change again"));
    return {};
}

Status PipelineService::writePositions(qint64 pipelineId, const QVector<qint64> &orderedStageIds)
{
    if (orderedStageIds.isEmpty())
        return {};
    // One statement for the whole order; the ids are integers read from the database.
    QString cases;
    for (int i = 0; i < orderedStageIds.size(); ++i)
        cases += QStringLiteral(" WHEN %1 THEN %2").arg(orderedStageIds[i]).arg(i);
    QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE stages SET position = CASE id") + cases +
                               QStringLiteral(" ELSE position END WHERE pipeline_id = :p"));
    q.bindValue(QStringLiteral(":p"), pipelineId);
    return m_db.exec(q);
}

Status PipelineService::recordStages(const Actor &actor, const Pipeline &before, qint64 pipelineId)
{
    auto after = load(m_db, pipelineId);
    if (!after)
        return after.error();
    if (Status st = AuditLog::record(m_db, actor, kEntity, pipelineId, QStringLiteral("update"), QStringLiteral("stages"),
                                     stagesSnapshot(before.stages), stagesSnapshot(after->stages));
        !st)
        return st;
    m_db.notifyAfterCommit({kEntity, pipelineId, QStringLiteral("updated")});
    return {};
}

Result<Pipeline> PipelineService::create(const Actor &actor, const QString &rawName, const QVector<Stage> &drafts)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    const QString name = rawName.trimmed();
    if (Status st = Validation::required(name, QStringLiteral("name"), QStringLiteral("The pipeline name")); !st)
        return st.error();
    if (Status st = Validation::maxLength(name, 100, QStringLiteral("name")); !st)
        return st.error();
    QVector<Stage> stages = drafts;
    QSet<QString> names;
    const QSet<QString> all = {QStringLiteral("name"), QStringLiteral("probability"), QStringLiteral("kind")};
    for (Stage &s : stages) {
        if (Status st = validateStage(s, all); !st) {
            Error e = st.error();
            e.field = QStringLiteral("stages.") + e.field;
            return e;
        }
        if (names.contains(s.name))
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("stages.name"),
                                     QStringLiteral("Two stages are named \"%1\"").arg(s.name));
        names.insert(s.name);
    }
    if (!hasEveryKind(stages))
        return needsEveryKind(QStringLiteral("stages"));

    return m_db.write([&]() -> Result<Pipeline> {
        QSqlQuery dup = m_db.prepare(QStringLiteral("SELECT 1 FROM pipelines WHERE name = :n"));
        dup.bindValue(QStringLiteral(":n"), name);
        if (Status st = m_db.exec(dup); !st)
            return st.error();
        if (dup.next())
            return Error::conflict(QStringLiteral("duplicate"), QStringLiteral("A pipeline named \"%1\" exists already").arg(name),
                                   QStringLiteral("name"));
        dup.finish();
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO pipelines (name, is_default, position)"
            " SELECT :n, CASE WHEN COUNT(*) = 0 THEN 1 ELSE 0 END, COALESCE(MAX(position) + 1, 0) FROM pipelines RETURNING id"));
        q.bindValue(QStringLiteral(":n"), name);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        for (int i = 0; i < stages.size(); ++i) {
            QSqlQuery s = m_db.prepare(QStringLiteral("INSERT INTO stages (pipeline_id, name, position, probability, kind)"
                                                      " VALUES (:p, :n, :pos, :prob, :kind)"));
            s.bindValue(QStringLiteral(":p"), id);
            s.bindValue(QStringLiteral(":n"), stages[i].name);
            s.bindValue(QStringLiteral(":pos"), i);
            s.bindValue(QStringLiteral(":prob"), stages[i].probability);
            s.bindValue(QStringLiteral(":kind"), stages[i].kind);
            if (Status st = m_db.exec(s); !st)
                return st.error();
        }
        auto created = load(m_db, id);
        if (!created)
            return created.error();
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, id,
                                               {{QStringLiteral("name"), name},
                                                {QStringLiteral("stages"), stagesSnapshot(created->stages)}});
            !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("created")});
        return created;
    });
}

Result<Pipeline> PipelineService::addStage(const Actor &actor, qint64 pipelineId, const Stage &draft, std::optional<int> position,
                                           std::optional<int> expectedVersion)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    Stage stage = draft;
    if (Status st = validateStage(stage, {QStringLiteral("name"), QStringLiteral("probability"), QStringLiteral("kind")}); !st)
        return st.error();
    return m_db.write([&]() -> Result<Pipeline> {
        auto before = load(m_db, pipelineId);
        if (!before)
            return before.error();
        if (Status st = bumpVersion(pipelineId, before->version, expectedVersion); !st)
            return st.error();
        for (const Stage &s : before->stages)
            if (s.name == stage.name)
                return duplicateStage(stage.name);
        const int count = int(before->stages.size());
        int at = count;
        if (position) {
            if (*position < 0 || *position > count)
                return Error::validation(QStringLiteral("range"), QStringLiteral("position"),
                                         QStringLiteral("The position must be between 0 and %1").arg(count));
            at = *position;
        } else if (stage.kind == QLatin1String("open")) {
            // New working stages belong before the closing ones.
            for (int i = 0; i < count; ++i)
                if (before->stages[i].kind != QLatin1String("open")) {
                    at = i;
                    break;
                }
        }
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO stages (pipeline_id, name, position, probability, kind)"
                                                  " VALUES (:p, :n, :pos, :prob, :kind) RETURNING id"));
        q.bindValue(QStringLiteral(":p"), pipelineId);
        q.bindValue(QStringLiteral(":n"), stage.name);
        q.bindValue(QStringLiteral(":pos"), count);
        q.bindValue(QStringLiteral(":prob"), stage.probability);
        q.bindValue(QStringLiteral(":kind"), stage.kind);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        q.next();
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        QVector<qint64> order;
        for (const Stage &s : before->stages)
            order << s.id;
        order.insert(at, id);
        if (Status st = writePositions(pipelineId, order); !st)
            return st.error();
        if (Status st = recordStages(actor, *before, pipelineId); !st)
            return st.error();
        return load(m_db, pipelineId);
    });
}

Result<Pipeline> PipelineService::updateStage(const Actor &actor, qint64 stageId, const Stage &values, const QSet<QString> &fields,
                                              std::optional<int> expectedVersion)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    for (const QString &f : fields) {
        if (f == QLatin1String("kind"))
            return Error::validation(QStringLiteral("invalid"), f,
                                     QStringLiteral("A stage's kind cannot change; add a new stage instead"));
        if (f != QLatin1String("name") && f != QLatin1String("probability"))
            return Error::validation(QStringLiteral("unknown"), f, QStringLiteral("There is no stage field \"%1\"").arg(f));
    }
    Stage incoming = values;
    if (Status st = validateStage(incoming, fields); !st)
        return st.error();
    return m_db.write([&]() -> Result<Pipeline> {
        auto stage = loadStage(m_db, stageId);
        if (!stage)
            return stage.error();
        auto before = load(m_db, stage->pipelineId);
        if (!before)
            return before.error();
        if (Status st = bumpVersion(stage->pipelineId, before->version, expectedVersion); !st)
            return st.error();
        Stage next = *stage;
        if (fields.contains(QStringLiteral("name"))) {
            for (const Stage &s : before->stages)
                if (s.id != stageId && s.name == incoming.name)
                    return duplicateStage(incoming.name);
            next.name = incoming.name;
        }
        if (fields.contains(QStringLiteral("probability")))
            next.probability = incoming.probability;
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE stages SET name = :n, probability = :prob WHERE id = :id"));
        q.bindValue(QStringLiteral(":n"), next.name);
        q.bindValue(QStringLiteral(":prob"), next.probability);
        q.bindValue(QStringLiteral(":id"), stageId);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        if (Status st = recordStages(actor, *before, stage->pipelineId); !st)
            return st.error();
        return load(m_db, stage->pipelineId);
    });
}

Result<Pipeline> PipelineService::reorderStages(const Actor &actor, qint64 pipelineId, const QVector<qint64> &stageIds,
                                                std::optional<int> expectedVersion)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    return m_db.write([&]() -> Result<Pipeline> {
        auto before = load(m_db, pipelineId);
        if (!before)
            return before.error();
        QSet<qint64> current, given(stageIds.begin(), stageIds.end());
        for (const Stage &s : before->stages)
            current.insert(s.id);
        if (given != current || stageIds.size() != before->stages.size())
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("stageIds"),
                                     QStringLiteral("Give every stage of the pipeline exactly once"));
        if (Status st = bumpVersion(pipelineId, before->version, expectedVersion); !st)
            return st.error();
        if (Status st = writePositions(pipelineId, stageIds); !st)
            return st.error();
        if (Status st = recordStages(actor, *before, pipelineId); !st)
            return st.error();
        return load(m_db, pipelineId);
    });
}

Result<Pipeline> PipelineService::removeStage(const Actor &actor, qint64 stageId, std::optional<int> expectedVersion)
{
    if (Status st = requireAdmin(actor); !st)
        return st.error();
    return m_db.write([&]() -> Result<Pipeline> {
        auto stage = loadStage(m_db, stageId);
        if (!stage)
            return stage.error();
        auto before = load(m_db, stage->pipelineId);
        if (!before)
            return before.error();
        // The version bump locks the pipeline first, so no concurrent change slips between the checks.
        if (Status st = bumpVersion(stage->pipelineId, before->version, expectedVersion); !st)
            return st.error();
        QSqlQuery used = m_db.prepare(QStringLiteral("SELECT 1 FROM opportunities WHERE stage_id = :s LIMIT 1"));
        used.bindValue(QStringLiteral(":s"), stageId);
        if (Status st = m_db.exec(used); !st)
            return st.error();
        if (used.next())
            return Error::conflict(QStringLiteral("in_use"),
                                   QStringLiteral("Opportunities are still in this stage; move them to another stage first"),
                                   QStringLiteral("stageId"));
        used.finish();
        QVector<Stage> rest;
        QVector<qint64> order;
        for (const Stage &s : before->stages)
            if (s.id != stageId) {
                rest << s;
                order << s.id;
            }
        if (!hasEveryKind(rest))
            return Error::conflict(QStringLiteral("state"),
                                   QStringLiteral("A pipeline needs at least one open, one won and one lost stage"),
                                   QStringLiteral("kind"));
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM stages WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), stageId);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        if (Status st = writePositions(stage->pipelineId, order); !st)
            return st.error();
        if (Status st = recordStages(actor, *before, stage->pipelineId); !st)
            return st.error();
        return load(m_db, stage->pipelineId);
    });
}

} // namespace crm
