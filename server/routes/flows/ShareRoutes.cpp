// Flow sharing (seed 003 §14.4): /api/v1/flows/{id}/shares* and
// /api/v1/flows/shared-with-me. Managing shares needs Admin permission on
// the flow (FlowAccess.h); every change is audited and published as
// flow_shares_changed (FlowEvents.h).
//
// Shares take no base revision and leave the flow's revision alone: they
// are not what an editor edits, and each is one field (its permission),
// whose races end plainly (ALREADY_SHARED, SHARE_NOT_FOUND, the last
// permission set wins).

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/FlowsRepository.h"
#include "server/repositories/ListRepositories.h"
#include "server/repositories/ShareRepository.h"
#include "server/routes/EngineRoutes.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/Validation.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowEvents.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QStringList kSharePermissions{QStringLiteral("view"), QStringLiteral("edit"),
                                    QStringLiteral("admin")};

// The body's "permission", else ?permission= (the seed's PUT form).
// Missing is VALIDATION_ERROR, an unknown level INVALID_PERMISSION; both
// name the field.
Result<QString> permissionField(const QJsonObject &body, const QUrlQuery &query)
{
    auto fromBody = auth::optionalString(body, QStringLiteral("permission"));
    if (!fromBody)
        return fromBody.error();
    const QString text = fromBody.value().isEmpty()
                             ? queryValue(query, QStringLiteral("permission"))
                             : fromBody.value();
    if (text.isEmpty())
        return auth::fieldError(QStringLiteral("permission"),
                                QStringLiteral("permission is required: view, edit or admin"));
    const auto permission = sharePermissionFromName(text);
    if (!permission)
        return Error{ErrorCode::InvalidPermission,
                     QStringLiteral("permission must be view, edit or admin"),
                     {{QStringLiteral("field"), QStringLiteral("permission")},
                      {QStringLiteral("allowed"), QJsonArray::fromStringList(kSharePermissions)}}};
    return flowPermissionName(*permission);
}

void auditShare(store::Database &db, const RequestContext &c, const Principal &p,
                const QString &action, const QString &flowId, QJsonObject details)
{
    auth::audit(db, action, p.userId, QStringLiteral("flow"), flowId, c.clientIp(),
                QString::fromUtf8(c.header("User-Agent")), details);
}

using repositories::Account;
using repositories::accountByEmail;
using repositories::flowOwner;

// To the flow's admins and the person the share is for (not the invited
// address: a pending share names nobody yet).
void publishShareChange(FlowEvents &events, const FlowShare &share, const QString &action)
{
    events.publish(
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

ApiReply createShare(store::Database &db, FlowEvents &events, const RequestContext &c,
                     const Principal &p)
{
    const QString flowId = c.pathArgs.at(0);
    HM_TRY_STATUS(
        requireFlowPermission(db, p, flowId, FlowPermission::Admin, ErrorCode::ShareAccessDenied));
    HM_TRY(body, c.jsonObject());
    HM_TRY(email, auth::requiredString(body.value(), QStringLiteral("email")));
    const QString address = email.value().trimmed();
    if (!auth::plausibleEmail(address))
        return ApiReply::failure(
            auth::fieldError(QStringLiteral("email"), QStringLiteral("not an e-mail address")));
    HM_TRY(permission, permissionField(body.value(), c.request.query()));

    HM_TRY(account, accountByEmail(db, address));
    QString userId;
    if (account.value()) {
        const Account &a = *account.value();
        if (a.id == p.userId)
            return ApiReply::failure(Error{ErrorCode::CannotShareToSelf,
                                           QStringLiteral("you cannot share a flow with yourself"),
                                           {{QStringLiteral("field"), QStringLiteral("email")}}});
        if (a.status == QLatin1String("deleted"))
            return ApiReply::failure(
                Error{ErrorCode::UserNotFound,
                      QStringLiteral("the account with this e-mail address was deleted"),
                      {{QStringLiteral("field"), QStringLiteral("email")}}});
        HM_TRY(owner, flowOwner(db, flowId));
        if (owner.value() == a.id)
            return ApiReply::failure(
                Error{ErrorCode::AlreadyShared,
                      QStringLiteral("this person owns the flow and has every permission"),
                      {{QStringLiteral("field"), QStringLiteral("email")}}});
        userId = a.id;
    }
    FlowShareRepository repo(db);
    HM_TRY(share, repo.create(flowId, userId, userId.isEmpty() ? address : QString(),
                              permission.value(), p.userId));
    auditShare(
        db, c, p, QStringLiteral("FLOW_SHARE_CREATED"), flowId,
        {{QStringLiteral("share_id"), share.value().id},
         {QStringLiteral("user_id"), userId.isEmpty() ? QJsonValue() : QJsonValue(userId)},
         {QStringLiteral("invited_email"), userId.isEmpty() ? QJsonValue(address) : QJsonValue()},
         {QStringLiteral("permission"), permission.value()}});
    publishShareChange(events, share.value(), QStringLiteral("created"));
    return ApiReply::ok(share.value().toJson(), 201);
}

ApiReply listShares(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QString flowId = c.pathArgs.at(0);
    HM_TRY_STATUS(
        requireFlowPermission(db, p, flowId, FlowPermission::Admin, ErrorCode::ShareAccessDenied));
    HM_TRY(shares, FlowShareRepository(db).list(flowId));
    QJsonArray items;
    for (const FlowShare &share : std::as_const(shares.value()))
        items.append(share.toJson());
    return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items}});
}

ApiReply updateShare(store::Database &db, FlowEvents &events, const RequestContext &c,
                     const Principal &p)
{
    const QString flowId = c.pathArgs.at(0);
    HM_TRY_STATUS(
        requireFlowPermission(db, p, flowId, FlowPermission::Admin, ErrorCode::ShareAccessDenied));
    HM_TRY(body, c.jsonObject());
    FlowShareRepository repo(db);
    HM_TRY(share, repo.find(flowId, c.pathArgs.at(1)));
    HM_TRY(permission, permissionField(body.value(), c.request.query()));
    const bool changed = permission.value() != share.value().permission;
    if (changed) {
        HM_TRY_STATUS(repo.setPermission(share.value().id, permission.value()));
        auditShare(db, c, p, QStringLiteral("FLOW_SHARE_UPDATED"), flowId,
                   {{QStringLiteral("share_id"), share.value().id},
                    {QStringLiteral("previous_permission"), share.value().permission},
                    {QStringLiteral("permission"), permission.value()}});
    }
    HM_TRY(updated, repo.find(flowId, share.value().id));
    if (changed)
        publishShareChange(events, updated.value(), QStringLiteral("updated"));
    return ApiReply::ok(updated.value().toJson());
}

ApiReply deleteShare(store::Database &db, FlowEvents &events, const RequestContext &c,
                     const Principal &p)
{
    const QString flowId = c.pathArgs.at(0);
    HM_TRY_STATUS(
        requireFlowPermission(db, p, flowId, FlowPermission::Admin, ErrorCode::ShareAccessDenied));
    FlowShareRepository repo(db);
    HM_TRY(share, repo.find(flowId, c.pathArgs.at(1)));
    HM_TRY_STATUS(repo.remove(share.value().id));
    auditShare(db, c, p, QStringLiteral("FLOW_SHARE_DELETED"), flowId,
               {{QStringLiteral("share_id"), share.value().id},
                {QStringLiteral("user_id"),
                 share.value().pending() ? QJsonValue() : QJsonValue(share.value().userId)},
                {QStringLiteral("invited_email"),
                 share.value().pending() ? QJsonValue(share.value().invitedEmail) : QJsonValue()},
                {QStringLiteral("permission"), share.value().permission}});
    publishShareChange(events, share.value(), QStringLiteral("deleted"));
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("id"), share.value().id}, {QStringLiteral("deleted"), true}});
}

// Live flows shared with the caller (accepted shares), newest share first.
ApiReply sharedWithMe(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(page, repositories::listSharedWithUser(db, p.userId, paging.value()));
    const auto text = [](const std::optional<QString> &value) {
        return value ? QJsonValue(*value) : QJsonValue();
    };
    QJsonArray items;
    for (const repositories::SharedFlowRow &share : std::as_const(page.value().items)) {
        const FlowPermission granted =
            sharePermissionFromName(share.permission).value_or(FlowPermission::None);
        items.append(QJsonObject{{QStringLiteral("id"), share.flowId},
                                 {QStringLiteral("name"), share.name},
                                 {QStringLiteral("description"), text(share.description)},
                                 {QStringLiteral("owner_id"), share.ownerId},
                                 {QStringLiteral("owner_name"), text(share.ownerName)},
                                 {QStringLiteral("share_id"), share.shareId},
                                 {QStringLiteral("my_permission"), flowPermissionName(granted)},
                                 {QStringLiteral("effective_permission"),
                                  flowPermissionName(capByRole(p.role, granted))},
                                 {QStringLiteral("shared_by"), share.sharedBy},
                                 {QStringLiteral("shared_by_name"), text(share.sharedByName)},
                                 {QStringLiteral("shared_at"), auth::isoOrNull(share.sharedAt)}});
    }
    return ApiReply::ok(QJsonObject{
        {QStringLiteral("items"), items},
        {QStringLiteral("pagination"), paginationJson(paging.value(), page.value().total)}});
}

RouteDoc shareDoc(const QString &summary, QList<ErrorCode> errors, QJsonObject request = {},
                  int success = 200)
{
    RouteDoc d;
    d.summary = summary;
    d.tag = QStringLiteral("Sharing");
    d.errors = std::move(errors);
    d.requestSchema = std::move(request);
    d.successStatus = success;
    return d;
}

QJsonObject shareSchema()
{
    return object({{QStringLiteral("id"), string()},
                   {QStringLiteral("flow_id"), string()},
                   {QStringLiteral("user_id"), string(QStringLiteral("null while pending"))},
                   {QStringLiteral("user_name"), string()},
                   {QStringLiteral("user_email"), string()},
                   {QStringLiteral("invited_email"), string()},
                   {QStringLiteral("permission"), enumOf(kSharePermissions)},
                   {QStringLiteral("pending"), boolean()},
                   {QStringLiteral("shared_by"), string()},
                   {QStringLiteral("shared_by_name"), string()},
                   {QStringLiteral("accepted_at"), string()},
                   {QStringLiteral("created_at"), string()},
                   {QStringLiteral("updated_at"), string()}});
}

} // namespace

void registerShareRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                         FlowEvents &events)
{
    const QList<ErrorCode> manageErrors{ErrorCode::FlowNotFound, ErrorCode::ShareAccessDenied};

    RouteDoc mineDoc = shareDoc(QStringLiteral("Flows shared with the caller"), {});
    mineDoc.queryParameters = paging();
    mineDoc.responseSchema =
        object({{QStringLiteral("items"),
                 arrayOf(object({{QStringLiteral("id"), string()},
                                 {QStringLiteral("name"), string()},
                                 {QStringLiteral("my_permission"), enumOf(kSharePermissions)},
                                 {QStringLiteral("effective_permission"), string()},
                                 {QStringLiteral("shared_by_name"), string()},
                                 {QStringLiteral("shared_at"), string()}}))},
                {QStringLiteral("pagination"), pagination()}});
    // A literal path: wins over /api/v1/flows/{id} in any order (ApiRouter).
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/shared-with-me"), Role::Viewer,
        [&db](const RequestContext &c, const Principal &p) { return sharedWithMe(db, c, p); },
        std::move(mineDoc));

    RouteDoc createDoc = shareDoc(
        QStringLiteral("Share a flow by e-mail (a pending invitation when nobody has it yet)"),
        manageErrors + QList<ErrorCode>{ErrorCode::InvalidPermission, ErrorCode::CannotShareToSelf,
                                        ErrorCode::AlreadyShared, ErrorCode::UserNotFound},
        object({{QStringLiteral("email"), string()},
                {QStringLiteral("permission"), enumOf(kSharePermissions)}},
               {QStringLiteral("email"), QStringLiteral("permission")}),
        201);
    createDoc.responseSchema = shareSchema();
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows/{id}/shares"), Role::User,
        [&db, &events](const RequestContext &c, const Principal &p) {
            return createShare(db, events, c, p);
        },
        std::move(createDoc));

    RouteDoc listDoc =
        shareDoc(QStringLiteral("Shares and pending invitations of a flow"), manageErrors);
    listDoc.responseSchema = object({{QStringLiteral("items"), arrayOf(shareSchema())}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/{id}/shares"), Role::Viewer,
        [&db](const RequestContext &c, const Principal &p) { return listShares(db, c, p); },
        std::move(listDoc));

    RouteDoc updateDoc = shareDoc(
        QStringLiteral("Change a share's permission (body, or ?permission= as in the seed)"),
        manageErrors + QList<ErrorCode>{ErrorCode::ShareNotFound, ErrorCode::InvalidPermission},
        object({{QStringLiteral("permission"), enumOf(kSharePermissions)}}));
    updateDoc.queryParameters = {query(QStringLiteral("permission"), enumOf(kSharePermissions),
                                       QStringLiteral("Used when the body has no permission"))};
    updateDoc.responseSchema = shareSchema();
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/flows/{id}/shares/{shareId}"),
        Role::User,
        [&db, &events](const RequestContext &c, const Principal &p) {
            return updateShare(db, events, c, p);
        },
        std::move(updateDoc));

    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/flows/{id}/shares/{shareId}"),
        Role::User,
        [&db, &events](const RequestContext &c, const Principal &p) {
            return deleteShare(db, events, c, p);
        },
        shareDoc(QStringLiteral("Remove a share or withdraw an invitation"),
                 manageErrors + QList<ErrorCode>{ErrorCode::ShareNotFound}));
}

} // namespace hm::server
