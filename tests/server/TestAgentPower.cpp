// Restarting a node's agent and rebooting the node (issue 38 item 10)
// through real hivemind-agent processes. Node "power-1" grants upgrade and
// reboot, with a reboot_command that only leaves a marker file (this
// machine must not reboot); node "plain-1" grants neither. Both actions need
// a recent re-authentication, the grant for USERs, never a VIEWER, and the
// agent's own capability; each is audited with the authenticated user.

#include "RemoteAgentSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

using namespace hm::test;

class TestAgentPower : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    RemoteAgent m_power;
    RemoteAgent m_plain;
    ApiUser m_ops;
    ApiUser m_viewer;
    QString m_adminId;
    QString m_marker;

    Answer post(const QString &nodeId, const QString &what, const QString &token)
    {
        return m_http->json("POST", QStringLiteral("/api/v1/nodes/%1/%2").arg(nodeId, what), {},
                            token);
    }

    Answer reauthenticate(const QString &token, const QString &password)
    {
        return m_http->json("POST", QStringLiteral("/api/v1/auth/reauthenticate"),
                            {{"password", password}}, token);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        m_adminId =
            m_http->get(QStringLiteral("/api/v1/users/me"), m_admin).data().value("id").toString();
        m_ops = createApiUser(*m_http, m_admin, "ops", "Ops-password-1", "USER");
        m_viewer = createApiUser(*m_http, m_admin, "watcher", "Watch-password-1", "VIEWER");
        QVERIFY(!m_ops.token.isEmpty() && !m_viewer.token.isEmpty());

        // The "reboot": a script that writes a marker, run by /bin/sh from
        // an argument list.
        m_marker = m_agents->path("rebooted.marker");
        const QString script = m_agents->path("fake-reboot.sh");
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho rebooted > \"$1\"\n");
        file.close();
        QVERIFY(m_agents->start(m_power, "power-1", {"power"}, {"--allow", "upgrade,reboot"},
                                "reboot_command=/bin/sh " + script.toUtf8() + " "
                                    + m_marker.toUtf8() + "\n"));
        QVERIFY(m_agents->start(m_plain, "plain-1", {"plain"}));
        HM_WAIT_ONLINE(*m_agents, m_power);
        HM_WAIT_ONLINE(*m_agents, m_plain);
    }

    void cleanupTestCase()
    {
        QVERIFY(m_power.stop());
        QVERIFY(m_plain.stop());
    }

    void bothNeedARecentReauthentication()
    {
        for (const QString &what : {QStringLiteral("restart-agent"), QStringLiteral("reboot")}) {
            const Answer refused = post(m_power.nodeId, what, m_admin);
            QCOMPARE(refused.code(), QStringLiteral("REAUTHENTICATION_REQUIRED"));
        }
        QVERIFY(!QFile::exists(m_marker));
        const QJsonObject entry = m_agents->audit("NODE_REBOOTED").first().toObject();
        QCOMPARE(entry.value("user_id").toString(), m_adminId);
        QCOMPARE(entry.value("details").toObject().value("error").toString(),
                 QStringLiteral("REAUTHENTICATION_REQUIRED"));
        QCOMPARE(reauthenticate(m_admin, kAdminPassword).status, 200);
    }

    void anAgentWithoutTheCapabilitiesRefuses()
    {
        for (const QString &what : {QStringLiteral("restart-agent"), QStringLiteral("reboot")}) {
            const Answer refused = post(m_plain.nodeId, what, m_admin);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.code(), QStringLiteral("CAPABILITY_DISABLED"));
        }
        QCOMPARE(m_agents->status(m_plain.nodeId), QStringLiteral("online"));
        QCOMPARE(post(QStringLiteral("no-such-node"), "reboot", m_admin).status, 404);
    }

    void theAgentRestartsInPlace()
    {
        const qint64 pid = m_power.process->processId();
        const Answer restarted = post(m_power.nodeId, "restart-agent", m_admin);
        QCOMPARE(restarted.status, 200);
        QVERIFY(restarted.data().value("restarted").toBool());
        QVERIFY(!restarted.data().value("agent_version").toString().isEmpty());
        // exec: the same process (what systemd or a test watches), a new
        // connection (the server answered only after it came back).
        QCOMPARE(m_power.process->state(), QProcess::Running);
        QCOMPARE(m_power.process->processId(), pid);
        QCOMPARE(m_agents->status(m_power.nodeId), QStringLiteral("online"));
        const QJsonObject entry = m_agents->audit("NODE_AGENT_RESTARTED").first().toObject();
        QCOMPARE(entry.value("user_id").toString(), m_adminId);
        QCOMPARE(entry.value("resource_id").toString(), m_power.nodeId);
        QCOMPARE(entry.value("details").toObject().value("result").toString(),
                 QStringLiteral("success"));
        // Seed 000's path does the same.
        QCOMPARE(m_http->json("POST", QStringLiteral("/api/nodes/%1/restart").arg(m_power.nodeId),
                              {}, m_admin)
                     .status,
                 200);
        QCOMPARE(m_power.process->processId(), pid);
    }

    void theRebootRunsTheConfiguredCommand()
    {
        const Answer rebooted = post(m_power.nodeId, "reboot", m_admin);
        QCOMPARE(rebooted.status, 200);
        QVERIFY(rebooted.data().value("rebooting").toBool());
        QFile marker(m_marker);
        QVERIFY(marker.open(QIODevice::ReadOnly));
        QCOMPARE(marker.readAll(), QByteArray("rebooted\n"));
        const QJsonObject entry = m_agents->audit("NODE_REBOOTED").first().toObject();
        QCOMPARE(entry.value("user_id").toString(), m_adminId);
        QCOMPARE(entry.value("details").toObject().value("result").toString(),
                 QStringLiteral("success"));
        QVERIFY(QFile::remove(m_marker));
    }

    void usersNeedTheGrantAndViewersNever()
    {
        QCOMPARE(reauthenticate(m_ops.token, "Ops-password-1").status, 200);
        QCOMPARE(post(m_power.nodeId, "reboot", m_ops.token).code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(post(m_power.nodeId, "restart-agent", m_ops.token).code(),
                 QStringLiteral("FORBIDDEN"));
        const QJsonObject refusal = m_agents->audit("NODE_REBOOTED").first().toObject();
        QCOMPARE(refusal.value("user_id").toString(), m_ops.id);
        QCOMPARE(refusal.value("details").toObject().value("error").toString(),
                 QStringLiteral("FORBIDDEN"));
        QVERIFY(!QFile::exists(m_marker));

        QVERIFY(!m_agents->grant("user", m_ops.id, "power", "reboot").isEmpty());
        QCOMPARE(post(m_power.nodeId, "reboot", m_ops.token).status, 200);
        QVERIFY(QFile::exists(m_marker));
        // reboot is not upgrade: no restart; another node is not this one.
        QCOMPARE(post(m_power.nodeId, "restart-agent", m_ops.token).code(),
                 QStringLiteral("FORBIDDEN"));
        QCOMPARE(post(m_plain.nodeId, "reboot", m_ops.token).code(), QStringLiteral("FORBIDDEN"));

        QCOMPARE(reauthenticate(m_viewer.token, "Watch-password-1").status, 200);
        const Answer viewer = post(m_power.nodeId, "reboot", m_viewer.token);
        QCOMPARE(viewer.status, 403);
        QCOMPARE(viewer.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
    }
};

QTEST_GUILESS_MAIN(TestAgentPower)
#include "TestAgentPower.moc"
