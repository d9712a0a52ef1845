#include "server/services/remote/StreamTokens.h"

#include "crypto/Random.h"

#include <QElapsedTimer>

namespace hm::server::remote {

namespace {

qint64 streamTokenClock()
{
    static const QElapsedTimer started = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return started.elapsed();
}

Error streamTokenRefused(ErrorCode code, const char *reason, const QString &message)
{
    return Error{code, message, QJsonObject{{QStringLiteral("code"), QLatin1String(reason)}}};
}

} // namespace

StreamTokens::StreamTokens(qint64 lifetimeMs, Clock clock)
    : m_lifetimeMs(lifetimeMs), m_clock(clock ? std::move(clock) : Clock(streamTokenClock))
{}

QString StreamTokens::issue(const QString &nodeId, quint64 streamId)
{
    const qint64 now = m_clock();
    purge(now);
    const QString token = crypto::randomToken(32);
    m_tokens.insert(crypto::sha256Hex(token.toLatin1()),
                    Entry{nodeId, streamId, now + m_lifetimeMs, false});
    return token;
}

Result<quint64> StreamTokens::redeem(const QString &nodeId, const QString &token)
{
    const qint64 now = m_clock();
    const auto it = m_tokens.find(crypto::sha256Hex(token.toLatin1()));
    if (it == m_tokens.end()) {
        purge(now);
        return streamTokenRefused(ErrorCode::TokenInvalid, "UNKNOWN_TOKEN",
                                  QStringLiteral("the stream token is not one this server issued "
                                                 "(or it expired long ago)"));
    }
    if (it->spent)
        return streamTokenRefused(ErrorCode::TokenInvalid, "TOKEN_USED",
                                  QStringLiteral("the stream token was used already"));
    it->spent = true; // whatever follows: one presentation per token
    if (now >= it->expiresAt)
        return streamTokenRefused(ErrorCode::TokenExpired, "TOKEN_EXPIRED",
                                  QStringLiteral("the stream token expired"));
    if (it->nodeId != nodeId)
        return streamTokenRefused(ErrorCode::TokenInvalid, "WRONG_NODE",
                                  QStringLiteral("the stream token was issued to another node"));
    return it->streamId;
}

void StreamTokens::revoke(quint64 streamId)
{
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
        if (it->streamId == streamId)
            it->spent = true;
    }
}

void StreamTokens::purge(qint64 now)
{
    // Spent or not, an expired token is forgotten a lifetime later: until
    // then a second presentation still hears TOKEN_USED or TOKEN_EXPIRED.
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (now >= it->expiresAt + m_lifetimeMs)
            it = m_tokens.erase(it);
        else
            ++it;
    }
}

} // namespace hm::server::remote
