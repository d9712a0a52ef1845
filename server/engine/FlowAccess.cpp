#include "server/engine/FlowAccess.h"

#include "store/Database.h"

namespace hm::server {

namespace {

Error flowNotFound(const QString &flowId)
{
    return Error{ErrorCode::FlowNotFound, QStringLiteral("flow %1 not found").arg(flowId)};
}

struct Grant
{
    bool exists = false;
    FlowPermission permission = FlowPermission::None; // before the role
};

// The owner and the caller's share in one statement.
Result<Grant> readGrant(store::Database &db, const QString &userId, const QString &flowId,
                        bool includeDeleted)
{
    auto select = db.prepare(
        QStringLiteral("SELECT f.owner_id, (SELECT s.permission FROM flow_shares s "
                       "WHERE s.flow_id = f.id AND s.user_id = ?) FROM flows f WHERE f.id = ?") +
        (includeDeleted ? QString() : QStringLiteral(" AND f.deleted_at IS NULL")));
    if (!select)
        return select.error();
    select.value().bind(1, userId).bind(2, flowId);
    auto row = select.value().step();
    if (!row)
        return row.error();
    Grant grant;
    if (!row.value())
        return grant;
    grant.exists = true;
    const auto &s = select.value();
    if (!userId.isEmpty() && s.text(0) == userId)
        grant.permission = FlowPermission::Owner;
    else if (!s.isNull(1))
        grant.permission = sharePermissionFromName(s.text(1)).value_or(FlowPermission::None);
    return grant;
}

} // namespace

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

std::optional<FlowPermission> sharePermissionFromName(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("view"))
        return FlowPermission::View;
    if (lower == QLatin1String("edit"))
        return FlowPermission::Edit;
    if (lower == QLatin1String("admin"))
        return FlowPermission::Admin;
    return std::nullopt;
}

FlowPermission capByRole(auth::Role role, FlowPermission granted)
{
    switch (role) {
    case auth::Role::Admin:
        return FlowPermission::Owner;
    case auth::Role::Viewer:
        return std::min(granted, FlowPermission::View);
    case auth::Role::User:
        break;
    }
    return granted;
}

Result<FlowPermission> flowPermission(store::Database &db, const auth::Principal &principal,
                                      const QString &flowId)
{
    auto grant = readGrant(db, principal.userId, flowId, false);
    if (!grant)
        return grant.error();
    if (!grant.value().exists)
        return flowNotFound(flowId);
    return capByRole(principal.role, grant.value().permission);
}

Status requireFlowPermission(store::Database &db, const auth::Principal &principal,
                             const QString &flowId, FlowPermission needed, ErrorCode denied)
{
    auto have = flowPermission(db, principal, flowId);
    if (!have)
        return have.error();
    if (have.value() == FlowPermission::None)
        return flowNotFound(flowId);
    if (have.value() < needed)
        return Error{denied,
                     QStringLiteral("this needs %1 permission on the flow, you have %2")
                         .arg(flowPermissionName(needed), flowPermissionName(have.value())),
                     {{QStringLiteral("required_permission"), flowPermissionName(needed)},
                      {QStringLiteral("permission"), flowPermissionName(have.value())}}};
    return {};
}

Result<FlowPermission> historyPermission(store::Database &db, const auth::Principal &principal,
                                         const QString &flowId)
{
    if (principal.role == auth::Role::Admin)
        return FlowPermission::Owner;
    auto grant = readGrant(db, principal.userId, flowId, true);
    if (!grant)
        return grant.error();
    return capByRole(principal.role, grant.value().permission);
}

QString viewableFlowCondition(const auth::Principal &principal, const QString &flowIdColumn,
                              QVariantList &binds)
{
    if (principal.role == auth::Role::Admin)
        return {};
    binds << principal.userId << principal.userId;
    return flowIdColumn +
           QStringLiteral(" IN (SELECT id FROM flows WHERE owner_id = ? "
                          "UNION SELECT flow_id FROM flow_shares WHERE user_id = ?)");
}

} // namespace hm::server
