// ApiClient's transport: building requests, reading answers, the calls in
// flight and the replay after a refresh. The session side (login, refresh,
// logout) is in ApiSession.cpp.

#include "client/ApiClient.h"

#include "client/ApiError.h"
#include "client/ApiJson.h"
#include "common/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace hm::client {

ApiClient::ApiClient(QObject *parent) : QObject(parent)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_tokens.hasSession() && !m_refreshing)
            startRefresh();
    });
}

ApiClient::~ApiClient()
{
    // Exactly one callback per call, also for those the client can no longer
    // finish. Callbacks of the client's own requests (login, refresh) see
    // m_closing and leave the dying object alone.
    m_closing = true;
    m_refreshTimer.stop();
    const auto inFlight = std::exchange(m_inFlight, {});
    QList<CallPtr> open = std::exchange(m_waiting, {});
    for (auto it = inFlight.cbegin(); it != inFlight.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        if (it.value() != m_refreshCall)
            open.append(it.value());
    }
    const Error closed{
        ErrorCode::NetworkError,
        QStringLiteral("the client was closed before the answer arrived"),
        {{QStringLiteral("http_status"), 0},
         {QStringLiteral("network_error"), QStringLiteral("OperationCanceledError")}}};
    for (const CallPtr &call : std::as_const(open))
        call->done(closed);
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

void ApiClient::send(ApiRequest request, Callback<ApiResponse> done)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->done = std::move(done);
    // While a refresh is in flight the access token is about to change:
    // wait for it rather than spend a request on a token that failed.
    if (call->request.authenticated && m_refreshing && m_tokens.hasSession()) {
        m_waiting.append(call);
        return;
    }
    dispatch(call);
}

void ApiClient::dispatch(const CallPtr &call)
{
    const ApiRequest &r = call->request;
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + r.path);
    if (!r.query.isEmpty())
        url.setQuery(r.query);

    QNetworkRequest request(url);
    request.setRawHeader("Accept", r.rawBody ? "*/*" : "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    const int timeout = r.timeoutMs < 0 ? m_timeoutMs : r.timeoutMs;
    if (timeout > 0)
        request.setTransferTimeout(timeout);
    call->accessTokenUsed.clear();
    if (r.authenticated) {
        if (m_tokens.mode() == TokenStore::Mode::Session) {
            call->accessTokenUsed = m_tokens.accessToken();
            request.setRawHeader("Authorization", "Bearer " + call->accessTokenUsed.toUtf8());
        } else if (m_tokens.mode() == TokenStore::Mode::ApiKey) {
            request.setRawHeader("X-API-Key", m_tokens.apiKey().toUtf8());
        }
    }

    QNetworkReply *reply = nullptr;
    if (r.body.isUndefined()) {
        reply = m_network.sendCustomRequest(request, r.verb);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        const QJsonDocument document =
            r.body.isArray() ? QJsonDocument(r.body.toArray()) : QJsonDocument(r.body.toObject());
        reply =
            m_network.sendCustomRequest(request, r.verb, document.toJson(QJsonDocument::Compact));
    }
    m_inFlight.insert(reply, call);
    emit requestSent(r.verb, r.path);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    if (url.scheme() == QLatin1String("https"))
        watchTls(reply);
}

void ApiClient::setTlsPolicy(const TlsPolicy &policy)
{
    if (policy == m_tls)
        return;
    m_tls = policy;
    // Connections made under the old policy must not carry on.
    m_network.clearConnectionCache();
}

void ApiClient::watchTls(QNetworkReply *reply)
{
    // The policy decides over Qt's verdict (TlsPolicy.h): errors are
    // ignored when it accepts the certificate, and a pin is checked on
    // every handshake, trusted CA or not.
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (peer.isNull() && !errors.isEmpty())
            peer = errors.first().certificate();
        if (const auto refused = m_tls.judge(peer, errors))
            m_tlsRefusals.insert(reply, *refused);
        else
            reply->ignoreSslErrors();
    });
    connect(reply, &QNetworkReply::encrypted, this, [this, reply] {
        if (m_tls.pinnedSha256.isEmpty() || m_tlsRefusals.contains(reply))
            return;
        if (const auto refused = m_tls.judge(reply->sslConfiguration().peerCertificate(), {})) {
            m_tlsRefusals.insert(reply, *refused);
            reply->abort();
        }
    });
}

bool ApiClient::wantsRefresh(const Call &call, const Error &error) const
{
    // TOKEN_INVALID too: an ended session or a rotated signing key; the
    // refresh then either fixes it or tells that the session is gone.
    const bool tokenRefused = error.code == ErrorCode::TokenExpired ||
                              error.code == ErrorCode::TokenInvalid ||
                              error.code == ErrorCode::InvalidToken;
    return tokenRefused && errorHttpStatus(error) == 401 && call.request.authenticated &&
           !call.replayed && !call.accessTokenUsed.isEmpty() && m_tokens.hasSession() &&
           !m_tokens.refreshToken().isEmpty();
}

void ApiClient::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const std::optional<Error> tlsRefusal = m_tlsRefusals.contains(reply)
                                                ? std::optional<Error>(m_tlsRefusals.take(reply))
                                                : std::nullopt;
    const CallPtr call = m_inFlight.take(reply);
    if (!call)
        return;
    if (tlsRefusal) {
        complete(call, *tlsRefusal);
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A reply aborted by its timeout is closed: nothing to read then.
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QString requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));
    if (call->request.rawBody && reply->error() == QNetworkReply::NoError && status >= 200 &&
        status < 300) {
        ApiResponse file;
        file.httpStatus = status;
        file.requestId = requestId;
        file.body = body;
        complete(call, std::move(file));
        return;
    }
    auto result = readEnvelope(status, body, reply->error(), reply->errorString(), requestId);
    if (!result && wantsRefresh(*call, result.error())) {
        call->replayed = true;
        if (m_refreshing) {
            m_waiting.append(call);
        } else if (m_tokens.accessToken() != call->accessTokenUsed) {
            dispatch(call); // a refresh finished while this call was on its way
        } else {
            m_waiting.append(call);
            startRefresh();
        }
        return;
    }
    complete(call, std::move(result));
}

void ApiClient::complete(const CallPtr &call, Result<ApiResponse> result)
{
    // Method, path and outcome only: never headers, bodies or the query.
    if (result) {
        qCDebug(lcClient).noquote()
            << call->request.verb << call->request.path << result.value().httpStatus;
    } else {
        qCDebug(lcClient).noquote()
            << call->request.verb << call->request.path << errorHttpStatus(result.error())
            << errorServerCode(result.error());
    }
    call->done(std::move(result));
}

void ApiClient::getJson(const QString &path, Callback<QJsonValue> done)
{
    const qsizetype q = path.indexOf(u'?');
    ApiRequest request = ApiRequest::get(q < 0 ? path : path.left(q));
    if (q >= 0)
        request.query = QUrlQuery(path.mid(q + 1));
    call<QJsonValue>(
        std::move(request), [](const ApiResponse &r) { return r.data; }, std::move(done));
}

void ApiClient::fetchHealth(Callback<HealthInfo> done)
{
    // An unhealthy server answers 503 with the error envelope: the error.
    call<HealthInfo>(
        ApiRequest::get(QStringLiteral("/api/v1/health")).unauthenticated(),
        [](const ApiResponse &r) { return json::health(r.data.toObject()); }, std::move(done));
}

void ApiClient::fetchVersion(Callback<VersionInfo> done)
{
    call<VersionInfo>(
        ApiRequest::get(QStringLiteral("/api/v1/version")).unauthenticated(),
        [](const ApiResponse &r) { return json::version(r.data.toObject()); }, std::move(done));
}

Result<QJsonValue> ApiClient::parseEnvelope(int httpStatus, const QByteArray &body,
                                            const QString &networkError)
{
    auto result = readEnvelope(httpStatus, body,
                               networkError.isEmpty() ? QNetworkReply::NoError
                                                      : QNetworkReply::UnknownNetworkError,
                               networkError);
    if (!result)
        return result.error();
    return result.value().data;
}

} // namespace hm::client
