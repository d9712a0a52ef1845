// Client address plans of a VPN server (core/vpn/AddressPlan.h).

#include "vpn/AddressPlan.h"

#include <QRandomGenerator>
#include <QTest>
#include <set>

using namespace hm;
using namespace hm::vpn;

namespace {

IpAddress addr(const QString &text)
{
    auto parsed = IpAddress::parse(text);
    if (!parsed)
        qFatal("bad test address %s", qPrintable(text));
    return *parsed;
}

VpnSubnet subnet(const QString &prefix, const QString &server)
{
    auto parsed = IpPrefix::parse(prefix);
    if (!parsed)
        qFatal("bad test prefix %s", qPrintable(prefix));
    return VpnSubnet{*parsed, addr(server)};
}

AddressPlan plan(std::optional<VpnSubnet> v4, std::optional<VpnSubnet> v6 = std::nullopt)
{
    auto created = AddressPlan::create(std::move(v4), std::move(v6));
    if (!created)
        qFatal("bad test plan: %s", qPrintable(created.error().toString()));
    return std::move(created).value();
}

QString reasonOf(const Error &error)
{
    return error.details.value(QStringLiteral("reason")).toString();
}

// The obvious definition the fast search must agree with, independent of
// AddressPlan: walk the subnet from its first address, skipping the
// network and (IPv4) broadcast address when the subnet has more than two
// addresses, the server and what the test itself recorded as taken.
std::optional<IpAddress> naiveNextFree(const VpnSubnet &s, const std::set<IpAddress> &taken)
{
    const bool ends = s.prefix.bitWidth() - s.prefix.length() >= 2;
    for (IpAddress a = s.prefix.network(); s.prefix.contains(a);) {
        const bool reserved = (ends && a == s.prefix.network()) ||
                              (ends && a.isIpv4() && a == s.prefix.lastAddress()) || a == s.server;
        if (!reserved && !taken.count(a))
            return a;
        const auto next = a.plus(Ip128::fromU64(1));
        if (!next)
            break;
        a = *next;
    }
    return std::nullopt;
}

} // namespace

class TestAddressPlan : public QObject
{
    Q_OBJECT
private slots:
    void invalidPlansRefused_data()
    {
        QTest::addColumn<QString>("v4prefix");
        QTest::addColumn<QString>("v4server");
        QTest::addColumn<QString>("v6prefix");
        QTest::addColumn<QString>("v6server");
        QTest::addColumn<QString>("reason");
        QTest::newRow("none") << ""
                              << ""
                              << ""
                              << ""
                              << "no_subnet";
        QTest::newRow("server outside") << "10.0.0.0/24"
                                        << "10.0.1.1"
                                        << ""
                                        << ""
                                        << "server_outside_subnet";
        QTest::newRow("server is network") << "10.0.0.0/24"
                                           << "10.0.0.0"
                                           << ""
                                           << ""
                                           << "server_reserved_address";
        QTest::newRow("server is broadcast") << "10.0.0.0/24"
                                             << "10.0.0.255"
                                             << ""
                                             << ""
                                             << "server_reserved_address";
        QTest::newRow("v6 server is network") << ""
                                              << ""
                                              << "fd00::/64"
                                              << "fd00::"
                                              << "server_reserved_address";
        QTest::newRow("v6 prefix as v4") << "fd00::/64"
                                         << "fd00::1"
                                         << ""
                                         << ""
                                         << "wrong_family";
        QTest::newRow("mixed families") << "10.0.0.0/24"
                                        << "fd00::1"
                                        << ""
                                        << ""
                                        << "wrong_family";
        QTest::newRow("v6 server outside") << ""
                                           << ""
                                           << "fd00::/64"
                                           << "fd00:0:0:1::1"
                                           << "server_outside_subnet";
    }

    void invalidPlansRefused()
    {
        QFETCH(QString, v4prefix);
        QFETCH(QString, v4server);
        QFETCH(QString, v6prefix);
        QFETCH(QString, v6server);
        QFETCH(QString, reason);
        std::optional<VpnSubnet> v4;
        std::optional<VpnSubnet> v6;
        if (!v4prefix.isEmpty())
            v4 = subnet(v4prefix, v4server);
        if (!v6prefix.isEmpty())
            v6 = subnet(v6prefix, v6server);
        const auto created = AddressPlan::create(v4, v6);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::ValidationError);
        QCOMPARE(reasonOf(created.error()), reason);
    }

    void families()
    {
        QCOMPARE(plan(subnet("10.0.0.0/24", "10.0.0.1")).family(), AddressFamily::Ipv4);
        QCOMPARE(plan(std::nullopt, subnet("fd00::/64", "fd00::1")).family(), AddressFamily::Ipv6);
        QCOMPARE(plan(subnet("10.0.0.0/24", "10.0.0.1"), subnet("fd00::/64", "fd00::1")).family(),
                 AddressFamily::Dual);
    }

    void checkClientAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("reason"); // empty: accepted
        QTest::newRow("first client") << "10.0.0.2"
                                      << "";
        QTest::newRow("last client") << "10.0.0.254"
                                     << "";
        QTest::newRow("mapped client") << "::ffff:10.0.0.3"
                                       << "";
        QTest::newRow("network") << "10.0.0.0"
                                 << "network_address";
        QTest::newRow("broadcast") << "10.0.0.255"
                                   << "broadcast_address";
        QTest::newRow("server") << "10.0.0.1"
                                << "server_address";
        QTest::newRow("taken") << "10.0.0.10"
                               << "address_taken";
        QTest::newRow("outside") << "10.0.1.2"
                                 << "outside_subnet";
        QTest::newRow("mapped outside") << "::ffff:10.0.1.2"
                                        << "outside_subnet";
        QTest::newRow("v6 client") << "fd00::2"
                                   << "";
        QTest::newRow("v6 last") << "fd00::ffff:ffff:ffff:ffff"
                                 << ""; // no broadcast in IPv6
        QTest::newRow("v6 network") << "fd00::"
                                    << "network_address";
        QTest::newRow("v6 server") << "fd00::1"
                                   << "server_address";
        QTest::newRow("v6 taken") << "fd00::abcd"
                                  << "address_taken";
        QTest::newRow("v6 outside") << "fd01::2"
                                    << "outside_subnet";
    }

    void checkClientAddress()
    {
        QFETCH(QString, address);
        QFETCH(QString, reason);
        AddressPlan p = plan(subnet("10.0.0.0/24", "10.0.0.1"), subnet("fd00::/64", "fd00::1"));
        QVERIFY(p.take(addr("10.0.0.10")).ok());
        QVERIFY(p.take(addr("fd00::abcd")).ok());
        const Status status = p.checkClientAddress(addr(address));
        if (reason.isEmpty()) {
            QVERIFY(status.ok());
            QVERIFY(p.take(addr(address)).ok());
            QVERIFY(p.isTaken(addr(address)));
            return;
        }
        QVERIFY(!status.ok());
        QCOMPARE(reasonOf(status.error()), reason);
        QCOMPARE(status.error().code, reason == QLatin1String("address_taken")
                                          ? ErrorCode::Conflict
                                          : ErrorCode::ValidationError);
        QVERIFY(status.error().message.contains(addr(address).toString()));
        QVERIFY(!p.take(addr(address)).ok());
    }

    void familyNotConfigured()
    {
        AddressPlan p = plan(subnet("10.0.0.0/24", "10.0.0.1"));
        const Status status = p.checkClientAddress(addr("fd00::2"));
        QVERIFY(!status.ok());
        QCOMPARE(reasonOf(status.error()), QStringLiteral("family_not_configured"));
        const auto next = p.nextFreeClientAddress(AddressFamily::Ipv6);
        QVERIFY(!next.ok());
        QCOMPARE(reasonOf(next.error()), QStringLiteral("family_not_configured"));
        QVERIFY(!p.nextFreeClientAddresses(AddressFamily::Dual).ok());
        QVERIFY(!p.nextFreeClientAddress(AddressFamily::Dual).ok());
        QVERIFY(!p.checkClientAddress(IpAddress()).ok());
    }

    void nextFreeSkipsReserved_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QStringList>("expected"); // in order, then full
        QTest::newRow("/30 server first") << "10.0.0.0/30"
                                          << "10.0.0.1" << QStringList{"10.0.0.2"};
        QTest::newRow("/30 server last") << "10.0.0.0/30"
                                         << "10.0.0.2" << QStringList{"10.0.0.1"};
        QTest::newRow("/29 server middle")
            << "10.0.0.8/29"
            << "10.0.0.11"
            << QStringList{"10.0.0.9", "10.0.0.10", "10.0.0.12", "10.0.0.13", "10.0.0.14"};
        // RFC 3021: both addresses of a /31 are hosts.
        QTest::newRow("/31") << "10.0.0.2/31"
                             << "10.0.0.2" << QStringList{"10.0.0.3"};
        QTest::newRow("/31 server high") << "10.0.0.2/31"
                                         << "10.0.0.3" << QStringList{"10.0.0.2"};
        QTest::newRow("/32") << "10.0.0.7/32"
                             << "10.0.0.7" << QStringList{};
        QTest::newRow("v6 /126") << "fd00::/126"
                                 << "fd00::1" << QStringList{"fd00::2", "fd00::3"};
        QTest::newRow("v6 /127") << "fd00::/127"
                                 << "fd00::" << QStringList{"fd00::1"};
        QTest::newRow("v6 /128") << "fd00::5/128"
                                 << "fd00::5" << QStringList{};
        QTest::newRow("top of v4") << "255.255.255.252/30"
                                   << "255.255.255.253" << QStringList{"255.255.255.254"};
        QTest::newRow("top of v6") << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffc/126"
                                   << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffd"
                                   << QStringList{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe",
                                                  "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"};
    }

    void nextFreeSkipsReserved()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, server);
        QFETCH(QStringList, expected);
        const VpnSubnet s = subnet(prefix, server);
        const AddressFamily family = s.prefix.family();
        AddressPlan p = s.prefix.network().isIpv4() ? plan(s) : plan(std::nullopt, s);
        for (const QString &want : expected) {
            const auto got = p.takeNextFree(family);
            QVERIFY(got.ok());
            QCOMPARE(got->toString(), want);
        }
        const auto full = p.nextFreeClientAddress(family);
        QVERIFY(!full.ok());
        QCOMPARE(full.error().code, ErrorCode::Conflict);
        QCOMPARE(reasonOf(full.error()), QStringLiteral("subnet_full"));
        QVERIFY(full.error().message.contains(s.prefix.toString()));
        QCOMPARE(p.takenCount(family), quint64(expected.size()));
        // Release and reuse: a freed address is the next one handed out.
        if (!expected.isEmpty()) {
            QVERIFY(p.release(addr(expected.first())));
            QVERIFY(!p.release(addr(expected.first())));
            QCOMPARE(p.nextFreeClientAddress(family)->toString(), expected.first());
        }
    }

    void lowestFreeAfterRelease()
    {
        AddressPlan p = plan(subnet("10.0.0.0/24", "10.0.0.1"), subnet("fd00::/64", "fd00::1"));
        for (int i = 0; i < 20; ++i)
            QVERIFY(p.takeNextFree(AddressFamily::Ipv4).ok());
        QCOMPARE(p.nextFreeClientAddress(AddressFamily::Ipv4)->toString(),
                 QStringLiteral("10.0.0.22"));
        QVERIFY(p.release(addr("10.0.0.9")));
        QVERIFY(p.release(addr("10.0.0.5")));
        QCOMPARE(p.takeNextFree(AddressFamily::Ipv4)->toString(), QStringLiteral("10.0.0.5"));
        QCOMPARE(p.takeNextFree(AddressFamily::Ipv4)->toString(), QStringLiteral("10.0.0.9"));
        QCOMPARE(p.takeNextFree(AddressFamily::Ipv4)->toString(), QStringLiteral("10.0.0.22"));
        const auto both = p.nextFreeClientAddresses(AddressFamily::Dual);
        QVERIFY(both.ok());
        QCOMPARE(both->ipv4->toString(), QStringLiteral("10.0.0.23"));
        QCOMPARE(both->ipv6->toString(), QStringLiteral("fd00::2"));
        const auto only6 = p.nextFreeClientAddresses(AddressFamily::Ipv6);
        QVERIFY(only6.ok() && !only6->ipv4 && only6->ipv6);
    }

    // The fast search against the naive walk on random take / release
    // sequences, in small subnets where the walk is cheap.
    void matchesNaiveReference_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("server");
        QTest::newRow("/24") << "10.0.0.0/24"
                             << "10.0.0.1";
        QTest::newRow("/26 server high") << "192.168.1.64/26"
                                         << "192.168.1.126";
        QTest::newRow("/28 server mid") << "10.9.0.16/28"
                                        << "10.9.0.23";
        QTest::newRow("/31") << "10.0.0.0/31"
                             << "10.0.0.1";
        QTest::newRow("v6 /120") << "fd00::/120"
                                 << "fd00::80";
        QTest::newRow("v6 /124 server last") << "fd00::10/124"
                                             << "fd00::1f";
    }

    void matchesNaiveReference()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, server);
        const VpnSubnet s = subnet(prefix, server);
        const AddressFamily family = s.prefix.family();
        const quint64 size = s.prefix.size().toSaturatedU64();
        QRandomGenerator random(0x5eed + quint32(size));
        for (int round = 0; round < 20; ++round) {
            AddressPlan p = s.prefix.network().isIpv4() ? plan(s) : plan(std::nullopt, s);
            std::set<IpAddress> taken;
            // Fill density varies by round: sparse, then up to full.
            const int density = round * 5;
            for (int op = 0; op < 400; ++op) {
                const IpAddress a = *s.prefix.network().plus(Ip128::fromU64(random.bounded(size)));
                if (int(random.bounded(100)) < density + 30) {
                    const bool reserved = a == s.prefix.network() || a == s.server ||
                                          (a.isIpv4() && a == s.prefix.lastAddress());
                    const bool allowed =
                        !taken.count(a) && (!reserved || (a != s.server && size <= 2));
                    QCOMPARE(p.take(a).ok(), allowed);
                    if (allowed)
                        taken.insert(a);
                } else if (int(random.bounded(100)) < 50) {
                    QCOMPARE(p.release(a), taken.erase(a) == 1);
                } else if (const auto next = p.takeNextFree(family); next.ok()) {
                    taken.insert(*next);
                }
                const std::optional<IpAddress> want = naiveNextFree(s, taken);
                const auto got = p.nextFreeClientAddress(family);
                QCOMPARE(got.ok(), want.has_value());
                if (want)
                    QCOMPARE(got->toString(), want->toString());
                QCOMPARE(p.takenCount(family), quint64(taken.size()));
            }
        }
    }

    // A whole /16 filled one address at a time (a quadratic scan would take
    // minutes; how fast it is: not a test's business).
    void bulkSlash16()
    {
        AddressPlan p = plan(subnet("10.20.0.0/16", "10.20.0.1"));
        for (int i = 0; i < 60000; ++i)
            QVERIFY(p.takeNextFree(AddressFamily::Ipv4).ok());
        // A few holes, then fill the rest: 65,536 - network, broadcast, server.
        QVERIFY(p.release(addr(QStringLiteral("10.20.100.7"))));
        QCOMPARE(p.takeNextFree(AddressFamily::Ipv4)->toString(), QStringLiteral("10.20.100.7"));
        for (int i = 60000; i < 65533; ++i)
            QVERIFY(p.takeNextFree(AddressFamily::Ipv4).ok());
        QCOMPARE(reasonOf(p.nextFreeClientAddress(AddressFamily::Ipv4).error()),
                 QStringLiteral("subnet_full"));

        // Explicit addresses in random order, then the lowest free.
        AddressPlan q = plan(subnet("10.30.0.0/16", "10.30.0.1"));
        QRandomGenerator random(42);
        QList<quint32> order;
        for (quint32 i = 2; i < 60002; ++i)
            order.append(i);
        std::shuffle(order.begin(), order.end(), random);
        for (const quint32 offset : order)
            QVERIFY(q.take(IpAddress::ipv4((10u << 24) | (30u << 16) | offset)).ok());
        QCOMPARE(q.nextFreeClientAddress(AddressFamily::Ipv4)->toString(),
                 QStringLiteral("10.30.234.98")); // offset 60002
    }

    void ipv6Slash64NeverEnumerates()
    {
        AddressPlan p = plan(std::nullopt, subnet("fd00:1::/64", "fd00:1::1"));
        // Take the top of the /64 and walk the bottom: neither end is
        // reached by counting.
        QVERIFY(p.take(addr(QStringLiteral("fd00:1::ffff:ffff:ffff:ffff"))).ok());
        for (int i = 0; i < 1000; ++i)
            QVERIFY(p.takeNextFree(AddressFamily::Ipv6).ok());
        QCOMPARE(p.nextFreeClientAddress(AddressFamily::Ipv6)->toString(),
                 QStringLiteral("fd00:1::3ea"));
        QCOMPARE(p.takenCount(AddressFamily::Ipv6), quint64(1001));
        QVERIFY(p.checkClientAddress(addr(QStringLiteral("fd00:1::ffff:ffff:ffff:fffe"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestAddressPlan)
#include "TestAddressPlan.moc"
