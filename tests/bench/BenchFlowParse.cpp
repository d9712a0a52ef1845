// Parse + validate + topological order of a 10,000-node layered DAG (1-3
// parents per node from the previous layer, built-in-like components).
// Goal: under 20 ms per compile on the reference machine.

#include "../core/flow/FlowFixtures.h"

#include "flow/FlowCompiler.h"

#include <QJsonDocument>

#include <benchmark/benchmark.h>

using namespace hm::flow;

namespace {

// From JSON text, as the API receives it: parse, shape-check, compile.
void BM_ParseValidateTopo(benchmark::State &state)
{
    const int nodes = static_cast<int>(state.range(0));
    const QByteArray text = QJsonDocument(fixtures::layeredDag(nodes)).toJson();
    const InMemoryComponentCatalog catalog = fixtures::builtinCatalog();
    const QJsonObject settings;
    for (auto _ : state) {
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        auto compiled = compileJson(doc.object(), settings, catalog);
        if (!compiled.ok()) {
            state.SkipWithError(qPrintable(compiled.error().toString()));
            break;
        }
        benchmark::DoNotOptimize(compiled.value()->topologicalOrder().size());
    }
    state.SetItemsProcessed(state.iterations() * nodes);
    state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_ParseValidateTopo)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// compile() alone, from an already parsed FlowDefinition.
void BM_CompileOnly(benchmark::State &state)
{
    const int nodes = static_cast<int>(state.range(0));
    const auto def = FlowDefinition::fromJson(fixtures::layeredDag(nodes));
    const InMemoryComponentCatalog catalog = fixtures::builtinCatalog();
    const FlowSettings settings;
    if (!def.ok()) {
        state.SkipWithError("fixture does not parse");
        return;
    }
    for (auto _ : state) {
        auto compiled = compile(def.value(), settings, catalog);
        benchmark::DoNotOptimize(compiled.ok());
    }
    state.SetItemsProcessed(state.iterations() * nodes);
}
BENCHMARK(BM_CompileOnly)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
