#pragma once

#include "common/Result.h"
#include "flow/CompiledFlow.h"
#include "flow/ComponentCatalog.h"
#include "flow/FlowDefinition.h"
#include "flow/FlowSettings.h"
#include "flow/FlowVersionStatus.h"

#include <QList>
#include <QString>
#include <optional>

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
    // Counts the flow's changes (see FlowEditBase): 1 when created.
    qint64 revision = 1;
};

// Optimistic concurrency: what a write to a flow is based on, as the caller
// read it. A member that is set must still hold when the write happens,
// else the write is refused with CONFLICT and nothing is stored; an unset
// member is not checked (a write without a base applies to whatever is
// current).
//   revision       FlowRecord::revision: any change since (a new version,
//                  a publish, a rename, a delete) makes it stale;
//   latestVersion  the number of the flow's latest version: only a newer
//                  version makes it stale (what an editor saving a draft
//                  cares about).
struct FlowEditBase
{
    std::optional<qint64> revision;
    std::optional<qint64> latestVersion;

    bool isEmpty() const { return !revision && !latestVersion; }
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
//
// Every change of a flow (new version, publish, rename, delete) raises its
// revision by one in the change's own transaction, through claimRevision(),
// whose single UPDATE both checks the caller's FlowEditBase and bumps the
// revision: two writers based on the same revision cannot both pass it,
// whatever connection or thread they use.
class FlowRepository
{
public:
    explicit FlowRepository(store::Database &db);

    // Fails with RESOURCE_ALREADY_EXISTS when a live flow has the name.
    Result<FlowRecord> createFlow(const NewFlow &flow);
    Result<FlowRecord> flow(const QString &flowId);
    // Inside the caller's transaction (Database::begin()): if the live flow
    // still matches `base`, raises its revision (and updated_at) and
    // returns the new revision. Otherwise FLOW_NOT_FOUND, or CONFLICT with
    // details {current_revision, current_version, reason: "stale" or
    // "unknown_base", base_revision / base_version as given}; the caller
    // then rolls back.
    Result<qint64> claimRevision(const QString &flowId, const FlowEditBase &base);
    // Adds the next version as a draft.
    Result<FlowVersionRecord> addVersion(const QString &flowId,
                                         const flow::FlowDefinition &definition,
                                         const flow::FlowSettings &settings,
                                         const QString &createdBy, const FlowEditBase &base = {});
    // Oldest first.
    Result<QList<FlowVersionRecord>> versions(const QString &flowId);
    Result<FlowVersionRecord> version(const QString &flowId, const QString &version);
    // The published version, FLOW_VERSION_NOT_FOUND when none is.
    Result<FlowVersionRecord> publishedVersion(const QString &flowId);
    // Publishing the published version again is a no-op (the base is still
    // checked; the revision stays).
    Status publish(const QString &flowId, const QString &version, const FlowEditBase &base = {});
    Status softDelete(const QString &flowId, const FlowEditBase &base = {});

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
