// What one commit of the execution history costs with the current schema
// against schema version 12 (the reference: descending indexes, CHECK
// constraints with IN lists): pages written (WAL frames, counted through
// Database::setWalCommitListener) and CPU per commit, on a real SQLCipher
// file.
//   - Arg 0: executions per commit (11 and 25 are what the writer commits
//     at a time under the chain benchmark, depending on the machine's load).
//   - Arg 1: 0 = the current schema, 1 = schema 12.
// Each execution is inserted as the writer inserts a finished one: a new
// row with ~1 KB of packed node states and the newest created_at.
//
//   build/ci/bin/BenchHistoryCommits --benchmark_min_time=2
//       --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// (one command line)

#include "common/TimeOrderedUuid.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace hm;
using namespace hm::store;

namespace {

void BM_HistoryCommit(benchmark::State &state)
{
    const int perCommit = int(state.range(0));
    const bool reference = state.range(1) != 0;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.db"));
    const crypto::SecureBytes key = crypto::SecureBytes::fromRaw(crypto::randomBytes(32));
    {
        Result<std::unique_ptr<Database>> created = Database::open(path, key);
        if (!created.ok() || !migrate(*created.value(), reference ? schemaMigrations().mid(0, 12)
                                                                  : schemaMigrations())
                                  .ok()) {
            state.SkipWithError("cannot create the schema");
            return;
        }
    }
    // A connection of its own, like the writer's: it reads the schema as
    // the migrations left it.
    Result<std::unique_ptr<Database>> opened =
        Database::open(path, key, OpenOptions{.createIfMissing = false});
    if (!opened.ok()) {
        state.SkipWithError("cannot open the database");
        return;
    }
    Database &db = *opened.value();
    // Like the writer: no checkpoint inside a commit.
    if (!db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")).ok()) {
        state.SkipWithError("cannot turn automatic checkpoints off");
        return;
    }
    int walFrames = 0;
    qint64 frames = 0;
    qint64 commits = 0;
    db.setWalCommitListener([&](int now) {
        frames += now - walFrames;
        walFrames = now;
        ++commits;
    });

    const QString flowId = crypto::uuid();
    const QString states =
        QStringLiteral("[\"s1\",0,\"completed\",1,0,0,{\"v\":7},{\"v\":7,\"step\":1}],")
            .repeated(18);
    const QString insert = QStringLiteral(
        "INSERT OR IGNORE INTO executions (id, flow_id, flow_version, status, trigger_input,"
        " history_level, created_at, started_at, ended_at, duration_ms, node_states)"
        " VALUES (?, ?, '1', 'completed', '{}', 'all', ?, ?, ?, 1, ?)");
    qint64 createdAt = 1'790'000'000'000;
    for (auto _ : state) {
        Result<Transaction> txn = db.begin();
        for (int i = 0; i < perCommit; ++i) {
            ++createdAt;
            Result<Statement> row = db.prepare(insert);
            (void)row.value()
                .bind(1, timeOrderedUuid())
                .bind(2, flowId)
                .bind(3, createdAt)
                .bind(4, createdAt)
                .bind(5, createdAt + 1)
                .bind(6, states)
                .run();
        }
        if (!txn.value().commit().ok()) {
            state.SkipWithError("commit failed");
            break;
        }
        // The background checkpoint's RESTART, as under a long load: the
        // file stays small and every commit appends.
        state.PauseTiming();
        if (walFrames > 20000) {
            (void)db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            walFrames = 0;
        }
        state.ResumeTiming();
    }
    state.counters["frames_per_commit"] = commits ? double(frames) / double(commits) : 0;
    state.SetItemsProcessed(state.iterations() * perCommit);
    state.SetLabel(reference ? "schema 12" : "current schema");
}
BENCHMARK(BM_HistoryCommit)
    ->ArgsProduct({{11, 25}, {1, 0}})
    ->ArgNames({"per_commit", "schema12"})
    ->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
