// The backup file (server/services/system/BackupFile, docs/backup.md "File
// format"): what is written comes back byte for byte in both formats the
// server reads — 2 (zstd chunks, what it writes) and 1 (zlib chunks, what
// earlier servers wrote) — a header naming an unknown compression or a
// newer format is refused before anything is decrypted, and a chunk that
// claims to expand beyond a chunk is refused without being expanded.

#include "crypto/ChunkSeal.h"
#include "crypto/DekStorage.h"
#include "crypto/Envelope.h"
#include "crypto/Random.h"
#include "server/services/system/BackupCompression.h"
#include "server/services/system/BackupFile.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace hm;
using namespace hm::server;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::global()->generate() & 0xff);
    return data;
}

// A header as BackupService makes it: the BACKUP DEK's record and the file
// key sealed under it.
struct Keys
{
    crypto::SecureBytes wrapping = crypto::SecureBytes::fromRaw(crypto::randomBytes(32));
    crypto::SecureBytes fileKey = crypto::chunks::newKey();
    QJsonObject header;
};

Keys makeKeys(const QString &id)
{
    Keys keys;
    crypto::InMemoryDekStorage storage;
    crypto::EnvelopeCipher cipher(crypto::SecureBytes::fromRaw(keys.wrapping.view()), storage);
    const auto sealed = cipher.encrypt(keys.fileKey.view(), crypto::DekPurpose::Backup, id.toUtf8());
    if (!sealed)
        qFatal("cannot seal the file key");
    const crypto::DekRecord r = storage.loadAll().value().first();
    keys.header = QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("chunk_size"), backup::kChunkBytes},
        {QStringLiteral("dek"),
         QJsonObject{{QStringLiteral("id"), r.id},
                     {QStringLiteral("version"), r.version},
                     {QStringLiteral("purpose"), r.purpose},
                     {QStringLiteral("encrypted_key"), QString::fromLatin1(r.encryptedKey.toBase64())},
                     {QStringLiteral("nonce"), QString::fromLatin1(r.nonce.toBase64())},
                     {QStringLiteral("created_at"), r.createdAtMs}}},
        {QStringLiteral("file_key"), sealed.value()}};
    return keys;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestBackupFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripInBothFormats_data()
    {
        QTest::addColumn<int>("compression");
        QTest::addColumn<QString>("name");
        QTest::newRow("format 2, zstd") << int(backup::ChunkCompression::Zstd) << QStringLiteral("zstd");
        QTest::newRow("format 1, zlib") << int(backup::ChunkCompression::Zlib) << QStringLiteral("zlib");
    }

    void roundTripInBothFormats()
    {
        QFETCH(int, compression);
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.hmbackup"));
        Keys keys = makeKeys(QStringLiteral("backup_1"));
        // Several chunks: incompressible bytes, then text, then a small entry.
        const QByteArray database = randomBytes(9 << 20) + QByteArray("execution completed ").repeated(200'000);
        const QByteArray logs = "{\"level\":\"info\"}\n";
        const QString source = dir.filePath(QStringLiteral("source.db"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(database), database.size());
        }
        auto writer = backup::Writer::create(path, keys.header,
                                             crypto::SecureBytes::fromRaw(keys.fileKey.view()),
                                             backup::ChunkCompression(compression));
        QVERIFY(writer);
        QVERIFY(writer.value()->addFile(backup::kDatabaseEntry, source));
        QVERIFY(writer.value()->addBytes(QStringLiteral("logs/recent.jsonl"), logs));
        auto checksum = writer.value()->finish();
        QVERIFY(checksum);
        QCOMPARE(checksum.value(), backup::sha256File(path).value());
        QCOMPARE(backup::compressionName(path), name);

        const QString out = dir.filePath(QStringLiteral("out"));
        const Status extracted = backup::extract(path, keys.wrapping, out);
        QVERIFY2(extracted, qPrintable(extracted ? QString() : extracted.error().message));
        QCOMPARE(readAll(QDir(out).filePath(backup::kDatabaseEntry)), database);
        QCOMPARE(readAll(QDir(out).filePath(QStringLiteral("logs/recent.jsonl"))), logs);
    }

    void unknownCompressionOrNewerFormatIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.hmbackup"));
        Keys keys = makeKeys(QStringLiteral("backup_2"));
        auto writer = backup::Writer::create(path, keys.header,
                                             crypto::SecureBytes::fromRaw(keys.fileKey.view()));
        QVERIFY(writer);
        QVERIFY(writer.value()->addBytes(QStringLiteral("logs/recent.jsonl"), "x"));
        QVERIFY(writer.value()->finish());
        const QByteArray good = readAll(path);

        const auto refusedWith = [&](const QByteArray &bytes, const char *code) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
                return false;
            f.close();
            const Status s = backup::extract(path, keys.wrapping, dir.filePath(QStringLiteral("o")));
            return !s && s.error().details.value(QStringLiteral("code")).toString() ==
                             QLatin1String(code);
        };
        QByteArray otherCompression = good;
        const qsizetype at = otherCompression.indexOf("\"zstd\"");
        QVERIFY(at > 0);
        otherCompression.replace(at, 6, "\"lz4x\"");
        QVERIFY(refusedWith(otherCompression, "backup_unsupported_version"));

        QByteArray newer = good;
        qToBigEndian<quint16>(backup::kFormatVersion + 1, newer.data() + 8);
        QVERIFY(refusedWith(newer, "backup_unsupported_version"));

        // And the untouched file still opens.
        QFile restore(path);
        QVERIFY(restore.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(restore.write(good), good.size());
        restore.close();
        QVERIFY(backup::extract(path, keys.wrapping, dir.filePath(QStringLiteral("ok"))));
    }

    void chunksThatClaimTooMuchAreRefused()
    {
        const qint64 max = backup::kChunkBytes;
        const QByteArray zeros(max + 1, '\0');
        // zstd: the frame says how much it holds; refused before expanding.
        const QByteArray bomb = backup::compressChunk(zeros);
        QVERIFY(bomb.size() < 1024);
        QVERIFY(!backup::decompressChunk(backup::ChunkCompression::Zstd, bomb, max));
        QCOMPARE(backup::decompressChunk(backup::ChunkCompression::Zstd, bomb, max + 1).value(), zeros);
        // zlib: qCompress's size prefix.
        const QByteArray zbomb = qCompress(zeros, 1);
        QVERIFY(!backup::decompressChunk(backup::ChunkCompression::Zlib, zbomb, max));
        QCOMPARE(backup::decompressChunk(backup::ChunkCompression::Zlib, zbomb, max + 1).value(), zeros);
        // Not compressed data at all.
        const QByteArray junk = randomBytes(4096);
        QVERIFY(!backup::decompressChunk(backup::ChunkCompression::Zstd, junk, max));
        QVERIFY(!backup::decompressChunk(backup::ChunkCompression::Zlib, QByteArray(4, '\x01') + junk, max));
    }
};

QTEST_GUILESS_MAIN(TestBackupFile)
#include "TestBackupFile.moc"
