#pragma once

// When each signed-in session last proved its user again (password or
// TOTP code, POST /api/v1/auth/reauthenticate): dangerous actions — opening
// a terminal — need it within kFreshMs (issue 38 item 3). Kept in memory
// per session (the refresh-token family, or the API key): a restart asks
// again, which is the safe side.

#include "server/api/Roles.h"

#include <QHash>
#include <QString>

namespace hm::server::remote {

class RecentAuthentication
{
public:
    static constexpr qint64 kFreshMs = 5 * 60 * 1000;

    void record(const auth::Principal &caller, qint64 nowMs)
    {
        prune(nowMs);
        m_at.insert(keyOf(caller), nowMs);
    }
    bool isFresh(const auth::Principal &caller, qint64 nowMs) const
    {
        const auto it = m_at.constFind(keyOf(caller));
        return it != m_at.constEnd() && nowMs - it.value() <= kFreshMs;
    }

private:
    static QString keyOf(const auth::Principal &caller)
    {
        return caller.userId + u'|'
               + (caller.apiKeyId.isEmpty() ? caller.sessionId
                                            : QStringLiteral("key:") + caller.apiKeyId);
    }
    void prune(qint64 nowMs)
    {
        for (auto it = m_at.begin(); it != m_at.end();)
            it = nowMs - it.value() > kFreshMs ? m_at.erase(it) : std::next(it);
    }

    QHash<QString, qint64> m_at;
};

} // namespace hm::server::remote
