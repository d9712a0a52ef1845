// The fleet federation endpoint (GET /api/v1/nodes/metrics/prometheus,
// docs/observability.md "Federation") scraped by Debian's real `prometheus`:
// a real server, two simulated agents (tests/support/SimulatedAgents.h:
// real nodes enrolled through the API, real /ws/agent connections) whose
// nodes carry labels and a name with quotes and a backslash, and a
// temporary Prometheus on a free loopback port (scrape_interval 1s, its
// TSDB in a temporary directory) scraping with a read-level API key (a
// VIEWER's rights) as bearer token. Its HTTP API must answer the nodes' series with the node labels
// and the values the endpoint serves; a second job without the key must be
// refused (up == 0), as must a request without credentials.

#include "AuthTestSupport.h"
#include "PrometheusText.h"
#include "SimulatedAgents.h"
#include "server/services/fleet/NodeExposition.h"

#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace hm::test;

namespace {

const QString kEndpoint = QStringLiteral("/api/v1/nodes/metrics/prometheus");
// A name Prometheus must get back exactly: quotes and a backslash escaped
// in the text format, unescaped again by its parser.
const QString kQuotedName = QStringLiteral("web \"front\" \\ 1");

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class TestPrometheusFederation : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<SimulatedAgents> m_agents;
    bool m_agentsStopped = false;
    QTemporaryDir m_promDir;
    QProcess m_prometheus;
    std::unique_ptr<Http> m_prom;
    QString m_apiKey;
    QMap<QString, QString> m_nodeIds; // name -> id

    // Prometheus's instant query: the result vector ([] when it failed).
    QJsonArray query(const QString &promQl)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("query"), promQl);
        const Answer answer =
            m_prom->get(QStringLiteral("/api/v1/query?") + q.toString(QUrl::FullyEncoded));
        return answer.body.value("data").toObject().value("result").toArray();
    }
    // The single sample's value of `promQl`, NaN when there is not exactly one.
    double queryValue(const QString &promQl)
    {
        const QJsonArray result = query(promQl);
        if (result.size() != 1)
            return qQNaN();
        return result.at(0).toObject().value("value").toArray().at(1).toString().toDouble();
    }

private slots:
    void initTestCase()
    {
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        QVERIFY2(!prometheus.isEmpty(), "prometheus is not installed (installer/packages.txt)");
        QVERIFY(m_promDir.isValid());
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // Prometheus reads with a read-level API key (the key acts as a
        // VIEWER whatever its owner's role; viewers cannot make keys).
        const ApiUser owner =
            createApiUser(*m_http, m_admin, QStringLiteral("watcher"),
                          QStringLiteral("W4tcher!Secret"), QStringLiteral("user"));
        QVERIFY(!owner.token.isEmpty());
        const Answer key = m_http->json("POST", QStringLiteral("/api/v1/auth/api-keys"),
                                        {{"name", "prometheus"},
                                         {"access_level", "read"},
                                         {"permissions", QJsonArray{"nodes.view"}},
                                         {"allowed_endpoints", QJsonArray{kEndpoint}}},
                                        owner.token);
        QCOMPARE(key.status, 201);
        m_apiKey = key.data().value("api_key").toString();
        QVERIFY(m_apiKey.startsWith(QStringLiteral("hm_")));

        // Two agents, reporting every second; then each node gets its own
        // name and labels (labels replace the list the agents were made with).
        SimulatedAgents::Options options;
        options.server = m_http->base();
        options.adminToken = m_admin;
        options.count = 2;
        options.threads = 1;
        options.namePrefix = QStringLiteral("fed");
        m_agents = std::make_unique<SimulatedAgents>(options);
        QString why = m_agents->enrol(60000);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        why = m_agents->connectAll(60000);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const Answer list = m_http->get(QStringLiteral("/api/v1/nodes?search=fed-"), m_admin);
        QCOMPARE(list.status, 200);
        const QJsonArray items = list.data().value("items").toArray();
        QCOMPARE(items.size(), 2);
        const QList<QPair<QString, QJsonArray>> identities{
            {kQuotedName, QJsonArray{"env:prod", "rack:r-1", "gpu", "team.name:ops"}},
            {QStringLiteral("db-2"), QJsonArray{"env:staging"}}};
        for (int i = 0; i < 2; ++i) {
            const QString id = items.at(i).toObject().value("id").toString();
            const Answer changed = m_http->json(
                "PATCH", QStringLiteral("/api/v1/nodes/") + id,
                {{"name", identities[i].first}, {"labels", identities[i].second}}, m_admin);
            QVERIFY2(changed.status == 200, changed.raw.constData());
            m_nodeIds.insert(identities[i].first, id);
        }
        // A node without an agent yet: nothing to scrape, not listed.
        QCOMPARE(
            m_http->json("POST", QStringLiteral("/api/v1/nodes"), {{"name", "pending-3"}}, m_admin)
                .status,
            201);

        // The temporary Prometheus: loopback only, no remote storage, the
        // key in a file of its own (never on a command line).
        const quint16 port = freeLoopbackPort();
        QVERIFY(port != 0);
        const QString keyFile = m_promDir.filePath(QStringLiteral("hivemind.key"));
        QFile keyOut(keyFile);
        QVERIFY(keyOut.open(QIODevice::WriteOnly));
        keyOut.write(m_apiKey.toLatin1());
        keyOut.close();
        const QString target =
            QStringLiteral("%1:%2").arg(m_http->base().host()).arg(m_http->base().port());
        const QString config = QStringLiteral("global:\n"
                                              "  scrape_interval: 1s\n"
                                              "  evaluation_interval: 1s\n"
                                              "scrape_configs:\n"
                                              "  - job_name: hivemind-fleet\n"
                                              "    metrics_path: %1\n"
                                              "    authorization:\n"
                                              "      type: Bearer\n"
                                              "      credentials_file: %2\n"
                                              "    static_configs:\n"
                                              "      - targets: ['%3']\n"
                                              "  - job_name: hivemind-fleet-without-key\n"
                                              "    metrics_path: %1\n"
                                              "    static_configs:\n"
                                              "      - targets: ['%3']\n")
                                   .arg(kEndpoint, keyFile, target);
        QFile configOut(m_promDir.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(configOut.open(QIODevice::WriteOnly));
        configOut.write(config.toUtf8());
        configOut.close();
        m_prometheus.setProgram(prometheus);
        m_prometheus.setArguments(
            {QStringLiteral("--config.file=") + configOut.fileName(),
             QStringLiteral("--storage.tsdb.path=") + m_promDir.filePath(QStringLiteral("data")),
             QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
             QStringLiteral("--log.level=warn")});
        m_prometheus.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // Prometheus goes with the test however the test ends (as
        // ServerProcess does for the server): SIGKILL when this process dies.
        const pid_t parent = getpid();
        m_prometheus.setChildProcessModifier([parent] {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit(127);
        });
        m_prometheus.start();
        QVERIFY(m_prometheus.waitForStarted(10000));
        m_prom = std::make_unique<Http>(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QTRY_COMPARE_WITH_TIMEOUT(m_prom->get(QStringLiteral("/-/ready")).status, 200, 30000);
    }

    void cleanupTestCase()
    {
        if (m_agents && !m_agentsStopped)
            m_agents->stop(2000);
        if (m_prometheus.state() != QProcess::NotRunning) {
            m_prometheus.terminate();
            if (!m_prometheus.waitForFinished(10000))
                m_prometheus.kill();
        }
    }

    // Refusals first: no credentials, a wrong key, and Prometheus's job
    // without the key is down.
    void withoutCredentialsRefused()
    {
        const Answer none = m_http->get(kEndpoint);
        QCOMPARE(none.status, 401);
        QVERIFY(!none.code().isEmpty());
        QVERIFY(!none.raw.contains("hivemind_node_up"));
        const Answer wrong = m_http->get(kEndpoint, QStringLiteral("hm_notakey0000000000000000"));
        QCOMPARE(wrong.status, 401);
        // A key without the right to read nodes is refused, too.
        const Answer flowsOnly = m_http->json(
            "POST", QStringLiteral("/api/v1/auth/api-keys"),
            {{"name", "flows"},
             {"access_level", "read"},
             {"permissions", QJsonArray{"flows.view"}}},
            m_http->accessToken(QStringLiteral("watcher"), QStringLiteral("W4tcher!Secret")));
        QCOMPARE(flowsOnly.status, 201);
        const Answer forbidden =
            m_http->get(kEndpoint, flowsOnly.data().value("api_key").toString());
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(forbidden.code(), QStringLiteral("FORBIDDEN"));
        QVERIFY(!forbidden.raw.contains("hivemind_node"));
        QTRY_COMPARE_WITH_TIMEOUT(
            queryValue(QStringLiteral("up{job=\"hivemind-fleet-without-key\"}")), 0.0, 30000);
    }

    // Both nodes' series, labelled from the node labels, reach Prometheus.
    void prometheusHasTheNodesSeries()
    {
        QTRY_COMPARE_WITH_TIMEOUT(query(QStringLiteral("hivemind_node_up == 1")).size(), 2, 30000);
        QCOMPARE(queryValue(QStringLiteral("up{job=\"hivemind-fleet\"}")), 1.0);
        // No series for the pending node.
        QCOMPARE(query(QStringLiteral("hivemind_node_up{node=\"pending-3\"}")).size(), 0);

        QMap<QString, QJsonObject> byNode;
        for (const QJsonValue item : query(QStringLiteral("hivemind_node_up"))) {
            const QJsonObject metric = item.toObject().value("metric").toObject();
            byNode.insert(metric.value("node").toString(), metric);
        }
        QCOMPARE(byNode.keys(), (QStringList{QStringLiteral("db-2"), kQuotedName}));
        const QJsonObject web = byNode.value(kQuotedName);
        QCOMPARE(web.value("node_id").toString(), m_nodeIds.value(kQuotedName));
        QCOMPARE(web.value("label_env").toString(), QStringLiteral("prod"));
        QCOMPARE(web.value("label_rack").toString(), QStringLiteral("r-1"));
        QCOMPARE(web.value("label_gpu").toString(), QStringLiteral("true"));
        QCOMPARE(web.value("label_team_name").toString(), QStringLiteral("ops"));
        QCOMPARE(web.value("job").toString(), QStringLiteral("hivemind-fleet"));
        const QJsonObject db = byNode.value(QStringLiteral("db-2"));
        QCOMPARE(db.value("label_env").toString(), QStringLiteral("staging"));
        QVERIFY(!db.contains("label_gpu"));
        // A label selector works on them like on any exporter's series.
        QTRY_COMPARE_WITH_TIMEOUT(
            query(QStringLiteral("hivemind_node_cpu_usage_percent{label_env=\"prod\"}")).size(), 1,
            30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            query(QStringLiteral("hivemind_node_memory_usage_percent")).size(), 2, 30000);
    }

    // With the agents gone the values stand still: Prometheus must hold
    // exactly what the endpoint serves, and the nodes as down.
    void prometheusHasTheEndpointsValues()
    {
        m_agentsStopped = true;
        const QString stopped = m_agents->stop(5000);
        QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
        QTRY_COMPARE_WITH_TIMEOUT(query(QStringLiteral("hivemind_node_up == 0")).size(), 2, 30000);
        const Answer text = m_http->get(kEndpoint, m_apiKey);
        QCOMPARE(text.status, 200);
        QVERIFY(text.headers.value("content-type").startsWith("text/plain; version=0.0.4"));
        int compared = 0;
        for (const PromSample &sample : parsePromText(text.raw)) {
            if (sample.name == QLatin1String("hivemind_node_up"))
                QCOMPARE(sample.value, 0.0);
            if (sample.name != QLatin1String("hivemind_node_cpu_usage_percent") &&
                sample.name != QLatin1String("hivemind_node_memory_usage_percent") &&
                sample.name != QLatin1String("hivemind_node_load1"))
                continue;
            const QString promQl = QStringLiteral("%1{node_id=\"%2\"}")
                                       .arg(sample.name, sample.labels.value("node_id"));
            QTRY_VERIFY_WITH_TIMEOUT(qAbs(queryValue(promQl) - sample.value) <=
                                         1e-9 * qMax(1.0, qAbs(sample.value)),
                                     30000);
            ++compared;
        }
        QCOMPARE(compared, 6);
    }

    // What the node rules cannot produce through the API (a newline in a
    // label value) is still escaped: the renderer on its own.
    void labelValuesAndNamesAreSanitised()
    {
        using namespace hm::server::fleet;
        QCOMPARE(escapeLabelValue(QStringLiteral("a\"b\\c\nd")), QByteArray("a\\\"b\\\\c\\nd"));
        QCOMPARE(prometheusLabelName(QStringLiteral("team.name-x:1")),
                 QStringLiteral("label_team_name_x_1"));
        QCOMPARE(prometheusLabelName(QStringLiteral("9lives")), QStringLiteral("label_9lives"));
        hm::server::repositories::NodeRow row;
        row.id = QStringLiteral("n1");
        row.name = QStringLiteral("line\nbreak \"q\"");
        row.labels = QStringLiteral("[\"a:x\\\"y\",\"a-b:2\",\"a.b:3\"]");
        const QByteArray text = renderNodeExposition({ExposedNode{row, true, std::nullopt}});
        const QList<PromSample> samples = parsePromText(text);
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples[0].labels.value("node"), row.name);
        QCOMPARE(samples[0].labels.value("label_a"), QStringLiteral("x\"y"));
        // Two keys that sanitise alike: one label, the later value.
        QCOMPARE(samples[0].labels.value("label_a_b"), QStringLiteral("3"));
        QVERIFY(!text.contains(QByteArray("\nbreak")));
    }

    // A node name with a newline never gets in (the node rules).
    void newlineInANodeNameRefused()
    {
        const Answer refused =
            m_http->json("PATCH", QStringLiteral("/api/v1/nodes/") + m_nodeIds.value("db-2"),
                         {{"name", "db\n2"}}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/") + m_nodeIds.value("db-2"), m_admin)
                     .data()
                     .value("name")
                     .toString(),
                 QStringLiteral("db-2"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusFederation)
#include "TestPrometheusFederation.moc"
