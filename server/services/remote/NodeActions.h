#pragma once

// One remote operation on one node, the same way for every tool (issue
// 38): the node must exist (RESOURCE_NOT_FOUND), the caller must hold the
// capability on it (NodeGrants: FORBIDDEN), then its agent is asked
// (AgentCalls: NODE_OFFLINE, CAPABILITY_DISABLED, TIMEOUT, or the agent's
// own answer, which may again be CAPABILITY_DISABLED: the agent decides
// for itself). An action with an audit name leaves one audit entry with
// the authenticated user — never a header — the node, the target, the
// arguments the caller chose to record (never secrets or contents) and the
// outcome, refusals included. Reads (lists) carry no audit name: consoles
// refresh them every few seconds.

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/services/auth/TokenService.h"
#include "server/services/fleet/AgentCalls.h"

#include <QJsonObject>
#include <QString>

class QObject;

namespace hm::store {
class Database;
}

namespace hm::server::fleet {
class FleetService;
}

namespace hm::server::remote {

class NodeGrants;

struct RemoteAction
{
    QString nodeId;
    QString capability;
    QString action; // the agent's action name
    QJsonObject args;
    // Empty: not audited. Otherwise e.g. NODE_PROCESS_KILLED.
    QString auditAction;
    QString auditTarget; // what was acted on, e.g. the pid
    QJsonObject auditDetails;
    int timeoutMs = fleet::AgentCalls::kDefaultTimeoutMs;
};

class NodeActions
{
public:
    NodeActions(store::Database &db, fleet::FleetService &fleet, NodeGrants &grants)
        : m_db(db), m_fleet(fleet), m_grants(grants)
    {}

    // `done` runs once on the server thread (never after `context` is gone,
    // never inside run()).
    void run(const auth::Principal &caller, const auth::ClientInfo &client, RemoteAction action,
             QObject *context, fleet::AgentCalls::Callback done);

    // One audit entry for an operation made of several unaudited run()
    // calls (a download read in chunks): `action` as run() would audit it.
    void recordAudit(const auth::Principal &caller, const auth::ClientInfo &client,
                     const RemoteAction &action, const Status &outcome)
    {
        audit(caller, client, action, outcome);
    }

    NodeGrants &grants() { return m_grants; }
    store::Database &db() { return m_db; }
    fleet::FleetService &fleet() { return m_fleet; }

private:
    void audit(const auth::Principal &caller, const auth::ClientInfo &client,
               const RemoteAction &action, const Status &outcome);

    store::Database &m_db;
    fleet::FleetService &m_fleet;
    NodeGrants &m_grants;
};

} // namespace hm::server::remote
