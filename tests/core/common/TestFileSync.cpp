// common/FileSync: durable writes and the bounded write-behind. Whether the
// bytes survive a power cut cannot be shown here; what can: the bytes stay
// exactly what was written whatever the steps, and failures are reported
// with the path instead of being swallowed.

#include "common/FileSync.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;

class TestFileSync : public QObject
{
    Q_OBJECT

private slots:
    void writeBehindKeepsEveryByte_data();
    void writeBehindKeepsEveryByte();
    void syncFileMakesTheSizeVisibleToOthers();
    void failuresNameThePath();
};

void TestFileSync::writeBehindKeepsEveryByte_data()
{
    QTest::addColumn<qint64>("step");
    QTest::addColumn<qint64>("piece");
    QTest::newRow("pieces smaller than a step") << qint64(1 << 20) << qint64(100'000);
    QTest::newRow("pieces larger than a step") << qint64(64 << 10) << qint64(300'000);
    QTest::newRow("pieces of exactly a step") << qint64(256 << 10) << qint64(256 << 10);
}

void TestFileSync::writeBehindKeepsEveryByte()
{
    QFETCH(qint64, step);
    QFETCH(qint64, piece);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("out")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    filesync::WriteBehind writeBehind(step);
    QCryptographicHash written(QCryptographicHash::Sha256);
    qint64 total = 0;
    QRandomGenerator random(42);
    while (total < 5 * step + 12'345) {
        QByteArray bytes(piece, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), int(piece / 4));
        QCOMPARE(file.write(bytes), piece);
        written.addData(bytes);
        total += piece;
        writeBehind.wrote(file);
        QCOMPARE(file.pos(), total);
    }
    QVERIFY(filesync::syncFile(file).ok());
    file.close();
    QVERIFY(filesync::syncDirectory(dir.path()).ok());

    QFile back(file.fileName());
    QVERIFY(back.open(QIODevice::ReadOnly));
    QCOMPARE(back.size(), total);
    QCryptographicHash read(QCryptographicHash::Sha256);
    QVERIFY(read.addData(&back));
    QCOMPARE(read.result().toHex(), written.result().toHex());
}

void TestFileSync::syncFileMakesTheSizeVisibleToOthers()
{
    // syncFile flushes QFile's own buffer first: a reader through another
    // handle sees every byte right after it, without a close.
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("buffered")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(QByteArray(1000, 'x')), 1000);
    QVERIFY(filesync::syncFile(file).ok());
    QCOMPARE(QFile(file.fileName()).size(), 1000);
}

void TestFileSync::failuresNameThePath()
{
#if !defined(Q_OS_WIN) // Windows has no directory to sync
    const QString missing = QStringLiteral("/nonexistent-hivemind-dir/below");
    const Status directory = filesync::syncDirectory(missing);
    QVERIFY(!directory.ok());
    QCOMPARE(directory.error().code, ErrorCode::IoError);
    QVERIFY2(directory.error().message.contains(missing), qPrintable(directory.error().message));
#endif
    QFile notOpen(QStringLiteral("/tmp/never-opened"));
    const Status file = filesync::syncFile(notOpen);
    QVERIFY(!file.ok());
    QCOMPARE(file.error().code, ErrorCode::IoError);
}

QTEST_GUILESS_MAIN(TestFileSync)
#include "TestFileSync.moc"
