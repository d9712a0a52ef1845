#pragma once

// Every write to a flow and its versions (seed 003 §4): create, rename or
// describe anew, delete, add a draft version, publish. The routes
// (FlowRoutes.cpp) parse the request and render the answer; the rules are
// here:
//   - the caller's permission on the flow (Edit; Owner to delete), checked
//     first, so somebody without it learns nothing from the rest;
//   - a name is not empty, at most kMaxNameLength characters, and no other
//     live flow has it (RESOURCE_ALREADY_EXISTS naming the field); an
//     unchanged name stays even if it is older than the length limit;
//   - an update checks its base and takes the revision in the transaction
//     of the change: any refusal leaves the stored flow as it was;
//   - a draft with problems stays a draft (publish refuses it);
//   - after each successful write the flow caches start over
//     (invalidateFlowCaches(), FlowAccess.h), before anybody is told, and
//     the change is audited and published (FlowEvents.h) once; a write that
//     changes nothing (same name and description, the published version
//     published again) is neither.

#include "common/Result.h"
#include "engine_store/FlowRepository.h"
#include "server/api/Roles.h"
#include "server/services/auth/TokenService.h"
#include "server/services/engine/FlowDrafts.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::flow {
class ComponentCatalog;
}

namespace hm::server {

class FlowEvents;

// The fields of an update the caller sent (unset: keep).
struct FlowDetails
{
    std::optional<QString> name;
    std::optional<QString> description;
};

// A write that leaves a version: the version and the flow's revision after
// the write.
struct FlowVersionWrite
{
    engine::persistence::FlowVersionRecord version;
    qint64 revision = 0;
};

class FlowService
{
public:
    // `catalog`: the components drafts are compiled against (publish).
    FlowService(store::Database &db, const flow::ComponentCatalog &catalog, FlowEvents &events)
        : m_db(db), m_catalog(catalog), m_events(events)
    {
    }

    // VALIDATION_ERROR naming the field unless the name is one a flow may
    // be given (not blank, at most kMaxNameLength characters).
    static Status checkName(const QString &name);

    // A new flow owned by the caller, its draft as version 1 (stored with
    // its problems).
    Result<engine::persistence::FlowRecord> create(const auth::Principal &caller,
                                                   const auth::ClientInfo &client,
                                                   const QString &name, const QString &description,
                                                   const flowdrafts::Draft &draft);
    // Name and description (Edit); the flow as it is afterwards.
    Result<engine::persistence::FlowRecord> update(const auth::Principal &caller,
                                                   const auth::ClientInfo &client,
                                                   const QString &flowId,
                                                   const FlowDetails &details,
                                                   const engine::persistence::FlowEditBase &base);
    // Soft delete (Owner); the flow as it was.
    Result<engine::persistence::FlowRecord> remove(const auth::Principal &caller,
                                                   const auth::ClientInfo &client,
                                                   const QString &flowId,
                                                   const engine::persistence::FlowEditBase &base);
    // A new draft version (Edit).
    Result<FlowVersionWrite> addVersion(const auth::Principal &caller,
                                        const auth::ClientInfo &client, const QString &flowId,
                                        const flowdrafts::Draft &draft,
                                        const engine::persistence::FlowEditBase &base);
    // Publishes `version` (Edit); the previously published one becomes
    // deprecated. INVALID_FLOW_DEFINITION for a draft with problems.
    Result<FlowVersionWrite> publish(const auth::Principal &caller, const auth::ClientInfo &client,
                                     const QString &flowId, const QString &version,
                                     const engine::persistence::FlowEditBase &base);

private:
    void audit(const auth::Principal &caller, const auth::ClientInfo &client, const QString &action,
               const QString &flowId, const QJsonObject &details);

    store::Database &m_db;
    const flow::ComponentCatalog &m_catalog;
    FlowEvents &m_events;
};

} // namespace hm::server
