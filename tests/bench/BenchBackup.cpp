// Backup and restore of a large database while triggers are served (issue
// 37, Benchmarks; docs/backup.md). Goals: backup of a 1 GiB database at
// >= 100 MB/s while triggers are served, trigger p99 under that load < 2x
// its idle p99, and a restore of the same < 30 s.
//
//   BenchBackup [--mib N]   (default 1024)
//
// Fills a fresh data directory's database directly (hivemind_store, the
// server's own key derivation) with N MiB in one table of 1 MiB rows (half
// random bytes, half repeated text, as real data compresses partly), then
// starts the real hivemind-server on it and, over loopback:
//   1. idle: 300 triggers of a one-node flow, one after the other;
//   2. a backup (POST /backup/backups) while triggers run one after the
//      other until it completes; MB/s = database bytes / (completed_at -
//      created_at) as the server records them;
//   3. restore: POST …/{id}/restore (verify, decrypt, stage, migrate) plus
//      the restart that swaps it in, until /health answers.
// Prints the three figures and the trigger p50/p99/max idle and under load.
// Exit code 1 when something failed to run (benchmarks do not assert
// timings).

#include "../server/AuthTestSupport.h"
#include "../server/FlowTestSupport.h"
#include "crypto/KeyDerivation.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hm::test;

namespace {

int fail(const QString &what)
{
    std::fprintf(stderr, "BenchBackup: %s\n", qPrintable(what));
    return 1;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, size_t(p * double(values.size()))));
}

QString fill(const QString &dataDir, const QByteArray &masterKeyBase64, int mib)
{
    const hm::crypto::SecureBytes master =
        hm::crypto::SecureBytes::fromRaw(QByteArray::fromBase64(masterKeyBase64));
    const hm::crypto::SecureBytes key =
        hm::crypto::deriveSubkey(master, hm::crypto::Subkey::Database);
    auto db = hm::store::Database::open(dataDir + QStringLiteral("/hivemind.db"), key);
    if (!db)
        return db.error().message;
    if (auto migrated = hm::store::migrate(*db.value()); !migrated)
        return migrated.error().message;
    if (auto made = db.value()->exec(QStringLiteral(
            "CREATE TABLE bench_filler (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)"));
        !made)
        return made.error().message;
    const QByteArray text = QByteArray("metric_samples node=ap-17 cpu=0.42 mem=0.61 ").repeated(
        512 * 1024 / 45 + 1).left(512 * 1024);
    for (int i = 0; i < mib;) {
        auto tx = db.value()->begin();
        if (!tx)
            return tx.error().message;
        for (int j = 0; j < 64 && i < mib; ++j, ++i) {
            const QByteArray payload = hm::crypto::randomBytes(512 * 1024) + text;
            if (auto put = db.value()->execute(
                    QStringLiteral("INSERT INTO bench_filler (payload) VALUES (?1)"), {payload});
                !put)
                return put.error().message;
        }
        if (auto done = tx.value().commit(); !done)
            return done.error().message;
    }
    return {};
}

// One trigger's round trip in ms, or -1.
double timedTrigger(Http &http, const QString &token, const QString &flow)
{
    QElapsedTimer clock;
    clock.start();
    const Answer answer = triggerFlow(http, token, flow, {{"v", 1}});
    return answer.status == 200 ? double(clock.nsecsElapsed()) / 1e6 : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int mib = 1024;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--mib")); at >= 0 && at + 1 < args.size())
        mib = args.at(at + 1).toInt();
    if (mib < 1)
        return fail(QStringLiteral("--mib must be at least 1"));

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary directory"));
    const QByteArray masterKey = randomMasterKeyBase64();
    QElapsedTimer clock;
    clock.start();
    if (const QString problem = fill(dir.path(), masterKey, mib); !problem.isEmpty())
        return fail(QStringLiteral("filling: ") + problem);
    std::printf("filled %d MiB in %.1f s\n", mib, double(clock.elapsed()) / 1000);

    auto server = std::make_unique<ServerProcess>(dir.path(), masterKey);
    std::unique_ptr<Http> http;
    QString admin;
    if (const QString problem = connectAdmin(*server, startAuthServer(*server), http, admin);
        !problem.isEmpty())
        return fail(problem);
    const QString flow = createPublishedFlow(
        *http, admin, QStringLiteral("bench"),
        flowDefinition({flowNode("echo", "transform", {{"v", "$.trigger.v"}},
                                 {{"outputs", QJsonObject{{"v", "$.inputs.v"}}}})}));
    if (flow.isEmpty())
        return fail(QStringLiteral("no flow"));

    std::vector<double> idle;
    for (int i = 0; i < 300; ++i)
        idle.push_back(timedTrigger(*http, admin, flow));

    const Answer created = http->json("POST", QStringLiteral("/api/v1/backup/backups"),
                                      {{"name", "bench"}}, admin);
    if (created.status != 202)
        return fail(QStringLiteral("backup refused: ") + QString::fromUtf8(created.raw));
    const QString id = created.data().value(QStringLiteral("backup_id")).toString();
    std::vector<double> loaded;
    QJsonObject row;
    for (;;) {
        loaded.push_back(timedTrigger(*http, admin, flow));
        row = http->get(QStringLiteral("/api/v1/backup/backups/") + id, admin).data();
        if (row.value(QStringLiteral("status")).toString() != QLatin1String("running"))
            break;
    }
    if (row.value(QStringLiteral("status")).toString() != QLatin1String("completed"))
        return fail(QStringLiteral("backup failed: ") + row.value(QStringLiteral("error")).toString());
    const auto ms = [](const QJsonValue &v) {
        return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    };
    const double seconds =
        double(ms(row.value(QStringLiteral("completed_at"))) - ms(row.value(QStringLiteral("created_at")))) /
        1000;
    const double databaseMb =
        double(row.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("database_size")).toInteger()) /
        1e6;
    std::printf("backup: %.0f MB database -> %.0f MB file in %.1f s = %.0f MB/s\n", databaseMb,
                double(row.value(QStringLiteral("size_bytes")).toInteger()) / 1e6, seconds,
                databaseMb / std::max(seconds, 0.001));
    std::printf("trigger idle:        p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu)\n",
                percentile(idle, 0.5), percentile(idle, 0.99), percentile(idle, 1.0), idle.size());
    std::printf("trigger under backup: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu)\n",
                percentile(loaded, 0.5), percentile(loaded, 0.99), percentile(loaded, 1.0),
                loaded.size());

    clock.restart();
    // Verifying and staging 1 GiB outlasts Http's default 60 s wait.
    const Answer restoring = Http::finish(
        http->begin("POST", QStringLiteral("/api/v1/backup/backups/") + id + QStringLiteral("/restore"),
                    "{}", Http::bearer(admin)),
        30 * 60 * 1000);
    if (restoring.status != 202)
        return fail(QStringLiteral("restore refused (%1): ").arg(restoring.status) +
                    QString::fromUtf8(restoring.raw));
    const double staged = double(clock.elapsed()) / 1000;
    server->process().terminate();
    if (!server->process().waitForFinished(60000))
        return fail(QStringLiteral("the server did not stop"));
    // The server logs where each phase's time went.
    for (const QByteArray &line : server->standardError().split('\n'))
        if (line.contains("snapshot") || line.contains("staged:"))
            std::printf("server: %s\n", line.constData());
    server = std::make_unique<ServerProcess>(dir.path(), masterKey);
    setAdminEnvironment(*server);
    const QUrl url = server->start({}, 0, 120000);
    if (url.isEmpty())
        return fail(QStringLiteral("the server did not start after the restore"));
    const double total = double(clock.elapsed()) / 1000;
    std::printf("restore: verified and staged in %.1f s, serving again after %.1f s\n", staged,
                total);
    return 0;
}
