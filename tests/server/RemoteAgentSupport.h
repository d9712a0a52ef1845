#pragma once

// Real hivemind-agent processes enrolled against a test's real server, for
// the remote-operation tests (issue 38): a node made through the API with
// its labels, an agent started on its single-use enrolment secret with a
// config file that grants only `metrics` (every further capability comes
// from the test's own --allow / --files-root arguments, as an operator's
// unit would give them), and the calls every such test repeats: grants,
// the audit entries of one action, waiting for a node to come online.

#include "AuthTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <memory>

namespace hm::test {

struct RemoteAgent
{
    QString nodeId;
    QString name;
    // The binary to run; empty: the build's hivemind-agent. The upgrade
    // tests give each agent a copy of its own, which an upgrade replaces.
    QString program;
    // Keep the agent's log (stderr) for the test to read (errors()) instead
    // of passing it on.
    bool captureErrors = false;
    std::unique_ptr<QProcess> process;
    QByteArray log;

    // What the agent logged so far (captureErrors).
    const QByteArray &errors()
    {
        if (process)
            log += process->readAllStandardError();
        return log;
    }

    // SIGTERM and wait; true when it is gone (or was never started).
    bool stop()
    {
        if (!process || process->state() == QProcess::NotRunning)
            return true;
        process->terminate();
        return process->waitForFinished(10000);
    }
    ~RemoteAgent() { stop(); }
};

class RemoteAgents
{
public:
    RemoteAgents(Http &http, const QString &adminToken) : m_http(http), m_admin(adminToken) {}

    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Creates node `name` with `labels` and starts its agent with `extra`
    // arguments (e.g. {"--allow", "processes"}); `configLines` go into the
    // agent's config file after `capabilities=metrics`. False when the
    // node could not be made or the agent did not start; the node is then
    // still to come online (waitOnline()).
    bool start(RemoteAgent &agent, const QString &name, const QStringList &labels,
               const QStringList &extra = {}, const QByteArray &configLines = {})
    {
        const Answer created = m_http.json(
            "POST", QStringLiteral("/api/v1/nodes"),
            {{"name", name}, {"labels", QJsonArray::fromStringList(labels)}}, m_admin);
        if (created.status != 201)
            return false;
        agent.name = name;
        agent.nodeId = created.data().value("node").toObject().value("id").toString();
        const QString secret =
            created.data().value("enrolment").toObject().value("secret").toString();
        QFile config(m_dir.filePath(name + QStringLiteral(".conf")));
        if (!config.open(QIODevice::WriteOnly))
            return false;
        config.write("capabilities=metrics\n" + configLines);
        config.close();
        agent.process = std::make_unique<QProcess>();
        agent.process->setProgram(agent.program.isEmpty() ? binaryPath("hivemind-agent")
                                                          : agent.program);
        agent.process->setArguments(QStringList{"--config", config.fileName(), "--server",
                                                m_http.base().toString(), "--enrol-secret",
                                                secret, "--data-dir", m_dir.filePath(name),
                                                "--interval", "1"}
                                    + extra);
        agent.process->setProcessChannelMode(agent.captureErrors ? QProcess::ForwardedOutputChannel
                                                                 : QProcess::ForwardedErrorChannel);
        agent.process->start();
        return agent.process->waitForStarted();
    }

    // Starts an enrolled agent again on its data dir (its identity; no
    // enrolment secret) with `extra` arguments.
    bool restart(RemoteAgent &agent, const QStringList &extra = {})
    {
        agent.stop();
        agent.process = std::make_unique<QProcess>();
        agent.process->setProgram(agent.program.isEmpty() ? binaryPath("hivemind-agent")
                                                          : agent.program);
        agent.process->setArguments(
            QStringList{"--config", m_dir.filePath(agent.name + QStringLiteral(".conf")),
                        "--server", m_http.base().toString(), "--data-dir",
                        m_dir.filePath(agent.name), "--interval", "1"}
            + extra);
        agent.process->setProcessChannelMode(agent.captureErrors ? QProcess::ForwardedOutputChannel
                                                                 : QProcess::ForwardedErrorChannel);
        agent.process->start();
        return agent.process->waitForStarted();
    }

    QString status(const QString &nodeId)
    {
        return m_http.get(QStringLiteral("/api/v1/nodes/") + nodeId, m_admin)
            .data()
            .value("status")
            .toString();
    }

    // A grant of `capability` to a user or role (`kind` "user" / "role")
    // on nodes labelled `label` ("*": every node); its id, empty when
    // refused.
    QString grant(const QString &kind, const QString &subject, const QString &label,
                  const QString &capability)
    {
        const Answer answer = m_http.json("POST", QStringLiteral("/api/v1/nodes/grants"),
                                          {{"subject_kind", kind},
                                           {"subject", subject},
                                           {"label", label},
                                           {"capability", capability}},
                                          m_admin);
        return answer.status == 201 ? answer.data().value("id").toString() : QString();
    }

    // The audit entries of `action`, newest first.
    QJsonArray audit(const QString &action)
    {
        return m_http
            .get(QStringLiteral("/api/v1/audit?action=%1&size=100").arg(action), m_admin)
            .data()
            .value("audit_logs")
            .toArray();
    }

private:
    Http &m_http;
    QString m_admin;
    QTemporaryDir m_dir;
};

} // namespace hm::test

// Waits (QTRY, 30 s) until the agent's node reports online.
#define HM_WAIT_ONLINE(agents, agent)                                                   \
    QTRY_COMPARE_WITH_TIMEOUT((agents).status((agent).nodeId), QStringLiteral("online"), \
                              30000)
