#include "server/http/HttpServer.h"

#include "common/EventDispatcher.h"
#include "common/Logging.h"
#include "server/http/HttpListener.h"
#include "server/http/HttpTransports.h"

#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QWebSocket>

namespace hm::server::http {

namespace {

bool upgradesToWebSocket(const HttpRequest &request)
{
    QByteArrayView upgrade = request.firstValue("Upgrade");
    // "Upgrade: websocket", possibly in a list ("websocket, foo").
    while (!upgrade.isEmpty()) {
        qsizetype comma = upgrade.indexOf(',');
        if (comma < 0)
            comma = upgrade.size();
        if (upgrade.first(comma).trimmed().compare("websocket", Qt::CaseInsensitive) == 0)
            return true;
        upgrade = upgrade.sliced(qMin(comma + 1, upgrade.size()));
    }
    return false;
}

} // namespace

HttpServer::HttpServer(QObject *parent)
    // The handshake is read from sockets this server hands over, TLS ones
    // already decrypted by their QSslSocket: hence non-secure mode.
    : QObject(parent), m_webSockets(QStringLiteral("HiveMind"), QWebSocketServer::NonSecureMode)
{
    connect(&m_webSockets, &QWebSocketServer::newConnection, this,
            &HttpServer::newWebSocketConnection);
    connect(&m_sweep, &QTimer::timeout, this, &HttpServer::sweep);
    setTimeouts(m_timeouts);
}

HttpServer::~HttpServer()
{
    // Before the members they report to go away.
    const QSet<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections)
        delete connection;
}

void HttpServer::setTimeouts(Timeouts timeouts)
{
    m_timeouts = timeouts;
    // One coarse sweep for all connections instead of a timer per request:
    // timeouts are honoured to within a quarter of the shorter one.
    const int interval =
        qBound(50, qMin(qMin(timeouts.idleMs, timeouts.headMs), timeouts.requestMs) / 4, 5000);
    m_idleTicks = quint64((timeouts.idleMs + interval - 1) / interval);
    m_headTicks = quint64((timeouts.headMs + interval - 1) / interval);
    m_requestTicks = quint64((timeouts.requestMs + interval - 1) / interval);
    m_sweep.start(interval);
}

void HttpServer::bind(QTcpServer *server)
{
    // pendingConnectionAvailable, not newConnection: a QSslServer emits
    // it only once the TLS handshake is done.
    connect(server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onPendingConnection,
            Qt::UniqueConnection);
    if (auto *listener = qobject_cast<HttpListener *>(server))
        connect(listener, &HttpListener::plainConnection, this, &HttpServer::onPlainConnection,
                Qt::UniqueConnection);
}

void HttpServer::onPlainConnection(qintptr descriptor)
{
#ifdef Q_OS_LINUX
    // Read and written directly: no QTcpSocket in between (HttpTransports.h).
    auto *transport = new DescriptorTransport(int(descriptor));
#else
    QTcpSocket *socket = adoptAcceptedSocket(descriptor);
    if (!socket)
        return;
    auto *transport = new SocketTransport(socket);
#endif
    m_connections.insert(new HttpConnection(transport, *this, m_limits, m_bodyLimit));
}

void HttpServer::onPendingConnection()
{
    auto *server = qobject_cast<QTcpServer *>(sender());
    if (!server)
        return;
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        auto *connection =
            new HttpConnection(new SocketTransport(socket), *this, m_limits, m_bodyLimit);
        m_connections.insert(connection);
        // Bytes may have arrived with the connection (or during the TLS
        // handshake) before anyone listened for readyRead.
        if (socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(socket, &QTcpSocket::readyRead, Qt::QueuedConnection);
    }
}

bool HttpServer::isWebSocketUpgrade(const HttpRequest &request) const
{
    // A path the router would refuse is no WebSocket either ("//x/ws/…").
    if (m_webSocketPrefixes.isEmpty() || request.method() != Method::Get ||
        !upgradesToWebSocket(request) || !request.hasRoutablePath())
        return false;
    const QString &path = request.path();
    for (const QString &prefix : m_webSocketPrefixes) {
        if (path.startsWith(prefix))
            return true;
    }
    return false;
}

QString HttpServer::originKey(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
        (!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery() ||
        url.hasFragment())
        return {};
    const QString scheme = url.scheme().toLower();
    const bool secure = scheme == QLatin1String("https") || scheme == QLatin1String("wss");
    const bool plain = scheme == QLatin1String("http") || scheme == QLatin1String("ws");
    if (!secure && !plain)
        return {};
    const QString host = url.host().toLower(); // IPv6 without brackets
    return (secure ? QStringLiteral("https://") : QStringLiteral("http://")) +
           (host.contains(u':') ? u'[' + host + u']' : host) + u':' +
           QString::number(url.port(secure ? 443 : 80));
}

bool HttpServer::isOriginAllowed(const HttpRequest &request) const
{
    if (!request.hasHeader("Origin"))
        return true;
    // Two Origin headers join into a value that is no origin: refused.
    const QUrl origin(QString::fromLatin1(request.value("Origin")), QUrl::StrictMode);
    const QString key = originKey(origin);
    return !key.isEmpty() && m_webSocketOrigins.contains(key);
}

void HttpServer::refuseUpgrade(const HttpRequest &request, HttpResponder responder)
{
    qCInfo(lcServerHttp).noquote() << "refused a WebSocket upgrade of" << request.path() << "from"
                                   << request.remoteAddress().toString() << "with Origin"
                                   << QString::fromLatin1(request.value("Origin"));
    responder.send(HttpResponse::error(
        Error{ErrorCode::Forbidden,
              QStringLiteral("WebSocket connections from this origin are not allowed (see "
                             "--ws-allowed-origin)")}));
}

void HttpServer::upgrade(HttpConnection *connection, const HttpRequest &request)
{
    QTcpSocket *socket = connection->takeSocket(request);
    if (!socket)
        return; // the client left meanwhile
    // QWebSocketServer's answer carries CORS headers the API never sends.
    filterHandshakeAnswer(socket);
    // Until the WebSocket takes it over (or it disconnects, when the
    // WebSocket server deletes it), the socket is ours to clean up.
    socket->setParent(this);
    // Pushed events are small and come one by one: Nagle's algorithm would
    // hold each behind the previous one's ACK.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_backgroundPaths.contains(request.path()))
        serveInBackground(socket->socketDescriptor());
    m_webSockets.handleConnection(socket);
    // The handshake is already in the socket's buffer: no readyRead would
    // come for it (what QAbstractHttpServer 6.4 did too).
    emit socket->readyRead();
}

void HttpServer::acceptRawUpgrades(const QByteArray &protocol, const QString &path,
                                   RawUpgrade handler)
{
    m_rawUpgrades.append(RawUpgradeRoute{protocol, path, std::move(handler)});
}

const HttpServer::RawUpgrade *HttpServer::rawUpgradeFor(const HttpRequest &request) const
{
    if (m_rawUpgrades.isEmpty() || request.method() != Method::Get)
        return nullptr;
    const QByteArrayView upgrade = request.firstValue("Upgrade").trimmed();
    for (const RawUpgradeRoute &route : m_rawUpgrades) {
        if (request.path() == route.path &&
            upgrade.compare(route.protocol, Qt::CaseInsensitive) == 0)
            return &route.handler;
    }
    return nullptr;
}

bool HttpServer::hasPendingWebSocketConnections() const
{
    return m_webSockets.hasPendingConnections();
}

std::unique_ptr<QWebSocket> HttpServer::nextPendingWebSocketConnection()
{
    return std::unique_ptr<QWebSocket>(m_webSockets.nextPendingConnection());
}

void HttpServer::handle(const HttpRequest &request, HttpResponder responder)
{
    if (m_handler)
        m_handler(request, std::move(responder));
    else
        responder.send(HttpResponse::error(
            Error{ErrorCode::ServiceUnavailable, QStringLiteral("the server is starting")}));
}

void HttpServer::sweep()
{
    ++m_tick;
    const QSet<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections)
        connection->checkTimeouts(m_tick, {m_idleTicks, m_headTicks, m_requestTicks});
}

} // namespace hm::server::http
