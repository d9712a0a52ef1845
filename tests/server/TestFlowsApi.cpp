// Flows and executions through the real hivemind-server process: flow CRUD,
// drafts stored with their problems, the audit of every flow write,
// triggers in each concurrency mode, cancel, re-run, history and what a
// restart does to running and queued executions.

#include "FlowTestSupport.h"

#include <QJsonArray>
#include <QSet>
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

    // Seed 003 keeps drafts and published versions apart: a draft with
    // problems is stored with them (issue 34, item 1); publish and trigger
    // refuse it.
    void draftsAreStoredWithTheirProblems()
    {
        // transform's config requires "outputs": left empty, as a
        // half-finished node is.
        const QJsonObject unfinished = flowDefinition({flowNode("t", "transform")});
        const Answer created = m_http->json(
            "POST", "/api/v1/flows", {{"name", "unfinished"}, {"definition", unfinished}}, m_admin);
        QCOMPARE(created.status, 201);
        const QString id = created.data().value("id").toString();
        QJsonArray problems = created.data().value("problems").toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first()["code"].toString(), QStringLiteral("INVALID_CONFIG"));
        QCOMPARE(problems.first()["node"].toString(), QStringLiteral("t"));
        QVERIFY(!problems.first()["message"].toString().isEmpty());

        // Stored, and GET answers the draft's problems with it.
        Answer got = m_http->get("/api/v1/flows/" + id, m_admin);
        QCOMPARE(got.status, 200);
        QJsonObject latest = got.data().value("latest_version").toObject();
        QCOMPARE(latest.value("definition").toObject(), unfinished);
        QCOMPARE(latest.value("problems").toArray(), problems);

        // A later save with other problems: stored as version 2.
        const QJsonObject unknown = flowDefinition({flowNode("x", "no-such-component")});
        const Answer saved = m_http->json("POST", "/api/v1/flows/" + id + "/versions",
                                          {{"definition", unknown}}, m_admin);
        QCOMPARE(saved.status, 201);
        QCOMPARE(saved.data().value("version").toString(), QStringLiteral("2"));
        QCOMPARE(saved.data().value("status").toString(), QStringLiteral("draft"));
        problems = saved.data().value("problems").toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first()["code"].toString(), QStringLiteral("UNKNOWN_COMPONENT"));
        got = m_http->get("/api/v1/flows/" + id, m_admin);
        QCOMPARE(got.data().value("latest_version")["problems"].toArray(), problems);

        // Publishing either is refused with the problems; nothing changes.
        for (const char *version : {"1", "2"}) {
            const Answer published = m_http->json("POST", "/api/v1/flows/" + id + "/publish",
                                                  {{"version", version}}, m_admin);
            QCOMPARE(published.status, 400);
            QCOMPARE(published.code(), QStringLiteral("INVALID_FLOW_DEFINITION"));
            QVERIFY(!published.details().value("problems").toArray().isEmpty());
        }
        got = m_http->get("/api/v1/flows/" + id, m_admin);
        QVERIFY(got.data().value("published_version").isNull());
        QCOMPARE(got.data().value("revision").toInteger(), 2);

        // Running the draft is refused with its problems too.
        const Answer ran = m_http->json(
            "POST", "/api/v1/flows/" + id + "/trigger",
            {{"inputs", QJsonObject()}, {"options", QJsonObject{{"version", "2"}}}}, m_admin);
        QCOMPARE(ran.status, 400);
        QCOMPARE(ran.code(), QStringLiteral("INVALID_FLOW_DEFINITION"));
        QCOMPARE(ran.details().value("problems")[0]["code"].toString(),
                 QStringLiteral("UNKNOWN_COMPONENT"));

        // Fixed: no problems, publishes and runs.
        const Answer fixed =
            m_http->json("POST", "/api/v1/flows/" + id + "/versions",
                         {{"definition", flowDefinition({flowNode("n", "noop")})}}, m_admin);
        QCOMPARE(fixed.status, 201);
        QCOMPARE(fixed.data().value("problems").toArray(), QJsonArray());
        QCOMPARE(m_http->get("/api/v1/flows/" + id, m_admin)
                     .data()
                     .value("latest_version")["problems"]
                     .toArray(),
                 QJsonArray());
        QCOMPARE(
            m_http->json("POST", "/api/v1/flows/" + id + "/publish", {{"version", "3"}}, m_admin)
                .status,
            200);
        QCOMPARE(trigger(id, {}, "?wait=true&timeout_ms=20000").status, 200);
    }

    // What no draft can be stored as is still refused, and nothing stored.
    void unstorableBodiesAreRefused()
    {
        struct Case
        {
            const char *name;
            QJsonValue definition;
            QJsonObject settings;
            int status;
            QString code;
            QString problem;
        };
        const QList<Case> cases{
            {"not-an-object", QJsonValue("nodes"), {}, 422, "VALIDATION_ERROR", {}},
            {"wrong-shape",
             QJsonObject{{"nodes", 5}},
             {},
             400,
             "INVALID_FLOW_DEFINITION",
             "INVALID_SHAPE"},
            {"newer-schema",
             QJsonObject{{"schemaVersion", 99}, {"nodes", QJsonArray()}},
             {},
             400,
             "INVALID_FLOW_DEFINITION",
             "UNSUPPORTED_SCHEMA_VERSION"},
            {"bad-settings",
             flowDefinition({flowNode("n", "noop")}),
             {{"concurrency", QJsonObject{{"maxInstances", 0}}}},
             400,
             "INVALID_FLOW_DEFINITION",
             "INVALID_SETTING"},
        };
        for (const Case &c : cases) {
            const Answer created = m_http->json("POST", "/api/v1/flows",
                                                {{"name", QString::fromLatin1(c.name)},
                                                 {"definition", c.definition},
                                                 {"settings", c.settings}},
                                                m_admin);
            QVERIFY2(created.status == c.status, c.name);
            QCOMPARE(created.code(), c.code);
            if (!c.problem.isEmpty())
                QCOMPARE(created.details().value("problems")[0]["code"].toString(), c.problem);
            const Answer list =
                m_http->get("/api/v1/flows?search=" + QString::fromLatin1(c.name), m_admin);
            QCOMPARE(list.data().value("pagination").toObject().value("total").toInt(), 0);
        }
    }

    // Seed 003 audits every change of a flow (issue 34, item 7), not only
    // publishing: create (also the console's import and duplicate, which
    // create), save, rename, publish and delete.
    void everyFlowWriteIsAudited()
    {
        const auto audited = [this](const QString &action, const QString &flowId) {
            const Answer rows =
                m_http->get("/api/v1/audit?size=100&resource_type=flow&action=" + action, m_admin);
            QList<QJsonObject> details;
            for (const QJsonValue row : rows.data().value("audit_logs").toArray()) {
                if (row["resource_id"].toString() == flowId)
                    details.append(row["details"].toObject());
            }
            return details;
        };
        const Answer created = m_http->json(
            "POST", "/api/v1/flows",
            {{"name", "audited"}, {"definition", flowDefinition({flowNode("t", "transform")})}},
            m_admin);
        QCOMPARE(created.status, 201);
        const QString id = created.data().value("id").toString();
        QCOMPARE(audited("FLOW_CREATED", id),
                 (QList<QJsonObject>{{{"name", "audited"}, {"version", "1"}, {"problems", 1}}}));

        QCOMPARE(m_http
                     ->json("POST", "/api/v1/flows/" + id + "/versions",
                            {{"definition", flowDefinition({flowNode("n", "noop")})}}, m_admin)
                     .status,
                 201);
        QCOMPARE(audited("FLOW_VERSION_SAVED", id),
                 (QList<QJsonObject>{{{"version", "2"}, {"problems", 0}}}));

        QCOMPARE(
            m_http->json("PUT", "/api/v1/flows/" + id, {{"name", "audited too"}}, m_admin).status,
            200);
        // A PUT that changes nothing leaves no entry.
        QCOMPARE(
            m_http->json("PUT", "/api/v1/flows/" + id, {{"name", "audited too"}}, m_admin).status,
            200);
        QCOMPARE(
            m_http->json("PUT", "/api/v1/flows/" + id, {{"description", "why"}}, m_admin).status,
            200);
        const QList<QJsonObject> updates = audited("FLOW_UPDATED", id);
        QCOMPARE(updates.size(), 2);
        const QSet<QString> changed{updates.at(0)["changed"][0].toString(),
                                    updates.at(1)["changed"][0].toString()};
        QCOMPARE(changed, (QSet<QString>{"name", "description"}));
        QCOMPARE(updates.at(0)["name"].toString(), QStringLiteral("audited too"));

        QCOMPARE(
            m_http->json("POST", "/api/v1/flows/" + id + "/publish", {{"version", "2"}}, m_admin)
                .status,
            200);
        QCOMPARE(audited("FLOW_PUBLISHED", id).size(), 1);
        // A refused write leaves none.
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/flows/" + id + "/versions",
                            {{"definition", QJsonObject{{"nodes", 5}}}}, m_admin)
                     .status,
                 400);
        QCOMPARE(audited("FLOW_VERSION_SAVED", id).size(), 1);
        QCOMPARE(m_http->send("DELETE", "/api/v1/flows/" + id, {}, Http::bearer(m_admin)).status,
                 200);
        QCOMPARE(audited("FLOW_DELETED", id), (QList<QJsonObject>{{{"name", "audited too"}}}));
    }

    // A name's limit is named in the refusal, and a long name is not
    // repeated whole in a message (issue 34, item 9).
    void longNamesAreBoundedAndNotEchoed()
    {
        const Answer tooLong = m_http->json(
            "POST", "/api/v1/flows",
            {{"name", QString(256, u'n')}, {"definition", flowDefinition({})}}, m_admin);
        QCOMPARE(tooLong.status, 422);
        QCOMPARE(tooLong.code(), QStringLiteral("VALIDATION_ERROR"));
        const QString message = tooLong.body.value("error").toObject().value("message").toString();
        QVERIFY2(message.contains(QLatin1String("255")), qPrintable(message));

        const QString longest(255, u'l');
        const Answer first =
            m_http->json("POST", "/api/v1/flows",
                         {{"name", longest}, {"definition", flowDefinition({})}}, m_admin);
        QCOMPARE(first.status, 201);
        const Answer again =
            m_http->json("POST", "/api/v1/flows",
                         {{"name", longest}, {"definition", flowDefinition({})}}, m_admin);
        QCOMPARE(again.code(), QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        const QString taken = again.body.value("error").toObject().value("message").toString();
        QVERIFY2(!taken.contains(longest) && taken.contains(QString(40, u'l')), qPrintable(taken));
        const Answer other =
            m_http->json("POST", "/api/v1/flows",
                         {{"name", "other"}, {"definition", flowDefinition({})}}, m_admin);
        const Answer renamed =
            m_http->json("PUT", "/api/v1/flows/" + other.data().value("id").toString(),
                         {{"name", longest}}, m_admin);
        QCOMPARE(renamed.code(), QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        QVERIFY(
            !renamed.body.value("error").toObject().value("message").toString().contains(longest));
    }

    // Issue 34 item 10: a transform whose output reads $.trigger can only
    // fail when it runs. A draft keeps it as a problem on the node (item 1:
    // drafts save with their problems); publishing that version is refused,
    // so nothing can run it.
    void builtinExpressionRefused()
    {
        const auto transform = [](const QString &expression) {
            return flowDefinition({flowNode("t", "transform", {{"name", "$.trigger.name"}},
                                            {{"outputs", QJsonObject{{"x", expression}}}})});
        };
        const auto checkProblem = [](const QJsonArray &problems) {
            QCOMPARE(problems.size(), 1);
            const QJsonObject problem = problems.first().toObject();
            QCOMPARE(problem.value("code").toString(),
                     QStringLiteral("INVALID_BUILTIN_EXPRESSION"));
            QCOMPARE(problem.value("node").toString(), QStringLiteral("t"));
            QCOMPARE(problem.value("path").toString(), QStringLiteral("outputs.x"));
            QCOMPARE(problem.value("expression").toString(), QStringLiteral("$.trigger.name"));
        };
        const auto checkRefusal = [&](const Answer &answer) {
            QCOMPARE(answer.status, 400);
            QCOMPARE(answer.code(), QStringLiteral("INVALID_FLOW_DEFINITION"));
            checkProblem(answer.details().value("problems").toArray());
        };
        const Answer created = m_http->json(
            "POST", "/api/v1/flows",
            {{"name", "reads-trigger"}, {"definition", transform("$.trigger.name")}}, m_admin);
        QCOMPARE(created.status, 201);
        checkProblem(created.data().value("problems").toArray());
        const QString draftId = created.data().value("id").toString();
        checkRefusal(m_http->json("POST", "/api/v1/flows/" + draftId + "/publish",
                                  {{"version", "1"}}, m_admin));

        // The same output reading the node's inputs is stored and runs.
        const QString flowId = publishedFlow(transform("$.inputs.name"));
        QVERIFY(!flowId.isEmpty());
        const Answer version = m_http->json("POST", "/api/v1/flows/" + flowId + "/versions",
                                            {{"definition", transform("$.trigger.name")}}, m_admin);
        QCOMPARE(version.status, 201);
        checkProblem(version.data().value("problems").toArray());
        checkRefusal(m_http->json("POST", "/api/v1/flows/" + flowId + "/publish",
                                  {{"version", "2"}}, m_admin));
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
