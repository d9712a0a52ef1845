// /api/v1/components*: registered HTTP components and the built-ins
// (ComponentService does the work; docs/api.md "Components").

#include "common/ComponentIcons.h"
#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/EngineRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/ComponentService.h"
#include "store/Database.h"

#include <QJsonArray>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kTag = QStringLiteral("Components");

const QString kComponentResource = QStringLiteral("component");

// The name-level fields of a registration (seed 003 §4.2 components): each
// one given (a string, or null to clear it) is set, the others stay.
Result<repositories::ComponentInfo> componentInfo(const QJsonObject &body, const QString &name)
{
    repositories::ComponentInfo info;
    struct Field
    {
        const char *key;
        qsizetype maxLength;
        std::optional<QString> repositories::ComponentInfo::*member;
    };
    static const Field fields[] = {{"display_name", 255, &repositories::ComponentInfo::displayName},
                                   {"description", 4000, &repositories::ComponentInfo::description},
                                   {"category", 100, &repositories::ComponentInfo::category},
                                   {"icon", 255, &repositories::ComponentInfo::icon}};
    for (const Field &field : fields) {
        const QString key = QLatin1String(field.key);
        if (!body.contains(key))
            continue;
        auto value = auth::optionalString(body, key);
        if (!value)
            return value.error();
        QString text = value.value().trimmed();
        if (text.size() > field.maxLength)
            return Error{
                ErrorCode::ValidationError,
                QStringLiteral("%1: at most %2 characters").arg(key).arg(field.maxLength),
                {{QStringLiteral("field"), key}, {QStringLiteral("max_length"), field.maxLength}}};
        // No display name is the name itself.
        if (key == QLatin1String("display_name") && text.isEmpty())
            text = name;
        if (key == QLatin1String("icon") && !text.isEmpty() && !isComponentIconName(text))
            return Error{
                ErrorCode::ValidationError,
                QStringLiteral("icon: one of %1, or empty")
                    .arg(componentIconNames().join(QStringLiteral(", "))),
                {{QStringLiteral("field"), key},
                 {QStringLiteral("allowed"), QJsonArray::fromStringList(componentIconNames())}}};
        info.*field.member = text;
    }
    return info;
}

ApiReply registerComponent(ComponentService &service, store::Database &db, const RequestContext &c,
                           const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(endpoint, auth::requiredString(body.value(), QStringLiteral("endpoint")));
    HM_TRY(name, auth::optionalString(body.value(), QStringLiteral("name")));
    HM_TRY(info, componentInfo(body.value(), name.value()));
    const DeferredReply reply = c.defer();
    // The context is gone when the answer comes: keep what the audit needs.
    const auth::ClientInfo client = auth::clientInfo(c);
    service.registerEndpoint(
        endpoint.value(), name.value(), info.value(), p.userId,
        [reply, &db, p, client](Result<QJsonArray> stored) {
            if (!stored)
                return reply.send(ApiReply::failure(stored.error()));
            for (const QJsonValue item : stored.value()) {
                const QJsonObject row = item.toObject();
                auth::auditAction(
                    db, client, p.userId, QStringLiteral("COMPONENT_REGISTERED"),
                    kComponentResource, row.value(QStringLiteral("id")).toString(),
                    {{QStringLiteral("name"), row.value(QStringLiteral("name"))},
                     {QStringLiteral("version"), row.value(QStringLiteral("version"))},
                     {QStringLiteral("endpoint"), row.value(QStringLiteral("endpoint"))}});
            }
            reply.send(ApiReply::ok(QJsonObject{{QStringLiteral("items"), stored.value()}}, 201));
        });
    return ApiReply::deferred();
}

// PATCH /components/{name}: the name-level fields only; versions stay.
ApiReply updateComponent(ComponentService &service, store::Database &db, const RequestContext &c,
                         const Principal &p)
{
    const QString name = c.pathArgs.at(0);
    HM_TRY(body, c.jsonObject());
    HM_TRY(info, componentInfo(body.value(), name));
    if (info.value().isEmpty())
        return ApiReply::failure(
            Error{ErrorCode::ValidationError,
                  QStringLiteral("give at least one of display_name, description, category, icon"),
                  {{QStringLiteral("field"), QStringLiteral("display_name")}}});
    HM_TRY(updated, service.updateInfo(name, info.value()));
    QJsonObject details{{QStringLiteral("name"), name}};
    for (const char *key : {"display_name", "description", "category", "icon"}) {
        if (body.value().contains(QLatin1String(key)))
            details.insert(QLatin1String(key), body.value().value(QLatin1String(key)));
    }
    auth::auditAction(db, c, p.userId, QStringLiteral("COMPONENT_UPDATED"), kComponentResource,
                      updated.value().componentId, details);
    return ApiReply::ok(QJsonObject{{QStringLiteral("items"), updated.value().items}});
}

ApiReply recheck(ComponentService &service, const RequestContext &c)
{
    const DeferredReply reply = c.defer();
    service.recheck(c.pathArgs.at(0), c.pathArgs.at(1), [reply](Result<QJsonObject> row) {
        reply.send(row ? ApiReply::ok(row.value()) : ApiReply::failure(row.error()));
    });
    return ApiReply::deferred();
}

QJsonObject componentSchema()
{
    return object(
        {{QStringLiteral("id"), nullable(string(QStringLiteral("null for built-ins")))},
         {QStringLiteral("name"), string()},
         {QStringLiteral("version"), string()},
         {QStringLiteral("builtin"), boolean()},
         {QStringLiteral("display_name"),
          nullable(string(QStringLiteral("of the component (every version); absent for "
                                         "built-ins")))},
         {QStringLiteral("description"), nullable(string())},
         {QStringLiteral("category"), nullable(string())},
         {QStringLiteral("icon"),
          nullable(string(QStringLiteral("an icon name or URL for the console")))},
         {QStringLiteral("endpoint"), nullable(string(QStringLiteral("null for built-ins")))},
         {QStringLiteral("status"), enumOf({QStringLiteral("active"), QStringLiteral("deprecated"),
                                            QStringLiteral("disabled")})},
         {QStringLiteral("health"),
          enumOf({QStringLiteral("unknown"), QStringLiteral("healthy"), QStringLiteral("degraded"),
                  QStringLiteral("unhealthy")})},
         {QStringLiteral("health_checked_at"), nullable(string())},
         {QStringLiteral("health_message"), string()},
         {QStringLiteral("deprecated"),
          boolean(QStringLiteral("status is \"deprecated\": still runs; flow writes warn"))},
         {QStringLiteral("endpoints"),
          arrayOf(object({{QStringLiteral("url"), string()},
                          {QStringLiteral("health"),
                           enumOf({QStringLiteral("unknown"), QStringLiteral("healthy"),
                                   QStringLiteral("degraded"), QStringLiteral("unhealthy")})},
                          {QStringLiteral("health_checked_at"), nullable(string())},
                          {QStringLiteral("health_message"), string()},
                          {QStringLiteral("created_at"), nullable(string())}},
                         {QStringLiteral("url"), QStringLiteral("health")}))},
         {QStringLiteral("inputs"), arrayOf(object({}))},
         {QStringLiteral("outputs"), arrayOf(object({}))},
         {QStringLiteral("configSchema"), object({})}},
        {QStringLiteral("name"), QStringLiteral("version"), QStringLiteral("builtin"),
         QStringLiteral("status"), QStringLiteral("health"), QStringLiteral("deprecated"),
         QStringLiteral("endpoints")});
}

QJsonObject usageSchema()
{
    return object({{QStringLiteral("items"),
                    arrayOf(object({{QStringLiteral("flow_id"), string()},
                                    {QStringLiteral("flow_name"), string()},
                                    {QStringLiteral("flow_version"), string()},
                                    {QStringLiteral("flow_version_status"),
                                     enumOf({QStringLiteral("draft"), QStringLiteral("published"),
                                             QStringLiteral("deprecated")})},
                                    {QStringLiteral("component_versions"), arrayOf(string())},
                                    {QStringLiteral("nodes"), arrayOf(string())}},
                                   {QStringLiteral("flow_id"), QStringLiteral("flow_version"),
                                    QStringLiteral("nodes")}))}},
                  {QStringLiteral("items")});
}

ApiReply deprecate(ComponentService &service, store::Database &db, const RequestContext &c,
                   const Principal &p, bool deprecated)
{
    HM_TRY(row, service.setDeprecated(c.pathArgs.at(0), c.pathArgs.at(1), deprecated));
    auth::auditAction(db, c, p.userId,
                      deprecated ? QStringLiteral("COMPONENT_DEPRECATED")
                                 : QStringLiteral("COMPONENT_UNDEPRECATED"),
                      kComponentResource, row.value().value(QStringLiteral("id")).toString(),
                      {{QStringLiteral("name"), c.pathArgs.at(0)},
                       {QStringLiteral("version"), c.pathArgs.at(1)}});
    return ApiReply::ok(row.value());
}

QJsonObject itemsSchema()
{
    return object({{QStringLiteral("items"), arrayOf(componentSchema())}});
}

} // namespace

void registerComponentRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                             ComponentService &service)
{
    RouteDoc listDoc =
        routeDoc(kTag, QStringLiteral("Built-in and registered components with their "
                                      "interfaces, endpoints, status and health"))
            .response(itemsSchema());
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/components"), Role::Viewer,
        [&service](const RequestContext &, const Principal &) -> ApiReply {
            HM_TRY(items, service.list());
            return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items.value()}});
        },
        std::move(listDoc));

    RouteDoc registerDoc =
        routeDoc(
            kTag,
            QStringLiteral("Register the components an HTTP endpoint serves (health check, then "
                           "GET /interface; versions must be semantic versions and schemas valid "
                           "JSON Schemas); a version already registered elsewhere with the same "
                           "interface gains this endpoint; usable by flows at once"),
            {ErrorCode::ComponentUnavailable, ErrorCode::ComponentNotFound,
             ErrorCode::ResourceAlreadyExists})
            .request(object(
                {{QStringLiteral("endpoint"),
                  string(QStringLiteral("base URL, e.g. http://10.0.0.5:9000"))},
                 {QStringLiteral("name"), string(QStringLiteral("only this component"))},
                 {QStringLiteral("display_name"),
                  string(QStringLiteral("with name: the component's display name (every "
                                        "version); empty = the name"))},
                 {QStringLiteral("description"),
                  nullable(string(QStringLiteral("with name: the component's description")))},
                 {QStringLiteral("category"),
                  nullable(string(QStringLiteral("with name: the component's category")))},
                 {QStringLiteral("icon"),
                  nullable(string(QStringLiteral("with name: an icon name or URL")))}},
                {QStringLiteral("endpoint")}))
            .response(itemsSchema());
    registerDoc.successStatus = 201;
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/components"), Role::Admin,
        [&service, &db](const RequestContext &c, const Principal &p) {
            return registerComponent(service, db, c, p);
        },
        std::move(registerDoc));

    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/components/{name}"), Role::Viewer,
        [&service](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(items, service.list(c.pathArgs.at(0)));
            return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items.value()}});
        },
        routeDoc(kTag,
                 QStringLiteral("Every version of one component, by semantic version "
                                "precedence"),
                 {ErrorCode::ComponentNotFound})
            .response(itemsSchema()));

    RouteDoc updateDoc =
        routeDoc(
            kTag,
            QStringLiteral("Change a registered component's name-level fields (every version): "
                           "display name, description, category, icon"),
            {ErrorCode::ComponentNotFound})
            .request(object(
                {{QStringLiteral("display_name"),
                  nullable(string(QStringLiteral("at most 255 characters; empty or null = the "
                                                 "name")))},
                 {QStringLiteral("description"),
                  nullable(string(QStringLiteral("at most 4000 characters; null clears it")))},
                 {QStringLiteral("category"),
                  nullable(string(QStringLiteral("at most 100 characters; null clears it")))},
                 {QStringLiteral("icon"),
                  nullable(string(QStringLiteral("one of the console's component icon names "
                                                 "(details.allowed of a refusal); null clears "
                                                 "it")))}}))
            .response(itemsSchema());
    auth::addProtectedRoute(
        router, auth, Method::Patch, QStringLiteral("/api/v1/components/{name}"), Role::Admin,
        [&service, &db](const RequestContext &c, const Principal &p) {
            return updateComponent(service, db, c, p);
        },
        std::move(updateDoc));

    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/components/{name}/{version}"),
        Role::Admin,
        [&service, &db](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(row, service.remove(c.pathArgs.at(0), c.pathArgs.at(1)));
            auth::auditAction(db, c, p.userId, QStringLiteral("COMPONENT_DELETED"),
                              kComponentResource,
                              row.value().value(QStringLiteral("id")).toString(),
                              {{QStringLiteral("name"), c.pathArgs.at(0)},
                               {QStringLiteral("version"), c.pathArgs.at(1)}});
            return ApiReply::ok(row.value());
        },
        routeDoc(kTag,
                 QStringLiteral("Delete (disable) a registered component version: new flows cannot "
                                "use it, running executions keep it"),
                 {ErrorCode::ComponentNotFound})
            .response(componentSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/components/{name}/{version}/health"),
        Role::User,
        [&service](const RequestContext &c, const Principal &) { return recheck(service, c); },
        routeDoc(kTag, QStringLiteral("Check a registered component's health now (every endpoint)"),
                 {ErrorCode::ComponentNotFound})
            .response(componentSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/components/{name}/{version}/deprecate"),
        Role::Admin,
        [&service, &db](const RequestContext &c, const Principal &p) {
            return deprecate(service, db, c, p, true);
        },
        routeDoc(kTag,
                 QStringLiteral("Deprecate a registered component version: it keeps running "
                                "and stays usable, flow writes using it answer warnings"),
                 {ErrorCode::ComponentNotFound})
            .response(componentSchema()));
    auth::addProtectedRoute(
        router, auth, Method::Post,
        QStringLiteral("/api/v1/components/{name}/{version}/undeprecate"), Role::Admin,
        [&service, &db](const RequestContext &c, const Principal &p) {
            return deprecate(service, db, c, p, false);
        },
        routeDoc(kTag, QStringLiteral("Make a deprecated component version active again"),
                 {ErrorCode::ComponentNotFound})
            .response(componentSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/components/{name}/usage"), Role::Viewer,
        [&service](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(items, service.usage(c.pathArgs.at(0), {}, p));
            return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items.value()}});
        },
        routeDoc(kTag,
                 QStringLiteral("Flow versions whose nodes use any version of a component "
                                "(among the flows the caller may view)"),
                 {ErrorCode::ComponentNotFound})
            .response(usageSchema()));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/components/{name}/{version}/usage"),
        Role::Viewer,
        [&service](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(items, service.usage(c.pathArgs.at(0), c.pathArgs.at(1), p));
            return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items.value()}});
        },
        routeDoc(kTag,
                 QStringLiteral("Flow versions whose nodes use one component version "
                                "(among the flows the caller may view)"),
                 {ErrorCode::ComponentNotFound})
            .response(usageSchema()));
}

} // namespace hm::server
