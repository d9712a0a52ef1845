#include "server/services/remote/NodeActions.h"

#include "server/services/auth/AuditLog.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/NodeGrants.h"

#include <QTimer>

namespace hm::server::remote {

void NodeActions::run(const auth::Principal &caller, const auth::ClientInfo &client,
                      RemoteAction action, QObject *context, fleet::AgentCalls::Callback done)
{
    const auto refuse = [&](const Error &error) {
        QTimer::singleShot(0, context, [done = std::move(done), error] { done(error); });
    };
    auto node = m_fleet.get(action.nodeId);
    if (!node)
        return refuse(node.error());
    if (Status allowed = m_grants.authorise(caller, node.value(), action.capability); !allowed) {
        audit(caller, client, action, allowed);
        return refuse(allowed.error());
    }
    const bool audited = !action.auditAction.isEmpty();
    m_fleet.calls().call(
        action.nodeId, action.capability, action.action, action.args, context,
        [this, caller, client, action = audited ? action : RemoteAction{}, audited,
         done = std::move(done)](Result<QJsonObject> outcome) {
            if (audited)
                audit(caller, client, action, outcome ? Status() : Status(outcome.error()));
            done(std::move(outcome));
        },
        action.timeoutMs);
}

void NodeActions::audit(const auth::Principal &caller, const auth::ClientInfo &client,
                        const RemoteAction &action, const Status &outcome)
{
    if (action.auditAction.isEmpty())
        return;
    QJsonObject details = action.auditDetails;
    details.insert(QStringLiteral("node_id"), action.nodeId);
    if (!action.auditTarget.isEmpty())
        details.insert(QStringLiteral("target"), action.auditTarget);
    details.insert(QStringLiteral("result"),
                   outcome ? QStringLiteral("success") : QStringLiteral("failure"));
    if (!outcome) {
        details.insert(QStringLiteral("error"), outcome.error().codeName());
        const QString reason = outcome.error().details.value(QStringLiteral("code")).toString();
        if (!reason.isEmpty())
            details.insert(QStringLiteral("reason"), reason);
    }
    auth::audit(m_db, action.auditAction, caller.userId, QStringLiteral("node"), action.nodeId,
                client.ip, client.userAgent, details);
}

} // namespace hm::server::remote
