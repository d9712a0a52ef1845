#include "server/services/system/BackupFile.h"

#include "crypto/ChunkSeal.h"
#include "crypto/DekStorage.h"
#include "crypto/Envelope.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QtEndian>

namespace hm::server::backup {

namespace {

constexpr qint64 kBackupMaxHeaderBytes = 64 * 1024;
constexpr quint8 kBackupLastFlag = 1;
// Sealed chunks are never larger than this (incompressible data grows a
// little under zlib and zstd).
constexpr qint64 kBackupMaxSealedBytes = kChunkBytes + kChunkBytes / 16 + 4096;

QByteArray backupChunkAd(const QByteArray &headerHash, quint64 index, quint8 flags)
{
    QByteArray ad = headerHash;
    char number[8];
    qToBigEndian(index, number);
    ad.append(number, 8);
    ad.append(char(flags));
    return ad;
}

template <typename T> QByteArray backupBigEndian(T value)
{
    QByteArray bytes(sizeof(T), Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

Error backupIoError(const QString &what, const QFile &file)
{
    return Error{ErrorCode::IoError, QStringLiteral("%1 %2: %3")
                                         .arg(what, file.fileName(), file.errorString())};
}

// A relative entry name that stays inside its directory.
bool backupSafeName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return false;
    const QStringList parts = name.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    }
    return true;
}

} // namespace

Error refusal(const QString &code, const QString &message)
{
    return Error{ErrorCode::ValidationError, message, QJsonObject{{QStringLiteral("code"), code}}};
}

// ---- writing ----

Result<std::unique_ptr<Writer>> Writer::create(const QString &path, QJsonObject header,
                                               crypto::SecureBytes fileKey,
                                               ChunkCompression compression)
{
    const bool zlib = compression == ChunkCompression::Zlib;
    header.insert(QStringLiteral("compression"), zlib ? QStringLiteral("zlib") : QStringLiteral("zstd"));
    std::unique_ptr<Writer> writer(new Writer);
    writer->m_file.setFileName(path);
    if (!writer->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return backupIoError(QStringLiteral("cannot create"), writer->m_file);
    writer->m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    writer->m_key = std::move(fileKey);
    writer->m_compression = compression;
    const QByteArray headerBytes = QJsonDocument(header).toJson(QJsonDocument::Compact);
    writer->m_headerHash = crypto::Sha256::hash(headerBytes);
    QByteArray start(kMagic, 8);
    start += backupBigEndian<quint16>(zlib ? kOldestReadableFormat : kFormatVersion);
    start += backupBigEndian<quint32>(quint32(headerBytes.size()));
    start += headerBytes;
    if (Status written = writer->writeRaw(start); !written)
        return written.error();
    return writer;
}

Writer::~Writer()
{
    // An unfinished file is no backup.
    if (m_file.isOpen()) {
        m_file.close();
        m_file.remove();
    }
}

Status Writer::writeRaw(QByteArrayView bytes)
{
    if (m_file.write(bytes.data(), bytes.size()) != bytes.size())
        return backupIoError(QStringLiteral("cannot write"), m_file);
    m_sha.addData(bytes);
    m_written += bytes.size();
    m_writeBehind.wrote(m_file);
    return {};
}

Status Writer::writeChunk(bool last)
{
    const quint8 flags = last ? kBackupLastFlag : 0;
    const QByteArray compressed = m_compression == ChunkCompression::Zlib
                                      ? qCompress(m_pending, 1)
                                      : compressChunk(m_pending);
    const QByteArray sealed =
        crypto::chunks::seal(m_key, compressed, backupChunkAd(m_headerHash, m_index, flags));
    ++m_index;
    m_pending.clear();
    QByteArray frame(1, char(flags));
    frame += backupBigEndian<quint32>(quint32(sealed.size()));
    if (Status s = writeRaw(frame); !s)
        return s;
    return writeRaw(sealed);
}

Status Writer::append(QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        const qint64 room = kChunkBytes - m_pending.size();
        const qint64 take = qMin<qint64>(room, bytes.size());
        m_pending.append(bytes.first(take));
        bytes = bytes.sliced(take);
        if (m_pending.size() == kChunkBytes) {
            if (Status s = writeChunk(false); !s)
                return s;
        }
    }
    return {};
}

Status Writer::addFile(const QString &name, const QString &sourcePath, const Progress &progress)
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
        return backupIoError(QStringLiteral("cannot read"), source);
    const QByteArray utf8 = name.toUtf8();
    const qint64 total = source.size();
    QByteArray entry = backupBigEndian<quint16>(quint16(utf8.size())) + utf8;
    entry += backupBigEndian<quint64>(quint64(total));
    if (Status s = append(entry); !s)
        return s;
    qint64 done = 0;
    while (done < total) {
        const QByteArray block = source.read(qMin<qint64>(kChunkBytes, total - done));
        if (block.isEmpty())
            return backupIoError(QStringLiteral("cannot read"), source);
        if (Status s = append(block); !s)
            return s;
        done += block.size();
        if (progress)
            progress(done, total);
    }
    return {};
}

Status Writer::addBytes(const QString &name, const QByteArray &bytes)
{
    const QByteArray utf8 = name.toUtf8();
    QByteArray entry = backupBigEndian<quint16>(quint16(utf8.size())) + utf8;
    entry += backupBigEndian<quint64>(quint64(bytes.size()));
    if (Status s = append(entry); !s)
        return s;
    return append(bytes);
}

Result<QString> Writer::finish()
{
    if (Status s = append(backupBigEndian<quint16>(0)); !s)
        return s.error();
    if (Status s = writeChunk(true); !s)
        return s.error();
    // Durable before anyone is told the backup is complete.
    if (Status synced = filesync::syncFile(m_file); !synced)
        return synced.error();
    m_file.close();
    if (Status synced = filesync::syncDirectory(QFileInfo(m_file.fileName()).absolutePath()); !synced)
        return synced.error();
    return QString::fromLatin1(m_sha.result().toHex());
}

// ---- reading ----

Result<Opened> readHeader(QFile &file)
{
    const QByteArray start = file.read(14);
    if (start.size() < 14 || !start.startsWith(QByteArrayView(kMagic, 8)))
        return refusal(QStringLiteral("backup_not_a_backup"),
                       QStringLiteral("this file is not a HiveMind backup"));
    const quint16 version = qFromBigEndian<quint16>(start.constData() + 8);
    if (version < kOldestReadableFormat || version > kFormatVersion)
        return refusal(QStringLiteral("backup_unsupported_version"),
                       QStringLiteral("backup format %1 is not supported by this server (it "
                                      "reads formats %2 to %3)")
                           .arg(version)
                           .arg(kOldestReadableFormat)
                           .arg(kFormatVersion));
    const quint32 length = qFromBigEndian<quint32>(start.constData() + 10);
    if (length == 0 || length > kBackupMaxHeaderBytes)
        return refusal(QStringLiteral("backup_not_a_backup"),
                       QStringLiteral("the backup's header is damaged"));
    const QByteArray headerBytes = file.read(length);
    if (headerBytes.size() != qsizetype(length))
        return refusal(QStringLiteral("backup_truncated"),
                       QStringLiteral("the backup file is cut off inside its header"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(headerBytes, &parseError);
    if (!document.isObject())
        return refusal(QStringLiteral("backup_not_a_backup"),
                       QStringLiteral("the backup's header is damaged"));
    const QJsonObject header = document.object();
    // Format 1 was always zlib; format 2 names its compression.
    ChunkCompression compression = ChunkCompression::Zlib;
    if (version >= 2) {
        if (header.value(QStringLiteral("compression")).toString() != QLatin1String("zstd"))
            return refusal(QStringLiteral("backup_unsupported_version"),
                           QStringLiteral("the backup's chunks use a compression this server does "
                                          "not read"));
        compression = ChunkCompression::Zstd;
    }
    return Opened{header, crypto::Sha256::hash(headerBytes), 14 + qint64(length), compression};
}

Result<crypto::SecureBytes> fileKey(const QJsonObject &header,
                                    const crypto::SecureBytes &dekWrappingKey)
{
    const QJsonObject dek = header.value(QStringLiteral("dek")).toObject();
    crypto::DekRecord record;
    record.id = dek.value(QStringLiteral("id")).toString();
    record.version = dek.value(QStringLiteral("version")).toInt();
    record.purpose = crypto::purposeName(crypto::DekPurpose::Backup);
    record.encryptedKey =
        QByteArray::fromBase64(dek.value(QStringLiteral("encrypted_key")).toString().toLatin1());
    record.nonce = QByteArray::fromBase64(dek.value(QStringLiteral("nonce")).toString().toLatin1());
    record.status = crypto::DekStatus::Active;
    record.createdAtMs = qint64(dek.value(QStringLiteral("created_at")).toDouble());
    if (record.version < 1 || record.encryptedKey.isEmpty() || record.nonce.isEmpty())
        return refusal(QStringLiteral("backup_not_a_backup"),
                       QStringLiteral("the backup's header holds no data key"));
    crypto::InMemoryDekStorage storage;
    if (Status inserted = storage.insert(record); !inserted)
        return inserted.error();
    crypto::EnvelopeCipher cipher(crypto::SecureBytes::fromRaw(dekWrappingKey.view()), storage);
    const Error mismatch =
        refusal(QStringLiteral("backup_key_mismatch"),
                QStringLiteral("this backup was made under another master key: it can only be "
                               "restored by a server started with that master key"));
    if (Status loaded = cipher.load(); !loaded)
        return mismatch;
    auto key = cipher.decrypt(header.value(QStringLiteral("file_key")).toString(),
                              crypto::DekPurpose::Backup,
                              header.value(QStringLiteral("id")).toString().toUtf8());
    if (!key || key.value().size() != crypto::chunks::kKeyBytes)
        return refusal(QStringLiteral("backup_tampered"),
                       QStringLiteral("the backup's file key does not open: the header was "
                                      "changed"));
    crypto::SecureBytes fileKey = crypto::SecureBytes::fromRaw(key.value());
    crypto::wipe(key.value());
    return fileKey;
}

namespace {

// Unpacks the payload as it is decrypted: entries into files under a
// directory (or nowhere when only checking).
class BackupUnpacker
{
public:
    explicit BackupUnpacker(QString dir) : m_dir(std::move(dir)) {}

    Status feed(QByteArrayView bytes)
    {
        while (!bytes.isEmpty()) {
            if (m_ended)
                return refusal(QStringLiteral("backup_tampered"),
                               QStringLiteral("the backup holds data after its end"));
            if (m_remaining > 0) {
                const qint64 take = qMin<qint64>(m_remaining, bytes.size());
                if (m_out.isOpen() && m_out.write(bytes.data(), take) != take)
                    return backupIoError(QStringLiteral("cannot write"), m_out);
                m_remaining -= take;
                bytes = bytes.sliced(take);
                if (m_remaining == 0)
                    m_out.close();
                continue;
            }
            // Collecting an entry's head: name length, name, size.
            m_head.append(bytes.first(1));
            bytes = bytes.sliced(1);
            if (Status s = headStep(); !s)
                return s;
        }
        return {};
    }
    bool ended() const { return m_ended; }

private:
    Status headStep()
    {
        if (m_head.size() < 2)
            return {};
        const quint16 nameLength = qFromBigEndian<quint16>(m_head.constData());
        if (nameLength == 0) {
            m_ended = true;
            return {};
        }
        if (m_head.size() < 2 + nameLength + 8)
            return {};
        const QString name = QString::fromUtf8(m_head.constData() + 2, nameLength);
        const quint64 size = qFromBigEndian<quint64>(m_head.constData() + 2 + nameLength);
        m_head.clear();
        if (!backupSafeName(name))
            return refusal(QStringLiteral("backup_tampered"),
                           QStringLiteral("the backup names a file outside its directory"));
        m_remaining = qint64(size);
        if (!m_dir.isEmpty()) {
            const QString path = QDir(m_dir).filePath(name);
            if (!QDir().mkpath(QFileInfo(path).path()))
                return Error{ErrorCode::IoError, QStringLiteral("cannot create %1").arg(path)};
            m_out.setFileName(path);
            if (!m_out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return backupIoError(QStringLiteral("cannot create"), m_out);
            m_out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            if (m_remaining == 0)
                m_out.close();
        }
        return {};
    }

    QString m_dir;
    QByteArray m_head;
    QFile m_out;
    qint64 m_remaining = 0;
    bool m_ended = false;
};

} // namespace

Status extract(const QString &path, const crypto::SecureBytes &dekWrappingKey,
               const QString &targetDir, const Progress &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return backupIoError(QStringLiteral("cannot read"), file);
    auto opened = readHeader(file);
    if (!opened)
        return opened.error();
    auto key = fileKey(opened.value().header, dekWrappingKey);
    if (!key)
        return key.error();
    if (!targetDir.isEmpty() && !QDir().mkpath(targetDir))
        return Error{ErrorCode::IoError, QStringLiteral("cannot create %1").arg(targetDir)};
    const Error truncated = refusal(QStringLiteral("backup_truncated"),
                                    QStringLiteral("the backup file is cut off (incomplete "
                                                   "download or copy)"));
    BackupUnpacker unpacker(targetDir);
    const qint64 total = file.size();
    for (quint64 index = 0;; ++index) {
        const QByteArray frame = file.read(5);
        if (frame.size() < 5)
            return truncated;
        const quint8 flags = quint8(frame.at(0));
        const quint32 length = qFromBigEndian<quint32>(frame.constData() + 1);
        if ((flags & ~kBackupLastFlag) != 0 || length > kBackupMaxSealedBytes)
            return refusal(QStringLiteral("backup_tampered"),
                           QStringLiteral("the backup file was changed (a chunk frame is "
                                          "damaged)"));
        const QByteArray sealed = file.read(length);
        if (sealed.size() != qsizetype(length))
            return truncated;
        auto compressed = crypto::chunks::open(
            key.value(), sealed, backupChunkAd(opened.value().headerHash, index, flags));
        if (!compressed)
            return refusal(QStringLiteral("backup_tampered"),
                           QStringLiteral("the backup file was changed: chunk %1 does not "
                                          "authenticate")
                               .arg(index));
        const auto plain =
            decompressChunk(opened.value().compression, compressed.value(), kChunkBytes);
        if (!plain)
            return refusal(QStringLiteral("backup_tampered"),
                           QStringLiteral("chunk %1 does not decompress").arg(index));
        if (Status fed = unpacker.feed(plain.value()); !fed)
            return fed;
        if (progress)
            progress(file.pos(), total);
        if (flags & kBackupLastFlag)
            break;
    }
    if (!unpacker.ended())
        return truncated;
    if (!file.atEnd())
        return refusal(QStringLiteral("backup_tampered"),
                       QStringLiteral("the backup file has data after its last chunk"));
    return {};
}

QString compressionName(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray start = file.read(10);
    if (start.size() < 10 || !start.startsWith(QByteArrayView(kMagic, 8)))
        return {};
    const quint16 version = qFromBigEndian<quint16>(start.constData() + 8);
    return version == 1 ? QStringLiteral("zlib") : QStringLiteral("zstd");
}

Result<QString> sha256File(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return backupIoError(QStringLiteral("cannot read"), file);
    crypto::Sha256 sha;
    QByteArray block(qsizetype(1) << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 got = file.read(block.data(), block.size());
        if (got < 0)
            return backupIoError(QStringLiteral("cannot read"), file);
        if (got == 0)
            break;
        sha.addData(QByteArrayView(block.constData(), got));
    }
    return QString::fromLatin1(sha.result().toHex());
}

} // namespace hm::server::backup
