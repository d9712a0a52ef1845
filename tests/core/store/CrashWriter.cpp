// hm_store_crash_writer: the child process of TestStoreCrashSafety. Writes
// until it is killed, and announces each durable unit on stdout only after
// the store said it was committed:
//
//   hm_store_crash_writer <db> txn    BEGIN; 5 rows + 1 ledger row; COMMIT;
//                                     then "committed N"
//   hm_store_crash_writer <db> queue  the same ops through WriteBehindQueue,
//                                     10 units per flush(); then "flushed N"
//                                     (every unit up to N is stored)
//
// Test-only: the raw database key comes hex-encoded in HM_STORE_CRASH_KEY.

#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/WriteBehindQueue.h"

#include <QByteArray>
#include <cstdio>

using namespace hm;
using namespace hm::store;

namespace {

constexpr int kRowsPerUnit = 5;
constexpr int kUnitsPerFlush = 10;

int fail(const QString &what)
{
    std::fprintf(stderr, "crash writer: %s\n", qUtf8Printable(what));
    return 2;
}

QString payload(qint64 unit, int row)
{
    // Long enough that a transaction spans several pages.
    return QStringLiteral("unit %1 row %2 ").arg(unit).arg(row).leftJustified(300, u'.');
}

Result<qint64> nextUnit(Database &db)
{
    const Result<qint64> last =
        db.queryInt(QStringLiteral("SELECT coalesce(max(txn), 0) FROM ledger"));
    if (!last.ok())
        return last.error();
    return last.value() + 1;
}

int runTransactions(Database &db)
{
    Result<qint64> next = nextUnit(db);
    if (!next.ok())
        return fail(next.error().toString());
    for (qint64 unit = next.value();; ++unit) {
        Result<Transaction> txn = db.begin();
        if (!txn.ok())
            return fail(txn.error().toString());
        for (int row = 0; row < kRowsPerUnit; ++row) {
            Result<Statement> insert =
                db.prepare(QStringLiteral("INSERT INTO rows (txn, k, payload) VALUES (?, ?, ?)"));
            if (!insert.ok())
                return fail(insert.error().toString());
            if (Status s =
                    insert.value().bind(1, unit).bind(2, row).bind(3, payload(unit, row)).run();
                !s.ok())
                return fail(s.error().toString());
        }
        Result<Statement> ledger =
            db.prepare(QStringLiteral("INSERT INTO ledger (txn, row_count) VALUES (?, ?)"));
        if (!ledger.ok())
            return fail(ledger.error().toString());
        if (Status s = ledger.value().bind(1, unit).bind(2, kRowsPerUnit).run(); !s.ok())
            return fail(s.error().toString());
        if (Status s = txn.value().commit(); !s.ok())
            return fail(s.error().toString());
        std::printf("committed %lld\n", static_cast<long long>(unit));
        std::fflush(stdout);
    }
}

int runQueue(const QString &path, crypto::SecureBytes key)
{
    qint64 unit = 0;
    {
        Result<std::unique_ptr<Database>> db = Database::open(path, key);
        if (!db.ok())
            return fail(db.error().toString());
        Result<qint64> next = nextUnit(*db.value());
        if (!next.ok())
            return fail(next.error().toString());
        unit = next.value();
    }
    WriteBehindQueue queue(path, std::move(key),
                           WriteBehindOptions{.capacity = 256, .maxBatch = 64, .maxDelayMs = 2});
    if (Status s = queue.start(); !s.ok())
        return fail(s.error().toString());
    for (;;) {
        for (int i = 0; i < kUnitsPerFlush; ++i, ++unit) {
            for (int row = 0; row < kRowsPerUnit; ++row) {
                const Status s = queue.enqueue(
                    {QStringLiteral("INSERT INTO rows (txn, k, payload) VALUES (?, ?, ?)"),
                     {unit, row, payload(unit, row)}});
                if (!s.ok())
                    return fail(s.error().toString());
            }
            const Status s =
                queue.enqueue({QStringLiteral("INSERT INTO ledger (txn, row_count) VALUES (?, ?)"),
                               {unit, kRowsPerUnit}});
            if (!s.ok())
                return fail(s.error().toString());
        }
        queue.flush();
        if (queue.stats().failed != 0)
            return fail(QStringLiteral("the queue dropped writes"));
        std::printf("flushed %lld\n", static_cast<long long>(unit - 1));
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3)
        return fail(QStringLiteral("usage: hm_store_crash_writer <db> txn|queue"));
    QByteArray hex = qgetenv("HM_STORE_CRASH_KEY");
    QByteArray raw = QByteArray::fromHex(hex);
    crypto::SecureBytes key = crypto::SecureBytes::fromRaw(raw);
    crypto::wipe(hex);
    crypto::wipe(raw);
    const QString path = QString::fromLocal8Bit(argv[1]);
    const QByteArray mode(argv[2]);
    if (mode == "queue")
        return runQueue(path, std::move(key));
    if (mode != "txn")
        return fail(QStringLiteral("unknown mode"));
    Result<std::unique_ptr<Database>> db =
        Database::open(path, key, OpenOptions{.createIfMissing = false});
    if (!db.ok())
        return fail(db.error().toString());
    return runTransactions(*db.value());
}
