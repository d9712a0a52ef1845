#pragma once

// /public/ws/nodes/{id} (and seed 002's /public/ws/servers/{id}): the
// public status page's live view of one node it shows (issue 35, docs/api.md
// "Public status"). Unauthenticated and read-only, so it gives away as
// little as the page does:
//   - while the page is off, or for a node it does not show, the
//     connection closes 4404 "unknown WebSocket path", word for word what
//     an unknown path gets;
//   - every upgrade counts against the page's per-address request limit
//     (4429 past it), and one address holds at most
//     kMaxPublicWatchersPerAddress sockets at once;
//   - messages carry the page's fields and its basic metrics only:
//       {type: "node", node}: first, the node as /public/api/v1/status has it;
//       {type: "metrics", node_id, time, metrics: {name: value}}: each stored
//         report, its public metrics only;
//       {type: "status", node_id, online};
//   - a node taken off the page (or the page turned off) closes its
//     watchers with 4404.
// Incoming messages are ignored (WsConnection bounds their size).

#include "fleet/AgentProtocol.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

namespace hm::server::auth {
class RateLimiter;
}

namespace hm::server::fleet {
class FleetService;
class PublicStatus;
} // namespace hm::server::fleet

namespace hm::server::ws {

class WsConnection;

inline constexpr int kMaxPublicWatchersPerAddress = 8;

class PublicNodeFeed : public QObject
{
    Q_OBJECT
public:
    PublicNodeFeed(fleet::FleetService &fleet, fleet::PublicStatus &status,
                   std::shared_ptr<auth::RateLimiter> limiter, QObject *parent = nullptr);

    void open(WsConnection *connection, const QString &nodeId, const QString &clientAddress);
    void remove(WsConnection *connection);
    int subscriberCount() const;

private:
    struct Watcher
    {
        WsConnection *connection = nullptr;
        QString nodeId;
        QString address;
    };
    void onReport(const QString &nodeId, const hm::fleet::ReportMessage &report);
    void onStatus(const QString &nodeId, bool online);
    void onSettingsChanged();
    void sendTo(const QString &nodeId, const QString &text);

    fleet::FleetService &m_fleet;
    fleet::PublicStatus &m_status;
    std::shared_ptr<auth::RateLimiter> m_limiter;
    QList<Watcher> m_watchers;
};

} // namespace hm::server::ws
