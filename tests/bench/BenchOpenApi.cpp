// Import of a ~5 MB OpenAPI document (issue 13's benchmark, goal < 500 ms),
// JSON and YAML. The document is generated deterministically from a real
// one, the Swagger petstore of OpenAPI 3.0 (tests/fuzz/corpus/OpenApi/
// oas-examples-3.0-petstore.yaml, from npm @readme/oas-examples): copy k of
// it gets its paths under /v<k>/, operationIds and component names suffixed
// _k and its $refs rewritten to its own components, until the text is at
// least 5 MB: indented JSON (QJsonDocument) for the JSON form, block YAML
// (writeYamlText, every string double-quoted) for the YAML form. What is timed is the whole
// importOpenApi(text): reading the text, resolving every $ref, merging, building the endpoints.
// BM_Read* time the text stage alone.

#include "openapi/DocumentText.h"
#include "openapi/OpenApiImport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <benchmark/benchmark.h>

using namespace hm::openapi;

namespace {

constexpr qsizetype kTargetBytes = 5 * 1024 * 1024;

QJsonValue renamed(const QJsonValue &v, const QString &suffix)
{
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == QLatin1String("$ref") && it.value().isString())
                it.value() = it.value().toString() + suffix;
            else if (it.key() == QLatin1String("operationId") && it.value().isString())
                it.value() = it.value().toString() + suffix;
            else
                it.value() = renamed(it.value(), suffix);
        }
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a.replace(i, renamed(a.at(i), suffix));
        return a;
    }
    return v;
}

// Copies of the source document until the text of the given form has at
// least kTargetBytes.
QByteArray replicate(const QJsonObject &base, bool yaml)
{
    const QJsonObject basePaths = base.value(QStringLiteral("paths")).toObject();
    const QJsonObject baseComponents = base.value(QStringLiteral("components")).toObject();
    QJsonObject paths;
    QJsonObject components;
    for (int k = 0;; ++k) {
        const QString suffix = QStringLiteral("_%1").arg(k);
        for (auto it = basePaths.begin(); it != basePaths.end(); ++it)
            paths.insert(QStringLiteral("/v%1").arg(k) + it.key(), renamed(it.value(), suffix));
        for (auto kind = baseComponents.begin(); kind != baseComponents.end(); ++kind) {
            QJsonObject all = components.value(kind.key()).toObject();
            const QJsonObject entries = kind.value().toObject();
            for (auto e = entries.begin(); e != entries.end(); ++e)
                all.insert(e.key() + suffix, renamed(e.value(), suffix));
            components.insert(kind.key(), all);
        }
        // Sizes grow linearly: look at the text every 16 copies.
        if (k % 16 != 15)
            continue;
        QJsonObject doc = base;
        doc.insert(QStringLiteral("paths"), paths);
        doc.insert(QStringLiteral("components"), components);
        QByteArray text =
            yaml ? writeYamlText(doc) : QJsonDocument(doc).toJson(QJsonDocument::Indented);
        if (text.size() >= kTargetBytes)
            return text;
    }
}

struct Generated
{
    QByteArray text;
    qsizetype endpoints = 0;
};

const Generated &generated(bool yaml)
{
    static const auto make = [](bool asYaml) {
        Generated out;
        QFile file(QStringLiteral(HIVEMIND_OPENAPI_BENCH_SOURCE));
        if (!file.open(QIODevice::ReadOnly))
            return out;
        const auto source = readDocumentText(file.readAll());
        if (!source.ok())
            return out;
        out.text = replicate(source->toObject(), asYaml);
        // To look at (or profile) the generated document outside the benchmark.
        if (const QString dir = qEnvironmentVariable("HIVEMIND_BENCH_OPENAPI_WRITE_TO");
            !dir.isEmpty()) {
            QFile copy(dir + (asYaml ? QStringLiteral("/bench-openapi.yaml")
                                     : QStringLiteral("/bench-openapi.json")));
            if (copy.open(QIODevice::WriteOnly))
                copy.write(out.text);
        }
        const auto check = importOpenApi(out.text);
        out.endpoints = check.ok() ? check->endpoints.size() : -1;
        return out;
    };
    static const Generated json = make(false);
    static const Generated yamlDoc = make(true);
    return yaml ? yamlDoc : json;
}

void importBench(benchmark::State &state, bool yaml)
{
    const Generated &g = generated(yaml);
    const QByteArray &text = g.text;
    if (text.isEmpty() || g.endpoints <= 0) {
        state.SkipWithError("the generated document does not import");
        return;
    }
    for (auto _ : state) {
        const auto r = importOpenApi(text, yaml ? TextFormat::Yaml : TextFormat::Json);
        if (!r.ok() || r->endpoints.size() != g.endpoints) {
            state.SkipWithError("import failed");
            break;
        }
        benchmark::DoNotOptimize(r->endpoints.size());
    }
    state.counters["bytes"] = static_cast<double>(text.size());
    state.counters["endpoints"] = static_cast<double>(g.endpoints);
    state.SetBytesProcessed(state.iterations() * text.size());
}

void BM_ImportJson(benchmark::State &state)
{
    importBench(state, false);
}
BENCHMARK(BM_ImportJson)->Unit(benchmark::kMillisecond);

void BM_ImportYaml(benchmark::State &state)
{
    importBench(state, true);
}
BENCHMARK(BM_ImportYaml)->Unit(benchmark::kMillisecond);

void readBench(benchmark::State &state, bool yaml)
{
    const QByteArray &text = generated(yaml).text;
    for (auto _ : state) {
        const auto r = readDocumentText(text, yaml ? TextFormat::Yaml : TextFormat::Json);
        if (!r.ok()) {
            state.SkipWithError("read failed");
            break;
        }
        benchmark::DoNotOptimize(r->isObject());
    }
    state.SetBytesProcessed(state.iterations() * text.size());
}

void BM_ReadJsonOnly(benchmark::State &state)
{
    readBench(state, false);
}
BENCHMARK(BM_ReadJsonOnly)->Unit(benchmark::kMillisecond);

void BM_ReadYamlOnly(benchmark::State &state)
{
    readBench(state, true);
}
BENCHMARK(BM_ReadYamlOnly)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
