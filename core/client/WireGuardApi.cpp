#include "client/WireGuardApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"
#include "client/ApiRequest.h"

#include <QJsonArray>

namespace hm::client {

namespace json {

WgPendingChange wgPendingChange(const QJsonObject &o)
{
    WgPendingChange p;
    p.kind = o.value(QStringLiteral("kind")).toString();
    p.id = o.value(QStringLiteral("id")).toInteger();
    p.serverId = o.value(QStringLiteral("server_id")).toInteger();
    p.appliedAt = time(o.value(QStringLiteral("applied_at")));
    p.deadline = time(o.value(QStringLiteral("deadline")));
    p.handshakeClientId = o.value(QStringLiteral("handshake_client_id")).toInteger(); // null: 0
    return p;
}

QList<WgShareLink> wgShareLinks(const QJsonObject &o)
{
    QList<WgShareLink> links;
    for (const QJsonValue &item : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject l = item.toObject();
        links.append({l.value(QStringLiteral("id")).toInteger(),
                      time(l.value(QStringLiteral("created_at"))),
                      time(l.value(QStringLiteral("expires_at"))),
                      time(l.value(QStringLiteral("used_at"))),
                      l.value(QStringLiteral("used_from")).toString(),
                      l.value(QStringLiteral("state")).toString()});
    }
    return links;
}

WgServerRow wgServer(const QJsonObject &o)
{
    const QJsonObject config = o.value(QStringLiteral("config")).toObject();
    WgServerRow row;
    row.id = o.value(QStringLiteral("id")).toInteger();
    row.name = o.value(QStringLiteral("name")).toString();
    row.interfaceName = o.value(QStringLiteral("interface")).toString();
    row.listenPort = o.value(QStringLiteral("listen_port")).toInt();
    row.ipv4Address = o.value(QStringLiteral("ipv4_address")).toString();
    row.ipv6Address = o.value(QStringLiteral("ipv6_address")).toString();
    row.publicKey = o.value(QStringLiteral("public_key")).toString();
    row.status = o.value(QStringLiteral("status")).toString();
    row.clientsCount = o.value(QStringLiteral("clients_count")).toInt();
    row.endpointHost = o.value(QStringLiteral("endpoint_host")).toString();
    row.autoStart = o.value(QStringLiteral("auto_start")).toBool();
    row.description = o.value(QStringLiteral("description")).toString();
    row.createdAt = time(o.value(QStringLiteral("created_at")));
    row.updatedAt = time(o.value(QStringLiteral("updated_at")));
    row.dnsServers = strings(config.value(QStringLiteral("dns_servers")));
    row.mtu = config.value(QStringLiteral("mtu")).toInt(1420);
    row.persistentKeepalive = config.value(QStringLiteral("persistent_keepalive")).toInt();
    row.allowedIps = strings(config.value(QStringLiteral("allowed_ips")));
    row.pendingConfirmation =
        wgPendingChange(o.value(QStringLiteral("pending_confirmation")).toObject());
    return row;
}

WgClientRow wgClient(const QJsonObject &o)
{
    WgClientRow row;
    row.id = o.value(QStringLiteral("id")).toInteger();
    row.serverId = o.value(QStringLiteral("server_id")).toInteger();
    row.name = o.value(QStringLiteral("name")).toString();
    row.addressFamily = o.value(QStringLiteral("address_family")).toString();
    row.ipv4Address = o.value(QStringLiteral("ipv4_address")).toString();
    row.ipv6Address = o.value(QStringLiteral("ipv6_address")).toString();
    row.publicKey = o.value(QStringLiteral("public_key")).toString();
    row.hasPresharedKey = o.value(QStringLiteral("preshared_key")).isString();
    row.hasPrivateKey = o.value(QStringLiteral("has_private_key")).toBool(true);
    row.status = o.value(QStringLiteral("status")).toString();
    row.enabled = o.value(QStringLiteral("enabled")).toBool(true);
    row.expiresAt = time(o.value(QStringLiteral("expires_at")));
    row.allowedIps = strings(o.value(QStringLiteral("allowed_ips")));
    row.dnsServers = strings(o.value(QStringLiteral("dns_servers")));
    row.persistentKeepalive = o.value(QStringLiteral("persistent_keepalive")).toInt();
    row.description = o.value(QStringLiteral("description")).toString();
    row.createdAt = time(o.value(QStringLiteral("created_at")));
    row.updatedAt = time(o.value(QStringLiteral("updated_at")));
    row.pendingConfirmation =
        wgPendingChange(o.value(QStringLiteral("pending_confirmation")).toObject());
    return row;
}

WgImportResult wgImportResult(const QJsonObject &o)
{
    WgImportResult result;
    result.server = wgServer(o.value(QStringLiteral("server")).toObject());
    for (const QJsonValue &item : o.value(QStringLiteral("clients")).toArray()) {
        const QJsonObject c = item.toObject();
        WgImportedClient client;
        client.id = c.value(QStringLiteral("id")).toInteger();
        client.name = c.value(QStringLiteral("name")).toString();
        client.addressFamily = c.value(QStringLiteral("address_family")).toString();
        client.ipv4Address = c.value(QStringLiteral("ipv4_address")).toString();
        client.ipv6Address = c.value(QStringLiteral("ipv6_address")).toString();
        client.publicKey = c.value(QStringLiteral("public_key")).toString();
        // A dry run says it; a created client shows its redacted key or null.
        client.hasPresharedKey = c.contains(QStringLiteral("has_preshared_key"))
                                     ? c.value(QStringLiteral("has_preshared_key")).toBool()
                                     : c.value(QStringLiteral("preshared_key")).isString();
        result.clients.append(client);
    }
    result.warnings = strings(o.value(QStringLiteral("warnings")));
    // warning_details beside them (codes); from an older server the words only.
    const QJsonArray details = o.value(QStringLiteral("warning_details")).toArray();
    for (qsizetype i = 0; i < result.warnings.size(); ++i) {
        WgImportWarning warning;
        warning.message = result.warnings.at(i);
        if (i < details.size()) {
            warning.params = details.at(i).toObject();
            warning.code = warning.params.take(QStringLiteral("code")).toString();
            warning.params.remove(QStringLiteral("message"));
        }
        result.warningDetails.append(warning);
    }
    return result;
}

WgServerStatus wgServerStatus(const QJsonObject &o)
{
    WgServerStatus s;
    s.id = o.value(QStringLiteral("id")).toInteger();
    s.name = o.value(QStringLiteral("name")).toString();
    s.interfaceName = o.value(QStringLiteral("interface")).toString();
    s.backend = o.value(QStringLiteral("backend")).toString();
    s.status = o.value(QStringLiteral("status")).toString();
    for (const QJsonValue &item : o.value(QStringLiteral("clients")).toArray()) {
        const QJsonObject p = item.toObject();
        // Byte counters come as JSON numbers (doubles on the wire).
        WgPeerStatus peer;
        peer.publicKey = p.value(QStringLiteral("public_key")).toString();
        peer.allowedIps = p.value(QStringLiteral("allowed_ips")).toString();
        peer.endpoint = p.value(QStringLiteral("endpoint")).toString();
        peer.latestHandshake = time(p.value(QStringLiteral("latest_handshake")));
        peer.transferRx = qint64(p.value(QStringLiteral("transfer_rx")).toDouble());
        peer.transferTx = qint64(p.value(QStringLiteral("transfer_tx")).toDouble());
        peer.clientId = qint64(p.value(QStringLiteral("client_id")).toDouble()); // null: 0
        peer.totalRx = qint64(p.value(QStringLiteral("total_rx_bytes")).toDouble());
        peer.totalTx = qint64(p.value(QStringLiteral("total_tx_bytes")).toDouble());
        s.peers.append(peer);
    }
    const QJsonObject stats = o.value(QStringLiteral("interface_stats")).toObject();
    s.rxBytes = qint64(stats.value(QStringLiteral("rx_bytes")).toDouble());
    s.txBytes = qint64(stats.value(QStringLiteral("tx_bytes")).toDouble());
    s.rxPackets = qint64(stats.value(QStringLiteral("rx_packets")).toDouble());
    s.txPackets = qint64(stats.value(QStringLiteral("tx_packets")).toDouble());
    return s;
}

WgTraffic wgTraffic(const QJsonObject &o)
{
    WgTraffic t;
    t.tier = o.value(QStringLiteral("tier")).toString();
    t.bucketSeconds = qint64(o.value(QStringLiteral("bucket_seconds")).toDouble());
    t.start = time(o.value(QStringLiteral("start")));
    t.end = time(o.value(QStringLiteral("end")));
    t.totalRxBytes = qint64(o.value(QStringLiteral("total_rx_bytes")).toDouble());
    t.totalTxBytes = qint64(o.value(QStringLiteral("total_tx_bytes")).toDouble());
    for (const QJsonValue &item : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject b = item.toObject();
        t.items.append({time(b.value(QStringLiteral("time"))),
                        qint64(b.value(QStringLiteral("rx_bytes")).toDouble()),
                        qint64(b.value(QStringLiteral("tx_bytes")).toDouble())});
    }
    return t;
}

QList<WgEndpointSeen> wgEndpoints(const QJsonObject &o)
{
    QList<WgEndpointSeen> seen;
    for (const QJsonValue &item : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject e = item.toObject();
        seen.append({e.value(QStringLiteral("endpoint")).toString(),
                     time(e.value(QStringLiteral("first_seen"))),
                     time(e.value(QStringLiteral("last_seen")))});
    }
    return seen;
}

WgRunState wgRunState(const QJsonObject &o)
{
    const bool running = o.value(QStringLiteral("status")).toString() == QLatin1String("running");
    return {o.value(QStringLiteral("id")).toInteger(), o.value(QStringLiteral("status")).toString(),
            o.value(QStringLiteral("backend")).toString(),
            time(o.value(running ? QStringLiteral("started_at") : QStringLiteral("stopped_at")))};
}

} // namespace json

namespace {

const QString kWgServerPath = QStringLiteral("/api/v1/wireguard/servers");
const QString kWgClientPath = QStringLiteral("/api/v1/wireguard/clients");

// Empty text: null (the field cleared).
QJsonValue wgTextOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString wgServerPath(qint64 id, const char *tail = "")
{
    return kWgServerPath + u'/' + QString::number(id) + QLatin1String(tail);
}

QString wgClientPath(qint64 id, const char *tail = "")
{
    return kWgClientPath + u'/' + QString::number(id) + QLatin1String(tail);
}

WgServerRow readWgServer(const ApiResponse &r)
{
    return json::wgServer(r.data.toObject());
}

WgClientRow readWgClient(const ApiResponse &r)
{
    return json::wgClient(r.data.toObject());
}

WgRunState readWgRunState(const ApiResponse &r)
{
    return json::wgRunState(r.data.toObject());
}

Status wgNothing(const ApiResponse &)
{
    return Status();
}

void addWgConfirm(QJsonObject &o, const WgConfirmRequest &confirm, bool byHandshake)
{
    if (confirm.withinSeconds <= 0)
        return;
    o.insert(QStringLiteral("confirm_within_seconds"), confirm.withinSeconds);
    if (byHandshake && confirm.byHandshakeOf > 0)
        o.insert(QStringLiteral("confirm_by_handshake_of"), confirm.byHandshakeOf);
}

// Milliseconds always: a range of whole seconds would move a bucket's edge.
QUrlQuery wgTrafficQuery(const WgTrafficQuery &query)
{
    QUrlQuery q;
    if (query.start.isValid())
        q.addQueryItem(QStringLiteral("start"), query.start.toUTC().toString(Qt::ISODateWithMs));
    if (query.end.isValid())
        q.addQueryItem(QStringLiteral("end"), query.end.toUTC().toString(Qt::ISODateWithMs));
    addIfSet(q, QStringLiteral("tier"), query.tier);
    return q;
}

WgTraffic readWgTraffic(const ApiResponse &r)
{
    return json::wgTraffic(r.data.toObject());
}

} // namespace

QJsonObject WgServerChange::toJson() const
{
    QJsonObject o;
    if (name)
        o.insert(QStringLiteral("name"), *name);
    if (interfaceName)
        o.insert(QStringLiteral("interface"), *interfaceName);
    if (listenPort)
        o.insert(QStringLiteral("listen_port"), *listenPort);
    if (ipv4Address)
        o.insert(QStringLiteral("ipv4_address"), wgTextOrNull(*ipv4Address));
    if (ipv6Address)
        o.insert(QStringLiteral("ipv6_address"), wgTextOrNull(*ipv6Address));
    if (dnsServers)
        o.insert(QStringLiteral("dns_servers"), QJsonArray::fromStringList(*dnsServers));
    if (mtu)
        o.insert(QStringLiteral("mtu"), *mtu);
    if (persistentKeepalive)
        o.insert(QStringLiteral("persistent_keepalive"), *persistentKeepalive);
    if (endpointHost)
        o.insert(QStringLiteral("endpoint_host"), wgTextOrNull(*endpointHost));
    if (autoStart)
        o.insert(QStringLiteral("auto_start"), *autoStart);
    if (description)
        o.insert(QStringLiteral("description"), wgTextOrNull(*description));
    addWgConfirm(o, confirm, true);
    return o;
}

QJsonObject WgImportRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("config"), config},
                  {QStringLiteral("interface"), interfaceName},
                  {QStringLiteral("dry_run"), dryRun}};
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!endpointHost.isEmpty())
        o.insert(QStringLiteral("endpoint_host"), endpointHost);
    return o;
}

QJsonObject WgClientChange::toJson() const
{
    QJsonObject o;
    if (serverId)
        o.insert(QStringLiteral("server_id"), *serverId);
    if (name)
        o.insert(QStringLiteral("name"), *name);
    if (addressFamily)
        o.insert(QStringLiteral("address_family"), *addressFamily);
    if (ipv4Address)
        o.insert(QStringLiteral("ipv4_address"), wgTextOrNull(*ipv4Address));
    if (ipv6Address)
        o.insert(QStringLiteral("ipv6_address"), wgTextOrNull(*ipv6Address));
    if (allowedIps)
        o.insert(QStringLiteral("allowed_ips"), QJsonArray::fromStringList(*allowedIps));
    if (dnsServers)
        o.insert(QStringLiteral("dns_servers"), QJsonArray::fromStringList(*dnsServers));
    if (persistentKeepalive)
        o.insert(QStringLiteral("persistent_keepalive"), *persistentKeepalive);
    if (enabled)
        o.insert(QStringLiteral("enabled"), *enabled);
    if (expiresAt)
        o.insert(QStringLiteral("expires_at"),
                 expiresAt->isValid() ? QJsonValue(expiresAt->toUTC().toString(Qt::ISODateWithMs))
                                      : QJsonValue(QJsonValue::Null));
    if (presharedKey)
        o.insert(QStringLiteral("preshared_key"), *presharedKey);
    if (description)
        o.insert(QStringLiteral("description"), wgTextOrNull(*description));
    addWgConfirm(o, confirm, false);
    return o;
}

void WireGuardApi::servers(const WgServerFilter &filter, Callback<Page<WgServerRow>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addIfSet(query, QStringLiteral("status"), filter.status);
    addIfSet(query, QStringLiteral("search"), filter.search);
    m_client.call<Page<WgServerRow>>(
        ApiRequest::get(kWgServerPath, query),
        [](const ApiResponse &r) {
            return json::page<WgServerRow>(r.data.toObject(), QStringLiteral("servers"),
                                           json::wgServer);
        },
        std::move(done));
}

void WireGuardApi::server(qint64 id, Callback<WgServerRow> done)
{
    m_client.call<WgServerRow>(ApiRequest::get(wgServerPath(id)), readWgServer, std::move(done));
}

void WireGuardApi::createServer(const WgServerChange &server, Callback<WgServerRow> done)
{
    m_client.call<WgServerRow>(ApiRequest::post(kWgServerPath, server.toJson()), readWgServer,
                               std::move(done));
}

void WireGuardApi::updateServer(qint64 id, const WgServerChange &change, Callback<WgServerRow> done)
{
    m_client.call<WgServerRow>(ApiRequest::put(wgServerPath(id), change.toJson()), readWgServer,
                               std::move(done));
}

void WireGuardApi::removeServer(qint64 id, Callback<void> done)
{
    m_client.call<void>(ApiRequest::del(wgServerPath(id)), wgNothing, std::move(done));
}

void WireGuardApi::startServer(qint64 id, Callback<WgRunState> done)
{
    m_client.call<WgRunState>(ApiRequest::post(wgServerPath(id, "/start")), readWgRunState,
                              std::move(done));
}

void WireGuardApi::stopServer(qint64 id, Callback<WgRunState> done)
{
    m_client.call<WgRunState>(ApiRequest::post(wgServerPath(id, "/stop")), readWgRunState,
                              std::move(done));
}

void WireGuardApi::serverStatus(qint64 id, Callback<WgServerStatus> done)
{
    m_client.call<WgServerStatus>(
        ApiRequest::get(wgServerPath(id, "/status")),
        [](const ApiResponse &r) { return json::wgServerStatus(r.data.toObject()); },
        std::move(done));
}

void WireGuardApi::serverTraffic(qint64 id, const WgTrafficQuery &query, Callback<WgTraffic> done)
{
    m_client.call<WgTraffic>(ApiRequest::get(wgServerPath(id, "/traffic"), wgTrafficQuery(query)),
                             readWgTraffic, std::move(done));
}

void WireGuardApi::importServer(const WgImportRequest &request, Callback<WgImportResult> done)
{
    m_client.call<WgImportResult>(
        ApiRequest::post(kWgServerPath + QStringLiteral("/import"), request.toJson()),
        [](const ApiResponse &r) { return json::wgImportResult(r.data.toObject()); },
        std::move(done));
}

void WireGuardApi::clients(const WgClientFilter &filter, Callback<Page<WgClientRow>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    if (filter.serverId > 0)
        query.addQueryItem(QStringLiteral("server_id"), QString::number(filter.serverId));
    addIfSet(query, QStringLiteral("status"), filter.status);
    addIfSet(query, QStringLiteral("search"), filter.search);
    m_client.call<Page<WgClientRow>>(
        ApiRequest::get(kWgClientPath, query),
        [](const ApiResponse &r) {
            return json::page<WgClientRow>(r.data.toObject(), QStringLiteral("clients"),
                                           json::wgClient);
        },
        std::move(done));
}

void WireGuardApi::client(qint64 id, Callback<WgClientRow> done)
{
    m_client.call<WgClientRow>(ApiRequest::get(wgClientPath(id)), readWgClient, std::move(done));
}

void WireGuardApi::createClient(const WgClientChange &client, Callback<WgCreatedClient> done)
{
    m_client.call<WgCreatedClient>(
        ApiRequest::post(kWgClientPath, client.toJson()),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return WgCreatedClient{json::wgClient(o), o.value(QStringLiteral("config")).toString(),
                                   o.value(QStringLiteral("qr_code")).toString()};
        },
        std::move(done));
}

void WireGuardApi::updateClient(qint64 id, const WgClientChange &change, Callback<WgClientRow> done)
{
    WgClientChange body = change;
    body.serverId.reset(); // a client never moves to another server
    body.presharedKey.reset();
    m_client.call<WgClientRow>(ApiRequest::put(wgClientPath(id), body.toJson()), readWgClient,
                               std::move(done));
}

void WireGuardApi::removeClient(qint64 id, Callback<void> done)
{
    m_client.call<void>(ApiRequest::del(wgClientPath(id)), wgNothing, std::move(done));
}

void WireGuardApi::enableClient(qint64 id, Callback<WgClientRow> done)
{
    m_client.call<WgClientRow>(ApiRequest::post(wgClientPath(id, "/enable")), readWgClient,
                               std::move(done));
}

void WireGuardApi::disableClient(qint64 id, Callback<WgClientRow> done)
{
    m_client.call<WgClientRow>(ApiRequest::post(wgClientPath(id, "/disable")), readWgClient,
                               std::move(done));
}

void WireGuardApi::clientConfig(qint64 id, Callback<QString> done)
{
    ApiRequest request = ApiRequest::get(wgClientPath(id, "/config"));
    request.rawBody = true; // text/plain, not an envelope
    m_client.call<QString>(
        std::move(request), [](const ApiResponse &r) { return QString::fromUtf8(r.body); },
        std::move(done));
}

void WireGuardApi::clientTraffic(qint64 id, const WgTrafficQuery &query, Callback<WgTraffic> done)
{
    m_client.call<WgTraffic>(ApiRequest::get(wgClientPath(id, "/traffic"), wgTrafficQuery(query)),
                             readWgTraffic, std::move(done));
}

void WireGuardApi::clientEndpoints(qint64 id, int limit, Callback<QList<WgEndpointSeen>> done)
{
    QUrlQuery query;
    if (limit > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    m_client.call<QList<WgEndpointSeen>>(
        ApiRequest::get(wgClientPath(id, "/endpoints"), query),
        [](const ApiResponse &r) { return json::wgEndpoints(r.data.toObject()); }, std::move(done));
}

void WireGuardApi::createShareLink(qint64 clientId, int expiresInSeconds,
                                   Callback<WgShareLinkCreated> done)
{
    QJsonObject body;
    if (expiresInSeconds > 0)
        body.insert(QStringLiteral("expires_in_seconds"), expiresInSeconds);
    m_client.call<WgShareLinkCreated>(
        ApiRequest::post(wgClientPath(clientId, "/share-links"), body),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return WgShareLinkCreated{o.value(QStringLiteral("id")).toInteger(),
                                      o.value(QStringLiteral("token")).toString(),
                                      o.value(QStringLiteral("path")).toString(),
                                      json::time(o.value(QStringLiteral("expires_at")))};
        },
        std::move(done));
}

void WireGuardApi::shareLinks(qint64 clientId, Callback<QList<WgShareLink>> done)
{
    m_client.call<QList<WgShareLink>>(
        ApiRequest::get(wgClientPath(clientId, "/share-links")),
        [](const ApiResponse &r) { return json::wgShareLinks(r.data.toObject()); },
        std::move(done));
}

void WireGuardApi::revokeShareLinks(qint64 clientId, Callback<int> done)
{
    m_client.call<int>(
        ApiRequest::del(wgClientPath(clientId, "/share-links")),
        [](const ApiResponse &r) { return r.data.toObject().value(QStringLiteral("revoked")).toInt(); },
        std::move(done));
}

void WireGuardApi::pendingChanges(Callback<QList<WgPendingChange>> done)
{
    m_client.call<QList<WgPendingChange>>(
        ApiRequest::get(QStringLiteral("/api/v1/wireguard/pending-changes")),
        [](const ApiResponse &r) {
            QList<WgPendingChange> items;
            for (const QJsonValue &item : r.data.toObject().value(QStringLiteral("items")).toArray())
                items.append(json::wgPendingChange(item.toObject()));
            return items;
        },
        std::move(done));
}

void WireGuardApi::confirmChange(const QString &kind, qint64 id, Callback<void> done)
{
    const QString path = kind == QLatin1String("server") ? wgServerPath(id, "/confirm")
                                                         : wgClientPath(id, "/confirm");
    m_client.call<void>(ApiRequest::post(path), wgNothing, std::move(done));
}

} // namespace hm::client
