#pragma once

#include "client/ApiRequest.h"
#include "client/ApiTypes.h"
#include "client/TlsPolicy.h"
#include "client/TokenStore.h"
#include "common/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

namespace hm::client {

// Asynchronous client of /api/v1: the transport (base URL, JSON requests,
// envelope parsing, credentials) and the login session. The routes are
// grouped in AccountApi, UsersApi, FlowsApi, ExecutionsApi and SystemApi,
// which send through this class.
//
// Every call ends in exactly one callback, on the thread the client lives
// in and never inside the call itself, with the typed data or an Error (see
// ApiError.h for what it carries). A client destroyed with calls still open
// fails them with NETWORK_ERROR from its destructor.
//
// Sessions refresh themselves: a call answered 401 TOKEN_EXPIRED (or
// TOKEN_INVALID, e.g. a revoked session) triggers one refresh with the
// refresh token and is then sent again, once. There is only ever one
// refresh in flight; calls failing or starting meanwhile wait for it and are
// replayed in order. If the server refuses the refresh token the session is
// dropped, sessionExpired() is emitted and the waiting calls fail with the
// refresh's error; a refresh that failed on the network keeps the session.
// The client also refreshes shortly before the access token expires
// (TokenStore::msUntilProactiveRefresh). With an API key none of this
// happens: the key goes in X-API-Key.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // Per-request timeout (no bytes moving for this long = TIMEOUT); 0 = none.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    // Sent as User-Agent; the server shows it as a session's device.
    void setUserAgent(const QByteArray &agent) { m_userAgent = agent; }
    // On by default; tests of the reactive refresh turn it off.
    void setProactiveRefresh(bool enabled);
    // How an https:// server's certificate is trusted (a remote profile's
    // "verify TLS" and pinned fingerprint). A refused certificate fails
    // the call with NETWORK_ERROR and details.tls (TlsPolicy::judge).
    void setTlsPolicy(const TlsPolicy &policy);
    const TlsPolicy &tlsPolicy() const { return m_tls; }

    // --- credentials -------------------------------------------------------
    // POST /auth/login with `username`, or `email` when the login contains
    // '@'. A finished login becomes the client's session; one waiting for a
    // second factor leaves the credential as it was.
    void login(const QString &usernameOrEmail, const QString &password, bool rememberMe,
               Callback<LoginResult> done);
    void login(const QString &usernameOrEmail, const QString &password, Callback<LoginResult> done)
    {
        login(usernameOrEmail, password, false, std::move(done));
    }
    // POST /auth/verify-2fa with the pending token of a login and a code
    // of `method`: "totp" (the authenticator's) or "recovery" (one of the
    // account's single-use recovery codes).
    void verifyTwoFactor(const QString &pendingToken, const QString &code, const QString &method,
                         Callback<LoginResult> done);
    void verifyTwoFactor(const QString &pendingToken, const QString &code,
                         Callback<LoginResult> done)
    {
        verifyTwoFactor(pendingToken, code, QStringLiteral("totp"), std::move(done));
    }
    // Ends the session on the server (POST /auth/logout) and forgets it here,
    // whatever the server answered; with an API key, only forgets the key.
    void logout(Callback<void> done);
    // Uses saved tokens (of unknown age: the first 401 refreshes them).
    void restoreSession(const TokenPair &tokens);
    void useApiKey(const QString &apiKey);
    void clearCredentials();

    TokenStore::Mode credentialMode() const { return m_tokens.mode(); }
    bool hasSession() const { return m_tokens.hasSession(); }
    // The current tokens, to persist a session (secrets: keep them safe).
    TokenPair tokens() const { return m_tokens.tokens(); }
    // True once the access token is surely expired (see TokenStore).
    bool accessTokenStale() const { return m_tokens.accessTokenStale(); }
    bool refreshInFlight() const { return m_refreshing; }
    // The credential a WebSocket of this client sends (ExecutionWatcher,
    // EventStream): the current access token, or the API key; empty
    // without a credential. A secret: never log it.
    QString webSocketToken() const
    {
        return m_tokens.mode() == TokenStore::Mode::ApiKey ? m_tokens.apiKey()
                                                           : m_tokens.accessToken();
    }

    // --- public routes ---------------------------------------------------
    void fetchHealth(Callback<HealthInfo> done);
    void fetchVersion(Callback<VersionInfo> done);

    // --- transport ---------------------------------------------------------
    void send(ApiRequest request, Callback<ApiResponse> done);
    // send() and read the answer's data with `read` (returns T or Result<T>).
    template <typename T, typename Read> void call(ApiRequest request, Read read, Callback<T> done)
    {
        send(std::move(request),
             [read = std::move(read), done = std::move(done)](Result<ApiResponse> r) {
                 if (!r)
                     done(r.error());
                 else
                     done(Result<T>(read(r.value())));
             });
    }
    // Low level: GET a path under the base URL (authenticated when there is
    // a credential) and hand back `data`.
    void getJson(const QString &path, Callback<QJsonValue> done);

    // Reads an envelope; kept for callers of the first version of the
    // client (see readEnvelope in ApiError.h).
    static Result<QJsonValue> parseEnvelope(int httpStatus, const QByteArray &body,
                                            const QString &networkError);

signals:
    // A login (or restoreSession) made a new session.
    void sessionStarted();
    // A refresh request goes out (one per refresh, however many calls wait).
    void refreshStarted();
    void tokenRefreshed();
    // The server refused the refresh token: the session is gone, log in again.
    void sessionExpired(const hm::Error &error);
    void loggedOut();
    // A request goes out to the server (also one sent again after a
    // refresh): its verb and path under the base URL, no query, no body.
    // For traffic counts (tests, diagnostics); never carries a secret.
    void requestSent(const QByteArray &verb, const QString &path);

private:
    struct Call
    {
        ApiRequest request;
        Callback<ApiResponse> done;
        bool replayed = false;   // sent again after a refresh already
        QString accessTokenUsed; // to tell whether a refresh happened since
    };
    using CallPtr = std::shared_ptr<Call>;

    void dispatch(const CallPtr &call);
    void onFinished(QNetworkReply *reply);
    bool wantsRefresh(const Call &call, const Error &error) const;
    void complete(const CallPtr &call, Result<ApiResponse> result);
    void startSession(const TokenPair &tokens);
    void finishLogin(Result<ApiResponse> result, const Callback<LoginResult> &done);
    void startRefresh();
    void finishRefresh(quint64 generation, Result<ApiResponse> result);
    void scheduleProactiveRefresh();
    void watchTls(QNetworkReply *reply);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    int m_timeoutMs = 10000;
    QByteArray m_userAgent = "hivemind-client";
    TokenStore m_tokens;
    QHash<QNetworkReply *, CallPtr> m_inFlight;
    QList<CallPtr> m_waiting; // for the refresh in flight, in order
    CallPtr m_refreshCall;
    bool m_refreshing = false;
    bool m_closing = false; // in the destructor
    bool m_proactiveRefresh = true;
    QTimer m_refreshTimer;
    TlsPolicy m_tls;
    QHash<QNetworkReply *, Error> m_tlsRefusals;
};

} // namespace hm::client
