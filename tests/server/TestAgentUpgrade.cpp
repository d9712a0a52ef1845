// Agent upgrades end to end (issue 38 item 9): real hivemind-agent
// processes, each running its own copy of the agent binary (an upgrade
// replaces the copy, never the build tree), against the real server.
// An administrator uploads builds; the server signs them with its release
// key, which the agents pinned at enrolment. A correctly signed build is
// installed and the agent comes back on the new version (same pid: exec);
// a build whose stored bytes were tampered with or cut short, or that a
// key other than the pinned one signed, is refused by the agent, which
// keeps running; a build of another protocol is never offered; an agent
// without a pinned key is told to enrol again; a build that cannot reconnect (a script
// that exits) is rolled back by the watchdog and the old agent reconnects.
// Batches go in stages and stop at the first failure. Refusals: an agent
// without `upgrade`, a USER without the grant, a VIEWER, no recent
// re-authentication, bad input; every attempt is audited.

#include "RemoteAgentSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QProcess>
#include <QTest>
#include <csignal>

using namespace hm::test;

class TestAgentUpgrade : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    RemoteAgent m_one;   // upgraded, tampered, truncated, rolled back
    RemoteAgent m_two;   // batches
    RemoteAgent m_three; // batches
    RemoteAgent m_plain; // no upgrade capability
    ApiUser m_ops;
    ApiUser m_viewer;
    QString m_adminId;
    QByteArray m_build; // the agent binary's bytes
    QString m_tampered; // release ids
    QString m_truncated;

    // A private copy of the agent binary for `name`.
    QString copyOfAgent(const QString &name)
    {
        const QString dir = m_agents->path(QStringLiteral("bin-") + name);
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/hivemind-agent");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_build) != m_build.size())
            return {};
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                            | QFileDevice::ExeOwner);
        return path;
    }

    QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    Answer upload(const QByteArray &binary, const QString &version, const QString &token)
    {
        return m_http->send("POST", QStringLiteral("/api/v1/agents/releases?version=") + version,
                            binary,
                            {{"Authorization", "Bearer " + token.toUtf8()},
                             {"Content-Type", "application/octet-stream"}});
    }

    QString storedBuild(const QString &releaseId)
    {
        return m_dir.filePath(QStringLiteral("agent-releases/%1.bin").arg(releaseId));
    }

    Answer upgrade(const RemoteAgent &agent, const QJsonObject &body, const QString &token)
    {
        return m_http->json("POST", QStringLiteral("/api/v1/nodes/%1/upgrade").arg(agent.nodeId),
                            body, token);
    }

    QString versionOf(const RemoteAgent &agent)
    {
        return m_http->get(QStringLiteral("/api/v1/nodes/") + agent.nodeId, m_admin)
            .data()
            .value("agent_version")
            .toString();
    }

    // The pid holding the agent's data directory (after a rollback the
    // agent runs in the watchdog's process, which is not our child).
    qint64 lockHolder(const RemoteAgent &agent)
    {
        qint64 pid = 0;
        QString host, app;
        QLockFile lock(m_agents->path(agent.name) + QStringLiteral("/agent.lock"));
        return lock.getLockInfo(&pid, &host, &app) ? pid : 0;
    }

    // A fresh confirmation (the server wants one within 5 minutes).
    void reauthenticateAdmin()
    {
        QCOMPARE(m_http
                     ->json("POST", QStringLiteral("/api/v1/auth/reauthenticate"),
                            {{"password", QString(kAdminPassword)}}, m_admin)
                     .status,
                 200);
    }

    QJsonObject lastAudit(const char *action)
    {
        return m_agents->audit(QString::fromLatin1(action)).first().toObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        m_build = fileBytes(binaryPath("hivemind-agent"));
        QVERIFY(m_build.size() > 1000);
        m_adminId =
            m_http->get(QStringLiteral("/api/v1/users/me"), m_admin).data().value("id").toString();
        m_ops = createApiUser(*m_http, m_admin, "ops", "Ops-password-1", "USER");
        m_viewer = createApiUser(*m_http, m_admin, "watcher", "Watch-password-1", "VIEWER");
        QVERIFY(!m_ops.token.isEmpty() && !m_viewer.token.isEmpty());
        for (RemoteAgent *agent : {&m_one, &m_two, &m_three}) {
            agent->program = copyOfAgent(QStringLiteral("up-%1").arg(agent == &m_one   ? 1
                                                                     : agent == &m_two ? 2
                                                                                       : 3));
            QVERIFY(!agent->program.isEmpty());
        }
        QVERIFY(m_agents->start(m_one, "up-1", {"up"}, {"--allow", "upgrade"}));
        QVERIFY(m_agents->start(m_two, "up-2", {"up"}, {"--allow", "upgrade"}));
        QVERIFY(m_agents->start(m_three, "up-3", {"up"}, {"--allow", "upgrade"}));
        m_plain.program = copyOfAgent("plain-1");
        QVERIFY(m_agents->start(m_plain, "plain-1", {"up"}));
        for (RemoteAgent *agent : {&m_one, &m_two, &m_three, &m_plain})
            HM_WAIT_ONLINE(*m_agents, *agent);
    }

    void cleanupTestCase()
    {
        for (RemoteAgent *agent : {&m_one, &m_two, &m_three, &m_plain}) {
            const qint64 holder = lockHolder(*agent);
            QVERIFY(agent->stop());
            // A rolled-back agent runs in its watchdog's process.
            if (holder > 0 && (!agent->process || holder != agent->process->processId()))
                ::kill(pid_t(holder), SIGTERM);
        }
    }

    void releasesAreForAdministrators()
    {
        QCOMPARE(upload(m_build, "99.0.0", m_ops.token).status, 403);
        QCOMPARE(upload(m_build, "ninety", m_admin).code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(upload(QByteArray(), "99.0.0", m_admin).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        const Answer uploaded = upload(m_build, "99.0.0", m_admin);
        QCOMPARE(uploaded.status, 201);
        QCOMPARE(uploaded.data().value("size").toInteger(), m_build.size());
        QCOMPARE(uploaded.data().value("sha256").toString().toLatin1(),
                 QCryptographicHash::hash(m_build, QCryptographicHash::Sha256).toHex());
        QCOMPARE(upload(m_build, "99.0.0", m_admin).status, 409);
        const QJsonObject audit = lastAudit("AGENT_RELEASE_UPLOADED");
        QCOMPARE(audit.value("user_id").toString(), m_adminId);
        QCOMPARE(audit.value("details").toObject().value("version").toString(),
                 QStringLiteral("99.0.0"));

        const Answer listed = m_http->get(QStringLiteral("/api/v1/agents/releases"), m_admin);
        QCOMPARE(listed.status, 200);
        // The upload and the agent built with the server (registered at start).
        QCOMPARE(listed.data().value("items").toArray().size(), 2);
        QCOMPARE(listed.data().value("items").toArray().last().toObject().value("built_in"),
                 QJsonValue(true));
        // The key the agents pinned at enrolment is the server's.
        QFile record(m_agents->path("up-1") + QStringLiteral("/node.json"));
        QVERIFY(record.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(record.readAll()).object().value("release_key"),
                 listed.data().value("release_key"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/agents/releases"), m_ops.token).status, 403);
        const Answer latest =
            m_http->get(QStringLiteral("/api/v1/agents/releases/latest"), m_admin);
        QCOMPARE(latest.data().value("version").toString(), QStringLiteral("99.0.0"));
        const Answer seed = m_http->get(QStringLiteral("/api/agents/releases/latest"), m_admin);
        QCOMPARE(seed.status, 200);
        QCOMPARE(seed.data().value("version").toString(), QStringLiteral("99.0.0"));
        QCOMPARE(seed.data().value("assets").toArray().size(), 1);
        const Answer download = m_http->get(
            QStringLiteral("/api/v1/agents/releases/%1/download")
                .arg(latest.data().value("id").toString()),
            m_admin);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.raw, m_build);
    }

    void refusals()
    {
        const QJsonObject body{{"version", "99.0.0"}};
        QCOMPARE(upgrade(m_one, body, m_admin).code(), QStringLiteral("REAUTHENTICATION_REQUIRED"));
        QCOMPARE(lastAudit("NODE_AGENT_UPGRADE_FAILED").value("details").toObject().value("error"),
                 QStringLiteral("REAUTHENTICATION_REQUIRED"));
        for (const auto &[token, password] :
             {std::pair{m_admin, QString(kAdminPassword)},
              std::pair{m_ops.token, QStringLiteral("Ops-password-1")},
              std::pair{m_viewer.token, QStringLiteral("Watch-password-1")}})
            QCOMPARE(m_http
                         ->json("POST", QStringLiteral("/api/v1/auth/reauthenticate"),
                                {{"password", password}}, token)
                         .status,
                     200);
        const Answer plain = upgrade(m_plain, body, m_admin);
        QCOMPARE(plain.status, 403);
        QCOMPARE(plain.code(), QStringLiteral("CAPABILITY_DISABLED"));
        QCOMPARE(upgrade(m_one, body, m_ops.token).code(), QStringLiteral("FORBIDDEN"));
        const QJsonObject refusal = lastAudit("NODE_AGENT_UPGRADE_FAILED");
        QCOMPARE(refusal.value("user_id").toString(), m_ops.id);
        QCOMPARE(refusal.value("details").toObject().value("error").toString(),
                 QStringLiteral("FORBIDDEN"));
        QCOMPARE(upgrade(m_one, body, m_viewer.token).code(),
                 QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        QCOMPARE(upgrade(m_one, {{"version", "nine"}}, m_admin).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(upgrade(m_one, {{"version", "98.0.0"}}, m_admin).status, 404);
        QCOMPARE(upgrade(m_one, {{"probation_s", 5}}, m_admin).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        RemoteAgent nobody;
        nobody.nodeId = QStringLiteral("no-such-node");
        QCOMPARE(upgrade(nobody, body, m_admin).status, 404);
        QCOMPARE(m_plain.process->state(), QProcess::Running);
    }

    void aSignedBuildIsInstalled()
    {
        const qint64 pid = m_one.process->processId();
        const QString before = versionOf(m_one);
        const Answer upgraded = upgrade(m_one, {{"version", "99.0.0"}}, m_admin);
        QCOMPARE(upgraded.status, 200);
        QCOMPARE(upgraded.data().value("version").toString(), QStringLiteral("99.0.0"));
        QCOMPARE(upgraded.data().value("from_version").toString(), before);
        QCOMPARE(versionOf(m_one), QStringLiteral("99.0.0"));
        QCOMPARE(m_agents->status(m_one.nodeId), QStringLiteral("online"));
        QCOMPARE(m_one.process->processId(), pid); // exec: the same process
        QVERIFY(QFile::exists(m_one.program + QStringLiteral(".previous")));
        QVERIFY(QFile::exists(m_one.program + QStringLiteral(".release.json")));
        // Confirmed: the watchdog's file is gone.
        QTRY_VERIFY(!QFile::exists(m_agents->path("up-1") + "/upgrade-pending.json"));
        const QJsonObject audit = lastAudit("NODE_AGENT_UPGRADED");
        QCOMPARE(audit.value("user_id").toString(), m_adminId);
        QCOMPARE(audit.value("resource_id").toString(), m_one.nodeId);
        QCOMPARE(audit.value("details").toObject().value("version").toString(),
                 QStringLiteral("99.0.0"));
        // Not newer than what runs now.
        const Answer again = upgrade(m_one, {{"version", "99.0.0"}}, m_admin);
        QCOMPARE(again.details().value("code").toString(), QStringLiteral("NOT_NEWER"));
    }

    void aTamperedBuildIsRefused()
    {
        const Answer uploaded = upload(m_build, "99.1.0", m_admin);
        QCOMPARE(uploaded.status, 201);
        m_tampered = uploaded.data().value("id").toString();
        QFile stored(storedBuild(m_tampered));
        QVERIFY(stored.open(QIODevice::ReadWrite));
        stored.seek(m_build.size() / 2);
        stored.write(QByteArray(1, char(m_build.at(m_build.size() / 2) ^ 0x5a)));
        stored.close();

        const qint64 pid = m_one.process->processId();
        const Answer refused = upgrade(m_one, {{"release_id", m_tampered}}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("CHECKSUM_MISMATCH"));
        QCOMPARE(m_one.process->processId(), pid);
        QCOMPARE(m_one.process->state(), QProcess::Running);
        QCOMPARE(m_agents->status(m_one.nodeId), QStringLiteral("online"));
        QCOMPARE(versionOf(m_one), QStringLiteral("99.0.0"));
        QCOMPARE(fileBytes(m_one.program), m_build);
        const QJsonObject audit = lastAudit("NODE_AGENT_UPGRADE_FAILED");
        QCOMPARE(audit.value("details").toObject().value("reason").toString(),
                 QStringLiteral("CHECKSUM_MISMATCH"));
    }

    void aTruncatedBuildIsRefused()
    {
        const Answer uploaded = upload(m_build, "99.2.0", m_admin);
        QCOMPARE(uploaded.status, 201);
        m_truncated = uploaded.data().value("id").toString();
        QVERIFY(QFile::resize(storedBuild(m_truncated), m_build.size() - 1000));
        const qint64 pid = m_one.process->processId();
        const Answer refused = upgrade(m_one, {{"release_id", m_truncated}}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("SIZE_MISMATCH"));
        QCOMPARE(m_one.process->processId(), pid);
        QCOMPARE(versionOf(m_one), QStringLiteral("99.0.0"));
        QCOMPARE(fileBytes(m_one.program), m_build);
    }

    // A build speaking another agent protocol is never offered: the server
    // checks the range the agent reported in its hello (and its own)
    // before a single byte goes out.
    void aBuildOfAnotherProtocolIsNotOffered()
    {
        QCOMPARE(m_http
                     ->send("POST",
                            QStringLiteral("/api/v1/agents/releases?version=99.2.5&protocol=x"),
                            m_build,
                            {{"Authorization", "Bearer " + m_admin.toUtf8()},
                             {"Content-Type", "application/octet-stream"}})
                     .code(),
                 QStringLiteral("VALIDATION_ERROR"));
        const Answer uploaded = m_http->send(
            "POST", QStringLiteral("/api/v1/agents/releases?version=99.2.5&protocol=2"), m_build,
            {{"Authorization", "Bearer " + m_admin.toUtf8()},
             {"Content-Type", "application/octet-stream"}});
        QCOMPARE(uploaded.status, 201);
        QCOMPARE(uploaded.data().value("protocol").toInt(), 2);
        const qint64 pid = m_one.process->processId();
        const Answer refused = upgrade(m_one, {{"version", "99.2.5"}}, m_admin);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.details().value("code").toString(),
                 QStringLiteral("PROTOCOL_INCOMPATIBLE"));
        QCOMPARE(refused.details().value("release_protocol").toInt(), 2);
        QCOMPARE(refused.details().value("agent_protocol_max").toInt(), 1);
        QCOMPARE(m_one.process->processId(), pid);
        QCOMPARE(versionOf(m_one), QStringLiteral("99.0.0"));
        QCOMPARE(fileBytes(m_one.program), m_build);
        QCOMPARE(lastAudit("NODE_AGENT_UPGRADE_FAILED")
                     .value("details")
                     .toObject()
                     .value("reason")
                     .toString(),
                 QStringLiteral("PROTOCOL_INCOMPATIBLE"));
    }

    void aBuildThatCannotReconnectIsRolledBack()
    {
        const QByteArray script("#!/bin/sh\nexit 1\n");
        QCOMPARE(upload(script, "99.3.0", m_admin).status, 201);
        const Answer failed = upgrade(m_one, {{"version", "99.3.0"}}, m_admin);
        QCOMPARE(failed.status, 409);
        QCOMPARE(failed.details().value("code").toString(), QStringLiteral("ROLLED_BACK"));
        // The script ran in the agent's process and ended it; the watchdog
        // put the previous binary back and runs it.
        QTRY_COMPARE(m_one.process->state(), QProcess::NotRunning);
        QCOMPARE(m_agents->status(m_one.nodeId), QStringLiteral("online"));
        QCOMPARE(versionOf(m_one), QStringLiteral("99.0.0"));
        QCOMPARE(fileBytes(m_one.program), m_build);
        QVERIFY(lockHolder(m_one) > 0);
        QVERIFY(QFile::exists(m_agents->path("up-1") + "/upgrade-rolled-back.json"));
        const QJsonObject audit = lastAudit("NODE_AGENT_UPGRADE_FAILED");
        QCOMPARE(audit.value("details").toObject().value("reason").toString(),
                 QStringLiteral("ROLLED_BACK"));
    }

    void batchesGoInStagesAndStopAtTheFirstFailure()
    {
        QVERIFY(m_plain.stop());
        QTRY_COMPARE_WITH_TIMEOUT(m_agents->status(m_plain.nodeId), QStringLiteral("offline"),
                                  20000);
        const Answer rolled = m_http->json(
            "POST", QStringLiteral("/api/v1/agents/upgrade"),
            {{"node_ids", QJsonArray{m_two.nodeId, m_three.nodeId, m_plain.nodeId, "missing-1"}},
             {"version", "99.0.0"},
             {"share", 50}},
            m_admin);
        QCOMPARE(rolled.status, 200);
        const QJsonObject result = rolled.data();
        QCOMPARE(result.value("success").toArray(), (QJsonArray{m_two.nodeId, m_three.nodeId}));
        QCOMPARE(result.value("failure").toArray(), QJsonArray());
        QCOMPARE(result.value("offline").toArray(), QJsonArray{m_plain.nodeId});
        QCOMPARE(result.value("missing").toArray(), QJsonArray{"missing-1"});
        QCOMPARE(result.value("stages").toArray().size(), 2);
        QCOMPARE(versionOf(m_two), QStringLiteral("99.0.0"));
        QCOMPARE(versionOf(m_three), QStringLiteral("99.0.0"));

        // The tampered build fails on the first node: the rest is skipped.
        // Seed 002's path and shape.
        const Answer stopped =
            m_http->json("POST", QStringLiteral("/api/servers/upgrade"),
                         {{"serverIds", QJsonArray{m_two.nodeId, m_three.nodeId}},
                          {"targetVersion", "99.1.0"},
                          {"channel", "stable"}},
                         m_admin);
        QCOMPARE(stopped.status, 200);
        const QJsonObject seed = stopped.data().value("result").toObject();
        QCOMPARE(seed.value("success").toArray(), QJsonArray());
        QCOMPARE(seed.value("failure").toArray(), QJsonArray{m_two.nodeId});
        QCOMPARE(seed.value("offline").toArray(), QJsonArray());
        QCOMPARE(seed.value("missing").toArray(), QJsonArray());
        QVERIFY(stopped.data().value("message").toString().contains("99.1.0"));
        QCOMPARE(versionOf(m_three), QStringLiteral("99.0.0"));
        QCOMPARE(m_two.process->state(), QProcess::Running);
    }

    // An agent enrolled before upgrades existed has no release key pinned.
    // It refuses every build (it cannot tell the server's from anyone's)
    // and the answer tells the administrator to enrol it again — never a
    // key learnt on first use (docs/agent-protocol.md "Release key").
    void anAgentWithoutAPinnedKeyIsToldToEnrolAgain()
    {
        QCOMPARE(upload(m_build, "99.6.0", m_admin).status, 201);
        const QString record = m_agents->path("up-3") + QStringLiteral("/node.json");
        QFile file(record);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject enrolled = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QVERIFY(enrolled.contains("release_key"));
        enrolled.remove("release_key");
        QVERIFY(m_three.stop());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(enrolled).toJson());
        file.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_agents->status(m_three.nodeId), QStringLiteral("offline"),
                                  20000);
        QVERIFY(m_agents->restart(m_three, {"--allow", "upgrade"}));
        HM_WAIT_ONLINE(*m_agents, m_three);
        reauthenticateAdmin();
        const qint64 pid = m_three.process->processId();
        // Without the key it cannot vouch for its sidecar: it reports the
        // version it was compiled as.
        const QString before = versionOf(m_three);
        const Answer rolled = m_http->json("POST", QStringLiteral("/api/v1/agents/upgrade"),
                                           {{"node_ids", QJsonArray{m_three.nodeId}},
                                            {"version", "99.6.0"}},
                                           m_admin);
        QCOMPARE(rolled.status, 200);
        QCOMPARE(rolled.data().value("failure").toArray(), QJsonArray{m_three.nodeId});
        const QJsonObject why =
            rolled.data().value("errors").toObject().value(m_three.nodeId).toObject();
        QCOMPARE(why.value("code").toString(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(why.value("reason").toString(), QStringLiteral("NO_RELEASE_KEY"));
        QVERIFY(why.value("message").toString().contains("enrol it again"));
        QCOMPARE(m_three.process->processId(), pid);
        QCOMPARE(m_three.process->state(), QProcess::Running);
        QCOMPARE(m_agents->status(m_three.nodeId), QStringLiteral("online"));
        QCOMPARE(versionOf(m_three), before);
        QCOMPARE(lastAudit("NODE_AGENT_UPGRADE_FAILED")
                     .value("details")
                     .toObject()
                     .value("reason")
                     .toString(),
                 QStringLiteral("NO_RELEASE_KEY"));
    }

    // A build whose signature is not from the key the agent pinned (here
    // the agent pinned another key; the same as a server whose key was
    // replaced, or a build signed elsewhere): the real agent refuses before
    // a byte, says why, and keeps running.
    void aBuildSignedByAnotherKeyIsRefused()
    {
        const QString record = m_agents->path("up-2") + QStringLiteral("/node.json");
        QFile file(record);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject enrolled = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        const QByteArray other =
            QCryptographicHash::hash("another release key", QCryptographicHash::Sha256);
        enrolled.insert("release_key", QString::fromLatin1(other.toBase64()));
        QVERIFY(m_two.stop());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(enrolled).toJson());
        file.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_agents->status(m_two.nodeId), QStringLiteral("offline"),
                                  20000);
        QVERIFY(m_agents->restart(m_two, {"--allow", "upgrade"}));
        HM_WAIT_ONLINE(*m_agents, m_two);
        reauthenticateAdmin();
        const QString before = versionOf(m_two);
        const qint64 pid = m_two.process->processId();
        const Answer refused = upgrade(m_two, {{"version", "99.6.0"}}, m_admin);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("BAD_SIGNATURE"));
        QCOMPARE(m_two.process->processId(), pid);
        QCOMPARE(m_two.process->state(), QProcess::Running);
        QCOMPARE(m_agents->status(m_two.nodeId), QStringLiteral("online"));
        QCOMPARE(versionOf(m_two), before);
        QCOMPARE(lastAudit("NODE_AGENT_UPGRADE_FAILED")
                     .value("details")
                     .toObject()
                     .value("reason")
                     .toString(),
                 QStringLiteral("BAD_SIGNATURE"));
    }
};

QTEST_GUILESS_MAIN(TestAgentUpgrade)
#include "TestAgentUpgrade.moc"
