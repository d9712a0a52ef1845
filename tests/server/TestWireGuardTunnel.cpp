// A real tunnel from a downloaded client config (issue 36, "End to end"):
// two network namespaces joined by a veth pair; hivemind-server runs its
// WireGuard servers with wireguard-go in the first (--wireguard-backend
// wireguard-go --wireguard-netns), the test brings the client up in the
// second from the config GET …/config answered, pings the server over both
// families, sees the handshake in …/status, then disables the client (the
// running server is re-synced without it: the ping stops) and stops the
// server (the interface is gone). Then three clients, one per address
// family, each in a namespace of its own: each reaches the server over the
// families it has and not over the other, and disabling one leaves the
// others' sessions alone (their handshake times do not move, their pings go
// on). A client's changes on a running server are applied as patches of
// its peer, and leave the interface as the whole stored state applied to a
// fresh one would (a client that goes has its peer cut off at once and
// taken off by the next periodic sample); a change awaiting a client's handshake is not confirmed
// by a sample that read only other peers. Last, traffic stays exact: through an interface restart,
// a disable and enable (the peer taken off, then parked and set back at once) and a kill -9 of
// hivemind-server, the cumulative bytes of …/traffic equal
// the sum of what the server's interface counted in each stretch, read by the test with `wg show
// dump` just before each reset and at the end (the client's way to the server blocked first, so
// nothing passes between a reading and the reset). Needs root for the namespaces; skipped with
// ALLOW_SKIP where the machine forbids them.

#include "AuthTestSupport.h"
#include "WgTunnelSupport.h"
#include "vpn/WgDump.h"
#include "vpn/backend/CommandRunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>
#include <functional>

using namespace hm;
using namespace hm::test;

namespace {

bool tunnelIp(const QStringList &arguments)
{
    return vpn::runCommand(QStringLiteral("ip"), arguments, {}, 15'000).succeeded();
}

bool tunnelPing(const QString &ns, const QString &address)
{
    return tunnelIp({QStringLiteral("netns"), QStringLiteral("exec"), ns, QStringLiteral("ping"),
                     QStringLiteral("-c1"), QStringLiteral("-W1"), address});
}

// latest_handshake of each peer of a status answer, by public key.
QHash<QString, QString> handshakesOf(const QJsonObject &status)
{
    QHash<QString, QString> out;
    for (const QJsonValue &peer : status.value(QStringLiteral("clients")).toArray())
        out.insert(peer[QStringLiteral("public_key")].toString(),
                   peer[QStringLiteral("latest_handshake")].toString());
    return out;
}

// A peer's transfer counters on an interface, read by the test itself.
std::optional<std::pair<qint64, qint64>> peerCounters(const QString &ns, const QString &interfaceName,
                                                      const QString &publicKey)
{
    const vpn::CommandResult shown = vpn::runCommand(
        QStringLiteral("ip"),
        {QStringLiteral("netns"), QStringLiteral("exec"), ns, QStringLiteral("wg"),
         QStringLiteral("show"), interfaceName, QStringLiteral("dump")},
        {}, 15'000);
    if (!shown.succeeded())
        return std::nullopt;
    auto dump = vpn::parseWgDump(shown.out, interfaceName);
    if (!dump)
        return std::nullopt;
    for (const vpn::WgDumpPeer &p : dump.value().peers)
        if (p.publicKey == publicKey)
            return std::pair{qint64(p.transferRx), qint64(p.transferTx)};
    return std::pair{qint64(0), qint64(0)};
}

// Whether `publicKey` is a peer of the interface now.
bool hasPeer(const QString &ns, const QString &interfaceName, const QString &publicKey)
{
    const vpn::CommandResult shown =
        vpn::runCommand(QStringLiteral("ip"),
                        {QStringLiteral("netns"), QStringLiteral("exec"), ns, QStringLiteral("wg"),
                         QStringLiteral("show"), interfaceName, QStringLiteral("peers")},
                        {}, 15'000);
    return shown.succeeded() && shown.out.split('\n').contains(publicKey.toLatin1());
}

// What the interface's peers are configured with (key, preshared key or
// not, allowed IPs sorted), sorted; no counters, endpoints or handshakes.
QStringList configuredPeers(const QString &ns, const QString &interfaceName)
{
    const vpn::CommandResult shown =
        vpn::runCommand(QStringLiteral("ip"),
                        {QStringLiteral("netns"), QStringLiteral("exec"), ns, QStringLiteral("wg"),
                         QStringLiteral("show"), interfaceName, QStringLiteral("dump")},
                        {}, 15'000);
    auto dump = vpn::parseWgDump(shown.out, interfaceName);
    if (!shown.succeeded() || !dump)
        return {QStringLiteral("no dump")};
    QStringList peers;
    for (const vpn::WgDumpPeer &p : dump.value().peers) {
        QStringList allowed;
        for (const vpn::WgCidr &cidr : p.allowedIps)
            allowed << cidr.toString();
        allowed.sort();
        peers << p.publicKey +
                     (p.hasPresharedKey ? QStringLiteral(" psk ") : QStringLiteral(" - ")) +
                     allowed.join(u',');
    }
    peers.sort();
    return peers;
}

// The configuredPeers() line of `publicKey`; empty when it is no peer.
QString configuredPeer(const QString &ns, const QString &interfaceName, const QString &publicKey)
{
    for (const QString &line : configuredPeers(ns, interfaceName))
        if (line.startsWith(publicKey))
            return line;
    return {};
}

// The routes through the interface that are not the kernel's own, sorted.
QStringList addedRoutes(const QString &ns, const QString &interfaceName)
{
    QStringList routes;
    for (const char *family : {"-4", "-6"}) {
        const vpn::CommandResult shown = vpn::runCommand(
            QStringLiteral("ip"),
            {QStringLiteral("-n"), ns, QString::fromLatin1(family), QStringLiteral("-j"),
             QStringLiteral("route"), QStringLiteral("show"), QStringLiteral("dev"), interfaceName},
            {}, 15'000);
        for (const QJsonValue &route : QJsonDocument::fromJson(shown.out).array())
            if (route[QStringLiteral("protocol")].toString() != QLatin1String("kernel"))
                routes << route[QStringLiteral("dst")].toString();
    }
    routes.sort();
    return routes;
}

} // namespace

class TestWireGuardTunnel : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    const QString m_suffix = QString::number(QCoreApplication::applicationPid() % 100000);
    const QString m_nsServer = QStringLiteral("hmwtS") + m_suffix;
    const QString m_nsClient = QStringLiteral("hmwtC") + m_suffix;
    // wireguard-go's control sockets are global: names unique per run.
    const QString m_ifServer = QStringLiteral("hmts") + m_suffix;
    const QString m_ifClient = QStringLiteral("hmtc") + m_suffix;
    bool m_namespaces = false;
    // The three clients of `oneClientPerFamily`: namespace, veth pair and
    // tunnel interface each.
    struct FamilyClient
    {
        QString family;
        QString ns;
        QString vethServer;
        QString vethClient;
        QString interfaceName;
        QString underlayServer; // the server side of its veth (a /30)
        QString underlayClient;
    };
    QList<FamilyClient> m_familyClients;
    const QString m_ifFamilies = QStringLiteral("hmtf") + m_suffix;
    const QString m_ifTraffic = QStringLiteral("hmtx") + m_suffix;
    const QString m_ifTrafficClient = QStringLiteral("hmty") + m_suffix;
    const QString m_ifConfirm = QStringLiteral("hmtk") + m_suffix;
    const QString m_ifConfirmClient = QStringLiteral("hmtl") + m_suffix;
    const QString m_ifPatched = QStringLiteral("hmtp") + m_suffix;
    const QString m_ifForeign = QStringLiteral("hmtz") + m_suffix; // not HiveMind's
    const QStringList m_serverOptions{QStringLiteral("--wireguard-backend"),
                                      QStringLiteral("wireguard-go"),
                                      QStringLiteral("--wireguard-netns"), m_nsServer};

    // A series of /metrics as a number; -1 when it is not there.
    qint64 metricValue(const QByteArray &series)
    {
        const QByteArray text = m_http->get(QStringLiteral("/metrics")).raw;
        const QByteArray name = '\n' + series + ' ';
        const qsizetype at = text.indexOf(name);
        if (at < 0)
            return -1;
        const qsizetype start = at + name.size();
        return qint64(text.mid(start, text.indexOf('\n', start) - start).toDouble());
    }
    static constexpr const char *kChangesApplied =
        "hivemind_wireguard_change_applied_seconds_count";

    // The client's way to the server's endpoint, closed and opened again:
    // while closed nothing of the client reaches the server's interface.
    bool blockClient(bool blocked)
    {
        return tunnelIp({QStringLiteral("-n"), m_nsClient, QStringLiteral("route"),
                         blocked ? QStringLiteral("add") : QStringLiteral("del"),
                         QStringLiteral("prohibit"), QStringLiteral("192.0.2.1/32")});
    }

    bool addFamilyClientNamespace(const FamilyClient &c)
    {
        if (!tunnelIp({QStringLiteral("netns"), QStringLiteral("add"), c.ns}))
            return false;
        if (!tunnelIp({QStringLiteral("link"), QStringLiteral("add"), c.vethServer,
                       QStringLiteral("netns"), m_nsServer, QStringLiteral("type"),
                       QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"),
                       c.vethClient, QStringLiteral("netns"), c.ns}))
            return false;
        for (const auto &[ns, dev, address] : {std::tuple{m_nsServer, c.vethServer, c.underlayServer},
                                              std::tuple{c.ns, c.vethClient, c.underlayClient}}) {
            if (!tunnelIp({QStringLiteral("-n"), ns, QStringLiteral("address"),
                           QStringLiteral("add"), address, QStringLiteral("dev"), dev}) ||
                !tunnelIp({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"),
                           dev, QStringLiteral("up")}))
                return false;
        }
        // The server's endpoint (192.0.2.1, on the first veth) through this
        // client's own link: the server answers any address of its own.
        const QString via = c.underlayServer.section(u'/', 0, 0);
        return tunnelIp({QStringLiteral("-n"), c.ns, QStringLiteral("route"), QStringLiteral("add"),
                         QStringLiteral("192.0.2.1/32"), QStringLiteral("via"), via}) &&
               tunnelIp({QStringLiteral("-n"), c.ns, QStringLiteral("link"), QStringLiteral("set"),
                         QStringLiteral("lo"), QStringLiteral("up")});
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("wireguard-go")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("wg")).isEmpty())
            QFAIL("wireguard-go and wg are needed (Debian's wireguard-go, wireguard-tools)");
        if (!tunnelIp({QStringLiteral("netns"), QStringLiteral("add"), m_nsServer})) {
            if (qEnvironmentVariableIsSet("ALLOW_SKIP"))
                QSKIP("network namespaces are not allowed here (root and CAP_SYS_ADMIN needed)");
            QFAIL("could not create a network namespace (root and CAP_SYS_ADMIN needed)");
        }
        m_namespaces = true;
        QVERIFY(tunnelIp({QStringLiteral("netns"), QStringLiteral("add"), m_nsClient}));
        const QString vethS = QStringLiteral("hmtvs") + m_suffix;
        const QString vethC = QStringLiteral("hmtvc") + m_suffix;
        QVERIFY(tunnelIp({QStringLiteral("link"), QStringLiteral("add"), vethS,
                          QStringLiteral("netns"), m_nsServer, QStringLiteral("type"),
                          QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"),
                          vethC, QStringLiteral("netns"), m_nsClient}));
        for (const auto &[ns, dev, address] :
             {std::tuple{m_nsServer, vethS, QStringLiteral("192.0.2.1/24")},
              std::tuple{m_nsClient, vethC, QStringLiteral("192.0.2.2/24")}}) {
            QVERIFY(tunnelIp({QStringLiteral("-n"), ns, QStringLiteral("address"),
                              QStringLiteral("add"), address, QStringLiteral("dev"), dev}));
            QVERIFY(tunnelIp({QStringLiteral("-n"), ns, QStringLiteral("link"),
                              QStringLiteral("set"), dev, QStringLiteral("up")}));
            QVERIFY(tunnelIp({QStringLiteral("-n"), ns, QStringLiteral("link"),
                              QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")}));
        }
        QVERIFY2(startServer(m_serverOptions).isEmpty(), "server did not start");
    }

    // A change that did not reach the interface in time: what the server
    // said meanwhile (its request lines left out) tells why.
    void cleanup()
    {
        if (!QTest::currentTestFailed() || !m_server)
            return;
        // The request lines out first: a test that polls /metrics logs
        // hundreds of them, and the last 400 lines were nothing else.
        QList<QByteArray> lines;
        for (const QByteArray &line : m_server->standardError().split('\n'))
            if (!line.isEmpty() && !line.contains("hivemind.server.http"))
                lines << line;
        for (qsizetype i = std::max<qsizetype>(0, lines.size() - 400); i < lines.size(); ++i)
            qWarning("server: %s", lines[i].constData());
    }

    void cleanupTestCase()
    {
        if (!m_namespaces)
            return;
        if (m_server)
            stopServer();
        // The interfaces first: wireguard-go keeps a deleted namespace alive.
        for (const auto &[ns, dev] :
             {std::pair{m_nsServer, m_ifServer}, std::pair{m_nsClient, m_ifClient},
              std::pair{m_nsServer, m_ifTraffic}, std::pair{m_nsClient, m_ifTrafficClient},
              std::pair{m_nsServer, m_ifConfirm}, std::pair{m_nsClient, m_ifConfirmClient},
              std::pair{m_nsServer, m_ifPatched}, std::pair{m_nsServer, m_ifForeign}})
            tunnelIp(
                {QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("del"), dev});
        tunnelIp({QStringLiteral("-n"), m_nsServer, QStringLiteral("link"), QStringLiteral("del"),
                  m_ifFamilies});
        for (const FamilyClient &c : std::as_const(m_familyClients)) {
            tunnelIp({QStringLiteral("-n"), c.ns, QStringLiteral("link"), QStringLiteral("del"),
                      c.interfaceName});
            tunnelIp({QStringLiteral("netns"), QStringLiteral("del"), c.ns});
        }
        tunnelIp({QStringLiteral("netns"), QStringLiteral("del"), m_nsServer});
        tunnelIp({QStringLiteral("netns"), QStringLiteral("del"), m_nsClient});
    }

    // An interface named like a server's that is not that server's — a
    // link of another kind (here the namespace's uplink veth) or another
    // WireGuard interface — is neither configured over nor removed: start,
    // stop and delete are CONFLICT and the link stays as it was.
    void anInterfaceThatIsNotTheServersIsLeftAlone()
    {
        const QString uplink = QStringLiteral("hmtvs") + m_suffix;
        // Another WireGuard interface on the host, with a key and port of
        // its own.
        QVERIFY(tunnelIp({QStringLiteral("netns"), QStringLiteral("exec"), m_nsServer,
                          QStringLiteral("wireguard-go"), m_ifForeign}));
        const vpn::CommandResult key =
            vpn::runCommand(QStringLiteral("wg"), {QStringLiteral("genkey")});
        QVERIFY(key.succeeded());
        QVERIFY(vpn::runCommand(QStringLiteral("ip"),
                                {QStringLiteral("netns"), QStringLiteral("exec"), m_nsServer,
                                 QStringLiteral("wg"), QStringLiteral("set"), m_ifForeign,
                                 QStringLiteral("listen-port"), QStringLiteral("51899"),
                                 QStringLiteral("private-key"), QStringLiteral("/dev/stdin")},
                                key.out)
                    .succeeded());
        const auto foreignPort = [&] {
            return vpn::runCommand(QStringLiteral("ip"),
                                   {QStringLiteral("netns"), QStringLiteral("exec"), m_nsServer,
                                    QStringLiteral("wg"), QStringLiteral("show"), m_ifForeign,
                                    QStringLiteral("listen-port")})
                .out.trimmed();
        };
        QCOMPARE(foreignPort(), QByteArray("51899"));
        const auto linkExists = [&](const QString &name) {
            return tunnelIp({QStringLiteral("-n"), m_nsServer, QStringLiteral("link"),
                             QStringLiteral("show"), name});
        };
        int port = 51890;
        for (const QString &name : {uplink, m_ifForeign}) {
            const Answer created =
                m_http->json("POST", QStringLiteral("/api/v1/wireguard/servers"),
                             {{"name", QStringLiteral("Not mine ") + name},
                              {"interface", name},
                              {"listen_port", ++port},
                              {"ipv4_address", QStringLiteral("10.%1.0.1/24").arg(port - 51800)}},
                             m_admin);
            QVERIFY2(created.status == 201, created.raw.constData());
            const QString path = QStringLiteral("/api/v1/wireguard/servers/%1")
                                     .arg(created.data().value("id").toInteger());
            for (const char *action : {"/start", "/stop"}) {
                const Answer refused =
                    m_http->send("POST", path + QLatin1String(action), {}, Http::bearer(m_admin));
                QVERIFY2(refused.status == 409, refused.raw.constData());
                QCOMPARE(refused.details().value("reason").toString(),
                         QStringLiteral("foreign_interface"));
                QVERIFY(linkExists(name));
            }
            QCOMPARE(m_http->send("DELETE", path, {}, Http::bearer(m_admin)).status, 200);
            QVERIFY(linkExists(name));
        }
        // A server of its own whose port the other interface holds: a
        // conflict naming the port, nothing left behind.
        const Answer samePort = m_http->json("POST", QStringLiteral("/api/v1/wireguard/servers"),
                                             {{"name", "Same port"},
                                              {"interface", m_ifForeign + QStringLiteral("p")},
                                              {"listen_port", 51899},
                                              {"ipv4_address", "10.97.0.1/24"}},
                                             m_admin);
        QVERIFY2(samePort.status == 201, samePort.raw.constData());
        const QString samePortPath = QStringLiteral("/api/v1/wireguard/servers/%1")
                                         .arg(samePort.data().value("id").toInteger());
        const Answer inUse = m_http->send("POST", samePortPath + QStringLiteral("/start"), {},
                                          Http::bearer(m_admin));
        QVERIFY2(inUse.status == 409, inUse.raw.constData());
        QCOMPARE(inUse.details().value("field").toString(), QStringLiteral("listen_port"));
        QCOMPARE(inUse.details().value("reason").toString(), QStringLiteral("port_in_use"));
        QVERIFY(!linkExists(m_ifForeign + QStringLiteral("p")));
        QCOMPARE(m_http->send("DELETE", samePortPath, {}, Http::bearer(m_admin)).status, 200);
        // The other WireGuard interface kept its own settings, and the
        // uplink still carries the client's traffic.
        QCOMPARE(foreignPort(), QByteArray("51899"));
        QVERIFY(tunnelPing(m_nsClient, QStringLiteral("192.0.2.1")));
        QVERIFY(tunnelIp({QStringLiteral("-n"), m_nsServer, QStringLiteral("link"),
                          QStringLiteral("del"), m_ifForeign}));
    }

    void aClientReachesTheServerFromItsDownloadedConfig()
    {
        // The client side, from the downloaded config as a user would.
        vpn::LinuxWireGuardBackend clientSide(
            {vpn::LinuxWireGuardBackend::Mode::Userspace, m_nsClient, 15'000});
        const WgTunnel tunnel = openWgTunnel(
            *m_http, m_admin,
            {{"name", "Tunnel"},
             {"interface", m_ifServer},
             {"listen_port", 51820},
             {"ipv4_address", "10.77.0.1/24"},
             {"ipv6_address", "fd77::1/64"},
             {"endpoint_host", "192.0.2.1"},
             {"persistent_keepalive", 1}},
            {{"name", "laptop"}, {"allowed_ips", QJsonArray{"10.77.0.0/24", "fd77::/64"}}},
            clientSide, m_ifClient);
        QVERIFY2(tunnel.error.isEmpty(), qPrintable(tunnel.error));
        QCOMPARE(tunnel.backend, QStringLiteral("linux-wireguard-go"));
        const QString &serverPath = tunnel.serverPath;
        const QString &clientPath = tunnel.clientPath;

        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(m_nsClient, QStringLiteral("10.77.0.1")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(m_nsClient, QStringLiteral("fd77::1")), 20000);

        const Answer status = m_http->get(serverPath + QStringLiteral("/status"), m_admin);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.data().value("status").toString(), QStringLiteral("running"));
        const QJsonArray peers = status.data().value("clients").toArray();
        QCOMPARE(peers.size(), 1);
        const QJsonObject peer = peers.at(0).toObject();
        QCOMPARE(peer.value("public_key").toString(), tunnel.clientPublicKey);
        QVERIFY(!peer.value("latest_handshake").isNull());
        QVERIFY(peer.value("transfer_rx").toDouble() > 0);
        QVERIFY(status.data().value("interface_stats").toObject().value("rx_bytes").toDouble() > 0);
        QVERIFY(!status.raw.contains("private"));

        // Disabled: the server drops its peer, the ping stops.
        QCOMPARE(
            m_http->send("POST", clientPath + QStringLiteral("/disable"), {}, Http::bearer(m_admin))
                .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(!tunnelPing(m_nsClient, QStringLiteral("10.77.0.1")), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_http->get(serverPath + QStringLiteral("/status"), m_admin)
                                      .data()
                                      .value("clients")
                                      .toArray()
                                      .size(),
                                  0, 10000);
        // Enabled again: it comes back.
        QCOMPARE(
            m_http->send("POST", clientPath + QStringLiteral("/enable"), {}, Http::bearer(m_admin))
                .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(m_nsClient, QStringLiteral("10.77.0.1")), 20000);

        // Stopped: the interface is gone.
        const Answer stopped =
            m_http->send("POST", serverPath + QStringLiteral("/stop"), {}, Http::bearer(m_admin));
        QCOMPARE(stopped.status, 200);
        QVERIFY(!tunnelIp({QStringLiteral("-n"), m_nsServer, QStringLiteral("link"),
                           QStringLiteral("show"), m_ifServer}));
        QCOMPARE(m_http->get(serverPath + QStringLiteral("/status"), m_admin)
                     .data()
                     .value("status")
                     .toString(),
                 QStringLiteral("stopped"));
        QVERIFY(clientSide.down(m_ifClient).ok());
    }

    // One client per address family, each from its downloaded config in a
    // namespace of its own.
    void oneClientPerFamily()
    {
        const Answer created = m_http->json("POST", QStringLiteral("/api/v1/wireguard/servers"),
                                            {{"name", "Families"},
                                             {"interface", m_ifFamilies},
                                             {"listen_port", 51821},
                                             {"ipv4_address", "10.78.0.1/24"},
                                             {"ipv6_address", "fd78::1/64"},
                                             {"endpoint_host", "192.0.2.1"},
                                             {"persistent_keepalive", 1}},
                                            m_admin);
        QVERIFY2(created.status == 201, created.raw.constData());
        const QString serverPath = QStringLiteral("/api/v1/wireguard/servers/") +
                                   QString::number(created.data().value("id").toInt());

        const QString families[] = {QStringLiteral("dual"), QStringLiteral("ipv4"),
                                    QStringLiteral("ipv6")};
        for (int i = 0; i < 3; ++i) {
            const QString n = QString::number(i);
            m_familyClients.append({families[i], QStringLiteral("hmwf") + n + m_suffix,
                                    QStringLiteral("hmfs") + n + m_suffix,
                                    QStringLiteral("hmfc") + n + m_suffix,
                                    QStringLiteral("hmfw") + n + m_suffix,
                                    QStringLiteral("198.51.100.%1/30").arg(4 * i + 1),
                                    QStringLiteral("198.51.100.%1/30").arg(4 * i + 2)});
            QVERIFY2(addFamilyClientNamespace(m_familyClients.last()),
                     qPrintable(m_familyClients.last().ns));
        }
        QCOMPARE(m_http->send("POST", serverPath + QStringLiteral("/start"), {},
                              Http::bearer(m_admin))
                     .status,
                 200);

        QStringList clientPaths;
        QStringList publicKeys;
        QList<vpn::LinuxWireGuardBackend *> sides;
        const auto cleanup = qScopeGuard([&] { qDeleteAll(sides); });
        for (const FamilyClient &c : std::as_const(m_familyClients)) {
            // Both subnets routed into the tunnel on every client: what a
            // client cannot reach is refused by the server's peer entry
            // (and the client's own addresses), not by a missing route.
            const Answer client =
                m_http->json("POST", QStringLiteral("/api/v1/wireguard/clients"),
                             {{"server_id", created.data().value("id")},
                              {"name", c.family},
                              {"address_family", c.family},
                              {"allowed_ips", QJsonArray{"10.78.0.0/24", "fd78::/64"}}},
                             m_admin);
            QVERIFY2(client.status == 201, client.raw.constData());
            QCOMPARE(client.data().value("ipv4_address").isNull(), c.family == u"ipv6");
            QCOMPARE(client.data().value("ipv6_address").isNull(), c.family == u"ipv4");
            clientPaths << QStringLiteral("/api/v1/wireguard/clients/") +
                               QString::number(client.data().value("id").toInt());
            publicKeys << client.data().value("public_key").toString();
            const Answer download =
                m_http->get(clientPaths.last() + QStringLiteral("/config"), m_admin);
            QCOMPARE(download.status, 200);
            sides << new vpn::LinuxWireGuardBackend(
                {vpn::LinuxWireGuardBackend::Mode::Userspace, c.ns, 15'000});
            const Status up = wgTunnelBringUp(*sides.last(), c.interfaceName, download.raw);
            QVERIFY2(up.ok(), qPrintable(up.error().message));
        }

        // Each family it has, and not the other.
        const QString dual = m_familyClients[0].ns;
        const QString v4 = m_familyClients[1].ns;
        const QString v6 = m_familyClients[2].ns;
        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(dual, QStringLiteral("10.78.0.1")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(dual, QStringLiteral("fd78::1")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(v4, QStringLiteral("10.78.0.1")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(v6, QStringLiteral("fd78::1")), 20000);
        QVERIFY(!tunnelPing(v4, QStringLiteral("fd78::1")));
        QVERIFY(!tunnelPing(v6, QStringLiteral("10.78.0.1")));
        // Every handshake done, then the IPv4-only client is disabled: the
        // others' sessions stay (same handshake time), their pings go on.
        // Settled first: an initiator that took longer than WireGuard's
        // REKEY_TIMEOUT (5 s, plus up to 1/3 s of jitter) to read the
        // answer sends its initiation again, and the server's handshake time
        // moves once more (a loaded machine did that, 6 s later).
        QHash<QString, QString> before;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                before = handshakesOf(m_http->get(serverPath + QStringLiteral("/status"), m_admin)
                                          .data());
                // (handshake times are whole seconds: a second more)
                const QDateTime settled = QDateTime::currentDateTimeUtc().addMSecs(-7000);
                return before.size() == 3 &&
                       std::all_of(before.cbegin(), before.cend(), [&](const QString &at) {
                           const QDateTime when = QDateTime::fromString(at, Qt::ISODateWithMs);
                           return when.isValid() && when <= settled;
                       });
            }(),
            30000);
        QCOMPARE(m_http->send("POST", clientPaths[1] + QStringLiteral("/disable"), {},
                              Http::bearer(m_admin))
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(!tunnelPing(v4, QStringLiteral("10.78.0.1")), 20000);
        QVERIFY(tunnelPing(dual, QStringLiteral("10.78.0.1")));
        QVERIFY(tunnelPing(dual, QStringLiteral("fd78::1")));
        QVERIFY(tunnelPing(v6, QStringLiteral("fd78::1")));
        const QHash<QString, QString> after =
            handshakesOf(m_http->get(serverPath + QStringLiteral("/status"), m_admin).data());
        QCOMPARE(after.size(), 2);
        QVERIFY(!after.contains(publicKeys[1]));
        QCOMPARE(after.value(publicKeys[0]), before.value(publicKeys[0]));
        QCOMPARE(after.value(publicKeys[2]), before.value(publicKeys[2]));

        for (int i = 0; i < 3; ++i)
            QVERIFY(sides[i]->down(m_familyClients[i].interfaceName).ok());
        QCOMPARE(m_http->send("POST", serverPath + QStringLiteral("/stop"), {},
                              Http::bearer(m_admin))
                     .status,
                 200);
    }

    // A client's change on a running server is applied as a patch of its
    // peer (hivemind_wireguard_applies_total{mode="patch"}), not the whole
    // interface; held against the reference — the same stored state applied
    // whole to a fresh interface (stop, start) — after a script of every
    // kind of change: a client added, an address moved, a client disabled
    // and enabled again, a delegated IPv6 prefix (peer and route) given and
    // released, a client deleted.
    void clientChangesArePatchedAsAWholeApplyWould()
    {
        const Answer created = m_http->json("POST", QStringLiteral("/api/v1/wireguard/servers"),
                                            {{"name", "Patched"},
                                             {"interface", m_ifPatched},
                                             {"listen_port", 51826},
                                             {"ipv4_address", "10.81.0.1/24"},
                                             {"ipv6_address", "fd81::1/64"},
                                             {"endpoint_host", "192.0.2.1"}},
                                            m_admin);
        QVERIFY2(created.status == 201, created.raw.constData());
        const double serverId = created.data().value("id").toDouble();
        const QString serverPath =
            QStringLiteral("/api/v1/wireguard/servers/") + QString::number(qint64(serverId));
        QList<double> clients;
        QStringList keys;
        const auto addClient = [&](const char *name, const char *family) {
            const Answer client = m_http->json(
                "POST", QStringLiteral("/api/v1/wireguard/clients"),
                {{"server_id", serverId}, {"name", name}, {"address_family", family}}, m_admin);
            QVERIFY2(client.status == 201, client.raw.constData());
            clients << client.data().value("id").toDouble();
            keys << client.data().value("public_key").toString();
        };
        addClient("one", "dual");
        addClient("two", "ipv4");
        addClient("three", "ipv6");
        QCOMPARE(
            m_http->send("POST", serverPath + QStringLiteral("/start"), {}, Http::bearer(m_admin))
                .status,
            200);
        const auto cleanup = qScopeGuard([&] {
            (void)m_http->send("POST", serverPath + QStringLiteral("/stop"), {},
                               Http::bearer(m_admin));
        });
        const auto metric = [this](const QByteArray &series) { return metricValue(series); };
        const QByteArray applied = kChangesApplied;
        const QByteArray patches = "hivemind_wireguard_applies_total{mode=\"patch\"}";
        const QByteArray wholes = "hivemind_wireguard_applies_total{mode=\"whole\"}";
        // Each step is one client's change: applied as one patch, nothing
        // applied whole.
        const auto step = [&](const char *what, const std::function<void()> &change) {
            const qint64 applied0 = metric(applied);
            const qint64 patches0 = metric(patches);
            const qint64 wholes0 = metric(wholes);
            change();
            QTRY_COMPARE_WITH_TIMEOUT(metric(applied), applied0 + 1, 15000);
            QVERIFY2(metric(patches) == patches0 + 1, what);
            QVERIFY2(metric(wholes) == wholes0, what);
        };
        const auto clientPath = [&](int i, const QString &tail = {}) {
            return QStringLiteral("/api/v1/wireguard/clients/") +
                   QString::number(qint64(clients[i])) + tail;
        };
        const auto post = [&](const QString &path) {
            QCOMPARE(m_http->send("POST", path, {}, Http::bearer(m_admin)).status, 200);
        };
        step("a client added", [&] { addClient("four", "dual"); });
        step("an address moved", [&] {
            const Answer moved =
                m_http->json("PUT", clientPath(1), {{"ipv4_address", "10.81.0.77"}}, m_admin);
            QVERIFY2(moved.status == 200, moved.raw.constData());
        });
        // A client that goes has its peer cut off at once (no allowed IPs,
        // a preshared key nobody has) and taken off by the next periodic
        // sample; enabled again before that, it is set back as it was.
        const auto peerOf = [&](int i) { return configuredPeer(m_nsServer, m_ifPatched, keys[i]); };
        const QString enabledPeer = peerOf(2);
        QVERIFY2(enabledPeer.contains(u'/'), qPrintable(enabledPeer));
        step("a client disabled", [&] { post(clientPath(2, QStringLiteral("/disable"))); });
        const QString disabledPeer = peerOf(2);
        QVERIFY2(disabledPeer.isEmpty() || disabledPeer == keys[2] + QStringLiteral(" psk "),
                 qPrintable(disabledPeer));
        step("a client enabled", [&] { post(clientPath(2, QStringLiteral("/enable"))); });
        QCOMPARE(peerOf(2), enabledPeer);
        const Answer pool = m_http->json(
            "POST", QStringLiteral("/api/v1/ipv6/pools"),
            {{"name", "patched"}, {"prefix", "2001:db8:81::/48"}, {"prefix_length", 64}}, m_admin);
        QVERIFY2(pool.status == 201, pool.raw.constData());
        QString allocationPath;
        step("a prefix delegated", [&] {
            const Answer given = m_http->json(
                "POST", QStringLiteral("/api/v1/ipv6/allocations"),
                {{"pool_id", pool.data().value("id")}, {"client_id", clients[0]}}, m_admin);
            QVERIFY2(given.status == 201, given.raw.constData());
            allocationPath = QStringLiteral("/api/v1/ipv6/allocations/") +
                             QString::number(given.data().value("id").toInt());
        });
        const auto routedPrefix = [&] {
            return addedRoutes(m_nsServer, m_ifPatched).join(u' ').contains(u"2001:db8:81:");
        };
        QVERIFY(routedPrefix());
        step("the prefix released", [&] {
            QCOMPARE(m_http->send("DELETE", allocationPath, {}, Http::bearer(m_admin)).status, 200);
        });
        QVERIFY(!routedPrefix());
        step("a client deleted", [&] {
            QCOMPARE(m_http->send("DELETE", clientPath(1), {}, Http::bearer(m_admin)).status, 200);
        });
        const QString deletedPeer = peerOf(1);
        QVERIFY2(deletedPeer.isEmpty() || deletedPeer == keys[1] + QStringLiteral(" psk "),
                 qPrintable(deletedPeer));
        QTRY_VERIFY_WITH_TIMEOUT(peerOf(1).isEmpty(), 15000); // the next sample took it off
        step("a prefix delegated again", [&] {
            const Answer given = m_http->json(
                "POST", QStringLiteral("/api/v1/ipv6/allocations"),
                {{"pool_id", pool.data().value("id")}, {"client_id", clients[3]}}, m_admin);
            QVERIFY2(given.status == 201, given.raw.constData());
        });
        const QStringList patched = configuredPeers(m_nsServer, m_ifPatched);
        const QStringList patchedRoutes = addedRoutes(m_nsServer, m_ifPatched);
        QCOMPARE(patched.size(), 3);
        QCOMPARE(patchedRoutes.size(), 1);
        QVERIFY(routedPrefix());

        // The reference: the stored state applied whole to a new interface.
        post(serverPath + QStringLiteral("/stop"));
        post(serverPath + QStringLiteral("/start"));
        QCOMPARE(configuredPeers(m_nsServer, m_ifPatched), patched);
        QCOMPARE(addedRoutes(m_nsServer, m_ifPatched), patchedRoutes);
    }

    void trafficStaysExactThroughResets()
    {
        vpn::LinuxWireGuardBackend clientSide(
            {vpn::LinuxWireGuardBackend::Mode::Userspace, m_nsClient, 15'000});
        const WgTunnel tunnel = openWgTunnel(*m_http, m_admin,
                                             {{"name", "Traffic"},
                                              {"interface", m_ifTraffic},
                                              {"listen_port", 51822},
                                              {"ipv4_address", "10.79.0.1/24"},
                                              {"endpoint_host", "192.0.2.1"},
                                              {"persistent_keepalive", 0}},
                                             {{"name", "counted"},
                                              {"address_family", "ipv4"},
                                              {"allowed_ips", QJsonArray{"10.79.0.0/24"}}},
                                             clientSide, m_ifTrafficClient);
        QVERIFY2(tunnel.error.isEmpty(), qPrintable(tunnel.error));
        const QString &serverPath = tunnel.serverPath;
        const QString &clientPath = tunnel.clientPath;
        const QString &publicKey = tunnel.clientPublicKey;
        const auto cleanup = qScopeGuard([&] {
            blockClient(false);
            (void)clientSide.down(m_ifTrafficClient);
        });

        qint64 countedRx = 0;
        qint64 countedTx = 0;
        // The tunnel answers (or what both ends see is shown).
        const auto reachable = [&] {
            if (QTest::qWaitFor([&] { return tunnelPing(m_nsClient, QStringLiteral("10.79.0.1")); },
                                40000))
                return true;
            for (const auto &[ns, ifn] : {std::pair{m_nsServer, m_ifTraffic},
                                          std::pair{m_nsClient, m_ifTrafficClient}})
                qWarning("%s: %s", qPrintable(ns),
                         vpn::runCommand(QStringLiteral("ip"),
                                         {QStringLiteral("netns"), QStringLiteral("exec"), ns,
                                          QStringLiteral("wg"), QStringLiteral("show"), ifn},
                                         {}, 5000)
                             .out.constData());
            return false;
        };
        // After the server lost the session (a reset), the client starts a
        // new one at once instead of after WireGuard's rekey timeouts (which
        // a loaded machine stretches): its tunnel made again from the same
        // config. Only the server's counters are counted.
        const auto reconnect = [&] {
            QVERIFY(clientSide.down(m_ifTrafficClient).ok());
            const Status again = wgTunnelBringUp(clientSide, m_ifTrafficClient, tunnel.config);
            QVERIFY2(again.ok(), qPrintable(again.error().message));
            QVERIFY(blockClient(false));
        };
        // Traffic through the tunnel, then the stretch closed: the client
        // blocked, the server's counters for it read and added up.
        const auto stretch = [&](int pings) {
            QVERIFY(reachable());
            for (int i = 0; i < pings; ++i)
                QVERIFY(tunnelPing(m_nsClient, QStringLiteral("10.79.0.1")));
            QVERIFY(blockClient(true));
            const auto counters = peerCounters(m_nsServer, m_ifTraffic, publicKey);
            QVERIFY(counters);
            QVERIFY(counters->first > 0);
            countedRx += counters->first;
            countedTx += counters->second;
        };

        // 1. The interface restarted.
        stretch(3);
        if (QTest::currentTestFailed())
            return;
        for (const char *action : {"/stop", "/start"})
            QCOMPARE(m_http->send("POST", serverPath + QLatin1String(action), {},
                                  Http::bearer(m_admin))
                         .status,
                     200);
        reconnect();
        // 2. The client disabled and enabled.
        stretch(4);
        if (QTest::currentTestFailed())
            return;
        // Each change is applied from the state stored when the worker
        // comes to it, so an enable right behind the disable could find the
        // peer never removed: the peer leaves the interface first here.
        QCOMPARE(
            m_http->send("POST", clientPath + QLatin1String("/disable"), {}, Http::bearer(m_admin))
                .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(!hasPeer(m_nsServer, m_ifTraffic, publicKey), 15000);
        QCOMPARE(
            m_http->send("POST", clientPath + QLatin1String("/enable"), {}, Http::bearer(m_admin))
                .status,
            200);
        reconnect();
        // 2b. Disabled and enabled again at once: the peer, parked (cut
        // off, still on the interface), is set back with its counters going
        // on, unless a periodic sample took it off in between (then they
        // start again). Either way nothing is lost or counted twice.
        QVERIFY(reachable());
        for (int i = 0; i < 3; ++i)
            QVERIFY(tunnelPing(m_nsClient, QStringLiteral("10.79.0.1")));
        // A sample (the status answer's) has booked some of those bytes.
        QCOMPARE(m_http->get(serverPath + QStringLiteral("/status"), m_admin).status, 200);
        QVERIFY(tunnelPing(m_nsClient, QStringLiteral("10.79.0.1")));
        QVERIFY(blockClient(true));
        const auto parkedAt = peerCounters(m_nsServer, m_ifTraffic, publicKey);
        QVERIFY(parkedAt && parkedAt->first > 0);
        for (const char *action : {"/disable", "/enable"})
            QCOMPARE(
                m_http->send("POST", clientPath + QLatin1String(action), {}, Http::bearer(m_admin))
                    .status,
                200);
        const auto routed = [&] {
            return configuredPeer(m_nsServer, m_ifTraffic, publicKey).contains(u'/');
        };
        // Generous: this step is about the bytes, not how fast (a clean-
        // clone run once saw 15 s pass here; cleanup() prints the server's
        // log if it happens again).
        if (!QTest::qWaitFor(routed, 60000)) {
            qWarning(
                "peers: %s",
                qPrintable(configuredPeers(m_nsServer, m_ifTraffic).join(QStringLiteral("; "))));
            QFAIL("the client enabled again has no allowed IPs on the interface");
        }
        const auto setBack = peerCounters(m_nsServer, m_ifTraffic, publicKey);
        QVERIFY(setBack);
        const bool tookOff = setBack->first < parkedAt->first;
        qInfo("parked peer %s", tookOff ? "taken off and added again" : "set back as it was");
        if (tookOff) {
            countedRx += parkedAt->first;
            countedTx += parkedAt->second;
        }
        reconnect();
        // 3. hivemind-server killed between two of its samples; the
        // interface runs on and carries more before the server is back. Not
        // a reset: the counters go on, so the last reading covers it all.
        QVERIFY(reachable());
        QVERIFY(tunnelPing(m_nsClient, QStringLiteral("10.79.0.1")));
        // The handshake the server saw, as GET answers it (a status read
        // samples it now rather than at the next 5-s tick).
        QCOMPARE(m_http->get(serverPath + QStringLiteral("/status"), m_admin).status, 200);
        const auto answeredHandshake = [&](const QString &path) {
            return QDateTime::fromString(
                m_http->get(path, m_admin).data().value("last_handshake").toString(), Qt::ISODate);
        };
        const QDateTime handshakeBefore = answeredHandshake(clientPath);
        QVERIFY(handshakeBefore.isValid());
        m_server->process().kill();
        QVERIFY(m_server->process().waitForFinished(30000));
        const QByteArray killedLog = m_server->standardError();
        for (int i = 0; i < 3; ++i)
            QVERIFY(tunnelPing(m_nsClient, QStringLiteral("10.79.0.1")));
        QVERIFY2(restartServer(m_serverOptions).isEmpty(), "server did not restart");
        // The restarted server answers the handshake it had (the interface
        // outlived it and is read as the server is brought up again), not
        // null: the client's and the server's, with no status read.
        QTRY_VERIFY_WITH_TIMEOUT(answeredHandshake(clientPath) >= handshakeBefore, 20000);
        QVERIFY(answeredHandshake(serverPath) >= handshakeBefore);
        // 4. More after the restart; the last reading.
        stretch(2);
        if (QTest::currentTestFailed())
            return;

        // The status answer samples the counters; then the totals and the
        // history's sums equal what the test counted.
        const Answer status = m_http->get(serverPath + QStringLiteral("/status"), m_admin);
        QCOMPARE(status.status, 200);
        const QJsonArray peers = status.data().value("clients").toArray();
        QCOMPARE(peers.size(), 1);
        if (qint64(peers[0][QStringLiteral("total_rx_bytes")].toDouble()) != countedRx)
            for (const QByteArray &log : {killedLog, m_server->standardError()})
                for (const QByteArray &line : log.split('\n'))
                    if (line.contains("WireGuard") || line.contains("wireguard"))
                        qWarning("server: %s", line.constData());
        QCOMPARE(qint64(peers[0][QStringLiteral("total_rx_bytes")].toDouble()), countedRx);
        QCOMPARE(qint64(peers[0][QStringLiteral("total_tx_bytes")].toDouble()), countedTx);
        const Answer traffic = m_http->get(clientPath + QStringLiteral("/traffic"), m_admin);
        QCOMPARE(traffic.status, 200);
        QCOMPARE(qint64(traffic.data().value("total_rx_bytes").toDouble()), countedRx);
        QCOMPARE(qint64(traffic.data().value("total_tx_bytes").toDouble()), countedTx);
        qint64 itemsRx = 0;
        qint64 itemsTx = 0;
        for (const QJsonValue &item : traffic.data().value("items").toArray()) {
            itemsRx += qint64(item[QStringLiteral("rx_bytes")].toDouble());
            itemsTx += qint64(item[QStringLiteral("tx_bytes")].toDouble());
        }
        QCOMPARE(itemsRx, countedRx);
        QCOMPARE(itemsTx, countedTx);
        const Answer serverTraffic = m_http->get(serverPath + QStringLiteral("/traffic"), m_admin);
        QCOMPARE(qint64(serverTraffic.data().value("total_rx_bytes").toDouble()), countedRx);
        // Where it connected from: the client's side of the veth, one port
        // per tunnel the client made; the newest is the one status shows.
        const Answer endpoints = m_http->get(clientPath + QStringLiteral("/endpoints"), m_admin);
        QCOMPARE(endpoints.status, 200);
        const QJsonArray seen = endpoints.data().value("items").toArray();
        QCOMPARE(seen.size(), 4); // the first tunnel and the three made again
        for (const QJsonValue &e : seen)
            QVERIFY(e[QStringLiteral("endpoint")].toString().startsWith(QStringLiteral("192.0.2.2:")));
        QCOMPARE(seen[0][QStringLiteral("endpoint")].toString(),
                 peers[0][QStringLiteral("endpoint")].toString());

        QCOMPARE(m_http->send("POST", serverPath + QStringLiteral("/stop"), {},
                              Http::bearer(m_admin))
                     .status,
                 200);
    }

    // Commit-confirm (issue 36: "an unconfirmed risky change is rolled back
    // by itself and the tunnel works again"): the listen port moved with a
    // 10-second deadline cuts the client off; nobody confirms; the old port
    // comes back by itself and the client's pings go again. Then the same
    // change confirmed by the client's handshake on the new port stays.
    void anUnconfirmedChangeRollsBackByItself()
    {
        vpn::LinuxWireGuardBackend clientSide(
            {vpn::LinuxWireGuardBackend::Mode::Userspace, m_nsClient, 15'000});
        const WgTunnel tunnel = openWgTunnel(*m_http, m_admin,
                                             {{"name", "Confirm"},
                                              {"interface", m_ifConfirm},
                                              {"listen_port", 51824},
                                              {"ipv4_address", "10.80.0.1/24"},
                                              {"endpoint_host", "192.0.2.1"}},
                                             {{"name", "remote"},
                                              {"address_family", "ipv4"},
                                              {"allowed_ips", QJsonArray{"10.80.0.0/24"}}},
                                             clientSide, m_ifConfirmClient);
        QVERIFY2(tunnel.error.isEmpty(), qPrintable(tunnel.error));
        const QString &serverPath = tunnel.serverPath;
        const qint64 clientId = tunnel.clientId;
        const auto cleanup = qScopeGuard([&] { (void)clientSide.down(m_ifConfirmClient); });
        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(m_nsClient, QStringLiteral("10.80.0.1")), 40000);

        // The risky change, unconfirmed: the client is cut off ...
        const Answer moved = m_http->json(
            "PUT", serverPath, {{"listen_port", 51825}, {"confirm_within_seconds", 10}}, m_admin);
        QVERIFY2(moved.status == 200, moved.raw.constData());
        QCOMPARE(moved.data().value("listen_port").toInt(), 51825);
        QVERIFY(!moved.data().value("pending_confirmation").toObject().value("deadline").isNull());
        // (another change waits for this one)
        QCOMPARE(m_http->json("PUT", serverPath, {{"mtu", 1400}}, m_admin).status, 409);
        QTRY_VERIFY_WITH_TIMEOUT(!tunnelPing(m_nsClient, QStringLiteral("10.80.0.1")), 20000);
        // ... until the deadline puts the old port back by itself.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_http->get(serverPath, m_admin).data().value("listen_port").toInt(), 51824, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(m_nsClient, QStringLiteral("10.80.0.1")), 40000);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/wireguard/pending-changes"), m_admin)
                     .data()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        QVERIFY(m_http->get(QStringLiteral("/api/v1/audit?size=100&category=vpn"), m_admin)
                    .raw.contains("WIREGUARD_CHANGE_ROLLED_BACK"));

        // The same change, to be confirmed by the client's handshake: the
        // client follows to the new port (a new tunnel from its config with
        // the new endpoint), its handshake confirms, the change stays.
        const Answer again = m_http->json("PUT", serverPath,
                                          {{"listen_port", 51825},
                                           {"confirm_within_seconds", 60},
                                           {"confirm_by_handshake_of", double(clientId)}},
                                          m_admin);
        QVERIFY2(again.status == 200, again.raw.constData());
        QVERIFY(clientSide.down(m_ifConfirmClient).ok());
        QByteArray followed = tunnel.config;
        followed.replace("192.0.2.1:51824", "192.0.2.1:51825");
        QVERIFY(followed != tunnel.config);
        QVERIFY(wgTunnelBringUp(clientSide, m_ifConfirmClient, followed).ok());
        QTRY_VERIFY_WITH_TIMEOUT(tunnelPing(m_nsClient, QStringLiteral("10.80.0.1")), 40000);
        QTRY_COMPARE_WITH_TIMEOUT(m_http->get(QStringLiteral("/api/v1/wireguard/pending-changes"),
                                              m_admin)
                                      .data()
                                      .value("items")
                                      .toArray()
                                      .size(),
                                  0, 20000);
        QCOMPARE(m_http->get(serverPath, m_admin).data().value("listen_port").toInt(), 51825);

        // A change waiting for the client's handshake is not confirmed by a
        // sample that did not read that client: another client's peer
        // removed (its counters alone read out of the dump) leaves it
        // pending, and the next whole sample (…/status) finds the client's
        // handshake older than the change.
        const auto pendingCount = [this] {
            return m_http->get(QStringLiteral("/api/v1/wireguard/pending-changes"), m_admin)
                .data()
                .value("items")
                .toArray()
                .size();
        };
        // Read before the change: the worker may apply it before the
        // answer's reader gets to /metrics (a loaded machine did).
        qint64 applied = metricValue(kChangesApplied);
        const Answer waits = m_http->json("PUT", tunnel.clientPath,
                                          {{"description", "waits for its handshake"},
                                           {"confirm_within_seconds", 120},
                                           {"confirm_by_handshake_of", double(clientId)}},
                                          m_admin);
        QVERIFY2(waits.status == 200, waits.raw.constData());
        QTRY_VERIFY_WITH_TIMEOUT(metricValue(kChangesApplied) > applied, 15000);
        applied = metricValue(kChangesApplied);
        const Answer passing = m_http->json("POST", QStringLiteral("/api/v1/wireguard/clients"),
                                            {{"server_id", tunnel.server.value("id")},
                                             {"name", "passing"},
                                             {"address_family", "ipv4"}},
                                            m_admin);
        QVERIFY2(passing.status == 201, passing.raw.constData());
        QTRY_VERIFY_WITH_TIMEOUT(metricValue(kChangesApplied) > applied, 15000);
        applied = metricValue(kChangesApplied);
        QCOMPARE(m_http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/wireguard/clients/") +
                                QString::number(passing.data().value("id").toInt()),
                            {}, Http::bearer(m_admin))
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(metricValue(kChangesApplied) > applied, 15000);
        QCOMPARE(m_http->get(serverPath + QStringLiteral("/status"), m_admin).status, 200);
        QCOMPARE(pendingCount(), 1);
        QCOMPARE(m_http
                     ->send("POST", tunnel.clientPath + QStringLiteral("/confirm"), {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        QCOMPARE(pendingCount(), 0);
        QCOMPARE(m_http->send("POST", serverPath + QStringLiteral("/stop"), {},
                              Http::bearer(m_admin))
                     .status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestWireGuardTunnel)
#include "TestWireGuardTunnel.moc"
