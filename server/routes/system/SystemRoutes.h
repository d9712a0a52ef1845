#pragma once

#include <QElapsedTimer>

namespace hm::store {
class Database;
}

namespace hm::server {

class ApiRouter;

// GET /api/v1/health and GET /api/v1/version (no authentication: load
// balancers and the console's connection check use them).
void registerSystemRoutes(ApiRouter &router, store::Database &database,
                          const QElapsedTimer &uptime);

} // namespace hm::server
