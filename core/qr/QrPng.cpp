#include "qr/QrPng.h"

#include <QtEndian>
#include <array>

namespace hm::qr {

namespace {

// CRC-32 as PNG (and zlib) define it: polynomial 0xEDB88320, reflected.
quint32 pngCrc(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : bytes)
        crc = table[(crc ^ uchar(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void appendChunk(QByteArray &out, const char type[4], const QByteArray &data)
{
    appendBigEndian(out, quint32(data.size()));
    QByteArray typed(type, 4);
    typed += data;
    out += typed;
    appendBigEndian(out, pngCrc(typed));
}

} // namespace

QByteArray png(const QrMatrix &matrix, int scale, int quiet)
{
    if (matrix.isNull() || scale < 1 || scale > 64 || quiet < 0 || quiet > 16)
        return {};
    const int side = (matrix.width + 2 * quiet) * scale;
    const int rowBytes = (side + 7) / 8;

    // Scanlines: filter byte 0 (none), then 1 bit per pixel, 1 = white.
    QByteArray raw;
    raw.reserve(qsizetype(side) * (rowBytes + 1));
    QByteArray line(rowBytes + 1, '\0');
    for (int y = 0; y < side; ++y) {
        const int my = y / scale - quiet;
        if (y % scale == 0) {
            line.fill('\0');
            for (int x = 0; x < side; ++x) {
                const int mx = x / scale - quiet;
                const bool dark = my >= 0 && my < matrix.width && mx >= 0 && mx < matrix.width &&
                                  matrix.dark(mx, my);
                if (!dark)
                    line[1 + x / 8] = char(uchar(line[1 + x / 8]) | (0x80u >> (x % 8)));
            }
        }
        raw += line;
    }

    QByteArray header;
    appendBigEndian(header, quint32(side));
    appendBigEndian(header, quint32(side));
    header.append(char(1)); // bit depth
    header.append(char(0)); // greyscale
    header.append(char(0)); // deflate
    header.append(char(0)); // adaptive filtering (each line says "none")
    header.append(char(0)); // not interlaced

    // qCompress is a zlib stream behind a 4-byte length of its own: PNG's
    // IDAT is exactly that zlib stream.
    const QByteArray zlib = qCompress(raw, 9).mid(4);

    QByteArray out("\x89PNG\r\n\x1a\n", 8);
    appendChunk(out, "IHDR", header);
    appendChunk(out, "IDAT", zlib);
    appendChunk(out, "IEND", {});
    return out;
}

Result<QString> pngDataUrl(const QByteArray &bytes, int scale)
{
    auto matrix = encode(bytes);
    if (!matrix)
        return matrix.error();
    return QString(QStringLiteral("data:image/png;base64,") +
                   QString::fromLatin1(png(*matrix, scale).toBase64()));
}

} // namespace hm::qr
