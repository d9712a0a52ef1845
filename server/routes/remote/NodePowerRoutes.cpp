// POST /api/v1/nodes/{id}/restart-agent and /api/v1/nodes/{id}/reboot
// (docs/api.md "Node power"): parse, authorise (the role here; the
// re-authentication, the grant and the agent in NodePower), render. Seed
// 000's POST /api/nodes/{id}/restart is the agent restart.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/remote/NodePower.h"

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kPowerTag = QStringLiteral("Node power");

const QList<ErrorCode> kPowerErrors{
    ErrorCode::ResourceNotFound, ErrorCode::Forbidden,         ErrorCode::NodeOffline,
    ErrorCode::CapabilityDisabled, ErrorCode::Timeout,         ErrorCode::RateLimitExceeded,
    ErrorCode::ReauthenticationRequired, ErrorCode::InternalError};

ApiReply deferPower(const RequestContext &c,
                    const std::function<void(std::function<void(Result<QJsonObject>)>)> &call)
{
    const DeferredReply reply = c.defer();
    call([reply](Result<QJsonObject> outcome) {
        reply.send(outcome ? ApiReply::ok(outcome.value()) : ApiReply::failure(outcome.error()));
    });
    return ApiReply::deferred();
}

} // namespace

void registerNodePowerRoutes(ApiRouter &router, auth::AuthModule &auth, remote::NodePower &power)
{
    const RouteDoc restartDoc =
        routeDoc(kPowerTag,
                 QStringLiteral("Restart the node's agent (needs a recent re-authentication, the "
                                "upgrade grant and an agent that grants upgrade); answers once "
                                "the agent is back; audited"),
                 kPowerErrors)
            .response(object({{QStringLiteral("node_id"), string()},
                              {QStringLiteral("restarted"), boolean()},
                              {QStringLiteral("agent_version"), string()}}));
    for (const QString &path : {QStringLiteral("/api/v1/nodes/{id}/restart-agent"),
                                QStringLiteral("/api/nodes/{id}/restart")})
        auth::addProtectedRoute(
            router, auth, Method::Post, path, Role::User,
            [&power](const RequestContext &c, const Principal &p) {
                return deferPower(c, [&](auto done) {
                    power.restartAgent(p, auth::clientInfo(c), c.pathArgs.at(0), nullptr,
                                       std::move(done));
                });
            },
            restartDoc);

    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/nodes/{id}/reboot"), Role::User,
        [&power](const RequestContext &c, const Principal &p) {
            return deferPower(c, [&](auto done) {
                power.reboot(p, auth::clientInfo(c), c.pathArgs.at(0), nullptr, std::move(done));
            });
        },
        routeDoc(kPowerTag,
                 QStringLiteral("Reboot the node (needs a recent re-authentication, the reboot "
                                "grant and an agent that grants reboot: it runs its configured "
                                "reboot_command); audited"),
                 kPowerErrors)
            .response(object({{QStringLiteral("node_id"), string()},
                              {QStringLiteral("rebooting"), boolean()}})));
}

} // namespace hm::server
