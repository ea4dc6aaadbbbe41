#pragma once

#include "core/Result.h"
#include "core/domain/Opportunity.h"
#include "core/security/Actor.h"

#include <QSet>

namespace crm {

class Database;

// Pipelines and their stages. Everyone who may read opportunities may read them; changes need
// settings.admin. Every change bumps the pipeline's version (optional expectedVersion guards against
// editing a stale copy), is audited on the pipeline and announced as ("pipeline", id, "updated").
class PipelineService
{
public:
    explicit PipelineService(Database &db) : m_db(db) {}

    static const QStringList &stageKinds(); // open, won, lost

    // Every pipeline (default first, then by position) with its stages by position.
    Result<QVector<Pipeline>> list(const Actor &actor);
    Result<Pipeline> get(const Actor &actor, qint64 pipelineId);

    // A new pipeline with the given stages in that order (ids, positions and pipelineId of the drafts
    // are ignored). It needs at least one open, one won and one lost stage.
    Result<Pipeline> create(const Actor &actor, const QString &name, const QVector<Stage> &stages);
    // Inserts a stage at `position` (0..n, others shift); none: an open stage goes before the first
    // closed one, a closed stage at the end.
    Result<Pipeline> addStage(const Actor &actor, qint64 pipelineId, const Stage &draft,
                              std::optional<int> position = std::nullopt, std::optional<int> expectedVersion = std::nullopt);
    // Renames a stage or changes its probability (fields: "name", "probability"; kind cannot change).
    Result<Pipeline> updateStage(const Actor &actor, qint64 stageId, const Stage &values, const QSet<QString> &fields,
                                 std::optional<int> expectedVersion = std::nullopt);
    // The pipeline's stage ids in their new order: all of them, each once.
    Result<Pipeline> reorderStages(const Actor &actor, qint64 pipelineId, const QVector<qint64> &stageIds,
                                   std::optional<int> expectedVersion = std::nullopt);
    // Refused with conflict.in_use while opportunities are in the stage, and with conflict.state when it
    // is the pipeline's last stage of its kind. Past stage history rows keep the id (their stage name
    // then reads empty).
    Result<Pipeline> removeStage(const Actor &actor, qint64 stageId, std::optional<int> expectedVersion = std::nullopt);

    // For other services, without a permission check: one pipeline with its stages, one stage, the
    // default pipeline.
    static Result<Pipeline> load(Database &db, qint64 pipelineId);
    static Result<Stage> loadStage(Database &db, qint64 stageId);
    static Result<Pipeline> loadDefault(Database &db);

private:
    Status requireAdmin(const Actor &actor) const;
    Status validateStage(Stage &s, const QSet<QString> &fields) const;
    // Locks the pipeline row by bumping its version; conflict.version when it is not `expected`.
    Status bumpVersion(qint64 pipelineId, int loadedVersion, std::optional<int> expected);
    Status writePositions(qint64 pipelineId, const QVector<qint64> &orderedStageIds);
    Status recordStages(const Actor &actor, const Pipeline &before, qint64 pipelineId);

    Database &m_db;
};

} // namespace crm
