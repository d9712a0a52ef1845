#pragma once

// A followed container log in the remote Docker tests (TestRemoteDockerLogs,
// TestStreamRevocation): a GET read as it arrives, its chunked body decoded
// piece by piece.

#include <QObject>
#include <QStringList>
#include <QTcpSocket>
#include <QUrl>

namespace hm::test {

// One follow read as it arrives: the head, then the chunked body decoded
// piece by piece. Lines are kept while `keepLines` (the flood only counts
// bytes). `paused` stops reading: the socket's buffer is bounded, so the
// server's sends stop too.
class FollowGet : public QObject
{
public:
    QTcpSocket socket;
    QByteArray head;
    int status = 0;
    bool headDone = false;
    bool chunked = false;
    bool ended = false;  // the last chunk came
    bool closed = false; // the connection closed
    bool paused = false;
    bool pauseAfterHead = false; // stop reading once the head is in
    bool keepLines = true;
    qint64 received = 0;
    QStringList lines;

    FollowGet(const QUrl &base, const QString &path, const QString &token)
    {
        socket.setReadBufferSize(64 * 1024);
        connect(&socket, &QTcpSocket::readyRead, this, &FollowGet::read);
        connect(&socket, &QTcpSocket::disconnected, this, [this] {
            read();
            closed = true;
        });
        socket.connectToHost(base.host(), quint16(base.port()));
        socket.write(QByteArray("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: "
                                + base.host().toUtf8() + "\r\nAuthorization: Bearer "
                                + token.toUtf8() + "\r\n\r\n"));
    }

    void resume()
    {
        paused = false;
        read();
    }

    void read()
    {
        while (!paused && !ended && socket.bytesAvailable() > 0) {
            if (!headDone) {
                if (!socket.canReadLine())
                    return;
                const QByteArray line = socket.readLine();
                head += line;
                if (status == 0)
                    status = line.mid(9, 3).toInt();
                if (line.toLower().startsWith("transfer-encoding: chunked"))
                    chunked = true;
                headDone = line == "\r\n";
                if (headDone && pauseAfterHead)
                    paused = true;
                continue;
            }
            m_pending += socket.read(256 * 1024);
            decode();
        }
    }

private:
    void decode()
    {
        for (;;) {
            if (m_chunkLeft < 0) {
                const qsizetype eol = m_pending.indexOf("\r\n");
                if (eol < 0)
                    return;
                m_chunkLeft = m_pending.left(eol).toLongLong(nullptr, 16);
                m_pending.remove(0, eol + 2);
                if (m_chunkLeft == 0) {
                    ended = true;
                    return;
                }
            }
            if (m_pending.size() < m_chunkLeft + 2)
                return;
            const QByteArray data = m_pending.left(m_chunkLeft);
            m_pending.remove(0, m_chunkLeft + 2);
            m_chunkLeft = -1;
            received += data.size();
            if (keepLines) {
                m_partial += data;
                const qsizetype last = m_partial.lastIndexOf('\n');
                if (last >= 0) {
                    lines += QString::fromUtf8(m_partial.left(last)).split(u'\n');
                    m_partial.remove(0, last + 1);
                }
            }
        }
    }

    QByteArray m_pending;
    QByteArray m_partial;
    qint64 m_chunkLeft = -1;
};

} // namespace hm::test
