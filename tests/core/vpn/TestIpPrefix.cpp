// Address arithmetic of core/vpn: Ip128, IpCount, IpAddress, IpPrefix.

#include "vpn/IpPrefix.h"

#include <QTest>

using namespace hm;
using namespace hm::vpn;

namespace {

IpAddress addr(const char *text)
{
    auto parsed = IpAddress::parse(QString::fromLatin1(text));
    if (!parsed)
        qFatal("bad test address %s", text);
    return *parsed;
}

IpPrefix prefix(const char *text)
{
    auto parsed = IpPrefix::parse(QString::fromLatin1(text));
    if (!parsed)
        qFatal("bad test prefix %s", text);
    return *parsed;
}

} // namespace

class TestIpPrefix : public QObject
{
    Q_OBJECT
private slots:
    void familyNames()
    {
        for (const AddressFamily family :
             {AddressFamily::Ipv4, AddressFamily::Ipv6, AddressFamily::Dual})
            QCOMPARE(addressFamilyFromName(addressFamilyName(family)), family);
        QCOMPARE(addressFamilyName(AddressFamily::Dual), QStringLiteral("dual"));
        QVERIFY(!addressFamilyFromName(u"IPv4"));
        QVERIFY(!addressFamilyFromName(u""));
    }

    void ip128Arithmetic()
    {
        const Ip128 one = Ip128::fromU64(1);
        const Ip128 lowMax(0, ~quint64(0));
        QCOMPARE(lowMax + one, Ip128(1, 0));   // carry
        QCOMPARE(Ip128(1, 0) - one, lowMax);   // borrow
        QCOMPARE(Ip128::max() + one, Ip128()); // wraps
        QCOMPARE(Ip128() - one, Ip128::max());
        QCOMPARE(one << 64, Ip128(1, 0));
        QCOMPARE(one << 127, Ip128(quint64(1) << 63, 0));
        QCOMPARE(one << 128, Ip128());
        QCOMPARE(Ip128(1, 0) >> 1, Ip128(0, quint64(1) << 63));
        QCOMPARE(Ip128::max() >> 128, Ip128());
        QVERIFY(Ip128(1, 0) > lowMax);
        QCOMPARE(Ip128().toString(), QStringLiteral("0"));
        QCOMPARE(lowMax.toString(), QStringLiteral("18446744073709551615"));
        QCOMPARE(Ip128(1, 0).toString(), QStringLiteral("18446744073709551616"));
        QCOMPARE(Ip128::max().toString(),
                 QStringLiteral("340282366920938463463374607431768211455"));
    }

    void counts()
    {
        QCOMPARE(IpCount::powerOfTwo(0).toString(), QStringLiteral("1"));
        QCOMPARE(IpCount::powerOfTwo(32).toString(), QStringLiteral("4294967296"));
        QCOMPARE(IpCount::powerOfTwo(64).toString(), QStringLiteral("18446744073709551616"));
        QCOMPARE(IpCount::powerOfTwo(64).toSaturatedU64(), ~quint64(0));
        QCOMPARE(IpCount::powerOfTwo(63).toSaturatedU64(), quint64(1) << 63);
        QCOMPARE(IpCount::powerOfTwo(64).toDouble(), 18446744073709551616.0);
        const IpCount all = IpCount::powerOfTwo(128);
        QVERIFY(all.isTwoTo128());
        QCOMPARE(all.toString(), QStringLiteral("340282366920938463463374607431768211456"));
        QCOMPARE(all.minusSaturated(IpCount::fromU64(1)).toString(),
                 QStringLiteral("340282366920938463463374607431768211455"));
        QCOMPARE(all.minusSaturated(IpCount::fromU64(0)), all);
        QCOMPARE(all.minusSaturated(all), IpCount());
        QCOMPARE(IpCount::fromU64(3).minusSaturated(IpCount::fromU64(5)), IpCount());
        QCOMPARE(IpCount(Ip128::max()).plusSaturated(IpCount::fromU64(1)), all);
        QCOMPARE(IpCount(Ip128::max()).plusSaturated(IpCount::fromU64(7)), all);
        QVERIFY(all > IpCount(Ip128::max()));
        QVERIFY(IpCount::fromU64(2) < IpCount::powerOfTwo(2));
    }

    void parseAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical"); // empty: refused
        QTest::newRow("ipv4") << "10.0.0.1"
                              << "10.0.0.1";
        QTest::newRow("ipv4 zero") << "0.0.0.0"
                                   << "0.0.0.0";
        QTest::newRow("ipv4 max") << "255.255.255.255"
                                  << "255.255.255.255";
        QTest::newRow("ipv6") << "FD00:0:0::1"
                              << "fd00::1";
        QTest::newRow("ipv6 full") << "2001:0db8:0000:0000:0000:0000:0000:0001"
                                   << "2001:db8::1";
        QTest::newRow("mapped normalised") << "::ffff:10.0.0.7"
                                           << "10.0.0.7";
        QTest::newRow("short ipv4") << "10.1"
                                    << "";
        QTest::newRow("octal-looking") << "010.0.0.1"
                                       << "";
        QTest::newRow("hex part") << "0x0a.0.0.1"
                                  << "";
        QTest::newRow("octet 256") << "10.0.0.256"
                                   << "";
        QTest::newRow("five parts") << "1.2.3.4.5"
                                    << "";
        QTest::newRow("leading space") << " 10.0.0.1"
                                       << "";
        QTest::newRow("zone id") << "fe80::1%eth0"
                                 << "";
        QTest::newRow("hostname") << "localhost"
                                  << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("two gaps") << "fd00::1::2"
                                  << "";
    }

    void parseAddress()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const auto parsed = IpAddress::parse(text);
        if (canonical.isEmpty()) {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
            return;
        }
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->toString(), canonical);
        QCOMPARE(*IpAddress::parse(parsed->toString()), *parsed);
    }

    void parsePrefix_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical"); // empty: refused
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("size");
        QTest::newRow("/24") << "10.0.0.0/24"
                             << "10.0.0.0/24"
                             << ""
                             << "256";
        QTest::newRow("/16") << "172.16.0.0/16"
                             << "172.16.0.0/16"
                             << ""
                             << "65536";
        QTest::newRow("/0 v4") << "0.0.0.0/0"
                               << "0.0.0.0/0"
                               << ""
                               << "4294967296";
        QTest::newRow("/31") << "10.0.0.2/31"
                             << "10.0.0.2/31"
                             << ""
                             << "2";
        QTest::newRow("/32") << "10.0.0.5/32"
                             << "10.0.0.5/32"
                             << ""
                             << "1";
        QTest::newRow("/64") << "FD00::/64"
                             << "fd00::/64"
                             << ""
                             << "18446744073709551616";
        QTest::newRow("/128") << "fd00::1/128"
                              << "fd00::1/128"
                              << ""
                              << "1";
        QTest::newRow("/0 v6") << "::/0"
                               << "::/0"
                               << ""
                               << "340282366920938463463374607431768211456";
        QTest::newRow("mapped /120") << "::ffff:10.0.0.0/120"
                                     << "10.0.0.0/24"
                                     << ""
                                     << "256";
        QTest::newRow("mapped /64") << "::ffff:0.0.0.0/64"
                                    << ""
                                    << "invalid_prefix"
                                    << "";
        QTest::newRow("host bits v4") << "10.0.0.1/24"
                                      << ""
                                      << "host_bits_set"
                                      << "";
        QTest::newRow("host bits v6") << "fd00::1/64"
                                      << ""
                                      << "host_bits_set"
                                      << "";
        QTest::newRow("/33") << "10.0.0.0/33"
                             << ""
                             << "invalid_prefix"
                             << "";
        QTest::newRow("/129") << "fd00::/129"
                              << ""
                              << "invalid_prefix"
                              << "";
        QTest::newRow("no length") << "10.0.0.0"
                                   << ""
                                   << "invalid_prefix"
                                   << "";
        QTest::newRow("empty length") << "10.0.0.0/"
                                      << ""
                                      << "invalid_prefix"
                                      << "";
        QTest::newRow("leading zero length") << "10.0.0.0/024"
                                             << ""
                                             << "invalid_prefix"
                                             << "";
        QTest::newRow("/0 written 00") << "0.0.0.0/00"
                                       << ""
                                       << "invalid_prefix"
                                       << "";
        QTest::newRow("signed length") << "10.0.0.0/+8"
                                       << ""
                                       << "invalid_prefix"
                                       << "";
        QTest::newRow("bad address") << "10.0.0/24"
                                     << ""
                                     << "invalid_prefix"
                                     << "";
        QTest::newRow("two slashes") << "10.0.0.0/24/8"
                                     << ""
                                     << "invalid_prefix"
                                     << "";
    }

    void parsePrefix()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(QString, reason);
        QFETCH(QString, size);
        const auto parsed = IpPrefix::parse(text);
        if (canonical.isEmpty()) {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
            QCOMPARE(parsed.error().details.value("reason").toString(), reason);
            return;
        }
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->toString(), canonical);
        QCOMPARE(parsed->size().toString(), size);
        QCOMPARE(*IpPrefix::parse(canonical), *parsed);
    }

    void networkAndLast_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("last");
        QTest::newRow("/24") << "10.1.2.0/24"
                             << "10.1.2.0"
                             << "10.1.2.255";
        QTest::newRow("/31") << "10.0.0.2/31"
                             << "10.0.0.2"
                             << "10.0.0.3";
        QTest::newRow("/32") << "10.0.0.9/32"
                             << "10.0.0.9"
                             << "10.0.0.9";
        QTest::newRow("/0") << "0.0.0.0/0"
                            << "0.0.0.0"
                            << "255.255.255.255";
        QTest::newRow("/64") << "fd00:1::/64"
                             << "fd00:1::"
                             << "fd00:1::ffff:ffff:ffff:ffff";
        QTest::newRow("/65") << "fd00::8000:0:0:0/65"
                             << "fd00::8000:0:0:0"
                             << "fd00::ffff:ffff:ffff:ffff";
        QTest::newRow("/128") << "::1/128"
                              << "::1"
                              << "::1";
        QTest::newRow("v6 /0") << "::/0"
                               << "::"
                               << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    }

    void networkAndLast()
    {
        QFETCH(QString, text);
        QFETCH(QString, network);
        QFETCH(QString, last);
        const IpPrefix p = *IpPrefix::parse(text);
        QCOMPARE(p.network().toString(), network);
        QCOMPARE(p.lastAddress().toString(), last);
        QVERIFY(p.contains(p.network()));
        QVERIFY(p.contains(p.lastAddress()));
    }

    void containsAndOverlaps()
    {
        const IpPrefix net = prefix("10.0.0.0/24");
        QVERIFY(net.contains(addr("10.0.0.0")));
        QVERIFY(net.contains(addr("10.0.0.255")));
        QVERIFY(!net.contains(addr("10.0.1.0")));
        QVERIFY(!net.contains(addr("9.255.255.255")));
        QVERIFY(!net.contains(addr("::ffff:10.0.1.0")));
        QVERIFY(net.contains(addr("::ffff:10.0.0.1"))); // normalised to IPv4
        QVERIFY(!net.contains(addr("::a00:1")));        // IPv4-compatible is IPv6
        QVERIFY(!net.contains(IpAddress()));

        QVERIFY(net.contains(prefix("10.0.0.128/25")));
        QVERIFY(net.contains(net));
        QVERIFY(!net.contains(prefix("10.0.0.0/23")));
        QVERIFY(prefix("10.0.0.0/23").contains(net));
        QVERIFY(net.overlaps(prefix("10.0.0.0/16")));
        QVERIFY(prefix("10.0.0.0/16").overlaps(net));
        QVERIFY(!net.overlaps(prefix("10.0.1.0/24")));
        QVERIFY(prefix("0.0.0.0/0").overlaps(prefix("255.255.255.255/32")));
        QVERIFY(!prefix("0.0.0.0/0").overlaps(prefix("::/0"))); // families differ

        const IpPrefix v6 = prefix("fd00::/64");
        QVERIFY(v6.contains(addr("fd00::ffff:ffff:ffff:ffff")));
        QVERIFY(!v6.contains(addr("fd00:0:0:1::")));
        QVERIFY(v6.contains(prefix("fd00::/128")));
        QVERIFY(!v6.overlaps(prefix("fd00:0:0:1::/64")));
        QVERIFY(prefix("::/0").contains(v6));
    }

    void addressPlus()
    {
        QCOMPARE(addr("10.0.0.255").plus(Ip128::fromU64(1))->toString(),
                 QStringLiteral("10.0.1.0"));
        QVERIFY(!addr("255.255.255.255").plus(Ip128::fromU64(1)));
        QCOMPARE(addr("::ffff:ffff:ffff:ffff").plus(Ip128::fromU64(1))->toString(),
                 QStringLiteral("0:0:0:1::"));
        QVERIFY(!addr("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").plus(Ip128::fromU64(1)));
        QVERIFY(addr("10.0.0.1") < addr("::1")); // IPv4 sorts first
    }
};

QTEST_GUILESS_MAIN(TestIpPrefix)
#include "TestIpPrefix.moc"
