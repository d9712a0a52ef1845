// The console's IPv6 pool and BGP clients (core/client Ipv6PoolsApi,
// BgpApi) against a real in-process server over loopback, without BIRD:
// pools made, changed, listed and deleted; exact counts of a huge pool;
// prefixes delegated automatically and by hand (a refused custom prefix
// names custom_prefix and its reason), one to a WireGuard client, and
// released; BGP sessions made, changed, started, stopped and deleted, all
// "unavailable" with a reason; the password never read back; prefixes
// announced besides the pools' (canonical, 422 at prefix for host bits,
// 409 twice or for an active pool's, withdrawn, 404 after); 403 for a
// viewer with nothing changed.

#include "AdminTestSupport.h"
#include "client/ApiError.h"
#include "client/BgpApi.h"
#include "client/Ipv6PoolsApi.h"
#include "client/WireGuardApi.h"

using namespace hm::client;
using namespace admintest;

namespace {

const QString kPoolsViewerPassword = QStringLiteral("Viewer#Pass2026");

template <typename T> QByteArray poolsWhy(const hm::Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

} // namespace

class TestVpnPoolsBgp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start("TestVpnPoolsBgp")); }
    void cleanupTestCase() { m_server.stop(); }
    void poolsAndAllocations();
    void bgpSessions();
    void bgpAnnouncements();
    void viewerIsRefused();

private:
    Ipv6PoolsApi pools() { return Ipv6PoolsApi(*m_server.connection->client()); }
    BgpApi bgp() { return BgpApi(*m_server.connection->client()); }
    AdminServer m_server;
};

void TestVpnPoolsBgp::poolsAndAllocations()
{
    Ipv6PoolChange change;
    change.name = QStringLiteral("customers");
    change.prefix = QStringLiteral("2001:0db8:0002::/48");
    change.prefixLength = 56;
    change.reservedPrefixes = 1;
    change.description = QStringLiteral("delegated to customers");
    auto made = await<Ipv6PoolRow>([&](auto done) { pools().createPool(change, done); });
    QVERIFY2(made.ok(), poolsWhy(made).constData());
    const Ipv6PoolRow pool = made.value();
    QVERIFY(pool.id > 0);
    QCOMPARE(pool.prefix, QStringLiteral("2001:db8:2::/48"));
    QCOMPARE(pool.prefixLength, 56);
    QCOMPARE(pool.totalExact, QStringLiteral("256"));
    QCOMPARE(pool.availableExact, QStringLiteral("255"));
    QCOMPARE(pool.reservedPrefixes, 1);
    QVERIFY(pool.autoAssign);
    QCOMPARE(pool.status, QStringLiteral("active"));

    // A huge pool: the exact digits.
    Ipv6PoolChange huge;
    huge.name = QStringLiteral("everything");
    huge.prefix = QStringLiteral("3000::/4");
    huge.prefixLength = 128;
    auto big = await<Ipv6PoolRow>([&](auto done) { pools().createPool(huge, done); });
    QVERIFY2(big.ok(), poolsWhy(big).constData());
    QCOMPARE(big.value().totalExact, QStringLiteral("21267647932558653966460912964485513216"));

    // A misaligned prefix: 422 at prefix.
    Ipv6PoolChange bad = change;
    bad.name = QStringLiteral("bad");
    bad.prefix = QStringLiteral("2001:db8:9::1/48");
    auto misaligned = await<Ipv6PoolRow>([&](auto done) { pools().createPool(bad, done); });
    QVERIFY(!misaligned.ok());
    QCOMPARE(errorHttpStatus(misaligned.error()), 422);
    QCOMPARE(misaligned.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("prefix"));

    // Automatic: the first prefix after the reserved one.
    Ipv6AllocationRequest automatic;
    automatic.poolId = pool.id;
    automatic.clientName = QStringLiteral("branch-office");
    automatic.description = QStringLiteral("first");
    auto first = await<Ipv6AllocationRow>([&](auto done) { pools().allocate(automatic, done); });
    QVERIFY2(first.ok(), poolsWhy(first).constData());
    QCOMPARE(first.value().allocatedPrefix, QStringLiteral("2001:db8:2:100::/56"));
    QCOMPARE(first.value().clientName, QStringLiteral("branch-office"));
    QCOMPARE(first.value().clientId, 0);
    QCOMPARE(first.value().status, QStringLiteral("active"));
    QVERIFY(first.value().allocatedAt.isValid());

    // Custom: to a WireGuard client; refusals name custom_prefix and why.
    WireGuardApi wg(*m_server.connection->client());
    auto server = await<WgServerRow>([&](auto done) {
        WgServerChange s;
        s.name = QStringLiteral("edge");
        s.interfaceName = QStringLiteral("wg-edge");
        s.listenPort = 51840;
        s.ipv6Address = QStringLiteral("fd00:46::1/64");
        wg.createServer(s, done);
    });
    QVERIFY2(server.ok(), poolsWhy(server).constData());
    auto client = await<WgCreatedClient>([&](auto done) {
        WgClientChange c;
        c.serverId = server.value().id;
        c.name = QStringLiteral("router");
        c.addressFamily = QStringLiteral("ipv6");
        wg.createClient(c, done);
    });
    QVERIFY2(client.ok(), poolsWhy(client).constData());
    Ipv6AllocationRequest custom;
    custom.poolId = pool.id;
    custom.clientId = client.value().client.id;
    custom.customPrefix = QStringLiteral("2001:db8:3::/56");
    auto outside = await<Ipv6AllocationRow>([&](auto done) { pools().allocate(custom, done); });
    QVERIFY(!outside.ok());
    QCOMPARE(errorHttpStatus(outside.error()), 422);
    QCOMPARE(outside.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("custom_prefix"));
    QCOMPARE(outside.error().details.value(QStringLiteral("reason")).toString(),
             QStringLiteral("outside_pool"));
    custom.customPrefix = QStringLiteral("2001:db8:2:100::/56");
    auto taken = await<Ipv6AllocationRow>([&](auto done) { pools().allocate(custom, done); });
    QVERIFY(!taken.ok());
    QCOMPARE(errorHttpStatus(taken.error()), 409);
    QCOMPARE(taken.error().details.value(QStringLiteral("reason")).toString(),
             QStringLiteral("overlapping"));
    custom.customPrefix = QStringLiteral("2001:db8:2:ff00::/56");
    auto byHand = await<Ipv6AllocationRow>([&](auto done) { pools().allocate(custom, done); });
    QVERIFY2(byHand.ok(), poolsWhy(byHand).constData());
    QCOMPARE(byHand.value().clientId, client.value().client.id);
    QCOMPARE(byHand.value().clientName, QStringLiteral("router"));

    // Listed: by pool, by client; the pool counts them.
    Ipv6AllocationFilter filter;
    filter.poolId = pool.id;
    auto ofPool =
        await<Page<Ipv6AllocationRow>>([&](auto done) { pools().allocations(filter, done); });
    QVERIFY(ofPool.ok());
    QCOMPARE(ofPool.value().items.size(), 2);
    filter.clientId = client.value().client.id;
    auto ofClient =
        await<Page<Ipv6AllocationRow>>([&](auto done) { pools().allocations(filter, done); });
    QVERIFY(ofClient.ok());
    QCOMPARE(ofClient.value().items.size(), 1);
    auto counted = await<Ipv6PoolRow>([&](auto done) { pools().pool(pool.id, done); });
    QVERIFY(counted.ok());
    QCOMPARE(counted.value().allocatedPrefixes, 2);
    QCOMPARE(counted.value().availableExact, QStringLiteral("253"));
    QCOMPARE(counted.value().allocations.size(), 2);
    auto one = await<Ipv6AllocationRow>(
        [&](auto done) { pools().allocation(byHand.value().id, done); });
    QVERIFY(one.ok());
    QCOMPARE(one.value().poolId, pool.id);

    // A prefix change while it holds allocations: 409 at prefix; a rename works.
    Ipv6PoolChange move;
    move.prefix = QStringLiteral("2001:db8:4::/48");
    auto moved = await<Ipv6PoolRow>([&](auto done) { pools().updatePool(pool.id, move, done); });
    QVERIFY(!moved.ok());
    QCOMPARE(errorHttpStatus(moved.error()), 409);
    Ipv6PoolChange rename;
    rename.name = QStringLiteral("customers-east");
    rename.autoAssign = false;
    rename.description = QString();
    auto renamed =
        await<Ipv6PoolRow>([&](auto done) { pools().updatePool(pool.id, rename, done); });
    QVERIFY2(renamed.ok(), poolsWhy(renamed).constData());
    QCOMPARE(renamed.value().name, QStringLiteral("customers-east"));
    QVERIFY(!renamed.value().autoAssign);
    QVERIFY(renamed.value().description.isEmpty());

    // Release; a delete without force while allocations remain is 409.
    QVERIFY(await<void>([&](auto done) { pools().release(first.value().id, done); }).ok());
    auto busy = await<void>([&](auto done) { pools().removePool(pool.id, false, done); });
    QVERIFY(!busy.ok());
    QCOMPARE(errorHttpStatus(busy.error()), 409);
    QVERIFY(await<void>([&](auto done) { pools().removePool(pool.id, true, done); }).ok());
    QVERIFY(await<void>([&](auto done) { pools().removePool(big.value().id, false, done); }).ok());
    auto none = await<Page<Ipv6PoolRow>>([&](auto done) { pools().pools({}, done); });
    QVERIFY(none.ok());
    QCOMPARE(none.value().items.size(), 0);
    QVERIFY(await<void>([&](auto done) { wg.removeServer(server.value().id, done); }).ok());
}

void TestVpnPoolsBgp::bgpSessions()
{
    BgpSessionChange change;
    change.name = QStringLiteral("upstream_a");
    change.neighbor = QStringLiteral("2001:db8:ff::1");
    change.remoteAs = 4200000001LL;
    change.localAs = 65001;
    change.password = QStringLiteral("s3cret-md5");
    change.holdTime = 180;
    change.keepalive = 60;
    change.multihop = 2;
    change.description = QStringLiteral("transit");
    auto made = await<BgpSessionRow>([&](auto done) { bgp().createSession(change, done); });
    QVERIFY2(made.ok(), poolsWhy(made).constData());
    const BgpSessionRow session = made.value();
    QVERIFY(session.id > 0);
    QCOMPARE(session.remoteAs, 4200000001LL);
    QCOMPARE(session.localAs, 65001);
    QCOMPARE(session.holdTime, 180);
    QCOMPARE(session.keepalive, 60);
    QCOMPARE(session.connectRetry, 120);
    QCOMPARE(session.multihop, 2);
    QVERIFY(session.hasPassword);
    QVERIFY(session.enabled);
    QCOMPARE(session.status, QStringLiteral("unavailable"));
    QVERIFY(!session.lastError.isEmpty());

    // 422 at its field; 409 for a name taken.
    BgpSessionChange bad = change;
    bad.name = QStringLiteral("hm_mine");
    auto refused = await<BgpSessionRow>([&](auto done) { bgp().createSession(bad, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(errorHttpStatus(refused.error()), 422);
    QCOMPARE(refused.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("name"));
    auto twice = await<BgpSessionRow>([&](auto done) { bgp().createSession(change, done); });
    QVERIFY(!twice.ok());
    QCOMPARE(errorHttpStatus(twice.error()), 409);

    // PUT without a password keeps it; an empty one removes it.
    BgpSessionChange edit;
    edit.description = QStringLiteral("transit A");
    auto kept = await<BgpSessionRow>(
        [&](auto done) { bgp().updateSession(session.id, edit, done); });
    QVERIFY2(kept.ok(), poolsWhy(kept).constData());
    QVERIFY(kept.value().hasPassword);
    QCOMPARE(kept.value().description, QStringLiteral("transit A"));
    edit.password = QString();
    auto cleared = await<BgpSessionRow>(
        [&](auto done) { bgp().updateSession(session.id, edit, done); });
    QVERIFY(cleared.ok());
    QVERIFY(!cleared.value().hasPassword);

    // Stop and start: the stored enabled flag.
    auto stopped = await<BgpRunState>([&](auto done) { bgp().stopSession(session.id, done); });
    QVERIFY2(stopped.ok(), poolsWhy(stopped).constData());
    QVERIFY(!stopped.value().enabled);
    auto started = await<BgpRunState>([&](auto done) { bgp().startSession(session.id, done); });
    QVERIFY(started.ok());
    QVERIFY(started.value().enabled);

    auto listed = await<Page<BgpSessionRow>>([&](auto done) { bgp().sessions({}, done); });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().items.size(), 1);
    QCOMPARE(listed.value().items.first().status, QStringLiteral("unavailable"));

    // No BIRD: routes are 503.
    BgpRouteFilter routes;
    routes.sessionId = session.id;
    auto none = await<Page<BgpRouteRow>>([&](auto done) { bgp().routes(routes, done); });
    QVERIFY(!none.ok());
    QCOMPARE(errorHttpStatus(none.error()), 503);

    QVERIFY(await<void>([&](auto done) { bgp().removeSession(session.id, done); }).ok());
    auto gone = await<BgpSessionRow>([&](auto done) { bgp().session(session.id, done); });
    QVERIFY(!gone.ok());
    QCOMPARE(errorHttpStatus(gone.error()), 404);
}

void TestVpnPoolsBgp::bgpAnnouncements()
{
    auto empty = await<QList<BgpAnnouncement>>([&](auto done) { bgp().announcements(done); });
    QVERIFY2(empty.ok(), poolsWhy(empty).constData());
    QCOMPARE(empty.value().size(), 0);

    auto v4 = await<BgpAnnouncement>([&](auto done) {
        bgp().announce(QStringLiteral("198.51.100.0/24"), QStringLiteral("customers"), done);
    });
    QVERIFY2(v4.ok(), poolsWhy(v4).constData());
    QVERIFY(v4.value().id > 0);
    QCOMPARE(v4.value().prefix, QStringLiteral("198.51.100.0/24"));
    QCOMPARE(v4.value().family, QStringLiteral("ipv4"));
    QCOMPARE(v4.value().description, QStringLiteral("customers"));
    QVERIFY(v4.value().createdAt.isValid());
    auto v6 = await<BgpAnnouncement>([&](auto done) {
        bgp().announce(QStringLiteral("2001:0db8:0cc0::/44"), {}, done);
    });
    QVERIFY2(v6.ok(), poolsWhy(v6).constData());
    QCOMPARE(v6.value().prefix, QStringLiteral("2001:db8:cc0::/44"));
    QCOMPARE(v6.value().family, QStringLiteral("ipv6"));
    QVERIFY(v6.value().description.isEmpty());

    // Host bits: 422 at prefix; twice: 409; an active pool's: 409.
    auto hostBits = await<BgpAnnouncement>([&](auto done) {
        bgp().announce(QStringLiteral("198.51.100.7/24"), {}, done);
    });
    QVERIFY(!hostBits.ok());
    QCOMPARE(errorHttpStatus(hostBits.error()), 422);
    QCOMPARE(hostBits.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("prefix"));
    auto twice = await<BgpAnnouncement>([&](auto done) {
        bgp().announce(QStringLiteral("198.51.100.0/24"), {}, done);
    });
    QVERIFY(!twice.ok());
    QCOMPARE(errorHttpStatus(twice.error()), 409);
    Ipv6PoolChange poolChange;
    poolChange.name = QStringLiteral("announced");
    poolChange.prefix = QStringLiteral("2001:db8:e0::/48");
    poolChange.prefixLength = 64;
    auto pool = await<Ipv6PoolRow>([&](auto done) { pools().createPool(poolChange, done); });
    QVERIFY2(pool.ok(), poolsWhy(pool).constData());
    auto poolsOwn = await<BgpAnnouncement>([&](auto done) {
        bgp().announce(QStringLiteral("2001:db8:e0::/48"), {}, done);
    });
    QVERIFY(!poolsOwn.ok());
    QCOMPARE(errorHttpStatus(poolsOwn.error()), 409);
    QVERIFY(await<void>([&](auto done) { pools().removePool(pool.value().id, false, done); })
                .ok());

    auto listed = await<QList<BgpAnnouncement>>([&](auto done) { bgp().announcements(done); });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 2);
    QCOMPARE(listed.value().at(0).prefix, QStringLiteral("198.51.100.0/24"));
    QCOMPARE(listed.value().at(1).prefix, QStringLiteral("2001:db8:cc0::/44"));

    QVERIFY(await<void>([&](auto done) { bgp().withdraw(v4.value().id, done); }).ok());
    auto again = await<void>([&](auto done) { bgp().withdraw(v4.value().id, done); });
    QVERIFY(!again.ok());
    QCOMPARE(errorHttpStatus(again.error()), 404);
    QVERIFY(await<void>([&](auto done) { bgp().withdraw(v6.value().id, done); }).ok());
    auto none = await<QList<BgpAnnouncement>>([&](auto done) { bgp().announcements(done); });
    QVERIFY(none.ok());
    QCOMPARE(none.value().size(), 0);
}

void TestVpnPoolsBgp::viewerIsRefused()
{
    Ipv6PoolChange change;
    change.name = QStringLiteral("kept");
    change.prefix = QStringLiteral("2001:db8:7::/48");
    change.prefixLength = 64;
    auto pool = await<Ipv6PoolRow>([&](auto done) { pools().createPool(change, done); });
    QVERIFY(pool.ok());

    QVERIFY(!m_server
                 .createUser(QStringLiteral("poolviewer"), QStringLiteral("viewer"),
                             kPoolsViewerPassword)
                 .id.isEmpty());
    auto viewer = m_server.signIn(QStringLiteral("poolviewer"), kPoolsViewerPassword);
    QVERIFY(viewer);
    Ipv6PoolsApi viewerPools(*viewer);
    BgpApi viewerBgp(*viewer);
    auto read = await<Page<Ipv6PoolRow>>([&](auto done) { viewerPools.pools({}, done); });
    QVERIFY(read.ok());
    QCOMPARE(read.value().items.size(), 1);
    Ipv6AllocationRequest request;
    request.poolId = pool.value().id;
    request.clientName = QStringLiteral("sneaky");
    auto refused =
        await<Ipv6AllocationRow>([&](auto done) { viewerPools.allocate(request, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, hm::ErrorCode::InsufficientPermissions);
    QCOMPARE(errorHttpStatus(refused.error()), 403);
    BgpSessionChange session;
    session.name = QStringLiteral("peer_x");
    session.neighbor = QStringLiteral("192.0.2.1");
    session.remoteAs = 65010;
    session.localAs = 65001;
    auto noSession =
        await<BgpSessionRow>([&](auto done) { viewerBgp.createSession(session, done); });
    QVERIFY(!noSession.ok());
    QCOMPARE(errorHttpStatus(noSession.error()), 403);
    auto still = await<Ipv6PoolRow>([&](auto done) { pools().pool(pool.value().id, done); });
    QVERIFY(still.ok());
    QCOMPARE(still.value().allocatedPrefixes, 0);
    auto noAnnouncement = await<BgpAnnouncement>([&](auto done) {
        viewerBgp.announce(QStringLiteral("192.0.2.0/24"), {}, done);
    });
    QVERIFY(!noAnnouncement.ok());
    QCOMPARE(errorHttpStatus(noAnnouncement.error()), 403);
    auto viewerReads =
        await<QList<BgpAnnouncement>>([&](auto done) { viewerBgp.announcements(done); });
    QVERIFY(viewerReads.ok());
    QCOMPARE(viewerReads.value().size(), 0);
    auto noneMade = await<Page<BgpSessionRow>>([&](auto done) { bgp().sessions({}, done); });
    QVERIFY(noneMade.ok());
    QCOMPARE(noneMade.value().items.size(), 0);
}

QTEST_MAIN(TestVpnPoolsBgp)
#include "TestVpnPoolsBgp.moc"
