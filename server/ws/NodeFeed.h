#pragma once

// /ws/nodes/{id} (and seed 002's /ws/servers/{id}): one node's live
// metrics. The connection is authenticated by its upgrade's Authorization
// or X-API-Key header only: a token in the URL is refused (4400), since
// URLs end up in logs and proxies. VIEWER and up may watch any node (the
// nodes list shows them all). Messages:
//   {type: "node", node}: first, the node as GET /api/v1/nodes/{id} has it;
//   {type: "metrics", node_id, seq, time, metrics: {name: value}}: each
//     report once it is stored (acknowledged to its agent);
//   {type: "status", node_id, online}: its agent connected or went.
// A deleted node closes its watchers with 4404. Sends are bounded like
// every feed's (WsConnection's unsent-bytes limit closes a slow reader).

#include "fleet/AgentProtocol.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace hm::server::fleet {
class FleetService;
}

namespace hm::server::ws {

class WsConnection;

class NodeFeed : public QObject
{
    Q_OBJECT
public:
    explicit NodeFeed(fleet::FleetService &fleet, QObject *parent = nullptr);

    // The connection is authenticated: sends the node and subscribes, or
    // closes 4404 for an unknown node.
    void open(WsConnection *connection, const QString &nodeId);
    void remove(WsConnection *connection);
    int subscriberCount() const;

private:
    void onReport(const QString &nodeId, const hm::fleet::ReportMessage &report);
    void onStatus(const QString &nodeId, bool online);
    void onRevoked(const QString &nodeId);
    void sendTo(const QString &nodeId, const QString &text);

    fleet::FleetService &m_fleet;
    QHash<QString, QList<WsConnection *>> m_subscribers; // node id ->
};

} // namespace hm::server::ws
