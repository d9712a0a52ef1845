#pragma once

// The container summary a docker agent's periodic report carries (issue 38
// item 6; docs/agent-protocol.md "report.containers"): what the server's
// container_down and container_unhealthy alert rules read. Each sample
// asks the daemon for its containers (all of them, running or not) through
// DockerEngine — asynchronous, never blocking the agent's event loop — and
// the report takes the newest answer. While the daemon cannot be read the
// report has no summary (the rules wait) rather than an empty one (which
// would say every container is gone).
//
// Health: Docker writes it into each listed container's status text
// ("Up 3 minutes (unhealthy)"); podman's list does not, so a running
// container whose status says nothing is inspected once to learn whether
// it has a healthcheck at all, and those that have one are inspected at
// each refresh (one request after the other, never many at once).

#include "fleet/AgentProtocol.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <optional>

namespace hm::agent {

class DockerEngine;

class DockerWatch : public QObject
{
    Q_OBJECT
public:
    explicit DockerWatch(const QString &socketPath, QObject *parent = nullptr);

    // Asks for a new summary unless a refresh is still running.
    void refresh();
    // The newest summary, or none while the daemon could not be read.
    const std::optional<QList<fleet::ContainerState>> &latest() const { return m_latest; }

signals:
    // A refresh finished.
    void refreshed();

private:
    struct Listed
    {
        fleet::ContainerState state;
        QString id;
        bool healthKnown = false; // the status text said it (or it is not running)
    };
    // Inspects m_listed[index] onwards where needed, then publishes.
    void inspectFrom(qsizetype index);
    void finish(std::optional<QList<fleet::ContainerState>> latest);

    DockerEngine *m_engine;
    std::optional<QList<fleet::ContainerState>> m_latest;
    QList<Listed> m_listed; // the refresh in progress
    // Container id → whether it has a healthcheck (inspected once).
    QHash<QString, bool> m_hasHealthcheck;
    bool m_inFlight = false;
};

} // namespace hm::agent
