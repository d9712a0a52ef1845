#pragma once

namespace hm::server {

class ApiRouter;
namespace auth {
struct AuthModule;
}
namespace vpn {
class Ipv6PoolService;
}

// /api/v1/ipv6/pools* and /api/v1/ipv6/allocations* (Ipv6PoolRoutes.cpp,
// docs/api.md "IPv6 prefix pools"): anyone signed in reads; administrators
// create, change, allocate, release and delete.
void registerIpv6PoolRoutes(ApiRouter &router, auth::AuthModule &auth, vpn::Ipv6PoolService &pools);

} // namespace hm::server
