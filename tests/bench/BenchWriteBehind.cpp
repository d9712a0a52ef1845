// Write-behind throughput for node_executions-sized rows: enqueue N rows,
// then flush(), on a real SQLCipher file (WAL, synchronous=NORMAL).
// Real time, because the work happens on the queue's writer thread.
//
//   build/<dir>/bin/BenchWriteBehind --benchmark_min_time=2

#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/WriteBehindQueue.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace hm;
using namespace hm::store;

namespace {

const QString kCreate = QStringLiteral(
    "CREATE TABLE node_executions ("
    " id TEXT PRIMARY KEY NOT NULL, execution_id TEXT NOT NULL, node_id TEXT NOT NULL,"
    " component TEXT NOT NULL, status TEXT NOT NULL, attempt INTEGER NOT NULL,"
    " started_at INTEGER, ended_at INTEGER, duration_ms INTEGER,"
    " inputs TEXT, outputs TEXT, error TEXT);"
    "CREATE INDEX idx_node_executions_execution ON node_executions(execution_id)");

const QString kInsert = QStringLiteral(
    "INSERT INTO node_executions (id, execution_id, node_id, component, status, attempt,"
    " started_at, ended_at, duration_ms, inputs, outputs, error)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

// ~200 bytes of JSON.
QString json(const char *kind)
{
    return QStringLiteral(
               "{\"kind\":\"%1\",\"url\":\"https://api.example.com/v1/items?page=3\","
               "\"headers\":{\"accept\":\"application/json\",\"x-trace\":\"4bf92f3577b34da6\"},"
               "\"body\":{\"id\":12345,\"name\":\"sample item\",\"tags\":[\"a\",\"b\",\"c\"]}}")
        .arg(QLatin1String(kind));
}

struct Fixture
{
    QTemporaryDir dir;
    crypto::SecureBytes key = crypto::SecureBytes::fromRaw(crypto::randomBytes(32));
    QString path = dir.filePath(QStringLiteral("bench.db"));

    bool create()
    {
        Result<std::unique_ptr<Database>> db = Database::open(path, key);
        return db.ok() && db.value()->exec(kCreate).ok();
    }
};

WriteOp nodeExecution(const QString &executionId, qint64 i, const QString &inputs,
                      const QString &outputs)
{
    const qint64 started = 1'700'000'000'000 + i;
    return WriteOp{kInsert,
                   {crypto::uuid(), executionId, QStringLiteral("node-%1").arg(i % 50),
                    QStringLiteral("http-request"), QStringLiteral("completed"), 1, started,
                    started + 42, 42, inputs, outputs, QVariant()}};
}

void BM_WriteBehindInsert(benchmark::State &state)
{
    Fixture fixture;
    if (!fixture.create()) {
        state.SkipWithError("cannot create the database");
        return;
    }
    WriteBehindQueue queue(fixture.path, crypto::SecureBytes::fromRaw(fixture.key.view()));
    if (!queue.start().ok()) {
        state.SkipWithError("cannot start the queue");
        return;
    }
    const qint64 rows = state.range(0);
    const QString inputs = json("inputs");
    const QString outputs = json("outputs");
    qint64 next = 0;
    for (auto _ : state) {
        const QString executionId = crypto::uuid();
        for (qint64 i = 0; i < rows; ++i)
            (void)queue.enqueue(nodeExecution(executionId, next++, inputs, outputs));
        queue.flush();
    }
    queue.stop();
    const WriteBehindStats stats = queue.stats();
    state.SetItemsProcessed(state.iterations() * rows);
    state.counters["rows_per_batch"] =
        stats.batches ? double(stats.written) / double(stats.batches) : 0.0;
    state.counters["blocked_producers"] = double(stats.blockedProducers);
    if (stats.failed != 0)
        state.SkipWithError("writes failed");
}
BENCHMARK(BM_WriteBehindInsert)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Baseline: the same rows through one connection in one transaction per
// N rows, on the calling thread.
void BM_DirectInsertInTransaction(benchmark::State &state)
{
    Fixture fixture;
    if (!fixture.create()) {
        state.SkipWithError("cannot create the database");
        return;
    }
    Result<std::unique_ptr<Database>> opened = Database::open(fixture.path, fixture.key);
    if (!opened.ok()) {
        state.SkipWithError("cannot open the database");
        return;
    }
    Database &db = *opened.value();
    const qint64 rows = state.range(0);
    const QString inputs = json("inputs");
    const QString outputs = json("outputs");
    qint64 next = 0;
    for (auto _ : state) {
        const QString executionId = crypto::uuid();
        Result<Transaction> txn = db.begin();
        for (qint64 i = 0; i < rows; ++i) {
            const WriteOp op = nodeExecution(executionId, next++, inputs, outputs);
            Result<Statement> stmt = db.prepare(op.sql);
            for (qsizetype p = 0; p < op.params.size(); ++p)
                stmt.value().bind(int(p) + 1, op.params.at(p));
            (void)stmt.value().run();
        }
        (void)txn.value().commit();
    }
    state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(BM_DirectInsertInTransaction)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
