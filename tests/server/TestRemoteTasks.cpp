// The built-in `task` component end to end (issue 38 item 8): real
// hivemind-agent processes against the real server. Nodes "batch-1" and
// "batch-2" (label batch) run agents with --allow tasks, "plain-1" one
// without. A published flow fans a command out to the label and collects
// both outputs; cancel of the execution kills the remote process (gone from
// /proc: the agents run on this machine); an agent killed mid-task fails
// the node retryably; an unmatched label, a node without the capability, a
// USER without a grant and a script without shell: true are refused; every
// run is audited with the user the execution acts for.

#include "TaskTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTest>
#include <csignal>

using namespace hm::test;

namespace {

QJsonObject labelTarget(const QString &label, const QString &mode)
{
    return {{"label", label}, {"mode", mode}};
}

} // namespace

class TestRemoteTasks : public QObject, private TaskTestFixture
{
    Q_OBJECT

    RemoteAgent m_batch1;
    RemoteAgent m_batch2;
    RemoteAgent m_plain;

    QString trigger(const QString &token, const QString &flowId)
    {
        const Answer run = triggerFlow(*m_http, token, flowId);
        if (run.status != 200)
            qWarning().noquote() << run.raw;
        return run.data().value("execution_id").toString();
    }

private slots:
    void initTestCase()
    {
        const QString started = startTaskServer();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(m_agents->start(m_batch1, "batch-1", {"batch"}, {"--allow", "tasks"}));
        QVERIFY(m_agents->start(m_batch2, "batch-2", {"batch"}, {"--allow", "tasks"}));
        QVERIFY(m_agents->start(m_plain, "plain-1", {"plain"}));
        HM_WAIT_ONLINE(*m_agents, m_batch1);
        HM_WAIT_ONLINE(*m_agents, m_batch2);
        HM_WAIT_ONLINE(*m_agents, m_plain);
    }

    void cleanupTestCase()
    {
        QVERIFY(m_batch1.stop());
        QVERIFY(m_batch2.stop());
        QVERIFY(m_plain.stop());
    }

    void aFlowFansACommandOutToALabel()
    {
        const QString flow =
            taskFlow(m_admin, {{"target", labelTarget("batch", "all")},
                               {"argv", QJsonArray{"/bin/echo", "hello"}}});
        QVERIFY(!flow.isEmpty());
        const QString execution = trigger(m_admin, flow);
        QVERIFY(!execution.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(status(execution), QStringLiteral("completed"), 30000);
        const QJsonObject node = runNode(execution);
        const QJsonObject outputs = node.value("outputs").toObject();
        QCOMPARE(outputs.value("succeeded").toInt(), 2);
        QCOMPARE(outputs.value("failed").toInt(), 0);
        const QJsonArray results = outputs.value("results").toArray();
        QCOMPARE(results.size(), 2);
        QSet<QString> nodes;
        for (const QJsonValue &value : results) {
            const QJsonObject r = value.toObject();
            QCOMPARE(r.value("stdout").toString(), QStringLiteral("hello\n"));
            QCOMPARE(r.value("exit_code").toInt(), 0);
            QCOMPARE(r.value("ok").toBool(), true);
            nodes << r.value("node_id").toString();
        }
        QCOMPARE(nodes, (QSet<QString>{m_batch1.nodeId, m_batch2.nodeId}));
        // The exact target list, in the outputs and the node's log.
        const QJsonArray targets = outputs.value("targets").toArray();
        QCOMPARE(targets.size(), 2);
        const QString logs = QJsonDocument(node.value("logs").toArray()).toJson();
        QVERIFY2(logs.contains("targets (2)") && logs.contains(m_batch1.nodeId)
                     && logs.contains(m_batch2.nodeId),
                 qPrintable(logs));

        // One audit entry per node, with the user the execution acts for.
        const QJsonArray audit = m_agents->audit("NODE_TASK_RUN");
        QVERIFY(audit.size() >= 2);
        QSet<QString> audited;
        for (const QJsonValue &value : audit) {
            const QJsonObject entry = value.toObject();
            const QJsonObject details = entry.value("details").toObject();
            if (details.value("execution_id").toString() != execution)
                continue;
            QCOMPARE(entry.value("user_id").toString(), m_adminId);
            QCOMPARE(details.value("program").toString(), QStringLiteral("/bin/echo"));
            QCOMPARE(details.value("exit_code").toInt(-1), 0);
            QCOMPARE(details.value("result").toString(), QStringLiteral("success"));
            audited << entry.value("resource_id").toString();
        }
        QCOMPARE(audited, (QSet<QString>{m_batch1.nodeId, m_batch2.nodeId}));
    }

    void oneNodeByIdWithEnvironmentAndExitCode()
    {
        const QString flow = taskFlow(
            m_admin, {{"target", QJsonObject{{"node_id", m_batch1.nodeId}}},
                      {"shell", true},
                      {"script", "echo \"$GREETING\"; echo oops >&2; exit 4"},
                      {"env", QJsonObject{{"GREETING", "hi there"}}},
                      {"working_dir", "/tmp"}});
        QVERIFY(!flow.isEmpty());
        const QString execution = trigger(m_admin, flow);
        QTRY_VERIFY_WITH_TIMEOUT(status(execution) == u"completed" || status(execution) == u"failed",
                                 30000);
        QVERIFY2(status(execution) == u"completed",
                 QJsonDocument(runNode(execution)).toJson().constData());
        const QJsonObject outputs = runNode(execution).value("outputs").toObject();
        QCOMPARE(outputs.value("stdout").toString(), QStringLiteral("hi there\n"));
        QCOMPARE(outputs.value("stderr").toString(), QStringLiteral("oops\n"));
        QCOMPARE(outputs.value("exit_code").toInt(), 4);
        QCOMPARE(outputs.value("ok").toBool(), false);
        QCOMPARE(outputs.value("node_id").toString(), m_batch1.nodeId);
        // The script's text and the environment's values stay out of the audit.
        const QJsonObject entry = m_agents->audit("NODE_TASK_RUN").first().toObject();
        const QByteArray details = QJsonDocument(entry.value("details").toObject()).toJson();
        QCOMPARE(entry.value("details").toObject().value("program").toString(),
                 QStringLiteral("shell script"));
        QVERIFY(!details.contains("hi there") && !details.contains("oops"));
    }

    void cancelKillsTheRemoteProcess()
    {
        const QStringList argv{"/bin/sleep", "3011"};
        const QString flow = taskFlow(m_admin, {{"target", labelTarget("batch", "any")},
                                                {"argv", QJsonArray::fromStringList(argv)}});
        const QString execution = trigger(m_admin, flow);
        QTRY_COMPARE_WITH_TIMEOUT(processesRunning(argv).size(), 1, 30000);
        const qint64 pid = processesRunning(argv).first();
        const Answer cancelled = m_http->json(
            "POST", "/api/v1/executions/" + execution + "/cancel", QJsonObject{}, m_admin);
        QVERIFY2(cancelled.status == 200 || cancelled.status == 202, cancelled.raw.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/%1").arg(pid))
                                     || processesRunning(argv).isEmpty(),
                                 15000);
        QTRY_COMPARE_WITH_TIMEOUT(status(execution), QStringLiteral("cancelled"), 15000);
    }

    void killOfTheExecutionKillsTheRemoteProcessToo()
    {
        const QStringList argv{"/bin/sleep", "3017"};
        const QString flow = taskFlow(m_admin, {{"target", labelTarget("batch", "all")},
                                                {"argv", QJsonArray::fromStringList(argv)}});
        const QString execution = trigger(m_admin, flow);
        QTRY_COMPARE_WITH_TIMEOUT(processesRunning(argv).size(), 2, 30000);
        const Answer killed = m_http->json(
            "POST", "/api/v1/executions/" + execution + "/kill", QJsonObject{}, m_admin);
        QVERIFY2(killed.status == 200 || killed.status == 202, killed.raw.constData());
        // Both nodes' commands go.
        QTRY_VERIFY_WITH_TIMEOUT(processesRunning(argv).isEmpty(), 15000);
    }

    void anAgentKilledMidTaskFailsTheNodeRetryably()
    {
        RemoteAgent doomed;
        QVERIFY(m_agents->start(doomed, "doomed-1", {"doomed"}, {"--allow", "tasks"}));
        HM_WAIT_ONLINE(*m_agents, doomed);
        const QStringList argv{"/bin/sleep", "3013"};
        // Two attempts: a retryable failure takes the second (which finds
        // the node offline); a permanent one would stop at the first.
        const QString flow = taskFlow(m_admin,
                                      {{"target", QJsonObject{{"node_id", doomed.nodeId}}},
                                       {"argv", QJsonArray::fromStringList(argv)}},
                                      2);
        const QString execution = trigger(m_admin, flow);
        QTRY_COMPARE_WITH_TIMEOUT(processesRunning(argv).size(), 1, 30000);
        ::kill(pid_t(doomed.process->processId()), SIGKILL);
        QVERIFY(doomed.process->waitForFinished(10000));
        QTRY_COMPARE_WITH_TIMEOUT(status(execution), QStringLiteral("failed"), 30000);
        const QJsonObject node = runNode(execution);
        QCOMPARE(node.value("error").toObject().value("code").toString(),
                 QStringLiteral("NODE_OFFLINE"));
        QCOMPARE(node.value("attempts").toInt(), 2);
        // The command went with its agent (PR_SET_PDEATHSIG).
        QTRY_VERIFY_WITH_TIMEOUT(processesRunning(argv).isEmpty(), 10000);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QJsonArray echo{"/bin/echo", "x"};
        QTest::newRow("unmatched label")
            << "admin" << QJsonObject{{"target", labelTarget("nowhere", "all")}, {"argv", echo}}
            << "VALIDATION_ERROR" << "no enrolled node has the label \"nowhere\"";
        QTest::newRow("no target")
            << "admin" << QJsonObject{{"target", QJsonObject{}}, {"argv", echo}}
            << "VALIDATION_ERROR" << "never runs on \"all nodes\"";
        QTest::newRow("label matches two, mode one")
            << "admin" << QJsonObject{{"target", labelTarget("batch", "one")}, {"argv", echo}}
            << "VALIDATION_ERROR" << "matches 2 nodes";
        QTest::newRow("agent without the capability")
            << "plain" << QJsonObject{{"argv", echo}} << "CAPABILITY_DISABLED" << "tasks";
        QTest::newRow("user without a grant")
            << "ops" << QJsonObject{{"target", labelTarget("batch", "all")}, {"argv", echo}}
            << "FORBIDDEN" << "no grant for \"tasks\"";
        QTest::newRow("script without shell")
            << "admin"
            << QJsonObject{{"target", labelTarget("batch", "all")}, {"script", "echo hi"}}
            << "VALIDATION_ERROR" << "a script runs only with shell: true";
    }

    void refusals()
    {
        QFETCH(QString, who);
        QFETCH(QJsonObject, config);
        QFETCH(QString, code);
        QFETCH(QString, message);
        if (who == u"plain")
            config.insert("target", QJsonObject{{"node_id", m_plain.nodeId}});
        const QString token = who == u"ops" ? m_ops.token : m_admin;
        // Retries allowed: a refusal must not take them.
        const QString flow = taskFlow(token, config, 3);
        QVERIFY(!flow.isEmpty());
        const QString execution = trigger(token, flow);
        QVERIFY(!execution.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(status(execution), QStringLiteral("failed"), 30000);
        const QJsonObject node = runNode(execution);
        const QJsonObject error = node.value("error").toObject();
        QCOMPARE(error.value("code").toString(), code);
        QVERIFY2(error.value("message").toString().contains(message),
                 qPrintable(error.value("message").toString()));
        QCOMPARE(node.value("attempts").toInt(), 1);
    }

    void aGrantLetsAUserRunTasks()
    {
        const QString grant = m_agents->grant("user", m_ops.id, "batch", "tasks");
        QVERIFY(!grant.isEmpty());
        const QString flow = taskFlow(m_ops.token, {{"target", labelTarget("batch", "all")},
                                                    {"argv", QJsonArray{"/bin/echo", "ops"}}});
        const QString execution = trigger(m_ops.token, flow);
        QTRY_COMPARE_WITH_TIMEOUT(status(execution), QStringLiteral("completed"), 30000);
        QCOMPARE(runNode(execution).value("outputs").toObject().value("succeeded").toInt(), 2);
        const QJsonObject entry = m_agents->audit("NODE_TASK_RUN").first().toObject();
        QCOMPARE(entry.value("user_id").toString(), m_ops.id);
        // The grant covers batch only.
        const QString elsewhere =
            taskFlow(m_ops.token, {{"target", QJsonObject{{"node_id", m_plain.nodeId}}},
                                   {"argv", QJsonArray{"/bin/echo", "ops"}}});
        const QString refused = trigger(m_ops.token, elsewhere);
        QTRY_COMPARE_WITH_TIMEOUT(status(refused), QStringLiteral("failed"), 30000);
        QCOMPARE(runNode(refused).value("error").toObject().value("code").toString(),
                 QStringLiteral("FORBIDDEN"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteTasks)
#include "TestRemoteTasks.moc"
