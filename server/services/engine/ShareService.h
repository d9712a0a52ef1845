#pragma once

// Flow sharing (seed 003 §14.4): who may share a flow, with whom, and what
// each change leaves behind. Managing shares needs Admin permission on the
// flow (FlowAccess.h; SHARE_ACCESS_DENIED, or FLOW_NOT_FOUND for a caller
// who cannot see it); every change is audited and published as
// flow_shares_changed (FlowEvents.h).
//
// A share goes to a registered account, or waits as an invitation of an
// e-mail address nobody has registered yet. Nobody shares with themselves
// (CANNOT_SHARE_TO_SELF), with the flow's owner or with somebody who has a
// share already (ALREADY_SHARED), or with a deleted account
// (USER_NOT_FOUND).
//
// Shares take no base revision and leave the flow's revision alone: they
// are not what an editor edits, and each is one field (its permission),
// whose races end plainly (ALREADY_SHARED, SHARE_NOT_FOUND, the last
// permission set wins).

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/repositories/ShareRepository.h"
#include "server/services/auth/TokenService.h"
#include "server/services/engine/FlowAccess.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hm::store {
class Database;
}

namespace hm::server {

class FlowEvents;

class ShareService
{
public:
    ShareService(store::Database &db, FlowEvents &events) : m_db(db), m_events(events) {}

    // Shares the flow with the account registered with `email`, or invites
    // the address. `permission` is "view", "edit" or "admin" in any case:
    // VALIDATION_ERROR when empty, INVALID_PERMISSION for anything else,
    // both naming the field. The caller's right is checked first, so
    // somebody who may not manage the flow learns nothing from the rest.
    Result<FlowShare> create(const auth::Principal &caller, const auth::ClientInfo &client,
                             const QString &flowId, const QString &email,
                             const QString &permission);
    // The flow's shares and invitations, oldest first.
    Result<QList<FlowShare>> list(const auth::Principal &caller, const QString &flowId);
    // SHARE_NOT_FOUND unless the share belongs to the flow; audited and
    // published only when the permission changed.
    Result<FlowShare> setPermission(const auth::Principal &caller, const auth::ClientInfo &client,
                                    const QString &flowId, const QString &shareId,
                                    const QString &permission);
    // Removes a share or withdraws an invitation; the share as it was.
    Result<FlowShare> remove(const auth::Principal &caller, const auth::ClientInfo &client,
                             const QString &flowId, const QString &shareId);

    // "view", "edit", "admin".
    static const QStringList &permissionNames();

private:
    static Result<QString> parsePermission(const QString &text);
    Status requireManage(const auth::Principal &caller, const QString &flowId);
    void audit(const auth::Principal &caller, const auth::ClientInfo &client, const QString &action,
               const QString &flowId, const QJsonObject &details);
    void publish(const FlowShare &share, const QString &action);

    store::Database &m_db;
    FlowEvents &m_events;
};

} // namespace hm::server
