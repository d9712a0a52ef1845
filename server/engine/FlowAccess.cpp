#include "server/engine/FlowAccess.h"

#include "engine/persistence/FlowRepository.h"

namespace hm::server {

QString flowPermissionName(FlowPermission permission)
{
    switch (permission) {
    case FlowPermission::View:
        return QStringLiteral("view");
    case FlowPermission::Edit:
        return QStringLiteral("edit");
    case FlowPermission::Admin:
        return QStringLiteral("admin");
    case FlowPermission::Owner:
        return QStringLiteral("owner");
    case FlowPermission::None:
        break;
    }
    return QStringLiteral("none");
}

Result<FlowPermission> flowPermission(store::Database &db, const auth::Principal &principal,
                                      const QString &flowId)
{
    engine::persistence::FlowRepository repo(db);
    auto flow = repo.flow(flowId);
    if (!flow)
        return flow.error();
    if (principal.role == auth::Role::Admin || principal.userId == flow.value().ownerId)
        return FlowPermission::Owner;
    // Until sharing lands every authenticated user may read and run a flow.
    return FlowPermission::View;
}

Status requireFlowPermission(store::Database &db, const auth::Principal &principal,
                             const QString &flowId, FlowPermission needed)
{
    auto have = flowPermission(db, principal, flowId);
    if (!have)
        return have.error();
    if (have.value() < needed)
        return Error{
            ErrorCode::Forbidden,
            QStringLiteral("this needs %1 permission on the flow").arg(flowPermissionName(needed)),
            {{QStringLiteral("required_permission"), flowPermissionName(needed)}}};
    return {};
}

} // namespace hm::server
