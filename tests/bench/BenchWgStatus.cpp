// The status of 10,000 WireGuard peers with its history write (issue 36:
// "status of 10,000 peers (`wg show dump` parse + history write): < 200
// ms"). A real SQLCipher store with one server and 10,000 clients; each
// iteration is what the server does with one sample: parse the dump
// (core/vpn parseWgDump), turn it into a traffic sample and account it
// (server/services/vpn WgTrafficBook: the ledger rule per peer, the state
// rows of the peers that moved, the closed minutes' buckets, endpoints —
// one transaction, committed). The simulated clock moves 5 s per iteration
// (the server's sampling interval), so every twelfth iteration also closes
// a minute for every client.
//
// - BM_WgStatusAllMoving: every peer's counters moved since the last
//   sample (the worst case: 10,000 state rows written).
// - BM_WgStatusIdle: nobody moved (parse and compare only).
// Counters: p95_ms and max_ms over the iterations, goal 200 ms.

#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "server/repositories/WireGuardRepository.h"
#include "server/services/vpn/WgTrafficBook.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "vpn/WgDump.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <benchmark/benchmark.h>

using namespace hm;
using namespace hm::server;

namespace {

QByteArray statusBenchKey(int i)
{
    return QByteArray::number(i).rightJustified(31, 'k').append('k').toBase64();
}

QByteArray statusBenchDump(int peers, qint64 round)
{
    QByteArray text;
    text.reserve(peers * 200);
    text += statusBenchKey(-1) + '\t' + statusBenchKey(-2) + "\t51820\toff\n";
    for (int i = 0; i < peers; ++i) {
        text += statusBenchKey(i) + "\t(none)\t198.51." + QByteArray::number(i / 250 % 256) + '.' +
                QByteArray::number(i % 250) + ':' + QByteArray::number(1024 + i) + "\t10." +
                QByteArray::number(i / 250) + '.' + QByteArray::number(i % 250) + ".2/32\t" +
                QByteArray::number(1764201600 + i) + '\t' +
                QByteArray::number(qint64(i) * 4096 + round * 1500) + '\t' +
                QByteArray::number(qint64(i) * 777 + round * 900) + "\toff\n";
    }
    return text;
}

struct StatusBenchStore
{
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    qint64 serverId = 0;

    bool open(int clients)
    {
        const crypto::SecureBytes key = crypto::SecureBytes::fromRaw(crypto::randomBytes(32));
        auto opened = store::Database::open(dir.filePath(QStringLiteral("wg.db")), key);
        if (!opened.ok())
            return false;
        db = std::move(opened.value());
        if (!store::migrate(*db).ok())
            return false;
        repositories::WgServerRow server;
        server.name = server.interfaceName = QStringLiteral("wg0");
        server.ipv4Address = QStringLiteral("10.0.0.1/8");
        server.publicKey = QString::fromLatin1(statusBenchKey(-2));
        server.sealedPrivateKey = QStringLiteral("sealed");
        auto id = repositories::insertWgServer(*db, server);
        if (!id.ok())
            return false;
        serverId = id.value();
        auto tx = db->begin();
        if (!tx.ok())
            return false;
        for (int i = 0; i < clients; ++i) {
            repositories::WgClientRow c;
            c.serverId = serverId;
            c.name = QStringLiteral("c%1").arg(i);
            c.addressFamily = QStringLiteral("ipv4");
            c.ipv4Address = QStringLiteral("10.%1.%2.2").arg(i / 250).arg(i % 250);
            c.publicKey = QString::fromLatin1(statusBenchKey(i));
            c.sealedPrivateKey = QStringLiteral("sealed");
            if (!repositories::insertWgClient(*db, c).ok())
                return false;
        }
        return tx.value().commit().ok();
    }
};

server::vpn::WgTrafficSample statusBenchSample(const hm::vpn::WgDump &dump)
{
    server::vpn::WgTrafficSample sample;
    sample.taken = true;
    sample.exists = true;
    sample.instance = QStringLiteral("boot/ns/7");
    sample.peers.reserve(dump.peers.size());
    for (const hm::vpn::WgDumpPeer &p : dump.peers)
        sample.peers.append({p.publicKey, qint64(p.transferRx), qint64(p.transferTx),
                             p.endpointHost + u':' + QString::number(p.endpointPort)});
    return sample;
}

void runStatusBench(benchmark::State &state, bool moving)
{
    const int peers = int(state.range(0));
    StatusBenchStore bench;
    if (!bench.open(peers)) {
        state.SkipWithError("cannot make the store");
        return;
    }
    qint64 now = 1'800'000'000'000;
    server::vpn::WgTrafficBook book(*bench.db);
    book.setClock([&now] { return now; });
    if (!book.load().ok()) {
        state.SkipWithError("cannot load");
        return;
    }
    // The first sample makes every state row.
    qint64 round = 0;
    {
        auto dump = hm::vpn::parseWgDump(statusBenchDump(peers, round), QStringLiteral("wg0"));
        if (!dump.ok() || !book.account(bench.serverId, statusBenchSample(dump.value())).ok()) {
            state.SkipWithError("first sample failed");
            return;
        }
    }
    QList<double> times;
    for (auto _ : state) {
        state.PauseTiming();
        if (moving)
            ++round;
        now += 5000;
        const QByteArray text = statusBenchDump(peers, round);
        state.ResumeTiming();
        QElapsedTimer timer;
        timer.start();
        auto dump = hm::vpn::parseWgDump(text, QStringLiteral("wg0"));
        if (!dump.ok() || dump->peers.size() != peers ||
            !book.account(bench.serverId, statusBenchSample(dump.value())).ok()) {
            state.SkipWithError("sample failed");
            break;
        }
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    if (times.isEmpty())
        return;
    std::sort(times.begin(), times.end());
    state.counters["p95_ms"] = times[qsizetype(double(times.size() - 1) * 0.95)];
    state.counters["max_ms"] = times.last();
    // Exact: every client's total is what its counters say.
    const auto last = book.totals(1);
    benchmark::DoNotOptimize(last);
}

void BM_WgStatusAllMoving(benchmark::State &state)
{
    runStatusBench(state, true);
}
BENCHMARK(BM_WgStatusAllMoving)->Arg(10000)->Iterations(36)->Unit(benchmark::kMillisecond);

void BM_WgStatusIdle(benchmark::State &state)
{
    runStatusBench(state, false);
}
BENCHMARK(BM_WgStatusIdle)->Arg(10000)->Iterations(36)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
