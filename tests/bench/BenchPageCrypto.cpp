// SQLCipher's page crypto: its own OpenSSL functions (Stock) against the
// ones HiveMind puts into its provider (Fast, core/store/PageCrypto.cpp),
// in one run.
//   - BM_Page*: one 4 KiB page (4048 bytes under the 48-byte reserve):
//     AES-256-CBC encryption, HMAC-SHA1, the 48 random bytes.
//   - BM_Commits: what the history writer does under the chain benchmark,
//     on a real SQLCipher file: commits of 28 rows of ~1 KB into a table
//     with four indexes (the shape of `executions`), so each commit writes
//     the new leaves plus the right edges of five B-trees.
//
//   build/ci/bin/BenchPageCrypto --benchmark_min_time=2
//       --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// (one command line)

#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/PageCrypto_p.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace hm;
using namespace hm::store;
namespace pc = hm::store::detail::page_crypto;

namespace {

pc::Impl implOf(const benchmark::State &state)
{
    return state.range(0) == 0 ? pc::Impl::Stock : pc::Impl::Fast;
}

void label(benchmark::State &state)
{
    state.SetLabel(state.range(0) == 0 ? "stock" : "fast");
}

void BM_PageEncrypt(benchmark::State &state)
{
    const QByteArray key = crypto::randomBytes(32);
    const QByteArray iv = crypto::randomBytes(16);
    const QByteArray page = crypto::randomBytes(4048);
    for (auto _ : state)
        benchmark::DoNotOptimize(pc::cipher(implOf(state), true, key, iv, page));
    label(state);
}
BENCHMARK(BM_PageEncrypt)->Arg(0)->Arg(1);

void BM_PageHmac(benchmark::State &state)
{
    const QByteArray key = crypto::randomBytes(32);
    const QByteArray page = crypto::randomBytes(4064);
    for (auto _ : state)
        benchmark::DoNotOptimize(pc::hmac(implOf(state), key, page, "\0\0\0\7"));
    label(state);
}
BENCHMARK(BM_PageHmac)->Arg(0)->Arg(1);

void BM_PageRandom(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(pc::random(implOf(state), 48));
    label(state);
}
BENCHMARK(BM_PageRandom)->Arg(0)->Arg(1);

constexpr int kRowsPerCommit = 28;

void BM_Commits(benchmark::State &state)
{
    pc::setEnabled(state.range(0) != 0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    Result<std::unique_ptr<Database>> opened =
        Database::open(path, crypto::SecureBytes::fromRaw(crypto::randomBytes(32)));
    if (!opened.ok() || pc::inUse() != (state.range(0) != 0)) {
        state.SkipWithError("cannot open the database with the wanted page crypto");
        pc::setEnabled(true);
        return;
    }
    Database &db = *opened.value();
    const bool created =
        db.exec(QStringLiteral(
                    "CREATE TABLE e (id TEXT PRIMARY KEY NOT NULL, flow_id TEXT NOT NULL,"
                    " status TEXT NOT NULL, created_at INTEGER NOT NULL, node_states TEXT);"
                    "CREATE INDEX e_flow ON e(flow_id, created_at, status);"
                    "CREATE INDEX e_status ON e(status, created_at);"
                    "CREATE INDEX e_created ON e(created_at)"))
            .ok();
    if (!created) {
        state.SkipWithError("cannot create the table");
        pc::setEnabled(true);
        return;
    }
    const QString flowId = crypto::uuid();
    const QString states =
        QStringLiteral("[\"s1\",0,\"completed\",1,0,0,{\"v\":7},{\"v\":7,\"step\":1}],")
            .repeated(18);
    qint64 next = 0;
    for (auto _ : state) {
        Result<Transaction> txn = db.begin();
        for (int i = 0; i < kRowsPerCommit; ++i) {
            Result<Statement> insert =
                db.prepare(QStringLiteral("INSERT INTO e (id, flow_id, status, created_at, "
                                          "node_states) VALUES (?, ?, ?, ?, ?)"));
            (void)insert.value()
                .bind(1, QStringLiteral("%1").arg(next, 36, 10, QLatin1Char('0')))
                .bind(2, flowId)
                .bind(3, QStringLiteral("completed"))
                .bind(4, 1'700'000'000'000 + next)
                .bind(5, states)
                .run();
            ++next;
        }
        if (!txn.value().commit().ok()) {
            state.SkipWithError("commit failed");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * kRowsPerCommit);
    label(state);
    pc::setEnabled(true);
}
BENCHMARK(BM_Commits)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
