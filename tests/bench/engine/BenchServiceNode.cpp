// The "service" node's cost per call over a plain HTTP call (issue 13 item
// 4; goal: < 50 µs per call of overhead). The loopback HTTP peer
// (tests/support/ServicePeer.h, a small JSON body on a kept-alive
// connection) runs in a child process (this program with --peer), so what
// the process measures is the client's work only; FixedServiceResolver
// stands in for the server's resolver (an endpoint copy and an already
// cached credential).
//
// Three ways of making the same call, each on the main thread's event loop:
//   direct: QNetworkAccessManager GET of the same URL, query and headers
//     (Authorization included), reply read: the baseline.
//   executor: ServiceCallExecutor::start() to its outcome: resolver,
//     request building, auth injection, body decoding, masking.
//   flow: a one-node flow triggered on a Scheduler (NullExecutionJournal,
//     history none): what the engine adds on top.
//
// Modes (tests/bench/engine/service-overhead.sh runs the last two):
//   (no mode)  Google Benchmark, wall time per call (BM_DirectCall, ...).
//   --cpu [--rounds=R] [--calls=N]: R rounds, each making N calls of every
//     way in a rotating order, timing each batch with the CPU time of the
//     whole process (all its threads: QNetworkAccessManager's HTTP thread
//     too, not the peer's). Prints per way the median CPU µs per call and
//     the median of the per-round differences to the direct call.
//   --callgrind=direct|executor|flow [--calls=N]: under valgrind
//     --tool=callgrind --instr-atstart=no: warms up, then collects the
//     instructions of N calls (all threads) and dumps them ("measured").

#include "FixedServiceResolver.h"
#include "ServicePeer.h"
#include "engine/Scheduler.h"
#include "engine/builtins/Builtins.h"
#include "engine/services/ServiceCallExecutor.h"
#include "flow/FlowCompiler.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSocketNotifier>
#include <QTextStream>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <ctime>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(name)
#define RUNNING_ON_VALGRIND 0
#endif

using namespace hm;
using namespace hm::engine;

namespace svcbench {

const QByteArray kToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJlc2lnbmF0dXJl";
const QByteArray kBody = R"({"id":42,"name":"benchmark","tags":["a","b"],"ok":true})";

// The peer's side: this program started with --peer. Prints its port, then
// answers until its standard input closes (the parent went away).
int runPeer()
{
    test::ServicePeer peer;
    peer.setHandler([&peer](const test::ServicePeer::Request &) {
        peer.clear(); // keep no history: the peer answers for as long as it runs
        test::ServicePeer::Response response;
        response.body = kBody;
        response.headers.append({"X-Peer-Connections", QByteArray::number(peer.connections())});
        return response;
    });
    std::printf("%d\n", peer.url().port());
    std::fflush(stdout);
    QSocketNotifier closed(0, QSocketNotifier::Read);
    QObject::connect(&closed, &QSocketNotifier::activated, [&] {
        char c;
        if (::read(0, &c, 1) <= 0)
            QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

struct Setup
{
    QProcess peerProcess;
    QUrl peerUrl;
    test::FixedServiceResolver resolver;
    QNetworkAccessManager network;

    Setup()
    {
        peerProcess.setProgram(QCoreApplication::applicationFilePath());
        peerProcess.setArguments({QStringLiteral("--peer")});
        peerProcess.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        peerProcess.start();
        if (!peerProcess.waitForStarted(10000) || !peerProcess.waitForReadyRead(10000))
            qFatal("the peer process did not start");
        const int port = peerProcess.readLine().trimmed().toInt();
        peerUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));

        ServiceEndpointSpec spec;
        spec.serviceId = QStringLiteral("bench");
        spec.endpointId = QStringLiteral("get");
        spec.method = QStringLiteral("GET");
        spec.baseUrl = peerUrl.resolved(QUrl(QStringLiteral("/api")));
        spec.path = QStringLiteral("/items/{id}");
        spec.parameters = {ServiceParameter{"id", "path", "integer", true, {}},
                           ServiceParameter{"verbose", "query", "boolean", false, {}},
                           ServiceParameter{"X-Trace", "header", "string", false, {}}};
        resolver.setEndpoint(spec);
        ServiceAuth auth;
        auth.headers.append({"Authorization", "Bearer " + kToken});
        auth.secrets = {QString::fromLatin1(kToken)};
        resolver.setAuth(auth);
    }
    ~Setup()
    {
        peerProcess.closeWriteChannel();
        if (!peerProcess.waitForFinished(5000))
            peerProcess.kill();
    }

    QJsonObject inputs() const
    {
        return QJsonObject{{QStringLiteral("id"), 42},
                           {QStringLiteral("verbose"), true},
                           {QStringLiteral("X-Trace"), QStringLiteral("bench-1")}};
    }
    QJsonObject config() const
    {
        return QJsonObject{{QStringLiteral("serviceId"), QStringLiteral("bench")},
                           {QStringLiteral("endpointId"), QStringLiteral("get")}};
    }
};

Setup &setup()
{
    static Setup s;
    return s;
}

// One way of making the call. call() makes one and says why it failed.
class Way
{
public:
    virtual ~Way() = default;
    virtual QString call() = 0;
};

class DirectWay final : public Way
{
public:
    explicit DirectWay(Setup &s)
        : m_s(s), m_request(s.peerUrl.resolved(QUrl(QStringLiteral("/api/items/42?verbose=true"))))
    {
        m_request.setRawHeader("X-Trace", "bench-1");
        m_request.setRawHeader("Authorization", "Bearer " + kToken);
    }
    QString call() override
    {
        QNetworkReply *reply = m_s.network.get(m_request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        connections = reply->rawHeader("X-Peer-Connections").toInt();
        benchmark::DoNotOptimize(reply->readAll());
        delete reply;
        return status == 200 ? QString()
                             : QStringLiteral("the direct call answered %1").arg(status);
    }
    int connections = 0; // accepted by the peer so far, as its last answer said

private:
    Setup &m_s;
    QNetworkRequest m_request;
};

class ExecutorWay final : public Way
{
public:
    explicit ExecutorWay(Setup &s) : m_executor(&s.resolver, &s.network)
    {
        m_task.executionId = QStringLiteral("exec-1");
        m_task.nodeId = QStringLiteral("call");
        m_task.component = QString::fromLatin1(kServiceComponent);
        m_task.version = QString::fromLatin1(kServiceVersion);
        m_task.config = s.config();
        m_task.inputs = s.inputs();
    }
    QString call() override
    {
        std::optional<NodeOutcome> outcome;
        QEventLoop loop;
        auto run = m_executor.start(m_task, [&](NodeOutcome o) {
            outcome = std::move(o);
            loop.quit();
        });
        if (!outcome)
            loop.exec();
        if (outcome->kind != NodeOutcome::Kind::Completed)
            return outcome->error.toString();
        benchmark::DoNotOptimize(outcome);
        return {};
    }

private:
    ServiceCallExecutor m_executor;
    NodeTask m_task;
};

class FlowWay final : public Way
{
public:
    explicit FlowWay(Setup &s) : m_registry(std::make_shared<ExecutorRegistry>())
    {
        registerBuiltins(*m_registry);
        registerServiceNode(*m_registry, &s.resolver, &s.network);
        flow::FlowDefinition def;
        flow::NodeDef node;
        node.id = QStringLiteral("call");
        node.component = QString::fromLatin1(kServiceComponent);
        node.version = QString::fromLatin1(kServiceVersion);
        node.config = s.config();
        node.inputMappings = QJsonObject{{QStringLiteral("id"), QStringLiteral("$.trigger.id")},
                                         {QStringLiteral("verbose"), true},
                                         {QStringLiteral("X-Trace"), QStringLiteral("bench-1")}};
        def.nodes.append(node);
        flow::FlowSettings settings;
        settings.historyLevel = flow::HistoryLevel::None;
        auto compiled = flow::compile(def, settings, *m_registry);
        if (!compiled)
            qFatal("%s", qPrintable(compiled.error().toString()));
        EngineOptions options;
        options.jitterSeed = 1;
        m_scheduler = std::make_unique<Scheduler>(m_registry, &m_journal, FlowLoader{}, options);
        m_scheduler->setEventSink([this](const EngineEvent &event) {
            if (event.type == EngineEvent::Type::ExecutionCompleted) {
                m_endStatus = event.status;
                if (m_waiting)
                    m_waiting->quit();
            }
        });
        m_request = std::make_unique<TriggerRequest>(
            TriggerRequest{QStringLiteral("svc"), QStringLiteral("1"), compiled.value(),
                           QJsonObject{{QStringLiteral("id"), 42}}, QStringLiteral("bench")});
    }
    QString call() override
    {
        m_endStatus.clear();
        QEventLoop loop;
        m_waiting = &loop;
        auto r = m_scheduler->trigger(*m_request);
        if (!r) {
            m_waiting = nullptr;
            return r.error().toString();
        }
        if (m_endStatus.isEmpty())
            loop.exec();
        m_waiting = nullptr;
        if (m_endStatus != QLatin1String("completed"))
            return QStringLiteral("the flow ended %1").arg(m_endStatus);
        if (++m_calls % 1024 == 0)
            m_scheduler->purgeExpired(std::numeric_limits<qint64>::max() / 2);
        return {};
    }

private:
    std::shared_ptr<ExecutorRegistry> m_registry;
    NullExecutionJournal m_journal;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<TriggerRequest> m_request;
    QEventLoop *m_waiting = nullptr;
    QString m_endStatus;
    int m_calls = 0;
};

void runWay(benchmark::State &state, Way &way)
{
    for (auto _ : state) {
        const QString failure = way.call();
        if (!failure.isEmpty()) {
            state.SkipWithError(qPrintable(failure));
            return;
        }
    }
    state.counters["calls/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_DirectCall(benchmark::State &state)
{
    DirectWay way(setup());
    runWay(state, way);
    state.counters["connections"] = way.connections;
}
BENCHMARK(BM_DirectCall)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_ServiceExecutor(benchmark::State &state)
{
    ExecutorWay way(setup());
    runWay(state, way);
}
BENCHMARK(BM_ServiceExecutor)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_ServiceNodeFlow(benchmark::State &state)
{
    FlowWay way(setup());
    runWay(state, way);
}
BENCHMARK(BM_ServiceNodeFlow)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The process's CPU time so far (all threads), in µs: user and system.
struct CpuTimes
{
    double user = 0;
    double system = 0;
};
CpuTimes cpuNow()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return {usage.ru_utime.tv_sec * 1e6 + static_cast<double>(usage.ru_utime.tv_usec),
            usage.ru_stime.tv_sec * 1e6 + static_cast<double>(usage.ru_stime.tv_usec)};
}
double wallMicros()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// Makes n calls; false (and a message on stderr) when one fails.
bool callMany(Way &way, int n)
{
    for (int i = 0; i < n; ++i) {
        const QString failure = way.call();
        if (!failure.isEmpty()) {
            std::fprintf(stderr, "call failed: %s\n", qPrintable(failure));
            return false;
        }
    }
    return true;
}

double quantile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

QString summary(const std::vector<double> &v)
{
    return QStringLiteral("median %1  p25 %2  p75 %3  min %4  max %5")
        .arg(quantile(v, 0.5), 7, 'f', 1)
        .arg(quantile(v, 0.25), 7, 'f', 1)
        .arg(quantile(v, 0.75), 7, 'f', 1)
        .arg(quantile(v, 0.0), 7, 'f', 1)
        .arg(quantile(v, 1.0), 7, 'f', 1);
}

int optionValue(const QStringList &args, const QString &name, int fallback)
{
    for (const QString &a : args) {
        if (a.startsWith(name + u'='))
            return a.mid(name.size() + 1).toInt();
    }
    return fallback;
}

int runCpu(const QStringList &args)
{
    const int rounds = optionValue(args, QStringLiteral("--rounds"), 15);
    const int calls = optionValue(args, QStringLiteral("--calls"), 500);
    Setup &s = setup();
    DirectWay direct(s);
    ExecutorWay executor(s);
    FlowWay flow(s);
    Way *ways[] = {&direct, &executor, &flow};
    const char *names[] = {"direct", "executor", "flow"};
    for (Way *way : ways) {
        if (!callMany(*way, 200)) // warm-up: connection, caches, first allocations
            return 1;
    }
    // Per way and round, µs per call: [0] user+system, [1] user, [2] system, [3] wall.
    constexpr int kKinds = 4;
    const char *kinds[kKinds] = {"CPU (user+system)", "user CPU", "system CPU", "wall"};
    std::vector<double> per[3][kKinds], over[2][kKinds];
    for (int round = 0; round < rounds; ++round) {
        double now[3][kKinds];
        for (int k = 0; k < 3; ++k) {
            const int w = (round + k) % 3; // rotate the order: no way always runs first
            const CpuTimes c0 = cpuNow();
            const double w0 = wallMicros();
            if (!callMany(*ways[w], calls))
                return 1;
            const CpuTimes c1 = cpuNow();
            now[w][1] = (c1.user - c0.user) / calls;
            now[w][2] = (c1.system - c0.system) / calls;
            now[w][0] = now[w][1] + now[w][2];
            now[w][3] = (wallMicros() - w0) / calls;
        }
        for (int kind = 0; kind < kKinds; ++kind) {
            for (int w = 0; w < 3; ++w)
                per[w][kind].push_back(now[w][kind]);
            for (int w = 1; w < 3; ++w)
                over[w - 1][kind].push_back(now[w][kind] - now[0][kind]);
        }
    }
    QTextStream out(stdout);
    out << "rounds " << rounds << ", calls per way and round " << calls
        << ", connections the peer accepted " << direct.connections << "\n";
    out << "µs per call of this process (all its threads; the peer is another process)\n";
    for (int kind = 0; kind < kKinds; ++kind) {
        out << kinds[kind] << ":\n";
        for (int w = 0; w < 3; ++w)
            out << QStringLiteral("  %1 %2\n")
                       .arg(QLatin1String(names[w]), -18)
                       .arg(summary(per[w][kind]));
        for (int w = 1; w < 3; ++w)
            out << QStringLiteral("  %1 %2\n")
                       .arg(QLatin1String(names[w]) + QLatin1String(" - direct"), -18)
                       .arg(summary(over[w - 1][kind]));
    }
    return 0;
}

int runCallgrind(const QString &which, const QStringList &args)
{
    const int calls = optionValue(args, QStringLiteral("--calls"), 1000);
    Setup &s = setup();
    std::unique_ptr<Way> way;
    if (which == QLatin1String("direct"))
        way = std::make_unique<DirectWay>(s);
    else if (which == QLatin1String("executor"))
        way = std::make_unique<ExecutorWay>(s);
    else if (which == QLatin1String("flow"))
        way = std::make_unique<FlowWay>(s);
    else {
        std::fprintf(stderr, "--callgrind=direct|executor|flow\n");
        return 2;
    }
    if (!callMany(*way, 200))
        return 1;
    CALLGRIND_START_INSTRUMENTATION;
    CALLGRIND_ZERO_STATS;
    const bool ok = callMany(*way, calls);
    CALLGRIND_DUMP_STATS_AT("measured");
    CALLGRIND_STOP_INSTRUMENTATION;
    if (!ok)
        return 1;
    std::printf("%s: %d calls measured%s\n", qPrintable(which), calls,
                RUNNING_ON_VALGRIND ? "" : " (not under valgrind: nothing collected)");
    return 0;
}

} // namespace svcbench

int main(int argc, char **argv)
{
    // The event dispatcher hivemind-server runs with (server/main.cpp): Qt's
    // own, not GLib's. GLib's wakes its loop with one eventfd write per
    // posted event, the engine's hand-offs would cost system calls here that
    // they do not cost in the server. An empty QT_NO_GLIB= keeps GLib.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    // The node's log lines go to the history, not to stderr, here.
    QLoggingCategory::setFilterRules(QStringLiteral("hivemind.*.info=false"));
    const QStringList args = QCoreApplication::arguments();
    if (args.contains(QLatin1String("--peer")))
        return svcbench::runPeer();
    if (args.contains(QLatin1String("--cpu")))
        return svcbench::runCpu(args);
    for (const QString &a : args) {
        if (a.startsWith(QLatin1String("--callgrind=")))
            return svcbench::runCallgrind(a.mid(12), args);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
