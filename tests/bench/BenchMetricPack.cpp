// Storage per metric value in the raw tier (issue 35, "Benchmarks":
// goal <= 2 B a value; Netdata's dbengine stores about 0.6 B per 1-s
// sample). The reference in the same run is the row the server stored
// before packing: one compact JSON object per report ({name: value}).
//
// - BM_PackRecordedMinute: a minute this machine's agent collector
//   (agent/LinuxMetricsCollector, the code hivemind-agent runs) recorded at
//   1-s intervals when the benchmark started (61 collections, the first
//   has no rates and is dropped; HIVEMIND_BENCH_SAMPLE_MS changes the
//   interval). Counters: bytes_per_value (packed), json_bytes_per_value
//   (the reference) and their ratio.
// - BM_AppendReport: the cost of one report appended to its minute, as the
//   server pays it per report.

#include "agent/MetricsCollector.h"
#include "fleet/MetricPack.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <benchmark/benchmark.h>

using namespace hm::fleet;

namespace {

const QList<QList<MetricValue>> &recordedMinute()
{
    static const QList<QList<MetricValue>> samples = [] {
        const int intervalMs = qEnvironmentVariableIntValue("HIVEMIND_BENCH_SAMPLE_MS") > 0
                                   ? qEnvironmentVariableIntValue("HIVEMIND_BENCH_SAMPLE_MS")
                                   : 1000;
        auto collector = hm::agent::createMetricsCollector();
        QList<QList<MetricValue>> out;
        (void)collector->collect(); // the first has no rates
        for (int i = 0; i < 60; ++i) {
            QThread::msleep(ulong(intervalMs));
            out.append(collector->collect());
        }
        return out;
    }();
    return samples;
}

qint64 jsonBytes(const QList<MetricValue> &metrics)
{
    QJsonObject object;
    for (const MetricValue &metric : metrics)
        object.insert(metric.name, metric.value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact).size();
}

void BM_PackRecordedMinute(benchmark::State &state)
{
    const auto &samples = recordedMinute();
    const qint64 base = QDateTime::currentMSecsSinceEpoch();
    qint64 packedBytes = 0;
    qint64 values = 0;
    for (auto _ : state) {
        MinutePackWriter writer;
        for (qsizetype i = 0; i < samples.size(); ++i)
            writer.append(base + i * 1000, i + 1, samples[i]);
        const QByteArray packed = writer.packed();
        packedBytes = packed.size();
        values = writer.valueCount();
        benchmark::DoNotOptimize(packed.data());
    }
    qint64 json = 0;
    for (const auto &sample : samples)
        json += jsonBytes(sample);
    const double perValue = double(packedBytes) / double(values);
    const double jsonPerValue = double(json) / double(values);
    state.counters["values_per_sample"] = double(values) / double(samples.size());
    state.counters["bytes_per_value"] = perValue;
    state.counters["json_bytes_per_value"] = jsonPerValue;
    state.counters["packed_to_json"] = perValue / jsonPerValue;
}
BENCHMARK(BM_PackRecordedMinute)->Unit(benchmark::kMicrosecond);

void BM_AppendReport(benchmark::State &state)
{
    const auto &samples = recordedMinute();
    MinutePackWriter writer;
    qint64 i = 0;
    for (auto _ : state) {
        if (writer.sampleCount() == 60)
            writer = MinutePackWriter();
        writer.append(i * 1000, i + 1, samples[i % samples.size()]);
        ++i;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AppendReport);

} // namespace

BENCHMARK_MAIN();
