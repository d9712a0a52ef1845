// Rendering BIRD 2 configuration (core/vpn/bird/BirdConfig, BirdSyntax):
// the text for a typical setup, and every hostile or out-of-range field
// refused with a ValidationError that never contains the password.

#include "vpn/bird/BirdConfig.h"

#include <QTest>
#include <functional>

using namespace hm::bird;

namespace {

BirdPrefix birdConfigPrefix(const char *text)
{
    return BirdPrefix::parse(QString::fromLatin1(text)).value();
}

BirdConfig birdConfigSample()
{
    BirdConfig c;
    c.routerId = QHostAddress(QStringLiteral("10.99.0.1"));
    c.localAs = 65001;
    c.announced = {{birdConfigPrefix("fd00:aaaa::/48"), BirdAnnounceKind::Unreachable},
                   {birdConfigPrefix("198.51.100.0/24"), BirdAnnounceKind::Blackhole}};
    BirdBgpSession s;
    s.name = QStringLiteral("peer_b");
    s.neighbor = QHostAddress(QStringLiteral("fd00:1::2"));
    s.localAddress = QHostAddress(QStringLiteral("fd00:1::1"));
    s.remoteAs = 65002;
    s.password = QStringLiteral("s3cret-Pass");
    s.holdTime = 3;
    s.keepaliveTime = 1;
    s.connectRetryTime = 1;
    s.ipv6.enabled = true;
    s.ipv4.enabled = true;
    s.ipv4.import = BirdImport::None;
    c.sessions = {s};
    return c;
}

} // namespace

class TestBirdConfig : public QObject
{
    Q_OBJECT

private slots:
    void renders()
    {
        auto text = renderBirdConfig(birdConfigSample());
        QVERIFY2(text.ok(), qPrintable(text.ok() ? QString() : text.error().message));
        const QString expected =
            QStringLiteral("# Written by HiveMind (core/vpn/bird): replaced on every change.\n"
                           "router id 10.99.0.1;\n"
                           "timeformat protocol iso long;\n"
                           "timeformat route iso long;\n"
                           "\n"
                           "protocol device hm_device {\n"
                           "  scan time 10;\n"
                           "}\n"
                           "\n"
                           "protocol static hm_announce4 {\n"
                           "  ipv4;\n"
                           "  route 198.51.100.0/24 blackhole;\n"
                           "}\n"
                           "\n"
                           "protocol static hm_announce6 {\n"
                           "  ipv6;\n"
                           "  route fd00:aaaa::/48 unreachable;\n"
                           "}\n"
                           "\n"
                           "protocol bgp peer_b {\n"
                           "  local fd00:1::1 as 65001;\n"
                           "  neighbor fd00:1::2 as 65002;\n"
                           "  hold time 3;\n"
                           "  keepalive time 1;\n"
                           "  connect retry time 1;\n"
                           "  password \"s3cret-Pass\";\n"
                           "  direct;\n"
                           "  ipv4 {\n"
                           "    extended next hop on;\n"
                           "    import none;\n"
                           "    export where proto = \"hm_announce4\";\n"
                           "  };\n"
                           "  ipv6 {\n"
                           "    import all;\n"
                           "    export where proto = \"hm_announce6\";\n"
                           "  };\n"
                           "}\n"
                           "\n");
        QCOMPARE(*text, expected);
    }

    void rendersOptions()
    {
        BirdConfig c = birdConfigSample();
        BirdBgpSession &s = c.sessions[0];
        s.password.clear();
        s.localAddress = QHostAddress();
        s.localAs = 4200000000u;
        s.multihopTtl = 2;
        s.ttlSecurity = true;
        s.enabled = false;
        s.ipv4.enabled = false;
        s.ipv6.import = BirdImport::Prefixes;
        s.ipv6.importPrefixes = {birdConfigPrefix("fd00:bbbb::/48"),
                                 birdConfigPrefix("2001:db8::/32")};
        s.ipv6.exportAnnounced = false;
        auto text = renderBirdConfig(c);
        QVERIFY(text.ok());
        QVERIFY(text->contains(QStringLiteral("  local as 4200000000;\n")));
        QVERIFY(text->contains(QStringLiteral("  multihop 2;\n")));
        QVERIFY(!text->contains(QStringLiteral("direct;")));
        QVERIFY(text->contains(QStringLiteral("  ttl security on;\n")));
        QVERIFY(text->contains(QStringLiteral("  disabled;\n")));
        QVERIFY(!text->contains(QStringLiteral("password")));
        QVERIFY(!text->contains(QStringLiteral("ipv4 {")));
        QVERIFY(text->contains(
            QStringLiteral("    import where net ~ [ fd00:bbbb::/48+, 2001:db8::/32+ ];\n")));
        QVERIFY(text->contains(QStringLiteral("    export none;\n")));
        QVERIFY(!text->contains(QStringLiteral("next hop address")));
    }

    // IPv6 routes over an IPv4 session (a multihop one has no interface to
    // take an IPv6 next hop from): the chosen address, on the ipv6 channel only.
    void rendersIpv6NextHop()
    {
        BirdConfig c = birdConfigSample();
        BirdBgpSession &s = c.sessions[0];
        s.neighbor = QHostAddress(QStringLiteral("192.0.2.2"));
        s.localAddress = QHostAddress();
        s.ipv4.enabled = true;
        s.ipv6.enabled = true;
        s.ipv6NextHop = QHostAddress(QStringLiteral("2001:db8:1::1"));
        auto text = renderBirdConfig(c);
        QVERIFY(text.ok());
        const qsizetype v6 = text->indexOf(QStringLiteral("  ipv6 {\n"));
        const qsizetype hop = text->indexOf(QStringLiteral("    next hop address 2001:db8:1::1;\n"));
        QVERIFY(v6 > 0);
        QVERIFY(hop > v6);
        QCOMPARE(text->count(QStringLiteral("next hop address")), 1);
        QVERIFY(!text->contains(QStringLiteral("extended next hop")));
    }

    void prefixes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("v6") << QStringLiteral("fd00:aaaa::/48") << true;
        QTest::newRow("v4") << QStringLiteral("198.51.100.0/24") << true;
        QTest::newRow("host bits") << QStringLiteral("198.51.100.1/24") << false;
        QTest::newRow("too long") << QStringLiteral("10.0.0.0/33") << false;
        QTest::newRow("negative") << QStringLiteral("10.0.0.0/-1") << false;
        QTest::newRow("no length") << QStringLiteral("10.0.0.0") << false;
        QTest::newRow("plus") << QStringLiteral("10.0.0.0/+8") << false;
        QTest::newRow("not an address") << QStringLiteral("300.1.1.1/8") << false;
        QTest::newRow("scope") << QStringLiteral("fe80::%eth0/64") << false;
        QTest::newRow("injection") << QStringLiteral("10.0.0.0/8; } protocol x {") << false;
    }

    void prefixes()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        auto p = BirdPrefix::parse(text);
        QCOMPARE(p.ok(), ok);
        if (ok)
            QCOMPARE(p->toString(), text);
        else
            QCOMPARE(p.error().code, hm::ErrorCode::ValidationError);
    }

    void hostileFieldsRefused_data()
    {
        using Mutate = std::function<void(BirdConfig &)>;
        QTest::addColumn<Mutate>("mutate");
        QTest::addColumn<QString>("mentions");
        auto session = [](std::function<void(BirdBgpSession &)> f) {
            return Mutate([f](BirdConfig &c) { f(c.sessions[0]); });
        };
        QTest::newRow("router id v6")
            << Mutate([](BirdConfig &c) { c.routerId = QHostAddress(QStringLiteral("::1")); })
            << QStringLiteral("router id");
        QTest::newRow("router id zero")
            << Mutate([](BirdConfig &c) { c.routerId = QHostAddress::AnyIPv4; })
            << QStringLiteral("router id");
        QTest::newRow("local AS 0")
            << Mutate([](BirdConfig &c) { c.localAs = 0; }) << QStringLiteral("local AS");
        QTest::newRow("remote AS 0")
            << session([](BirdBgpSession &s) { s.remoteAs = 0; }) << QStringLiteral("remote AS");
        QTest::newRow("name with brace")
            << session([](BirdBgpSession &s) { s.name = QStringLiteral("a{"); })
            << QStringLiteral("name");
        QTest::newRow("name with space")
            << session([](BirdBgpSession &s) { s.name = QStringLiteral("a b"); })
            << QStringLiteral("name");
        QTest::newRow("name digit first")
            << session([](BirdBgpSession &s) { s.name = QStringLiteral("1peer"); })
            << QStringLiteral("name");
        QTest::newRow("name too long")
            << session([](BirdBgpSession &s) { s.name = QString(33, QLatin1Char('a')); })
            << QStringLiteral("name");
        QTest::newRow("name keyword")
            << session([](BirdBgpSession &s) { s.name = QStringLiteral("bgp"); })
            << QStringLiteral("keyword");
        QTest::newRow("name reserved")
            << session([](BirdBgpSession &s) { s.name = QStringLiteral("hm_device"); })
            << QStringLiteral("used twice");
        QTest::newRow("name twice")
            << Mutate([](BirdConfig &c) { c.sessions.append(c.sessions[0]); })
            << QStringLiteral("used twice");
        QTest::newRow("neighbor null") << session([](BirdBgpSession &s) {
            s.neighbor = QHostAddress(QStringLiteral("300.1.1.1"));
        }) << QStringLiteral("neighbor");
        QTest::newRow("neighbor multicast") << session([](BirdBgpSession &s) {
            s.neighbor = QHostAddress(QStringLiteral("ff02::1"));
        }) << QStringLiteral("neighbor");
        QTest::newRow("neighbor any")
            << session([](BirdBgpSession &s) { s.neighbor = QHostAddress(QStringLiteral("::")); })
            << QStringLiteral("neighbor");
        QTest::newRow("neighbor scoped") << session([](BirdBgpSession &s) {
            s.neighbor = QHostAddress(QStringLiteral("fe80::1%eth0"));
        }) << QStringLiteral("scope");
        QTest::newRow("local family") << session([](BirdBgpSession &s) {
            s.localAddress = QHostAddress(QStringLiteral("10.0.0.1"));
        }) << QStringLiteral("families");
        QTest::newRow("hold 2") << session([](BirdBgpSession &s) { s.holdTime = 2; })
                                << QStringLiteral("hold time");
        QTest::newRow("hold big") << session([](BirdBgpSession &s) { s.holdTime = 70000; })
                                  << QStringLiteral("hold time");
        QTest::newRow("keepalive above hold")
            << session([](BirdBgpSession &s) { s.keepaliveTime = 3; })
            << QStringLiteral("keepalive");
        QTest::newRow("keepalive negative")
            << session([](BirdBgpSession &s) { s.keepaliveTime = -1; })
            << QStringLiteral("keepalive");
        QTest::newRow("retry negative")
            << session([](BirdBgpSession &s) { s.connectRetryTime = -5; })
            << QStringLiteral("connect retry");
        QTest::newRow("ttl 256") << session([](BirdBgpSession &s) { s.multihopTtl = 256; })
                                 << QStringLiteral("TTL");
        QTest::newRow("no channel")
            << session([](BirdBgpSession &s) { s.ipv4.enabled = s.ipv6.enabled = false; })
            << QStringLiteral("neither");
        QTest::newRow("import wrong family") << session([](BirdBgpSession &s) {
            s.ipv6.import = BirdImport::Prefixes;
            s.ipv6.importPrefixes = {BirdPrefix::parse(QStringLiteral("10.0.0.0/8")).value()};
        }) << QStringLiteral("not an IPv6");
        QTest::newRow("import empty list")
            << session([](BirdBgpSession &s) { s.ipv6.import = BirdImport::Prefixes; })
            << QStringLiteral("no prefix");
        QTest::newRow("announced host bits") << Mutate([](BirdConfig &c) {
            c.announced[0].prefix.address = QHostAddress(QStringLiteral("fd00:aaaa::1"));
        }) << QStringLiteral("not a prefix");
        QTest::newRow("ipv6 next hop v4")
            << session([](BirdBgpSession &s) { s.ipv6NextHop = QHostAddress(QStringLiteral("192.0.2.1")); })
            << QStringLiteral("IPv6 next hop");
        QTest::newRow("ipv6 next hop multicast")
            << session([](BirdBgpSession &s) { s.ipv6NextHop = QHostAddress(QStringLiteral("ff02::1")); })
            << QStringLiteral("IPv6 next hop");
        QTest::newRow("announced twice")
            << Mutate([](BirdConfig &c) { c.announced.append(c.announced[0]); })
            << QStringLiteral("twice");
    }

    void hostileFieldsRefused()
    {
        QFETCH(std::function<void(BirdConfig &)>, mutate);
        QFETCH(QString, mentions);
        BirdConfig c = birdConfigSample();
        mutate(c);
        auto text = renderBirdConfig(c);
        QVERIFY(!text.ok());
        QCOMPARE(text.error().code, hm::ErrorCode::ValidationError);
        QVERIFY2(text.error().message.contains(mentions), qPrintable(text.error().message));
    }

    void hostilePasswordsRefused_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("quote") << QStringLiteral(
            "abc\"; } protocol bgp evil { neighbor 1.2.3.4 as 1; #");
        QTest::newRow("backslash") << QStringLiteral("abc\\\"def");
        QTest::newRow("newline") << QStringLiteral("abc\ndef");
        QTest::newRow("nul")
            << QString(QStringLiteral("abc")).append(QChar(0)).append(QStringLiteral("def"));
        QTest::newRow("tab") << QStringLiteral("abc\tdef");
        QTest::newRow("del") << QStringLiteral("abc\x7f"
                                               "def");
        QTest::newRow("c1 control") << QStringLiteral("abc\u0085def");
        QTest::newRow("line separator") << QStringLiteral("abc\u2028def");
        QTest::newRow("81 bytes") << QString(81, QLatin1Char('p'));
        QTest::newRow("41 two-byte characters") << QString(41, QChar(0xe9));
    }

    void hostilePasswordsRefused()
    {
        QFETCH(QString, password);
        BirdConfig c = birdConfigSample();
        c.sessions[0].password = password;
        auto text = renderBirdConfig(c);
        QVERIFY(!text.ok());
        QCOMPARE(text.error().code, hm::ErrorCode::ValidationError);
        QVERIFY(text.error().message.contains(QStringLiteral("password")));
        QVERIFY(text.error().message.contains(QStringLiteral("peer_b")));
        // The secret never shows up, not even in part.
        QVERIFY(!text.error().toString().contains(password.left(3)));
        QVERIFY(!text.error().message.contains(QStringLiteral("ppp")));
    }

    void passwordAtLimit()
    {
        BirdConfig c = birdConfigSample();
        c.sessions[0].password = QString(80, QLatin1Char('p'));
        QVERIFY(renderBirdConfig(c).ok());
        c.sessions[0].password = QString(40, QChar(0xe9));
        QVERIFY(renderBirdConfig(c).ok());
    }

    void quoting()
    {
        QCOMPARE(quoteBirdPath(QStringLiteral("/etc/bird/hivemind.conf")).value(),
                 QStringLiteral("\"/etc/bird/hivemind.conf\""));
        QVERIFY(!quoteBirdPath(QStringLiteral("relative.conf")).ok());
        QVERIFY(!quoteBirdPath(QStringLiteral("/tmp/a\".conf")).ok());
        QVERIFY(!quoteBirdPath(QStringLiteral("/tmp/a\n.conf")).ok());
        QVERIFY(!quoteBirdPath(QStringLiteral("/tmp/a\\.conf")).ok());
        QVERIFY(!quoteBirdPath(QString()).ok());
        QVERIFY(isValidBirdName(QStringLiteral("peer_b")));
        QVERIFY(isValidBirdName(QStringLiteral("_x1")));
        QVERIFY(isValidBirdName(QString(32, QLatin1Char('a'))));
        QVERIFY(!isValidBirdName(QStringLiteral("peer-b")));
        QVERIFY(!isValidBirdName(QStringLiteral("Static")));
        QVERIFY(!isValidBirdName(QStringLiteral("p\u00e9er")));
    }
};

QTEST_GUILESS_MAIN(TestBirdConfig)
#include "TestBirdConfig.moc"
