// Flow sharing (seed 003 §14.4): /api/v1/flows/{id}/shares* and
// /api/v1/flows/shared-with-me. The rules (who may share what with whom,
// audit, events) are ShareService's.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/ListRepositories.h"
#include "server/routes/EngineRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/ShareService.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QStringList &kSharePermissions = ShareService::permissionNames();

// The body's "permission", else ?permission= (the seed's PUT form); the
// service says what is wrong with it.
Result<QString> permissionText(const QJsonObject &body, const QUrlQuery &query)
{
    auto fromBody = auth::optionalString(body, QStringLiteral("permission"));
    if (!fromBody)
        return fromBody.error();
    return fromBody.value().isEmpty() ? queryValue(query, QStringLiteral("permission"))
                                      : fromBody.value();
}

ApiReply createShare(ShareService service, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(email, auth::optionalString(body.value(), QStringLiteral("email")));
    HM_TRY(permission, permissionText(body.value(), c.request.query()));
    HM_TRY(share, service.create(p, auth::clientInfo(c), c.pathArgs.at(0), email.value(),
                                 permission.value()));
    return ApiReply::ok(share.value().toJson(), 201);
}

ApiReply listShares(ShareService service, const RequestContext &c, const Principal &p)
{
    HM_TRY(shares, service.list(p, c.pathArgs.at(0)));
    QJsonArray items;
    for (const FlowShare &share : std::as_const(shares.value()))
        items.append(share.toJson());
    return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items}});
}

ApiReply updateShare(ShareService service, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(permission, permissionText(body.value(), c.request.query()));
    HM_TRY(share, service.setPermission(p, auth::clientInfo(c), c.pathArgs.at(0), c.pathArgs.at(1),
                                        permission.value()));
    return ApiReply::ok(share.value().toJson());
}

ApiReply deleteShare(ShareService service, const RequestContext &c, const Principal &p)
{
    HM_TRY(share, service.remove(p, auth::clientInfo(c), c.pathArgs.at(0), c.pathArgs.at(1)));
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
    return pagedReply(items, paging.value(), page.value().total);
}

const QString kSharingTag = QStringLiteral("Sharing");

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

    RouteDoc mineDoc = routeDoc(kSharingTag, QStringLiteral("Flows shared with the caller"));
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

    RouteDoc createDoc =
        routeDoc(
            kSharingTag,
            QStringLiteral("Share a flow by e-mail (a pending invitation when nobody has it yet)"),
            manageErrors + QList<ErrorCode>{ErrorCode::InvalidPermission,
                                            ErrorCode::CannotShareToSelf, ErrorCode::AlreadyShared,
                                            ErrorCode::UserNotFound})
            .request(object({{QStringLiteral("email"), string()},
                             {QStringLiteral("permission"), enumOf(kSharePermissions)}},
                            {QStringLiteral("email"), QStringLiteral("permission")}))
            .status(201);
    createDoc.responseSchema = shareSchema();
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/flows/{id}/shares"), Role::User,
        [&db, &events](const RequestContext &c, const Principal &p) {
            return createShare(ShareService(db, events), c, p);
        },
        std::move(createDoc));

    RouteDoc listDoc = routeDoc(
        kSharingTag, QStringLiteral("Shares and pending invitations of a flow"), manageErrors);
    listDoc.responseSchema = object({{QStringLiteral("items"), arrayOf(shareSchema())}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/{id}/shares"), Role::Viewer,
        [&db, &events](const RequestContext &c, const Principal &p) {
            return listShares(ShareService(db, events), c, p);
        },
        std::move(listDoc));

    RouteDoc updateDoc =
        routeDoc(
            kSharingTag,
            QStringLiteral("Change a share's permission (body, or ?permission= as in the seed)"),
            manageErrors + QList<ErrorCode>{ErrorCode::ShareNotFound, ErrorCode::InvalidPermission})
            .request(object({{QStringLiteral("permission"), enumOf(kSharePermissions)}}));
    updateDoc.queryParameters = {query(QStringLiteral("permission"), enumOf(kSharePermissions),
                                       QStringLiteral("Used when the body has no permission"))};
    updateDoc.responseSchema = shareSchema();
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/flows/{id}/shares/{shareId}"),
        Role::User,
        [&db, &events](const RequestContext &c, const Principal &p) {
            return updateShare(ShareService(db, events), c, p);
        },
        std::move(updateDoc));

    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/flows/{id}/shares/{shareId}"),
        Role::User,
        [&db, &events](const RequestContext &c, const Principal &p) {
            return deleteShare(ShareService(db, events), c, p);
        },
        routeDoc(kSharingTag, QStringLiteral("Remove a share or withdraw an invitation"),
                 manageErrors + QList<ErrorCode>{ErrorCode::ShareNotFound}));
}

} // namespace hm::server
