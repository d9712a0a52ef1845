// /api/v1/wireguard/*: parse, authorise, call WireGuardService, render
// (docs/api.md "WireGuard"). Private keys never appear in an answer but the
// client's own config (its creation and the audited download).

#include "server/routes/vpn/WireGuardRoutes.h"

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/BodyFields.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/vpn/WgImport.h"
#include "server/services/auth/RateLimiter.h"
#include "server/services/vpn/WireGuardService.h"
#include "qr/QrPng.h"

#include <QJsonArray>
#include <cmath>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kWgTag = QStringLiteral("WireGuard");
const QString kWgServers = QStringLiteral("/api/v1/wireguard/servers");
const QString kWgClients = QStringLiteral("/api/v1/wireguard/clients");

// confirm_within_seconds and confirm_by_handshake_of of a PUT
// (docs/api.md "Commit-confirm"); the range is the service's to check.
Result<std::optional<vpn::WgConfirmRequest>> wgConfirmOf(const QJsonObject &body)
{
    std::optional<int> within;
    if (Status s = body::readInt(body, QStringLiteral("confirm_within_seconds"), &within); !s)
        return s.error();
    if (!within) {
        if (body.contains(QStringLiteral("confirm_by_handshake_of")))
            return auth::fieldError(QStringLiteral("confirm_by_handshake_of"),
                                    QStringLiteral("only with confirm_within_seconds"));
        return std::optional<vpn::WgConfirmRequest>();
    }
    vpn::WgConfirmRequest request;
    request.withinSeconds = *within;
    std::optional<int> client;
    if (Status s = body::readInt(body, QStringLiteral("confirm_by_handshake_of"), &client); !s)
        return s.error();
    if (client)
        request.handshakeClientId = *client;
    return std::optional<vpn::WgConfirmRequest>(request);
}

// The answer of a PUT: the row, and the change awaiting confirmation if one
// was asked for.
template <typename Json>
ApiReply wgUpdatedReply(vpn::WireGuardService &wg, const QString &kind, qint64 id, Json json)
{
    auto pending = wg.pendingChange(kind, id);
    if (pending && pending.value())
        json.insert(QStringLiteral("pending_confirmation"), *pending.value());
    return ApiReply::ok(json);
}

Result<vpn::WgServerDetails> wgServerDetails(const QJsonObject &body)
{
    vpn::WgServerDetails d;
    for (const auto &[field, out, nullClears] :
         {std::tuple{QStringLiteral("name"), &d.name, false},
          std::tuple{QStringLiteral("interface"), &d.interfaceName, false},
          std::tuple{QStringLiteral("ipv4_address"), &d.ipv4Address, true},
          std::tuple{QStringLiteral("ipv6_address"), &d.ipv6Address, true},
          std::tuple{QStringLiteral("endpoint_host"), &d.endpointHost, true},
          std::tuple{QStringLiteral("description"), &d.description, true}}) {
        if (Status s = body::readString(body, field, out,
                                        nullClears ? body::IfNull::Clear : body::IfNull::Refuse);
            !s)
            return s.error();
    }
    // Seed 001 nests dns_servers, mtu, persistent_keepalive and allowed_ips
    // under "config" in its answers and sends them flat: both are read.
    QJsonObject flat = body;
    if (body.value(QStringLiteral("config")).isObject()) {
        const QJsonObject config = body.value(QStringLiteral("config")).toObject();
        for (auto it = config.constBegin(); it != config.constEnd(); ++it)
            if (!flat.contains(it.key()))
                flat.insert(it.key(), it.value());
    }
    for (const auto &[field, out] :
         {std::pair{QStringLiteral("listen_port"), &d.listenPort},
          std::pair{QStringLiteral("mtu"), &d.mtu},
          std::pair{QStringLiteral("persistent_keepalive"), &d.persistentKeepalive}}) {
        if (Status s = body::readInt(flat, field, out); !s)
            return s.error();
    }
    for (const auto &[field, out] : {std::pair{QStringLiteral("dns_servers"), &d.dnsServers},
                                     std::pair{QStringLiteral("allowed_ips"), &d.allowedIps}}) {
        if (Status s = body::readStringList(flat, field, out); !s)
            return s.error();
    }
    if (Status s = body::readBool(body, QStringLiteral("auto_start"), &d.autoStart); !s)
        return s.error();
    auto confirm = wgConfirmOf(body);
    if (!confirm)
        return confirm.error();
    d.confirm = confirm.value();
    return d;
}

Result<vpn::WgClientDetails> wgClientDetails(const QJsonObject &body)
{
    vpn::WgClientDetails d;
    if (body.contains(QStringLiteral("server_id"))) {
        const QJsonValue v = body.value(QStringLiteral("server_id"));
        const double number = v.toDouble();
        if (!v.isDouble() || number != std::floor(number) || number < 1 || number > 9e15)
            return auth::fieldError(QStringLiteral("server_id"), QStringLiteral("a server's id"));
        d.serverId = qint64(number);
    }
    for (const auto &[field, out, nullClears] :
         {std::tuple{QStringLiteral("name"), &d.name, false},
          std::tuple{QStringLiteral("address_family"), &d.addressFamily, false},
          std::tuple{QStringLiteral("ipv4_address"), &d.ipv4Address, true},
          std::tuple{QStringLiteral("ipv6_address"), &d.ipv6Address, true},
          std::tuple{QStringLiteral("description"), &d.description, true}}) {
        if (Status s = body::readString(body, field, out,
                                        nullClears ? body::IfNull::Clear : body::IfNull::Refuse);
            !s)
            return s.error();
    }
    if (Status s =
            body::readInt(body, QStringLiteral("persistent_keepalive"), &d.persistentKeepalive);
        !s)
        return s.error();
    for (const auto &[field, out] : {std::pair{QStringLiteral("dns_servers"), &d.dnsServers},
                                     std::pair{QStringLiteral("allowed_ips"), &d.allowedIps}}) {
        if (Status s = body::readStringList(body, field, out); !s)
            return s.error();
    }
    if (Status s = body::readBool(body, QStringLiteral("enabled"), &d.enabled); !s)
        return s.error();
    std::optional<bool> psk;
    if (Status s = body::readBool(body, QStringLiteral("preshared_key"), &psk); !s)
        return s.error();
    d.presharedKey = psk.value_or(true);
    if (body.contains(QStringLiteral("expires_at"))) {
        const QJsonValue v = body.value(QStringLiteral("expires_at"));
        if (v.isNull()) {
            d.expiresAt = std::optional<qint64>();
        } else {
            const qint64 at = v.isString() ? auth::parseIsoMs(v.toString()) : 0;
            if (at <= 0)
                return auth::fieldError(QStringLiteral("expires_at"),
                                        QStringLiteral("an ISO-8601 time or null"));
            d.expiresAt = std::optional<qint64>(at);
        }
    }
    auto confirm = wgConfirmOf(body);
    if (!confirm)
        return confirm.error();
    d.confirm = confirm.value();
    return d;
}

QJsonObject wgServerSchema()
{
    return object(
        {{QStringLiteral("id"), integer()},
         {QStringLiteral("name"), string()},
         {QStringLiteral("interface"), string(QStringLiteral("^[A-Za-z0-9_=+.-]{1,15}$"))},
         {QStringLiteral("listen_port"), integer(QStringLiteral("1 to 65535"))},
         {QStringLiteral("ipv4_address"),
          nullable(string(QStringLiteral("the server's address and subnet, 10.8.0.1/24")))},
         {QStringLiteral("ipv6_address"),
          nullable(string(QStringLiteral("the server's address and subnet, fd00:8::1/64")))},
         {QStringLiteral("public_key"), string()},
         {QStringLiteral("private_key"), string(QStringLiteral("always ***REDACTED***"))},
         {QStringLiteral("status"),
          enumOf({QStringLiteral("running"), QStringLiteral("stopped"), QStringLiteral("error")})},
         {QStringLiteral("clients_count"), integer()},
         {QStringLiteral("bytes_received"),
          integer(QStringLiteral("its clients' totals: bytes received from them"))},
         {QStringLiteral("bytes_sent"), integer(QStringLiteral("its clients' totals: bytes sent"))},
         {QStringLiteral("last_handshake"),
          nullable(string(QStringLiteral("its clients' latest handshake seen")))},
         {QStringLiteral("endpoint_host"),
          string(QStringLiteral("host in client configs; empty: the server's public host"))},
         {QStringLiteral("auto_start"), boolean()},
         {QStringLiteral("description"), string()},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()},
         {QStringLiteral("config"),
          object(
              {{QStringLiteral("dns_servers"), arrayOf(string())},
               {QStringLiteral("mtu"), integer(QStringLiteral("1280 to 9000; IPv4-only from 576"))},
               {QStringLiteral("persistent_keepalive"), integer(QStringLiteral("0 to 65535"))},
               {QStringLiteral("allowed_ips"), arrayOf(string())}})}});
}

QJsonObject kWgConfirmWithinSchema()
{
    return integer(QStringLiteral("update only: roll the change back unless confirmed within "
                                  "this many seconds (10-3600)"));
}

QJsonObject kWgConfirmHandshakeSchema()
{
    return integer(QStringLiteral("update only: a client of the server whose handshake after "
                                  "the change confirms it"));
}

QJsonObject wgServerBodySchema(bool create)
{
    return object(
        {{QStringLiteral("name"), string()},
         {QStringLiteral("interface"), string(QStringLiteral("^[A-Za-z0-9_=+.-]{1,15}$"))},
         {QStringLiteral("listen_port"), integer()},
         {QStringLiteral("ipv4_address"), nullable(string())},
         {QStringLiteral("ipv6_address"), nullable(string())},
         {QStringLiteral("dns_servers"), arrayOf(string())},
         {QStringLiteral("mtu"), integer()},
         {QStringLiteral("persistent_keepalive"), integer()},
         {QStringLiteral("allowed_ips"), arrayOf(string())},
         {QStringLiteral("endpoint_host"), nullable(string())},
         {QStringLiteral("auto_start"), boolean()},
         {QStringLiteral("description"), nullable(string())},
         {QStringLiteral("confirm_within_seconds"), kWgConfirmWithinSchema()},
         {QStringLiteral("confirm_by_handshake_of"), kWgConfirmHandshakeSchema()}},
        create ? QStringList{QStringLiteral("name"), QStringLiteral("interface"),
                             QStringLiteral("listen_port")}
               : QStringList{});
}

QJsonObject wgClientSchema()
{
    return object(
        {{QStringLiteral("id"), integer()},
         {QStringLiteral("name"), string()},
         {QStringLiteral("server_id"), integer()},
         {QStringLiteral("address_family"),
          enumOf({QStringLiteral("ipv4"), QStringLiteral("ipv6"), QStringLiteral("dual")})},
         {QStringLiteral("ipv4_address"), nullable(string(QStringLiteral("10.8.0.2/32")))},
         {QStringLiteral("ipv6_address"), nullable(string(QStringLiteral("fd00:8::2/128")))},
         {QStringLiteral("public_key"), string()},
         {QStringLiteral("private_key"), string(QStringLiteral("always ***REDACTED***"))},
         {QStringLiteral("has_private_key"),
          boolean(QStringLiteral("false for an imported client: its owner keeps its config"))},
         {QStringLiteral("preshared_key"),
          nullable(string(QStringLiteral("***REDACTED*** when the client has one")))},
         {QStringLiteral("status"), enumOf({QStringLiteral("active"), QStringLiteral("disabled"),
                                            QStringLiteral("expired")})},
         {QStringLiteral("enabled"), boolean()},
         {QStringLiteral("expires_at"), nullable(string())},
         {QStringLiteral("last_handshake"), nullable(string())},
         {QStringLiteral("bytes_received"),
          integer(QStringLiteral("its total: bytes the server received from it"))},
         {QStringLiteral("bytes_sent"), integer(QStringLiteral("its total: bytes sent to it"))},
         {QStringLiteral("allowed_ips"), arrayOf(string())},
         {QStringLiteral("dns_servers"), arrayOf(string())},
         {QStringLiteral("persistent_keepalive"), integer()},
         {QStringLiteral("description"), string()},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()}});
}

QJsonObject wgClientBodySchema(bool create)
{
    return object(
        {{QStringLiteral("server_id"), integer()},
         {QStringLiteral("name"), string()},
         {QStringLiteral("address_family"),
          enumOf({QStringLiteral("ipv4"), QStringLiteral("ipv6"), QStringLiteral("dual")})},
         {QStringLiteral("ipv4_address"),
          nullable(string(QStringLiteral("explicit address; absent: the lowest free one")))},
         {QStringLiteral("ipv6_address"),
          nullable(string(QStringLiteral("explicit address; absent: the lowest free one")))},
         {QStringLiteral("allowed_ips"), arrayOf(string())},
         {QStringLiteral("dns_servers"), arrayOf(string())},
         {QStringLiteral("persistent_keepalive"), integer()},
         {QStringLiteral("enabled"), boolean()},
         {QStringLiteral("expires_at"), nullable(string())},
         {QStringLiteral("preshared_key"),
          boolean(QStringLiteral("create only: give the client a preshared key (default true)"))},
         {QStringLiteral("description"), nullable(string())},
         {QStringLiteral("confirm_within_seconds"), kWgConfirmWithinSchema()},
         {QStringLiteral("confirm_by_handshake_of"), kWgConfirmHandshakeSchema()}},
        create ? QStringList{QStringLiteral("server_id"), QStringLiteral("name")} : QStringList{});
}

Result<vpn::WgImportRequest> wgImportRequest(const QJsonObject &body)
{
    vpn::WgImportRequest request;
    std::optional<QString> config;
    std::optional<QString> name;
    std::optional<QString> interfaceName;
    std::optional<QString> endpointHost;
    std::optional<bool> dryRun;
    for (const auto &[field, out, nullClears] :
         {std::tuple{QStringLiteral("config"), &config, false},
          std::tuple{QStringLiteral("name"), &name, true},
          std::tuple{QStringLiteral("interface"), &interfaceName, false},
          std::tuple{QStringLiteral("endpoint_host"), &endpointHost, true}}) {
        if (Status s = body::readString(body, field, out,
                                        nullClears ? body::IfNull::Clear : body::IfNull::Refuse);
            !s)
            return s.error();
    }
    if (Status s = body::readBool(body, QStringLiteral("dry_run"), &dryRun); !s)
        return s.error();
    if (!config || config->trimmed().isEmpty())
        return auth::fieldError(QStringLiteral("config"),
                                QStringLiteral("required: the wg-quick file's text"));
    request.config = *config;
    request.name = name.value_or(QString());
    request.interfaceName = interfaceName.value_or(QString());
    request.endpointHost = endpointHost.value_or(QString());
    request.dryRun = dryRun.value_or(false);
    return request;
}

ApiReply wgServerList(vpn::WireGuardService &wg, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(search, parseSearch(query));
    repositories::WgServerFilter filter;
    filter.search = search.value();
    if (const QString status = queryValue(query, QStringLiteral("status")); !status.isEmpty()) {
        if (status != QLatin1String("running") && status != QLatin1String("stopped") &&
            status != QLatin1String("error"))
            return ApiReply::failure(auth::fieldError(QStringLiteral("status"),
                                                      QStringLiteral("running, stopped or error")));
        filter.desiredState = status;
    }
    filter.limit = paging.value().size;
    filter.offset = paging.value().offset();
    HM_TRY(page, wg.listServers(filter));
    QJsonArray items;
    for (const repositories::WgServerRow &row : page.value().items)
        items.append(wg.serverView(row));
    return pagedReply(items, paging.value(), page.value().total, QStringLiteral("servers"));
}

ApiReply wgClientList(vpn::WireGuardService &wg, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(search, parseSearch(query));
    repositories::WgClientFilter filter;
    filter.search = search.value();
    if (const QString server = queryValue(query, QStringLiteral("server_id")); !server.isEmpty()) {
        bool ok = false;
        filter.serverId = server.toLongLong(&ok);
        if (!ok)
            return ApiReply::failure(
                auth::fieldError(QStringLiteral("server_id"), QStringLiteral("a server's id")));
    }
    if (const QString status = queryValue(query, QStringLiteral("status")); !status.isEmpty()) {
        if (status != QLatin1String("active") && status != QLatin1String("disabled") &&
            status != QLatin1String("expired"))
            return ApiReply::failure(auth::fieldError(
                QStringLiteral("status"), QStringLiteral("active, disabled or expired")));
        filter.status = status;
    }
    filter.limit = paging.value().size;
    filter.offset = paging.value().offset();
    HM_TRY(page, wg.listClients(filter));
    QJsonArray items;
    for (const repositories::WgClientRow &row : page.value().items)
        items.append(wg.clientView(row));
    return pagedReply(items, paging.value(), page.value().total, QStringLiteral("clients"));
}

// Answers when the worker is done.
ApiReply wgDeferred(const RequestContext &c,
                    const std::function<void(vpn::WireGuardService::Done)> &start)
{
    const DeferredReply reply = c.defer();
    start([reply](Result<QJsonObject> outcome) {
        reply.send(outcome ? ApiReply::ok(outcome.value()) : ApiReply::failure(outcome.error()));
    });
    return ApiReply::deferred();
}


// Tries per minute and address at opening share links.
constexpr int kWgShareTriesPerMinute = 10;

// ?start&end (ISO-8601; default the last 24 hours) and ?tier of a traffic
// query.
struct WgTrafficQuery
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString tier;
};

Result<WgTrafficQuery> wgTrafficQueryOf(const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    auto start = parseTime(query, {QStringLiteral("start")});
    if (!start)
        return start.error();
    auto end = parseTime(query, {QStringLiteral("end")});
    if (!end)
        return end.error();
    WgTrafficQuery q;
    q.endMs = end.value().isValid() ? end.value().toMSecsSinceEpoch() : auth::nowMs();
    q.startMs = start.value().isValid() ? start.value().toMSecsSinceEpoch()
                                        : q.endMs - 24 * 3600 * 1000LL;
    if (q.startMs > q.endMs)
        return auth::fieldError(QStringLiteral("start"), QStringLiteral("not after end"));
    q.tier = queryValue(query, QStringLiteral("tier"));
    return q;
}

} // namespace

void registerWireGuardRoutes(ApiRouter &router, auth::AuthModule &auth, vpn::WireGuardService &wg)
{
    const QJsonObject server = wgServerSchema();
    const QJsonObject client = wgClientSchema();
    const QJsonObject deleted =
        object({{QStringLiteral("id"), integer()}, {QStringLiteral("deleted"), boolean()}});

    // ---- servers
    RouteDoc listDoc =
        routeDoc(kWgTag, QStringLiteral("WireGuard servers by id"), {ErrorCode::ValidationError})
            .response(object({{QStringLiteral("servers"), arrayOf(server)},
                              {QStringLiteral("pagination"), pagination()}}));
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(query(
        QStringLiteral("status"),
        enumOf({QStringLiteral("running"), QStringLiteral("stopped"), QStringLiteral("error")}),
        QStringLiteral("error: meant to run, interface not up at the last check")));
    listDoc.queryParameters.append(query(QStringLiteral("search"), string(),
                                         QStringLiteral("name, interface or description")));
    auth::addProtectedRoute(
        router, auth, Method::Get, kWgServers, Role::Viewer,
        [&wg](const RequestContext &c, const Principal &) { return wgServerList(wg, c); },
        std::move(listDoc));

    auth::addProtectedRoute(
        router, auth, Method::Post, kWgServers, Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, wgServerDetails(body.value()));
            HM_TRY(created, wg.createServer(p, auth::clientInfo(c), details.value()));
            return ApiReply::ok(wg.serverView(created.value()), 201);
        },
        routeDoc(kWgTag,
                 QStringLiteral("Create a WireGuard server; its key pair is generated and the "
                                "private key never shown"),
                 {ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(wgServerBodySchema(true))
            .response(server)
            .status(201));

    auth::addProtectedRoute(
        router, auth, Method::Post, kWgServers + QStringLiteral("/import"), Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(request, wgImportRequest(body.value()));
            vpn::WgImporter importer(wg.database(), wg.cipher());
            HM_TRY(imported, importer.run(p, auth::clientInfo(c), request.value()));
            const bool dryRun = request.value().dryRun;
            return ApiReply::ok(vpn::WgImporter::answer(wg, imported.value(), dryRun),
                                dryRun ? 200 : 201);
        },
        routeDoc(kWgTag,
                 QStringLiteral("Import a wg-quick server file with its peers: the [Interface] "
                                "becomes a server, each [Peer] a client without a private key "
                                "(its config cannot be downloaded); hooks, Table, FwMark, "
                                "SaveConfig and routed prefixes are not imported but named in "
                                "warnings. All or nothing; dry_run stores nothing and answers "
                                "200 with what would be created (server without id; clients as "
                                "{name, address_family, ipv4_address, ipv6_address, public_key, "
                                "has_preshared_key})"),
                 {ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(object(
                {{QStringLiteral("config"),
                  string(QStringLiteral("the whole wg-quick text, at most 1 MiB and "
                                        "10000 peers"))},
                 {QStringLiteral("name"),
                  nullable(string(QStringLiteral("default: the interface")))},
                 {QStringLiteral("interface"), string(QStringLiteral("^[A-Za-z0-9_=+.-]{1,15}$"))},
                 {QStringLiteral("endpoint_host"), nullable(string())},
                 {QStringLiteral("dry_run"), boolean()}},
                {QStringLiteral("config"), QStringLiteral("interface")}))
            .response(object(
                {{QStringLiteral("server"), server},
                 {QStringLiteral("clients"), arrayOf(client)},
                 {QStringLiteral("warnings"), arrayOf(string(QStringLiteral("English sentences")))},
                 {QStringLiteral("warning_details"),
                  arrayOf(object(
                      {{QStringLiteral("code"),
                        enumOf({QStringLiteral("DNS_SEARCH_NOT_IMPORTED"),
                                QStringLiteral("TABLE_NOT_IMPORTED"),
                                QStringLiteral("FWMARK_NOT_IMPORTED"),
                                QStringLiteral("SAVECONFIG_NOT_IMPORTED"),
                                QStringLiteral("HOOK_NOT_IMPORTED"),
                                QStringLiteral("PEER_NAME_UNUSABLE"),
                                QStringLiteral("PEER_ROUTES_NOT_IMPORTED"),
                                QStringLiteral("PEER_ENDPOINT_NOT_IMPORTED")})},
                       {QStringLiteral("message"),
                        string(QStringLiteral("the same as in warnings"))},
                       {QStringLiteral("hook"), string(QStringLiteral("PreUp, …"))},
                       {QStringLiteral("peer"),
                        integer(QStringLiteral("its number in the file, from 1"))},
                       {QStringLiteral("name"), string(QStringLiteral("the client it becomes"))},
                       {QStringLiteral("prefixes"), arrayOf(string())}}))}}))
            .status(201));

    auth::addProtectedRoute(
        router, auth, Method::Get, kWgServers + QStringLiteral("/{id}"), Role::Viewer,
        [&wg](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(found, wg.server(id.value()));
            return ApiReply::ok(wg.serverView(found.value()));
        },
        routeDoc(kWgTag, QStringLiteral("One WireGuard server"), {ErrorCode::ResourceNotFound})
            .response(server));

    auth::addProtectedRoute(
        router, auth, Method::Put, kWgServers + QStringLiteral("/{id}"), Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, wgServerDetails(body.value()));
            HM_TRY(updated, wg.updateServer(p, auth::clientInfo(c), id.value(), details.value()));
            return wgUpdatedReply(wg, QStringLiteral("server"), id.value(),
                                  wg.serverView(updated.value()));
        },
        routeDoc(kWgTag,
                 QStringLiteral("Change a WireGuard server (the fields given); a running one is "
                                "re-synced"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(wgServerBodySchema(false))
            .response(server));

    auth::addProtectedRoute(
        router, auth, Method::Delete, kWgServers + QStringLiteral("/{id}"), Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY_STATUS(wg.removeServer(p, auth::clientInfo(c), id.value()));
            return ApiReply::ok(
                QJsonObject{{QStringLiteral("id"), id.value()}, {QStringLiteral("deleted"), true}});
        },
        routeDoc(kWgTag,
                 QStringLiteral("Delete a WireGuard server with its clients; a running "
                                "interface is removed"),
                 {ErrorCode::ResourceNotFound})
            .response(deleted));

    const QJsonObject stateAnswer =
        object({{QStringLiteral("id"), integer()},
                {QStringLiteral("status"), string()},
                {QStringLiteral("backend"),
                 enumOf({QStringLiteral("linux-kernel"), QStringLiteral("linux-wireguard-go"),
                         QStringLiteral("config-only")})},
                {QStringLiteral("started_at"), string()},
                {QStringLiteral("stopped_at"), string()}});
    auth::addProtectedRoute(
        router, auth, Method::Post, kWgServers + QStringLiteral("/{id}/start"), Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            const auth::ClientInfo from = auth::clientInfo(c);
            return wgDeferred(c, [&wg, p, from, id = id.value()](auto done) {
                wg.startServer(p, from, id, std::move(done));
            });
        },
        routeDoc(kWgTag,
                 QStringLiteral("Bring the server's interface up (re-sync it when it runs "
                                "already) through the active backend"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ServiceUnavailable})
            .response(stateAnswer));
    auth::addProtectedRoute(
        router, auth, Method::Post, kWgServers + QStringLiteral("/{id}/stop"), Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            const auth::ClientInfo from = auth::clientInfo(c);
            return wgDeferred(c, [&wg, p, from, id = id.value()](auto done) {
                wg.stopServer(p, from, id, std::move(done));
            });
        },
        routeDoc(kWgTag, QStringLiteral("Take the server's interface down"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ServiceUnavailable})
            .response(stateAnswer));
    auth::addProtectedRoute(
        router, auth, Method::Get, kWgServers + QStringLiteral("/{id}/status"), Role::Viewer,
        [&wg](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            return wgDeferred(
                c, [&wg, id = id.value()](auto done) { wg.serverStatus(id, std::move(done)); });
        },
        routeDoc(kWgTag,
                 QStringLiteral("Live state of the server's interface: peers (public key, "
                                "allowed IPs, endpoint, latest handshake, transfer) and "
                                "interface statistics"),
                 {ErrorCode::ResourceNotFound})
            .response(
                object({{QStringLiteral("id"), integer()},
                        {QStringLiteral("name"), string()},
                        {QStringLiteral("status"),
                         enumOf({QStringLiteral("running"), QStringLiteral("stopped"),
                                 QStringLiteral("error")})},
                        {QStringLiteral("backend"), string()},
                        {QStringLiteral("clients"),
                         arrayOf(object({{QStringLiteral("public_key"), string()},
                                         {QStringLiteral("allowed_ips"), string()},
                                         {QStringLiteral("endpoint"), nullable(string())},
                                         {QStringLiteral("latest_handshake"), nullable(string())},
                                         {QStringLiteral("transfer_rx"), integer()},
                                         {QStringLiteral("transfer_tx"), integer()}}))},
                        {QStringLiteral("interface_stats"),
                         object({{QStringLiteral("rx_bytes"), integer()},
                                 {QStringLiteral("tx_bytes"), integer()},
                                 {QStringLiteral("rx_packets"), integer()},
                                 {QStringLiteral("tx_packets"), integer()}})}})));

    // ---- clients
    RouteDoc clientListDoc =
        routeDoc(kWgTag, QStringLiteral("WireGuard clients by id"), {ErrorCode::ValidationError})
            .response(object({{QStringLiteral("clients"), arrayOf(client)},
                              {QStringLiteral("pagination"), pagination()}}));
    clientListDoc.queryParameters = paging();
    clientListDoc.queryParameters.append(query(QStringLiteral("server_id"), integer()));
    clientListDoc.queryParameters.append(query(
        QStringLiteral("status"),
        enumOf({QStringLiteral("active"), QStringLiteral("disabled"), QStringLiteral("expired")})));
    clientListDoc.queryParameters.append(
        query(QStringLiteral("search"), string(), QStringLiteral("name, address or description")));
    auth::addProtectedRoute(
        router, auth, Method::Get, kWgClients, Role::Viewer,
        [&wg](const RequestContext &c, const Principal &) { return wgClientList(wg, c); },
        std::move(clientListDoc));

    QJsonObject createdClient = client;
    {
        QJsonObject properties = createdClient.value(QStringLiteral("properties")).toObject();
        properties.insert(QStringLiteral("config"),
                          string(QStringLiteral("the client's wg-quick file, with its private "
                                                "key: shown this once")));
        properties.insert(QStringLiteral("qr_code"),
                          string(QStringLiteral("data:image/png;base64,… of the config")));
        createdClient.insert(QStringLiteral("properties"), properties);
    }
    const auto createClient = [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
        HM_TRY(body, c.jsonObject());
        QJsonObject fields = body.value();
        // Seed 000's /api/vpn/clients names the client "client_name" and
        // has one server: without server_id, the only one there is.
        if (!fields.contains(QStringLiteral("name")) &&
            fields.contains(QStringLiteral("client_name")))
            fields.insert(QStringLiteral("name"), fields.value(QStringLiteral("client_name")));
        if (!fields.contains(QStringLiteral("server_id"))) {
            repositories::WgServerFilter only;
            only.limit = 2;
            HM_TRY(servers, wg.listServers(only));
            if (servers.value().total == 1)
                fields.insert(QStringLiteral("server_id"), double(servers.value().items.at(0).id));
        }
        HM_TRY(details, wgClientDetails(fields));
        HM_TRY(created, wg.createClient(p, auth::clientInfo(c), details.value()));
        QJsonObject answer = wg.clientView(created.value().row);
        answer.insert(QStringLiteral("config"), created.value().config);
        answer.insert(QStringLiteral("qr_code"), created.value().qrCode);
        return ApiReply::ok(answer, 201);
    };
    const auto createDoc = [&] {
        return routeDoc(kWgTag,
                        QStringLiteral("Create a client: key pair, preshared key and the lowest "
                                       "free addresses of its family (or the explicit ones, "
                                       "checked); the answer holds its config and QR code this "
                                       "once. Without server_id: the only server"),
                        {ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(wgClientBodySchema(true))
            .response(createdClient)
            .status(201);
    };
    auth::addProtectedRoute(router, auth, Method::Post, kWgClients, Role::Admin, createClient,
                            createDoc());
    // Seed 000's names for the same two routes.
    const QString seed000Clients = QStringLiteral("/api/vpn/clients");
    auth::addProtectedRoute(router, auth, Method::Post, seed000Clients, Role::Admin, createClient,
                            createDoc());
    RouteDoc aliasListDoc =
        routeDoc(kWgTag,
                 QStringLiteral("WireGuard clients by id (seed 000's name of GET "
                                "/api/v1/wireguard/clients)"),
                 {ErrorCode::ValidationError})
            .response(object({{QStringLiteral("clients"), arrayOf(client)},
                              {QStringLiteral("pagination"), pagination()}}));
    aliasListDoc.queryParameters = paging();
    auth::addProtectedRoute(
        router, auth, Method::Get, seed000Clients, Role::Viewer,
        [&wg](const RequestContext &c, const Principal &) { return wgClientList(wg, c); },
        std::move(aliasListDoc));

    auth::addProtectedRoute(
        router, auth, Method::Get, kWgClients + QStringLiteral("/{id}"), Role::Viewer,
        [&wg](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(found, wg.clientRow(id.value()));
            return ApiReply::ok(wg.clientView(found.value()));
        },
        routeDoc(kWgTag, QStringLiteral("One WireGuard client"), {ErrorCode::ResourceNotFound})
            .response(client));

    auth::addProtectedRoute(
        router, auth, Method::Put, kWgClients + QStringLiteral("/{id}"), Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(body, c.jsonObject());
            HM_TRY(details, wgClientDetails(body.value()));
            HM_TRY(updated, wg.updateClient(p, auth::clientInfo(c), id.value(), details.value()));
            return wgUpdatedReply(wg, QStringLiteral("client"), id.value(),
                                  wg.clientView(updated.value()));
        },
        routeDoc(kWgTag,
                 QStringLiteral("Change a client (the fields given); a running server is "
                                "re-synced without touching the other peers' sessions"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(wgClientBodySchema(false))
            .response(client));

    auth::addProtectedRoute(
        router, auth, Method::Delete, kWgClients + QStringLiteral("/{id}"), Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY_STATUS(wg.removeClient(p, auth::clientInfo(c), id.value()));
            return ApiReply::ok(
                QJsonObject{{QStringLiteral("id"), id.value()}, {QStringLiteral("deleted"), true}});
        },
        routeDoc(kWgTag, QStringLiteral("Delete a client; its addresses are free again"),
                 {ErrorCode::ResourceNotFound})
            .response(deleted));

    for (const bool enable : {true, false}) {
        auth::addProtectedRoute(
            router, auth, Method::Post,
            kWgClients +
                (enable ? QStringLiteral("/{id}/enable") : QStringLiteral("/{id}/disable")),
            Role::Admin,
            [&wg, enable](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(id, body::pathId(c));
                HM_TRY(changed, wg.setClientEnabled(p, auth::clientInfo(c), id.value(), enable));
                return ApiReply::ok(wg.clientView(changed.value()));
            },
            routeDoc(kWgTag,
                     enable ? QStringLiteral("Enable a client (its peer is added back)")
                            : QStringLiteral("Disable a client (its peer is removed)"),
                     {ErrorCode::ResourceNotFound})
                .response(client));
    }

    RouteDoc configDoc =
        routeDoc(kWgTag,
                 QStringLiteral("The client's wg-quick file (text/plain; holds its private key; "
                                "audited)"),
                 {ErrorCode::ResourceNotFound});
    configDoc.contentType = "text/plain; charset=utf-8";
    auth::addProtectedRoute(
        router, auth, Method::Get, kWgClients + QStringLiteral("/{id}/config"), Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(text, wg.downloadClientConfig(p, auth::clientInfo(c), id.value()));
            ApiReply reply = ApiReply::raw(text.value().toUtf8(), "text/plain; charset=utf-8");
            reply.headers.append({QByteArrayLiteral("Content-Disposition"),
                                  QByteArrayLiteral("attachment; filename=\"wg-client-") +
                                      QByteArray::number(id.value()) +
                                      QByteArrayLiteral(".conf\"")});
            reply.headers.append(
                {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
            return reply;
        },
        std::move(configDoc));

    // ---- traffic (exact across restarts; docs/api.md "WireGuard traffic")
    const auto trafficDoc = [](const QString &summary) {
        RouteDoc doc = routeDoc(kWgTag, summary,
                                {ErrorCode::ResourceNotFound, ErrorCode::ValidationError});
        doc.queryParameters = QJsonArray{
            query(QStringLiteral("start"), string(), QStringLiteral("ISO-8601; default end - 24 h")),
            query(QStringLiteral("end"), string(), QStringLiteral("ISO-8601; default now")),
            query(QStringLiteral("tier"), enumOf({QStringLiteral("1m"), QStringLiteral("15m"),
                                                  QStringLiteral("1h")}),
                  QStringLiteral("default: the finest that keeps start with at most 1500 "
                                 "buckets"))};
        doc.responseSchema = object(
            {{QStringLiteral("tier"), string()},
             {QStringLiteral("bucket_seconds"), integer()},
             {QStringLiteral("start"), string()},
             {QStringLiteral("end"), string()},
             {QStringLiteral("total_rx_bytes"), integer()},
             {QStringLiteral("total_tx_bytes"), integer()},
             {QStringLiteral("items"), arrayOf(object({{QStringLiteral("time"), string()},
                                                       {QStringLiteral("rx_bytes"), integer()},
                                                       {QStringLiteral("tx_bytes"), integer()}}))}});
        return doc;
    };
    auth::addProtectedRoute(
        router, auth, Method::Get, kWgClients + QStringLiteral("/{id}/traffic"), Role::Viewer,
        [&wg](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(q, wgTrafficQueryOf(c));
            HM_TRY(answer, wg.clientTraffic(id.value(), q.value().startMs, q.value().endMs,
                                            q.value().tier));
            return ApiReply::ok(answer.value());
        },
        trafficDoc(QStringLiteral("Bytes the client sent (rx) and received (tx) per bucket, and "
                                  "its totals")));
    auth::addProtectedRoute(
        router, auth, Method::Get, kWgServers + QStringLiteral("/{id}/traffic"), Role::Viewer,
        [&wg](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(q, wgTrafficQueryOf(c));
            HM_TRY(answer, wg.serverTraffic(id.value(), q.value().startMs, q.value().endMs,
                                            q.value().tier));
            return ApiReply::ok(answer.value());
        },
        trafficDoc(QStringLiteral("The server's clients' bytes per bucket, and their totals")));
    RouteDoc endpointsDoc =
        routeDoc(kWgTag, QStringLiteral("Where the client connected from, most recent first"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError});
    endpointsDoc.queryParameters =
        QJsonArray{query(QStringLiteral("limit"), integer(), QStringLiteral("1 to 100; default 20"))};
    endpointsDoc.responseSchema = object(
        {{QStringLiteral("items"), arrayOf(object({{QStringLiteral("endpoint"), string()},
                                                   {QStringLiteral("first_seen"), string()},
                                                   {QStringLiteral("last_seen"), string()}}))}});
    auth::addProtectedRoute(
        router, auth, Method::Get, kWgClients + QStringLiteral("/{id}/endpoints"), Role::Viewer,
        [&wg](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            int limit = 20;
            if (const QString text = queryValue(c.request.query(), QStringLiteral("limit"));
                !text.isEmpty()) {
                bool ok = false;
                limit = text.toInt(&ok);
                if (!ok || limit < 1 || limit > 100)
                    return ApiReply::failure(
                        auth::fieldError(QStringLiteral("limit"), QStringLiteral("1 to 100")));
            }
            HM_TRY(answer, wg.clientEndpoints(id.value(), limit));
            return ApiReply::ok(answer.value());
        },
        std::move(endpointsDoc));

    // ---- share links (docs/api.md "WireGuard share links")
    const QString shareLinks = kWgClients + QStringLiteral("/{id}/share-links");
    auth::addProtectedRoute(
        router, auth, Method::Post, shareLinks, Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(b, c.jsonObject());
            std::optional<int> lifetime;
            if (Status s = body::readInt(b.value(), QStringLiteral("expires_in_seconds"), &lifetime);
                !s)
                return ApiReply::failure(s.error());
            HM_TRY(created, wg.shareLinks().create(
                                p, auth::clientInfo(c), id.value(),
                                lifetime.value_or(vpn::WgShareLinks::kDefaultLifetimeSeconds)));
            return ApiReply::ok(
                QJsonObject{{QStringLiteral("id"), created.value().id},
                            {QStringLiteral("token"), created.value().token},
                            {QStringLiteral("path"),
                             QString(QStringLiteral("/api/v1/wireguard/shared/") +
                                     created.value().token)},
                            {QStringLiteral("expires_at"),
                             auth::isoOrNull(created.value().expiresAt)}},
                201);
        },
        routeDoc(kWgTag,
                 QStringLiteral("A one-time link to the client's config (the token is shown "
                                "once; opening the link spends it)"),
                 {ErrorCode::ResourceNotFound, ErrorCode::Conflict})
            .request(object({{QStringLiteral("expires_in_seconds"), integer()}}))
            .response(object({{QStringLiteral("id"), integer()},
                              {QStringLiteral("token"), string()},
                              {QStringLiteral("path"), string()},
                              {QStringLiteral("expires_at"), string()}}))
            .status(201));
    auth::addProtectedRoute(
        router, auth, Method::Get, shareLinks, Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(answer, wg.shareLinks().list(p, id.value()));
            return ApiReply::ok(answer.value());
        },
        routeDoc(kWgTag, QStringLiteral("The client's share links (never their tokens)"),
                 {ErrorCode::ResourceNotFound})
            .response(object({{QStringLiteral("items"),
                               arrayOf(object({{QStringLiteral("id"), integer()},
                                               {QStringLiteral("created_at"), string()},
                                               {QStringLiteral("expires_at"), string()},
                                               {QStringLiteral("used_at"), nullable(string())},
                                               {QStringLiteral("used_from"), nullable(string())},
                                               {QStringLiteral("state"),
                                                enumOf({QStringLiteral("active"),
                                                        QStringLiteral("used"),
                                                        QStringLiteral("expired")})}}))}})));
    auth::addProtectedRoute(
        router, auth, Method::Delete, shareLinks, Role::Admin,
        [&wg](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, body::pathId(c));
            HM_TRY(revoked, wg.shareLinks().revoke(p, auth::clientInfo(c), id.value()));
            return ApiReply::ok(QJsonObject{{QStringLiteral("revoked"), revoked.value()}});
        },
        routeDoc(kWgTag, QStringLiteral("Revoke the client's unused share links"),
                 {ErrorCode::ResourceNotFound})
            .response(object({{QStringLiteral("revoked"), integer()}})));

    RouteDoc shared = routeDoc(
        kWgTag,
        QStringLiteral("Open a share link: the client's config once, without signing in "
                       "(text/plain; ?format=json: {config, qr_code}); the token in the path is "
                       "the credential"),
        {ErrorCode::ResourceNotFound});
    shared.queryParameters = QJsonArray{query(QStringLiteral("format"),
                                              enumOf({QStringLiteral("text"), QStringLiteral("json")}),
                                              QStringLiteral("default text"))};
    // Our own, stricter limit per address (tries, good or bad).
    shared.rateLimited = false;
    shared.secretInPath = true;
    auto limiter = std::make_shared<auth::RateLimiter>();
    router.addRoute(
        Method::Get, QStringLiteral("/api/v1/wireguard/shared/{token}"),
        [&wg, limiter](const RequestContext &c) -> ApiReply {
            const auto decision =
                limiter->hit(c.clientIp(), kWgShareTriesPerMinute, 60 * 1000, auth::nowMs());
            if (!decision.allowed) {
                ApiReply reply = ApiReply::failure(auth::rateLimitError(decision));
                reply.headers = auth::rateLimitHeaders(decision);
                return reply;
            }
            HM_TRY(config, wg.shareLinks().redeem(c.pathArgs.value(0), auth::clientInfo(c)));
            if (queryValue(c.request.query(), QStringLiteral("format")) == QLatin1String("json")) {
                QJsonObject answer{{QStringLiteral("config"), config.value()}};
                if (auto qr = hm::qr::pngDataUrl(config.value().toUtf8()))
                    answer.insert(QStringLiteral("qr_code"), qr.value());
                ApiReply reply = ApiReply::ok(answer);
                reply.headers.append(
                    {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
                return reply;
            }
            ApiReply reply = ApiReply::raw(config.value().toUtf8(), "text/plain; charset=utf-8");
            reply.headers.append({QByteArrayLiteral("Content-Disposition"),
                                  QByteArrayLiteral("attachment; filename=\"wireguard.conf\"")});
            reply.headers.append(
                {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
            return reply;
        },
        std::move(shared));

    // ---- commit-confirm (docs/api.md "Commit-confirm")
    const QJsonObject pendingSchema =
        object({{QStringLiteral("kind"), enumOf({QStringLiteral("server"), QStringLiteral("client")})},
                {QStringLiteral("id"), integer()},
                {QStringLiteral("server_id"), integer()},
                {QStringLiteral("applied_at"), string()},
                {QStringLiteral("deadline"), string()},
                {QStringLiteral("handshake_client_id"), nullable(integer())}});
    for (const auto &[base, kind] : {std::pair{kWgServers, QStringLiteral("server")},
                                     std::pair{kWgClients, QStringLiteral("client")}}) {
        auth::addProtectedRoute(
            router, auth, Method::Post, base + QStringLiteral("/{id}/confirm"), Role::Admin,
            [&wg, kind](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(id, body::pathId(c));
                if (Status s = wg.confirmChange(p, auth::clientInfo(c), kind, id.value()); !s)
                    return ApiReply::failure(s.error());
                return ApiReply::ok(QJsonObject{{QStringLiteral("id"), id.value()},
                                                {QStringLiteral("confirmed"), true}});
            },
            routeDoc(kWgTag,
                     QStringLiteral("Keep a change made with confirm_within_seconds (else it is "
                                    "rolled back at its deadline)"),
                     {ErrorCode::ResourceNotFound})
                .response(object({{QStringLiteral("id"), integer()},
                                  {QStringLiteral("confirmed"), boolean()}})));
    }
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/wireguard/pending-changes"),
        Role::Viewer,
        [&wg](const RequestContext &, const Principal &) -> ApiReply {
            HM_TRY(items, wg.pendingChanges());
            return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items.value()}});
        },
        routeDoc(kWgTag, QStringLiteral("Changes awaiting confirmation, by deadline"))
            .response(object({{QStringLiteral("items"), arrayOf(pendingSchema)}})));
}

} // namespace hm::server
