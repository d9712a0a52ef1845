#pragma once

// Large downloads in the remote-file tests (TestRemoteFileStream,
// TestStreamRevocation, TestFileDataFallback): a file of incompressible
// bytes with its SHA-256, and a GET read as it arrives — hashed, never kept
// whole — that can pause (the server and the agent must then hold back,
// not buffer) or leave part way.

#include <QCryptographicHash>
#include <QFile>
#include <QObject>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>
#include <random>

namespace hm::test {

// Writes `size` incompressible bytes to `path` (the same bytes for the same
// seed); their SHA-256 (hex), empty when the file could not be written.
inline QByteArray writeRandomFile(const QString &path, qint64 size, quint64 seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    std::mt19937_64 generator(seed);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        auto *words = reinterpret_cast<quint64 *>(block.data());
        for (qsizetype i = 0; i < block.size() / 8; ++i)
            words[i] = generator();
        const qint64 n = qMin<qint64>(block.size(), size - written);
        if (file.write(block.constData(), n) != n)
            return {};
        hash.addData(QByteArrayView(block.constData(), n));
        written += n;
    }
    return hash.result().toHex();
}

class StreamingGet : public QObject
{
public:
    QTcpSocket socket;
    QByteArray head;
    int status = 0;
    qint64 contentLength = -1;
    qint64 received = 0;
    bool headDone = false;
    bool paused = false;
    bool closed = false;
    // Abort the connection after this many body bytes.
    qint64 leaveAfter = -1;
    // Stop reading after this many body bytes, until resume().
    qint64 pauseAfter = -1;
    // Read what is left when the server closes, even while paused.
    bool drainWhenClosed = false;
    QCryptographicHash hash{QCryptographicHash::Sha256};

    StreamingGet(const QUrl &base, const QString &path, const QString &token,
                 const QByteArray &extraHeaders = {})
    {
        socket.setReadBufferSize(256 * 1024);
        connect(&socket, &QTcpSocket::readyRead, this, &StreamingGet::read);
        connect(&socket, &QTcpSocket::disconnected, this, [this] {
            if (drainWhenClosed)
                paused = false;
            read();
            closed = true;
        });
        socket.connectToHost(base.host(), quint16(base.port()));
        socket.write(QByteArray("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " +
                                base.host().toUtf8() + "\r\nAuthorization: Bearer " +
                                token.toUtf8() + "\r\n" + extraHeaders + "\r\n"));
    }

    // The first `length` bytes of `file` count as received before the body
    // (a resumed download's hash covers the whole file).
    void addPrefix(const QString &file, qint64 length)
    {
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        hash.addData(in.read(length));
    }

    bool complete() const { return headDone && received == contentLength; }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith(name.toLower() + ':'))
                return line.mid(name.size() + 1).trimmed();
        }
        return {};
    }

    void resume()
    {
        paused = false;
        read();
    }

    void read()
    {
        while (!paused && socket.bytesAvailable() > 0) {
            if (!headDone) {
                if (!socket.canReadLine())
                    return;
                const QByteArray line = socket.readLine();
                head += line;
                if (status == 0)
                    status = line.mid(9, 3).toInt();
                if (line.toLower().startsWith("content-length:"))
                    contentLength = line.mid(15).trimmed().toLongLong();
                headDone = line == "\r\n";
                continue;
            }
            const QByteArray bytes = socket.read(1024 * 1024);
            hash.addData(bytes);
            received += bytes.size();
            if (pauseAfter >= 0 && received >= pauseAfter) {
                pauseAfter = -1;
                paused = true;
                return;
            }
            if (leaveAfter >= 0 && received >= leaveAfter) {
                socket.abort();
                closed = true;
                return;
            }
        }
    }
};

} // namespace hm::test
