#pragma once

#include "server/services/auth/RateLimiter.h"

namespace hm::server {

// The general request limits of seed 001: per authenticated principal (user
// or API key) and per client IP for anonymous requests, over a one-minute
// sliding window. The numbers come from the system config (api_rate_limit,
// anonymous_rate_limit, security.enable_rate_limiting) and are pushed here
// when it changes. Login and per-API-key limits are separate and stricter.
class RequestRateLimits
{
public:
    struct Limits
    {
        bool enabled = true;
        int authenticatedPerMinute = 1000;
        int anonymousPerMinute = 100;
    };

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    // Both record the hit when allowed. Disabled limits always allow and
    // report limit 0, which callers take as "send no headers".
    auth::RateLimiter::Decision hitAnonymous(const QString &clientIp);
    auth::RateLimiter::Decision hitPrincipal(const QString &principalKey);

private:
    auth::RateLimiter::Decision hit(const QString &key, int limit);

    Limits m_limits;
    auth::RateLimiter m_limiter;
};

} // namespace hm::server
