// /api/v1/ipv6/*: parse, authorise, call Ipv6PoolService, render
// (docs/api.md "IPv6 prefix pools").

#include "server/routes/vpn/Ipv6PoolRoutes.h"

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/BodyFields.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/vpn/Ipv6PoolService.h"

#include <QJsonArray>
#include <cmath>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kV6Tag = QStringLiteral("IPv6 prefix pools");
const QString kV6Pools = QStringLiteral("/api/v1/ipv6/pools");
const QString kV6Allocations = QStringLiteral("/api/v1/ipv6/allocations");

Result<vpn::Ipv6PoolDetails> v6PoolDetails(const QJsonObject &body)
{
    vpn::Ipv6PoolDetails d;
    for (const auto &[field, out, nullClears] :
         {std::tuple{QStringLiteral("name"), &d.name, false},
          std::tuple{QStringLiteral("prefix"), &d.prefix, false},
          std::tuple{QStringLiteral("status"), &d.status, false},
          std::tuple{QStringLiteral("description"), &d.description, true}}) {
        if (Status s = body::readString(body, field, out,
                                        nullClears ? body::IfNull::Clear : body::IfNull::Ignore);
            !s)
            return s.error();
    }
    if (body.contains(QStringLiteral("prefix_length"))) {
        auto length = body::wholeNumber(body.value(QStringLiteral("prefix_length")),
                                        QStringLiteral("prefix_length"), 0, 128,
                                        QStringLiteral("a whole number from 0 to 128"));
        if (!length)
            return length.error();
        d.prefixLength = int(length.value());
    }
    if (body.contains(QStringLiteral("reserved_prefixes")) &&
        !body.value(QStringLiteral("reserved_prefixes")).isNull()) {
        auto reserved = body::wholeNumber(
            body.value(QStringLiteral("reserved_prefixes")), QStringLiteral("reserved_prefixes"), 0,
            9007199254740992.0, QStringLiteral("a whole number, 0 or more"));
        if (!reserved)
            return reserved.error();
        d.reservedPrefixes = reserved.value();
    }
    if (Status s = body::readBool(body, QStringLiteral("auto_assign"), &d.autoAssign,
                                  body::IfNull::Ignore);
        !s)
        return s.error();
    return d;
}

Result<vpn::Ipv6AllocationDetails> v6AllocationDetails(const QJsonObject &body)
{
    vpn::Ipv6AllocationDetails d;
    for (const auto &[field, out] : {std::pair{QStringLiteral("pool_id"), &d.poolId},
                                     std::pair{QStringLiteral("client_id"), &d.clientId}}) {
        if (!body.contains(field) || body.value(field).isNull())
            continue;
        auto id = body::wholeNumber(body.value(field), field, 1, 9e15, QStringLiteral("an id"));
        if (!id)
            return id.error();
        *out = id.value();
    }
    for (const auto &[field, out] : {std::pair{QStringLiteral("client_name"), &d.clientName},
                                     std::pair{QStringLiteral("description"), &d.description},
                                     std::pair{QStringLiteral("custom_prefix"), &d.customPrefix}}) {
        if (Status s = body::readString(body, field, out, body::IfNull::Ignore); !s)
            return s.error();
    }
    if (Status s = body::readBool(body, QStringLiteral("auto_assign"), &d.autoAssign,
                                  body::IfNull::Ignore);
        !s)
        return s.error();
    if (body.contains(QStringLiteral("expires_at")) &&
        !body.value(QStringLiteral("expires_at")).isNull()) {
        const QJsonValue v = body.value(QStringLiteral("expires_at"));
        const qint64 at = v.isString() ? auth::parseIsoMs(v.toString()) : 0;
        if (at <= 0)
            return auth::fieldError(QStringLiteral("expires_at"),
                                    QStringLiteral("an ISO-8601 time or null"));
        d.expiresAt = at;
    }
    return d;
}

QJsonObject v6AllocationSchema()
{
    return object({{QStringLiteral("id"), integer()},
                   {QStringLiteral("pool_id"), integer()},
                   {QStringLiteral("client_id"),
                    nullable(integer(QStringLiteral("the WireGuard client it is delegated to")))},
                   {QStringLiteral("client_name"), string()},
                   {QStringLiteral("allocated_prefix"), string(QStringLiteral("2001:db8::/64"))},
                   {QStringLiteral("status"), enumOf({QStringLiteral("active")})},
                   {QStringLiteral("allocated_at"), string()},
                   {QStringLiteral("expires_at"), nullable(string())},
                   {QStringLiteral("description"), string()}});
}

QJsonObject v6PoolSchema()
{
    const QString exactNote =
        QStringLiteral("JSON number when at most 2^53 (exact), null beyond; see *_exact");
    return object(
        {{QStringLiteral("id"), integer()},
         {QStringLiteral("name"), string()},
         {QStringLiteral("prefix"), string(QStringLiteral("canonical IPv6 prefix, 2001:db8::/48"))},
         {QStringLiteral("prefix_length"), integer(QStringLiteral("of the delegated prefixes"))},
         {QStringLiteral("total_prefixes"), nullable(integer(exactNote))},
         {QStringLiteral("total_prefixes_exact"), string(QStringLiteral("exact decimal"))},
         {QStringLiteral("allocated_prefixes"), integer()},
         {QStringLiteral("available_prefixes"), nullable(integer(exactNote))},
         {QStringLiteral("available_prefixes_exact"), string(QStringLiteral("exact decimal"))},
         {QStringLiteral("reserved_prefixes"), integer()},
         {QStringLiteral("auto_assign"), boolean()},
         {QStringLiteral("status"), enumOf({QStringLiteral("active"), QStringLiteral("disabled")})},
         {QStringLiteral("description"), string()},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()},
         {QStringLiteral("allocations"),
          arrayOf(object({{QStringLiteral("id"), integer()},
                          {QStringLiteral("client_id"), nullable(integer())},
                          {QStringLiteral("client_name"), string()},
                          {QStringLiteral("allocated_prefix"), string()},
                          {QStringLiteral("status"), string()},
                          {QStringLiteral("allocated_at"),
                           string(QStringLiteral("the pool's newest 20 "
                                                 "allocations, newest first"))}}))}});
}

QJsonObject v6PoolBodySchema(bool create)
{
    return object(
        {{QStringLiteral("name"), string()},
         {QStringLiteral("prefix"),
          string(QStringLiteral("IPv6, host bits zero; fixed while the pool holds allocations"))},
         {QStringLiteral("prefix_length"),
          integer(QStringLiteral("the pool's length to 128; fixed while it holds allocations"))},
         {QStringLiteral("description"), nullable(string())},
         {QStringLiteral("auto_assign"), boolean()},
         {QStringLiteral("reserved_prefixes"),
          integer(QStringLiteral("the first N prefixes kept back; fewer than the total"))},
         {QStringLiteral("status"),
          enumOf({QStringLiteral("active"), QStringLiteral("disabled")})}},
        create ? QStringList{QStringLiteral("name"), QStringLiteral("prefix"),
                             QStringLiteral("prefix_length")}
               : QStringList{});
}

QJsonObject v6AllocationBodySchema()
{
    return object(
        {{QStringLiteral("pool_id"), integer()},
         {QStringLiteral("client_name"), string(QStringLiteral("required without client_id"))},
         {QStringLiteral("client_id"),
          nullable(integer(QStringLiteral("a WireGuard client: its name is used and its peer "
                                          "gets the prefix")))},
         {QStringLiteral("description"), nullable(string())},
         {QStringLiteral("auto_assign"),
          boolean(QStringLiteral("default true: the lowest free prefix after the reserved ones"))},
         {QStringLiteral("custom_prefix"),
          nullable(string(QStringLiteral("an explicit prefix of the pool's length")))},
         {QStringLiteral("expires_at"), nullable(string())}},
        QStringList{QStringLiteral("pool_id")});
}

ApiReply v6PoolList(vpn::Ipv6PoolService &pools, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(search, parseSearch(query));
    repositories::Ipv6PoolFilter filter;
    filter.search = search.value();
    if (const QString status = queryValue(query, QStringLiteral("status")); !status.isEmpty()) {
        if (status != QLatin1String("active") && status != QLatin1String("disabled"))
            return ApiReply::failure(
                auth::fieldError(QStringLiteral("status"), QStringLiteral("active or disabled")));
        filter.status = status;
    }
    filter.limit = paging.value().size;
    filter.offset = paging.value().offset();
    HM_TRY(page, pools.listPools(filter));
    QJsonArray items;
    for (const repositories::Ipv6PoolRow &row : page.value().items) {
        HM_TRY(json, pools.poolJson(row));
        items.append(json.value());
    }
    return pagedReply(items, paging.value(), page.value().total, QStringLiteral("pools"));
}

ApiReply v6AllocationList(vpn::Ipv6PoolService &pools, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(search, parseSearch(query));
    repositories::Ipv6AllocationFilter filter;
    filter.search = search.value();
    HM_TRY(poolId, body::queryId(query, QStringLiteral("pool_id")));
    filter.poolId = poolId.value();
    HM_TRY(clientId, body::queryId(query, QStringLiteral("client_id")));
    filter.clientId = clientId.value();
    if (const QString status = queryValue(query, QStringLiteral("status")); !status.isEmpty()) {
        if (status != QLatin1String("active"))
            return ApiReply::failure(
                auth::fieldError(QStringLiteral("status"), QStringLiteral("active")));
        filter.status = status;
    }
    filter.limit = paging.value().size;
    filter.offset = paging.value().offset();
    HM_TRY(page, pools.listAllocations(filter));
    QJsonArray items;
    for (const repositories::Ipv6AllocationRow &row : page.value().items)
        items.append(vpn::Ipv6PoolService::allocationJson(row));
    return pagedReply(items, paging.value(), page.value().total, QStringLiteral("allocations"));
}

} // namespace

void registerIpv6PoolRoutes(ApiRouter &router, auth::AuthModule &auth, vpn::Ipv6PoolService &pools)
{
    const QJsonObject pool = v6PoolSchema();
    const QJsonObject allocation = v6AllocationSchema();
    const QJsonObject deleted =
        object({{QStringLiteral("id"), integer()}, {QStringLiteral("deleted"), boolean()}});

    // ---- pools
    RouteDoc listDoc =
        routeDoc(kV6Tag,
                 QStringLiteral("IPv6 prefix pools by id, with exact counts and each pool's "
                                "newest 20 allocations"),
                 {ErrorCode::ValidationError})
            .response(object({{QStringLiteral("pools"), arrayOf(pool)},
                              {QStringLiteral("pagination"), pagination()}}));
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(query(
        QStringLiteral("status"), enumOf({QStringLiteral("active"), QStringLiteral("disabled")})));
    listDoc.queryParameters.append(
        query(QStringLiteral("search"), string(), QStringLiteral("name, prefix or description")));
    auth::addProtectedRoute(
        router, auth, Method::Get, kV6Pools, Role::Viewer,
        [&pools](const RequestContext &c, const Principal &) { return v6PoolList(pools, c); },
        std::move(listDoc));

    auth::addProtectedRoute(
        router, auth, Method::Post, kV6Pools, Role::Admin,
        [&pools](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, v6PoolDetails(body.value()));
            HM_TRY(created, pools.createPool(p, auth::clientInfo(c), details.value()));
            HM_TRY(json, pools.poolJson(created.value()));
            return ApiReply::ok(json.value(), 201);
        },
        routeDoc(kV6Tag,
                 QStringLiteral("Create a pool: an IPv6 prefix (host bits zero) handed out as "
                                "prefixes of prefix_length; it may not overlap another pool"),
                 {ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(v6PoolBodySchema(true))
            .response(pool)
            .status(201));

    auth::addProtectedRoute(
        router, auth, Method::Get, kV6Pools + QStringLiteral("/{id}"), Role::Viewer,
        [&pools](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(found, pools.pool(id.value()));
            HM_TRY(json, pools.poolJson(found.value()));
            return ApiReply::ok(json.value());
        },
        routeDoc(kV6Tag, QStringLiteral("One IPv6 prefix pool"), {ErrorCode::ResourceNotFound})
            .response(pool));

    auth::addProtectedRoute(
        router, auth, Method::Put, kV6Pools + QStringLiteral("/{id}"), Role::Admin,
        [&pools](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, v6PoolDetails(body.value()));
            HM_TRY(updated, pools.updatePool(p, auth::clientInfo(c), id.value(), details.value()));
            HM_TRY(json, pools.poolJson(updated.value()));
            return ApiReply::ok(json.value());
        },
        routeDoc(kV6Tag,
                 QStringLiteral("Change a pool (the fields given). prefix and prefix_length are "
                                "fixed while it holds allocations; reserved_prefixes may not "
                                "cover an allocated prefix"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(v6PoolBodySchema(false))
            .response(pool));

    RouteDoc deleteDoc =
        routeDoc(kV6Tag,
                 QStringLiteral("Delete a pool; refused (CONFLICT) while it holds allocations "
                                "unless force=true releases them"),
                 {ErrorCode::ResourceNotFound, ErrorCode::Conflict})
            .response(deleted);
    deleteDoc.queryParameters.append(
        query(QStringLiteral("force"), boolean(), QStringLiteral("release its allocations too")));
    auth::addProtectedRoute(
        router, auth, Method::Delete, kV6Pools + QStringLiteral("/{id}"), Role::Admin,
        [&pools](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            const QString force = queryValue(c.request.query(), QStringLiteral("force"));
            if (!force.isEmpty() && force != QLatin1String("true") &&
                force != QLatin1String("false"))
                return ApiReply::failure(
                    auth::fieldError(QStringLiteral("force"), QStringLiteral("true or false")));
            HM_TRY_STATUS(pools.removePool(p, auth::clientInfo(c), id.value(),
                                           force == QLatin1String("true")));
            return ApiReply::ok(
                QJsonObject{{QStringLiteral("id"), id.value()}, {QStringLiteral("deleted"), true}});
        },
        std::move(deleteDoc));

    // ---- allocations
    RouteDoc allocationListDoc =
        routeDoc(kV6Tag, QStringLiteral("Delegated prefixes by id"), {ErrorCode::ValidationError})
            .response(object({{QStringLiteral("allocations"), arrayOf(allocation)},
                              {QStringLiteral("pagination"), pagination()}}));
    allocationListDoc.queryParameters = paging();
    allocationListDoc.queryParameters.append(query(QStringLiteral("pool_id"), integer()));
    allocationListDoc.queryParameters.append(query(QStringLiteral("client_id"), integer()));
    allocationListDoc.queryParameters.append(
        query(QStringLiteral("status"), enumOf({QStringLiteral("active")})));
    allocationListDoc.queryParameters.append(query(
        QStringLiteral("search"), string(), QStringLiteral("client name, prefix or description")));
    auth::addProtectedRoute(
        router, auth, Method::Get, kV6Allocations, Role::Viewer,
        [&pools](const RequestContext &c, const Principal &) { return v6AllocationList(pools, c); },
        std::move(allocationListDoc));

    auth::addProtectedRoute(
        router, auth, Method::Post, kV6Allocations, Role::Admin,
        [&pools](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, v6AllocationDetails(body.value()));
            HM_TRY(created, pools.allocate(p, auth::clientInfo(c), details.value()));
            return ApiReply::ok(vpn::Ipv6PoolService::allocationJson(created.value()), 201);
        },
        routeDoc(kV6Tag,
                 QStringLiteral("Delegate a prefix: the lowest free one after the reserved ones, "
                                "or custom_prefix, checked (details.reason: outside_pool, "
                                "wrong_length, misaligned, reserved, overlapping; exhausted, "
                                "pool_disabled at pool_id). With client_id the WireGuard "
                                "client's peer gets it in AllowedIPs and a route"),
                 {ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(v6AllocationBodySchema())
            .response(allocation)
            .status(201));

    auth::addProtectedRoute(
        router, auth, Method::Get, kV6Allocations + QStringLiteral("/{id}"), Role::Viewer,
        [&pools](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(found, pools.allocation(id.value()));
            return ApiReply::ok(vpn::Ipv6PoolService::allocationJson(found.value()));
        },
        routeDoc(kV6Tag, QStringLiteral("One delegated prefix"), {ErrorCode::ResourceNotFound})
            .response(allocation));

    auth::addProtectedRoute(
        router, auth, Method::Delete, kV6Allocations + QStringLiteral("/{id}"), Role::Admin,
        [&pools](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY_STATUS(pools.release(p, auth::clientInfo(c), id.value()));
            return ApiReply::ok(
                QJsonObject{{QStringLiteral("id"), id.value()}, {QStringLiteral("deleted"), true}});
        },
        routeDoc(kV6Tag, QStringLiteral("Release a delegated prefix: it is free again"),
                 {ErrorCode::ResourceNotFound})
            .response(deleted));
}

} // namespace hm::server
