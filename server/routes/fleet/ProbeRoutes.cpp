// /api/v1/probes*: parse, authorise, call ProbeService, render
// (docs/api.md "Probes"). Anyone signed in reads probes; administrators
// create, change and delete them.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/BodyFields.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/fleet/FleetRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/fleet/ProbeService.h"

#include <QJsonArray>
#include <cmath>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kProbesTag = QStringLiteral("Probes");
const QString kProbesBase = QStringLiteral("/api/v1/probes");

// A JSON number that is a whole number within int (the service bounds it
// further); VALIDATION_ERROR naming the field otherwise.
// The fields of a create or PATCH body that were given, with their JSON
// types checked; the service checks what they mean.
Result<fleet::ProbeDetails> probeDetails(const QJsonObject &body)
{
    fleet::ProbeDetails d;
    for (const auto &[field, out] :
         {std::pair{QStringLiteral("id"), &d.id}, std::pair{QStringLiteral("name"), &d.name},
          std::pair{QStringLiteral("kind"), &d.kind},
          std::pair{QStringLiteral("target"), &d.target},
          std::pair{QStringLiteral("keyword"), &d.keyword}}) {
        if (!body.contains(field))
            continue;
        const QJsonValue v = body.value(field);
        // null clears the optional keyword; the others must be text.
        if (v.isNull() && field == QLatin1String("keyword")) {
            *out = QString();
            continue;
        }
        if (!v.isString())
            return auth::fieldError(field, QStringLiteral("a string"));
        *out = v.toString();
    }
    for (const auto &[field, out] :
         {std::pair{QStringLiteral("expected_status"), &d.expectedStatus},
          std::pair{QStringLiteral("interval_seconds"), &d.intervalSeconds},
          std::pair{QStringLiteral("timeout_seconds"), &d.timeoutSeconds}}) {
        if (!body.contains(field))
            continue;
        // null: no expected status (any 2xx/3xx).
        if (body.value(field).isNull() && field == QLatin1String("expected_status")) {
            *out = 0;
            continue;
        }
        auto number = body::wholeNumber(body.value(field), field, -1e9, 1e9,
                                        QStringLiteral("a whole number"));
        if (!number)
            return number.error();
        *out = int(number.value());
    }
    for (const auto &[field, out] : {std::pair{QStringLiteral("tls_verify"), &d.tlsVerify},
                                     std::pair{QStringLiteral("enabled"), &d.enabled}}) {
        if (!body.contains(field))
            continue;
        if (!body.value(field).isBool())
            return auth::fieldError(field, QStringLiteral("true or false"));
        *out = body.value(field).toBool();
    }
    if (body.contains(QStringLiteral("scope"))) {
        const QJsonValue scope = body.value(QStringLiteral("scope"));
        if (!scope.isObject())
            return auth::fieldError(QStringLiteral("scope"),
                                    QStringLiteral("an object {type, value}"));
        const QJsonValue type = scope.toObject().value(QStringLiteral("type"));
        const QJsonValue value = scope.toObject().value(QStringLiteral("value"));
        if (!type.isString())
            return auth::fieldError(QStringLiteral("scope.type"),
                                    QStringLiteral("one of all, node, label"));
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return auth::fieldError(QStringLiteral("scope.value"), QStringLiteral("a string"));
        d.scopeType = type.toString();
        d.scopeValue = value.toString();
    }
    return d;
}

QJsonObject probeSchema()
{
    return object(
        {{QStringLiteral("id"), string(QStringLiteral("1 to 32 of a-z 0-9 _ -; never changes"))},
         {QStringLiteral("name"), string()},
         {QStringLiteral("kind"),
          enumOf({QStringLiteral("http"), QStringLiteral("tcp"), QStringLiteral("icmp")})},
         {QStringLiteral("target"),
          string(QStringLiteral("http: URL; tcp: host:port; icmp: host"))},
         {QStringLiteral("keyword"), string(QStringLiteral("http only; empty: none"))},
         {QStringLiteral("expected_status"), integer(QStringLiteral("http only; 0: any 2xx/3xx"))},
         {QStringLiteral("tls_verify"), boolean()},
         {QStringLiteral("interval_seconds"), integer(QStringLiteral("10 to 3600"))},
         {QStringLiteral("timeout_seconds"),
          integer(QStringLiteral("1 to 60, less than the interval"))},
         {QStringLiteral("enabled"), boolean()},
         {QStringLiteral("scope"),
          object({{QStringLiteral("type"), enumOf({QStringLiteral("all"), QStringLiteral("node"),
                                                   QStringLiteral("label")})},
                  {QStringLiteral("value"),
                   string(QStringLiteral("node: its id; label: the label; all: empty"))}})},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()}});
}

QJsonObject probeBodySchema(bool create)
{
    QJsonObject body = probeSchema();
    QJsonObject properties = body.value(QStringLiteral("properties")).toObject();
    properties.remove(QStringLiteral("created_at"));
    properties.remove(QStringLiteral("updated_at"));
    body.insert(QStringLiteral("properties"), properties);
    if (create)
        body.insert(QStringLiteral("required"),
                    QJsonArray{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"),
                               QStringLiteral("target")});
    return body;
}

ApiReply replyProbeList(fleet::ProbeService &probes, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(search, parseSearch(query, QStringLiteral("q")));
    repositories::ProbeFilter filter;
    filter.search = search.value();
    if (const QString kind = queryValue(query, QStringLiteral("kind")); !kind.isEmpty()) {
        filter.kind = hm::fleet::probeKindFromName(kind);
        if (!filter.kind)
            return ApiReply::failure(
                auth::fieldError(QStringLiteral("kind"), QStringLiteral("one of http, tcp, icmp")));
    }
    if (const QString enabled = queryValue(query, QStringLiteral("enabled")); !enabled.isEmpty()) {
        if (enabled != QLatin1String("true") && enabled != QLatin1String("false"))
            return ApiReply::failure(
                auth::fieldError(QStringLiteral("enabled"), QStringLiteral("true or false")));
        filter.enabled = enabled == QLatin1String("true");
    }
    filter.limit = paging.value().size;
    filter.offset = paging.value().offset();
    HM_TRY(page, probes.list(filter));
    QJsonArray items;
    for (const repositories::ProbeRow &row : page.value().items)
        items.append(fleet::ProbeService::probeJson(row));
    return pagedReply(items, paging.value(), page.value().total);
}

} // namespace

void registerProbeRoutes(ApiRouter &router, auth::AuthModule &auth, fleet::ProbeService &probes)
{
    const QJsonObject probe = probeSchema();

    RouteDoc listDoc = routeDoc(kProbesTag, QStringLiteral("The fleet's probes by id"),
                                {ErrorCode::ValidationError})
                           .response(object({{QStringLiteral("items"), arrayOf(probe)},
                                             {QStringLiteral("pagination"), pagination()}}));
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(
        query(QStringLiteral("q"), string(), QStringLiteral("id, name or target contains it")));
    listDoc.queryParameters.append(
        query(QStringLiteral("kind"),
              enumOf({QStringLiteral("http"), QStringLiteral("tcp"), QStringLiteral("icmp")})));
    listDoc.queryParameters.append(query(QStringLiteral("enabled"), boolean()));
    auth::addProtectedRoute(
        router, auth, Method::Get, kProbesBase, Role::Viewer,
        [&probes](const RequestContext &c, const Principal &) { return replyProbeList(probes, c); },
        std::move(listDoc));

    RouteDoc createDoc =
        routeDoc(kProbesTag,
                 QStringLiteral("Create a probe; the connected agents it covers get it at once"),
                 {ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(probeBodySchema(true))
            .response(probe);
    createDoc.successStatus = 201;
    auth::addProtectedRoute(
        router, auth, Method::Post, kProbesBase, Role::Admin,
        [&probes](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, probeDetails(body.value()));
            HM_TRY(created, probes.create(p, auth::clientInfo(c), details.value()));
            return ApiReply::ok(fleet::ProbeService::probeJson(created.value()), 201);
        },
        std::move(createDoc));

    auth::addProtectedRoute(
        router, auth, Method::Get, kProbesBase + QStringLiteral("/{id}"), Role::Viewer,
        [&probes](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(found, probes.get(c.pathArgs.at(0)));
            return ApiReply::ok(fleet::ProbeService::probeJson(found.value()));
        },
        routeDoc(kProbesTag, QStringLiteral("One probe"), {ErrorCode::ResourceNotFound})
            .response(probe));

    auth::addProtectedRoute(
        router, auth, Method::Patch, kProbesBase + QStringLiteral("/{id}"), Role::Admin,
        [&probes](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, probeDetails(body.value()));
            HM_TRY(updated,
                   probes.update(p, auth::clientInfo(c), c.pathArgs.at(0), details.value()));
            return ApiReply::ok(fleet::ProbeService::probeJson(updated.value()));
        },
        routeDoc(kProbesTag,
                 QStringLiteral("Change a probe (the fields given; the scope whole; never the "
                                "id); the connected agents get the change at once"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError})
            .request(probeBodySchema(false))
            .response(probe));

    auth::addProtectedRoute(
        router, auth, Method::Delete, kProbesBase + QStringLiteral("/{id}"), Role::Admin,
        [&probes](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY_STATUS(probes.remove(p, auth::clientInfo(c), c.pathArgs.at(0)));
            return ApiReply::ok(QJsonObject{{QStringLiteral("id"), c.pathArgs.at(0)},
                                            {QStringLiteral("deleted"), true}});
        },
        routeDoc(kProbesTag, QStringLiteral("Delete a probe; the connected agents stop running it"),
                 {ErrorCode::ResourceNotFound})
            .response(object(
                {{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}})));
}

} // namespace hm::server
