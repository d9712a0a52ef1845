// WireGuard key pairs (issue 36, "Benchmarks": goal >= 20,000 pairs/s).
// The reference in the same run is what a server without the library would
// do: `wg genkey` then `wg pubkey` as two processes per pair.
//
// - BM_WgToolsReference: BENCH_WG_PAIRS pairs (default 200) made with the
//   real wg(8) through QProcess, one timed iteration. Counter
//   pairs_per_second. Runs first, so the next one can compare.
// - BM_WireGuardKeyPair: crypto::generateWireGuardKeyPair (libsodium
//   randombytes + clamping + X25519 base point multiplication), plus the
//   44-character base64 texts of both keys as a configuration needs them.
//   Counters ratio_to_wg_tools (pairs per CPU second against the
//   reference's pairs per wall second) and wall_pairs_per_second /
//   wall_ratio_to_wg_tools (both in wall time: lower on a loaded machine).

#include "crypto/WireGuardKeys.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <benchmark/benchmark.h>

using namespace hm::crypto;

namespace {

double g_referencePairsPerSecond = 0;

QByteArray runWg(const QString &program, const QString &argument, const QByteArray &input, bool *ok)
{
    QProcess process;
    process.start(program, {argument});
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    *ok = process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit &&
          process.exitCode() == 0;
    return process.readAllStandardOutput().trimmed();
}

void BM_WgToolsReference(benchmark::State &state)
{
    const QString wg = QStandardPaths::findExecutable(QStringLiteral("wg"));
    if (wg.isEmpty()) {
        state.SkipWithError("wg (wireguard-tools) not found on PATH");
        return;
    }
    const int pairs = qEnvironmentVariableIntValue("BENCH_WG_PAIRS") > 0
                          ? qEnvironmentVariableIntValue("BENCH_WG_PAIRS")
                          : 200;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < pairs; ++i) {
            bool ok = false;
            const QByteArray privateKey = runWg(wg, QStringLiteral("genkey"), {}, &ok);
            const QByteArray publicKey =
                ok ? runWg(wg, QStringLiteral("pubkey"), privateKey + '\n', &ok) : QByteArray();
            if (!ok || publicKey.size() != kWireGuardKeyBase64Chars) {
                state.SkipWithError("wg genkey | wg pubkey failed");
                return;
            }
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        state.SetIterationTime(seconds);
        g_referencePairsPerSecond = pairs / seconds;
    }
    state.SetItemsProcessed(state.iterations() * pairs);
    state.counters["pairs"] = pairs;
    state.counters["pairs_per_second"] = g_referencePairsPerSecond;
}
BENCHMARK(BM_WgToolsReference)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_WireGuardKeyPair(benchmark::State &state)
{
    QElapsedTimer wall;
    wall.start();
    for (auto _ : state) {
        WireGuardKeyPair pair = generateWireGuardKeyPair();
        QByteArray privateText = wireGuardSecretToBase64(pair.privateKey);
        QString publicText = wireGuardKeyToBase64(pair.publicKey);
        benchmark::DoNotOptimize(privateText.data());
        benchmark::DoNotOptimize(publicText.data());
        wipe(privateText);
    }
    state.SetItemsProcessed(state.iterations());
    // items_per_second is per CPU second (Google Benchmark's default); the
    // reference can only be measured in wall time (its work is in child
    // processes), so the wall-time rate and ratio are reported as well.
    const double wallPerSecond = double(state.iterations()) / (double(wall.nsecsElapsed()) / 1e9);
    state.counters["wall_pairs_per_second"] = wallPerSecond;
    if (g_referencePairsPerSecond <= 0)
        return; // the reference was filtered out or failed
    state.counters["wg_tools_pairs_per_second"] = g_referencePairsPerSecond;
    // A rate counter is divided by the same time as items_per_second, so
    // it reads (pairs/s) / (reference pairs/s).
    state.counters["ratio_to_wg_tools"] = benchmark::Counter(
        double(state.iterations()) / g_referencePairsPerSecond, benchmark::Counter::kIsRate);
    state.counters["wall_ratio_to_wg_tools"] = wallPerSecond / g_referencePairsPerSecond;
}
BENCHMARK(BM_WireGuardKeyPair);

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    // QProcess wants an application object for its child-process handling.
    QCoreApplication app(argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
