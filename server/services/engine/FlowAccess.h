#pragma once

// Who may do what with a flow (seed 003 §14.2). Every flow and execution
// route, and the execution WebSocket, asks here.
//
// The grant: the owner has Owner, a share (flow_shares, accepted) gives its
// view/edit/admin, anybody else has None. The caller's role then caps or
// lifts it: ADMIN users have Owner on every flow, VIEWER users (and API keys
// capped to read) at most View, whatever they own or were given — the role
// says what kind of account it is, the share on which flows it applies.
//
// A caller with None is told FLOW_NOT_FOUND (or EXECUTION_NOT_FOUND for the
// flow's executions), exactly as for a flow that does not exist: the id of
// somebody else's flow reveals nothing. A caller who can see the flow but
// lacks the level gets FORBIDDEN (SHARE_ACCESS_DENIED on the share routes).

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/repositories/WriteGenerations.h"

#include <QHash>
#include <QPair>
#include <QString>
#include <QVariantList>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server {

// Ordered: a check for Edit admits Admin and Owner too.
enum class FlowPermission
{
    None = 0,
    View = 1,  // read the flow and its executions, trigger it
    Edit = 2,  // change name, description and versions, publish
    Admin = 3, // manage shares
    Owner = 4, // delete the flow; also ADMIN users
};

// "view", "edit", "admin", "owner", "none".
QString flowPermissionName(FlowPermission permission);
// A share's level: "view", "edit" or "admin" (any case); nothing else.
std::optional<FlowPermission> sharePermissionFromName(const QString &name);

// The role rule above applied to a grant.
FlowPermission capByRole(auth::Role role, FlowPermission granted);

// The caller's effective permission on a live flow (None when it has no
// right at all); FLOW_NOT_FOUND only when the flow does not exist or was
// deleted.
Result<FlowPermission> flowPermission(store::Database &db, const auth::Principal &principal,
                                      const QString &flowId);

// FLOW_NOT_FOUND when the flow is missing or the caller's permission is
// None; `denied` (FORBIDDEN by default) naming the permission needed when
// the caller has less than `needed`.
Status requireFlowPermission(store::Database &db, const auth::Principal &principal,
                             const QString &flowId, FlowPermission needed,
                             ErrorCode denied = ErrorCode::Forbidden);

// invalidateFlowCaches() (WriteGenerations.h): caches of whether a flow is
// live, who it is shared with and which version runs (FlowGrantCache, the
// trigger path's version cache) start over at their next lookup, so the
// very next request sees the change. Owners never change and users are
// never deleted; roles come from the principal per request and are applied
// after the cache.

// flowPermission() and requireFlowPermission() for a hot route (trigger):
// the grant (owner, share) is read once per user and flow and kept until
// invalidateFlowCaches(); the caller's role caps it per call. One thread,
// the database's.
class FlowGrantCache
{
public:
    explicit FlowGrantCache(store::Database &db) : m_db(db) {}

    Result<FlowPermission> permission(const auth::Principal &principal, const QString &flowId);
    Status require(const auth::Principal &principal, const QString &flowId, FlowPermission needed,
                   ErrorCode denied = ErrorCode::Forbidden);

private:
    struct Grant
    {
        bool exists = false;
        FlowPermission permission = FlowPermission::None; // before the role
    };

    store::Database &m_db;
    quint64 m_generation = 0;
    QHash<QPair<QString, QString>, Grant> m_grants; // (user id, flow id)
};

// The same rule for the execution history, whose flow may have been
// deleted since (the owner and the shares still count). None when no flow
// row exists at all.
Result<FlowPermission> historyPermission(store::Database &db, const auth::Principal &principal,
                                         const QString &flowId);

// The same rule for list queries: repositories::viewableFlowCondition
// (FlowsRepository.h).

} // namespace hm::server
