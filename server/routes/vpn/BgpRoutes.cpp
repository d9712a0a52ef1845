// /api/v1/bgp/*: parse, authorise, call BgpService, render
// (docs/api.md "BGP").

#include "server/routes/vpn/BgpRoutes.h"

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/BodyFields.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/vpn/BgpService.h"

#include <QJsonArray>
#include <cmath>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kBgpTag = QStringLiteral("BGP");
const QString kBgpSessions = QStringLiteral("/api/v1/bgp/sessions");
const QString kBgpRoutes = QStringLiteral("/api/v1/bgp/routes");

Result<vpn::BgpSessionDetails> bgpDetails(const QJsonObject &body)
{
    vpn::BgpSessionDetails d;
    for (const auto &[field, out, ifNull] :
         {std::tuple{QStringLiteral("name"), &d.name, body::IfNull::Ignore},
          std::tuple{QStringLiteral("neighbor"), &d.neighbor, body::IfNull::Ignore},
          std::tuple{QStringLiteral("description"), &d.description, body::IfNull::Clear},
          std::tuple{QStringLiteral("ipv6_next_hop"), &d.ipv6NextHop, body::IfNull::Clear},
          std::tuple{QStringLiteral("password"), &d.password, body::IfNull::Clear}}) {
        if (Status s = body::readString(body, field, out, ifNull); !s)
            return s.error();
    }
    for (const auto &[field, out] : {std::pair{QStringLiteral("remote_as"), &d.remoteAs},
                                     std::pair{QStringLiteral("local_as"), &d.localAs}}) {
        if (!body.contains(field))
            continue;
        auto as = body::wholeNumber(body.value(field), field, 1, 4294967295.0,
                                    QStringLiteral("an AS number from 1 to 4294967295"));
        if (!as)
            return as.error();
        *out = as.value();
    }
    for (const auto &[field, out, least, most] :
         {std::tuple{QStringLiteral("hold_time"), &d.holdTime, 3.0, 65535.0},
          std::tuple{QStringLiteral("keepalive"), &d.keepalive, 1.0, 65535.0},
          std::tuple{QStringLiteral("connect_retry"), &d.connectRetry, 1.0, 65535.0}}) {
        if (!body.contains(field))
            continue;
        auto seconds = body::wholeNumber(
            body.value(field), field, least, most,
            QStringLiteral("whole seconds from %1 to %2").arg(int(least)).arg(int(most)));
        if (!seconds)
            return seconds.error();
        *out = int(seconds.value());
    }
    if (body.contains(QStringLiteral("multihop"))) {
        // Seed 001 gives a boolean; a number is the TTL (0: direct).
        const QJsonValue v = body.value(QStringLiteral("multihop"));
        if (v.isBool()) {
            d.multihop = v.toBool() ? 64 : 0;
        } else {
            auto ttl =
                body::wholeNumber(v, QStringLiteral("multihop"), 0, 255,
                                  QStringLiteral("false, true (TTL 64) or a TTL of 0 to 255"));
            if (!ttl)
                return ttl.error();
            d.multihop = int(ttl.value());
        }
    }
    for (const auto &[field, out] : {std::pair{QStringLiteral("ttl_security"), &d.ttlSecurity},
                                     std::pair{QStringLiteral("enabled"), &d.enabled}}) {
        if (Status s = body::readBool(body, field, out, body::IfNull::Ignore); !s)
            return s.error();
    }
    return d;
}

ApiReply bgpDeferred(const RequestContext &c,
                     const std::function<void(vpn::BgpService::Done)> &start, int status = 200)
{
    const DeferredReply reply = c.defer();
    start([reply, status](Result<QJsonObject> outcome) {
        reply.send(outcome ? ApiReply::ok(outcome.value(), status)
                           : ApiReply::failure(outcome.error()));
    });
    return ApiReply::deferred();
}

// A paged list answered by the worker: {key: [...], total} becomes the
// usual {key: [...], pagination}.
ApiReply bgpPagedDeferred(const RequestContext &c, const Paging &paging, const QString &key,
                          const std::function<void(vpn::BgpService::Done)> &start)
{
    const DeferredReply reply = c.defer();
    start([reply, paging, key](Result<QJsonObject> outcome) {
        if (!outcome) {
            reply.send(ApiReply::failure(outcome.error()));
            return;
        }
        reply.send(pagedReply(outcome.value().value(key).toArray(), paging,
                              qint64(outcome.value().value(QStringLiteral("total")).toDouble()),
                              key));
    });
    return ApiReply::deferred();
}

QJsonObject bgpSessionSchema()
{
    return object(
        {{QStringLiteral("id"), integer()},
         {QStringLiteral("name"), string(QStringLiteral("also the BIRD protocol name"))},
         {QStringLiteral("neighbor"), string()},
         {QStringLiteral("remote_as"), integer()},
         {QStringLiteral("local_as"), integer()},
         {QStringLiteral("status"),
          string(QStringLiteral("BIRD's BGP state in lower case (established, idle, connect, "
                                "active, opensent, openconfirm, down…), or unavailable"))},
         {QStringLiteral("uptime"), integer(QStringLiteral("seconds established"))},
         {QStringLiteral("routes_received"), integer()},
         {QStringLiteral("routes_advertised"), integer()},
         {QStringLiteral("last_update"), nullable(string())},
         {QStringLiteral("last_error"), nullable(string())},
         {QStringLiteral("unavailable_reason"),
          string(QStringLiteral("only while unavailable: BIRD_NOT_CONFIGURED, BIRD_UNREACHABLE, "
                                "NOT_IN_BIRD, STARTING or BIRD_ERROR (last_error has BIRD's "
                                "words)"))},
         {QStringLiteral("enabled"), boolean()},
         {QStringLiteral("description"), string()},
         {QStringLiteral("bird_protocol"), string()},
         {QStringLiteral("config"),
          object(
              {{QStringLiteral("password"),
                nullable(string(QStringLiteral("***REDACTED*** when set")))},
               {QStringLiteral("hold_time"), integer()},
               {QStringLiteral("keepalive"), integer()},
               {QStringLiteral("connect_retry"), integer()},
               {QStringLiteral("multihop"),
                boolean(QStringLiteral("seed 001: false for a direct neighbor"))},
               {QStringLiteral("multihop_ttl"), integer(QStringLiteral("0: direct, else the TTL"))},
               {QStringLiteral("ttl_security"), boolean()},
               {QStringLiteral("ipv6_next_hop"),
                nullable(string(QStringLiteral("null: BIRD chooses")))}})},
         {QStringLiteral("statistics"), object({{QStringLiteral("routes_imported"), integer()},
                                                {QStringLiteral("routes_filtered"), integer()},
                                                {QStringLiteral("routes_exported"), integer()},
                                                {QStringLiteral("routes_preferred"), integer()},
                                                {QStringLiteral("updates_received"), integer()},
                                                {QStringLiteral("withdraws_received"), integer()},
                                                {QStringLiteral("updates_sent"), integer()},
                                                {QStringLiteral("withdraws_sent"), integer()}})},
         {QStringLiteral("channels"),
          arrayOf(object(
              {{QStringLiteral("family"), enumOf({QStringLiteral("ipv4"), QStringLiteral("ipv6")})},
               {QStringLiteral("state"), string(QStringLiteral("BIRD's: UP, DOWN, …"))},
               {QStringLiteral("routes_imported"), integer()},
               {QStringLiteral("routes_exported"), integer()},
               {QStringLiteral("updates_received"), integer()},
               {QStringLiteral("updates_sent"), integer()},
               {QStringLiteral("next_hop"),
                nullable(string(QStringLiteral("the next hop announced")))}}))},
         {QStringLiteral("warnings"), arrayOf(object({{QStringLiteral("code"), string()},
                                                      {QStringLiteral("message"), string()}}))},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()}});
}

QJsonObject bgpBodySchema(bool create)
{
    return object(
        {{QStringLiteral("name"),
          string(QStringLiteral("a BIRD protocol name: [A-Za-z_][A-Za-z0-9_]{0,31}, no keyword, "
                                "not hm_*"))},
         {QStringLiteral("neighbor"), string(QStringLiteral("IPv4 or IPv6 address"))},
         {QStringLiteral("remote_as"), integer()},
         {QStringLiteral("local_as"), integer()},
         {QStringLiteral("password"),
          nullable(string(QStringLiteral("TCP-MD5, write-only; null or \"\" removes it")))},
         {QStringLiteral("hold_time"), integer(QStringLiteral("3..65535, default 90"))},
         {QStringLiteral("keepalive"), integer(QStringLiteral("1..below hold_time, default 30"))},
         {QStringLiteral("connect_retry"), integer(QStringLiteral("1..65535, default 120"))},
         {QStringLiteral("multihop"),
          integer(QStringLiteral("0 (direct) to 255, or false/true (64)"))},
         {QStringLiteral("ttl_security"), boolean()},
         {QStringLiteral("enabled"), boolean()},
         {QStringLiteral("description"), nullable(string())},
         {QStringLiteral("ipv6_next_hop"),
          nullable(string(QStringLiteral(
              "the IPv6 next hop announced for IPv6 routes; needed on a multihop IPv4 "
              "session (a direct one takes the interface's IPv6 address); null or \"\" "
              "lets BIRD choose")))}},
        create ? QStringList{QStringLiteral("name"), QStringLiteral("neighbor"),
                             QStringLiteral("remote_as"), QStringLiteral("local_as")}
               : QStringList{});
}

QJsonObject bgpRouteSchema()
{
    return object(
        {{QStringLiteral("prefix"), string()},
         {QStringLiteral("next_hop"), nullable(string())},
         {QStringLiteral("as_path"), string()},
         {QStringLiteral("origin"), nullable(string(QStringLiteral("igp, egp, incomplete")))},
         {QStringLiteral("local_pref"), nullable(integer())},
         {QStringLiteral("med"), nullable(integer())},
         {QStringLiteral("communities"), arrayOf(string(QStringLiteral("65001:100")))},
         {QStringLiteral("protocol"), string(QStringLiteral("BIRD protocol"))},
         {QStringLiteral("session_id"), nullable(integer())},
         {QStringLiteral("type"), string(QStringLiteral("unicast, unreachable…"))},
         {QStringLiteral("since"), nullable(string())},
         {QStringLiteral("primary"), boolean()}});
}

} // namespace

void registerBgpRoutes(ApiRouter &router, auth::AuthModule &auth, vpn::BgpService &bgp)
{
    const QJsonObject session = bgpSessionSchema();
    const QList<ErrorCode> changeErrors{ErrorCode::ValidationError, ErrorCode::Conflict,
                                        ErrorCode::ServiceUnavailable};

    RouteDoc listDoc =
        routeDoc(kBgpTag, QStringLiteral("BGP sessions by id, with their state as BIRD reports it"),
                 {ErrorCode::ValidationError})
            .response(object({{QStringLiteral("sessions"), arrayOf(session)},
                              {QStringLiteral("pagination"), pagination()}}));
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(
        query(QStringLiteral("status"), string(), QStringLiteral("established, idle, …")));
    listDoc.queryParameters.append(query(QStringLiteral("neighbor"), string()));
    listDoc.queryParameters.append(
        query(QStringLiteral("search"), string(), QStringLiteral("name, neighbor or description")));
    auth::addProtectedRoute(
        router, auth, Method::Get, kBgpSessions, Role::Viewer,
        [&bgp](const RequestContext &c, const Principal &) -> ApiReply {
            const QUrlQuery q = c.request.query();
            HM_TRY(paging, parsePaging(q));
            HM_TRY(search, parseSearch(q));
            vpn::BgpSessionQuery query;
            query.search = search.value();
            query.neighbor = queryValue(q, QStringLiteral("neighbor")).trimmed();
            query.status = queryValue(q, QStringLiteral("status")).trimmed().toLower();
            query.limit = paging.value().size;
            query.offset = paging.value().offset();
            return bgpPagedDeferred(
                c, paging.value(), QStringLiteral("sessions"),
                [&bgp, query](auto done) { bgp.listSessions(query, std::move(done)); });
        },
        std::move(listDoc));

    auth::addProtectedRoute(
        router, auth, Method::Post, kBgpSessions, Role::Admin,
        [&bgp](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, bgpDetails(body.value()));
            const auth::ClientInfo from = auth::clientInfo(c);
            return bgpDeferred(
                c,
                [&bgp, p, from, d = details.value()](auto done) {
                    bgp.createSession(p, from, d, std::move(done));
                },
                201);
        },
        routeDoc(kBgpTag,
                 QStringLiteral("Create a session. The complete BIRD configuration is rendered, "
                                "checked and applied first: a configuration BIRD refuses is "
                                "VALIDATION_ERROR with BIRD's words and nothing is stored"),
                 changeErrors)
            .request(bgpBodySchema(true))
            .response(session)
            .status(201));

    auth::addProtectedRoute(
        router, auth, Method::Get, kBgpSessions + QStringLiteral("/{id}"), Role::Viewer,
        [&bgp](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            return bgpDeferred(
                c, [&bgp, id = id.value()](auto done) { bgp.session(id, std::move(done)); });
        },
        routeDoc(kBgpTag, QStringLiteral("One BGP session"), {ErrorCode::ResourceNotFound})
            .response(session));

    QList<ErrorCode> updateErrors = changeErrors;
    updateErrors.append(ErrorCode::ResourceNotFound);
    auth::addProtectedRoute(
        router, auth, Method::Put, kBgpSessions + QStringLiteral("/{id}"), Role::Admin,
        [&bgp](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, bgpDetails(body.value()));
            const auth::ClientInfo from = auth::clientInfo(c);
            return bgpDeferred(c, [&bgp, p, from, id = id.value(), d = details.value()](auto done) {
                bgp.updateSession(p, from, id, d, std::move(done));
            });
        },
        routeDoc(kBgpTag,
                 QStringLiteral("Change a session (the fields given); applied like a create"),
                 updateErrors)
            .request(bgpBodySchema(false))
            .response(session));

    auth::addProtectedRoute(
        router, auth, Method::Delete, kBgpSessions + QStringLiteral("/{id}"), Role::Admin,
        [&bgp](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            const auth::ClientInfo from = auth::clientInfo(c);
            return bgpDeferred(c, [&bgp, p, from, id = id.value()](auto done) {
                bgp.removeSession(p, from, id, std::move(done));
            });
        },
        routeDoc(kBgpTag, QStringLiteral("Delete a session (BIRD drops it)"), updateErrors)
            .response(object(
                {{QStringLiteral("id"), integer()}, {QStringLiteral("deleted"), boolean()}})));

    const QJsonObject switched =
        object({{QStringLiteral("id"), integer()}, {QStringLiteral("enabled"), boolean()}});
    for (const bool start : {true, false}) {
        auth::addProtectedRoute(
            router, auth, Method::Post,
            kBgpSessions + (start ? QStringLiteral("/{id}/start") : QStringLiteral("/{id}/stop")),
            Role::Admin,
            [&bgp, start](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(id, body::pathId(c));
                const auth::ClientInfo from = auth::clientInfo(c);
                return bgpDeferred(c, [&bgp, p, from, id = id.value(), start](auto done) {
                    bgp.setSessionEnabled(p, from, id, start, std::move(done));
                });
            },
            routeDoc(kBgpTag,
                     start ? QStringLiteral("Enable the session (stored, `birdc enable`)")
                           : QStringLiteral("Disable the session (stored, `birdc disable`)"),
                     updateErrors)
                .response(switched));
    }

    RouteDoc routesDoc =
        routeDoc(kBgpTag,
                 QStringLiteral("Routes of BIRD's tables (`show route all`), of one session's "
                                "protocol with session_id"),
                 {ErrorCode::ValidationError, ErrorCode::ResourceNotFound,
                  ErrorCode::ServiceUnavailable})
            .response(object({{QStringLiteral("routes"), arrayOf(bgpRouteSchema())},
                              {QStringLiteral("pagination"), pagination()}}));
    routesDoc.queryParameters = paging();
    routesDoc.queryParameters.append(query(QStringLiteral("session_id"), integer()));
    routesDoc.queryParameters.append(
        query(QStringLiteral("prefix"), string(), QStringLiteral("routes for this prefix")));
    auth::addProtectedRoute(
        router, auth, Method::Get, kBgpRoutes, Role::Viewer,
        [&bgp](const RequestContext &c, const Principal &) -> ApiReply {
            const QUrlQuery q = c.request.query();
            HM_TRY(paging, parsePaging(q));
            HM_TRY(sessionId, body::queryId(q, QStringLiteral("session_id")));
            const QString prefix = queryValue(q, QStringLiteral("prefix"));
            const Paging pg = paging.value();
            return bgpPagedDeferred(c, pg, QStringLiteral("routes"),
                                    [&bgp, sid = sessionId.value(), prefix, pg](auto done) {
                                        bgp.routes(sid, prefix, pg.size, pg.offset(),
                                                   std::move(done));
                                    });
        },
        std::move(routesDoc));

    // ---- prefixes announced besides the pools'
    const QString announcements = QStringLiteral("/api/v1/bgp/announcements");
    const QJsonObject announcement =
        object({{QStringLiteral("id"), integer()},
                {QStringLiteral("prefix"), string()},
                {QStringLiteral("family"), enumOf({QStringLiteral("ipv4"), QStringLiteral("ipv6")})},
                {QStringLiteral("description"), string()},
                {QStringLiteral("created_at"), string()}});
    auth::addProtectedRoute(
        router, auth, Method::Get, announcements, Role::Viewer,
        [&bgp](const RequestContext &c, const Principal &) -> ApiReply {
            return bgpDeferred(c, [&bgp](auto done) { bgp.listAnnouncements(std::move(done)); });
        },
        routeDoc(kBgpTag,
                 QStringLiteral("Prefixes announced on every session besides the active IPv6 "
                                "pools'"))
            .response(object({{QStringLiteral("announcements"), arrayOf(announcement)}})));
    auth::addProtectedRoute(
        router, auth, Method::Post, announcements, Role::Admin,
        [&bgp](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(b, c.jsonObject());
            HM_TRY(prefix, auth::requiredString(b.value(), QStringLiteral("prefix")));
            HM_TRY(description, auth::optionalString(b.value(), QStringLiteral("description")));
            const auth::ClientInfo from = auth::clientInfo(c);
            return bgpDeferred(
                c,
                [&bgp, p, from, prefix = prefix.value(),
                 description = description.value()](auto done) {
                    bgp.addAnnouncement(p, from, prefix, description, std::move(done));
                },
                201);
        },
        routeDoc(kBgpTag,
                 QStringLiteral("Announce a prefix (IPv4 or IPv6) on every session; BIRD checks "
                                "and applies the configuration first"),
                 {ErrorCode::Conflict, ErrorCode::ServiceUnavailable})
            .request(object({{QStringLiteral("prefix"), string()},
                             {QStringLiteral("description"), string()}},
                            {QStringLiteral("prefix")}))
            .response(announcement)
            .status(201));
    auth::addProtectedRoute(
        router, auth, Method::Delete, announcements + QStringLiteral("/{id}"), Role::Admin,
        [&bgp](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            const auth::ClientInfo from = auth::clientInfo(c);
            return bgpDeferred(c, [&bgp, p, from, id = id.value()](auto done) {
                bgp.removeAnnouncement(p, from, id, std::move(done));
            });
        },
        routeDoc(kBgpTag, QStringLiteral("Stop announcing a prefix"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ServiceUnavailable})
            .response(object(
                {{QStringLiteral("id"), integer()}, {QStringLiteral("deleted"), boolean()}})));
}

} // namespace hm::server
