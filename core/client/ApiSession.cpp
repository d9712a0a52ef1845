// ApiClient's session: login, second factor, logout, API keys and the
// single-flight token refresh (reactive and proactive).

#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/ApiJson.h"
#include "common/Logging.h"

#include <QPointer>
#include <algorithm>
#include <climits>

namespace hm::client {

void ApiClient::setProactiveRefresh(bool enabled)
{
    m_proactiveRefresh = enabled;
    scheduleProactiveRefresh();
}

void ApiClient::login(const QString &usernameOrEmail, const QString &password, bool rememberMe,
                      Callback<LoginResult> done)
{
    const QString field =
        usernameOrEmail.contains(u'@') ? QStringLiteral("email") : QStringLiteral("username");
    const QJsonObject body{{field, usernameOrEmail},
                           {QStringLiteral("password"), password},
                           {QStringLiteral("remember_me"), rememberMe}};
    send(
        ApiRequest::post(QStringLiteral("/api/v1/auth/login"), body).unauthenticated(),
        [this, done = std::move(done)](Result<ApiResponse> r) { finishLogin(std::move(r), done); });
}

void ApiClient::verifyTwoFactor(const QString &pendingToken, const QString &code,
                                const QString &method, Callback<LoginResult> done)
{
    const QJsonObject body{{QStringLiteral("pending_token"), pendingToken},
                           {QStringLiteral("code"), code},
                           {QStringLiteral("method"), method}};
    send(
        ApiRequest::post(QStringLiteral("/api/v1/auth/verify-2fa"), body).unauthenticated(),
        [this, done = std::move(done)](Result<ApiResponse> r) { finishLogin(std::move(r), done); });
}

void ApiClient::finishLogin(Result<ApiResponse> result, const Callback<LoginResult> &done)
{
    // (The destructor only ever hands over errors, so a success has a
    // living client to start the session in.)
    if (!result) {
        done(result.error());
        return;
    }
    LoginResult login = json::login(result.value().data.toObject());
    if (!login.twoFactorRequired) {
        if (!login.tokens.isValid()) {
            done(Error{ErrorCode::InternalError, QStringLiteral("the login answer has no tokens")});
            return;
        }
        startSession(login.tokens);
    }
    done(std::move(login));
}

void ApiClient::startSession(const TokenPair &tokens)
{
    m_tokens.startSession(tokens);
    scheduleProactiveRefresh();
    emit sessionStarted();
}

void ApiClient::restoreSession(const TokenPair &tokens)
{
    startSession(tokens);
}

void ApiClient::useApiKey(const QString &apiKey)
{
    m_tokens.useApiKey(apiKey);
    m_refreshTimer.stop();
}

void ApiClient::clearCredentials()
{
    m_tokens.clear();
    m_refreshTimer.stop();
}

void ApiClient::logout(Callback<void> done)
{
    if (!m_tokens.hasSession()) {
        clearCredentials();
        emit loggedOut();
        // Never inside the call: answer from the event loop.
        QTimer::singleShot(0, this, [done = std::move(done)] { done(Status()); });
        return;
    }
    // No refresh_token in the body: the server ends the session of the
    // access token, which stays right even if a refresh rotates the pair
    // while this call waits.
    const quint64 generation = m_tokens.generation();
    send(ApiRequest::post(QStringLiteral("/api/v1/auth/logout")),
         [this, generation, done = std::move(done)](Result<ApiResponse> r) {
             if (!m_closing && m_tokens.generation() == generation) {
                 clearCredentials();
                 emit loggedOut();
             }
             done(r ? Status() : Status(r.error()));
         });
}

void ApiClient::startRefresh()
{
    m_refreshing = true;
    m_refreshTimer.stop();
    auto call = std::make_shared<Call>();
    call->request =
        ApiRequest::post(QStringLiteral("/api/v1/auth/refresh"),
                         QJsonObject{{QStringLiteral("refresh_token"), m_tokens.refreshToken()}})
            .unauthenticated();
    const quint64 generation = m_tokens.generation();
    // (The destructor never calls this one: it is m_refreshCall.)
    call->done = [this, generation](Result<ApiResponse> r) {
        finishRefresh(generation, std::move(r));
    };
    m_refreshCall = call;
    qCDebug(lcClient) << "refreshing the access token";
    emit refreshStarted();
    dispatch(call);
}

void ApiClient::finishRefresh(quint64 generation, Result<ApiResponse> result)
{
    m_refreshing = false;
    m_refreshCall.reset();
    const QList<CallPtr> waiting = std::exchange(m_waiting, {});
    const QPointer<ApiClient> self(this);

    if (generation != m_tokens.generation()) {
        // The credential changed meanwhile (logout, another login, an API
        // key): this answer belongs to a session that is gone.
        for (const CallPtr &call : waiting)
            dispatch(call);
        return;
    }
    if (result) {
        const TokenPair tokens = json::tokenPair(result.value().data.toObject());
        if (tokens.isValid()) {
            m_tokens.updateSession(tokens);
            scheduleProactiveRefresh();
            emit tokenRefreshed();
            for (const CallPtr &call : waiting) {
                if (!self)
                    return;
                dispatch(call);
            }
            return;
        }
        result = Error{ErrorCode::InternalError,
                       QStringLiteral("the refresh answer has no tokens"),
                       {{QStringLiteral("http_status"), result.value().httpStatus}}};
    }

    const Error error = result.error();
    const int status = errorHttpStatus(error);
    // 401/403: the server refused the refresh token (expired, reused,
    // revoked, account gone). Anything else (network, 429, 5xx) says
    // nothing about the session, which stays for the next attempt.
    if (status == 401 || status == 403) {
        qCInfo(lcClient).noquote() << "session expired:" << errorServerCode(error);
        clearCredentials();
        emit sessionExpired(error);
    }
    for (const CallPtr &call : waiting) {
        if (!self)
            return;
        complete(call, error);
    }
}

void ApiClient::scheduleProactiveRefresh()
{
    const qint64 due = m_tokens.msUntilProactiveRefresh();
    if (!m_proactiveRefresh || due < 0) {
        m_refreshTimer.stop();
        return;
    }
    m_refreshTimer.start(int(std::clamp<qint64>(due, 0, INT_MAX)));
}

} // namespace hm::client
