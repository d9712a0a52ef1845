#include "SimulatedAgents.h"

#include "common/EventDispatcher.h"
#include "crypto/SecureBytes.h"
#include "crypto/Signing.h"
#include "fleet/AgentProtocol.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <functional>
#include <random>

namespace hm::test {

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {

// Runs the calling thread's event loop until `done` or `timeoutMs`; checks
// every 5 ms (a spinning main thread would compete with the server and the
// worker threads).
bool simWaitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || timer.elapsed() > timeoutMs)
            loop.quit();
    });
    tick.start(5);
    loop.exec();
    return done();
}

// The 40 names a report carries, as the real agent names them
// (agent/LinuxMetricsCollector.cpp) on a 12-core machine with two
// interfaces, two mounts and three thermal zones.
constexpr int kCores = 12;
const QStringList &simMetricNames()
{
    static const QStringList names = [] {
        QStringList n{QStringLiteral("cpu_usage")};
        for (int core = 0; core < kCores; ++core)
            n << QStringLiteral("cpu.%1").arg(core);
        n << QStringLiteral("load_avg_1") << QStringLiteral("load_avg_5")
          << QStringLiteral("load_avg_15") << QStringLiteral("memory_total")
          << QStringLiteral("memory_used") << QStringLiteral("swap_total")
          << QStringLiteral("swap_used") << QStringLiteral("disk_total")
          << QStringLiteral("disk_used") << QStringLiteral("disk_read_bps")
          << QStringLiteral("disk_write_bps") << QStringLiteral("net.eth0.rx_bps")
          << QStringLiteral("net.eth0.tx_bps") << QStringLiteral("net.eth1.rx_bps")
          << QStringLiteral("net.eth1.tx_bps") << QStringLiteral("network_in")
          << QStringLiteral("network_out") << QStringLiteral("tcp_connections")
          << QStringLiteral("processes") << QStringLiteral("uptime")
          << QStringLiteral("disk.root.total") << QStringLiteral("disk.root.used")
          << QStringLiteral("disk.var.total") << QStringLiteral("disk.var.used")
          << QStringLiteral("temp.thermal_zone0") << QStringLiteral("temp.thermal_zone1")
          << QStringLiteral("temp.thermal_zone2");
        return n;
    }();
    return names;
}

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

} // namespace

// Named (not anonymous) namespace: Worker, a class of the header, holds
// these (unity builds include this file, and GCC warns about a member whose
// type has internal linkage).
namespace sim {

// One simulated machine's values, moving from report to report: waves with
// noise for load, random walks for rates, slow growth for what fills up.
class SimMachine
{
public:
    explicit SimMachine(quint32 seed) : m_random(seed)
    {
        m_phase = uniform(0, 6.28);
        m_memoryUsed = uniform(4, 24) * kGiB;
        m_diskUsed = uniform(50, 400) * 1e9;
        m_varUsed = uniform(5, 40) * 1e9;
        m_uptime = uniform(3600, 90 * 86400.0);
        m_rx0 = uniform(1e4, 5e6);
        m_tx0 = uniform(1e4, 5e6);
        m_rx1 = uniform(1e3, 1e5);
        m_tx1 = uniform(1e3, 1e5);
        m_processes = uniform(150, 400);
    }

    QList<fleet::MetricValue> next(double intervalSeconds)
    {
        const QStringList &names = simMetricNames();
        QList<fleet::MetricValue> values;
        values.reserve(names.size());
        qsizetype i = 0;
        const auto add = [&](double value) { values.append({names.at(i++), value}); };
        m_t += intervalSeconds;
        const double base = 35 + 25 * std::sin(m_t / 40 + m_phase);
        double cores[kCores];
        double sum = 0;
        for (int core = 0; core < kCores; ++core) {
            cores[core] = std::clamp(base + uniform(-15, 15), 0.0, 100.0);
            sum += cores[core];
        }
        add(sum / kCores);
        for (double core : cores)
            add(core);
        m_load1 = 0.9 * m_load1 + 0.1 * (sum / 100 + uniform(0, 1));
        m_load5 = 0.98 * m_load5 + 0.02 * m_load1;
        m_load15 = 0.995 * m_load15 + 0.005 * m_load1;
        add(m_load1);
        add(m_load5);
        add(m_load15);
        m_memoryUsed = std::clamp(m_memoryUsed + uniform(-50e6, 50e6), 1 * kGiB, 31 * kGiB);
        add(32 * kGiB);
        add(m_memoryUsed);
        add(4 * kGiB);
        add(uniform(0, 0.2) * kGiB);
        m_diskUsed += uniform(0, 2e5);
        add(512e9);
        add(m_diskUsed);
        add(walk(m_diskRead, 0, 2e8));
        add(walk(m_diskWrite, 0, 2e8));
        add(walk(m_rx0, 0, 1.2e8));
        add(walk(m_tx0, 0, 1.2e8));
        add(walk(m_rx1, 0, 1.2e8));
        add(walk(m_tx1, 0, 1.2e8));
        add(m_rx0 + m_rx1);
        add(m_tx0 + m_tx1);
        add(std::round(uniform(20, 300)));
        m_processes = std::clamp(m_processes + std::round(uniform(-3, 3)), 100.0, 900.0);
        add(m_processes);
        m_uptime += intervalSeconds;
        add(m_uptime);
        add(512e9);
        add(m_diskUsed);
        m_varUsed += uniform(0, 5e4);
        add(100e9);
        add(m_varUsed);
        for (int zone = 0; zone < 3; ++zone)
            add(40 + base / 3 + zone * 4 + uniform(-1, 1));
        return values;
    }

private:
    double uniform(double low, double high)
    {
        return std::uniform_real_distribution<double>(low, high)(m_random);
    }
    double walk(double &value, double low, double high)
    {
        value = std::clamp(value * uniform(0.8, 1.25) + uniform(-1e3, 1e3), low, high);
        return value;
    }

    std::minstd_rand m_random;
    double m_t = 0;
    double m_phase = 0;
    double m_load1 = 1, m_load5 = 1, m_load15 = 1;
    double m_memoryUsed = 0, m_diskUsed = 0, m_varUsed = 0, m_uptime = 0;
    double m_diskRead = 1e5, m_diskWrite = 1e5;
    double m_rx0 = 0, m_tx0 = 0, m_rx1 = 0, m_tx1 = 0;
    double m_processes = 200;
};

enum class SimState
{
    Idle,
    Handshake,
    Streaming,
    Closed,
};

struct SimAgent
{
    int index = 0;
    QString nodeId;
    crypto::SecureBytes secretKey;
    std::unique_ptr<QWebSocket> socket;
    SimState state = SimState::Idle;
    qint64 seq = 0;
    qint64 acked = 0;
    int closeCode = 0;
    QString closeReason;
    bool welcomedOnce = false;
    qint64 phaseNs = 0;
    std::deque<std::pair<qint64, qint64>> inFlight; // seq, steady ns when sent
    std::unique_ptr<SimMachine> machine;
};

} // namespace sim

using sim::SimAgent;
using sim::SimMachine;
using sim::SimState;

struct SimulatedAgents::Shared
{
    std::atomic<qint64> sent{0};
    std::atomic<qint64> acked{0};
    std::atomic<int> welcomed{0};
    std::atomic<int> closed{0};
    std::atomic<int> reconnects{0};
    // While connectAll() runs, a closed agent connects again (as a real one
    // does, after a pause); afterwards a close is final.
    std::atomic<bool> reconnecting{true};
};

// One thread's agents, their sockets and the clock that paces them. Every
// member but the thread is touched only on that thread (run()).
class SimulatedAgents::Worker
{
public:
    Worker(std::shared_ptr<Shared> shared, int intervalMs, bool answerTasks)
        : m_shared(std::move(shared)), m_intervalNs(qint64(intervalMs) * 1000000),
          m_answerTasks(answerTasks)
    {
        // Thousands of sockets per thread: epoll, not a poll of all of them
        // on every pass (as the server's HTTP thread, EventDispatcher.h).
        if (QAbstractEventDispatcher *dispatcher = createScalableEventDispatcher())
            m_thread.setEventDispatcher(dispatcher);
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }
    ~Worker()
    {
        run([this] {
            m_timer.reset();
            // No signal may reach an agent while it is taken apart.
            for (auto &agent : m_agents) {
                if (agent->socket)
                    agent->socket->disconnect();
            }
            m_agents.clear();
        });
        m_thread.quit();
        m_thread.wait();
    }

    // Runs `f` on the worker's thread and waits for it.
    void run(const std::function<void()> &f)
    {
        QMetaObject::invokeMethod(&m_context, f, Qt::BlockingQueuedConnection);
    }
    // Only before the thread touches agents (enrolment, on the caller's).
    std::vector<std::unique_ptr<SimAgent>> &agentsBeforeStart() { return m_agents; }

    // Opens the connections of the agents with these positions (queued).
    void open(const QUrl &url, std::vector<size_t> positions)
    {
        QMetaObject::invokeMethod(&m_context, [this, url, positions = std::move(positions)] {
            for (size_t position : positions)
                openAgent(*m_agents[position], url);
        });
    }

    void startReporting(qint64 startNs)
    {
        run([this, startNs] {
            m_startNs = startNs;
            m_round = 0;
            m_cursor = 0;
            m_timer = std::make_unique<QTimer>();
            m_timer->setTimerType(Qt::PreciseTimer);
            QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [this] { tick(); });
            m_timer->start(5);
        });
    }
    void stopReporting()
    {
        run([this] {
            m_timer.reset();
            // From now on a close (the server's for silence, or ours) is
            // not a verdict on the run.
            m_closing = true;
        });
    }
    void closeAll()
    {
        run([this] {
            for (auto &agent : m_agents) {
                if (agent->socket && agent->state != SimState::Closed)
                    agent->socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                                         QStringLiteral("benchmark over"));
            }
        });
    }
    int streamingCount()
    {
        int streaming = 0;
        run([&] {
            for (const auto &agent : m_agents)
                streaming += agent->state == SimState::Streaming ? 1 : 0;
        });
        return streaming;
    }
    // "code: reason" of every agent closed so far, counted.
    void closeReasons(QMap<QString, int> &reasons)
    {
        run([&] {
            for (const auto &agent : m_agents) {
                if (agent->state == SimState::Closed)
                    ++reasons
                        [QStringLiteral("%1 %2").arg(agent->closeCode).arg(agent->closeReason)];
            }
        });
    }
    // Its agents' records, every ack latency it measured and the slow
    // acks, into those asked for (null: not wanted).
    void collect(QList<std::pair<int, AgentRecord>> *records, std::vector<qint64> *latencies,
                 std::vector<std::pair<qint64, qint64>> *slow)
    {
        run([&] {
            if (records)
                for (const auto &agent : m_agents)
                    records->append({agent->index, AgentRecord{agent->nodeId, agent->seq,
                                                               agent->acked, agent->closeCode}});
            if (latencies)
                latencies->insert(latencies->end(), m_latenciesUs.begin(), m_latenciesUs.end());
            if (slow)
                slow->insert(slow->end(), m_slowAcks.begin(), m_slowAcks.end());
        });
    }

private:
    void openAgent(SimAgent &agent, const QUrl &url)
    {
        agent.socket = std::make_unique<QWebSocket>();
        agent.state = SimState::Handshake;
        SimAgent *a = &agent;
        QObject::connect(a->socket.get(), &QWebSocket::textMessageReceived, a->socket.get(),
                         [this, a](const QString &text) { onFrame(*a, text); });
        QObject::connect(
            a->socket.get(), &QWebSocket::disconnected, a->socket.get(), [this, a, url] {
                if (a->state == SimState::Closed || a->state == SimState::Idle)
                    return;
                if (m_shared->reconnecting.load() && !m_closing) {
                    a->state = SimState::Idle;
                    m_shared->reconnects.fetch_add(1, std::memory_order_relaxed);
                    QTimer::singleShot(1000 + int(m_random() % 1000), &m_context, [this, a, url] {
                        if (!m_closing && a->state == SimState::Idle)
                            openAgent(*a, url);
                    });
                    return;
                }
                a->state = SimState::Closed;
                // Our own close at the end is not the server's verdict.
                if (!m_closing) {
                    a->closeCode = int(a->socket->closeCode());
                    a->closeReason = a->socket->closeReason().isEmpty() ? a->socket->errorString()
                                                                        : a->socket->closeReason();
                }
                m_shared->closed.fetch_add(1, std::memory_order_relaxed);
            });
        a->socket->open(url);
    }

    void onFrame(SimAgent &agent, const QString &text)
    {
        auto parsed = fleet::parseAgentMessage(text.toUtf8());
        if (!parsed) {
            agent.socket->abort();
            return;
        }
        if (const auto *challenge = std::get_if<fleet::ChallengeMessage>(&*parsed)) {
            fleet::HelloMessage hello;
            hello.nodeId = agent.nodeId;
            hello.agentVersion = QStringLiteral("simulated");
            hello.capabilities = {QStringLiteral("metrics")};
            if (m_answerTasks)
                hello.capabilities << QStringLiteral("tasks");
            hello.lastSeq = agent.seq;
            hello.signature = crypto::sign(agent.secretKey,
                                           fleet::signedChallenge(agent.nodeId, challenge->nonce));
            agent.socket->sendTextMessage(QString::fromUtf8(fleet::serialize(hello)));
        } else if (const auto *welcome = std::get_if<fleet::WelcomeMessage>(&*parsed)) {
            if (agent.state != SimState::Handshake || welcome->nodeId != agent.nodeId) {
                agent.socket->abort();
                return;
            }
            agent.state = SimState::Streaming;
            // Again after a reconnection: what the server has not stored
            // is sent again, under the same sequence numbers (the agent's
            // buffer does so; here new values stand in for the old).
            qint64 dropped = 0;
            while (!agent.inFlight.empty() && agent.inFlight.back().first > welcome->ackedSeq) {
                agent.inFlight.pop_back();
                ++dropped;
            }
            agent.seq = std::max(welcome->ackedSeq, agent.seq - dropped);
            m_shared->sent.fetch_sub(dropped, std::memory_order_relaxed);
            if (!agent.welcomedOnce) {
                agent.welcomedOnce = true;
                m_shared->welcomed.fetch_add(1, std::memory_order_relaxed);
            }
        } else if (const auto *ack = std::get_if<fleet::AckMessage>(&*parsed)) {
            // An ack covers every report up to it.
            const qint64 now = steadyNs();
            qint64 covered = 0;
            while (!agent.inFlight.empty() && agent.inFlight.front().first <= ack->seq) {
                const qint64 latencyUs = (now - agent.inFlight.front().second) / 1000;
                m_latenciesUs.push_back(latencyUs);
                if (latencyUs >= SimulatedAgents::kSlowAckUs)
                    m_slowAcks.emplace_back(now, latencyUs);
                agent.inFlight.pop_front();
                ++covered;
            }
            agent.acked = std::max(agent.acked, ack->seq);
            m_shared->acked.fetch_add(covered, std::memory_order_relaxed);
        } else if (const auto *request = std::get_if<fleet::RequestMessage>(&*parsed)) {
            fleet::ResponseMessage response;
            response.id = request->id;
            if (m_answerTasks && request->capability == u"tasks") {
                response.result = {
                    {QStringLiteral("task_id"), request->args.value(QStringLiteral("task_id"))},
                    {QStringLiteral("exit_code"), 0},
                    {QStringLiteral("signal"), 0},
                    {QStringLiteral("stdout"), QStringLiteral("ok\n")},
                    {QStringLiteral("stderr"), QString()},
                    {QStringLiteral("stdout_truncated"), false},
                    {QStringLiteral("stderr_truncated"), false},
                    {QStringLiteral("duration_ms"), 0},
                    {QStringLiteral("timed_out"), false},
                    {QStringLiteral("cancelled"), false}};
            } else {
                response.ok = false;
                response.errorCode = QStringLiteral("CAPABILITY_DISABLED");
                response.errorMessage = QStringLiteral("the simulated agent does not do that");
            }
            agent.socket->sendTextMessage(QString::fromUtf8(fleet::serialize(response)));
        }
        // settings: the simulator keeps its own interval.
    }

    // Sends the reports that are due: agent k of this thread at
    // start + round × interval + its phase.
    void tick()
    {
        const qint64 now = steadyNs();
        if (m_agents.empty())
            return;
        while (true) {
            SimAgent &agent = *m_agents[m_cursor];
            if (m_startNs + m_round * m_intervalNs + agent.phaseNs > now)
                return;
            if (agent.state == SimState::Streaming)
                sendReport(agent);
            if (++m_cursor == m_agents.size()) {
                m_cursor = 0;
                ++m_round;
            }
        }
    }

    void sendReport(SimAgent &agent)
    {
        fleet::ReportMessage report;
        report.seq = agent.seq + 1;
        report.timeMs = QDateTime::currentMSecsSinceEpoch();
        report.metrics = agent.machine->next(double(m_intervalNs) / 1e9);
        const QString text = QString::fromUtf8(fleet::serialize(report));
        agent.inFlight.emplace_back(report.seq, steadyNs());
        if (agent.socket->sendTextMessage(text) <= 0) {
            agent.inFlight.pop_back();
            return;
        }
        agent.seq = report.seq;
        m_shared->sent.fetch_add(1, std::memory_order_relaxed);
    }

    std::shared_ptr<Shared> m_shared;
    qint64 m_intervalNs;
    bool m_answerTasks = false;
    QThread m_thread;
    QObject m_context;
    std::vector<std::unique_ptr<SimAgent>> m_agents;
    std::unique_ptr<QTimer> m_timer;
    qint64 m_startNs = 0;
    qint64 m_round = 0;
    size_t m_cursor = 0;
    std::vector<qint64> m_latenciesUs;
    std::vector<std::pair<qint64, qint64>> m_slowAcks; // (ack ns, latency µs)
    bool m_closing = false;
    std::minstd_rand m_random{std::random_device{}()};
};

SimulatedAgents::SimulatedAgents(Options options)
    : m_options(std::move(options)), m_shared(std::make_shared<Shared>())
{
    m_options.threads = std::max(1, m_options.threads);
    m_options.intervalMs = std::max(1, m_options.intervalMs);
    for (int i = 0; i < m_options.threads; ++i)
        m_workers.push_back(
            std::make_unique<Worker>(m_shared, m_options.intervalMs, m_options.answerTasks));
}

SimulatedAgents::~SimulatedAgents() = default;

QString SimulatedAgents::enrol(int timeoutMs)
{
    QNetworkAccessManager network;
    const int count = m_options.count;
    int next = 0;
    int inFlight = 0;
    int done = 0;
    QString failure;
    const auto url = [this](const QString &path) {
        QUrl u = m_options.server;
        u.setPath(path);
        return u;
    };
    const auto post = [&](const QString &path, const QJsonObject &body,
                          const QList<std::pair<QByteArray, QByteArray>> &headers) {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
    // The body of a reply, or a failure naming the step (never the secret).
    const auto answer = [&](QNetworkReply *reply, int expected, const char *step) {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != expected && failure.isEmpty())
            failure = QStringLiteral("%1 answered HTTP %2 %3")
                          .arg(QLatin1String(step))
                          .arg(status)
                          .arg(QString::fromUtf8(
                              QJsonDocument(body.value(QStringLiteral("error")).toObject())
                                  .toJson(QJsonDocument::Compact)));
        return status == expected ? body.value(QStringLiteral("data")).toObject() : QJsonObject();
    };
    std::function<void()> launch;
    const auto finishOne = [&] {
        --inFlight;
        ++done;
        launch();
    };
    launch = [&] {
        while (failure.isEmpty() && next < count && inFlight < m_options.enrolInFlight) {
            const int index = next++;
            ++inFlight;
            const QString name = QStringLiteral("%1-%2")
                                     .arg(m_options.namePrefix)
                                     .arg(index + 1, 5, 10, QLatin1Char('0'));
            QNetworkReply *created =
                post(QStringLiteral("/api/v1/nodes"),
                     {{QStringLiteral("name"), name},
                      {QStringLiteral("expires_in_hours"), 24},
                      {QStringLiteral("labels"), QJsonArray::fromStringList(m_options.labels)}},
                     {{"Authorization", "Bearer " + m_options.adminToken.toLatin1()}});
            QObject::connect(created, &QNetworkReply::finished, created, [&, created, index] {
                const QJsonObject data = answer(created, 201, "POST /api/v1/nodes");
                const QString secret = data.value(QStringLiteral("enrolment"))
                                           .toObject()
                                           .value(QStringLiteral("secret"))
                                           .toString();
                if (secret.isEmpty())
                    return finishOne();
                auto keys =
                    std::make_shared<crypto::SigningKeyPair>(crypto::generateSigningKeyPair());
                const QJsonObject body{
                    {QStringLiteral("public_key"), QString::fromLatin1(keys->publicKey.toBase64())},
                    {QStringLiteral("ip"), QStringLiteral("10.%1.%2.%3")
                                               .arg((index >> 16) & 255)
                                               .arg((index >> 8) & 255)
                                               .arg(index & 255)},
                    {QStringLiteral("os"), QStringLiteral("Linux")},
                    {QStringLiteral("arch"), QStringLiteral("x86_64")},
                    {QStringLiteral("cpu_cores"), kCores},
                    {QStringLiteral("cpu_model"), QStringLiteral("Simulated CPU")},
                    {QStringLiteral("memory_total"), 32 * kGiB},
                    {QStringLiteral("disk_total"), 512e9},
                    {QStringLiteral("agent_version"), QStringLiteral("simulated")},
                    {QStringLiteral("capabilities"),
                     m_options.answerTasks
                         ? QJsonArray{QStringLiteral("metrics"), QStringLiteral("tasks")}
                         : QJsonArray{QStringLiteral("metrics")}}};
                QNetworkReply *registered = post(QStringLiteral("/api/v1/nodes/register"), body,
                                                 {{"X-Secret-Key", secret.toLatin1()}});
                QObject::connect(
                    registered, &QNetworkReply::finished, registered, [&, registered, index, keys] {
                        const QJsonObject enrolled =
                            answer(registered, 201, "POST /api/v1/nodes/register");
                        const QString nodeId = enrolled.value(QStringLiteral("node_id")).toString();
                        if (!nodeId.isEmpty()) {
                            auto agent = std::make_unique<SimAgent>();
                            agent->index = index;
                            agent->nodeId = nodeId;
                            agent->secretKey = std::move(keys->secretKey);
                            agent->machine =
                                std::make_unique<SimMachine>(quint32(index * 7919 + 17));
                            agent->phaseNs = qint64(m_options.intervalMs) * 1000000 * index / count;
                            auto &list =
                                m_workers[size_t(index) % m_workers.size()]->agentsBeforeStart();
                            list.push_back(std::move(agent));
                        }
                        finishOne();
                    });
            });
        }
    };
    launch();
    simWaitFor([&] { return done == count || (!failure.isEmpty() && inFlight == 0); }, timeoutMs);
    // Replies still running (a timeout) must not call back into this frame.
    for (QNetworkReply *reply : network.findChildren<QNetworkReply *>()) {
        reply->disconnect();
        reply->abort();
    }
    if (!failure.isEmpty())
        return failure;
    if (done < count)
        return QStringLiteral("enrolment did not finish within %1 ms (%2 of %3)")
            .arg(timeoutMs)
            .arg(done)
            .arg(count);
    // Replies finish out of order: each thread paces its agents by phase.
    for (auto &worker : m_workers) {
        auto &list = worker->agentsBeforeStart();
        std::sort(list.begin(), list.end(),
                  [](const auto &a, const auto &b) { return a->index < b->index; });
    }
    return {};
}

QString SimulatedAgents::connectAll(int timeoutMs)
{
    QUrl url = m_options.server;
    url.setScheme(m_options.server.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                      : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws/agent"));
    QElapsedTimer timer;
    timer.start();
    // Like a real agent, each reports from its welcome on: the server
    // closes one silent for three intervals, and connecting thousands takes
    // longer than that.
    if (!m_reporting) {
        m_reporting = true;
        const qint64 start = steadyNs();
        for (auto &worker : m_workers)
            worker->startReporting(start);
    }
    const size_t threads = m_workers.size();
    const int count = m_options.count;
    for (int first = 0; first < count; first += m_options.connectBatch) {
        const int last = std::min(count, first + m_options.connectBatch);
        // Agent i is at position i / threads of thread i % threads.
        std::vector<std::vector<size_t>> positions(threads);
        for (int i = first; i < last; ++i)
            positions[size_t(i) % threads].push_back(size_t(i) / threads);
        for (size_t t = 0; t < threads; ++t)
            m_workers[t]->open(url, std::move(positions[t]));
        const bool all = simWaitFor([&] { return m_shared->welcomed.load() >= last; },
                                    int(std::max<qint64>(1, timeoutMs - timer.elapsed())));
        if (!all) {
            m_shared->reconnecting = false;
            return QStringLiteral("%1 of %2 agents welcomed within %3 ms (%4)")
                .arg(m_shared->welcomed.load())
                .arg(last)
                .arg(timeoutMs)
                .arg(closeReasons());
        }
    }
    // Wait for those reconnecting after their welcome, then closes are final.
    simWaitFor(
        [&] {
            int streaming = 0;
            for (auto &worker : m_workers)
                streaming += worker->streamingCount();
            return streaming >= count;
        },
        int(std::max<qint64>(1, timeoutMs - timer.elapsed())));
    m_shared->reconnecting = false;
    return {};
}

QString SimulatedAgents::stop(int drainMs)
{
    for (auto &worker : m_workers)
        worker->stopReporting();
    QString failure;
    if (!simWaitFor([&] { return m_shared->acked.load() >= m_shared->sent.load(); }, drainMs))
        failure = QStringLiteral("%1 reports not acknowledged %2 ms after the last was sent")
                      .arg(m_shared->sent.load() - m_shared->acked.load())
                      .arg(drainMs);
    for (auto &worker : m_workers)
        worker->closeAll();
    const int opened = m_shared->welcomed.load();
    simWaitFor([&] { return m_shared->closed.load() >= opened; }, 10000);
    return failure;
}

QString SimulatedAgents::closeReasons() const
{
    QMap<QString, int> reasons;
    for (const auto &worker : m_workers)
        worker->closeReasons(reasons);
    QStringList parts;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        parts << QStringLiteral("%1× %2").arg(it.value()).arg(it.key());
    return parts.join(QStringLiteral("; "));
}

SimulatedAgents::Totals SimulatedAgents::totals() const
{
    return Totals{m_shared->sent.load(), m_shared->acked.load(), m_shared->welcomed.load(),
                  m_shared->closed.load(), m_shared->reconnects.load()};
}

QList<SimulatedAgents::AgentRecord> SimulatedAgents::agents() const
{
    QList<std::pair<int, AgentRecord>> records;
    for (const auto &worker : m_workers)
        worker->collect(&records, nullptr, nullptr);
    std::sort(records.begin(), records.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<AgentRecord> out;
    out.reserve(records.size());
    for (const auto &record : records)
        out.append(record.second);
    return out;
}

std::vector<std::pair<qint64, qint64>> SimulatedAgents::slowAcks() const
{
    std::vector<std::pair<qint64, qint64>> slow;
    for (const auto &worker : m_workers)
        worker->collect(nullptr, nullptr, &slow);
    return slow;
}

std::vector<qint64> SimulatedAgents::ackLatenciesUs() const
{
    std::vector<qint64> latencies;
    for (const auto &worker : m_workers)
        worker->collect(nullptr, &latencies, nullptr);
    return latencies;
}

} // namespace hm::test
