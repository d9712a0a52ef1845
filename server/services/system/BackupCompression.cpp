#include "server/services/system/BackupCompression.h"

#include <zstd.h>

namespace hm::server::backup {

namespace {

Error chunkDecompressError(const QString &why)
{
    return Error{ErrorCode::ValidationError, why};
}

} // namespace

QByteArray compressChunk(QByteArrayView plain)
{
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(plain.size()))), Qt::Uninitialized);
    const size_t written =
        ZSTD_compress(out.data(), size_t(out.size()), plain.data(), size_t(plain.size()), 1);
    // Only a too-small destination fails, and the bound rules that out.
    Q_ASSERT(!ZSTD_isError(written));
    out.truncate(qsizetype(written));
    return out;
}

Result<QByteArray> decompressChunk(ChunkCompression compression, QByteArrayView compressed,
                                   qint64 maxPlainBytes)
{
    if (compression == ChunkCompression::Zlib) {
        // qCompress framing: a big-endian u32 of the plain size first.
        if (compressed.size() >= 4) {
            const auto *p = reinterpret_cast<const uchar *>(compressed.data());
            const quint32 claimed = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) |
                                    (quint32(p[2]) << 8) | quint32(p[3]);
            if (qint64(claimed) > maxPlainBytes)
                return chunkDecompressError(QStringLiteral("a chunk claims more than a chunk holds"));
        }
        QByteArray plain = qUncompress(reinterpret_cast<const uchar *>(compressed.data()),
                                       compressed.size());
        if (plain.isEmpty() && !compressed.isEmpty() && compressed.size() > 4)
            return chunkDecompressError(QStringLiteral("a chunk does not decompress"));
        return plain;
    }
    const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), size_t(compressed.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        return chunkDecompressError(QStringLiteral("a chunk does not decompress"));
    if (size > quint64(maxPlainBytes))
        return chunkDecompressError(QStringLiteral("a chunk claims more than a chunk holds"));
    QByteArray plain(qsizetype(size), Qt::Uninitialized);
    const size_t got = ZSTD_decompress(plain.data(), size_t(plain.size()), compressed.data(),
                                       size_t(compressed.size()));
    if (ZSTD_isError(got) || got != size)
        return chunkDecompressError(QStringLiteral("a chunk does not decompress"));
    return plain;
}

} // namespace hm::server::backup
