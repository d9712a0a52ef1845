// Container alert rules end to end (issue 38 item 6): a real
// hivemind-agent granting docker on a real podman (PodmanSupport.h) sends
// its containers' summary with every report, and the real server's
// container_down and container_unhealthy rules fire and resolve on it.
// A busybox container running `sleep` is stopped: its container_down
// rule fires after its duration and resolves once it is started again.
// A container with a healthcheck is driven to unhealthy and back through
// `podman healthcheck run` (podman runs healthchecks from systemd timers,
// which this machine's test podman has none of). Rules with bad targets
// are refused; a VIEWER may not make rules; creating a rule is audited.
// A removed container counts as down until its record is resolved by hand,
// which forgets it: the rule fires again for the next container that stops.
// Every record names its containers (`containers`, `containers_more`).

#include "PodmanSupport.h"
#include "RemoteAgentSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace hm::test;

class TestContainerAlerts : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    PodmanDaemon m_podman;
    RemoteAgent m_dock;
    ApiUser m_viewer;

    Answer createRule(const QJsonObject &body, const QString &token = {})
    {
        return m_http->json("POST", QStringLiteral("/api/v1/alerts/rules"), body,
                            token.isEmpty() ? m_admin : token);
    }

    // The rule's records on dock-1, newest first.
    QJsonArray records(const QString &ruleId)
    {
        QJsonArray mine;
        const QJsonArray all = m_http->get(QStringLiteral("/api/v1/alerts/records?size=100"), m_admin)
                                   .data()
                                   .value("items")
                                   .toArray();
        for (const QJsonValue &r : all) {
            if (r.toObject().value("rule_id").toString() == ruleId)
                mine.append(r);
        }
        return mine;
    }

    QString statusOf(const QString &ruleId)
    {
        const QJsonArray mine = records(ruleId);
        return mine.isEmpty() ? QString() : mine.first().toObject().value("status").toString();
    }

    // `podman healthcheck run NAME`: its exit code (0 healthy, 1 unhealthy).
    int runHealthcheck(const QString &name)
    {
        QProcess run;
        m_podman.prepare(run, {QStringLiteral("healthcheck"), QStringLiteral("run"), name});
        run.start();
        if (!run.waitForFinished(30000))
            return -1;
        return run.exitCode();
    }

private slots:
    void initTestCase()
    {
        if (PodmanDaemon::podman().isEmpty() || PodmanDaemon::busybox().isEmpty())
            QSKIP("podman and busybox-static are needed (installer/packages.txt installs them)");
        QVERIFY(m_podman.isValid());
        const QString started = m_podman.start(true);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QTRY_VERIFY_WITH_TIMEOUT(m_podman.answers(), 30000);
        QVERIFY(!m_podman.createContainer("hm-sleeper",
                                          "trap 'exit 0' TERM; while true; do sleep 1; done")
                     .isEmpty());
        QVERIFY(!m_podman.createContainer("hm-gone",
                                          "trap 'exit 0' TERM; while true; do sleep 1; done")
                     .isEmpty());
        // Healthy while /hm-ok exists (the image has no /tmp); one failed check makes it unhealthy.
        QVERIFY(!m_podman
                     .createContainer("hm-checked",
                                      "echo ok > /hm-ok; trap 'exit 0' TERM; while true; do "
                                      "sleep 1; done",
                                      {},
                                      {{"Test", QJsonArray{"CMD-SHELL", "test -f /hm-ok"}},
                                       {"Interval", 3600LL * 1000 * 1000 * 1000},
                                       {"Retries", 1}})
                     .isEmpty());

        QVERIFY2(startServer().isEmpty(), "server did not start");
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 1}}, m_admin)
                     .status,
                 200);
        m_viewer = createApiUser(*m_http, m_admin, "watcher", "Watch-password-1", "VIEWER");
        QVERIFY(!m_viewer.token.isEmpty());
        QVERIFY(m_agents->start(m_dock, "dock-1", {"docker"},
                                {"--allow", "docker", "--docker-socket", m_podman.socketPath()}));
        HM_WAIT_ONLINE(*m_agents, m_dock);
    }

    void cleanupTestCase()
    {
        if (m_agents)
            QVERIFY(m_dock.stop());
        m_podman.stop();
    }

    void badRulesAreRefused()
    {
        // No target, a target that is no container name, a VIEWER.
        const Answer noTarget =
            createRule({{"name", "down"}, {"type", "container_down"}, {"node_id", m_dock.nodeId}});
        QCOMPARE(noTarget.status, 422);
        QCOMPARE(noTarget.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(noTarget.details().value("field").toString(),
                 QStringLiteral("container"));
        const Answer badTarget = createRule(
            {{"name", "down"}, {"type", "container_down"}, {"container", "../etc"}});
        QCOMPARE(badTarget.status, 422);
        QCOMPARE(badTarget.details().value("field").toString(),
                 QStringLiteral("container"));
        const Answer byViewer = createRule(
            {{"name", "down"}, {"type", "container_down"}, {"container", "hm-sleeper"}},
            m_viewer.token);
        QCOMPARE(byViewer.status, 403);
        const QJsonArray rules =
            m_http->get(QStringLiteral("/api/v1/alerts/rules"), m_admin).data().value("items").toArray();
        QVERIFY(rules.isEmpty());
    }

    void aStoppedContainerFiresAndResolvesWhenStarted()
    {
        const Answer created = createRule({{"name", "sleeper down"},
                                           {"type", "container_down"},
                                           {"container", "hm-sleep*"},
                                           {"node_id", m_dock.nodeId},
                                           {"duration", 2}});
        QCOMPARE(created.status, 201);
        const QString ruleId = created.data().value("id").toString();
        QCOMPARE(created.data().value("container").toString(), QStringLiteral("hm-sleep*"));
        QCOMPARE(created.data().value("threshold").toDouble(), 0.5);
        QCOMPARE(m_agents->audit("ALERT_RULE_CREATED").size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(m_podman.request("GET", "/v1.41/containers/hm-sleeper/json")
                                         .json()
                                         .value("State")
                                         .toObject()
                                         .value("Running")
                                         .toBool(),
                                 10000);
        QCOMPARE(statusOf(ruleId), QString());

        QCOMPARE(m_podman.request("POST", "/v1.41/containers/hm-sleeper/stop?t=2").status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(ruleId), QStringLiteral("active"), 30000);
        const QJsonObject record = records(ruleId).first().toObject();
        QCOMPARE(record.value("type").toString(), QStringLiteral("container_down"));
        QCOMPARE(record.value("node_id").toString(), m_dock.nodeId);
        QCOMPARE(record.value("value").toDouble(), 1.0);
        // The record names the container.
        QCOMPARE(record.value("containers").toArray(), QJsonArray{"hm-sleeper"});
        QCOMPARE(record.value("containers_more").toInt(-1), 0);

        QCOMPARE(m_podman.request("POST", "/v1.41/containers/hm-sleeper/start").status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(ruleId), QStringLiteral("resolved"), 30000);
        QCOMPARE(records(ruleId).size(), 1);
    }

    void aRemovedContainerIsDownUntilResolvedByHand()
    {
        const Answer created = createRule({{"name", "gone"},
                                           {"type", "container_down"},
                                           {"container", "hm-gon?"},
                                           {"node_id", m_dock.nodeId}});
        QCOMPARE(created.status, 201);
        const QString ruleId = created.data().value("id").toString();
        // Seen running (since the agent came online), then removed: down.
        QCOMPARE(m_podman.request("DELETE", "/v1.41/containers/hm-gone?force=true").status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(ruleId), QStringLiteral("active"), 30000);
        // A removed one is named as well.
        QCOMPARE(records(ruleId).first().toObject().value("containers").toArray(),
                 QJsonArray{"hm-gone"});
        const QString recordId = records(ruleId).first().toObject().value("id").toString();
        const Answer resolved = m_http->json(
            "POST", QStringLiteral("/api/v1/alerts/records/%1/resolve").arg(recordId), {}, m_admin);
        QCOMPARE(resolved.status, 200);
        QCOMPARE(statusOf(ruleId), QStringLiteral("resolved"));
        // Forgotten: a new hm-gone, running for a few reports and then
        // ending by itself, fires a new record.
        QVERIFY(!m_podman.createContainer("hm-gone", "sleep 4").isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(records(ruleId).size(), 2, 30000);
        QCOMPARE(statusOf(ruleId), QStringLiteral("active"));
    }

    void anUnhealthyContainerFiresAndResolvesWhenHealthy()
    {
        const Answer created = createRule({{"name", "checked unhealthy"},
                                           {"type", "container_unhealthy"},
                                           {"container", "any"},
                                           {"duration", 0}});
        QCOMPARE(created.status, 201);
        const QString ruleId = created.data().value("id").toString();
        QCOMPARE(runHealthcheck("hm-checked"), 0);
        QVERIFY(statusOf(ruleId).isEmpty());

        // The check's file gone: the next check fails, the container is
        // unhealthy, the rule fires.
        QProcess exec;
        m_podman.prepare(exec, {"exec", "hm-checked", "/bin/busybox", "rm", "/hm-ok"});
        exec.start();
        QVERIFY(exec.waitForFinished(30000));
        QCOMPARE(exec.exitCode(), 0);
        QCOMPARE(runHealthcheck("hm-checked"), 1);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(ruleId), QStringLiteral("active"), 30000);
        QCOMPARE(records(ruleId).first().toObject().value("containers").toArray(),
                 QJsonArray{"hm-checked"});

        QProcess restore;
        m_podman.prepare(restore, {"exec", "hm-checked", "/bin/sh", "-c", "echo ok > /hm-ok"});
        restore.start();
        QVERIFY(restore.waitForFinished(30000));
        QCOMPARE(runHealthcheck("hm-checked"), 0);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(ruleId), QStringLiteral("resolved"), 30000);
    }
};

QTEST_GUILESS_MAIN(TestContainerAlerts)
#include "TestContainerAlerts.moc"
