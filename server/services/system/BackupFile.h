#pragma once

// The backup file format (docs/backup.md, "File format"):
//
//   "HMBACKUP" | u16 format version (1) | u32 header length | header (JSON)
//   then chunks: u8 flags (1 = last) | u32 sealed length | sealed chunk
//
// The header is not secret: id, created_at, server and schema version,
// chunk size, the BACKUP DEK's record as the vault stores it (wrapped under
// the master key's DEK-wrapping subkey) and the file key sealed under that
// DEK (envelope format, associated data the backup id). So the master key
// alone opens a backup, also on a machine whose database never saw it.
//
// Each chunk is zstd level 1 (format 2; format 1 files, still read, used
// zlib: BackupCompression.h) of up to chunk_size bytes of the payload, sealed with the file key (crypto::chunks); its associated data
// is SHA-256(header) | index | flags, so chunks cannot be moved, dropped,
// taken from another backup, or cut off after any but the last.
//
// The payload is a list of entries: u16 name length | name (UTF-8) | u64
// size | bytes, ended by a zero name length. Names are relative paths:
// "database/hivemind.db" (the plain SQLite snapshot), "files/<path under
// the data dir>", "logs/recent.jsonl".

#include "common/Result.h"
#include "common/FileSync.h"
#include "crypto/SecureBytes.h"
#include "crypto/Sha256.h"
#include "server/services/system/BackupCompression.h"

#include <QByteArray>
#include <QFile>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>

namespace hm::server::backup {

inline constexpr char kMagic[] = "HMBACKUP";
// Written: 2 (zstd chunks). Read: 1 (zlib chunks) and 2.
inline constexpr quint16 kFormatVersion = 2;
inline constexpr quint16 kOldestReadableFormat = 1;
inline constexpr qint64 kChunkBytes = 4 * 1024 * 1024;
inline const QString kDatabaseEntry = QStringLiteral("database/hivemind.db");

// bytes done, bytes in all
using Progress = std::function<void(qint64, qint64)>;

// A refusal of a backup file: 422 VALIDATION_ERROR with details.code
// (backup_not_a_backup, backup_truncated, backup_tampered,
// backup_key_mismatch, backup_checksum_mismatch, …).
Error refusal(const QString &code, const QString &message);

class Writer
{
public:
    // Creates `path` (must not exist, owner-only). The writer sets the
    // header's `compression` and the format version that goes with it; the
    // server writes zstd (format 2), zlib (format 1) is there so that tests
    // can make the files older servers made.
    static Result<std::unique_ptr<Writer>> create(const QString &path, QJsonObject header,
                                                  crypto::SecureBytes fileKey,
                                                  ChunkCompression compression = ChunkCompression::Zstd);
    ~Writer();
    Status addFile(const QString &name, const QString &sourcePath, const Progress &progress = {});
    Status addBytes(const QString &name, const QByteArray &bytes);
    // Ends the payload and the file; the SHA-256 (hex) of the whole file.
    Result<QString> finish();
    qint64 size() const { return m_written; }

private:
    Writer() = default;
    Status append(QByteArrayView bytes);
    Status writeChunk(bool last);
    Status writeRaw(QByteArrayView bytes);

    QFile m_file;
    QByteArray m_headerHash;
    crypto::SecureBytes m_key;
    QByteArray m_pending;
    ChunkCompression m_compression = ChunkCompression::Zstd;
    quint64 m_index = 0;
    qint64 m_written = 0;
    crypto::Sha256 m_sha;
    filesync::WriteBehind m_writeBehind;
};

struct Opened
{
    QJsonObject header;
    QByteArray headerHash; // SHA-256 of the header bytes
    qint64 payloadOffset = 0;
    ChunkCompression compression = ChunkCompression::Zstd;
};

// Magic, version and header; backup_not_a_backup otherwise.
Result<Opened> readHeader(QFile &file);
// The file key: the header's DEK record unwrapped with `dekWrappingKey`
// (the master key's subkey), then the sealed file key opened with it.
// backup_key_mismatch when the master key is another.
Result<crypto::SecureBytes> fileKey(const QJsonObject &header,
                                    const crypto::SecureBytes &dekWrappingKey);
// Decrypts and unpacks every entry into `targetDir` (created), or only
// checks every chunk when `targetDir` is empty. backup_tampered,
// backup_truncated. Entry names are checked to stay inside targetDir.
Status extract(const QString &path, const crypto::SecureBytes &dekWrappingKey,
               const QString &targetDir, const Progress &progress = {});
// "zstd" or "zlib" by the file's format; empty when it cannot be read.
QString compressionName(const QString &path);
// SHA-256 hex of a whole file, read in chunks.
Result<QString> sha256File(const QString &path);

} // namespace hm::server::backup
