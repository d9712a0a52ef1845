#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <deque>

namespace hm::server::auth {

// Sliding-window log per key, in memory (one process, one thread): exact,
// so "5 per minute" never lets a sixth through at a window edge. Memory is
// bounded by limit entries per key; idle keys are dropped as the map grows.
class RateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        qint64 resetEpochSeconds = 0;
        int retryAfterSeconds = 0;
    };

    // Records a hit when allowed.
    Decision hit(const QString &key, int limit, qint64 windowMs, qint64 nowMs);

private:
    void purge(qint64 windowMs, qint64 nowMs);

    QHash<QString, std::deque<qint64>> m_hits;
};

// Token bucket per key, for API keys with a burst_limit: up to `capacity`
// requests at once, refilled continuously at ratePerMinute. The sliding
// window above has no notion of a burst larger than its limit.
class TokenBucketLimiter
{
public:
    RateLimiter::Decision hit(const QString &key, int ratePerMinute, int capacity, qint64 nowMs);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    QHash<QString, Bucket> m_buckets;
};

// X-RateLimit-Limit/Remaining/Reset, plus Retry-After when refused.
QList<QPair<QByteArray, QByteArray>> rateLimitHeaders(const RateLimiter::Decision &decision);
Error rateLimitError(const RateLimiter::Decision &decision);

} // namespace hm::server::auth
