#pragma once

// A download's bytes on a connection of their own (the server's
// FileDownloads.h, "data connection"; issue 38's throughput goal): the
// agent connects to the server's plain HTTP listener, asks for the upgrade
// with the single-use stream token stream_open carried (a header, never
// the URL, never logged), and once the server said 101 sends the file
// raw, by sendfile(2) or by pread(2)+send(2) of 4 MiB chunks, whichever
// this kernel makes cheaper (fleet/FileDataPath.h): no frames, no
// masking, no Qt buffers.
// The server relays the bytes into the client's answer (its ByteRelay.h).
// Back-pressure is TCP's: a slow client blocks the send.
//
// Linux only (LinuxFileDataSender.cpp; ConfinedFiles reads nothing
// elsewhere anyway): where available() is false, or over TLS, FileStreams
// ignores the token and sends frames. Blocking: meant for a worker thread;
// cancel() may come from any thread.

#include "common/Result.h"
#include "fleet/FileDataPath.h"

#include <QString>
#include <QUrl>
#include <atomic>
#include <mutex>

namespace hm::agent {

class ConfinedReadFile;

struct FileDataTarget
{
    QUrl server; // http://host:port
    QString nodeId;
    QString token;
};

class FileDataSender
{
public:
    static bool available();

    explicit FileDataSender(FileDataTarget target,
                            fleet::FileDataPath path = fleet::fileDataPath());
    ~FileDataSender();
    FileDataSender(const FileDataSender &) = delete;
    FileDataSender &operator=(const FileDataSender &) = delete;

    // Connects and asks for the upgrade: NETWORK_ERROR (connect failed,
    // or the server refused: its status line, never the token).
    Status connect();
    // Sends `file` from `offset` to its end, checking its version against
    // `version` before every chunk: fleet::kFileStreamComplete,
    // kFileStreamChanged (the version moved, or the file shrank) or
    // kFileStreamFailed (a socket or read error, or cancel()); `why` says
    // what happened. The connection is closed on return.
    qint32 send(const ConfinedReadFile &file, qint64 offset, const QString &version, QString *why);
    // Stops connect() or send() soon: the socket is shut down.
    void cancel();
    qint64 sent() const { return m_sent.load(); }

private:
    void closeSocket();
    // send()'s two ways, from `offset` to `end`: a code and `why` as
    // send() gives them, the socket still open.
    qint32 sendByCopies(const ConfinedReadFile &file, qint64 offset, const QString &version,
                        QString *why);
    qint32 sendBySendfile(const ConfinedReadFile &file, qint64 offset, const QString &version,
                          QString *why);
    // The version check before each chunk: 0 when it still matches.
    qint32 changedSince(const ConfinedReadFile &file, const QString &version, QString *why) const;

    FileDataTarget m_target;
    fleet::FileDataPath m_path;
    std::mutex m_mutex; // guards m_fd against cancel()
    int m_fd = -1;
    std::atomic<bool> m_cancelled{false};
    std::atomic<qint64> m_sent{0};
};

} // namespace hm::agent
