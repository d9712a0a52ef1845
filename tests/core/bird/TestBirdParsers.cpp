// `show protocols all` and `show route all` (core/vpn/bird/BirdParsers) on
// replies captured from BIRD 2.0.12 (tests/core/bird/data/, two BIRDs in
// network namespaces, the same setup as TestBirdSession).

#include "vpn/bird/BirdParsers.h"

#include <QFile>
#include <QTest>

using namespace hm::bird;

namespace {

BirdReply birdCaptured(const char *name)
{
    QFile f(QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/core/bird/data/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", name);
    auto replies = parseBirdReplies(f.readAll());
    if (!replies || replies->size() != 1)
        qFatal("%s is not one reply", name);
    return replies->first();
}

const BirdProtocol *birdFind(const QList<BirdProtocol> &list, const QString &name)
{
    for (const BirdProtocol &p : list) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestBirdParsers : public QObject
{
    Q_OBJECT

private slots:
    void protocolsEstablished()
    {
        auto list = parseBirdProtocols(birdCaptured("a_protocols_all.txt"));
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().message));
        QCOMPARE(list->size(), 4);
        QStringList names;
        for (const BirdProtocol &p : *list)
            names.append(p.name);
        QCOMPARE(names, (QStringList{QStringLiteral("hm_device"), QStringLiteral("hm_pool6"),
                                     QStringLiteral("hm_pool4"), QStringLiteral("peer_b")}));

        const BirdProtocol *device = birdFind(*list, QStringLiteral("hm_device"));
        QCOMPARE(device->proto, QStringLiteral("Device"));
        QCOMPARE(device->table, QStringLiteral("---"));
        QCOMPARE(device->state, QStringLiteral("up"));
        QCOMPARE(device->since, QDateTime(QDate(2026, 11, 27), QTime(0, 51, 16)));
        QVERIFY(device->info.isEmpty());
        QVERIFY(device->channels.isEmpty());

        const BirdProtocol *pool = birdFind(*list, QStringLiteral("hm_pool6"));
        QCOMPARE(pool->proto, QStringLiteral("Static"));
        QCOMPARE(pool->table, QStringLiteral("master6"));
        QCOMPARE(pool->channels.size(), 1);
        QCOMPARE(pool->channels[0].name, QStringLiteral("ipv6"));
        QCOMPARE(pool->channels[0].state, QStringLiteral("UP"));
        QCOMPARE(pool->routes, (BirdRouteStats{1, 0, 0, 1}));

        const BirdProtocol *bgp = birdFind(*list, QStringLiteral("peer_b"));
        QCOMPARE(bgp->proto, QStringLiteral("BGP"));
        QCOMPARE(bgp->state, QStringLiteral("up"));
        QCOMPARE(bgp->since, QDateTime(QDate(2026, 11, 27), QTime(0, 51, 20)));
        QCOMPARE(bgp->info, QStringLiteral("Established"));
        QCOMPARE(bgp->bgpState, QStringLiteral("Established"));
        QVERIFY(bgp->isEstablished());
        QCOMPARE(bgp->neighborAddress, QStringLiteral("fd00:1::2"));
        QCOMPARE(bgp->neighborAs, 65002u);
        QCOMPARE(bgp->localAs, 65001u);
        QCOMPARE(bgp->neighborId, QStringLiteral("10.99.0.2"));
        QVERIFY(bgp->lastError.isEmpty());
        QCOMPARE(bgp->channels.size(), 2);
        QCOMPARE(bgp->channels[0].name, QStringLiteral("ipv6"));
        QCOMPARE(bgp->channels[0].routes, (BirdRouteStats{1, 0, 1, 1}));
        QCOMPARE(bgp->channels[1].name, QStringLiteral("ipv4"));
        QCOMPARE(bgp->channels[1].routes, (BirdRouteStats{0, 0, 1, 0}));
        QCOMPARE(bgp->routes, (BirdRouteStats{1, 0, 2, 1}));
        // Route change stats: received from the import rows, accepted from
        // the export rows (2 offered, 1 rejected, 1 sent).
        QCOMPARE(bgp->channels[0].updates, (BirdUpdateStats{1, 0, 1, 0}));
        QCOMPARE(bgp->channels[1].updates, (BirdUpdateStats{0, 0, 1, 0}));
        QCOMPARE(bgp->channels[0].nextHop, QStringLiteral("fd00:1::1"));
        QCOMPARE(bgp->channels[1].nextHop, QStringLiteral("fd00:1::1"));
        // A static protocol has no BGP next hop.
        QVERIFY(birdFind(*list, QStringLiteral("hm_pool4"))->channels[0].nextHop.isEmpty());
    }

    void protocolsPeerSide()
    {
        auto list = parseBirdProtocols(birdCaptured("b_protocols_all.txt"));
        QVERIFY(list.ok());
        const BirdProtocol *bgp = birdFind(*list, QStringLiteral("hm_peer"));
        QVERIFY(bgp);
        QVERIFY(bgp->isEstablished());
        QCOMPARE(bgp->neighborAs, 65001u);
        QCOMPARE(bgp->localAs, 65002u);
    }

    void protocolsLastError()
    {
        auto list = parseBirdProtocols(birdCaptured("a_protocols_down.txt"));
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        const BirdProtocol &p = list->first();
        QCOMPARE(p.name, QStringLiteral("peer_b"));
        QCOMPARE(p.state, QStringLiteral("start"));
        QCOMPARE(p.bgpState, QStringLiteral("Active"));
        QVERIFY(!p.isEstablished());
        QCOMPARE(p.lastError, QStringLiteral("Received: Administrative shutdown"));
        QVERIFY(p.info.startsWith(QStringLiteral("Active")));
        QVERIFY(p.info.endsWith(QStringLiteral("Received: Administrative shutdown")));
    }

    void protocolsErrorReply()
    {
        BirdReply r;
        r.lines = {{9001, QStringLiteral("syntax error, unexpected CF_SYM_UNDEFINED")}};
        auto list = parseBirdProtocols(r);
        QVERIFY(!list.ok());
        QCOMPARE(list.error().code, hm::ErrorCode::ValidationError);
        QVERIFY(list.error().message.contains(QStringLiteral("syntax error")));
        QCOMPARE(list.error().details.value(QStringLiteral("birdCode")).toInt(), 9001);
    }

    void routesOurSide()
    {
        auto routes = parseBirdRoutes(birdCaptured("a_route_all.txt"));
        QVERIFY2(routes.ok(), qPrintable(routes.ok() ? QString() : routes.error().message));
        QCOMPARE(routes->size(), 3);
        const BirdRoute &v4 = routes->at(0);
        QCOMPARE(v4.table, QStringLiteral("master4"));
        QCOMPARE(v4.prefix, QStringLiteral("198.51.100.0/24"));
        QCOMPARE(v4.type, QStringLiteral("blackhole"));
        QCOMPARE(v4.protocol, QStringLiteral("hm_pool4"));
        QCOMPARE(v4.since, QDateTime(QDate(2026, 11, 27), QTime(0, 51, 16)));
        QVERIFY(v4.primary);
        QCOMPARE(v4.preference, 200);
        QCOMPARE(v4.sourceType, QStringLiteral("static univ"));
        QVERIFY(v4.nextHops.isEmpty());

        const BirdRoute &pool = routes->at(1);
        QCOMPARE(pool.table, QStringLiteral("master6"));
        QCOMPARE(pool.prefix, QStringLiteral("fd00:aaaa::/48"));
        QCOMPARE(pool.type, QStringLiteral("unreachable"));

        const BirdRoute &learnt = routes->at(2);
        QCOMPARE(learnt.table, QStringLiteral("master6"));
        QCOMPARE(learnt.prefix, QStringLiteral("fd00:bbbb::/48"));
        QCOMPARE(learnt.type, QStringLiteral("unicast"));
        QCOMPARE(learnt.protocol, QStringLiteral("peer_b"));
        QCOMPARE(learnt.preference, 100);
        QVERIFY(learnt.primary);
        QCOMPARE(learnt.nextHops,
                 (QList<BirdNextHop>{{QStringLiteral("fd00:1::2"), QStringLiteral("vA"), 0}}));
        QCOMPARE(learnt.sourceType, QStringLiteral("BGP univ"));
        QCOMPARE(learnt.origin, QStringLiteral("IGP"));
        QCOMPARE(learnt.asPath, (QList<quint32>{65002}));
        QCOMPARE(learnt.bgpNextHop, QStringLiteral("fd00:1::2 fe80::8c7f:ceff:febd:308"));
        QCOMPARE(learnt.localPref, std::optional<quint32>(100));
        QVERIFY(!learnt.med);
        QCOMPARE(learnt.communities, (QList<QPair<quint32, quint32>>{{65002, 42}}));
        QCOMPARE(learnt.largeCommunities, (QList<BirdRoute::Large>{{65002, 1, 2}}));
    }

    void routesPeerSide()
    {
        auto routes = parseBirdRoutes(birdCaptured("b_route_all.txt"));
        QVERIFY(routes.ok());
        QCOMPARE(routes->size(), 3);
        const BirdRoute &pool = routes->at(1);
        QCOMPARE(pool.prefix, QStringLiteral("fd00:aaaa::/48"));
        QCOMPARE(pool.protocol, QStringLiteral("hm_peer"));
        QCOMPARE(pool.asPath, (QList<quint32>{65001}));
        QCOMPARE(pool.nextHops.size(), 1);
        QCOMPARE(pool.nextHops[0].interfaceName, QStringLiteral("vB"));
        const BirdRoute &own = routes->at(2);
        QCOMPARE(own.med, std::optional<quint32>(50));
        QVERIFY(own.asPath.isEmpty());
    }

    void routesHandWritten()
    {
        // Several routes of one net (the net printed once), ECMP next hops,
        // a device route, an AS path with a set and a metric after the preference.
        const QByteArray wire =
            "1007-Table master6:\n"
            " 2001:db8::/32        unicast [p1 2026-01-02 03:04:05.123] * (100/20) [AS65010i]\n"
            " \tvia fe80::1 on eth0 weight 1\n"
            " \tvia fe80::2 on eth1 weight 2\n"
            "1008-\tType: BGP univ\n"
            "1012-\tBGP.as_path: 65010 {65020 65030}\n"
            " \tBGP.med: 7\n"
            " \tBGP.community: (1,2) (65535,65535)\n"
            "1007-                     unicast [p2 2026-01-02 03:04:06] (90) [AS65011?]\n"
            " \tdev tun0\n"
            "1007-\n"
            "0000 \n";
        auto replies = parseBirdReplies(wire);
        QVERIFY(replies.ok());
        auto routes = parseBirdRoutes(replies->first());
        QVERIFY2(routes.ok(), qPrintable(routes.ok() ? QString() : routes.error().message));
        QCOMPARE(routes->size(), 2);
        const BirdRoute &a = routes->at(0);
        QCOMPARE(a.prefix, QStringLiteral("2001:db8::/32"));
        QCOMPARE(a.since, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 123)));
        QCOMPARE(a.preference, 100);
        QCOMPARE(a.nextHops.size(), 2);
        QCOMPARE(a.nextHops[1],
                 (BirdNextHop{QStringLiteral("fe80::2"), QStringLiteral("eth1"), 2}));
        QCOMPARE(a.asPath, (QList<quint32>{65010, 65020, 65030}));
        QCOMPARE(a.med, std::optional<quint32>(7));
        QCOMPARE(a.communities.size(), 2);
        const BirdRoute &b = routes->at(1);
        QCOMPARE(b.prefix, QStringLiteral("2001:db8::/32"));
        QCOMPARE(b.protocol, QStringLiteral("p2"));
        QVERIFY(!b.primary);
        QCOMPARE(b.preference, 90);
        QCOMPARE(b.nextHops, (QList<BirdNextHop>{{QString(), QStringLiteral("tun0"), 0}}));
    }

    // An IPv6 route learnt over an IPv4 session: the head names the
    // peer's address after the time ("from …"); BGP.next_hop carries the
    // global and the link-local next hop (the API answers the first).
    void aRouteFromAnotherAddressKeepsItsTimeAndOneNextHop()
    {
        const QByteArray wire =
            "1007-fd00:7::/64          unicast [peerB 2026-11-30 07:10:11 from 10.99.7.2] * "
            "(100) [AS65002i]\n"
            " \tvia fd00:7::2 on hovva\n"
            "1008-\tType: BGP univ\n"
            "1012-\tBGP.next_hop: fd00:7::2 fe80::e055:51ff:fe31:a144\n"
            "0000 \n";
        auto replies = parseBirdReplies(wire);
        QVERIFY(replies.ok());
        auto routes = parseBirdRoutes(replies->first());
        QVERIFY2(routes.ok(), qPrintable(routes.ok() ? QString() : routes.error().message));
        QCOMPARE(routes->size(), 1);
        QCOMPARE(routes->at(0).protocol, QStringLiteral("peerB"));
        QCOMPARE(routes->at(0).since, QDateTime(QDate(2026, 11, 30), QTime(7, 10, 11)));
        QCOMPARE(routes->at(0).bgpNextHop, QStringLiteral("fd00:7::2 fe80::e055:51ff:fe31:a144"));
    }

    void routesNotFoundIsEmpty()
    {
        BirdReply r;
        r.lines = {{8001, QStringLiteral("Network not found")}};
        auto routes = parseBirdRoutes(r);
        QVERIFY(routes.ok());
        QVERIFY(routes->isEmpty());
    }

    void routesGarbage()
    {
        BirdReply r;
        r.lines = {{1007, QStringLiteral("what is this")}, {0, QString()}};
        QVERIFY(!parseBirdRoutes(r).ok());
    }
};

QTEST_GUILESS_MAIN(TestBirdParsers)
#include "TestBirdParsers.moc"
