#pragma once

// Upgrading nodes' agents to a stored release (issue 38 item 9; docs/api.md
// "Agent releases"). One node: a fresh re-authentication, then through
// NodeActions (node, `upgrade` grant, the agent's own capability) the
// agent is sent upgrade/begin with the signed manifest, the bytes as
// upgrade/chunk requests over its authenticated connection, and
// upgrade/install; then the server waits for it to come back and checks
// the version it reports. One audit entry per node: NODE_AGENT_UPGRADED,
// or NODE_AGENT_UPGRADE_FAILED with the reason (the agent's refusal,
// TIMEOUT, ROLLED_BACK when it came back on another version).
//
// Many nodes (seed 002's batch): unknown ids are `missing`, nodes not
// connected `offline`; the rest go in stages — the first node alone, then
// `share` percent of the rest, then the rest — each stage's nodes at once;
// a stage with a failure stops the rollout (the nodes not tried are
// `skipped`).

#include "common/Result.h"
#include "server/services/remote/NodeActions.h"

#include <QJsonObject>
#include <QStringList>
#include <functional>

namespace hm::server::remote {

class AgentReleases;
class RecentAuthentication;

struct UpgradeTarget
{
    QString releaseId; // wins when set
    QString version;   // else this version for the server's os/arch; else the latest
    int probationSeconds = 60; // 10 … 600: how long the new agent has to come back
};

class AgentUpgrades
{
public:
    using Done = std::function<void(Result<QJsonObject>)>;

    AgentUpgrades(NodeActions &actions, AgentReleases &releases, RecentAuthentication &recent)
        : m_actions(actions), m_releases(releases), m_recent(recent)
    {}

    void upgradeNode(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, const UpgradeTarget &target, QObject *context,
                     Done done);
    // {success, failure, offline, missing, skipped: [node ids], errors:
    // {node id: {code, reason, message}}, stages: [[node ids]], version}
    void upgradeMany(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QStringList &nodeIds, const UpgradeTarget &target, int sharePercent,
                     QObject *context, Done done);

private:
    void startUpgrade(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, const UpgradeTarget &target, QObject *context,
                      Done done, bool needFresh);
    Status checkFresh(const auth::Principal &caller) const;

    NodeActions &m_actions;
    AgentReleases &m_releases;
    RecentAuthentication &m_recent;
};

} // namespace hm::server::remote
