#pragma once

// The agent's life: identity, enrolment when not enrolled yet, then one
// sample per interval (the metrics and the probe results since the last
// one) into the buffer and the session that streams it.
// finished(exit code) ends it (kExit* in AgentOptions.h); a running agent
// normally never finishes.

#include "agent/AgentIdentity.h"
#include "agent/AgentOptions.h"
#include "agent/Enroller.h"
#include "agent/EnrolmentRecord.h"
#include "agent/MetricsCollector.h"
#include "agent/ProbeRunner.h"

#include <QLockFile>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace hm::agent {

class AgentSession;
class DockerHandlers;
class DockerLogFollows;
class DockerWatch;
class AgentUpgrader;
class ProcessTable;
class RemoteDispatcher;
class TaskRunner;
class TerminalSessions;
class FileStreams;
class SampleBuffer;

class AgentRunner : public QObject
{
    Q_OBJECT
public:
    explicit AgentRunner(AgentOptions options, QObject *parent = nullptr);
    ~AgentRunner() override;

    void start();
    // Stops sampling, closes the connection (1001) and finishes with 0 once
    // it is closed, or after a short wait for a server that does not answer.
    void shutdown();
    // Closes the connection (as shutdown) and execs the agent's binary
    // again with the same arguments and `extraArguments` (same pid): the
    // upgrade capability's restart, and an installed upgrade's start.
    void restartInPlace(const QStringList &extraArguments = {});

signals:
    void finished(int exitCode);

private:
    void fail(int exitCode, const QString &message);
    void enrol();
    void run(const EnrolmentRecord &record);
    void sample();
    void applyInterval(int seconds);
    void applySettings(const fleet::AgentSettings &settings);

    AgentOptions m_options;
    // Where this binary was started from (read once: after an upgrade's
    // swap /proc/self/exe names the previous binary).
    QString m_binaryPath;
    QStringList m_arguments;
    std::unique_ptr<QLockFile> m_lock; // one agent per data directory
    std::optional<AgentIdentity> m_identity;
    std::unique_ptr<SampleBuffer> m_buffer;
    std::unique_ptr<MetricsCollector> m_collector;
    std::unique_ptr<ProbeRunner> m_probes;
    std::unique_ptr<AgentSession> m_session;
    // Remote operations: what the server asks, checked against our own
    // capabilities first.
    std::unique_ptr<ProcessTable> m_processes;
    std::unique_ptr<RemoteDispatcher> m_remote;
    std::unique_ptr<TerminalSessions> m_terminals;
    std::unique_ptr<FileStreams> m_fileStreams;
    std::unique_ptr<TaskRunner> m_tasks;
    std::unique_ptr<DockerHandlers> m_docker;
    std::unique_ptr<DockerLogFollows> m_dockerLogs;
    // The container summary of each report; only when docker is granted.
    std::unique_ptr<DockerWatch> m_dockerWatch;
    std::unique_ptr<AgentUpgrader> m_upgrader;
    Enroller m_enroller;
    QTimer m_sampleTimer;
    bool m_appendFailing = false;
    bool m_finished = false;
    bool m_restarting = false;
};

} // namespace hm::agent
