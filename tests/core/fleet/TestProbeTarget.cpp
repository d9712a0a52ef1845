// Probe definitions (core/fleet/ProbeTarget): the bounds the server applies
// to admin input and the agent to pushed settings — scheme, credentials,
// control characters, host syntax, port range, intervals — and the metric
// names results are reported under, which must pass isValidMetricName.

#include "fleet/AgentProtocol.h"
#include "fleet/ProbeTarget.h"

#include <QTest>

using namespace hm::fleet;

namespace {

ProbeTarget httpProbe(const QString &url)
{
    ProbeTarget probe;
    probe.id = QStringLiteral("web");
    probe.name = QStringLiteral("Web site");
    probe.kind = ProbeKind::Http;
    probe.target = url;
    return probe;
}

QString failingField(const ProbeTarget &probe)
{
    const auto checked = validateProbeTarget(probe);
    if (checked)
        return {};
    [&] { QCOMPARE(checked.error().code, hm::ErrorCode::ValidationError); }();
    return checked.error().details.value(QStringLiteral("field")).toString();
}

} // namespace

class TestProbeTarget : public QObject
{
    Q_OBJECT

private slots:
    void kindNamesRoundTrip()
    {
        for (const ProbeKind kind : {ProbeKind::Http, ProbeKind::Tcp, ProbeKind::Icmp})
            QCOMPARE(probeKindFromName(probeKindName(kind)), kind);
        QVERIFY(!probeKindFromName(u"udp").has_value());
    }

    void httpTargets_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("field"); // empty: accepted
        QTest::newRow("https") << QStringLiteral("https://example.com/health") << QString();
        QTest::newRow("http with port") << QStringLiteral("http://127.0.0.1:8080/") << QString();
        QTest::newRow("ipv6") << QStringLiteral("http://[::1]:8080/x") << QString();
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/") << QStringLiteral("target");
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << QStringLiteral("target");
        QTest::newRow("credentials")
            << QStringLiteral("https://user:pw@example.com/") << QStringLiteral("target");
        QTest::newRow("newline") << QStringLiteral("https://example.com/\r\nX: y")
                                 << QStringLiteral("target");
        QTest::newRow("space") << QStringLiteral("https://exa mple.com/")
                               << QStringLiteral("target");
        QTest::newRow("bad host") << QStringLiteral("https://exa_mple.com/")
                                  << QStringLiteral("target");
        QTest::newRow("no host") << QStringLiteral("https:///x") << QStringLiteral("target");
    }

    void httpTargets()
    {
        QFETCH(QString, url);
        QFETCH(QString, field);
        QCOMPARE(failingField(httpProbe(url)), field);
    }

    void tcpTargets_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("field");
        QTest::newRow("name") << QStringLiteral("db.example.com:5432") << QString();
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:22") << QString();
        QTest::newRow("ipv6") << QStringLiteral("[::1]:22") << QString();
        QTest::newRow("ipv6 unbracketed") << QStringLiteral("::1:22") << QStringLiteral("target");
        QTest::newRow("no port") << QStringLiteral("example.com") << QStringLiteral("target");
        QTest::newRow("port 0") << QStringLiteral("example.com:0") << QStringLiteral("target");
        QTest::newRow("port 65536")
            << QStringLiteral("example.com:65536") << QStringLiteral("target");
    }

    void tcpTargets()
    {
        QFETCH(QString, target);
        QFETCH(QString, field);
        ProbeTarget probe = httpProbe({});
        probe.kind = ProbeKind::Tcp;
        probe.target = target;
        QCOMPARE(failingField(probe), field);
    }

    void icmpTakesAHostOnly()
    {
        ProbeTarget probe = httpProbe({});
        probe.kind = ProbeKind::Icmp;
        probe.target = QStringLiteral("127.0.0.1");
        QCOMPARE(failingField(probe), QString());
        probe.target = QStringLiteral("127.0.0.1:80");
        QCOMPARE(failingField(probe), QStringLiteral("target"));
        probe.target = QStringLiteral("127.0.0.1");
        probe.keyword = QStringLiteral("ok");
        QCOMPARE(failingField(probe), QStringLiteral("keyword"));
    }

    void boundsOfTheOtherFields()
    {
        ProbeTarget probe = httpProbe(QStringLiteral("https://example.com/"));
        probe.id = QStringLiteral("Web");
        QCOMPARE(failingField(probe), QStringLiteral("id"));
        probe.id = QString(kMaxProbeIdLength + 1, u'a');
        QCOMPARE(failingField(probe), QStringLiteral("id"));
        probe.id = QStringLiteral("web");
        probe.name = QStringLiteral("a\nb");
        QCOMPARE(failingField(probe), QStringLiteral("name"));
        probe.name = QStringLiteral("Web");
        probe.expectedStatus = 600;
        QCOMPARE(failingField(probe), QStringLiteral("expected_status"));
        probe.expectedStatus = 204;
        probe.intervalSeconds = kMinProbeIntervalSeconds - 1;
        QCOMPARE(failingField(probe), QStringLiteral("interval_seconds"));
        probe.intervalSeconds = kMaxProbeIntervalSeconds + 1;
        QCOMPARE(failingField(probe), QStringLiteral("interval_seconds"));
        probe.intervalSeconds = 10;
        probe.timeoutSeconds = 10;
        QCOMPARE(failingField(probe), QStringLiteral("timeout_seconds"));
        probe.timeoutSeconds = 5;
        QCOMPARE(failingField(probe), QString());
    }

    // The longest id with the longest suffix is still a valid metric name.
    void metricNamesOfTheLongestIdAreValid()
    {
        const QString id(kMaxProbeIdLength, u'z');
        for (const auto suffix : {u"up", u"latency_ms", u"status", u"cert_days", u"fallback"})
            QVERIFY(isValidMetricName(probeMetricName(id, suffix)));
        QCOMPARE(probeMetricName(u"web", u"up"), QStringLiteral("probe.web.up"));
    }
};

QTEST_GUILESS_MAIN(TestProbeTarget)
#include "TestProbeTarget.moc"
