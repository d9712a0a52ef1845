#pragma once

#include "common/Result.h"
#include "flow/CompiledFlow.h"
#include "flow/ComponentCatalog.h"
#include "flow/FlowDefinition.h"
#include "flow/FlowSettings.h"
#include "flow/FlowVersionStatus.h"

#include <QList>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::engine::persistence {

struct FlowRecord
{
    QString id;
    QString name;
    QString description;
    QString ownerId;
    QString historyLevel; // all|summary|none, from the first version's settings
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

struct FlowVersionRecord
{
    QString id;
    QString flowId;
    QString version; // "1", "2", ...
    flow::FlowVersionStatus status = flow::FlowVersionStatus::Draft;
    flow::FlowDefinition definition;
    flow::FlowSettings settings;
    QString createdBy;
    qint64 createdAtMs = 0;
    qint64 publishedAtMs = 0; // 0 = never published
};

struct NewFlow
{
    QString name;
    QString description;
    QString ownerId;
    flow::FlowDefinition definition;
    flow::FlowSettings settings;
};

// Flows and their versions in the database, synchronously on the caller's
// connection (API handlers, start-up), not through the write-behind queue:
// these are rare writes whose caller wants the outcome.
//
// Rules: a new flow gets version "1" as a draft; later versions number on
// ("2", "3", ...). Publishing a version deprecates the previously published
// one, so at most one is published (a partial unique index enforces it) and
// the executions pinned to the old one keep running. Deleting is soft:
// deleted_at is set, the rows stay for the execution history, and the flow
// is then "not found" for every call here.
class FlowRepository
{
public:
    explicit FlowRepository(store::Database &db);

    // Fails with RESOURCE_ALREADY_EXISTS when a live flow has the name.
    Result<FlowRecord> createFlow(const NewFlow &flow);
    Result<FlowRecord> flow(const QString &flowId);
    // Adds the next version as a draft.
    Result<FlowVersionRecord> addVersion(const QString &flowId,
                                         const flow::FlowDefinition &definition,
                                         const flow::FlowSettings &settings,
                                         const QString &createdBy);
    // Oldest first.
    Result<QList<FlowVersionRecord>> versions(const QString &flowId);
    Result<FlowVersionRecord> version(const QString &flowId, const QString &version);
    // The published version, FLOW_VERSION_NOT_FOUND when none is.
    Result<FlowVersionRecord> publishedVersion(const QString &flowId);
    // Publishing the published version again is a no-op.
    Status publish(const QString &flowId, const QString &version);
    Status softDelete(const QString &flowId);

    // Reads (flowId, version) and compiles it against `catalog`, so the
    // engine's flow loader can be
    //   [&](const QString &id, const QString &v) { return repo.loadCompiled(id, v, catalog); }
    // Any status loads: an execution pinned to a deprecated version must
    // still run; whether a version may be triggered is the caller's rule.
    Result<flow::CompiledFlowPtr> loadCompiled(const QString &flowId, const QString &version,
                                               const flow::ComponentCatalog &catalog);

private:
    Result<FlowVersionRecord> readVersion(const QString &flowId, const QString &whereSql,
                                          const QString &param);
    Status insertVersion(const QString &flowId, const QString &version,
                         const flow::FlowDefinition &definition, const flow::FlowSettings &settings,
                         const QString &createdBy, qint64 nowMs);

    store::Database &m_db;
};

} // namespace hm::engine::persistence
