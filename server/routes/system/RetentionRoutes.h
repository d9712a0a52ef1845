#pragma once

namespace hm::store {
class Database;
}

namespace hm::server {

class ApiRouter;
class HistoryRetention;
class StorageGuard;
namespace auth {
struct AuthModule;
}

// History retention and the store's size (docs/api.md "History retention"
// and "Storage"): GET /api/v1/system/storage, POST
// /api/v1/system/retention/run (ADMIN), GET and PUT
// /api/v1/flows/{id}/retention (view / edit the flow). The global limits
// are part of /api/v1/system/config (`retention`).
void registerRetentionRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                             HistoryRetention &retention, StorageGuard &storage);

} // namespace hm::server
