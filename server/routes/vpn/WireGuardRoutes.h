#pragma once

namespace hm::server {

class ApiRouter;
namespace auth {
struct AuthModule;
}
namespace vpn {
class WireGuardService;
}

// /api/v1/wireguard/servers* and /api/v1/wireguard/clients*
// (WireGuardRoutes.cpp, docs/api.md "WireGuard"): anyone signed in reads;
// administrators change, start and stop; users and administrators download
// a client's config.
void registerWireGuardRoutes(ApiRouter &router, auth::AuthModule &auth,
                             vpn::WireGuardService &wireguard);

} // namespace hm::server
