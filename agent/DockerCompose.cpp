#include "agent/DockerCompose.h"

#include "fleet/DockerNames.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>

namespace hm::agent {

namespace {

// `dir` resolved (symlinks and all), when it is a directory under one of
// the resolved `roots`, or the root itself.
bool isUnderRoot(const QString &dir, const QStringList &roots)
{
    const QString canonical = QFileInfo(dir).canonicalFilePath();
    if (canonical.isEmpty())
        return false;
    for (const QString &root : roots) {
        const QString base = QFileInfo(root).canonicalFilePath();
        if (base.isEmpty())
            continue;
        if (canonical == base || canonical.startsWith(base + u'/') ||
            (base == QLatin1String("/") && canonical.startsWith(u'/')))
            return true;
    }
    return false;
}

bool hasComposeFile(const QDir &dir)
{
    for (const QString &name : DockerCompose::composeFileNames()) {
        if (QFileInfo(dir.filePath(name)).isFile())
            return true;
    }
    return false;
}

Error dirNotAllowed(const QString &project, const QString &dir)
{
    return Error{ErrorCode::Forbidden,
                 QStringLiteral("the directory of compose project %1 (%2) is not under one of "
                                "this agent's compose roots (--compose-root)")
                     .arg(project, dir),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("COMPOSE_DIR_NOT_ALLOWED")}}};
}

} // namespace

const QStringList &DockerCompose::composeFileNames()
{
    static const QStringList names{QStringLiteral("compose.yaml"), QStringLiteral("compose.yml"),
                                   QStringLiteral("docker-compose.yaml"),
                                   QStringLiteral("docker-compose.yml")};
    return names;
}

DockerCompose::DockerCompose(QString socketPath, QString command, QStringList roots,
                             QObject *parent)
    : QObject(parent), m_socketPath(std::move(socketPath)), m_command(std::move(command)),
      m_roots(std::move(roots))
{
}

QString DockerCompose::findTool() const
{
    if (!m_command.isEmpty())
        return QFileInfo(m_command).isExecutable() ? m_command : QString();
    for (const QString &name : {QStringLiteral("docker-compose"), QStringLiteral("podman-compose")})
        if (const QString path = QStandardPaths::findExecutable(name); !path.isEmpty())
            return path;
    return {};
}

QHash<QString, QString> DockerCompose::definedProjects() const
{
    QHash<QString, QString> projects;
    for (const QString &root : m_roots) {
        const QDir base(root);
        for (const QString &name : base.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (projects.size() >= 200)
                return projects;
            const QDir dir(base.filePath(name));
            if (fleet::isComposeProjectName(name) && !projects.contains(name) &&
                hasComposeFile(dir) && isUnderRoot(dir.path(), m_roots))
                projects.insert(name, dir.path());
        }
    }
    return projects;
}

Result<QString> DockerCompose::projectDir(const QString &project, const QString &labelDir) const
{
    const QHash<QString, QString> defined = definedProjects();
    if (const auto it = defined.constFind(project); it != defined.constEnd())
        return *it;
    if (labelDir.isEmpty())
        return Error{ErrorCode::ResourceNotFound,
                     QStringLiteral("no compose project %1 on this node (neither a directory of "
                                    "that name with a compose file under the compose roots nor "
                                    "containers of it)")
                         .arg(project)};
    if (!isUnderRoot(labelDir, m_roots))
        return dirNotAllowed(project, labelDir);
    return labelDir;
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
    // Checked again here: whatever found the directory, compose runs only
    // under a root.
    if (!isUnderRoot(workingDir, m_roots))
        return later(dirNotAllowed(project, workingDir));
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
    environment.insert(QStringLiteral("CONTAINER_HOST"), QStringLiteral("unix://") + m_socketPath);
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
