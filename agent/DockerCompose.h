#pragma once

// compose up / down for one project (issue 38 item 6), when a compose tool
// is installed: `docker-compose` or else `podman-compose` from PATH, started
// from an argument list (never a shell) as
//   TOOL -p PROJECT up -d      /      TOOL -p PROJECT down
// in the project's working directory (the containers' label
// com.docker.compose.project.working_dir), with DOCKER_HOST set to the
// agent's socket. One run per project at a time (CONFLICT), at most
// kMaxRuns at once (RATE_LIMIT_EXCEEDED), killed after kTimeoutMs; the
// output's last kMaxOutputBytes come back. No tool installed: SERVICE_
// UNAVAILABLE with details.code COMPOSE_UNAVAILABLE.

#include "common/Result.h"

#include <QJsonObject>
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

    explicit DockerCompose(QString socketPath, QObject *parent = nullptr);

    // The compose tool's path, empty when none is installed.
    static QString findTool();

    // `up` true: up -d; false: down. `done` once, later:
    // {project, action, exit_code, output, output_truncated}.
    void run(const QString &project, const QString &workingDir, bool up,
             std::function<void(Result<QJsonObject>)> done);

private:
    QString m_socketPath;
    QSet<QString> m_running;
};

} // namespace hm::agent
