#pragma once

#include "common/Result.h"
#include "server/http/HttpConnection.h"
#include "server/http/HttpParser.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocketServer>
#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QWebSocket;

namespace hm::server::http {

// HiveMind's HTTP/1.1 front end (it replaced QHttpServer, whose 6.4 parser
// read request heads one byte per QIODevice::read call). It accepts the
// connections of the QTcpServer / QSslServer it is bound to (a QSslServer's
// after their TLS handshake), and passes every parsed request to one
// handler. WebSocket upgrades under the registered path prefixes go to a
// QWebSocketServer instead, with the handshake bytes still in the socket.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder)>;
    struct Timeouts
    {
        int idleMs = 60000; // keep-alive connection without a request
        int headMs = 30000; // from a request's first byte to its full head
        // From a request's first byte (an empty line before it included)
        // to its last: a client trickling a body, or empty lines, one byte
        // at a time keeps resetting the idle clock but not this one.
        int requestMs = 120000;
    };

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Bodies above the limits' defaultBodyBytes are refused unless this
    // says the request's route takes more.
    void setBodyLimit(HttpParser::BodyLimit bodyLimit) { m_bodyLimit = std::move(bodyLimit); }
    void setLimits(HttpParser::Limits limits) { m_limits = limits; }
    void setTimeouts(Timeouts timeouts);

    // Serves the connections `server` (already listening) accepts; the
    // caller keeps owning it.
    void bind(QTcpServer *server);

    // GET requests with "Upgrade: websocket" whose path starts with
    // `prefix` become WebSocket connections.
    void acceptWebSocketsUnder(const QString &prefix) { m_webSocketPrefixes.append(prefix); }
    // WebSockets upgraded at `path` (exactly) are bulk traffic, served after
    // every other ready socket of the thread (serveInBackground,
    // EventDispatcher.h): thousands of agents reporting cannot keep an
    // operator's request waiting behind them.
    void serveUpgradesInBackground(const QString &path) { m_backgroundPaths.append(path); }
    // The origins (as originKey() writes them) whose pages may open a
    // WebSocket: an upgrade with an Origin header not among them is 403
    // FORBIDDEN, so that a page elsewhere cannot use a browser's way in
    // (cross-site WebSocket hijacking). Upgrades without Origin come from
    // native clients (the console, scripts) and are accepted.
    void setWebSocketOrigins(QStringList origins) { m_webSocketOrigins = std::move(origins); }
    // "scheme://host:port", lower case, port always given (80 and 443 for
    // http/ws and https/wss when the URL has none); empty for a URL that is
    // no origin (no host, a path, user info).
    static QString originKey(const QUrl &url);
    // Whether `request` becomes a WebSocket: GET with "Upgrade: websocket"
    // (also in a list), a routable path under a registered prefix.
    // Socket-free, like isOriginAllowed() (the fuzz target WsMessages
    // drives both).
    bool isWebSocketUpgrade(const HttpRequest &request) const;
    // No Origin header, or one whose originKey() is an allowed origin.
    bool isOriginAllowed(const HttpRequest &request) const;
    // GET `path` with "Upgrade: <protocol>", a protocol of HiveMind's own
    // (an agent's file data connection): the handler checks the request
    // and refuses it (the error is the answer; the connection then
    // closes) or returns what takes the plain TCP descriptor over (it
    // answers 101 itself, and owns and closes the descriptor). Only plain
    // connections on Linux have a descriptor to give: on others (TLS) the
    // upgrade is refused after the handler accepted it.
    using RawTaker = std::function<void(int descriptor)>;
    using RawUpgrade = std::function<Result<RawTaker>(const HttpRequest &)>;
    void acceptRawUpgrades(const QByteArray &protocol, const QString &path, RawUpgrade handler);
    bool hasPendingWebSocketConnections() const;
    std::unique_ptr<QWebSocket> nextPendingWebSocketConnection();

    // Sweep ticks so far; connections stamp their activity with it.
    quint64 tick() const { return m_tick; }

signals:
    void newWebSocketConnection();

private:
    friend class HttpConnection;

    void onPendingConnection();
    // A plain connection from an HttpListener, as a bare descriptor.
    void onPlainConnection(qintptr descriptor);
    // From HttpConnection: a parsed request, an upgrade, a connection gone.
    // An upgrade from an origin not allowed: 403 with the envelope.
    void refuseUpgrade(const HttpRequest &request, HttpResponder responder);
    void upgrade(HttpConnection *connection, const HttpRequest &request);
    // The handler of a raw upgrade `request` asks for; nullptr if none.
    const RawUpgrade *rawUpgradeFor(const HttpRequest &request) const;
    void handle(const HttpRequest &request, HttpResponder responder);
    void forget(HttpConnection *connection) { m_connections.remove(connection); }
    void sweep();

    Handler m_handler;
    HttpParser::BodyLimit m_bodyLimit;
    HttpParser::Limits m_limits;
    Timeouts m_timeouts;
    QStringList m_webSocketPrefixes;
    QStringList m_webSocketOrigins;
    QStringList m_backgroundPaths;
    struct RawUpgradeRoute
    {
        QByteArray protocol;
        QString path;
        RawUpgrade handler;
    };
    QList<RawUpgradeRoute> m_rawUpgrades;
    QWebSocketServer m_webSockets;
    QSet<HttpConnection *> m_connections; // children
    QTimer m_sweep;
    quint64 m_tick = 0;
    quint64 m_idleTicks = 0;
    quint64 m_headTicks = 0;
    quint64 m_requestTicks = 0;
};

} // namespace hm::server::http
