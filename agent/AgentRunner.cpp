#include "agent/AgentRunner.h"

#include "agent/AgentSession.h"
#include "agent/AgentUpgrader.h"
#include "agent/DockerHandlers.h"
#include "agent/DockerWatch.h"
#include "agent/FileHandlers.h"
#include "agent/DockerLogFollows.h"
#include "agent/FileStreams.h"
#include "agent/NginxHandlers.h"
#include "agent/PowerHandlers.h"
#include "agent/ProcessHandlers.h"
#include "agent/ProcessTable.h"
#include "agent/ReleaseVerifier.h"
#include "agent/SelfExec.h"
#include "agent/RemoteDispatcher.h"
#include "agent/TaskHandlers.h"
#include "agent/TaskRunner.h"
#include "agent/TerminalSessions.h"
#include "agent/SampleBuffer.h"
#include "common/Logging.h"
#include "hivemind/Version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QTextStream>

namespace hm::agent {

namespace {

client::TlsPolicy runnerTlsPolicy(const AgentOptions &options)
{
    client::TlsPolicy tls;
    tls.pinnedSha256 = options.pinSha256;
    return tls;
}

QString runnerAgentVersion()
{
    return QString::fromLatin1(hm::version::kVersion);
}

} // namespace

AgentRunner::AgentRunner(AgentOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_binaryPath(QCoreApplication::applicationFilePath()),
      m_arguments(QCoreApplication::arguments())
{
    m_sampleTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_sampleTimer, &QTimer::timeout, this, &AgentRunner::sample);
}

AgentRunner::~AgentRunner() = default;

void AgentRunner::fail(int exitCode, const QString &message)
{
    qCCritical(lcAgent).noquote() << message;
    m_sampleTimer.stop();
    m_probes.reset(); // cancels the probes in flight
    if (m_session)
        m_session->stop();
    if (!std::exchange(m_finished, true))
        emit finished(exitCode);
}

void AgentRunner::shutdown()
{
    qCInfo(lcAgent) << "stopping";
    m_sampleTimer.stop();
    m_probes.reset();
    const auto done = [this] {
        if (!std::exchange(m_finished, true))
            emit finished(kExitOk);
    };
    if (!m_session || m_session->state() != AgentSession::State::Streaming) {
        if (m_session)
            m_session->stop();
        return done();
    }
    connect(m_session.get(), &AgentSession::disconnected, this, done);
    QTimer::singleShot(2000, this, done);
    m_session->stop();
}

void AgentRunner::restartInPlace(const QStringList &extraArguments)
{
    if (std::exchange(m_restarting, true))
        return;
    qCInfo(lcAgent).noquote() << QStringLiteral("restarting %1").arg(m_binaryPath);
    m_sampleTimer.stop();
    m_probes.reset();
    const auto exec = [this, extraArguments] {
        if (m_finished)
            return;
        if (m_terminals)
            m_terminals->closeAll(); // no shell outlives its agent
        // The new image takes the data directory's lock again.
        if (m_lock)
            m_lock->unlock();
        QStringList arguments = m_arguments;
        arguments.append(extraArguments);
        const Status execd = execProgram(m_binaryPath, arguments);
        fail(kExitFailure, execd.error().message);
    };
    if (!m_session || m_session->state() != AgentSession::State::Streaming) {
        if (m_session)
            m_session->stop();
        return exec();
    }
    connect(m_session.get(), &AgentSession::disconnected, this, exec, Qt::SingleShotConnection);
    QTimer::singleShot(2000, this, exec);
    m_session->stop();
}

void AgentRunner::start()
{
    if (const Status dir = ensurePrivateDirectory(m_options.dataDir); !dir)
        return fail(kExitBadOptions, dir.error().message);
    // Two agents on one buffer would send each other's reports under one
    // identity, and number them twice.
    m_lock =
        std::make_unique<QLockFile>(QDir(m_options.dataDir).filePath(QStringLiteral("agent.lock")));
    // Never stale by age (the agent holds it for months); the lock of a
    // holder that died is still taken over.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0))
        return fail(kExitBadOptions,
                    QStringLiteral("another hivemind-agent uses the data directory %1")
                        .arg(m_options.dataDir));

    auto identity = AgentIdentity::loadOrCreate(m_options.dataDir);
    if (!identity)
        return fail(kExitBadOptions, identity.error().message);
    m_identity.emplace(std::move(*identity));

    auto record = EnrolmentRecord::load(m_options.dataDir);
    if (!record)
        return fail(kExitBadOptions, record.error().message);

    auto buffer = SampleBuffer::open(QDir(m_options.dataDir).filePath(QStringLiteral("buffer")));
    if (!buffer)
        return fail(kExitFailure, buffer.error().message);
    m_buffer = std::move(*buffer);

    if (record->has_value())
        return run(**record);
    if (m_options.server.isEmpty() || m_options.enrolSecret.isEmpty())
        return fail(kExitBadOptions,
                    QStringLiteral("this agent is not enrolled yet: give the server and an "
                                   "enrolment secret from the console (--server, "
                                   "--enrol-secret or the config file)"));
    enrol();
}

void AgentRunner::enrol()
{
    EnrolmentRequest request;
    request.server = m_options.server;
    request.secret = m_options.enrolSecret;
    request.name = m_options.name;
    request.capabilities = m_options.capabilities;
    request.agentVersion = runnerAgentVersion();
    request.publicKey = m_identity->publicKey();
    request.facts = collectSystemFacts();
    request.tls = runnerTlsPolicy(m_options);
    qCInfo(lcAgent).noquote() << QStringLiteral("enrolling with %1 as \"%2\"")
                                     .arg(m_options.server.toString(), m_options.name);
    m_enroller.enrol(request, [this](Result<EnrolmentAnswer> answer) {
        if (!answer) {
            const bool refused = answer.error().code == ErrorCode::Unauthorized ||
                                 answer.error().code == ErrorCode::ValidationError;
            return fail(refused ? kExitBadOptions : kExitFailure,
                        QStringLiteral("enrolment failed: %1").arg(answer.error().message));
        }
        EnrolmentRecord record{answer->nodeId, m_options.server.toString(),
                               m_identity->fingerprint()};
        record.releaseKey = answer->releaseKey;
        if (const Status saved = record.save(m_options.dataDir); !saved)
            return fail(kExitFailure, saved.error().message);
        // For the operator to compare with what the console shows.
        QTextStream(stdout) << QStringLiteral("Enrolled as node %1. Identity fingerprint: %2\n")
                                   .arg(answer->nodeId, m_identity->fingerprint())
                            << Qt::flush;
        run(record);
    });
}

void AgentRunner::run(const EnrolmentRecord &record)
{
    if (!m_options.enrolSecret.isEmpty())
        qCInfo(lcAgent) << "already enrolled: the enrolment secret is not used";
    AgentSessionConfig config;
    config.serverUrl = m_options.server.isEmpty() ? QUrl(record.server) : m_options.server;
    if (!m_options.server.isEmpty() && QUrl(record.server) != m_options.server)
        qCWarning(lcAgent).noquote() << QStringLiteral("enrolled with %1, now connecting to %2")
                                            .arg(record.server, m_options.server.toString());
    config.nodeId = record.nodeId;
    config.capabilities = m_options.capabilities;
    // An installed upgrade's version, when this binary is exactly the build
    // the pinned release key signed as it (ReleaseVerifier.h).
    config.agentVersion =
        installedReleaseVersion(m_binaryPath, record.releaseKey, runnerAgentVersion());
    config.tls = runnerTlsPolicy(m_options);
    qCInfo(lcAgent).noquote()
        << QStringLiteral("node %1, identity %2").arg(record.nodeId, m_identity->fingerprint());

    m_collector = createMetricsCollector();
    m_session = std::make_unique<AgentSession>(config, *m_identity, *m_buffer);
    connect(m_session.get(), &AgentSession::refused, this, [this](int code, const QString &) {
        fail(kExitRevoked, QStringLiteral("the server no longer accepts this agent (close code "
                                          "%1); stopping")
                               .arg(code));
    });
    ProbeRunnerConfig probes;
    probes.granted = m_options.capabilities.contains(QStringLiteral("probes"));
    m_probes = std::make_unique<ProbeRunner>(probes);
    m_remote = std::make_unique<RemoteDispatcher>(m_options.capabilities);
    m_processes = makeProcessTable();
    addProcessHandlers(*m_remote, *m_processes);
    m_terminals = std::make_unique<TerminalSessions>(
        [session = m_session.get()](const QByteArray &frame) { session->sendStream(frame); });
    m_terminals->addHandlers(*m_remote);
    connect(m_session.get(), &AgentSession::streamReceived, m_terminals.get(),
            &TerminalSessions::onFrame);
    connect(m_session.get(), &AgentSession::streamsLost, m_terminals.get(),
            &TerminalSessions::closeAll);
    addFileHandlers(*m_remote, m_options.filesRoots);
    // Downloads: the files capability's stream_open, on file channels.
    m_fileStreams = std::make_unique<FileStreams>(
        m_options.filesRoots,
        [session = m_session.get()](const QByteArray &frame) { session->sendStream(frame); });
    m_fileStreams->addHandlers(*m_remote);
    // Plain HTTP: a download's bytes go on a connection of their own.
    m_fileStreams->setDataConnections(config.serverUrl, config.nodeId);
    connect(m_session.get(), &AgentSession::streamReceived, m_fileStreams.get(),
            &FileStreams::onFrame);
    connect(m_session.get(), &AgentSession::streamsLost, m_fileStreams.get(),
            &FileStreams::closeAll);
    m_tasks = std::make_unique<TaskRunner>();
    addTaskHandlers(*m_remote, *m_tasks);
    // Nobody could collect a task's output or stop it once the connection
    // it came on has ended: its process group is killed (docs/agent.md).
    connect(m_session.get(), &AgentSession::streamsLost, m_tasks.get(), &TaskRunner::killAll);
    m_docker = std::make_unique<DockerHandlers>(m_options.dockerSocket, m_options.composeCommand,
                                                m_options.composeRoots);
    m_docker->addHandlers(*m_remote);
    // Container logs followed live, on Docker log channels.
    m_dockerLogs = std::make_unique<DockerLogFollows>(
        m_options.dockerSocket,
        [session = m_session.get()](const QByteArray &frame) { session->sendStream(frame); });
    m_dockerLogs->addHandlers(*m_remote);
    connect(m_session.get(), &AgentSession::streamReceived, m_dockerLogs.get(),
            &DockerLogFollows::onFrame);
    connect(m_session.get(), &AgentSession::streamsLost, m_dockerLogs.get(),
            &DockerLogFollows::closeAll);
    if (m_options.capabilities.contains(QStringLiteral("docker"))) {
        m_dockerWatch = std::make_unique<DockerWatch>(m_options.dockerSocket);
        m_dockerWatch->refresh();
    }
    addNginxHandlers(*m_remote, m_options.nginx);
    addPowerHandlers(*m_remote, m_options.rebootCommand, [this] { restartInPlace(); });
    m_upgrader = std::make_unique<AgentUpgrader>(
        UpgradeSetup{m_binaryPath, m_arguments, m_options.dataDir, record.releaseKey,
                     config.agentVersion},
        [this] { restartInPlace(); });
    m_upgrader->addHandlers(*m_remote);
    connect(m_session.get(), &AgentSession::welcomed, this,
            [this] { m_upgrader->confirmPending(); });
    connect(m_session.get(), &AgentSession::requestReceived, this,
            [this](quint64 connection, const fleet::RequestMessage &request) {
                m_remote->dispatch(request, [session = m_session.get(),
                                             connection](const fleet::ResponseMessage &response) {
                    session->respond(connection, response);
                });
            });
    connect(m_session.get(), &AgentSession::welcomed, this, &AgentRunner::applySettings);
    connect(m_session.get(), &AgentSession::settingsReceived, this, &AgentRunner::applySettings);
    // The first sample only primes the rates; reports follow every interval.
    m_collector->collect();
    m_sampleTimer.start(m_options.intervalSeconds * 1000);
    m_session->start();
}

void AgentRunner::applySettings(const fleet::AgentSettings &settings)
{
    applyInterval(settings.intervalSeconds);
    if (m_probes)
        m_probes->setProbes(settings.probes);
}

void AgentRunner::applyInterval(int seconds)
{
    seconds = std::clamp(seconds, kMinIntervalSeconds, kMaxIntervalSeconds);
    if (m_sampleTimer.interval() == seconds * 1000)
        return;
    qCInfo(lcAgent).noquote()
        << QStringLiteral("sampling every %1 s (the server's setting)").arg(seconds);
    m_sampleTimer.start(seconds * 1000);
}

void AgentRunner::sample()
{
    fleet::ReportMessage report;
    report.timeMs = QDateTime::currentMSecsSinceEpoch();
    report.metrics = m_collector->collect();
    // Probe results ride along; what does not fit waits for the next one.
    if (m_probes)
        report.metrics +=
            m_probes->takeMetrics(fleet::kMaxReportValues - int(report.metrics.size()));
    // The containers as last read (at most an interval ago); the next read
    // starts now, off this thread's way.
    if (m_dockerWatch) {
        report.containers = m_dockerWatch->latest();
        m_dockerWatch->refresh();
    }
    const auto seq = m_buffer->append(std::move(report));
    if (!seq) {
        // Once per failing episode (a full disk would say it every interval).
        if (!m_appendFailing)
            qCWarning(lcAgent).noquote()
                << QStringLiteral("cannot buffer a report: %1").arg(seq.error().message);
        m_appendFailing = true;
        return;
    }
    m_appendFailing = false;
    m_session->reportsAppended();
}

} // namespace hm::agent
