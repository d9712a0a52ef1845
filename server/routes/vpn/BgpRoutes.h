#pragma once

namespace hm::server {

class ApiRouter;
namespace auth {
struct AuthModule;
}
namespace vpn {
class BgpService;
}

// /api/v1/bgp/sessions* and /api/v1/bgp/routes (BgpRoutes.cpp, docs/api.md
// "BGP"): anyone signed in reads; administrators create, change, start,
// stop and delete. Every answer comes from BgpService's worker (deferred).
void registerBgpRoutes(ApiRouter &router, auth::AuthModule &auth, vpn::BgpService &bgp);

} // namespace hm::server
