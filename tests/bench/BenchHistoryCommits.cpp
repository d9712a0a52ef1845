// What one commit of the execution history costs, by the order of the
// `executions` table's indexes: pages written (WAL frames, counted through
// Database::setWalCommitListener) and CPU per commit, on a real SQLCipher
// file migrated to the current schema.
//   - Arg 0: executions per commit (11 is what the writer commits at a
//     time under the chain benchmark; 28 a larger group).
//   - Arg 1: 0 = the current indexes (schema 13, ascending), 1 = the same
//     indexes in descending order (schema 12), the reference.
// Each execution is inserted as the writer inserts a finished one: a new
// row with ~1 KB of packed node states and the newest created_at.
//
//   build/ci/bin/BenchHistoryCommits --benchmark_min_time=2
//       --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// (one command line)

#include "crypto/Random.h"
#include "common/TimeOrderedUuid.h"
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

const char kDescendingIndexes[] = R"sql(
DROP INDEX idx_executions_flow_created;
DROP INDEX idx_executions_status_created;
DROP INDEX idx_executions_created;
CREATE INDEX idx_executions_flow_created ON executions(flow_id, created_at DESC, status);
CREATE INDEX idx_executions_status_created ON executions(status, created_at DESC);
CREATE INDEX idx_executions_created ON executions(created_at DESC);
)sql";

void BM_HistoryCommit(benchmark::State &state)
{
    const int perCommit = int(state.range(0));
    const bool descending = state.range(1) != 0;
    QTemporaryDir dir;
    Result<std::unique_ptr<Database>> opened =
        Database::open(dir.filePath(QStringLiteral("history.db")),
                       crypto::SecureBytes::fromRaw(crypto::randomBytes(32)));
    if (!opened.ok()) {
        state.SkipWithError("cannot open the database");
        return;
    }
    Database &db = *opened.value();
    // Like the writer: no checkpoint inside a commit.
    if (!migrate(db).ok() || !db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")).ok() ||
        (descending && !db.exec(QString::fromLatin1(kDescendingIndexes)).ok())) {
        state.SkipWithError("cannot prepare the schema");
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
    state.SetLabel(descending ? "descending (schema 12)" : "ascending (schema 13)");
}
BENCHMARK(BM_HistoryCommit)
    ->ArgsProduct({{11, 28}, {1, 0}})
    ->ArgNames({"per_commit", "desc"})
    ->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
