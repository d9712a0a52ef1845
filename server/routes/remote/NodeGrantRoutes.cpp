// /api/v1/nodes/grants*: parse, authorise, call NodeGrants, render
// (docs/api.md "Node grants"). Administrators only: a grant lets a USER act
// on machines. GET /api/v1/nodes/{id}/access tells anyone signed in what
// they may do on one node, so that a console shows only that.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/NodeActions.h"
#include "server/services/remote/NodeGrants.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kGrantsTag = QStringLiteral("Node grants");
const QString kGrantsBase = QStringLiteral("/api/v1/nodes/grants");

QJsonObject grantJson(const repositories::NodeGrantRow &row)
{
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("subject_kind"), row.subjectKind},
            {QStringLiteral("subject"), row.subject},
            {QStringLiteral("label"), row.label},
            {QStringLiteral("capability"), row.capability},
            {QStringLiteral("created_by"),
             row.createdBy.isEmpty() ? QJsonValue() : QJsonValue(row.createdBy)},
            {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)}};
}

QJsonObject grantSchema()
{
    return object({{QStringLiteral("id"), string()},
                   {QStringLiteral("subject_kind"),
                    enumOf({QStringLiteral("user"), QStringLiteral("role")})},
                   {QStringLiteral("subject"), string(QStringLiteral("a user id, or USER"))},
                   {QStringLiteral("label"), string(QStringLiteral("a node label, or * for every "
                                                                   "node"))},
                   {QStringLiteral("capability"), enumOf(remote::grantableCapabilities())},
                   {QStringLiteral("created_by"), nullable(string())},
                   {QStringLiteral("created_at"), string(QStringLiteral("ISO-8601"))}});
}

Result<remote::NodeGrantDetails> grantDetails(const QJsonObject &body)
{
    remote::NodeGrantDetails d;
    for (const auto &[field, out] :
         {std::pair{QStringLiteral("subject_kind"), &d.subjectKind},
          std::pair{QStringLiteral("subject"), &d.subject},
          std::pair{QStringLiteral("label"), &d.label},
          std::pair{QStringLiteral("capability"), &d.capability}}) {
        auto value = auth::requiredString(body, field);
        if (!value)
            return value.error();
        *out = value.value();
    }
    return d;
}

// The capabilities the node's agent grants: what the connected agent
// reported, else what it reported last time (stored with the node).
QStringList agentCapabilities(fleet::FleetService &fleet, const repositories::NodeRow &node)
{
    if (fleet.calls().isConnected(node.id))
        return fleet.calls().capabilities(node.id);
    QStringList names;
    const QJsonArray stored =
        QJsonDocument::fromJson(node.facts.capabilities.toUtf8()).array();
    for (const QJsonValue &name : stored)
        names.append(name.toString());
    return names;
}

} // namespace

void registerNodeGrantRoutes(ApiRouter &router, auth::AuthModule &auth,
                             remote::NodeActions &actions)
{
    remote::NodeGrants &grants = actions.grants();
    auth::addProtectedRoute(
        router, auth, Method::Get, kGrantsBase, Role::Admin,
        [&grants](const RequestContext &, const Principal &p) -> ApiReply {
            HM_TRY(rows, grants.list(p));
            QJsonArray items;
            for (const auto &row : rows.value())
                items.append(grantJson(row));
            return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items}});
        },
        routeDoc(kGrantsTag, QStringLiteral("Every node grant"))
            .response(object({{QStringLiteral("items"), arrayOf(grantSchema())}})));
    auth::addProtectedRoute(
        router, auth, Method::Post, kGrantsBase, Role::Admin,
        [&grants](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, grantDetails(body.value()));
            HM_TRY(row, grants.create(p, auth::clientInfo(c), details.value()));
            return ApiReply::ok(grantJson(row.value()), 201);
        },
        routeDoc(kGrantsTag,
                 QStringLiteral("Let a user (or every USER) use a capability on the nodes with a "
                                "label; audited"),
                 {ErrorCode::ResourceAlreadyExists})
            .request(object({{QStringLiteral("subject_kind"),
                              enumOf({QStringLiteral("user"), QStringLiteral("role")})},
                             {QStringLiteral("subject"), string()},
                             {QStringLiteral("label"), string()},
                             {QStringLiteral("capability"),
                              enumOf(remote::grantableCapabilities())}},
                            {QStringLiteral("subject_kind"), QStringLiteral("subject"),
                             QStringLiteral("label"), QStringLiteral("capability")}))
            .response(grantSchema())
            .status(201));
    auth::addProtectedRoute(
        router, auth, Method::Delete, kGrantsBase + QStringLiteral("/{id}"), Role::Admin,
        [&grants](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY_STATUS(grants.remove(p, auth::clientInfo(c), c.pathArgs.at(0)));
            return ApiReply::ok(QJsonObject{{QStringLiteral("id"), c.pathArgs.at(0)},
                                            {QStringLiteral("deleted"), true}});
        },
        routeDoc(kGrantsTag, QStringLiteral("Remove a node grant; audited"),
                 {ErrorCode::ResourceNotFound})
            .response(object(
                {{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}})));

    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/nodes/{id}/access"), Role::Viewer,
        [&actions](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(node, actions.fleet().get(c.pathArgs.at(0)));
            HM_TRY(granted, actions.grants().capabilitiesOn(p, node.value()));
            const QStringList agent = agentCapabilities(actions.fleet(), node.value());
            QStringList usable;
            for (const QString &name : granted.value())
                if (agent.contains(name))
                    usable.append(name);
            return ApiReply::ok(QJsonObject{
                {QStringLiteral("node_id"), node.value().id},
                {QStringLiteral("agent_capabilities"), QJsonArray::fromStringList(agent)},
                {QStringLiteral("granted"), QJsonArray::fromStringList(granted.value())},
                {QStringLiteral("usable"), QJsonArray::fromStringList(usable)},
                {QStringLiteral("online"), actions.fleet().calls().isConnected(node.value().id)}});
        },
        routeDoc(kGrantsTag,
                 QStringLiteral("What the caller may do on a node: the capabilities its agent "
                                "grants, those the caller's role and grants allow, and both"),
                 {ErrorCode::ResourceNotFound})
            .response(object({{QStringLiteral("node_id"), string()},
                              {QStringLiteral("agent_capabilities"), arrayOf(string())},
                              {QStringLiteral("granted"), arrayOf(string())},
                              {QStringLiteral("usable"), arrayOf(string())},
                              {QStringLiteral("online"), boolean()}})));
}

} // namespace hm::server
