// Fleet probes end to end (issue 35, "Probes"): the real hivemind-agent,
// enrolled with the "probes" capability, runs the probes the real server
// pushes to it. An HTTP probe against a server on loopback reads up while
// it answers, down when it stops (a probe alert opens) and up again when it
// returns (the alert resolves by itself); an HTTPS probe reports the days
// its test certificate has left (a certificate alert opens); a probe scoped
// to a label the node does not have reports nothing from it.

#include "AuthTestSupport.h"
#include "TlsTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <optional>

using namespace hm::test;

namespace {

// A port nobody listens on now.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// A minimal HTTP/1.1 server on 127.0.0.1 (HTTPS with `ssl`): every request
// is answered 200 with `body`, then the connection closes.
class LoopbackHttpServer : public QObject
{
public:
    explicit LoopbackHttpServer(std::optional<QSslConfiguration> ssl = std::nullopt)
    {
        if (ssl) {
            auto server = std::make_unique<QSslServer>();
            server->setSslConfiguration(*ssl);
            m_server = std::move(server);
        } else {
            m_server = std::make_unique<QTcpServer>();
        }
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this,
                &LoopbackHttpServer::accept);
    }
    bool listen(quint16 port = 0)
    {
        if (!m_server->listen(QHostAddress::LocalHost, port))
            return false;
        m_port = m_server->serverPort();
        return true;
    }
    void close() { m_server->close(); }
    bool isListening() const { return m_server->isListening(); }
    quint16 port() const { return m_port; }
    QString url() const
    {
        return QStringLiteral("%1://127.0.0.1:%2/")
            .arg(qobject_cast<QSslServer *>(m_server.get()) ? QStringLiteral("https")
                                                            : QStringLiteral("http"))
            .arg(m_port);
    }

    QByteArray body = "<html>hivemind probe target: all systems nominal</html>";
    int requests = 0;

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            auto head = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, head] {
                const bool answered = head->contains("\r\n\r\n");
                *head += socket->readAll();
                if (answered || !head->contains("\r\n\r\n"))
                    return;
                ++requests;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
                              body);
                socket->disconnectFromHost();
            });
        }
    }

    std::unique_ptr<QTcpServer> m_server;
    quint16 m_port = 0;
};

const QString kLabel = QStringLiteral("probe-e2e");

} // namespace

class TestProbeEndToEnd : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    QTemporaryDir m_agentDir;
    QProcess m_agent;
    QString m_nodeId;
    LoopbackHttpServer m_web;
    std::unique_ptr<LoopbackHttpServer> m_tls;

    // Every stored report's metrics, oldest first.
    QList<QJsonObject> reports()
    {
        const QJsonArray items =
            m_http
                ->get(
                    QStringLiteral(
                        "/api/v1/nodes/%1/metrics?start=2020-01-01T00:00:00Z&limit=10000&tier=raw")
                        .arg(m_nodeId),
                    m_admin)
                .data()
                .value("items")
                .toArray();
        QList<QJsonObject> out;
        for (const QJsonValue item : items)
            out << item.toObject().value("metrics").toObject();
        return out;
    }

    // The stored values of one metric, oldest first (only the reports that
    // carry it: a probe's result travels in one report).
    QList<double> values(const QString &metric)
    {
        const QJsonArray items =
            m_http
                ->get(QStringLiteral("/api/v1/nodes/%1/metrics?start=2020-01-01T00:00:00Z&limit="
                                     "10000&tier=raw&metrics=%2")
                          .arg(m_nodeId, metric),
                      m_admin)
                .data()
                .value("items")
                .toArray();
        QList<double> out;
        for (const QJsonValue item : items) {
            const QJsonObject metrics = item.toObject().value("metrics").toObject();
            if (metrics.contains(metric))
                out << metrics.value(metric).toDouble();
        }
        return out;
    }

    // The newest stored value of `metric`; -1 while none is stored.
    double latest(const QString &metric)
    {
        const QList<double> all = values(metric);
        return all.isEmpty() ? -1 : all.last();
    }

    // The node's alert records of `type`, newest first.
    QJsonArray records(const QString &type, bool onlyOpen)
    {
        return m_http
            ->get(QStringLiteral("/api/v1/alerts/records?node_id=%1&type=%2%3")
                      .arg(m_nodeId, type,
                           onlyOpen ? QStringLiteral("&only_unresolved=true") : QString()),
                  m_admin)
            .data()
            .value("items")
            .toArray();
    }

    QJsonObject node()
    {
        return m_http->get(QStringLiteral("/api/v1/nodes/") + m_nodeId, m_admin).data();
    }

    int createProbe(const QJsonObject &probe)
    {
        return m_http->json("POST", QStringLiteral("/api/v1/probes"), probe, m_admin).status;
    }

    QString createRule(const QJsonObject &rule)
    {
        const Answer created =
            m_http->json("POST", QStringLiteral("/api/v1/alerts/rules"), rule, m_admin);
        return created.status == 201 ? created.data().value("id").toString() : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({}, freePort()).isEmpty(), "server did not start");
        QVERIFY(m_agentDir.isValid());
        // One report a second: a probe's result is stored a second after it.
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 1}}, m_admin)
                     .status,
                 200);
        QVERIFY(m_web.listen());

        const Answer created =
            m_http->json("POST", QStringLiteral("/api/v1/nodes"),
                         {{"name", "probe-host"}, {"labels", QJsonArray{kLabel}}}, m_admin);
        QCOMPARE(created.status, 201);
        m_nodeId = created.data().value("node").toObject().value("id").toString();
        const QString secret =
            created.data().value("enrolment").toObject().value("secret").toString();

        QFile config(m_agentDir.filePath(QStringLiteral("agent.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("capabilities=metrics,probes\n");
        config.close();
        m_agent.setProgram(binaryPath("hivemind-agent"));
        m_agent.setArguments(
            {QStringLiteral("--config"), config.fileName(), QStringLiteral("--server"),
             m_http->base().toString(), QStringLiteral("--enrol-secret"), secret,
             QStringLiteral("--data-dir"), m_agentDir.filePath(QStringLiteral("data")),
             QStringLiteral("--interval"), QStringLiteral("1")});
        m_agent.setProcessChannelMode(QProcess::MergedChannels);
        m_agent.start();
        QVERIFY(m_agent.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(node().value("status").toString(), QStringLiteral("online"),
                                  30000);
        QCOMPARE(node().value("capabilities").toArray(), (QJsonArray{"metrics", "probes"}));
    }

    void httpProbeFollowsTheServer()
    {
        QVERIFY(!m_nodeId.isEmpty());
        QCOMPARE(createProbe({{"id", "web"},
                              {"name", "Loopback web"},
                              {"kind", "http"},
                              {"target", m_web.url()},
                              {"keyword", "all systems nominal"},
                              {"interval_seconds", 10},
                              {"timeout_seconds", 2},
                              {"scope", QJsonObject{{"type", "label"}, {"value", kLabel}}}}),
                 201);
        const QString ruleId = createRule({{"name", "web down"},
                                           {"type", "probe"},
                                           {"probe_id", "web"},
                                           {"duration", 0},
                                           {"node_id", m_nodeId}});
        QVERIFY(!ruleId.isEmpty());

        // The agent got the probe and runs it at once.
        QTRY_COMPARE_WITH_TIMEOUT(latest(QStringLiteral("probe.web.up")), 1.0, 20000);
        QVERIFY(m_web.requests > 0);
        const double latency = latest(QStringLiteral("probe.web.latency_ms"));
        QVERIFY2(latency >= 0 && latency < 2000, qPrintable(QString::number(latency)));
        QCOMPARE(latest(QStringLiteral("probe.web.status")), 200.0);
        QVERIFY(records(QStringLiteral("probe"), true).isEmpty());

        // The server stops: the next run (10 s later) reads down, and the
        // rule opens a record for the node.
        const quint16 port = m_web.port();
        m_web.close();
        QTRY_COMPARE_WITH_TIMEOUT(latest(QStringLiteral("probe.web.up")), 0.0, 25000);
        QTRY_COMPARE_WITH_TIMEOUT(records(QStringLiteral("probe"), true).size(), 1, 10000);
        const QJsonObject open = records(QStringLiteral("probe"), true).first().toObject();
        QCOMPARE(open.value("rule_id").toString(), ruleId);
        QCOMPARE(open.value("node_id").toString(), m_nodeId);
        QCOMPARE(open.value("status").toString(), QStringLiteral("active"));

        // Back on the same port: up again, and the record resolves by itself.
        QVERIFY(m_web.listen(port));
        QTRY_COMPARE_WITH_TIMEOUT(latest(QStringLiteral("probe.web.up")), 1.0, 25000);
        QTRY_VERIFY_WITH_TIMEOUT(records(QStringLiteral("probe"), true).isEmpty(), 10000);
        const QJsonArray all = records(QStringLiteral("probe"), false);
        QCOMPARE(all.size(), 1);
        const QJsonObject resolved = all.first().toObject();
        QCOMPARE(resolved.value("id"), open.value("id"));
        QCOMPARE(resolved.value("status").toString(), QStringLiteral("resolved"));
        QVERIFY(!resolved.value("resolved_at").toString().isEmpty());
        QVERIFY(resolved.value("resolved_by").isNull());
        // Up, down, up again: the stored history says so.
        const QList<double> ups = values(QStringLiteral("probe.web.up"));
        QVERIFY(ups.indexOf(0.0) > 0);
        QCOMPARE(ups.first(), 1.0);
        QCOMPARE(ups.last(), 1.0);
    }

    void certificateDaysAreReported()
    {
        QVERIFY(!m_nodeId.isEmpty());
        const QString cert = m_agentDir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_agentDir.filePath(QStringLiteral("key.pem"));
        QVERIFY(tlstest::makeSelfSignedCertificate(cert, key, 20));
        QFile certFile(cert);
        QFile keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(QSslCertificate(certFile.readAll()));
        ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        m_tls = std::make_unique<LoopbackHttpServer>(ssl);
        QVERIFY(m_tls->listen());

        // Self-signed: only without verification is the probe up.
        QCOMPARE(createProbe({{"id", "tls"},
                              {"name", "Loopback TLS"},
                              {"kind", "http"},
                              {"target", m_tls->url()},
                              {"tls_verify", false},
                              {"interval_seconds", 10},
                              {"timeout_seconds", 2},
                              {"scope", QJsonObject{{"type", "label"}, {"value", kLabel}}}}),
                 201);
        // A rule names an existing probe.
        QVERIFY(!createRule({{"name", "tls expiring"},
                             {"type", "certificate"},
                             {"probe_id", "tls"},
                             {"threshold", 30},
                             {"node_id", m_nodeId}})
                     .isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(latest(QStringLiteral("probe.tls.cert_days")) >= 0, 20000);
        const double days = latest(QStringLiteral("probe.tls.cert_days"));
        QVERIFY2(days > 19 && days <= 20, qPrintable(QString::number(days)));
        QCOMPARE(latest(QStringLiteral("probe.tls.up")), 1.0);
        QVERIFY(m_tls->requests > 0);

        // 20 days left, under the rule's 30: a certificate record opens.
        QTRY_COMPARE_WITH_TIMEOUT(records(QStringLiteral("certificate"), true).size(), 1, 25000);
        const QJsonObject open = records(QStringLiteral("certificate"), true).first().toObject();
        QCOMPARE(open.value("status").toString(), QStringLiteral("active"));
        QVERIFY2(open.value("value").toDouble() > 19 && open.value("value").toDouble() <= 20,
                 qPrintable(QString::number(open.value("value").toDouble())));
    }

    void probeOutsideTheScopeDoesNotRunHere()
    {
        QVERIFY(!m_nodeId.isEmpty());
        QCOMPARE(
            createProbe({{"id", "elsewhere"},
                         {"name", "Another label's"},
                         {"kind", "http"},
                         {"target", m_web.url()},
                         {"interval_seconds", 10},
                         {"timeout_seconds", 2},
                         {"scope", QJsonObject{{"type", "label"}, {"value", "not-this-node"}}}}),
            201);
        // While "web", which this node runs, reports twice more…
        const qsizetype before = values(QStringLiteral("probe.web.up")).size();
        QVERIFY2(before > 0, "httpProbeFollowsTheServer's probe runs on this node");
        QTRY_VERIFY_WITH_TIMEOUT(values(QStringLiteral("probe.web.up")).size() >= before + 2,
                                 30000);
        // …nothing of "elsewhere" is stored for this node.
        const auto elsewhere = [this] {
            QStringList found;
            for (const QJsonObject &report : reports())
                for (const QString &name : report.keys())
                    if (name.startsWith(QLatin1String("probe.elsewhere.")))
                        found << name;
            return found;
        };
        QVERIFY2(elsewhere().isEmpty(), qPrintable(elsewhere().join(u',')));

        // The check could see it: once the scope names this node's label,
        // the same probe reports from it.
        QCOMPARE(m_http
                     ->json("PATCH", QStringLiteral("/api/v1/probes/elsewhere"),
                            {{"scope", QJsonObject{{"type", "label"}, {"value", kLabel}}}}, m_admin)
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(latest(QStringLiteral("probe.elsewhere.up")), 1.0, 20000);
    }

    void cleanupTestCase()
    {
        if (m_agent.state() != QProcess::NotRunning) {
            m_agent.kill();
            m_agent.waitForFinished();
        }
    }
};

QTEST_GUILESS_MAIN(TestProbeEndToEnd)
#include "TestProbeEndToEnd.moc"
