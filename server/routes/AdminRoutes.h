#pragma once

#include <QString>
#include <QUrl>
#include <functional>

class QElapsedTimer;

namespace hm::store {
class Database;
}

namespace hm::server {

class ApiRouter;
class TriggerAuditLog;
namespace auth {
struct AuthModule;
}

// Operations routes of the headless server, one file each:
// /api/v1/system/{info,config,routes} (SystemAdminRoutes.cpp) — also loads
// the stored system config and applies its rate limits and log level;
void registerSystemAdminRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &database,
                               const QString &dataDir, const QElapsedTimer &uptime);
// /api/v1/cluster/status (ClusterRoutes.cpp): this server as seed 001's
// one-node cluster; `ownUrl` is where it is reached (asked per request: the
// port is known only once listening);
void registerClusterRoutes(ApiRouter &router, auth::AuthModule &auth, std::function<QUrl()> ownUrl,
                           const QElapsedTimer &uptime);
// /api/v1/audit (AuditRoutes.cpp); `outbox` (may be null) moves the
// entries still in the audit outbox before each read;
void registerAuditRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &database,
                         TriggerAuditLog *outbox);
// /api/v1/logs and /api/v1/logs/export (LogRoutes.cpp);
void registerLogRoutes(ApiRouter &router, auth::AuthModule &auth);
// /metrics and /api/v1/openapi.json, both public (MetricsRoutes.cpp).
// Register last: the OpenAPI document reads the table when asked, so it
// covers every route registered before or after. `serverUrl` gives the
// document's servers[].url (--public-url, else the listen URL; asked per
// request, as the port is known only once listening).
void registerMetricsAndDocsRoutes(ApiRouter &router, std::function<QString()> serverUrl);

} // namespace hm::server
