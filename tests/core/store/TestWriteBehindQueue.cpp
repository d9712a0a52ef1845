#include "StoreTestSupport.h"
#include "common/ThreadPriority.h"
#include "store/Database.h"
#include "store/WriteBehindQueue.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace hm;
using namespace hm::store;
using namespace hm::store::test;

namespace {

const QString kInsert =
    QStringLiteral("INSERT INTO rows (producer, seq, payload) VALUES (?, ?, ?)");

WriteOp row(int producer, int seq)
{
    return WriteOp{kInsert,
                   {producer, seq, QStringLiteral("payload %1/%2").arg(producer).arg(seq)}};
}

// The row's whole state, as an upsert keyed by the row (how the execution
// journal writes).
WriteOp upsert(int producer, int seq, const QString &payload)
{
    return WriteOp{QStringLiteral("UPDATE rows SET payload = ?3 WHERE producer = ?1 AND seq = ?2"),
                   {producer, seq, payload},
                   QStringLiteral("INSERT INTO rows (producer, seq, payload) VALUES (?1, ?2, ?3)"),
                   QStringLiteral("row/%1/%2").arg(producer).arg(seq)};
}

// Group packing: a host row whose payload receives its members as
// "[seq,seq,...]"; members are plain rows when not packed.
WriteOp host(int producer, const QString &group, bool groupFirst)
{
    WriteOp op{kInsert, {producer, 0, QVariant()}, {}, QStringLiteral("host/") + group};
    op.group = group;
    op.packInto = 2;
    op.groupFirst = groupFirst;
    op.pack = [](const WriteOp &self, const std::vector<const WriteOp *> &members) {
        QStringList seqs;
        // Its own members first (ownMembers), as "o<seq>".
        if (const auto own = std::static_pointer_cast<const QList<int>>(self.record))
            for (const int seq : *own)
                seqs << u'o' + QString::number(seq);
        for (const WriteOp *packed : members)
            seqs << QString::number(packed->params.at(1).toInt());
        return QVariant(u'[' + seqs.join(u',') + u']');
    };
    return op;
}

// A host that brings members of its own (the journal's final execution
// record with the node records it held back).
WriteOp hostWithOwn(int producer, const QString &group, bool groupFirst, QList<int> own)
{
    WriteOp op = host(producer, group, groupFirst);
    op.ownMembers = own.size();
    op.record = std::make_shared<const QList<int>>(std::move(own));
    return op;
}

WriteOp member(int producer, int seq, const QString &group)
{
    WriteOp op = row(producer, seq);
    op.group = group;
    op.packable = true;
    return op;
}

// A row whose parameters the writer makes from its record (a seq), counting
// how often it had to.
std::atomic<int> g_paramsMade{0};

WriteOp lazyRow(int producer, int seq, const QString &key = {})
{
    WriteOp op{kInsert, {}, {}, key};
    op.record = std::make_shared<const std::pair<int, int>>(producer, seq);
    op.makeParams = [](const void *record, QVariantList &params) {
        const auto &[p, s] = *static_cast<const std::pair<int, int> *>(record);
        params = {p, s, QStringLiteral("made %1/%2").arg(p).arg(s)};
        ++g_paramsMade;
    };
    return op;
}

} // namespace

class TestWriteBehindQueue : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    crypto::SecureBytes m_key;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("queue.db")); }

    // A second, independent connection: what other parts of the server see.
    std::unique_ptr<Database> observer()
    {
        Result<std::unique_ptr<Database>> db = Database::open(dbPath(), m_key);
        if (!db.ok())
            qWarning("%s", why(db).constData());
        return db.ok() ? std::move(db.value()) : nullptr;
    }

    // Every row as "producer/seq payload" ("~" for a NULL payload), in
    // (producer, seq) order; empty when the file cannot be read.
    QStringList storedRows()
    {
        std::unique_ptr<Database> db = observer();
        if (!db)
            return {};
        Result<Statement> all = db->prepare(QStringLiteral(
            "SELECT producer, seq, coalesce(payload, '~') FROM rows ORDER BY producer, seq"));
        if (!all.ok())
            return {};
        QStringList found;
        while (all.value().step().valueOr(false))
            found << QStringLiteral("%1/%2 %3")
                         .arg(all.value().int64(0))
                         .arg(all.value().int64(1))
                         .arg(all.value().text(2));
        return found;
    }

    // Enqueues `rows` rows of about a page each (as UTF-8 text) and flushes;
    // the largest the WAL file was, looked at every 250 rows and at the end.
    qint64 writeLargeRows(WriteBehindQueue &queue, int rows)
    {
        const QString payload(2000, u'x');
        const QString wal = dbPath() + QStringLiteral("-wal");
        qint64 largest = 0;
        for (int i = 0; i < rows; ++i) {
            if (!queue.enqueue(WriteOp{kInsert, {0, i, payload}}).ok())
                qFatal("enqueue failed at row %d", i);
            if (i % 250 == 0)
                largest = std::max(largest, QFileInfo(wal).size());
        }
        queue.flush();
        return std::max(largest, QFileInfo(wal).size());
    }

    qint64 rowCount()
    {
        std::unique_ptr<Database> db = observer();
        return db ? db->queryInt(QStringLiteral("SELECT count(*) FROM rows")).valueOr(-1) : -1;
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_key = randomKey();
        std::unique_ptr<Database> db = observer();
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE rows (producer INTEGER NOT NULL,"
                                        " seq INTEGER NOT NULL, payload TEXT,"
                                        " PRIMARY KEY (producer, seq))"))
                    .ok());
    }

    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void keyedOpsCoalesceInTheirPosition()
    {
        // A long linger: nothing is written until flush(), so every op below
        // meets the earlier ones in the queue.
        WriteBehindQueue queue(dbPath(), copyOf(m_key), WriteBehindOptions{.maxDelayMs = 600000});
        const Status started = queue.start();
        QVERIFY2(started.ok(), why(started));

        // Twice: the second round starts with the first round's positions
        // already taken by the writer.
        for (int round = 0; round < 2; ++round) {
            const int a = 10 * round + 1, b = 10 * round + 2;
            QVERIFY(queue.enqueue(upsert(a, 1, QStringLiteral("a1"))).ok());
            QVERIFY(queue.enqueue(row(b, 1)).ok()); // unkeyed: never coalesced
            QVERIFY(queue.enqueue(upsert(a, 1, QStringLiteral("a2"))).ok());
            QVERIFY(queue.tryEnqueue(upsert(a, 1, QStringLiteral("a3"))));
            queue.flush();

            std::unique_ptr<Database> db = observer();
            QVERIFY(db);
            Result<Statement> rows = db->prepare(
                QStringLiteral("SELECT producer, payload FROM rows WHERE producer IN (?, ?)"
                               " ORDER BY rowid"));
            QVERIFY(rows.ok());
            rows.value().bind(1, a);
            rows.value().bind(2, b);
            QVERIFY(rows.value().step().valueOr(false));
            // The keyed row kept its first position (before b) and holds
            // the last state.
            QCOMPARE(rows.value().int64(0), a);
            QCOMPARE(rows.value().text(1), QStringLiteral("a3"));
            QVERIFY(rows.value().step().valueOr(false));
            QCOMPARE(rows.value().int64(0), b);
            QVERIFY(!rows.value().step().valueOr(true));
        }
        WriteBehindStats stats = queue.stats();
        QCOMPARE(stats.enqueued, 8);
        QCOMPARE(stats.coalesced, 4);
        QCOMPARE(stats.written, 4);
        QCOMPARE(stats.failed, 0);

        // Once written, the key no longer coalesces: the next op is queued
        // and, the row existing, takes the UPDATE rather than the INSERT
        // (which would fail on the primary key).
        QVERIFY(queue.enqueue(upsert(1, 1, QStringLiteral("a4"))).ok());
        queue.flush();
        stats = queue.stats();
        QCOMPARE(stats.coalesced, 4);
        QCOMPARE(stats.written, 5);
        QCOMPARE(stats.failed, 0);
        std::unique_ptr<Database> db = observer();
        QVERIFY(db);
        Result<Statement> payload =
            db->prepare(QStringLiteral("SELECT payload FROM rows WHERE producer = 1"));
        QVERIFY(payload.ok());
        QVERIFY(payload.value().step().valueOr(false));
        QCOMPARE(payload.value().text(0), QStringLiteral("a4"));
        QCOMPARE(rowCount(), 4);
    }

    void deferredJsonIsRenderedByTheWriter()
    {
        WriteBehindQueue queue(dbPath(), copyOf(m_key));
        const Status started = queue.start();
        QVERIFY2(started.ok(), why(started));
        // A capture-less lambda: what the journal passes (maskedJson & co).
        QString (*render)(const QJsonObject &) = [](const QJsonObject &object) {
            return QStringLiteral("rendered:") + object.value(QStringLiteral("v")).toString();
        };
        const QJsonObject object{{QStringLiteral("v"), QStringLiteral("x")}};
        QVERIFY(
            queue
                .enqueue(
                    {kInsert, {7, 1, QVariant::fromValue(DeferredJson{object, render})}, {}, {}})
                .ok());
        QVERIFY(
            queue
                .enqueue(
                    {kInsert, {7, 2, QVariant::fromValue(DeferredJson{object, nullptr})}, {}, {}})
                .ok());
        queue.flush();
        std::unique_ptr<Database> db = observer();
        QVERIFY(db);
        Result<Statement> rows =
            db->prepare(QStringLiteral("SELECT seq, payload FROM rows WHERE producer = 7"
                                       " ORDER BY seq"));
        QVERIFY(rows.ok());
        QVERIFY(rows.value().step().valueOr(false));
        QCOMPARE(rows.value().text(1), QStringLiteral("rendered:x"));
        QVERIFY(rows.value().step().valueOr(false));
        QVERIFY(rows.value().isNull(1)); // no renderer: NULL
    }

    void concurrentProducersLoseNothing()
    {
        constexpr int kProducers = 4;
        constexpr int kRows = 25'000;
        WriteBehindQueue queue(dbPath(), copyOf(m_key), WriteBehindOptions{.capacity = 4096});
        const Status started = queue.start();
        QVERIFY2(started.ok(), why(started));

        std::atomic<int> failures = 0;
        std::vector<std::thread> producers;
        for (int p = 0; p < kProducers; ++p) {
            producers.emplace_back([&, p] {
                for (int seq = 0; seq < kRows; ++seq) {
                    if (!queue.enqueue(row(p, seq)).ok())
                        ++failures;
                }
            });
        }
        for (std::thread &producer : producers)
            producer.join();
        queue.stop();
        QCOMPARE(failures.load(), 0);

        const WriteBehindStats stats = queue.stats();
        QCOMPARE(stats.enqueued, kProducers * kRows);
        QCOMPARE(stats.written, kProducers * kRows);
        QCOMPARE(stats.failed, 0);
        QVERIFY(stats.batches > 0);
        QVERIFY(stats.batches < kProducers * kRows / 10); // really batched

        std::unique_ptr<Database> db = observer();
        QVERIFY(db);
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM rows")).valueOr(-1),
                 kProducers * kRows);
        QCOMPARE(db->queryInt(QStringLiteral(
                                  "SELECT count(*) FROM (SELECT DISTINCT producer, seq FROM rows)"))
                     .valueOr(-1),
                 kProducers * kRows);
        // Every producer's sequence is complete: 0 .. kRows-1, each once.
        Result<Statement> perProducer = db->prepare(QStringLiteral(
            "SELECT producer, count(*), min(seq), max(seq) FROM rows GROUP BY producer"));
        QVERIFY(perProducer.ok());
        int groups = 0;
        while (perProducer.value().step().valueOr(false)) {
            ++groups;
            QCOMPARE(perProducer.value().int64(1), kRows);
            QCOMPARE(perProducer.value().int64(2), 0);
            QCOMPARE(perProducer.value().int64(3), kRows - 1);
        }
        QCOMPARE(groups, kProducers);
    }

    void backPressureBlocksWhenFull()
    {
        constexpr qsizetype kCapacity = 16;
        WriteBehindQueue queue(
            dbPath(), copyOf(m_key),
            WriteBehindOptions{.capacity = kCapacity, .maxBatch = 4, .maxDelayMs = 0});
        QVERIFY(queue.start().ok());

        // Another connection holds the write lock: the writer stalls in BEGIN.
        std::unique_ptr<Database> blocker = observer();
        QVERIFY(blocker);
        std::optional<Transaction> lock;
        {
            Result<Transaction> txn = blocker->begin();
            QVERIFY2(txn.ok(), why(txn));
            lock.emplace(std::move(txn.value()));
        }

        // Top the queue up until the stalled writer has taken its one batch
        // (it woke on the first op) and nothing more fits.
        int accepted = 0;
        QTRY_VERIFY([&] {
            while (queue.tryEnqueue(row(0, accepted)))
                ++accepted;
            return accepted > kCapacity;
        }());
        QVERIFY2(accepted <= kCapacity + 4, QByteArray::number(accepted));
        QVERIFY(!queue.tryEnqueue(row(0, 1000)));

        std::atomic<bool> returned = false;
        Status blockedStatus;
        std::thread producer([&] {
            blockedStatus = queue.enqueue(row(1, 0));
            returned = true;
        });
        // Release the lock and join even when a check below fails.
        const auto release = qScopeGuard([&] {
            lock.reset();
            producer.join();
        });
        QTRY_COMPARE(queue.stats().blockedProducers, 1);
        QVERIFY(!returned.load()); // nothing can drain while the lock is held

        QVERIFY(lock->rollback().ok());
        QTRY_VERIFY(returned.load());
        QVERIFY2(blockedStatus.ok(), why(blockedStatus));

        queue.flush();
        QCOMPARE(rowCount(), accepted + 1);
        const WriteBehindStats stats = queue.stats();
        QCOMPARE(stats.written, accepted + 1);
        QCOMPARE(stats.failed, 0);
    }

    void flushMakesRowsVisible()
    {
        // A long linger: without flush() the rows would wait 10 s.
        WriteBehindQueue queue(dbPath(), copyOf(m_key), WriteBehindOptions{.maxDelayMs = 10'000});
        QVERIFY(queue.start().ok());
        for (int i = 0; i < 10; ++i)
            QVERIFY(queue.enqueue(row(0, i)).ok());
        QCOMPARE(rowCount(), 0);
        queue.flush();
        QCOMPARE(rowCount(), 10);
        queue.flush(); // nothing pending: returns at once
        for (int i = 10; i < 20; ++i)
            QVERIFY(queue.tryEnqueue(row(0, i)));
        queue.flush();
        QCOMPARE(rowCount(), 20);
        QCOMPARE(queue.stats().batches, 2);
    }

    void walStartsOverUnderSteadyWrites()
    {
        // Steady writes: the background PASSIVE checkpoint never catches up
        // with the writer, so without a RESTART the WAL file would grow by
        // every page written (here about 25 MB). With a small limit it is
        // started over again and again and stays small, and nothing written
        // is lost on the way.
        WriteBehindOptions options;
        options.checkpointIntervalMs = 2;
        options.walRestartFrames = 256;
        options.maxBatch = 64; // many commits, as under a steady trigger load
        options.maxDelayMs = 1;
        WriteBehindQueue queue(dbPath(), copyOf(m_key), options);
        QVERIFY(queue.start().ok());
        constexpr int kRows = 12000;
        const qint64 largestWal = writeLargeRows(queue, kRows);
        QCOMPARE(rowCount(), kRows);
        // The writer counts the WAL's frames after each of its commits and
        // starts the file over before the next batch once there are 256:
        // at most 256 frames plus one batch (about 1.3 MB), however late
        // the checkpoint thread runs. Without the limit the file keeps
        // every frame (29 MB).
        QVERIFY2(largestWal < 3LL * 1024 * 1024, QByteArray::number(largestWal).constData());
        QVERIFY(queue.stats().walRestarts > 0);
        // Nothing reads here, so no RESTART may be put off: the background
        // PASSIVE running at the same moment must not make it fail
        // (SQLite answers a second checkpoint with SQLITE_BUSY at once).
        QCOMPARE(queue.stats().walRestartsBusy, 0);
    }

    void restartFollowsAPassiveItAskedFor()
    {
        // Background checkpoints an hour apart: every checkpoint in this
        // run is one the writer asked for on reaching the cap, and each of
        // its RESTARTs comes after one (so it copies and syncs little).
        WriteBehindOptions options;
        options.checkpointIntervalMs = 3600 * 1000;
        options.walRestartFrames = 256;
        options.maxBatch = 64;
        options.maxDelayMs = 1;
        WriteBehindQueue queue(dbPath(), copyOf(m_key), options);
        QVERIFY(queue.start().ok());
        constexpr int kRows = 4000;
        const qint64 largestWal = writeLargeRows(queue, kRows);
        QCOMPARE(rowCount(), kRows);
        const WriteBehindStats stats = queue.stats();
        QVERIFY(stats.walRestarts > 0);
        // One asked-for PASSIVE per restart at most (a RESTART forced a
        // sixteenth over the cap needs none, and the last one asked for
        // may still be running); at least one ran.
        QVERIFY2(stats.checkpoints > 0 && stats.checkpoints <= stats.walRestarts + 1,
                 qPrintable(QStringLiteral("%1 checkpoints, %2 restarts")
                                .arg(stats.checkpoints)
                                .arg(stats.walRestarts)));
        QCOMPARE(stats.walRestartsBusy, 0);
        // The cap, its sixteenth and a batch: well under 3 MB.
        QVERIFY2(largestWal < 3LL * 1024 * 1024, QByteArray::number(largestWal).constData());
    }

    void walIsCutBackOnlyOnceWritesPause()
    {
        // Restarts under load keep the WAL file's size (cutting a large
        // file back inside a commit held every acknowledgement); once no
        // connection commits for an interval, the checkpoint thread cuts
        // it back to nothing. Nothing written is lost, and the file is
        // still a good database afterwards.
        const QString wal = dbPath() + QStringLiteral("-wal");
        const QString payload(2000, u'x'); // about a page per row
        const auto options = [](qint64 truncateAbove) {
            WriteBehindOptions o;
            o.checkpointIntervalMs = 2;
            o.walRestartFrames = 256;
            o.walIdleTruncateBytes = truncateAbove;
            o.maxBatch = 64;
            o.maxDelayMs = 1;
            return o;
        };
        {
            // Off: after the writes and many idle intervals, the file is
            // as large as the restarts left it.
            WriteBehindQueue queue(dbPath(), copyOf(m_key), options(0));
            QVERIFY(queue.start().ok());
            for (int i = 0; i < 1500; ++i)
                QVERIFY(queue.enqueue(WriteOp{kInsert, {0, i, payload}}).ok());
            queue.flush();
            QVERIFY(queue.stats().walRestarts > 0);
            QTest::qWait(50); // many idle intervals
            QVERIFY2(QFileInfo(wal).size() > 512 * 1024,
                     QByteArray::number(QFileInfo(wal).size()).constData());
            QCOMPARE(queue.stats().walTruncations, 0);
        }
        // On, above 512 KiB: the pause after the writes cuts it back.
        WriteBehindQueue queue(dbPath(), copyOf(m_key), options(512 * 1024));
        QVERIFY(queue.start().ok());
        for (int i = 1500; i < 3000; ++i)
            QVERIFY(queue.enqueue(WriteOp{kInsert, {0, i, payload}}).ok());
        queue.flush();
        // Below the limit, which a file that was never cut back cannot be
        // (the restarts leave it at 1 MB or more). Not necessarily empty:
        // a pause between two batches may have cut it back already, and
        // what came after stays until it outgrows the limit again.
        QTRY_VERIFY2(QFileInfo(wal).size() < 512 * 1024,
                     QByteArray::number(QFileInfo(wal).size()).constData());
        QVERIFY(queue.stats().walTruncations > 0);
        QCOMPARE(queue.stats().failed, 0);
        QCOMPARE(rowCount(), 3000);
        // Writes go on into the cut-back file.
        QVERIFY(queue.enqueue(WriteOp{kInsert, {0, 3000, payload}}).ok());
        queue.flush();
        QCOMPARE(rowCount(), 3001);
        std::unique_ptr<Database> db = observer();
        QVERIFY(db);
        Result<Statement> check = db->prepare(QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(check.ok());
        QCOMPARE(check.value().step().valueOr(false), true);
        QCOMPARE(check.value().text(0), QStringLiteral("ok"));
    }

    void walRestartIsPutOffWhileAReaderHoldsTheWal()
    {
        // A reader that keeps its snapshot (a long API read, a backup) stops
        // a RESTART from starting the file over. The writer waits for it
        // only walRestartWaitMs, not the 5 s busy timeout, so its
        // acknowledgements are held up that long at most; it tries again
        // after another eighth of the limit, and once the reader is done
        // the file starts over again. Nothing written is lost meanwhile.
        WriteBehindOptions options;
        options.checkpointIntervalMs = 2;
        options.walRestartFrames = 256;
        options.walRestartWaitMs = 20;
        options.maxBatch = 64;
        options.maxDelayMs = 1;
        WriteBehindQueue queue(dbPath(), copyOf(m_key), options);
        QVERIFY(queue.start().ok());
        const QString payload(2000, u'x'); // about a page per row
        int seq = 0;
        const auto write = [&](int rows) {
            for (int i = 0; i < rows; ++i)
                QVERIFY(queue.enqueue(WriteOp{kInsert, {0, seq++, payload}}).ok());
            queue.flush();
        };
        // Something for the reader to see. Whether its snapshot ends up in
        // the WAL or (all of it copied back) in the file alone, it stops
        // the RESTART: SQLite neither resets the WAL under a reader of it
        // nor copies into the file under a reader of that.
        write(100);

        std::unique_ptr<Database> reader = observer();
        QVERIFY(reader);
        QVERIFY(reader->exec(QStringLiteral("BEGIN")).ok());
        QCOMPARE(reader->queryInt(QStringLiteral("SELECT count(*) FROM rows")).valueOr(-1), 100);
        const qint64 restartsBefore = queue.stats().walRestarts;
        QElapsedTimer held;
        held.start();
        write(1000);
        const qint64 heldMs = held.elapsed();
        const WriteBehindStats whileHeld = queue.stats();
        // Put off, not failed: every row is there, the reader still sees
        // its snapshot, and the file outgrew the limit (256 frames, 1 MB).
        QVERIFY(whileHeld.walRestartsBusy > 0);
        QCOMPARE(whileHeld.walRestarts, restartsBefore);
        QCOMPARE(whileHeld.failed, 0);
        QCOMPARE(reader->queryInt(QStringLiteral("SELECT count(*) FROM rows")).valueOr(-1), 100);
        QVERIFY(QFileInfo(dbPath() + QStringLiteral("-wal")).size() > 2LL * 1024 * 1024);
        // Each attempt waited about 20 ms, not the busy timeout: had each
        // waited the 5 s busy timeout, the run would have lasted at least
        // that long per attempt. (Bounded by the attempts, not by a fixed
        // time, so a slow sanitizer build on busy cores cannot fail it.)
        QVERIFY2(heldMs < whileHeld.walRestartsBusy * Database::kBusyTimeoutMs,
                 QByteArray::number(heldMs).constData());

        QVERIFY(reader->exec(QStringLiteral("COMMIT")).ok());
        reader.reset();
        write(600);
        QVERIFY(queue.stats().walRestarts > restartsBefore);
        QCOMPARE(rowCount(), seq);
    }

    void checkpointsFollowEveryConnectionsCommits()
    {
        // The server turns SQLite's automatic checkpoint off on its own
        // connections (it would copy pages and fsync on the thread that
        // serves requests); the queue's checkpoint thread then has to
        // notice their commits too, not only the writer's batches.
        WriteBehindOptions options;
        options.checkpointIntervalMs = 2;
        WriteBehindQueue queue(dbPath(), copyOf(m_key), options);
        QVERIFY(queue.start().ok());
        std::unique_ptr<Database> other = observer();
        QVERIFY(other);
        QCOMPARE(other->queryInt(QStringLiteral("PRAGMA wal_autocheckpoint")).valueOr(-1), 1000);
        QVERIFY(other->disableAutoCheckpoint().ok());
        QCOMPARE(other->queryInt(QStringLiteral("PRAGMA wal_autocheckpoint")).valueOr(-1), 0);

        // Idle: nothing committed, nothing to copy (a few intervals pass).
        const qint64 idle = queue.stats().checkpoints;
        QTest::qWait(20);
        QCOMPARE(queue.stats().checkpoints, idle);

        const QString payload(2000, u'x');
        for (int i = 0; i < 50; ++i)
            QVERIFY(other->execute(kInsert, {1, i, payload}).ok());
        QCOMPARE(queue.stats().batches, 0);
        QTRY_VERIFY(queue.stats().checkpoints > idle);
    }

    // The server runs the writer and the checkpoints below the thread that
    // answers requests (FlowEngineHost): each thread lowers itself by its
    // own steps, and nothing else changes.
    void writerAndCheckpointsRunBelowTheStarter()
    {
#ifndef Q_OS_LINUX
        QSKIP("per-thread nice values are Linux's");
#endif
        const std::optional<int> base = currentThreadNice();
        QVERIFY(base);
        if (*base > 12)
            QSKIP("this process runs too low already to lower its threads by 6");
        WriteBehindOptions options;
        options.writerNiceSteps = 3;
        options.checkpointNiceSteps = 6;
        WriteBehindQueue queue(dbPath(), copyOf(m_key), options);
        QVERIFY(queue.start().ok());
        // /proc/self/task/<tid>/stat: the name in parentheses, nice is the
        // 19th field (the 17th after the name).
        const auto niceOf = [](const QByteArray &name) -> std::optional<int> {
            const QDir tasks(QStringLiteral("/proc/self/task"));
            for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
                if (!stat.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray line = stat.readAll();
                const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
                if (open < 0 || close < open || line.mid(open + 1, close - open - 1) != name)
                    continue;
                const QList<QByteArray> fields = line.mid(close + 2).split(' ');
                if (fields.size() > 16)
                    return fields.at(16).toInt();
            }
            return std::nullopt;
        };
        // Each thread lowers itself as it begins, after start() returned.
        QTRY_COMPARE(niceOf("hivemind-writer"), std::optional<int>(*base + 3));
        QTRY_COMPARE(niceOf("hivemind-ckpt"), std::optional<int>(*base + 6));
        QCOMPARE(currentThreadNice(), base);
        // Counted from the process, not the thread: a pooled thread lowered
        // again for its next task (BackupService's worker) stays put.
        std::optional<int> once, twice;
        std::thread([&] {
            lowerCurrentThreadPriority(2);
            once = currentThreadNice();
            lowerCurrentThreadPriority(2);
            twice = currentThreadNice();
        }).join();
        QCOMPARE(once, std::optional<int>(*base + 2));
        QCOMPARE(twice, once);
        QVERIFY(queue.enqueue(row(1, 1)).ok());
        queue.flush();
        QCOMPARE(rowCount(), 1);
    }

    void stopWritesEverythingQueued()
    {
        WriteBehindQueue queue(dbPath(), copyOf(m_key),
                               WriteBehindOptions{.maxBatch = 100, .maxDelayMs = 10'000});
        QVERIFY(queue.start().ok());
        for (int i = 0; i < 1000; ++i)
            QVERIFY(queue.enqueue(row(0, i)).ok());
        queue.stop();
        QCOMPARE(rowCount(), 1000);
        QCOMPARE(queue.stats().written, 1000);

        const Status late = queue.enqueue(row(0, 5000));
        QVERIFY(!late.ok());
        QVERIFY(!queue.tryEnqueue(row(0, 5001)));
        queue.flush(); // returns, nothing to do
        queue.stop();  // idempotent
        QCOMPARE(rowCount(), 1000);
    }

    void failedOpsDoNotLoseTheirBatch()
    {
        WriteBehindQueue queue(dbPath(), copyOf(m_key), WriteBehindOptions{.maxDelayMs = 10'000});
        QVERIFY(queue.start().ok());
        // One batch (the writer lingers until flush) with three kinds of
        // failure around good rows.
        QVERIFY(queue.enqueue(row(0, 1)).ok());
        QVERIFY(queue.enqueue({QStringLiteral("INSERT INTO no_such_table VALUES (?)"), {1}}).ok());
        QVERIFY(queue.enqueue(row(0, 2)).ok());
        QVERIFY(queue.enqueue(row(0, 1)).ok()); // duplicate key: statement rolled back
        QVERIFY(queue.enqueue(row(0, 3)).ok());
        // Conflict resolution ROLLBACK makes sqlite abandon the whole
        // transaction: rows 1-3 must be written again without this op.
        QVERIFY(queue
                    .enqueue({QStringLiteral("INSERT OR ROLLBACK INTO rows (producer, seq)"
                                             " VALUES (0, 2)"),
                              {}})
                    .ok());
        QVERIFY(queue.enqueue(row(0, 4)).ok());
        QVERIFY(
            queue.enqueue({kInsert, {0, 5, QStringLiteral("x"), QStringLiteral("extra")}}).ok());
        queue.flush();

        const WriteBehindStats stats = queue.stats();
        QCOMPARE(stats.failed, 4);
        QCOMPARE(stats.written, 4);
        QCOMPARE(stats.batches, 1);
        std::unique_ptr<Database> db = observer();
        QVERIFY(db);
        Result<Statement> seqs = db->prepare(QStringLiteral("SELECT seq FROM rows ORDER BY seq"));
        QVERIFY(seqs.ok());
        QList<qint64> found;
        while (seqs.value().step().valueOr(false))
            found << seqs.value().int64(0);
        QCOMPARE(found, (QList<qint64>{1, 2, 3, 4}));
    }

    void groupsPackIntoTheirHost()
    {
        WriteBehindQueue queue(dbPath(), copyOf(m_key), WriteBehindOptions{.maxDelayMs = 600000});
        QVERIFY(queue.start().ok());
        QVERIFY(queue.enqueue(row(6, 0)).ok()); // makes g6's host fail below
        queue.flush();

        // All in one batch (the writer lingers until flush()).
        QVERIFY(queue.enqueue(member(1, 9, QStringLiteral("g1"))).ok()); // before its host: a row
        QVERIFY(queue.enqueue(host(1, QStringLiteral("g1"), true)).ok());
        QVERIFY(queue.enqueue(member(1, 1, QStringLiteral("g1"))).ok());
        QVERIFY(queue.enqueue(row(7, 1)).ok()); // no group
        QVERIFY(queue.enqueue(member(1, 2, QStringLiteral("g1"))).ok());
        // Part of the group is on disk already: members stay rows.
        QVERIFY(queue.enqueue(host(2, QStringLiteral("g2"), false)).ok());
        QVERIFY(queue.enqueue(member(2, 1, QStringLiteral("g2"))).ok());
        // No member: the packed column stays NULL.
        QVERIFY(queue.enqueue(host(3, QStringLiteral("g3"), true)).ok());
        // A replacement inherits "first" from the op it replaced.
        QVERIFY(queue.enqueue(host(4, QStringLiteral("g4"), true)).ok());
        QVERIFY(queue.enqueue(member(4, 1, QStringLiteral("g4"))).ok());
        QVERIFY(queue.enqueue(host(4, QStringLiteral("g4"), false)).ok());
        // A host that fails takes its members with it.
        QVERIFY(queue.enqueue(host(6, QStringLiteral("g6"), true)).ok());
        QVERIFY(queue.enqueue(member(6, 1, QStringLiteral("g6"))).ok());
        QVERIFY(queue.enqueue(member(6, 2, QStringLiteral("g6"))).ok());
        queue.flush();

        QStringList found = storedRows();
        QCOMPARE(found, (QStringList{
                            QStringLiteral("1/0 [1,2]"),
                            QStringLiteral("1/9 payload 1/9"),
                            QStringLiteral("2/0 ~"),
                            QStringLiteral("2/1 payload 2/1"),
                            QStringLiteral("3/0 ~"),
                            QStringLiteral("4/0 [1]"),
                            QStringLiteral("6/0 payload 6/0"),
                            QStringLiteral("7/1 payload 7/1"),
                        }));
        const WriteBehindStats stats = queue.stats();
        QCOMPARE(stats.packed, 3);   // 1/1, 1/2, 4/1
        QCOMPARE(stats.failed, 3);   // g6's host and both its members
        QCOMPARE(stats.written, 11); // the first row(6, 0), 7 rows, 3 packed members
        QCOMPARE(stats.coalesced, 1);
    }

    // ownMembers: the host's own members are packed whether or not queued
    // members follow and whether or not its group is first; queued members
    // of a group that is not first still write rows of their own.
    void hostsPackTheirOwnMembers()
    {
        WriteBehindQueue queue(dbPath(), copyOf(m_key), WriteBehindOptions{.maxDelayMs = 600000});
        QVERIFY(queue.start().ok());
        // Alone in its batch, first of its group.
        QVERIFY(queue.enqueue(hostWithOwn(1, QStringLiteral("g1"), true, {5, 6})).ok());
        // Not first (say its running record was committed before).
        QVERIFY(queue.enqueue(hostWithOwn(2, QStringLiteral("g2"), false, {7})).ok());
        // First, with queued members after it: both kinds, own ones first.
        QVERIFY(queue.enqueue(hostWithOwn(3, QStringLiteral("g3"), true, {8})).ok());
        QVERIFY(queue.enqueue(member(3, 1, QStringLiteral("g3"))).ok());
        // Not first, with a queued member: that one stays a row.
        QVERIFY(queue.enqueue(hostWithOwn(4, QStringLiteral("g4"), false, {9})).ok());
        QVERIFY(queue.enqueue(member(4, 1, QStringLiteral("g4"))).ok());
        // Own members, and a replacement by a plain host: nothing of its own
        // is left to pack (the column stays NULL).
        QVERIFY(queue.enqueue(hostWithOwn(5, QStringLiteral("g5"), true, {1})).ok());
        QVERIFY(queue.enqueue(host(5, QStringLiteral("g5"), false)).ok());
        queue.flush();

        QStringList found = storedRows();
        QCOMPARE(found, (QStringList{
                            QStringLiteral("1/0 [o5,o6]"),
                            QStringLiteral("2/0 [o7]"),
                            QStringLiteral("3/0 [o8,1]"),
                            QStringLiteral("4/0 [o9]"),
                            QStringLiteral("4/1 payload 4/1"),
                            QStringLiteral("5/0 ~"),
                        }));
        // Own members count as packed: 5, 6, 7, 8, 9, and 3/1 from the queue.
        QCOMPARE(queue.stats().packed, 6);
    }

    // Random batches of interleaved groups (members in runs and alone,
    // before and after their host, hosts that are not first) against what
    // packing means: a member travels in its group's first host when it
    // comes after it, in batch order, and is a row of its own otherwise.
    void randomGroupsPackLikeTheRule()
    {
        WriteBehindQueue queue(dbPath(), copyOf(m_key), WriteBehindOptions{.maxDelayMs = 600000});
        QVERIFY(queue.start().ok());
        QRandomGenerator random(20261123);
        QStringList expected;
        for (int round = 0; round < 30; ++round) {
            constexpr int kGroups = 4;
            const int base = round * 10;
            // Per group: its host's index in the batch (-1: none yet) and
            // whether it packs (first), and its packed members.
            std::array<int, kGroups> hostAt{-1, -1, -1, -1};
            std::array<bool, kGroups> first{};
            std::array<QStringList, kGroups> packed;
            int seq = 0;
            int g = 0;
            for (int i = 0; i < 40; ++i) {
                if (random.bounded(3) == 0) // a run goes on two times in three
                    g = int(random.bounded(kGroups));
                const QString group = QStringLiteral("r%1g%2").arg(round).arg(g);
                if (hostAt[size_t(g)] < 0 && random.bounded(5) == 0) {
                    hostAt[size_t(g)] = i;
                    first[size_t(g)] = random.bounded(4) != 0;
                    QVERIFY(queue.enqueue(host(base + g, group, first[size_t(g)])).ok());
                } else if (random.bounded(8) == 0) {
                    ++seq;
                    QVERIFY(queue.enqueue(row(base + 9, seq)).ok()); // no group
                    expected << QStringLiteral("%1/%2 payload %1/%2").arg(base + 9).arg(seq);
                } else {
                    ++seq;
                    QVERIFY(queue.enqueue(member(base + g, seq, group)).ok());
                    if (hostAt[size_t(g)] >= 0 && first[size_t(g)])
                        packed[size_t(g)] << QString::number(seq);
                    else
                        expected << QStringLiteral("%1/%2 payload %1/%2").arg(base + g).arg(seq);
                }
            }
            for (int k = 0; k < kGroups; ++k) {
                if (hostAt[size_t(k)] < 0)
                    continue;
                expected << QStringLiteral("%1/0 %2").arg(base + k).arg(
                    packed[size_t(k)].isEmpty() ? QStringLiteral("~")
                                                : u'[' + packed[size_t(k)].join(u',') + u']');
            }
            queue.flush(); // one batch per round
        }

        QStringList found = storedRows();
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    }

    void recordsBecomeParametersOnlyWhenWritten()
    {
        g_paramsMade = 0;
        WriteBehindQueue queue(dbPath(), copyOf(m_key), WriteBehindOptions{.maxDelayMs = 600000});
        QVERIFY(queue.start().ok());
        QVERIFY(queue.enqueue(lazyRow(1, 1)).ok());
        // Replaced while queued: only the newer record is ever turned into
        // parameters.
        QVERIFY(queue.enqueue(lazyRow(2, 1, QStringLiteral("k"))).ok());
        QVERIFY(queue.enqueue(lazyRow(2, 2, QStringLiteral("k"))).ok());
        queue.flush();
        QCOMPARE(g_paramsMade.load(), 2);
        std::unique_ptr<Database> db = observer();
        QVERIFY(db);
        Result<Statement> all =
            db->prepare(QStringLiteral("SELECT payload FROM rows ORDER BY producer, seq"));
        QVERIFY(all.ok());
        QStringList payloads;
        while (all.value().step().valueOr(false))
            payloads << all.value().text(0);
        QCOMPARE(payloads, (QStringList{QStringLiteral("made 1/1"), QStringLiteral("made 2/2")}));
    }

    // Durable acknowledgements: a ticket covers what was enqueued before
    // it; requestCommit cuts a long linger short, the listener hears of the
    // commit, and the rows are really in the file then.
    void requestedCommitsComeWithoutTheLinger()
    {
        WriteBehindQueue queue(dbPath(), copyOf(m_key),
                               WriteBehindOptions{.maxDelayMs = 600000, .commitDelayUs = 0});
        std::mutex mutex;
        std::condition_variable heard;
        QList<CommitProgress> progress;
        queue.addCommitListener([&](const CommitProgress &p) {
            std::lock_guard lock(mutex);
            progress.append(p);
            heard.notify_all();
        });
        QVERIFY(queue.start().ok());
        const qint64 from = queue.ticket();
        QCOMPARE(from, 0);
        QVERIFY(queue.enqueue(row(0, 1)).ok());
        QVERIFY(queue.enqueue(row(0, 2)).ok());
        const qint64 to = queue.ticket();
        QCOMPARE(to, 2);
        // The writer lingers (10 minutes) for a fuller batch: nothing yet.
        QCOMPARE(queue.state(from, to), CommitState::Pending);
        queue.requestCommit(to);
        {
            std::unique_lock lock(mutex);
            QVERIFY(heard.wait_for(lock, std::chrono::seconds(30), [&] {
                return !progress.isEmpty() && progress.last().done >= to;
            }));
            QCOMPARE(progress.last().lastFailed, -1);
        }
        QCOMPARE(queue.state(from, to), CommitState::Committed);
        QCOMPARE(rowCount(), 2); // another connection sees them
        // A coalesced op keeps its position: covered by the older ticket.
        QVERIFY(queue.enqueue(upsert(1, 1, QStringLiteral("a"))).ok());
        const qint64 afterFirst = queue.ticket();
        QVERIFY(queue.enqueue(upsert(1, 1, QStringLiteral("b"))).ok());
        QCOMPARE(queue.ticket(), afterFirst);
        queue.requestCommit(afterFirst);
        QTRY_COMPARE_WITH_TIMEOUT(queue.state(to, afterFirst), CommitState::Committed, 30000);
        queue.stop();
        std::lock_guard lock(mutex);
        QVERIFY(progress.size() >= 2);
    }

    // An op that could not be stored fails every ticket range it lies in,
    // and no range before it.
    void failedOpsFailTheirTickets()
    {
        WriteBehindQueue queue(dbPath(), copyOf(m_key),
                               WriteBehindOptions{.maxDelayMs = 600000, .commitDelayUs = 0});
        QVERIFY(queue.start().ok());
        QVERIFY(queue.enqueue(row(0, 1)).ok());
        const qint64 good = queue.ticket();
        QVERIFY(queue.enqueue({QStringLiteral("INSERT INTO no_such_table VALUES (?)"), {1}}).ok());
        QVERIFY(queue.enqueue(row(0, 2)).ok());
        const qint64 all = queue.ticket();
        queue.requestCommit(all);
        QTRY_VERIFY_WITH_TIMEOUT(queue.state(good, all) != CommitState::Pending, 30000);
        QCOMPARE(queue.state(good, all), CommitState::Failed);
        // Conservative: a failure after `from` fails the range even past `to`.
        QCOMPARE(queue.state(0, good), CommitState::Failed);
        QVERIFY(queue.enqueue(row(0, 3)).ok());
        const qint64 later = queue.ticket();
        queue.requestCommit(later);
        QTRY_COMPARE_WITH_TIMEOUT(queue.state(all, later), CommitState::Committed, 30000);
        // The pure function behind state(): only the highest failure is kept.
        QCOMPARE(WriteBehindQueue::stateAt({10, 4}, 5, 10), CommitState::Committed);
        QCOMPARE(WriteBehindQueue::stateAt({10, 5}, 5, 10), CommitState::Failed);
        QCOMPARE(WriteBehindQueue::stateAt({9, 5}, 5, 10), CommitState::Pending);
    }

    void startFailsCleanly()
    {
        WriteBehindQueue wrongKey(dbPath(), randomKey());
        const Status started = wrongKey.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, ErrorCode::DbKeyInvalid);
        QVERIFY(!wrongKey.enqueue(row(0, 0)).ok());
        QVERIFY(!wrongKey.tryEnqueue(row(0, 0)));
        wrongKey.flush();

        WriteBehindQueue missing(m_dir->filePath(QStringLiteral("absent.db")), copyOf(m_key));
        QVERIFY(!missing.start().ok());
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("absent.db"))));

        WriteBehindQueue twice(dbPath(), copyOf(m_key));
        QVERIFY(twice.start().ok());
        QVERIFY(!twice.start().ok());
    }
};

QTEST_GUILESS_MAIN(TestWriteBehindQueue)
#include "TestWriteBehindQueue.moc"
