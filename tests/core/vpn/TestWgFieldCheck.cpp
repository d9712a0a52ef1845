// Field checks (core/vpn/WgFieldCheck): hostile values for every field that
// reaches a wg-quick file or a command are refused, each with the field
// named and the value not echoed; hooks are never accepted from API input;
// ordinary values pass.

#include "vpn/WgFieldCheck.h"

#include <QTest>

using namespace hm;
using namespace hm::vpn;

namespace {

const QString kKey = QStringLiteral("KXwcSkobzDTjZlXfXMQywkdXbAfy0MHH0pffVXCw5S4=");

} // namespace

class TestWgFieldCheck : public QObject
{
    Q_OBJECT

private slots:
    void hostileValues_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        const auto row = [](const char *field, const QString &value, const char *what) {
            QTest::addRow("%s %s", field, what) << QString::fromLatin1(field) << value;
        };
        const QString peerInjection = QStringLiteral("\n[Peer]\nPublicKey = ") + kKey;
        for (const char *field : {"Name", "Description", "Comment"}) {
            row(field, QStringLiteral("laptop") + peerInjection, "newline peer");
            row(field, QStringLiteral("x\rPostUp = rm -rf /"), "CR hook");
            row(field, QStringLiteral("x\nPostUp = id"), "newline hook");
            row(field, QStringLiteral("a; rm -rf /"), "semicolon");
            row(field, QStringLiteral("$(id)"), "command substitution");
            row(field, QStringLiteral("`id`"), "backticks");
            row(field, QStringLiteral("a = b"), "equals");
            row(field, QStringLiteral("[Peer]"), "brackets");
            row(field, QStringLiteral("a\u2028b"), "line separator");
            row(field,
                QStringLiteral("a\x01"
                               "b"),
                "control");
            row(field, QStringLiteral("tab\there"), "tab");
            row(field, QString(), "empty");
            row(field, QStringLiteral("   "), "blank");
            row(field, QString(300, u'a'), "too long");
            row(field, QStringLiteral("Alice's"), "quote");
            row(field, QStringLiteral("a\\nb"), "backslash");
        }
        for (const QString &value : {QStringLiteral("iptables -A FORWARD -i %i -j ACCEPT"),
                                     QStringLiteral("true"), QString()}) {
            for (const char *field : {"PreUp", "PostUp", "PreDown", "PostDown", "postup"})
                row(field, value, value.isEmpty() ? "empty" : "any hook");
        }
        const QStringList badNames = {
            QStringLiteral("abcdefghijklmnop"),
            QStringLiteral("wg0\n"),
            QStringLiteral("wg 0"),
            QStringLiteral("wg0;rm"),
            QStringLiteral("wg$(id)"),
            QStringLiteral("wg`id`"),
            QStringLiteral("wgü"),
            QString(),
            QStringLiteral("../etc"),
            QStringLiteral("wg0[1]"),
        };
        for (qsizetype i = 0; i < badNames.size(); ++i)
            row("InterfaceName", badNames[i], qPrintable(QString::number(i)));
        const QStringList badKeys = {
            QStringLiteral("abc"),
            kKey.left(43),
            kKey + u'=',
            kKey.left(42) + QStringLiteral("5="), // not canonical: low bits set
            kKey.left(43) + u'\n',
            kKey + peerInjection,
            QStringLiteral("$(id)"),
            QString(44, u'A'),
            QString(),
        };
        for (const char *field : {"PrivateKey", "PublicKey", "PresharedKey"})
            for (qsizetype i = 0; i < badKeys.size(); ++i)
                row(field, badKeys[i], qPrintable(QString::number(i)));
        const QStringList badCidrs = {
            QStringLiteral("10.0.0.1/24\nPostUp = id"),
            QStringLiteral("10.0.0.1/33"),
            QStringLiteral("10.0.0.256"),
            QStringLiteral("10.0.0.1; rm -rf /"),
            QStringLiteral("$(id)"),
            QStringLiteral("`id`"),
            QStringLiteral("fd00::1%eth0"),
            QStringLiteral("010.0.0.1"),
            QStringLiteral("10.1"),
            QStringLiteral("fd00::/129"),
            QStringLiteral("10.0.0.0/08"),
            QStringLiteral("0.0.0.0/0, ::/0"),
            QStringLiteral("[fd00::1]"),
            QStringLiteral("example.com"),
            QString(),
        };
        for (const char *field : {"Address", "AllowedIPs"})
            for (qsizetype i = 0; i < badCidrs.size(); ++i)
                row(field, badCidrs[i], qPrintable(QString::number(i)));
        const QStringList badEndpoints = {
            QStringLiteral("[fd00::1]:51820\n[Peer]"),
            QStringLiteral("host:0"),
            QStringLiteral("host:65536"),
            QStringLiteral("fd00::1:51820"),
            QStringLiteral("ex$(id).com:1"),
            QStringLiteral("a b:1"),
            QStringLiteral("[host]:1"),
            QStringLiteral("portless"),
            QStringLiteral("exa_mple.com:1"),
            QStringLiteral("exämple.com:1"),
            QStringLiteral("host:1;id"),
            QStringLiteral("-host:1"),
            QStringLiteral("`id`:1"),
            QString(),
        };
        for (qsizetype i = 0; i < badEndpoints.size(); ++i)
            row("Endpoint", badEndpoints[i], qPrintable(QString::number(i)));
        for (const QString &dns :
             {QStringLiteral("1.1.1.1; rm -rf /"), QStringLiteral("$(id)"), QStringLiteral("`id`"),
              QStringLiteral("a=b"), QStringLiteral("[::1]"), QStringLiteral("1.1.1.1\n[Peer]"),
              QStringLiteral("1.1.1.1,8.8.8.8"), QString()})
            row("DNS", dns, qPrintable(dns.left(8)));
        for (const QString &port :
             {QStringLiteral("65536"), QStringLiteral("-1"), QStringLiteral("1 2"),
              QStringLiteral("0x10"), QStringLiteral("01"), QString()}) {
            row("ListenPort", port, qPrintable(port));
            row("PersistentKeepalive", port, qPrintable(port));
        }
        row("MTU", QStringLiteral("100"), "small");
        row("MTU", QStringLiteral("1420\nPostUp=id"), "newline");
        row("Table", QStringLiteral("main; id"), "semicolon");
        row("Table", QStringLiteral("$(id)"), "substitution");
        row("Table", QStringLiteral("0123"), "leading zero");
        row("FwMark", QStringLiteral("0x1$(id)"), "substitution");
        row("SaveConfig", QStringLiteral("yes"), "yes");
        row("Foo", QStringLiteral("bar"), "unknown field");
    }

    void hostileValues()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const Status checked = checkApiField(field, value);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code, ErrorCode::ValidationError);
        const QString named = field == u"Foo" ? QStringLiteral("field") : field;
        QCOMPARE(checked.error().details.value(QStringLiteral("field")).toString(), named);
        QVERIFY2(checked.error().message.startsWith(named + QStringLiteral(": ")),
                 qPrintable(checked.error().message));
        // The refused value is never echoed (keys are secrets).
        if (value.trimmed().size() >= 4)
            QVERIFY2(!checked.error().message.contains(value.trimmed()),
                     qPrintable(checked.error().message));
        QVERIFY(!checked.error().message.contains(kKey.left(12)));
    }

    void goodValues_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        const auto row = [](const char *field, const char *value) {
            QTest::addRow("%s %s", field, value)
                << QString::fromLatin1(field) << QString::fromUtf8(value);
        };
        row("InterfaceName", "wg0");
        row("InterfaceName", "a=b+c.d-e_f1234");
        row("PrivateKey", "KXwcSkobzDTjZlXfXMQywkdXbAfy0MHH0pffVXCw5S4=");
        row("publickey", "fRmhoU5YkHaK+UF9l/liHFIUi3Td++l9fz/BCeE0lDk=");
        row("Address", "10.0.0.1/24");
        row("Address", "10.0.0.1");
        row("AllowedIPs", "0.0.0.0/0");
        row("AllowedIPs", "::/0");
        row("AllowedIPs", "fd00:8::2/128");
        row("AllowedIPs", "::ffff:10.0.0.1/128");
        row("Endpoint", "[fd00::1]:51820");
        row("Endpoint", "vpn.example.org:51820");
        row("Endpoint", "192.0.2.1:1");
        row("DNS", "1.1.1.1");
        row("DNS", "2606:4700:4700::1111");
        row("DNS", "corp.example");
        row("ListenPort", "51820");
        row("ListenPort", "0");
        row("PersistentKeepalive", "25");
        row("MTU", "1420");
        row("Table", "off");
        row("Table", "1234");
        row("FwMark", "off");
        row("FwMark", "51820");
        row("SaveConfig", "true");
        row("Name", "Alice laptop");
        row("Name", "Müller 漢字 phone");
        row("Description", "office, 2nd floor (east)");
    }

    void goodValues()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const Status checked = checkApiField(field, value);
        QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().message));
    }

    void hooksOnlyFromTheServer()
    {
        WgQuickConfig config;
        config.interface.privateKey = kKey;
        QVERIFY(checkApiConfig(config).ok());
        config.interface.hooks.postDown << QStringLiteral("iptables -D FORWARD -i %i -j ACCEPT");
        const Status api = checkApiConfig(config);
        QVERIFY(!api.ok());
        QCOMPARE(api.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("PostDown"));
        QVERIFY(checkConfig(config, HookSource::Server).ok());
        // Even the server's own hooks stay on one line.
        config.interface.hooks.postDown = {QStringLiteral("true\n[Peer]")};
        QVERIFY(!checkConfig(config, HookSource::Server).ok());
    }

    void configFieldsNamed()
    {
        WgQuickConfig config;
        config.interface.privateKey = kKey;
        WgPeer peer;
        peer.publicKey = kKey;
        peer.endpointHost = QStringLiteral("host\n[Peer]");
        peer.endpointPort = 1;
        config.peers << peer;
        Status checked = checkApiConfig(config);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("Endpoint"));
        config.peers[0].endpointHost.clear();
        config.peers[0].endpointPort = 0;
        config.peers[0].presharedKey = QStringLiteral("secret-but-not-a-key");
        checked = checkApiConfig(config);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("PresharedKey"));
        QVERIFY(!checked.error().message.contains(QStringLiteral("secret")));
        config.peers[0].presharedKey.clear();
        config.interface.dnsSearch << QStringLiteral("10.0.0.1");
        QVERIFY(!checkApiConfig(config).ok()); // would come back as a resolver
    }
};

QTEST_GUILESS_MAIN(TestWgFieldCheck)
#include "TestWgFieldCheck.moc"
