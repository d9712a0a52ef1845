#pragma once

// compose up / down for one project (issue 38 item 6), when a compose tool
// is installed: the agent's --compose-command, else `docker-compose` or
// else `podman-compose` from PATH, started from an argument list (never a
// shell) as
//   TOOL -p PROJECT up -d      /      TOOL -p PROJECT down
// in the project's working directory, with DOCKER_HOST (docker-compose) and
// CONTAINER_HOST (podman) set to the agent's socket. The directory is a
// compose root's subdirectory named as the project, else the one its
// containers' label com.docker.compose.project.working_dir names; either
// way it must lie under one of the agent's compose roots (--compose-root,
// compared after resolving symlinks): else FORBIDDEN with details.code
// COMPOSE_DIR_NOT_ALLOWED, so that nobody who can write a label runs compose
// anywhere. One run per project at a time (CONFLICT), at most kMaxRuns at
// once (RATE_LIMIT_EXCEEDED), killed after kTimeoutMs; the output's last
// kMaxOutputBytes come back. No tool installed: SERVICE_UNAVAILABLE with
// details.code COMPOSE_UNAVAILABLE.

#include "common/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QObject>
#include <QSet>
#include <QString>
#include <functional>

namespace hm::agent {

class DockerCompose : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 240'000;
    static constexpr int kMaxRuns = 2;
    static constexpr qsizetype kMaxOutputBytes = 64 * 1024;

    // The file names a project directory's compose file may have.
    static const QStringList &composeFileNames();

    DockerCompose(QString socketPath, QString command, QStringList roots,
                  QObject *parent = nullptr);

    // The compose tool's path, empty when none is installed.
    QString findTool() const;
    const QStringList &roots() const { return m_roots; }
    // The compose roots' subdirectories that hold a compose file and are
    // named as a project may be: project name → directory.
    QHash<QString, QString> definedProjects() const;
    // The directory compose runs in for `project`: the root's subdirectory
    // of that name, else `labelDir`; confined to the roots (see above).
    // RESOURCE_NOT_FOUND when there is neither.
    Result<QString> projectDir(const QString &project, const QString &labelDir) const;
    // Whether a compose run for `project` is under way.
    bool isRunning(const QString &project) const { return m_running.contains(project); }

    // `up` true: up -d; false: down. `done` once, later:
    // {project, action, exit_code, output, output_truncated}.
    void run(const QString &project, const QString &workingDir, bool up,
             std::function<void(Result<QJsonObject>)> done);

private:
    QString m_socketPath;
    QString m_command;
    QStringList m_roots;
    QSet<QString> m_running;
};

} // namespace hm::agent
