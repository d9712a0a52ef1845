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
#include "server/auth/Roles.h"

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

// The same rule for the execution history, whose flow may have been
// deleted since (the owner and the shares still count). None when no flow
// row exists at all.
Result<FlowPermission> historyPermission(store::Database &db, const auth::Principal &principal,
                                         const QString &flowId);

// An SQL condition on `flowIdColumn` for list queries: only flows the
// caller may view (owned or shared, deleted ones included). Empty for ADMIN
// callers. The values to bind, in order, are appended to `binds`.
QString viewableFlowCondition(const auth::Principal &principal, const QString &flowIdColumn,
                              QVariantList &binds);

} // namespace hm::server
