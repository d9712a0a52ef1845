#pragma once

#include "client/ApiTypes.h"

#include <QDeadlineTimer>
#include <QString>

namespace hm::client {

// The client's credential: nothing, a login session (access + refresh
// token, with the access token's expiry as estimated from expires_in), or
// an API key. Memory only; persisting a session is the caller's choice
// (tokens()). Nothing here is ever logged.
class TokenStore
{
public:
    enum class Mode
    {
        None,
        Session,
        ApiKey
    };

    Mode mode() const { return m_mode; }
    bool hasSession() const { return m_mode == Mode::Session; }

    // A new login (or restored tokens): a new generation, so answers to
    // refreshes of the previous credential are recognised as stale.
    void startSession(const TokenPair &tokens);
    // A refresh of the current session: same generation.
    void updateSession(const TokenPair &tokens);
    void useApiKey(const QString &key);
    void clear();

    QString accessToken() const { return m_tokens.accessToken; }
    QString refreshToken() const { return m_tokens.refreshToken; }
    QString apiKey() const { return m_apiKey; }
    TokenPair tokens() const { return m_tokens; }
    // Changes with every new credential (login, API key, clear), not with
    // a refresh.
    quint64 generation() const { return m_generation; }

    // True once the access token is past the expiry the client computed
    // from expires_in at receipt. The server's expiry (whole seconds from
    // its issue time) is never later, so a stale token here is surely
    // expired there; the reverse does not hold.
    bool accessTokenStale() const;
    // Milliseconds from now until the proactive refresh is due: the later of
    // 60 s before the expiry and half the token's lifetime (so a 2-second
    // token is refreshed after 1 s); -1 when the expiry is unknown.
    qint64 msUntilProactiveRefresh() const;

private:
    void setTokens(const TokenPair &tokens);

    Mode m_mode = Mode::None;
    TokenPair m_tokens;
    QString m_apiKey;
    QDeadlineTimer m_expiry{QDeadlineTimer::Forever};
    QDeadlineTimer m_refreshDue{QDeadlineTimer::Forever};
    quint64 m_generation = 0;
};

} // namespace hm::client
