// The real hivemind-agent against the real hivemind-server (issue 35): an
// administrator creates a node, the agent enrols with the command's secret
// and streams reports; its values match /proc; the server is stopped (and
// once killed with SIGKILL) while the agent keeps sampling, and after the
// restart the buffered reports arrive in order, none lost or doubled;
// the agent killed between two writes of its buffer's state loses and
// doubles nothing either; deleting the node disconnects the agent for good
// (exit code 3).

#include "AuthTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <csignal>

using namespace hm::test;

namespace {

// A port nobody listens on now, so a restarted server is found at the same
// address by the agent.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

qint64 memTotalBytes()
{
    QFile file(QStringLiteral("/proc/meminfo"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression line(QStringLiteral("^MemTotal:\\s+(\\d+) kB"),
                                         QRegularExpression::MultilineOption);
    const auto match = line.match(QString::fromLatin1(file.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() * 1024 : -1;
}

} // namespace

class TestAgentEndToEnd : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    quint16 m_port = 0;
    QTemporaryDir m_agentDir;
    QProcess m_agent;
    QString m_nodeId;

    QList<qint64> storedSeqs()
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
        QList<qint64> seqs;
        for (const QJsonValue item : items)
            seqs << item.toObject().value("seq").toInteger();
        return seqs;
    }

    QJsonObject node()
    {
        return m_http->get(QStringLiteral("/api/v1/nodes/") + m_nodeId, m_admin).data();
    }

private slots:
    void initTestCase()
    {
        m_port = freePort();
        QVERIFY2(startServer({}, m_port).isEmpty(), "server did not start");
        QVERIFY(m_agentDir.isValid());
        // The server's settings win over the agent's --interval: one report
        // a second keeps the test short.
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 1}}, m_admin)
                     .status,
                 200);
    }

    void enrolsAndReports()
    {
        const Answer created =
            m_http->json("POST", QStringLiteral("/api/v1/nodes"), {{"name", "e2e-host"}}, m_admin);
        QCOMPARE(created.status, 201);
        m_nodeId = created.data().value("node").toObject().value("id").toString();
        const QString secret =
            created.data().value("enrolment").toObject().value("secret").toString();

        QFile config(m_agentDir.filePath(QStringLiteral("agent.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("capabilities=metrics\n");
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
        // The fingerprint the agent printed is the one the console shows.
        const QString fingerprint = node().value("fingerprint").toString();
        QVERIFY(fingerprint.startsWith(QLatin1String("SHA256:")));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_agent.readAll().contains(fingerprint.toLatin1()) ||
                QFile::exists(m_agentDir.filePath(QStringLiteral("data/node.json"))),
            10000);
        QCOMPARE(node().value("capabilities").toArray(), QJsonArray{"metrics"});

        QTRY_VERIFY_WITH_TIMEOUT(storedSeqs().size() >= 3, 30000);
        const QJsonArray items =
            m_http->get(QStringLiteral("/api/v1/nodes/%1/metrics").arg(m_nodeId), m_admin)
                .data()
                .value("items")
                .toArray();
        const QJsonObject metrics = items.last().toObject().value("metrics").toObject();
        // Read by the agent from /proc: the same machine, the same total.
        QCOMPARE(qint64(metrics.value("memory_total").toDouble()), memTotalBytes());
        const double cpu = metrics.value("cpu_usage").toDouble(-1);
        QVERIFY(cpu >= 0 && cpu <= 100);
        QVERIFY(metrics.value("processes").toDouble() > 0);
        // Only the metrics asked for; a name outside the rule is refused.
        const QJsonObject chosen =
            m_http
                ->get(QStringLiteral("/api/v1/nodes/%1/metrics?metrics=cpu_usage,memory_total")
                          .arg(m_nodeId),
                      m_admin)
                .data()
                .value("items")
                .toArray()
                .last()
                .toObject()
                .value("metrics")
                .toObject();
        QCOMPARE(chosen.keys(), (QStringList{"cpu_usage", "memory_total"}));
        const auto badName = m_http->get(
            QStringLiteral("/api/v1/nodes/%1/metrics?metrics=cpu%20usage").arg(m_nodeId), m_admin);
        QCOMPARE(badName.status, 422);
        // The secret was used: no second enrolment with it.
        QCOMPARE(m_http
                     ->send("POST", QStringLiteral("/api/v1/nodes/register"),
                            R"({"public_key":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})",
                            {{"X-Secret-Key", secret.toUtf8()}})
                     .status,
                 401);
    }

    void outagesLoseAndDoubleNothing_data()
    {
        QTest::addColumn<bool>("kill");
        QTest::newRow("stopped") << false;
        QTest::newRow("killed") << true;
    }
    void outagesLoseAndDoubleNothing()
    {
        QFETCH(bool, kill);
        QVERIFY(!m_nodeId.isEmpty());
        const qint64 before = node().value("last_seq").toInteger();
        QVERIFY(before > 0);
        // The server goes while the agent keeps sampling into its buffer.
        if (kill) {
            ::kill(pid_t(m_server->process().processId()), SIGKILL);
            m_server->process().waitForFinished(30000);
        } else {
            QVERIFY(stopServer());
        }
        // The outage itself, not a synchronisation: three samples at 1 s
        // while nobody listens, taken on the agent's own clock.
        QTest::qWait(3500);
        QVERIFY(m_agent.state() == QProcess::Running);
        QCOMPARE(restartServer({}, m_port), QString());
        QTRY_COMPARE_WITH_TIMEOUT(node().value("status").toString(), QStringLiteral("online"),
                                  60000);
        QTRY_VERIFY_WITH_TIMEOUT(node().value("last_seq").toInteger() >= before + 4, 30000);
        const QList<qint64> seqs = storedSeqs();
        // 1, 2, 3, … with no gap and no repeat.
        for (qsizetype i = 0; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), qint64(i + 1));
    }

    // The agent writes its buffer's floor (state.json) every 100 acked
    // reports, not after each: killed between two writes, it restarts with
    // a floor below what the server has, and the server still ends up with
    // every seq once, with no gap.
    void agentKilledBetweenStateWritesLosesAndDoublesNothing()
    {
        QVERIFY(!m_nodeId.isEmpty());
        const QString statePath = m_agentDir.filePath(QStringLiteral("data/buffer/state.json"));
        const auto savedFloor = [&] {
            QFile state(statePath);
            if (!state.open(QIODevice::ReadOnly))
                return qint64(0);
            return qint64(
                QJsonDocument::fromJson(state.readAll()).object().value("floor").toDouble());
        };
        const qint64 before = node().value("last_seq").toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(node().value("last_seq").toInteger() >= before + 2, 30000);
        ::kill(pid_t(m_agent.processId()), SIGKILL);
        QVERIFY(m_agent.waitForFinished(30000));
        const qint64 acked = node().value("last_seq").toInteger();
        // A crash between two writes: the server has more than the state says.
        QVERIFY2(savedFloor() < acked, "the state was written after every ack");

        m_agent.start();
        QVERIFY(m_agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(node().value("last_seq").toInteger() >= acked + 3, 30000);
        const QList<qint64> seqs = storedSeqs();
        QVERIFY(seqs.size() >= acked + 3);
        for (qsizetype i = 0; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), qint64(i + 1));
    }

    void deletedNodeStopsTheAgent()
    {
        QVERIFY(!m_nodeId.isEmpty());
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + m_nodeId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        QVERIFY(m_agent.waitForFinished(30000));
        QCOMPARE(m_agent.exitCode(), 3);
    }

    void cleanupTestCase()
    {
        if (m_agent.state() != QProcess::NotRunning) {
            m_agent.kill();
            m_agent.waitForFinished();
        }
    }
};

QTEST_GUILESS_MAIN(TestAgentEndToEnd)
#include "TestAgentEndToEnd.moc"
