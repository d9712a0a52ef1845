#pragma once

#include "common/Result.h"
#include "server/api/RequestRateLimits.h"
#include "server/api/RouteDoc.h"
#include "server/http/HttpServer.h"

#include <QHostAddress>
#include "server/http/HttpMethod.h"
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QStringList>
#include <QVarLengthArray>
#include <array>
#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QSslCertificate;
class QSslKey;

namespace hm::server {

class HttpRouteMetrics;
class DispatchRule;

// What a route handler answers: a status and a JSON body already in the
// envelope, plus extra headers. A few routes (metrics, exports) answer raw
// bytes instead: contentType set, rawBody sent as is.
struct ApiReply
{
    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray rawBody;
    QByteArray contentType;

    static ApiReply ok(const QJsonValue &data, int status = 200);
    static ApiReply failure(const Error &error);
    static ApiReply raw(QByteArray body, QByteArray contentType, int status = 200);
    // What a handler returns after RequestContext::defer(): the answer
    // follows through the DeferredReply.
    static ApiReply deferred();
    // A body of `length` bytes that `onStream` writes later through the
    // stream it gets (http/HttpStream.h): downloads of any size. When the
    // client left before the answer, onStream is dropped uncalled. A
    // negative length: unknown (chunked, ended by HttpStream::end()).
    static ApiReply stream(qint64 length, QByteArray contentType,
                           std::function<void(http::HttpStream *)> onStream, int status = 200);
    bool hasHeader(QByteArrayView name) const;

    bool isDeferred = false;
    qint64 streamLength = -1;
    std::function<void(http::HttpStream *)> onStream;
};

struct PendingResponse;

// The handle of an answer that comes later (?wait=true, long polls). Copies
// share one answer; the first send() wins. Use it on the server thread only.
// When the client went away in the meantime, send() does nothing; when the
// last copy is dropped unsent, the client gets INTERNAL_ERROR rather than a
// connection that never answers.
class DeferredReply
{
public:
    DeferredReply() = default;
    void send(ApiReply reply) const;
    // False once sent or when the client disconnected.
    bool isPending() const;

private:
    friend class ApiRouter;
    friend struct RequestContext;
    std::shared_ptr<PendingResponse> m_state;
};

// A trusted reverse proxy's network (--trusted-proxy CIDR).
using Subnet = QPair<QHostAddress, int>;

// The client behind a connection from `peer` carrying `forwardedFor` (the
// X-Forwarded-For header), by the rule RequestContext::clientAddress
// describes; for WebSocket upgrades, which reach no route.
QHostAddress clientAddressOf(const QHostAddress &peer, const QByteArray &forwardedFor,
                             const QList<Subnet> &trustedProxies);

struct RequestContext
{
    const http::HttpRequest &request;
    QString requestId;
    // Values of the route's {placeholders}, in path order.
    QStringList pathArgs = {};
    // Proxies whose X-Forwarded-For is believed; null or empty = none.
    const QList<Subnet> *trustedProxies = nullptr;

    // Header value by case-insensitive name; empty when absent.
    QByteArray header(QByteArrayView name) const;
    // The client's address as text; IPv4-mapped IPv6 is shown as IPv4. When
    // the peer is a trusted proxy, the nearest untrusted hop of
    // X-Forwarded-For; otherwise the peer itself (the header is ignored, so
    // clients cannot spoof their address to dodge limits or allow-lists).
    QString clientIp() const;
    QHostAddress clientAddress() const;
    // The body as a JSON object. Bodies above kMaxBodyBytes are
    // PAYLOAD_TOO_LARGE; malformed JSON (with its parse offset) or anything
    // but an object is VALIDATION_ERROR. An empty body is an empty object.
    Result<QJsonObject> jsonObject() const;
    // The same, up to `maxBytes`: for a route whose body limit
    // ApiRouter::setMaxBodyBytes() raised.
    Result<QJsonObject> jsonObject(qsizetype maxBytes) const;

    // Answers later: the handler keeps the returned handle (never the
    // context: the request it refers to is gone once the handler returned),
    // returns ApiReply::deferred() and calls send() when the answer is ready.
    DeferredReply defer() const;

    // Set by the router; the state defer() fills in.
    std::shared_ptr<PendingResponse> *deferSlot = nullptr;
};

// Largest request body the API accepts.
inline constexpr qsizetype kMaxBodyBytes = 10 * 1024 * 1024;

// Owns the HTTP server (server/http): every route gets a request id
// (X-Request-Id header, error bodies, log lines), a metrics sample and,
// unless its RouteDoc says otherwise, the anonymous per-IP rate limit
// (protected routes apply the per-principal one after authentication).
// Unknown paths answer the envelope's 404, known paths with another method
// 405. The table of routes with their descriptions feeds the OpenAPI
// document.
//
// Routing: a hash of the literal paths per method, then the placeholder
// routes segment by segment, most specific first: a literal segment beats a
// placeholder at the first segment where two matching routes differ, so
// the order of registration does not matter ("/flows/shared" beats
// "/flows/{id}" either way); equally specific routes go by registration. Paths are matched as sent (see
// HttpRequest::path()); placeholder values are percent-decoded afterwards,
// and a path with empty or dot segments or an encoded separator is 404.
// HEAD requests are answered by the GET route of their path, without the
// body.
class ApiRouter : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<ApiReply(const RequestContext &)>;

    explicit ApiRouter(QObject *parent = nullptr);

    // path may hold "{name}" placeholders, each matching one non-empty
    // segment; their values arrive in RequestContext::pathArgs. Literal
    // segments win over placeholders whatever the order of registration.
    void addRoute(http::Method method, const QString &path, Handler handler,
                  RouteDoc doc = {});
    // Replaces the description of a registered route, keeping its auth
    // requirement and adding its error codes; for modules that describe
    // their routes in one place after registering them.
    void describe(http::Method method, const QString &path, RouteDoc doc);
    const QList<RouteInfo> &routes() const { return m_routes; }
    // Lets a registered route take bodies up to `bytes` instead of
    // kMaxBodyBytes (larger bodies are refused before they are read).
    void setMaxBodyBytes(http::Method method, const QString &path, qsizetype bytes);
    // Requests under `prefix` that match no route go to `handler` instead
    // of the 404/405 answer; such paths are not in the route table (the
    // WebSocket endpoints' answer to plain HTTP).
    void setUnlistedHandler(const QString &prefix, Handler handler);

    RequestRateLimits &rateLimits() { return m_rateLimits; }
    void setTrustedProxies(QList<Subnet> proxies) { m_trustedProxies = std::move(proxies); }
    const QList<Subnet> &trustedProxies() const { return m_trustedProxies; }
    // Serves HTTPS; call before listen().
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    bool tlsEnabled() const { return m_tls; }

    // The HTTP server itself, for WebSocket upgrades on the same port.
    http::HttpServer &httpServer() { return m_http; }

    // Listens on address:port (0 = any free port). PortInUse names the port.
    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void close();

private:
    friend class DeferredReply;
    friend struct PendingResponse;

    // One "/"-separated piece of a route's path: literal text or a
    // {placeholder}, which matches any non-empty segment.
    struct Segment
    {
        QString literal;
        bool placeholder = false;
    };
    // How a route's path is matched; parallel to m_routes.
    struct PathShape
    {
        bool literal = true;                     // no placeholders: looked up by hash
        QList<Segment> segments;                 // else: segment by segment
        std::optional<QRegularExpression> regex; // placeholders inside a segment
    };
    // The routes of one method.
    struct MethodTable
    {
        QHash<QString, qsizetype> literalPaths; // path -> first route index
        QList<qsizetype> patternRoutes;         // most specific first
    };
    // A request path cut at each '/' (views into the path).
    using PathParts = QVarLengthArray<QStringView, 12>;

    static PathShape shapeOf(const QString &path);
    static PathParts splitPath(const QString &path);
    // Whether route `index` matches `path` (cut into `parts`); its
    // placeholder values go to `args` when given.
    bool pathMatches(qsizetype index, const QString &path, const PathParts &parts,
                     QStringList *args) const;
    // The most specific route for the method and path, or -1.
    qsizetype lookup(http::Method method, const QString &path,
                     QStringList *args) const;
    // Every request the HTTP server parsed.
    void dispatch(const http::HttpRequest &request, http::HttpResponder responder);
    // The body limit of the request's route (asked for large bodies only).
    qsizetype maxBodyBytes(const http::HttpRequest &request) const;

    void respond(qsizetype routeIndex, const http::HttpRequest &request, QStringList pathArgs,
                 http::HttpResponder responder);
    // Request id into error bodies, log line, metrics, then the bytes.
    // `line` is what the access line shows before the status: method and
    // path (the pattern for secretInPath).
    void finish(qsizetype routeIndex, const QString &requestId, const QString &line,
                qint64 startedNs, ApiReply reply, const http::HttpResponder &responder);
    void answerMissing(const http::HttpRequest &request, const http::HttpResponder &responder);
    // An unlisted handler's answer, with the request id, log line and
    // metrics of answerMissing.
    void answerUnlisted(const Handler &handler, const http::HttpRequest &request,
                        const http::HttpResponder &responder);

    http::HttpServer m_http;
    QTcpServer *m_tcp = nullptr;
    QList<RouteInfo> m_routes;
    QList<Handler> m_handlers;            // parallel to m_routes
    QList<PathShape> m_shapes;            // parallel to m_routes
    std::array<MethodTable, 16> m_tables; // by the method's bit position
    QList<qsizetype> m_maxBodyBytes;      // parallel to m_routes; 0 = kMaxBodyBytes
    QList<QPair<QString, Handler>> m_unlisted;
    // Parallel to m_routes: the route's metric series and the access line's
    // "GET " prefix, resolved at registration instead of per request.
    QList<HttpRouteMetrics *> m_routeMetrics;
    QStringList m_logPrefixes;
    RequestRateLimits m_rateLimits;
    QList<Subnet> m_trustedProxies;
    bool m_tls = false;
    QSslConfiguration m_tlsConfiguration;
};

} // namespace hm::server
