#pragma once

namespace hm::server {

class ApiRouter;
namespace auth {
struct AuthModule;
}
namespace external {
class ServiceCatalog;
class ServiceDirectory;
} // namespace external

// External services (seed 003 §7.4, §15, docs/services.md):
// /api/v1/services, /api/v1/services/preview, /api/v1/services/{id},
// /api/v1/services/{id}/endpoints[/{endpointId}],
// /api/v1/services/{id}/refresh-schema and /api/v1/services/{id}/test.
void registerServiceRoutes(ApiRouter &router, auth::AuthModule &auth,
                           external::ServiceCatalog &catalog,
                           external::ServiceDirectory &directory);

} // namespace hm::server
