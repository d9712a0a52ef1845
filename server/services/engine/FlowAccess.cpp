#include "server/services/engine/FlowAccess.h"

#include "server/repositories/FlowsRepository.h"
#include "store/Database.h"

namespace hm::server {

namespace {

// Grants kept per cache; beyond this it starts over (a miss is one read).
constexpr qsizetype kMaxCachedGrants = 4096;

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
    auto row = repositories::flowOwnerAndShare(db, userId, flowId, includeDeleted);
    if (!row)
        return row.error();
    Grant grant;
    if (!row.value())
        return grant;
    grant.exists = true;
    if (!userId.isEmpty() && row.value()->ownerId == userId)
        grant.permission = FlowPermission::Owner;
    else if (row.value()->sharePermission)
        grant.permission =
            sharePermissionFromName(*row.value()->sharePermission).value_or(FlowPermission::None);
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

// requireFlowPermission()'s verdict on the caller's permission.
static Status checkPermission(const Result<FlowPermission> &have, const QString &flowId,
                              FlowPermission needed, ErrorCode denied)
{
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

Status requireFlowPermission(store::Database &db, const auth::Principal &principal,
                             const QString &flowId, FlowPermission needed, ErrorCode denied)
{
    return checkPermission(flowPermission(db, principal, flowId), flowId, needed, denied);
}

Result<FlowPermission> FlowGrantCache::permission(const auth::Principal &principal,
                                                  const QString &flowId)
{
    const quint64 generation = flowCacheGeneration();
    if (generation != m_generation || m_grants.size() >= kMaxCachedGrants) {
        m_grants.clear();
        m_generation = generation;
    }
    const QPair<QString, QString> key{principal.userId, flowId};
    auto it = m_grants.constFind(key);
    if (it == m_grants.cend()) {
        auto read = readGrant(m_db, principal.userId, flowId, false);
        if (!read)
            return read.error();
        it = m_grants.insert(key, Grant{read.value().exists, read.value().permission});
    }
    if (!it->exists)
        return flowNotFound(flowId);
    return capByRole(principal.role, it->permission);
}

Status FlowGrantCache::require(const auth::Principal &principal, const QString &flowId,
                               FlowPermission needed, ErrorCode denied)
{
    return checkPermission(permission(principal, flowId), flowId, needed, denied);
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

} // namespace hm::server
