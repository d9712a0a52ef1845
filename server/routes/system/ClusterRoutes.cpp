// GET /api/v1/cluster/status (seed 001): parse, authorise, ask
// ClusterStatus, render (docs/api.md "Cluster status").

#include "server/api/ApiRouter.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/AdminRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/system/ClusterStatus.h"

#include <QElapsedTimer>

namespace hm::server {

using namespace schema;

void registerClusterRoutes(ApiRouter &router, auth::AuthModule &auth, std::function<QUrl()> ownUrl,
                           const QElapsedTimer &uptime)
{
    const QJsonObject number{{QStringLiteral("type"), QStringLiteral("number")}};
    const QJsonObject node = object(
        {{QStringLiteral("id"), string(QStringLiteral("this server's host name"))},
         {QStringLiteral("host"), string()},
         {QStringLiteral("port"), integer()},
         {QStringLiteral("status"), enumOf({QStringLiteral("healthy")})},
         {QStringLiteral("last_heartbeat"), string()},
         {QStringLiteral("load_factor"), nullable(number)},
         {QStringLiteral("capabilities"), arrayOf(string())},
         {QStringLiteral("metadata"), object({{QStringLiteral("version"), string()},
                                              {QStringLiteral("api_version"), string()},
                                              {QStringLiteral("qt_version"), string()},
                                              {QStringLiteral("uptime_seconds"), integer()}})}});
    auth::addProtectedRoute(
        router, auth, http::Method::Get, QStringLiteral("/api/v1/cluster/status"),
        auth::Role::Viewer,
        [ownUrl = std::move(ownUrl), &uptime](const RequestContext &, const auth::Principal &) {
            return ApiReply::ok(clusterStatus(ownUrl(), uptime.elapsed()));
        },
        routeDoc(QStringLiteral("system"),
                 QStringLiteral("This server as seed 001's cluster: the only node, the leader"))
            .response(
                object({{QStringLiteral("current_node_id"), string()},
                        {QStringLiteral("is_leader"), boolean()},
                        {QStringLiteral("total_nodes"), integer()},
                        {QStringLiteral("healthy_nodes"), integer()},
                        {QStringLiteral("nodes"), arrayOf(node)},
                        {QStringLiteral("services"), object({})},
                        {QStringLiteral("load_balancer"),
                         object({{QStringLiteral("strategy"), enumOf({QStringLiteral("single")})},
                                 {QStringLiteral("node_weights"), object({})}})}})));
}

} // namespace hm::server
