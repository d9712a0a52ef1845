#include "agent/DockerCompose.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>

namespace hm::agent {

DockerCompose::DockerCompose(QString socketPath, QObject *parent)
    : QObject(parent), m_socketPath(std::move(socketPath))
{
}

QString DockerCompose::findTool()
{
    for (const QString &name : {QStringLiteral("docker-compose"), QStringLiteral("podman-compose")})
        if (const QString path = QStandardPaths::findExecutable(name); !path.isEmpty())
            return path;
    return {};
}

void DockerCompose::run(const QString &project, const QString &workingDir, bool up,
                        std::function<void(Result<QJsonObject>)> done)
{
    const auto later = [this, done](Result<QJsonObject> outcome) {
        QTimer::singleShot(0, this, [done, outcome] { done(outcome); });
    };
    const QString tool = findTool();
    if (tool.isEmpty())
        return later(Error{ErrorCode::ServiceUnavailable,
                           QStringLiteral("no compose tool is installed on this node "
                                          "(docker-compose or podman-compose)"),
                           QJsonObject{{QStringLiteral("code"),
                                        QStringLiteral("COMPOSE_UNAVAILABLE")}}});
    const QFileInfo dir(workingDir);
    if (!dir.isAbsolute() || !dir.isDir())
        return later(Error{ErrorCode::ResourceNotFound,
                           QStringLiteral("the working directory of compose project %1 (%2) is "
                                          "not a directory on this node")
                               .arg(project, workingDir)});
    if (m_running.contains(project))
        return later(Error{ErrorCode::Conflict,
                           QStringLiteral("compose is already running for project %1")
                               .arg(project)});
    if (m_running.size() >= kMaxRuns)
        return later(Error{ErrorCode::RateLimitExceeded,
                           QStringLiteral("the agent is already running %1 compose commands")
                               .arg(kMaxRuns)});
    m_running.insert(project);

    auto *process = new QProcess(this);
    process->setProgram(tool);
    process->setArguments(up ? QStringList{QStringLiteral("-p"), project, QStringLiteral("up"),
                                           QStringLiteral("-d")}
                             : QStringList{QStringLiteral("-p"), project,
                                           QStringLiteral("down")});
    process->setWorkingDirectory(dir.absoluteFilePath());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix://") + m_socketPath);
    process->setProcessEnvironment(environment);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardInputFile(QProcess::nullDevice());

    auto output = std::make_shared<QByteArray>();
    auto truncated = std::make_shared<bool>(false);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [process] { process->kill(); });
    connect(process, &QProcess::readyRead, process, [process, output, truncated] {
        output->append(process->readAll());
        if (output->size() > kMaxOutputBytes) {
            output->remove(0, output->size() - kMaxOutputBytes);
            *truncated = true;
        }
    });
    const QString action = up ? QStringLiteral("up") : QStringLiteral("down");
    const auto settle = [this, process, project, action, output, truncated, timer,
                         done](Result<QJsonObject> outcome) {
        timer->stop();
        m_running.remove(project);
        process->deleteLater();
        done(std::move(outcome));
    };
    connect(process, &QProcess::finished, this,
            [process, project, action, output, truncated, timer, settle](int exitCode,
                                                                         QProcess::ExitStatus status) {
                output->append(process->readAll());
                const bool timedOut = !timer->isActive() && status == QProcess::CrashExit;
                const QString text = QString::fromUtf8(output->right(kMaxOutputBytes));
                if (status != QProcess::NormalExit || exitCode != 0)
                    return settle(Error{
                        timedOut ? ErrorCode::Timeout : ErrorCode::ServiceUnavailable,
                        timedOut ? QStringLiteral("compose %1 of %2 took too long and was "
                                                  "stopped")
                                       .arg(action, project)
                                 : QStringLiteral("compose %1 of %2 failed (exit code %3): %4")
                                       .arg(action, project)
                                       .arg(exitCode)
                                       .arg(text.right(400).trimmed()),
                        QJsonObject{{QStringLiteral("code"), QStringLiteral("COMPOSE_FAILED")},
                                    {QStringLiteral("exit_code"), exitCode}}});
                settle(QJsonObject{{QStringLiteral("project"), project},
                                   {QStringLiteral("action"), action},
                                   {QStringLiteral("exit_code"), exitCode},
                                   {QStringLiteral("output"), text},
                                   {QStringLiteral("output_truncated"), *truncated}});
            });
    connect(process, &QProcess::errorOccurred, this,
            [process, project, action, settle](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return; // `finished` follows
                settle(Error{ErrorCode::ServiceUnavailable,
                             QStringLiteral("compose %1 of %2 could not start: %3")
                                 .arg(action, project, process->errorString()),
                             QJsonObject{{QStringLiteral("code"),
                                          QStringLiteral("COMPOSE_UNAVAILABLE")}}});
            });
    timer->start(kTimeoutMs);
    process->start();
}

} // namespace hm::agent
