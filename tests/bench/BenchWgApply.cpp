// Applying WireGuard interfaces of many peers on this host (issue 36,
// "10,000 peers on one interface (wireguard-go): changing one peer < 150 ms
// p95 and flat from 10 to 10,000 peers; full apply of 10,000 < 5 s").
// LinuxWireGuardBackend — what the server's worker calls — in a network
// namespace of the benchmark's own, with wireguard-go (or the kernel module
// where it loads; the run says which):
//
// - BM_WgFullApply/N: up() of an interface with N peers (wireguard-go
//   start, `wg setconf` on stdin, address, link up), then down() (not
//   timed).
// - BM_WgChangeOnePeer/N: on a running interface of N peers, one peer's
//   allowed IP changed and sync() (`wg syncconf` with the whole stripped
//   config, then the address and route reconciliation); p95_ms over the
//   iterations.
//
// Root and `ip netns` needed; without them the benchmark says so and
// skips. Not part of ctest: run by hand (docs/benchmarks.md).

#include "crypto/Sodium.h"
#include "crypto/WireGuardKeys.h"
#include "vpn/WgQuickText.h"
#include "vpn/backend/CommandRunner.h"
#include "vpn/backend/LinuxWireGuardBackend.h"
#include "vpn/backend/WgPeerDelta.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <benchmark/benchmark.h>

using namespace hm;

namespace {

const QString kApplyNs = QStringLiteral("hmbenchwg");
const QString kApplyIf = QStringLiteral("hmbwg0");

bool applyBenchIp(const QStringList &arguments)
{
    return vpn::runCommand(QStringLiteral("ip"), arguments, {}, 15'000).succeeded();
}

// N peers with real public keys, one /32 each in 10.0.0.0/8.
vpn::WgQuickConfig applyBenchConfig(int peers, int changed, int round)
{
    static QStringList keys;
    static QString privateKey;
    if (privateKey.isEmpty()) {
        const QByteArray secret =
            crypto::wireGuardSecretToBase64(crypto::generateWireGuardPrivateKey());
        privateKey = QString::fromLatin1(secret);
    }
    while (keys.size() < peers)
        keys << crypto::wireGuardKeyToBase64(crypto::generateWireGuardKeyPair().publicKey);
    vpn::WgQuickConfig config;
    config.interface.privateKey = privateKey;
    config.interface.listenPort = 51999;
    config.interface.addresses << vpn::WgCidr{QHostAddress(QStringLiteral("10.0.0.1")), 8};
    for (int i = 0; i < peers; ++i) {
        vpn::WgPeer peer;
        peer.publicKey = keys[i];
        const quint32 host = 0x0A000002u + quint32(i) + (i == changed ? quint32(round) << 20 : 0);
        peer.allowedIps << vpn::WgCidr{QHostAddress(host), 32};
        config.peers << peer;
    }
    return config;
}

std::optional<vpn::InterfaceSpec> applyBenchSpec(int peers, int changed = -1, int round = 0)
{
    auto stripped = vpn::wgquick::renderStripped(applyBenchConfig(peers, changed, round));
    if (!stripped)
        return std::nullopt;
    vpn::InterfaceSpec spec;
    spec.name = kApplyIf;
    spec.setconf = stripped.value().toUtf8();
    spec.addresses << QStringLiteral("10.0.0.1/8");
    return spec;
}

struct ApplyBenchHost
{
    std::optional<vpn::LinuxWireGuardBackend> backend;
    QString why;

    ApplyBenchHost()
    {
        applyBenchIp({QStringLiteral("netns"), QStringLiteral("del"), kApplyNs});
        if (!applyBenchIp({QStringLiteral("netns"), QStringLiteral("add"), kApplyNs})) {
            why = QStringLiteral("cannot make a network namespace (root needed)");
            return;
        }
        const auto mode = vpn::LinuxWireGuardBackend::detect(kApplyNs);
        if (!mode) {
            why = QStringLiteral("neither the kernel module nor wireguard-go is available");
            return;
        }
        backend.emplace(vpn::LinuxWireGuardBackend::Options{*mode, kApplyNs, 120'000});
    }
    ~ApplyBenchHost()
    {
        if (backend)
            (void)backend->down(kApplyIf);
        applyBenchIp({QStringLiteral("netns"), QStringLiteral("del"), kApplyNs});
    }
};

ApplyBenchHost &applyBenchHost()
{
    static ApplyBenchHost host;
    return host;
}

void setPercentiles(benchmark::State &state, QList<double> times)
{
    if (times.isEmpty())
        return;
    std::sort(times.begin(), times.end());
    state.counters["p95_ms"] = times[qsizetype(double(times.size() - 1) * 0.95)];
    state.counters["max_ms"] = times.last();
}

void BM_WgFullApply(benchmark::State &state)
{
    ApplyBenchHost &host = applyBenchHost();
    if (!host.backend) {
        state.SkipWithError(qPrintable(host.why));
        return;
    }
    const int peers = int(state.range(0));
    auto spec = applyBenchSpec(peers);
    if (!spec) {
        state.SkipWithError("cannot render the config");
        return;
    }
    state.SetLabel(host.backend->name().toStdString());
    QList<double> times;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        const Status up = host.backend->up(*spec);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        state.SetIterationTime(ms / 1000);
        if (!up) {
            state.SkipWithError(qPrintable(up.error().message));
            break;
        }
        times << ms;
        (void)host.backend->down(kApplyIf);
    }
    setPercentiles(state, times);
}
BENCHMARK(BM_WgFullApply)
    ->Arg(10)
    ->Arg(1000)
    ->Arg(10000)
    ->Iterations(3)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

void BM_WgChangeOnePeer(benchmark::State &state)
{
    ApplyBenchHost &host = applyBenchHost();
    if (!host.backend) {
        state.SkipWithError(qPrintable(host.why));
        return;
    }
    const int peers = int(state.range(0));
    auto base = applyBenchSpec(peers);
    if (!base || !host.backend->up(*base)) {
        state.SkipWithError("cannot bring the interface up");
        return;
    }
    state.SetLabel(host.backend->name().toStdString());
    QList<double> times;
    int round = 0;
    for (auto _ : state) {
        ++round;
        auto spec = applyBenchSpec(peers, (round * 7919) % peers, round % 8 + 1);
        QElapsedTimer timer;
        timer.start();
        const Status synced = host.backend->sync(*spec);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        state.SetIterationTime(ms / 1000);
        if (!synced) {
            state.SkipWithError(qPrintable(synced.error().message));
            break;
        }
        times << ms;
    }
    (void)host.backend->down(kApplyIf);
    setPercentiles(state, times);
}
BENCHMARK(BM_WgChangeOnePeer)
    ->Arg(10)
    ->Arg(1000)
    ->Arg(10000)
    ->Iterations(20)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// The backend's own CPU work for one changed peer, without any process:
// digest of the new setconf text and the delta against the last applied
// one (what sync() does before `wg set`). CPU time per change.
void BM_WgPeerDeltaCpu(benchmark::State &state)
{
    const int peers = int(state.range(0));
    auto base = applyBenchSpec(peers);
    if (!base) {
        state.SkipWithError("cannot render the config");
        return;
    }
    QList<vpn::InterfaceSpec> specs;
    for (int round = 1; round <= 8; ++round)
        specs << *applyBenchSpec(peers, (round * 7919) % peers, round);
    vpn::WgSetconfDigest applied = vpn::digestOfSetconf(base->setconf);
    qsizetype changed = 0;
    int round = 0;
    for (auto _ : state) {
        // base, one changed, base, another changed…: one peer differs each time.
        const vpn::InterfaceSpec &spec = round % 2 ? *base : specs[(round / 2) % specs.size()];
        ++round;
        vpn::WgSetconfDigest next;
        const vpn::WgPeerDelta delta = vpn::peerDelta(applied, spec.setconf, next);
        changed += delta.changed.size();
        applied = std::move(next);
    }
    if (changed != state.iterations())
        state.SkipWithError("the delta did not hold exactly one changed peer");
}
BENCHMARK(BM_WgPeerDeltaCpu)->Arg(10)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!crypto::initialize())
        return 1;
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
