// What BackupService::json says of each backup file's format, remembered
// (server/services/system/BackupFormatCache): real backup files written by
// backup::Writer in both formats are named by their header once, however
// often a listing asks; a file changed in place is read again once its
// mtime or size says so (and not before: the test changes the bytes but
// keeps both, to see that the answer comes from memory); a missing file or
// one that is no backup is named by nothing and remembered by nothing.

#include "crypto/ChunkSeal.h"
#include "crypto/Random.h"
#include "server/services/system/BackupFile.h"
#include "server/services/system/BackupFormatCache.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::server;

namespace {

// A backup file of one small entry. The header needs no DEK record here:
// only the format is read back, never the content.
bool writeBackup(const QString &path, backup::ChunkCompression compression)
{
    auto writer = backup::Writer::create(
        path, QJsonObject{{QStringLiteral("chunk_size"), backup::kChunkBytes}},
        crypto::chunks::newKey(), compression);
    return writer && writer.value()->addBytes(QStringLiteral("logs/recent.jsonl"), "{}\n") &&
           writer.value()->finish();
}

QDateTime modifiedAt(const QString &path)
{
    QFile file(path);
    return file.fileTime(QFileDevice::FileModificationTime);
}

// Overwrites the 2-byte format version after the 8-byte magic, keeping the
// file's size and modification time.
bool setVersionKeepingTimes(const QString &path, quint16 version)
{
    const QDateTime before = modifiedAt(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(8))
        return false;
    const char bytes[2] = {char(version >> 8), char(version & 0xff)};
    if (file.write(bytes, 2) != 2)
        return false;
    file.close();
    return file.open(QIODevice::ReadWrite) &&
           file.setFileTime(before, QFileDevice::FileModificationTime);
}

} // namespace

class TestBackupFormatCache : public QObject
{
    Q_OBJECT

private slots:
    void eachHeaderIsReadOnce()
    {
        QTemporaryDir dir;
        const QString zstd = dir.filePath(QStringLiteral("backup_a.hmbackup"));
        const QString zlib = dir.filePath(QStringLiteral("backup_b.hmbackup"));
        QVERIFY(writeBackup(zstd, backup::ChunkCompression::Zstd));
        QVERIFY(writeBackup(zlib, backup::ChunkCompression::Zlib));
        backup::FormatCache cache;
        // A thousand rows of a listing, over two files.
        for (int i = 0; i < 500; ++i) {
            QCOMPARE(cache.compression(QStringLiteral("backup_a"), zstd), QStringLiteral("zstd"));
            QCOMPARE(cache.compression(QStringLiteral("backup_b"), zlib), QStringLiteral("zlib"));
        }
        QCOMPARE(cache.headerReads(), 2);
    }

    void aChangedFileIsReadAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("backup_c.hmbackup"));
        QVERIFY(writeBackup(path, backup::ChunkCompression::Zlib));
        backup::FormatCache cache;
        QCOMPARE(cache.compression(QStringLiteral("backup_c"), path), QStringLiteral("zlib"));

        // Format 2 written over format 1, same size, same mtime: still the
        // remembered answer, nothing read.
        QVERIFY(setVersionKeepingTimes(path, quint16(backup::kFormatVersion)));
        QCOMPARE(backup::compressionName(path), QStringLiteral("zstd"));
        QCOMPARE(cache.compression(QStringLiteral("backup_c"), path), QStringLiteral("zlib"));
        QCOMPARE(cache.headerReads(), 1);

        // The mtime moves: read again.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(
                file.setFileTime(modifiedAt(path).addSecs(1), QFileDevice::FileModificationTime));
        }
        QCOMPARE(cache.compression(QStringLiteral("backup_c"), path), QStringLiteral("zstd"));
        QCOMPARE(cache.headerReads(), 2);

        // Another file under the same id (another size): read again.
        QVERIFY(QFile::remove(path));
        QVERIFY(writeBackup(path, backup::ChunkCompression::Zlib));
        QFile grown(path);
        QVERIFY(grown.open(QIODevice::Append));
        QCOMPARE(grown.write("x"), qint64(1));
        grown.close();
        QCOMPARE(cache.compression(QStringLiteral("backup_c"), path), QStringLiteral("zlib"));
        QCOMPARE(cache.headerReads(), 3);

        // Forgotten (the backup was deleted), then asked again: read.
        cache.forget(QStringLiteral("backup_c"));
        QCOMPARE(cache.compression(QStringLiteral("backup_c"), path), QStringLiteral("zlib"));
        QCOMPARE(cache.headerReads(), 4);
    }

    void noBackupNoAnswer()
    {
        QTemporaryDir dir;
        backup::FormatCache cache;
        // A running backup's file is not there yet.
        const QString missing = dir.filePath(QStringLiteral("backup_d.hmbackup"));
        QCOMPARE(cache.compression(QStringLiteral("backup_d"), missing), QString());
        QCOMPARE(cache.headerReads(), 0);
        // A file that is no backup: no name, and not remembered, so the
        // same file completed later is named.
        QFile junk(missing);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        QCOMPARE(junk.write("not a backup"), qint64(12));
        junk.close();
        QCOMPARE(cache.compression(QStringLiteral("backup_d"), missing), QString());
        QVERIFY(QFile::remove(missing));
        QVERIFY(writeBackup(missing, backup::ChunkCompression::Zstd));
        QCOMPARE(cache.compression(QStringLiteral("backup_d"), missing), QStringLiteral("zstd"));
        QCOMPARE(cache.headerReads(), 2);
        // Removed: no name, whatever was remembered.
        QVERIFY(QFile::remove(missing));
        QCOMPARE(cache.compression(QStringLiteral("backup_d"), missing), QString());
    }
};

QTEST_GUILESS_MAIN(TestBackupFormatCache)
#include "TestBackupFormatCache.moc"
