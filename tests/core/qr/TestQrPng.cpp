// QR codes for client configs (core/qr): the PNG written without QtGui is
// a valid PNG (chunk CRCs, zlib stream, 1-bit greyscale) whose pixels are
// exactly libqrencode's modules, and zbarimg decodes it back to the text;
// a text too long for a QR code is refused without quoting it.

#include "qr/QrPng.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace hm;

namespace {

struct PngChunk
{
    QByteArray type;
    QByteArray data;
    quint32 crc = 0;
};

// The chunks of a PNG, or an empty list when the framing is broken.
QList<PngChunk> pngChunks(const QByteArray &png)
{
    if (!png.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)))
        return {};
    QList<PngChunk> chunks;
    qsizetype at = 8;
    while (at + 12 <= png.size()) {
        const quint32 length = qFromBigEndian<quint32>(png.constData() + at);
        if (at + 12 + qsizetype(length) > png.size())
            return {};
        PngChunk chunk;
        chunk.type = png.mid(at + 4, 4);
        chunk.data = png.mid(at + 8, length);
        chunk.crc = qFromBigEndian<quint32>(png.constData() + at + 8 + length);
        chunks << chunk;
        at += 12 + length;
    }
    return at == png.size() ? chunks : QList<PngChunk>{};
}

// A plain bitwise CRC-32, to hold the encoder's table-driven one against.
quint32 referenceCrc(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : bytes) {
        crc ^= uchar(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

const QByteArray kConfig = "[Interface]\n"
                           "PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\n"
                           "Address = 10.8.0.2/32, fd00:8::2/128\n"
                           "DNS = 10.8.0.1\n\n"
                           "[Peer]\n"
                           "PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\n"
                           "Endpoint = [2001:db8::1]:51820\n"
                           "AllowedIPs = 0.0.0.0/0, ::/0\n"
                           "PersistentKeepalive = 25\n";

} // namespace

class TestQrPng : public QObject
{
    Q_OBJECT

private slots:
    void pngIsWellFormedAndHoldsTheModules()
    {
        const auto matrix = qr::encode(kConfig);
        QVERIFY(matrix.ok());
        QVERIFY(matrix->width >= 21);
        QCOMPARE(matrix->modules.size(), qsizetype(matrix->width) * matrix->width);

        const int scale = 3, quiet = 4;
        const QByteArray png = qr::png(*matrix, scale, quiet);
        const QList<PngChunk> chunks = pngChunks(png);
        QCOMPARE(chunks.size(), 3);
        QCOMPARE(chunks[0].type, QByteArray("IHDR"));
        QCOMPARE(chunks[1].type, QByteArray("IDAT"));
        QCOMPARE(chunks[2].type, QByteArray("IEND"));
        for (const PngChunk &chunk : chunks)
            QCOMPARE(chunk.crc, referenceCrc(chunk.type + chunk.data));

        const int side = (matrix->width + 2 * quiet) * scale;
        const QByteArray &ihdr = chunks[0].data;
        QCOMPARE(qFromBigEndian<quint32>(ihdr.constData()), quint32(side));
        QCOMPARE(qFromBigEndian<quint32>(ihdr.constData() + 4), quint32(side));
        QCOMPARE(ihdr.mid(8), QByteArray("\x01\x00\x00\x00\x00", 5));

        // qUncompress wants the expected size in front of the zlib stream.
        const int rowBytes = (side + 7) / 8;
        QByteArray sized(4, '\0');
        qToBigEndian(quint32(side * (rowBytes + 1)), sized.data());
        const QByteArray raw = qUncompress(sized + chunks[1].data);
        QCOMPARE(raw.size(), qsizetype(side) * (rowBytes + 1));
        for (int y = 0; y < side; ++y) {
            QCOMPARE(raw.at(qsizetype(y) * (rowBytes + 1)), '\0');
            for (int x = 0; x < side; ++x) {
                const uchar byte = uchar(raw.at(qsizetype(y) * (rowBytes + 1) + 1 + x / 8));
                const bool white = byte & (0x80u >> (x % 8));
                const int mx = x / scale - quiet, my = y / scale - quiet;
                const bool dark = mx >= 0 && my >= 0 && mx < matrix->width && my < matrix->width &&
                                  matrix->dark(mx, my);
                if (white == dark)
                    QFAIL(qPrintable(QStringLiteral("pixel %1,%2 wrong").arg(x).arg(y)));
            }
        }
    }

    void zbarimgReadsTheConfigBack()
    {
        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        QVERIFY2(!zbarimg.isEmpty(), "zbarimg not found (Debian's zbar-tools)");
        const auto url = qr::pngDataUrl(kConfig);
        QVERIFY(url.ok());
        QVERIFY(url->startsWith(QLatin1String("data:image/png;base64,")));
        const QByteArray png =
            QByteArray::fromBase64(url->mid(int(qstrlen("data:image/png;base64,"))).toLatin1());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("client.png")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(png);
        file.close();
        QProcess zbar;
        zbar.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), file.fileName()});
        QVERIFY(zbar.waitForFinished(20000));
        QCOMPARE(zbar.exitCode(), 0);
        QByteArray decoded = zbar.readAllStandardOutput();
        // zbarimg ends each symbol with a newline of its own.
        QVERIFY(decoded.endsWith('\n'));
        decoded.chop(1);
        QCOMPARE(decoded, kConfig);
    }

    // A config too large for level M (a server with many allowed IPs and
    // DNS servers: 2,400 bytes) still gets a code, at level L, and it
    // reads back whole.
    void aConfigTooLargeForLevelMStillGetsACode()
    {
        QByteArray config = kConfig;
        while (config.size() < 2400)
            config += "# AllowedIPs = 10.123.45.0/24, fd00:1234:5678::/64\n";
        QVERIFY(config.size() > 2331); // past level M's 8-bit capacity
        const auto matrix = qr::encode(config);
        QVERIFY2(matrix.ok(), qPrintable(matrix.ok() ? QString() : matrix.error().message));
        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        QVERIFY2(!zbarimg.isEmpty(), "zbarimg not found (Debian's zbar-tools)");
        const auto url = qr::pngDataUrl(config);
        QVERIFY(url.ok());
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("large.png")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QByteArray::fromBase64(url->mid(int(qstrlen("data:image/png;base64,"))).toLatin1()));
        file.close();
        QProcess zbar;
        zbar.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), file.fileName()});
        QVERIFY(zbar.waitForFinished(20000));
        QCOMPARE(zbar.exitCode(), 0);
        QCOMPARE(zbar.readAllStandardOutput().chopped(1), config);
    }

    void tooLongIsRefusedWithoutQuotingIt()
    {
        const QByteArray secret = "PrivateKey = " + QByteArray(4000, 'k');
        const auto matrix = qr::encode(secret);
        QVERIFY(!matrix.ok());
        QCOMPARE(matrix.error().code, ErrorCode::ValidationError);
        QVERIFY(!matrix.error().message.contains(QLatin1String("kkkk")));
        QVERIFY(!qr::pngDataUrl(secret).ok());
        QVERIFY(!qr::encode({}).ok());
    }

    void badScaleGivesNoImage()
    {
        const auto matrix = qr::encode("x");
        QVERIFY(matrix.ok());
        QVERIFY(qr::png(*matrix, 0).isEmpty());
        QVERIFY(qr::png(*matrix, 65).isEmpty());
        QVERIFY(qr::png(qr::QrMatrix{}).isEmpty());
        QVERIFY(!qr::png(*matrix, 1, 0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQrPng)
#include "TestQrPng.moc"
