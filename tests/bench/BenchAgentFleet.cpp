// The fleet under load (issue 35, Benchmarks): N simulated agents
// (tests/support/SimulatedAgents.h: real nodes, enrolled through the API,
// one real WebSocket each to /ws/agent over loopback, signed hello) report
// 40 values every second for S seconds to the real hivemind-server in a
// fresh data directory. Goals: 10,000 agents within one core of server CPU,
// no report lost, p99 report-to-stored latency < 1 s, /health < 50 ms.
//
//   BenchAgentFleet [--agents N] [--seconds S] [--threads T] [--connect-seconds S]
//
// Prints: enrolment and connection time; server CPU (utime + stime of
// /proc/<pid>/stat over the reporting window ÷ its wall time, % of one core)
// and peak RSS (VmHWM); the simulator's own CPU over the same window (so a
// reader sees whether the client was the bottleneck); reports sent / acked /
// lost, where lost = sent and never acked, plus every node whose stored
// last_seq (GET /api/v1/nodes) differs from what its agent sent; report-to-
// ack latency p50/p99/max (an ack means stored durably); GET /api/v1/health
// latency p50/p99/max, one plain request on its own connection every
// second during the window. The agents' report interval is set to 1 s on
// the server too (PUT /api/v1/nodes/agent-settings) once all are connected,
// as a real fleet at 1 report/s would have it. Exit code 1 when something failed to run (not
// for a missed goal: benchmarks do not assert timings).

#include "../server/AuthTestSupport.h"
#include "ClientThreadPool.h"
#include "SimulatedAgents.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace hm::test;

namespace {

int fail(const QString &what)
{
    std::fprintf(stderr, "BenchAgentFleet: %s\n", qPrintable(what));
    return 1;
}

// utime + stime of a process in seconds (/proc/<pid>/stat fields 14, 15).
double processCpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // The command name (field 2) may hold spaces: count after its ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

double selfCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// A line of /proc/<pid>/status in kB ("VmHWM", "VmRSS").
qint64 statusKb(qint64 pid, const QByteArray &name)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(name + ':'))
            return line.mid(name.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QList<QByteArray> parts = file.readAll().split(' ');
    return QString::fromLatin1(parts.mid(0, 3).join(' '));
}

// p in [0, 1] of sorted values.
template <typename T> T percentile(const std::vector<T> &sorted, double p)
{
    if (sorted.empty())
        return T{};
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))];
}

// GET /api/v1/health once a second on a connection of its own each time,
// timed from connecting to the complete answer. A probe still waiting when
// the next is due counts as late (its time is taken when it answers).
class HealthProbe
{
public:
    explicit HealthProbe(const QUrl &server) : m_server(server)
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { probe(); });
    }
    void start()
    {
        m_since.start();
        m_timer.start(1000);
    }
    void stop()
    {
        m_timer.stop();
        m_socket.reset();
    }
    std::vector<double> latenciesMs;
    QStringList slow; // "N ms at T s" (T from start()) for those >= 50 ms
    int failed = 0;
    int overlapped = 0;

private:
    void probe()
    {
        if (m_socket) {
            ++overlapped;
            return;
        }
        m_socket = std::make_unique<QTcpSocket>();
        m_received.clear();
        m_clock.start();
        QTcpSocket *socket = m_socket.get();
        QObject::connect(socket, &QTcpSocket::connected, socket, [this, socket] {
            socket->write("GET /api/v1/health HTTP/1.1\r\nHost: " + m_server.host().toLatin1() +
                          "\r\nConnection: close\r\n\r\n");
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            m_received += socket->readAll();
            const qsizetype headEnd = m_received.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const qsizetype lengthAt = m_received.toLower().indexOf("content-length:");
            const qint64 length =
                lengthAt < 0
                    ? 0
                    : m_received
                          .mid(lengthAt + 15, m_received.indexOf('\r', lengthAt) - lengthAt - 15)
                          .trimmed()
                          .toLongLong();
            if (m_received.size() < headEnd + 4 + length)
                return;
            if (m_received.startsWith("HTTP/1.1 200")) {
                const double ms = double(m_clock.nsecsElapsed()) / 1e6;
                latenciesMs.push_back(ms);
                // When the slow ones came, to set against the server's
                // periodic work (the metric rollups every 30 s).
                if (ms >= 50)
                    slow.append(QStringLiteral("%1 ms at %2 s")
                                    .arg(ms, 0, 'f', 0)
                                    .arg(double(m_since.elapsed()) / 1000, 0, 'f', 1));
            } else
                ++failed;
            finish();
        });
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [this] {
            ++failed;
            finish();
        });
        socket->connectToHost(m_server.host(), quint16(m_server.port()));
    }
    void finish()
    {
        // Not inside its own signal: deleted on the next turn.
        QTcpSocket *socket = m_socket.release();
        socket->disconnect();
        socket->deleteLater();
    }

    QUrl m_server;
    QTimer m_timer;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_received;
    QElapsedTimer m_clock;
    QElapsedTimer m_since;
};

// Every node's stored last_seq, by id (GET /api/v1/nodes, 100 a page).
QHash<QString, qint64> storedSequences(Http &http, const QString &token, int expected)
{
    QHash<QString, qint64> stored;
    for (int page = 1; stored.size() < expected; ++page) {
        const Answer answer =
            http.get(QStringLiteral("/api/v1/nodes?size=100&page=%1").arg(page), token);
        const QJsonArray items = answer.data().value(QStringLiteral("items")).toArray();
        if (answer.status != 200 || items.isEmpty())
            break;
        for (const QJsonValue item : items) {
            const QJsonObject node = item.toObject();
            stored.insert(node.value(QStringLiteral("id")).toString(),
                          qint64(node.value(QStringLiteral("last_seq")).toDouble()));
        }
    }
    return stored;
}

void sleepWithEvents(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    // Qt's own dispatcher on the main thread, not GLib's (see
    // server/main.cpp); the agents' threads use epoll (SimulatedAgents).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    int agentCount = 2000;
    int seconds = 300;
    int threads = 2;
    // How long connecting may take (0: 60 ms an agent, at least 60 s); on a
    // machine shared with other builds 10,000 hellos took longer.
    int connectLimitSeconds = 0;
    const QStringList args = app.arguments();
    // Options come in pairs; anything else (--help included) prints the
    // usage instead of running the default five-minute benchmark.
    for (int i = 1; i < args.size(); i += 2) {
        bool number = false;
        const int value = i + 1 < args.size() ? args[i + 1].toInt(&number) : 0;
        if (number && args[i] == QLatin1String("--agents"))
            agentCount = std::max(1, value);
        else if (number && args[i] == QLatin1String("--seconds"))
            seconds = std::max(1, value);
        else if (number && args[i] == QLatin1String("--threads"))
            threads = std::max(1, value);
        else if (number && args[i] == QLatin1String("--connect-seconds"))
            connectLimitSeconds = std::max(1, value);
        else {
            std::printf("usage: %s [--agents N (2000)] [--seconds S (300)] [--threads T (2)] "
                        "[--connect-seconds S (60 ms an agent, at least 60)]\n",
                        qPrintable(QFileInfo(args[0]).fileName()));
            return args[i] == QLatin1String("--help") ? 0 : 2;
        }
    }
    // A descriptor per agent here and in the server (which inherits the
    // limit), plus the database, its WAL and the listener.
    if (const auto raised = raiseFileLimit(2 * qint64(agentCount) + 256))
        std::printf("RLIMIT_NOFILE raised to %llu\n", static_cast<unsigned long long>(*raised));
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    if (qint64(files.rlim_cur) < qint64(agentCount) + 64)
        return fail(QStringLiteral("RLIMIT_NOFILE %1 is too low for %2 agents")
                        .arg(qint64(files.rlim_cur))
                        .arg(agentCount));
    std::printf("agents %d, %d s, %d client threads; load average at start %s\n", agentCount,
                seconds, threads, qPrintable(loadAverage()));
    std::fflush(stdout);

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary directory"));
    ServerProcess server(dir.path());
    // Raises api_rate_limit and anonymous_rate_limit (system settings) to
    // 1,000,000 a minute: two enrolment requests per agent.
    const QUrl url = startAuthServer(server);
    if (url.isEmpty())
        return fail(QStringLiteral("the server did not start"));
    const qint64 serverPid = server.process().processId();
    Http http(url);
    const QString token = http.accessToken(kAdmin, kAdminPassword);
    if (token.isEmpty())
        return fail(QStringLiteral("administrator login failed"));

    SimulatedAgents::Options options;
    options.server = url;
    options.adminToken = token;
    options.count = agentCount;
    options.threads = threads;
    SimulatedAgents agents(options);

    QElapsedTimer phase;
    phase.start();
    if (const QString failure = agents.enrol(std::max(120000, agentCount * 200));
        !failure.isEmpty())
        return fail(QStringLiteral("enrolment: ") + failure);
    const double enrolSeconds = double(phase.elapsed()) / 1000;
    std::printf("enrolled %d nodes in %.1f s (%.0f nodes/s)\n", agentCount, enrolSeconds,
                agentCount / enrolSeconds);
    std::fflush(stdout);
    phase.restart();
    if (const QString failure =
            agents.connectAll(connectLimitSeconds > 0 ? connectLimitSeconds * 1000
                                                      : std::max(60000, agentCount * 60));
        !failure.isEmpty())
        return fail(QStringLiteral("connecting: ") + failure);
    const double connectSeconds = double(phase.elapsed()) / 1000;
    std::printf("connected and welcomed %d agents in %.1f s (%d connections opened again)\n",
                agentCount, connectSeconds, agents.totals().reconnects);
    std::fflush(stdout);

    // The server's report interval to 1 s only now (pushed to every agent):
    // it closes an agent silent for three intervals, and while thousands
    // connect (each hello a few ms of the server thread) its loop lags by
    // more than 3 s here; with the default 5 s it waits 15 s.
    if (http.json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"), {{"interval_s", 1}}, token)
            .status != 200)
        return fail(QStringLiteral("agent settings not accepted"));
    HealthProbe health(url);
    health.start();
    phase.restart();
    const qint64 windowStartNs = steadyNs();
    const double serverCpuStart = processCpuSeconds(serverPid);
    const double selfCpuStart = selfCpuSeconds();
    const qint64 ackedStart = agents.totals().acked;
    // Progress every 30 s (sent / acked so far), the rest with events.
    for (int elapsed = 0; elapsed < seconds;) {
        const int step = std::min(30, seconds - elapsed);
        sleepWithEvents(step * 1000);
        elapsed += step;
        const auto t = agents.totals();
        std::printf("  %4d s: sent %lld, acked %lld, closed %d, server CPU so far %.1f %%\n",
                    elapsed, static_cast<long long>(t.sent), static_cast<long long>(t.acked),
                    t.closed,
                    100.0 * (processCpuSeconds(serverPid) - serverCpuStart) /
                        (double(phase.elapsed()) / 1000));
        std::fflush(stdout);
    }
    const double wallSeconds = double(phase.elapsed()) / 1000;
    const double serverCpu = processCpuSeconds(serverPid) - serverCpuStart;
    const double selfCpu = selfCpuSeconds() - selfCpuStart;
    const qint64 ackedInWindow = agents.totals().acked - ackedStart;
    health.stop();
    const QString loadAtEnd = loadAverage();

    // Before stop(): its own closes are not the server's.
    const QString closeReasons = agents.closeReasons();
    const QString drained = agents.stop(30000);
    const SimulatedAgents::Totals totals = agents.totals();
    const QList<SimulatedAgents::AgentRecord> records = agents.agents();
    std::vector<qint64> latencies = agents.ackLatenciesUs();
    std::sort(latencies.begin(), latencies.end());
    std::sort(health.latenciesMs.begin(), health.latenciesMs.end());

    // What the server says it stored, node by node.
    const QHash<QString, qint64> stored = storedSequences(http, token, agentCount);
    qint64 unacked = 0;
    int closedByServer = 0;
    int mismatched = 0;
    qint64 missingStored = 0;
    for (const auto &record : records) {
        unacked += record.sent - record.acked;
        if (record.closeCode != 0)
            ++closedByServer;
        const qint64 lastSeq = stored.value(record.nodeId, -1);
        if (lastSeq != record.sent) {
            ++mismatched;
            missingStored += std::max<qint64>(0, record.sent - lastSeq);
        }
    }
    const qint64 peakRssKb = statusKb(serverPid, "VmHWM");

    std::printf("\nBenchAgentFleet: %d agents, 40 values each, 1 report/s, %.0f s measured\n",
                agentCount, wallSeconds);
    std::printf("load average: start (above), end %s\n", qPrintable(loadAtEnd));
    std::printf("enrolment: %.1f s (%.0f nodes/s); connecting: %.1f s (%d reconnections)\n",
                enrolSeconds, agentCount / enrolSeconds, connectSeconds, totals.reconnects);
    std::printf("server CPU: %.1f %% of one core (%.1f s over %.1f s); peak RSS %.1f MiB\n",
                100.0 * serverCpu / wallSeconds, serverCpu, wallSeconds, double(peakRssKb) / 1024);
    std::printf("simulator CPU: %.1f %% of one core (%d threads)\n", 100.0 * selfCpu / wallSeconds,
                threads);
    std::printf("reports: sent %lld, acked %lld, lost %lld (sent, never acked); %.0f stored/s in "
                "the window\n",
                static_cast<long long>(totals.sent), static_cast<long long>(totals.acked),
                static_cast<long long>(unacked), double(ackedInWindow) / wallSeconds);
    std::printf("stored last_seq: %d of %lld nodes differ from what their agent sent (%lld "
                "reports behind)\n",
                mismatched, static_cast<long long>(records.size()),
                static_cast<long long>(missingStored));
    std::printf("connections closed by the server during the run: %d%s\n", closedByServer,
                closedByServer > 0 ? qPrintable(QStringLiteral(" (") + closeReasons + u')') : "");
    std::printf("report -> ack latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu reports)\n",
                double(percentile(latencies, 0.50)) / 1000,
                double(percentile(latencies, 0.99)) / 1000,
                latencies.empty() ? 0.0 : double(latencies.back()) / 1000, latencies.size());
    std::printf("/health latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu probes, %d failed, "
                "%d skipped while one was pending)\n",
                percentile(health.latenciesMs, 0.50), percentile(health.latenciesMs, 0.99),
                health.latenciesMs.empty() ? 0.0 : health.latenciesMs.back(),
                health.latenciesMs.size(), health.failed, health.overlapped);
    if (!health.slow.isEmpty())
        std::printf("/health >= 50 ms: %s\n", qPrintable(health.slow.join(QStringLiteral(", "))));
    // When the slow acks came (10-s spans of the window), to set against
    // the server's periodic work.
    std::map<qint64, std::pair<qint64, qint64>> slowBySpan; // span -> (count, max µs)
    for (const auto &[atNs, latencyUs] : agents.slowAcks()) {
        auto &span = slowBySpan[(atNs - windowStartNs) / 10'000'000'000];
        ++span.first;
        span.second = std::max(span.second, latencyUs);
    }
    if (!slowBySpan.empty()) {
        QStringList spans;
        for (const auto &[span, figures] : slowBySpan)
            spans << QStringLiteral("%1-%2 s: %3 (max %4 ms)")
                         .arg(span * 10)
                         .arg(span * 10 + 10)
                         .arg(figures.first)
                         .arg(figures.second / 1000);
        std::printf("acks >= %lld ms by 10 s of the window: %s\n",
                    static_cast<long long>(SimulatedAgents::kSlowAckUs / 1000),
                    qPrintable(spans.join(QStringLiteral(", "))));
    }
    if (!drained.isEmpty())
        std::printf("drain: %s\n", qPrintable(drained));
    std::fflush(stdout);
    return 0;
}
