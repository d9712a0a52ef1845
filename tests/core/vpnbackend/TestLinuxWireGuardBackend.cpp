// The Linux WireGuard backend against real tools: two network namespaces
// joined by a veth pair, a wireguard-go interface in each brought up by
// LinuxWireGuardBackend, pings over IPv4 and IPv6 through the tunnel; a
// sync that adds a peer, an address and a route keeps the live peer's
// session (its handshake time does not change); a config wg refuses is
// reported without the key and the running one keeps working; a failed up
// leaves nothing behind; down removes the interface. Also the config-only
// backend's file and the command runner's bounds.

#include "vpn/WgQuickText.h"
#include "vpn/backend/ConfigOnlyBackend.h"
#include "vpn/backend/LinuxWireGuardBackend.h"
#include "vpn/backend/WgPeerDelta.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <unistd.h>

using namespace hm;
using namespace hm::vpn;

namespace {

QByteArray runTool(const QString &program, const QStringList &arguments,
                   const QByteArray &input = {}, int *exitCode = nullptr)
{
    const CommandResult r = runCommand(program, arguments, input, 15'000);
    if (exitCode)
        *exitCode = r.succeeded() ? 0 : (r.exitCode == 0 ? -1 : r.exitCode);
    return r.out;
}

struct KeyPair
{
    QByteArray privateKey;
    QByteArray publicKey;
};

KeyPair wgKeyPair()
{
    KeyPair pair;
    pair.privateKey = runTool(QStringLiteral("wg"), {QStringLiteral("genkey")}).trimmed();
    pair.publicKey =
        runTool(QStringLiteral("wg"), {QStringLiteral("pubkey")}, pair.privateKey + '\n').trimmed();
    return pair;
}

// The latest-handshake column of `peer` in a `wg show dump` (-1: no such peer).
qint64 handshakeOf(const QByteArray &dump, const QByteArray &peer)
{
    const QList<QByteArray> lines = dump.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines[i].split('\t');
        if (fields.size() >= 8 && fields[0] == peer)
            return fields[4].toLongLong();
    }
    return -1;
}

} // namespace

class TestLinuxWireGuardBackend : public QObject
{
    Q_OBJECT

private:
    const QString m_suffix = QString::number(QCoreApplication::applicationPid() % 100000);
    const QString m_nsA = QStringLiteral("hmwgbA") + m_suffix;
    const QString m_nsB = QStringLiteral("hmwgbB") + m_suffix;
    // Interface names are global for wireguard-go (its control socket lives
    // in /var/run/wireguard): unique per run, at most 15 characters.
    const QString m_ifA = QStringLiteral("hmwa") + m_suffix;
    const QString m_ifB = QStringLiteral("hmwb") + m_suffix;
    bool m_namespaces = false;
    KeyPair m_a, m_b;
    const QString m_ifInc = QStringLiteral("hmwi") + m_suffix;
    const QString m_ifRef = QStringLiteral("hmwr") + m_suffix;

    // The peers of `wg show NAME dump` without what traffic changes
    // (endpoint, handshake, transfer), sorted: what a config decides.
    QStringList configuredPeers(const QString &name)
    {
        const QByteArray dump =
            runTool(QStringLiteral("ip"),
                    {QStringLiteral("netns"), QStringLiteral("exec"), m_nsA, QStringLiteral("wg"),
                     QStringLiteral("show"), name, QStringLiteral("dump")});
        QStringList peers;
        const QList<QByteArray> lines = dump.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines[i].split('\t');
            if (f.size() >= 8) {
                QList<QByteArray> allowed = f[3].split(',');
                std::sort(allowed.begin(), allowed.end());
                peers << QString::fromLatin1(f[0] + ' ' + f[1] + ' ' + allowed.join(',') + ' ' +
                                             f[7]);
            }
        }
        peers.sort();
        return peers;
    }

    bool ip(const QStringList &arguments)
    {
        int code = 0;
        runTool(QStringLiteral("ip"), arguments, {}, &code);
        return code == 0;
    }
    bool ping(const QString &ns, const QString &address)
    {
        int code = 0;
        runTool(QStringLiteral("ip"),
                {QStringLiteral("netns"), QStringLiteral("exec"), ns, QStringLiteral("ping"),
                 QStringLiteral("-c1"), QStringLiteral("-W1"), address},
                {}, &code);
        return code == 0;
    }
    QByteArray setconfA(const QList<QByteArray> &extraPeers = {}) const
    {
        QByteArray text = "[Interface]\nPrivateKey = " + m_a.privateKey +
                          "\nListenPort = 51820\n\n[Peer]\nPublicKey = " + m_b.publicKey +
                          "\nAllowedIPs = 10.99.0.2/32, fd10:99::2/128\n";
        for (const QByteArray &peer : extraPeers)
            text += "\n[Peer]\nPublicKey = " + peer + "\nAllowedIPs = 10.99.0.3/32\n";
        return text;
    }
    InterfaceSpec specA() const
    {
        InterfaceSpec spec;
        spec.name = m_ifA;
        spec.setconf = setconfA();
        spec.addresses = {QStringLiteral("10.99.0.1/24"), QStringLiteral("fd10:99::1/64")};
        spec.mtu = 1420;
        return spec;
    }
    static LinuxWireGuardBackend::Options in(const QString &ns)
    {
        return {LinuxWireGuardBackend::Mode::Userspace, ns, 15'000};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("wireguard-go")).isEmpty(),
                 "wireguard-go not found (Debian's wireguard-go; installer/packages.txt)");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("wg")).isEmpty(),
                 "wg not found (Debian's wireguard-tools)");
        if (!ip({QStringLiteral("netns"), QStringLiteral("add"), m_nsA})) {
            if (qEnvironmentVariableIsSet("ALLOW_SKIP"))
                QSKIP("network namespaces are not allowed here (root and CAP_SYS_ADMIN needed)");
            QFAIL("could not create a network namespace (root and CAP_SYS_ADMIN needed)");
        }
        m_namespaces = true;
        QVERIFY(ip({QStringLiteral("netns"), QStringLiteral("add"), m_nsB}));
        const QString vethA = QStringLiteral("hmva") + m_suffix;
        const QString vethB = QStringLiteral("hmvb") + m_suffix;
        QVERIFY(ip({QStringLiteral("link"), QStringLiteral("add"), vethA, QStringLiteral("netns"),
                    m_nsA, QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
                    QStringLiteral("name"), vethB, QStringLiteral("netns"), m_nsB}));
        for (const auto &[ns, dev, address] :
             {std::tuple{m_nsA, vethA, QStringLiteral("192.0.2.1/24")},
              std::tuple{m_nsB, vethB, QStringLiteral("192.0.2.2/24")}}) {
            QVERIFY(ip({QStringLiteral("-n"), ns, QStringLiteral("address"), QStringLiteral("add"),
                        address, QStringLiteral("dev"), dev}));
            QVERIFY(ip({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"),
                        dev, QStringLiteral("up")}));
            QVERIFY(ip({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"),
                        QStringLiteral("lo"), QStringLiteral("up")}));
        }
        m_a = wgKeyPair();
        m_b = wgKeyPair();
        QCOMPARE(m_a.publicKey.size(), 44);
        QCOMPARE(m_b.publicKey.size(), 44);
    }
    void cleanupTestCase()
    {
        if (!m_namespaces)
            return;
        // wireguard-go exits when its interface goes, but its open device
        // keeps a deleted namespace (and itself) alive: the interfaces go
        // first.
        for (const auto &[ns, dev] : {std::pair{m_nsA, m_ifA}, std::pair{m_nsB, m_ifB},
                                      std::pair{m_nsA, QStringLiteral("hmwf") + m_suffix},
                                      std::pair{m_nsA, m_ifInc}, std::pair{m_nsA, m_ifRef}})
            ip({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("del"), dev});
        ip({QStringLiteral("netns"), QStringLiteral("del"), m_nsA});
        ip({QStringLiteral("netns"), QStringLiteral("del"), m_nsB});
    }

    void upBringsATunnelForBothFamilies()
    {
        LinuxWireGuardBackend a(in(m_nsA));
        LinuxWireGuardBackend b(in(m_nsB));
        QCOMPARE(a.name(), QStringLiteral("linux-wireguard-go"));
        QVERIFY(a.applies());

        const Status upA = a.up(specA());
        QVERIFY2(upA.ok(), qPrintable(upA.error().message));
        InterfaceSpec specB;
        specB.name = m_ifB;
        specB.setconf = "[Interface]\nPrivateKey = " + m_b.privateKey +
                        "\n\n[Peer]\nPublicKey = " + m_a.publicKey +
                        "\nEndpoint = 192.0.2.1:51820\nAllowedIPs = 10.99.0.0/24, fd10:99::/64\n"
                        "PersistentKeepalive = 1\n";
        specB.addresses = {QStringLiteral("10.99.0.2/24"), QStringLiteral("fd10:99::2/64")};
        const Status upB = b.up(specB);
        QVERIFY2(upB.ok(), qPrintable(upB.error().message));

        QTRY_VERIFY_WITH_TIMEOUT(ping(m_nsB, QStringLiteral("10.99.0.1")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(ping(m_nsB, QStringLiteral("fd10:99::1")), 15000);

        const auto state = a.linkState(m_ifA);
        QVERIFY(state.ok());
        QVERIFY(state->exists);
        QVERIFY(state->up);
        QVERIFY(state->ifindex > 0);
        QVERIFY(state->rxBytes > 0);
        QVERIFY(state->rxPackets > 0);

        const auto dump = a.dump(m_ifA);
        QVERIFY(dump.ok());
        QVERIFY(handshakeOf(*dump, m_b.publicKey) > 0);

        // Up twice is a conflict, and the running interface is untouched.
        const Status again = a.up(specA());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QVERIFY(ping(m_nsB, QStringLiteral("10.99.0.1")));
    }

    void syncKeepsTheLivePeersSession()
    {
        LinuxWireGuardBackend a(in(m_nsA));
        const auto before = a.dump(m_ifA);
        QVERIFY(before.ok());
        const qint64 handshake = handshakeOf(*before, m_b.publicKey);
        QVERIFY(handshake > 0);

        const KeyPair c = wgKeyPair();
        InterfaceSpec spec = specA();
        spec.setconf = setconfA({c.publicKey});
        spec.addresses << QStringLiteral("10.98.0.1/24");
        spec.routes << QStringLiteral("10.97.0.0/24") << QStringLiteral("fd10:97::/64");
        const Status synced = a.sync(spec);
        QVERIFY2(synced.ok(), qPrintable(synced.error().message));

        const auto after = a.dump(m_ifA);
        QVERIFY(after.ok());
        QVERIFY(handshakeOf(*after, c.publicKey) == 0);
        QCOMPARE(handshakeOf(*after, m_b.publicKey), handshake);
        QVERIFY(ping(m_nsB, QStringLiteral("10.99.0.1")));
        const QByteArray addresses =
            runTool(QStringLiteral("ip"), {QStringLiteral("-n"), m_nsA, QStringLiteral("address"),
                                           QStringLiteral("show"), QStringLiteral("dev"), m_ifA});
        QVERIFY2(addresses.contains("10.98.0.1/24"), addresses.constData());
        const QByteArray routes4 =
            runTool(QStringLiteral("ip"), {QStringLiteral("-n"), m_nsA, QStringLiteral("route"),
                                           QStringLiteral("show"), QStringLiteral("dev"), m_ifA});
        QVERIFY2(routes4.contains("10.97.0.0/24"), routes4.constData());
        const QByteArray routes6 =
            runTool(QStringLiteral("ip"),
                    {QStringLiteral("-n"), m_nsA, QStringLiteral("-6"), QStringLiteral("route"),
                     QStringLiteral("show"), QStringLiteral("dev"), m_ifA});
        QVERIFY2(routes6.contains("fd10:97::/64"), routes6.constData());

        // And back: the extra peer, address and routes go; the session stays.
        const Status back = a.sync(specA());
        QVERIFY2(back.ok(), qPrintable(back.error().message));
        const auto restored = a.dump(m_ifA);
        QVERIFY(restored.ok());
        QCOMPARE(handshakeOf(*restored, c.publicKey), -1);
        QCOMPARE(handshakeOf(*restored, m_b.publicKey), handshake);
        QVERIFY(
            !runTool(QStringLiteral("ip"), {QStringLiteral("-n"), m_nsA, QStringLiteral("address"),
                                            QStringLiteral("show"), QStringLiteral("dev"), m_ifA})
                 .contains("10.98.0.1"));
        QVERIFY(
            !runTool(QStringLiteral("ip"), {QStringLiteral("-n"), m_nsA, QStringLiteral("route"),
                                            QStringLiteral("show"), QStringLiteral("dev"), m_ifA})
                 .contains("10.97.0.0"));
        QVERIFY(ping(m_nsB, QStringLiteral("fd10:99::1")));
    }

    void aRefusedConfigSaysWhyWithoutTheKey()
    {
        LinuxWireGuardBackend a(in(m_nsA));
        InterfaceSpec spec = specA();
        // A private key wg cannot read (43 characters), then a peer key
        // that is no key at all.
        spec.setconf = "[Interface]\nPrivateKey = " + m_a.privateKey.left(43) +
                       "\n\n[Peer]\nPublicKey = not-a-key\n";
        const Status refused = a.sync(spec);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(m_ifA), qPrintable(refused.error().message));
        // wg quotes the key it could not read; the error must not.
        QVERIFY2(!refused.error().message.contains(QString::fromLatin1(m_a.privateKey.left(12))),
                 qPrintable(refused.error().message));
        // The running config is still the previous one.
        QVERIFY(ping(m_nsB, QStringLiteral("10.99.0.1")));

        // sync of an interface that is not running.
        InterfaceSpec absent = specA();
        absent.name = QStringLiteral("hmwx") + m_suffix;
        const Status notRunning = a.sync(absent);
        QVERIFY(!notRunning.ok());
        QCOMPARE(notRunning.error().code, ErrorCode::ResourceNotFound);
    }

    void aFailedUpLeavesNothingBehind()
    {
        LinuxWireGuardBackend a(in(m_nsA));
        InterfaceSpec spec = specA();
        spec.name = QStringLiteral("hmwf") + m_suffix;
        spec.setconf = "[Interface]\nPrivateKey = " + wgKeyPair().privateKey + "\n";
        spec.addresses = {QStringLiteral("10.96.0.1/24"), QStringLiteral("not-an-address/99")};
        const Status failed = a.up(spec);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().message.contains(QLatin1String("not-an-address/99")),
                 qPrintable(failed.error().message));
        const auto state = a.linkState(spec.name);
        QVERIFY(state.ok());
        QVERIFY(!state->exists);
    }

    void downRemovesTheInterface()
    {
        LinuxWireGuardBackend a(in(m_nsA));
        QVERIFY(a.down(m_ifA).ok());
        const auto state = a.linkState(m_ifA);
        QVERIFY(state.ok());
        QVERIFY(!state->exists);
        QVERIFY(!ping(m_nsB, QStringLiteral("10.99.0.1")));
        QVERIFY(a.down(m_ifA).ok());
        const auto dump = a.dump(m_ifA);
        QVERIFY(!dump.ok());
        QCOMPARE(dump.error().code, ErrorCode::ResourceNotFound);
    }

    // A re-sync of the same interface that changes a few peers sets just
    // those (`wg set`); held against the reference — the same config given
    // whole to `wg setconf` on a second interface — after every step of a
    // script: allowed IPs changed, a peer removed, one added with a
    // preshared key, a key changed, keepalive on, a key removed.
    void peersChangedOneByOneMatchAWholeSetconf()
    {
        LinuxWireGuardBackend incremental({LinuxWireGuardBackend::Mode::Userspace, m_nsA, 15'000});
        LinuxWireGuardBackend reference({LinuxWireGuardBackend::Mode::Userspace, m_nsA, 15'000});
        struct ScriptPeer
        {
            QByteArray key;
            QByteArray psk;
            QByteArray allowed;
            int keepalive = 0;
        };
        QList<ScriptPeer> peers;
        for (int i = 0; i < 5; ++i)
            peers.append({wgKeyPair().publicKey,
                          i % 2
                              ? runTool(QStringLiteral("wg"), {QStringLiteral("genpsk")}).trimmed()
                              : QByteArray(),
                          "10.77.0." + QByteArray::number(i + 2) + "/32", 0});
        const auto specOf = [&](const QString &name, int port) {
            QByteArray text = "[Interface]\nPrivateKey = " + m_a.privateKey +
                              "\nListenPort = " + QByteArray::number(port) + "\n";
            for (const ScriptPeer &p : peers) {
                text += "\n[Peer]\nPublicKey = " + p.key + "\n";
                if (!p.psk.isEmpty())
                    text += "PresharedKey = " + p.psk + "\n";
                text += "AllowedIPs = " + p.allowed + "\n";
                if (p.keepalive > 0)
                    text += "PersistentKeepalive = " + QByteArray::number(p.keepalive) + "\n";
            }
            InterfaceSpec spec;
            spec.name = name;
            spec.setconf = text;
            spec.addresses = {QStringLiteral("10.77.0.1/24")};
            return spec;
        };
        const auto bothMatch = [&](const char *step) {
            const Status synced = incremental.sync(specOf(m_ifInc, 51870));
            QVERIFY2(synced.ok(), step);
            (void)reference.down(m_ifRef);
            QVERIFY2(reference.up(specOf(m_ifRef, 51871)).ok(), step);
            const QStringList got = configuredPeers(m_ifInc);
            QCOMPARE(got.size(), peers.size());
            QCOMPARE(got, configuredPeers(m_ifRef));
        };
        QVERIFY(incremental.up(specOf(m_ifInc, 51870)).ok());
        peers[0].allowed = "10.77.0.20/32, 10.77.9.0/24";
        bothMatch("allowed IPs changed");
        peers.removeAt(2);
        bothMatch("a peer removed");
        peers.append({wgKeyPair().publicKey,
                      runTool(QStringLiteral("wg"), {QStringLiteral("genpsk")}).trimmed(),
                      "10.77.0.40/32", 25});
        bothMatch("a peer added with a preshared key and keepalive");
        peers[1].psk = runTool(QStringLiteral("wg"), {QStringLiteral("genpsk")}).trimmed();
        bothMatch("a preshared key changed");
        peers[3].keepalive = 10;
        peers[1].psk.clear();
        bothMatch("keepalive on, a preshared key removed");
        // As many peers as before, one of them new: the removal is found
        // although the count did not change.
        peers.removeAt(0);
        peers.append({wgKeyPair().publicKey, {}, "10.77.0.50/32", 0});
        bothMatch("one peer replaced by another in one sync");
        std::reverse(peers.begin(), peers.end());
        bothMatch("the same peers in another order");
        (void)incremental.down(m_ifInc);
        (void)reference.down(m_ifRef);
    }

    // The delta itself, without tools: exactly the peers that changed, the
    // removed ones by key, the new text's digest the same as a fresh one;
    // a text not in renderStripped's form (a peer twice, a key of the
    // wrong length) says the interface changed, so sync() hands the whole
    // text to `wg syncconf`.
    void peerDeltaNamesExactlyWhatChanged()
    {
        const QByteArray k1(43, 'a'), k2(43, 'b'), k3(43, 'c'), k4(43, 'd');
        const auto peer = [](const QByteArray &key, const QByteArray &allowed) {
            return "\n[Peer]\nPublicKey = " + key + "=\nAllowedIPs = " + allowed + "\n";
        };
        const QByteArray head = "[Interface]\nPrivateKey = x\nListenPort = 1\n";
        const QByteArray before =
            head + peer(k1, "10.0.0.2/32") + peer(k2, "10.0.0.3/32") + peer(k3, "10.0.0.4/32");
        const WgSetconfDigest applied = digestOfSetconf(before);
        QVERIFY(!applied.interfaceHash.isEmpty());
        QCOMPARE(applied.peerHashes.size(), 3);

        const QByteArray after = head + peer(k3, "10.0.0.4/32") +
                                 peer(k1, "10.0.0.2/32, 10.9.0.0/24") + peer(k4, "10.0.0.5/32");
        WgSetconfDigest next;
        const WgPeerDelta delta = peerDelta(applied, after, next);
        QVERIFY(!delta.interfaceChanged);
        QCOMPARE(delta.changed.size(), 2);
        QCOMPARE(delta.changed[0].publicKey, QString::fromLatin1(k1 + '='));
        QCOMPARE(delta.changed[0].allowedIps,
                 (QStringList{QStringLiteral("10.0.0.2/32"), QStringLiteral("10.9.0.0/24")}));
        QCOMPARE(delta.changed[1].publicKey, QString::fromLatin1(k4 + '='));
        QCOMPARE(delta.removed, QStringList{QString::fromLatin1(k2 + '=')});
        const WgSetconfDigest fresh = digestOfSetconf(after);
        QCOMPARE(next.interfaceHash, fresh.interfaceHash);
        QCOMPARE(next.peerHashes, fresh.peerHashes);

        WgSetconfDigest same;
        const WgPeerDelta none = peerDelta(next, after, same);
        QVERIFY(!none.interfaceChanged);
        QVERIFY(none.changed.isEmpty());
        QVERIFY(none.removed.isEmpty());

        WgSetconfDigest changedHead;
        QVERIFY(
            peerDelta(next, "[Interface]\nPrivateKey = y\n" + peer(k3, "10.0.0.4/32"), changedHead)
                .interfaceChanged);
        for (const QByteArray &odd :
             {head + peer(k1, "10.0.0.2/32") + peer(k1, "10.0.0.3/32"),
              head + peer(k1 + "==", "10.0.0.2/32"), peer(k1, "10.0.0.2/32")}) {
            WgSetconfDigest unusable;
            QVERIFY(peerDelta(next, odd, unusable).interfaceChanged);
            QVERIFY(unusable.interfaceHash.isEmpty());
            // Nor can a later delta start from it.
            WgSetconfDigest later;
            QVERIFY(peerDelta(unusable, after, later).interfaceChanged);
        }
    }

    // A patch of a few peers (peerPatch, then applyPatch: what a client's
    // change hands the backend) against the reference, the whole new text's
    // delta (peerDelta) and digest (digestOfSetconf), both rendered by the
    // server's own renderer (wgquick::renderStripped, a "Name = …" comment
    // above each peer). 300 random steps of one to four changes each: a
    // peer added (with or without a preshared key), removed, its allowed
    // IPs changed, its preshared key set or dropped, its key replaced; also
    // a "change" that changes nothing, and a removal of a key never applied.
    void peerPatchMatchesTheWholeDelta()
    {
        QRandomGenerator random(36);
        const auto randomKey = [&random] {
            QByteArray raw(32, Qt::Uninitialized);
            for (char &c : raw)
                c = char(random.bounded(256));
            return QString::fromLatin1(raw.toBase64());
        };
        WgQuickConfig config;
        config.interface.privateKey = randomKey();
        config.interface.listenPort = 51820;
        int serial = 0;
        const auto newPeer = [&] {
            WgPeer peer;
            peer.comments << QStringLiteral("Name = client-%1").arg(++serial);
            peer.publicKey = randomKey();
            if (random.bounded(2))
                peer.presharedKey = randomKey();
            peer.allowedIps << WgCidr{QHostAddress(quint32(0x0a500000 + serial)), 32};
            return peer;
        };
        for (int i = 0; i < 40; ++i)
            config.peers << newPeer();
        const auto render = [](const WgQuickConfig &c) {
            auto text = wgquick::renderStripped(c);
            return text ? text.value().toUtf8() : QByteArray();
        };
        WgSetconfDigest applied = digestOfSetconf(render(config));
        QVERIFY(!applied.interfaceHash.isEmpty());
        const auto keysOf = [](const QList<WgPeerSetting> &settings) {
            QStringList keys;
            for (const WgPeerSetting &s : settings)
                keys << s.publicKey;
            keys.sort();
            return keys;
        };
        for (int round = 0; round < 300; ++round) {
            WgQuickConfig patchConfig;
            patchConfig.interface = config.interface;
            QStringList removed;
            const int changes = 1 + int(random.bounded(4));
            for (int c = 0; c < changes; ++c) {
                const int kind = int(random.bounded(7));
                if (kind == 0 || config.peers.isEmpty()) { // added
                    config.peers << newPeer();
                    patchConfig.peers << config.peers.last();
                    continue;
                }
                const qsizetype at = random.bounded(config.peers.size());
                WgPeer &peer = config.peers[at];
                // What the patch held of this peer so far goes: the patch
                // carries each peer once, as it is at the end.
                patchConfig.peers.removeIf(
                    [&](const WgPeer &p) { return p.publicKey == peer.publicKey; });
                switch (kind) {
                case 1: // removed
                    removed << peer.publicKey;
                    config.peers.removeAt(at);
                    continue;
                case 2: // allowed IPs
                    peer.allowedIps << WgCidr{QHostAddress(quint32(0x0a600000 + round)), 32};
                    break;
                case 3: // preshared key set or dropped
                    peer.presharedKey = peer.presharedKey.isEmpty() ? randomKey() : QString();
                    break;
                case 4: // a new key: the old one goes
                    removed << peer.publicKey;
                    peer.publicKey = randomKey();
                    break;
                case 5: // nothing really changed
                    break;
                default: // a removal of a key the interface never had
                    removed << randomKey();
                    continue;
                }
                patchConfig.peers << peer;
            }
            // The same peer twice in one patch (changed twice) is not what
            // the service sends: it reads each client once.
            const QByteArray whole = render(config);
            WgSetconfDigest wholeDigest;
            const WgPeerDelta reference = peerDelta(applied, whole, wholeDigest);
            WgSetconfDigest patchDigest;
            const WgPeerDelta patch = peerPatch(applied, render(patchConfig), removed, patchDigest);
            QVERIFY(!reference.interfaceChanged);
            QVERIFY(!patch.interfaceChanged);
            QCOMPARE(keysOf(patch.changed), keysOf(reference.changed));
            QStringList patchRemoved = patch.removed;
            QStringList referenceRemoved = reference.removed;
            patchRemoved.sort();
            referenceRemoved.sort();
            QCOMPARE(patchRemoved, referenceRemoved);
            for (const WgPeerSetting &changed : patch.changed) {
                const auto same = std::find_if(
                    reference.changed.cbegin(), reference.changed.cend(),
                    [&](const WgPeerSetting &r) { return r.publicKey == changed.publicKey; });
                QCOMPARE(changed.allowedIps, same->allowedIps);
                QCOMPARE(changed.presharedKey, same->presharedKey);
            }
            applyPatch(applied, patchDigest, removed);
            QCOMPARE(applied.peerHashes, wholeDigest.peerHashes);
            QCOMPARE(applied.interfaceHash, wholeDigest.interfaceHash);
        }
        // A patch with another [Interface] section is refused whole.
        WgQuickConfig other;
        other.interface = config.interface;
        other.interface.listenPort = 51821;
        other.peers << newPeer();
        WgSetconfDigest unused;
        QVERIFY(peerPatch(applied, render(other), {}, unused).interfaceChanged);
    }

    void configOnlyWritesAPrivateFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ConfigOnlyBackend backend(dir.filePath(QStringLiteral("wireguard")));
        QCOMPARE(backend.name(), QStringLiteral("config-only"));
        QVERIFY(!backend.applies());
        InterfaceSpec spec;
        spec.name = QStringLiteral("wg7");
        spec.quickConfig = "[Interface]\nPrivateKey = x\n";
        QVERIFY(backend.up(spec).ok());
        QFile file(backend.configPath(QStringLiteral("wg7")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), spec.quickConfig);
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                       QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions{});
        spec.quickConfig += "ListenPort = 51820\n";
        QVERIFY(backend.sync(spec).ok());
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), spec.quickConfig);
        const auto dump = backend.dump(QStringLiteral("wg7"));
        QVERIFY(!dump.ok());
        QCOMPARE(dump.error().code, ErrorCode::ServiceUnavailable);
    }

    void commandsAreBounded()
    {
        // stdin is closed after the input: cat ends.
        const CommandResult echoed = runCommand(QStringLiteral("cat"), {}, "abc", 5000);
        QVERIFY(echoed.succeeded());
        QCOMPARE(echoed.out, QByteArray("abc"));
        const CommandResult stuck = runCommand(
            QStringLiteral("tail"), {QStringLiteral("-f"), QStringLiteral("/dev/null")}, {}, 300);
        QVERIFY(stuck.started);
        QVERIFY(stuck.timedOut);
        QVERIFY(!stuck.succeeded());
        const CommandResult flood = runCommand(
            QStringLiteral("head"),
            {QStringLiteral("-c"), QStringLiteral("100000"), QStringLiteral("/dev/zero")}, {},
            10'000, 1000);
        QVERIFY(flood.succeeded());
        QVERIFY(flood.truncated);
        QCOMPARE(flood.out.size(), 1000);
        const CommandResult missing = runCommand(QStringLiteral("/nonexistent/tool"), {});
        QVERIFY(!missing.started);
        QCOMPARE(missing.firstErrorLine(), QStringLiteral("the program could not be started"));
    }

    void theReasonIsFoundBehindABanner()
    {
        // wireguard-go frames a banner on stderr and writes the reason on
        // stdout; an error that said only "exit code 1" left the operator
        // guessing (seen when the packaged unit ran under systemd).
        const CommandResult framed = runCommand(
            QStringLiteral("sh"),
            {QStringLiteral("-c"),
             QStringLiteral("printf '┌──┐\\n│ banner │\\n└──┘\\n' >&2; "
                            "echo 'ERROR: (wg9) Failed to create TUN device: permission denied'; "
                            "exit 1")},
            {}, 5000);
        QVERIFY(framed.started && !framed.succeeded());
        QCOMPARE(framed.firstErrorLine(),
                 QStringLiteral("ERROR: (wg9) Failed to create TUN device: permission denied"));
        // A plain stderr line still comes first.
        const CommandResult plain = runCommand(
            QStringLiteral("sh"),
            {QStringLiteral("-c"), QStringLiteral("echo out; echo 'the reason' >&2; exit 2")}, {},
            5000);
        QCOMPARE(plain.firstErrorLine(), QStringLiteral("the reason"));

        // The real tool, as a user that may not open /dev/net/tun.
        if (QStandardPaths::findExecutable(QStringLiteral("wireguard-go")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty() || ::geteuid() != 0)
            QSKIP("needs wireguard-go, setpriv and root");
        const CommandResult real = runCommand(
            QStringLiteral("setpriv"),
            {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
             QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all"),
             QStringLiteral("--bounding-set=-all"), QStringLiteral("wireguard-go"),
             QStringLiteral("hmnotun0")},
            {}, 10'000);
        QVERIFY(!real.succeeded());
        QVERIFY2(real.firstErrorLine().contains(QStringLiteral("TUN")), qPrintable(real.firstErrorLine()));
    }
};

QTEST_GUILESS_MAIN(TestLinuxWireGuardBackend)
#include "TestLinuxWireGuardBackend.moc"
