#pragma once

// The `docker` capability's actions (issue 38 item 6; docs/agent-protocol.md
// "docker"), over the Docker Engine API on the configured unix socket
// (DockerEngine) and, for compose, a compose tool (DockerCompose):
//   containers  {}                                  → {containers: [...], truncated}
//   start | stop | restart  {container}             → {container, changed}
//   remove      {container, force}                  → {container, removed}
//   logs        {container, tail, since, timestamps} → {container, logs, lines, truncated}
//   images      {}                                  → {images: [...], truncated}
//   composes    {}                                  → {projects: [...], compose_available}
//   compose_up | compose_down {project}             → {project, action, exit_code, output, …}
// and, streamed on a channel of their own, logs_follow / logs_close
// (DockerLogFollows).
// Every container and project name is checked (fleet/DockerNames.h)
// before it reaches a URL path, and percent-encoded anyway. Lists are cut
// to fit one response (fleet::kMaxAgentResponseBytes).

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

namespace hm::agent {

class DockerCompose;
class DockerEngine;
class RemoteDispatcher;

class DockerHandlers : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxLogTail = 5000;
    // What the log text may take of a response (JSON-escaped).
    static constexpr qsizetype kLogBudgetBytes = 900 * 1024;

    // `composeCommand` and `composeRoots`: see DockerCompose.
    DockerHandlers(const QString &socketPath, const QString &composeCommand,
                   const QStringList &composeRoots, QObject *parent = nullptr);
    ~DockerHandlers() override;

    void addHandlers(RemoteDispatcher &dispatcher);

private:
    DockerEngine *m_engine;
    DockerCompose *m_compose;
    // Compose projects' working directories as last seen on their
    // containers: `up` after `down` (which removes them) still finds it.
    QHash<QString, QString> m_projectDirs;
};

} // namespace hm::agent
