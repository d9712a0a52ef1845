// BGP through BIRD 2 end to end (issue 36, point 7): two BIRD daemons in two
// network namespaces (tests/support/NetNamespace.h) joined by a veth pair.
// BIRD A is driven by hivemind_bird (rendered configuration, applied with
// configure check + atomic replace + configure, read back through parsed
// `show protocols all` / `show route all`); BIRD B is a plain peer with a
// static configuration. Needs root and bird; without network namespaces
// the test fails, unless ALLOW_SKIP is set in the environment (then it skips).

#include "NetNamespace.h"
#include "vpn/bird/BirdConfig.h"
#include "vpn/bird/BirdConfigApplier.h"
#include "vpn/bird/BirdControl.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hm::bird;
using hm::test::NetLab;

namespace {

constexpr int kBirdSessionTimeoutMs = 10000;

bool birdSessionEstablished(BirdControl &control, const QString &name)
{
    auto p = control.showProtocol(name);
    return p.ok() && p->isEstablished();
}

bool birdSessionHasRoute(BirdControl &control, const QString &protocol, const QString &prefix,
                         quint32 firstAs)
{
    BirdRouteQuery q;
    q.protocol = protocol;
    auto routes = control.showRoutes(q);
    if (!routes)
        return false;
    for (const BirdRoute &r : *routes) {
        if (r.prefix == prefix && r.primary && !r.asPath.isEmpty() && r.asPath.first() == firstAs)
            return true;
    }
    return false;
}

bool birdSessionProtocolState(BirdControl &control, const QString &name, const QString &state)
{
    auto p = control.showProtocol(name);
    return p.ok() && p->state == state;
}

QString birdSessionReadFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool birdSessionWrite(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// BIRD refuses a file without a protocol.
const char kBirdBootstrap[] = "router id 10.99.0.1;\nprotocol device hm_device {}\n";

const char kBirdPeerConfig[] = R"(router id 10.99.0.2;
timeformat protocol iso long;
timeformat route iso long;
protocol device { scan time 10; }
protocol static peer_routes {
  ipv6;
  route fd00:bbbb::/48 unreachable { bgp_community.add((65002,42)); bgp_large_community.add((65002,1,2)); };
}
protocol bgp hm_peer {
  local fd00:1::2 as 65002;
  neighbor fd00:1::1 as 65001;
  hold time 3; keepalive time 1; connect retry time 1; start delay time 1;
  error wait time 1, 2;
  password "s3cret-Pass";
  direct;
  ipv6 { import all; export where proto = "peer_routes"; };
  ipv4 { extended next hop on; import all; export none; };
}
)";

} // namespace

class TestBirdSession : public QObject
{
    Q_OBJECT

private:
    BirdConfig ourConfig() const
    {
        BirdConfig c;
        c.routerId = QHostAddress(NetLab::ipv4A());
        c.localAs = 65001;
        c.announced = {{BirdPrefix::parse(QStringLiteral("fd00:aaaa::/48")).value(),
                        BirdAnnounceKind::Unreachable},
                       {BirdPrefix::parse(QStringLiteral("198.51.100.0/24")).value(),
                        BirdAnnounceKind::Blackhole}};
        BirdBgpSession s;
        s.name = QStringLiteral("peer_b");
        s.neighbor = QHostAddress(NetLab::ipv6B());
        s.localAddress = QHostAddress(NetLab::ipv6A());
        s.remoteAs = 65002;
        s.password = QStringLiteral("s3cret-Pass");
        s.holdTime = 3;
        s.keepaliveTime = 1;
        s.connectRetryTime = 1;
        s.startDelayTime = 1;
        s.ipv6.enabled = true;
        s.ipv4.enabled = true;
        c.sessions = {s};
        return c;
    }

private slots:
    void endToEnd()
    {
        const QString bird = QStandardPaths::findExecutable(
            QStringLiteral("bird"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
                                     QStringLiteral("/sbin")});
        const bool allowSkip = qEnvironmentVariableIsSet("ALLOW_SKIP");
        if (bird.isEmpty()) {
            if (allowSkip)
                QSKIP("bird (BIRD 2) is not installed");
            QFAIL("bird (BIRD 2) is not installed: installer/setup-deps.sh installs bird2");
        }
        NetLab lab;
        QString why;
        if (!lab.setUp(&why)) {
            const QByteArray text =
                "cannot build the network namespaces (root needed): " + why.toUtf8();
            if (allowSkip)
                QSKIP(text.constData());
            QFAIL(text.constData());
        }
        QTemporaryDir dir(QStringLiteral("/tmp/hm-bird-XXXXXX"));
        QVERIFY(dir.isValid());
        const QString live = dir.filePath(QStringLiteral("a.conf"));
        const QString sockA = dir.filePath(QStringLiteral("a.ctl"));
        const QString confB = dir.filePath(QStringLiteral("b.conf"));
        const QString sockB = dir.filePath(QStringLiteral("b.ctl"));
        // BIRD A starts from a bootstrap file; everything else comes from the applier.
        QVERIFY(birdSessionWrite(live, kBirdBootstrap));
        QVERIFY(birdSessionWrite(confB, kBirdPeerConfig));
        QProcess *birdA = lab.start(
            lab.nsA(), bird,
            {QStringLiteral("-f"), QStringLiteral("-c"), live, QStringLiteral("-s"), sockA});
        QProcess *birdB = lab.start(
            lab.nsB(), bird,
            {QStringLiteral("-f"), QStringLiteral("-c"), confB, QStringLiteral("-s"), sockB});
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sockA) || birdA->state() == QProcess::NotRunning,
                                 5000);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sockB) || birdB->state() == QProcess::NotRunning,
                                 5000);
        QVERIFY2(birdA->state() == QProcess::Running, birdA->readAll().constData());
        QVERIFY2(birdB->state() == QProcess::Running, birdB->readAll().constData());

        BirdControl ours(sockA, std::chrono::seconds(5));
        BirdControl peer(sockB, std::chrono::seconds(5));
        QVERIFY(ours.open().ok());
        QVERIFY(ours.hello().startsWith(QStringLiteral("BIRD 2.")));

        // 1. The rendered configuration goes in through check + replace + configure.
        BirdConfigApplier applier(ours, live);
        auto rendered = renderBirdConfig(ourConfig());
        QVERIFY(rendered.ok());
        auto applied = applier.apply(*rendered);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        QCOMPARE(applied->code, code::Reconfigured);
        QCOMPARE(birdSessionReadFile(live), *rendered);
        QCOMPARE(birdSessionReadFile(applier.lastGoodPath()), QString::fromLatin1(kBirdBootstrap));
        QVERIFY(!QFile::exists(applier.candidatePath()));
        QCOMPARE(QFile::permissions(live) & (QFileDevice::ReadOther | QFileDevice::WriteGroup),
                 QFileDevice::Permissions());

        // 2. The session comes up (parsed show protocols all) and routes flow both ways.
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionEstablished(ours, QStringLiteral("peer_b")),
                                 kBirdSessionTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionEstablished(peer, QStringLiteral("hm_peer")),
                                 kBirdSessionTimeoutMs);
        auto protocol = ours.showProtocol(QStringLiteral("peer_b"));
        QVERIFY(protocol.ok());
        QCOMPARE(protocol->proto, QStringLiteral("BGP"));
        QCOMPARE(protocol->neighborAddress, NetLab::ipv6B());
        QCOMPARE(protocol->neighborAs, 65002u);
        QCOMPARE(protocol->localAs, 65001u);
        QVERIFY(protocol->since.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionHasRoute(peer, QStringLiteral("hm_peer"),
                                                     QStringLiteral("fd00:aaaa::/48"), 65001),
                                 kBirdSessionTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionHasRoute(peer, QStringLiteral("hm_peer"),
                                                     QStringLiteral("198.51.100.0/24"), 65001),
                                 kBirdSessionTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionHasRoute(ours, QStringLiteral("peer_b"),
                                                     QStringLiteral("fd00:bbbb::/48"), 65002),
                                 kBirdSessionTimeoutMs);
        {
            BirdRouteQuery q;
            q.prefix = BirdPrefix::parse(QStringLiteral("fd00:bbbb::/48")).value();
            auto routes = ours.showRoutes(q);
            QVERIFY(routes.ok());
            QCOMPARE(routes->size(), 1);
            const BirdRoute &r = routes->first();
            QCOMPARE(r.protocol, QStringLiteral("peer_b"));
            QCOMPARE(r.nextHops.size(), 1);
            QCOMPARE(r.nextHops[0].via, NetLab::ipv6B());
            QCOMPARE(r.nextHops[0].interfaceName, lab.ifA());
            QCOMPARE(r.communities, (QList<QPair<quint32, quint32>>{{65002, 42}}));
            QCOMPARE(r.largeCommunities, (QList<BirdRoute::Large>{{65002, 1, 2}}));
            QCOMPARE(r.origin, QStringLiteral("IGP"));
        }

        // 3. A broken configuration is refused by configure check; the
        // running one stays, the live file is untouched.
        const QString broken =
            *rendered + QStringLiteral("protocol bgp broken {\n  local as 65001;\n"
                                       "  neighbor 300.1.1.1 as 65009;\n  ipv4;\n}\n");
        auto refused = applier.apply(broken);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, hm::ErrorCode::ValidationError);
        QVERIFY2(refused.error().message.contains(QStringLiteral("300.1.1.1")),
                 qPrintable(refused.error().message));
        QCOMPARE(refused.error().details.value(QStringLiteral("birdCode")).toInt(),
                 code::ConfigurationFileError);
        QVERIFY(!refused.error().message.contains(QStringLiteral("s3cret")));
        QCOMPARE(birdSessionReadFile(live), *rendered);
        QVERIFY(!QFile::exists(applier.candidatePath()));
        QVERIFY(birdSessionEstablished(ours, QStringLiteral("peer_b")));
        QVERIFY(!ours.showProtocol(QStringLiteral("broken")).ok());

        // 4. Commit-confirm: a further prefix with `timeout`, then confirm.
        BirdConfig more = ourConfig();
        more.announced.append({BirdPrefix::parse(QStringLiteral("fd00:cccc::/48")).value(),
                               BirdAnnounceKind::Unreachable});
        auto renderedMore = renderBirdConfig(more);
        QVERIFY(renderedMore.ok());
        BirdApplyOptions confirmLater;
        confirmLater.confirmTimeoutSeconds = 60;
        auto pending = applier.apply(*renderedMore, confirmLater);
        QVERIFY2(pending.ok(), qPrintable(pending.ok() ? QString() : pending.error().message));
        QVERIFY(pending->confirmPending);
        QVERIFY(applier.confirm().ok());
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionHasRoute(peer, QStringLiteral("hm_peer"),
                                                     QStringLiteral("fd00:cccc::/48"), 65001),
                                 kBirdSessionTimeoutMs);
        QCOMPARE(birdSessionReadFile(applier.lastGoodPath()), *rendered);
        // ...and undo: BIRD goes back, so does the live file.
        BirdConfig fewer = more;
        fewer.announced.removeLast();
        fewer.announced.append({BirdPrefix::parse(QStringLiteral("fd00:dddd::/48")).value(),
                                BirdAnnounceKind::Unreachable});
        auto renderedFewer = renderBirdConfig(fewer);
        QVERIFY(renderedFewer.ok());
        QVERIFY(applier.apply(*renderedFewer, confirmLater).ok());
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionHasRoute(peer, QStringLiteral("hm_peer"),
                                                     QStringLiteral("fd00:dddd::/48"), 65001),
                                 kBirdSessionTimeoutMs);
        QVERIFY(applier.undo().ok());
        QCOMPARE(birdSessionReadFile(live), *renderedMore);
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionHasRoute(peer, QStringLiteral("hm_peer"),
                                                     QStringLiteral("fd00:cccc::/48"), 65001),
                                 kBirdSessionTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!birdSessionHasRoute(peer, QStringLiteral("hm_peer"),
                                                      QStringLiteral("fd00:dddd::/48"), 65001),
                                 kBirdSessionTimeoutMs);
        QVERIFY(birdSessionEstablished(ours, QStringLiteral("peer_b")));

        // 5. disable / enable.
        QVERIFY(!ours.disableProtocol(QStringLiteral("peer_b; down")).ok());
        QVERIFY(!ours.disableProtocol(QStringLiteral("nosuch")).ok());
        QVERIFY(ours.disableProtocol(QStringLiteral("peer_b")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            birdSessionProtocolState(ours, QStringLiteral("peer_b"), QStringLiteral("down")),
            kBirdSessionTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!birdSessionEstablished(peer, QStringLiteral("hm_peer")),
                                 kBirdSessionTimeoutMs);
        QVERIFY(ours.disableProtocol(QStringLiteral("peer_b")).ok()); // already disabled
        QVERIFY(ours.enableProtocol(QStringLiteral("peer_b")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionEstablished(ours, QStringLiteral("peer_b")),
                                 kBirdSessionTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(birdSessionHasRoute(peer, QStringLiteral("hm_peer"),
                                                     QStringLiteral("fd00:aaaa::/48"), 65001),
                                 kBirdSessionTimeoutMs);
    }
};

QTEST_GUILESS_MAIN(TestBirdSession)
#include "TestBirdSession.moc"
