// WebSocket fan-out of execution events through the real hivemind-server:
// many clients subscribed to one execution of an 8-node flow (18 events per
// run), triggered several times, in two shapes:
//   burst  all 18 events within a fraction of a millisecond (a gate, six
//          parallel noops, a join)
//   paced  a chain of delays of --step-ms (default 25): a node ends and the
//          next starts every step
// Reports per-client delivery latency of each event — the time the client
// process received it minus the engine's monotonic mark at emission
// ("emitted_ns", server started with --ws-latency-marks; steady_clock is
// CLOCK_MONOTONIC, shared by both processes) — as p50/p99/max, and the
// delivered messages per second (events delivered over the time from the
// first emission to the last receipt of each run; for "paced" bounded by
// the flow's own pace). Goal: p99 < 50 ms with 1,000 clients.
//
//   BenchWsFanout [--clients N] [--runs R] [--threads T] [--step-ms S]
//
// Each run subscribes every client to an execution that is queued behind a
// blocking one, then cancels the blocker: all clients see all events. The
// clients run on T threads of this process (default 4) on the same machine,
// so their own processing is part of the figures.

#include "../server/FlowTestSupport.h"
#include "ClientThreadPool.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>

using namespace hm::test;

namespace {

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// burst: a gate, six parallel noops, a join — the 18 events leave the
// engine within a fraction of a millisecond.
QJsonObject burstFlow()
{
    QJsonArray nodes{flowNode("gate", "delay", {{"ms", "$.trigger.ms"}}), flowNode("join", "noop")};
    QJsonArray edges;
    for (int i = 0; i < 6; ++i) {
        const QString id = QStringLiteral("n%1").arg(i);
        nodes.append(flowNode(id, "noop"));
        edges.append(flowEdge("gate", id));
        edges.append(flowEdge(id, "join"));
    }
    return flowDefinition(nodes, edges);
}

// paced: a gate and a chain of seven `stepMs` delays — two events (one
// node ends, the next starts) every step.
QJsonObject pacedFlow(int stepMs)
{
    QJsonArray nodes{flowNode("gate", "delay", {{"ms", "$.trigger.ms"}})};
    QJsonArray edges;
    QString previous = QStringLiteral("gate");
    for (int i = 0; i < 7; ++i) {
        const QString id = QStringLiteral("d%1").arg(i);
        nodes.append(flowNode(id, "delay", {}, {{"ms", stepMs}}));
        edges.append(flowEdge(previous, id));
        previous = id;
    }
    return flowDefinition(nodes, edges);
}

// One subscriber. Lives on a client thread; its data is read by the main
// thread only after `closed` counted it (atomic release/acquire).
struct Client
{
    std::unique_ptr<QWebSocket> socket;
    QList<QPair<qint64, QString>> received; // receive time, text
    int closeCode = 0;
};

// The subscribers, spread over a few client threads (ClientThreadPool.h).
class ClientThreads
{
public:
    explicit ClientThreads(int threads) : m_pool(threads) {}
    // Opens clients [first, last) on `url`, round robin over the threads.
    void open(const QUrl &url, int first, int last)
    {
        for (int i = first; i < last; ++i)
            m_pool.add(
                i, std::make_unique<Client>(),
                [this, url](Client &client) {
                    client.socket = std::make_unique<QWebSocket>();
                    Client *c = &client;
                    QObject::connect(c->socket.get(), &QWebSocket::textMessageReceived,
                                     [this, c](const QString &text) {
                                         if (c->received.isEmpty())
                                             snapshots.fetch_add(1, std::memory_order_release);
                                         c->received.append({monotonicNs(), text});
                                     });
                    QObject::connect(c->socket.get(), &QWebSocket::disconnected, [this, c] {
                        c->closeCode = c->socket->closeCode();
                        closed.fetch_add(1, std::memory_order_release);
                    });
                    c->socket->open(url);
                },
                Qt::BlockingQueuedConnection);
    }
    // Every client, once `closed` counted them all.
    template <typename F> void forEach(F f) { m_pool.forEach(f); }
    void clear()
    {
        m_pool.clear();
        snapshots = 0;
        closed = 0;
    }

    std::atomic<int> snapshots{0};
    std::atomic<int> closed{0};

private:
    ClientThreadPool<Client> m_pool;
};

double percentile(std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t index = std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5));
    return double(sorted[index]) / 1e6;
}

// Waits without spinning (a busy main thread would compete with the
// server and the client threads): checks `done` every 2 ms.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || timer.elapsed() > timeoutMs)
            loop.quit();
    });
    tick.start(2);
    if (!done())
        loop.exec();
    return done();
}

int fail(const char *what)
{
    std::fprintf(stderr, "BenchWsFanout: %s\n", what);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int clients = 1000;
    int runs = 5;
    int threads = 4;
    int stepMs = 25;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--clients"))
            clients = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--threads"))
            threads = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--step-ms"))
            stepMs = std::max(1, args[i + 1].toInt());
    }
    // Both processes need a descriptor per client (the server inherits it).
    if (const auto raised = raiseFileLimit(2 * clients + 256))
        std::printf("RLIMIT_NOFILE raised to %llu\n", static_cast<unsigned long long>(*raised));

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail("no temporary directory");
    ServerProcess server(dir.path());
    const QUrl url = startAuthServer(server, {QStringLiteral("--ws-latency-marks")});
    if (url.isEmpty())
        return fail("the server did not start");
    Http http(url);
    const QString token = http.accessToken(kAdmin, kAdminPassword);
    // Published in queue mode with one slot (empty id on failure).
    const auto publish = [&](const QString &name, const QJsonObject &definition) {
        return createPublishedFlow(http, token, name, definition,
                                   concurrency(QStringLiteral("queue")));
    };

    ClientThreads pool(threads);
    // One scenario: `runs` executions of the flow, every client on each.
    const auto scenario = [&](const char *name, const QString &flowId) -> bool {
        std::vector<qint64> latencies;
        qint64 messages = 0;
        double busySeconds = 0;
        for (int run = 0; run < runs; ++run) {
            const auto triggerWith = [&](int ms) {
                return http
                    .json("POST", "/api/v1/flows/" + flowId + "/trigger",
                          {{"inputs", QJsonObject{{"ms", ms}}}}, token)
                    .data()
                    .value("execution_id")
                    .toString();
            };
            const QString blocker = triggerWith(600000);
            const QString target = triggerWith(0);
            if (blocker.isEmpty() || target.isEmpty())
                return fail("trigger failed") == 0;

            // Subscribe in batches (the listen backlog is finite), each
            // batch waiting for its snapshots.
            QUrl wsUrl = url;
            wsUrl.setScheme(QStringLiteral("ws"));
            wsUrl.setPath(QStringLiteral("/ws/executions/") + target);
            wsUrl.setQuery(QStringLiteral("token=") + token);
            constexpr int kBatch = 100;
            for (int first = 0; first < clients; first += kBatch) {
                const int last = std::min(clients, first + kBatch);
                pool.open(wsUrl, first, last);
                if (!waitFor([&] { return pool.snapshots.load() + pool.closed.load() >= last; },
                             60000))
                    return fail("clients did not get their snapshots") == 0;
            }
            if (pool.closed.load() > 0)
                return fail("a client was closed before the execution ran") == 0;
            if (http.json("POST", "/api/v1/executions/" + blocker + "/cancel", {}, token).status !=
                200)
                return fail("cancel failed") == 0;
            if (!waitFor([&] { return pool.closed.load(std::memory_order_acquire) >= clients; },
                         120000))
                return fail("clients were not closed at the end of the execution") == 0;

            qint64 firstEmitted = std::numeric_limits<qint64>::max();
            qint64 lastReceived = 0;
            bool badClose = false;
            qsizetype perClient = 0;
            pool.forEach([&](const Client &c) {
                badClose = badClose || c.closeCode != 1000;
                perClient = c.received.size() - 1; // [0] is the snapshot
                for (qsizetype k = 1; k < c.received.size(); ++k) {
                    const QJsonObject json =
                        QJsonDocument::fromJson(c.received[k].second.toUtf8()).object();
                    const qint64 emitted = json.value("emitted_ns").toInteger();
                    if (json.value("execution_id").toString() != target || emitted == 0)
                        continue;
                    latencies.push_back(c.received[k].first - emitted);
                    firstEmitted = std::min(firstEmitted, emitted);
                    lastReceived = std::max(lastReceived, c.received[k].first);
                    ++messages;
                }
            });
            pool.clear();
            if (badClose)
                return fail("a client was closed with another code than 1000") == 0;
            busySeconds += double(lastReceived - firstEmitted) / 1e9;
            if (perClient != 18)
                return fail("a client missed events") == 0;
        }
        std::sort(latencies.begin(), latencies.end());
        std::printf("%s: %lld events to %d clients over %d runs; latency p50 %.2f ms, "
                    "p99 %.2f ms, max %.2f ms (goal p99 < 50 ms); %.0f messages/s\n",
                    name, static_cast<long long>(messages), clients, runs,
                    percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies.empty() ? 0.0 : double(latencies.back()) / 1e6,
                    busySeconds > 0 ? double(messages) / busySeconds : 0.0);
        std::fflush(stdout);
        return true;
    };

    const QString burst = publish(QStringLiteral("burst"), burstFlow());
    const QString paced = publish(QStringLiteral("paced"), pacedFlow(stepMs));
    if (burst.isEmpty() || paced.isEmpty())
        return fail("cannot create the flows");
    if (!scenario("burst", burst) || !scenario("paced", paced))
        return 1;
    server.process().terminate();
    server.process().waitForFinished(30000);
    return 0;
}
