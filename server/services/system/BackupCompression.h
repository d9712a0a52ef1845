#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>

// The compression of a backup file's chunks (docs/backup.md, "File
// format"). Format 2 compresses with zstd at level 1: it stores data that
// does not compress (media, already compressed or encrypted blobs) at
// ~1.5 GB/s where zlib level 1 crawled at ~17 MB/s over it here, and
// compresses text faster and smaller than zlib did. Format 1 (zlib, Qt's
// qCompress framing) is still read, so older backups restore.
namespace hm::server::backup {

enum class ChunkCompression { Zlib, Zstd };

QByteArray compressChunk(QByteArrayView plain);
// At most `maxPlainBytes` come out: a chunk claiming more is refused
// without being expanded (nullopt-like empty error).
Result<QByteArray> decompressChunk(ChunkCompression compression, QByteArrayView compressed,
                                   qint64 maxPlainBytes);

} // namespace hm::server::backup
