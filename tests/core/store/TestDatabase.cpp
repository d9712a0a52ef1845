#include "StoreTestSupport.h"
#include "store/Database.h"
#include "store/Like.h"
#include "store/PagedQuery.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtEndian>
#include <atomic>
#include <chrono>
#include <limits>
#include <sqlite3.h>
#include <thread>

using namespace hm;
using namespace hm::store;
using namespace hm::store::test;

namespace {

// A database with one table spread over several pages, closed again.
bool makeDatabase(const QString &path, const crypto::SecureBytes &key, int rows = 400)
{
    std::unique_ptr<Database> db = openOrFail(path, key);
    if (!db ||
        !db->exec(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)")).ok())
        return false;
    Result<Transaction> txn = db->begin();
    if (!txn.ok())
        return false;
    for (int i = 0; i < rows; ++i) {
        Result<Statement> insert =
            db->prepare(QStringLiteral("INSERT INTO items (id, name) VALUES (?, ?)"));
        if (!insert.ok() ||
            !insert.value().bind(1, i).bind(2, QStringLiteral("item %1").arg(i, 40)).run().ok())
            return false;
    }
    return txn.value().commit().ok();
}

// Every file of `dir` with its size and SHA-256, to prove a failed open
// changed nothing (and to keep a failure message readable).
QStringList snapshot(const QString &dir)
{
    QStringList files;
    for (const QString &name : filesIn(dir)) {
        const QByteArray bytes = readFile(dir + QLatin1Char('/') + name);
        files
            << QStringLiteral("%1 %2 %3").arg(name).arg(bytes.size()).arg(crypto::sha256Hex(bytes));
    }
    return files;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("hivemind.db")); }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void sqliteKeepsNoMemoryStatistics()
    {
        // Database::open turns them off before SQLite initialises: with
        // them every allocation of every connection takes one process-wide
        // mutex. Off, SQLite counts nothing.
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (x); INSERT INTO t VALUES (1)")).ok());
        QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
    }

    // syncFile() goes through the connection's own file handle: it works
    // on an open database, while another connection of the process holds
    // a read transaction (whose locks a second descriptor's close would
    // drop), and changes nothing. That it reaches the disk is measured,
    // not asserted: tests/bench/http/wal-stalls.sh shows the RESTART's
    // sync gone from the writer once the checkpoint thread syncs first.
    void syncFileFlushesThroughTheConnection()
    {
        const crypto::SecureBytes key = randomKey();
        std::unique_ptr<Database> writer = openOrFail(dbPath(), key);
        QVERIFY(writer);
        QVERIFY(writer->exec(QStringLiteral("CREATE TABLE t (x); INSERT INTO t VALUES (1)")).ok());
        std::unique_ptr<Database> reader = openOrFail(dbPath(), key);
        QVERIFY(reader);
        {
            // A statement stepped and not finished keeps a read transaction.
            Result<Statement> snapshot = reader->prepare(QStringLiteral("SELECT x FROM t"));
            QVERIFY(snapshot.ok());
            QVERIFY(snapshot.value().step().valueOr(false));
            QVERIFY(writer->exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")).ok());
            const Status synced = writer->syncFile();
            QVERIFY2(synced.ok(), qPrintable(synced.error().toString()));
            QVERIFY(writer->exec(QStringLiteral("INSERT INTO t VALUES (2)")).ok());
            // The reader's snapshot still holds: one row until it ends.
            QCOMPARE(reader->queryInt(QStringLiteral("SELECT count(*) FROM t")).valueOr(-1), 1);
        }
        QCOMPARE(reader->queryInt(QStringLiteral("SELECT count(*) FROM t")).valueOr(-1), 2);
        QVERIFY(writer->checkHealth().ok());
    }

    void createAndReopenKeepsData()
    {
        const crypto::SecureBytes key = randomKey();
        QVERIFY(makeDatabase(dbPath(), key, 10));
        QVERIFY(QFile::exists(dbPath() + QStringLiteral(".keycheck")));
        // Encrypted: no plain SQLite header, no plain text.
        const QByteArray bytes = readFile(dbPath());
        QVERIFY(!bytes.startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains("item"));

        std::unique_ptr<Database> db = openOrFail(dbPath(), key);
        QVERIFY(db);
        const Result<qint64> count = db->queryInt(QStringLiteral("SELECT count(*) FROM items"));
        QVERIFY2(count.ok(), why(count));
        QCOMPARE(count.value(), 10);
        QVERIFY(db->checkHealth().ok());
        QCOMPARE(db->path(), dbPath());
        QCOMPARE(db->queryInt(QStringLiteral("PRAGMA foreign_keys")).valueOr(-1), 1);
        QCOMPARE(db->queryInt(QStringLiteral("PRAGMA page_size")).valueOr(-1), 4096);
        QCOMPARE(bytes.size() % 4096, 0);
        Result<Statement> mode = db->prepare(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode.ok());
        QCOMPARE(mode.value().step().valueOr(false), true);
        QCOMPARE(mode.value().text(0), QStringLiteral("wal"));
    }

    void awkwardPathCharacters()
    {
        // The read-only probe opens a URI; these must stay part of the name.
        const QString path = m_dir->filePath(QStringLiteral("a b?c#d%20e é.db"));
        const crypto::SecureBytes key = randomKey();
        QVERIFY(makeDatabase(path, key, 3));
        std::unique_ptr<Database> db = openOrFail(path, key);
        QVERIFY(db);
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM items")).valueOr(-1), 3);
        QVERIFY(QFile::exists(path + QStringLiteral(".keycheck")));
    }

    void bindingRoundTrips()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE v (k INTEGER PRIMARY KEY, x)")).ok());

        const QString unicode = QStringLiteral("h\u00e9llo \u4e16\u754c \U0001F41D \u00a0end");
        const QByteArray zeros("\0\x01\0\xff\0", 5);
        const qint64 big = std::numeric_limits<qint64>::max();
        const qint64 small = std::numeric_limits<qint64>::min();
        int k = 0;
        const auto insert = [&](auto value) {
            Result<Statement> stmt = db->prepare(QStringLiteral("INSERT INTO v VALUES (?, ?)"));
            QVERIFY(stmt.ok());
            const Status ran = stmt.value().bind(1, ++k).bind(2, value).run();
            QVERIFY2(ran.ok(), why(ran));
        };
        insert(big);                          // 1
        insert(small);                        // 2
        insert(-7);                           // 3
        insert(2.5);                          // 4
        insert(unicode);                      // 5
        insert(QString());                    // 6: '' not NULL
        insert(QByteArrayView(zeros));        // 7
        insert(QByteArrayView());             // 8: x'' not NULL
        insert(nullptr);                      // 9
        insert(QVariant());                   // 10
        insert(QVariant(qint64(42)));         // 11
        insert(QVariant(true));               // 12
        insert(QVariant(-1.25));              // 13
        insert(QVariant(unicode));            // 14
        insert(QVariant(zeros));              // 15
        insert(QVariant::fromValue(nullptr)); // 16
        insert(zeros);                        // 17: QByteArray overload
        insert(long(5));                      // 18: other integer types
        insert(false);                        // 19

        Result<Statement> read =
            db->prepare(QStringLiteral("SELECT k, x, typeof(x) FROM v ORDER BY k"));
        QVERIFY(read.ok());
        Statement &rows = read.value();
        QStringList types;
        QList<QVariant> values;
        while (rows.step().valueOr(false)) {
            const QString type = rows.text(2);
            types << type;
            if (type == QLatin1String("integer"))
                values << QVariant(rows.int64(1));
            else if (type == QLatin1String("real"))
                values << QVariant(rows.real(1));
            else if (type == QLatin1String("text"))
                values << QVariant(rows.text(1));
            else if (type == QLatin1String("blob"))
                values << QVariant(rows.blob(1));
            else {
                QVERIFY(rows.isNull(1));
                QVERIFY(rows.blob(1).isNull());
                values << QVariant();
            }
        }
        QCOMPARE(
            types,
            QStringList({QStringLiteral("integer"), QStringLiteral("integer"),
                         QStringLiteral("integer"), QStringLiteral("real"), QStringLiteral("text"),
                         QStringLiteral("text"), QStringLiteral("blob"), QStringLiteral("blob"),
                         QStringLiteral("null"), QStringLiteral("null"), QStringLiteral("integer"),
                         QStringLiteral("integer"), QStringLiteral("real"), QStringLiteral("text"),
                         QStringLiteral("blob"), QStringLiteral("null"), QStringLiteral("blob"),
                         QStringLiteral("integer"), QStringLiteral("integer")}));
        QCOMPARE(values[0].toLongLong(), big);
        QCOMPARE(values[1].toLongLong(), small);
        QCOMPARE(values[2].toLongLong(), -7);
        QCOMPARE(values[3].toDouble(), 2.5);
        QCOMPARE(values[4].toString(), unicode);
        QCOMPARE(values[5].toString(), QString());
        QCOMPARE(values[6].toByteArray(), zeros);
        QCOMPARE(values[6].toByteArray().size(), 5);
        QVERIFY(!values[7].toByteArray().isNull());
        QCOMPARE(values[7].toByteArray().size(), 0);
        QCOMPARE(values[10].toLongLong(), 42);
        QCOMPARE(values[11].toLongLong(), 1);
        QCOMPARE(values[12].toDouble(), -1.25);
        QCOMPARE(values[13].toString(), unicode);
        QCOMPARE(values[14].toByteArray(), zeros);
        QCOMPARE(values[16].toByteArray(), zeros);
        QCOMPARE(values[17].toLongLong(), 5);
        QCOMPARE(values[18].toLongLong(), 0);

        // Text lengths are in UTF-8 bytes and survive embedded characters.
        QCOMPARE(db->queryInt(QStringLiteral("SELECT length(CAST(x AS BLOB)) FROM v WHERE k = 5"))
                     .valueOr(-1),
                 unicode.toUtf8().size());
    }

    void statementsAreIndependentAndCached()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE n (x INTEGER);"
                                        "INSERT INTO n VALUES (1), (2), (3)"))
                    .ok());
        const QString sql = QStringLiteral("SELECT x FROM n ORDER BY x");
        Result<Statement> a = db->prepare(sql);
        Result<Statement> b = db->prepare(sql);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value().step().valueOr(false));
        QVERIFY(b.value().step().valueOr(false));
        QVERIFY(b.value().step().valueOr(false));
        QCOMPARE(a.value().int64(0), 1);
        QCOMPARE(b.value().int64(0), 2);
        // Moving keeps the cursor.
        Statement moved = std::move(a.value());
        QVERIFY(moved.step().valueOr(false));
        QCOMPARE(moved.int64(0), 2);
        moved.reset();
        QVERIFY(moved.step().valueOr(false));
        QCOMPARE(moved.int64(0), 1);

        QCOMPARE(db->lastInsertRowId(), 3);
        QVERIFY(db->exec(QStringLiteral("DELETE FROM n WHERE x > 1")).ok());
        QCOMPARE(db->changes(), 2);
    }

    void selectOneFindsTheRowOrNone()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE p (k TEXT, v INTEGER, n TEXT);"
                                        "INSERT INTO p VALUES ('a', 1, NULL), ('b', 2, 'two')"))
                    .ok());
        const QString sql = QStringLiteral("SELECT v, n FROM p WHERE k = ? AND v >= ?");
        auto found = db->selectOne(sql, {QStringLiteral("b"), 2});
        QVERIFY(found.ok() && found.value().has_value());
        QCOMPARE(found.value()->int64(0), 2);
        QCOMPARE(found.value()->text(1), QStringLiteral("two"));
        auto nullColumn = db->selectOne(sql, {QStringLiteral("a"), 0});
        QVERIFY(nullColumn.ok() && nullColumn.value().has_value());
        QVERIFY(nullColumn.value()->isNull(1));
        auto none = db->selectOne(sql, {QStringLiteral("a"), 5});
        QVERIFY(none.ok());
        QVERIFY(!none.value().has_value());
        auto bad = db->selectOne(QStringLiteral("SELECT nope FROM p"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::DbError);
        // A bind beyond the statement's parameters is an error, not ignored.
        QVERIFY(!db->selectOne(sql, {QStringLiteral("a"), 0, 7}).ok());
    }

    void executeAndForEachRow()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE p (k TEXT, n INTEGER)")).ok());
        for (int n = 1; n <= 5; ++n)
            QVERIFY(db->execute(QStringLiteral("INSERT INTO p VALUES (?, ?)"),
                                {n % 2 ? QStringLiteral("odd") : QStringLiteral("even"), n})
                        .ok());
        QVERIFY(db->execute(QStringLiteral("UPDATE p SET n = n * 10 WHERE k = ?"),
                            {QStringLiteral("even")})
                    .ok());
        QCOMPARE(db->changes(), 2);
        QList<qint64> seen;
        const Status read =
            db->forEachRow(QStringLiteral("SELECT n FROM p WHERE n > ? ORDER BY n"), {2},
                           [&seen](const Statement &row) { seen.append(row.int64(0)); });
        QVERIFY(read.ok());
        QCOMPARE(seen, (QList<qint64>{3, 5, 20, 40}));
        QVERIFY(!db->execute(QStringLiteral("INSERT INTO nope VALUES (1)")).ok());
        QVERIFY(!db->forEachRow(QStringLiteral("SELECT nope FROM p"), {}, [](const Statement &) {
                   }).ok());

        // One page and the count of the whole filtered list.
        PagedQuery query;
        query.columns = QStringLiteral("SELECT n, ? || k");
        query.columnBinds = {QStringLiteral("#")};
        query.from = QStringLiteral("FROM p");
        query.conditions = {QStringLiteral("n > ?"), QStringLiteral("k <> ?")};
        query.binds = {1, QStringLiteral("none")};
        query.orderBy = QStringLiteral("ORDER BY n DESC");
        query.limit = 2;
        query.offset = 1;
        QStringList page;
        const Result<qint64> total = runPagedQuery(*db, query, [&page](const Statement &row) {
            page.append(QString::number(row.int64(0)) + row.text(1));
        });
        QVERIFY(total.ok());
        QCOMPARE(total.value(), 4);
        QCOMPARE(page, (QStringList{QStringLiteral("20#even"), QStringLiteral("5#odd")}));
    }

    void statementErrors()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        const Result<Statement> bad = db->prepare(QStringLiteral("SELEC nonsense"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::DbError);
        QVERIFY(bad.error().message.contains(QStringLiteral("syntax error")));

        QVERIFY(!db->prepare(QStringLiteral("SELECT 1; SELECT 2")).ok());
        QVERIFY(db->prepare(QStringLiteral("SELECT 1; -- trailing comment")).ok());
        QVERIFY(!db->exec(QStringLiteral("INSERT INTO missing VALUES (1)")).ok());

        QVERIFY(db->exec(QStringLiteral("CREATE TABLE u (x INTEGER UNIQUE)")).ok());
        Result<Statement> insert = db->prepare(QStringLiteral("INSERT INTO u VALUES (?)"));
        QVERIFY(insert.ok());
        QVERIFY(insert.value().bind(1, 1).run().ok());
        const Status dup = insert.value().bind(1, 1).run();
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, ErrorCode::DbError);
        // Out-of-range parameter: reported by the next run, not lost.
        const Status range = insert.value().bind(5, 1).run();
        QVERIFY(!range.ok());
        QVERIFY(insert.value().bind(1, 2).run().ok());
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM u")).valueOr(-1), 2);
        QVERIFY(!db->queryInt(QStringLiteral("SELECT x FROM u WHERE x > 100")).ok());
    }

    void transactionRollsBackUnlessCommitted()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (x INTEGER)")).ok());
        {
            Result<Transaction> txn = db->begin();
            QVERIFY2(txn.ok(), why(txn));
            QVERIFY(db->inTransaction());
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (1)")).ok());
            // Nested begin is refused rather than silently merged.
            QVERIFY(!db->begin().ok());
        } // destroyed without commit
        QVERIFY(!db->inTransaction());
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM t")).valueOr(-1), 0);
        {
            Result<Transaction> txn = db->begin();
            QVERIFY(txn.ok());
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (2)")).ok());
            Transaction moved = std::move(txn.value());
            QVERIFY(moved.commit().ok());
            QVERIFY(!moved.isActive());
            QVERIFY(!moved.commit().ok());
        }
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM t")).valueOr(-1), 1);
        {
            Result<Transaction> txn = db->begin();
            QVERIFY(txn.ok());
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (3)")).ok());
            QVERIFY(txn.value().rollback().ok());
        }
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM t")).valueOr(-1), 1);
    }

    // A lock another connection holds is waited for (tries again until the
    // holder lets go), up to the busy timeout, then DbBusy; the timeout is
    // the connection's own and can be changed.
    void aHeldLockIsWaitedForUntilTheTimeout()
    {
        const crypto::SecureBytes key = randomKey();
        std::unique_ptr<Database> holder = openOrFail(dbPath(), key);
        QVERIFY(holder);
        QVERIFY(holder->exec(QStringLiteral("CREATE TABLE t (x INTEGER)")).ok());
        std::unique_ptr<Database> waiter = openOrFail(dbPath(), key);
        QVERIFY(waiter);

        // Held for a while by another thread, then committed: the waiter's
        // BEGIN IMMEDIATE gets the lock once it is free.
        std::atomic<bool> held = false;
        std::thread other([&] {
            Result<Transaction> txn = holder->begin();
            QVERIFY(txn.ok());
            QVERIFY(holder->exec(QStringLiteral("INSERT INTO t VALUES (1)")).ok());
            held = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            QVERIFY(txn.value().commit().ok());
        });
        while (!held)
            std::this_thread::yield();
        {
            Result<Transaction> txn = waiter->begin();
            QVERIFY2(txn.ok(), why(txn));
            QVERIFY(waiter->exec(QStringLiteral("INSERT INTO t VALUES (2)")).ok());
            QVERIFY(txn.value().commit().ok());
        }
        other.join();
        QCOMPARE(waiter->queryInt(QStringLiteral("SELECT count(*) FROM t")).valueOr(-1), 2);

        // Held past a short timeout: DbBusy, and nothing of the waiter's.
        Result<Transaction> holding = holder->begin();
        QVERIFY(holding.ok());
        waiter->setBusyTimeout(50);
        Result<Transaction> refused = waiter->begin();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::DbBusy);
        QVERIFY(holding.value().commit().ok());
        waiter->setBusyTimeout(Database::kBusyTimeoutMs);
        QVERIFY(waiter->begin().ok());
        QCOMPARE(waiter->queryInt(QStringLiteral("SELECT count(*) FROM t")).valueOr(-1), 2);
    }

    void walCommitListenerCountsFrames()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")).ok());
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (x)")).ok());
        QList<int> seen;
        db->setWalCommitListener([&](int walFrames) { seen.append(walFrames); });
        const QString insert = QStringLiteral("INSERT INTO t VALUES (randomblob(3000))");
        QVERIFY(db->exec(insert).ok()); // autocommit: one commit
        QCOMPARE(seen.size(), 1);
        {
            Result<Transaction> txn = db->begin();
            QVERIFY(txn.ok());
            QVERIFY(db->exec(insert).ok());
            QVERIFY(db->exec(insert).ok());
            QCOMPARE(seen.size(), 1); // nothing before the commit
            QVERIFY(txn.value().commit().ok());
        }
        QCOMPARE(seen.size(), 2);
        {
            Result<Transaction> txn = db->begin();
            QVERIFY(db->exec(insert).ok());
            QVERIFY(txn.value().rollback().ok());
        }
        QCOMPARE(seen.size(), 2); // a rollback commits nothing
        // The WAL only grows without checkpoints; its size in frames is
        // what the listener saw.
        QVERIFY2(seen.at(0) > 0 && seen.at(1) > seen.at(0),
                 QByteArray::number(seen.at(0)) + " " + QByteArray::number(seen.at(1)));
        const qint64 walBytes = QFileInfo(dbPath() + QStringLiteral("-wal")).size();
        QCOMPARE(walBytes, 32 + qint64(seen.at(1)) * (24 + 4096));

        // After a TRUNCATE checkpoint the next commit starts from frame 1.
        QVERIFY(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).ok());
        QVERIFY(db->exec(insert).ok());
        QCOMPARE(seen.size(), 3);
        QVERIFY(seen.at(2) < seen.at(1));

        db->setWalCommitListener({});
        QVERIFY(db->exec(insert).ok());
        QCOMPARE(seen.size(), 3);
    }

    void wrongKeyChangesNothing_data()
    {
        QTest::addColumn<bool>("withSidecar");
        QTest::addColumn<bool>("withWal");
        QTest::newRow("sidecar") << true << false;
        QTest::newRow("no sidecar") << false << false;
        QTest::newRow("sidecar, unchecked WAL") << true << true;
        QTest::newRow("no sidecar, unchecked WAL") << false << true;
    }

    void wrongKeyChangesNothing()
    {
        QFETCH(bool, withSidecar);
        QFETCH(bool, withWal);
        const crypto::SecureBytes key = randomKey();
        QVERIFY(makeDatabase(dbPath(), key));
        QString path = dbPath();
        std::unique_ptr<Database> live;
        if (withWal) {
            // Copy the files while a writer still holds changes in its WAL,
            // as a crash would leave them.
            live = openOrFail(dbPath(), key);
            QVERIFY(live);
            QVERIFY(
                live->exec(QStringLiteral("INSERT INTO items VALUES (1000, 'in the wal')")).ok());
            QVERIFY(QFileInfo(dbPath() + QStringLiteral("-wal")).size() > 0);
            QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("copy"))));
            path = m_dir->filePath(QStringLiteral("copy/hivemind.db"));
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral(".keycheck")})
                QVERIFY(QFile::copy(dbPath() + suffix, path + suffix));
        }
        const QString sidecar = path + QStringLiteral(".keycheck");
        const QByteArray sidecarBytes = readFile(sidecar);
        if (!withSidecar)
            QVERIFY(QFile::remove(sidecar));
        const QString dir = QFileInfo(path).absolutePath();
        const QStringList before = snapshot(dir);

        const crypto::SecureBytes wrong = randomKey();
        Result<std::unique_ptr<Database>> opened = Database::open(path, wrong);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::DbKeyInvalid);
        QCOMPARE(opened.error().message,
                 QStringLiteral("the master key does not match the database %1").arg(path));
        const QString all = opened.error().toString();
        QVERIFY(!all.contains(QString::fromLatin1(wrong.toHex()), Qt::CaseInsensitive));
        QVERIFY(!all.contains(QString::fromLatin1(key.toHex()), Qt::CaseInsensitive));
        // Byte-identical, and no -wal/-shm appeared.
        QCOMPARE(snapshot(dir), before);

        // Also when asked to create: an existing file is never re-created.
        QVERIFY(!Database::open(path, wrong, OpenOptions{.createIfMissing = true}).ok());
        QCOMPARE(snapshot(dir), before);

        live.reset();
        // The right key still opens it, WAL content included, and restores
        // the sidecar.
        std::unique_ptr<Database> db = openOrFail(path, key);
        QVERIFY(db);
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM items")).valueOr(-1),
                 withWal ? 401 : 400);
        QCOMPARE(readFile(sidecar), sidecarBytes);
    }

    void truncatedFileIsCorrupt_data()
    {
        QTest::addColumn<qint64>("keep");
        QTest::addColumn<bool>("withSidecar");
        QTest::newRow("1500 bytes") << qint64(1500) << true;
        QTest::newRow("1500 bytes, no sidecar") << qint64(1500) << false;
        QTest::newRow("two pages") << qint64(8192) << true;
        QTest::newRow("500 bytes") << qint64(500) << true;
        QTest::newRow("500 bytes, no sidecar") << qint64(500) << false;
        QTest::newRow("empty") << qint64(0) << true;
    }

    void truncatedFileIsCorrupt()
    {
        QFETCH(qint64, keep);
        QFETCH(bool, withSidecar);
        const crypto::SecureBytes key = randomKey();
        QVERIFY(makeDatabase(dbPath(), key));
        const QByteArray full = readFile(dbPath());
        QVERIFY(full.size() > 3 * 4096);
        QVERIFY(writeFile(dbPath(), full.left(keep)));
        if (!withSidecar)
            QVERIFY(QFile::remove(dbPath() + QStringLiteral(".keycheck")));
        const QStringList before = snapshot(m_dir->path());

        Result<std::unique_ptr<Database>> opened = Database::open(dbPath(), key);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::DbCorrupt);
        QVERIFY(opened.error().message.contains(dbPath()));
        QCOMPARE(snapshot(m_dir->path()), before);
    }

    // A process killed while checkpointing leaves the main file half
    // copied: page 1 (copied first) already describes more pages than the
    // file holds, while the WAL still has every frame. That is a healthy
    // database; the next open must read it through the WAL, never call it
    // damaged (seen in TestServerCrash: a server killed during its startup
    // checkpoint could not start again).
    void killedMidCheckpointOpensThroughTheWal()
    {
        const crypto::SecureBytes key = randomKey();
        const QString crashed = m_dir->filePath(QStringLiteral("crashed.db"));
        constexpr int kRows = 3000;
        {
            std::unique_ptr<Database> db = openOrFail(dbPath(), key);
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")).ok());
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, "
                                            "name TEXT)"))
                        .ok());
            QVERIFY(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).ok());
            const qint64 basePages = readFile(dbPath()).size() / 4096;
            Result<Transaction> txn = db->begin();
            QVERIFY(txn.ok());
            for (int i = 0; i < kRows; ++i) {
                Result<Statement> insert =
                    db->prepare(QStringLiteral("INSERT INTO items (id, name) VALUES (?, ?)"));
                QVERIFY(insert.ok());
                QVERIFY(insert.value()
                            .bind(1, i)
                            .bind(2, QStringLiteral("item %1").arg(i, 60))
                            .run()
                            .ok());
            }
            QVERIFY(txn.value().commit().ok());
            // The files as a SIGKILL now would leave them (no close-time
            // checkpoint), plus the first step of a checkpoint: the newest
            // page 1 of the WAL written over the main file's page 1.
            QByteArray main = readFile(dbPath());
            const QByteArray wal = readFile(dbPath() + QStringLiteral("-wal"));
            QCOMPARE(main.size() / 4096, basePages);
            constexpr qsizetype kWalHeader = 32, kFrameHeader = 24, kFrame = 24 + 4096;
            QVERIFY(wal.size() >= kWalHeader + 10 * kFrame);
            qsizetype lastPageOne = -1;
            for (qsizetype at = kWalHeader; at + kFrame <= wal.size(); at += kFrame) {
                const auto *header = reinterpret_cast<const uchar *>(wal.constData() + at);
                if (qFromBigEndian<quint32>(header) == 1)
                    lastPageOne = at;
            }
            QVERIFY(lastPageOne > 0);
            main.replace(0, 4096, wal.mid(lastPageOne + kFrameHeader, 4096));
            QVERIFY(writeFile(crashed, main));
            QVERIFY(writeFile(crashed + QStringLiteral("-wal"), wal));
            QVERIFY(writeFile(crashed + QStringLiteral(".keycheck"),
                              readFile(dbPath() + QStringLiteral(".keycheck"))));
        }

        std::unique_ptr<Database> db = openOrFail(crashed, key);
        QVERIFY(db);
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM items")).valueOr(-1), kRows);
        Result<Statement> check = db->prepare(QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(check.ok());
        QCOMPARE(check.value().step().valueOr(false), true);
        QCOMPARE(check.value().text(0), QStringLiteral("ok"));
    }

    void corruptPageIsReportedLater()
    {
        const crypto::SecureBytes key = randomKey();
        QVERIFY(makeDatabase(dbPath(), key, 2000));
        QByteArray bytes = readFile(dbPath());
        // Damage a page in the middle of the table, not page 1.
        const qsizetype offset = (bytes.size() / 1024 / 2) * 1024 + 100;
        for (int i = 0; i < 16; ++i)
            bytes[offset + i] = char(bytes[offset + i] ^ 0x5a);
        QVERIFY(writeFile(dbPath(), bytes));

        std::unique_ptr<Database> db = openOrFail(dbPath(), key);
        QVERIFY(db);
        const Result<qint64> sum =
            db->queryInt(QStringLiteral("SELECT sum(length(name)) FROM items"));
        QVERIFY(!sum.ok());
        QCOMPARE(sum.error().code, ErrorCode::DbCorrupt);
    }

    void garbageFileIsRefusedUntouched()
    {
        const QByteArray garbage = crypto::randomBytes(4096);
        QVERIFY(writeFile(dbPath(), garbage));
        const QStringList before = snapshot(m_dir->path());
        Result<std::unique_ptr<Database>> opened = Database::open(dbPath(), randomKey());
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().code == ErrorCode::DbKeyInvalid ||
                opened.error().code == ErrorCode::DbCorrupt);
        QCOMPARE(snapshot(m_dir->path()), before);
    }

    void plainSqliteFileIsNeverClobbered()
    {
        sqlite3 *plain = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(dbPath()).constData(), &plain), SQLITE_OK);
        QCOMPARE(sqlite3_exec(plain, "CREATE TABLE mine (x); INSERT INTO mine VALUES ('precious')",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(plain);
        const QStringList before = snapshot(m_dir->path());
        QVERIFY(readFile(dbPath()).startsWith("SQLite format 3"));

        Result<std::unique_ptr<Database>> opened = Database::open(dbPath(), randomKey());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::DbError);
        QVERIFY(opened.error().message.contains(QStringLiteral("unencrypted")));
        QCOMPARE(snapshot(m_dir->path()), before);
    }

    void missingFileWithoutCreate()
    {
        Result<std::unique_ptr<Database>> opened =
            Database::open(dbPath(), randomKey(), OpenOptions{.createIfMissing = false});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::IoError);
        QVERIFY(filesIn(m_dir->path()).isEmpty());
    }

    void badArguments()
    {
        QCOMPARE(Database::open(dbPath(), crypto::SecureBytes(16)).error().code,
                 ErrorCode::InternalError);
        QVERIFY(filesIn(m_dir->path()).isEmpty());
        const Result<std::unique_ptr<Database>> noDir =
            Database::open(m_dir->filePath(QStringLiteral("no/such/dir/x.db")), randomKey());
        QVERIFY(!noDir.ok());
        QCOMPARE(noDir.error().code, ErrorCode::IoError);
    }

    void statementOutlivesDatabase()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        Result<Statement> stmt = db->prepare(QStringLiteral("SELECT 7"));
        QVERIFY(stmt.ok());
        db.reset(); // the connection stays alive for the statement
        QVERIFY(stmt.value().step().valueOr(false));
        QCOMPARE(stmt.value().int64(0), 7);
    }
    // Search text is matched literally: '%', '_' and '\\' are no wildcards.
    void likePatternMatchesLiterally()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (name TEXT)")).ok());
        for (const QString &name :
             {QStringLiteral("100% done"), QStringLiteral("a_b"), QStringLiteral("back\\slash"),
              QStringLiteral("plain"), QStringLiteral("PLAIN text")}) {
            Result<Statement> insert = db->prepare(QStringLiteral("INSERT INTO t VALUES (?)"));
            QVERIFY(insert.ok());
            QVERIFY(insert.value().bind(1, name).run().ok());
        }
        const auto matches = [&](const QString &search) {
            QStringList names;
            Result<Statement> select =
                db->prepare(QStringLiteral("SELECT name FROM t WHERE ") + likeCondition(u"name") +
                            QStringLiteral(" ORDER BY name"));
            if (!select.ok())
                return QStringList{select.error().toString()};
            select.value().bind(1, likePattern(search));
            while (select.value().step().valueOr(false))
                names << select.value().text(0);
            return names;
        };
        QCOMPARE(likePattern(u"a%b_c\\d"), QStringLiteral("%a\\%b\\_c\\\\d%"));
        QCOMPARE(matches(QStringLiteral("%")), QStringList{QStringLiteral("100% done")});
        QCOMPARE(matches(QStringLiteral("_")), QStringList{QStringLiteral("a_b")});
        QCOMPARE(matches(QStringLiteral("\\")), QStringList{QStringLiteral("back\\slash")});
        QCOMPARE(matches(QStringLiteral("%a%a%a%b")), QStringList{});
        QCOMPARE(matches(QStringLiteral("plain")),
                 (QStringList{QStringLiteral("PLAIN text"), QStringLiteral("plain")}));
        QCOMPARE(matches(QString()).size(), 5);
    }

    // A search over several columns matches a row when any of them
    // contains the text, literally, and binds one pattern per column.
    void likeAnyConditionSearchesEveryColumn()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (id INTEGER, name TEXT, note TEXT)")).ok());
        const QList<std::array<QString, 2>> rows{
            {QStringLiteral("alpha"), QStringLiteral("x")},
            {QStringLiteral("beta"), QStringLiteral("50% alpha")},
            {QStringLiteral("gamma"), QStringLiteral("none")}};
        for (qsizetype i = 0; i < rows.size(); ++i) {
            Result<Statement> insert =
                db->prepare(QStringLiteral("INSERT INTO t VALUES (?, ?, ?)"));
            QVERIFY(insert.ok());
            QVERIFY(insert.value()
                        .bind(1, qint64(i))
                        .bind(2, rows[i][0])
                        .bind(3, rows[i][1])
                        .run()
                        .ok());
        }
        const auto matches = [&](const QString &search) {
            QVariantList binds{qint64(-1)};
            const QString sql = QStringLiteral("SELECT name FROM t WHERE id > ? AND ") +
                                likeAnyCondition({u"name", u"note"}, search, binds) +
                                QStringLiteral(" ORDER BY id");
            Result<Statement> select = db->prepare(sql);
            if (!select.ok() || binds.size() != 3)
                return QStringList{QStringLiteral("binds: %1").arg(binds.size())};
            for (qsizetype i = 0; i < binds.size(); ++i)
                select.value().bind(int(i + 1), binds[i]);
            QStringList names;
            while (select.value().step().valueOr(false))
                names << select.value().text(0);
            return names;
        };
        QCOMPARE(matches(QStringLiteral("alpha")),
                 (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}));
        QCOMPARE(matches(QStringLiteral("% a")), QStringList{QStringLiteral("beta")});
        QCOMPARE(matches(QStringLiteral("gam")), QStringList{QStringLiteral("gamma")});
        QCOMPARE(matches(QStringLiteral("%%")), QStringList{});
        QVariantList binds;
        QCOMPARE(likeAnyCondition({u"a", u"b.c"}, u"x_", binds),
                 QStringLiteral("(a LIKE ? ESCAPE '\\' OR b.c LIKE ? ESCAPE '\\')"));
        QCOMPARE(binds, (QVariantList{QStringLiteral("%x\\_%"), QStringLiteral("%x\\_%")}));
    }

    // A statement running past the connection's limit is stopped with
    // TIMEOUT, and the connection goes on working.
    void queryTimeLimitStopsLongStatements()
    {
        std::unique_ptr<Database> db = openOrFail(dbPath(), randomKey());
        QVERIFY(db);
        QCOMPARE(db->queryTimeLimit(), qint64(0));
        db->setQueryTimeLimit(100);
        QCOMPARE(db->queryTimeLimit(), qint64(100));
        // Never ends on its own.
        const QString endless = QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT "
                                               "x + 1 FROM c) SELECT count(*) FROM c");
        QElapsedTimer timer;
        timer.start();
        const Result<qint64> stopped = db->queryInt(endless);
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error().code, ErrorCode::Timeout);
        QCOMPARE(stopped.error().details.value(QStringLiteral("limit_ms")).toInt(), 100);
        QCOMPARE(stopped.error().details.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("query_time_limit"));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(db->queryInt(QStringLiteral("SELECT 42")).valueOr(0), 42);
        // exec() too, and a write stopped inside a transaction leaves nothing.
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE n (x INTEGER)")).ok());
        {
            Result<Transaction> txn = db->begin();
            QVERIFY(txn.ok());
            const Status insert =
                db->exec(QStringLiteral("INSERT INTO n WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                        "SELECT x + 1 FROM c) SELECT x FROM c"));
            QCOMPARE(insert.error().code, ErrorCode::Timeout);
        }
        QCOMPARE(db->queryInt(QStringLiteral("SELECT count(*) FROM n")).valueOr(-1), 0);
        QVERIFY(!db->inTransaction());

        // In a QueryBudget the statements' running times add up: once the
        // endless query spent it, a statement of more than a few VM
        // instructions stops at once. Time outside sqlite does not count.
        const QString someWork = QStringLiteral(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000) "
            "SELECT count(*) FROM c");
        QCOMPARE(db->queryInt(someWork).valueOr(0), 5000);
        {
            const Database::QueryBudget budget = db->budget();
            QThread::msleep(150);
            QCOMPARE(db->queryInt(someWork).valueOr(0), 5000);
            QCOMPARE(db->queryInt(endless).error().code, ErrorCode::Timeout);
            QCOMPARE(db->queryInt(someWork).error().code, ErrorCode::Timeout);
            QCOMPARE(db->queryInt(QStringLiteral("SELECT 42")).valueOr(0), 42);
        }
        QCOMPARE(db->queryInt(someWork).valueOr(0), 5000);

        // Without a limit nothing is watched.
        db->setQueryTimeLimit(0);
        {
            const Database::QueryBudget budget = db->budget();
            QCOMPARE(db->queryInt(someWork).valueOr(0), 5000);
        }
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
