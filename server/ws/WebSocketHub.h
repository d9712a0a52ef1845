#pragma once

#include "server/ws/WebSocketOptions.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <memory>

class QWebSocket;

namespace hm::store {
class Database;
}

namespace hm::server {
class ApiRouter;
class FlowEngineHost;
class FlowEvents;
namespace auth {
struct AuthModule;
}
namespace auth {
class RateLimiter;
}
namespace remote {
class TerminalService;
}
namespace fleet {
class FleetService;
class ProbeService;
class PublicStatus;
} // namespace fleet
} // namespace hm::server

namespace hm::server::ws {

class AgentFeed;
class EventFeed;
class ExecutionFeed;
class NodeFeed;
class PublicNodeFeed;
class TerminalFeed;
class WsConnection;

// The server's WebSockets, on the HTTP port: the HTTP server hands every
// "Upgrade: websocket" request under /ws/ to us, and the path picks the
// feed:
//   /ws/executions/{id}   ExecutionFeed (seed 003 §7.3)
//   /ws/events            EventFeed (seed 001; /ws/connect is an alias):
//                         system status, execution and flow changes
//   /ws/agent             AgentFeed: hivemind-agent, authenticated by a
//                         signed challenge instead of a token
//   /ws/nodes/{id}        NodeFeed: one node's live metrics (/ws/servers/{id}
//                         too); its credential in a header only
//   /public/ws/nodes/{id} PublicNodeFeed: the public status page's view of
//                         one node (/public/ws/servers/{id} too), no
//                         credential, once servePublicStatus() ran
// Each connection authenticates with ?token= (JWT or API key) or the
// upgrade's Authorization / X-API-Key header, like a GET of its path, and is
// closed with 4401 when its credential expires, and within a second of a
// logout, session revocation or key revocation (4401) or a suspension
// (4403). Failures close with the
// codes of CloseCodes.h. Lives on the server thread; destroy it before the
// router, the engine host and the auth module it refers to.
class WebSocketHub : public QObject
{
    Q_OBJECT
public:
    WebSocketHub(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                 FlowEngineHost &host, FlowEvents &flowEvents, fleet::FleetService &fleet,
                 fleet::ProbeService &probes, QString dataDir, WebSocketOptions options,
                 QObject *parent = nullptr);
    ~WebSocketHub() override;

    // Serves /public/ws/… (PublicNodeFeed) from now on: the public status
    // page's live view, without a credential, limited by `limiter`.
    void servePublicStatus(fleet::PublicStatus &status, std::shared_ptr<auth::RateLimiter> limiter);
    // /ws/nodes/{id}/terminal (TerminalFeed) from now on.
    void serveTerminals(remote::TerminalService &terminals);

private:
    void acceptPending();
    void accept(std::unique_ptr<QWebSocket> socket);
    bool authenticate(WsConnection *connection);
    QHostAddress clientAddressOf(WsConnection &connection) const;
    void onFinished(WsConnection *connection);
    void keepAlive();
    // Every open connection's credential again, when the auth data changed.
    void recheckCredentials();

    ApiRouter &m_router;
    auth::AuthModule &m_auth;
    WebSocketOptions m_options;
    std::unique_ptr<ExecutionFeed> m_executions;
    EventFeed *m_events = nullptr;           // child
    AgentFeed *m_agents = nullptr;           // child
    NodeFeed *m_nodes = nullptr;             // child
    PublicNodeFeed *m_publicNodes = nullptr; // child, once servePublicStatus ran
    TerminalFeed *m_terminals = nullptr;     // child, once serveTerminals ran
    fleet::FleetService &m_fleet;
    QList<WsConnection *> m_connections; // children
    QTimer m_ping;
    QTimer m_authRecheck;
    quint64 m_authGeneration = 0; // auth::authDataGeneration() at the last check
};

} // namespace hm::server::ws
