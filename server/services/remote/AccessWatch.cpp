#include "server/services/remote/AccessWatch.h"

#include "common/Logging.h"
#include "server/repositories/UserRepository.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/NodeActions.h"
#include "server/services/remote/NodeGrants.h"

namespace hm::server::remote {

AccessWatch::AccessWatch(store::Database &db, NodeActions &actions, QObject *parent)
    : QObject(parent), m_db(db), m_actions(actions)
{
    fleet::FleetService &fleet = actions.fleet();
    connect(&fleet.events(), &auth::AccountEvents::published, this,
            [this](const auth::AccountEvent &event) {
                // A role or status change or a deletion; anything else (API
                // keys, flows, node metrics…) changes nobody's access.
                if (event.type != u"user_updated" && event.type != u"user_deleted")
                    return;
                const QString userId = event.data.value(QStringLiteral("user_id")).toString();
                if (!userId.isEmpty())
                    changed(userId, {});
            });
    connect(&fleet, &fleet::FleetService::nodeChanged, this,
            [this](const QString &nodeId) { changed({}, nodeId); });
    connect(&fleet, &fleet::FleetService::nodeRevoked, this,
            [this](const QString &nodeId) { changed({}, nodeId); });
    actions.grants().addRemovedListener(this, [this] { changed({}, {}); });
}

Error AccessWatch::revoked()
{
    return Error{ErrorCode::Forbidden, QStringLiteral("access to the node was revoked"),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("access_revoked")}}};
}

void AccessWatch::changed(const QString &userId, const QString &nodeId)
{
    ++m_changes;
    emit mayHaveChanged(userId, nodeId);
}

bool AccessWatch::stillAllowed(const QString &userId, const QString &nodeId,
                               const QString &capability)
{
    auth::UserRepository users(m_db);
    const auto user = users.findById(userId);
    if (!user) {
        qCWarning(lcServer).noquote()
            << "access check: cannot read the user:" << user.error().toString();
        return true;
    }
    // Suspended, deleted or made inactive: none of them may sign in.
    if (!user.value() || user.value()->status != u"active")
        return false;
    auto node = m_actions.fleet().get(nodeId);
    if (!node)
        return node.error().code != ErrorCode::ResourceNotFound;
    auth::Principal principal;
    principal.userId = userId;
    principal.username = user.value()->username;
    principal.role = user.value()->role;
    return m_actions.grants().authorise(principal, node.value(), capability).ok();
}

} // namespace hm::server::remote
