#include "CrashSeed.h"
#include "StoreTestSupport.h"
#include "store/Database.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/types.h>

using namespace hm;
using namespace hm::store;
using namespace hm::store::test;

// Kills a writer process with SIGKILL at random points and checks that the
// database keeps every commit it acknowledged, no transaction is torn, and
// the file stays intact. No sleeps: the parent waits on the child's output.
class TestStoreCrashSafety : public QObject
{
    Q_OBJECT

private:
    static constexpr int kRounds = 15;
    static constexpr int kRowsPerUnit = 5;

    QTemporaryDir *m_dir = nullptr;
    crypto::SecureBytes m_key;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("crash.db")); }

    std::unique_ptr<Database> open()
    {
        Result<std::unique_ptr<Database>> db = Database::open(dbPath(), m_key);
        if (!db.ok())
            qWarning("%s", why(db).constData());
        return db.ok() ? std::move(db.value()) : nullptr;
    }

    // Parses "<word> N" lines; a trailing partial line is left unparsed.
    static void collect(const QByteArray &output, const QByteArray &word, QList<qint64> &into)
    {
        const QList<QByteArray> lines = output.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> parts = lines[i].split(' ');
            if (parts.size() == 2 && parts[0] == word)
                into << parts[1].toLongLong();
        }
    }

    // Runs the writer until it has acknowledged a random number of units,
    // kills it, and returns every unit it acknowledged.
    void runAndKill(const QString &mode, const QByteArray &word, QList<qint64> &acknowledged)
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HM_STORE_CRASH_KEY"), QString::fromLatin1(m_key.toHex()));
        child.setProcessEnvironment(env);
        child.start(QStringLiteral(HIVEMIND_BIN_DIR "/hm_store_crash_writer"), {dbPath(), mode});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

        const int target = hm::test::crashRandom().bounded(1, 200);
        QByteArray output;
        int seen = 0;
        while (seen < target) {
            if (!child.waitForReadyRead(60'000))
                QFAIL(qPrintable(QStringLiteral("writer stalled or died: %1")
                                     .arg(QString::fromUtf8(child.readAllStandardError()))));
            output += child.readAllStandardOutput();
            seen = int(output.count('\n'));
        }
        QCOMPARE(::kill(pid_t(child.processId()), SIGKILL), 0);
        QVERIFY(child.waitForFinished(60'000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // Lines written before the kill landed are acknowledged too.
        output += child.readAllStandardOutput();
        collect(output, word, acknowledged);
        QVERIFY(acknowledged.size() >= target);
    }

    void createSchema()
    {
        std::unique_ptr<Database> db = open();
        QVERIFY(db);
        QVERIFY(
            db->exec(QStringLiteral("CREATE TABLE rows (txn INTEGER NOT NULL, k INTEGER NOT NULL,"
                                    " payload TEXT NOT NULL, PRIMARY KEY (txn, k));"
                                    "CREATE TABLE ledger (txn INTEGER PRIMARY KEY,"
                                    " row_count INTEGER NOT NULL)"))
                .ok());
    }

    void verifyIntact(Database &db)
    {
        Result<Statement> check = db.prepare(QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(check.ok());
        QVERIFY(check.value().step().valueOr(false));
        QCOMPARE(check.value().text(0), QStringLiteral("ok"));
    }

    qint64 scalar(Database &db, const QString &sql)
    {
        const Result<qint64> value = db.queryInt(sql);
        if (!value.ok())
            qWarning("%s", why(value).constData());
        return value.valueOr(-1);
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_key = randomKey();
        QVERIFY(QFile::exists(QStringLiteral(HIVEMIND_BIN_DIR "/hm_store_crash_writer")));
    }

    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void killedTransactionsAreAllOrNothing()
    {
        createSchema();
        QList<qint64> acknowledged;
        for (int round = 0; round < kRounds; ++round) {
            runAndKill(QStringLiteral("txn"), "committed", acknowledged);
            if (QTest::currentTestFailed())
                return;

            std::unique_ptr<Database> db = open();
            QVERIFY(db);
            verifyIntact(*db);
            // Every acknowledged commit is there, complete.
            Result<Statement> count =
                db->prepare(QStringLiteral("SELECT count(*) FROM rows WHERE txn = ?"));
            QVERIFY(count.ok());
            for (qint64 unit : std::as_const(acknowledged)) {
                count.value().reset();
                QVERIFY(count.value().bind(1, unit).step().valueOr(false));
                QCOMPARE(count.value().int64(0), kRowsPerUnit);
            }
            // No torn transaction anywhere, and ledger and rows agree.
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM (SELECT txn FROM rows"
                                                " GROUP BY txn HAVING count(*) != 5)")),
                     0);
            QCOMPARE(
                scalar(*db, QStringLiteral("SELECT count(*) FROM ledger l WHERE row_count !="
                                           " (SELECT count(*) FROM rows r WHERE r.txn = l.txn)")),
                0);
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(DISTINCT txn) FROM rows"
                                                " WHERE txn NOT IN (SELECT txn FROM ledger)")),
                     0);
            // Units are numbered without gaps, so nothing before the last
            // acknowledged one is missing either.
            const qint64 last = acknowledged.constLast();
            QCOMPARE(
                scalar(*db,
                       QStringLiteral("SELECT count(*) FROM ledger WHERE txn <= %1").arg(last)),
                last);
            QVERIFY(scalar(*db, QStringLiteral("SELECT count(*) FROM ledger")) >= last);
        }
        qInfo("%lld acknowledged transactions over %d kills",
              static_cast<long long>(acknowledged.size()), kRounds);
    }

    void killedWriteBehindKeepsFlushedRows()
    {
        createSchema();
        QList<qint64> flushed;
        for (int round = 0; round < kRounds; ++round) {
            runAndKill(QStringLiteral("queue"), "flushed", flushed);
            if (QTest::currentTestFailed())
                return;

            std::unique_ptr<Database> db = open();
            QVERIFY(db);
            verifyIntact(*db);
            // flush() returned for every unit up to `last`: all stored.
            const qint64 last = flushed.constLast();
            QCOMPARE(
                scalar(*db,
                       QStringLiteral("SELECT count(*) FROM ledger WHERE txn <= %1").arg(last)),
                last);
            QCOMPARE(
                scalar(*db, QStringLiteral("SELECT count(*) FROM rows WHERE txn <= %1").arg(last)),
                last * kRowsPerUnit);
            // Later units may be cut anywhere between batches, but never
            // beyond five rows.
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM (SELECT txn FROM rows"
                                                " GROUP BY txn HAVING count(*) > 5)")),
                     0);
            // The next child continues after the highest ledger entry; drop
            // any partial unit past it so numbering stays gap-free.
            QVERIFY(db->exec(QStringLiteral("DELETE FROM rows WHERE txn >"
                                            " (SELECT coalesce(max(txn), 0) FROM ledger)"))
                        .ok());
        }
        qInfo("%lld flushes acknowledged over %d kills", static_cast<long long>(flushed.size()),
              kRounds);
    }
};

QTEST_GUILESS_MAIN(TestStoreCrashSafety)
#include "TestStoreCrashSafety.moc"
