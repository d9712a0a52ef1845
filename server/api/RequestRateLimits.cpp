#include "server/api/RequestRateLimits.h"

#include <QDateTime>

namespace hm::server {

auth::RateLimiter::Decision RequestRateLimits::hitAnonymous(const QString &clientIp)
{
    return hit(QStringLiteral("ip:") + clientIp, m_limits.anonymousPerMinute);
}

auth::RateLimiter::Decision RequestRateLimits::hitPrincipal(const QString &principalKey)
{
    return hit(QStringLiteral("principal:") + principalKey, m_limits.authenticatedPerMinute);
}

auth::RateLimiter::Decision RequestRateLimits::hit(const QString &key, int limit)
{
    if (!m_limits.enabled)
        return {};
    return m_limiter.hit(key, limit, 60 * 1000, QDateTime::currentMSecsSinceEpoch());
}

} // namespace hm::server
