// Scheduler hot path, in-process, NullExecutionJournal, noop nodes.
//   BM_WideDag: node executions/s through one wide DAG (goal >= 200k/s).
//   BM_Chain10Summary: executions/s of a 10-node chain, history summary
//     (goal >= 30k/s).
//   BM_MemoryPerCompletedNode: bytes held per node of completed executions
//     kept in memory (delta of allocator::allocatedBytes(); goal < 4 KiB).
//   BM_TransformChain10: executions/s of the HTTP benchmark's chain flow
//     (tests/bench/http/hivemind.sh hm_chain_definition): 10 `transform`
//     nodes, each mapping "v" from the node before and writing
//     {v: "$.inputs.v", step: i}; history none.
//   BM_TransformChain10HistoryAll: the same chain at history `all` through
//     the server's journal (StoreExecutionJournal, a real WriteBehindQueue
//     on a real SQLCipher file). Each iteration triggers 1,000 executions
//     and waits for the writer, so the figure is the slower of the engine
//     (this thread) and the history writer: the writer, on these machines.

#include "allocator/Allocator.h"
#include "crypto/Random.h"
#include "engine/Scheduler.h"
#include "engine/builtins/Builtins.h"
#include "engine_store/StoreExecutionJournal.h"
#include "flow/FlowCompiler.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/WriteBehindQueue.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <malloc.h>

using namespace hm;
using namespace hm::engine;

namespace {

std::shared_ptr<ExecutorRegistry> registry()
{
    static auto reg = [] {
        auto r = std::make_shared<ExecutorRegistry>();
        registerBuiltins(*r);
        return r;
    }();
    return reg;
}

flow::CompiledFlowPtr compileFlow(const flow::FlowDefinition &def, const char *history)
{
    flow::FlowSettings settings;
    settings.historyLevel = *flow::historyLevelFromName(QString::fromLatin1(history));
    auto compiled = flow::compile(def, settings, *registry());
    if (!compiled)
        qFatal("%s", qPrintable(compiled.error().toString()));
    return compiled.value();
}

flow::NodeDef noop(const QString &id)
{
    flow::NodeDef n;
    n.id = id;
    n.component = QStringLiteral("noop");
    n.version = QStringLiteral("1.0.0");
    return n;
}

void addEdge(flow::FlowDefinition &def, const QString &from, const QString &to)
{
    flow::EdgeDef e;
    e.id = from + u'-' + to;
    e.source = from;
    e.target = to;
    def.edges.append(e);
}

flow::CompiledFlowPtr wideFlow(int width)
{
    flow::FlowDefinition def;
    def.nodes.append(noop(QStringLiteral("root")));
    def.nodes.append(noop(QStringLiteral("join")));
    for (int i = 0; i < width; ++i) {
        const QString id = QStringLiteral("n%1").arg(i);
        def.nodes.append(noop(id));
        addEdge(def, QStringLiteral("root"), id);
        addEdge(def, id, QStringLiteral("join"));
    }
    return compileFlow(def, "summary");
}

flow::CompiledFlowPtr chainFlow(int length, const char *history)
{
    flow::FlowDefinition def;
    for (int i = 0; i < length; ++i) {
        def.nodes.append(noop(QStringLiteral("n%1").arg(i)));
        if (i > 0)
            addEdge(def, QStringLiteral("n%1").arg(i - 1), QStringLiteral("n%1").arg(i));
    }
    return compileFlow(def, history);
}

// The flow of hm_chain_definition, node for node.
flow::CompiledFlowPtr transformChainFlow(int length, const char *history)
{
    flow::FlowDefinition def;
    for (int i = 1; i <= length; ++i) {
        flow::NodeDef n;
        n.id = QStringLiteral("s%1").arg(i);
        n.component = QStringLiteral("transform");
        n.version = QStringLiteral("1.0.0");
        n.config = QJsonObject{{QStringLiteral("outputs"),
                                QJsonObject{{QStringLiteral("v"), QStringLiteral("$.inputs.v")},
                                            {QStringLiteral("step"), i}}}};
        n.inputMappings = QJsonObject{
            {QStringLiteral("v"), i == 1 ? QStringLiteral("$.trigger.v")
                                         : QStringLiteral("$.nodes.s%1.output.v").arg(i - 1)}};
        def.nodes.append(n);
        if (i > 1)
            addEdge(def, QStringLiteral("s%1").arg(i - 1), n.id);
    }
    return compileFlow(def, history);
}

EngineOptions quietOptions()
{
    EngineOptions o;
    o.jitterSeed = 1;
    return o;
}

void BM_WideDag(benchmark::State &state)
{
    NullExecutionJournal journal;
    Scheduler scheduler(registry(), &journal, {}, quietOptions());
    const int width = static_cast<int>(state.range(0));
    auto flow = wideFlow(width);
    const TriggerRequest request{
        QStringLiteral("wide"), QStringLiteral("1"), flow, {}, QStringLiteral("bench")};
    int n = 0;
    for (auto _ : state) {
        auto r = scheduler.trigger(request);
        benchmark::DoNotOptimize(r);
        if (++n % 64 == 0)
            scheduler.purgeExpired(std::numeric_limits<qint64>::max() / 2);
    }
    state.counters["nodes/s"] = benchmark::Counter(
        static_cast<double>(state.iterations()) * (width + 2), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WideDag)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Triggers `flow` (a chain of `nodes` synchronous nodes) once per iteration.
void runChain(benchmark::State &state, const flow::CompiledFlowPtr &flow, const QJsonObject &inputs,
              int nodes)
{
    NullExecutionJournal journal;
    Scheduler scheduler(registry(), &journal, {}, quietOptions());
    const TriggerRequest request{QStringLiteral("chain"), QStringLiteral("1"), flow, inputs,
                                 QStringLiteral("bench")};
    int n = 0;
    for (auto _ : state) {
        auto r = scheduler.trigger(request);
        benchmark::DoNotOptimize(r);
        if (++n % 1024 == 0)
            scheduler.purgeExpired(std::numeric_limits<qint64>::max() / 2);
    }
    state.counters["executions/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["nodes/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * nodes,
                                                   benchmark::Counter::kIsRate);
}

void BM_Chain10Summary(benchmark::State &state)
{
    runChain(state, chainFlow(10, "summary"), QJsonObject{{QStringLiteral("x"), 1}}, 10);
}
BENCHMARK(BM_Chain10Summary)->Unit(benchmark::kMicrosecond);

void BM_TransformChain10(benchmark::State &state)
{
    runChain(state, transformChainFlow(10, "none"), QJsonObject{{QStringLiteral("v"), 7}}, 10);
}
BENCHMARK(BM_TransformChain10)->Unit(benchmark::kMicrosecond);

void BM_TransformChain10HistoryAll(benchmark::State &state)
{
    constexpr int kPerIteration = 1000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    const QByteArray key = crypto::randomBytes(32);
    {
        auto db = store::Database::open(path, crypto::SecureBytes::fromRaw(key));
        if (!db.ok() || !store::migrate(*db.value()).ok()) {
            state.SkipWithError("cannot create the database");
            return;
        }
    }
    store::WriteBehindQueue queue(path, crypto::SecureBytes::fromRaw(key));
    if (!queue.start().ok()) {
        state.SkipWithError("cannot start the queue");
        return;
    }
    persistence::StoreExecutionJournal journal(queue);
    Scheduler scheduler(registry(), &journal, {}, quietOptions());
    const TriggerRequest request{QStringLiteral("chain"), QStringLiteral("1"),
                                 transformChainFlow(10, "all"),
                                 QJsonObject{{QStringLiteral("v"), 7}}, QStringLiteral("bench")};
    for (auto _ : state) {
        for (int i = 0; i < kPerIteration; ++i)
            benchmark::DoNotOptimize(scheduler.trigger(request));
        scheduler.purgeExpired(std::numeric_limits<qint64>::max() / 2);
        queue.flush();
    }
    queue.stop();
    const store::WriteBehindStats stats = queue.stats();
    if (stats.failed != 0)
        state.SkipWithError("history writes failed");
    state.counters["executions/s"] = benchmark::Counter(
        static_cast<double>(state.iterations()) * kPerIteration, benchmark::Counter::kIsRate);
    state.counters["packed_share"] =
        stats.written ? double(stats.packed) / double(stats.written) : 0.0;
}
BENCHMARK(BM_TransformChain10HistoryAll)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_MemoryPerCompletedNode(benchmark::State &state)
{
    const int executions = static_cast<int>(state.range(0));
    auto flow = chainFlow(10, "summary");
    const TriggerRequest request{QStringLiteral("chain"), QStringLiteral("1"), flow,
                                 QJsonObject{{QStringLiteral("x"), 1}}, QStringLiteral("bench")};
    double perNode = 0;
    for (auto _ : state) {
        NullExecutionJournal journal;
        Scheduler scheduler(registry(), &journal, {}, quietOptions());
        malloc_trim(0);
        const qint64 before = allocator::allocatedBytes();
        for (int i = 0; i < executions; ++i)
            (void)scheduler.trigger(request);
        const qint64 after = allocator::allocatedBytes();
        perNode = static_cast<double>(after - before) / (executions * 10.0);
        benchmark::DoNotOptimize(scheduler.executionCount());
    }
    state.counters["bytes/node"] = perNode;
}
BENCHMARK(BM_MemoryPerCompletedNode)->Arg(10000)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    // The server's allocator; the figures depend on it.
    benchmark::AddCustomContext("allocator", hm::allocator::description().toStdString());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
