// The Endpoint a client's config names when its server has no
// endpoint_host: the public URL's host, unless no other machine could reach
// it (a console's local server, a headless one on 0.0.0.0 without
// --public-url); then this machine's first reachable address, IPv4 first.

#include "server/services/vpn/WgEndpointHost.h"

#include <QTest>

using hm::server::vpn::wgReachableEndpointHost;

class TestWgEndpointHost : public QObject
{
    Q_OBJECT

private slots:
    void aReachableHostIsKept()
    {
        const QList<QHostAddress> machine{QHostAddress(QStringLiteral("192.0.2.7"))};
        QCOMPARE(wgReachableEndpointHost(QStringLiteral("vpn.example.com"), machine),
                 QStringLiteral("vpn.example.com"));
        QCOMPARE(wgReachableEndpointHost(QStringLiteral("198.51.100.4"), machine),
                 QStringLiteral("198.51.100.4"));
        QCOMPARE(wgReachableEndpointHost(QStringLiteral("2001:db8::4"), machine),
                 QStringLiteral("2001:db8::4"));
    }

    void aLocalHostGivesWayToTheMachinesAddress_data()
    {
        QTest::addColumn<QString>("urlHost");
        QTest::newRow("loopback") << QStringLiteral("127.0.0.1");
        QTest::newRow("localhost") << QStringLiteral("localhost");
        QTest::newRow("LOCALHOST") << QStringLiteral("LOCALHOST");
        QTest::newRow("any") << QStringLiteral("0.0.0.0");
        QTest::newRow("loopback v6") << QStringLiteral("::1");
        QTest::newRow("any v6") << QStringLiteral("::");
        QTest::newRow("empty") << QString();
    }
    void aLocalHostGivesWayToTheMachinesAddress()
    {
        QFETCH(QString, urlHost);
        // Loopback, link-local and IPv6 first in the list: the first
        // reachable IPv4 address wins.
        const QList<QHostAddress> machine{QHostAddress(QStringLiteral("127.0.0.1")),
                                          QHostAddress(QStringLiteral("::1")),
                                          QHostAddress(QStringLiteral("fe80::1%eth0")),
                                          QHostAddress(QStringLiteral("169.254.3.3")),
                                          QHostAddress(QStringLiteral("2001:db8::9")),
                                          QHostAddress(QStringLiteral("10.0.2.15")),
                                          QHostAddress(QStringLiteral("192.0.2.7"))};
        QCOMPARE(wgReachableEndpointHost(urlHost, machine), QStringLiteral("10.0.2.15"));
        // No IPv4 address: the IPv6 one.
        QCOMPARE(wgReachableEndpointHost(urlHost, machine.mid(0, 5)),
                 QStringLiteral("2001:db8::9"));
    }

    void aMachineWithNothingReachableKeepsTheHost()
    {
        const QList<QHostAddress> machine{QHostAddress(QStringLiteral("127.0.0.1")),
                                          QHostAddress(QStringLiteral("::1"))};
        QCOMPARE(wgReachableEndpointHost(QStringLiteral("127.0.0.1"), machine),
                 QStringLiteral("127.0.0.1"));
    }
};

QTEST_GUILESS_MAIN(TestWgEndpointHost)
#include "TestWgEndpointHost.moc"
