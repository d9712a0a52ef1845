#include "server/ApiRouter.h"

#include "common/LogFormatter.h"
#include "common/Logging.h"
#include "server/ApiEnvelope.h"
#include "server/Metrics.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QHttpServerRouter>
#include <QHttpServerRouterRule>
#include <QJsonDocument>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <algorithm>
#include <cstring>
#include <optional>

namespace hm::server {

// One deferred answer: what the router needs to finish it later. The
// responder only holds a raw socket pointer, so the socket is watched
// through a QPointer and nothing is written once it is gone.
struct PendingResponse
{
    QPointer<ApiRouter> router;
    qsizetype routeIndex = 0;
    QString requestId;
    QString path;
    qint64 startedNs = 0;
    QPointer<QTcpSocket> socket;
    std::optional<QHttpServerResponder> responder;
    std::optional<ApiReply> early; // sent before the handler returned
    // Headers of the handler's deferred() reply (rate limits), added to the
    // answer unless it sets its own.
    QList<QPair<QByteArray, QByteArray>> headers;
    bool done = false;

    void deliver(ApiReply reply)
    {
        done = true;
        if (!responder) {
            early = std::move(reply);
            return;
        }
        if (!router || !socket || socket->state() != QAbstractSocket::ConnectedState) {
            qCDebug(lcServerHttp).noquote() << "client left before the answer to" << path;
            responder.reset();
            return;
        }
        logging::RequestIdScope scope(requestId);
        for (auto &header : headers) {
            if (!reply.hasHeader(header.first))
                reply.headers.append(std::move(header));
        }
        router->finish(routeIndex, requestId, path, startedNs, std::move(reply), *responder);
        responder.reset();
    }

    ~PendingResponse()
    {
        if (!done && responder)
            deliver(ApiReply::failure(
                Error{ErrorCode::InternalError, QStringLiteral("the request was abandoned")}));
    }
};

// The one rule the router puts into QHttpServer: matching is a lookup in
// the router's table instead of a regular expression per route.
class DispatchRule : public QHttpServerRouterRule
{
public:
    DispatchRule(ApiRouter *router, RouterHandler handler)
        : QHttpServerRouterRule(QStringLiteral("/"), QHttpServerRequest::Method::AnyKnown,
                                std::move(handler)),
          m_router(router)
    {}

protected:
    bool matches(const QHttpServerRequest &request, QRegularExpressionMatch *) const override
    {
        return m_router->matchRequest(request);
    }

private:
    ApiRouter *m_router;
};

namespace {

// Index into ApiRouter::m_tables: the method's bit (Get = 1 << 0, ...).
int methodSlot(QHttpServerRequest::Method method)
{
    const auto bits = static_cast<quint32>(method);
    if (bits == 0 || (bits & (bits - 1)) != 0) // Unknown or not a single method
        return -1;
    const int slot = qCountTrailingZeroBits(bits);
    return slot < 16 ? slot : -1;
}

QElapsedTimer &monotonic()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer;
}

bool inSubnets(const QHostAddress &address, const QList<Subnet> &subnets)
{
    return std::any_of(subnets.begin(), subnets.end(),
                       [&](const Subnet &s) { return address.isInSubnet(s.first, s.second); });
}

QHostAddress unmapped(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

void addRateHeaders(ApiReply &reply, const auth::RateLimiter::Decision &decision)
{
    // A stricter, route-specific limit (login) already set its own headers.
    if (decision.limit > 0 && !reply.hasHeader("X-RateLimit-Limit"))
        reply.headers += auth::rateLimitHeaders(decision);
}

} // namespace

ApiReply ApiReply::ok(const QJsonValue &data, int status)
{
    return ApiReply{status, successEnvelope(data), {}, {}, {}};
}

ApiReply ApiReply::failure(const Error &error)
{
    // The request id is filled in by the router, which knows it.
    return ApiReply{error.httpStatus(), errorEnvelope(error, {}), {}, {}, {}};
}

ApiReply ApiReply::raw(QByteArray body, QByteArray contentType, int status)
{
    return ApiReply{status, {}, {}, std::move(body), std::move(contentType)};
}

ApiReply ApiReply::deferred()
{
    ApiReply reply;
    reply.isDeferred = true;
    return reply;
}

void DeferredReply::send(ApiReply reply) const
{
    if (m_state && !m_state->done)
        m_state->deliver(std::move(reply));
}

bool DeferredReply::isPending() const
{
    if (!m_state || m_state->done)
        return false;
    // Before the handler returned there is no socket to look at yet.
    return !m_state->responder ||
           (m_state->socket && m_state->socket->state() == QAbstractSocket::ConnectedState);
}

DeferredReply RequestContext::defer() const
{
    DeferredReply handle;
    if (deferSlot) {
        if (!*deferSlot)
            *deferSlot = std::make_shared<PendingResponse>();
        handle.m_state = *deferSlot;
    }
    return handle;
}

bool ApiReply::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.begin(), headers.end(), [&](const auto &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

ApiRouter::ApiRouter(QObject *parent) : QObject(parent)
{
    // First rule: every API route goes through the router's own table.
    m_http.route<DispatchRule>(
        this, [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            dispatch(request, std::move(responder));
        });
    m_http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerMissing(request, std::move(responder));
        });
}

void ApiRouter::answerMissing(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    QElapsedTimer timer;
    timer.start();
    const QString requestId = newRequestId();
    logging::RequestIdScope scope(requestId);
    const QString path = request.url().path();
    QStringList allowed;
    const PathParts parts = splitPath(path);
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        if (pathMatches(i, path, parts, nullptr))
            allowed.append(methodName(m_routes.at(i).method));
    }
    allowed.removeDuplicates();
    QJsonObject body;
    QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::NotFound;
    const QByteArray allowHeader = allowed.join(QStringLiteral(", ")).toLatin1();
    if (allowed.isEmpty()) {
        body = errorEnvelope(
            Error{ErrorCode::ResourceNotFound,
                  QStringLiteral("No route for %1 %2").arg(methodName(request.method()), path)},
            requestId);
    } else {
        // The Allow header lists what would work. CORS preflights
        // (OPTIONS) land here too: cross-origin use is off.
        body = errorEnvelope(
            Error{ErrorCode::MethodNotAllowed,
                  QStringLiteral("%1 is not allowed on %2; allowed: %3")
                      .arg(methodName(request.method()), path, allowed.join(QStringLiteral(", "))),
                  {{QStringLiteral("allowed_methods"), QJsonArray::fromStringList(allowed)}}},
            requestId);
        status = QHttpServerResponder::StatusCode::MethodNotAllowed;
    }
    const QString method = methodName(request.method());
    logging::info(lcServerHttp(), method + u' ' + path + u' ' + QString::number(int(status)));
    Metrics::instance().observeHttp(QStringLiteral("unmatched"), method, int(status),
                                    timer.nsecsElapsed() / 1e9);
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QByteArray requestIdHeader = requestId.toLatin1();
    if (allowed.isEmpty())
        responder.write(bytes,
                        {{"Content-Type", "application/json"}, {"X-Request-Id", requestIdHeader}},
                        status);
    else
        responder.write(bytes,
                        {{"Content-Type", "application/json"},
                         {"X-Request-Id", requestIdHeader},
                         {"Allow", allowHeader}},
                        status);
}

QByteArray RequestContext::header(QByteArrayView name) const
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QHostAddress clientAddressOf(const QHostAddress &peer, const QByteArray &forwardedFor,
                             const QList<Subnet> &trustedProxies)
{
    QHostAddress address = unmapped(peer);
    if (trustedProxies.isEmpty() || !inSubnets(address, trustedProxies))
        return address;
    // Walk X-Forwarded-For from the nearest hop; the first address not
    // itself a trusted proxy is the client. Earlier entries are whatever the
    // client claimed and are not believed.
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break;
        address = unmapped(hop);
        if (!inSubnets(address, trustedProxies))
            break;
    }
    return address;
}

QHostAddress RequestContext::clientAddress() const
{
    if (!trustedProxies)
        return clientAddressOf(request.remoteAddress(), {}, {});
    return clientAddressOf(request.remoteAddress(), header("X-Forwarded-For"), *trustedProxies);
}

QString RequestContext::clientIp() const
{
    return clientAddress().toString();
}

Result<QJsonObject> RequestContext::jsonObject() const
{
    const QByteArray body = request.body();
    if (body.size() > kMaxBodyBytes)
        return Error{ErrorCode::PayloadTooLarge,
                     QStringLiteral("request body exceeds %1 bytes").arg(kMaxBodyBytes),
                     {{QStringLiteral("limit"), kMaxBodyBytes}}};
    if (body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("malformed JSON body: %1").arg(parseError.errorString()),
                     {{QStringLiteral("offset"), parseError.offset}}};
    if (!document.isObject())
        return Error{ErrorCode::ValidationError, QStringLiteral("the JSON body must be an object")};
    return document.object();
}

ApiRouter::PathShape ApiRouter::shapeOf(const QString &path)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{[A-Za-z_][A-Za-z0-9_]*\\}"));
    PathShape shape;
    if (!path.contains(placeholder))
        return shape;
    shape.literal = false;
    bool wholeSegments = true;
    for (const QString &part : path.split(u'/')) {
        const bool isPlaceholder =
            placeholder.match(part).capturedLength() == part.size() && !part.isEmpty();
        if (!isPlaceholder && part.contains(placeholder))
            wholeSegments = false;
        shape.segments.append(Segment{isPlaceholder ? QString() : part, isPlaceholder});
    }
    if (!wholeSegments) {
        // "/x/{a}.json": a regular expression, each placeholder one
        // non-empty run without '/'.
        QString pattern = QRegularExpression::escape(path);
        pattern.replace(QRegularExpression(QStringLiteral("\\\\\\{[A-Za-z_][A-Za-z0-9_]*\\\\\\}")),
                        QStringLiteral("([^/]+)"));
        shape.segments.clear();
        shape.regex = QRegularExpression(u'^' + pattern + u'$');
    }
    return shape;
}

ApiRouter::PathParts ApiRouter::splitPath(const QString &path)
{
    // A plain loop: this runs for every request.
    PathParts parts;
    const QChar *text = path.constData();
    const qsizetype size = path.size();
    qsizetype start = 0;
    for (qsizetype i = 0; i <= size; ++i) {
        if (i == size || text[i] == u'/') {
            parts.append(QStringView(text + start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

bool ApiRouter::pathMatches(qsizetype index, const QString &path, const PathParts &parts,
                            QStringList *args) const
{
    const PathShape &shape = m_shapes.at(index);
    if (shape.literal)
        return path == m_routes.at(index).path;
    if (shape.regex) {
        const QRegularExpressionMatch match = shape.regex->match(path);
        if (!match.hasMatch())
            return false;
        if (args) {
            for (int i = 1; i <= match.lastCapturedIndex(); ++i)
                args->append(match.captured(i));
        }
        return true;
    }
    // Segment by segment: same count, equal literals, a non-empty segment
    // for each placeholder. Values are copied out only once all matched.
    if (shape.segments.size() != parts.size())
        return false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const Segment &segment = shape.segments.at(i);
        const QStringView part = parts.at(i);
        if (segment.placeholder ? part.isEmpty()
                                : (part.size() != segment.literal.size() ||
                                   std::memcmp(part.data(), segment.literal.constData(),
                                               size_t(part.size()) * sizeof(QChar)) != 0))
            return false;
    }
    if (args) {
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (shape.segments.at(i).placeholder)
                args->append(parts.at(i).toString());
        }
    }
    return true;
}

qsizetype ApiRouter::lookup(QHttpServerRequest::Method method, const QString &path,
                            QStringList *args) const
{
    const int slot = methodSlot(method);
    if (slot < 0)
        return -1;
    const MethodTable &table = m_tables.at(slot);
    qsizetype best = table.literalPaths.value(path, -1);
    if (table.patternRoutes.isEmpty() || (best >= 0 && table.patternRoutes.first() > best))
        return best;
    // A placeholder route registered before the literal one wins, as it did
    // when QHttpServer tried the rules in registration order.
    const PathParts parts = splitPath(path);
    for (const qsizetype index : table.patternRoutes) {
        if (best >= 0 && index > best)
            break;
        if (pathMatches(index, path, parts, args))
            return index;
    }
    return best;
}

bool ApiRouter::matchRequest(const QHttpServerRequest &request)
{
    m_match = Match{};
    QString path = request.url().path();
    const qsizetype index = lookup(request.method(), path, &m_match.args);
    if (index < 0)
        return false;
    m_match.route = index;
    m_match.path = std::move(path);
    return true;
}

void ApiRouter::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Match match = std::move(m_match);
    m_match = Match{};
    if (match.route < 0) { // cannot happen: QHttpServer calls this right after matching
        answerMissing(request, std::move(responder));
        return;
    }
    respond(match.route, request, std::move(match.args), match.path, std::move(responder));
}

void ApiRouter::respond(qsizetype routeIndex, const QHttpServerRequest &request,
                        QStringList pathArgs, const QString &requestPath,
                        QHttpServerResponder &&responder)
{
    const qint64 startedNs = monotonic().nsecsElapsed();
    const RouteInfo &route = m_routes.at(routeIndex);
    const QString requestId = newRequestId();
    // Every log line written while handling the request carries its id,
    // protected routes included: they run inside this scope too.
    logging::RequestIdScope scope(requestId);
    std::shared_ptr<PendingResponse> pending;
    RequestContext context{request, requestId, std::move(pathArgs), &m_trustedProxies};
    context.deferSlot = &pending;

    ApiReply reply;
    const bool anonymousLimit = route.doc.rateLimited && route.doc.auth.isEmpty();
    const auto decision = anonymousLimit ? m_rateLimits.hitAnonymous(context.clientIp())
                                         : auth::RateLimiter::Decision{};
    if (!decision.allowed) {
        reply = ApiReply::failure(auth::rateLimitError(decision));
        reply.headers = auth::rateLimitHeaders(decision);
    } else {
        reply = m_handlers.at(routeIndex)(context);
        addRateHeaders(reply, decision);
    }

    // Only the access line needs the path; a secret in it is never shown.
    QString path = route.doc.secretInPath ? route.path : requestPath;
    if (!reply.isDeferred || !pending) {
        if (reply.isDeferred) // deferred() without defer(): a handler bug
            reply = ApiReply::failure(
                Error{ErrorCode::InternalError, QStringLiteral("the handler gave no answer")});
        finish(routeIndex, requestId, path, startedNs, std::move(reply), responder);
        return;
    }
    pending->router = this;
    pending->routeIndex = routeIndex;
    pending->requestId = requestId;
    pending->path = std::move(path);
    pending->startedNs = startedNs;
    pending->socket = responder.socket();
    pending->headers = std::move(reply.headers);
    pending->responder.emplace(std::move(responder));
    if (pending->early) {
        ApiReply early = std::move(*pending->early);
        pending->early.reset();
        pending->deliver(std::move(early));
    }
}

void ApiRouter::finish(qsizetype routeIndex, const QString &requestId, const QString &path,
                       qint64 startedNs, ApiReply reply, QHttpServerResponder &responder)
{
    if (reply.contentType.isEmpty() && !reply.body.value(QStringLiteral("success")).toBool(true)) {
        QJsonObject error = reply.body.value(QStringLiteral("error")).toObject();
        error.insert(QStringLiteral("request_id"), requestId);
        reply.body.insert(QStringLiteral("error"), error);
    }
    // "GET /api/v1/health 200", as qCInfo() << method << path << status
    // spelled it, without QDebug's stream.
    logging::info(lcServerHttp(),
                  m_logPrefixes.at(routeIndex) + path + u' ' + QString::number(reply.status));
    const auto status = static_cast<QHttpServerResponse::StatusCode>(reply.status);
    QHttpServerResponse response =
        reply.contentType.isEmpty() ? QHttpServerResponse(reply.body, status)
                                    : QHttpServerResponse(reply.contentType, reply.rawBody, status);
    response.addHeader(QByteArrayLiteral("X-Request-Id"), requestId.toLatin1());
    for (const auto &[name, value] : std::as_const(reply.headers))
        response.addHeader(name, value);
    m_routeMetrics.at(routeIndex)
        ->observe(reply.status, (monotonic().nsecsElapsed() - startedNs) / 1e9);
    response.write(std::move(responder));
}

void ApiRouter::addRoute(QHttpServerRequest::Method method, const QString &path, Handler handler,
                         RouteDoc doc)
{
    const qsizetype index = m_routes.size();
    PathShape shape = shapeOf(path);
    const int slot = methodSlot(method);
    if (slot >= 0) {
        MethodTable &table = m_tables[slot];
        if (!shape.literal)
            table.patternRoutes.append(index);
        else if (!table.literalPaths.contains(path)) // the first registration wins
            table.literalPaths.insert(path, index);
    } else {
        qCCritical(lcServerHttp).noquote() << "route with no single method:" << path;
    }
    m_routes.append(RouteInfo{method, path, std::move(doc)});
    m_handlers.append(std::move(handler));
    m_shapes.append(std::move(shape));
    m_routeMetrics.append(Metrics::instance().httpRoute(path, methodName(method)));
    m_logPrefixes.append(methodName(method) + u' ');
}

void ApiRouter::describe(QHttpServerRequest::Method method, const QString &path, RouteDoc doc)
{
    for (RouteInfo &route : m_routes) {
        if (route.method != method || route.path != path)
            continue;
        doc.auth = route.doc.auth;
        doc.rateLimited = route.doc.rateLimited && doc.rateLimited;
        for (const ErrorCode code : std::as_const(route.doc.errors)) {
            if (!doc.errors.contains(code))
                doc.errors.append(code);
        }
        route.doc = std::move(doc);
        return;
    }
    qCWarning(lcServerHttp).noquote() << "describe: no route" << methodName(method) << path;
}

void ApiRouter::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_tlsConfiguration = QSslConfiguration::defaultConfiguration();
    m_tlsConfiguration.setLocalCertificate(certificate);
    m_tlsConfiguration.setPrivateKey(key);
    m_tls = true;
}

Result<quint16> ApiRouter::listen(const QHostAddress &address, quint16 port)
{
    // QHttpServer 6.4's sslSetup() only affects its own listen(); with
    // bind() the server we hand over must do the handshake itself.
    QTcpServer *tcp = nullptr;
    if (m_tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(m_tlsConfiguration);
        tcp = ssl;
    } else {
        tcp = new QTcpServer(this);
    }
    if (!tcp->listen(address, port)) {
        const bool inUse = tcp->serverError() == QAbstractSocket::AddressInUseError;
        const QString reason = tcp->errorString();
        delete tcp;
        if (inUse)
            return Error{
                ErrorCode::PortInUse,
                QStringLiteral("port %1 on %2 is already in use").arg(port).arg(address.toString()),
                {{QStringLiteral("port"), port}}};
        return Error{ErrorCode::NetworkError, QStringLiteral("cannot listen on %1:%2: %3")
                                                  .arg(address.toString())
                                                  .arg(port)
                                                  .arg(reason)};
    }
    m_tcp = tcp;
    m_http.bind(tcp);
    return tcp->serverPort();
}

void ApiRouter::close()
{
    if (m_tcp)
        m_tcp->close();
}

} // namespace hm::server
