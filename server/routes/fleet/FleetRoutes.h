#pragma once

#include <memory>

namespace hm::server {

class ApiRouter;
namespace auth {
struct AuthModule;
class RateLimiter;
} // namespace auth
namespace fleet {
class AlertChannels;
class AlertService;
class FleetService;
class Monitoring;
class ProbeService;
class PublicStatus;
} // namespace fleet
namespace vpn {
class BgpService;
class WireGuardService;
} // namespace vpn

// /api/v1/nodes* (NodeRoutes.cpp, docs/api.md "Nodes"): the fleet's
// machines, their enrolment and their reports; POST /api/v1/nodes/register
// (and seed 002's /api/servers/register) for agents with X-Secret-Key.
void registerNodeRoutes(ApiRouter &router, auth::AuthModule &auth, fleet::FleetService &fleet);
// GET /api/v1/nodes/metrics/prometheus (NodeExpositionRoutes.cpp, docs/
// observability.md "Federation"); registerNodeRoutes adds it.
void registerNodeExpositionRoute(ApiRouter &router, auth::AuthModule &auth,
                                 fleet::FleetService &fleet);
// /api/v1/alerts/* (AlertRoutes.cpp, docs/api.md "Alerts"): rules and
// records.
void registerAlertRoutes(ApiRouter &router, auth::AuthModule &auth, fleet::AlertService &alerts);
// /api/v1/alerts/channels* (AlertChannelRoutes.cpp): where alerts are sent,
// a test message, the deliveries. Administrators only.
void registerAlertChannelRoutes(ApiRouter &router, auth::AuthModule &auth,
                                fleet::AlertChannels &channels);
// Seed 001's /api/v1/monitoring/{dashboard,metrics/system,alerts/rules}
// (MonitoringRoutes.cpp, docs/api.md "Monitoring (seed 001)").
void registerMonitoringRoutes(ApiRouter &router, auth::AuthModule &auth,
                              fleet::Monitoring &monitoring, vpn::WireGuardService &wireguard,
                              vpn::BgpService &bgp);
// /api/v1/probes* (ProbeRoutes.cpp, docs/api.md "Probes"): what the agents
// check. Anyone signed in reads; administrators change.
void registerProbeRoutes(ApiRouter &router, auth::AuthModule &auth, fleet::ProbeService &probes);

// /api/v1/public-status (settings) and the unauthenticated public page:
// /api/settings/public, /public/api/v1/status* (PublicStatusRoutes.cpp,
// docs/api.md "Public status").
// `limiter` counts public requests per client address; the public live
// feed (ws/PublicNodeFeed) shares it.
void registerPublicStatusRoutes(ApiRouter &router, auth::AuthModule &auth,
                                fleet::FleetService &fleet, fleet::PublicStatus &status,
                                std::shared_ptr<auth::RateLimiter> limiter);

} // namespace hm::server
