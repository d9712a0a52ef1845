// Rotation of the CREDENTIAL data key over N credentials (issue 13, item 2:
// 100,000 in under 30 s) with reads going on: the product's own vault and
// rotation (server/services/credentials) on a real SQLCipher file, arranged
// as the server arranges them. The rotation's worker re-encrypts on its own
// thread and connection; meanwhile this thread, standing in for the
// server's request thread, reads random credentials with their secrets
// (CredentialVault::get + open on the server connection) without pause and
// reports how many reads it did, their worst and 99th-percentile latency and
// any failure.
//
// Filling the store (outside the timing) takes a while for 100,000.
//
//   build/<dir>/bin/BenchDekRotation --benchmark_filter=/100000/
//
// Counters: reads, read_p99_ms, read_max_ms, read_failures (must be 0),
// reencrypted (must be N).

#include "crypto/Envelope.h"
#include "crypto/KeyDerivation.h"
#include "crypto/Random.h"
#include "crypto/Sodium.h"
#include "server/api/Roles.h"
#include "server/runtime/AdminBootstrap.h"
#include "server/services/credentials/CredentialRotation.h"
#include "server/services/credentials/CredentialVault.h"
#include "store/Database.h"
#include "store/DekRepository.h"
#include "store/Migrations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <vector>

using namespace hm;

namespace {

constexpr int kBatch = 500; // the server's default
constexpr int kFillTransaction = 5000;

struct Store
{
    QTemporaryDir dir;
    crypto::SecureBytes master = crypto::SecureBytes::fromRaw(crypto::randomBytes(32));
    QString path = dir.filePath(QStringLiteral("hivemind.db"));
    std::unique_ptr<store::Database> db;
    std::unique_ptr<store::DekRepository> deks;
    std::unique_ptr<crypto::EnvelopeCipher> cipher;
    std::unique_ptr<server::credentials::CredentialVault> vault;
    server::auth::Principal admin;
    QStringList ids;

    crypto::SecureBytes databaseKey() const
    {
        return crypto::deriveSubkey(master, crypto::Subkey::Database);
    }

    QString open()
    {
        auto opened = store::Database::open(path, databaseKey());
        if (!opened)
            return opened.error().toString();
        db = std::move(opened.value());
        if (Status migrated = store::migrate(*db); !migrated)
            return migrated.error().toString();
        qputenv("HIVEMIND_ADMIN_PASSWORD", "Bench!Admin-pw1");
        if (auto bootstrap = server::bootstrapAdmin(*db, dir.path()); !bootstrap)
            return bootstrap.error().toString();
        auto adminRow = db->selectOne(QStringLiteral("SELECT id, username FROM users LIMIT 1"));
        if (!adminRow || !adminRow.value())
            return QStringLiteral("no administrator");
        admin.userId = adminRow.value()->text(0);
        admin.username = adminRow.value()->text(1);
        admin.role = server::auth::Role::Admin;
        deks = std::make_unique<store::DekRepository>(*db);
        cipher = std::make_unique<crypto::EnvelopeCipher>(
            crypto::deriveSubkey(master, crypto::Subkey::DekWrapping), *deks);
        if (Status loaded = cipher->load(); !loaded)
            return loaded.error().toString();
        vault = std::make_unique<server::credentials::CredentialVault>(*db, *cipher);
        return {};
    }

    // n credentials of three kinds through the vault, in large transactions.
    QString fill(int n)
    {
        for (int first = 0; first < n; first += kFillTransaction) {
            auto transaction = db->begin();
            if (!transaction)
                return transaction.error().toString();
            for (int i = first; i < std::min(n, first + kFillTransaction); ++i) {
                const QString s = QString::number(i);
                QJsonObject body{{QStringLiteral("name"), QStringLiteral("cred ") + s}};
                switch (i % 3) {
                case 0:
                    body.insert(QStringLiteral("type"), QStringLiteral("http_bearer"));
                    body.insert(QStringLiteral("data"),
                                QJsonObject{{QStringLiteral("token"), QStringLiteral("tok-") + s}});
                    break;
                case 1:
                    body.insert(QStringLiteral("type"), QStringLiteral("http_basic"));
                    body.insert(
                        QStringLiteral("data"),
                        QJsonObject{{QStringLiteral("username"), QStringLiteral("svc")},
                                    {QStringLiteral("password"), QStringLiteral("pw-") + s}});
                    break;
                default:
                    body.insert(QStringLiteral("type"), QStringLiteral("api_key"));
                    body.insert(QStringLiteral("data"),
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("X-Api-Key")},
                                            {QStringLiteral("key"), QStringLiteral("key-") + s}});
                }
                auto created = vault->create(admin, body);
                if (!created)
                    return created.error().toString();
                ids.append(created.value().id);
            }
            if (Status committed = transaction.value().commit(); !committed)
                return committed.error().toString();
        }
        return {};
    }
};

void BM_DekRotation(benchmark::State &state)
{
    const int n = int(state.range(0));
    Store store;
    if (QString failed = store.open(); !failed.isEmpty())
        return state.SkipWithError(qPrintable(failed));
    if (QString failed = store.fill(n); !failed.isEmpty())
        return state.SkipWithError(qPrintable(failed));

    std::vector<double> latenciesMs;
    qint64 failures = 0;
    qint64 reencrypted = 0;
    QString firstFailure;
    for (auto _ : state) {
        auto workerDb = store::Database::open(store.path, store.databaseKey());
        if (!workerDb)
            return state.SkipWithError(qPrintable(workerDb.error().toString()));
        server::credentials::CredentialRotation rotation(
            *store.db, *store.cipher, std::move(workerDb.value()),
            crypto::deriveSubkey(store.master, crypto::Subkey::DekWrapping), kBatch);
        int previous = 0;
        QElapsedTimer timer;
        timer.start();
        if (auto rotated = rotation.rotate(&previous); !rotated)
            return state.SkipWithError(qPrintable(rotated.error().toString()));
        QRandomGenerator random(42);
        while (rotation.isRunning()) {
            const QString &id = store.ids.at(int(random.bounded(qsizetype(store.ids.size()))));
            QElapsedTimer read;
            read.start();
            auto row = store.vault->get(store.admin, id);
            bool ok = bool(row);
            if (ok) {
                auto secrets = store.vault->open(row.value());
                ok = bool(secrets);
                if (!ok && firstFailure.isEmpty())
                    firstFailure = secrets.error().toString();
            } else if (firstFailure.isEmpty()) {
                firstFailure = row.error().toString();
            }
            latenciesMs.push_back(double(read.nsecsElapsed()) / 1e6);
            failures += ok ? 0 : 1;
        }
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        QCoreApplication::processEvents(); // workerDone: the cipher reloads
        auto status = rotation.status();
        if (status)
            reencrypted = status.value()
                              .value(QStringLiteral("rotation"))
                              .toObject()
                              .value(QStringLiteral("reencrypted"))
                              .toInteger();
    }
    std::sort(latenciesMs.begin(), latenciesMs.end());
    state.counters["reads"] = double(latenciesMs.size());
    state.counters["read_max_ms"] = latenciesMs.empty() ? 0.0 : latenciesMs.back();
    state.counters["read_p99_ms"] =
        latenciesMs.empty() ? 0.0 : latenciesMs[size_t(double(latenciesMs.size() - 1) * 0.99)];
    state.counters["read_failures"] = double(failures);
    state.counters["reencrypted"] = double(reencrypted);
    if (failures > 0)
        state.SkipWithError(qPrintable(
            QStringLiteral("%1 reads failed, first: %2").arg(failures).arg(firstFailure)));
    else if (reencrypted != n)
        state.SkipWithError(
            qPrintable(QStringLiteral("%1 of %2 re-encrypted").arg(reencrypted).arg(n)));
}

BENCHMARK(BM_DekRotation)
    ->Arg(1000)
    ->Arg(100000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!crypto::initialize())
        return 1;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
