// Hidden task flows do not accumulate (issue 38): POST /api/tasks stores
// one retired flow and version per distinct task, and the history
// retention pass removes those no execution refers to any more. A real
// server (retention passes only when asked, no grace time) and a real
// hivemind-agent (--allow tasks); the server's database opened beside it
// to take a task's last execution away as retention would, and to look at
// the flows the API never lists.
//   - a task flow without executions goes with its version; one with an
//     execution left stays, and its task still lists;
//   - a soft-deleted ordinary flow without executions stays (not a task's);
//   - the same task posted again afterwards runs (its flow comes back);
//   - refused input changes nothing.

#include "FlowTestSupport.h"
#include "RemoteAgentSupport.h"
#include "ServerDatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::test;

class TestTaskFlowPurge : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    RemoteAgent m_node;
    std::unique_ptr<store::Database> m_db;

    store::Database *database()
    {
        if (!m_db)
            m_db = openServerDatabase(m_dir.path(), m_server->masterKey());
        return m_db.get();
    }

    qint64 count(const QString &sql)
    {
        auto n = database()->queryInt(sql);
        return n ? n.value() : -1;
    }
    qint64 flowRows(const QString &flowId)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM flows WHERE id = '%1'").arg(flowId));
    }
    qint64 versionRows(const QString &flowId)
    {
        return count(
            QStringLiteral("SELECT COUNT(*) FROM flow_versions WHERE flow_id = '%1'").arg(flowId));
    }

    // Posts `argv` as a task on the node and waits for it to complete; the
    // execution's id and its (hidden) flow's.
    std::pair<QString, QString> runTask(const QJsonArray &argv)
    {
        const Answer created = m_http->json("POST", QStringLiteral("/api/tasks"),
                                            {{"node_id", m_node.nodeId}, {"argv", argv}}, m_admin);
        if (created.status != 200) {
            qWarning().noquote() << created.raw;
            return {};
        }
        const QString id = created.data().value("task_id").toString();
        if (!QTest::qWaitFor([&] { return executionStatus(*m_http, m_admin, id) == u"completed"; },
                             30000))
            return {};
        return {
            id,
            m_http->get("/api/v1/executions/" + id, m_admin).data().value("flow_id").toString()};
    }

    Answer runPass()
    {
        return m_http->send("POST", "/api/v1/system/retention/run", {}, Http::bearer(m_admin));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({"--retention-interval-ms", "3600000", "--retention-grace-ms", "0"})
                     .isEmpty(),
                 "server did not start");
        // No limits: only what the test takes away goes.
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/system/config",
                            {{"retention",
                              QJsonObject{{"max_age_days", 0}, {"max_executions_per_flow", 0}}}},
                            m_admin)
                     .status,
                 200);
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        QVERIFY(m_agents->start(m_node, "purge-1", {"purge"}, {"--allow", "tasks"}));
        HM_WAIT_ONLINE(*m_agents, m_node);
        QVERIFY(database());
    }

    void cleanupTestCase() { QVERIFY(m_node.stop()); }

    void taskFlowsWithoutExecutionsGo()
    {
        const auto [oneId, oneFlow] = runTask({"/bin/echo", "one"});
        const auto [twoId, twoFlow] = runTask({"/bin/echo", "two"});
        QVERIFY(!oneFlow.isEmpty() && !twoFlow.isEmpty());
        QVERIFY(oneFlow != twoFlow);
        QCOMPARE(flowRows(oneFlow), 1);
        QCOMPARE(versionRows(oneFlow), 1);
        // An ordinary flow, deleted, without executions: not a task's.
        QString why;
        const QString ordinary =
            createPublishedFlow(*m_http, m_admin, QStringLiteral("ordinary"),
                                flowDefinition({flowNode("a", "noop")}), {}, &why);
        QVERIFY2(!ordinary.isEmpty(), qPrintable(why));
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/flows/" + ordinary, {}, Http::bearer(m_admin)).status,
            200);

        // Nothing to purge yet: every task flow has its execution.
        QCOMPARE(runPass().status, 200);
        QCOMPARE(flowRows(oneFlow), 1);
        QCOMPARE(flowRows(twoFlow), 1);

        // Task "one"'s only execution goes, as retention would take it.
        QVERIFY(database()
                    ->execute(QStringLiteral("DELETE FROM executions WHERE id = ?"), {oneId})
                    .ok());
        QCOMPARE(runPass().status, 200);
        QCOMPARE(flowRows(oneFlow), 0);
        QCOMPARE(versionRows(oneFlow), 0);
        // The others stay: a task flow still used, and the ordinary flow.
        QCOMPARE(flowRows(twoFlow), 1);
        QCOMPARE(versionRows(twoFlow), 1);
        QCOMPARE(flowRows(ordinary), 1);
        bool listed = false;
        for (const QJsonValue &t : m_http->get(QStringLiteral("/api/tasks?size=100"), m_admin)
                                       .data()
                                       .value("tasks")
                                       .toArray())
            listed = listed || t.toObject().value("task_id").toString() == twoId;
        QVERIFY(listed);

        // The same task again: its flow comes back and it runs.
        const auto [againId, againFlow] = runTask({"/bin/echo", "one"});
        QCOMPARE(againFlow, oneFlow);
        QCOMPARE(flowRows(oneFlow), 1);
        QCOMPARE(versionRows(oneFlow), 1);
        QCOMPARE(
            m_http->get("/api/v1/executions/" + againId, m_admin).data().value("status").toString(),
            QStringLiteral("completed"));
    }

    void refusedTasksChangeNothing()
    {
        const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM flows"));
        const Answer refused =
            m_http->json("POST", QStringLiteral("/api/tasks"),
                         {{"node_id", m_node.nodeId}, {"script", "echo hi"}}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(runPass().status, 200);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM flows")), before);
    }
};

QTEST_GUILESS_MAIN(TestTaskFlowPurge)
#include "TestTaskFlowPurge.moc"
