// Parse + validate + topological order of a 10,000-node layered DAG (1-3
// parents per node from the previous layer, built-in-like components, an
// http-request with a config schema every 7th node). Goal: under 20 ms for
// definition JSON -> CompiledFlow on the reference machine.
//
// The two paths the product takes:
// - BM_StoredTextToCompiledFlow: the text FlowRepository stores (compact
//   JSON of FlowDefinition::toJson()) -> FlowDefinition::fromJson(bytes) ->
//   compile(), as FlowRepository::loadCompiled() does. The goal figure.
// - BM_FromJsonText: request JSON -> QJsonDocument -> compileJson(), as the
//   flow routes do (Qt's JSON reader alone is BM_QtJsonReadOnly);
//   BM_RequestObjectToCompiledFlow is the part after QJsonDocument.
// The stages are also timed on their own.

#include "../core/flow/FlowFixtures.h"
#include "flow/FlowCompiler.h"

#include <QJsonDocument>
#include <benchmark/benchmark.h>

using namespace hm::flow;

namespace {

// The fixture's QJsonObject (built member by member) -> shape check ->
// compile (validation, graph, topological order, mapping ASTs).
void BM_DefinitionToCompiledFlow(benchmark::State &state)
{
    const int nodes = static_cast<int>(state.range(0));
    const QJsonObject json = fixtures::layeredDag(nodes);
    const InMemoryComponentCatalog catalog = fixtures::builtinCatalog();
    const QJsonObject settings;
    for (auto _ : state) {
        auto compiled = compileJson(json, settings, catalog);
        if (!compiled.ok()) {
            state.SkipWithError(qPrintable(compiled.error().toString()));
            break;
        }
        benchmark::DoNotOptimize(compiled.value()->topologicalOrder().size());
    }
    state.SetItemsProcessed(state.iterations() * nodes);
}
BENCHMARK(BM_DefinitionToCompiledFlow)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ShapeCheckOnly(benchmark::State &state)
{
    const QJsonObject json = fixtures::layeredDag(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto def = FlowDefinition::fromJson(json);
        benchmark::DoNotOptimize(def.ok());
    }
}
BENCHMARK(BM_ShapeCheckOnly)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_CompileOnly(benchmark::State &state)
{
    const auto def =
        FlowDefinition::fromJson(fixtures::layeredDag(static_cast<int>(state.range(0))));
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
}
BENCHMARK(BM_CompileOnly)->Arg(10000)->Unit(benchmark::kMillisecond);

// The QJsonObject the flow routes hand to compileJson(): parsed from request
// JSON by QJsonDocument (done once here; BM_FromJsonText includes it).
// Objects built member by member, as the fixture is, are laid out
// differently in memory and are slower to search, so this rather than
// BM_DefinitionToCompiledFlow is the route's figure.
void BM_RequestObjectToCompiledFlow(benchmark::State &state)
{
    const QJsonObject json =
        QJsonDocument::fromJson(
            QJsonDocument(fixtures::layeredDag(static_cast<int>(state.range(0))))
                .toJson(QJsonDocument::Compact))
            .object();
    const InMemoryComponentCatalog catalog = fixtures::builtinCatalog();
    const QJsonObject settings;
    for (auto _ : state) {
        auto compiled = compileJson(json, settings, catalog);
        if (!compiled.ok()) {
            state.SkipWithError(qPrintable(compiled.error().toString()));
            break;
        }
        benchmark::DoNotOptimize(compiled.value()->topologicalOrder().size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RequestObjectToCompiledFlow)->Arg(10000)->Unit(benchmark::kMillisecond);

// From compact JSON text, as the API receives it.
void BM_FromJsonText(benchmark::State &state)
{
    const QByteArray text = QJsonDocument(fixtures::layeredDag(static_cast<int>(state.range(0))))
                                .toJson(QJsonDocument::Compact);
    const InMemoryComponentCatalog catalog = fixtures::builtinCatalog();
    for (auto _ : state) {
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        auto compiled = compileJson(doc.object(), {}, catalog);
        benchmark::DoNotOptimize(compiled.ok());
    }
    state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_FromJsonText)->Arg(10000)->Unit(benchmark::kMillisecond);

// The stored form: what FlowRepository writes (jsonText(definition.toJson())).
QByteArray storedText(int nodes)
{
    const auto def = FlowDefinition::fromJson(fixtures::layeredDag(nodes));
    return def.ok() ? QJsonDocument(def.value().toJson()).toJson(QJsonDocument::Compact)
                    : QByteArray();
}

// JSON bytes -> CompiledFlow the way a stored version is loaded: definition
// and settings text parsed, then compiled (FlowRepository::readVersionRow +
// loadCompiled, without the SQL).
void BM_StoredTextToCompiledFlow(benchmark::State &state)
{
    const QByteArray text = storedText(static_cast<int>(state.range(0)));
    const QByteArray settingsText =
        QJsonDocument(FlowSettings{}.toJson()).toJson(QJsonDocument::Compact);
    const InMemoryComponentCatalog catalog = fixtures::builtinCatalog();
    for (auto _ : state) {
        auto def = FlowDefinition::fromJson(text);
        auto settings = FlowSettings::fromJson(QJsonDocument::fromJson(settingsText).object());
        if (!def.ok() || !settings.ok()) {
            state.SkipWithError("stored text does not parse");
            break;
        }
        auto compiled = compile(def.value(), settings.value(), catalog);
        if (!compiled.ok()) {
            state.SkipWithError(qPrintable(compiled.error().toString()));
            break;
        }
        benchmark::DoNotOptimize(compiled.value()->topologicalOrder().size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_StoredTextToCompiledFlow)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// FlowDefinition::fromJson(bytes) alone.
void BM_StoredTextParseOnly(benchmark::State &state)
{
    const QByteArray text = storedText(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto def = FlowDefinition::fromJson(text);
        benchmark::DoNotOptimize(def.ok());
    }
}
BENCHMARK(BM_StoredTextParseOnly)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_QtJsonReadOnly(benchmark::State &state)
{
    const QByteArray text = QJsonDocument(fixtures::layeredDag(static_cast<int>(state.range(0))))
                                .toJson(QJsonDocument::Compact);
    for (auto _ : state) {
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        benchmark::DoNotOptimize(doc.isObject());
    }
}
BENCHMARK(BM_QtJsonReadOnly)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
