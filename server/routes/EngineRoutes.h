#pragma once

#include "server/api/Roles.h"

namespace hm::store {
class Database;
}

namespace hm::server {

class ApiRouter;
class FlowEngineHost;
class FlowEvents;
class ComponentService;
namespace auth {
struct AuthModule;
}

// /api/v1/flows* (FlowRoutes.cpp): flows and versions in the database, with
// optimistic concurrency (base_revision / base_version / If-Match, ETag);
// each change is published on `events` after its commit.
void registerFlowRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                        FlowEngineHost &host, FlowEvents &events);
// /api/v1/flows/shared-with-me and /api/v1/flows/{id}/shares*
// (ShareRoutes.cpp). The literal "shared-with-me" wins over
// /api/v1/flows/{id} whichever is registered first (ApiRouter). Share
// changes go out on `events` (flow_shares_changed).
void registerShareRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                         FlowEvents &events);
// /api/v1/flows/{id}/trigger, /api/v1/executions*
// (ExecutionRoutes.cpp): the engine and the execution history.
void registerExecutionRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                             FlowEngineHost &host);
// GET /api/v1/executions/{id}/nodes/{nodeId} and /metrics
// (ExecutionDetailRoutes.cpp): one node's data and logs, execution metrics.
void registerExecutionDetailRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                                   FlowEngineHost &host);
// GET and PUT /api/v1/blobs/{executionId}/{blobId} (BlobRoutes.cpp), for
// components, by the execution's X-Execution-Token.
void registerBlobRoutes(ApiRouter &router, FlowEngineHost &host);
// /api/v1/flows/{id}/webhook (manage) and POST /api/v1/hooks/{flowId}/{token}
// (WebhookRoutes.cpp).
void registerWebhookRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                           FlowEngineHost &host);
// /api/v1/components* (ComponentRoutes.cpp): built-ins and registered HTTP
// components (ComponentService).
void registerComponentRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                             ComponentService &service);

} // namespace hm::server
