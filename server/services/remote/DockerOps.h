#pragma once

// A node's Docker (issue 38 item 6; docs/api.md "Node Docker"): containers,
// images and compose projects through the node's agent (capability
// "docker"). Names are checked here too (fleet/DockerNames.h: defence in
// depth; the agent checks them again). Changes are audited with the
// container or project as target — NODE_CONTAINER_STARTED / _STOPPED /
// _RESTARTED / _REMOVED, NODE_COMPOSE_UP / _DOWN — reads are not. Agent
// answers are rebuilt from the documented fields with their types.

#include "common/Result.h"
#include "server/services/remote/DockerLogFollows.h"
#include "server/services/remote/NodeActions.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace hm::server::remote {

struct ContainerLogQuery
{
    int tail = 200;          // 1 … 5000
    double since = 0;        // seconds since 1970; 0: from the start
    bool timestamps = false;
};

class DockerOps
{
public:
    using Done = std::function<void(Result<QJsonObject>)>;
    // How long a stop/restart may take (Docker waits 10 s before SIGKILL)
    // and a compose run (the agent stops it after 4 minutes).
    static constexpr int kContainerActionTimeoutMs = 45'000;
    static constexpr int kComposeTimeoutMs = 260'000;

    explicit DockerOps(NodeActions &actions) : m_actions(actions), m_follows(actions) {}

    // Logs followed live (chunked answers).
    DockerLogFollows &follows() { return m_follows; }

    // {items, truncated}
    void containers(const auth::Principal &caller, const auth::ClientInfo &client,
                    const QString &nodeId, QObject *context, Done done);
    // `action`: start, stop or restart.
    void containerAction(const auth::Principal &caller, const auth::ClientInfo &client,
                         const QString &nodeId, const QString &container, const QString &action,
                         QObject *context, Done done);
    void remove(const auth::Principal &caller, const auth::ClientInfo &client,
                const QString &nodeId, const QString &container, bool force, QObject *context,
                Done done);
    void logs(const auth::Principal &caller, const auth::ClientInfo &client,
              const QString &nodeId, const QString &container, const ContainerLogQuery &query,
              QObject *context, Done done);
    void images(const auth::Principal &caller, const auth::ClientInfo &client,
                const QString &nodeId, QObject *context, Done done);
    void composes(const auth::Principal &caller, const auth::ClientInfo &client,
                  const QString &nodeId, QObject *context, Done done);
    void compose(const auth::Principal &caller, const auth::ClientInfo &client,
                 const QString &nodeId, const QString &project, bool up, QObject *context,
                 Done done);

private:
    NodeActions &m_actions;
    DockerLogFollows m_follows;
};

// The agent's answers with only the documented fields (tests use them).
QJsonObject sanitisedContainer(const QJsonObject &in);
QJsonObject sanitisedImage(const QJsonObject &in);
QJsonObject sanitisedComposeProject(const QJsonObject &in);

} // namespace hm::server::remote
