#pragma once

// Restarting a node's agent and rebooting the node (issue 38 item 10,
// seed 000's worker restart; docs/api.md "Node power"). Both are
// dangerous enough to need a fresh re-authentication (RecentAuthentication,
// as opening a terminal) before anything reaches the node, then the usual
// NodeActions path: node, grant, the agent's own capability (`upgrade` for
// a restart, `reboot` for a reboot), audit (NODE_AGENT_RESTARTED,
// NODE_REBOOTED; a refused re-authentication is audited too).
//
// A restart answers once the agent came back (its connection closed and a
// new one was accepted), or TIMEOUT after kReconnectMs; a reboot answers
// when the agent ran its reboot command.

#include "common/Result.h"
#include "server/services/remote/NodeActions.h"

#include <QJsonObject>
#include <functional>

namespace hm::server::remote {

class RecentAuthentication;

class NodePower
{
public:
    static constexpr int kReconnectMs = 60000;

    NodePower(NodeActions &actions, RecentAuthentication &recent)
        : m_actions(actions), m_recent(recent)
    {}

    void restartAgent(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, QObject *context,
                      std::function<void(Result<QJsonObject>)> done);
    void reboot(const auth::Principal &caller, const auth::ClientInfo &client,
                const QString &nodeId, QObject *context,
                std::function<void(Result<QJsonObject>)> done);

private:
    // Refuses (and audits) when the caller did not re-authenticate lately.
    bool refuseStale(const auth::Principal &caller, const auth::ClientInfo &client,
                     const RemoteAction &action, QObject *context,
                     const std::function<void(Result<QJsonObject>)> &done);

    NodeActions &m_actions;
    RecentAuthentication &m_recent;
};

// Calls `done` once the node's agent has disconnected (unless it already
// had) and connected again, or with TIMEOUT after `timeoutMs`. Shared with
// the upgrades, which wait the same way.
void awaitReconnect(fleet::FleetService &fleet, const QString &nodeId, int timeoutMs,
                    QObject *context, std::function<void(Status)> done);

} // namespace hm::server::remote
