#pragma once

#include <functional>

#include <QElapsedTimer>

namespace hm::store {
class Database;
}

namespace hm::server {

class ApiRouter;

// GET /api/v1/health and GET /api/v1/version (no authentication: load
// balancers and the console's connection check use them). `activeAgents`
// counts the agents connected now (seed 002's health `active_agents`).
void registerSystemRoutes(ApiRouter &router, store::Database &database,
                          const QElapsedTimer &uptime, std::function<int()> activeAgents);

} // namespace hm::server
