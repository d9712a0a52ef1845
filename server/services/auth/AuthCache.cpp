#include "server/services/auth/AuthCache.h"

namespace hm::server::auth {

AuthCache::Stored AuthCache::stamp(Principal principal, quint64 generation, qint64 nowMs,
                                   qint64 untilMs)
{
    return Stored{std::move(principal), generation, std::min(untilMs, nowMs + kMaxStoreAgeMs)};
}

AuthCache::AccessToken *AuthCache::insertAccessToken(const QString &credential, AccessToken entry)
{
    // QCache owns it; with a cost of 1 it always fits.
    m_tokens.insert(credential, new AccessToken(std::move(entry)));
    return m_tokens.object(credential);
}

const AuthCache::ApiKey *AuthCache::apiKey(const QString &credential, qint64 nowMs)
{
    const ApiKey *entry = m_keys.object(credential);
    if (entry && !entry->stored.currentAt(nowMs)) {
        m_keys.remove(credential);
        return nullptr;
    }
    return entry;
}

void AuthCache::insertApiKey(const QString &credential, ApiKey entry)
{
    m_keys.insert(credential, new ApiKey(std::move(entry)));
}

} // namespace hm::server::auth
