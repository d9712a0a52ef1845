// The Python component SDK (sdk/python) end to end: its word-count and
// checksum examples run as real python3 processes on loopback, registered
// with the real hivemind-server through the API and called by published
// flows: outputs, a validation error surfacing as the node's error, a
// cancellation that reaches the component, and bytes travelling as blobs
// through the server's blob endpoint in both directions.

#include "FlowTestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Us3r!Secret");

// One SDK example as a child process: `python3 <script> --listen
// 127.0.0.1:0 --exit-with-parent`, ready once it printed its URL and its
// /health answers healthy.
class PythonComponent
{
public:
    ~PythonComponent()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    // Empty on success, else what went wrong.
    QString start(const QString &script)
    {
        m_process.setProgram(QStringLiteral(HIVEMIND_PYTHON3));
        m_process.setArguments(
            {QString(QStringLiteral(HIVEMIND_PYTHON_SDK_DIR "/examples/") + script),
             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--exit-with-parent")});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("python3 did not start: ") + m_process.errorString();
        static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        QByteArray out;
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            out += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(out));
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                break;
            }
            if (m_process.state() == QProcess::NotRunning)
                return QStringLiteral("the component exited: ") + QString::fromUtf8(out);
            m_process.waitForReadyRead(1000);
        }
        if (m_url.isEmpty())
            return QStringLiteral("no \"listening on\" line: ") + QString::fromUtf8(out);
        return {};
    }

    QUrl url() const { return m_url; }

    QJsonObject get(const QString &path)
    {
        QUrl u = m_url;
        u.setPath(path);
        QNetworkReply *reply = m_network.get(QNetworkRequest(u));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(15000);
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return body;
    }

    // The component's record of its finished runs of this execution.
    QJsonArray finishedRuns(const QString &executionId)
    {
        return matching(get(QStringLiteral("/jobs")).value("recent").toArray(), executionId);
    }
    QJsonArray runningRuns(const QString &executionId)
    {
        return matching(get(QStringLiteral("/jobs")).value("running").toArray(), executionId);
    }
    QJsonArray cancelRequests(const QString &executionId)
    {
        return matching(get(QStringLiteral("/jobs")).value("cancel_requests").toArray(),
                        executionId);
    }

private:
    static QJsonArray matching(const QJsonArray &list, const QString &executionId)
    {
        QJsonArray found;
        for (const QJsonValue &v : list) {
            if (v["execution_id"].toString() == executionId)
                found.append(v);
        }
        return found;
    }

    QProcess m_process;
    QNetworkAccessManager m_network;
    QUrl m_url;
};

QJsonObject wordCountNode(const QString &id, const QJsonObject &config = {})
{
    return flowNode(id, "word-count", {{"text", "$.trigger.text"}, {"top", "$.trigger.top"}},
                    config);
}

// A generous node timeout: the cancellation test cancels long before it.
const QJsonObject kLongTimeouts{
    {"timeout", QJsonObject{{"nodeTimeoutMs", 600000}, {"flowTimeoutMs", 900000}}}};

} // namespace

class TestPythonSdkComponent : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    PythonComponent m_words;
    PythonComponent m_checksum;
    QString m_user;   // USER role
    QString m_viewer; // VIEWER role
    QString m_countFlow;
    int m_flows = 0;

    QString publishedFlow(const QJsonObject &definition, const QJsonObject &settings = {})
    {
        QString why;
        const QString id =
            createPublishedFlow(*m_http, m_admin, QStringLiteral("sdk-flow-%1").arg(++m_flows),
                                definition, settings, &why);
        if (id.isEmpty())
            qWarning("flow not published: %s", qPrintable(why));
        return id;
    }
    Answer runAndWait(const QString &flowId, const QJsonObject &inputs)
    {
        return triggerFlow(*m_http, m_admin, flowId, inputs, "?wait=true&timeout_ms=60000");
    }
    QJsonObject nodeDetail(const QString &executionId, const QString &nodeId)
    {
        return m_http->get("/api/v1/executions/" + executionId + "/nodes/" + nodeId, m_admin)
            .data();
    }
    Answer registerEndpoint(const QUrl &endpoint, const QString &token)
    {
        return m_http->json("POST", "/api/v1/components", {{"endpoint", endpoint.toString()}},
                            token);
    }

private slots:
    void initTestCase()
    {
        QString failure = m_words.start("word_count.py");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        failure = m_checksum.start("checksum.py");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // Waiting for its health, as the server will.
        QTRY_COMPARE_WITH_TIMEOUT(m_words.get("/health").value("status").toString(),
                                  QStringLiteral("healthy"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_checksum.get("/health").value("status").toString(),
                                  QStringLiteral("healthy"), 20000);

        failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const ApiUser user = createApiUser(*m_http, m_admin, "operator", kPassword, "user");
        QCOMPARE(user.status, 201);
        m_user = user.token;
        const ApiUser viewer = createApiUser(*m_http, m_admin, "watcher", kPassword, "viewer");
        QCOMPARE(viewer.status, 201);
        m_viewer = viewer.token;
        QVERIFY(!m_user.isEmpty() && !m_viewer.isEmpty());
    }

    void registersThroughTheApi()
    {
        // Administrators only; a refused attempt stores nothing.
        const Answer refused = registerEndpoint(m_words.url(), m_user);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        QCOMPARE(m_http->get("/api/v1/components/word-count", m_admin).status, 404);

        for (PythonComponent *c : {&m_words, &m_checksum}) {
            const Answer registered = registerEndpoint(c->url(), m_admin);
            QVERIFY2(registered.status == 201, registered.raw.constData());
            const QJsonArray items = registered.data().value("items").toArray();
            QCOMPARE(items.size(), 1);
            QCOMPARE(items.first()["health"].toString(), QStringLiteral("healthy"));
            QCOMPARE(items.first()["endpoint"].toString(), c->url().toString());
        }
        // The SDK's declaration is what the server stored: port schemas and
        // the config schema included.
        const QJsonObject stored = m_http->get("/api/v1/components/word-count", m_admin)
                                       .data()
                                       .value("items")
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(stored.value("version").toString(), QStringLiteral("1.0.0"));
        const QJsonObject top = stored.value("inputs").toArray().at(1).toObject();
        QCOMPARE(top.value("name").toString(), QStringLiteral("top"));
        QCOMPARE(top.value("schema")["minimum"].toInt(), 1);
        QCOMPARE(stored.value("configSchema")["properties"]["pace_ms"]["maximum"].toInt(), 60000);

        const QJsonArray audit = m_http->get("/api/v1/audit?action=COMPONENT_REGISTERED", m_admin)
                                     .data()
                                     .value("audit_logs")
                                     .toArray();
        QStringList names;
        for (const QJsonValue &row : audit)
            names.append(row["details"]["name"].toString());
        names.sort();
        QCOMPARE(names, (QStringList{"checksum", "word-count"}));
    }

    void flowCallsTheComponent()
    {
        m_countFlow = publishedFlow(flowDefinition({wordCountNode("count")}));
        QVERIFY(!m_countFlow.isEmpty());
        const Answer ran = runAndWait(
            m_countFlow, {{"text", "The hive and the Hive hum; the bees hum."}, {"top", 2}});
        QCOMPARE(ran.status, 200);
        QVERIFY2(ran.data().value("status").toString() == "completed", ran.raw.constData());
        const QJsonValue outputs = QJsonValue(ran.data())["outputs"]["count"];
        QCOMPARE(outputs["words"].toInt(), 9);
        QCOMPARE(outputs["unique"].toInt(), 5);
        QCOMPARE(outputs["top"].toArray(),
                 (QJsonArray{QJsonObject{{"word", "the"}, {"count", 3}},
                             QJsonObject{{"word", "hive"}, {"count", 2}}}));
        // The component's log line reached the execution's node log.
        const QString id = ran.data().value("execution_id").toString();
        const QJsonArray logs = nodeDetail(id, "count").value("logs").toArray();
        QVERIFY2(QJsonDocument(logs).toJson().contains("counted 9 words, 5 distinct"),
                 QJsonDocument(logs).toJson().constData());
        // The component saw exactly one attempt, and it succeeded.
        const QJsonArray runs = m_words.finishedRuns(id);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first()["outcome"].toString(), QStringLiteral("ok"));
        QCOMPARE(runs.first()["node_id"].toString(), QStringLiteral("count"));
    }

    void invalidInputIsTheNodesError()
    {
        // `top` is an integer (the engine's type check passes) but below the
        // port schema's minimum: the SDK refuses it with VALIDATION_ERROR.
        const Answer ran = runAndWait(m_countFlow, {{"text", "a b"}, {"top", 0}});
        QCOMPARE(ran.status, 200);
        QCOMPARE(ran.data().value("status").toString(), QStringLiteral("failed"));
        const QJsonObject error = ran.data().value("error").toObject();
        QCOMPARE(error.value("code").toString(), QStringLiteral("VALIDATION_ERROR"));
        const QString message = error.value("message").toString();
        QVERIFY2(message.contains("inputs.top: must be >= 1 (got 0)"), qPrintable(message));
        QVERIFY2(message.contains("word-count"), qPrintable(message)); // names the component
        const QString id = ran.data().value("execution_id").toString();
        const QJsonObject node = nodeDetail(id, "count");
        QCOMPARE(node.value("status").toString(), QStringLiteral("failed"));
        QCOMPARE(node.value("error")["code"].toString(), QStringLiteral("VALIDATION_ERROR"));
        // Not retryable: one attempt only.
        QCOMPARE(node.value("attempts").toInt(), 1);
        QCOMPARE(m_words.finishedRuns(id).first()["code"].toString(),
                 QStringLiteral("VALIDATION_ERROR"));

        // Bad bytes: base64 the checksum component cannot decode.
        const QString sumFlow = publishedFlow(
            flowDefinition({flowNode("sum", "checksum", {{"data", "$.trigger.data"}})}));
        QVERIFY(!sumFlow.isEmpty());
        const Answer bad = runAndWait(sumFlow, {{"data", "not base64!"}});
        QCOMPARE(bad.data().value("status").toString(), QStringLiteral("failed"));
        QCOMPARE(bad.data().value("error")["code"].toString(), QStringLiteral("VALIDATION_ERROR"));
        QVERIFY2(bad.data().value("error")["message"].toString().contains(
                     "inputs.data: not valid base64"),
                 bad.raw.constData());
    }

    // The SDK's config schema is the server's too: a config outside it is a
    // problem of the draft, which cannot be published.
    void configOutsideTheSchemaIsRefused()
    {
        const Answer created = m_http->json(
            "POST", "/api/v1/flows",
            {{"name", "sdk-bad-config"},
             {"definition", flowDefinition({wordCountNode("count", {{"pace_ms", 70000}})})}},
            m_admin);
        QCOMPARE(created.status, 201);
        const QJsonObject problem = created.data().value("problems")[0].toObject();
        QCOMPARE(problem.value("code").toString(), QStringLiteral("INVALID_CONFIG"));
        QVERIFY2(problem.value("message").toString().contains("pace_ms"),
                 qPrintable(problem.value("message").toString()));
        const Answer published = m_http->json(
            "POST", "/api/v1/flows/" + created.data().value("id").toString() + "/publish",
            {{"version", "1"}}, m_admin);
        QCOMPARE(published.status, 400);
        QCOMPARE(published.code(), QStringLiteral("INVALID_FLOW_DEFINITION"));
    }

    // The node timeout passes during run(): the engine fails the node with
    // EXECUTION_TIMEOUT and the component stops (its deadline, the hang-up
    // or /cancel, whichever it notices first).
    void nodeTimeoutStopsTheComponent()
    {
        const QString flowId = publishedFlow(
            flowDefinition({wordCountNode("count", {{"pace_ms", 60000}})}),
            {{"timeout", QJsonObject{{"nodeTimeoutMs", 1500}, {"flowTimeoutMs", 60000}}}});
        QVERIFY(!flowId.isEmpty());
        const Answer ran = runAndWait(flowId, {{"text", "never finished"}});
        QCOMPARE(ran.status, 200);
        QCOMPARE(ran.data().value("status").toString(), QStringLiteral("failed"));
        QCOMPARE(ran.data().value("error")["code"].toString(), QStringLiteral("EXECUTION_TIMEOUT"));
        const QString id = ran.data().value("execution_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_words.finishedRuns(id).size(), 1, 20000);
        const QJsonObject run = m_words.finishedRuns(id).first().toObject();
        QVERIFY2(run.value("outcome").toString() == "timeout" ||
                     run.value("outcome").toString() == "cancelled",
                 QJsonDocument(run).toJson().constData());
        QVERIFY(run.value("duration_ms").toInt() < 30000);
    }

    void cancellationReachesTheComponent()
    {
        // A minute per word: the run is cancelled long before it ends.
        const QString flowId = publishedFlow(
            flowDefinition({wordCountNode("count", {{"pace_ms", 60000}})}), kLongTimeouts);
        QVERIFY(!flowId.isEmpty());
        const Answer started = triggerFlow(*m_http, m_admin, flowId, {{"text", "slow words here"}});
        QCOMPARE(started.status, 200);
        const QString id = started.data().value("execution_id").toString();
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_words.runningRuns(id).size(), 1, 20000);

        // A viewer may not cancel; the run goes on.
        const Answer refused =
            m_http->json("POST", "/api/v1/executions/" + id + "/cancel", {}, m_viewer);
        QCOMPARE(refused.status, 403);
        QCOMPARE(m_words.runningRuns(id).size(), 1);
        QCOMPARE(executionStatus(*m_http, m_admin, id), QStringLiteral("running"));

        const Answer cancelled =
            m_http->json("POST", "/api/v1/executions/" + id + "/cancel", {}, m_admin);
        QVERIFY2(cancelled.status == 200, cancelled.raw.constData());
        QCOMPARE(cancelled.data().value("affected_nodes").toArray(), QJsonArray{"count"});
        QTRY_COMPARE_WITH_TIMEOUT(executionStatus(*m_http, m_admin, id),
                                  QStringLiteral("cancelled"), 20000);

        // The component stopped its work (not a minute later): the engine's
        // hang-up or its /cancel, whichever came first, woke run() up.
        QTRY_COMPARE_WITH_TIMEOUT(m_words.finishedRuns(id).size(), 1, 20000);
        const QJsonObject run = m_words.finishedRuns(id).first().toObject();
        QCOMPARE(run.value("outcome").toString(), QStringLiteral("cancelled"));
        const QString reason = run.value("cancel_reason").toString();
        QVERIFY2(reason == "cancel request" || reason == "connection closed", qPrintable(reason));
        QVERIFY2(run.value("duration_ms").toInt() < 60000,
                 qPrintable(QString::number(run.value("duration_ms").toInt())));
        QCOMPARE(m_words.runningRuns(id).size(), 0);
        // And the engine's POST /cancel arrived, naming the node.
        QTRY_COMPARE_WITH_TIMEOUT(m_words.cancelRequests(id).size(), 1, 20000);
        QCOMPARE(m_words.cancelRequests(id).first()["node_id"].toString(), QStringLiteral("count"));
        QCOMPARE(m_words.get("/health").value("running").toInt(), 0);
    }

    void bytesTravelAsBlobs()
    {
        // 200 KiB: above the 64 KiB inline limit. The first node gets them
        // from the trigger, digests them and returns its copy, which the SDK
        // writes to the server's blob endpoint; the second node reads that
        // blob back through the endpoint and digests it again.
        QByteArray bytes(200 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(37);
        for (char &b : bytes)
            b = static_cast<char>(generator.bounded(256));
        const QString expected = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const QString flowId = publishedFlow(flowDefinition(
            {flowNode("first", "checksum", {{"data", "$.trigger.data"}}),
             flowNode("second", "checksum", {{"data", "$.nodes.first.output.copy"}})},
            {flowEdge("first", "second")}));
        QVERIFY(!flowId.isEmpty());
        const Answer ran = runAndWait(flowId, {{"data", QString::fromLatin1(bytes.toBase64())}});
        QCOMPARE(ran.status, 200);
        QVERIFY2(ran.data().value("status").toString() == "completed",
                 ran.raw.left(3000).constData());
        // The flow's outputs are its last node's; the first node's are in
        // its record.
        const QJsonValue second = QJsonValue(ran.data())["outputs"]["second"];
        QCOMPARE(second["digest"].toString(), expected);
        QCOMPARE(second["size"].toInt(), bytes.size());
        const QString id = ran.data().value("execution_id").toString();
        const QJsonObject first = nodeDetail(id, "first").value("outputs").toObject();
        QCOMPARE(first.value("digest").toString(), expected);
        QCOMPARE(first.value("size").toInt(), bytes.size());
        // Both copies went out as blob references, not inline.
        QVERIFY2(first.value("copy")["$ref"].toString().startsWith("blob:"),
                 QJsonDocument(first).toJson().left(2000).constData());
        QVERIFY(second["copy"]["$ref"].toString().startsWith("blob:"));
        QVERIFY(first.value("copy") != second["copy"]);
        // The second node's input was the first one's blob reference.
        const QJsonObject secondIn = nodeDetail(id, "second").value("inputs").toObject();
        QCOMPARE(secondIn.value("data"), first.value("copy"));
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->process().terminate();
    }
};

QTEST_GUILESS_MAIN(TestPythonSdkComponent)
#include "TestPythonSdkComponent.moc"
