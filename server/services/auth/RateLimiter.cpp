#include "server/services/auth/RateLimiter.h"

#include "server/api/AuthCommon.h"

#include <cmath>

namespace hm::server::auth {

RateLimiter::Decision RateLimiter::hit(const QString &key, int limit, qint64 windowMs, qint64 nowMs)
{
    if (m_hits.size() > 10000)
        purge(windowMs, nowMs);
    std::deque<qint64> &hits = m_hits[key];
    while (!hits.empty() && hits.front() <= nowMs - windowMs)
        hits.pop_front();

    Decision decision;
    decision.limit = limit;
    if (static_cast<int>(hits.size()) >= limit) {
        const qint64 freeAt = hits.front() + windowMs;
        decision.allowed = false;
        decision.remaining = 0;
        decision.resetEpochSeconds = (freeAt + 999) / 1000;
        decision.retryAfterSeconds =
            static_cast<int>(qMax<qint64>(1, (freeAt - nowMs + 999) / 1000));
        return decision;
    }
    hits.push_back(nowMs);
    decision.remaining = limit - static_cast<int>(hits.size());
    decision.resetEpochSeconds = (hits.front() + windowMs + 999) / 1000;
    return decision;
}

void RateLimiter::purge(qint64 windowMs, qint64 nowMs)
{
    for (auto it = m_hits.begin(); it != m_hits.end();) {
        if (it->empty() || it->back() <= nowMs - windowMs)
            it = m_hits.erase(it);
        else
            ++it;
    }
}

RateLimiter::Decision TokenBucketLimiter::hit(const QString &key, int ratePerMinute, int capacity,
                                              qint64 nowMs)
{
    const double perMs = double(ratePerMinute) / 60000.0;
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(capacity), nowMs});
    Bucket &bucket = *it;
    bucket.tokens =
        std::min(double(capacity), bucket.tokens + double(nowMs - bucket.updatedMs) * perMs);
    bucket.updatedMs = nowMs;

    RateLimiter::Decision decision;
    decision.limit = capacity;
    if (bucket.tokens < 1.0) {
        const qint64 waitMs = qint64(std::ceil((1.0 - bucket.tokens) / perMs));
        decision.allowed = false;
        decision.resetEpochSeconds = (nowMs + waitMs + 999) / 1000;
        decision.retryAfterSeconds = int(std::max<qint64>(1, (waitMs + 999) / 1000));
        return decision;
    }
    bucket.tokens -= 1.0;
    decision.remaining = int(bucket.tokens);
    const qint64 fullInMs = qint64(std::ceil((double(capacity) - bucket.tokens) / perMs));
    decision.resetEpochSeconds = (nowMs + fullInMs + 999) / 1000;
    return decision;
}

QList<QPair<QByteArray, QByteArray>> rateLimitHeaders(const RateLimiter::Decision &decision)
{
    QList<QPair<QByteArray, QByteArray>> headers{
        {QByteArrayLiteral("X-RateLimit-Limit"), QByteArray::number(decision.limit)},
        {QByteArrayLiteral("X-RateLimit-Remaining"), QByteArray::number(decision.remaining)},
        {QByteArrayLiteral("X-RateLimit-Reset"), QByteArray::number(decision.resetEpochSeconds)}};
    if (!decision.allowed)
        headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(decision.retryAfterSeconds)});
    return headers;
}

Error rateLimitError(const RateLimiter::Decision &decision)
{
    return Error{ErrorCode::RateLimitExceeded,
                 QStringLiteral("too many requests, retry in %1 s").arg(decision.retryAfterSeconds),
                 {{QStringLiteral("limit"), decision.limit},
                  {QStringLiteral("remaining"), 0},
                  {QStringLiteral("reset_time"), isoOrNull(decision.resetEpochSeconds * 1000)},
                  {QStringLiteral("retry_after"), decision.retryAfterSeconds}}};
}

} // namespace hm::server::auth
