#pragma once

// The agent's commands of the `tasks` capability (issue 38 item 8): one
// program per task, started from an argument list (never through a shell
// unless the task says shell:true, and then only `/bin/sh -c script`), in
// its own session and process group so that cancel, timeout and the end of
// the connection reach every process it started, grandchildren included.
// When the task's program ends, what it left running in its group is
// killed too: nothing a task started outlives it unseen.
//
// The task sees a clean environment (PATH, HOME, USER, LOGNAME, LANG,
// SHELL) plus the task's own `env`: never what was set for the agent.
// Output is kept bounded: the last kOutputLimit bytes of stdout and of
// stderr (the tail says how it ended), `*_truncated` set when bytes were
// dropped, and the whole answer kept under one response frame.
// At most kMaxTasks run at once: the rest of the agent's requests
// (RemoteDispatcher::kMaxInFlight in all) stay answerable while they run.
//
// Everything runs on the agent's thread through QProcess's signals:
// nothing here waits.

#include "common/Result.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>

class QProcess;

namespace hm::agent {

// What one tasks/run asks for, validated (TaskSpec::parse).
struct TaskSpec
{
    QString taskId;
    QStringList argv;   // program + arguments (empty with shell)
    QString script;     // shell:true only
    bool shell = false;
    QJsonObject env;    // name -> string, added to a clean environment
    QString workingDir; // absolute; empty = the agent's home directory
    int timeoutMs = 0;

    static Result<TaskSpec> parse(const QJsonObject &args);
};

class TaskRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxTasks = 8;
    static constexpr qsizetype kOutputLimit = 256 * 1024;
    static constexpr int kDefaultTimeoutMs = 60'000;
    static constexpr int kMaxTimeoutMs = 24 * 3600 * 1000;
    // Between SIGTERM and SIGKILL on cancel and timeout.
    static constexpr int kKillGraceMs = 5'000;

    using Reply = std::function<void(Result<QJsonObject>)>;

    explicit TaskRunner(QObject *parent = nullptr);
    ~TaskRunner() override; // kills every process group still running

    // Starts the task; `reply` runs once when its process has ended (or at
    // once with the refusal): {task_id, exit_code (-1 when killed), signal,
    // stdout, stderr, stdout_truncated, stderr_truncated, duration_ms,
    // timed_out, cancelled}.
    void run(const QJsonObject &args, Reply reply);
    // SIGTERM to the task's process group, SIGKILL kKillGraceMs later; the
    // run then replies with cancelled:true. RESOURCE_NOT_FOUND for a task
    // that is not running.
    Result<QJsonObject> cancel(const QJsonObject &args);
    // The connection the tasks belong to ended: nobody could collect their
    // output or stop them any more, so every process group is killed
    // (SIGKILL) at once. Their replies go to a closed connection: dropped.
    void killAll();

    int count() const { return int(m_tasks.size()); }
    // The process group of a running task (its leader's pid), 0 if none.
    qint64 processGroup(const QString &taskId) const;

private:
    struct Task;
    void onOutput(Task &task, bool error);
    void onFinished(const QString &taskId, int exitCode, bool crashed);
    void stop(Task &task, bool timedOut);
    void finish(const QString &taskId, Result<QJsonObject> outcome);

    std::map<QString, std::unique_ptr<Task>> m_tasks; // by task id
};

} // namespace hm::agent
