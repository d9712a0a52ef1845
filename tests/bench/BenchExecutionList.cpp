// The executions list on a large history, before and after schema version
// 12 (its list indexes) and 14 (the same indexes ascending, read backwards
// for newest first), in one run: the server's own list queries
// (repositories::listExecutions, executionCountsByHour: the count and the
// first page, as GET /api/v1/executions and the dashboard run them) on a real
// SQLCipher file holding N executions of three flows, each row with packed
// node states of a ten-node flow (~2.5 KB, as the chain benchmark writes).
// The store is filled once at schema version 11, every case runs, then the
// store is migrated to 12 (timed: what an upgrade costs) and every case runs
// again, and once more after migrating to 14.
//
//   BENCH_EXECUTIONS=100000 build/<dir>/bin/BenchExecutionList
//
// BENCH_EXECUTIONS: rows of the history (default 100,000; the ctest smoke
// run uses 2,000).
//
// Without the version 12 indexes some of these read every row (one
// decrypted page each) and the server's query time limit (2 s by default)
// stops them with TIMEOUT.

#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "server/repositories/ExecutionsRepository.h"
#include "server/repositories/ListRepositories.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <memory>

using namespace hm;
using namespace hm::server;
using namespace hm::server::repositories;

namespace {

constexpr qint64 kStartMs = 1'790'000'000'000;
const QStringList kFlows{QStringLiteral("flow-busy"), QStringLiteral("flow-daily"),
                         QStringLiteral("flow-rare")};

struct History
{
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    qint64 rows = 0;
    int version = 0;
    double migrateMs = 0;
};

qint64 historyRows()
{
    bool ok = false;
    const qint64 rows = qEnvironmentVariable("BENCH_EXECUTIONS").toLongLong(&ok);
    return ok && rows > 0 ? rows : 100000;
}

History &history(int version)
{
    const qint64 rows = historyRows();
    static std::unique_ptr<History> h;
    if (!h || h->rows != rows) {
        h = std::make_unique<History>();
        h->rows = rows;
        auto db = store::Database::open(h->dir.filePath(QStringLiteral("h.db")),
                                        crypto::SecureBytes::fromRaw(crypto::randomBytes(32)));
        if (!db)
            qFatal("open: %s", qPrintable(db.error().toString()));
        h->db = std::move(db.value());
        const QList<store::Migration> upTo11 = store::schemaMigrations().mid(0, 11);
        if (!store::migrate(*h->db, upTo11).ok())
            qFatal("migrate to 11");
        h->version = 11;
        const QString states = QStringLiteral("{\"format\":2,\"nodes\":[") +
                               QString(2400, QChar(u'n')) + QStringLiteral("]}");
        QRandomGenerator random(11);
        for (qint64 i = 0; i < rows;) {
            auto tx = h->db->begin();
            for (int k = 0; k < 5000 && i < rows; ++k, ++i) {
                // 80 % busy, 19 % daily, 1 % rare; 2 % failed.
                const int pick = random.bounded(100);
                const QString &flow = kFlows[pick < 80 ? 0 : pick < 99 ? 1 : 2];
                const QString status = random.bounded(100) < 2 ? QStringLiteral("failed")
                                                               : QStringLiteral("completed");
                const qint64 created = kStartMs + i * 30; // a day of history per 2.9M
                const Status s = h->db->forEachRow(
                    QStringLiteral("INSERT INTO executions (id, flow_id, flow_version, status,"
                                   " created_at, node_states) VALUES (?, ?, '1', ?, ?, ?)"),
                    {QStringLiteral("e%1").arg(i, 12, 10, QChar(u'0')), flow, status, created,
                     states},
                    [](const store::Statement &) {});
                if (!s.ok())
                    qFatal("insert: %s", qPrintable(s.error().toString()));
            }
            if (!tx.value().commit().ok())
                qFatal("commit");
        }
    }
    if (version > h->version) {
        QElapsedTimer timer;
        timer.start();
        if (!store::migrate(*h->db, store::schemaMigrations().mid(0, version)).ok())
            qFatal("migrate to %d", version);
        h->migrateMs = double(timer.nsecsElapsed()) / 1e6;
        h->version = version;
    }
    return *h;
}

auth::Principal admin()
{
    auth::Principal p;
    p.role = auth::Role::Admin;
    return p;
}

void listCase(benchmark::State &state, int version, ExecutionListFilter filter)
{
    History &h = history(version);
    qint64 total = 0;
    for (auto _ : state) {
        auto page = listExecutions(*h.db, admin(), filter, Paging{1, 20});
        if (!page) {
            state.SkipWithError(qPrintable(page.error().toString()));
            return;
        }
        total = page.value().total;
        benchmark::DoNotOptimize(page);
    }
    state.counters["total"] = double(total);
    state.counters["migrate_ms"] = h.migrateMs;
}

void hourlyCase(benchmark::State &state, int version)
{
    History &h = history(version);
    // The dashboard's last 24 hours, at the end of the history.
    const qint64 to = kStartMs + h.rows * 30;
    for (auto _ : state) {
        auto counts = executionCountsByHour(*h.db, admin(), to - 24 * 3600'000, to);
        if (!counts) {
            state.SkipWithError(qPrintable(counts.error().toString()));
            return;
        }
        benchmark::DoNotOptimize(counts);
    }
}

void registerAll(int version)
{
    const QString suffix = QStringLiteral("/v%1").arg(version);
    const auto add = [&](const char *name, ExecutionListFilter filter) {
        benchmark::RegisterBenchmark(
            (QStringLiteral("List/") + QLatin1String(name) + suffix).toUtf8().constData(),
            [version, filter](benchmark::State &s) { listCase(s, version, filter); })
            ->Unit(benchmark::kMillisecond);
    };
    add("all", {});
    add("flow", {kFlows[2], {}, {}, {}});
    add("status", {{}, QStringLiteral("failed"), {}, {}});
    add("status_completed", {{}, QStringLiteral("completed"), {}, {}});
    add("flow_status", {kFlows[2], QStringLiteral("failed"), {}, {}});
    add("busy_flow_completed", {kFlows[0], QStringLiteral("completed"), {}, {}});
    add("busy_flow_failed", {kFlows[0], QStringLiteral("failed"), {}, {}});
    benchmark::RegisterBenchmark(("Hourly" + suffix).toUtf8().constData(),
                                 [version](benchmark::State &s) { hourlyCase(s, version); })
        ->Unit(benchmark::kMillisecond);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    registerAll(11);
    registerAll(12);
    registerAll(14);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
