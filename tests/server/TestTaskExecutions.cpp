// Seed 000's tasks as executions of the built-in `task` component, and the
// fan-out's target list while it runs (issue 38 item 8), end to end: a real
// server, real hivemind-agent processes ("node-a" and "node-b", label
// "fleet", --allow tasks) running real commands on this machine.
//   - POST /api/tasks runs on the node and GET /api/tasks lists it with its
//     node, status and output; it is an execution (GET /api/v1/executions),
//     its flow is in no flow list; it survives a server restart;
//   - bad input, an unknown node, a VIEWER, a USER without the tasks grant
//     are refused before anything is stored or run (the refusal audited);
//   - the execution's cancel route kills the remote process;
//   - a fan-out's targets are in the running node's log before it ends;
//   - the same owner's same task reuses its hidden flow, another command
//     or owner gets its own;
//   - a flow triggered with an API key acts for the key's owner: without
//     the grant (or with a key whose permissions lack nodes.execute) the
//     task node fails FORBIDDEN before anything runs, with it it runs.

#include "TaskTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace hm::test;

class TestTaskExecutions : public QObject, private TaskTestFixture
{
    Q_OBJECT

    RemoteAgent m_nodeA;
    RemoteAgent m_nodeB;
    QString m_echoTask; // the first task, checked again after the restart

    Answer postTask(const QJsonObject &body, const QString &token)
    {
        return m_http->json("POST", QStringLiteral("/api/tasks"), body, token);
    }

    QJsonArray tasks(const QString &token)
    {
        return m_http->get(QStringLiteral("/api/tasks?size=100"), token)
            .data()
            .value("tasks")
            .toArray();
    }

    QJsonObject task(const QString &token, const QString &id)
    {
        for (const QJsonValue &t : tasks(token))
            if (t.toObject().value("task_id").toString() == id)
                return t.toObject();
        return {};
    }

    QString triggerWithKey(const QString &key, const QString &flowId)
    {
        const Answer run = m_http->send("POST", "/api/v1/flows/" + flowId + "/trigger",
                                        "{\"inputs\":{}}", {{"X-API-Key", key.toLatin1()}});
        if (run.status != 200)
            qWarning().noquote() << run.raw;
        return run.data().value("execution_id").toString();
    }

    QString apiKey(const QString &token, const QJsonObject &body)
    {
        const Answer created = m_http->json("POST", "/api/v1/auth/api-keys", body, token);
        if (created.status != 201)
            qWarning().noquote() << created.raw;
        return created.data().value("api_key").toString();
    }

private slots:
    void initTestCase()
    {
        const QString started = startTaskServer();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(m_agents->start(m_nodeA, "node-a", {"fleet"}, {"--allow", "tasks"}));
        QVERIFY(m_agents->start(m_nodeB, "node-b", {"fleet"}, {"--allow", "tasks"}));
        HM_WAIT_ONLINE(*m_agents, m_nodeA);
        HM_WAIT_ONLINE(*m_agents, m_nodeB);
    }

    void cleanupTestCase()
    {
        QVERIFY(m_nodeA.stop());
        QVERIFY(m_nodeB.stop());
    }

    void aSeedTaskIsAnExecution()
    {
        const Answer created =
            postTask({{"node_id", m_nodeA.nodeId}, {"argv", QJsonArray{"/bin/echo", "hi"}}},
                     m_admin);
        QCOMPARE(created.status, 200);
        QCOMPARE(created.data().value("status").toString(), QStringLiteral("created"));
        m_echoTask = created.data().value("task_id").toString();
        QVERIFY(!m_echoTask.isEmpty());
        QCOMPARE(created.data().value("execution_id").toString(), m_echoTask);

        QTRY_COMPARE_WITH_TIMEOUT(task(m_admin, m_echoTask).value("status").toString(),
                                  QStringLiteral("completed"), 30000);
        const QJsonObject done = task(m_admin, m_echoTask);
        QCOMPARE(done.value("node_id").toString(), m_nodeA.nodeId);
        QCOMPARE(done.value("node_name").toString(), QStringLiteral("node-a"));
        QCOMPARE(done.value("command").toString(), QStringLiteral("/bin/echo"));
        QCOMPARE(done.value("stdout").toString(), QStringLiteral("hi\n"));
        QCOMPARE(done.value("exit_code").toInt(-1), 0);
        QCOMPARE(done.value("created_by").toString(), m_adminId);
        QVERIFY(!done.value("finished_at").toString().isEmpty());

        // An execution like any other: its detail, the history list.
        const Answer execution = m_http->get("/api/v1/executions/" + m_echoTask, m_admin);
        QCOMPARE(execution.status, 200);
        QCOMPARE(execution.data().value("status").toString(), QStringLiteral("completed"));
        const QString flowId = execution.data().value("flow_id").toString();
        QVERIFY2(flowId.startsWith("task-"), qPrintable(flowId));
        bool listed = false;
        for (const QJsonValue &e : m_http->get("/api/v1/executions?size=100", m_admin)
                                       .data()
                                       .value("items")
                                       .toArray())
            listed = listed || e.toObject().value("id").toString() == m_echoTask
                     || e.toObject().value("execution_id").toString() == m_echoTask;
        QVERIFY(listed);
        // Its flow is in no flow list and takes no edit or trigger.
        const QByteArray flows = m_http->get("/api/v1/flows?size=100", m_admin).raw;
        QVERIFY2(!flows.contains(flowId.toUtf8()), flows.constData());
        QCOMPARE(m_http->get("/api/v1/flows/" + flowId, m_admin).status, 404);
        QCOMPARE(triggerFlow(*m_http, m_admin, flowId).status, 404);
        // A re-run runs the command again: a new task of the same flow.
        const Answer rerun = m_http->json("POST", "/api/v1/executions/" + m_echoTask + "/rerun",
                                          QJsonObject{}, m_admin);
        QCOMPARE(rerun.status, 200);
        const QString again = rerun.data().value("execution_id").toString();
        QVERIFY(!again.isEmpty() && again != m_echoTask);
        QTRY_COMPARE_WITH_TIMEOUT(task(m_admin, again).value("status").toString(),
                                  QStringLiteral("completed"), 30000);
        QCOMPARE(task(m_admin, again).value("stdout").toString(), QStringLiteral("hi\n"));
        QCOMPARE(task(m_admin, again).value("node_id").toString(), m_nodeA.nodeId);

        // Audited with the user and the node.
        const QJsonObject entry = m_agents->audit("NODE_TASK_RUN").first().toObject();
        QCOMPARE(entry.value("user_id").toString(), m_adminId);
        QCOMPARE(entry.value("resource_id").toString(), m_nodeA.nodeId);
        QCOMPARE(entry.value("details").toObject().value("execution_id").toString(), again);
    }

    // An output past the engine's inline size goes to a blob that lives
    // only while the execution runs: the list shows its tail afterwards.
    void aLargeOutputIsListedByItsTail()
    {
        const Answer created = postTask(
            {{"node_id", m_nodeA.nodeId}, {"argv", QJsonArray{"/usr/bin/seq", "1", "30000"}}},
            m_admin);
        QCOMPARE(created.status, 200);
        const QString id = created.data().value("task_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(task(m_admin, id).value("status").toString(),
                                  QStringLiteral("completed"), 30000);
        const QString out = task(m_admin, id).value("stdout").toString();
        QCOMPARE(out.size(), 8000);
        QVERIFY2(out.endsWith(QStringLiteral("29999\n30000\n")), qPrintable(out.right(40)));
    }

    void badRequestsAreRefusedAndNothingIsStored()
    {
        const int before = int(tasks(m_admin).size());
        const Answer noNode = postTask({{"argv", QJsonArray{"/bin/true"}}}, m_admin);
        QCOMPARE(noNode.status, 422);
        QCOMPARE(noNode.code(), QStringLiteral("VALIDATION_ERROR"));
        QVERIFY2(noNode.raw.contains("node_id"), noNode.raw.constData());

        const Answer unknown =
            postTask({{"node_id", "no-such-node"}, {"argv", QJsonArray{"/bin/true"}}}, m_admin);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.code(), QStringLiteral("RESOURCE_NOT_FOUND"));
        QVERIFY2(unknown.raw.contains("no node no-such-node"), unknown.raw.constData());

        const Answer script =
            postTask({{"node_id", m_nodeA.nodeId}, {"script", "echo hi"}}, m_admin);
        QCOMPARE(script.status, 422);
        QCOMPARE(script.code(), QStringLiteral("VALIDATION_ERROR"));
        QVERIFY2(script.raw.contains("a script runs only with shell: true"), script.raw.constData());

        const Answer noArgv = postTask({{"node_id", m_nodeA.nodeId}}, m_admin);
        QCOMPARE(noArgv.status, 422);
        QVERIFY2(noArgv.raw.contains("argv"), noArgv.raw.constData());

        // What the agent would refuse is refused here, before anything is
        // stored: an environment name that is none, a NUL in an argument.
        for (const auto &[body, field] :
             {std::pair{QJsonObject{{"node_id", m_nodeA.nodeId},
                                    {"argv", QJsonArray{"/bin/true"}},
                                    {"env", QJsonObject{{"A=B", "x"}}}},
                        QStringLiteral("env")},
              std::pair{QJsonObject{{"node_id", m_nodeA.nodeId},
                                    {"argv", QJsonArray{"/bin/true"}},
                                    {"env", QJsonObject{{"1ST", "x"}}}},
                        QStringLiteral("env")},
              std::pair{QJsonObject{{"node_id", m_nodeA.nodeId},
                                    {"argv", QJsonArray{"/bin/echo",
                                                        QStringLiteral("a") + QChar(0) + u'b'}}},
                        QStringLiteral("argv")}}) {
            const Answer refused = postTask(body, m_admin);
            QVERIFY2(refused.status == 422, refused.raw.constData());
            QCOMPARE(refused.details().value("field").toString(), field);
        }

        QCOMPARE(postTask({{"node_id", m_nodeA.nodeId}, {"argv", QJsonArray{"/bin/true"}}},
                          m_viewer.token)
                     .status,
                 403);
        QCOMPARE(int(tasks(m_admin).size()), before);
    }

    void aUserWithoutTheGrantIsRefusedAndAudited()
    {
        const QStringList argv{"/bin/sleep", "3031"};
        const Answer refused =
            postTask({{"node_id", m_nodeA.nodeId}, {"argv", QJsonArray::fromStringList(argv)}},
                     m_ops.token);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("FORBIDDEN"));
        QVERIFY2(refused.raw.contains("ops may not run tasks on node-a"), refused.raw.constData());
        QVERIFY(tasks(m_ops.token).isEmpty());
        QVERIFY(processesRunning(argv).isEmpty());
        const QJsonObject entry = m_agents->audit("NODE_TASK_RUN").first().toObject();
        QCOMPARE(entry.value("user_id").toString(), m_ops.id);
        QCOMPARE(entry.value("resource_id").toString(), m_nodeA.nodeId);
        QCOMPARE(entry.value("details").toObject().value("result").toString(),
                 QStringLiteral("failure"));
    }

    void cancelThroughTheExecutionKillsTheRemoteProcess()
    {
        const QStringList argv{"/bin/sleep", "3033"};
        const Answer created =
            postTask({{"node_id", m_nodeB.nodeId}, {"argv", QJsonArray::fromStringList(argv)}},
                     m_admin);
        QCOMPARE(created.status, 200);
        const QString id = created.data().value("task_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(processesRunning(argv).size(), 1, 30000);
        QCOMPARE(task(m_admin, id).value("status").toString(), QStringLiteral("running"));
        const Answer cancelled = m_http->json("POST", "/api/v1/executions/" + id + "/cancel",
                                              QJsonObject{}, m_admin);
        QVERIFY2(cancelled.status == 200 || cancelled.status == 202, cancelled.raw.constData());
        QTRY_VERIFY_WITH_TIMEOUT(processesRunning(argv).isEmpty(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(task(m_admin, id).value("status").toString(),
                                  QStringLiteral("cancelled"), 15000);
    }

    void theFanOutsTargetsShowWhileItRuns()
    {
        const QStringList argv{"/bin/sleep", "30"};
        const QString flow = taskFlow(m_admin,
                                      {{"target", QJsonObject{{"label", "fleet"}, {"mode", "all"}}},
                                       {"argv", QJsonArray::fromStringList(argv)}},
                                      3);
        QVERIFY(!flow.isEmpty());
        const Answer run = triggerFlow(*m_http, m_admin, flow);
        QCOMPARE(run.status, 200);
        const QString execution = run.data().value("execution_id").toString();
        const auto logs = [&] {
            return QString::fromUtf8(QJsonDocument(runNode(execution).value("logs").toArray())
                                         .toJson(QJsonDocument::Compact));
        };
        QTRY_VERIFY_WITH_TIMEOUT(logs().contains("targets (2)"), 30000);
        // Both targets, while the node still runs.
        const QJsonObject node = runNode(execution);
        QCOMPARE(node.value("status").toString(), QStringLiteral("running"));
        QVERIFY2(logs().contains(m_nodeA.nodeId) && logs().contains(m_nodeB.nodeId),
                 qPrintable(logs()));
        QVERIFY(logs().contains("node-a") && logs().contains("node-b"));
        QTRY_COMPARE_WITH_TIMEOUT(processesRunning(argv).size(), 2, 30000);
        const Answer cancelled = m_http->json("POST", "/api/v1/executions/" + execution + "/cancel",
                                              QJsonObject{}, m_admin);
        QVERIFY2(cancelled.status == 200 || cancelled.status == 202, cancelled.raw.constData());
        QTRY_VERIFY_WITH_TIMEOUT(processesRunning(argv).isEmpty(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(status(execution), QStringLiteral("cancelled"), 15000);
        // The list line stays in the node's log once it ended.
        QVERIFY2(logs().contains("targets (2)"), qPrintable(logs()));
    }

    void anApiKeyActsForItsOwner()
    {
        const QString key = apiKey(m_ops.token, {{"name", "runner"}, {"access_level", "write"}});
        QVERIFY(!key.isEmpty());
        const QStringList argv{"/bin/echo", "by key"};
        const QString flow = taskFlow(m_ops.token,
                                      {{"target", QJsonObject{{"node_id", m_nodeA.nodeId}}},
                                       {"argv", QJsonArray::fromStringList(argv)}},
                                      3);
        QVERIFY(!flow.isEmpty());

        // Without the grant: FORBIDDEN before anything runs, no retry taken.
        const QString refused = triggerWithKey(key, flow);
        QVERIFY(!refused.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(status(refused), QStringLiteral("failed"), 30000);
        QCOMPARE(runNode(refused).value("error").toObject().value("code").toString(),
                 QStringLiteral("FORBIDDEN"));
        QCOMPARE(runNode(refused).value("attempts").toInt(), 1);
        const QJsonObject audited = m_agents->audit("NODE_TASK_RUN").first().toObject();
        QCOMPARE(audited.value("user_id").toString(), m_ops.id);
        QCOMPARE(audited.value("details").toObject().value("result").toString(),
                 QStringLiteral("failure"));

        // With the grant it runs, for the key's owner.
        QVERIFY(!m_agents->grant("user", m_ops.id, "fleet", "tasks").isEmpty());
        const QString allowed = triggerWithKey(key, flow);
        QTRY_COMPARE_WITH_TIMEOUT(status(allowed), QStringLiteral("completed"), 30000);
        QCOMPARE(runNode(allowed).value("outputs").toObject().value("stdout").toString(),
                 QStringLiteral("by key\n"));
        QCOMPARE(m_agents->audit("NODE_TASK_RUN").first().toObject().value("user_id").toString(),
                 m_ops.id);

        // A key whose permissions leave out nodes.execute may trigger the
        // flow but not run its command.
        const QString narrow = apiKey(m_ops.token, {{"name", "narrow"},
                                                    {"access_level", "write"},
                                                    {"permissions", QJsonArray{"flows.execute"}}});
        QVERIFY(!narrow.isEmpty());
        const QString scoped = triggerWithKey(narrow, flow);
        QVERIFY(!scoped.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(status(scoped), QStringLiteral("failed"), 30000);
        const QJsonObject error = runNode(scoped).value("error").toObject();
        QCOMPARE(error.value("code").toString(), QStringLiteral("FORBIDDEN"));
        QVERIFY2(error.value("message").toString().contains("nodes.execute"),
                 qPrintable(error.value("message").toString()));
    }

    void aUserSeesTheirOwnTasks()
    {
        // ops holds the grant now (anApiKeyActsForItsOwner).
        const Answer created =
            postTask({{"node_id", m_nodeB.nodeId}, {"argv", QJsonArray{"/bin/echo", "mine"}}},
                     m_ops.token);
        QCOMPARE(created.status, 200);
        const QString id = created.data().value("task_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(task(m_ops.token, id).value("status").toString(),
                                  QStringLiteral("completed"), 30000);
        QCOMPARE(task(m_ops.token, id).value("stdout").toString(), QStringLiteral("mine\n"));
        // Not the administrator's; the administrator sees both.
        QVERIFY(task(m_ops.token, m_echoTask).isEmpty());
        QVERIFY(!task(m_admin, id).isEmpty());
        // Its execution is the user's to see, and a non-zero exit fails it.
        QCOMPARE(m_http->get("/api/v1/executions/" + id, m_ops.token).status, 200);
        const Answer failing =
            postTask({{"node_id", m_nodeB.nodeId}, {"shell", true}, {"script", "exit 3"}},
                     m_ops.token);
        QCOMPARE(failing.status, 200);
        const QString failed = failing.data().value("task_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(task(m_ops.token, failed).value("status").toString(),
                                  QStringLiteral("failed"), 30000);
        QCOMPARE(task(m_ops.token, failed).value("exit_code").toInt(), 3);
        QCOMPARE(task(m_ops.token, failed).value("command").toString(),
                 QStringLiteral("shell script"));
    }

    // Hidden task flows do not pile up: the same owner running the same
    // task again gets a new execution of the same flow (and version); a
    // different command or another owner gets a flow of its own, and the
    // earlier executions keep theirs.
    void aRepeatedTaskReusesItsHiddenFlow()
    {
        const auto flowOf = [&](const QString &executionId) {
            return m_http->get("/api/v1/executions/" + executionId, m_admin)
                .data()
                .value("flow_id")
                .toString();
        };
        const QString first = flowOf(m_echoTask);
        QVERIFY2(first.startsWith("task-"), qPrintable(first));

        const Answer again =
            postTask({{"node_id", m_nodeA.nodeId}, {"argv", QJsonArray{"/bin/echo", "hi"}}},
                     m_admin);
        QCOMPARE(again.status, 200);
        const QString againId = again.data().value("task_id").toString();
        QVERIFY(!againId.isEmpty() && againId != m_echoTask);
        QCOMPARE(flowOf(againId), first);
        QTRY_COMPARE_WITH_TIMEOUT(task(m_admin, againId).value("status").toString(),
                                  QStringLiteral("completed"), 30000);
        QCOMPARE(task(m_admin, againId).value("stdout").toString(), QStringLiteral("hi\n"));
        // The first execution is untouched.
        QCOMPARE(task(m_admin, m_echoTask).value("status").toString(),
                 QStringLiteral("completed"));
        QCOMPARE(task(m_admin, m_echoTask).value("stdout").toString(), QStringLiteral("hi\n"));

        const Answer other =
            postTask({{"node_id", m_nodeA.nodeId}, {"argv", QJsonArray{"/bin/echo", "ho"}}},
                     m_admin);
        QCOMPARE(other.status, 200);
        const QString otherFlow = flowOf(other.data().value("task_id").toString());
        QVERIFY2(otherFlow.startsWith("task-") && otherFlow != first, qPrintable(otherFlow));

        // ops (granted since anApiKeyActsForItsOwner): the same body, a flow
        // of ops's own, and ops's list shows only ops's task.
        const Answer theirs =
            postTask({{"node_id", m_nodeA.nodeId}, {"argv", QJsonArray{"/bin/echo", "hi"}}},
                     m_ops.token);
        QCOMPARE(theirs.status, 200);
        const QString theirsId = theirs.data().value("task_id").toString();
        const QString theirsFlow = flowOf(theirsId);
        QVERIFY2(theirsFlow.startsWith("task-") && theirsFlow != first, qPrintable(theirsFlow));
        QTRY_COMPARE_WITH_TIMEOUT(task(m_ops.token, theirsId).value("status").toString(),
                                  QStringLiteral("completed"), 30000);
        QVERIFY(task(m_ops.token, againId).isEmpty());
        // Still no flow list shows any of them.
        const QByteArray flows = m_http->get("/api/v1/flows?size=100", m_admin).raw;
        QVERIFY(!flows.contains(first.toUtf8()) && !flows.contains(theirsFlow.toUtf8()));
    }

    // Last: the agents lose their server with it.
    void tasksSurviveARestart()
    {
        // A task still running when the server stops: its target line was
        // journaled with the running node, so the history has it after.
        const QStringList argv{"/bin/sleep", "3051"};
        const Answer sleeping =
            postTask({{"node_id", m_nodeA.nodeId}, {"argv", QJsonArray::fromStringList(argv)}},
                     m_admin);
        QCOMPARE(sleeping.status, 200);
        const QString interrupted = sleeping.data().value("task_id").toString();
        const auto nodeLogs = [&] {
            return QString::fromUtf8(
                QJsonDocument(m_http->get("/api/v1/executions/" + interrupted + "/nodes/task",
                                          m_admin)
                                  .data()
                                  .value("logs")
                                  .toArray())
                    .toJson(QJsonDocument::Compact));
        };
        QTRY_VERIFY_WITH_TIMEOUT(nodeLogs().contains("targets (1)"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(processesRunning(argv).size(), 1, 30000);

        QVERIFY(stopServer());
        QCOMPARE(restartServer(), QString());
        const QJsonObject echo = task(m_admin, m_echoTask);
        QCOMPARE(echo.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(echo.value("stdout").toString(), QStringLiteral("hi\n"));
        QCOMPARE(echo.value("node_name").toString(), QStringLiteral("node-a"));
        const Answer page = m_http->get(QStringLiteral("/api/tasks?size=2"), m_admin);
        QCOMPARE(page.data().value("tasks").toArray().size(), 2);
        QVERIFY(page.data().value("pagination").toObject().value("total").toInt() >= 4);
        // From the history now: the interrupted task's node kept its targets.
        QVERIFY2(nodeLogs().contains("targets (1)") && nodeLogs().contains(m_nodeA.nodeId),
                 qPrintable(nodeLogs()));
        QVERIFY(!task(m_admin, interrupted).isEmpty());
        // Its command went with the agent's connection to the old server.
        QTRY_VERIFY_WITH_TIMEOUT(processesRunning(argv).isEmpty(), 30000);
    }
};

QTEST_GUILESS_MAIN(TestTaskExecutions)
#include "TestTaskExecutions.moc"
