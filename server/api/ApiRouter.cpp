#include "server/api/ApiRouter.h"

#include "common/JsonText.h"
#include "common/LogFormatter.h"
#include "common/Logging.h"
#include "server/api/ApiEnvelope.h"
#include "server/api/UnpairedSurrogates.h"
#include "server/http/HttpListener.h"
#include "server/services/system/Metrics.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QUrl>
#include <algorithm>
#include <cstring>
#include <optional>

namespace hm::server {

// One deferred answer: what the router needs to finish it later. The
// responder refers to its connection weakly: nothing is written once the
// client is gone.
struct PendingResponse
{
    QPointer<ApiRouter> router;
    qsizetype routeIndex = 0;
    QString requestId;
    QString line; // of the access log: "POST /api/v1/flows/x/trigger"
    qint64 startedNs = 0;
    std::optional<http::HttpResponder> responder;
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
        if (!router || !responder->isConnected()) {
            qCDebug(lcServerHttp).noquote() << "client left before the answer to" << line;
            responder.reset();
            return;
        }
        logging::RequestIdScope scope(requestId);
        for (auto &header : headers) {
            if (!reply.hasHeader(header.first))
                reply.headers.append(std::move(header));
        }
        router->finish(routeIndex, requestId, line, startedNs, std::move(reply), *responder);
        responder.reset();
    }

    ~PendingResponse()
    {
        if (!done && responder)
            deliver(ApiReply::failure(
                Error{ErrorCode::InternalError, QStringLiteral("the request was abandoned")}));
    }
};

namespace {

// Index into ApiRouter::m_tables: the method's bit (Get = 1 << 0, ...).
int methodSlot(http::Method method)
{
    const auto bits = static_cast<quint32>(method);
    if (bits == 0 || (bits & (bits - 1)) != 0) // Unknown or not a single method
        return -1;
    const int slot = qCountTrailingZeroBits(bits);
    return slot < 16 ? slot : -1;
}

// How specific a route's path is, segment by segment: a literal segment (2)
// beats one with a placeholder inside ("{a}.json", 1), which beats a whole
// placeholder (0). Of two routes matching one path (same segment count),
// the one with a literal at the first segment where they differ wins, so
// "/flows/shared" beats "/flows/{id}" and "/x/b/{c}" beats "/x/{a}/c".
using Specificity = QVarLengthArray<quint8, 12>;

Specificity specificityOf(const QString &path)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{[A-Za-z_][A-Za-z0-9_]*\\}"));
    Specificity ranks;
    for (const QString &part : path.split(u'/')) {
        const QRegularExpressionMatch match = placeholder.match(part);
        ranks.append(!match.hasMatch() ? 2 : match.capturedLength() == part.size() ? 0 : 1);
    }
    return ranks;
}

bool moreSpecific(const Specificity &a, const Specificity &b)
{
    return std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end());
}

// A placeholder's value: the raw segment percent-decoded (UTF-8), once the
// route matched the raw path.
QString decodedSegment(QStringView segment)
{
    for (const QChar c : segment) {
        if (c == u'%' || c.unicode() >= 0x80)
            return QUrl::fromPercentEncoding(segment.toLatin1());
    }
    return segment.toString();
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

// The bytes of a handler's answer: error bodies get the request id, JSON
// bodies are written compact, X-Request-Id and the reply's headers follow.
http::HttpResponse responseOf(ApiReply reply, const QString &requestId)
{
    if (reply.contentType.isEmpty() && !reply.body.value(QStringLiteral("success")).toBool(true)) {
        QJsonObject error = reply.body.value(QStringLiteral("error")).toObject();
        error.insert(QStringLiteral("request_id"), requestId);
        reply.body.insert(QStringLiteral("error"), error);
    }
    http::HttpResponse response;
    response.status = reply.status;
    if (reply.contentType.isEmpty()) {
        response.contentType = QByteArrayLiteral("application/json");
        // The project's writer: byte for byte QJsonDocument's compact text
        // (TestJsonText holds it against Qt), without Qt's detour through
        // its internal binary form, which cost more than the rest of a
        // trigger's reply.
        response.body = json::compact(reply.body).toUtf8();
    } else {
        response.contentType = std::move(reply.contentType);
        response.body = std::move(reply.rawBody);
        response.streamLength = reply.streamLength;
        response.onStream = std::move(reply.onStream);
    }
    response.headers.reserve(reply.headers.size() + 1);
    response.headers.append({QByteArrayLiteral("X-Request-Id"), requestId.toLatin1()});
    response.headers += std::move(reply.headers);
    return response;
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

ApiReply ApiReply::stream(qint64 length, QByteArray contentType,
                          std::function<void(http::HttpStream *)> onStream, int status)
{
    ApiReply reply{status, {}, {}, {}, std::move(contentType)};
    reply.streamLength = length;
    reply.onStream = std::move(onStream);
    return reply;
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
    return !m_state->responder || m_state->responder->isConnected();
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
    m_http.setHandler([this](const http::HttpRequest &request, http::HttpResponder responder) {
        dispatch(request, std::move(responder));
    });
    m_http.setBodyLimit([this](const http::HttpRequest &request) { return maxBodyBytes(request); });
    http::HttpParser::Limits limits;
    limits.defaultBodyBytes = kMaxBodyBytes;
    m_http.setLimits(limits);
}

void ApiRouter::answerMissing(const http::HttpRequest &request,
                              const http::HttpResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    const QString requestId = newRequestId();
    logging::RequestIdScope scope(requestId);
    const QString &path = request.path();
    const bool routable = request.hasRoutablePath();
    QStringList allowed;
    // An unroutable path is still compared with the routes: one whose
    // offending segment sits where a route takes a value (a container
    // named "..%2Fetc") is a bad value, not a missing route.
    {
        const PathParts parts = splitPath(path);
        for (qsizetype i = 0; i < m_routes.size(); ++i) {
            if (pathMatches(i, path, parts, nullptr))
                allowed.append(methodName(m_routes.at(i).method));
        }
        allowed.removeDuplicates();
    }
    QJsonObject body;
    int status = 404;
    const QByteArray allowHeader = allowed.join(QStringLiteral(", ")).toLatin1();
    if (!routable && !allowed.isEmpty()) {
        body = errorEnvelope(
            Error{ErrorCode::ValidationError,
                  QStringLiteral("%1 %2: a value in the path may not be '.' or '..' or hold an "
                                 "encoded '/' or '\\'")
                      .arg(methodName(request.method()), path),
                  {{QStringLiteral("reason"), QStringLiteral("UNSAFE_PATH_SEGMENT")}}},
            requestId);
        status = 422;
    } else if (!routable) {
        body = errorEnvelope(
            Error{ErrorCode::ResourceNotFound,
                  QStringLiteral("No route for %1 %2: paths with empty, '.' or '..' segments or "
                                 "an encoded '/' or '\\' match no route")
                      .arg(methodName(request.method()), path)},
            requestId);
    } else if (allowed.isEmpty()) {
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
        status = 405;
    }
    const QString method = methodName(request.method());
    logging::info(lcServerHttp(), method + u' ' + path + u' ' + QString::number(status));
    Metrics::instance().observeHttp(QStringLiteral("unmatched"), method, status,
                                    timer.nsecsElapsed() / 1e9);
    http::HttpResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("application/json");
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response.headers.append({QByteArrayLiteral("X-Request-Id"), requestId.toLatin1()});
    if (status == 405)
        response.headers.append({QByteArrayLiteral("Allow"), allowHeader});
    responder.send(std::move(response));
}

void ApiRouter::answerUnlisted(const Handler &handler, const http::HttpRequest &request,
                               const http::HttpResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    const QString requestId = newRequestId();
    logging::RequestIdScope scope(requestId);
    RequestContext context{request, requestId, {}, &m_trustedProxies};
    ApiReply reply = handler(context);
    if (reply.isDeferred) // unlisted handlers answer at once
        reply = ApiReply::failure(
            Error{ErrorCode::InternalError, QStringLiteral("the handler gave no answer")});
    const QString method = methodName(request.method());
    logging::info(lcServerHttp(),
                  method + u' ' + request.path() + u' ' + QString::number(reply.status));
    Metrics::instance().observeHttp(QStringLiteral("unmatched"), method, reply.status,
                                    timer.nsecsElapsed() / 1e9);
    responder.send(responseOf(std::move(reply), requestId));
}

QByteArray RequestContext::header(QByteArrayView name) const
{
    return request.firstValue(name).toByteArray();
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
    return jsonObject(kMaxBodyBytes);
}

Result<QJsonObject> RequestContext::jsonObject(qsizetype maxBytes) const
{
    const QByteArray body = request.body();
    if (body.size() > maxBytes)
        return Error{ErrorCode::PayloadTooLarge,
                     QStringLiteral("request body exceeds %1 bytes").arg(maxBytes),
                     {{QStringLiteral("limit"), maxBytes}}};
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
    // Refused like any malformed body, before any route reads a field.
    if (const auto where = firstUnpairedSurrogate(document.object()))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("malformed JSON body: a string holds half of a UTF-16 "
                                    "surrogate pair (\\ud800-\\udfff without its other half)"),
                     {{QStringLiteral("field"), *where},
                      {QStringLiteral("reason"), QStringLiteral("UNPAIRED_SURROGATE")}}};
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
                args->append(decodedSegment(match.capturedView(i)));
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
                args->append(decodedSegment(parts.at(i)));
        }
    }
    return true;
}

qsizetype ApiRouter::lookup(http::Method method, const QString &path, QStringList *args) const
{
    const int slot = methodSlot(method);
    if (slot < 0)
        return -1;
    const MethodTable &table = m_tables.at(slot);
    // A literal path beats every placeholder route. Placeholder routes are
    // kept most specific first (addRoute), so the first match is the best
    // and the order of registration does not matter.
    const qsizetype literal = table.literalPaths.value(path, -1);
    if (literal >= 0 || table.patternRoutes.isEmpty())
        return literal;
    const PathParts parts = splitPath(path);
    for (const qsizetype index : table.patternRoutes) {
        if (pathMatches(index, path, parts, args))
            return index;
    }
    return -1;
}

void ApiRouter::dispatch(const http::HttpRequest &request, http::HttpResponder responder)
{
    // Matched as sent, never after decoding: "//x/metrics" is not
    // "/metrics" and "/api%2Fv1%2Fusers" not "/api/v1/users", so that a
    // proxy's rule on a path prefix means the same here.
    if (!request.hasRoutablePath()) {
        answerMissing(request, responder);
        return;
    }
    const QString &path = request.path();
    QStringList args;
    // HEAD is GET without the body (the connection leaves the body out).
    const http::Method method =
        request.method() == http::Method::Head ? http::Method::Get : request.method();
    const qsizetype index = lookup(method, path, &args);
    if (index >= 0) {
        respond(index, request, std::move(args), std::move(responder));
        return;
    }
    for (const auto &[prefix, handler] : std::as_const(m_unlisted)) {
        if (path.startsWith(prefix)) {
            answerUnlisted(handler, request, responder);
            return;
        }
    }
    answerMissing(request, responder);
}

qsizetype ApiRouter::maxBodyBytes(const http::HttpRequest &request) const
{
    const qsizetype index =
        request.hasRoutablePath() ? lookup(request.method(), request.path(), nullptr) : -1;
    const qsizetype limit = index >= 0 ? m_maxBodyBytes.at(index) : 0;
    return limit > 0 ? limit : kMaxBodyBytes;
}

void ApiRouter::respond(qsizetype routeIndex, const http::HttpRequest &request,
                        QStringList pathArgs, http::HttpResponder responder)
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
    // "GET /api/v1/health" (HEAD requests say HEAD, not their GET route's
    // method).
    const QString &shownPath = route.doc.secretInPath ? route.path : request.path();
    QString line = request.method() == route.method
                       ? QString(m_logPrefixes.at(routeIndex) + shownPath)
                       : QString(methodName(request.method()) + u' ' + shownPath);
    if (!reply.isDeferred || !pending) {
        if (reply.isDeferred) // deferred() without defer(): a handler bug
            reply = ApiReply::failure(
                Error{ErrorCode::InternalError, QStringLiteral("the handler gave no answer")});
        finish(routeIndex, requestId, line, startedNs, std::move(reply), responder);
        return;
    }
    pending->router = this;
    pending->routeIndex = routeIndex;
    pending->requestId = requestId;
    pending->line = std::move(line);
    pending->startedNs = startedNs;
    pending->headers = std::move(reply.headers);
    pending->responder.emplace(std::move(responder));
    if (pending->early) {
        ApiReply early = std::move(*pending->early);
        pending->early.reset();
        pending->deliver(std::move(early));
    }
}

void ApiRouter::finish(qsizetype routeIndex, const QString &requestId, const QString &line,
                       qint64 startedNs, ApiReply reply, const http::HttpResponder &responder)
{
    // "GET /api/v1/health 200", as qCInfo() << method << path << status
    // spelled it, without QDebug's stream.
    logging::info(lcServerHttp(), line + u' ' + QString::number(reply.status));
    const int status = reply.status;
    http::HttpResponse response = responseOf(std::move(reply), requestId);
    m_routeMetrics.at(routeIndex)->observe(status, (monotonic().nsecsElapsed() - startedNs) / 1e9);
    responder.send(std::move(response));
}

void ApiRouter::addRoute(http::Method method, const QString &path, Handler handler, RouteDoc doc)
{
    const qsizetype index = m_routes.size();
    PathShape shape = shapeOf(path);
    const int slot = methodSlot(method);
    if (slot >= 0) {
        MethodTable &table = m_tables[slot];
        if (!shape.literal) {
            // Most specific first; equally specific ones in registration order.
            const Specificity rank = specificityOf(path);
            QList<qsizetype> &patterns = table.patternRoutes;
            qsizetype at = patterns.size();
            while (at > 0 &&
                   moreSpecific(rank, specificityOf(m_routes.at(patterns.at(at - 1)).path)))
                --at;
            patterns.insert(at, index);
        } else if (!table.literalPaths.contains(path)) // the first registration wins
            table.literalPaths.insert(path, index);
    } else {
        qCCritical(lcServerHttp).noquote() << "route with no single method:" << path;
    }
    m_routes.append(RouteInfo{method, path, std::move(doc)});
    m_handlers.append(std::move(handler));
    m_maxBodyBytes.append(0);
    m_shapes.append(std::move(shape));
    m_routeMetrics.append(Metrics::instance().httpRoute(path, methodName(method)));
    m_logPrefixes.append(methodName(method) + u' ');
}

void ApiRouter::describe(http::Method method, const QString &path, RouteDoc doc)
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

void ApiRouter::setMaxBodyBytes(http::Method method, const QString &path, qsizetype bytes)
{
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        if (m_routes.at(i).method == method && m_routes.at(i).path == path) {
            m_maxBodyBytes[i] = bytes;
            return;
        }
    }
    qCWarning(lcServerHttp).noquote() << "setMaxBodyBytes: no route" << methodName(method) << path;
}

void ApiRouter::setUnlistedHandler(const QString &prefix, Handler handler)
{
    m_unlisted.append({prefix, std::move(handler)});
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
    // With TLS the listener does the handshake before it hands a
    // connection over; the HTTP server then reads plain bytes from a
    // QSslSocket.
    auto *tcp = new http::HttpListener(this);
    if (m_tls)
        tcp->setTls(m_tlsConfiguration);
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
