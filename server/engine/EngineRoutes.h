#pragma once

#include "server/auth/Roles.h"

namespace hm::store {
class Database;
}

namespace hm::server {

class ApiRouter;
class FlowEngineHost;
namespace auth {
struct AuthModule;
}

// /api/v1/flows* (FlowRoutes.cpp): flows and versions in the database.
void registerFlowRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                        FlowEngineHost &host);
// /api/v1/flows/{id}/trigger, /api/v1/executions*, /api/v1/components
// (ExecutionRoutes.cpp): the engine and the execution history.
void registerExecutionRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                             FlowEngineHost &host);
// GET /api/v1/blobs/{executionId}/{blobId} (BlobRoutes.cpp), for
// components, by the execution's X-Execution-Token. No PUT yet: the engine
// gives read-only access to its BlobStore.
void registerBlobRoutes(ApiRouter &router, FlowEngineHost &host);

// Owner or ADMIN may change a flow; everyone authenticated may read it.
// Sharing (seed 003) will widen this.
bool mayModifyFlow(const auth::Principal &principal, const QString &ownerId);

} // namespace hm::server
