#include "server/ws/WebSocketHub.h"

#include "common/Logging.h"
#include "server/api/ApiRouter.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/engine/FlowEvents.h"
#include "server/ws/AgentFeed.h"
#include "server/ws/EventFeed.h"
#include "server/ws/ExecutionFeed.h"
#include "server/ws/NodeFeed.h"
#include "server/ws/PublicNodeFeed.h"
#include "server/ws/TerminalFeed.h"
#include "server/ws/WsConnection.h"
#include "server/ws/WsUpgrade.h"

#include <QUrlQuery>
#include <QWebSocket>

namespace hm::server::ws {

namespace {

QString credentialOf(const QWebSocket &socket)
{
    const QNetworkRequest request = socket.request();
    return wsCredentialOf(socket.requestUrl(), request.rawHeader("Authorization"),
                          request.rawHeader("X-API-Key"));
}

} // namespace

WebSocketHub::WebSocketHub(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                           FlowEngineHost &host, FlowEvents &flowEvents, fleet::FleetService &fleet,
                           fleet::ProbeService &probes, QString dataDir, WebSocketOptions options,
                           QObject *parent)
    : QObject(parent), m_router(router), m_auth(auth), m_options(options),
      m_executions(std::make_unique<ExecutionFeed>(db, host, options.latencyMarks)),
      m_events(new EventFeed(db, std::move(dataDir), options.statusIntervalMs, this)),
      m_agents(new AgentFeed(fleet, probes, this)), m_nodes(new NodeFeed(fleet, this)),
      m_fleet(fleet)
{
    // Every upgrade under /ws/ becomes a WebSocket (the HTTP server sets
    // TCP_NODELAY on it: pushed events are small and come one by one) and
    // accept() picks the feed, so unknown paths close with 4404 like the
    // rest. Plain HTTP requests there get the API's 404 envelope.
    router.httpServer().acceptWebSocketsUnder(QStringLiteral("/ws/"));
    // Agents' reports are the bulk of what the thread reads; requests and
    // the consoles' feeds go first.
    for (const QString &agentPath : {QStringLiteral("/ws/agent"), QStringLiteral("/ws/agent/")})
        router.httpServer().serveUpgradesInBackground(agentPath);
    router.setUnlistedHandler(QStringLiteral("/ws/"), [](const RequestContext &c) {
        return ApiReply::failure(Error{ErrorCode::ResourceNotFound,
                                       QStringLiteral("%1 is a WebSocket endpoint: connect with "
                                                      "Upgrade: websocket")
                                           .arg(c.request.path())});
    });
    connect(&router.httpServer(), &http::HttpServer::newWebSocketConnection, this,
            &WebSocketHub::acceptPending);
    connect(&host, &FlowEngineHost::event, this, [this](const engine::EngineEvent &event) {
        m_executions->onEvent(event);
        m_events->onEvent(event);
    });
    connect(&flowEvents, &FlowEvents::published, m_events, &EventFeed::onFlowEvent);
    connect(&auth.events, &auth::AccountEvents::published, m_events, &EventFeed::onAccountEvent);
    if (m_options.pingIntervalMs > 0) {
        connect(&m_ping, &QTimer::timeout, this, &WebSocketHub::keepAlive);
        m_ping.start(m_options.pingIntervalMs);
    }
    // A poll of one atomic counter: the writes that change it happen in
    // route handlers all over server/auth, on any connection.
    m_authGeneration = auth::authDataGeneration();
    if (m_options.authRecheckMs > 0) {
        connect(&m_authRecheck, &QTimer::timeout, this, &WebSocketHub::recheckCredentials);
        m_authRecheck.start(m_options.authRecheckMs);
    }
}

WebSocketHub::~WebSocketHub()
{
    // Each connection's destructor says 1001 to its client.
    const QList<WsConnection *> connections = m_connections;
    m_connections.clear();
    qDeleteAll(connections);
}

void WebSocketHub::servePublicStatus(fleet::PublicStatus &status,
                                     std::shared_ptr<auth::RateLimiter> limiter)
{
    if (m_publicNodes)
        return;
    m_publicNodes = new PublicNodeFeed(m_fleet, status, std::move(limiter), this);
    m_router.httpServer().acceptWebSocketsUnder(QStringLiteral("/public/ws/"));
}

void WebSocketHub::serveTerminals(remote::TerminalService &terminals)
{
    if (!m_terminals)
        m_terminals = new TerminalFeed(terminals, this);
}

void WebSocketHub::acceptPending()
{
    http::HttpServer &http = m_router.httpServer();
    while (http.hasPendingWebSocketConnections()) {
        if (std::unique_ptr<QWebSocket> socket = http.nextPendingWebSocketConnection())
            accept(std::move(socket));
    }
}

void WebSocketHub::accept(std::unique_ptr<QWebSocket> socket)
{
    auto *connection = new WsConnection(std::move(socket), m_options.maxUnsentBytes, this);
    m_connections.append(connection);
    connect(connection, &WsConnection::finished, this, &WebSocketHub::onFinished);
    if (!connection->isOpen())
        return;

    const WsTarget target = wsTargetOf(connection->socket().requestUrl().path());
    if (target.feed == WsTarget::Feed::None ||
        (target.feed == WsTarget::Feed::PublicNode && !m_publicNodes) ||
        (target.feed == WsTarget::Feed::Terminal && !m_terminals)) {
        connection->closeWith(kCloseNotFound, QStringLiteral("unknown WebSocket path"));
        return;
    }
    if (target.feed == WsTarget::Feed::Agent) {
        // Agents carry no token: AgentFeed challenges them.
        m_agents->open(connection);
        return;
    }
    if (target.feed == WsTarget::Feed::PublicNode) {
        // No credential: the page is public; the feed applies its limits.
        m_publicNodes->open(connection, target.nodeId, clientAddressOf(*connection).toString());
        return;
    }
    if (target.feed == WsTarget::Feed::Terminal) {
        // A terminal takes its single-use ticket as the first message;
        // nothing that looks like a credential may ride in the URL.
        if (connection->socket().requestUrl().hasQuery()) {
            connection->closeWith(kCloseBadRequest,
                                  QStringLiteral("a terminal takes its ticket as the first "
                                                 "message, never in the URL"));
            return;
        }
        m_terminals->open(connection, target.nodeId, clientAddressOf(*connection).toString());
        return;
    }
    if (target.feed == WsTarget::Feed::Node &&
        QUrlQuery(connection->socket().requestUrl()).hasQueryItem(QStringLiteral("token"))) {
        // Newer feeds never take a credential in the URL (logs, proxies).
        connection->closeWith(kCloseBadRequest,
                              QStringLiteral("send the token in the Authorization header, "
                                             "never in the URL"));
        return;
    }
    if (!authenticate(connection))
        return;
    if (target.feed == WsTarget::Feed::Events)
        m_events->open(connection);
    else if (target.feed == WsTarget::Feed::Node)
        m_nodes->open(connection, target.nodeId);
    else
        m_executions->open(connection, target.executionId);
}

QHostAddress WebSocketHub::clientAddressOf(WsConnection &connection) const
{
    QWebSocket &socket = connection.socket();
    return hm::server::clientAddressOf(socket.peerAddress(),
                                       socket.request().rawHeader("X-Forwarded-For"),
                                       m_router.trustedProxies());
}

bool WebSocketHub::authenticate(WsConnection *connection)
{
    QWebSocket &socket = connection->socket();
    const QHostAddress client = clientAddressOf(*connection);
    const QString token = credentialOf(socket);
    const bool apiKey = token.startsWith(QLatin1String("hm_"));
    qint64 expiresAtMs = 0;
    // Checked as a GET of the WebSocket's path: a read-only API key may
    // listen, an endpoint allow-list must admit the path.
    const auth::ApiKeyService::Request request{QStringLiteral("GET"), socket.requestUrl().path(),
                                               client};
    auto principal = m_auth.authenticateToken(token, request, &expiresAtMs);
    RequestRateLimits &limits = m_router.rateLimits();
    if (!principal) {
        // Guessing tokens here costs the same anonymous budget as over HTTP.
        if (!limits.hitAnonymous(client.toString()).allowed) {
            connection->closeWith(kCloseRateLimited, QStringLiteral("rate limit exceeded"));
            return false;
        }
        const Error &error = principal.error();
        connection->closeWith(closeCodeFor(error),
                              error.code == ErrorCode::TokenExpired
                                  ? (apiKey ? QStringLiteral("API key expired")
                                            : QStringLiteral("access token expired"))
                                  : error.message);
        return false;
    }
    const auth::Principal &p = principal.value();
    if (p.passwordChangeRequired) {
        const Error refused = auth::passwordChangeRequiredError();
        connection->closeWith(closeCodeFor(refused), refused.message);
        return false;
    }
    if (!limits
             .hitPrincipal(p.apiKeyId.isEmpty() ? QStringLiteral("user:") + p.userId
                                                : QStringLiteral("key:") + p.apiKeyId)
             .allowed) {
        connection->closeWith(kCloseRateLimited, QStringLiteral("rate limit exceeded"));
        return false;
    }
    connection->principal = p;
    connection->credential = token;
    connection->credentialRequest = request;
    qCDebug(lcServerHttp).noquote()
        << "WebSocket" << socket.requestUrl().path() << "opened by"
        << (p.apiKeyId.isEmpty() ? p.username : QStringLiteral("API key ") + p.apiKeyId);
    connection->expireAt(expiresAtMs, apiKey ? QStringLiteral("API key expired")
                                             : QStringLiteral("access token expired"));
    return true;
}

void WebSocketHub::onFinished(WsConnection *connection)
{
    if (!m_connections.removeOne(connection))
        return;
    m_executions->remove(connection);
    m_events->remove(connection);
    m_agents->remove(connection);
    m_nodes->remove(connection);
    if (m_publicNodes)
        m_publicNodes->remove(connection);
    if (m_terminals)
        m_terminals->remove(connection);
    connection->deleteLater();
}

void WebSocketHub::recheckCredentials()
{
    const quint64 generation = auth::authDataGeneration();
    if (generation == m_authGeneration)
        return;
    m_authGeneration = generation;
    const QList<WsConnection *> connections = m_connections;
    for (WsConnection *connection : connections) {
        if (!connection->isOpen() || connection->credential.isEmpty())
            continue;
        auto principal = m_auth.authenticateToken(connection->credential,
                                                  connection->credentialRequest, nullptr);
        if (principal) {
            // A new role applies to what the feeds check from now on.
            connection->principal = principal.value();
            continue;
        }
        const Error &error = principal.error();
        qCInfo(lcServerHttp).noquote() << "WebSocket" << connection->socket().requestUrl().path()
                                       << "closed:" << error.message;
        connection->closeWith(closeCodeFor(error), error.message);
    }
}

void WebSocketHub::keepAlive()
{
    const QList<WsConnection *> connections = m_connections;
    for (WsConnection *connection : connections)
        connection->keepAlive();
}

} // namespace hm::server::ws
