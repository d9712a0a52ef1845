#include "server/services/engine/ShareService.h"

#include "server/api/AuthCommon.h"
#include "server/repositories/FlowsRepository.h"
#include "server/repositories/WriteGenerations.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/Validation.h"
#include "server/services/engine/FlowEvents.h"

#include <QJsonArray>

namespace hm::server {
namespace {

Error emailFieldError(ErrorCode code, const QString &message)
{
    return Error{code, message, {{QStringLiteral("field"), QStringLiteral("email")}}};
}

} // namespace

const QStringList &ShareService::permissionNames()
{
    static const QStringList names{QStringLiteral("view"), QStringLiteral("edit"),
                                   QStringLiteral("admin")};
    return names;
}

Result<QString> ShareService::parsePermission(const QString &text)
{
    if (text.isEmpty())
        return auth::fieldError(QStringLiteral("permission"),
                                QStringLiteral("permission is required: view, edit or admin"));
    const auto permission = sharePermissionFromName(text);
    if (!permission)
        return Error{ErrorCode::InvalidPermission,
                     QStringLiteral("permission must be view, edit or admin"),
                     {{QStringLiteral("field"), QStringLiteral("permission")},
                      {QStringLiteral("allowed"), QJsonArray::fromStringList(permissionNames())}}};
    return flowPermissionName(*permission);
}

Status ShareService::requireManage(const auth::Principal &caller, const QString &flowId)
{
    return requireFlowPermission(m_db, caller, flowId, FlowPermission::Admin,
                                 ErrorCode::ShareAccessDenied);
}

void ShareService::audit(const auth::Principal &caller, const auth::ClientInfo &client,
                         const QString &action, const QString &flowId, const QJsonObject &details)
{
    auth::audit(m_db, action, caller.userId, QStringLiteral("flow"), flowId, client.ip,
                client.userAgent, details);
}

// To the flow's admins and the person the share is for (not the invited
// address: a pending share names nobody yet).
void ShareService::publish(const FlowShare &share, const QString &action)
{
    m_events.publish(
        {QStringLiteral("flow_shares_changed"),
         share.flowId,
         {{QStringLiteral("flow_id"), share.flowId},
          {QStringLiteral("share_id"), share.id},
          {QStringLiteral("action"), action},
          {QStringLiteral("user_id"), share.pending() ? QJsonValue() : QJsonValue(share.userId)},
          {QStringLiteral("permission"), share.permission},
          {QStringLiteral("pending"), share.pending()}},
         FlowPermission::Admin,
         share.userId});
}

Result<FlowShare> ShareService::create(const auth::Principal &caller,
                                       const auth::ClientInfo &client, const QString &flowId,
                                       const QString &email, const QString &permission)
{
    if (Status allowed = requireManage(caller, flowId); !allowed)
        return allowed.error();
    const QString address = email.trimmed();
    if (!auth::plausibleEmail(address))
        return auth::fieldError(QStringLiteral("email"), QStringLiteral("not an e-mail address"));
    auto parsed = parsePermission(permission);
    if (!parsed)
        return parsed.error();
    const QString level = parsed.value();
    auto account = repositories::accountByEmail(m_db, address);
    if (!account)
        return account.error();
    QString userId;
    if (account.value()) {
        const repositories::Account &a = *account.value();
        if (a.id == caller.userId)
            return emailFieldError(ErrorCode::CannotShareToSelf,
                                   QStringLiteral("you cannot share a flow with yourself"));
        if (a.status == QLatin1String("deleted"))
            return emailFieldError(
                ErrorCode::UserNotFound,
                QStringLiteral("the account with this e-mail address was deleted"));
        auto owner = repositories::flowOwner(m_db, flowId);
        if (!owner)
            return owner.error();
        if (owner.value() == a.id)
            return emailFieldError(
                ErrorCode::AlreadyShared,
                QStringLiteral("this person owns the flow and has every permission"));
        userId = a.id;
    }
    auto share = FlowShareRepository(m_db).create(
        flowId, userId, userId.isEmpty() ? address : QString(), level, caller.userId);
    if (!share)
        return share.error();
    // Shares decide access: cached grants must not outlive this write.
    invalidateFlowCaches();
    audit(caller, client, QStringLiteral("FLOW_SHARE_CREATED"), flowId,
          {{QStringLiteral("share_id"), share.value().id},
           {QStringLiteral("user_id"), userId.isEmpty() ? QJsonValue() : QJsonValue(userId)},
           {QStringLiteral("invited_email"), userId.isEmpty() ? QJsonValue(address) : QJsonValue()},
           {QStringLiteral("permission"), level}});
    publish(share.value(), QStringLiteral("created"));
    return share;
}

Result<QList<FlowShare>> ShareService::list(const auth::Principal &caller, const QString &flowId)
{
    if (Status allowed = requireManage(caller, flowId); !allowed)
        return allowed.error();
    return FlowShareRepository(m_db).list(flowId);
}

Result<FlowShare> ShareService::setPermission(const auth::Principal &caller,
                                              const auth::ClientInfo &client, const QString &flowId,
                                              const QString &shareId, const QString &permission)
{
    if (Status allowed = requireManage(caller, flowId); !allowed)
        return allowed.error();
    FlowShareRepository repo(m_db);
    auto share = repo.find(flowId, shareId);
    if (!share)
        return share.error();
    auto parsed = parsePermission(permission);
    if (!parsed)
        return parsed.error();
    const QString level = parsed.value();
    const bool changed = level != share.value().permission;
    if (changed) {
        if (Status set = repo.setPermission(share.value().id, level); !set)
            return set.error();
        invalidateFlowCaches();
        audit(caller, client, QStringLiteral("FLOW_SHARE_UPDATED"), flowId,
              {{QStringLiteral("share_id"), share.value().id},
               {QStringLiteral("previous_permission"), share.value().permission},
               {QStringLiteral("permission"), level}});
    }
    auto updated = repo.find(flowId, share.value().id);
    if (updated && changed)
        publish(updated.value(), QStringLiteral("updated"));
    return updated;
}

Result<FlowShare> ShareService::remove(const auth::Principal &caller,
                                       const auth::ClientInfo &client, const QString &flowId,
                                       const QString &shareId)
{
    if (Status allowed = requireManage(caller, flowId); !allowed)
        return allowed.error();
    FlowShareRepository repo(m_db);
    auto share = repo.find(flowId, shareId);
    if (!share)
        return share.error();
    if (Status removed = repo.remove(share.value().id); !removed)
        return removed.error();
    invalidateFlowCaches();
    const FlowShare &s = share.value();
    audit(
        caller, client, QStringLiteral("FLOW_SHARE_DELETED"), flowId,
        {{QStringLiteral("share_id"), s.id},
         {QStringLiteral("user_id"), s.pending() ? QJsonValue() : QJsonValue(s.userId)},
         {QStringLiteral("invited_email"), s.pending() ? QJsonValue(s.invitedEmail) : QJsonValue()},
         {QStringLiteral("permission"), s.permission}});
    publish(s, QStringLiteral("deleted"));
    return share;
}

} // namespace hm::server
