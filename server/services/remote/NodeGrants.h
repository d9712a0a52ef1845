#pragma once

// Who may act on which node (issue 38 "Who may act", design
// architecture.md "Security model"): ADMIN on every node; VIEWER never;
// USER through a grant — a user or a role × a node label ('*': every node)
// × a capability — stored in node_grants (NodeGrantRepository). Checked on
// every request against the node the request names, read again each time
// (a revoked grant stops the next request, not the next login). What the
// node's agent grants is a second, separate gate (AgentCalls, and the agent
// itself).

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/repositories/NodeGrantRepository.h"
#include "server/repositories/NodeRepository.h"
#include "server/services/auth/TokenService.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <functional>

namespace hm::store {
class Database;
}

namespace hm::server::remote {

// The capabilities a grant may name: the remote operations (metrics and
// probes are not actions of users).
const QStringList &grantableCapabilities();

struct NodeGrantDetails
{
    QString subjectKind; // "user" or "role"
    QString subject;     // a user id, or USER (a role name)
    QString label;       // a node label or "*"
    QString capability;
};

class NodeGrants
{
public:
    explicit NodeGrants(store::Database &db) : m_db(db) {}

    // FORBIDDEN unless `caller` may use `capability` on `node`.
    Status authorise(const auth::Principal &caller, const repositories::NodeRow &node,
                     const QString &capability);
    // What `caller` may use on `node` by role and grants (sorted), before
    // what the node's agent grants.
    Result<QStringList> capabilitiesOn(const auth::Principal &caller,
                                       const repositories::NodeRow &node);

    // Administrators.
    Result<QList<repositories::NodeGrantRow>> list(const auth::Principal &caller);
    Result<repositories::NodeGrantRow> create(const auth::Principal &caller,
                                              const auth::ClientInfo &client,
                                              const NodeGrantDetails &details);
    Status remove(const auth::Principal &caller, const auth::ClientInfo &client,
                  const QString &id);

    // Called after each grant removed (committed), on the caller's thread:
    // what was opened under it (AccessWatch: terminals, Docker log follows,
    // downloads) is checked again at once. Any number of listeners; each
    // goes with its `context`.
    void addRemovedListener(QObject *context, std::function<void()> listener);

private:
    store::Database &m_db;
    struct RemovedListener
    {
        QPointer<QObject> context;
        std::function<void()> call;
    };
    QList<RemovedListener> m_removed;
};

} // namespace hm::server::remote
