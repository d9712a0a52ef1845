#pragma once

// What the end-to-end tests of the built-in `task` component share
// (TestRemoteTasks, TestTaskExecutions): a real server whose agents report
// every second, with a USER "ops" and a VIEWER "watcher"; flows of one task
// node; and the processes of this machine, where the agents run the
// commands.

#include "FlowTestSupport.h"
#include "RemoteAgentSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QStringList>
#include <memory>

namespace hm::test {

// The pids of running processes whose command line is exactly `argv`.
inline QList<qint64> processesRunning(const QStringList &argv)
{
    QList<qint64> pids;
    const QByteArray wanted = argv.join(QChar(0)).toUtf8() + '\0';
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly) || cmdline.readAll() != wanted)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        if (close > 0 && text.size() > close + 2 && text.at(close + 2) != 'Z')
            pids << pid;
    }
    return pids;
}

class TaskTestFixture : protected ServerFixture
{
protected:
    std::unique_ptr<RemoteAgents> m_agents;
    ApiUser m_ops;
    ApiUser m_viewer;
    QString m_adminId;
    int m_flows = 0;

    // The server, agent reports every second, the administrator's id and
    // the two users; "" when all is there, else what went wrong. The test
    // starts its agents (m_agents) afterwards.
    QString startTaskServer()
    {
        if (const QString failure = startServer(); !failure.isEmpty())
            return QStringLiteral("server did not start: ") + failure;
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        if (!m_agents->isValid())
            return QStringLiteral("no directory for the agents");
        const Answer settings = m_http->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                                             {{"interval_s", 1}}, m_admin);
        if (settings.status != 200)
            return QStringLiteral("agent settings refused: ") + QString::fromUtf8(settings.raw);
        m_adminId =
            m_http->get(QStringLiteral("/api/v1/users/me"), m_admin).data().value("id").toString();
        m_ops = createApiUser(*m_http, m_admin, "ops", "Ops-password-1", "USER");
        m_viewer = createApiUser(*m_http, m_admin, "watcher", "Watch-password-1", "VIEWER");
        if (m_ops.token.isEmpty() || m_viewer.token.isEmpty())
            return QStringLiteral("the users ops and watcher could not sign in");
        return {};
    }

    // A published flow of one task node "run" with `config`, retried
    // `attempts` times without delay; its id ("" and a warning when
    // refused).
    QString taskFlow(const QString &token, const QJsonObject &config, int attempts = 1)
    {
        QString why;
        const QString id = createPublishedFlow(
            *m_http, token, QStringLiteral("tasks-%1").arg(++m_flows),
            flowDefinition({flowNode("run", "task", {}, config)}),
            {{"retry", QJsonObject{{"maxAttempts", attempts}, {"backoffMs", 0}}}}, &why);
        if (id.isEmpty())
            qWarning().noquote() << why;
        return id;
    }

    QString status(const QString &executionId)
    {
        return executionStatus(*m_http, m_admin, executionId);
    }

    QJsonObject runNode(const QString &executionId)
    {
        return m_http->get("/api/v1/executions/" + executionId + "/nodes/run", m_admin).data();
    }
};

} // namespace hm::test
