#pragma once

// Real hivemind-agent processes for the console's node-detail tests
// (TestNodeProcesses, TestNodeFiles, TestNodeDocker, TestNodeAgent): a node
// made through the console's client, an agent started on its single-use
// enrolment secret with a config file that grants only `metrics` (every
// further capability from the test's own --allow arguments, as an
// operator's unit gives them), and the Nodes page with that node selected.
// FleetAgentSupport.h is the other kind: a simulated agent (AgentPeer).

#include "AdminTestSupport.h"
#include "ServerProcess.h"
#include "client/NodesApi.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodesPage.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace admintest {

struct NodeAgent
{
    QString nodeId;
    std::unique_ptr<QProcess> process;

    // SIGTERM and wait (at most 10 s).
    void stop()
    {
        if (process) {
            process->terminate();
            process->waitForFinished(10000);
        }
    }
};

// The agents of one test, their configs and data dirs in a directory of
// their own.
class NodeAgents
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Creates node `name` labelled `label` through `client` and starts its
    // agent against `server` with `extra` arguments; `configLines` go into
    // the agent's config after `capabilities=metrics`. False when the node
    // could not be made or the agent did not start.
    bool start(hm::client::ApiClient &client, const QUrl &server, NodeAgent &agent,
               const QString &name, const QString &label, const QStringList &extra = {},
               const QByteArray &configLines = {})
    {
        auto made = await<hm::client::EnrolledNode>([&](auto done) {
            hm::client::NodesApi(client).create(hm::client::NewNode{name, {}, {label}, 0}, done);
        });
        if (!made.ok())
            return false;
        agent.nodeId = made->node.id;
        QFile config(m_dir.filePath(name + QStringLiteral(".conf")));
        if (!config.open(QIODevice::WriteOnly))
            return false;
        config.write("capabilities=metrics\n" + configLines);
        config.close();
        agent.process = std::make_unique<QProcess>();
        agent.process->setProgram(hm::test::binaryPath("hivemind-agent"));
        agent.process->setArguments(
            QStringList{QStringLiteral("--config"), config.fileName(), QStringLiteral("--server"),
                        server.toString(), QStringLiteral("--enrol-secret"), made->enrolment.secret,
                        QStringLiteral("--data-dir"), m_dir.filePath(name)} +
            extra);
        agent.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        agent.process->start();
        return agent.process->waitForStarted();
    }

private:
    QTemporaryDir m_dir;
};

// Whether the server has node `nodeId` online now (for QTRY_VERIFY).
inline bool nodeOnline(hm::client::ApiClient &client, const QString &nodeId)
{
    auto row = await<hm::client::NodeRow>(
        [&](auto done) { hm::client::NodesApi(client).get(nodeId, done); });
    return row.ok() && row->status == QLatin1String("online");
}

// A NodesPage signed in through `api` as `user`, with `nodeId` selected
// and its /access read; null when either did not come.
inline std::unique_ptr<hm::app::NodesPage>
nodesPageOn(hm::client::ApiClient *api, const hm::client::UserInfo &user, const QString &nodeId)
{
    auto page = std::make_unique<hm::app::NodesPage>();
    page->setSession(api, user);
    page->resize(1280, 800);
    page->show();
    auto *list = child<QTableView>(page.get(), "nodes.list");
    if (!QTest::qWaitFor([&] { return page->model()->rowOf(nodeId) >= 0; }, 20000))
        return nullptr;
    QSignalSpy accessRead(page.get(), &hm::app::NodesPage::nodeAccessRead);
    list->selectRow(page->model()->rowOf(nodeId));
    if (!QTest::qWaitFor([&] { return accessRead.count() > 0; }, 20000))
        return nullptr;
    return page;
}

} // namespace admintest
