// The page crypto HiveMind puts into SQLCipher's provider
// (core/store/PageCrypto.cpp), held against SQLCipher's own OpenSSL
// functions: the same bytes for every input, and databases that either one
// writes read back through the other.

#include "StoreTestSupport.h"
#include "crypto/Random.h"
#include "store/Database.h"
#include "store/PageCrypto_p.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace hm;
using namespace hm::store;
using namespace hm::store::test;
namespace pc = hm::store::detail::page_crypto;

namespace {

// Rows of `table` (k, v) from `from` to `to`, in one transaction.
bool insertRows(Database &db, const QString &table, int from, int to)
{
    Result<Transaction> txn = db.begin();
    if (!txn.ok())
        return false;
    for (int k = from; k < to; ++k) {
        Result<Statement> insert =
            db.prepare(QStringLiteral("INSERT INTO %1 (k, v) VALUES (?, ?)").arg(table));
        if (!insert.ok() || !insert.value()
                                 .bind(1, k)
                                 .bind(2, QStringLiteral("row %1 ").arg(k).repeated(20))
                                 .run()
                                 .ok())
            return false;
    }
    return txn.value().commit().ok();
}

// count(*) and the sum of the lengths of v: reading them touches every page.
QString digest(Database &db, const QString &table)
{
    const Result<qint64> count = db.queryInt(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    const Result<qint64> bytes =
        db.queryInt(QStringLiteral("SELECT sum(length(v)) FROM %1").arg(table));
    return QStringLiteral("%1 rows, %2 chars").arg(count.valueOr(-1)).arg(bytes.valueOr(-1));
}

} // namespace

class TestPageCrypto : public QObject
{
    Q_OBJECT

private slots:
    void init() { pc::setEnabled(true); }
    void cleanup() { pc::setEnabled(true); }

    void usableWithThisSqlCipher();
    void cipherMatchesStock();
    void hmacMatchesStock();
    void hmacKeepsKeysApart();
    void cipherKeepsKeysApart();
    void randomBytesAreFreshAcrossRefills();
    void databasesReadBackEitherWay();
    void threadsKeepTheirOwnContexts();
};

void TestPageCrypto::usableWithThisSqlCipher()
{
    // Debian 12's SQLCipher 3.4.1 with OpenSSL 3, which CI runs: if this
    // fails, every page goes through SQLCipher's slower functions again.
    QVERIFY2(pc::usable(), "the page crypto is off for this SQLCipher (see the server log)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Database> db = openOrFail(dir.filePath(QStringLiteral("a.db")), randomKey());
    QVERIFY(db);
    QVERIFY(pc::inUse());
    pc::setEnabled(false);
    QVERIFY(!pc::inUse());
    pc::setEnabled(true);
    QVERIFY(pc::inUse());
}

void TestPageCrypto::cipherMatchesStock()
{
    // Page bodies as SQLCipher encrypts them (page size minus the 48-byte
    // reserve), and other multiples of the block size.
    for (const int size : {16, 32, 976, 4048, 8144, 65488}) {
        for (int round = 0; round < 20; ++round) {
            const QByteArray key = crypto::randomBytes(32);
            const QByteArray iv = crypto::randomBytes(16);
            const QByteArray plain = crypto::randomBytes(size);
            const QByteArray stock = pc::cipher(pc::Impl::Stock, true, key, iv, plain);
            QCOMPARE(stock.size(), size);
            QCOMPARE(pc::cipher(pc::Impl::Fast, true, key, iv, plain), stock);
            QCOMPARE(pc::cipher(pc::Impl::Fast, false, key, iv, stock), plain);
            QCOMPARE(pc::cipher(pc::Impl::Stock, false, key, iv, stock), plain);
        }
    }
    // What the fast path refuses, the provider hands to the stock function;
    // here it reports the refusal.
    QVERIFY(pc::cipher(pc::Impl::Fast, true, crypto::randomBytes(16), crypto::randomBytes(16),
                       crypto::randomBytes(64))
                .isEmpty());
    QVERIFY(pc::cipher(pc::Impl::Fast, true, crypto::randomBytes(32), crypto::randomBytes(16),
                       crypto::randomBytes(20))
                .isEmpty());
}

void TestPageCrypto::hmacMatchesStock()
{
    for (const int keySize : {1, 16, 32, 64}) {
        for (const int size : {0, 1, 4064, 4096, 10000}) {
            const QByteArray key = crypto::randomBytes(keySize);
            const QByteArray in = crypto::randomBytes(size);
            const QByteArray pageNumber = crypto::randomBytes(4);
            const QByteArray stock = pc::hmac(pc::Impl::Stock, key, in, pageNumber);
            QCOMPARE(stock.size(), 20);
            QCOMPARE(pc::hmac(pc::Impl::Fast, key, in, pageNumber), stock);
        }
    }
}

void TestPageCrypto::hmacKeepsKeysApart()
{
    // The fast HMAC keeps its last key: alternating keys, and keys that
    // differ only in length or in their last byte, must never reuse it.
    QByteArray a = crypto::randomBytes(32);
    QByteArray b = a;
    b[31] = char(b[31] ^ 1);
    const QByteArray shorter = a.left(31);
    const QByteArray in = crypto::randomBytes(4064);
    for (int round = 0; round < 3; ++round) {
        for (const QByteArray &key : {a, b, shorter, a, a, b}) {
            QCOMPARE(pc::hmac(pc::Impl::Fast, key, in, "\0\0\0\1"),
                     pc::hmac(pc::Impl::Stock, key, in, "\0\0\0\1"));
        }
    }
    QVERIFY(pc::hmac(pc::Impl::Stock, a, in, "\0\0\0\1") !=
            pc::hmac(pc::Impl::Stock, b, in, "\0\0\0\1"));
}

void TestPageCrypto::cipherKeepsKeysApart()
{
    // The fast cipher keeps the last key of each direction and then only
    // sets the IV: the same key with new IVs, alternating keys, keys one
    // bit apart, and both directions in turn.
    QByteArray a = crypto::randomBytes(32);
    QByteArray b = a;
    b[31] = char(b[31] ^ 0x80);
    const QByteArray page = crypto::randomBytes(4048);
    for (int round = 0; round < 4; ++round) {
        for (const QByteArray &key : {a, a, b, a, b, b}) {
            const QByteArray iv = crypto::randomBytes(16);
            const QByteArray stock = pc::cipher(pc::Impl::Stock, true, key, iv, page);
            QCOMPARE(pc::cipher(pc::Impl::Fast, true, key, iv, page), stock);
            QCOMPARE(pc::cipher(pc::Impl::Fast, false, key, iv, stock), page);
        }
    }
    const QByteArray iv = crypto::randomBytes(16);
    QVERIFY(pc::cipher(pc::Impl::Stock, true, a, iv, page) !=
            pc::cipher(pc::Impl::Stock, true, b, iv, page));
}

void TestPageCrypto::randomBytesAreFreshAcrossRefills()
{
    // 48 bytes per page (IV, HMAC space, padding): 1000 draws cross the
    // 4 KiB pool's refill a dozen times; every draw differs.
    QSet<QByteArray> seen;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray bytes = pc::random(pc::Impl::Fast, 48);
        QCOMPARE(bytes.size(), 48);
        QVERIFY(bytes != QByteArray(48, '\0'));
        seen.insert(bytes);
    }
    QCOMPARE(seen.size(), 1000);
    // Odd sizes that do not divide the pool, and one larger than the pool
    // hands out at once.
    for (const int size : {1, 17, 1000, 1024, 5000}) {
        const QByteArray bytes = pc::random(pc::Impl::Fast, size);
        QCOMPARE(bytes.size(), size);
        QVERIFY(size < 8 || bytes != QByteArray(size, '\0'));
    }
}

void TestPageCrypto::databasesReadBackEitherWay()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mixed.db"));
    const crypto::SecureBytes key = randomKey();
    QString expected;
    {
        // Written by the fast functions (WAL and, at close, the file).
        std::unique_ptr<Database> db = openOrFail(path, copyOf(key));
        QVERIFY(db);
        QVERIFY(pc::inUse());
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")).ok());
        QVERIFY(insertRows(*db, QStringLiteral("t"), 0, 600));
        expected = digest(*db, QStringLiteral("t"));
    }
    QVERIFY2(expected.startsWith(QStringLiteral("600 rows")), qPrintable(expected));
    pc::setEnabled(false);
    {
        // Read by SQLCipher's own, which then writes more.
        std::unique_ptr<Database> db = openOrFail(path, copyOf(key));
        QVERIFY(db);
        QVERIFY(!pc::inUse());
        QCOMPARE(digest(*db, QStringLiteral("t")), expected);
        QVERIFY(insertRows(*db, QStringLiteral("t"), 600, 1200));
        expected = digest(*db, QStringLiteral("t"));
    }
    pc::setEnabled(true);
    {
        // And back: the fast functions read what the stock ones wrote.
        std::unique_ptr<Database> db = openOrFail(path, copyOf(key));
        QVERIFY(db);
        QVERIFY(pc::inUse());
        QCOMPARE(digest(*db, QStringLiteral("t")), expected);
        Result<Statement> check = db->prepare(QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(check.ok());
        QVERIFY(check.value().step().valueOr(false));
        QCOMPARE(check.value().text(0), QStringLiteral("ok"));
    }
    QVERIFY(expected.startsWith(QStringLiteral("1200 rows")));
}

void TestPageCrypto::threadsKeepTheirOwnContexts()
{
    // Each thread keeps its own contexts and key: two threads with
    // different keys, interleaved, still match the stock functions.
    std::atomic<int> mismatches{0};
    const auto work = [&mismatches](int seed) {
        for (int i = 0; i < 200; ++i) {
            const QByteArray key = crypto::randomBytes(32);
            const QByteArray iv = crypto::randomBytes(16);
            const QByteArray page = crypto::randomBytes(4048 - (seed % 2) * 16);
            if (pc::cipher(pc::Impl::Fast, true, key, iv, page) !=
                    pc::cipher(pc::Impl::Stock, true, key, iv, page) ||
                pc::hmac(pc::Impl::Fast, key, page, "\0\0\0\2") !=
                    pc::hmac(pc::Impl::Stock, key, page, "\0\0\0\2"))
                ++mismatches;
        }
    };
    std::thread a(work, 1);
    std::thread b(work, 2);
    a.join();
    b.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_GUILESS_MAIN(TestPageCrypto)
#include "TestPageCrypto.moc"
