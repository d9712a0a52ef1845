// Webhooks: a per-flow secret URL that starts the flow without a login, for
// systems that can only call a URL (CI, chat, monitoring). The token is the
// credential: shown once when created, stored as its SHA-256 only.

#include "crypto/Hmac.h"
#include "crypto/Random.h"
#include "server/api/ApiRouter.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/FlowsRepository.h"
#include "server/routes/EngineRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/engine/TriggerService.h"
#include "store/Database.h"

#include <QDateTime>

namespace hm::server {

using auth::Principal;
using auth::Role;
using Method = http::Method;
using namespace schema;

namespace {

// Constant-time compare of the hashes (the token is the only credential
// here); a flow without webhook (empty hash) never matches.
bool sameHash(const QString &a, const QString &b)
{
    return !a.isEmpty() && crypto::constantTimeEquals(a.toLatin1(), b.toLatin1());
}

using repositories::setWebhookTokenHash;
using repositories::webhookTokenHash;

QString hookPath(const QString &flowId, const QString &token)
{
    return QStringLiteral("/api/v1/hooks/%1/%2").arg(flowId, token);
}

ApiReply createWebhook(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QString flowId = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, flowId, FlowPermission::Edit));
    HM_TRY(previous, webhookTokenHash(db, flowId));
    const QString token = crypto::randomToken(32);
    HM_TRY_STATUS(setWebhookTokenHash(db, flowId, crypto::sha256Hex(token.toUtf8())));
    auth::auditAction(db, c, p.userId,
                      previous.value().isEmpty() ? QStringLiteral("WEBHOOK_CREATED")
                                                 : QStringLiteral("WEBHOOK_ROTATED"),
                      QStringLiteral("flow"), flowId);
    // The only time the token leaves the server.
    return ApiReply::ok(QJsonObject{{QStringLiteral("flow_id"), flowId},
                                    {QStringLiteral("token"), token},
                                    {QStringLiteral("path"), hookPath(flowId, token)},
                                    {QStringLiteral("rotated"), !previous.value().isEmpty()}},
                        201);
}

ApiReply webhookState(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QString flowId = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, flowId, FlowPermission::Edit));
    HM_TRY(hash, webhookTokenHash(db, flowId));
    return ApiReply::ok(QJsonObject{{QStringLiteral("flow_id"), flowId},
                                    {QStringLiteral("enabled"), !hash.value().isEmpty()}});
}

ApiReply deleteWebhook(store::Database &db, const RequestContext &c, const Principal &p)
{
    const QString flowId = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, flowId, FlowPermission::Edit));
    HM_TRY(hash, webhookTokenHash(db, flowId));
    if (hash.value().isEmpty())
        return ApiReply::failure(
            Error{ErrorCode::ResourceNotFound, QStringLiteral("the flow has no webhook")});
    HM_TRY_STATUS(setWebhookTokenHash(db, flowId, QVariant()));
    auth::auditAction(db, c, p.userId, QStringLiteral("WEBHOOK_DELETED"), QStringLiteral("flow"),
                      flowId);
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("flow_id"), flowId}, {QStringLiteral("enabled"), false}});
}

ApiReply callWebhook(store::Database &db, FlowEngineHost &host, const RequestContext &c)
{
    const QString flowId = c.pathArgs.at(0);
    const QString token = c.pathArgs.at(1);
    HM_TRY(hash, webhookTokenHash(db, flowId));
    // A wrong token, a flow without webhook and an unknown flow all look
    // the same, so the URL space cannot be probed.
    if (!sameHash(hash.value(), crypto::sha256Hex(token.toUtf8())))
        return ApiReply::failure(
            Error{ErrorCode::ResourceNotFound, QStringLiteral("no such webhook")});
    HM_TRY(body, c.jsonObject());
    TriggerOptions options;
    options.triggeredBy = QStringLiteral("webhook");
    TriggerService::readWaitQuery(c, options);
    return host.triggers().trigger(c, flowId, body.value(), options);
}

// Webhooks are documented with the flows they start.
const QString kWebhooksTag = QStringLiteral("Flows");

} // namespace

void registerWebhookRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                           FlowEngineHost &host)
{
    const QString manage = QStringLiteral("/api/v1/flows/{id}/webhook");
    auth::addProtectedRoute(
        router, auth, Method::Post, manage, Role::User,
        [&db](const RequestContext &c, const Principal &p) { return createWebhook(db, c, p); },
        routeDoc(kWebhooksTag,
                 QStringLiteral("Create or rotate the flow's webhook; the token is shown only "
                                "in this answer (edit)"),
                 {ErrorCode::FlowNotFound, ErrorCode::Forbidden})
            .status(201));
    auth::addProtectedRoute(
        router, auth, Method::Get, manage, Role::Viewer,
        [&db](const RequestContext &c, const Principal &p) { return webhookState(db, c, p); },
        routeDoc(kWebhooksTag,
                 QStringLiteral("Whether the flow has a webhook (never the token; edit)"),
                 {ErrorCode::FlowNotFound, ErrorCode::Forbidden}));
    auth::addProtectedRoute(
        router, auth, Method::Delete, manage, Role::User,
        [&db](const RequestContext &c, const Principal &p) { return deleteWebhook(db, c, p); },
        routeDoc(kWebhooksTag, QStringLiteral("Remove the flow's webhook (edit)"),
                 {ErrorCode::FlowNotFound, ErrorCode::Forbidden, ErrorCode::ResourceNotFound}));

    RouteDoc hook = routeDoc(
        kWebhooksTag,
        QStringLiteral("Start the published version with the JSON body as inputs; the token in "
                       "the path is the credential. ?wait=true answers when it ends"),
        {ErrorCode::ResourceNotFound, ErrorCode::FlowVersionNotFound, ErrorCode::ConcurrentDenied});
    hook.requestSchema = object({});
    hook.refusedOnFullDisk = true;
    hook.queryParameters = {
        query(QStringLiteral("wait"), boolean(), QStringLiteral("Answer when the execution ends")),
        query(QStringLiteral("timeout_ms"), integer(),
              QStringLiteral("Longest wait (default 30000, at most 300000)"))};
    // Webhook callers are services behind one address (CI, chat); the flow's
    // concurrency settings are the throttle, not the anonymous per-IP limit.
    hook.rateLimited = false;
    hook.secretInPath = true;
    router.addRoute(
        Method::Post, QStringLiteral("/api/v1/hooks/{flowId}/{token}"),
        [&db, &host](const RequestContext &c) { return callWebhook(db, host, c); },
        std::move(hook));
}

} // namespace hm::server
