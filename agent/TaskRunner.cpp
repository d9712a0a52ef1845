#include "agent/TaskRunner.h"

#include "common/Logging.h"
#include "common/TaskCommandLimits.h"
#include "fleet/AgentProtocol.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <cerrno>
#include <csignal>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace hm::agent {

namespace {

constexpr int kMaxArguments = kTaskMaxArguments;
constexpr int kMaxEnvironment = kTaskMaxEnvironment;
constexpr qsizetype kMaxEnvironmentValue = kTaskMaxEnvironmentValue;
// Room in a response for everything around the two outputs.
constexpr qsizetype kTaskReplyBudget = fleet::kMaxAgentResponseBytes - 8 * 1024;
// The PATH a task sees (and finds its program on): the agent's own
// environment may carry what its operator set for the agent alone.
const char kTaskPath[] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

Error taskValidation(const QString &field, const QString &message,
                     const QString &code = QStringLiteral("INVALID_TASK"))
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("code"), code}}};
}

bool isValidTaskId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

QString taskHome()
{
    const QString home = QString::fromLocal8Bit(qgetenv("HOME"));
    return home.isEmpty() ? QStringLiteral("/") : home;
}

QProcessEnvironment taskEnvironment(const QJsonObject &extra)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QString::fromLatin1(kTaskPath));
    env.insert(QStringLiteral("HOME"), taskHome());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("SHELL"), QStringLiteral("/bin/sh"));
    for (const QString &user : {QStringLiteral("USER"), QStringLiteral("LOGNAME")})
        if (const QByteArray value = qgetenv(user.toLatin1().constData()); !value.isEmpty())
            env.insert(user, QString::fromLocal8Bit(value));
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        env.insert(it.key(), it.value().toString());
    return env;
}

// Sends `signal` to the process group led by `pid`; to the process alone
// when it has not made its group yet (a cancel right after the start).
void signalGroup(qint64 pid, int signal)
{
    if (pid <= 1)
        return;
    if (::kill(-pid_t(pid), signal) != 0 && errno == ESRCH)
        ::kill(pid_t(pid), signal);
}

void appendTail(QByteArray &buffer, const QByteArray &more, bool &truncated)
{
    buffer += more;
    if (buffer.size() > TaskRunner::kOutputLimit) {
        buffer.remove(0, buffer.size() - TaskRunner::kOutputLimit);
        truncated = true;
    }
}

} // namespace

Result<TaskSpec> TaskSpec::parse(const QJsonObject &args)
{
    TaskSpec spec;
    spec.taskId = args.value(QStringLiteral("task_id")).toString();
    if (!isValidTaskId(spec.taskId))
        return taskValidation(QStringLiteral("task_id"),
                              QStringLiteral("task_id must be 1-64 letters, digits, '_' or '-'"));
    spec.shell = args.value(QStringLiteral("shell")).toBool(false);
    const QJsonValue argv = args.value(QStringLiteral("argv"));
    const QJsonValue script = args.value(QStringLiteral("script"));
    if (spec.shell) {
        if (!argv.isUndefined() && !argv.isNull())
            return taskValidation(QStringLiteral("argv"),
                                  QStringLiteral("a shell task has a script, not argv"));
        if (!script.isString() || script.toString().trimmed().isEmpty())
            return taskValidation(QStringLiteral("script"),
                                  QStringLiteral("a shell task needs a non-empty script"));
        spec.script = script.toString();
    } else {
        if (!script.isUndefined() && !script.isNull())
            return taskValidation(QStringLiteral("script"),
                                  QStringLiteral("a script runs only with shell: true; give "
                                                 "argv to run a program without a shell"),
                                  QStringLiteral("SHELL_NOT_REQUESTED"));
        if (!argv.isArray() || argv.toArray().isEmpty())
            return taskValidation(QStringLiteral("argv"),
                                  QStringLiteral("argv must be a non-empty list of strings"));
        const QJsonArray list = argv.toArray();
        if (list.size() > kMaxArguments)
            return taskValidation(QStringLiteral("argv"),
                                  QStringLiteral("argv has more than %1 items").arg(kMaxArguments));
        for (const QJsonValue &item : list) {
            if (!item.isString() || item.toString().contains(QChar(0)))
                return taskValidation(QStringLiteral("argv"),
                                      QStringLiteral("every argv item must be a string"));
            spec.argv << item.toString();
        }
        if (spec.argv.first().isEmpty())
            return taskValidation(QStringLiteral("argv"),
                                  QStringLiteral("argv[0] (the program) is empty"));
    }
    const QJsonValue env = args.value(QStringLiteral("env"));
    if (!env.isUndefined() && !env.isNull()) {
        if (!env.isObject())
            return taskValidation(QStringLiteral("env"),
                                  QStringLiteral("env must be an object of strings"));
        spec.env = env.toObject();
        if (spec.env.size() > kMaxEnvironment)
            return taskValidation(QStringLiteral("env"),
                                  QStringLiteral("env has more than %1 names").arg(kMaxEnvironment));
        for (auto it = spec.env.constBegin(); it != spec.env.constEnd(); ++it) {
            if (!isValidEnvironmentName(it.key()))
                return taskValidation(QStringLiteral("env"),
                                      QStringLiteral("\"%1\" is not an environment variable name")
                                          .arg(it.key().left(64)));
            if (!it.value().isString() || it.value().toString().contains(QChar(0))
                || it.value().toString().size() > kMaxEnvironmentValue)
                return taskValidation(QStringLiteral("env"),
                                      QStringLiteral("the value of %1 must be a string of at most "
                                                     "32 KiB")
                                          .arg(it.key()));
        }
    }
    const QJsonValue dir = args.value(QStringLiteral("working_dir"));
    if (!dir.isUndefined() && !dir.isNull()) {
        spec.workingDir = dir.toString();
        if (!dir.isString() || !QDir::isAbsolutePath(spec.workingDir)
            || spec.workingDir.contains(QChar(0)))
            return taskValidation(QStringLiteral("working_dir"),
                                  QStringLiteral("working_dir must be an absolute path"));
    }
    const QJsonValue timeout = args.value(QStringLiteral("timeout_ms"));
    spec.timeoutMs = TaskRunner::kDefaultTimeoutMs;
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const double ms = timeout.toDouble(-1);
        if (!timeout.isDouble() || ms < 1 || ms > TaskRunner::kMaxTimeoutMs)
            return taskValidation(QStringLiteral("timeout_ms"),
                                  QStringLiteral("timeout_ms must be between 1 and %1")
                                      .arg(TaskRunner::kMaxTimeoutMs));
        spec.timeoutMs = int(ms);
    }
    return spec;
}

struct TaskRunner::Task
{
    TaskSpec spec;
    Reply reply;
    std::unique_ptr<QProcess> process;
    QTimer timeout;
    QTimer killTimer; // SIGKILL after the grace period
    QElapsedTimer clock;
    QByteArray out;
    QByteArray err;
    bool outTruncated = false;
    bool errTruncated = false;
    bool timedOut = false;
    bool cancelled = false;
    qint64 group = 0;
};

TaskRunner::TaskRunner(QObject *parent) : QObject(parent) {}

TaskRunner::~TaskRunner()
{
    for (auto &[id, task] : m_tasks) {
        task->process->disconnect(this);
        signalGroup(task->group, SIGKILL);
    }
    // ~QProcess reaps the killed leaders.
}

qint64 TaskRunner::processGroup(const QString &taskId) const
{
    const auto it = m_tasks.find(taskId);
    return it == m_tasks.end() ? 0 : it->second->group;
}

void TaskRunner::run(const QJsonObject &args, Reply reply)
{
    auto spec = TaskSpec::parse(args);
    if (!spec)
        return reply(spec.error());
    if (m_tasks.count(spec->taskId))
        return reply(Error{ErrorCode::Conflict,
                           QStringLiteral("task %1 is already running").arg(spec->taskId),
                           QJsonObject{{QStringLiteral("code"), QStringLiteral("TASK_RUNNING")}}});
    if (int(m_tasks.size()) >= kMaxTasks)
        return reply(Error{ErrorCode::RateLimitExceeded,
                           QStringLiteral("this agent already runs %1 tasks").arg(kMaxTasks),
                           QJsonObject{{QStringLiteral("code"), QStringLiteral("TOO_MANY_TASKS")}}});
    const QString workingDir = spec->workingDir.isEmpty() ? taskHome() : spec->workingDir;
    if (!QFileInfo(workingDir).isDir())
        return reply(taskValidation(QStringLiteral("working_dir"),
                                    QStringLiteral("%1 is not a directory on this node")
                                        .arg(workingDir),
                                    QStringLiteral("WORKING_DIR_NOT_FOUND")));
    QString program;
    QStringList arguments;
    if (spec->shell) {
        program = QStringLiteral("/bin/sh");
        arguments = {QStringLiteral("-c"), spec->script};
    } else {
        program = spec->argv.first();
        if (!program.contains(QLatin1Char('/')))
            program = QStandardPaths::findExecutable(
                program, QString::fromLatin1(kTaskPath).split(QLatin1Char(':')));
        else if (!QDir::isAbsolutePath(program))
            program = QDir(workingDir).absoluteFilePath(program);
        if (program.isEmpty())
            return reply(taskValidation(QStringLiteral("argv"),
                                        QStringLiteral("no program \"%1\" on this node's PATH")
                                            .arg(spec->argv.first().left(200)),
                                        QStringLiteral("PROGRAM_NOT_FOUND")));
        arguments = spec->argv.mid(1);
    }

    auto task = std::make_unique<Task>();
    Task *t = task.get();
    t->spec = std::move(*spec);
    t->reply = std::move(reply);
    t->process = std::make_unique<QProcess>();
    QProcess *process = t->process.get();
    process->setProgram(program);
    process->setArguments(arguments);
    process->setWorkingDirectory(workingDir);
    process->setProcessEnvironment(taskEnvironment(t->spec.env));
    process->setStandardInputFile(QProcess::nullDevice());
    // Its own session and process group: signals to -pid reach everything
    // the task starts, and it has no controlling terminal of the agent's.
    process->setChildProcessModifier([] {
        ::setsid();
#ifdef Q_OS_LINUX
        // An agent killed outright cannot kill the group: the command
        // itself at least goes with it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    });
    const QString id = t->spec.taskId;
    connect(process, &QProcess::readyReadStandardOutput, this, [this, t] { onOutput(*t, false); });
    connect(process, &QProcess::readyReadStandardError, this, [this, t] { onOutput(*t, true); });
    connect(process, &QProcess::finished, this,
            [this, id](int exitCode, QProcess::ExitStatus status) {
                onFinished(id, exitCode, status == QProcess::CrashExit);
            });
    connect(process, &QProcess::errorOccurred, this, [this, id](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        const auto it = m_tasks.find(id);
        const QString why = it == m_tasks.end() ? QString() : it->second->process->errorString();
        finish(id, Error{ErrorCode::ValidationError,
                         QStringLiteral("the program could not start: %1").arg(why),
                         QJsonObject{{QStringLiteral("code"), QStringLiteral("START_FAILED")}}});
    });
    t->timeout.setSingleShot(true);
    connect(&t->timeout, &QTimer::timeout, this, [this, t] { stop(*t, true); });
    t->killTimer.setSingleShot(true);
    connect(&t->killTimer, &QTimer::timeout, this, [t] { signalGroup(t->group, SIGKILL); });
    m_tasks.emplace(id, std::move(task));

    qCInfo(lcAgent).noquote() << QStringLiteral("task %1: starting %2")
                                     .arg(id, t->spec.shell ? QStringLiteral("a shell script")
                                                            : program);
    t->clock.start();
    process->start();
    if (m_tasks.count(id) == 0)
        return; // failed to start, already answered
    t->group = process->processId();
    t->timeout.start(t->spec.timeoutMs);
}

Result<QJsonObject> TaskRunner::cancel(const QJsonObject &args)
{
    const QString id = args.value(QStringLiteral("task_id")).toString();
    if (!isValidTaskId(id))
        return taskValidation(QStringLiteral("task_id"),
                              QStringLiteral("task_id must be 1-64 letters, digits, '_' or '-'"));
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return Error{ErrorCode::ResourceNotFound,
                     QStringLiteral("no task %1 runs on this node").arg(id),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("TASK_NOT_FOUND")}}};
    it->second->cancelled = true;
    stop(*it->second, false);
    return QJsonObject{{QStringLiteral("task_id"), id}, {QStringLiteral("cancelling"), true}};
}

void TaskRunner::killAll()
{
    for (auto &[id, task] : m_tasks) {
        qCInfo(lcAgent).noquote()
            << QStringLiteral("task %1: the connection ended, killing its processes").arg(id);
        task->cancelled = true;
        task->timeout.stop();
        signalGroup(task->group, SIGKILL);
    }
}

void TaskRunner::stop(Task &task, bool timedOut)
{
    task.timedOut = task.timedOut || timedOut;
    task.timeout.stop();
    signalGroup(task.group, SIGTERM);
    if (!task.killTimer.isActive())
        task.killTimer.start(kKillGraceMs);
}

void TaskRunner::onOutput(Task &task, bool error)
{
    if (error)
        appendTail(task.err, task.process->readAllStandardError(), task.errTruncated);
    else
        appendTail(task.out, task.process->readAllStandardOutput(), task.outTruncated);
}

void TaskRunner::onFinished(const QString &taskId, int exitCode, bool crashed)
{
    const auto it = m_tasks.find(taskId);
    if (it == m_tasks.end())
        return;
    Task &task = *it->second;
    onOutput(task, false);
    onOutput(task, true);
    // What the task left behind in its group goes with it: nothing it
    // started outlives it unseen.
    signalGroup(task.group, SIGKILL);

    // Keep the answer within one frame: shorten the longer output's head
    // until it fits (escaped control bytes can take six times their size).
    QJsonObject result{{QStringLiteral("task_id"), taskId},
                       {QStringLiteral("exit_code"), crashed ? -1 : exitCode},
                       {QStringLiteral("signal"), crashed ? exitCode : 0},
                       {QStringLiteral("duration_ms"), task.clock.elapsed()},
                       {QStringLiteral("timed_out"), task.timedOut},
                       {QStringLiteral("cancelled"), task.cancelled}};
    for (;;) {
        result.insert(QStringLiteral("stdout"), QString::fromUtf8(task.out));
        result.insert(QStringLiteral("stderr"), QString::fromUtf8(task.err));
        result.insert(QStringLiteral("stdout_truncated"), task.outTruncated);
        result.insert(QStringLiteral("stderr_truncated"), task.errTruncated);
        if (QJsonDocument(result).toJson(QJsonDocument::Compact).size() <= kTaskReplyBudget)
            break;
        if (task.out.size() >= task.err.size()) {
            task.out.remove(0, task.out.size() / 2 + 1);
            task.outTruncated = true;
        } else {
            task.err.remove(0, task.err.size() / 2 + 1);
            task.errTruncated = true;
        }
    }
    qCInfo(lcAgent).noquote() << QStringLiteral("task %1: ended (%2 %3)")
                                     .arg(taskId, crashed ? QStringLiteral("signal")
                                                          : QStringLiteral("exit code"))
                                     .arg(exitCode);
    finish(taskId, result);
}

void TaskRunner::finish(const QString &taskId, Result<QJsonObject> outcome)
{
    auto node = m_tasks.extract(taskId);
    if (node.empty())
        return;
    std::unique_ptr<Task> task = std::move(node.mapped());
    task->process->disconnect(this);
    Reply reply = std::move(task->reply);
    // The QProcess may be inside its own signal: delete it later.
    task->process.release()->deleteLater();
    reply(std::move(outcome));
}

} // namespace hm::agent
