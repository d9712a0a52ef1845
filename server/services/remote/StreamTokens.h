#pragma once

// Single-use, short-lived tokens that let an agent open a file data
// connection (FileDownloads.h) for one stream of its node. The token goes
// to the agent inside stream_open over its signed /ws/agent connection and
// comes back in a header (X-HiveMind-Stream-Token, never the URL) of the
// data connection's upgrade request, with the node's id
// (X-HiveMind-Node). A token is good once, for its node, until it
// expires; every presentation spends it, a wrong one included, so a
// token cannot be tried twice. Only its SHA-256 is kept. Server thread.

#include "common/Result.h"

#include <QHash>
#include <QString>
#include <functional>

namespace hm::server::remote {

class StreamTokens
{
public:
    static constexpr qint64 kLifetimeMs = 30'000;
    // Milliseconds on a monotonic clock (tests pass their own).
    using Clock = std::function<qint64()>;

    explicit StreamTokens(qint64 lifetimeMs = kLifetimeMs, Clock clock = {});

    // A fresh token (43 characters of base64url) for stream `streamId` of
    // `nodeId`.
    QString issue(const QString &nodeId, quint64 streamId);
    // The stream a presented token was issued for, spending it.
    // TOKEN_INVALID (details.code UNKNOWN_TOKEN, TOKEN_USED or WRONG_NODE)
    // or TOKEN_EXPIRED.
    Result<quint64> redeem(const QString &nodeId, const QString &token);
    // The stream ended: its token, if unused, is good no more.
    void revoke(quint64 streamId);
    // Tokens still remembered (unspent, or spent and not yet expired).
    int size() const { return int(m_tokens.size()); }

private:
    struct Entry
    {
        QString nodeId;
        quint64 streamId = 0;
        qint64 expiresAt = 0;
        bool spent = false;
    };
    void purge(qint64 now);

    qint64 m_lifetimeMs;
    Clock m_clock;
    QHash<QString, Entry> m_tokens; // by the token's SHA-256 (hex)
};

} // namespace hm::server::remote
