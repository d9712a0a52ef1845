// GET /api/v1/nodes/metrics/prometheus: parse (nothing to parse), authorise
// (VIEWER: anyone who may read the nodes), FleetService, render the text.

#include "server/api/ApiRouter.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/fleet/FleetRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/fleet/FleetService.h"

namespace hm::server {

void registerNodeExpositionRoute(ApiRouter &router, auth::AuthModule &auth,
                                 fleet::FleetService &fleet)
{
    RouteDoc doc = routeDoc(
        QStringLiteral("Nodes"),
        QStringLiteral("Every enrolled node's latest metrics in the Prometheus text format 0.0.4 "
                       "(hivemind_node_up, hivemind_node_cpu_usage_percent, …; labels node_id, "
                       "node and label_<key> per node label), for a Prometheus to scrape with "
                       "an API key as its bearer token"));
    static const QByteArray kContentType = "text/plain; version=0.0.4; charset=utf-8";
    doc.contentType = kContentType;
    // Prometheus scrapes on its own schedule, every few seconds per job:
    // the general per-principal limit still applies, as to any API key.
    auth::addProtectedRoute(
        router, auth, http::Method::Get, QStringLiteral("/api/v1/nodes/metrics/prometheus"),
        auth::Role::Viewer,
        [&fleet](const RequestContext &, const auth::Principal &) -> ApiReply {
            HM_TRY(text, fleet.prometheusExposition());
            return ApiReply::raw(text.value(), kContentType);
        },
        std::move(doc));
}

} // namespace hm::server
