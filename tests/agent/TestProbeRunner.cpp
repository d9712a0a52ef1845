// ProbeRunner (issue 35, "Probes") against real servers on loopback: an
// HTTP server it can stop and start again on the same port, an HTTPS one
// with a certificate of known lifetime, listening and closed TCP ports, and
// ICMP to 127.0.0.1 through whatever this kernel allows. Intervals are
// shrunk (msPerIntervalSecond), timeouts are real.

#include "TlsTestSupport.h"
#include "agent/ProbeRunner.h"
#include "agent/TcpProbeCheck.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace hm;
using namespace hm::agent;

namespace {

constexpr int kTestMsPerIntervalSecond = 20; // a 10 s interval is 200 ms

fleet::ProbeTarget probeOf(const QString &id, fleet::ProbeKind kind, const QString &target)
{
    fleet::ProbeTarget probe;
    probe.id = id;
    probe.name = id;
    probe.kind = kind;
    probe.target = target;
    probe.intervalSeconds = 10;
    probe.timeoutSeconds = 2;
    return probe;
}

ProbeRunnerConfig fastRunner(bool granted = true)
{
    ProbeRunnerConfig config;
    config.granted = granted;
    config.msPerIntervalSecond = kTestMsPerIntervalSecond;
    return config;
}

// Every result the runner emits, in order, and per probe.
struct ResultLog
{
    explicit ResultLog(ProbeRunner &runner)
    {
        QObject::connect(&runner, &ProbeRunner::resultReady,
                         [this](const ProbeResult &result) { all.append(result); });
    }
    QList<ProbeResult> of(const QString &id) const
    {
        QList<ProbeResult> out;
        for (const ProbeResult &result : all)
            if (result.id == id)
                out.append(result);
        return out;
    }
    qsizetype countOf(const QString &id) const { return of(id).size(); }
    QList<ProbeResult> all;
};

// A minimal HTTP/1.1 server: answers every request with `status` and
// `body`, then closes. With `ssl`, HTTPS. `silent`: accepts and never
// answers (a hung server, for the timeout).
class ProbeHttpServer : public QObject
{
public:
    explicit ProbeHttpServer(std::optional<QSslConfiguration> ssl = std::nullopt)
    {
        if (ssl) {
            auto server = std::make_unique<QSslServer>();
            server->setSslConfiguration(*ssl);
            m_server = std::move(server);
        } else {
            m_server = std::make_unique<QTcpServer>();
        }
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this,
                &ProbeHttpServer::accept);
    }
    bool listen(quint16 port = 0)
    {
        if (!m_server->listen(QHostAddress::LocalHost, port))
            return false;
        m_port = m_server->serverPort();
        return true;
    }
    void close() { m_server->close(); }
    QString url(const QString &path = QStringLiteral("/health")) const
    {
        return QStringLiteral("%1://127.0.0.1:%2%3")
            .arg(qobject_cast<QSslServer *>(m_server.get()) ? QStringLiteral("https")
                                                            : QStringLiteral("http"))
            .arg(m_port)
            .arg(path);
    }
    quint16 port() const { return m_port; }

    QByteArray status = "200 OK";
    QByteArray body = "<html>all systems nominal</html>";
    bool silent = false;
    QHash<QByteArray, QByteArray> redirects; // path → Location
    std::function<void()> onRequest;         // when a request's head is complete
    int connections = 0;
    int requests = 0;
    int open = 0;    // connections not closed yet
    int maxOpen = 0; // the most open at once

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            ++connections;
            maxOpen = std::max(maxOpen, ++open);
            auto head = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                --open;
                socket->deleteLater();
            });
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, head] {
                const bool started = head->contains("\r\n\r\n");
                *head += socket->readAll();
                if (!head->contains("\r\n\r\n"))
                    return;
                if (!started) {
                    ++requests;
                    if (onRequest)
                        onRequest();
                }
                if (silent || started)
                    return;
                const QByteArray path = head->left(head->indexOf("\r\n")).split(' ').value(1);
                if (redirects.contains(path)) {
                    socket->write("HTTP/1.1 302 Found\r\nLocation: " + redirects.value(path) +
                                  "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                    return;
                }
                socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/html\r\n" +
                              "Content-Length: " + QByteArray::number(body.size()) +
                              "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    }

    std::unique_ptr<QTcpServer> m_server;
    quint16 m_port = 0;
};

// A port nothing listens on (it did a moment ago, so it is free).
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

double metricValue(const QList<fleet::MetricValue> &values, const QString &name)
{
    for (const fleet::MetricValue &value : values)
        if (value.name == name)
            return value.value;
    return -1;
}

bool hasMetric(const QList<fleet::MetricValue> &values, const QString &name)
{
    return std::any_of(values.cbegin(), values.cend(),
                       [&](const fleet::MetricValue &value) { return value.name == name; });
}

} // namespace

class TestProbeRunner : public QObject
{
    Q_OBJECT

private slots:
    void resultsBecomeProbeMetrics()
    {
        ProbeResult full;
        full.id = QStringLiteral("shop");
        full.up = true;
        full.latencyMs = 12.5;
        full.status = 301;
        full.certDays = 29.75;
        full.fallback = true;
        const QList<fleet::MetricValue> expected{
            {QStringLiteral("probe.shop.up"), 1},
            {QStringLiteral("probe.shop.latency_ms"), 12.5},
            {QStringLiteral("probe.shop.status"), 301},
            {QStringLiteral("probe.shop.cert_days"), 29.75},
            {QStringLiteral("probe.shop.fallback"), 1},
        };
        QCOMPARE(probeResultMetrics(full), expected);
        // The longest id still gives valid names for every value.
        full.id = QString(fleet::kMaxProbeIdLength, QLatin1Char('z'));
        for (const fleet::MetricValue &value : probeResultMetrics(full))
            QVERIFY2(fleet::isValidMetricName(value.name), qPrintable(value.name));

        // Down with nothing measured: only up, and no fallback value for a
        // probe that did not fall back.
        ProbeResult down;
        down.id = QStringLiteral("shop");
        QCOMPARE(probeResultMetrics(down),
                 (QList<fleet::MetricValue>{{QStringLiteral("probe.shop.up"), 0}}));
    }

    void httpUpDownAndUpAgainOnTheSamePort()
    {
        ProbeHttpServer server;
        QVERIFY(server.listen());
        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes({probeOf(QStringLiteral("web"), fleet::ProbeKind::Http, server.url())});

        QTRY_VERIFY(!log.all.isEmpty());
        QVERIFY(log.all.last().up);
        QCOMPARE(log.all.last().status, 200);
        QVERIFY(log.all.last().latencyMs.has_value());
        QVERIFY(!log.all.last().certDays.has_value()); // plain http

        const quint16 port = server.port();
        server.close();
        QTRY_VERIFY(!log.all.last().up);
        QVERIFY(!log.all.last().status.has_value());

        QVERIFY(server.listen(port));
        QTRY_VERIFY(log.all.last().up);
    }

    void httpStatusMismatchAndMissingKeywordAreDown()
    {
        ProbeHttpServer failing;
        failing.status = "503 Service Unavailable";
        QVERIFY(failing.listen());
        ProbeHttpServer page;
        QVERIFY(page.listen());

        auto anyGood = probeOf(QStringLiteral("any-good"), fleet::ProbeKind::Http, failing.url());
        auto expects503 =
            probeOf(QStringLiteral("expects-503"), fleet::ProbeKind::Http, failing.url());
        expects503.expectedStatus = 503;
        auto expects204 =
            probeOf(QStringLiteral("expects-204"), fleet::ProbeKind::Http, page.url());
        expects204.expectedStatus = 204;
        auto keywordThere = probeOf(QStringLiteral("kw-there"), fleet::ProbeKind::Http, page.url());
        keywordThere.keyword = QStringLiteral("systems nominal");
        auto keywordMissing =
            probeOf(QStringLiteral("kw-missing"), fleet::ProbeKind::Http, page.url());
        keywordMissing.keyword = QStringLiteral("database ok");

        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes({anyGood, expects503, expects204, keywordThere, keywordMissing});
        for (const auto *id : {"any-good", "expects-503", "expects-204", "kw-there", "kw-missing"})
            QTRY_VERIFY2(log.countOf(QString::fromLatin1(id)) > 0, id);

        QCOMPARE(log.of(QStringLiteral("any-good")).first().up, false);
        QCOMPARE(log.of(QStringLiteral("any-good")).first().status, 503);
        QCOMPARE(log.of(QStringLiteral("expects-503")).first().up, true);
        QCOMPARE(log.of(QStringLiteral("expects-204")).first().up, false);
        QCOMPARE(log.of(QStringLiteral("expects-204")).first().status, 200);
        QCOMPARE(log.of(QStringLiteral("kw-there")).first().up, true);
        QCOMPARE(log.of(QStringLiteral("kw-missing")).first().up, false);
        QCOMPARE(log.of(QStringLiteral("kw-missing")).first().status, 200);
    }

    void httpFollowsAFewRedirectsButNotALoop()
    {
        ProbeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray base = "http://127.0.0.1:" + QByteArray::number(server.port());
        server.redirects.insert("/old", base + "/older");
        server.redirects.insert("/older", base + "/health");
        server.redirects.insert("/loop", base + "/loop");

        auto moved = probeOf(QStringLiteral("moved"), fleet::ProbeKind::Http,
                             server.url(QStringLiteral("/old")));
        moved.keyword = QStringLiteral("nominal"); // found on the final page
        const auto loop = probeOf(QStringLiteral("loop"), fleet::ProbeKind::Http,
                                  server.url(QStringLiteral("/loop")));
        auto redirectItself = probeOf(QStringLiteral("redirect"), fleet::ProbeKind::Http,
                                      server.url(QStringLiteral("/old")));
        redirectItself.expectedStatus = 302;
        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes({moved, loop, redirectItself});
        QTRY_VERIFY(log.countOf(QStringLiteral("moved")) > 0 &&
                    log.countOf(QStringLiteral("loop")) > 0 &&
                    log.countOf(QStringLiteral("redirect")) > 0);
        // Expecting a 3xx checks the redirect, not the page behind it.
        QVERIFY(log.of(QStringLiteral("redirect")).first().up);
        QCOMPARE(log.of(QStringLiteral("redirect")).first().status, 302);
        const ProbeResult followed = log.of(QStringLiteral("moved")).first();
        QVERIFY(followed.up);
        QCOMPARE(followed.status, 200);
        // A 302 would count as up by status alone: too many redirects is
        // down whatever the last status was.
        QVERIFY(!log.of(QStringLiteral("loop")).first().up);
    }

    void httpReadsAtMostOneMebibyteOfBody()
    {
        ProbeHttpServer server;
        server.body = "<p>early marker</p>" + QByteArray(3 * 1024 * 1024, 'x') + "late marker";
        QVERIFY(server.listen());
        auto early = probeOf(QStringLiteral("early"), fleet::ProbeKind::Http, server.url());
        early.keyword = QStringLiteral("early marker");
        auto late = probeOf(QStringLiteral("late"), fleet::ProbeKind::Http, server.url());
        late.keyword = QStringLiteral("late marker");
        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes({early, late});
        QTRY_VERIFY(log.countOf(QStringLiteral("early")) > 0 &&
                    log.countOf(QStringLiteral("late")) > 0);
        QVERIFY(log.of(QStringLiteral("early")).first().up);
        const ProbeResult beyond = log.of(QStringLiteral("late")).first();
        QVERIFY(!beyond.up);
        QCOMPARE(beyond.status, 200);
    }

    void httpsReportsDaysUntilTheCertificateExpires()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QVERIFY(tlstest::makeSelfSignedCertificate(cert, key, 30));
        QFile certFile(cert);
        QFile keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(QSslCertificate(certFile.readAll()));
        ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        ProbeHttpServer server(ssl);
        QVERIFY(server.listen());

        auto lenient = probeOf(QStringLiteral("tls-lenient"), fleet::ProbeKind::Http, server.url());
        lenient.tlsVerify = false;
        // No CA signed the test certificate: verified, the probe is down,
        // and still says how long the certificate has left.
        auto strict = probeOf(QStringLiteral("tls-strict"), fleet::ProbeKind::Http, server.url());

        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes({lenient, strict});
        QTRY_VERIFY(log.countOf(QStringLiteral("tls-lenient")) > 0 &&
                    log.countOf(QStringLiteral("tls-strict")) > 0);

        const ProbeResult ok = log.of(QStringLiteral("tls-lenient")).first();
        QVERIFY(ok.up);
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.certDays.has_value());
        QVERIFY2(*ok.certDays > 29.9 && *ok.certDays <= 30.0,
                 qPrintable(QString::number(*ok.certDays)));

        const ProbeResult refused = log.of(QStringLiteral("tls-strict")).first();
        QVERIFY(!refused.up);
        QVERIFY(!refused.status.has_value());
        QVERIFY(refused.certDays.has_value());
        QVERIFY(*refused.certDays > 29.9 && *refused.certDays <= 30.0);
    }

    void httpTimeoutEndsAHungRequest()
    {
        ProbeHttpServer hung;
        hung.silent = true;
        QVERIFY(hung.listen());
        auto probe = probeOf(QStringLiteral("hung"), fleet::ProbeKind::Http, hung.url());
        probe.timeoutSeconds = 1;
        ProbeRunnerConfig config;
        config.granted = true; // real seconds: the next run is 10 s away
        ProbeRunner runner(config);
        ResultLog log(runner);
        QElapsedTimer clock;
        clock.start();
        runner.setProbes({probe});
        QTRY_VERIFY(!log.all.isEmpty());
        QVERIFY(!log.all.first().up);
        QVERIFY(!log.all.first().latencyMs.has_value());
        QVERIFY(clock.elapsed() >= 900);
        // The runner dropped the request: the server sees it closed.
        QTRY_COMPARE(hung.open, 0);
    }

    void concurrencyIsBounded()
    {
        ProbeHttpServer hung;
        hung.silent = true;
        QVERIFY(hung.listen());
        QList<fleet::ProbeTarget> probes;
        for (int i = 0; i < 6; ++i) {
            auto probe =
                probeOf(QStringLiteral("slow-%1").arg(i), fleet::ProbeKind::Http, hung.url());
            probe.timeoutSeconds = 1;
            probes.append(probe);
        }
        ProbeRunnerConfig config = fastRunner();
        config.maxConcurrent = 2;
        config.spreadSeconds = 0; // all due at once
        ProbeRunner runner(config);
        ResultLog log(runner);
        // The n-th request can only start once n - 2 earlier ones ended.
        // (Requests, not connections: Qt may open a spare connection.)
        bool bounded = true;
        hung.onRequest = [&] {
            bounded = bounded && runner.runningCount() <= 2 && log.all.size() >= hung.requests - 2;
        };
        runner.setProbes(probes);
        QTRY_VERIFY(log.all.size() >= 6);
        QVERIFY(hung.requests >= 6);
        QVERIFY(bounded);
    }

    void tcpUpToAListeningPortDownToAClosedOne()
    {
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::LocalHost, 0));
        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes({probeOf(QStringLiteral("open"), fleet::ProbeKind::Tcp,
                                  QStringLiteral("127.0.0.1:%1").arg(listening.serverPort())),
                          probeOf(QStringLiteral("closed"), fleet::ProbeKind::Tcp,
                                  QStringLiteral("127.0.0.1:%1").arg(closedPort()))});
        QTRY_VERIFY(log.countOf(QStringLiteral("open")) > 0 &&
                    log.countOf(QStringLiteral("closed")) > 0);
        const ProbeResult open = log.of(QStringLiteral("open")).first();
        QVERIFY(open.up);
        QVERIFY(open.latencyMs.has_value() && *open.latencyMs >= 0);
        const ProbeResult closed = log.of(QStringLiteral("closed")).first();
        QVERIFY(!closed.up);
        QVERIFY(!closed.latencyMs.has_value());

        const auto values = runner.takeMetrics(fleet::kMaxReportValues);
        QCOMPARE(metricValue(values, QStringLiteral("probe.open.up")), 1.0);
        QVERIFY(hasMetric(values, QStringLiteral("probe.open.latency_ms")));
        QCOMPARE(metricValue(values, QStringLiteral("probe.closed.up")), 0.0);
        QVERIFY(!hasMetric(values, QStringLiteral("probe.closed.latency_ms")));
        QVERIFY(!hasMetric(values, QStringLiteral("probe.open.fallback")));
    }

    void tcpOverIpv6Brackets()
    {
        const auto split = splitProbeHostPort(QStringLiteral("[::1]:8443"));
        QVERIFY(split.has_value());
        QCOMPARE(split->first, QStringLiteral("::1"));
        QCOMPARE(split->second, 8443);
        QCOMPARE(splitProbeHostPort(QStringLiteral("db.example:5432"))->first,
                 QStringLiteral("db.example"));
        QVERIFY(!splitProbeHostPort(QStringLiteral("no-port")).has_value());

        // The connection itself where this machine has an IPv6 loopback.
        QTcpServer listening;
        if (!listening.listen(QHostAddress::LocalHostIPv6, 0))
            return;
        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes({probeOf(QStringLiteral("v6"), fleet::ProbeKind::Tcp,
                                  QStringLiteral("[::1]:%1").arg(listening.serverPort()))});
        QTRY_VERIFY(!log.all.isEmpty());
        QVERIFY(log.all.first().up);
    }

    void takeMetricsKeepsWholeProbesWithinTheBudget()
    {
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::LocalHost, 0));
        const QString target = QStringLiteral("127.0.0.1:%1").arg(listening.serverPort());
        ProbeRunnerConfig config;
        config.granted = true; // real seconds: each probe runs once here
        ProbeRunner runner(config);
        ResultLog log(runner);
        runner.setProbes({probeOf(QStringLiteral("first"), fleet::ProbeKind::Tcp, target)});
        QTRY_COMPARE(log.all.size(), 1);
        // up + latency_ms: two values, which do not fit in one.
        QVERIFY(runner.takeMetrics(1).isEmpty());
        const auto values = runner.takeMetrics(2);
        QCOMPARE(values.size(), 2);
        QCOMPARE(values.at(0).name, QStringLiteral("probe.first.up"));
        QCOMPARE(values.at(1).name, QStringLiteral("probe.first.latency_ms"));
        QVERIFY(runner.takeMetrics(fleet::kMaxReportValues).isEmpty());
    }

    void icmpToLoopbackPingsOrFallsBack()
    {
        // What this kernel allows, found out independently of the agent.
        bool datagramIcmp = false;
#ifdef Q_OS_LINUX
        const int fd = ::socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
        datagramIcmp = fd >= 0;
        if (fd >= 0)
            ::close(fd);
#endif
        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes(
            {probeOf(QStringLiteral("ping"), fleet::ProbeKind::Icmp, QStringLiteral("127.0.0.1"))});
        QTRY_VERIFY(!log.all.isEmpty());
        const ProbeResult result = log.all.first();
        // Loopback answers either way: an echo reply, or a connect or a
        // refusal on port 80/443.
        QVERIFY(result.up);
        QVERIFY(result.latencyMs.has_value());
        QCOMPARE(result.fallback, !datagramIcmp);
        QCOMPARE(result.fallbackReason.isEmpty(), datagramIcmp);
        const auto values = runner.takeMetrics(fleet::kMaxReportValues);
        QCOMPARE(metricValue(values, QStringLiteral("probe.ping.up")), 1.0);
        QCOMPARE(hasMetric(values, QStringLiteral("probe.ping.fallback")), !datagramIcmp);
        if (!datagramIcmp)
            QCOMPARE(metricValue(values, QStringLiteral("probe.ping.fallback")), 1.0);
    }

    void icmpOverIpv6PingsOrFallsBack()
    {
        QTcpServer v6;
        if (!v6.listen(QHostAddress::LocalHostIPv6, 0))
            return; // no IPv6 loopback here: nothing to ping
        v6.close();
        bool datagramIcmp = false;
#ifdef Q_OS_LINUX
        const int fd = ::socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
        datagramIcmp = fd >= 0;
        if (fd >= 0)
            ::close(fd);
#endif
        // Settings carry an ICMP host as a name or IPv4 address
        // (validateProbeTarget); IPv6 arrives through a name that resolves
        // to one. The literal here reaches the same IPv6 pinger without
        // depending on this machine's /etc/hosts.
        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes(
            {probeOf(QStringLiteral("ping6"), fleet::ProbeKind::Icmp, QStringLiteral("::1"))});
        QTRY_VERIFY(!log.all.isEmpty());
        QVERIFY(log.all.first().up);
        QCOMPARE(log.all.first().fallback, !datagramIcmp);
    }

    void withoutTheCapabilityNothingRuns()
    {
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::LocalHost, 0));
        const auto probe = probeOf(QStringLiteral("gated"), fleet::ProbeKind::Tcp,
                                   QStringLiteral("127.0.0.1:%1").arg(listening.serverPort()));

        ProbeRunner denied(fastRunner(false));
        ResultLog deniedLog(denied);
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("does not grant")));
        denied.setProbes({probe});
        denied.setProbes({probe}); // logged once
        QVERIFY(denied.scheduledIds().isEmpty());

        // A granted runner with the same probe is the clock: by the time
        // it has run three times, the denied one would have too.
        ProbeRunner granted(fastRunner(true));
        ResultLog grantedLog(granted);
        granted.setProbes({probe});
        QTRY_VERIFY(grantedLog.all.size() >= 3);
        QVERIFY(deniedLog.all.isEmpty());
        QVERIFY(denied.takeMetrics(fleet::kMaxReportValues).isEmpty());
        QCOMPARE(denied.runningCount(), 0);
    }

    void replacingTheListStopsRemovedProbesAndKeepsUnchangedOnes()
    {
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::LocalHost, 0));
        const QString target = QStringLiteral("127.0.0.1:%1").arg(listening.serverPort());
        const auto a = probeOf(QStringLiteral("a"), fleet::ProbeKind::Tcp, target);
        const auto b = probeOf(QStringLiteral("b"), fleet::ProbeKind::Tcp, target);

        ProbeRunner runner(fastRunner());
        ResultLog log(runner);
        runner.setProbes({a, b});
        QTRY_VERIFY(log.countOf(QStringLiteral("a")) > 0 && log.countOf(QStringLiteral("b")) > 0);

        runner.setProbes({a});
        QCOMPARE(runner.scheduledIds(), QStringList{QStringLiteral("a")});
        const qsizetype bRuns = log.countOf(QStringLiteral("b"));
        const qsizetype aRuns = log.countOf(QStringLiteral("a"));
        QTRY_VERIFY(log.countOf(QStringLiteral("a")) >= aRuns + 3);
        QCOMPARE(log.countOf(QStringLiteral("b")), bRuns);
        // Its pending result went with it.
        QVERIFY(
            !hasMetric(runner.takeMetrics(fleet::kMaxReportValues), QStringLiteral("probe.b.up")));

        // A disabled probe is a removed one.
        auto aDisabled = a;
        aDisabled.enabled = false;
        runner.setProbes({aDisabled});
        QVERIFY(runner.scheduledIds().isEmpty());
    }

    void anUnchangedProbeKeepsItsSchedule()
    {
        QTcpServer listening;
        QVERIFY(listening.listen(QHostAddress::LocalHost, 0));
        const QString target = QStringLiteral("127.0.0.1:%1").arg(listening.serverPort());
        const auto a = probeOf(QStringLiteral("a"), fleet::ProbeKind::Tcp, target);
        const auto c = probeOf(QStringLiteral("c"), fleet::ProbeKind::Tcp, target);

        ProbeRunnerConfig config;
        config.granted = true; // real seconds: a's next run is 10 s away
        ProbeRunner runner(config);
        ResultLog log(runner);
        runner.setProbes({a});
        QTRY_COMPARE(log.countOf(QStringLiteral("a")), 1);

        // c is new and runs at once; a, unchanged, is not started over
        // (it would run at once too if it were).
        runner.setProbes({a, c});
        QTRY_COMPARE(log.countOf(QStringLiteral("c")), 1);
        QCOMPARE(log.countOf(QStringLiteral("a")), 1);

        // A changed definition is a new probe: it runs at once.
        auto aChanged = a;
        aChanged.timeoutSeconds = 3;
        runner.setProbes({aChanged, c});
        QTRY_COMPARE(log.countOf(QStringLiteral("a")), 2);
        QCOMPARE(log.countOf(QStringLiteral("c")), 1);
    }
};

QTEST_GUILESS_MAIN(TestProbeRunner)
#include "TestProbeRunner.moc"
