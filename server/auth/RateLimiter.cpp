#include "server/auth/RateLimiter.h"

#include "server/auth/AuthCommon.h"

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
