// The console's WireGuard client (core/client WireGuardApi) against a real
// in-process server over loopback with the config-only backend: a server
// made, started and stopped, its status read; clients of each address
// family, the list filtered by server, enable and disable, the config
// download holding [Interface]; typed refusals (422 naming its field, 409,
// 403 for a viewer, 404); an import's dry run and the import itself; the
// traffic history and endpoint routes (shapes, the empty answer — no
// tunnel carries bytes here —, the range sent with milliseconds, 404 and
// 422) and the status's per-peer totals read from a literal answer; share
// links (made, listed without their token, opened once without signing in,
// revoked) and commit-confirm (a PUT kept only when confirmed, listed while
// pending, a second change meanwhile refused).

#include "AdminTestSupport.h"
#include "client/ApiError.h"
#include "client/WireGuardApi.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace hm::client;
using namespace admintest;

namespace {

const QString kWgViewerPassword = QStringLiteral("Viewer#Pass2026");

WgServerChange dualServer(const QString &name, const QString &interfaceName, int port)
{
    WgServerChange server;
    server.name = name;
    server.interfaceName = interfaceName;
    server.listenPort = port;
    server.ipv4Address = QStringLiteral("10.44.0.1/24");
    server.ipv6Address = QStringLiteral("fd00:44::1/64");
    server.dnsServers = QStringList{QStringLiteral("1.1.1.1")};
    server.endpointHost = QStringLiteral("vpn.example.test");
    server.description = QStringLiteral("office");
    return server;
}

// The refusal of a failed call, for the failure's message (evaluated also
// when the call worked).
template <typename T> QByteArray why(const hm::Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

} // namespace

class TestWireGuardClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start("TestWireGuardClient")); }
    void cleanupTestCase() { m_server.stop(); }
    void serversAndClients();
    void refusalsAreTyped();
    void importDryRunThenReal();
    void trafficAndEndpoints();
    void statusPeersCarryTotals();
    void shareLinkOpensOnce();
    void commitConfirmWaitsForConfirmation();

private:
    WireGuardApi api() { return WireGuardApi(*m_server.connection->client()); }
    AdminServer m_server;
};

void TestWireGuardClient::serversAndClients()
{
    auto made = await<WgServerRow>([&](auto done) {
        api().createServer(dualServer(QStringLiteral("office"), QStringLiteral("wg-office"), 51820),
                           done);
    });
    QVERIFY2(made.ok(), why(made).constData());
    const WgServerRow server = made.value();
    QVERIFY(server.id > 0);
    QCOMPARE(server.interfaceName, QStringLiteral("wg-office"));
    QCOMPARE(server.listenPort, 51820);
    QCOMPARE(server.ipv4Address, QStringLiteral("10.44.0.1/24"));
    QCOMPARE(server.ipv6Address, QStringLiteral("fd00:44::1/64"));
    QCOMPARE(server.status, QStringLiteral("stopped"));
    QCOMPARE(server.mtu, 1420);
    QCOMPARE(server.dnsServers, QStringList{QStringLiteral("1.1.1.1")});
    QVERIFY(!server.publicKey.isEmpty());

    auto listed = await<Page<WgServerRow>>([&](auto done) { api().servers({}, done); });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().items.size(), 1);
    QCOMPARE(listed.value().total, 1);

    // Clients of each family: addresses from the server's subnets.
    QHash<QString, WgCreatedClient> clients;
    for (const QString &family :
         {QStringLiteral("dual"), QStringLiteral("ipv4"), QStringLiteral("ipv6")}) {
        WgClientChange client;
        client.serverId = server.id;
        client.name = QStringLiteral("phone-") + family;
        client.addressFamily = family;
        auto created = await<WgCreatedClient>([&](auto done) { api().createClient(client, done); });
        QVERIFY2(created.ok(), why(created).constData());
        QCOMPARE(created.value().client.addressFamily, family);
        QCOMPARE(created.value().client.serverId, server.id);
        QVERIFY(created.value().config.contains(QLatin1String("[Interface]")));
        QVERIFY(created.value().config.contains(QLatin1String("PrivateKey")));
        QVERIFY(created.value().qrCode.startsWith(QLatin1String("data:image/png;base64,")));
        clients.insert(family, created.value());
    }
    QVERIFY(clients[QStringLiteral("dual")].client.ipv4Address.startsWith(u"10.44.0."));
    QVERIFY(clients[QStringLiteral("dual")].client.ipv6Address.startsWith(u"fd00:44::"));
    QVERIFY(clients[QStringLiteral("ipv4")].client.ipv6Address.isEmpty());
    QVERIFY(clients[QStringLiteral("ipv6")].client.ipv4Address.isEmpty());
    QCOMPARE(clients[QStringLiteral("dual")].client.status, QStringLiteral("active"));

    // A second server's client is left out of the first one's list.
    auto other = await<WgServerRow>([&](auto done) {
        WgServerChange change;
        change.name = QStringLiteral("lab");
        change.interfaceName = QStringLiteral("wg-lab");
        change.listenPort = 51821;
        change.ipv4Address = QStringLiteral("10.45.0.1/24");
        api().createServer(change, done);
    });
    QVERIFY(other.ok());
    QVERIFY(await<WgCreatedClient>([&](auto done) {
                WgClientChange client;
                client.serverId = other.value().id;
                client.name = QStringLiteral("laptop");
                api().createClient(client, done);
            }).ok());
    WgClientFilter filter;
    filter.serverId = server.id;
    auto ofServer = await<Page<WgClientRow>>([&](auto done) { api().clients(filter, done); });
    QVERIFY(ofServer.ok());
    QCOMPARE(ofServer.value().items.size(), 3);
    auto all = await<Page<WgClientRow>>([&](auto done) { api().clients({}, done); });
    QVERIFY(all.ok());
    QCOMPARE(all.value().items.size(), 4);
    auto counted = await<WgServerRow>([&](auto done) { api().server(server.id, done); });
    QVERIFY(counted.ok());
    QCOMPARE(counted.value().clientsCount, 3);

    // Disable and enable: the client's state and the filter follow.
    const qint64 dualId = clients[QStringLiteral("dual")].client.id;
    auto disabled = await<WgClientRow>([&](auto done) { api().disableClient(dualId, done); });
    QVERIFY(disabled.ok());
    QCOMPARE(disabled.value().status, QStringLiteral("disabled"));
    QVERIFY(!disabled.value().enabled);
    filter.status = QStringLiteral("disabled");
    auto off = await<Page<WgClientRow>>([&](auto done) { api().clients(filter, done); });
    QVERIFY(off.ok());
    QCOMPARE(off.value().items.size(), 1);
    QCOMPARE(off.value().items.first().id, dualId);
    auto enabled = await<WgClientRow>([&](auto done) { api().enableClient(dualId, done); });
    QVERIFY(enabled.ok());
    QCOMPARE(enabled.value().status, QStringLiteral("active"));

    // A change through PUT.
    WgClientChange rename;
    rename.name = QStringLiteral("phone-main");
    rename.description = QStringLiteral("phone of Ana");
    auto renamed = await<WgClientRow>([&](auto done) { api().updateClient(dualId, rename, done); });
    QVERIFY(renamed.ok());
    QCOMPARE(renamed.value().name, QStringLiteral("phone-main"));
    QCOMPARE(renamed.value().description, QStringLiteral("phone of Ana"));

    // The config download: the wg-quick file.
    auto config = await<QString>([&](auto done) { api().clientConfig(dualId, done); });
    QVERIFY2(config.ok(), why(config).constData());
    QVERIFY(config.value().contains(QLatin1String("[Interface]")));
    QVERIFY(config.value().contains(QLatin1String("[Peer]")));
    QVERIFY(config.value().contains(QLatin1String("vpn.example.test:51820")));

    // Start, status, stop (config-only: it is what it was told).
    auto started = await<WgRunState>([&](auto done) { api().startServer(server.id, done); });
    QVERIFY2(started.ok(), why(started).constData());
    QCOMPARE(started.value().status, QStringLiteral("running"));
    QCOMPARE(started.value().backend, QStringLiteral("config-only"));
    QVERIFY(started.value().at.isValid());
    auto status = await<WgServerStatus>([&](auto done) { api().serverStatus(server.id, done); });
    QVERIFY(status.ok());
    QCOMPARE(status.value().status, QStringLiteral("running"));
    QCOMPARE(status.value().interfaceName, QStringLiteral("wg-office"));
    auto stopped = await<WgRunState>([&](auto done) { api().stopServer(server.id, done); });
    QVERIFY(stopped.ok());
    QCOMPARE(stopped.value().status, QStringLiteral("stopped"));

    // PUT with a cleared field.
    WgServerChange change;
    change.description = QString();
    change.mtu = 1380;
    auto updated =
        await<WgServerRow>([&](auto done) { api().updateServer(server.id, change, done); });
    QVERIFY(updated.ok());
    QCOMPARE(updated.value().mtu, 1380);
    QVERIFY(updated.value().description.isEmpty());

    // Deletes: a client, then the servers with theirs.
    QVERIFY(await<void>([&](auto done) { api().removeClient(dualId, done); }).ok());
    for (const qint64 id : {server.id, other.value().id})
        QVERIFY(await<void>([&](auto done) { api().removeServer(id, done); }).ok());
    auto none = await<Page<WgClientRow>>([&](auto done) { api().clients({}, done); });
    QVERIFY(none.ok());
    QCOMPARE(none.value().items.size(), 0);
}

void TestWireGuardClient::refusalsAreTyped()
{
    // 422 naming its field; nothing stored.
    auto bad = await<WgServerRow>([&](auto done) {
        api().createServer(dualServer(QStringLiteral("bad"), QStringLiteral("wg bad!"), 51830),
                           done);
    });
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, hm::ErrorCode::ValidationError);
    QCOMPARE(errorHttpStatus(bad.error()), 422);
    QCOMPARE(bad.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("interface"));

    auto made = await<WgServerRow>([&](auto done) {
        api().createServer(dualServer(QStringLiteral("edge"), QStringLiteral("wg-edge"), 51830),
                           done);
    });
    QVERIFY(made.ok());
    // 409: a listen port another server has.
    auto taken = await<WgServerRow>([&](auto done) {
        api().createServer(dualServer(QStringLiteral("edge2"), QStringLiteral("wg-edge2"), 51830),
                           done);
    });
    QVERIFY(!taken.ok());
    QCOMPARE(errorHttpStatus(taken.error()), 409);
    QCOMPARE(taken.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("listen_port"));
    // 422: an explicit address outside the subnet.
    auto outside = await<WgCreatedClient>([&](auto done) {
        WgClientChange client;
        client.serverId = made.value().id;
        client.name = QStringLiteral("far");
        client.ipv4Address = QStringLiteral("192.168.9.9");
        api().createClient(client, done);
    });
    QVERIFY(!outside.ok());
    QCOMPARE(errorHttpStatus(outside.error()), 422);
    QCOMPARE(outside.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("ipv4_address"));

    // 404.
    auto missing = await<WgServerRow>([&](auto done) { api().server(987654, done); });
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, hm::ErrorCode::ResourceNotFound);
    QCOMPARE(errorHttpStatus(missing.error()), 404);

    // 403 for a viewer: reading works, changing does not, nothing changed.
    QVERIFY(
        !m_server
             .createUser(QStringLiteral("wgviewer"), QStringLiteral("viewer"), kWgViewerPassword)
             .id.isEmpty());
    auto viewer = m_server.signIn(QStringLiteral("wgviewer"), kWgViewerPassword);
    QVERIFY(viewer);
    WireGuardApi viewerApi(*viewer);
    auto read = await<Page<WgServerRow>>([&](auto done) { viewerApi.servers({}, done); });
    QVERIFY(read.ok());
    QCOMPARE(read.value().items.size(), 1);
    auto refused =
        await<WgRunState>([&](auto done) { viewerApi.startServer(made.value().id, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, hm::ErrorCode::InsufficientPermissions);
    QCOMPARE(errorHttpStatus(refused.error()), 403);
    auto still = await<WgServerRow>([&](auto done) { api().server(made.value().id, done); });
    QVERIFY(still.ok());
    QCOMPARE(still.value().status, QStringLiteral("stopped"));
    QVERIFY(await<void>([&](auto done) { api().removeServer(made.value().id, done); }).ok());
}

void TestWireGuardClient::importDryRunThenReal()
{
    // Test keys: 32 random bytes each.
    WgImportRequest request;
    request.config = QStringLiteral(
        "[Interface]\nAddress = 10.66.0.1/24, fd00:66::1/64\nListenPort = 51866\n"
        "PrivateKey = NnyQACzxz0Q14nGmM0IvzwOZemaTfOPi9lAwrtxIWVk=\nSaveConfig = true\n\n"
        "# Name = desk\n[Peer]\nPublicKey = yLHdyKUy2x99A8NKDFas1gwpV2uo+lVuFYYCiedwscQ=\n"
        "PresharedKey = FbRuidE3HXw5sA+oRrg4D+NVzdm1tvBARsv0x+qWoBQ=\n"
        "AllowedIPs = 10.66.0.2/32, fd00:66::2/128\n");
    request.interfaceName = QStringLiteral("wg-imp");
    request.name = QStringLiteral("imported");
    request.dryRun = true;
    auto preview = await<WgImportResult>([&](auto done) { api().importServer(request, done); });
    QVERIFY2(preview.ok(), why(preview).constData());
    QCOMPARE(preview.value().server.id, 0);
    QCOMPARE(preview.value().server.interfaceName, QStringLiteral("wg-imp"));
    QCOMPARE(preview.value().clients.size(), 1);
    const WgImportedClient desk = preview.value().clients.first();
    QCOMPARE(desk.name, QStringLiteral("desk"));
    QCOMPARE(desk.addressFamily, QStringLiteral("dual"));
    QCOMPARE(desk.ipv6Address, QStringLiteral("fd00:66::2/128"));
    QVERIFY(desk.hasPresharedKey);
    QVERIFY(preview.value().warnings.join(u'\n').contains(QLatin1String("SaveConfig")));
    auto none = await<Page<WgServerRow>>([&](auto done) { api().servers({}, done); });
    QVERIFY(none.ok());
    for (const WgServerRow &row : none.value().items)
        QVERIFY(row.interfaceName != QLatin1String("wg-imp"));

    request.dryRun = false;
    auto made = await<WgImportResult>([&](auto done) { api().importServer(request, done); });
    QVERIFY2(made.ok(), why(made).constData());
    QVERIFY(made.value().server.id > 0);
    QCOMPARE(made.value().server.clientsCount, 1);
    QCOMPARE(made.value().clients.size(), 1);
    QVERIFY(made.value().clients.first().id > 0);
    QVERIFY(made.value().clients.first().hasPresharedKey);
    auto row =
        await<WgClientRow>([&](auto done) { api().client(made.value().clients.first().id, done); });
    QVERIFY(row.ok());
    QVERIFY(!row.value().hasPrivateKey);
    // Its config stayed with its owner: 409.
    auto config = await<QString>(
        [&](auto done) { api().clientConfig(made.value().clients.first().id, done); });
    QVERIFY(!config.ok());
    QCOMPARE(errorHttpStatus(config.error()), 409);
    // A second import of the same interface: 409 naming it.
    auto again = await<WgImportResult>([&](auto done) { api().importServer(request, done); });
    QVERIFY(!again.ok());
    QCOMPARE(errorHttpStatus(again.error()), 409);
    QCOMPARE(again.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("interface"));
    QVERIFY(await<void>([&](auto done) { api().removeServer(made.value().server.id, done); }).ok());
}

void TestWireGuardClient::trafficAndEndpoints()
{
    WgServerChange change;
    change.name = QStringLiteral("metered");
    change.interfaceName = QStringLiteral("wg-metered");
    change.listenPort = 51877;
    change.ipv4Address = QStringLiteral("10.77.0.1/24");
    auto server = await<WgServerRow>([&](auto done) { api().createServer(change, done); });
    QVERIFY2(server.ok(), why(server).constData());
    WgClientChange clientChange;
    clientChange.serverId = server.value().id;
    clientChange.name = QStringLiteral("meter-phone");
    auto client =
        await<WgCreatedClient>([&](auto done) { api().createClient(clientChange, done); });
    QVERIFY2(client.ok(), why(client).constData());
    const qint64 clientId = client.value().client.id;
    QVERIFY(await<WgRunState>([&](auto done) { api().startServer(server.value().id, done); }).ok());

    // The last hour with milliseconds: the answer echoes the range exactly
    // and picks the 1-minute tier; nothing has moved, so no buckets.
    WgTrafficQuery hour;
    hour.end = QDateTime::currentDateTimeUtc();
    if (hour.end.time().msec() == 0) // a whole second would not show the milliseconds kept
        hour.end = hour.end.addMSecs(-7);
    hour.start = hour.end.addSecs(-3600);
    auto traffic = await<WgTraffic>([&](auto done) { api().clientTraffic(clientId, hour, done); });
    QVERIFY2(traffic.ok(), why(traffic).constData());
    QCOMPARE(traffic.value().tier, QStringLiteral("1m"));
    QCOMPARE(traffic.value().bucketSeconds, 60);
    QCOMPARE(traffic.value().start, hour.start);
    QCOMPARE(traffic.value().end, hour.end);
    QVERIFY(traffic.value().items.isEmpty());
    QCOMPARE(traffic.value().totalRxBytes, 0);
    QCOMPARE(traffic.value().totalTxBytes, 0);

    // A year asks for the hourly tier by itself; a tier given is kept.
    WgTrafficQuery year;
    year.end = hour.end;
    year.start = year.end.addDays(-365);
    auto yearly =
        await<WgTraffic>([&](auto done) { api().serverTraffic(server.value().id, year, done); });
    QVERIFY2(yearly.ok(), why(yearly).constData());
    QCOMPARE(yearly.value().tier, QStringLiteral("1h"));
    QCOMPARE(yearly.value().bucketSeconds, 3600);
    QVERIFY(yearly.value().items.isEmpty());
    WgTrafficQuery fifteen = hour;
    fifteen.tier = QStringLiteral("15m");
    auto quarter =
        await<WgTraffic>([&](auto done) { api().serverTraffic(server.value().id, fifteen, done); });
    QVERIFY2(quarter.ok(), why(quarter).constData());
    QCOMPARE(quarter.value().tier, QStringLiteral("15m"));
    QCOMPARE(quarter.value().bucketSeconds, 900);
    // The server's default range: the last 24 hours.
    auto byDefault = await<WgTraffic>([&](auto done) { api().clientTraffic(clientId, {}, done); });
    QVERIFY2(byDefault.ok(), why(byDefault).constData());
    QCOMPARE(byDefault.value().start.msecsTo(byDefault.value().end), 24 * 3600 * 1000LL);

    // Refusals: a tier that does not exist, start after end, unknown ids.
    WgTrafficQuery badTier = hour;
    badTier.tier = QStringLiteral("5m");
    auto refused =
        await<WgTraffic>([&](auto done) { api().clientTraffic(clientId, badTier, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, hm::ErrorCode::ValidationError);
    QCOMPARE(refused.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("tier"));
    WgTrafficQuery backwards;
    backwards.start = hour.end;
    backwards.end = hour.start;
    auto reversed = await<WgTraffic>(
        [&](auto done) { api().serverTraffic(server.value().id, backwards, done); });
    QVERIFY(!reversed.ok());
    QCOMPARE(reversed.error().code, hm::ErrorCode::ValidationError);
    auto noClient = await<WgTraffic>([&](auto done) { api().clientTraffic(999999, hour, done); });
    QVERIFY(!noClient.ok());
    QCOMPARE(noClient.error().code, hm::ErrorCode::ResourceNotFound);
    auto noServer = await<WgTraffic>([&](auto done) { api().serverTraffic(999999, hour, done); });
    QVERIFY(!noServer.ok());
    QCOMPARE(noServer.error().code, hm::ErrorCode::ResourceNotFound);

    // Endpoints: none seen without a tunnel; the limit is checked.
    auto seen =
        await<QList<WgEndpointSeen>>([&](auto done) { api().clientEndpoints(clientId, 10, done); });
    QVERIFY2(seen.ok(), why(seen).constData());
    QVERIFY(seen.value().isEmpty());
    auto badLimit = await<QList<WgEndpointSeen>>(
        [&](auto done) { api().clientEndpoints(clientId, 101, done); });
    QVERIFY(!badLimit.ok());
    QCOMPARE(badLimit.error().code, hm::ErrorCode::ValidationError);
    auto noEndpoints =
        await<QList<WgEndpointSeen>>([&](auto done) { api().clientEndpoints(999999, 0, done); });
    QVERIFY(!noEndpoints.ok());
    QCOMPARE(noEndpoints.error().code, hm::ErrorCode::ResourceNotFound);

    // A viewer reads them too.
    QVERIFY(!m_server
                 .createUser(QStringLiteral("trafficviewer"), QStringLiteral("viewer"),
                             kWgViewerPassword)
                 .id.isEmpty());
    auto viewer = m_server.signIn(QStringLiteral("trafficviewer"), kWgViewerPassword);
    QVERIFY(viewer);
    auto asViewer = await<WgTraffic>(
        [&](auto done) { WireGuardApi(*viewer).clientTraffic(clientId, hour, done); });
    QVERIFY2(asViewer.ok(), why(asViewer).constData());
    QVERIFY(await<WgRunState>([&](auto done) { api().stopServer(server.value().id, done); }).ok());
}

// The readers of answers a config-only server cannot give (a real tunnel's
// buckets, endpoints and peers), from literal JSON shaped as docs/api.md
// says.
void TestWireGuardClient::statusPeersCarryTotals()
{
    const auto parse = [](const char *text) {
        return QJsonDocument::fromJson(QByteArray(text)).object();
    };
    const WgServerStatus status = json::wgServerStatus(parse(R"({
        "id": 3, "status": "running", "clients": [
          {"public_key": "k1", "client_id": 12, "endpoint": "203.0.113.5:51820",
           "latest_handshake": "2026-11-27T08:00:00.000Z", "transfer_rx": 10, "transfer_tx": 20,
           "total_rx_bytes": 5368709120, "total_tx_bytes": 1234},
          {"public_key": "k2", "client_id": null, "transfer_rx": 0, "transfer_tx": 0,
           "total_rx_bytes": 0, "total_tx_bytes": 0}]})"));
    QCOMPARE(status.peers.size(), 2);
    QCOMPARE(status.peers.at(0).clientId, 12);
    QCOMPARE(status.peers.at(0).totalRx, 5368709120LL);
    QCOMPARE(status.peers.at(0).totalTx, 1234);
    QCOMPARE(status.peers.at(1).clientId, 0);

    const WgTraffic traffic = json::wgTraffic(parse(R"({
        "tier": "15m", "bucket_seconds": 900,
        "start": "2026-11-20T08:00:00.250Z", "end": "2026-11-27T08:00:00.250Z",
        "total_rx_bytes": 9000000000, "total_tx_bytes": 7,
        "items": [{"time": "2026-11-26T10:15:00.000Z", "rx_bytes": 100, "tx_bytes": 200},
                  {"time": "2026-11-26T11:00:00.000Z", "rx_bytes": 3, "tx_bytes": 4}]})"));
    QCOMPARE(traffic.tier, QStringLiteral("15m"));
    QCOMPARE(traffic.bucketSeconds, 900);
    QCOMPARE(traffic.start.time().msec(), 250);
    QCOMPARE(traffic.totalRxBytes, 9000000000LL);
    QCOMPARE(traffic.items.size(), 2);
    QCOMPARE(traffic.items.at(0).time, QDateTime(QDate(2026, 11, 26), QTime(10, 15), Qt::UTC));
    QCOMPARE(traffic.items.at(1).txBytes, 4);

    const QList<WgEndpointSeen> seen = json::wgEndpoints(parse(R"({"items": [
        {"endpoint": "[2001:db8::5]:51820", "first_seen": "2026-11-26T10:00:00.000Z",
         "last_seen": "2026-11-27T07:59:00.000Z"}]})"));
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.at(0).endpoint, QStringLiteral("[2001:db8::5]:51820"));
    QVERIFY(seen.at(0).firstSeen < seen.at(0).lastSeen);
}

namespace {

// A plain GET without the console's session: what the link's recipient does.
struct WgPlainGet
{
    int status = 0;
    QByteArray body;
};

WgPlainGet wgPlainGet(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    WgPlainGet out;
    if (QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000)) {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
    }
    reply->deleteLater();
    return out;
}

} // namespace

void TestWireGuardClient::shareLinkOpensOnce()
{
    auto server = await<WgServerRow>([&](auto done) {
        api().createServer(dualServer(QStringLiteral("share"), QStringLiteral("wg-share"), 51840),
                           done);
    });
    QVERIFY2(server.ok(), why(server).constData());
    WgClientChange change;
    change.serverId = server.value().id;
    change.name = QStringLiteral("tablet");
    auto client = await<WgCreatedClient>([&](auto done) { api().createClient(change, done); });
    QVERIFY2(client.ok(), why(client).constData());
    const qint64 id = client.value().client.id;

    auto link =
        await<WgShareLinkCreated>([&](auto done) { api().createShareLink(id, 3600, done); });
    QVERIFY2(link.ok(), why(link).constData());
    QCOMPARE(link.value().token.size(), 43);
    QCOMPARE(link.value().path, QStringLiteral("/api/v1/wireguard/shared/") + link.value().token);
    const qint64 inAnHour = QDateTime::currentDateTimeUtc().addSecs(3600).toSecsSinceEpoch();
    QVERIFY(qAbs(link.value().expiresAt.toSecsSinceEpoch() - inAnHour) < 120);

    auto listed = await<QList<WgShareLink>>([&](auto done) { api().shareLinks(id, done); });
    QVERIFY2(listed.ok(), why(listed).constData());
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().first().id, link.value().id);
    QCOMPARE(listed.value().first().state, QStringLiteral("active"));
    QVERIFY(!listed.value().first().usedAt.isValid());

    // Opened without the console's session: the config once, then 404.
    QNetworkAccessManager network;
    QUrl url = m_server.connection->client()->baseUrl();
    url.setPath(link.value().path);
    const WgPlainGet first = wgPlainGet(network, url);
    QCOMPARE(first.status, 200);
    QVERIFY(first.body.contains("[Interface]"));
    QVERIFY(first.body.contains("PrivateKey"));
    QCOMPARE(wgPlainGet(network, url).status, 404);

    listed = await<QList<WgShareLink>>([&](auto done) { api().shareLinks(id, done); });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().first().state, QStringLiteral("used"));
    QVERIFY(listed.value().first().usedAt.isValid());
    QVERIFY(!listed.value().first().usedFrom.isEmpty());

    // Revoking takes the unused one and leaves the used one as a record.
    QVERIFY(await<WgShareLinkCreated>([&](auto done) { api().createShareLink(id, 900, done); })
                .ok());
    auto revoked = await<int>([&](auto done) { api().revokeShareLinks(id, done); });
    QVERIFY2(revoked.ok(), why(revoked).constData());
    QCOMPARE(revoked.value(), 1);
    listed = await<QList<WgShareLink>>([&](auto done) { api().shareLinks(id, done); });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().first().state, QStringLiteral("used"));

    // Out of range: 422 at its field.
    auto tooShort =
        await<WgShareLinkCreated>([&](auto done) { api().createShareLink(id, 5, done); });
    QVERIFY(!tooShort.ok());
    QCOMPARE(tooShort.error().httpStatus(), 422);
}

void TestWireGuardClient::commitConfirmWaitsForConfirmation()
{
    auto server = await<WgServerRow>([&](auto done) {
        WgServerChange change;
        change.name = QStringLiteral("confirm");
        change.interfaceName = QStringLiteral("wg-confirm");
        change.listenPort = 51850;
        change.ipv4Address = QStringLiteral("10.46.0.1/24");
        api().createServer(change, done);
    });
    QVERIFY2(server.ok(), why(server).constData());
    const qint64 id = server.value().id;
    WgClientChange newClient;
    newClient.serverId = id;
    newClient.name = QStringLiteral("admin-laptop");
    auto client = await<WgCreatedClient>([&](auto done) { api().createClient(newClient, done); });
    QVERIFY2(client.ok(), why(client).constData());

    WgServerChange change;
    change.listenPort = 51851;
    change.confirm.withinSeconds = 600;
    change.confirm.byHandshakeOf = client.value().client.id;
    auto updated = await<WgServerRow>([&](auto done) { api().updateServer(id, change, done); });
    QVERIFY2(updated.ok(), why(updated).constData());
    QCOMPARE(updated.value().listenPort, 51851);
    const WgPendingChange answered = updated.value().pendingConfirmation;
    QVERIFY(answered.isPending());
    QCOMPARE(answered.kind, QStringLiteral("server"));
    QCOMPARE(answered.id, id);
    QCOMPARE(answered.handshakeClientId, client.value().client.id);
    QVERIFY(answered.deadline > QDateTime::currentDateTimeUtc());

    auto pending = await<QList<WgPendingChange>>([&](auto done) { api().pendingChanges(done); });
    QVERIFY2(pending.ok(), why(pending).constData());
    QCOMPARE(pending.value().size(), 1);
    QCOMPARE(pending.value().first().id, id);
    QCOMPARE(pending.value().first().serverId, id);

    // Another change meanwhile is refused; nothing awaits for the client.
    WgServerChange second;
    second.mtu = 1400;
    auto refused = await<WgServerRow>([&](auto done) { api().updateServer(id, second, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().httpStatus(), 409);
    auto nothing = await<void>([&](auto done) {
        api().confirmChange(QStringLiteral("client"), client.value().client.id, done);
    });
    QVERIFY(!nothing.ok());
    QCOMPARE(nothing.error().httpStatus(), 404);

    auto confirmed =
        await<void>([&](auto done) { api().confirmChange(QStringLiteral("server"), id, done); });
    QVERIFY2(confirmed.ok(), why(confirmed).constData());
    pending = await<QList<WgPendingChange>>([&](auto done) { api().pendingChanges(done); });
    QVERIFY(pending.ok());
    QVERIFY(pending.value().isEmpty());
    auto kept = await<WgServerRow>([&](auto done) { api().server(id, done); });
    QVERIFY(kept.ok());
    QCOMPARE(kept.value().listenPort, 51851);
    QVERIFY(!kept.value().pendingConfirmation.isPending());

    // A client's change with confirmation, then kept; out of range is 422.
    WgClientChange clientChange;
    clientChange.description = QStringLiteral("kept");
    clientChange.confirm.withinSeconds = 60;
    auto clientUpdated = await<WgClientRow>([&](auto done) {
        api().updateClient(client.value().client.id, clientChange, done);
    });
    QVERIFY2(clientUpdated.ok(), why(clientUpdated).constData());
    QCOMPARE(clientUpdated.value().pendingConfirmation.kind, QStringLiteral("client"));
    QVERIFY(await<void>([&](auto done) {
                api().confirmChange(QStringLiteral("client"), client.value().client.id, done);
            }).ok());
    clientChange.confirm.withinSeconds = 5;
    auto outOfRange = await<WgClientRow>([&](auto done) {
        api().updateClient(client.value().client.id, clientChange, done);
    });
    QVERIFY(!outOfRange.ok());
    QCOMPARE(outOfRange.error().httpStatus(), 422);
}

QTEST_MAIN(TestWireGuardClient)
#include "TestWireGuardClient.moc"
