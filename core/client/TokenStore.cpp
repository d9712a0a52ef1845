#include "client/TokenStore.h"

#include <algorithm>

namespace hm::client {
namespace {

constexpr qint64 kRefreshMarginMs = 60 * 1000;

} // namespace

void TokenStore::setTokens(const TokenPair &tokens)
{
    m_mode = Mode::Session;
    m_tokens = tokens;
    m_apiKey.clear();
    if (tokens.expiresIn > 0) {
        const qint64 lifetimeMs = tokens.expiresIn * 1000;
        m_expiry = QDeadlineTimer(lifetimeMs);
        m_refreshDue = QDeadlineTimer(std::max(lifetimeMs - kRefreshMarginMs, lifetimeMs / 2));
    } else {
        // Restored tokens of unknown age: the first 401 refreshes them.
        m_expiry = QDeadlineTimer(QDeadlineTimer::Forever);
        m_refreshDue = QDeadlineTimer(QDeadlineTimer::Forever);
    }
}

void TokenStore::startSession(const TokenPair &tokens)
{
    ++m_generation;
    setTokens(tokens);
}

void TokenStore::updateSession(const TokenPair &tokens)
{
    setTokens(tokens);
}

void TokenStore::useApiKey(const QString &key)
{
    clear();
    m_mode = Mode::ApiKey;
    m_apiKey = key;
}

void TokenStore::clear()
{
    ++m_generation;
    m_mode = Mode::None;
    m_tokens = {};
    m_apiKey.clear();
    m_expiry = QDeadlineTimer(QDeadlineTimer::Forever);
    m_refreshDue = QDeadlineTimer(QDeadlineTimer::Forever);
}

bool TokenStore::accessTokenStale() const
{
    return m_mode == Mode::Session && m_expiry.hasExpired();
}

qint64 TokenStore::msUntilProactiveRefresh() const
{
    if (m_mode != Mode::Session || m_refreshDue.isForever())
        return -1;
    return m_refreshDue.remainingTime();
}

} // namespace hm::client
