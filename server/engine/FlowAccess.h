#pragma once

// Who may do what with a flow (seed 003 §14.2): the owner and ADMIN users
// have every right; shares grant view, edit or admin. Every flow and
// execution route, and the execution WebSocket, asks here.

#include "common/Result.h"
#include "server/auth/Roles.h"

#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server {

// Ordered: a check for Edit admits Admin and Owner too.
enum class FlowPermission
{
    None = 0,
    View = 1,  // read the flow and its executions, trigger it
    Edit = 2,  // change definition and versions, publish
    Admin = 3, // manage shares
    Owner = 4, // delete the flow; also ADMIN users
};

// "view", "edit", "admin", "owner", "none".
QString flowPermissionName(FlowPermission permission);

// The caller's permission on a live flow; FLOW_NOT_FOUND when there is none.
Result<FlowPermission> flowPermission(store::Database &db, const auth::Principal &principal,
                                      const QString &flowId);

// FLOW_NOT_FOUND, or FORBIDDEN naming the permission needed, unless the
// caller has at least `needed`.
Status requireFlowPermission(store::Database &db, const auth::Principal &principal,
                             const QString &flowId, FlowPermission needed);

} // namespace hm::server
