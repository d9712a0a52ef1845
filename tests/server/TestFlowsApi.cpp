// Flows and executions through the real hivemind-server process: flow CRUD,
// triggers in each concurrency mode, cancel, re-run, history and what a
// restart does to running and queued executions.

#include "FlowTestSupport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm::test;

namespace {

// a -> (b: transform, c: noop) -> d: the leaf d joins both branches.
QJsonObject diamond()
{
    return flowDefinition(
        {flowNode("a", "noop", {{"v", "$.trigger.v"}}),
         flowNode("b", "transform", {{"v", "$.nodes.a.output.v"}},
                  {{"outputs", QJsonObject{{"copy", "$.inputs.v"}, {"k", 5}}}}),
         flowNode("c", "noop", {{"w", "$.nodes.a.output.v"}}),
         flowNode("d", "noop",
                  {{"fromB", "$.nodes.b.output.copy"},
                   {"k", "$.nodes.b.output.k"},
                   {"fromC", "$.nodes.c.output.w"}})},
        {flowEdge("a", "b"), flowEdge("a", "c"), flowEdge("b", "d"), flowEdge("c", "d")});
}

} // namespace

class TestFlowsApi : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_flows = 0;

    // Creates and publishes a flow; returns its id.
    QString publishedFlow(const QJsonObject &def, const QJsonObject &settings = {})
    {
        return createPublishedFlow(*m_http, m_admin, QStringLiteral("flow%1").arg(++m_flows), def,
                                   settings);
    }
    Answer trigger(const QString &flowId, const QJsonObject &inputs = {}, const QString &query = {})
    {
        return triggerFlow(*m_http, m_admin, flowId, inputs, query);
    }
    QString statusOf(const QString &executionId)
    {
        return executionStatus(*m_http, m_admin, executionId);
    }

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void diamondRunsAndWaits()
    {
        const QString flowId = publishedFlow(diamond());
        QVERIFY(!flowId.isEmpty());
        const Answer ran = trigger(flowId, {{"v", 7}}, "?wait=true&timeout_ms=20000");
        QCOMPARE(ran.status, 200);
        QCOMPARE(ran.data().value("status").toString(), QStringLiteral("completed"));
        const QJsonObject outputs = ran.data().value("outputs").toObject();
        QCOMPARE(outputs.keys(), QStringList{"d"});
        const QJsonObject d = outputs.value("d").toObject();
        QCOMPARE(d.value("fromB").toInt(), 7);
        QCOMPARE(d.value("fromC").toInt(), 7);
        QCOMPARE(d.value("k").toInt(), 5);

        const QString id = ran.data().value("execution_id").toString();
        const Answer stored = m_http->get("/api/v1/executions/" + id, m_admin);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.data().value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(stored.data().value("nodes").toArray().size(), 4);

        // Re-run from the start: a new execution of the same version.
        const Answer rerun = m_http->json("POST", "/api/v1/executions/" + id + "/rerun",
                                          {{"from", "start"}}, m_admin);
        QCOMPARE(rerun.status, 200);
        const QString again = rerun.data().value("execution_id").toString();
        QVERIFY(!again.isEmpty() && again != id);
        QTRY_COMPARE(statusOf(again), QStringLiteral("completed"));

        const Answer list = m_http->get("/api/v1/executions?flow_id=" + flowId, m_admin);
        QCOMPARE(list.status, 200);
        QStringList ids;
        for (const QJsonValue item : list.data().value("items").toArray())
            ids.append(item.toObject().value("execution_id").toString());
        QVERIFY(ids.contains(id));
        QVERIFY(ids.contains(again));
        QCOMPARE(list.data().value("pagination").toObject().value("total").toInt(), 2);

        // The flow's row in GET /flows names its newest execution (the
        // console's "last execution" column); a flow never run has null.
        const auto lastExecution = [this](const QString &flow) {
            const Answer flows = m_http->get("/api/v1/flows?size=100", m_admin);
            for (const QJsonValue item : flows.data().value("items").toArray()) {
                if (item.toObject().value("id").toString() == flow)
                    return item.toObject().value("last_execution");
            }
            return QJsonValue(QJsonValue::Undefined);
        };
        QTRY_COMPARE(lastExecution(flowId).toObject().value("status").toString(),
                     QStringLiteral("completed"));
        QCOMPARE(lastExecution(flowId).toObject().value("id").toString(), again);
        QVERIFY(!lastExecution(flowId).toObject().value("created_at").toString().isEmpty());
        QVERIFY(lastExecution(publishedFlow(diamond())).isNull());

        // The engine's events reach the metrics (counted on the server thread).
        QTRY_VERIFY(m_http->get("/metrics").raw.contains("hivemind_executions_completed_total 2"));
        QVERIFY(m_http->get("/metrics").raw.contains("hivemind_executions_running 0"));
        // The history the list above read was written through the queue,
        // whose figures are exposed too.
        const QByteArray metrics = m_http->get("/metrics").raw;
        QVERIFY(metrics.contains("# TYPE hivemind_history_queue_ops gauge"));
        QVERIFY(metrics.contains("hivemind_history_queue_failed_total 0\n"));
        QVERIFY(metrics.contains("hivemind_history_queue_written_total "));
        QVERIFY(!metrics.contains("hivemind_history_queue_written_total 0\n"));
        QVERIFY(metrics.contains("# TYPE hivemind_history_queue_packed_total counter"));
        QVERIFY(metrics.contains("hivemind_history_queue_wal_restarts_busy_total 0\n"));
        QVERIFY(metrics.contains("# TYPE hivemind_history_queue_wal_truncations_total counter"));
        // The background checkpoints copied what the writer committed.
        QTRY_VERIFY(
            !m_http->get("/metrics").raw.contains("hivemind_history_queue_checkpoints_total 0\n"));
    }

    void badDefinitionStoresNothing()
    {
        const Answer created =
            m_http->json("POST", "/api/v1/flows",
                         {{"name", "broken"},
                          {"definition", flowDefinition({flowNode("x", "no-such-component")})}},
                         m_admin);
        QCOMPARE(created.status, 400);
        QCOMPARE(created.code(), QStringLiteral("INVALID_FLOW_DEFINITION"));
        const QJsonArray problems = created.details().value("problems").toArray();
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.first().toObject().value("code").toString(),
                 QStringLiteral("UNKNOWN_COMPONENT"));
        const Answer list = m_http->get("/api/v1/flows?search=broken", m_admin);
        QCOMPARE(list.data().value("pagination").toObject().value("total").toInt(), 0);
    }

    // Issue 34 item 10: a transform whose output reads $.trigger can only
    // fail when it runs, so the server refuses to store it as a new flow
    // or as a new version: nothing is there to publish or trigger.
    void builtinExpressionRefused()
    {
        const auto transform = [](const QString &expression) {
            return flowDefinition({flowNode("t", "transform", {{"name", "$.trigger.name"}},
                                            {{"outputs", QJsonObject{{"x", expression}}}})});
        };
        const auto checkRefusal = [](const Answer &answer) {
            QCOMPARE(answer.status, 400);
            QCOMPARE(answer.code(), QStringLiteral("INVALID_FLOW_DEFINITION"));
            const QJsonArray problems = answer.details().value("problems").toArray();
            QCOMPARE(problems.size(), 1);
            const QJsonObject problem = problems.first().toObject();
            QCOMPARE(problem.value("code").toString(),
                     QStringLiteral("INVALID_BUILTIN_EXPRESSION"));
            QCOMPARE(problem.value("node").toString(), QStringLiteral("t"));
            QCOMPARE(problem.value("path").toString(), QStringLiteral("outputs.x"));
            QCOMPARE(problem.value("expression").toString(), QStringLiteral("$.trigger.name"));
        };
        const Answer created = m_http->json(
            "POST", "/api/v1/flows",
            {{"name", "reads-trigger"}, {"definition", transform("$.trigger.name")}}, m_admin);
        checkRefusal(created);
        const Answer list = m_http->get("/api/v1/flows?search=reads-trigger", m_admin);
        QCOMPARE(list.data().value("pagination").toObject().value("total").toInt(), 0);

        // The same output reading the node's inputs is stored and runs.
        const QString flowId = publishedFlow(transform("$.inputs.name"));
        QVERIFY(!flowId.isEmpty());
        const Answer version = m_http->json("POST", "/api/v1/flows/" + flowId + "/versions",
                                            {{"definition", transform("$.trigger.name")}}, m_admin);
        checkRefusal(version);
        const Answer publish = m_http->json("POST", "/api/v1/flows/" + flowId + "/publish",
                                            {{"version", "2"}}, m_admin);
        QCOMPARE(publish.status, 404);
        QCOMPARE(publish.code(), QStringLiteral("FLOW_VERSION_NOT_FOUND"));
        const Answer ran = trigger(flowId, {{"name", "Ada"}}, "?wait=true&timeout_ms=20000");
        QCOMPARE(ran.data().value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(ran.data().value("flow_version").toString(), QStringLiteral("1"));
        QCOMPARE(ran.data().value("outputs").toObject().value("t").toObject().value("x").toString(),
                 QStringLiteral("Ada"));
    }

    void denyModeRefusesThenCancelFrees()
    {
        const QString flowId = publishedFlow(delayFlow(), concurrency("deny"));
        QVERIFY(!flowId.isEmpty());
        const Answer first = trigger(flowId);
        QCOMPARE(first.status, 200);
        const QString id = first.data().value("execution_id").toString();
        QCOMPARE(first.data().value("status").toString(), QStringLiteral("started"));
        QCOMPARE(first.data().value("websocket_url").toString(), "/ws/executions/" + id);

        const Answer second = trigger(flowId);
        QCOMPARE(second.status, 409);
        QCOMPARE(second.code(), QStringLiteral("CONCURRENT_DENIED"));
        const QJsonArray running = second.details().value("running_executions").toArray();
        QCOMPARE(running, QJsonArray{id});

        const Answer status = m_http->get("/api/v1/executions/" + id + "/status", m_admin);
        QCOMPARE(status.status, 200);
        for (const char *field : {"execution_id", "flow_id", "flow_version", "status", "progress",
                                  "timing", "nodes", "can_cancel"})
            QVERIFY2(status.data().contains(QLatin1String(field)), field);

        const Answer cancelled = m_http->json("POST", "/api/v1/executions/" + id + "/cancel",
                                              {{"message", "test"}}, m_admin);
        QCOMPARE(cancelled.status, 200);
        // A delay stops at once, so the engine may already report it ended.
        QVERIFY(QStringList({"cancelling", "cancelled"})
                    .contains(cancelled.data().value("status").toString()));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("cancelled"), 15000);

        const Answer third = trigger(flowId);
        QCOMPARE(third.status, 200);
        m_http->send(
            "POST", "/api/v1/executions/" + third.data().value("execution_id").toString() + "/kill",
            {}, Http::bearer(m_admin));
    }

    void viewerMayReadOnly()
    {
        const ApiUser user = createApiUser(*m_http, m_admin, "watcher", "Vi3wer!Secret", "viewer");
        QCOMPARE(user.status, 201);
        const QString viewer = user.token;
        QVERIFY(!viewer.isEmpty());
        const QString flowId = publishedFlow(diamond());
        // Flows are private to their owner until shared (seed 003 §14).
        QCOMPARE(m_http->get("/api/v1/flows/" + flowId, viewer).status, 404);
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/flows/" + flowId + "/shares",
                            {{"email", "watcher@example.com"}, {"permission", "edit"}}, m_admin)
                     .status,
                 201);
        QCOMPARE(m_http->get("/api/v1/flows/" + flowId, viewer).status, 200);
        QCOMPARE(m_http->get("/api/v1/components", viewer).status, 200);
        QCOMPARE(
            m_http
                ->json("POST", "/api/v1/flows", {{"name", "v"}, {"definition", diamond()}}, viewer)
                .status,
            403);
        QCOMPARE(m_http->json("POST", "/api/v1/flows/" + flowId + "/trigger", {}, viewer).status,
                 403);
    }

    void blobNeedsTheExecutionToken()
    {
        const QString flowId = publishedFlow(diamond());
        const Answer ran = trigger(flowId, {{"v", 1}});
        const QString id = ran.data().value("execution_id").toString();
        const Answer wrong = m_http->send("GET", "/api/v1/blobs/" + id + "/b1", {},
                                          {{"X-Execution-Token", "not-the-token"}});
        QCOMPARE(wrong.status, 403);
        QCOMPARE(m_http->get("/api/v1/blobs/" + id + "/b1", m_admin).status, 403);
    }

    // Last: restarts the server.
    void queueSurvivesRestart()
    {
        const QString flowId = publishedFlow(delayFlow(), concurrency("queue"));
        QVERIFY(!flowId.isEmpty());
        const Answer first = trigger(flowId);
        QCOMPARE(first.status, 200);
        const Answer second = trigger(flowId);
        QCOMPARE(second.status, 202);
        QCOMPARE(second.data().value("status").toString(), QStringLiteral("queued"));
        QCOMPARE(second.data().value("queue_position").toInt(), 1);
        const QString running = first.data().value("execution_id").toString();
        const QString queued = second.data().value("execution_id").toString();
        // And one that ended: after the restart only the history has it.
        const QString diamondFlow = publishedFlow(diamond());
        const QString ended =
            trigger(diamondFlow, {{"v", 5}}).data().value("execution_id").toString();
        QTRY_COMPARE(statusOf(ended), QStringLiteral("completed"));
        const QJsonObject endedOutputs =
            m_http->get("/api/v1/executions/" + ended, m_admin).data().value("outputs").toObject();
        QVERIFY(!endedOutputs.isEmpty());

        QVERIFY(stopServer());
        QCOMPARE(m_server->process().exitStatus(), QProcess::NormalExit);
        const QString failure = restartServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        const Answer failed = m_http->get("/api/v1/executions/" + running, m_admin);
        QCOMPARE(failed.status, 200);
        QCOMPARE(failed.data().value("status").toString(), QStringLiteral("failed"));
        QCOMPARE(failed.data().value("error").toObject().value("code").toString(),
                 QStringLiteral("SYSTEM"));
        // The restored request took the freed slot.
        QTRY_VERIFY(QStringList({"running", "completed"}).contains(statusOf(queued)));

        // Re-run from the history: from the start, with the stored inputs.
        const Answer fromFailed = m_http->json("POST", "/api/v1/executions/" + ended + "/rerun",
                                               {{"from", "failed"}}, m_admin);
        QCOMPARE(fromFailed.status, 422);
        QCOMPARE(fromFailed.code(), QStringLiteral("VALIDATION_ERROR"));
        const Answer rerun = m_http->json("POST", "/api/v1/executions/" + ended + "/rerun",
                                          {{"from", "start"}}, m_admin);
        QCOMPARE(rerun.status, 200);
        const QString again = rerun.data().value("execution_id").toString();
        QVERIFY(!again.isEmpty() && again != ended);
        QTRY_COMPARE(statusOf(again), QStringLiteral("completed"));
        const Answer rerunDetail = m_http->get("/api/v1/executions/" + again, m_admin);
        QCOMPARE(rerunDetail.data().value("outputs").toObject(), endedOutputs);
        QCOMPARE(rerunDetail.data().value("rerun_of").toString(), ended);
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/executions/no-such-execution/rerun",
                            {{"from", "start"}}, m_admin)
                     .status,
                 404);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->process().state() == QProcess::Running)
            stopServer();
    }
};

QTEST_GUILESS_MAIN(TestFlowsApi)
#include "TestFlowsApi.moc"
